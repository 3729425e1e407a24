"""The web app in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
uvicorn server on a free loopback port: both languages, search, a story's quote landing on its highlighted
span, and script payloads in a page shown as text without running. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_fixtures import CHROMIUM, chromium, serve
from web_fixtures import PAYLOAD_TEXT, TOKEN, bilingual_story, document_id, web_db  # noqa: F401

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (scripts/system-deps.sh installs it)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install playwright)")


@pytest.fixture(scope="module")
def server(web_db: str) -> Iterator[str]:  # noqa: F811 - fixture imported above
    yield from serve(web_db, token=TOKEN)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    yield from chromium(sync_api)


@pytest.fixture
def page(browser) -> Iterator:  # noqa: ANN001 - playwright Browser
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def _shot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_in_both_languages(page, server: str) -> None:  # noqa: ANN001
    page.goto(f"{server}/?lang=en")
    assert page.locator("#latest h2").inner_text() == "Latest stories"
    assert page.locator("#blindspots h2").is_visible()
    _shot(page, "home-en")
    page.click("#lang-switch")
    page.wait_for_url("**lang=zh**")
    assert page.locator("#latest h2").inner_text() == "最新报道"
    page.goto(f"{server}/")  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    _shot(page, "home-zh")


def test_search_in_chinese_and_english(page, server: str) -> None:  # noqa: ANN001
    page.goto(f"{server}/search?lang=zh")
    page.fill("#q", "国产芯片")
    page.press("#q", "Enter")
    page.wait_for_url("**q=**")
    assert page.locator(".hit h3 a", has_text="百度武汉推理集群").count() == 1
    _shot(page, "search-zh")
    page.goto(f"{server}/search?lang=en")
    page.fill("#q", "inference cluster")
    page.press("#q", "Enter")
    page.wait_for_url("**q=**")
    assert page.locator(".hit h3 a", has_text="Baidu Opens Wuhan Inference Cluster").count() == 1
    assert "result" in page.locator("#result-count").inner_text()
    _shot(page, "search-en")


def test_quote_in_a_story_lands_on_its_highlighted_span(page, server: str, web_db: str) -> None:  # noqa: ANN001, F811
    page.goto(f"{server}/story/{bilingual_story(web_db)}?lang=en")
    columns = page.locator("#articles section h2").all_inner_texts()
    assert "English coverage" in columns and "Chinese coverage" in columns
    _shot(page, "story-en")
    link = page.locator("#quotes a.quote-link").first
    href = link.get_attribute("href")
    assert "#span-q-" in href
    link.click()
    page.wait_for_url("**/doc/**")
    anchor = href.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    target.wait_for(state="visible")
    assert target.is_visible()
    assert target.evaluate("e => e.matches(':target')")
    box, viewport = target.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] < viewport["height"] and box["y"] + min(box["height"], 40) <= viewport["height"]
    style = target.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, "
                            "s.backgroundColor]; }")
    assert style[0] == "solid" and style[1] == "3px" and style[2] == "rgb(255, 224, 138)"
    assert "is-target" in target.get_attribute("class")
    _shot(page, "document-quote-target")
    # and a side-panel link jumps within the page
    side = page.locator("#panel a.figure-link").first
    side_anchor = side.get_attribute("href")[1:]
    side.click()
    assert page.locator(f"#{side_anchor}").evaluate("e => e.matches(':target')")


def test_bilingual_reading_view(page, server: str, web_db: str) -> None:  # noqa: ANN001, F811
    en, zh = document_id(web_db, "cluster_en.txt"), document_id(web_db, "cluster_zh.txt")
    page.goto(f"{server}/doc/{en}/parallel/{zh}?lang=zh")
    assert page.locator("table.parallel td[lang=en] mark.hl-quote").count() >= 1
    assert page.locator("table.parallel td[lang=zh] mark.hl-quote").count() >= 1
    _shot(page, "parallel-zh")


def test_script_payloads_are_shown_not_run(page, server: str, web_db: str) -> None:  # noqa: ANN001, F811
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload_doc = document_id(web_db, "payload_en.txt")
    for url in (f"/doc/{payload_doc}", "/?lang=en", "/search?q=Quayside", "/entity/new:person:petravallis"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    page.goto(f"{server}/doc/{payload_doc}")
    assert page.locator("#text").get_by_text(PAYLOAD_TEXT).first.is_visible()
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    _shot(page, "payload-document")


# -- Search across languages, the data links of list pages, the API docs offline ------------------------------
EXPORT_CONTROLS_ZH = "出口管制新规下 国内实验室转向自研训练芯片"


def _search(page, server: str, q: str, lang: str = "en") -> None:  # noqa: ANN001
    page.goto(f"{server}/search?lang={lang}")
    page.fill("#q", q)
    page.press("#q", "Enter")
    page.wait_for_url("**q=**")


def test_search_crosses_languages(page, server: str) -> None:  # noqa: ANN001
    _search(page, server, "Nvidia")
    hit = page.locator(".hit", has=page.locator("h3 a", has_text=EXPORT_CONTROLS_ZH))
    assert hit.count() == 1
    assert "英伟达" in hit.locator(".matched").inner_text()
    assert hit.locator("mark.hit-term", has_text="英伟达").first.is_visible()
    _shot(page, "search-crosslang-en")
    _search(page, server, "export controls")
    assert page.locator(".hit h3 a", has_text=EXPORT_CONTROLS_ZH).count() == 1
    _search(page, server, "阿里巴巴", lang="zh")
    english = page.locator(".hit", has=page.locator("h3 a", has_text="Chinese Labs Cut Inference Prices Again"))
    assert english.count() == 1 and english.locator("mark.hit-term", has_text="Alibaba").count() >= 1
    _shot(page, "search-crosslang-zh")


def _list_pages(web_db: str) -> list[str]:  # noqa: F811
    import sqlite3

    with sqlite3.connect(web_db) as conn:  # the sample pages carry no masthead: give one an outlet
        conn.execute("UPDATE documents SET outlet = 'Lanternfield Review' WHERE source LIKE '%export_rules_en.txt'")
    return ["/", "/search?q=Nvidia&filter_lang=en", f"/story/{bilingual_story(web_db)}", "/entity/nvidia",
            "/outlet/Lanternfield%20Review", "/forecasts?status=open", "/quotes?speaker=Ilse+Marwood",
            "/stories?blindspots=1"]


def test_every_list_page_links_its_data(page, server: str, web_db: str) -> None:  # noqa: ANN001, F811
    import csv
    import io
    import json

    for url in _list_pages(web_db):
        page.goto(f"{server}{url}&lang=en" if "?" in url else f"{server}{url}?lang=en")
        json_href = page.locator('link[rel=alternate][type="application/json"]').get_attribute("href")
        assert page.locator('link[rel=alternate][type="text/csv"]').count() == 1, url
        link = page.locator("#data-links a.data-json")
        assert link.is_visible() and link.get_attribute("href") == json_href, url
        assert "&lang=" not in json_href and ("?" not in url or json_href.endswith("?" + url.split("?", 1)[1])), url
        with page.expect_download() as download:
            page.locator("#data-links a.data-csv").click()
        rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        assert rows and rows[0][0] == "id", url
        link.click()
        page.wait_for_url(f"**{json_href.split('?')[0]}**")
        data = json.loads(page.locator("body").inner_text())
        assert data["tables"] and all(isinstance(rows, list) for rows in data["tables"].values()), url
        if "filter_lang=en" in url:
            assert {r["lang"] for r in data["tables"]["results"]} == {"en"} and data["filters"]["q"] == "Nvidia"
        if url.startswith("/quotes"):
            assert {r["speaker"] for r in data["tables"]["quotes"]} == {"Ilse Marwood"}


def test_api_docs_render_with_the_network_disabled(browser, server: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def only_the_app(route) -> None:  # noqa: ANN001 - playwright Route
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_app)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(f"{server}/api/docs")
    tab.locator(".swagger-ui .info .title", has_text="sinoscope").wait_for()
    assert tab.locator(".opblock").count() >= 10
    _shot(tab, "api-docs")
    tab.goto(f"{server}/api/redoc")
    tab.locator("h1", has_text="sinoscope").first.wait_for()
    assert tab.get_by_text("/search").count() >= 1
    _shot(tab, "api-redoc")
    context.close()
    assert outside == []
