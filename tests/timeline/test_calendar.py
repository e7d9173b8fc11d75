"""Tests for business-day arithmetic and the day-off providers behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.timeline import holiday_library as library_module
from followup.timeline.calendar import (
    BusinessCalendar,
    CalendarError,
    HolidayProvider,
    NoHolidays,
    YearOff,
)
from followup.timeline.durations import Duration, parse_duration
from followup.timeline.holiday_library import HolidaysLibraryProvider

SRC = Path(__file__).resolve().parents[2] / "src"

# One provider for the whole module: the library is slow enough that sharing its memory
# cache keeps the property tests quick, and it is read-only from the tests' point of view.
LIBRARY = HolidaysLibraryProvider()
US = BusinessCalendar("US", LIBRARY)
GB = BusinessCalendar("GB", LIBRARY)
PLAIN = BusinessCalendar(None, NoHolidays())


class CountingProvider:
    """A provider with fixed holidays that records every (region, year) it is asked for."""

    def __init__(self, days: frozenset[date] = frozenset()) -> None:
        self.days = days
        self.calls: list[tuple[str, int]] = []

    def year_off(self, region: str, year: int) -> YearOff:
        self.calls.append((region, year))
        return YearOff.weekly(year, self.days)


class EveryDayProvider:
    """A broken provider claiming every day of every year is a holiday."""

    def year_off(self, region: str, year: int) -> YearOff:
        start = date(year, 1, 1)
        days = frozenset(
            start + timedelta(days=i)
            for i in range(366)
            if (start + timedelta(days=i)).year == year
        )
        return YearOff(days, days)


def count_business_days(cal: BusinessCalendar, start: date, end: date) -> int:
    """Count business days in the half-open interval (start, end]."""
    return sum(
        cal.is_business_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )


def test_providers_satisfy_the_protocol() -> None:
    """Both shipped providers and a test double can stand where a HolidayProvider is expected."""
    providers: list[HolidayProvider] = [NoHolidays(), LIBRARY, CountingProvider()]
    results = [p.year_off("US", 2026) for p in providers]
    assert all(isinstance(r.holidays, frozenset) for r in results)
    assert results[0].holidays == results[2].holidays == frozenset()
    assert results[0].days_off == results[2].days_off
    assert date(2026, 11, 26) in results[1].holidays
    assert date(2026, 11, 26) in results[1].days_off
    # Saturday 2026-03-07 is off everywhere in the US and by default.
    assert all(date(2026, 3, 7) in r.days_off for r in results)


def test_weekends_are_not_business_days() -> None:
    """Saturday and Sunday are never business days; an ordinary Monday is."""
    assert not PLAIN.is_business_day(date(2026, 3, 7))
    assert not PLAIN.is_business_day(date(2026, 3, 8))
    assert PLAIN.is_business_day(date(2026, 3, 9))


def test_roll_forward_over_weekend() -> None:
    """A Saturday or Sunday rolls to Monday; a weekday stays put."""
    assert PLAIN.roll_forward(date(2026, 3, 7)) == date(2026, 3, 9)
    assert PLAIN.roll_forward(date(2026, 3, 8)) == date(2026, 3, 9)
    assert PLAIN.roll_forward(date(2026, 3, 10)) == date(2026, 3, 10)


def test_roll_backward_over_weekend() -> None:
    """A weekend day rolls back to the Friday before it."""
    assert PLAIN.roll_backward(date(2026, 3, 8)) == date(2026, 3, 6)
    assert PLAIN.roll_backward(date(2026, 3, 6)) == date(2026, 3, 6)


def test_israel_works_sunday_to_thursday() -> None:
    """In Israel Friday and Saturday are the weekend and Sunday is a working day."""
    il = BusinessCalendar("IL", LIBRARY)
    friday, saturday, sunday = date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)
    assert not il.is_business_day(friday)
    assert not il.is_business_day(saturday)
    assert il.is_business_day(sunday)
    assert il.roll_forward(friday) == sunday
    assert il.add_business_days(date(2026, 3, 5), 1) == sunday
    # The default week is unchanged: Friday works, Sunday does not.
    assert PLAIN.is_business_day(friday)
    assert not PLAIN.is_business_day(sunday)


def test_official_working_saturday_is_a_business_day() -> None:
    """China makes some Saturdays working days in exchange for bridge holidays (2026-02-14)."""
    cn = BusinessCalendar("CN", LIBRARY)
    assert cn.is_business_day(date(2026, 2, 14))
    assert not cn.is_business_day(date(2026, 2, 7))


def test_subdivisions_have_their_own_holidays() -> None:
    """Easter Monday is a bank holiday in England, not in the UK as a whole; Jan 2 in Scotland."""
    easter_monday, jan_2 = date(2026, 4, 6), date(2026, 1, 2)
    assert not BusinessCalendar("GB-ENG", LIBRARY).is_business_day(easter_monday)
    assert BusinessCalendar("GB", LIBRARY).is_business_day(easter_monday)
    assert not BusinessCalendar("gb-sct", LIBRARY).is_business_day(jan_2)
    assert BusinessCalendar("GB-ENG", LIBRARY).is_business_day(jan_2)
    assert BusinessCalendar("GB-ENG", LIBRARY).roll_forward(date(2026, 4, 3)) == date(2026, 4, 7)


def test_unknown_subdivision_suggests_the_library_codes() -> None:
    """A subdivision the library lacks is refused with its codes and the closest one."""
    with pytest.raises(CalendarError) as caught:
        BusinessCalendar("GB-EN", LIBRARY).is_business_day(date(2026, 1, 5))
    assert caught.value.message == (
        "'GB' has no subdivision 'EN' in the holidays library (did you mean 'GB-ENG'?)"
    )
    assert caught.value.expected == "GB alone or one of GB-ENG, GB-NIR, GB-SCT, GB-WLS"
    assert str(caught.value).endswith("; expected " + caught.value.expected)


def test_region_errors() -> None:
    """Known regions pass; a country without subdivisions and a long list are explained."""
    assert library_module.region_error("GB") is None
    assert library_module.region_error("GB-ENG") is None
    no_subdivisions = library_module.region_error("IL-TA")
    assert no_subdivisions is not None
    assert no_subdivisions.expected == "the country code alone: IL"
    many = library_module.region_error("US-CAL")
    assert many is not None
    assert "(did you mean 'US-CA'?)" in many.message
    assert many.expected.startswith("US alone or one of US-AK, ")
    assert many.expected.endswith(" in all)")
    assert library_module.split_region("GB-ENG") == ("GB", "ENG")
    assert library_module.split_region("GB") == ("GB", None)


def test_weekly_year_off() -> None:
    """YearOff.weekly lists every weekend day of the year plus the holidays in that year."""
    plain = YearOff.weekly(2026)
    assert len(plain.days_off) == 104
    assert all(d.weekday() >= 5 and d.year == 2026 for d in plain.days_off)
    gulf = YearOff.weekly(2026, frozenset({date(2026, 3, 2), date(2027, 1, 1)}), frozenset({4, 5}))
    assert gulf.holidays == frozenset({date(2026, 3, 2)})
    assert date(2026, 3, 6) in gulf.days_off
    assert date(2026, 3, 8) not in gulf.days_off
    assert len(gulf.days_off) == 105


def test_us_independence_day_observed_on_friday() -> None:
    """July 4 2026 is a Saturday, so Friday July 3 is the observed holiday and rolls to Monday."""
    assert date(2026, 7, 4).weekday() == 5
    assert date(2026, 7, 3) in LIBRARY.year_off("US", 2026).holidays
    assert not US.is_business_day(date(2026, 7, 3))
    assert US.roll_forward(date(2026, 7, 3)) == date(2026, 7, 6)


def test_us_thanksgiving_rolls_to_friday() -> None:
    """Thanksgiving (Thursday 2026-11-26) rolls to Friday the 27th, which is not a US holiday."""
    assert US.roll_forward(date(2026, 11, 26)) == date(2026, 11, 27)


def test_gb_boxing_day() -> None:
    """In GB, Boxing Day 2026 falls on Saturday and is observed on Monday the 28th."""
    assert not GB.is_business_day(date(2026, 12, 25))
    assert not GB.is_business_day(date(2026, 12, 28))
    assert GB.roll_forward(date(2026, 12, 25)) == date(2026, 12, 29)
    # Boxing Day is not a US holiday, so the same Monday is an ordinary working day there.
    assert US.is_business_day(date(2026, 12, 28))


def test_add_business_days_over_holiday() -> None:
    """Counting from Thursday July 2 2026 skips the observed Friday holiday and the weekend."""
    assert US.add_business_days(date(2026, 7, 2), 1) == date(2026, 7, 6)
    assert US.add_business_days(date(2026, 7, 2), 3) == date(2026, 7, 8)
    assert PLAIN.add_business_days(date(2026, 7, 2), 1) == date(2026, 7, 3)


def test_add_business_days_backwards_over_holiday() -> None:
    """Negative counts walk back, skipping the weekend and the observed holiday."""
    assert US.add_business_days(date(2026, 7, 6), -1) == date(2026, 7, 2)
    assert PLAIN.add_business_days(date(2026, 7, 6), -1) == date(2026, 7, 3)


def test_add_zero_business_days_rolls_forward() -> None:
    """Zero business days from a non-business day is the next business day."""
    assert US.add_business_days(date(2026, 7, 3), 0) == date(2026, 7, 6)
    assert US.add_business_days(date(2026, 7, 2), 0) == date(2026, 7, 2)


def test_no_country_calendar_ignores_holidays() -> None:
    """Without a country, holidays are not consulted even if the provider has some."""
    provider = CountingProvider(frozenset({date(2026, 7, 3)}))
    cal = BusinessCalendar(None, provider)
    assert cal.is_business_day(date(2026, 7, 3))
    assert cal.roll_forward(date(2026, 7, 3)) == date(2026, 7, 3)
    assert provider.calls == []


def test_country_is_normalised() -> None:
    """Country codes are upper-cased and a blank code means no country."""
    assert BusinessCalendar(" us ", NoHolidays()).country == "US"
    assert BusinessCalendar("", NoHolidays()).country is None
    assert not BusinessCalendar("us", LIBRARY).is_business_day(date(2026, 7, 3))


def test_calendar_caches_years() -> None:
    """A year is loaded once, then answered from the instance's cache.

    (The calendar used to ask for a year's neighbours too; the library provider now gathers
    them itself, see the Dec 31 test below, so the calendar asks for one year only.)
    """
    provider = CountingProvider(frozenset({date(2026, 7, 3)}))
    cal = BusinessCalendar("US", provider)
    for offset in range(200):
        cal.is_business_day(date(2026, 3, 1) + timedelta(days=offset))
    assert provider.calls == [("US", 2026)]
    assert cal.holidays_in(2026) == frozenset({date(2026, 7, 3)})


def test_holiday_of_the_next_year_observed_on_dec_31_is_found() -> None:
    """New Year's Day 2022 (a Saturday) is observed on Friday 2021-12-31 in the US."""
    assert date(2021, 12, 31) in LIBRARY.year_off("US", 2021).days_off
    assert not US.is_business_day(date(2021, 12, 31))
    assert US.roll_forward(date(2021, 12, 31)) == date(2022, 1, 3)


