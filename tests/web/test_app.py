"""Pages and API routes over a store of the demo corpus: they answer, link, paginate, escape
page content, reject bad uploads, and change nothing but through the upload."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.store.sqlite import Store
from marsad.web.app import MAX_UPLOAD_BYTES, create_app
from tests.web.conftest import BASE_URL, BIDI_AND_CONTROLS, upload_token


@pytest.fixture(scope="module")
def client(web_store: str) -> TestClient:
    return TestClient(create_app(web_store), base_url=BASE_URL)


def test_api_stories_are_paginated_and_link_to_dossiers(client: TestClient) -> None:
    first = client.get("/api/stories", params={"size": 2}).json()
    assert first["page"] == 1 and len(first["items"]) == 2 and first["total"] >= 3
    second = client.get("/api/stories", params={"size": 2, "page": 2}).json()
    assert {s["id"] for s in first["items"]}.isdisjoint(s["id"] for s in second["items"])
    story = client.get(f"/api/stories/{first['items'][0]['id']}").json()
    assert {"title", "articles", "outlets", "entities", "quotes", "claims", "disagreements", "timeline", "summary"} <= set(story)


def test_pages_render_and_link(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'dir="rtl"' in home.text
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    dossier = client.get(f"/stories/{story_id}")
    assert dossier.status_code == 200 and "/articles/" in dossier.text
    article_id = client.get(f"/api/stories/{story_id}").json()["articles"][0]
    article = client.get(f"/articles/{article_id}")
    assert article.status_code == 200 and 'class="ent' in article.text
    entity_id = next(e["entity_id"] for e in client.get(f"/api/articles/{article_id}").json()["entities"] if e["entity_id"])
    assert client.get(f"/entities/{entity_id}").status_code == 200
    assert client.get(f"/api/entities/{entity_id}").json()["mentions"]["items"]


def test_search_finds_other_spellings_of_an_entity(client: TestClient, hostile_article: str) -> None:
    """One page writes سيرغي شويغو, another سيرجي شويجو: either spelling finds both."""
    for query in ("شويجو", "شويغو"):
        hits = {h["article_id"] for h in client.get("/api/search", params={"q": query}).json()["items"]}
        assert hostile_article in hits and len(hits) == 2, query
    page = client.get("/search", params={"q": "شويجو"})
    assert page.text.count("<mark>") >= 2


def test_errors_are_json_under_api_and_pages_elsewhere(client: TestClient) -> None:
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and r.json() == {"error": {"status": 404, "message": "no such article"}}
    assert client.get("/api/search").status_code == 422
    page = client.get("/stories/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_openapi_documents_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/search"} <= set(
        paths
    )


def test_page_content_is_escaped(client: TestClient, hostile_article: str) -> None:
    html = client.get(f"/articles/{hostile_article}").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "<img src=x" not in html


def test_only_the_upload_changes_data(client: TestClient, web_store: str) -> None:
    with Store(web_store) as s:
        before = s.count_articles()
    for path in ("/", "/search?q=x", "/api/stories", "/upload"):
        client.get(path)
    assert client.post("/api/stories").status_code == 405
    assert client.delete(f"/api/articles/{'x'}").status_code == 405
    with Store(web_store) as s:
        assert s.count_articles() == before


def test_upload_analyzes_into_the_store(client: TestClient, web_store: str, tmp_path: Path) -> None:
    page = "موقع الرفع\n\nعنوان خبر مرفوع للتجربة\n\nقال رئيس البلدية كمال الشامي إن الطرق ستفتح غدا بعد انتهاء أعمال الصيانة في المدينة.\n"
    r = client.post("/upload", data=upload_token(client), files={"file": ("../../evil name.txt", page.encode(), "text/plain")})
    assert r.status_code == 200 and "/articles/" in r.text
    folder = Path(web_store).parent
    assert not list(folder.glob("**/evil*")) and not (tmp_path.parent / "evil name.txt").exists()
    assert client.get("/api/search", params={"q": "الشامي"}).json()["items"]


def test_uploads_are_limited_in_type_and_size(client: TestClient, web_store: str) -> None:
    token = upload_token(client)
    assert client.post("/upload", data=token, files={"file": ("a.exe", b"MZ", "application/octet-stream")}).status_code == 415
    big = b"a" * (MAX_UPLOAD_BYTES + 1)
    assert client.post("/upload", data=token, files={"file": ("a.txt", big, "text/plain")}).status_code == 413
    assert not [p for p in (Path(web_store).parent / ".marsad-uploads").glob("**/*") if p.is_file()]  # nothing left behind


@pytest.mark.shared
def test_every_route_works_on_the_sample_store(tmp_path: Path) -> None:
    from marsad.context import Settings
    from marsad.engine.local import run_analysis
    from tests.conftest import SAMPLE_CORPUS

    db = str(tmp_path / "sample.db")
    with Store(db) as store:
        run_analysis([str(SAMPLE_CORPUS)], store, Settings(workers=1, progress=False))
    client = TestClient(create_app(db), base_url=BASE_URL)
    stories = client.get("/api/stories").json()["items"]
    (summit,) = [client.get(f"/api/stories/{s['id']}").json() for s in stories if s["articles"] == 4]
    for path in ["/", f"/stories/{summit['id']}", "/search?q=شويجو", "/upload", f"/api/stories/{summit['id']}", "/api/search?q=بوتين"]:
        assert client.get(path).status_code == 200, path
    for article_id in summit["articles"]:
        assert client.get(f"/articles/{article_id}").status_code == 200
        assert client.get(f"/api/articles/{article_id}").status_code == 200
    for e in summit["entities"]:
        assert client.get(f"/entities/{e['id']}").status_code == 200
        assert client.get(f"/api/entities/{e['id']}").status_code == 200
    hits = {h["article_id"] for h in client.get("/api/search", params={"q": "شويجو"}).json()["items"]}
    assert len(hits) == 2  # one page writes شويجو, another شويغو


def test_pages_show_no_server_paths(client: TestClient, hostile_article: str, web_store: str) -> None:
    """The store records each page's source as the path it was read from; pages show its file name."""
    folder = str(Path(web_store).parent)
    record = client.get(f"/api/articles/{hostile_article}").json()
    assert record["source"].startswith(folder)  # the store does hold the absolute path ...
    page = client.get(f"/articles/{hostile_article}").text
    assert folder not in page and "hostile.txt" in page  # ... the page shows only the name
    uploaded = client.post(
        "/upload",
        data=upload_token(client),
        files={"file": ("empty.txt", b"", "text/plain")},  # refused by the reader, with a message naming the file
    )
    assert uploaded.status_code == 200 and "empty.txt" in uploaded.text
    assert folder not in uploaded.text and ".marsad-uploads" not in uploaded.text


