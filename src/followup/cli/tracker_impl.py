"""What the tracker commands do, between parsing flags and printing.

The work is in `followup.tracker`; this module opens the store, calls it and prints.  Anything
reported as saved is printed only after its COMMIT has returned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from followup.cli import tracker_flags as flags
from followup.cli import tracker_view as view
from followup.cli.group import parse_day, parse_today, playbook_dirs
from followup.compile.machine import CompiledPlaybook
from followup.engine.result import Plan
from followup.errors import FollowupError, InputError, UsageError, json_visible, visible
from followup.model.case import Case
from followup.render.json_out import step_full
from followup.render.words import (
    action_words,
    day,
    ending_words,
    send_on_words,
    step_day,
    step_relative,
)
from followup.semantics.meaning import EVENTS, REPLIES
from followup.services import adding, exchange, recording
from followup.services.planning import plan_for
from followup.tracker.store import Store


def echo_json(value: object) -> None:
    click.echo(json_visible(json.dumps(value, indent=2, ensure_ascii=False)))


def echo(text: str = "", nl: bool = True) -> None:
    """Print a block for the terminal: whatever a user or coach wrote in it shows escaped
    (single-line values are escaped again where they are put in, newlines included)."""
    click.echo(visible(text, keep="\n"), nl=nl)


def env_dirs(playbooks: Sequence[str] = ()) -> tuple[Path, ...]:
    """Playbook folders: the ``--playbooks`` given, else the same defaults as the rest."""
    return playbook_dirs(playbooks)


def dirs_of(options: Mapping[str, Any]) -> tuple[Path, ...]:
    """Playbook folders from a command's options (its ``--playbooks``, if it has them)."""
    return env_dirs(options.get("playbooks_dir") or ())


def db_of(options: Mapping[str, Any]) -> Path | None:
    db = options.get("db")
    return db if isinstance(db, Path) else None


class SavedButNotPlanned(FollowupError):
    """A command saved something, then could not plan the application (its playbook is gone
    or broken).  The message says first what was saved, to which application and in which
    tracker, so nobody records it again; then why there is no plan."""

    def __init__(self, saved: str, store: Store, err: UsageError | InputError) -> None:
        self.exit_code = err.exit_code
        why = str(err) if isinstance(err, InputError) else f"followup: {err}"
        super().__init__(
            f"followup: saved: {saved} in the tracker at {store.path}; it is kept, so do not run "
            f"the command again for it; there is no plan until its playbook loads:\n{why}"
        )


def plan_saved(
    case: Case, today: date | None, dirs: tuple[Path, ...], saved: str, store: Store
) -> tuple[Plan, CompiledPlaybook]:
    """`plan_for`, after ``saved`` (what was just committed, in words) is in ``store``.

    Raises:
        SavedButNotPlanned: the playbook cannot be found or loaded (exit code 2, as its error).
    """
    try:
        return plan_for(case, today, dirs)
    except (UsageError, InputError) as err:
        raise SavedButNotPlanned(saved, store, err) from None


def next_line(plan: Plan, case: Case) -> str:
    if plan.outcome:
        return f"closed: {ending_words(plan.outcome, case, plan.today)}"
    if not plan.next:
        return "nothing more to do under this playbook"
    step = plan.next[0]
    when = step_day(step.due, step.latest, step.at)
    rel = step_relative(step.due, step.latest, plan.today) + send_on_words(step.send_on)
    return f"next: {when} ({rel}): " + action_words(step.action, step.channel, step.words)


