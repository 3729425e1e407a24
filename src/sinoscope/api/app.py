"""The JSON API over the corpus (FastAPI; OpenAPI docs at /docs).

Reads are open; writes (ingest, resolving a forecast) need `Authorization: Bearer <token>`,
the token coming from `create_app(token=...)` or $SINOSCOPE_API_TOKEN. With no token set,
writes are refused. Every listing is paginated with capped limits.
"""

from __future__ import annotations

import os
import secrets
import threading
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy.exc import DataError, StatementError

from ..store import queries
from ..store.db import open_store
from ..store.export import EXPORTS, iter_export
from ..store.search import SearchQuery, search
from .docs import add_docs
from .guards import guard

MAX_ID = 2**62
DATE = r"^\d{4}-\d{2}-\d{2}$"
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Text = Annotated[str | None, Query(max_length=200)]


def real_day(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a day of the calendar (2026-02-30 is not)."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date of the calendar (YYYY-MM-DD)") from None  # a 422 naming the parameter
    return value


Day = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD"), AfterValidator(real_day)]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
_bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


class ResolveRequest(BaseModel):
    outcome: Literal["true", "false", "partial", "void"]
    evidence: str = Field(min_length=1, max_length=20_000, description="what shows the outcome (a link, a quote)")


class IngestRequest(BaseModel):
    url: str | None = Field(None, max_length=2_000, description="an http(s) page to fetch")
    text: str | None = Field(None, max_length=5_000_000, description="a page's text, if not fetching a URL")
    source: str | None = Field(None, max_length=2_000)
    outlet: str | None = Field(None, max_length=200)


