"""What edit, archive, unarchive, unsnooze and history do, between their flags and printing.

Anything reported as saved is printed only after its COMMIT has returned.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from followup.cli import tracker_flags as flags
from followup.cli import tracker_view as view
from followup.cli.tracker_impl import db_of, dirs_of, echo, echo_json, next_line, plan_saved
from followup.errors import visible
from followup.render.words import day as day_words
from followup.services import editing, recording
from followup.services.history import Line, across
from followup.services.labels import refuse_text


def edit(options: Mapping[str, Any]) -> None:
    """``followup edit``: saves the change, then prints it and where the application stands.

    Raises:
        UsageError: unknown APP, nothing to change, or a value breaks a case-file rule
            (named by its flag; nothing is saved then).
        SavedButNotPlanned: saved, but the playbook cannot be loaded to plan it.
    """
    change, labels = flags.edit_change(options)
    with flags.open_db(db_of(options), write=True, must_exist=True) as store:
        done = editing.edit(store, str(options["app"]), change, labels)
    line = editing.describe_edit({"edit": done.edit, "was": done.was})
    said = f"{done.app_id} #{done.seq} {line}"
    plan, _ = plan_saved(done.case, None, dirs_of(options), said, store)
    if options.get("as_json"):
        echo_json(
            {
                "id": done.app_id,
                "seq": done.seq,
                "edit": done.edit,
                "was": done.was,
                **view.plan_state(plan),
            }
        )
        return
    echo(f"saved: {said}")
    echo(f"{done.app_id} is {plan.state}; {next_line(plan, done.case)}")
    echo(f"('followup undo {done.app_id} {done.seq}' takes it back)")


def archive(app: str, reason: str, action: str, db: Path | None, as_json: bool) -> None:
    """``followup archive`` / ``unarchive``: one appended row hides or shows APP everywhere.

    Raises:
        UsageError: unknown APP, it is already archived (or not), or ``--reason`` is blank or
            too long.
    """
    flags.refuse_blank_text(reason, "--reason: the value", "why, for later, or no --reason")
    refuse_text(reason, {(): "--reason"})
    with flags.open_db(db, write=True, must_exist=True) as store:
        app_id, _ = recording.archive(store, app, reason, action)
    archived = action == "archive"
    if as_json:
        echo_json({"id": app_id, "archived": archived, "reason": reason if archived else None})
    elif archived:
        echo(f"saved: {app_id} is archived: hidden from every view")
        echo(f"('followup unarchive {app_id}' brings it back)")
    else:
        echo(f"saved: {app_id} is back in every view")


def unsnooze(app: str, today: date | None, db: Path | None, as_json: bool) -> None:
    """``followup unsnooze``: APP shows in ``today`` again from today.

    Raises:
        UsageError: unknown APP.
    """
    with flags.open_db(db, write=True, must_exist=True) as store:
        app_id, was = recording.unsnooze(store, app, today)
    if as_json:
        echo_json(
            {
                "id": app_id,
                "snoozed_until": None,
                "was_snoozed_until": was.isoformat() if was else None,
            }
        )
    elif was is None:
        echo(f"{app_id} was not snoozed; it shows in 'followup today'")
    else:
        echo(f"saved: {app_id} shows in 'followup today' again (snoozed until {day_words(was)})")


def history(apps: tuple[str, ...], since: date | None, db: Path | None, as_json: bool) -> None:
    """``followup history``: every recorded entry across applications, by day.

    Raises:
        UsageError: an unknown or ambiguous APP.
    """
    with flags.open_db(db, write=False) as store:
        lines = across(store, list(apps) or None, since)
    if as_json:
        echo_json(
            [
                {
                    "id": line.app_id,
                    "company": line.company,
                    "role": line.role,
                    "date": None if line.day == date.max else line.day.isoformat(),
                    "archived": line.archived,
                    **view.entry_json(line.entry),
                }
                for line in lines
            ]
        )
        flags.report(_damaged(lines), "dated")
        return
    if not lines:
        echo("Nothing recorded" + (f" since {day_words(since)}." if since else " yet."))
        return
    # One heading per day, and under it one per application (in the order its first entry of
    # the day was recorded) with all its entries of that day; --json keeps one row per entry.
    by_day: dict[date, dict[str, list[Line]]] = {}
    for line in lines:
        by_day.setdefault(line.day, {}).setdefault(line.app_id, []).append(line)
    for day_, apps_of_day in by_day.items():
        echo("Day unreadable" if day_ == date.max else day_words(day_))
        for app_lines in apps_of_day.values():
            first = app_lines[0]
            title = " - ".join(x for x in (first.company, first.role) if x)
            mark = " (archived)" if first.archived else ""
            echo(f"  {first.app_id}{mark}  {visible(title)}")
            for line in app_lines:
                entry = view.entry_line(line.entry)
                echo("  " + entry.replace(f"{line.entry.recorded_at[:10]} ", "", 1))
    flags.report(_damaged(lines), "dated")


def _damaged(lines: list[Line]) -> list[tuple[str, str]]:
    """The entries whose stored day cannot be read, for `flags.report` (exit 1 after all)."""
    by_app: dict[str, list[str]] = {}
    for line in lines:
        if line.problem:
            by_app.setdefault(line.app_id, []).append(line.problem)
    return [(app_id, " / ".join(problems)) for app_id, problems in by_app.items()]