def test_calendar_equality_ignores_cache() -> None:
    """Two calendars for the same country and provider are equal whatever they have loaded."""
    provider = NoHolidays()
    first, second = BusinessCalendar("US", provider), BusinessCalendar("US", provider)
    first.is_business_day(date(2026, 1, 5))
    assert first == second
    assert hash(first) == hash(second)


def test_add_duration_applies_months_then_days_then_business_days() -> None:
    """add() clamps months, adds days, then counts business days, forwards and backwards."""
    assert US.add(date(2026, 1, 31), parse_duration("1mo")) == date(2026, 2, 28)
    assert US.add(date(2026, 1, 31), parse_duration("1.5mo")) == date(2026, 3, 15)
    assert US.add(date(2026, 6, 26), parse_duration("1w")) == date(2026, 7, 3)
    assert US.add(date(2026, 7, 2), parse_duration("1bd")) == date(2026, 7, 6)
    assert US.add(date(2026, 7, 6), parse_duration("1bd"), sign=-1) == date(2026, 7, 2)
    assert US.add(date(2026, 3, 31), parse_duration("1mo"), sign=-1) == date(2026, 2, 28)
    mixed = Duration(months=1, days=2, business_days=1)
    assert US.add(date(2026, 6, 1), mixed) == date(2026, 7, 6)


def test_add_plain_days_does_not_roll() -> None:
    """A duration of plain days may land on a holiday; rolling is the caller's choice."""
    assert US.add(date(2026, 7, 1), parse_duration("2d")) == date(2026, 7, 3)
    assert US.add(date(2026, 7, 3), Duration()) == date(2026, 7, 3)


def test_add_rejects_bad_sign() -> None:
    """Only 1 and -1 are accepted as directions."""
    with pytest.raises(ValueError, match="sign must be 1 or -1"):
        US.add(date(2026, 1, 1), parse_duration("1d"), sign=2)


def test_broken_provider_does_not_loop_forever() -> None:
    """A provider that makes every day a holiday raises CalendarError instead of hanging."""
    cal = BusinessCalendar("XX", EveryDayProvider())
    with pytest.raises(CalendarError, match="no business day within 366 days"):
        cal.roll_forward(date(2026, 1, 1))


def test_unknown_country_raises_calendar_error() -> None:
    """An unknown country code fails with a message saying what is expected."""
    with pytest.raises(CalendarError, match=r"country 'ZZ'.*ISO 3166") as caught:
        HolidaysLibraryProvider().year_off("ZZ", 2026)
    assert caught.value.message == "no public-holiday data for country 'ZZ'"
    assert "GB-ENG" in caught.value.expected
    with pytest.raises(ValueError, match="ZZ"):
        BusinessCalendar("ZZ", HolidaysLibraryProvider()).is_business_day(date(2026, 1, 5))


