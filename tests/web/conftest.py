"""A store built once from the demo corpus plus pages carrying injected script and bidi overrides,
for the web tests; a live uvicorn server on a free port for the tests that need real sockets."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from marsad.context import Settings
from marsad.engine.local import run_analysis
from marsad.store.sqlite import Store
from tests.conftest import DEMO_CORPUS, DEMO_REGISTRY

HOSTILE = """موقع التجربة

صفحة <script>window.__pwned = 1; document.title = "pwned"</script> فيها شيفرة

قال المتحدث باسم الوزارة سامي الخطيب: «هذه <img src=x onerror="window.__pwned=2"> جملة اختبار طويلة بما يكفي».
وأضاف أن <a href="javascript:window.__pwned=3">الرابط</a> لا يعمل، وأن وزير الدفاع الروسي سيرغي شويغو زار المدينة أمس.
"""

VARIANT = """موقع آخر

وزير الدفاع الروسي يزور قاعدة بحرية

زار وزير الدفاع الروسي سيرجي شويجو قاعدة بحرية في الشرق الأقصى، وقال شويجو إن الأسطول سيتلقى سفنا جديدة هذا العام.
"""


# A headline and a sentence carrying RLO ... PDF (U+202E, U+202C), an isolate (U+2066), a bell (U+0007)
# and an escape (U+001B): none may reach a rendered page.
SPOOF = (
    "موقع الاختبار\n\n"
    "عنوان \u202eمقلوب\u202c فيه \x07 جرس و\u2066عزل\n\n"
    "قال المتحدث باسم البلدية رامي النجار إن \u202eالنص\u202c المقلوب \x1b[31m يظهر في المتن وإن الاجتماع سيعقد غدا في العاصمة.\n"
)
BIDI_AND_CONTROLS = ("\u202e", "\u202c", "\u2066", "\x07", "\x1b")


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "input" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    (folder / "input" / "variant.txt").write_text(VARIANT, encoding="utf-8")
    (folder / "input" / "spoof.txt").write_text(SPOOF, encoding="utf-8")
    db = str(folder / "marsad.db")
    with Store(db) as store:
        run_analysis(
            [str(DEMO_CORPUS), str(hostile.parent)], store, Settings(registry_files=(str(DEMO_REGISTRY),), workers=1, progress=False)
        )
    return db


@pytest.fixture(scope="session")
def hostile_article(web_store: str) -> str:
    with Store(web_store) as store:
        (found,) = [h.article_id for h in store.search("شيفرة")]
    return found


@pytest.fixture(scope="session")
def spoof_article(web_store: str) -> str:
    with Store(web_store) as store:
        (found,) = [h.article_id for h in store.search("المقلوب")]
    return found


BASE_URL = "http://127.0.0.1:8000"  # a Host the app answers to (TestClient's own, testserver, is refused)
_TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def upload_token(client: TestClient) -> dict[str, str]:
    """The upload form's hidden field, read as a browser would from GET /upload (which also sets
    the cookie in the client's jar)."""
    page = client.get("/upload")
    match = _TOKEN_RE.search(page.text)
    assert match, "the upload form carries no CSRF token"
    return {"csrf_token": match.group(1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """`app` served by uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
