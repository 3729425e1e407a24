"""Linking speed: MB of text per second per core for the gazetteer, beside a plain pyahocorasick scan.

Text: the NTREX news test set (English source + Chinese reference, read from ../shared at run time),
repeated to a few MB; without ../shared, a synthetic mix of KB names and filler (marked as sample).
Discovery (jieba + rules on Chinese, spaCy on English) is timed separately on a smaller slice.

Run:  .venv/bin/python bench/linking_bench.py [--mb 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "datasets" / "zh-en-parallel" / "ntrex"


def corpus(megabytes: float) -> tuple[list[str], str]:
    files = [NTREX / "newstest2019-src.eng.txt", NTREX / "newstest2019-ref.zho-CN.txt"]
    if all(f.is_file() for f in files):
        lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        origin = "NTREX en+zh"
    else:
        lines = [f"Sample line {i}: 英伟达CEO黄仁勋 met Alibaba and 腾讯 about Qwen models and export rules."
                 for i in range(2000)]
        origin = "synthetic sample"
    out, size, target = [], 0, int(megabytes * 1_000_000)
    while size < target:
        for line in lines:
            out.append(line)
            size += len(line.encode("utf-8"))
            if size >= target:
                break
    return out, origin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    import ahocorasick

    from sinoscope.anatomy.language import to_simplified
    from sinoscope.entities.linker import Gazetteer
    from sinoscope.entities.stage import EntityStage, analyse_string, page_of
    from sinoscope.kb.load import load_kb

    lines, origin = corpus(args.mb)
    megabytes = sum(len(line.encode("utf-8")) for line in lines) / 1_000_000
    kb = load_kb()
    gazetteer = Gazetteer(kb)
    plain = ahocorasick.Automaton()
    for text, entity_id in kb.surface_forms():
        plain.add_word(text, entity_id)
    plain.make_automaton()

    start = time.process_time()
    raw = sum(1 for line in lines for _ in plain.iter(line))
    plain_s = time.process_time() - start
    start = time.process_time()
    linked = 0
    for line in lines:
        linked += len(gazetteer.find(line))
        norm = to_simplified(line)
        if norm != line:
            linked += len(gazetteer.find(norm))
    link_s = time.process_time() - start
    print(f"corpus: {origin}, {megabytes:.2f} MB, {len(lines)} lines, {gazetteer.size} surface forms")
    print(f"plain pyahocorasick scan : {megabytes / plain_s:7.2f} MB/s  ({raw} raw hits)")
    print(f"gazetteer linking        : {megabytes / link_s:7.2f} MB/s  ({linked} hits; incl. folding, "
          f"boundary/case checks, OpenCC)  ratio {plain_s / link_s:.2f} of plain speed")

    half = min(600, len(lines) // 2)
    sample = lines[:half] + lines[-half:]  # English and Chinese
    sample_mb = sum(len(line.encode("utf-8")) for line in sample) / 1_000_000
    stage = EntityStage(kb)
    analyse_string(stage, "样例：英伟达")  # load jieba outside the timing
    analyse_string(stage, "Sample: Nvidia said so.")  # load spaCy outside the timing
    docs = [page_of(sample[i:i + 20]) for i in range(0, len(sample), 20)]  # pages of 20 paragraphs
    start = time.process_time()
    found = sum(len(stage.analyse(doc)[0]) for doc in docs)
    full_s = time.process_time() - start
    print(f"full stage (link+discover): {sample_mb / full_s:7.3f} MB/s on {sample_mb:.2f} MB in {len(docs)} pages "
          f"({found} mentions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
