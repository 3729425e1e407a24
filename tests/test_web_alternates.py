"""The .json / .csv alternates of the web app's list pages, the offline API docs, and the CLI help the
README relies on. FastAPI TestClient over the sample corpus of web_fixtures (sample data)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from sinoscope.cli import main
from sinoscope.sources.inputs import iter_inputs
from sinoscope.web.app import create_web_app
from web_fixtures import TOKEN, bilingual_story, web_db  # noqa: F401

FORMULA = "=HYPERLINK(\"http://example.invalid\",\"sample\")"


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:  # noqa: F811 - fixture imported above
    with sqlite3.connect(web_db) as conn:  # a quote that a spreadsheet would run as a formula
        conn.execute("UPDATE quotes SET text = ? WHERE id = (SELECT MIN(id) FROM quotes)", (FORMULA,))
    return TestClient(create_web_app(web_db, token=TOKEN))


def _csv(response) -> list[list[str]]:  # noqa: ANN001 - httpx Response
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # spreadsheets then read UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_every_list_page_has_both_alternates(client: TestClient, web_db: str) -> None:  # noqa: F811
    pages = {"/": "stories", "/search?q=Nvidia": "results", f"/story/{bilingual_story(web_db)}": "documents",
             "/entity/nvidia": "quotes", "/forecasts?status=open": "forecasts", "/quotes": "quotes",
             "/stories?filter_lang=zh": "stories"}
    for url, first in pages.items():
        html = client.get(url).text
        stem, _, query = url.partition("?")
        stem = "/index" if stem == "/" else stem
        for fmt, mime in (("json", "application/json"), ("csv", "text/csv")):
            href = f"{stem}.{fmt}" + (f"?{query}" if query else "")
            assert f'<link rel="alternate" type="{mime}" href="{href}">' in html, (url, fmt)
            assert f'href="{href}" class="data-{fmt}"' in html, (url, fmt)
        data = client.get(f"{stem}.json" + (f"?{query}" if query else "")).json()
        assert first in data["tables"], url
        header = _csv(client.get(f"{stem}.csv" + (f"?{query}" if query else "")))[0]
        assert header[0] == "id", url


def test_alternates_keep_the_filters_and_drop_the_ui_language(client: TestClient) -> None:
    data = client.get("/search.json?q=Nvidia&filter_lang=zh&lang=zh").json()
    assert data["filters"] == {"q": "Nvidia", "filter_lang": "zh"}
    assert [r["lang"] for r in data["tables"]["results"]] == ["zh"]
    assert data["tables"]["results"][0]["matched"][0]["form"] == "英伟达"
    html = client.get("/search?q=Nvidia&filter_lang=zh&lang=zh").text
    assert 'href="/search.json?q=Nvidia&amp;filter_lang=zh"' in html
    assert _csv(client.get("/index.csv?table=forecasts"))[0][:3] == ["id", "document_id", "holder"]


def test_csv_cells_never_start_a_formula(client: TestClient) -> None:
    rows = _csv(client.get("/quotes.csv"))
    text = rows[0].index("text")
    cells = [row[text] for row in rows[1:]]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert FORMULA in [q["text"] for q in client.get("/quotes.json").json()["tables"]["quotes"]]  # JSON as stored


def test_pages_without_data_and_missing_pages_answer_404(client: TestClient) -> None:
    for url in ("/doc/1.json", "/nowhere.csv", "/story/999999.json", "/outlet/No%20Such%20Outlet.json"):
        assert client.get(url).status_code == 404, url
    assert client.get("/static/style.css").status_code == 200  # static files are never rewritten
    assert client.get("/api/stories").status_code == 200


def test_api_docs_load_nothing_from_another_host(client: TestClient) -> None:
    for path in ("/api/docs", "/api/redoc"):
        response = client.get(path)
        assert response.status_code == 200
        sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
        assert sources and all(s.startswith("/api/") for s in sources), sources
        assert "http" not in response.headers["content-security-policy"]
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        assert client.get(f"/api/docs-assets/{asset}").status_code == 200


def test_cli_help_names_tables_and_the_feeds_file(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["export", "--help"], ["watch", "--help"]):
        with pytest.raises(SystemExit):
            main(command)
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps help lines
    assert "documents (default), stories, entities, mentions, quotes, figures or forecasts" in out
    assert "feeds:" in out and "interval:" in out and "outlet:" in out and "Ctrl-C" in out


def test_a_refused_private_url_names_the_switch() -> None:
    (raw,) = iter_inputs(["http://127.0.0.1:9/page.html"])
    assert not raw.ok and "--allow-private" in raw.error
