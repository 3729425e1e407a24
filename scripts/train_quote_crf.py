"""Train the English attribution CRF (content / source / cue tokens) on PolNeAR's training split.

Each paragraph of ../shared/datasets/quote-attribution/polnear/train is one sequence; tokens take
B-/I- labels for Content (C), Source (S) and Cue (Q) from the brat annotations (cue over source over
content where attributions nest). The features are those of `sinoscope.claims.quote_crf`. Writes
src/sinoscope/claims/data/quote_crf.crfsuite; run it offline, never in CI or at run time.

    PYTHONPATH=src python scripts/train_quote_crf.py [--data DIR] [--iterations 60] [--limit N]
"""

from __future__ import annotations

import argparse
import pathlib
import re
import time

from sinoscope.claims.quote_crf import MODEL, features, tokens

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "quote-attribution" / "polnear"
ROLE = {"Content": "C", "Source": "S", "Cue": "Q"}
PRIORITY = {"Q": 3, "S": 2, "C": 1}


def sequences(split_dir: pathlib.Path, limit: int = 0):
    texts = sorted((split_dir / "text").glob("*.txt"))
    for txt in texts[:limit] if limit else texts:
        anns = sorted((split_dir / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        marks: list[tuple[int, int, str]] = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if not line.startswith("T") or len(parts) < 3:
                continue
            role, *offsets = parts[1].split()
            if role not in ROLE:
                continue
            for piece in " ".join(offsets).split(";"):
                a, b = (int(x) for x in piece.split())
                marks.append((a, b, ROLE[role]))
        for m in re.finditer(r"[^\n]+", text):
            para, base = m.group(), m.start()
            toks = tokens(para)
            if not toks:
                continue
            labels = ["O"] * len(toks)
            for a, b, kind in sorted(marks, key=lambda x: PRIORITY[x[2]]):
                if b <= base or a >= base + len(para):
                    continue
                first = True
                for k, (s, e, _) in enumerate(toks):
                    if base + s >= a and base + e <= b:
                        labels[k] = ("B-" if first else "I-") + kind
                        first = False
            yield features(toks), labels


def main() -> int:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("--out", type=pathlib.Path, default=MODEL)
    ap.add_argument("--iterations", type=int, default=60)
    ap.add_argument("--limit", type=int, default=0, help="articles to train on (0: all)")
    args = ap.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in sequences(args.data / "train", args.limit):
        trainer.append(xseq, yseq)
        n += 1
    trainer.set_params({"c1": 0.2, "c2": 0.01, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    t0 = time.time()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"{n} paragraphs, {time.time() - t0:.0f}s -> {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
