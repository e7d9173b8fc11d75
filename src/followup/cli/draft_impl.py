"""``followup draft`` and ``followup calendar``: between parsing flags and printing.

The work is in `followup.drafts`; this module opens the tracker, plans and prints or writes.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, date, datetime
from pathlib import Path

import click

from followup.cli import tracker_flags as flags
from followup.drafts import ical
from followup.drafts.compose import Draft, draft_case, no_message, nothing_to_draft, passed_over
from followup.drafts.context import NOBODY, Sender
from followup.errors import FollowupError, UsageError, json_visible, visible
from followup.io.user_dirs import user_cache_dir
from followup.io.user_files import write_atomic
from followup.render.words import action_words, send_on_words, step_day, step_relative
from followup.services.cases import calendar_for, names_case_file, read_case, today_for
from followup.services.planning import playbook_for
from followup.settings import read_settings

RULE = "-" * 72


def draft(
    app: str,
    action: str | None,
    today: date | None,
    db: Path | None,
    as_json: bool,
    dirs: tuple[Path, ...],
    sender: Sender = NOBODY,
) -> None:
    """``followup draft CASE|APP [ACTION]``: the messages for the next (or the named) step
    of a case file, or of a tracked application (as ``choose`` and ``report`` take them).

    Raises:
        UsageError: no such case file or application, or ACTION names no step of its plan.
        InputError: the case file or a template has problems.
    """
    if names_case_file(app):
        case = read_case(app)[0]  # no tracker needed, nor created
    else:
        with flags.open_db(db, write=False) as store:
            case = store.case(store.resolve(app))
    cp = playbook_for(case, dirs)
    day_ = today or today_for(case)
    plan, drafts = draft_case(cp, case, day_, calendar_for(case), action, sender)
    if as_json:
        click.echo(
            json_visible(json.dumps([d.as_json() for d in drafts], indent=2, ensure_ascii=False))
        )
    elif not drafts:
        click.echo(visible(nothing_to_draft(plan, cp), keep="\n"))
    else:
        if action is None:
            for step in passed_over(plan, cp, drafts[0].due):
                click.echo(visible(f"followup: note: {no_message(step)}"), err=True)
        # A draft's lines and tabs are the message's own; anything else unseen shows escaped.
        text = f"\n{RULE}\n".join(_draft_text(d, day_) for d in drafts)
        click.echo(visible(text, keep="\n\t"), nl=False)


def sender_for(name: str | None, signature: str | None) -> Sender:
    """Who signs: the ``--name`` and ``--signature`` flags, else the settings file.

    Raises:
        InputError: the settings file is needed and has a problem (located).
    """
    found = {} if name is not None and signature is not None else read_settings()
    return Sender(
        name if name is not None else found.get("name", ""),
        signature if signature is not None else found.get("signature", ""),
    )


def _draft_text(d: Draft, today: date) -> str:
    # The step's day (or window) and how far off it is, as every view of a step writes them.
    when = f"{step_relative(d.due, d.latest, today)}{send_on_words(d.send_on)}"
    what = action_words(d.action, d.channel, d.words)
    head = f"# {what}, due {step_day(d.due, d.latest, d.at)} ({when})"
    lines = [f"{head}; rule {d.rule_id}{'; optional' if d.optional else ''}"]
    if d.to and d.layout != "call":  # a call script names who to call itself
        lines.append(f"To: {visible(d.to)}")
    if d.subject:
        lines.append(f"Subject: {visible(d.subject)}")
    if d.blanks:
        lines.append(f"# to fill in: {visible(', '.join(d.blanks))}")
    return "\n".join([*lines, "", d.body, ""])


def calendar(out: Path | None, today: date | None, db: Path | None, dirs: tuple[Path, ...]) -> None:
    """``followup calendar``: every upcoming step of every open, awake application as events.

    SEQUENCE is tracked in ``OUT.state.json`` (see `followup.drafts.ical`); without ``--out``
    the calendar goes to stdout and the state to the cache folder, one file per database.

    An application that cannot be read or planned is left out of the calendar and named on
    stderr; the others are written.

    Raises:
        InputError: the state file has problems.
        SomeAppsFailed: some applications were left out (each reported, exit 1).
    """

    if out is not None and out.is_dir():
        raise UsageError(f"--out: '{out}' is a folder; expected an .ics file to write")
    with flags.open_db(db, write=False) as store:
        db_path = store.path.resolve()
        # A closed application gets no reminders: the plan says so on the day asked about
        # (`reminders_for`), as every view decides it.
        found = store.load(include_closed=True)
    reminders: list[ical.Reminder] = []
    problems: list[tuple[str, str]] = []
    sender = sender_for(None, None)  # the drafts are signed as 'followup draft' signs them
    for stored in found:
        case, until = stored.case, stored.snoozed_until
        if case is None:
            problems.append((stored.app_id, stored.problem))
            continue
        try:
            day_ = today or today_for(case)
            if until is not None and day_ < until:
                continue  # snoozed: the same rule as 'followup today'
            cp = playbook_for(case, dirs)
            reminders += ical.reminders_for(cp, case, day_, calendar_for(case), sender)
        except FollowupError as err:  # its playbook is gone, a template failed on it
            problems.append((case.id, str(err)))
    state_file = _state_file(out, db_path)
    previous = ical.read_state(state_file)
    # An application that failed this time keeps what was published for it: its events are
    # neither cancelled nor changed until it can be planned again.
    kept = {
        uid: p
        for uid, p in previous.items()
        if any(uid.startswith(f"{app_id}.r") for app_id, _ in problems)
    }
    rest = {uid: p for uid, p in previous.items() if uid not in kept}
    current, cancelled, state = ical.sequence(reminders, rest, today or date.today())
    state |= kept
    content = ical.calendar_bytes(current, cancelled, datetime.now(UTC).replace(microsecond=0))
    if out is None:
        click.echo(content, nl=False)  # bytes: written as they are, CRLF line ends included
    else:
        try:
            write_atomic(out, content, "file to write the calendar to")
        except OSError as err:
            raise UsageError(f"--out: cannot write '{out}': {err.strerror}") from None
    try:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        ical.write_state(state_file, state)
    except OSError as err:
        click.echo(f"followup: could not save {state_file}: {err.strerror}", err=True)
    if out is not None:
        n = len(current)
        click.echo(f"{out}: {n} event{'s' if n != 1 else ''}, {len(cancelled)} cancelled")
    flags.report(problems)


def _state_file(out: Path | None, db_path: Path) -> Path:
    """Next to ``--out``; else in the cache folder, named after the database."""
    if out is not None:
        return out.with_name(out.name + ".state.json")

    tag = f"{zlib.crc32(str(db_path).encode('utf-8', 'surrogatepass')):08x}"
    return user_cache_dir() / "calendar-state" / f"{tag}.state.json"
