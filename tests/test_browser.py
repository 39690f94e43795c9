"""The web app in a real browser: Debian's Chromium driven by Playwright against a real ``rasad serve``.

The server runs as a separate process on a free loopback port over a SQLite store of the samples,
the seeds and a hostile article. Screenshots go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rasad.store import open_store
from web_corpus import HOSTILE_ID, HOSTILE_TEXT, bench_load_module, load_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make system)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``rasad serve`` over the corpus, on a free 127.0.0.1 port; its base URL."""
    database = tmp_path_factory.mktemp("browser") / "store.sqlite3"
    with open_store(str(database)) as store:
        load_corpus(store)
    with bench_load_module().running_server(database) as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


class Watched:
    """A page plus every console error, page error, failed request and dialog seen on it."""

    def __init__(self, browser: object) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 950})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}"))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    tab = Watched(browser)
    yield tab
    tab.page.close()
    assert not tab.dialogs, f"a dialog opened: {tab.dialogs}"
    assert not tab.problems, tab.problems


def test_graph_filter_and_article_reader(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    page.wait_for_selector("#graph svg .node")
    all_nodes = page.locator("#graph .node").count()
    assert all_nodes >= 8
    assert page.locator("#graph .edge.cooperative").count() > 0
    watched.shot("01-relations-graph")

    page.check("input[name=type][value=ASSAULT]")
    page.check("input[name=type][value=COERCE]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=ASSAULT**")
    page.wait_for_selector("#graph svg .node")
    assert 0 < page.locator("#graph .node").count() < all_nodes
    assert page.locator("#graph .edge.cooperative").count() == 0
    watched.shot("02-relations-conflict-only")

    page.locator("#graph .node[data-id=KAZ]").dispatch_event("click")
    page.wait_for_url("**/events?**actor=KAZ**")
    assert page.locator("table.events tbody tr").count() > 0
    page.locator("table.events tbody tr a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator(".text .ent-state").count() > 0
    assert page.locator(".text .trigger").count() > 0
    gloss = page.locator(".gloss .gloss-text").first
    assert "(government)" in gloss.inner_text() or "(" in gloss.inner_text()
    gloss.click()
    assert page.evaluate("location.hash").startswith("#s")
    assert page.locator(".sentence:target").count() == 1
    watched.shot("03-article-reader")


def test_persian_search_finds_the_arabic_article(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/documents")
    page.fill("form.search input[name=q]", "اسرائیل")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=**")
    arabic = page.locator("ol.results a.doc-title[lang=ar]")
    assert arabic.count() > 0
    assert page.locator("ol.results mark").count() > 0
    watched.shot("04-search-persian-finds-arabic")
    arabic.first.click()
    page.wait_for_url("**/documents/**")
    assert "إسرائيل" in page.locator(".reader .text").inner_text()
    assert page.locator(".reader .text").get_attribute("dir") == "rtl"
    family = page.locator(".reader .text").evaluate("e => getComputedStyle(e).fontFamily")
    assert family.startswith('"Noto Naskh Arabic"')


def test_hostile_article_shows_markup_as_text_and_runs_nothing(server: str, watched: Watched) -> None:
    page = watched.page
    for url in [f"/documents/{HOSTILE_ID}", "/documents", "/search?q=Kazakhstan+talks", "/events?actor=KAZ"]:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__rasadPwned") == "undefined", url
    page.goto(f"{server}/documents/{HOSTILE_ID}")
    shown = page.locator(".reader .text").inner_text()
    assert '<script>window.__rasadPwned = "script"' in shown
    assert "<img src=x onerror=" in shown
    assert page.locator(".reader .text img, .reader .text script, .reader .text b").count() == 0
    assert "<script>" in page.locator(".reader h1").inner_text()
    assert page.evaluate("typeof window.__rasadPwned") == "undefined"
    assert HOSTILE_TEXT.splitlines()[0] in shown
    watched.shot("05-hostile-article")


def test_timeline_map_and_api_docs_draw(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/timeline?actor=KAZ&recipient=ISR&symmetric=true")
    page.wait_for_selector("#timeline svg rect.bar")
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("table.events tbody tr").count() > 0
    watched.shot("06-timeline-kaz-isr")

    page.goto(server + "/map")
    page.wait_for_selector("#map svg circle.place")
    assert page.locator("#map path.land").count() > 100
    assert "Almaty" in page.locator("#map").inner_text()
    watched.shot("07-map")

    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 8
    watched.shot("08-api-docs")
