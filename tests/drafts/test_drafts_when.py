"""Past days as a message says them, relative to the day it is sent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.drafts.when import day_month, how_long, said_when

MONDAY = date(2026, 3, 9)


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 3, 9), "today"),
        (date(2026, 3, 8), "yesterday"),
        (date(2026, 3, 6), "on Friday"),
        (date(2026, 3, 3), "on Tuesday"),
        (date(2026, 3, 2), "last week"),
        (date(2026, 2, 24), "last week"),
        (date(2026, 2, 23), "two weeks ago"),
        (date(2026, 2, 17), "two weeks ago"),
        (date(2026, 2, 16), "on 16 February"),
        (date(2025, 12, 1), "on 1 December 2025"),
        (date(2026, 3, 10), "tomorrow"),
        (date(2026, 3, 13), "on Friday"),
        (date(2026, 3, 17), "on 17 March"),
    ],
)
def test_said_when_follows_the_table(day, said):
    """Each band of the module's table, at its edges, from a Monday."""
    assert said_when(day, MONDAY) == said


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "zero days"),
        (1, "a day"),
        (5, "five days"),
        (7, "a week"),
        (10, "over a week"),
        (14, "two weeks"),
        (17, "over two weeks"),
        (21, "three weeks"),
        (27, "over three weeks"),
        (28, "about a month"),
        (61, "about two months"),
        (400, "about 13 months"),
    ],
)
def test_how_long_says_a_length(days, said):
    """Days under a week, weeks (or "over" them) under four, then about so many months."""
    assert how_long(MONDAY - timedelta(days=days), MONDAY) == said


def test_day_month_names_the_year_only_when_it_differs():
    assert day_month(date(2026, 1, 5), MONDAY) == "5 January"
    assert day_month(date(2025, 1, 5), MONDAY) == "5 January 2025"


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.integers(-400, 400))
def test_a_phrase_for_every_pair_of_days(on, offset):
    """Any two days give a non-empty phrase; within a week it names the weekday itself."""
    day = on - timedelta(days=offset)
    said = said_when(day, on)
    assert said
    if 2 <= abs(offset) <= 6:
        assert said == f"on {day:%A}"
    if abs(offset) >= 21:
        assert str(day.day) in said
