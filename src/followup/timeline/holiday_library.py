"""Days off from the ``holidays`` package, per country or subdivision, cached on disk.

Importing ``holidays`` costs about 100 ms, which dominates a short CLI run, so it is imported
only when a year is missing from the caches: in memory per (region, year), and optionally as
one small JSON file per (region, year) holding the year's public holidays and days off.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import stat
import zlib
from datetime import MAXYEAR, MINYEAR, date, timedelta
from pathlib import Path
from typing import Any

from followup.errors import suggest
from followup.timeline.calendar import REGION_RE, CalendarError, YearOff

__all__ = ["HolidaysLibraryProvider", "region_error", "split_region"]

# Part of every cache file's name and content: bump it when what a file holds changes, so a
# file written by an older followup is never read as if it meant the same thing.
_CACHE_FORMAT = 2
_EXPECTED_COUNTRY = "an ISO 3166 code the holidays library knows, such as US, GB, DE or GB-ENG"
_SHOWN_CHOICES = 12


def split_region(region: str) -> tuple[str, str | None]:
    """Split ``GB-ENG`` into ``("GB", "ENG")`` and ``GB`` into ``("GB", None)``."""
    country, _, subdiv = region.partition("-")
    return country, subdiv or None


def library_version_key() -> str | None:
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
    # zlib, not hashlib: a cache key, not security, and zlib is built in and cheap to import.

    return f"{zlib.crc32(identity.encode()):08x}{st.st_size & 0xFFFF:04x}"


def _known_regions() -> dict[str, list[str]]:
    """Every country the library knows (aliases such as UK included) and its subdivisions."""
    # lazy: holidays costs ~100 ms to import; a calendar read from the cache never needs it
    import holidays

    # Costs ~60 ms (it loads every country): only called to explain an unknown region.
    return holidays.list_supported_countries()


def region_error(region: str) -> CalendarError | None:
    """Explain why the library has no calendar for ``region``, or None if it has one.

    Args:
        region: ``GB`` or ``GB-ENG``, upper case.
    """

    known = _known_regions()
    country, subdiv = split_region(region)
    if country not in known:
        two_letter = (code for code in known if len(code) == 2)
        return CalendarError(
            f"no public-holiday data for country '{country}'{suggest(country, two_letter)}",
            _EXPECTED_COUNTRY,
        )
    if subdiv is None:
        return None
    # Only codes a case file can spell: the library also lists a few named areas ("Zone A").
    codes = sorted(c for c in (f"{country}-{s}" for s in known[country]) if REGION_RE.fullmatch(c))
    if region in codes:
        return None
    if not codes:
        return CalendarError(
            f"the holidays library has no subdivisions of '{country}', so not '{region}'",
            f"the country code alone: {country}",
        )
    shown = ", ".join(codes[:_SHOWN_CHOICES])
    if len(codes) > _SHOWN_CHOICES:
        shown += f" ... ({len(codes)} in all)"
    hint = suggest(region, codes)
    return CalendarError(
        f"'{country}' has no subdivision '{subdiv}' in the holidays library{hint}",
        f"{country} alone or one of {shown}",
    )


def _library_year_off(region: str, year: int) -> YearOff:
    """Ask the ``holidays`` package, importing it on first use.

    Raises:
        CalendarError: If the library knows no such country or subdivision.
    """
    # lazy: holidays costs ~100 ms to import; a calendar read from the cache never needs it
    import holidays

    country, subdiv = split_region(region)
    # A holiday may be filed under a neighbouring year (a Jan 1 observed on Dec 31), so the
    # neighbours are computed too and only the days really in ``year`` are kept.
    years = range(max(MINYEAR, year - 1), min(MAXYEAR, year + 1) + 1)
    try:
        table: Any = holidays.country_holidays(country, subdiv=subdiv, years=years)
    except NotImplementedError:
        raise region_error(region) or CalendarError(
            f"no public-holiday data for '{region}'", _EXPECTED_COUNTRY
        ) from None
    start = date(year, 1, 1)
    days = [start + timedelta(days=i) for i in range((date(year, 12, 31) - start).days + 1)]
    # is_working_day knows the country's weekend on that date (some countries moved theirs)
    # and the weekend days made working days in exchange for a bridge holiday.
    off = frozenset(d for d in days if not table.is_working_day(d))
    return YearOff(frozenset(d for d in table if d.year == year), off)


class HolidaysLibraryProvider:
    """Days off from the ``holidays`` package, imported lazily (it costs ~100 ms to import),
    cached in memory per (region, year) and optionally on disk as small JSON files.

    Observed holidays (e.g. a Saturday holiday moved to the Friday) are included, as the
    library does by default.  The disk cache is an optimisation only: unreadable, corrupt or
    older-format files are ignored and rewritten, and a directory that cannot be written is
    skipped.
    """

    __slots__ = ("_cache_dir", "_key", "_key_known", "_memory")

    def __init__(self, cache_dir: Path | None = None) -> None:
        """Create a provider.

        Args:
            cache_dir: Where to keep one JSON file per (region, year); None for no disk cache.
                Created on first write if missing.
        """
        self._cache_dir = cache_dir
        self._memory: dict[tuple[str, int], YearOff] = {}
        self._key: str | None = None
        self._key_known = False

    def __repr__(self) -> str:
        return f"HolidaysLibraryProvider(cache_dir={self._cache_dir!r})"

    def year_off(self, region: str, year: int) -> YearOff:
        """Return the public holidays and days off of ``region`` in ``year``.

        Args:
            region: A country code (``GB``) or country and subdivision (``GB-ENG``), any case.
            year: The year, between 1 and 9999.

        Raises:
            CalendarError: If the library knows no such country or subdivision.
        """
        region = region.strip().upper()
        found = self._memory.get((region, year))
        if found is not None:
            return found
        path = self._cache_path(region, year)
        found = self._read(path, region, year) if path is not None else None
        if found is None:
            found = _library_year_off(region, year)
            if path is not None:
                self._write(path, region, year, found)
        self._memory[(region, year)] = found
        return found

    def holidays(self, region: str, year: int) -> frozenset[date]:
        """Return the public holidays (observed days included) of ``region`` in ``year``.

        Raises:
            CalendarError: If the library knows no such country or subdivision.
        """
        return self.year_off(region, year).holidays

    @staticmethod
    def supported_countries() -> frozenset[str]:
        """Return the ISO 3166 alpha-2 codes the library has holidays for, e.g. US, GB, DE."""
        # The library also accepts alpha-3 aliases; offering one spelling per country keeps
        # validation messages and cache file names unambiguous.
        return frozenset(code for code in _known_regions() if len(code) == 2)

    def _cache_path(self, region: str, year: int) -> Path | None:
        if self._cache_dir is None:
            return None
        if not self._key_known:
            self._key = library_version_key()
            self._key_known = True
        # Refuse anything that could escape the directory or clash on a case-insensitive disk.
        if self._key is None or not REGION_RE.fullmatch(region):
            return None
        return self._cache_dir / f"holidays-{self._key}-{region}-{year}.json"

    @staticmethod
    def _read(path: Path, region: str, year: int) -> YearOff | None:
        try:
            # Only a regular file is read: opening a FIFO in its place would wait for a writer
            # forever (`_write` then replaces it).  This layer is below `followup.io`'s reader.
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                not isinstance(data, dict)
                or data.get("format") != _CACHE_FORMAT
                or data.get("region") != region
                or data.get("year") != year
                or not isinstance(data.get("holidays"), list)
                or not isinstance(data.get("days_off"), list)
            ):
                return None
            return YearOff(
                frozenset(date.fromisoformat(item) for item in data["holidays"]),
                frozenset(date.fromisoformat(item) for item in data["days_off"]),
            )
        except (OSError, ValueError, TypeError):
            # Missing, unreadable or corrupt: recompute, and the write that follows repairs it.
            return None

    @staticmethod
    def _write(path: Path, region: str, year: int, found: YearOff) -> None:
        payload = json.dumps(
            {
                "format": _CACHE_FORMAT,
                "region": region,
                "year": year,
                "holidays": sorted(d.isoformat() for d in found.holidays),
                "days_off": sorted(d.isoformat() for d in found.days_off),
            },
            indent=0,
        )
        tmp_name: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Same directory as the target so os.replace is an atomic rename: a concurrent
            # reader sees the old file or the new one, never half of one.
            import tempfile  # lazy: writing the cache is rare and tempfile is not free to import

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
