"""A quote as the language-specific extractors find it, before its speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class RawQuote:
    start: int  # offsets into doc.text
    end: int
    kind: str  # "direct" | "indirect"
    cue: str
    subject: str  # the speaker as written, to be resolved
    subject_start: int
    subject_end: int
    speaker: Any = None  # a Speaker, when the extractor resolved it itself (the Chinese reader does)
