"""From a raw input to an analysed Doc, or a clear error — never a traceback.

This is the one entry point the CLI, the store and the benchmarks share.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from . import budget
from .doc import Comment, Doc, Span
from .pipeline import Pipeline
from .sources.decode import DecodeError, decode_bytes
from .sources.inputs import RawInput

log = logging.getLogger(__name__)
MAX_TEXT_CHARS = 5_000_000


@dataclass(frozen=True)
class AnalysisError:
    source: str
    kind: str  # "empty" | "binary" | "too_large" | "too_slow" | "not_found" | "fetch" | "html" | "internal" | ...
    message: str

    def to_dict(self) -> dict:
        return {"source": self.source, "error": {"kind": self.kind, "message": self.message}}


def html_to_doc(source: str, html: str, encoding: str | None) -> Doc:
    """Render the extracted page as text (title, byline, body, comments), with the paragraphs
    already placed in their sections, so offsets point into what a reader sees."""
    from .anatomy.html import extract_html

    page = extract_html(html, url=source if source.startswith("http") else None)
    blocks: list[tuple[str, str, str | None]] = []  # (text, section, role)
    if page.title:
        blocks.append((page.title, "title", "title"))
    byline = " · ".join(x for x in (page.published, ", ".join(page.authors)) if x)
    if byline:
        blocks.append((byline, "meta", "dateline"))
    blocks.extend((text, "body", None) for text in page.paragraphs)
    if page.comments:
        blocks.append(("Comments", "meta", "comments_heading"))
    doc = Doc(source=source, text="", format="html", encoding=encoding)

    def add(text: str, section: str, role: str | None) -> int:
        return doc.append_paragraph(" ".join(text.split()), section=section, role=role)

    for text, section, role in blocks:
        if text.strip():
            add(text, section, role)
    for comment in page.comments:
        author_span = None
        if comment.author:
            index = add(comment.author, "comment", "comment_author")
            author_span = (doc.paragraphs[index].start, doc.paragraphs[index].end)
        texts = [add(line, "comment", "comment_text") for line in comment.text.split("\n") if line.strip()]
        if texts:
            doc.comments.append(Comment(comment.author, None, author_span, texts))
    doc.meta.update({k: v for k, v in (("title", page.title), ("published", page.published)) if v})
    for p in doc.paragraphs:  # where each metadata value is printed in the rendered page
        if p.role == "title":
            doc.meta_spans["title"] = Span(p.start, p.end, "title")
        elif p.role == "dateline" and page.published and p.text.startswith(page.published):
            doc.meta_spans["published"] = Span(p.start, p.start + len(page.published), "published")
    if page.authors:
        doc.meta["authors"] = list(page.authors)
    if page.site_name:
        doc.meta["site_name"] = page.site_name
    return doc


def build_doc(raw: RawInput) -> Doc | AnalysisError:
    if not raw.ok:
        return AnalysisError(raw.source, raw.error_kind or "unreadable", raw.error or "unreadable input")
    data = raw.data or b""
    if not data.strip():
        return AnalysisError(raw.source, "empty", "input is empty")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return AnalysisError(raw.source, "binary", str(exc))
    if len(decoded.text) > MAX_TEXT_CHARS:
        return AnalysisError(raw.source, "too_large", f"text is over {MAX_TEXT_CHARS:,} characters")
    # A stray NUL past the binary sniffer's sample is damage, marked like any other (same length:
    # offsets hold); PostgreSQL cannot store it in text.
    page = decoded.text.replace("\x00", "\ufffd")
    if raw.looks_html:
        from .anatomy.html import HtmlError

        try:
            return html_to_doc(raw.source, page, decoded.encoding)
        except HtmlError as exc:
            return AnalysisError(raw.source, "html", str(exc))
    text = page.replace("\r\n", "\n")
    if not text.strip():
        return AnalysisError(raw.source, "empty", "input has no text")
    return Doc(source=raw.source, text=text, format="text", encoding=decoded.encoding)


def _too_slow(raw: RawInput, armed: budget.Budget | None) -> AnalysisError:
    size = len(raw.data or b"")
    if armed is None or armed.cancelled:
        return AnalysisError(raw.source, "too_slow", "analysis was stopped (the server is shutting down)")
    where = f" (stopped in stage {armed.stage!r})" if armed.stage else ""
    return AnalysisError(raw.source, "too_slow", f"analysis could not finish within its time budget of "
                                                 f"{armed.seconds:.1f} s for {size / 1000:,.0f} KB{where}")


def analyze(raw: RawInput, pipeline: Pipeline, seconds_per_100kb: float | None = None) -> Doc | AnalysisError:
    """Analyse one input under its time budget (`seconds_per_100kb`, default $SINOSCOPE_SECONDS_PER_100KB
    or budget.DEFAULT_SECONDS_PER_100KB; 0 for none); any failure becomes an AnalysisError naming the input."""
    armed: budget.Budget | None = None
    try:
        with budget.limit(budget.seconds_for(len(raw.data or b""), seconds_per_100kb)) as armed:
            doc = build_doc(raw)
            if isinstance(doc, AnalysisError):
                return doc
            return pipeline(doc)
    except budget.TooSlow:
        log.warning("analysis of %s stopped: over its time budget", raw.source)
        return _too_slow(raw, armed)
    except RecursionError:
        return AnalysisError(raw.source, "too_deep", "input is nested too deeply to analyse")
    except MemoryError:
        return AnalysisError(raw.source, "too_large", "input is too large to analyse in memory")
    except Exception as exc:  # a bug must not sink a batch of hundreds; it is logged and reported
        log.exception("analysis of %s failed", raw.source)
        return AnalysisError(raw.source, "internal", f"{type(exc).__name__}: {exc}")


@functools.cache
def default_pipeline() -> Pipeline:
    return Pipeline()


def analyze_text(text: str, source: str = "<text>", pipeline: Pipeline | None = None) -> Doc:
    """Convenience for tests and notebooks: analyse a string as a text page."""
    result = analyze(RawInput(source, text.encode("utf-8")), pipeline or default_pipeline())
    if isinstance(result, AnalysisError):
        raise ValueError(result.message)
    return result


def analyze_html(html: str, source: str = "page.html", pipeline: Pipeline | None = None) -> Doc | AnalysisError:
    """The whole pipeline on an HTML page given as text (used by the benchmarks)."""
    return analyze(RawInput(source, html.encode("utf-8")), pipeline or default_pipeline())
