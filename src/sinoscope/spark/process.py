"""One crawl record → kept (a page row), skipped (with a reason) or failed: the job's pure core.

Nothing here knows about Spark, so it runs and is tested in one process. Each page goes through
`analyze()` with the default pipeline, exactly as `sinoscope analyze` runs it. Two cheap gates run
before the pipeline's first stage, so the expensive stages never see a page that would be thrown
away: the page's language (only Chinese and English are kept) and, with `kb_only`, whether any
knowledge-base name occurs in it. After analysis the record's own language and linked entities decide.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..analyze import AnalysisError, analyze, default_pipeline
from ..doc import Doc
from ..export.record import to_record
from ..sources.crawl import CrawlRecord, iter_archive, open_archive
from ..sources.inputs import DEFAULT_MAX_BYTES
from .rows import page_row

log = logging.getLogger(__name__)

KEPT_LANGUAGES = ("en", "zh", "mixed")  # a record's lang: "mixed" is a bilingual page
GATE_CHARS = 5000  # enough text to tell a page's language
_SKIPPED = "spark.skipped"  # Doc.cache key: why the gate declined the page


@dataclass(frozen=True)
class JobSettings:
    kb_only: bool = False  # keep only pages that name an entity of the knowledge base
    max_bytes: int = DEFAULT_MAX_BYTES  # per page, as for `sinoscope analyze`


@dataclass(frozen=True)
class Outcome:
    status: str  # "kept" | "skipped" | "failed"
    reason: str | None = None  # a skip's reason or a failure's kind
    row: tuple | None = None
    message: str | None = None

    @property
    def counter(self) -> str:
        return f"skipped_{self.reason}" if self.status == "skipped" else self.status


@functools.cache
def _gazetteer():  # noqa: ANN202 - entities.linker.Gazetteer, imported lazily
    """Every knowledge-base name in one automaton, built once per worker process and only for --kb-only."""
    from ..entities.linker import Gazetteer
    from ..kb.load import load_kb

    return Gazetteer(load_kb())


def page_language(doc: Doc) -> str:
    """The language of a page's title and body as a whole (one English quote leaves a German page German)."""
    from ..anatomy.language import detect_language

    text = " ".join(p.text for p in doc.paragraphs if p.section in ("title", "body")) or doc.text
    return detect_language(text[:GATE_CHARS])


class _GatedPipeline:
    """The pipeline behind a gate: a page the gate declines comes back unanalysed, marked with why."""

    def __init__(self, pipeline: Callable[[Doc], Doc], gate: Callable[[Doc], str | None]) -> None:
        self.pipeline, self.gate = pipeline, gate

    def __call__(self, doc: Doc) -> Doc:
        reason = self.gate(doc)
        if reason:
            doc.cache[_SKIPPED] = reason
            return doc
        return self.pipeline(doc)


class PageProcessor:
    """Built once per partition; the pipeline itself is built once per worker process (its models)."""

    def __init__(self, settings: JobSettings | None = None) -> None:
        self.settings = settings or JobSettings()
        self.pipeline = _GatedPipeline(default_pipeline(), self.gate)

    def touches_kb(self, text: str) -> bool:
        from ..anatomy.language import to_simplified

        gazetteer = _gazetteer()
        return bool(gazetteer.raw_hits(text) or gazetteer.raw_hits(to_simplified(text)))

    def gate(self, doc: Doc) -> str | None:
        if page_language(doc) not in ("en", "zh"):
            return "language"
        if self.settings.kb_only and not self.touches_kb(doc.text):
            return "off_topic"
        return None

    def process(self, crawl: CrawlRecord) -> Outcome:
        if crawl.error:
            return Outcome("failed", "unreadable", message=crawl.error)
        if crawl.skip:
            return Outcome("skipped", crawl.skip)
        result = analyze(crawl.raw_input(), self.pipeline)
        if isinstance(result, AnalysisError):
            return Outcome("failed", result.kind, message=result.message)
        if result.cache.get(_SKIPPED):
            return Outcome("skipped", result.cache[_SKIPPED])
        try:
            record = to_record(result)
            if record.get("lang") not in KEPT_LANGUAGES:
                return Outcome("skipped", "language")
            if self.settings.kb_only and not any(e.get("known") for e in record.get("entities") or []):
                return Outcome("skipped", "off_topic")
            return Outcome("kept", row=page_row(record, crawl))
        except Exception as exc:  # noqa: BLE001 - a value the record or the row types refuse costs this page only
            log.exception("record of %s@%s failed", crawl.archive, crawl.offset)
            return Outcome("failed", "internal", message=f"{type(exc).__name__}: {exc}")


def analyse_archives(locations: Iterable[str], settings: JobSettings,
                     count: Callable[[str], None]) -> Iterator[tuple]:
    """Stream each archive and yield the rows of its kept pages; `count` hears every outcome.

    An archive that cannot be opened, or breaks part-way, costs what is left of it, never the job."""
    processor = PageProcessor(settings)
    for location in locations:
        try:
            with open_archive(location) as stream:
                for crawl in iter_archive(location, stream, settings.max_bytes):
                    yield from _outcome_rows(processor.process(crawl), crawl, count)
        except Exception as exc:  # noqa: BLE001 - unreachable host, missing file, broken stream
            log.warning("archive %s: %s: %s", location, type(exc).__name__, exc)
            count("archives_failed")


def analyse_blob(location: str, data: bytes, settings: JobSettings, processor: PageProcessor,
                 count: Callable[[str], None]) -> Iterator[tuple]:
    """The same for an archive Spark read whole through a Hadoop file system (s3a://, hdfs://)."""
    import io

    try:
        for crawl in iter_archive(location, io.BytesIO(data), settings.max_bytes):
            yield from _outcome_rows(processor.process(crawl), crawl, count)
    except Exception as exc:  # noqa: BLE001
        log.warning("archive %s: %s: %s", location, type(exc).__name__, exc)
        count("archives_failed")


def _outcome_rows(outcome: Outcome, crawl: CrawlRecord, count: Callable[[str], None]) -> Iterator[tuple]:
    count("records_read")
    count(outcome.counter)
    if outcome.status == "failed":
        log.warning("%s@%s (%s): %s", crawl.archive, crawl.offset, crawl.url, outcome.message)
    if outcome.row is not None:
        yield outcome.row
