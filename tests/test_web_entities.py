"""Entity browser, entity pages, story coverage and story feeds on the sample corpus plus the Tidewater
records (fictional lab, people and outlets, written for these tests); FastAPI TestClient, real SQLite store."""

from __future__ import annotations

import json
import sqlite3
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from sinoscope.store.db import open_store
from sinoscope.web.app import create_web_app
from sinoscope.web.charts import MAX_SLOT, stance_chart, timeline_chart
from sinoscope.web.coverage import outlet_type, story_coverage
from sinoscope.web.entity_pages import entities_data, entity_filters
from web_fixtures import TIDEWATER, rich_db, web_db  # noqa: F401

ATOM = "{http://www.w3.org/2005/Atom}"
LAB, SPEAKER = "new:org:tidewaterlab", "new:person:maraquillon"


@pytest.fixture(scope="module")
def client(rich_db: str) -> TestClient:  # noqa: F811 - fixture imported above
    return TestClient(create_web_app(rich_db))


def _one(db: str, sql: str) -> object:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_outlet_type_comes_from_the_kb_outlet_of_the_url_or_the_name() -> None:
    assert outlet_type(None, "https://www.xinhuanet.com/tech/sample.htm") == "prc_state"
    assert outlet_type("新华社", None) == "prc_state" and outlet_type("Caixin", None) == "prc_commercial"
    assert outlet_type(None, "https://www.scmp.com/tech/sample") == "hk_tw"
    assert outlet_type(None, "https://www.bbc.com/news/sample") == "western"
    assert outlet_type(None, "https://www.bbc.com/zhongwen/sample") == "western"  # BBC Chinese, by its path
    assert outlet_type("Eastbridge Courier", None) == "unlisted"  # never guessed
    assert outlet_type(None, None) == "unlisted"


def test_story_coverage_counts_originals_and_marks_the_first_report() -> None:
    docs = [{"id": 1, "lang": "zh", "url": "https://www.xinhuanet.com/a", "published_date": "2026-03-03"},
            {"id": 2, "lang": "en", "url": "https://www.nytimes.com/b", "published_date": "2026-03-02"},
            {"id": 3, "lang": "en", "url": "https://www.nytimes.com/c", "published_date": "2026-03-01",
             "duplicate_of": 2},  # a repost is not a report of its own
            {"id": 4, "lang": "zh", "outlet": "Eastbridge Courier", "published_date": None}]
    cover = story_coverage(docs)
    assert cover["first_report"] == [2] and cover["first_day"] == "2026-03-02"
    assert [(s["key"], s["count"]) for s in cover["by_language"]] == [("en", 1), ("zh", 2)]
    assert [s["key"] for s in cover["by_outlet_type"]] == ["prc_state", "us", "unlisted"]
    last = cover["by_outlet_type"][-1]
    assert abs(last["offset"] + last["width"] - 100) < 0.05  # the segments fill the bar
    assert story_coverage([{"id": 9, "lang": "en"}])["first_report"] == []  # undated: nobody was first


def test_timeline_chart_shows_every_month_and_centres_few_bars() -> None:
    rows = [{"month": "2026-01", "lang": "en", "count": 2}, {"month": "2026-01", "lang": "zh", "count": 1},
            {"month": "2026-03", "lang": "zh", "count": 4}, {"month": None, "lang": "en", "count": 9}]
    chart = timeline_chart(rows)
    assert [label for _, label in chart.x_labels] == ["2026-01", "2026-02", "2026-03"]  # the gap is shown
    assert [(b.key, b.count) for b in chart.bars] == [("en", 2), ("zh", 1), ("zh", 4)]
    assert [n for _, _, n in chart.totals] == [3, 4] and chart.keys == ["en", "zh"]
    xs = sorted({round(b.x + chart.bar_width / 2) for b in chart.bars})
    assert xs[1] - xs[0] <= 2 * MAX_SLOT and abs((xs[0] + xs[-1]) / 2 - (44 + (640 - 16)) / 2) < 1  # centred
    years = timeline_chart([{"month": "2019-05", "lang": "en", "count": 1}, {"month": "2026-02", "lang": "en",
                                                                             "count": 1}])
    assert [label for _, label in years.x_labels][0] == "2019" and len(years.bars) == 2
    assert timeline_chart([]).empty and timeline_chart([{"month": "bad", "lang": "en", "count": 1}]).empty


def test_stance_chart_with_three_points_is_labelled_and_not_stretched() -> None:
    rows = [{"month": m, "mean_score": v, "count": 1} for m, v in (("2026-01", 0.2), ("2026-02", -0.1),
                                                                    ("2026-03", 0.5))]
    chart = stance_chart([("own", "own", rows)])
    xs = [p.x for p in chart.series[0].points]
    assert chart.labelled and xs[1] - xs[0] == pytest.approx(MAX_SLOT)
    assert len(chart.y_ticks) == 5  # ±1, ±0.5 and 0: values can be read off the grid