def add(options: Mapping[str, Any]) -> None:
    """``followup add``: prints the new id (with ``--json``: the application and its plan).

    Raises:
        UsageError: a flag breaks a case-file rule, the playbook or country is unknown, or it
            looks like an application already tracked (without ``--allow-duplicate``).
        StoreError: the database could not be written.
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    data, labels = flags.application_data(options, dirs_of(options))
    adding.check_new(data, labels)  # all of it, before a file is made or opened
    with flags.open_db(db_of(options), write=True) as store:
        try:
            app_id = adding.add(store, data, labels, bool(options.get("allow_duplicate")))
        except adding.LikelyDuplicate as err:
            raise UsageError(flags.duplicate_message(err)) from None
        case = store.case(app_id)
    if options.get("as_json"):
        plan, cp = plan_saved(case, None, dirs_of(options), f"{app_id} (new)", store)
        echo_json(view.app_json(case, cp.id) | view.plan_state(plan))
    else:
        echo(app_id)


def log(options: Mapping[str, Any]) -> None:
    """``followup log``: saves the event, then prints it and the new next step.

    Raises:
        UsageError: unknown or ambiguous APP, or the event breaks a case-file rule (nothing
            is saved then).
        StoreError: the database could not be written.
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    values = {k: options.get(k) for k in flags.LOG_FLAGS} | {"date": options.get("day")}
    # A next round's people, each as a case file's person mapping (none: the key is left out).
    people = values.pop("interviewers", None) or ()
    if people:
        values["interviewers"] = [flags.interviewer(t) for t in people]
    today_ = parse_today(options.get("today"))
    with flags.open_db(db_of(options), write=True, must_exist=True) as store:
        app, event = str(options["app"]), str(options["event"])
        saved = recording.log(store, app, event, values, flags.LOG_NAMES, today_)
        others = recording.accepted_elsewhere(store, saved) if event == "accepted" else []
    said = f"{saved.app_id} #{saved.seq} {recording.describe(saved.data)}"
    if not options.get("as_json"):
        echo(f"saved: {said}")
        if event == "committed" and not values.get("due"):
            day = saved.data.get("date")
            click.echo(
                f"followup: no --due: the promise is for {day}, the day you made it; to promise "
                f"a later day, 'followup undo {saved.app_id}' and log it again with --due DATE",
                err=True,
            )
        for other in others:
            echo(
                f"also saved on {other}: you accepted a job elsewhere; its plan now asks you to "
                f"withdraw politely ('followup draft {other}' writes the note)"
            )
    plan, _ = plan_saved(saved.case, today_, dirs_of(options), said, store)
    if options.get("as_json"):
        echo_json(
            {
                "id": saved.app_id,
                "seq": saved.seq,
                "event": saved.data,
                "state": plan.state,
                "outcome": plan.outcome,
                "next": [step_full(s) for s in plan.next],
                "withdraw_from": others,
            }
        )
    else:
        echo(f"{saved.app_id} is {plan.state}; {next_line(plan, saved.case)}")


def undo(
    app: str,
    entry: str | None,
    db: Path | None,
    as_json: bool,
    playbooks: Sequence[str] = (),
    today: date | None = None,
) -> None:
    """``followup undo``: retracts the latest entry that counts, or the one numbered ENTRY.

    Raises:
        UsageError: unknown APP, a bad ENTRY, or nothing left to retract.
        StoreError: the database could not be written.
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    seq = flags.entry_number(entry)
    with flags.open_db(db, write=True, must_exist=True) as store:
        done = recording.undo(store, app, seq, "ENTRY")
    said = f"{done.app_id} #{done.seq} retracts #{done.entry.seq}"
    plan, _ = plan_saved(done.case, today, env_dirs(playbooks), said, store)
    if as_json:
        echo_json(
            {
                "id": done.app_id,
                "seq": done.seq,
                "retracts": done.entry.seq,
                # As status shows it from now on: retracted by the entry just saved.
                "retracted": view.entry_json(replace(done.entry, retracted_by=done.seq)),
                **view.plan_state(plan),
            }
        )
        return
    echo(
        f"saved: {done.app_id} #{done.seq} retracts #{done.entry.seq} "
        f"({recording.describe(done.entry.data)})"
    )
    echo(f"{done.app_id} is {plan.state}; {next_line(plan, done.case)}")


# -- snooze, close, reopen ----------------------------------------------------------------------


def snooze(
    app: str, until: str, db: Path | None, as_json: bool = False, today: date | None = None
) -> None:
    """``followup snooze``: hides APP from ``today`` until a date.

    Raises:
        UsageError: unknown APP, or a bad ``--until`` or one before today.
    """
    with flags.open_db(db, write=True, must_exist=True) as store:
        app_id, day_ = recording.snooze(store, app, parse_day(until, "--until"), today, "--until")
    if as_json:
        echo_json({"id": app_id, "snoozed_until": day_.isoformat()})
    else:
        echo(
            f"saved: {app_id} is hidden from 'followup today' until {day(day_)}, "
            "when it shows again"
        )


def close(
    app: str,
    outcome: str,
    day_: str | None,
    db: Path | None,
    today: date | None = None,
    as_json: bool = False,
    playbooks: Sequence[str] = (),
) -> None:
    """``followup close``: records how it ended as an event.

    Raises:
        UsageError: unknown APP, already closed, or a bad ``--date``.
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    with flags.open_db(db, write=True, must_exist=True) as store:
        saved = recording.close(store, app, outcome, day_, flags.CLOSE_NAMES, today)
    if as_json:
        said = f"{saved.app_id} #{saved.seq} {recording.describe(saved.data)}"
        plan, _ = plan_saved(saved.case, today, env_dirs(playbooks), said, store)
        echo_json(
            {"id": saved.app_id, "seq": saved.seq, "event": saved.data, **view.plan_state(plan)}
        )
        return
    echo(f"saved: {saved.app_id} #{saved.seq} {recording.describe(saved.data)}")
    ended = (EVENTS.get(outcome) or REPLIES[outcome]).closes_as  # `close --as` is one of either
    echo(f"{saved.app_id} is closed: {ending_words(ended, saved.case)}")


