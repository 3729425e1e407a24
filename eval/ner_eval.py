"""Named-entity F1 (PER, ORG; exact span match) of the entities stage on public NER test sets.

Data is read from ../shared/datasets at run time (never copied into the repository):
  zh-ner/msra-test (Simplified, one character a line), zh-ner/uner-zh-pud (Traditional, UD words),
  en-ner/uner-en-pud (English, UD words). Each sentence is analysed as a plain paragraph; with
  --context doc, the sentences of one UD document (`# newdoc`) are analysed together as the paragraphs of
  one page, as the analyser reads an article (a surname after the full name, one type per name), and
  scored per sentence as before.
Also reports the baseline "jieba POS tags alone" (nr → PER, nt → ORG) on MSRA.

Run:  .venv/bin/python eval/ner_eval.py [--limit N] [--sets msra,zh-pud,en-pud]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
LABELS = ("PER", "ORG")
TYPE_TO_LABEL = {"person": "PER", "org": "ORG"}

Sentence = tuple[str, set[tuple[int, int, str]]]


def spans_from_bio(tags: list[str], offsets: list[tuple[int, int]]) -> set[tuple[int, int, str]]:
    spans, start, label, end = set(), None, None, None
    for tag, (s, e) in zip([*tags, "O"], [*offsets, (0, 0)], strict=True):
        kind = tag[2:] if len(tag) > 2 else ""
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and kind != label):
            if label is not None:
                spans.add((start, end, label))
            start, label, end = (s, kind, e) if tag != "O" else (None, None, None)
        else:
            end = e
    return {sp for sp in spans if sp[2] in LABELS}


def read_msra(path: Path) -> list[Sentence]:
    sentences, chars, tags = [], [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) < 2:
            if chars:
                offsets = [(i, i + 1) for i in range(len(chars))]
                sentences.append(("".join(chars), spans_from_bio(tags, offsets)))
            chars, tags = [], []
            continue
        chars.append(parts[0][:1] or " ")
        tags.append(parts[1])
    return sentences


def read_uner(path: Path, docs: list[int] | None = None) -> list[Sentence]:
    """Sentences of a UNER file; `docs`, when given, receives each sentence's document number."""
    sentences: list[Sentence] = []
    text, tokens = None, []
    doc_no = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc"):
            doc_no += 1
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif line.strip():
            parts = line.split("\t")
            tokens.append((parts[1], parts[2]))
        elif tokens and text is not None:
            offsets, cursor = [], 0
            for word, _tag in tokens:
                found = text.find(word, cursor)
                found = cursor if found < 0 else found
                offsets.append((found, found + len(word)))
                cursor = found + len(word)
            sentences.append((text, spans_from_bio([t for _, t in tokens], offsets)))
            if docs is not None:
                docs.append(doc_no)
            text, tokens = None, []
    return sentences


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for label in LABELS:
        tp = n_pred = n_gold = 0
        for g, p in zip(gold, pred, strict=True):
            gl, pl = {x for x in g if x[2] == label}, {x for x in p if x[2] == label}
            tp += len(gl & pl)
            n_pred += len(pl)
            n_gold += len(gl)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = (prec, rec, f1, n_gold)
    return out


def run_stage(sentences: list[Sentence]) -> list[set]:
    from sinoscope.entities.stage import EntityStage, analyse_string

    stage = EntityStage()
    preds = []
    for text, _ in sentences:
        found = analyse_string(stage, text)
        preds.append({(s, e, TYPE_TO_LABEL[t]) for s, e, _, t in found if t in TYPE_TO_LABEL})
    return preds


def run_stage_in_documents(sentences: list[Sentence], docs: list[int]) -> list[set]:
    """Each document's sentences analysed as the paragraphs of one page; spans back in sentence offsets."""
    from sinoscope.entities.candidates import CONTRACT_TYPES
    from sinoscope.entities.stage import EntityStage, page_of

    stage = EntityStage()
    preds: list[set] = [set() for _ in sentences]
    order = list(range(len(sentences)))
    for _, group in itertools.groupby(order, key=lambda i: docs[i]):
        members = list(group)
        page = page_of([sentences[i][0] for i in members])
        mentions, _ = stage.analyse(page)
        for m in mentions:
            label = TYPE_TO_LABEL.get(CONTRACT_TYPES.get(m.type, "other"))
            for i, para in zip(members, page.paragraphs, strict=True):
                if label and para.start <= m.start and m.end <= para.end:
                    preds[i].add((m.start - para.start, m.end - para.start, label))
    return preds


def run_jieba_baseline(sentences: list[Sentence]) -> list[set]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.ERROR)
    tags = {"nr": "PER", "nt": "ORG"}
    preds = []
    for text, _ in sentences:
        spans, offset = set(), 0
        for pair in jieba.posseg.cut(text):
            start = text.find(pair.word, offset)
            if start < 0:
                continue
            offset = start + len(pair.word)
            if pair.flag in tags:
                spans.add((start, offset, tags[pair.flag]))
        preds.append(spans)
    return preds


def report(name: str, sentences: list[Sentence], preds: list[set], seconds: float) -> None:
    result = score([g for _, g in sentences], preds)
    chars = sum(len(t) for t, _ in sentences)
    print(f"{name:28} " + "  ".join(
        f"{label} P {p:.3f} R {r:.3f} F1 {f:.3f} (n={n})" for label, (p, r, f, n) in result.items()
    ) + f"  [{len(sentences)} sents, {chars / max(seconds, 1e-9) / 1000:.0f}k chars/s]")


def errors(sentences: list[Sentence], preds: list[set], label: str, limit: int) -> None:
    missed, spurious = Counter(), Counter()
    for (text, gold), pred in zip(sentences, preds, strict=True):
        g = {x for x in gold if x[2] == label}
        p = {x for x in pred if x[2] == label}
        missed.update(text[s:e] for s, e, _ in g - p)
        spurious.update(text[s:e] for s, e, _ in p - g)
    print("  missed:", missed.most_common(limit))
    print("  spurious:", spurious.most_common(limit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N sentences of each set")
    parser.add_argument("--sets", default="msra,zh-pud,en-pud")
    parser.add_argument("--context", choices=("sentence", "doc"), default="sentence",
                        help="analyse UNER sentences alone, or each UD document's sentences as one page")
    parser.add_argument("--errors", type=int, default=0, help="show the N most frequent misses/false hits")
    args = parser.parse_args(argv)
    sets = {
        "msra": (DATA / "zh-ner/msra-test/msra_test_bio.txt", read_msra),
        "zh-pud": (DATA / "zh-ner/uner-zh-pud/zh_pud-ud-test.iob2", read_uner),
        "en-pud": (DATA / "en-ner/uner-en-pud/en_pud-ud-test.iob2", read_uner),
    }
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    for name in args.sets.split(","):
        path, reader = sets[name]
        if not path.is_file():
            print(f"{name}: skipped ({path} absent)")
            continue
        docs: list[int] = []
        sentences = reader(path, docs) if reader is read_uner else reader(path)
        if args.limit:
            sentences, docs = sentences[: args.limit], docs[: args.limit]
        if name == "msra":
            start = time.perf_counter()
            base = run_jieba_baseline(sentences)
            report("msra jieba-only baseline", sentences, base, time.perf_counter() - start)
        start = time.perf_counter()
        in_docs = args.context == "doc" and bool(docs)
        preds = run_stage_in_documents(sentences, docs) if in_docs else run_stage(sentences)
        report(f"{name} entities stage{' (documents)' if in_docs else ''}", sentences, preds,
               time.perf_counter() - start)
        if args.errors:
            for label in LABELS:
                print(f" {name} {label}")
                errors(sentences, preds, label, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