def test_entity_browser_facets(client: TestClient, rich_db: str) -> None:  # noqa: F811
    engine = open_store(rich_db)
    everything = entities_data(engine, entity_filters({}), 1, "en")
    json.dumps(everything)  # the rows are plain data (for .json/.csv renderings)
    assert {"type", "country", "lang", "outlet"} <= set(everything["facets"])
    assert {"value": "Eastbridge Courier", "count": 3} in everything["facets"]["outlet"]  # lab, Baidu, Quillon
    people = entities_data(engine, entity_filters({"type": "person"}), 1, "zh")
    assert SPEAKER in [r["id"] for r in people["rows"]] and all(r["type"] == "person" for r in people["rows"])
    assert next(r for r in people["rows"] if r["id"] == SPEAKER)["name"] == "柯玛拉"
    chinese = entities_data(engine, entity_filters({"country": "cn"}), 1, "en")
    assert "baidu" in [r["id"] for r in chinese["rows"]] and all(r["country"] == "CN" for r in chinese["rows"])
    assert {"value": "CN", "count": len(chinese["rows"])} in everything["facets"]["country"]
    zh_outlet = entities_data(engine, entity_filters({"filter_lang": "zh", "outlet": "东桥观察"}), 1, "en")
    assert {r["id"] for r in zh_outlet["rows"]} == {LAB, "baidu", SPEAKER}
    page = client.get("/entities", params={"type": "person", "lang": "en"})
    assert page.status_code == 200 and "Mara Quillon" in page.text
    assert 'href="/entity/new:person:maraquillon"' in page.text
    for bad in ({"country": "<b>"}, {"type": "x" * 500}, {"page": "-3"}, {"outlet": "\x00"}):
        assert client.get("/entities", params=bad).status_code == 200
    engine.dispose()


def test_entity_page_sections(client: TestClient) -> None:
    html = client.get(f"/entity/{LAB}", params={"lang": "en"}).text
    for section in ("mention-timeline", "aliases", "co-occurring", "entity-outlets", "stance-chart", "said",
                    "their-forecasts", "fact-filters"):
        assert f'id="{section}"' in html, section
    assert "潮水实验室" in html and "Tidewater" in html  # names in both languages
    assert html.count('class="bar lang-') == 2 * len(TIDEWATER)  # drawn for wide screens and for phones
    assert "2026-07" in html  # a month without news is shown
    assert 'href="/entity/baidu"' in html and "Eastbridge Courier" in html and "东桥观察" in html


def test_entity_quotes_and_forecasts_filters(client: TestClient) -> None:
    def rows(params: dict, section: str) -> int:
        html = client.get(f"/entity/{SPEAKER}", params={"lang": "en", **params}).text
        part = html[html.index(f'id="{section}"'):]
        return part[:part.index("</section>")].count("<tr>") - 1 if "<tbody>" in part[:part.index("</section>")] \
            else 0

    assert rows({}, "said") == len(TIDEWATER) and rows({}, "their-forecasts") == len(TIDEWATER)
    assert rows({"filter_lang": "zh"}, "said") == 3 and rows({"filter_lang": "zh"}, "their-forecasts") == 3
    assert rows({"since": "2026-08-01"}, "said") == 3 and rows({"until": "2026-06-09"}, "said") == 2
    assert rows({"q": "caught up"}, "said") == 3 and rows({"outlet": "东桥观察", "q": "caught up"}, "said") == 0
    assert rows({"since": "not-a-day"}, "said") == len(TIDEWATER)  # ignored, not an error


def test_story_page_coverage_and_list(client: TestClient, rich_db: str) -> None:  # noqa: F811
    story = _one(rich_db, "SELECT story_id FROM documents WHERE source LIKE 'tidewater-2-%'")
    assert _one(rich_db, f"SELECT count(*) FROM documents WHERE story_id = {story}") == 2  # 06-09 zh + 06-10 en
    html = client.get(f"/story/{story}", params={"lang": "zh"}).text
    assert 'id="coverage-by-language"' in html and 'id="coverage-by-outlet-type"' in html
    assert html.count("first-report") == 1 and "首发" in html and f'href="/story/{story}.atom?lang=zh"' in html
    listed = client.get("/stories.json", params={"filter_lang": "zh"}).json()["tables"]["stories"]
    assert story in [r["id"] for r in listed]
    coverage = client.get(f"/story/{story}.json").json()["coverage"]
    assert coverage["first_day"] == "2026-06-09" and [s["key"] for s in coverage["by_outlet_type"]] == ["unlisted"]
    assert 'id="stories-feed"' in client.get("/stories", params={"lang": "en"}).text


def test_atom_feeds_have_one_entry_per_story_and_per_document(client: TestClient, rich_db: str) -> None:  # noqa: F811
    stories = _one(rich_db, "SELECT count(*) FROM stories WHERE doc_count > 0")
    feed = client.get("/stories.atom", params={"lang": "en"})
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == stories and len({e.find(f"{ATOM}id").text for e in entries}) == stories
    assert all(e.find(f"{ATOM}link").get("href").startswith("http://127.0.0.1:8000/story/") for e in entries)
    story = _one(rich_db, "SELECT story_id FROM documents WHERE source LIKE 'tidewater-2-%'")
    one = ElementTree.fromstring(client.get(f"/story/{story}.atom").content)
    assert len(one.findall(f"{ATOM}entry")) == 2
    assert client.get("/story/999999.atom").status_code == 404 and client.get("/story/x.atom").status_code == 404


def test_entity_pages_hand_over_their_data(client: TestClient) -> None:
    data = client.get(f"/entity/{SPEAKER}.json", params={"filter_lang": "zh"}).json()
    assert len(data["tables"]["quotes"]) == 3 and data["filters"] == {"filter_lang": "zh"}
    assert {"month": "2026-05", "lang": "en", "count": 1} in data["tables"]["timeline"]
    assert data["aliases"]["zh"] == ["柯玛拉"] and data["quotes_total"] == 3
    header = client.get(f"/entity/{SPEAKER}.csv").text.lstrip("\ufeff").splitlines()[0].split(",")
    assert header[:2] == ["id", "document_id"]
    browser = client.get("/entities.json", params={"type": "person"}).json()
    assert SPEAKER in [r["id"] for r in browser["tables"]["entities"]] and "country" in browser["facets"]
    assert client.get("/entities.csv").text.lstrip("\ufeff").startswith("id,name")
