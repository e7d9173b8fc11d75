"""``followup choose`` and ``followup switch``: the questions, the ranking, the change."""

from __future__ import annotations

import json
import sys
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from followup.analysis.choice import EMPLOYER_SAID, PERSISTENCE, Answers, Choice, defaults_from
from followup.cli.group import parse_day
from followup.errors import InputError, UsageError, json_visible, visible
from followup.render.json_out import plan_json
from followup.services import choosing
from followup.services.cases import names_case_file
from followup.tracker.store import Store

WIDTH = 88


@dataclass(frozen=True, slots=True)
class Request:
    """What ``followup choose`` was given on its command line."""

    ref: str | None
    employer_said: str | None
    decision_by: str | None
    calls: bool | None
    persistence: str | None
    apply_it: bool
    dirs: tuple[Path, ...]
    today: date | None
    db: Path | None
    as_json: bool


def _open(db: Path | None, write: bool) -> Store:
    # lazy: the tracker's flag checks live with its commands
    from followup.cli.tracker_flags import open_db

    return open_db(db, write=write, must_exist=write)  # a write changes a tracked application


def _interactive() -> bool:
    return sys.stdin.isatty()


def answers_for(req: Request, found: choosing.Subject) -> Answers:
    """The flags, else the case's own answers, else (on a terminal) what the user types.

    Raises:
        UsageError: ``--decision-by`` is not a date.
    """
    base = defaults_from(found.case)
    ask = _interactive()
    said = req.employer_said
    if said is None:
        said = base.follow_up
        if ask:
            said = click.prompt(
                "What did the employer say about following up?",
                type=click.Choice(EMPLOYER_SAID),
                default=said,
            )
    decision = parse_day(req.decision_by, "--decision-by") if req.decision_by else None
    if decision is None:
        decision = base.decision_by
        if ask and decision is None:
            typed = click.prompt(
                "When did they say they would decide? (YYYY-MM-DD, empty if they did not)",
                default="",
                show_default=False,
            ).strip()
            decision = parse_day(typed, "decision date") if typed else None
    calls = req.calls
    if calls is None:
        calls = base.may_call
        if ask:
            calls = click.confirm("Are phone calls fine with them?", default=calls)
    persistence = req.persistence
    if persistence is None:
        persistence = base.persistence
        if ask:
            persistence = click.prompt(
                "How persistent do you want to be if they stay silent?",
                type=click.Choice(tuple(PERSISTENCE)),
                default=persistence,
            )
    return Answers(str(said), decision, bool(calls), str(persistence))


def choice_json(choice: Choice) -> dict[str, Any]:
    """The ranking for scripts."""
    a = choice.answers
    return {
        "case": choice.case.id,
        "answers": {
            "employer_said": a.follow_up,
            "decision_by": a.decision_by.isoformat() if a.decision_by else None,
            "calls": a.may_call,
            "persistence": a.persistence,
        },
        "recommended": choice.best.playbook_id,
        "ranking": [
            {
                "id": r.playbook_id,
                "title": r.title,
                "score": r.score,
                "reasons": [
                    {"text": x.text, "weight": x.weight, "rule": x.rule_id, "source": x.source}
                    for x in r.reasons
                ],
                "plan": plan_json(r.plan),
            }
            for r in choice.ranked
        ],
        "disagreements": list(choice.disagreements),
    }


