"""What each single-case command prints, from the services' answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from followup import catalog
from followup.errors import InputError, Problem, json_visible, visible
from followup.services.cases import calendar_for, choose_playbook, read_case, today_for


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


def explain(
    case_file: str,
    ref: str | None,
    dirs: tuple[Path, ...],
    today: date | None,
    as_json: bool = False,
) -> None:
    """``followup explain`` (``--json``: the case, playbook, day and each line of the trace)."""
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.engine.explain import explain_case
    from followup.render.text import trace_text

    case, doc = read_case(case_file)
    cp = choose_playbook(ref, case, dirs, doc, ask="pass --playbook ID")
    day = today or today_for(case)
    entries = explain_case(cp, case, day, calendar_for(case, doc))
    if as_json:
        trace = [
            {"date": e.date.isoformat(), "kind": e.kind, "text": e.text, "details": list(e.details)}
            for e in entries
        ]
        answer = {"case": case.id, "playbook": cp.playbook.id, "today": day.isoformat()}
        click.echo(
            json_visible(json.dumps(answer | {"trace": trace}, indent=2, ensure_ascii=False))
        )
        return
    click.echo(visible(trace_text(entries, case, cp.playbook), keep="\n"), nl=False)


def _problem(p: Problem) -> dict[str, object]:
    """A problem as JSON: where, what, and what was expected."""
    return {
        "file": p.file,
        "line": p.line,
        "col": p.col,
        "message": p.message,
        "expected": p.expected or None,
        "code": p.code or None,
    }


def validate(files: tuple[str, ...], dirs: tuple[Path, ...], as_json: bool = False) -> None:
    """``followup validate``: every problem in every file, then exit 2 if there were any.

    With ``as_json`` the answer is one object on stdout (``ok``, and each file with its kind
    and problems); the problems are on stderr as well and the exit code is the same.

    Raises:
        InputError: every problem found, after naming each file that has none.
        UsageError: a playbooks folder is missing.
    """
    # lazy: each command loads only its own renderer (plan cold start)
    from followup.validate.files import validate_file

    catalog.discover(dirs)  # a missing folder is a usage error, not a problem of each file
    problems: list[Problem] = []
    checked = []
    for name in files:
        found, kind = validate_file(Path(name), dirs)
        problems += found
        checked.append({"file": name, "kind": kind, "problems": [_problem(p) for p in found]})
        if not found and not as_json:
            click.echo(f"{name}: ok ({kind})")
    if as_json:
        answer = {"ok": not problems, "files": checked}
        click.echo(json_visible(json.dumps(answer, indent=2, ensure_ascii=False)))
    if problems:  # on stderr, located, with --json too (exit 2)
        raise InputError(problems)