def test_supported_countries() -> None:
    """The supported set holds alpha-2 codes such as US, GB and DE, and no alpha-3 aliases."""
    countries = HolidaysLibraryProvider.supported_countries()
    assert {"US", "GB", "DE"} <= countries
    assert "USA" not in countries
    assert all(len(code) == 2 and code.isupper() for code in countries)


def test_provider_memory_cache_returns_same_object() -> None:
    """A second request for the same country and year does not go back to the library."""
    provider = HolidaysLibraryProvider()
    assert provider.year_off("US", 2026) is provider.year_off("us", 2026)


def cache_files(cache_dir: Path) -> list[Path]:
    """The holiday cache files in a directory, ignoring anything else."""
    return sorted(cache_dir.glob("holidays-*.json"))


def no_library(region: str, year: int) -> YearOff:
    raise AssertionError("the holidays library must not be consulted")


@pytest.mark.parametrize("region", ["US", "IL", "GB-ENG"])
def test_disk_cache_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, region: str
) -> None:
    """A fresh provider on the same cache_dir answers from the file without the library,
    weekend and subdivision included."""
    first = HolidaysLibraryProvider(tmp_path).year_off(region, 2026)
    [path] = cache_files(tmp_path)
    assert path.name.startswith("holidays-")
    assert path.name.endswith(f"-{region}-2026.json")
    data = json.loads(path.read_text())
    assert data["format"] == 2
    assert data["region"] == region
    assert data["holidays"] == sorted(d.isoformat() for d in first.holidays)
    assert data["days_off"] == sorted(d.isoformat() for d in first.days_off)

    monkeypatch.setattr(library_module, "_library_year_off", no_library)
    second = HolidaysLibraryProvider(tmp_path).year_off(region, 2026)
    assert second == first
    assert not list(tmp_path.glob("*.tmp"))
    cal = BusinessCalendar(region, HolidaysLibraryProvider(tmp_path))
    # Friday 2026-03-06 is a weekend day in Israel only; Sunday 2026-03-08 everywhere else.
    assert cal.is_business_day(date(2026, 3, 6)) == (region != "IL")
    assert cal.is_business_day(date(2026, 3, 8)) == (region == "IL")
    # Easter Monday is a bank holiday in England, not in the US or Israel.
    assert cal.is_business_day(date(2026, 4, 6)) == (region != "GB-ENG")


