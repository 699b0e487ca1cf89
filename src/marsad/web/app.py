"""`marsad serve`: server-rendered pages (Jinja2, right to left) and a JSON API over one store.

Pages: `/` stories newest first, `/stories/{id}` the dossier, `/articles/{id}` the clean text with
names, quotes and times marked, `/entities/{id}`, `/search?q=`, `/upload`. API under `/api/` with
the same resources, paginated, described at `/openapi.json`. Every error under /api is
`{"error": {"status", "message"}}` with the status (404, 405, 422 and 500 included); a page's error
is an HTML page with the status.

Each request reads through its own read-only connection, opened and closed in the thread that runs
the route, inside one read transaction (one snapshot of the store, however many queries the page
makes); in WAL mode these read alongside a writer (`marsad analyze`, or an upload). Page text is
untrusted: templates autoescape, the highlighter escapes every character of page text, and
characters that reorder or hide text are removed from whatever a page renders (web/text.py).
Requests pass web/guard.py first (Host, Origin, security headers, no plain-text 500).

Only the upload changes data: it needs the form's CSRF token, accepts the input formats marsad
reads up to MAX_UPLOAD_BYTES, streams the file into a folder beside the store (web/upload.py) and
removes it after the analysis. Uploads analyse one at a time."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from marsad.context import Context, Settings
from marsad.engine.local import run_analysis
from marsad.report.html import add_label_filters
from marsad.store import Store, is_postgres_url, open_store
from marsad.store.base import StoryFilter
from marsad.store.sqlite import is_marsad_store
from marsad.web import csrf
from marsad.web.guard import LOOPBACK_NAMES, Guard, HostPolicy
from marsad.web.highlight import highlight
from marsad.web.text import clean_display, file_label
from marsad.web.upload import UPLOAD_SUFFIXES, UploadRefused, receive_upload, refuse_declared_length

_Found = TypeVar("_Found")  # what a route looks up: a 404 when the store has none

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
PAGE_SIZE = 20
UPLOAD_FOLDER = ".marsad-uploads"  # beside the store

Page = Annotated[int, Query(ge=1, le=100000)]
IsoDate = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
Name = Annotated[str | None, Query(max_length=200)]


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's error list as one line: `q: Field required; page: Input should be …`."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _check_servable(db_path: str) -> None:
    """Raise FileNotFoundError when there is no such store and ValueError when the file or
    database is not a marsad store (it is not touched)."""
    if is_postgres_url(db_path):
        from marsad.store.postgres import shown

        with open_store(db_path, readonly=True) as s:
            if s.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
                raise FileNotFoundError(f"{shown(db_path)}: no store in this database; run `marsad analyze ... --db URL` first")
        return
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"{db_path}: no such store; run `marsad analyze ... --db {db_path}` first")
    if not is_marsad_store(db_path):
        raise ValueError(f"{db_path}: not a marsad store (no schema_version table); refusing to serve it")


def create_app(db_path: str, hosts: HostPolicy | None = None, ctx: Context | None = None) -> FastAPI:
    """The app over the store at `db_path` (a SQLite file or a postgresql:// URL), answering to
    `hosts` (default: the loopback names on any port). Uploads are analysed with `ctx`, the
    server's context (its --registry files); default: the shipped resources. Raises
    FileNotFoundError when there is no such store and ValueError when the file or database is
    not a marsad store; it is then not touched."""
    from marsad.store.base import NotAStore

    try:
        _check_servable(db_path)
    except NotAStore as exc:
        raise ValueError(str(exc)) from exc
    with open_store(db_path):
        pass  # a store written by an older marsad is migrated once here, not by each reader
    app = FastAPI(
        title="marsad",
        version="0.1.0",
        description="Arabic news stories, entities, quotes and sources from a marsad store.",
        # The interactive docs load script from a CDN, which the Content-Security-Policy forbids.
        docs_url=None,
        redoc_url=None,
    )
    env = Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=select_autoescape(["html", "j2"]), finalize=clean_display)
    add_label_filters(env)
    env.filters["file_label"] = file_label
    templates = Jinja2Templates(env=env)
    stylesheet = resources.files("marsad.web").joinpath("static", "marsad.css").read_bytes()
    tokens = csrf.CsrfTokens()
    write_lock = threading.Lock()
    # Uploads of a PostgreSQL store wait in the system's temporary folder (there is no store folder).
    uploads = (Path(tempfile.gettempdir()) if is_postgres_url(db_path) else Path(db_path).resolve().parent) / UPLOAD_FOLDER
    upload_ctx = ctx

    def page_html(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status_code)

    def render_error(request: Request, status: int, message: str) -> Response:
        if is_api(request.url.path):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return page_html(request, "error.html.j2", status, status=status, message=message)

    app.add_middleware(Guard, hosts=hosts or HostPolicy.of(LOOPBACK_NAMES), render_error=render_error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = render_error(request, exc.status_code, str(exc.detail))
        if exc.headers:  # 405's Allow
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return render_error(request, 422, _validation_message(exc))

    @contextmanager
    def reading() -> Iterator[Store]:
        """A read-only connection for one route, in the thread that runs it; every query of the
        route sees one snapshot (a writer committing in between does not split a page)."""
        store = open_store(db_path, readonly=True)
        try:
            store.begin_read()
            yield store
        finally:
            store.close()

    def found(value: _Found | None, what: str) -> _Found:
        if value is None:
            raise HTTPException(404, f"no such {what}")
        return value

    @app.get("/static/marsad.css", include_in_schema=False)
    def stylesheet_route() -> Response:
        return Response(stylesheet, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    # --- JSON API ---------------------------------------------------------------------------
    @app.get("/api/stories", tags=["api"], summary="Stories, newest first; filtered by days, outlet and entity")
    def api_stories(
        page: Page = 1,
        size: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
        date_from: IsoDate = None,
        date_to: IsoDate = None,
        outlet: Name = None,
        entity: Name = None,
    ) -> dict[str, Any]:
        where = StoryFilter(date_from, date_to, outlet or None, entity or None)
        with reading() as db:
            cards = db.list_stories(size, (page - 1) * size, where)
            return {"page": page, "size": size, "total": db.count_stories(where), "items": [c.to_json() for c in cards]}

    @app.get("/api/stories/{story_id}", tags=["api"], summary="A story's dossier")
    def api_story(story_id: str) -> dict[str, Any]:
        with reading() as db:
            return found(db.get_story(story_id), "story").to_json()

    @app.get("/api/articles/{article_id}", tags=["api"], summary="An article record")
    def api_article(article_id: str) -> dict[str, Any]:
        with reading() as db:
            return found(db.get_record(article_id), "article").to_export()

    @app.get("/api/entities/{entity_id}", tags=["api"], summary="An entity, its spellings and mentions")
    def api_entity(entity_id: str, page: Page = 1, size: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
        with reading() as db:
            entity = found(db.get_entity(entity_id), "entity")
            mentions = db.entity_mentions(entity_id, limit=page * size)[(page - 1) * size :]
        return {**entity.to_json(), "mentions": {"page": page, "size": size, "items": [asdict(m) for m in mentions]}}

    @app.get("/api/search", tags=["api"], summary="Full-text search across spellings")
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        page: Page = 1,
        size: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
    ) -> dict[str, Any]:
        with reading() as db:
            hits = db.search(q, size, (page - 1) * size)
        return {"q": q, "page": page, "size": size, "items": [asdict(h) for h in hits]}

    # --- pages ------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(
        request: Request, page: Page = 1, date_from: IsoDate = None, date_to: IsoDate = None, outlet: Name = None, entity: Name = None
    ) -> HTMLResponse:
        where = StoryFilter(date_from, date_to, outlet or None, entity or None)
        with reading() as db:
            stories = db.list_stories(PAGE_SIZE, (page - 1) * PAGE_SIZE, where)
            total = db.count_stories(where)
        query = {k: v for k, v in (("date_from", date_from), ("date_to", date_to), ("outlet", outlet), ("entity", entity)) if v}
        return page_html(request, "stories.html.j2", stories=stories, page=page, more=total > page * PAGE_SIZE, total=total, where=where, query=query)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        with reading() as db:
            story = found(db.get_story(story_id), "story")
            heads = db.article_heads(story.articles)
        return page_html(request, "story.html.j2", story=story, heads=heads)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        with reading() as db:
            record = found(db.get_record(article_id), "article")
            story_id = db.story_of(article_id)
        return page_html(request, "article.html.j2", a=record, paragraphs=highlight(record), story_id=story_id)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        with reading() as db:
            entity = found(db.get_entity(entity_id), "entity")
            quotes = []
            for article_id in entity.articles[:200]:
                record = db.get_record(article_id)
                if record:
                    quotes += [(record, q) for q in record.quotes if q.speaker_id == entity_id]
            stories = sorted({s for a in entity.articles[:200] if (s := db.story_of(a))})
            mentions = db.entity_mentions(entity_id)
        return page_html(request, "entity.html.j2", e=entity, mentions=mentions, quotes=quotes, stories=stories)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "", page: Page = 1) -> HTMLResponse:
        with reading() as db:
            hits = db.search(q, PAGE_SIZE, (page - 1) * PAGE_SIZE) if q.strip() else []
        return page_html(request, "search.html.j2", q=q, hits=hits, page=page)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> HTMLResponse:
        nonce, token = tokens.issue(request.cookies.get(tokens.cookie))
        response = page_html(
            request,
            "upload.html.j2",
            suffixes=UPLOAD_SUFFIXES,
            limit_mb=MAX_UPLOAD_BYTES // (1024 * 1024),
            csrf_field=csrf.FIELD,
            csrf_token=token,
        )
        response.set_cookie(tokens.cookie, nonce, path="/upload", httponly=True, samesite="strict")
        return response

    def analyse_upload(path: Path) -> tuple[dict[str, Any], list[str]]:
        """Runs in a worker thread, which opens and closes the writing store itself."""
        nonlocal upload_ctx
        with write_lock:
            if upload_ctx is None:  # loaded once, by the first upload, not per upload
                upload_ctx = Context.load(Settings(workers=1, progress=False))
            settings = replace(upload_ctx.settings, workers=1, progress=False, reprocess=False)
            with open_store(db_path) as s:
                summary = run_analysis([str(path)], s, settings, upload_ctx)
                articles = [r.id for r in s.iter_run_records(summary.run_id)]
        info = summary.as_dict()
        # The messages name the file by the path it was read from, in the upload folder.
        info["errors"] = [f"{file_label(p.source)}: {p.message}" for p in summary.problems if p.fatal]
        info["warnings"] = [f"{file_label(p.source)}: {p.message}" for p in summary.problems if not p.fatal]
        return info, articles

    @app.post("/upload", include_in_schema=False, response_model=None)
    async def upload(request: Request) -> HTMLResponse:
        cookie = request.cookies.get(tokens.cookie)

        def check_token(fields: dict[str, str]) -> None:
            if not tokens.check(cookie, fields.get(csrf.FIELD)):
                raise UploadRefused(403, "the form has expired or did not come from this server: load the upload page again")

        folder = uploads / secrets.token_hex(8)
        try:
            refuse_declared_length(request.headers.get("content-length"), MAX_UPLOAD_BYTES)
            path = await receive_upload(request.headers.get("content-type"), request.stream(), folder, MAX_UPLOAD_BYTES, check_token)
            info, articles = await run_in_threadpool(analyse_upload, path)
        except UploadRefused as exc:
            raise HTTPException(exc.status, exc.message) from None
        except ClientDisconnect:
            raise HTTPException(400, "the upload was interrupted") from None
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return page_html(request, "uploaded.html.j2", name=path.name, info=info, articles=articles)

    return app
