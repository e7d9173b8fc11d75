"""The job seeker's daily tool: add, log, undo, today, list, status, snooze, close, reopen,
import, export, draft, calendar, doctor.

Thin click wrappers over ``followup.cli.tracker_impl`` and ``followup.cli.draft_impl``; the
SQLite store lives in ``followup.tracker``.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli.group import (
    FileHintCommand,
    SuggestingChoice,
    cli,
    json_option,
    parse_today,
    playbook_dirs,
    playbooks_option,
)
from followup.cli.tracker_options import (
    CLOSINGS,
    PERSON_FORM,
    db_option,
    employer_options,
    today_flag,
)
from followup.language.case_format import EVENT
from followup.model.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    REPLY_OUTCOMES,
)


class _AddCommand(FileHintCommand):
    file_hint = (
        "is a file, and add takes an application's details as options (--company, --role, "
        "--interviewed, ...); expected 'followup import FILE' to track a case file"
    )


@cli.command("add", cls=_AddCommand)
@click.option("--company", required=True, help="The employer.")
@click.option("--role", required=True, help="The job you interviewed for.")
@click.option(
    "--interviewed",
    required=True,
    metavar="YYYY-MM-DD[THH:MM]",
    help="The interview date, and its time if you know it (in the case's timezone).",
)
@click.option("--playbook", "playbook_ref", metavar="ID", help="The coaching playbook to follow.")
@employer_options
@click.option("--may-call", is_flag=True, help="They said calling is fine.")
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar=PERSON_FORM,
    help="Someone who interviewed you (repeatable).",
)
@click.option(
    "--recruiter",
    "recruiters",
    multiple=True,
    metavar=PERSON_FORM,
    help="A recruiter you deal with (repeatable).",
)
@click.option(
    "--country",
    metavar="CC",
    help="Country (US) or country and subdivision (GB-ENG) whose weekend and holidays to skip.",
)
@click.option("--timezone", metavar="TZ", help="IANA time zone, e.g. Europe/Berlin.")
@click.option(
    "--allow-duplicate",
    is_flag=True,
    help="Add it even if the same company, role and interview date are tracked already.",
)
@db_option
@json_option
@playbooks_option
def add_cmd(**options: object) -> None:
    """Start tracking an application; prints its short id."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.add(options)


def _key_help(key: str) -> str:
    """What an event's key means, as the case format says (the flag is that key)."""
    return next(f.description for f in EVENT.fields if f.name == key)


@cli.command("log", epilog="EVENT is one of: " + ", ".join(EVENT_TYPES) + ".")
@click.argument("app", metavar="APP")
@click.argument("event", type=SuggestingChoice(EVENT_TYPES), metavar="EVENT")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="When it happened (default today).")
@click.option("--channel", type=SuggestingChoice(CHANNELS), help=_key_help("channel"))
@click.option("--outcome", type=SuggestingChoice(REPLY_OUTCOMES), help=_key_help("outcome"))
@click.option("--decision-by", metavar="YYYY-MM-DD", help=_key_help("decision_by"))
@click.option("--deadline", metavar="YYYY-MM-DD", help=_key_help("deadline"))
@click.option("--due", metavar="YYYY-MM-DD", help=_key_help("due"))
@click.option("--interview", metavar="YYYY-MM-DD[THH:MM]", help=_key_help("interview"))
@click.option("--note", help=_key_help("note"))
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar=PERSON_FORM,
    help="Who interviews you in the next round, with --outcome next_round (repeatable).",
)
@click.option(
    "--today", metavar="YYYY-MM-DD", help="The day it is (default today): no event after it."
)
@db_option
@json_option
@playbooks_option
def log_cmd(**options: object) -> None:
    """Record what happened on an application (APP: its id or a prefix of the company)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.log(options)


@cli.command("undo")
@click.argument("app", metavar="APP")
@click.argument("entry", required=False, metavar="[#N]")
@today_flag
@db_option
@json_option
@playbooks_option
def undo_cmd(
    app: str,
    entry: str | None,
    today: str | None,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Retract the last entry recorded on APP, or entry #N as 'status' numbers it (an event or
    an edit; history keeps both, the plan forgets it)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.undo(app, entry, db, as_json, playbooks_dir, parse_today(today))


@cli.command("today")
@today_flag
@db_option
@json_option
@playbooks_option
def today_cmd(
    today: str | None, db: Path | None, as_json: bool, playbooks_dir: tuple[str, ...]
) -> None:
    """Everything due today or overdue, then what comes up in the next 7 days."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import review_impl

    review_impl.today(parse_today(today), db, as_json, playbook_dirs(playbooks_dir))