def _clean(value: str | None) -> str | None:
    """PostgreSQL refuses NUL characters in text; nobody means them in a query."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def create_app(db_url: str | None = None, token: str | None = None, allow_private: bool = False) -> FastAPI:
    engine = open_store(db_url)
    write_token = token or os.environ.get("SINOSCOPE_API_TOKEN") or None
    app = FastAPI(title="sinoscope", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Bilingual (Chinese/English) news corpus on the US–China AI competition: documents, "
                              "stories across languages, entities, quotes, figures, forecasts, search.")
    guard(app)
    add_docs(app)  # Swagger UI and ReDoc from the packaged assets, offline
    ingest_lock = threading.Lock()
    ingestor_box: dict[str, Any] = {}

    def require_token(credentials: Credentials = None) -> None:
        if write_token is None:
            raise HTTPException(403, "writes are disabled: no API token is configured")
        if credentials is None or not secrets.compare_digest(credentials.credentials.encode(), write_token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StatementError)
    async def bad_value(_request: Request, exc: StatementError) -> JSONResponse:
        # A value the database cannot hold (out of range, bad encoding) is the caller's error.
        if isinstance(exc, DataError) or "too large" in str(exc.orig or exc):
            return JSONResponse({"detail": "a parameter value is out of range for the database"}, status_code=400)
        raise exc

    @app.get("/documents", tags=["documents"])
    def documents(lang: Text = None, outlet: Text = None, story_id: OptionalId = None,
                  since: Day = None, until: Day = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_documents(engine, lang=_clean(lang), outlet=_clean(outlet), story_id=story_id,
                                      since=since, until=until, limit=limit, offset=offset)

    @app.get("/documents/{document_id}", tags=["documents"])
    def document(document_id: Id, text: bool = True) -> dict:
        found = queries.get_document(engine, document_id, include_text=text)
        if found is None:
            raise HTTPException(404, "no such document")
        return found

    @app.get("/stories", tags=["stories"])
    def stories(lang: Text = None, blindspot: bool | None = None, since: Day = None, until: Day = None,
                min_documents: Annotated[int, Query(ge=1, le=10_000)] = 1,
                limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_stories(engine, lang=_clean(lang), blindspot=blindspot, since=since, until=until,
                                    min_documents=min_documents, limit=limit, offset=offset)

    @app.get("/stories/{story_id}", tags=["stories"])
    def story(story_id: Id) -> dict:
        found = queries.get_story(engine, story_id)
        if found is None:
            raise HTTPException(404, "no such story")
        return found

    @app.get("/entities", tags=["entities"])
    def entities(q: Text = None, type: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_entities(engine, q=_clean(q), type=_clean(type), limit=limit, offset=offset)

    @app.get("/entities/{entity_id}", tags=["entities"])
    def entity(entity_id: Annotated[str, Path(max_length=200)]) -> dict:
        found = queries.get_entity(engine, _clean(entity_id) or "")
        if found is None:
            raise HTTPException(404, "no such entity")
        return found

    @app.get("/entities/{entity_id}/quotes", tags=["entities"])
    def entity_quotes(entity_id: Annotated[str, Path(max_length=200)], limit: Limit = 50, offset: Offset = 0) -> dict:
        """Everything this person or company was quoted saying."""
        return queries.list_quotes(engine, speaker=_clean(entity_id), limit=limit, offset=offset)

    @app.get("/entities/{entity_id}/stance", tags=["entities"])
    def entity_stance(entity_id: Annotated[str, Path(max_length=200)]) -> list[dict]:
        """The entity's stance on China's AI, month by month."""
        return queries.stance_over_time(engine, _clean(entity_id) or "")

    @app.get("/quotes", tags=["facts"])
    def quotes(speaker: Text = None, document_id: OptionalId = None,
               q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_quotes(engine, speaker=_clean(speaker), document_id=document_id, q=_clean(q),
                                   limit=limit, offset=offset)

    @app.get("/figures", tags=["facts"])
    def figures(kind: Text = None, unit: Text = None, document_id: OptionalId = None,
                limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_figures(engine, kind=_clean(kind), unit=_clean(unit), document_id=document_id,
                                    limit=limit, offset=offset)

    @app.get("/forecasts", tags=["forecasts"])
    def forecasts(status: Literal["open", "due", "resolved"] | None = None, holder: Text = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict:
        """The forecast ledger: open, due (open and past their date) and resolved."""
        return queries.list_forecasts(engine, status=status, holder=_clean(holder), limit=limit, offset=offset)

    @app.post("/forecasts/{forecast_id}/resolve", tags=["forecasts"], dependencies=[Depends(require_token)])
    def resolve(forecast_id: Id, body: ResolveRequest) -> dict:
        try:
            found = queries.resolve_forecast(engine, forecast_id, body.outcome, _clean(body.evidence) or "")
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        if found is None:
            raise HTTPException(404, "no such forecast")
        return found

    @app.get("/search", tags=["search"])
    def search_documents(q: Annotated[str, Query(max_length=500)] = "", lang: Text = None, outlet: Text = None,
                         entity: Text = None, speaker: Text = None, since: Day = None, until: Day = None,
                         stance: Text = None, story_id: OptionalId = None,
                         sort: Literal["relevance", "date"] = "relevance", facets: bool = False,
                         expand: bool = True,
                         limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict:
        """Full-text search (Chinese and English) with facet filters; `facets=true` adds counts.

        A term naming a knowledge-base entry in any form (Nvidia / 英伟达, export controls / 出口管制)
        also finds its other forms (`expand=false` searches the text as typed); each result's `matched`
        says which form it contains, `highlights` where the terms sit in its `snippet`."""
        query = SearchQuery(q=_clean(q) or "", lang=_clean(lang), outlet=_clean(outlet), entity=_clean(entity),
                            speaker=_clean(speaker), since=since, until=until, stance=_clean(stance),
                            story_id=story_id, sort=sort, facets=facets, expand=expand, limit=limit,
                            offset=offset)
        return search(engine, query)

    @app.get("/export/{table}", tags=["export"])
    def export(table: Literal[tuple(EXPORTS)],  # type: ignore[valid-type]
               format: Literal["csv", "jsonl"] = "jsonl",
               limit: Annotated[int, Query(ge=1, le=10_000)] = 1_000, offset: Offset = 0) -> StreamingResponse:
        media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
        return StreamingResponse(iter_export(engine, table, format, limit=limit, offset=offset), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{table}.{format}"'})

    @app.post("/ingest", tags=["ingest"], dependencies=[Depends(require_token)])
    def ingest(body: IngestRequest) -> dict:
        from ..sources.inputs import RawInput, iter_inputs
        from ..store.ingest import Ingestor, IngestSettings

        if bool(body.url) == bool(body.text):
            raise HTTPException(422, "give exactly one of url or text")
        with ingest_lock:  # one pipeline per app, built on first use
            if "ingestor" not in ingestor_box:
                ingestor_box["ingestor"] = Ingestor(engine, IngestSettings(allow_private=allow_private))
        ingestor = ingestor_box["ingestor"]
        if body.url:
            if not body.url.lower().startswith(("http://", "https://")):  # never a path on this machine
                raise HTTPException(422, "url must be http or https")
            raw = next(iter_inputs([body.url], allow_private=allow_private))
        else:
            raw = RawInput(_clean(body.source) or "<api>", (body.text or "").encode("utf-8"))
        result = ingestor.ingest_raw(raw, outlet=_clean(body.outlet))
        if result.status == "failed":
            raise HTTPException(422, result.message or "could not ingest")
        return {"status": result.status, "document_id": result.document_id, "story_id": result.story_id,
                "duplicate_of": result.duplicate_of}

    return app
