"""The document model: one original text plus layers of spans into it.

In the spirit of spaCy's Doc: the text is never rewritten. Every stage of the pipeline
adds annotations that point into `Doc.text` by character offsets, so any fact can be
traced back to the exact characters it came from (`doc.text[start:end]`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Where a paragraph sits on the page. Only the title, the body and the comments carry the page's
# content; the others are kept (and reported) so nothing is silently lost.
SECTIONS = ("title", "meta", "body", "comment", "furniture", "related", "duplicate")
CONTENT_SECTIONS = ("title", "body", "comment")


@dataclass(slots=True)
class Span:
    """A labelled stretch `doc.text[start:end]` with free-form attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Paragraph:
    """One block of the page (a line of a text page, a block element of an HTML page)."""

    start: int
    end: int
    text: str
    lang: str = "other"  # "en" | "zh" | "other"
    script: str | None = None  # "Hant" for Traditional Chinese, "Hans" for Simplified
    section: str = "body"  # one of SECTIONS
    role: str | None = None  # finer label: "title", "byline", "heading", "newsletter", "image", ...
    norm: str = ""  # the text normalised for analysis (Traditional → Simplified); same length as `text`

    @property
    def analysis_text(self) -> str:
        return self.norm or self.text


@dataclass(slots=True)
class Comment:
    """A reader comment: its author line and its text paragraphs (indices into Doc.paragraphs)."""

    author: str | None
    author_alt: str | None  # the author's name in the other language, e.g. "(北京风险投资人)"
    author_span: tuple[int, int] | None
    paragraphs: list[int]
    text_offset: int = 0  # characters of the first paragraph before the comment text ("Name: text")


@dataclass(slots=True)
class Pair:
    """Two paragraphs where one translates the other (indices into Doc.paragraphs)."""

    en: int
    zh: int
    score: float


@dataclass(slots=True)
class RemovedBlock:
    """A run of the page taken out of the body, reported so nothing vanishes unexplained."""

    kind: str  # "duplicate" | "related"
    start: int
    end: int
    heading: str | None = None
    repeats: tuple[int, int] | None = None  # for duplicates: the earlier span it repeats


@dataclass(slots=True)
class Mention:
    """A name in the text, linked to an entity (layer "mentions", added by the entities stage)."""

    start: int
    end: int
    text: str
    entity: str  # knowledge-base id, or "new:<key>" for a name the knowledge base does not know
    type: str  # person | org | model | chip | product | agency | program | place | outlet
    source: str = "kb"  # how it was found: "kb", "jieba", "spacy", "rule", "pair"


@dataclass(slots=True)
class LinkedEntity:
    """One identity of the page, whatever the language it is written in (layer "entities")."""

    key: str  # same as Mention.entity
    name: str  # English canonical name (or the best name the page gives)
    name_zh: str | None
    type: str  # fine-grained type, as in Mention.type
    contract_type: str  # person | org | product | place | other
    aliases: list[str] = field(default_factory=list)  # surface forms seen in this page, plus learned ones
    known: bool = True  # in the knowledge base
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "name": self.name,
            "name_zh": self.name_zh,
            "type": self.contract_type,
            "kb_type": self.type,
            "aliases": self.aliases,
            "known": self.known,
            "mentions": [{"start": s, "end": e} for s, e in self.mentions],
        }


@dataclass
class Doc:
    source: str
    text: str
    format: str = "text"  # "text" | "html"
    encoding: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # title, title_alt, published, authors, translator, ...
    meta_spans: dict[str, Span] = field(default_factory=dict)  # where each metadata value was read
    comments: list[Comment] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)
    layers: dict[str, list[Any]] = field(default_factory=dict)  # entities, quotes, figures, ... by later stages
    warnings: list[str] = field(default_factory=list)
    # Per-document work shared between stages (e.g. spaCy parses); never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def append_paragraph(self, text: str, **attrs: Any) -> int:
        """Add `text` at the end of the document, after a blank line, as a paragraph; returns its index.
        For adapters that render a page from parts (HTML blocks, test strings)."""
        start = len(self.text) + 2 if self.text else 0
        self.text = f"{self.text}\n\n{text}" if self.text else text
        self.paragraphs.append(Paragraph(start, start + len(text), text, **attrs))
        return len(self.paragraphs) - 1

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def section(self, *names: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.section in names]

    @property
    def body(self) -> list[Paragraph]:
        return self.section("body")

    @property
    def body_text(self) -> str:
        return "\n".join(p.text for p in self.body)

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph containing character `offset`, if any."""
        for i, p in enumerate(self.paragraphs):
            if p.start <= offset < p.end:
                return i
        return None

    def pair_of(self, index: int) -> int | None:
        """The paragraph that translates paragraph `index`, if the page gives one."""
        for pair in self.pairs:
            if pair.en == index:
                return pair.zh
            if pair.zh == index:
                return pair.en
        return None
