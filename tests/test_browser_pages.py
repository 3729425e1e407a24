"""Every page type in a real headless Chromium (Debian's /usr/bin/chromium through Playwright), in both interface
languages, on a 1366 px desktop and a 390 px phone: nothing scrolls sideways, dates stay on one line, and a
screenshot of each is saved to artifacts/screenshots/ (git-ignored). Sample corpus of our own writing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_fixtures import CHROMIUM, chromium, serve
from web_fixtures import bilingual_story, document_id, rich_db, web_db  # noqa: F401

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "mobile": {"width": 390, "height": 844}}

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (scripts/system-deps.sh installs it)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install playwright)")

# Lines of text a date element occupies (distinct line tops of its text's boxes).
_DATE_LINES = """() => [...document.querySelectorAll('.date')].filter(e => e.offsetParent !== null).map(e => {
  const r = document.createRange(); r.selectNodeContents(e);
  const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
  return [e.textContent.trim(), tops.size]; })"""


@pytest.fixture(scope="module")
def server(rich_db: str) -> Iterator[str]:  # noqa: F811 - fixture imported above
    yield from serve(rich_db)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    yield from chromium(sync_api)


def page_types(db: str) -> dict[str, str]:
    """One URL of each page type the web app serves."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        tidewater_story = conn.execute("SELECT story_id FROM documents WHERE source LIKE 'tidewater%' GROUP BY story_id"
                                       " ORDER BY count(*) DESC, story_id LIMIT 1").fetchone()[0]
    en, zh = document_id(db, "cluster_en.txt"), document_id(db, "cluster_zh.txt")
    return {"home": "/", "stories": "/stories", "story": f"/story/{bilingual_story(db)}",
            "story-tidewater": f"/story/{tidewater_story}", "entities": "/entities",
            "entities-faceted": "/entities?type=org&filter_lang=zh", "entity": "/entity/new:org:tidewaterlab",
            "entity-speaker": "/entity/new:person:maraquillon", "entity-kb": "/entity/baidu",
            "search": "/search?q=inference", "document": f"/doc/{en}", "parallel": f"/doc/{en}/parallel/{zh}",
            "forecasts": "/forecasts", "quotes": "/quotes", "outlet": "/outlet/Eastbridge%20Courier",
            "digest": "/digest?since=30d&until=2026-11-05", "not-found": "/story/999999"}


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_every_page_fits_the_screen_in_both_languages(browser, server: str, rich_db: str, device: str) -> None:  # noqa: ANN001, F811
    context = browser.new_context(viewport=VIEWPORTS[device])
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    overflowing, wrapped = [], []
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for name, path in page_types(rich_db).items():
            for lang in ("en", "zh"):
                url = f"{server}{path}{'&' if '?' in path else '?'}lang={lang}"
                tab.goto(url)
                tab.wait_for_load_state("load")
                widths = tab.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
                if widths[0] > widths[1]:
                    overflowing.append((name, lang, widths))
                if device == "desktop":
                    wrapped += [(name, lang, text) for text, lines in tab.evaluate(_DATE_LINES) if lines > 1]
                tab.screenshot(path=str(SHOTS / f"{name}-{lang}-{device}.png"), full_page=True)
    finally:
        context.close()
    assert not overflowing, overflowing
    assert not wrapped, wrapped
    assert len(list(SHOTS.glob(f"*-{device}.png"))) >= 2 * len(page_types(rich_db))


def test_story_page_shows_coverage_bars_and_first_report(browser, server: str, rich_db: str) -> None:  # noqa: ANN001, F811
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    tab = context.new_page()
    try:
        tab.goto(f"{server}{page_types(rich_db)['story-tidewater']}?lang=en")
        assert tab.locator("#coverage-by-language .seg").count() == 2  # English and Chinese
        assert tab.locator("#coverage-by-outlet-type .seg.outlet_type-unlisted").count() == 1  # fictional outlets
        first = tab.locator(".doc-card.first-report")
        assert first.count() == 1 and "first report" in first.inner_text()
        assert "2026-06-09" in tab.locator("#coverage h2").inner_text()
        feed = tab.locator("#story-feed").get_attribute("href")
        assert feed and ".atom" in feed
    finally:
        context.close()


def test_entity_page_filters_its_quotes(browser, server: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    tab = context.new_page()
    try:
        tab.goto(f"{server}/entity/new:person:maraquillon?lang=en")
        assert tab.locator("#mention-timeline svg rect.bar").count() >= 5
        assert tab.locator("#said tbody tr").count() == 6
        tab.select_option("#fact-filters select[name=filter_lang]", "zh")
        tab.click("#fact-filters button[type=submit]")
        tab.wait_for_url("**filter_lang=zh**")
        assert tab.locator("#said tbody tr").count() == 3
        assert tab.locator("#their-forecasts tbody tr").count() == 3
        tab.goto(f"{server}/entities?lang=zh")
        tab.locator("#facet-type a", has_text="人物").click()
        tab.wait_for_url("**type=person**")
        assert tab.locator("#entity-table a", has_text="柯玛拉").count() == 1
    finally:
        context.close()
