"""The HTML report in a real headless Chromium (system /usr/bin/chromium via playwright).

Install the browser with ``.ci/install-browser``; playwright never downloads one.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from syndetect.formats import html
from syndetect.model import Report

from .conftest import REPRINT, WIRE_SOURCE
from .test_formats import injection_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (run .ci/install-browser)", allow_module_level=True)
if importlib.util.find_spec("playwright") is None:
    pytest.skip("playwright is not installed (pip install -e '.[test]')", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    try:
        yield pg
    finally:
        context.close()
    external = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
    assert not external, f"the report fetched {external}"


def _open(page: Page, report: Report, path: Path) -> None:
    path.write_text(html.render(report), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


def test_seed_report_in_chromium(page: Page, seed_report: Report, tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    _open(page, seed_report, tmp_path / "report.html")

    # the 001 <-> 003 pair: each passage highlighted alike on both sides
    pair = page.locator(f'details.pair[data-source="{WIRE_SOURCE}"][data-derived="{REPRINT}"]')
    assert pair.count() == 1
    assert pair.evaluate("d => d.open")
    passages = pair.locator(".passage")
    assert passages.count() == len(seed_report.pairs[0].passages) == 5
    for k in range(passages.count()):
        src = passages.nth(k).locator(".side.source .hl")
        der = passages.nth(k).locator(".side.derived .hl")
        assert src.is_visible() and der.is_visible()
        classes = src.get_attribute("class"), der.get_attribute("class")
        assert classes[0] == classes[1] and classes[0] is not None and "hl-" in classes[0]
        colours = [x.evaluate("e => getComputedStyle(e).backgroundColor") for x in (src, der)]
        assert colours[0] == colours[1] and colours[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    # jump links join the two sides of a passage
    jump = passages.nth(0).locator(".side.source a.jump")
    target = jump.get_attribute("href")
    assert target is not None and page.locator(target).get_attribute("class") == "side derived"
    jump.click()
    assert page.evaluate("location.hash") == target
    # word-level changes are marked
    assert pair.locator(".side.derived ins").count() >= 2
    assert pair.locator(".side.source del").count() >= 1

    # the derivation graph: an arrow from 003 to 001
    edge = page.locator(f'svg.graph .edge[data-source="{WIRE_SOURCE}"][data-derived="{REPRINT}"]')
    assert edge.count() == 1
    assert edge.locator("path").get_attribute("marker-end") == "url(#arrow)"
    assert "37%" in (edge.locator("text").text_content() or "")
    nodes: dict[str, Any] = {
        n: page.locator(f'svg.graph .node[data-id="{n}"] rect').bounding_box()
        for n in (WIRE_SOURCE, REPRINT)
    }
    assert nodes[WIRE_SOURCE] and nodes[REPRINT]
    assert nodes[WIRE_SOURCE]["x"] < nodes[REPRINT]["x"]  # source drawn left of the copy

    # the filter box hides pairs that do not match, and shows them again
    box = page.locator("#filter")
    box.fill("no-such-words-anywhere")
    page.wait_for_function("document.querySelector('details.pair').hidden === true")
    assert not pair.is_visible()
    assert "0 of 1" in page.locator("#shown").inner_text()
    box.fill("kremlin summit")
    page.wait_for_function("document.querySelector('details.pair').hidden === false")
    assert pair.is_visible()
    box.fill("")
    page.wait_for_function("document.querySelector('#shown').textContent === '1 pair'")

    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert not errors


def test_filter_hides_non_matching_pairs(page: Page, tmp_path: Path) -> None:
    _open(page, injection_report(), tmp_path / "filter.html")
    pairs = page.locator("details.pair")
    assert pairs.count() == 3
    page.locator("#filter").fill("orchard")
    page.wait_for_function("document.querySelectorAll('details.pair:not([hidden])').length === 1")
    visible = page.locator("details.pair:not([hidden])")
    assert "orchard" in (visible.get_attribute("data-source") or "")
    assert page.locator("tr[data-pair]:not([hidden])").count() == 1
    page.locator("#filter").fill("apple harvest ticketing")  # all words must match
    page.wait_for_function("document.querySelectorAll('details.pair:not([hidden])').length === 0")


def test_injection_runs_no_script(page: Page, tmp_path: Path) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    _open(page, injection_report(), tmp_path / "injection.html")
    page.locator("#expand").click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert page.locator("main img").count() == 0
    assert page.evaluate("document.scripts.length") == 1
    # the payloads are on the page as text
    body = page.locator("main").inner_text()
    assert '<img src=x onerror="window.__xss=1">' in body
    assert "<script>alert(1)</script>" in body
    page.screenshot(path=str(tmp_path / "injection.png"), full_page=True)
