"""`marsad serve`: server-rendered pages (Jinja2, right to left) and a JSON API over one store.

Pages: `/` stories newest first, `/stories/{id}` the dossier, `/articles/{id}` the clean text with
names, quotes and times marked, `/entities/{id}`, `/search?q=`, `/upload`. API under `/api/` with
the same resources, paginated, described at `/openapi.json`; API errors are JSON with the status.

Page text is untrusted: templates autoescape, and the highlighter escapes every character of page
text. Only the upload changes data; it accepts the input formats marsad reads, up to
MAX_UPLOAD_BYTES, writes the file only inside a folder beside the store, and removes it after."""

from __future__ import annotations

import re
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.context import Context, Settings
from marsad.engine.local import run_analysis
from marsad.report.html import REASON_LABELS
from marsad.store.sqlite import Store
from marsad.web.highlight import highlight

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
PAGE_SIZE = 20
_SAFE_NAME_RE = re.compile(r"[^\w.\-]+")


def _store(request: Request) -> Iterator[Store]:
    """One store connection per request (SQLite connections do not cross threads)."""
    s = Store(request.app.state.db_path)
    try:
        yield s
    finally:
        s.close()


Db = Annotated[Store, Depends(_store)]
Page = Annotated[int, Query(ge=1, le=100000)]


def create_app(db_path: str) -> FastAPI:
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path}: no such store; run `marsad analyze ... --db {db_path}` first")
    app = FastAPI(title="marsad", version="0.1.0", description="Arabic news stories, entities, quotes and sources from a marsad store.")
    env = Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["reason_label"] = lambda r: REASON_LABELS.get(r, r)
    templates = Jinja2Templates(env=env)

    app.state.db_path = db_path

    def page_html(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def errors(request: Request, exc: StarletteHTTPException) -> HTMLResponse | JSONResponse:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": exc.status_code, "message": str(exc.detail)}}, status_code=exc.status_code)
        return page_html(request, "error.html.j2", exc.status_code, status=exc.status_code, message=str(exc.detail))

    def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
        if value is None:
            raise HTTPException(404, f"no such {what}")
        return value

    # --- JSON API ---------------------------------------------------------------------------
    @app.get("/api/stories", tags=["api"], summary="Stories, newest first")
    def api_stories(db: Db, page: Page = 1, size: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE) -> dict[str, Any]:
        return {"page": page, "size": size, "total": db.count_stories(), "items": db.list_stories(size, (page - 1) * size)}

    @app.get("/api/stories/{story_id}", tags=["api"], summary="A story's dossier")
    def api_story(story_id: str, db: Db) -> dict[str, Any]:
        return found(db.get_story(story_id), "story")

    @app.get("/api/articles/{article_id}", tags=["api"], summary="An article record")
    def api_article(article_id: str, db: Db) -> dict[str, Any]:
        return found(db.get_record(article_id), "article")

    @app.get("/api/entities/{entity_id}", tags=["api"], summary="An entity, its spellings and mentions")
    def api_entity(entity_id: str, db: Db, page: Page = 1, size: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
        entity = found(db.get_entity(entity_id), "entity")
        mentions = db.entity_mentions(entity_id, limit=page * size)[(page - 1) * size :]
        return {**entity, "mentions": {"page": page, "size": size, "items": mentions}}

    @app.get("/api/search", tags=["api"], summary="Full-text search across spellings")
    def api_search(
        db: Db,
        q: Annotated[str, Query(min_length=1, max_length=200)],
        page: Page = 1,
        size: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
    ) -> dict[str, Any]:
        hits = db.search(q, size, (page - 1) * size)
        return {"q": q, "page": page, "size": size, "items": [asdict(h) for h in hits]}

    # --- pages ------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, db: Db, page: Page = 1) -> HTMLResponse:
        stories = db.list_stories(PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return page_html(request, "stories.html.j2", stories=stories, page=page, more=db.count_stories() > page * PAGE_SIZE)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, db: Db) -> HTMLResponse:
        story = found(db.get_story(story_id), "story")
        return page_html(request, "story.html.j2", story=story, heads=db.article_heads(story["articles"]))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, db: Db) -> HTMLResponse:
        record = found(db.get_record(article_id), "article")
        return page_html(request, "article.html.j2", a=record, paragraphs=highlight(record), story_id=db.story_of(article_id))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str, db: Db) -> HTMLResponse:
        entity = found(db.get_entity(entity_id), "entity")
        quotes = []
        for article_id in entity["articles"][:200]:
            record = db.get_record(article_id)
            if record:
                quotes += [(record, q) for q in record.get("quotes", []) if q.get("speaker_id") == entity_id]
        stories = sorted({s for a in entity["articles"][:200] if (s := db.story_of(a))})
        return page_html(request, "entity.html.j2", e=entity, mentions=db.entity_mentions(entity_id), quotes=quotes, stories=stories)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, db: Db, q: Annotated[str, Query(max_length=200)] = "", page: Page = 1) -> HTMLResponse:
        hits = db.search(q, PAGE_SIZE, (page - 1) * PAGE_SIZE) if q.strip() else []
        return page_html(request, "search.html.j2", q=q, hits=hits, page=page)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> HTMLResponse:
        return page_html(request, "upload.html.j2", suffixes=UPLOAD_SUFFIXES, limit_mb=MAX_UPLOAD_BYTES // (1024 * 1024))

    @app.post("/upload", include_in_schema=False, response_model=None)
    def upload(request: Request, file: Annotated[UploadFile, File()]) -> RedirectResponse | HTMLResponse:
        name = _SAFE_NAME_RE.sub("_", Path(file.filename or "").name).strip("._") or "upload.txt"
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise HTTPException(415, f"unsupported file type: {name} (accepted: {', '.join(UPLOAD_SUFFIXES)})")
        data = file.file.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"file larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        folder = Path(db_path).resolve().parent / ".marsad-uploads" / secrets.token_hex(8)
        folder.mkdir(parents=True)
        try:
            (folder / name).write_bytes(data)
            with Store(db_path) as s:
                summary = run_analysis([str(folder / name)], s, Settings(workers=1, progress=False), Context.load())
                articles = [r["id"] for r in s.iter_run_records(summary.run_id)]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        info = summary.as_dict()
        return page_html(request, "uploaded.html.j2", name=name, info=info, articles=articles)

    return app