@cli.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include closed applications.")
@click.option("--archived", is_flag=True, help="Only the archived applications (hidden elsewhere).")
@today_flag
@db_option
@json_option
@playbooks_option
def list_cmd(
    show_all: bool,
    archived: bool,
    today: str | None,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Your applications: state, interview, last contact and next step."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import review_impl

    dirs = playbook_dirs(playbooks_dir)
    review_impl.list_apps(show_all, parse_today(today), db, as_json, dirs, archived)


@cli.command("status")
@click.argument("app", metavar="APP")
@today_flag
@db_option
@json_option
@playbooks_option
def status_cmd(
    app: str, today: str | None, db: Path | None, as_json: bool, playbooks_dir: tuple[str, ...]
) -> None:
    """One application: its history, state and plan."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import review_impl

    review_impl.status(app, parse_today(today), db, as_json, playbook_dirs(playbooks_dir))


@cli.command("snooze")
@click.argument("app", metavar="APP")
@click.option("--until", required=True, metavar="YYYY-MM-DD", help="Hide it until this day.")
@today_flag
@db_option
@json_option
def snooze_cmd(app: str, until: str, today: str | None, db: Path | None, as_json: bool) -> None:
    """Keep APP out of 'today' until a date ('unsnooze' shows it again)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.snooze(app, until, db, as_json, parse_today(today))


@cli.command("close")
@click.argument("app", metavar="APP")
@click.option(
    "--as",
    "outcome",
    type=SuggestingChoice(CLOSINGS),
    default="withdrew",
    show_default=True,
    help="How it ended.",
)
@click.option("--date", "day", metavar="YYYY-MM-DD", help="When (default today).")
@today_flag
@db_option
@json_option
@playbooks_option
def close_cmd(
    app: str,
    outcome: str,
    day: str | None,
    today: str | None,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Close APP (recorded as an event, so it can be reopened)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.close(app, outcome, day, db, parse_today(today), as_json, playbooks_dir)


@cli.command("reopen")
@click.argument("app", metavar="APP")
@today_flag
@db_option
@json_option
@playbooks_option
def reopen_cmd(
    app: str, today: str | None, db: Path | None, as_json: bool, playbooks_dir: tuple[str, ...]
) -> None:
    """Reopen APP after a close (retracts the closing event)."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.reopen(app, db, as_json, playbooks_dir, parse_today(today))


@cli.command("import")
@click.argument("files", nargs=-1, required=True, metavar="CASE...")
@today_flag
@click.option(
    "--allow-duplicate",
    is_flag=True,
    help="Import a file even if the same company, role and interview date are tracked already.",
)
@db_option
@json_option
@playbooks_option
def import_cmd(
    files: tuple[str, ...],
    today: str | None,
    allow_duplicate: bool,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Add case files (YAML) to the tracker; every problem is reported before anything is saved."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.import_cases(
        files, db, parse_today(today), allow_duplicate, as_json, playbooks_dir
    )


@cli.command("export")
@click.argument("apps", nargs=-1, metavar="[APP...]")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one case file per application here (default: print YAML).",
)
@db_option
def export_cmd(apps: tuple[str, ...], out_dir: Path | None, db: Path | None) -> None:
    """Applications as case files; importing them again loses nothing."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import tracker_impl

    tracker_impl.export(apps, out_dir, db)


@cli.command("draft")
@click.argument("app", metavar="CASE|APP")
@click.argument("action", required=False, metavar="[ACTION]")
@today_flag
@click.option("--name", metavar="NAME", help="Sign as NAME (default: `followup config`).")
@click.option(
    "--signature", metavar="TEXT", help="End with TEXT after the sign-off (default: the config)."
)
@db_option
@json_option
@playbooks_option
def draft_cmd(
    app: str,
    action: str | None,
    today: str | None,
    name: str | None,
    signature: str | None,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """The message for the next step of a case file or tracked APP (or ACTION: a kind or rule
    id), from the playbook."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import draft_impl

    signer = draft_impl.sender_for(name, signature)
    dirs = playbook_dirs(playbooks_dir)
    draft_impl.draft(app, action, parse_today(today), db, as_json, dirs, signer)


@cli.command("calendar")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),  # a folder is refused by the command, in its own words
    metavar="FILE.ics",
    help="The .ics file.",
)
@today_flag
@db_option
@playbooks_option
def calendar_cmd(
    out: Path | None, today: str | None, db: Path | None, playbooks_dir: tuple[str, ...]
) -> None:
    """Upcoming steps as an iCalendar file; re-importing updates events instead of duplicating."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import draft_impl

    draft_impl.calendar(out, parse_today(today), db, playbook_dirs(playbooks_dir))


@cli.command("doctor")
@click.option(
    "--repair",
    is_flag=True,
    help="Restore dropped safeguards and archive applications that cannot be replayed "
    "(only adds rows; nothing is deleted or rewritten).",
)
@today_flag
@db_option
@json_option
@playbooks_option
def doctor_cmd(
    repair: bool,
    today: str | None,
    db: Path | None,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Check the tracker: the file, its schema, its safeguards, every application."""
    # lazy: a command loads its implementation only when it runs
    from followup.cli import doctor_impl

    doctor_impl.run(repair, parse_today(today), db, as_json, playbook_dirs(playbooks_dir))
