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


def in_digits(text: str, zero: int) -> str:
    """``text`` with its digits written in the script whose zero is the code point ``zero``."""
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


# The same day in digits of other scripts: full-width (as an East Asian keyboard types them),
# Arabic-Indic, Devanagari.  A pattern's \d takes them all, but no date parser reads them.
OTHER_DIGITS = [in_digits("2026-03-12", zero) for zero in (0xFF10, 0x0660, 0x0966)]


@pytest.mark.parametrize("value", OTHER_DIGITS)
def test_a_date_in_other_digits_is_refused_for_its_digits(cli, value):
    """--today says the date must be written in ASCII digits, and shows it written so."""
    result = cli("plan", CASE, "--today", value)
    assert result.code == 2
    assert f"--today: '{value}' is written with digits other than ASCII 0-9; expected a date" in (
        result.err
    )
    assert "YYYY-MM-DD in ASCII digits 0-9, that is 2026-03-12" in result.err


@pytest.mark.parametrize("value", OTHER_DIGITS)
def test_a_case_file_date_in_other_digits_is_located_and_not_called_missing(cli, tmp_path, value):
    """The case-file reader (what every tracker flag goes through) says the same, located."""
    case = tmp_path / "case.yaml"
    case.write_text(f"id: c\ninterview: {value}\n", encoding="utf-8")
    result = cli("plan", case)
    assert result.code == 2
    assert f"case.yaml:2:12: the interview date {value} is written with digits other than" in (
        result.err
    )
    assert "that is 2026-03-12" in result.err
    assert "does not exist" not in result.err


def test_a_time_of_day_in_other_digits_is_refused_the_same_way(cli, tmp_path):
    """An interview's time counts too: 14:30 in full-width digits."""
    case = tmp_path / "case.yaml"
    case.write_text(
        f"id: c\ninterview: 2026-03-02T{in_digits('14:30', 0xFF10)}\n", encoding="utf-8"
    )
    result = cli("plan", case)
    assert result.code == 2
    assert "is written with digits other than ASCII 0-9" in result.err
    assert "that is 2026-03-02T14:30" in result.err


def test_an_impossible_day_still_does_not_exist(cli, tmp_path):
    """Only other digits are told apart: 2026-02-30 is still a day that does not exist."""
    case = tmp_path / "case.yaml"
    case.write_text("id: c\ninterview: 2026-02-30\n", encoding="utf-8")
    result = cli("plan", case)
    assert result.code == 2
    assert "the interview date 2026-02-30 does not exist" in result.err
