"""The web app on a small sample corpus: every page in both languages, escaping, the token-protected
resolve POST, span anchors and facets. FastAPI TestClient, real SQLite store built by ingesting pages."""

from __future__ import annotations

import re
import sqlite3
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from sinoscope.web.app import create_web_app
from web_fixtures import PAYLOAD_TEXT, TOKEN, bilingual_story, document_id, web_db  # noqa: F401

NAV = {"en": "Search", "zh": "搜索"}


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:  # noqa: F811 - fixture imported above
    return TestClient(create_web_app(web_db, token=TOKEN))


def _ids(db: str, sql: str) -> list:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute(sql)]


def _all_pages(db: str) -> list[str]:
    docs = _ids(db, "SELECT id FROM documents ORDER BY id")
    stories = _ids(db, "SELECT id FROM stories ORDER BY id")
    people = _ids(db, "SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL ORDER BY 1")
    orgs = _ids(db, "SELECT id FROM entities WHERE type = 'org' ORDER BY id LIMIT 3")
    en, zh = document_id(db, "cluster_en.txt"), document_id(db, "cluster_zh.txt")
    pages = ["/", "/forecasts", "/forecasts?status=due", "/forecasts?status=resolved", "/search",
             "/search?q=国产芯片", "/search?q=inference+cluster&sort=date",
             "/search?q=Baidu&filter_lang=en&stance=mixed",
             "/search?since=2026-10-01&until=2026-11-30", f"/doc/{en}/parallel/{zh}", "/digest", "/digest?since=90d"]
    pages += [f"/doc/{i}" for i in docs] + [f"/doc/{i}?view=pairs" for i in docs[:2]]
    pages += [f"/story/{i}" for i in stories] + [f"/entity/{i}" for i in people + orgs]
    return pages


def test_every_page_renders_in_both_languages(client: TestClient, web_db: str) -> None:  # noqa: F811
    pages = _all_pages(web_db)
    assert len(pages) > 25
    for lang in ("en", "zh"):
        for page in pages:
            url = page + ("&" if "?" in page else "?") + f"lang={lang}"
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.headers["content-type"].startswith("text/html")
            assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in response.text, url
            assert f">{NAV[lang]}</a>" in response.text, url


def test_language_is_remembered_in_a_cookie(web_db: str) -> None:  # noqa: F811
    fresh = TestClient(create_web_app(web_db, token=TOKEN))
    assert "最新报道" not in fresh.get("/").text  # default: English
    fresh.get("/?lang=zh")
    assert "最新报道" in fresh.get("/").text  # remembered without ?lang
    assert "Forecast ledger" in fresh.get("/forecasts?lang=en").text
    assert "Latest stories" in fresh.get("/").text  # switched back, and remembered again
    other = TestClient(create_web_app(web_db, token=TOKEN))
    assert "最新报道" in other.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).text


def test_page_text_is_escaped_everywhere(client: TestClient, web_db: str) -> None:  # noqa: F811
    payload_doc = document_id(web_db, "payload_en.txt")
    story_id = _ids(web_db, f"SELECT story_id FROM documents WHERE id = {payload_doc}")[0]
    pages = [f"/doc/{payload_doc}", f"/story/{story_id}", "/", "/search?q=Quayside", "/entity/new:person:petravallis",
             "/digest?since=400d"]
    for page in pages:
        html = client.get(page).text
        assert "window.__pwned" in html, page  # the payload is shown...
        assert "<script>window" not in html and "<img src=x" not in html and "<b>testing" not in html, page
        assert not re.search(r"<[a-z]+[^>]*\sonerror=", html), page  # ...and never becomes markup
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get(f"/doc/{payload_doc}").text
    atom = client.get("/digest.atom").text
    assert "<script>window" not in atom
    contents = [e.text or "" for e in ElementTree.fromstring(atom).iter("{http://www.w3.org/2005/Atom}content")]
    assert any("&lt;script&gt;window" in c for c in contents)  # escaped HTML inside the entry
    assert not any("<script>window" in c for c in contents)


def test_quotes_figures_and_entities_link_to_their_spans(client: TestClient, web_db: str) -> None:  # noqa: F811
    doc_id = document_id(web_db, "cluster_en.txt")
    html = client.get(f"/doc/{doc_id}").text
    with sqlite3.connect(web_db) as conn:
        text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        quotes = conn.execute("SELECT id, span_start, span_end FROM quotes WHERE document_id = ?", (doc_id,)).fetchall()
        figures = conn.execute("SELECT id FROM figures WHERE document_id = ?", (doc_id,)).fetchall()
    assert quotes and figures
    for quote_id, start, end in quotes:
        anchor = f"span-q-{quote_id}"
        assert html.count(f'id="{anchor}"') == 1
        assert f'href="#{anchor}"' in html  # the side panel links to it
        opening = re.search(rf'<mark class="hl hl-quote" id="{anchor}"[^>]*>(.*?)</mark>', html, re.S)
        words = re.sub(r"<[^>]+>", "", opening.group(1))
        assert text[start:end].startswith(words.replace("&#34;", '"').replace("&#39;", "'"))
    for (figure_id,) in figures:
        assert html.count(f'id="span-f-{figure_id}"') == 1
    # the story page sends quotes to those anchors
    story = client.get(f"/story/{bilingual_story(web_db)}").text
    assert f'/doc/{doc_id}#span-q-{quotes[0][0]}' in story


