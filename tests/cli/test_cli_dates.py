"""Every date flag is read one way: YYYY-MM-DD, a real day, within the supported years."""

from __future__ import annotations

from pathlib import Path

import pytest

CASE = Path(__file__).resolve().parents[2] / "examples" / "cases" / "acme-data-eng.yaml"


@pytest.mark.parametrize("value", ["20260312", "2026-3-12", "2026-02-30", "12/03/2026"])
def test_today_takes_only_a_real_yyyy_mm_dd_date(cli, value):
    """`--today` refuses what `--date` and `--until` refuse, naming the flag."""
    result = cli("plan", CASE, "--today", value)
    assert result.code == 2
    expected = f"--today: '{value}' is not a date; expected a real date written YYYY-MM-DD"
    assert expected in result.err


def test_today_outside_the_supported_years_is_refused(cli):
    """A year the calendars cannot plan in is refused at the flag."""
    result = cli("plan", CASE, "--today", "9999-12-30")
    assert result.code == 2
    assert "--today: '9999-12-30' is outside the years followup plans in" in result.err
