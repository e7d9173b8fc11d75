"""What today, list and status print: the views of the whole tracker and of one application.

The work is in `followup.services`; this module opens the store, asks and prints.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from followup.cli import tracker_flags as flags
from followup.cli import tracker_view as view
from followup.cli.tracker_impl import echo, echo_json, next_line
from followup.errors import FollowupError, InputError, visible
from followup.render.json_out import plan_json, step_full
from followup.render.text import plan_text
from followup.render.words import day, ending_words
from followup.services.planning import nothing_left, plan_for
from followup.services.today import build_queue, closed_on_the_day, last_contact
from followup.tracker.records import Entry

# -- today --------------------------------------------------------------------------------------


def today(today: date | None, db: Path | None, as_json: bool, dirs: tuple[Path, ...]) -> None:
    """``followup today``: due or overdue steps by date, then the next 7 days.

    Raises:
        SomeAppsFailed: some applications could not be read or planned (each reported on
            stderr, exit 1).
    """
    with flags.open_db(db, write=False) as store:
        queue = build_queue(store, today, dirs)
    if as_json:
        echo_json(
            {
                "today": today.isoformat() if today else None,
                "due": [view.item_json(i) for i in queue.due],
                "upcoming": [view.item_json(i) for i in queue.upcoming],
                "snoozed": [{"id": c.id, "until": u.isoformat()} for c, u in queue.snoozed],
                "closed_today": [
                    {
                        "id": c.id,
                        "company": c.company,
                        "role": c.role,
                        "outcome": p.outcome,
                        "closed_on": p.closes_on.isoformat() if p.closes_on else None,
                    }
                    for c, p in queue.closed_today
                ],
                "worth_knowing": [
                    {"id": c.id, "company": c.company, "role": c.role, "notes": list(notes)}
                    for c, notes in queue.notes
                ],
            }
        )
    else:
        shown = today or date.today()  # each application's own day when not given
        lines: list[tuple[str, str]] = [(f"Due today or overdue ({day(shown)})", "head")]
        lines += [x for i in queue.due for x in view.item_lines(i)] or [("  Nothing due.", "")]
        lines += [("", ""), ("Coming up in the next 7 days", "head")]
        lines += [x for i in queue.upcoming for x in view.item_lines(i)] or [("  Nothing.", "")]
        if queue.notes:
            lines += [("", ""), ("Worth knowing", "head")]
            lines += [x for c, notes in queue.notes for x in view.note_lines(c, notes)]
        if queue.closed_today:
            head = "Closed today by the playbook (its last step lapsed; a reply reopens it)"
            lines += [("", ""), (head, "head")]
            lines += [
                (f"  {c.id}  {view.title(c)}: {ending_words(p.outcome, c, p.today)}", "")
                for c, p in queue.closed_today
            ]
        if queue.snoozed:
            lines += [("", ""), ("Snoozed", "head")]
            lines += [(f"  {c.id} until {day(u)}", "quiet") for c, u in queue.snoozed]
        click.echo(view.paint(lines))
    flags.report(queue.problems)


# -- list, status -------------------------------------------------------------------------------


def list_apps(
    show_all: bool,
    today: date | None,
    db: Path | None,
    as_json: bool,
    dirs: tuple[Path, ...],
    archived: bool = False,
) -> None:
    """``followup list``: each application with its state, interview, last contact and next
    step (``archived``: only the archived ones, which every other view hides).

    Raises:
        SomeAppsFailed: some applications could not be read or planned (each reported on
            stderr, exit 1).
    """
    rows: list[tuple[dict[str, Any], str]] = []
    problems: list[tuple[str, str]] = []
    closed = 0  # left out without --all
    with flags.open_db(db, write=False) as store:
        # Closed or not is the plan's answer on the day asked about, as in every view.
        hidden = store.archived()
        found = store.load(include_closed=True, include_archived=archived)
    if archived:
        found = [s for s in found if s.app_id in hidden]
    for stored in found:
        case, until = stored.case, stored.snoozed_until
        if case is None:
            problems.append((stored.app_id, stored.problem))
            continue
        try:
            plan, cp = plan_for(case, today, dirs)
        except FollowupError as err:
            problems.append((case.id, str(err)))
            continue
        if not (show_all or archived) and nothing_left(plan):
            closed += 1
            continue
        contact = last_contact(case, plan.today)
        row: dict[str, Any] = {
            "id": case.id,
            "company": case.company,
            "role": case.role,
            "playbook": cp.id,
            "state": plan.state,
            "outcome": plan.outcome,
            "next": step_full(plan.next[0]) if plan.next else None,
            "snoozed_until": until.isoformat() if until and until > plan.today else None,
            "closed_on": plan.closes_on.isoformat() if plan.outcome and plan.closes_on else None,
            "interview": case.interview.isoformat(),
            "last_contact": contact.isoformat() if contact else None,
            "archived": case.id in hidden,
        }
        line = next_line(plan, case)
        if closed_on_the_day(plan):
            line = f"closed today by the playbook (its last step lapsed): {line[8:]}"
        rows.append((row, line))
    if as_json:
        echo_json([row for row, _ in rows])
    elif not rows and not problems and archived:
        echo("No archived applications.")
    elif not rows and not problems:
        more = f" ({len(hidden)} archived: 'followup list --archived')" if hidden else ""
        if closed:  # the data is there: say where, so it never looks lost
            echo(f"No open applications; {closed} closed: 'followup list --all' shows them.{more}")
        else:
            echo(f"No applications yet: 'followup add' or 'followup import' to start.{more}")
    else:
        width = max((len(row["id"]) for row, _ in rows), default=0)
        for row, line in rows:
            title = visible(" - ".join(x for x in (row["company"], row["role"]) if x))
            snoozed = f" (snoozed until {row['snoozed_until']})" if row["snoozed_until"] else ""
            echo(f"{row['id']:<{width}}  {row['state']:<11} {title}{snoozed}")
            seen = f"; last contact {row['last_contact']}" if row["last_contact"] else ""
            echo(f"{'':<{width}}  interviewed {row['interview']}{seen}")
            echo(f"{'':<{width}}  {line}")
    flags.report(problems)


def _unplannable(app_id: str, history: list[Entry]) -> None:
    """What was recorded on an application that cannot be planned, and how to set it right
    (the problem itself follows on stderr)."""
    echo("History")
    for e in history:
        echo(view.entry_line(e))
    click.echo(
        f"followup: {app_id} cannot be planned as recorded: 'followup edit {app_id}' corrects "
        f"a value, 'followup undo {app_id} N' takes back entry #N",
        err=True,
    )


def status(
    app: str, today: date | None, db: Path | None, as_json: bool, dirs: tuple[Path, ...]
) -> None:
    """``followup status``: the plan, then the whole history (retracted entries marked).

    Raises:
        UsageError: unknown or ambiguous APP, or its playbook is not found.
        InputError: what was recorded cannot be planned (the history is still shown, with how
            to set it right).
    """
    with flags.open_db(db, write=False) as store, store.reading():
        app_id = store.resolve(app)
        history = store.history(app_id)
        until = store.snoozed_until(app_id)
        try:
            case = store.case(app_id)
        except InputError:
            if not as_json:
                _unplannable(app_id, history)
            raise
    plan, cp = plan_for(case, today, dirs)
    snoozed = until if until and until > plan.today else None
    if as_json:
        echo_json(
            {
                "id": app_id,
                "company": case.company,
                "role": case.role,
                "interview": case.interview.isoformat(),
                "playbook": cp.id,
                "snoozed_until": snoozed.isoformat() if snoozed else None,
                "history": [view.entry_json(e) for e in history],
                "plan": plan_json(plan),
            }
        )
        return

    echo(plan_text(plan, case, cp.playbook), nl=False)
    if snoozed:
        echo(f"\nSnoozed until {day(snoozed)}: hidden from 'followup today'.")
    echo("\nHistory")
    echo(f"  interviewed {case.interview.isoformat()}")
    for e in history:
        echo(view.entry_line(e))
