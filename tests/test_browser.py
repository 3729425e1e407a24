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
