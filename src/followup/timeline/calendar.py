"""Business days: weekends plus the public holidays of one country.

The ``holidays`` package is the source of public holidays, but importing it costs about 100 ms,
which dominates a short CLI run.  So it is imported only when a holiday set is actually missing,
and the sets it produces are cached in memory and, optionally, as small JSON files on disk.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, timedelta
from pathlib import Path
from typing import Protocol

from followup.timeline.durations import Duration, add_months

__all__ = [
    "BusinessCalendar",
    "CalendarError",
    "HolidayProvider",
    "HolidaysLibraryProvider",
    "NoHolidays",
]

# Far more than any real run of weekends and holidays; reaching it means the provider claims
# every day is a holiday, and looping for ever would hide that.
_MAX_SEARCH_DAYS = 366
_CACHE_FORMAT = 1


class CalendarError(ValueError):
    """A calendar cannot answer: an unknown country, or no business day anywhere near."""


class HolidayProvider(Protocol):
    """Anything that knows the public holidays of a country in a year."""

    def holidays(self, country: str, year: int) -> frozenset[date]:
        """Return the public holidays of ``country`` (ISO 3166 code) in ``year``."""
        ...


class NoHolidays:
    """A provider for which no day is ever a public holiday."""

    def holidays(self, country: str, year: int) -> frozenset[date]:
        """Return the empty set, whatever the country and year."""
        return frozenset()

    def __repr__(self) -> str:
        return "NoHolidays()"


def _library_version_key() -> str | None:
    """Identify the installed ``holidays`` package cheaply, or None if it is not installed.

    Importing ``holidays`` or reading its metadata would cost the time the cache exists to
    save, so the key is derived from the stat of its ``__init__.py``: any reinstall or upgrade
    changes the mtime or the size, and thereby invalidates every cached file.
    """
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    try:
        st = os.stat(spec.origin)
    except OSError:
        return None
    identity = f"{spec.origin}\0{st.st_mtime_ns}\0{st.st_size}\0{_CACHE_FORMAT}"
    # zlib is built in and cheap to import, unlike hashlib; this is a cache key, not security.
    import zlib

    return f"{zlib.crc32(identity.encode()):08x}{st.st_size & 0xFFFF:04x}"


def _library_holidays(country: str, year: int) -> frozenset[date]:
    """Ask the ``holidays`` package, importing it on first use."""
    import holidays

    try:
        table = holidays.country_holidays(country, years=year)
    except NotImplementedError as exc:
        raise CalendarError(
            f"no public holidays are known for country {country!r}; "
            "expected an ISO 3166 country code such as US, GB or DE"
        ) from exc
    return frozenset(table)


def _library_countries() -> frozenset[str]:
    import holidays

    # The library also accepts alpha-3 aliases; offering one spelling per country keeps
    # validation messages and cache file names unambiguous.
    return frozenset(code for code in holidays.list_supported_countries() if len(code) == 2)


class HolidaysLibraryProvider:
    """Public holidays from the ``holidays`` package, imported lazily (it costs ~100 ms to import),
    cached in memory per (country, year) and optionally on disk as small JSON files.

    Observed holidays (e.g. a Saturday holiday moved to the Friday) are included, as the
    library does by default.  The disk cache is an optimisation only: unreadable or corrupt
    files are ignored and rewritten, and a directory that cannot be written is skipped.
    """

    __slots__ = ("_cache_dir", "_key", "_key_known", "_memory")

    def __init__(self, cache_dir: Path | None = None) -> None:
        """Create a provider.

        Args:
            cache_dir: Where to keep one JSON file per (country, year); None for no disk cache.
                Created on first write if missing.
        """
        self._cache_dir = cache_dir
        self._memory: dict[tuple[str, int], frozenset[date]] = {}
        self._key: str | None = None
        self._key_known = False

    def __repr__(self) -> str:
        return f"HolidaysLibraryProvider(cache_dir={self._cache_dir!r})"

    def holidays(self, country: str, year: int) -> frozenset[date]:
        """Return the public holidays (observed days included) of ``country`` in ``year``.

        Args:
            country: An ISO 3166 country code, in any case.
            year: The year, between 1 and 9999.

        Raises:
            CalendarError: If the library knows no holidays for ``country``.
        """
        country = country.strip().upper()
        found = self._memory.get((country, year))
        if found is not None:
            return found
        path = self._cache_path(country, year)
        found = self._read(path, country, year) if path is not None else None
        if found is None:
            found = _library_holidays(country, year)
            if path is not None:
                self._write(path, country, year, found)
        self._memory[(country, year)] = found
        return found

    @staticmethod
    def supported_countries() -> frozenset[str]:
        """Return the ISO 3166 alpha-2 codes the library has holidays for, e.g. US, GB, DE."""
        return _library_countries()

    def _cache_path(self, country: str, year: int) -> Path | None:
        if self._cache_dir is None:
            return None
        if not self._key_known:
            self._key = _library_version_key()
            self._key_known = True
        # Refuse anything that could escape the directory or clash on a case-insensitive disk.
        if self._key is None or not country.isalnum() or not country.isascii():
            return None
        return self._cache_dir / f"holidays-{self._key}-{country}-{year}.json"

    @staticmethod
    def _read(path: Path, country: str, year: int) -> frozenset[date] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                not isinstance(data, dict)
                or data.get("country") != country
                or data.get("year") != year
                or not isinstance(data.get("dates"), list)
            ):
                return None
            return frozenset(date.fromisoformat(item) for item in data["dates"])
        except (OSError, ValueError, TypeError):
            # Missing, unreadable or corrupt: recompute, and the write that follows repairs it.
            return None

    @staticmethod
    def _write(path: Path, country: str, year: int, days: frozenset[date]) -> None:
        payload = json.dumps(
            {"country": country, "year": year, "dates": sorted(d.isoformat() for d in days)},
            indent=0,
        )
        tmp_name: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Same directory as the target so os.replace is an atomic rename: a concurrent
            # reader sees the old file or the new one, never half of one.
            import tempfile  # writing the cache is rare; importing it is not free

            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=path.parent,
                prefix=f".{path.stem}-",
                suffix=".tmp",
                delete=False,
            ) as handle:
                tmp_name = handle.name
                handle.write(payload)
            os.replace(tmp_name, path)
            tmp_name = None
        except OSError:
            pass
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """Weekdays that are not public holidays of one country.

    Weekends are Saturday and Sunday.  Holiday sets are fetched from the provider one year at
    a time, on demand, and kept in the instance, so ``is_business_day`` costs a weekday check
    and a set lookup once a year has been seen.

    Attributes:
        country: ISO 3166 country code (normalised to upper case), or None to count only
            weekends.
        provider: Where public holidays come from.
    """

    country: str | None
    provider: HolidayProvider = field(default_factory=NoHolidays)
    _years: dict[int, frozenset[date]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # roll_forward is on the engine's hot path; a calendar only ever sees a few hundred dates.
    _rolled: dict[date, date] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.country is not None:
            normalised = self.country.strip().upper()
            object.__setattr__(self, "country", normalised or None)

    def holidays_in(self, year: int) -> frozenset[date]:
        """Return the public holidays falling in ``year`` (empty without a country)."""
        found = self._years.get(year)
        if found is None:
            found = self._load(year)
        return found

    def _load(self, year: int) -> frozenset[date]:
        if self.country is None:
            found: frozenset[date] = frozenset()
        else:
            # A provider may file a holiday under a neighbouring year (a Jan 1 observed on
            # Dec 31), so gather the neighbours and keep only the dates really in ``year``.
            years = range(max(MINYEAR, year - 1), min(MAXYEAR, year + 1) + 1)
            found = frozenset(
                d for y in years for d in self.provider.holidays(self.country, y) if d.year == year
            )
        self._years[year] = found
        return found

    def is_business_day(self, d: date) -> bool:
        """Tell whether ``d`` is a Monday to Friday that is not a public holiday."""
        if d.weekday() >= 5:
            return False
        found = self._years.get(d.year)
        if found is None:
            found = self._load(d.year)
        return d not in found

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
        delta = timedelta(days=step)
        for _ in range(_MAX_SEARCH_DAYS):
            if self.is_business_day(d):
                return d
            d += delta
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
        """
        if n == 0:
            return self.roll_forward(d)
        step = 1 if n > 0 else -1
        delta = timedelta(days=step)
        for _ in range(abs(n)):
            d = self._step_to_business_day(d + delta, step)
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
        """
        if sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1, not {sign!r}")
        if dur.months:
            d = add_months(d, sign * dur.months)
        if dur.days:
            d += timedelta(days=sign * dur.days)
        if dur.business_days:
            d = self.add_business_days(d, sign * dur.business_days)
        return d
