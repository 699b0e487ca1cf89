"""The main paths in headless Chromium (Debian's, driven by Playwright; no browser download):
stories -> dossier -> article -> entity -> search -> upload, right-to-left layout, and a page
with injected script rendering inert. Screenshots go to the folder the README names
(`screenshots/`, or $MARSAD_SCREENSHOTS)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists() and os.environ.get("MARSAD_REQUIRE_BROWSER"):
    raise RuntimeError(f"MARSAD_REQUIRE_BROWSER is set but {CHROMIUM} is missing")  # CI must run these tests
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"needs Debian's chromium at {CHROMIUM} (`apt-get install chromium`; `make test` installs it)"
)
SHOTS = Path(os.environ.get("MARSAD_SCREENSHOTS", ROOT / "screenshots"))
CSP_REPORTS: list[str] = []  # console messages of what the Content-Security-Policy blocked


@pytest.fixture(scope="module")
def server(web_store: str) -> Iterator[str]:
    from marsad.web.app import create_app

    with live_server(create_app(web_store)) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="ar")
        pg = context.new_page()
        # Anything the Content-Security-Policy blocks is reported on the console; a test fails on it.
        pg.on("console", lambda m: CSP_REPORTS.append(m.text) if "Content Security Policy" in m.text else None)
        yield pg
        browser.close()


def test_main_paths(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    assert page.eval_on_selector("html", "e => getComputedStyle(e).direction") == "rtl"
    # Styled by the stylesheet the CSP allows (style-src 'self'): the page background and the cards.
    assert page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor") == "rgb(251, 251, 248)"
    assert page.eval_on_selector("article.story", "e => getComputedStyle(e).borderTopStyle") == "solid"
    page.screenshot(path=str(SHOTS / "stories.png"), full_page=True)
    page.click("article.story h2 a")
    page.wait_for_selector("h1")
    assert "/stories/" in page.url
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    page.click("ul >> a[href^='/articles/']")
    page.wait_for_selector(".body")
    assert "/articles/" in page.url
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    page.click(".body a.ent")
    page.wait_for_selector("table")
    assert "/entities/" in page.url
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    page.fill("form.search input", "شويجو")
    page.click("form.search button")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() == 2
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    assert CSP_REPORTS == []


def test_upload(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "upload.txt"
    f.write_text(
        "موقع الرفع\n\nعنوان خبر مرفوع من المتصفح\n\nقال رئيس البلدية كمال الشامي إن المهرجان سيقام الأسبوع المقبل في الساحة.\n",
        encoding="utf-8",
    )
    page.goto(server + "/upload")
    page.set_input_files("input[type=file]", str(f))
    page.click("form button:has-text('تحليل')")
    page.wait_for_selector("h1:has-text('تم تحليل')")
    page.screenshot(path=str(SHOTS / "uploaded.png"), full_page=True)
    page.click("main ul a")
    page.wait_for_selector(".body")
    assert "المهرجان" in page.inner_text(".body")
    assert CSP_REPORTS == []  # the form posted under form-action 'self', its token accepted


def test_injected_script_is_inert(page, server: str, hostile_article: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/articles/{hostile_article}")
    page.wait_for_selector(".body")
    assert page.evaluate("window.__pwned === undefined")
    assert page.title() != "pwned"
    shown = page.inner_text("main")
    assert "<script>" in shown and "<img src=x" in shown  # shown as text, not run
    assert page.locator("a[href^='javascript:']").count() == 0
    page.screenshot(path=str(SHOTS / "hostile.png"), full_page=True)
