"""What each single-case command prints, from the services' answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from followup import catalog
from followup.errors import InputError, Problem, json_visible, visible
from followup.services.cases import calendar_for, choose_playbook, read_case, today_for


def list_playbooks(dirs: tuple[Path, ...], as_json: bool) -> None:
    """``followup playbooks``: each playbook, its source, and its profile on the standard case.

    Raises:
        InputError: some playbooks do not load (after listing every one that does).
        UsageError: a playbooks folder is missing.
    """
    import dataclasses  # lazy: only `playbooks` needs it
    import textwrap  # lazy: only `playbooks` needs it

    # lazy: each command loads only its own renderer (plan cold start)
    from followup.analysis.profile import PROFILE_LABELS, profile

    compiled, broken = catalog.load_each(dirs)
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
    for cp in compiled if not as_json else ():
        pb = cp.playbook
        entry = entries.get(cp.id)
        mine = catalog.mark(entry)
        click.echo(f"{pb.id}{mine}: {visible(pb.title)}")
        if pb.summary:
            text = visible(pb.summary)
            click.echo(textwrap.fill(text, 88, initial_indent="  ", subsequent_indent="  "))
        click.echo(f"  source: {visible(pb.source.cite())}")
        summary = profile(cp)
        shown = []
        for key, label in PROFILE_LABELS:
            value = getattr(summary, key)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            shown.append(f"{label}: {'never' if value is None else value}")
        click.echo(textwrap.fill("; ".join(shown), 88, initial_indent="  ", subsequent_indent="  "))
        click.echo("")
    if broken:  # listed what loads; the broken ones are named on stderr, and the exit is 2
        raise InputError(broken)


def show(ref: str, fmt: str, dirs: tuple[Path, ...]) -> None:
    """``followup show``."""
    cp = catalog.load(ref, dirs)
    if fmt in ("mermaid", "dot", "table"):
        from followup.render import diagram  # lazy: only `show` draws diagrams

        render = {"mermaid": diagram.mermaid, "dot": diagram.dot, "table": diagram.table}[fmt]
        click.echo(render(diagram.machine_graph(cp)), nl=False)
    else:
        # lazy: each command loads only its own renderer (plan cold start)
        from followup.render.show_text import show_text

        click.echo(visible(show_text(cp.playbook), keep="\n"), nl=False)


def compare(
    case_file: str, ids: list[str], dirs: tuple[Path, ...], today: date | None, as_json: bool
) -> None:
    """``followup compare``.

    Raises:
        InputError: the case has problems, or a playbook does not load (with every playbook
            compared, after comparing all that do).
        UsageError: an unknown playbook id, or a missing folder.
    """
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.analysis.compare import compare_case
    from followup.render.json_out import compare_json

    case, doc = read_case(case_file)
    broken: list[Problem] = []
    if ids:
        cps = [catalog.load(i, dirs) for i in ids]
    else:
        cps, broken = catalog.load_each(dirs)
    day = today or today_for(case)
    plans = compare_case(cps, case, day, calendar_for(case, doc))
    if as_json:
        titles = {cp.id: cp.playbook.title for cp in cps}
        click.echo(json.dumps(compare_json(case, day, plans, titles), indent=2))
    else:
        # lazy: each command loads only its own renderer (plan cold start)
        from followup.render.compare_text import compare_text

        click.echo(visible(compare_text(case, day, plans), keep="\n"), nl=False)
    if broken:  # compared what loads; the broken ones are named on stderr, and the exit is 2
        raise InputError(broken)


def plan(
    case_file: str, ref: str | None, dirs: tuple[Path, ...], today: date | None, as_json: bool
) -> None:
    """``followup plan``."""
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.engine.plan import plan_case

    case, doc = read_case(case_file)
    cp = choose_playbook(ref, case, dirs, doc, ask="pass --playbook ID")
    result = plan_case(cp, case, today or today_for(case), calendar_for(case, doc))
    if as_json:
        # lazy: each command loads only its own renderer (plan cold start)
        from followup.render.json_out import plan_json

        click.echo(json_visible(json.dumps(plan_json(result), indent=2, ensure_ascii=False)))
    else:
        # lazy: each command loads only its own renderer (plan cold start)
        from followup.render.text import plan_text

        click.echo(visible(plan_text(result, case, cp.playbook), keep="\n"), nl=False)


def explain(case_file: str, ref: str | None, dirs: tuple[Path, ...], today: date | None) -> None:
    """``followup explain``."""
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.engine.explain import explain_case
    from followup.render.text import trace_text

    case, doc = read_case(case_file)
    cp = choose_playbook(ref, case, dirs, doc, ask="pass --playbook ID")
    entries = explain_case(cp, case, today or today_for(case), calendar_for(case, doc))
    click.echo(visible(trace_text(entries, case, cp.playbook), keep="\n"), nl=False)


def validate(files: tuple[str, ...], dirs: tuple[Path, ...]) -> None:
    """``followup validate``: every problem in every file, then exit 2 if there were any.

    Raises:
        InputError: every problem found, after naming each file that has none.
        UsageError: a playbooks folder is missing.
    """
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.validate.files import validate_file

    catalog.discover(dirs)  # a missing folder is a usage error, not a problem of each file
    problems: list[Problem] = []
    for name in files:
        found, kind = validate_file(Path(name), dirs)
        problems += found
        if not found:
            click.echo(f"{name}: ok ({kind})")
    if problems:
        raise InputError(problems)