def test_bidi_overrides_and_controls_never_reach_a_page(client: TestClient, spoof_article: str) -> None:
    record = client.get(f"/api/articles/{spoof_article}").json()
    assert "\u202e" in record["headline"] and "\u202e" in record["text"]  # the data keeps what the page said
    story_id = next(s["id"] for s in client.get("/api/stories", params={"size": 100}).json()["items"] if "مقلوب" in s["title"])
    for path in (f"/articles/{spoof_article}", f"/stories/{story_id}", "/", "/search?q=المقلوب"):
        html = client.get(path).text
        assert "مقلوب" in html, path
        assert not [c for c in BIDI_AND_CONTROLS if c in html], path


def test_stories_filter_by_days_outlet_and_entity(client: TestClient) -> None:
    every = client.get("/api/stories", params={"size": 100}).json()
    story = next(s for s in every["items"] if s["outlets"] and s["entities"] and s.get("first_date"))
    by_outlet = client.get("/api/stories", params={"size": 100, "outlet": story["outlets"][0]}).json()
    assert story["id"] in {s["id"] for s in by_outlet["items"]} and all(story["outlets"][0] in s["outlets"] for s in by_outlet["items"])
    by_entity = client.get("/api/stories", params={"size": 100, "entity": story["entities"][0]["id"]}).json()
    assert story["id"] in {s["id"] for s in by_entity["items"]} and by_entity["total"] <= every["total"]
    day = story["first_date"]
    assert story["id"] in {s["id"] for s in client.get("/api/stories", params={"size": 100, "date_from": day, "date_to": day}).json()["items"]}
    assert client.get("/api/stories", params={"date_from": "1900-01-01", "date_to": "1900-01-02"}).json()["total"] == 0
    assert client.get("/api/stories", params={"date_from": "yesterday"}).status_code == 422
    page = client.get("/", params={"outlet": story["outlets"][0]})
    assert page.status_code == 200 and f'value="{story["outlets"][0]}"' in page.text
