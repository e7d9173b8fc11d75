"""Tests for playbook durations: parsing, display, size limits and month arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.timeline.durations import (
    MAX_APPROX_DAYS,
    TOO_LONG,
    DateRangeError,
    Duration,
    DurationError,
    add_months,
    is_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0d", Duration()),
        ("3d", Duration(days=3)),
        ("  3d\n", Duration(days=3)),
        ("1w", Duration(days=7)),
        ("1.5w", Duration(days=11)),
        ("0.5w", Duration(days=4)),
        ("2w", Duration(days=14)),
        ("2mo", Duration(months=2)),
        ("1.5mo", Duration(months=1, days=15)),
        ("0.5mo", Duration(days=15)),
        ("1.05mo", Duration(months=1, days=2)),
        ("3bd", Duration(business_days=3)),
        ("1.0d", Duration(days=1)),
        ("120mo", Duration(months=120)),
        ("3652d", Duration(days=3652)),
    ],
)
def test_parse_good_durations(text: str, expected: Duration) -> None:
    """Each accepted spelling maps to the documented months, days and business days."""
    assert parse_duration(text) == expected
    assert is_duration(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("2x", ""),
        ("3", ""),
        ("d", ""),
        ("3 d", "did you mean '3d'?"),
        ("3D", "did you mean '3d'?"),
        ("3days", "did you mean '3d'?"),
        ("1.d", ""),
        (".5w", ""),
        ("-3d", "durations cannot be negative"),
        ("1.5d", "days must be a whole number"),
        ("1.5bd", "business days must be a whole number"),
        ("3654d", TOO_LONG),
        ("522w", TOO_LONG),
        ("121mo", TOO_LONG),
        ("2610bd", TOO_LONG),
        ("9" * 400 + "d", TOO_LONG),
        ("9" * 400 + ".5mo", TOO_LONG),
    ],
)
def test_parse_bad_durations(text: str, reason: str) -> None:
    """Rejected text raises DurationError naming the text, the reason and what is expected."""
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    message = str(info.value)
    # The text as given, cut short past 40 characters: a 5,000-digit value is not echoed.
    brief = text if len(text) <= 40 else text[:37] + "..."
    assert message.startswith(f"{brief!r} is not a duration")
    assert len(message) < 300
    # A duration that is too long is told the longest in each unit instead of the spelling.
    if reason == TOO_LONG:
        assert info.value.expected == "at most 10 years: 3653d, 521w or 120mo"
    else:
        assert "a number followed by d (days), bd (business days), w (weeks) or mo" in message
        assert "e.g. 3d, 1.5w, 2mo" in message
    assert info.value.reason == reason
    assert info.value.message == message.split("; expected ")[0]
    assert info.value.text == text
    if reason:
        assert f"({reason})" in message
    assert not is_duration(text)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("2 weeks", "2w"), ("5 bd", "5bd"), ("2W", "2w"), ("3 Days", "3d"), ("1.5 months", "1.5mo")],
)
def test_a_duration_spelt_out_is_answered_with_our_spelling(text: str, meant: str) -> None:
    """Units written as words, with a space or in capitals get a "did you mean"."""
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert info.value.reason == f"did you mean '{meant}'?"
    assert parse_duration(meant)  # the suggestion itself is a duration


def test_no_suggestion_that_would_be_refused_too() -> None:
    """A spelt-out duration that is too long gets no suggestion of a refused spelling."""
    with pytest.raises(DurationError) as info:
        parse_duration("100000 weeks")
    assert info.value.reason == ""


def test_duration_error_is_a_value_error() -> None:
    """Callers that catch ValueError also catch bad durations."""
    with pytest.raises(ValueError, match="'2x' is not a duration"):
        parse_duration("2x")


def test_non_string_input_is_rejected_with_a_reason() -> None:
    """A bare YAML number (an int, not text) is reported as missing its unit."""
    with pytest.raises(DurationError, match=r"'3' is not a duration \(a bare number has no unit\)"):
        parse_duration(3)  # type: ignore[arg-type]


def test_one_and_a_half_weeks_is_eleven_days() -> None:
    """1.5w rounds 10.5 days half up to 11 and compares equal to 11d."""
    assert parse_duration("1.5w") == parse_duration("11d")
    assert parse_duration("1.5w").days == 11


def test_str_keeps_original_text() -> None:
    """A parsed duration prints as the user wrote it (stripped), not in canonical form."""
    assert str(parse_duration(" 1.5w ")) == "1.5w"
    assert str(parse_duration("1.5mo")) == "1.5mo"


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (Duration(), "0d"),
        (Duration(days=11), "11d"),
        (Duration(months=2), "2mo"),
        (Duration(months=1, days=15), "1mo15d"),
        (Duration(business_days=3), "3bd"),
    ],
)
def test_str_without_text_is_canonical(duration: Duration, text: str) -> None:
    """A duration built in code prints its parts, months then days then business days."""
    assert str(duration) == text


def test_text_does_not_affect_equality_or_hash() -> None:
    """Two spellings of the same span are equal and hash alike, so they dedupe in sets."""
    assert {parse_duration("1w"), parse_duration("7d"), Duration(days=7)} == {Duration(days=7)}


def test_approx_days() -> None:
    """approx_days weighs a month as 30.44 days and a business day as 7/5 of a day."""
    assert parse_duration("2mo").approx_days == pytest.approx(60.88)
    assert parse_duration("5bd").approx_days == pytest.approx(7.0)
    assert parse_duration("1.5mo").approx_days == pytest.approx(45.44)
    assert parse_duration("3d").approx_days == 3


def test_durations_sort_by_approx_days() -> None:
    """Sorting by approx_days orders mixed units by their rough length."""
    texts = ["1mo", "3d", "5bd", "1.5w", "0d"]
    ordered = sorted((parse_duration(t) for t in texts), key=lambda d: d.approx_days)
    assert [str(d) for d in ordered] == ["0d", "3d", "5bd", "1.5w", "1mo"]


def test_max_approx_days_is_ten_years() -> None:
    """The limit admits ten years however they are spelled, and nothing longer."""
    assert parse_duration("120mo").months == 120
    assert parse_duration("2609bd").business_days == 2609
    assert parse_duration(f"{MAX_APPROX_DAYS}d").days == MAX_APPROX_DAYS
    assert not is_duration(f"{MAX_APPROX_DAYS + 1}d")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
        (date(2026, 1, 10), -1, date(2025, 12, 10)),
        (date(2026, 5, 5), 0, date(2026, 5, 5)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    """Adding months keeps the day of month, clamped to the target month's length."""
    assert add_months(start, months) == expected


