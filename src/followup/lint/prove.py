"""Prove what a playbook can do to a job seeker's contacts, over every case it may meet.

`prove` builds the playbook's space (`followup.lint.space`), searches every case in it
(`followup.lint.search`, split over the CPUs it may use), and reports the worst: direct contacts in
total, in one interview round, in any 7 and any 30 days, the shortest gap between two
check-ins, the longest stretch the case stays open without word from the employer, and whether
every path closes.  Each worst value
comes with a path that reaches it; a path that breaks one of the playbook's ``limits`` is a
counterexample, which `followup.lint.gherkin` writes as a scenario.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import NamedTuple

from followup.compile.machine import CompiledPlaybook
from followup.errors import leave_stopping_to_parent, stop_on_terminate
from followup.lint.findings import (
    Breach,
    Found,
    Report,
    Searched,
    Witness,
    gap_days,
    worst_of_both,
)
from followup.lint.picks import GAP, MORE, Flat, candidates, flatten, measure, pick, unclosed
from followup.lint.proof_cache import ProofCache
from followup.lint.search import Search
from followup.lint.space import DEFAULT_OPTIONS, HOLIDAY_YEAR, ProofOptions, Space, build_space
from followup.lint.workers import workers_for
from followup.model.playbook import Playbook
from followup.timeline.calendar import BusinessCalendar, NoHolidays
from followup.timeline.holiday_library import HolidaysLibraryProvider

# The limits on counts that only grow with time: a path with more to come after the horizon
# (`followup.lint.worst.Worst.more`) goes past them.  The windows of 7 and 30 days and the gap
# are measured over every window within the horizon, and days open is measured to it.
UNBOUNDED_BY_MORE = ("max_contacts", "max_contacts_per_round")
_REMEMBERED = 32  # proofs kept per process, oldest dropped first
_PROOFS: dict[tuple[Playbook, ProofOptions], Report] = {}
_CALENDARS: dict[str | None, BusinessCalendar] = {}


# Told how many cases are searched, out of how many, as groups of them finish.
Progress = Callable[[int, int], None]


class Done(NamedTuple):
    """What one task found: only the cases the report can pick (`picks.candidates`), and
    totals."""

    kept: list[Flat]
    cases: int
    paths: int
    closes: bool
    states: int


_JOB: tuple[CompiledPlaybook, Space] | None = None  # what forked workers search
# Each process keeps one search per calendar, and what it remembers.
_SEARCHES: dict[str | None, Search] = {}


def calendar(country: str | None) -> BusinessCalendar:
    """The calendar of ``country`` (None: Saturday and Sunday only), made once per process.

    Raises:
        CalendarError: the holidays library knows no such country or subdivision.
    """
    found = _CALENDARS.get(country)
    if found is None:
        provider = HolidaysLibraryProvider() if country is not None else NoHolidays()
        found = BusinessCalendar(country, provider)
        found.holidays_in(HOLIDAY_YEAR)  # an unknown country fails here, before any search
        _CALENDARS[country] = found
    return found


def _search(indices: list[int]) -> Done:
    """Search some cases of the current job: one task, whose cases share their calendar,
    interview weekday and permission to follow up.

    The search forgets its memo after each task, so a process holds one task's states at a
    time: cases of different weekdays or permissions rarely reach the same abstract state
    (see `_tasks`; the key holds the permission while a rule reads it), and a sound proof's
    memo of every task would take gigabytes.

    Returns:
        The cases the report can pick, with how many cases, paths and abstract states the
        task had, and whether all its paths close.
    """
    assert _JOB is not None
    cp, space = _JOB
    country = space.starts[indices[0]].country
    search = _SEARCHES.get(country)
    if search is None:
        search = _SEARCHES[country] = Search(cp, space, calendar(country))
    found = [flatten(i, search.explore(space.starts[i])) for i in indices]
    states = len(search.memo)
    search.memo.clear()
    return Done(
        candidates(space, found),
        len(found),
        sum(f[1] for f in found),
        all(f[3] for f in found),
        states,
    )


def _tasks(space: Space) -> list[list[int]]:
    """Cases grouped by calendar, interview weekday and permission to follow up, biggest first.

    Cases of one weekday share abstract states most: the key holds the weekday (or, with
    public holidays or months, the day itself, where paths from interviews a week apart still
    meet on the same days).

    Of groups as big, those of cases told not to follow up come last: with no check-ins to
    pass over they take a third of the time of the others (measured), so they fill the end of
    a proof, where the workers would otherwise wait for each other's last big group.  The
    order changes nothing the proof finds (`_run` sorts the cases, and adds up the rest).
    """
    groups: dict[tuple[str, int, str], list[int]] = {}
    for i, start in enumerate(space.starts):
        key = (start.country or "", start.interview.weekday(), start.employer.follow_up)
        groups.setdefault(key, []).append(i)
    return sorted(groups.values(), key=lambda group: (-len(group), _quiet(space, group)))


def _quiet(space: Space, group: list[int]) -> bool:
    """Whether a group's cases were told not to follow up (`_tasks`)."""
    return space.starts[group[0]].employer.follow_up == "not_wanted"


