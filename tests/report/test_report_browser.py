"""The report page in a real browser: no console error, the engine's steps on every timeline,
readable at a phone's and a laptop's width, light and dark, printable, reachable by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from tests.report.conftest import ROOT, SHOTS

from followup import catalog
from followup.analysis.choice import answered, defaults_from
from followup.engine.plan import plan_case
from followup.services.cases import calendar_for, read_case

CASE = ROOT / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"
EVIL = 'Evil <img src=x onerror="alert(1)"> & Co'
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A case's page, and a tracker's page with a hostile company name and an overdue step."""
    from followup.cli.main import main

    out = tmp_path_factory.mktemp("report")
    db = out / "tracker.db"
    case_page, tracker_page = out / "case.html", out / "tracker.html"
    assert main(["report", str(CASE), "--out", str(case_page), "--today", TODAY]) == 0
    for company, day, pb in ((EVIL, "2026-03-02", "fine-line"), ("Beta", "2026-02-20", None)):
        argv = ["add", "--company", company, "--role", "Analyst", "--interviewed", day]
        assert main([*argv, "--db", str(db), *(["--playbook", pb] if pb else [])]) == 0
    assert main(["report", "--out", str(tracker_page), "--today", TODAY, "--db", str(db)]) == 0
    return {"case": case_page, "tracker": tracker_page}


def _open(browser: webdriver.Chrome, page: Path, width: int = 1280) -> None:
    browser.set_window_size(width, 900)
    browser.get(page.as_uri())
    browser.get_log("browser")  # what an earlier page logged is not this page's


def _console_errors(browser: webdriver.Chrome) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _shoot(browser: webdriver.Chrome, name: str, width: int) -> Path:
    """The whole page at ``width`` px, saved under test-artifacts/screenshots/."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(int(height) + 140, 8000))
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{width}.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 5000
    return path


def _lanes(browser: webdriver.Chrome) -> dict[str, list[tuple[str, str]]]:
    found = {}
    lanes = browser.find_elements(By.CSS_SELECTOR, "svg g.lane-row")
    for lane in lanes:
        if not lane.is_displayed():  # the chart drawn for the other width
            continue
        steps = lane.find_elements(By.CSS_SELECTOR, "g.step")
        found[str(lane.get_attribute("data-lane"))] = [
            (str(s.get_attribute("data-due")), str(s.get_attribute("data-action"))) for s in steps
        ]
    shown = [lane for lane in lanes if lane.is_displayed()]
    assert len(shown) == len(found), "a lane is drawn twice at this width"
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_the_case_page_shows_what_the_engine_planned(
    browser: webdriver.Chrome, pages: dict[str, Path], width: int
) -> None:
    """Each playbook's lane holds exactly the steps `plan_case` plans, and nothing errs."""
    _open(browser, pages["case"], width)
    assert _console_errors(browser) == []
    case, _ = read_case(str(CASE))
    asked = answered(case, defaults_from(case))
    today = date.fromisoformat(TODAY)
    lanes = _lanes(browser)
    assert sorted(lanes) == sorted(catalog.discover())
    for pid, shown in lanes.items():
        plan = plan_case(catalog.load(pid), asked, today, calendar_for(case))
        assert shown == [(s.due.isoformat(), s.action) for s in plan.schedule], pid
        assert shown, f"{pid}: an empty timeline"
    shot = _shoot(browser, "case", width)
    assert shot.exists()
    assert _console_errors(browser) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_tracker_page_shows_every_open_application(
    browser: webdriver.Chrome, pages: dict[str, Path], width: int
) -> None:
    """One lane per application, overdue steps listed, the hostile name shown as text."""
    _open(browser, pages["tracker"], width)
    assert _console_errors(browser) == []
    lanes = _lanes(browser)
    assert len(lanes) == 2
    assert all(lanes.values())
    body = browser.find_element(By.TAG_NAME, "body").text
    assert EVIL in body  # shown as the text it is
    assert browser.find_elements(By.TAG_NAME, "img") == []  # never as markup
    overdue = browser.find_elements(By.CSS_SELECTOR, "#overdue + .table-wrap tbody tr")
    assert overdue, "Beta, interviewed three weeks ago, has overdue steps"
    _shoot(browser, "tracker", width)
    assert _console_errors(browser) == []


def test_nothing_is_wider_than_a_phone(browser: webdriver.Chrome, pages: dict[str, Path]) -> None:
    """At 375 px only the chart scrolls sideways (inside its own box), never the page."""
    for page in pages.values():
        _open(browser, page, 375)
        inner = browser.execute_script("return window.innerWidth")
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        assert wide <= inner, f"{page.name}: the page is {wide} px wide in a {inner} px window"


def test_steps_are_reachable_by_keyboard(browser: webdriver.Chrome, pages: dict[str, Path]) -> None:
    """Tab goes to the chart and then through its steps, each named for a screen reader."""
    _open(browser, pages["case"])
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    named = []
    for _ in range(12):
        active = browser.switch_to.active_element
        label = active.get_attribute("aria-label")
        if label and "step" in str(active.get_attribute("class")):
            named.append(label)
        active.send_keys(Keys.TAB)
    assert named, "no step of the chart took the focus"
    assert all(label[:4].isdigit() for label in named)  # "2026-03-16: check in by email"


@pytest.mark.parametrize(
    ("scheme", "check"),
    [("light", lambda rgb: sum(rgb) > 600), ("dark", lambda rgb: sum(rgb) < 150)],
)
def test_light_and_dark(
    browser: webdriver.Chrome,
    pages: dict[str, Path],
    scheme: str,
    check: Callable[[list[int]], bool],
) -> None:
    """The page follows the system's colour scheme."""
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    try:
        _open(browser, pages["case"])
        colour = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
        rgb = [int(v) for v in str(colour).split("(")[1].rstrip(")").split(",")[:3]]
        assert check(rgb), colour
        if scheme == "dark":
            _shoot(browser, "case-dark", 1280)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_printing_shows_the_whole_chart(browser: webdriver.Chrome, pages: dict[str, Path]) -> None:
    """Printed, the chart is not cut off in its scrolling box and the page makes a PDF."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        _open(browser, pages["case"], 375)
        overflow = browser.execute_script(
            "return getComputedStyle(document.querySelector('.scroll')).overflowX"
        )
        assert overflow == "visible"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    assert len(pdf["data"]) > 10_000
