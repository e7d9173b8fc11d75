"""Past days as a person writes them in a message: "yesterday", "on Friday", "two weeks ago".

A draft is read on the day it is sent, so every phrase is relative to that day (the step's due
date, or today when the step is overdue), never to the day the draft was printed.  The phrases
fit after a verb: "Thank you for meeting with me {when}", "We spoke {when}".

=============  ====================================================
days before    phrase
=============  ====================================================
0              today
1              yesterday
2 to 6         on Friday (the weekday: within a week it is unambiguous)
7 to 13        last week
14 to 20       two weeks ago
21 and more    on 3 March (with the year when it is not the same year)
=============  ====================================================

A day after the send day (a date still to come, such as a deadline) is "tomorrow", "on
Friday" within the coming week, else "on 13 March".  `how_long` says the time between two days
as a length ("a week", "two weeks", "about a month").
"""

from __future__ import annotations

from datetime import date

NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def said_when(day: date, on: date) -> str:
    """``day`` as written in a message sent ``on``: 'today', 'yesterday', 'on Friday'...

    Args:
        day: the day spoken of (the interview, the last contact, a deadline).
        on: the day the message is sent.
    """
    days = (on - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    if -6 <= days <= 6:
        return f"on {day:%A}"
    if 7 <= days <= 13:
        return "last week"
    if 14 <= days <= 20:
        return "two weeks ago"
    return f"on {day_month(day, on)}"


def day_month(day: date, on: date) -> str:
    """'3 March', or '3 March 2025' when ``day`` is not in the year of ``on``."""
    text = f"{day.day} {day:%B}"
    return text if day.year == on.year else f"{text} {day.year}"


def how_long(since: date, on: date) -> str:
    """The time from ``since`` to ``on`` as a length: 'a day', 'five days', 'a week', 'over a
    week', 'two weeks', 'over two weeks', 'about a month', 'about three months'.

    Under a week in days; whole weeks as weeks, the days between them as "over" the weeks
    before; four weeks or more 'about' a number of months (30 days each, rounded).
    """
    days = abs((on - since).days)
    if days < 7:
        return "a day" if days == 1 else f"{_number(days)} days"
    if days < 28:
        weeks = "a week" if days < 14 else f"{_number(days // 7)} weeks"
        return weeks if days % 7 == 0 else f"over {weeks}"
    months = max(1, round(days / 30))
    return "about a month" if months == 1 else f"about {_number(months)} months"


def _number(n: int) -> str:
    """Small numbers in words (as in prose), larger ones in digits."""
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)
