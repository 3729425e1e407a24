"""The API and the web app under attack (in process): oversized bodies, impossible dates, forged Host
headers, formula cells, unusable databases, NUL bytes, and headers every response must carry."""
# ruff: noqa: F811 - pytest fixtures imported from store_fixtures are redefined as parameters

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sinoscope.sources.inputs import RawInput
from sinoscope.store.db import StoreError, open_store
from sinoscope.store.ingest import Ingestor, IngestSettings
from sinoscope.web.app import create_web_app
from store_fixtures import ANATOMY, db_url, pg_url, sample_record  # noqa: F401 - pytest fixtures

TOKEN = "sample-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("hardening") / "web.db")
    ingestor = Ingestor(open_store(db))
    for n in range(2):
        record = sample_record(n, "en", published=f"2031-05-0{n + 1}")
        record["title"] = f"=HYPERLINK(\"http://formula.example/?{n}\",\"click\") sample {n}"
        ingestor.ingest_record(record, outlet="@SUM(1+1)*cmd|' /C calc'!A0")
    return db


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(create_web_app(db_path, token=TOKEN, base_url="https://sinoscope.example/app"),
                      raise_server_exceptions=False)


def test_a_60_mb_body_is_refused_and_not_echoed(client: TestClient) -> None:
    body = b'{"text": "' + b"A" * 60_000_000 + b'"}'
    response = client.post("/api/ingest", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert len(response.content) < 1000 and b"AAAA" not in response.content


def test_a_value_over_its_limit_is_named_not_echoed(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": "B" * 5_000_001}, headers=AUTH)
    assert response.status_code == 422
    assert len(response.content) < 2000 and "BBBB" not in response.text
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


@pytest.mark.parametrize("path", ["/digest?until=impossible", "/digest?until=2026-02-30", "/digest?until=2026-13-01"])
def test_impossible_dates_in_the_digest_are_a_400(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("path", ["/api/documents?since=2026-02-30", "/api/search?until=2026-13-01&q=chips",
                                  "/api/stories?until=2031-04-31"])
def test_impossible_dates_in_the_api_are_a_422(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422 and "date" in response.text.lower()


def test_a_real_date_still_works(client: TestClient) -> None:
    assert client.get("/digest?until=2031-05-03").status_code == 200
    assert client.get("/api/documents?since=2031-05-01").status_code == 200


@pytest.mark.parametrize("method_path", [("GET", "/"), ("GET", "/api/documents"), ("GET", "/doc/999999"),
                                         ("GET", "/static/style.css"), ("GET", "/digest.atom"),
                                         ("GET", "/api/nope"), ("POST", "/api/ingest"), ("GET", "/digest?until=x")])
def test_security_headers_on_every_response(client: TestClient, method_path: tuple[str, str]) -> None:
    method, path = method_path
    response = client.request(method, path)
    assert response.headers["x-content-type-options"] == "nosniff"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-frame-options"] == "DENY"


def test_the_api_docs_still_load_under_their_own_policy(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200 and "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_links_come_from_the_configured_base_url_not_the_host_header(client: TestClient) -> None:
    forged = client.get("/digest.atom", headers={"Host": "attacker.example"})
    assert forged.status_code == 200
    assert "attacker.example" not in forged.text and "https://sinoscope.example/app/" in forged.text
    page = client.get("/digest?until=2031-05-03", headers={"Host": "attacker.example"})
    assert "attacker.example" not in page.text
    again = client.get("/digest.atom")  # the cache entry the forged request made, if any, is the honest one
    assert again.text == forged.text


def test_a_base_url_must_be_an_address() -> None:
    with pytest.raises(ValueError, match="base URL"):
        create_web_app(":memory:", base_url="javascript:alert(1)")


def test_csv_cells_cannot_run_as_formulas(client: TestClient) -> None:
    response = client.get("/api/export/documents?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all(row["title"].startswith("'=HYPERLINK") for row in rows)
    assert all(row["outlet"].startswith("'@SUM") for row in rows)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_a_corrupt_database_is_one_clear_error(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"not a database " * 400)
    with pytest.raises(StoreError, match="corrupt"):
        open_store(str(corrupt))
    done = subprocess.run([sys.executable, "-m", "sinoscope", "stories", "--db", str(corrupt)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot use the database" in done.stderr and "corrupt" in done.stderr


def test_a_read_only_database_is_served_and_a_write_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    Ingestor(open_store(str(path))).ingest_record(sample_record(7, "en"))
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    engine = open_store(read_only)  # already migrated: no write needed to read it
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 1
    writer = Ingestor(engine, IngestSettings(pipeline=ANATOMY.split(","), stories=False))
    result = writer.ingest_raw(RawInput("new.txt", b"Sample Ledger headline\n\nAn invented paragraph about chips."))
    assert result.status == "failed" and "readonly" in (result.message or "") and "INSERT" not in result.message
    fresh = f"sqlite:///file:{tmp_path / 'missing.db'}?mode=ro&uri=true"
    with pytest.raises(StoreError, match="cannot use the database"):
        open_store(fresh)


def test_nul_bytes_past_the_sniffer_are_stored_on_every_database(db_url: str) -> None:  # noqa: F811
    ingestor = Ingestor(open_store(db_url), IngestSettings(pipeline=ANATOMY.split(","), stories=False))
    text = ("Sample Ledger headline about accelerators\n\n" + "An invented paragraph about chips. " * 400
            + "A stray \x00 byte after the first 8 KB.\n").encode()
    result = ingestor.ingest_raw(RawInput("nul\x00name.txt", text))
    assert result.status == "added", result.message
    with ingestor.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT text, source FROM documents").first()
    assert "\x00" not in stored.text and "\ufffd byte" in stored.text and "\x00" not in stored.source