def test_disk_cache_keeps_subdivisions_apart(tmp_path: Path) -> None:
    """GB, GB-ENG and GB-SCT are cached in their own files with their own holidays."""
    for region in ("GB", "GB-ENG", "GB-SCT"):
        HolidaysLibraryProvider(tmp_path).year_off(region, 2026)
    names = [p.name.split("-", 2)[2].removesuffix("-2026.json") for p in cache_files(tmp_path)]
    assert names == ["GB", "GB-ENG", "GB-SCT"]
    fresh = HolidaysLibraryProvider(tmp_path)
    assert date(2026, 1, 2) in fresh.year_off("GB-SCT", 2026).holidays
    assert date(2026, 1, 2) not in fresh.year_off("GB-ENG", 2026).holidays
    assert date(2026, 4, 6) in fresh.year_off("GB-ENG", 2026).holidays
    assert date(2026, 4, 6) not in fresh.year_off("GB", 2026).holidays


def test_old_format_cache_file_is_not_misread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file from the first format (holidays only, no weekend) is recomputed, even if it
    sits under the current name, and is rewritten in the current format."""
    truth = HolidaysLibraryProvider(tmp_path).year_off("IL", 2026)
    [path] = cache_files(tmp_path)
    # What format 1 held: the holiday dates alone, so an Israeli Friday would look like a
    # working day.
    path.write_text(json.dumps({"country": "IL", "year": 2026, "dates": []}))
    assert HolidaysLibraryProvider(tmp_path).year_off("IL", 2026) == truth
    assert json.loads(path.read_text())["format"] == 2
    # And the key in the file names changes with the format, so older names are never read.
    key = library_module.library_version_key()
    monkeypatch.setattr(library_module, "_CACHE_FORMAT", 1)
    assert library_module.library_version_key() != key


def test_disk_cache_hit_does_not_import_holidays(tmp_path: Path) -> None:
    """Reading a cached year in a fresh interpreter never imports the slow holidays package."""
    HolidaysLibraryProvider(tmp_path).year_off("GB", 2026)
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from followup.timeline.calendar import BusinessCalendar\n"
        "from followup.timeline.holiday_library import HolidaysLibraryProvider\n"
        f"cal = BusinessCalendar('GB', HolidaysLibraryProvider(Path({str(tmp_path)!r})))\n"
        "assert 'holidays' not in sys.modules, 'imported too early'\n"
        "assert cal.holidays_in(2026), 'no holidays read'\n"
        "assert not cal.is_business_day(date(2026, 12, 28))\n"
        "assert 'holidays' not in sys.modules, 'imported on a cache hit'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[]",
        '{"country": "US", "year": 2026, "dates": []}',
        '{"format": 2, "region": "US", "year": 2026, "holidays": [1, 2], "days_off": []}',
        '{"format": 2, "region": "US", "year": 2026, "holidays": [], "days_off": ["2026-13-45"]}',
        '{"format": 2, "region": "GB", "year": 2026, "holidays": [], "days_off": []}',
        '{"format": 2, "region": "US", "year": 2025, "holidays": [], "days_off": []}',
        '{"format": 3, "region": "US", "year": 2026, "holidays": [], "days_off": []}',
        '{"format": 2, "region": "US", "year": 2026, "holidays": []}',
    ],
)
def test_corrupt_cache_file_is_ignored_and_rewritten(tmp_path: Path, content: str) -> None:
    """A damaged or foreign cache file yields the true days off and is replaced by a good file."""
    truth = HolidaysLibraryProvider(tmp_path).year_off("US", 2026)
    [path] = cache_files(tmp_path)
    path.write_text(content)
    assert HolidaysLibraryProvider(tmp_path).year_off("US", 2026) == truth
    data = json.loads(path.read_text())
    assert data == {
        "format": 2,
        "region": "US",
        "year": 2026,
        "holidays": sorted(d.isoformat() for d in truth.holidays),
        "days_off": sorted(d.isoformat() for d in truth.days_off),
    }


def test_unwritable_cache_dir_is_tolerated(tmp_path: Path) -> None:
    """A cache_dir that is really a file cannot be created or written, and that is fine."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("occupied")
    provider = HolidaysLibraryProvider(blocker / "cache")
    assert date(2026, 11, 26) in provider.year_off("US", 2026).holidays
    assert blocker.read_text() == "occupied"


