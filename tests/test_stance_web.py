"""The article page shows the stance with the sentences it rests on (sample corpus of our own writing)."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from sinoscope.web.app import create_web_app
from web_fixtures import TOKEN, web_db  # noqa: F401


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:  # noqa: F811 - fixture imported above
    return TestClient(create_web_app(web_db, token=TOKEN))


def test_article_page_lists_stance_evidence(client: TestClient, web_db: str) -> None:  # noqa: F811
    with sqlite3.connect(web_db) as conn:
        rows = conn.execute("SELECT document_id, evidence FROM stances WHERE speaker IS NULL "
                            "AND label NOT IN ('not_addressed') AND evidence IS NOT NULL").fetchall()
    assert rows, "the sample corpus should hold a page that assesses the race"
    doc_id, evidence = rows[0]
    first = json.loads(evidence)[0]["text"]
    word = re.findall(r"[A-Za-z]{5,}|[\u4e00-\u9fff]{4}", first)[0]
    page = client.get(f"/doc/{doc_id}").text
    section = page[page.index("stance-evidence"):]
    assert word in section[:section.index("</ul></li>")]
