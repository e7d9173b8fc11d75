"""What each single-case command does, between parsing flags and printing.

The wall clock is read here (for the default ``--today``) and nowhere in the engine.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import click

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.errors import InputError, Problem, UsageError
from followup.io.case_loader import build_case
from followup.io.yaml_reader import Document, read_yaml_file
from followup.model.case import Case
from followup.timeline.calendar import BusinessCalendar, CalendarError


def today_for(case: Case) -> date:
    """Today where the job seeker is (the case's timezone, else this machine's)."""
    if case.timezone:
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo(case.timezone)).date()
    return date.today()


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
    from followup.cli.paths import user_cache_dir

    return user_cache_dir()


def choose_playbook(
    ref: str | None, case: Case, dirs: tuple[Path, ...], doc: Document | None = None
) -> CompiledPlaybook:
    """``--playbook`` if given, else the case's own ``playbook:``.

    Raises:
        UsageError: neither names a playbook, or the id is unknown.
        InputError: the playbook file has problems.
    """
    chosen = ref or case.playbook
    if not chosen:
        raise UsageError(
            f"{case.file}: no playbook chosen; pass --playbook ID "
            "(see 'followup playbooks') or add 'playbook: ID' to the case"
        )
    if ref or doc is None:
        return catalog.load(chosen, dirs)
    try:
        return catalog.load(chosen, dirs)
    except UsageError as err:
        # The name came from the case file: point at it there.
        raise InputError(
            [doc.problem(("playbook",), str(err), "the id of a known playbook")]
        ) from None


def list_playbooks(dirs: tuple[Path, ...], as_json: bool) -> None:
    """``followup playbooks``: each playbook, its source, and its profile on the standard case."""
    import dataclasses
    import textwrap

    from followup.analysis.profile import PROFILE_LABELS, profile

    compiled = catalog.load_all(dirs)
    entries = catalog.discover(dirs)
    if as_json:
        rows = []
        for cp in compiled:
            entry = entries.get(cp.id)
            facts = dataclasses.asdict(profile(cp))
            facts.pop("playbook_id")
            rows.append(
                {
                    "id": cp.id,
                    "title": cp.playbook.title,
                    "summary": cp.playbook.summary,
                    "source": cp.playbook.source.cite(),
                    "bundled": bool(entry and entry.bundled),
                    "shadows": str(entry.shadows.path) if entry and entry.shadows else None,
                    "file": str(entry.path) if entry else cp.playbook.file,
                    "profile": facts,
                }
            )
        click.echo(json.dumps(rows, indent=2))
        return
    for cp in compiled:
        pb = cp.playbook
        entry = entries.get(cp.id)
        mine = catalog.mark(entry)
        click.echo(f"{pb.id}{mine}: {pb.title}")
        if pb.summary:
            click.echo(textwrap.fill(pb.summary, 88, initial_indent="  ", subsequent_indent="  "))
        click.echo(f"  source: {pb.source.cite()}")
        summary = profile(cp)
        shown = []
        for key, label in PROFILE_LABELS:
            value = getattr(summary, key)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            shown.append(f"{label}: {'never' if value is None else value}")
        click.echo(textwrap.fill("; ".join(shown), 88, initial_indent="  ", subsequent_indent="  "))
        click.echo("")


def show(ref: str, fmt: str, dirs: tuple[Path, ...]) -> None:
    """``followup show``."""
    cp = catalog.load(ref, dirs)
    if fmt in ("mermaid", "dot", "table"):
        from followup.render import diagram

        render = {"mermaid": diagram.mermaid, "dot": diagram.dot, "table": diagram.table}[fmt]
        click.echo(render(diagram.machine_graph(cp)), nl=False)
    else:
        from followup.render.show_text import show_text

        click.echo(show_text(cp.playbook), nl=False)


def compare(
    case_file: str, ids: list[str], dirs: tuple[Path, ...], today: date | None, as_json: bool
) -> None:
    """``followup compare``."""
    from followup.analysis.compare import compare_case, compare_json

    case, doc = read_case(case_file)
    cps = [catalog.load(i, dirs) for i in ids] if ids else catalog.load_all(dirs)
    day = today or today_for(case)
    plans = compare_case(cps, case, day, calendar_for(case, doc))
    if as_json:
        titles = {cp.id: cp.playbook.title for cp in cps}
        click.echo(json.dumps(compare_json(case, day, plans, titles), indent=2))
    else:
        from followup.render.compare_text import compare_text

        click.echo(compare_text(case, day, plans), nl=False)


def plan(
    case_file: str, ref: str | None, dirs: tuple[Path, ...], today: date | None, as_json: bool
) -> None:
    """``followup plan``."""
    from followup.engine.plan import plan_case

    case, doc = read_case(case_file)
    cp = choose_playbook(ref, case, dirs, doc)
    result = plan_case(cp, case, today or today_for(case), calendar_for(case, doc))
    if as_json:
        from followup.render.json_out import plan_json

        click.echo(json.dumps(plan_json(result), indent=2, ensure_ascii=False))
    else:
        from followup.render.text import plan_text

        click.echo(plan_text(result, case, cp.playbook), nl=False)


def explain(case_file: str, ref: str | None, dirs: tuple[Path, ...], today: date | None) -> None:
    """``followup explain``."""
    from followup.engine.explain import explain_case
    from followup.render.text import trace_text

    case, doc = read_case(case_file)
    cp = choose_playbook(ref, case, dirs, doc)
    entries = explain_case(cp, case, today or today_for(case), calendar_for(case, doc))
    click.echo(trace_text(entries, case, cp.playbook), nl=False)


def validate(files: tuple[str, ...]) -> None:
    """``followup validate``: every problem in every file, then exit 2 if there were any."""
    from followup.validate.files import validate_file

    problems: list[Problem] = []
    for name in files:
        found, kind = validate_file(Path(name))
        problems += found
        if not found:
            click.echo(f"{name}: ok ({kind})")
    if problems:
        raise InputError(problems)