def choice_text(choice: Choice) -> list[str]:
    """The ranking in words, each reason with its rule and section."""
    case, a = choice.case, choice.answers
    what = " - ".join(x for x in (case.company, case.role) if x)
    what = what or (case.id if case.file else f"an interview on {case.interview.isoformat()}")
    said = {"invited": "invited a follow-up", "not_wanted": "asked you not to follow up"}
    lines = [
        f"For {what}:",
        f"  they {said.get(a.follow_up, 'said nothing about following up')}"
        + (f"; decision by {a.decision_by.isoformat()}" if a.decision_by else "")
        + f"; calls {'fine' if a.may_call else 'not asked for'}; you want to be {a.persistence}",
        "",
    ]
    for n, r in enumerate(choice.ranked, 1):
        lines.append(f"{n}. {r.playbook_id} (score {r.score}): {r.title}")
        article = next((x.source for x in r.reasons if x.source), "")
        if article:
            lines += textwrap.wrap(
                f"from {article.split(', section ')[0]}",
                WIDTH,
                initial_indent="   ",
                subsequent_indent="     ",
            )
        for x in r.reasons:
            sign = "+" if x.weight > 0 else "-" if x.weight < 0 else " "
            lines += textwrap.wrap(f"{sign} {x.text}", WIDTH, initial_indent="   ")
            section = x.source.partition(", section ")[2]
            cite = ", ".join(c for c in (f"rule {x.rule_id}" if x.rule_id else "", section) if c)
            if cite:
                lines += textwrap.wrap(
                    f"({cite})", WIDTH, initial_indent=" " * 7, subsequent_indent=" " * 8
                )
    if choice.disagreements:
        lines += ["", "Where they disagree"]
        for text in choice.disagreements:
            lines += textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    ")
    lines += ["", f"Recommended: {choice.best.playbook_id} ({choice.best.title})"]
    return lines


def choose(req: Request) -> None:
    """``followup choose``.

    Raises:
        UsageError: unknown case or application, a bad flag, or --apply without a tracked APP.
        InputError: the case file or a playbook has problems.
    """
    store = None
    if req.ref is not None and not names_case_file(req.ref):
        store = _open(req.db, write=req.apply_it)
    try:
        found = choosing.subject(req.ref, store, req.today)
        if req.apply_it and found.app_id is None:
            raise UsageError(
                "--apply: no tracked application named; expected 'followup choose APP --apply' "
                "with an id from 'followup list'"
            )
        answers = answers_for(req, found)
        choice, broken = choosing.choose(found, answers, req.dirs, req.today)
        if req.as_json:
            click.echo(json_visible(json.dumps(choice_json(choice), indent=2, ensure_ascii=False)))
        else:
            click.echo(visible("\n".join(choice_text(choice)), keep="\n"))
        if req.apply_it and store is not None and found.app_id is not None:
            best = choice.best.playbook_id
            if (found.case.playbook or "") == best:
                click.echo(f"{found.app_id} already follows {best}", err=req.as_json)
            else:
                done = choosing.switch(store, found.app_id, best, req.dirs, req.today)
                _said_switched(done, err=req.as_json)
        if broken:  # ranked what loads; the broken ones are named on stderr, and the exit is 2
            raise InputError(broken)
    finally:
        if store is not None:
            store.close()


def _said_switched(done: choosing.Switched, err: bool = False) -> None:
    click.echo(
        f"saved: {done.app_id} #{done.seq} switched from {visible(done.before)} to "
        f"{done.after}; now {done.plan.state}, "
        + (
            f"next: {done.plan.next[0].action} on {done.plan.next[0].due.isoformat()}"
            if done.plan.next
            else "nothing more to do under this playbook"
        )
        + f" (undo: followup undo {done.app_id})",
        err=err,
    )


def switch(
    app: str, ref: str, dirs: tuple[Path, ...], today: date | None, db: Path | None, as_json: bool
) -> None:
    """``followup switch``.

    Raises:
        UsageError: unknown application or playbook, or it already follows that playbook.
        InputError: the playbook file has problems.
    """
    with _open(db, write=True) as store:
        done = choosing.switch(store, app, ref, dirs, today)
    if as_json:
        body = {
            "id": done.app_id,
            "seq": done.seq,
            "from": done.before,
            "playbook": done.after,
            "plan": plan_json(done.plan),
        }
        click.echo(json_visible(json.dumps(body, indent=2, ensure_ascii=False)))
    else:
        _said_switched(done)