def test_resolve_needs_the_token(client: TestClient, web_db: str) -> None:  # noqa: F811
    forecast_id = _ids(web_db, "SELECT id FROM forecasts WHERE status = 'open' ORDER BY id")[0]
    url = f"/forecasts/{forecast_id}/resolve"
    form = {"outcome": "true", "evidence": "Sample evidence: the fictional company confirmed it."}
    assert client.post(url, data=form).status_code == 401
    assert client.post(url, data={**form, "token": "wrong"}).status_code == 401
    assert _ids(web_db, f"SELECT status FROM forecasts WHERE id = {forecast_id}") == ["open"]
    response = client.post(url, data={**form, "token": TOKEN}, follow_redirects=False)
    assert response.status_code == 303 and "status=resolved" in response.headers["location"]
    with sqlite3.connect(web_db) as conn:
        status, outcome, evidence = conn.execute(
            "SELECT status, outcome, evidence FROM forecasts WHERE id = ?", (forecast_id,)).fetchone()
    assert (status, outcome) == ("resolved", "true") and evidence.startswith("Sample evidence")
    ledger = client.get("/forecasts?status=resolved&lang=zh").text
    assert "Sample evidence" in ledger and "应验" in ledger
    assert client.post(url, data={"outcome": "maybe", "evidence": "x", "token": TOKEN}).status_code == 422
    assert client.post("/forecasts/999999/resolve", data={**form, "token": TOKEN}).status_code == 404
    # the bearer header of the API works too, and the API shares the token
    other = _ids(web_db, "SELECT id FROM forecasts WHERE status = 'open' ORDER BY id")[0]
    assert client.post(f"/api/forecasts/{other}/resolve", json=form).status_code == 401
    ok = client.post(f"/forecasts/{other}/resolve", data=form, headers={"Authorization": f"Bearer {TOKEN}"},
                     follow_redirects=False)
    assert ok.status_code == 303


def test_resolve_is_refused_without_a_configured_token(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.delenv("SINOSCOPE_API_TOKEN", raising=False)
    closed = TestClient(create_web_app(web_db, token=None))
    forecast_id = _ids(web_db, "SELECT id FROM forecasts ORDER BY id")[0]
    response = closed.post(f"/forecasts/{forecast_id}/resolve", data={"outcome": "void", "evidence": "x", "token": ""})
    assert response.status_code == 403


def test_home_shows_blindspots_and_stance_shifts(client: TestClient, web_db: str) -> None:  # noqa: F811
    html = client.get("/?lang=en").text
    blind = html.split('id="blindspots"')[1].split("</section>")[0]
    assert "青岚机器人" in blind  # a Chinese-only story
    assert "Baidu Opens Wuhan" not in blind  # covered in both languages
    shifts = html.split('id="shifts"')[1].split("</section>")[0]
    # her latest month (October: the gap is narrowing) against August (catching up) and September (behind)
    assert "Ilse Marwood" in shifts and "+0.00 → +1.00" in shifts
    forecasts = html.split('id="new-forecasts"')[1].split("</section>")[0]
    assert "#span-fc-" in forecasts


def test_entity_page_has_quotes_chart_and_forecasts(client: TestClient) -> None:
    html = client.get("/entity/new:person:ilsemarwood?lang=en").text
    assert "<svg" in html and 'class="series own"' in html
    wide = html.split('id="stance-chart"')[1].split('class="chart-narrow"')[0]  # drawn again for phones
    assert wide.count('class="dot own"') == 3  # August, September and October each have a stance of their own
    said = html.split('id="said"')[1].split("</section>")[0]
    assert said.count('class="quote-link"') >= 3
    assert "60%" in html.split('id="their-forecasts"')[1]


def test_search_facets_filter(client: TestClient, web_db: str) -> None:  # noqa: F811
    zh_only = client.get("/search?q=芯片&filter_lang=zh").text
    assert "百度武汉推理集群" in zh_only and "Baidu Opens Wuhan" not in zh_only
    both = client.get("/search?q=Baidu").text
    assert "Baidu Opens Wuhan" in both and "filter_lang=en" in both  # a language facet link
    by_entity = client.get("/search?entity=baidu").text
    assert "Baidu Opens Wuhan" in by_entity and "青岚机器人" not in by_entity
    by_speaker = client.get("/search?speaker=new:person:ilsemarwood").text
    assert "New Export Rules" in by_speaker and "青岚机器人" not in by_speaker
    dated = client.get("/search?since=2026-11-01").text
    assert "青岚机器人" in dated and "New Export Rules" not in dated


def test_bad_addresses_are_clean_404s(client: TestClient) -> None:
    for url in ("/doc/999999", "/doc/abc", "/story/0", "/story/99999999999999999999999", "/entity/nobody",
                "/doc/1/parallel/999999", "/nowhere"):
        for lang in ("en", "zh"):
            response = client.get(f"{url}?lang={lang}")
            assert response.status_code == 404, url
            assert ("未找到" if lang == "zh" else "Not found") in response.text
    assert client.get("/search?q=%00&since=not-a-date&page=-5").status_code == 200


def test_api_and_static_assets_are_served_by_the_same_app(client: TestClient) -> None:
    assert client.get("/api/stories").json()["total"] >= 4
    assert "sortable" in client.get("/static/sort.js").text
    assert client.get("/static/style.css").status_code == 200
    html = client.get("/").text
    assert "http://" not in html.split("<main>")[0] and "https://" not in html  # nothing fetched from elsewhere
