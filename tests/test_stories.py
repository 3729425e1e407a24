"""Stories across languages: one event told in zh and en lands in one story, unrelated news does
not, a repost is marked as a repost of its original, and coverage shows blindspots."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from sinoscope.store.db import open_store
from sinoscope.store.ingest import Ingestor, IngestSettings
from sinoscope.store.queries import get_story, list_stories
from sinoscope.store.schema import documents
from sinoscope.store.stories import Embedder, compute_features, minhash_of, story_text
from store_fixtures import FIXTURES, pg_url  # noqa: F401 - pytest fixture

NAMES = ("event_en", "event_zh", "related_domain_en", "repost_zh", "unrelated_en", "unrelated_zh")


def _ingest_fixtures(url: str) -> tuple[object, dict[str, object]]:
    engine = open_store(url)
    ingestor = Ingestor(engine, IngestSettings())
    results = {}
    for name in NAMES:
        [result] = list(ingestor.ingest_specs([str(FIXTURES / f"{name}.txt")]))
        results[name] = result
    return engine, results


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    return _ingest_fixtures(str(tmp_path_factory.mktemp("stories") / "stories.db"))


def test_one_event_in_two_languages_is_one_story(corpus) -> None:  # noqa: ANN001
    _, results = corpus
    assert all(r.status == "added" for r in results.values()), results
    assert results["event_en"].story_id == results["event_zh"].story_id


def test_unrelated_news_starts_its_own_stories(corpus) -> None:  # noqa: ANN001
    _, results = corpus
    event = results["event_en"].story_id
    others = [results[n].story_id for n in ("related_domain_en", "unrelated_en", "unrelated_zh")]
    assert event not in others and len(set(others)) == 3


def test_repost_is_marked_and_joins_its_original(corpus) -> None:  # noqa: ANN001
    engine, results = corpus
    repost = results["repost_zh"]
    assert repost.duplicate_of == results["event_zh"].document_id
    assert repost.story_id == results["event_zh"].story_id
    with engine.connect() as conn:
        originals = conn.execute(select(documents.c.id).where(documents.c.duplicate_of.is_(None))).scalars().all()
    assert repost.document_id not in originals and results["event_en"].document_id in originals


def test_coverage_and_blindspots(corpus) -> None:  # noqa: ANN001
    engine, results = corpus
    story = get_story(engine, results["event_en"].story_id)
    assert story["coverage"]["by_language"] == {"en": 1, "zh": 2}
    assert story["coverage"]["reposts"] == 1 and story["coverage"]["blindspot"] is False
    assert story["doc_count"] == 3 and story["first_date"] == "2031-03-14"
    blind = list_stories(engine, blindspot=True)
    assert results["event_en"].story_id not in {s["id"] for s in blind["items"]}
    assert {s["id"] for s in blind["items"]} == {results[n].story_id for n in
                                                 ("related_domain_en", "unrelated_en", "unrelated_zh")}
    assert {s["coverage"]["blindspot_language"] for s in blind["items"]} == {"en", "zh"}


def test_a_later_document_outside_the_window_starts_a_new_story(corpus) -> None:  # noqa: ANN001
    engine, results = corpus
    text = ("Huawei unveils Ascend 960 AI chip, claims it doubles training speed\n2031-06-30\n\n"
            "Huawei on Monday showed the Ascend 960 accelerator again at a trade fair, three months after its launch, "
            "and said the first batches had reached Chinese cloud providers ahead of schedule. The company gave no "
            "new performance figures and declined to comment on supply volumes.\n")
    ingestor = Ingestor(engine, IngestSettings())
    from sinoscope.sources.inputs import RawInput

    later = ingestor.ingest_raw(RawInput("later_en.txt", text.encode()))
    assert later.status == "added" and later.story_id != results["event_en"].story_id


def test_stories_on_postgresql(pg_url: str) -> None:  # noqa: F811
    from store_fixtures import reset_pg

    reset_pg(pg_url)
    _, results = _ingest_fixtures(pg_url)
    assert results["event_en"].story_id == results["event_zh"].story_id
    assert results["unrelated_en"].story_id != results["event_en"].story_id
    assert results["repost_zh"].duplicate_of == results["event_zh"].document_id


def test_features_are_defensive() -> None:
    empty = compute_features({"title": None, "paragraphs": "odd", "body_text": None, "entities": [None]})
    assert empty.embedding is None and empty.minhash is None and empty.entity_ids == []
    assert story_text({"title": "T", "paragraphs": [{"section": "body", "text": "x" * 5000}]}).startswith("T\n")
    assert minhash_of("short") is None
    vectors = Embedder.encode(["Nvidia ships a chip", "英伟达发布芯片"])
    assert vectors.shape == (2, 512) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_fixture_texts_are_marked_as_samples() -> None:
    readme = (Path(FIXTURES) / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme
