"""Durations as people write them in playbooks: ``3d``, ``1.5w``, ``2mo``, ``3bd``.

A duration keeps calendar months, plain days and business days apart, because they cannot be
converted into one another without a start date (a month is 28 to 31 days, a business day
depends on weekends and holidays).  Fractions are allowed only where the result stays exact
enough to explain to a user: weeks become whole days and a fractional month becomes days.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final

from followup.errors import EXIT_BAD_INPUT, FollowupError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_APPROX_DAYS",
    "DateRangeError",
    "Duration",
    "DurationError",
    "add_months",
    "digits_problem",
    "is_duration",
    "parse_duration",
    "shift_days",
    "supported_years",
]

# Ten years, counting leap days, so that "120mo" and "3652d" are both accepted; anything longer
# is almost certainly a typo (a follow-up in 2036 helps nobody).
MAX_APPROX_DAYS = 3653

# The years followup plans in.  Dates a user writes (case files, --today) must fall inside, so
# that a plan's arithmetic (durations of at most ten years, a two-year horizon) stays far from
# the ends of what ``datetime.date`` can hold (years 1 to 9999).
FIRST_YEAR = 1900
LAST_YEAR = 9000

_DAYS_PER_MONTH = 30.44
_FRACTIONAL_MONTH_DAYS = 30
_PATTERN = re.compile(r"^(\d+(?:\.\d+)?)(d|bd|w|mo)$")
# What `parse_duration` accepts, as one regex for the shipped schemas: whole days and business
# days, weeks and months with a fraction.  (The parser reads a wider form so that it can say
# which rule a "3.5d" breaks.)
SPELLING = r"(\d+(bd|d)|\d+(\.\d+)?(w|mo))"
# The regex admits arbitrarily long digit strings; a private context keeps the arithmetic
# independent of whatever the caller did to the thread's decimal context.
_DECIMAL = Context(prec=50)


class DurationError(ValueError):
    """A piece of text is not a duration.

    Attributes:
        text: The text that was rejected, as given.
        reason: Why it was rejected, in a few words (a "did you mean" for a near spelling).
        expected: What a duration looks like, suitable for ``Problem.expected``.
        message: What is wrong, suitable for ``Problem.message`` (the text and the reason).
    """

    expected = (
        "a number followed by d (days), bd (business days), w (weeks) or mo (months), "
        "e.g. 3d, 1.5w, 2mo"
    )

    def __init__(self, text: str, reason: str = "", expected: str = "") -> None:
        self.text = text
        self.reason = reason
        if expected:
            self.expected = expected
        detail = f" ({reason})" if reason else ""
        brief = text if len(text) <= 40 else text[:37] + "..."  # a 5,000-digit value is not echoed
        self.message = f"{brief!r} is not a duration{detail}"
        super().__init__(f"{self.message}; expected {self.expected}")


# The longest duration, as a coach may write it in each unit.
TOO_LONG: Final = "longer than 10 years"
LONGEST: Final = (
    f"at most 10 years: {MAX_APPROX_DAYS}d, {MAX_APPROX_DAYS // 7}w or "
    f"{int(MAX_APPROX_DAYS // _DAYS_PER_MONTH)}mo"
)
# Units as people spell them out, for "did you mean": 2 weeks -> 2w, 5 bd -> 5bd, 2W -> 2w.
_UNIT_WORDS: Final = {
    **dict.fromkeys(("d", "day", "days"), "d"),
    **dict.fromkeys(("bd", "bday", "bdays", "business day", "business days"), "bd"),
    **dict.fromkeys(("working day", "working days", "workday", "workdays"), "bd"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "w"),
    **dict.fromkeys(("mo", "mos", "month", "months"), "mo"),
}
_SPELT_OUT: Final = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z][a-z ]*?)\.?")


def _respelt(text: str) -> str:
    """The duration ``text`` means in our spelling (``2 weeks`` -> ``2w``), or ''."""
    match = _SPELT_OUT.fullmatch(" ".join(text.lower().replace("_", " ").split()))
    unit = _UNIT_WORDS.get(match.group(2)) if match else None
    if match is None or unit is None:
        return ""
    candidate = match.group(1) + unit
    return candidate if is_duration(candidate) else ""


class DateRangeError(FollowupError):
    """Date arithmetic would leave the years ``datetime.date`` can hold.

    Dates are refused at input outside :data:`FIRST_YEAR`..:data:`LAST_YEAR`, so this is only
    reached by dates that came from elsewhere; it replaces Python's ``OverflowError``.
    """

    exit_code = EXIT_BAD_INPUT


def supported_years() -> str:
    """The supported span, as an ``expected`` for a problem."""
    return f"a date in the years {FIRST_YEAR} to {LAST_YEAR}"


_ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?")


def in_ascii_digits(text: str) -> str | None:
    """``text`` with its digits of other scripts written in ASCII 0-9, or None when every digit
    is ASCII already (the usual case, which costs one scan)."""
    if all(c.isascii() for c in text if c.isdigit()):
        return None
    return "".join(str(unicodedata.decimal(c, "")) if c.isdecimal() else c for c in text)


def digits_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with a date written in digits other than ASCII 0-9 (the full-width digits
    an East Asian keyboard types, Arabic-Indic digits...), and what was expected; None when every
    digit is ASCII.  A pattern's ``\\d`` takes any script's digits but no date parser reads them, so
    every parser of a date a user types asks this first: the date is refused for its digits,
    not as a day that does not exist.
    """
    plain = in_ascii_digits(text)
    if plain is None:
        return None
    example = f", that is {plain}" if _ISO_SHAPE.fullmatch(plain) else ""
    return (
        "is written with digits other than ASCII 0-9",
        f"a date written YYYY-MM-DD in ASCII digits 0-9{example}",
    )


