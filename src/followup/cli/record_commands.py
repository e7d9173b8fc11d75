"""Correcting and reviewing the tracker: edit, archive, unarchive, unsnooze, history.

Thin click wrappers over ``followup.cli.record_impl``; what they do is in ``followup.services``.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli.group import SuggestingChoice, cli, json_option, parse_day, playbooks_option
from followup.cli.tracker_options import PERSON_FORM, db_option, employer_options, today_flag

# What `edit --clear` may remove (`tracker_flags.CLEARABLE` says where each one is).
CLEAR_KEYS = (
    "country",
    "timezone",
    "notes",
    "interviewers",
    "recruiters",
    "decision_by",
    "decision_in",
    "follow_up",
    "follow_up_after",
    "channel",
    "may_call",
    "main_line",
)


@cli.command("edit")
@click.argument("app", metavar="APP")
@click.option("--company", help="The employer's name.")
@click.option("--role", help="The job you interviewed for.")
@click.option(
    "--interviewed",
    metavar="YYYY-MM-DD[THH:MM]",
    help="The interview date, and its time if you know it (in the case's timezone).",
)
@click.option("--country", metavar="CC", help="Country (US) or country and subdivision (GB-ENG).")
@click.option("--timezone", metavar="TZ", help="IANA time zone, e.g. Europe/Berlin.")
@click.option("--notes", metavar="TEXT", help="Replace your notes with TEXT.")
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar=PERSON_FORM,
    help="Replace the interviewers with these (repeatable).",
)
@click.option(
    "--add-interviewer",
    "add_interviewers",
    multiple=True,
    metavar=PERSON_FORM,
    help="Add an interviewer, e.g. of the second round (repeatable).",
)
@click.option(
    "--recruiter",
    "recruiters",
    multiple=True,
    metavar=PERSON_FORM,
    help="Replace the recruiters with these (repeatable).",
)
@click.option(
    "--add-recruiter",
    "add_recruiters",
    multiple=True,
    metavar=PERSON_FORM,
    help="Add a recruiter (repeatable).",
)
@employer_options
@click.option("--may-call/--may-not-call", default=None, help="Whether they said calling is fine.")
@click.option(
    "--clear",
    multiple=True,
    type=SuggestingChoice(CLEAR_KEYS),
    help="Remove what was recorded for this (repeatable).",
)
@db_option
@json_option
@playbooks_option
def edit_cmd(**options: object) -> None:
    """Correct what the tracker knows about APP; the change is kept in its history (undoable)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import record_impl

    record_impl.edit(options)


@cli.command("archive")
@click.argument("app", metavar="APP")
@click.option("--reason", default="archived by you", show_default=True, help="Why, for later.")
@db_option
@json_option
def archive_cmd(app: str, reason: str, db: Path | None, as_json: bool) -> None:
    """Hide APP from every view without deleting anything ('unarchive' brings it back)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import record_impl

    record_impl.archive(app, reason, "archive", db, as_json)


@cli.command("unarchive")
@click.argument("app", metavar="APP")
@db_option
@json_option
def unarchive_cmd(app: str, db: Path | None, as_json: bool) -> None:
    """Show an archived APP again (recorded as a new row; the archiving stays in history)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import record_impl

    record_impl.archive(app, "unarchived by you", "unarchive", db, as_json)


@cli.command("unsnooze")
@click.argument("app", metavar="APP")
@today_flag
@db_option
@json_option
def unsnooze_cmd(app: str, today: str | None, db: Path | None, as_json: bool) -> None:
    """Show APP in 'today' again before its snooze ends."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import record_impl

    day = parse_day(today, "--today") if today else None
    record_impl.unsnooze(app, day, db, as_json)


@cli.command("history")
@click.argument("apps", nargs=-1, metavar="[APP...]")
@click.option("--since", metavar="YYYY-MM-DD", help="Only what happened on or after this day.")
@db_option
@json_option
def history_cmd(apps: tuple[str, ...], since: str | None, db: Path | None, as_json: bool) -> None:
    """What you recorded, across applications, by date ("what did I do this week")."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import record_impl

    day = parse_day(since, "--since") if since else None
    record_impl.history(apps, day, db, as_json)
