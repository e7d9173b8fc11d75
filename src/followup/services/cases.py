"""A case file as the commands use it: read and checked, its calendar, its today, its playbook.

The wall clock is read here (for a case's default "today") and nowhere in the engine.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.errors import InputError, Problem, UsageError
from followup.io.user_dirs import user_cache_dir
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language.case_loader import build_case
from followup.model.case import Case
from followup.timeline.calendar import BusinessCalendar, CalendarError


def today_for(case: Case) -> date:
    """Today where the job seeker is (the case's timezone, else this machine's).

    Raises:
        UsageError: the case's timezone is not one this machine knows (a case file's is checked
            when it is read; this guards cases built otherwise).
    """
    if case.timezone:
        # lazy: only cases with a timezone pay for it (plan cold start)
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(case.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # a case not from the decoder
            shown = case.timezone[:60]
            raise UsageError(
                f"timezone '{shown}' is not known; expected an IANA name such as America/New_York"
            ) from None
        return datetime.now(zone).date()
    return date.today()


def names_case_file(ref: str) -> bool:
    """Whether CASE|APP names a case file (one that is there, or a file name or path) rather
    than a tracked application, so that no tracker is opened for it."""
    return Path(ref).is_file() or catalog.looks_like_path(ref)


def read_case(path: str) -> tuple[Case, Document]:
    """Parse and check a case file.

    Raises:
        InputError: every problem in the file, located.
    """
    doc = read_yaml_file(path)
    return build_case(doc), doc


_calendars: dict[str | None, BusinessCalendar] = {}


def calendar_for(case: Case, doc: Document | None = None) -> BusinessCalendar:
    """The business calendar of the case's country or subdivision (one per place per process).

    Raises:
        InputError: the holidays library knows no such country or subdivision.
    """
    country = case.country
    if country in _calendars:
        return _calendars[country]
    if country is None:
        cal = BusinessCalendar(None)
    else:
        # lazy: holidays costs ~100 ms to import: only cases with a country
        from followup.timeline.holiday_library import HolidaysLibraryProvider

        cal = BusinessCalendar(country, HolidaysLibraryProvider(cache_dir=_cache_dir()))
        try:
            cal.holidays_in(case.interview.year)
        except CalendarError as err:
            line, col = doc.where(("country",)) if doc else (1, 1)
            raise InputError([Problem(case.file, line, col, err.message, err.expected)]) from None
    _calendars[country] = cal
    return cal


def _cache_dir() -> Path:

    return user_cache_dir()


def choose_playbook(
    ref: str | None,
    case: Case,
    dirs: tuple[Path, ...],
    doc: Document | None = None,
    *,
    ask: str = "name a playbook",
) -> CompiledPlaybook:
    """The playbook ``ref`` names if given, else the case's own ``playbook:``.

    Args:
        ref: A playbook id or file the user chose for this run, if any.
        case: The case (its ``playbook:`` is the fallback).
        dirs: Coach folders to look in besides the bundled playbooks.
        doc: The case's document, to point at its ``playbook:`` when that id is unknown.
        ask: How to tell the user to choose one, in their words (the CLI names its flag).

    Raises:
        UsageError: neither names a playbook (without ``doc``), or the id is unknown.
        InputError: neither names a playbook (with ``doc``: located), or the playbook file
            has problems.
    """
    chosen = ref or case.playbook
    if not chosen:
        message = "no playbook chosen"
        expected = f"{ask} (see 'followup playbooks') or 'playbook: ID' in the case"
        if doc is not None:  # located at the top of the case, where 'playbook:' would go
            raise InputError([doc.problem((), message, expected)])
        raise UsageError(f"{case.file}: {message}; expected {expected}")
    if ref or doc is None:
        return catalog.load(chosen, dirs)
    try:
        return catalog.load(chosen, dirs)
    except UsageError as err:
        # The name came from the case file: point at it there.
        raise InputError(
            [doc.problem(("playbook",), str(err), "the id of a known playbook")]
        ) from None
