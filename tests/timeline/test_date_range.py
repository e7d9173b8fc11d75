"""Dates at the ends of the calendar: refused at input, and the arithmetic never overflows.

Followup plans in the years FIRST_YEAR..LAST_YEAR (1900..9000).  A case or --today outside them
is a located input error; arithmetic that would still leave what ``date`` holds raises our own
DateRangeError (exit 2), never Python's OverflowError.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import (
    FIRST_YEAR,
    LAST_YEAR,
    DateRangeError,
    Duration,
    shift_days,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cases" / "acme-data-eng.yaml"
CASE = "id: far\ninterview: {day}\nplaybook: week-then-on-hold\n"


@pytest.mark.parametrize(
    "move",
    [
        lambda cal: cal.add(date(9999, 12, 30), Duration(days=5)),
        lambda cal: cal.add(date(9999, 12, 30), Duration(months=1)),
        lambda cal: cal.add_business_days(date(9999, 12, 30), 3),
        lambda cal: cal.add_business_days(date(1, 1, 2), -3),
        lambda cal: cal.add(date(1, 1, 1), Duration(days=1), -1),
        lambda cal: shift_days(date.max, 1),
    ],
)
def test_arithmetic_past_the_ends_raises_our_own_error(move) -> None:
    """Days, months and business days past year 9999 or before year 1: DateRangeError."""
    with pytest.raises(DateRangeError) as caught:
        move(BusinessCalendar(None))
    assert not isinstance(caught.value, OverflowError)
    assert caught.value.exit_code == 2


def test_arithmetic_inside_the_range_is_unchanged() -> None:
    """At the supported ends themselves, two years of arithmetic still works."""
    cal = BusinessCalendar(None)
    assert cal.add(date(LAST_YEAR, 12, 31), Duration(months=24)) == date(LAST_YEAR + 2, 12, 31)
    assert cal.add_business_days(date(FIRST_YEAR, 1, 1), 1) == date(FIRST_YEAR, 1, 2)


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        ("9999-12-30", False),
        ("9001-01-01", False),
        ("1899-12-31", False),
        ("0001-01-01", False),
        ("9000-12-31", True),
        ("1900-01-01", True),
    ],
)
def test_case_dates_outside_the_years_are_located(cli, tmp_path: Path, day: str, ok: bool) -> None:
    """An interview in 9999 is refused at its line and column, by validate and by plan."""
    case = tmp_path / "far.yaml"
    case.write_text(CASE.format(day=day))
    for argv in (("validate", case), ("plan", case, "--today", "2026-03-10")):
        result = cli(*argv)
        assert "Traceback" not in result.err
        if ok:
            assert result.code == 0, result.err
        else:
            assert result.code == 2
            assert result.err.startswith(f"{case}:2:12: the interview date {day} is outside")
            assert "expected a date in the years 1900 to 9000" in result.err


def test_event_date_outside_the_years_is_located(cli, tmp_path: Path) -> None:
    """An event in 9999 is refused at the event's date."""
    case = tmp_path / "far.yaml"
    events = "events:\n  - {date: 9999-12-31, type: thank_you_sent}\n"
    case.write_text(CASE.format(day="2026-03-02") + events)
    result = cli("plan", case, "--today", "2026-03-10")
    assert result.code == 2
    assert result.err.startswith(f"{case}:5:")
    assert "9999-12-31" in result.err


@pytest.mark.parametrize("command", ["plan", "explain"])
def test_today_flag_outside_the_years_names_the_flag(cli, command: str) -> None:
    """--today 9999-12-30 is refused naming the flag: exit 2, no OverflowError."""
    result = cli(command, EXAMPLE, "--today", "9999-12-30")
    assert result.code == 2
    assert "--today: '9999-12-30' is outside the years followup plans in" in result.err
    assert "Traceback" not in result.err


def test_tracker_date_flag_outside_the_years(cli, tmp_path: Path) -> None:
    """The tracker's date flags refuse the same years."""
    argv = ("add", "--company", "Acme", "--role", "R", "--interviewed", "9999-12-30")
    db = tmp_path / "t.db"
    result = cli(*argv, "--db", db)
    assert result.code == 2
    assert "--interviewed: the interview date 9999-12-30 is outside the years" in result.err
    added = cli(
        "add", "--company", "Acme", "--role", "R", "--interviewed", "2026-03-02", "--db", db
    )
    assert added.code == 0, added.err
    app = added.out.split()[0]
    logged = cli("log", app, "thank_you_sent", "--date", "9999-12-30", "--db", db)
    assert logged.code == 2
    assert "--date: the event date 9999-12-30 is outside the years" in logged.err


def test_agenda_reports_the_far_case_and_plans_the_others(cli, tmp_path: Path) -> None:
    """One case in 9999 is reported with its line and id; the batch goes on; exit 2."""
    batch = tmp_path / "b.jsonl"
    days = ["2026-03-02", "9999-12-30", "2026-03-03"]
    batch.write_text(
        "".join(
            json.dumps({"id": f"c{i}", "interview": d, "playbook": "week-then-on-hold"}) + "\n"
            for i, d in enumerate(days)
        )
    )
    result = cli("agenda", batch, "--today", "2026-03-10", "--json")
    assert result.code == 2
    assert [json.loads(line)["case"] for line in result.out.splitlines()] == ["c0", "c2"]
    col = batch.read_text().splitlines()[1].index('"9999-12-30"') + 1  # at the date itself
    assert result.err.splitlines()[0].startswith(f"{batch}:2:{col}: case 'c1'")
    assert "9999-12-30 is outside the years" in result.err
    today = cli("agenda", batch, "--today", "9999-12-30")
    assert today.code == 2
    assert "--today: '9999-12-30' is outside" in today.err
