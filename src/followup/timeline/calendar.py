"""Business days: the working week and the public holidays of one country or subdivision.

Which days are off comes from the ``holidays`` package (its weekend, public holidays and official
working weekend days, per country and subdivision); :mod:`followup.timeline.holiday_library`
asks it and caches the answers.  Without a country, Saturday and Sunday are the only days off.
This module never imports ``holidays`` itself: importing it costs about 100 ms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from followup.timeline.durations import Duration, add_months, shift_days

__all__ = [
    "SAT_SUN",
    "BusinessCalendar",
    "CalendarError",
    "HolidayProvider",
    "NoHolidays",
    "YearOff",
]

# Far more than any real run of weekends and holidays; reaching it means the provider claims
# every day is off, and looping for ever would hide that.
_MAX_SEARCH_DAYS = 366
SAT_SUN: frozenset[int] = frozenset({5, 6})  # date.weekday() numbers: the default weekend

# A place whose days off a calendar knows: a country (ISO 3166-1 alpha-2), optionally a hyphen
# and the subdivision code the holidays library uses (ISO 3166-2 style): US, GB, GB-ENG.  The
# case format's country pattern is this one.
REGION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


class CalendarError(ValueError):
    """A calendar cannot answer: an unknown country or subdivision, or no business day near.

    Attributes:
        message: What is wrong.
        expected: What would be right ("" if nothing useful can be said).
    """

    def __init__(self, message: str, expected: str = "") -> None:
        self.message = message
        self.expected = expected
        super().__init__(f"{message}; expected {expected}" if expected else message)


@dataclass(frozen=True, slots=True)
class YearOff:
    """The days nobody works in one year of one place.

    Attributes:
        holidays: The public holidays falling in the year (observed days included).
        days_off: Every day of the year that is not a working day: weekend days that are not
            official working days, and public holidays.
    """

    holidays: frozenset[date]
    days_off: frozenset[date]

    @classmethod
    def weekly(
        cls, year: int, holidays: frozenset[date] = frozenset(), weekend: frozenset[int] = SAT_SUN
    ) -> YearOff:
        """A year with the same weekend every week plus ``holidays`` (those in ``year`` kept).

        Args:
            year: The year, between 1 and 9999.
            holidays: Public holidays; dates outside ``year`` are ignored.
            weekend: The weekday numbers (Monday is 0) that are off every week.
        """
        start = date(year, 1, 1)
        days = (date(year, 12, 31) - start).days + 1
        weekends = {
            start + timedelta(days=i) for i in range(days) if (start.weekday() + i) % 7 in weekend
        }
        kept = frozenset(d for d in holidays if d.year == year)
        return cls(kept, frozenset(weekends) | kept)


class HolidayProvider(Protocol):
    """Anything that knows which days are off in a country (or subdivision) in a year."""

    def year_off(self, region: str, year: int) -> YearOff:
        """Return the days off of ``region`` (``GB`` or ``GB-ENG``, upper case) in ``year``.

        Raises:
            CalendarError: If the region is unknown.
        """
        ...


class NoHolidays:
    """A provider with a Saturday and Sunday weekend and no public holidays anywhere."""

    def year_off(self, region: str, year: int) -> YearOff:
        """Return Saturdays and Sundays of ``year``, whatever the region."""
        return YearOff.weekly(year)

    def __repr__(self) -> str:
        return "NoHolidays()"


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """The working days of one country or subdivision.

    With a country, the provider says which days are off (for the ``holidays`` library: that
    country's weekend, such as Friday and Saturday in Israel, its public holidays, and weekend
    days declared working days).  Without one, Saturday and Sunday are off and nothing else.
    Years are fetched one at a time, on demand, and kept in the instance, so
    ``is_business_day`` costs one set lookup once a year has been seen.

    Attributes:
        country: ISO 3166 country code, optionally with a subdivision (``GB-ENG``), normalised
            to upper case; or None for a Saturday and Sunday weekend without holidays.
        provider: Where the days off come from.
    """

    country: str | None
    provider: HolidayProvider = field(default_factory=NoHolidays)
    _years: dict[int, YearOff] = field(default_factory=dict, init=False, repr=False, compare=False)
    _off: dict[int, frozenset[date]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # roll_forward is on the engine's hot path; a calendar only ever sees a few hundred dates.
    _rolled: dict[date, date] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.country is not None:
            normalised = self.country.strip().upper()
            object.__setattr__(self, "country", normalised or None)

    def holidays_in(self, year: int) -> frozenset[date]:
        """Return the public holidays falling in ``year`` (empty without a country).

        Raises:
            CalendarError: If the provider does not know the country or subdivision.
        """
        found = self._years.get(year)
        if found is None:
            found = self._load(year)
        return found.holidays

    def _load(self, year: int) -> YearOff:
        if self.country is None:
            found = YearOff.weekly(year)
        else:
            found = self.provider.year_off(self.country, year)
        self._years[year] = found
        self._off[year] = found.days_off
        return found

    def is_business_day(self, d: date) -> bool:
        """Tell whether ``d`` is a working day: not a weekend day of the place, nor a holiday.

        Raises:
            CalendarError: If the provider does not know the country or subdivision.
        """
        off = self._off.get(d.year)
        if off is None:
            off = self._load(d.year).days_off
        return d not in off

    def roll_forward(self, d: date) -> date:
        """Return ``d`` if it is a business day, else the next business day after it.

        Raises:
            CalendarError: If no business day follows within a year (a broken provider).
        """
        found = self._rolled.get(d)
        if found is None:
            found = self._rolled[d] = self._step_to_business_day(d, 1)
        return found

    def roll_backward(self, d: date) -> date:
        """Return ``d`` if it is a business day, else the last business day before it.

        Raises:
            CalendarError: If no business day precedes within a year (a broken provider).
        """
        return self._step_to_business_day(d, -1)

    def _step_to_business_day(self, d: date, step: int) -> date:
        for _ in range(_MAX_SEARCH_DAYS):
            if self.is_business_day(d):
                return d
            d = shift_days(d, step)
        raise CalendarError(
            f"no business day within {_MAX_SEARCH_DAYS} days of {d.isoformat()} "
            f"for country {self.country!r}"
        )

    def add_business_days(self, d: date, n: int) -> date:
        """Count ``n`` business days from ``d``.

        Args:
            d: The starting date; it is never counted itself.
            n: For n > 0, the result is the n-th business day after ``d``; for n < 0, the
                |n|-th business day before ``d``; for 0, ``roll_forward(d)``.

        Raises:
            CalendarError: If a year passes without a business day (a broken provider).
            DateRangeError: If the count runs past the years ``date`` supports.
        """
        if n == 0:
            return self.roll_forward(d)
        step = 1 if n > 0 else -1
        for _ in range(abs(n)):
            d = self._step_to_business_day(shift_days(d, step), step)
        return d

    def add(self, d: date, dur: Duration, sign: int = 1) -> date:
        """Move ``d`` by ``dur``: months (clamped to month end), then days, then business days.

        A duration without business days never rolls the result onto a business day; callers
        that want that call ``roll_forward`` themselves.

        Args:
            d: The starting date.
            dur: The duration to apply.
            sign: 1 to move forward in time, -1 to move backward.

        Raises:
            ValueError: If ``sign`` is neither 1 nor -1.
            DateRangeError: If the result would fall outside the years ``date`` supports.
        """
        if sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1, not {sign!r}")
        if dur.months:
            d = add_months(d, sign * dur.months)
        if dur.days:
            d = shift_days(d, sign * dur.days)
        if dur.business_days:
            d = self.add_business_days(d, sign * dur.business_days)
        return d
