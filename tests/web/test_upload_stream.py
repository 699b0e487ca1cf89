"""The upload is streamed: an oversized body is refused before it is all sent (at once when
Content-Length says so, at the limit when it does not), and a file is never spooled by Starlette's
form parser to the system's temporary folder. Against a live server, over raw sockets, so nothing
between the test and uvicorn reads the body for it."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import MAX_UPLOAD_BYTES, create_app
from tests.web.conftest import BASE_URL, live_server, upload_token

BOUNDARY = "marsadtestboundary"


@pytest.fixture(scope="module")
def server(web_store: str) -> Iterator[str]:
    with live_server(create_app(web_store)) as url:
        yield url


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _token_and_cookie(port: int) -> tuple[str, str]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET /upload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    text = raw.decode("utf-8", "replace")
    cookie = re.search(r"(?im)^set-cookie: ([^;\r\n]+)", text)
    token = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert cookie and token
    return token.group(1), cookie.group(1)


def _form_head(token: str) -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
    ).encode()


def _status_line(s: socket.socket) -> str:
    """The response's first line, read within the socket's timeout (a server that waits for the
    rest of the body never answers, and the test fails on the timeout)."""
    raw = b""
    while b"\r\n" not in raw:
        chunk = s.recv(4096)
        if not chunk:
            break
        raw += chunk
    return raw.split(b"\r\n", 1)[0].decode()


def _request_head(port: int, cookie: str, length_header: str) -> bytes:
    """The head of a multipart upload POST, with how its body's length is told."""
    return (
        f"POST /upload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n{length_header}\r\n\r\n"
    ).encode()


def _uploaded_files(web_store: str) -> list[Path]:
    return [p for p in (Path(web_store).parent / ".marsad-uploads").glob("**/*") if p.is_file()]


def test_a_declared_oversized_body_is_refused_before_it_is_read(server: str, web_store: str) -> None:
    """300 MB announced, 64 KiB sent: the answer comes at once."""
    port = _port(server)
    token, cookie = _token_and_cookie(port)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(
            _request_head(port, cookie, f"Content-Length: {300 * 1024 * 1024}")
            + _form_head(token)
            + b"a" * 65536
        )
        started = time.monotonic()
        assert _status_line(s).startswith("HTTP/1.1 413")
        assert time.monotonic() - started < 5
    assert not _uploaded_files(web_store)


def test_an_undeclared_oversized_body_is_refused_at_the_limit(server: str, web_store: str) -> None:
    """Chunked, with no length: the server stops at the limit, while the client still has more."""
    port = _port(server)
    token, cookie = _token_and_cookie(port)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(_request_head(port, cookie, "Transfer-Encoding: chunked"))
        head = _form_head(token)
        s.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        piece = b"a" * 65536
        for _ in range(MAX_UPLOAD_BYTES // len(piece) + 2):  # just past the limit; the body never ends
            s.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
        assert _status_line(s).startswith("HTTP/1.1 413")
    assert not _uploaded_files(web_store)


def test_a_file_is_not_spooled_by_the_form_parser(client_app: TestClient, monkeypatch: pytest.MonkeyPatch, web_store: str) -> None:
    """Starlette's form parser spools files to the temporary folder; the upload must not use it."""
    import starlette.formparsers

    def no_spooling(*args: object, **kwargs: object) -> None:
        raise AssertionError("the upload was spooled by Starlette's form parser")

    monkeypatch.setattr(starlette.formparsers, "SpooledTemporaryFile", no_spooling)
    page = "موقع الرفع\n\nعنوان خبر مرفوع\n\nقال رئيس البلدية نادر الحلبي إن الحديقة ستفتح بعد انتهاء أعمال الصيانة فيها.\n"
    r = client_app.post("/upload", data=upload_token(client_app), files={"file": ("stream.txt", page.encode(), "text/plain")})
    assert r.status_code == 200 and "/articles/" in r.text
    assert not _uploaded_files(web_store)


@pytest.fixture
def client_app(web_store: str) -> TestClient:
    return TestClient(create_app(web_store), base_url=BASE_URL, raise_server_exceptions=False)