def test_read_only_cache_dir_is_tolerated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder we may not write to is skipped and leaves no temporary files behind."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    # Tests run as root in CI, where chmod cannot forbid writing; refuse at the call instead.
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    cache_dir = tmp_path / "ro"
    cache_dir.mkdir()
    assert date(2026, 7, 3) in HolidaysLibraryProvider(cache_dir).year_off("US", 2026).holidays
    assert list(cache_dir.iterdir()) == []


def test_cache_key_changes_with_the_installed_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key follows the library file's stat, and no key means no disk cache."""
    key = library_module.library_version_key()
    assert key is not None
    assert len(key) == 12
    assert library_module.library_version_key() == key

    monkeypatch.setattr(library_module, "library_version_key", lambda: None)
    assert HolidaysLibraryProvider(tmp_path).year_off("US", 2026).holidays
    assert cache_files(tmp_path) == []


def test_module_import_does_not_import_holidays() -> None:
    """Importing the calendar module leaves the slow holidays package unimported."""
    script = "import sys\nimport followup.timeline.calendar\nassert 'holidays' not in sys.modules\n"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


recent_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
calendars = st.sampled_from([US, GB, PLAIN, BusinessCalendar("IL", LIBRARY)])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(calendars, recent_dates)
def test_roll_forward_properties(cal: BusinessCalendar, d: date) -> None:
    """roll_forward never goes back, lands on a business day, and moves less than 10 days."""
    rolled = cal.roll_forward(d)
    assert d <= rolled < d + timedelta(days=10)
    assert cal.is_business_day(rolled)
    assert all(not cal.is_business_day(d + timedelta(days=i)) for i in range((rolled - d).days))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(calendars, recent_dates, st.integers(min_value=1, max_value=60))
def test_add_business_days_counts_back(cal: BusinessCalendar, d: date, n: int) -> None:
    """n business days forward lands on a business day with exactly n business days since d."""
    result = cal.add_business_days(d, n)
    assert cal.is_business_day(result)
    assert count_business_days(cal, d, result) == n


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(calendars, recent_dates, st.integers(min_value=1, max_value=60))
def test_add_business_days_backwards_counts_forward(cal: BusinessCalendar, d: date, n: int) -> None:
    """n business days backward lands on a business day with exactly n up to and before d."""
    result = cal.add_business_days(d, -n)
    assert cal.is_business_day(result)
    assert result < d
    assert count_business_days(cal, result, d - timedelta(days=1)) + 1 == n


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)))
def test_plain_calendar_works_across_all_years(d: date) -> None:
    """Without holidays, rolling works for any year and only skips weekends."""
    rolled = PLAIN.roll_forward(d)
    assert rolled.weekday() < 5
    assert (rolled - d).days <= 2
