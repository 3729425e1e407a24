"""Undated is undated: pages that print no date of their own are ingested, and nothing the web app, the
digest, the stories or the forecasts show them with is the day they were ingested.

The pages are samples written for this test; the outlet (Harbourline Gazette), the lab and the people
are fictional."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from sinoscope.sources.inputs import RawInput
from sinoscope.store.db import open_store
from sinoscope.store.ingest import Ingestor
from sinoscope.web.app import create_web_app
from sinoscope.web.digest import build_digest, to_html, to_markdown

UNDATED_TEXT = "\n\n".join([
    "Harbourline Lab Opens a Chip Design Centre for Inference Accelerators",
    "Harbourline Lab, a fictional research group on the sample coast, opened a design centre for inference "
    "accelerators on Tuesday, its director Mara Quillon said, adding that the centre would train two hundred "
    "engineers.",
    "Quillon said the lab will likely ship a domestic inference chip within the next two years.",
    "She said there is a 70% chance that half of the lab's designs will be open by 2030.",
    "The centre sits next to the lab's older fabrication test line, which has run since the lab was founded.",
]) + "\n"

UNDATED_HTML = """<html><head><title>海湾线实验室发布推理芯片路线图 - 海湾线报</title>
<meta property="og:site_name" content="海湾线报"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tech">科技</a></div>
<h1>海湾线实验室发布推理芯片路线图</h1>
<div class="article">
<p>海湾线实验室是一家虚构的研究机构。实验室主任柯蓝在发布会上表示，实验室将在未来三年内推出自主设计的推理芯片，并逐步开放设计工具。</p>
<p>柯蓝说，实验室已经与多家本地企业签署合作协议，首批样片将用于城市交通调度系统。她表示，团队规模预计扩大一倍。</p>
<p>业内人士认为，这一路线图显示地方研究机构正在加快芯片设计方面的布局，但量产仍面临制造环节的挑战。</p>
</div>
<div class="related"><h3>相关新闻</h3>
<ul><li><a href="/a/1">海湾线报旧闻一则</a> 2016-03-01</li>
<li><a href="/a/2">海湾线报旧闻二则</a> 2016-02-11</li></ul></div>
<div class="footer">Copyright © 2016 海湾线报 版权所有</div>
</body></html>
"""

# Three pieces on one fictional election (Harbourline, Ines Calloway and Tomas Werrick are invented samples).
ELECTION = [
    "\n\n".join([
        "Harbourline Mayoral Race Tightens as Candidates Debate Port Jobs",
        "The two candidates for mayor of Harbourline, a fictional city on the sample coast, clashed over port jobs "
        "in a televised debate, with Ines Calloway promising to expand the container terminal.",
        "Her rival, Tomas Werrick, said the city should invest in housing before the port, and polls show the race "
        "within two points.",
    ]),
    "\n\n".join([
        "Harbourline Voters Weigh Port Expansion in Mayoral Election",
        "Voters in Harbourline, a fictional city on the sample coast, are split over the mayoral candidates' plans "
        "for the port, with Ines Calloway backing a larger container terminal.",
        "Tomas Werrick, her opponent in the mayoral election, campaigned on housing and said the port could wait.",
    ]),
    "\n\n".join([
        "Calloway and Werrick Make Final Pitch in Harbourline Mayoral Contest",
        "On the last day of the campaign for mayor of Harbourline, a fictional city on the sample coast, Ines "
        "Calloway toured the container terminal she wants to expand.",
        "Tomas Werrick held a rally on housing, telling supporters the mayoral election was about rents, not cranes.",
    ]),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - sqlalchemy Engine
    engine = open_store(str(tmp_path_factory.mktemp("undated") / "undated.db"))
    ingestor = Ingestor(engine)
    for source, page in (("harbourline_undated.txt", UNDATED_TEXT), ("harbourline_undated.html", UNDATED_HTML)):
        result = ingestor.ingest_raw(RawInput(source, page.encode("utf-8")))
        assert result.status == "added", result
    return engine


def _ingest_days(engine) -> set[str]:  # noqa: ANN001
    from sqlalchemy import select

    from sinoscope.store.schema import documents

    with engine.connect() as conn:
        stamps = conn.execute(select(documents.c.ingested_at)).scalars().all()
    # the ingest day in UTC and locally, in the forms a page could print it
    days = {s[:10] for s in stamps} | {dt.date.today().isoformat()}
    return days | {d.replace("-", "/") for d in days}


def test_undated_pages_are_stored_undated(store) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from sinoscope.store.schema import documents, forecasts, stories

    with store.connect() as conn:
        docs = conn.execute(select(documents.c.published, documents.c.published_date, documents.c.event_date,
                                   documents.c.ingested_at)).all()
        spans = conn.execute(select(stories.c.first_date, stories.c.last_date)).all()
        dues = conn.execute(select(forecasts.c.text, forecasts.c.due)).all()
    assert len(docs) == 2
    assert all(d.published is None and d.published_date is None and d.event_date is None for d in docs)
    assert all(d.ingested_at for d in docs)  # the ingest time is kept, as such
    assert spans and all(first is None and last is None for first, last in spans)
    today = dt.date.today().year
    relative = [due for text, due in dues if "2030" not in (text or "")]
    assert relative and all(due is None for due in relative)  # "within two years" of an unknown day
    assert [due for text, due in dues if "2030" in (text or "")] == ["2030-12-31"]  # the text dates this one
    assert not any(due and due.startswith(str(today + 2)) for _, due in dues)


def test_no_page_of_the_web_app_shows_the_ingest_date(store) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from sinoscope.store.schema import documents, stories

    with store.connect() as conn:
        doc_ids = conn.execute(select(documents.c.id)).scalars().all()
        story_ids = conn.execute(select(stories.c.id)).scalars().all()
    client = TestClient(create_web_app(str(store.url.database)))
    pages = ["/", "/forecasts", "/search?q=Harbourline&sort=date", "/search?q=海湾线"]
    pages += [f"/doc/{i}" for i in doc_ids] + [f"/story/{i}" for i in story_ids]
    days = _ingest_days(store)
    for lang in ("en", "zh"):
        for page in pages:
            response = client.get(page, params={"lang": lang})
            assert response.status_code == 200, page
            shown = set(re.findall(r"\d{4}[-/]\d{2}[-/]\d{2}", response.text))
            assert not shown & days, (page, shown & days)
    home = client.get("/", params={"lang": "en"}).text
    assert "undated" in home and "日期不详" in client.get("/", params={"lang": "zh"}).text
    assert "undated" in client.get(f"/doc/{doc_ids[0]}", params={"lang": "en"}).text


def test_the_digest_does_not_date_undated_pages_by_their_ingest(store) -> None:  # noqa: ANN001
    days = _ingest_days(store)
    digest = build_digest(store, days=7, until=dt.date.today().isoformat(), lang="en", base_url="http://x")
    body = to_markdown(digest).split("\n", 1)[1]  # the heading names the digest's own window
    assert not set(re.findall(r"\d{4}-\d{2}-\d{2}", body)) & days
    assert "Harbourline" not in body and "海湾线" not in to_html(digest)  # not placed in a week it is not from


def _stories_of(pages: list[str], published: str | None, db: str) -> list[int]:
    engine = open_store(db)
    ingestor = Ingestor(engine)
    placed = []
    for n, page in enumerate(pages):
        result = ingestor.ingest_raw(RawInput(f"harbourline_election_{n}.txt", page.encode("utf-8")),
                                     published=published)
        assert result.status == "added", result
        placed.append(result.story_id)
    engine.dispose()
    return placed


def test_undated_pages_on_one_topic_are_not_grouped_by_their_ingest_time(tmp_path) -> None:  # noqa: ANN001
    # dated the same day, the three election pieces are one story: they are alike enough to be grouped...
    assert len(set(_stories_of(ELECTION, "2026-03-02", str(tmp_path / "dated.db")))) == 1
    # ...but undated, nothing says they are one event: ingested together, each stays a story of its own
    undated = _stories_of(ELECTION, None, str(tmp_path / "undated.db"))
    assert len(set(undated)) == len(ELECTION)