def reopen(
    app: str,
    db: Path | None,
    as_json: bool = False,
    playbooks: Sequence[str] = (),
    today: date | None = None,
) -> None:
    """``followup reopen``: retracts the recorded close, or explains why there is none.

    Raises:
        UsageError: unknown APP, or no recorded event closed it (the message says what to do).
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    with flags.open_db(db, write=True, must_exist=True) as store:
        app_id, done = recording.reopen(store, app)
        case = store.case(app_id)
    if done:
        said = ", ".join(f"{app_id} #{r.seq} retracts #{r.entry.seq}" for r in done)
        plan, _ = plan_saved(done[-1].case, today, env_dirs(playbooks), said, store)
        if as_json:
            echo_json(
                {
                    "id": app_id,
                    "retracted": [
                        {
                            "seq": r.seq,
                            "retracts": r.entry.seq,
                            **view.entry_json(replace(r.entry, retracted_by=r.seq)),
                        }
                        for r in done
                    ],
                    **view.plan_state(plan),
                }
            )
            return
        for r in done:
            echo(
                f"saved: {app_id} #{r.seq} retracts #{r.entry.seq} "
                f"({recording.describe(r.entry.data)})"
            )
        echo(f"{app_id} is {plan.state}; {next_line(plan, done[-1].case)}")
        return
    plan, _ = plan_for(case, None, env_dirs(playbooks))
    if plan.outcome == "moved_on":
        on = f" on {plan.closes_on.isoformat()}" if plan.closes_on else ""
        raise UsageError(
            f"{app_id}: nothing you recorded closed it: the playbook moved on{on}, so there is "
            f"nothing to retract; log what happened instead, e.g. "
            f"'followup log {app_id} reply --outcome still_deciding'"
        )
    raise UsageError(f"{app_id}: not closed (it is {plan.state}); nothing to reopen")


# -- import, export -----------------------------------------------------------------------------


def import_cases(
    files: tuple[str, ...],
    db: Path | None,
    today: date | None = None,
    allow_duplicates: bool = False,
    as_json: bool = False,
    playbooks: Sequence[str] = (),
) -> None:
    """``followup import``: every file checked first; all saved in one transaction.

    Raises:
        InputError: every problem in every file, located; nothing is saved then.
        UsageError: a file looks like an application already tracked (without
            ``--allow-duplicate``); nothing is saved then.
    """
    incoming = exchange.read_case_files(files, env_dirs(playbooks), today)
    with flags.open_db(db, write=True) as store:
        try:
            stored = exchange.import_cases(store, incoming, allow_duplicates)
        except adding.LikelyDuplicate as err:
            raise UsageError(flags.duplicate_message(err)) from None
    if as_json:
        echo_json(
            {
                "imported": [
                    {"file": item.file, "id": app_id, "id_in_file": item.case.id}
                    for item, app_id in stored
                ]
            }
        )
        return
    for item, app_id in stored:
        if app_id == item.case.id:
            echo(f"saved: {visible(item.file)} as {app_id}")
        else:
            echo(f"saved: {visible(item.file)} as {app_id} (the id '{item.case.id}' was taken)")


def export(apps_: tuple[str, ...], out_dir: Path | None, db: Path | None) -> None:
    """``followup export``: one case file per application, into ``--out`` or on stdout.

    Raises:
        UsageError: unknown APP, or ``--out`` cannot be written.
        SomeAppsFailed: some applications could not be exported (each reported, exit 1).
    """
    with flags.open_db(db, write=False) as store:
        # Archived applications (set aside by 'followup doctor --repair') only when named.
        archived = store.archived()
        ids = [store.resolve(a) for a in apps_] if apps_ else store.ids()
        ids = ids if apps_ else [i for i in ids if i not in archived]
        texts, problems = exchange.export_cases(store, list(dict.fromkeys(ids)))
    if out_dir is None:
        # YAML, not a rendering: `dump_case` writes what a terminal should not see as escapes.
        click.echo("---\n".join(texts.values()), nl=False)
        flags.report(problems, "exported")
        return
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for app_id, text in texts.items():
            target = out_dir / f"{app_id}.yaml"
            partial = target.with_suffix(".yaml.partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(target)
            echo(f"wrote {visible(str(target))}")
    except OSError as err:
        raise UsageError(f"--out: cannot write to '{out_dir}': {err.strerror}") from None
    flags.report(problems, "exported")