def test_add_months_out_of_range() -> None:
    """Leaving the years date supports raises our own error rather than a wrong date.

    (It was Python's OverflowError, which no caller handled: a traceback at the CLI.)
    """
    with pytest.raises(DateRangeError):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(DateRangeError):
        add_months(date(1, 1, 1), -1)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=-240, max_value=240),
)
def test_add_months_properties(start: date, months: int) -> None:
    """The result lands in the right month, on the same day unless clamped to month end."""
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    if result.day < start.day:
        assert (result + timedelta(days=1)).day == 1


@given(st.integers(min_value=0, max_value=MAX_APPROX_DAYS), st.sampled_from(["d", "bd"]))
def test_whole_day_counts_round_trip(n: int, unit: str) -> None:
    """Every whole count of days within limits parses back to that count."""
    if unit == "bd" and n * 7 / 5 > MAX_APPROX_DAYS:
        assert not is_duration(f"{n}{unit}")
        return
    duration = parse_duration(f"{n}{unit}")
    assert (duration.days if unit == "d" else duration.business_days) == n
    assert str(duration) == f"{n}{unit}"


def test_a_duration_in_other_digits_is_refused_with_the_ascii_one():
    """Python's \\d and Decimal read full-width and Arabic-Indic digits silently: a full-width
    '5d' was five days in a playbook and in --decision-in; it is refused, with the ASCII one."""
    for text, plain in (("\uff15d", "5d"), ("\u0663w", "3w")):
        with pytest.raises(DurationError) as refused:
            parse_duration(text)
        assert f"such as '{plain}'" in str(refused.value)
