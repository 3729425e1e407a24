"""The JSON API with FastAPI's TestClient, and a schemathesis run against its OpenAPI spec."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sinoscope.api import create_app
from sinoscope.store.db import open_store
from sinoscope.store.ingest import Ingestor
from store_fixtures import FIXTURES, sample_record

TOKEN = "sample-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = int(os.environ.get("SINOSCOPE_API_EXAMPLES", "15"))  # per operation; raise it for a deeper run


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - FastAPI
    db = str(tmp_path_factory.mktemp("api") / "api.db")
    ingestor = Ingestor(open_store(db))
    for n in range(3):
        ingestor.ingest_record(sample_record(n, "en", published=f"2031-05-0{n + 1}"))
        ingestor.ingest_record(sample_record(n, "zh", published=f"2031-05-0{n + 1}"))
    return create_app(db, token=TOKEN)


@pytest.fixture(scope="module")
def client(app) -> TestClient:  # noqa: ANN001
    return TestClient(app)


def test_documents_list_and_one_with_facts(client: TestClient) -> None:
    page = client.get("/documents", params={"lang": "zh", "limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["limit"] == 2
    doc = client.get(f"/documents/{page['items'][0]['id']}").json()
    assert doc["lang"] == "zh" and doc["quotes"] and doc["figures"] and doc["forecasts"] and doc["entities"]
    quote = doc["quotes"][0]
    assert doc["text"][quote["start"]:quote["end"]] == quote["text"]
    assert "text" not in client.get(f"/documents/{doc['id']}", params={"text": False}).json()
    assert client.get("/documents/999999").status_code == 404


def test_pagination_is_capped(client: TestClient) -> None:
    assert client.get("/documents", params={"limit": 100_000}).status_code == 422
    assert client.get("/documents", params={"offset": -1}).status_code == 422
    page = client.get("/documents", params={"limit": 200, "offset": 5}).json()
    assert page["total"] == 6 and len(page["items"]) == 1


def test_stories_entities_quotes_figures(client: TestClient) -> None:
    stories = client.get("/stories").json()
    covered = [sum(s["coverage"]["by_language"].values()) for s in stories["items"]]
    assert sum(covered) == 6 and all(s["doc_count"] == n for s, n in zip(stories["items"], covered, strict=True))
    story = client.get(f"/stories/{stories['items'][0]['id']}").json()
    assert len(story["documents"]) == story["doc_count"]
    assert client.get("/stories/424242").status_code == 404
    entity = client.get("/entities/nvidia").json()
    assert entity["documents"] == 3 and entity["name_zh"] == "英伟达"
    assert client.get("/entities", params={"q": "寒武"}).json()["items"][0]["id"] == "cambricon"
    said = client.get("/entities/new:sample-analyst/quotes").json()
    assert said["total"] == 6
    stance = client.get("/entities/new:sample-analyst/stance").json()
    assert stance == [{"month": "2031-05", "count": 6, "labels": {"hawkish": 6}, "mean_score": -0.4}]
    assert client.get("/quotes", params={"speaker": "林若川"}).json()["total"] == 3
    assert client.get("/figures", params={"unit": "percent"}).json()["total"] == 6
    assert client.get("/entities/nobody").status_code == 404


def test_search_with_facets(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "芯片", "facets": True}).json()
    assert hits["total"] == 3 and hits["facets"]["lang"] == [{"value": "zh", "count": 3}]
    assert client.get("/search", params={"q": "accelerator", "since": "2031-05-02"}).json()["total"] == 2
    assert client.get("/search", params={"since": "May 2"}).status_code == 422


def test_forecast_ledger_and_resolving_needs_a_token(client: TestClient) -> None:
    open_page = client.get("/forecasts", params={"status": "open"}).json()
    assert open_page["total"] == 6
    forecast_id = open_page["items"][0]["id"]
    body = {"outcome": "true", "evidence": "A sample shipment report."}
    assert client.post(f"/forecasts/{forecast_id}/resolve", json=body).status_code == 401
    assert client.post(f"/forecasts/{forecast_id}/resolve", json=body,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    resolved = client.post(f"/forecasts/{forecast_id}/resolve", json=body, headers=AUTH)
    assert resolved.status_code == 200 and resolved.json()["outcome"] == "true"
    assert client.get("/forecasts", params={"status": "resolved"}).json()["total"] == 1
    assert client.post(f"/forecasts/{forecast_id}/resolve", json={"outcome": "maybe", "evidence": "x"},
                       headers=AUTH).status_code == 422


def test_writes_are_refused_without_a_configured_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SINOSCOPE_API_TOKEN", raising=False)
    closed = TestClient(create_app(str(tmp_path / "closed.db")))
    assert closed.post("/ingest", json={"text": "hello"}, headers=AUTH).status_code == 403
    assert closed.get("/documents").status_code == 200


def test_ingest_endpoint(client: TestClient) -> None:
    text = (FIXTURES / "unrelated_zh.txt").read_text(encoding="utf-8")
    added = client.post("/ingest", json={"text": text, "source": "api-sample", "outlet": "西岭财经"}, headers=AUTH)
    assert added.status_code == 200 and added.json()["status"] == "added"
    again = client.post("/ingest", json={"text": text}, headers=AUTH).json()
    assert again["status"] in ("seen", "duplicate")
    assert client.post("/ingest", json={"url": "file:///etc/passwd"}, headers=AUTH).status_code == 422
    refused = client.post("/ingest", json={"url": "http://127.0.0.1:9/x"}, headers=AUTH)
    assert refused.status_code == 422 and "non-public" in refused.json()["detail"]
    assert client.post("/ingest", json={}, headers=AUTH).status_code == 422


def test_exports(client: TestClient) -> None:
    jsonl = client.get("/export/documents", params={"format": "jsonl", "limit": 4})
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(rows) == 4 and "body_text" in rows[0]
    csv_text = client.get("/export/quotes", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,document_id,speaker") and len(csv_text.splitlines()) >= 7
    assert client.get("/export/nothing").status_code == 422


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/documents", "/stories/{story_id}", "/search", "/forecasts/{forecast_id}/resolve"} <= set(paths)


def test_no_server_errors_on_any_operation(app) -> None:  # noqa: ANN001
    """Schemathesis generates requests from the OpenAPI spec for every operation: none may get a 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def no_server_error(case) -> None:  # noqa: ANN001
            # No token on /ingest: generated URLs must never be fetched from the network.
            case.call_and_validate(headers=AUTH if case.path != "/ingest" else None, checks=[not_a_server_error])

        no_server_error()
