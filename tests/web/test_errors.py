"""Every error has the documented shape: `{"error": {"status", "message"}}` under /api, an HTML page
with the status elsewhere; never FastAPI's `{"detail": …}`, never a plain-text traceback."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from marsad.store.sqlite import Store
from marsad.web.app import create_app
from tests.web.conftest import BASE_URL


@pytest.fixture(scope="module")
def client(web_store: str) -> TestClient:
    # Server exceptions are not re-raised into the test: the answer the client gets is what counts.
    return TestClient(create_app(web_store), base_url=BASE_URL, raise_server_exceptions=False)


def assert_api_error(response: Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}, body
    assert body["error"]["status"] == status and isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["message"])


def assert_html_error(response: Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert f"خطأ {status}" in response.text and '"detail"' not in response.text


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/articles/nope", 404),
        ("GET", "/api/stories/nope", 404),
        ("GET", "/api/entities/nope", 404),
        ("GET", "/api/no-such-route", 404),
        ("POST", "/api/stories", 405),
        ("DELETE", "/api/articles/x", 405),
        ("GET", "/api/search", 422),  # q missing
        ("GET", "/api/search?q=", 422),  # q empty
        ("GET", "/api/stories?page=0", 422),
        ("GET", "/api/stories?size=abc", 422),
        ("GET", "/api/entities/x?size=1000", 422),
    ],
)
def test_api_errors_have_the_documented_shape(client: TestClient, method: str, path: str, status: int) -> None:
    assert_api_error(client.request(method, path), status)


def test_validation_message_names_the_parameter(client: TestClient) -> None:
    assert "q" in assert_api_error(client.get("/api/search"), 422)
    assert "page" in assert_api_error(client.get("/api/stories?page=0"), 422)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/stories/nope", 404),
        ("GET", "/no/such/page", 404),
        ("POST", "/", 405),
        ("GET", "/?page=0", 422),
        ("GET", "/search?q=" + "x" * 201, 422),
        ("GET", "/articles/x?page=abc", 404),
    ],
)
def test_page_errors_are_html_pages(client: TestClient, method: str, path: str, status: int) -> None:
    assert_html_error(client.request(method, path), status)


def test_an_unhandled_exception_is_a_500_in_the_documented_shape(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Store, *args: object) -> int:
        raise RuntimeError("/secret/path/in/a/traceback")

    monkeypatch.setattr(Store, "count_stories", broken)
    api = client.get("/api/stories")
    assert assert_api_error(api, 500) == "internal server error"
    page = client.get("/")
    assert_html_error(page, 500)
    for r in (api, page):
        assert "/secret/path" not in r.text and "Traceback" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"  # the guard's headers reach the 500 too