def _gathered(found: Iterable[Done], space: Space, progress: Progress | None) -> list[Done]:
    """The results of the tasks as they come, telling ``progress`` how many cases are done."""
    results: list[Done] = []
    done = 0
    for result in found:
        results.append(result)
        done += result.cases
        if progress is not None:
            progress(done, len(space.starts))
    return results


def _run(
    cp: CompiledPlaybook, space: Space, workers: int, progress: Progress | None = None
) -> tuple[list[Flat], list[Done]]:
    global _JOB
    _JOB = (cp, space)
    _SEARCHES.clear()
    # The search keeps millions of objects in its memo and makes no reference cycles: the
    # cyclic collector would only rescan them (an eighth of the time).  Forked workers inherit
    # this.
    collecting = gc.isenabled()
    gc.disable()
    try:
        tasks = _tasks(space)
        if workers > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the compiled playbook (its conditions are closures, which
            # cannot be pickled) and keep one search each across the tasks they take.
            context = multiprocessing.get_context("fork")
            stop_on_terminate()
            with context.Pool(workers, initializer=leave_stopping_to_parent) as pool:
                results = _gathered(pool.imap_unordered(_search, tasks), space, progress)
        else:
            results = _gathered(map(_search, tasks), space, progress)
    finally:
        _JOB = None
        _SEARCHES.clear()
        if collecting:
            gc.enable()
    flats = sorted((f for done in results for f in done.kept), key=lambda f: f[0])
    return flats, results


def _worst(space: Space, flats: list[Flat], which: int, *, lowest: bool = False) -> Found:
    best = pick(space, flats, measure(which), lowest=lowest)
    if best is None:
        return Found(None, None)
    value, flat = best
    events = flat[2][which][1]
    assert events is not None
    return Found(value, Witness(space.starts[flat[0]], events))


def prove(
    cp: CompiledPlaybook,
    options: ProofOptions = DEFAULT_OPTIONS,
    workers: int | None = None,
    *,
    progress: Progress | None = None,
    first_breach: bool = False,
    cache: ProofCache | None = None,
) -> Report:
    """Search every case of ``cp``'s space within ``options`` and compare the worst with its
    limits.

    ``progress`` is told, as groups of cases finish, how many are done out of how many.

    With ``first_breach`` a sound proof searches the quick space first (a hundredth of the
    cases), and stops there if that already breaks a limit, as model checkers stop at the
    first violation: a breach found among the representative dates is a real case, so the
    verdict is the same, in a second instead of minutes.  The report is then ``stopped``.
    With the fixed dates news carries, the quick space (with the employer's dates a day on
    too) is then searched with every date news carries (``every_date_quick`` in the report
    when that keeps every limit).

    A proof depends only on the playbook's value and ``options`` (`ProofOptions`: the sound
    space is the employer's dates on every day up to a bound, see `followup.lint.offsets`;
    every news date, see `followup.lint.space.dated_news`), so one already made in this
    process (``lint --prove`` over a base and the playbooks extending it, a spec run) is
    reused; with a ``cache``, one made by an earlier run of the same followup too.

    Raises:
        EngineError: the playbook's timers or steps run on without end.
        CalendarError: a country the holidays library does not know.
    """
    quick: Report | None = None
    if options.sound and first_breach:
        # The quick space as asked (a second or two), then, if the dates news carries are
        # fixed, with every one of them and the employer's dates a day on (`NEAREST_DAY`; a
        # quarter to two thirds of the sound search): the breaches real cases most often
        # show, such as a next round the day after their reply to a check-in a day on.
        for every in dict.fromkeys((options.every_news_date, True)):
            quick = prove(
                cp,
                replace(options, sound=False, every_news_date=every),
                workers,
                progress=progress if every else None,  # the slow one
                cache=cache,
            )
            if quick.breaches:
                return replace(quick, stopped=True)
    key = (cp.playbook, options)
    if (known := _PROOFS.get(key)) is not None:
        if progress is not None:
            progress(known.cases, known.cases)
        report = replace(known, cp=cp)
    else:
        report = _prove(cp, options, workers, progress, cache)
        if len(_PROOFS) >= _REMEMBERED:
            _PROOFS.pop(next(iter(_PROOFS)))
        _PROOFS[key] = report
    if quick is not None and quick.space.every_news_date and not options.every_news_date:
        report = worst_of_both(report, quick)
    return report


def _prove(
    cp: CompiledPlaybook,
    options: ProofOptions,
    workers: int | None,
    progress: Progress | None = None,
    cache: ProofCache | None = None,
) -> Report:
    holidays = {c: calendar(c).holidays_in(HOLIDAY_YEAR) for c in options.countries}
    space = build_space(cp.playbook, options, holidays)
    searched = None if cache is None else cache.recall(cp, options, space)
    if searched is None:
        searched = _searched(cp, space, options, workers, progress)
        if cache is not None:
            cache.keep(cp.playbook, options, searched)
    return _report(cp, space, searched)


def _searched(
    cp: CompiledPlaybook,
    space: Space,
    options: ProofOptions,
    workers: int | None,
    progress: Progress | None,
) -> Searched:
    began = time.perf_counter()
    if workers is None:
        workers = workers_for(options.sound, options.every_news_date)
    flats, tasks = _run(cp, space, workers, progress)
    return Searched(
        tuple(flats),
        sum(t.paths for t in tasks),
        sum(t.states for t in tasks),
        all(t.closes for t in tasks),
        time.perf_counter() - began,
    )


def _report(cp: CompiledPlaybook, space: Space, searched: Searched) -> Report:
    """The report of what a search of ``space`` found: each worst value with the case that
    shows it, and the limits broken."""
    flats = list(searched.flats)
    contacts = _worst(space, flats, 0)
    per7 = _worst(space, flats, 1)
    per30 = _worst(space, flats, 2)
    gap = _worst(space, flats, GAP, lowest=True)
    open_ = _worst(space, flats, 4)
    per_round = _worst(space, flats, 5)
    more = _worst(space, flats, MORE)
    first_unclosed = pick(space, flats, unclosed)
    open_ended = (
        None
        if first_unclosed is None
        else Witness(space.starts[first_unclosed[1][0]], first_unclosed[1][4])
    )
    limits = cp.playbook.limits
    breaches: list[Breach] = []
    for name, allowed, found, above in (
        ("max_contacts", limits.max_contacts, contacts, True),
        ("max_contacts_per_round", limits.max_contacts_per_round, per_round, True),
        ("max_contacts_per_7d", limits.max_contacts_per_7d, per7, True),
        ("max_contacts_per_30d", limits.max_contacts_per_30d, per30, True),
        ("min_gap", gap_days(limits.min_gap) if limits.min_gap else None, gap, False),
        ("max_days_open", limits.max_days_open, open_, True),
    ):
        if allowed is None or found.value is None or found.witness is None:
            continue
        if (found.value > allowed) if above else (found.value < allowed):
            breaches.append(Breach(name, allowed, found.value, found.witness))
        elif name in UNBOUNDED_BY_MORE and more.witness is not None:
            # Within the horizon the count keeps its limit, but a path the horizon cuts short
            # has more to come: a case left open longer goes past any number.
            breaches.append(Breach(name, allowed, found.value, more.witness, unbounded=True))
    return Report(
        cp,
        space,
        len(space.starts),
        searched.paths,
        searched.states,
        searched.seconds,
        contacts,
        per7,
        per30,
        gap,
        open_,
        searched.closes,
        open_ended,
        tuple(breaches),
        per_round,
        more,
        remembered=searched.remembered,
    )
