"""Requests from elsewhere are refused: a Host the server does not answer to (DNS rebinding), a
state-changing request from another site, an upload without the form's CSRF token; every response
carries the security headers, and pages need no inline script or style."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import create_app
from marsad.web.guard import CONTENT_SECURITY_POLICY, HostPolicy, split_host
from tests.web.conftest import BASE_URL, upload_token

EXE = {"file": ("a.exe", b"MZ", "application/octet-stream")}  # past every check, refused for its type (415)


@pytest.fixture(scope="module")
def client(web_store: str) -> TestClient:
    return TestClient(create_app(web_store), base_url=BASE_URL)


def uploaded_files(web_store: str) -> list[Path]:
    return [p for p in (Path(web_store).parent / ".marsad-uploads").glob("**/*") if p.is_file()]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io:8000", "[::2]:8000", ""])
def test_a_foreign_host_is_refused(client: TestClient, host: str) -> None:
    api = client.get("/api/stories", headers={"host": host})
    assert api.status_code == 400 and api.json()["error"]["status"] == 400
    page = client.get("/", headers={"host": host})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:1234", "LOCALHOST", "[::1]:8000", "localhost."])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_split_host() -> None:
    assert split_host("[::1]:8000") == ("::1", 8000)
    assert split_host("::1") == ("::1", None)
    assert split_host("Example.ORG.:80") == ("example.org", 80)
    with pytest.raises(ValueError):
        split_host("localhost:http")


def test_serve_answers_to_its_port_and_the_allowed_hosts() -> None:
    policy = HostPolicy.for_server("192.168.1.5", 8000, ["marsad.lan", "box:9000"])
    for ok in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "192.168.1.5:8000", "marsad.lan", "marsad.lan:1234", "box:9000"):
        assert policy.allows(ok), ok
    for refused in ("localhost:8001", "localhost", "box:9001", "box", "evil:8000", "", None, "localhost:abc"):
        assert not policy.allows(refused), refused
    on_80 = HostPolicy.for_server("127.0.0.1", 80)
    assert on_80.allows("localhost") and on_80.allows("localhost:80")


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},  # another server on this machine is another site
        {"origin": "https://127.0.0.1.evil.example:8000"},
        {"referer": "http://evil.example/page.html"},
        {"origin": "null", "referer": "http://evil.example/"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1:8000"},
    ],
)
def test_a_post_from_another_site_is_refused(client: TestClient, web_store: str, headers: dict[str, str]) -> None:
    token = upload_token(client)  # even with a valid token and cookie
    r = client.post("/upload", data=token, files=EXE, headers=headers)
    assert r.status_code == 403, r.text
    assert not uploaded_files(web_store)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"origin": "http://127.0.0.1:8000"},
        {"origin": "null"},  # what a browser sends for our own form under Referrer-Policy: no-referrer
        {"origin": "null", "sec-fetch-site": "same-origin"},
        {"referer": "http://127.0.0.1:8000/upload"},
    ],
)
def test_a_post_from_this_site_passes(client: TestClient, headers: dict[str, str]) -> None:
    assert client.post("/upload", data=upload_token(client), files=EXE, headers=headers).status_code == 415


def test_an_upload_needs_the_forms_token(client: TestClient, web_store: str) -> None:
    page = "موقع\n\nعنوان\n\nقال رئيس البلدية إن الطرق ستفتح غدا بعد انتهاء أعمال الصيانة في المدينة كلها.\n"
    files = {"file": ("page.txt", page.encode(), "text/plain")}
    token = upload_token(client)
    assert client.post("/upload", files=files).status_code == 403  # no token
    assert client.post("/upload", data={"csrf_token": "0" * 64}, files=files).status_code == 403  # a made-up one
    assert client.post("/upload", data={"csrf_token": token["csrf_token"] + "0"}, files=files).status_code == 403
    fresh = TestClient(client.app, base_url=BASE_URL)  # the token without the cookie it belongs to
    assert fresh.post("/upload", data=token, files=files).status_code == 403
    other = TestClient(create_app(web_store), base_url=BASE_URL)  # another server process's secret
    assert other.post("/upload", data=upload_token(fresh), files=files).status_code == 403
    assert not uploaded_files(web_store)
    assert client.post("/upload", data=token, files=EXE).status_code == 415  # the right pair gets through


def test_the_token_cookie_stays_on_this_site(client: TestClient) -> None:
    cookie = client.get("/upload").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/upload" in cookie


@pytest.mark.parametrize("path", ["/", "/api/stories", "/upload", "/static/marsad.css", "/openapi.json", "/nope", "/api/nope", "/api/search"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    for headers in ({}, {"host": "evil.example"}):
        r = client.get(path, headers=headers)
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    for directive in ("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'"):
        assert directive in CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_pages_need_no_inline_style_or_script(client: TestClient, hostile_article: str) -> None:
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    for path in ("/", f"/stories/{story_id}", f"/articles/{hostile_article}", "/search?q=شويجو", "/upload", "/nope"):
        html = client.get(path).text
        assert '<link rel="stylesheet" href="/static/marsad.css">' in html, path
        assert "<style" not in html and " style=" not in html and "<script" not in html, path
    css = client.get("/static/marsad.css")
    assert css.headers["content-type"].startswith("text/css") and "--accent" in css.text