def shift_days(d: date, n: int) -> date:
    """``d`` moved by ``n`` days.

    Raises:
        DateRangeError: the result would fall outside the years ``date`` supports.
    """
    try:
        return d + timedelta(days=n)
    except OverflowError:
        raise DateRangeError(
            f"{d.isoformat()} moved by {n} days is past the dates followup can count; expected "
            + supported_years()
        ) from None


@dataclass(frozen=True, slots=True)
class Duration:
    """A span of calendar months, days and business days, applied in that order.

    Attributes:
        months: Calendar months; adding one to Jan 31 gives the last day of February.
        days: Calendar days.
        business_days: Days that are neither weekends nor public holidays.
        text: The text the duration was parsed from, if any; shown back to users unchanged
            and ignored by equality, so ``1.5w`` equals ``11d``.
    """

    months: int = 0
    days: int = 0
    business_days: int = 0
    text: str = field(default="", compare=False)

    def __str__(self) -> str:
        if self.text:
            return self.text
        return self.canonical

    @property
    def canonical(self) -> str:
        """The duration spelled from its parts, e.g. ``2mo``, ``1mo15d``, ``3bd``, ``0d``."""
        parts = [
            f"{value}{unit}"
            for value, unit in (
                (self.months, "mo"),
                (self.days, "d"),
                (self.business_days, "bd"),
            )
            if value
        ]
        return "".join(parts) or "0d"

    @property
    def fewest_days(self) -> int:
        """The fewest calendar days it can span from any date (a month is 28 days at least, a
        business day one)."""
        return self.days + 28 * self.months + self.business_days

    def most_days(self, holidays: int = 0) -> int:
        """The most calendar days it can span from any date: a month is 31 days at most, and
        business days span a weekend for each five or part of five, plus ``holidays`` public
        holidays on the way (none on a weekends-only calendar)."""
        n = self.business_days
        off = 2 * ((n + 4) // 5) + holidays if n else 0
        return self.days + 31 * self.months + n + off

    @property
    def approx_days(self) -> float:
        """An approximate length in days, for sorting and limits only, never for dates."""
        return self.months * _DAYS_PER_MONTH + self.days + self.business_days * 7 / 5


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP, context=_DECIMAL))


def _is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value(context=_DECIMAL)


def parse_duration(text: str) -> Duration:
    """Parse a playbook duration such as ``3d``, ``1.5w``, ``2mo`` or ``3bd``.

    Surrounding whitespace is ignored.  ``Nw`` becomes ``round(N * 7)`` days (halves round
    up, so ``1.5w`` is 11 days); ``Nmo`` becomes the whole months plus the fraction times 30
    days (``1.5mo`` is one month and 15 days).  Days and business days must be whole numbers.

    Args:
        text: The duration as written.

    Returns:
        The duration, remembering ``text`` (stripped) for display.

    Raises:
        DurationError: If ``text`` is not a duration, is negative, or is longer than ten years.
    """
    if not isinstance(text, str):
        # YAML turns a bare ``3`` into an int; say what was wrong rather than crash.
        raise DurationError(str(text), "a bare number has no unit")
    stripped = text.strip()
    if not stripped:
        raise DurationError(text, "it is empty")
    if (plain := in_ascii_digits(stripped)) is not None:
        # The pattern's \d takes any script's digits, and Decimal would read them silently.
        raise DurationError(text, f"write it in ASCII digits 0-9, such as '{plain}'")
    match = _PATTERN.match(stripped)
    if match is None:
        if stripped.startswith("-"):
            raise DurationError(text, "durations cannot be negative")
        near = _respelt(stripped)
        raise DurationError(text, f"did you mean '{near}'?" if near else "")
    number = Decimal(match.group(1))
    unit = match.group(2)

    months = days = business_days = 0
    if unit in ("d", "bd"):
        if not _is_whole(number):
            what = "days" if unit == "d" else "business days"
            raise DurationError(text, f"{what} must be a whole number")
        # Checked before int() so a thousand-digit number is rejected without being built.
        if number > MAX_APPROX_DAYS:
            raise DurationError(text, TOO_LONG, LONGEST)
        if unit == "d":
            days = int(number)
        else:
            business_days = int(number)
    elif unit == "w":
        if number > MAX_APPROX_DAYS:
            raise DurationError(text, TOO_LONG, LONGEST)
        days = _round_half_up(number * 7)
    else:
        if number > MAX_APPROX_DAYS:
            raise DurationError(text, TOO_LONG, LONGEST)
        whole = int(number)
        months = whole
        days = _round_half_up((number - whole) * _FRACTIONAL_MONTH_DAYS)

    duration = Duration(months, days, business_days, text=stripped)
    if duration.approx_days > MAX_APPROX_DAYS:
        raise DurationError(text, TOO_LONG, LONGEST)
    return duration


def is_duration(text: str) -> bool:
    """Tell whether ``text`` parses as a duration, without raising."""
    try:
        parse_duration(text)
    except DurationError:
        return False
    return True


def add_months(d: date, n: int) -> date:
    """Move ``d`` by ``n`` calendar months, clamping the day to the end of the target month.

    Jan 31 plus one month is Feb 28 (Feb 29 in a leap year); ``n`` may be negative.

    Raises:
        DateRangeError: If the result would fall outside the years ``date`` supports.
    """
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise DateRangeError(
            f"{d.isoformat()} moved by {n} months is past the dates followup can count; "
            f"expected {supported_years()}"
        )
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
