"""Choosing a playbook: choose, switch, report.

Thin click wrappers; the work (`choose_impl`, `report_impl`) is imported only when one runs, and
this module is imported only for these commands, so `followup plan` never pays for them.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.analysis.choice import EMPLOYER_SAID, PERSISTENCE
from followup.cli.group import cli, json_option, parse_today, playbook_dirs, playbooks_option
from followup.cli.tracker_options import db_option, today_flag


@cli.command("choose")
@click.argument("ref", required=False, metavar="[CASE|APP]")
@click.option(
    "--employer-said",
    type=click.Choice(EMPLOYER_SAID),
    help="What they said about following up (invited, not_wanted, unspecified).",
)
@click.option("--decision-by", metavar="YYYY-MM-DD", help="When they said they would decide.")
@click.option("--calls/--no-calls", default=None, help="Whether a phone call is fine with them.")
@click.option(
    "--persistence",
    type=click.Choice(tuple(PERSISTENCE)),
    help="How persistent you want to be if they stay silent.",
)
@click.option("--apply", "apply_it", is_flag=True, help="Switch APP to the recommended playbook.")
@playbooks_option
@today_flag
@db_option
@json_option
def choose_cmd(
    ref: str | None,
    employer_said: str | None,
    decision_by: str | None,
    calls: bool | None,
    persistence: str | None,
    apply_it: bool,
    playbooks_dir: tuple[str, ...],
    today: str | None,
    db: Path | None,
    as_json: bool,
) -> None:
    """Rank the playbooks for a case or tracked application, asking what separates them.

    On a terminal it asks what is not given as a flag; otherwise it takes the flags and the
    case's own answers.  --apply moves the tracked APP to the first of the ranking.
    """
    from followup.cli import choose_impl  # lazy: --help lists commands without loading them

    choose_impl.choose(
        choose_impl.Request(
            ref=ref,
            employer_said=employer_said,
            decision_by=decision_by,
            calls=calls,
            persistence=persistence,
            apply_it=apply_it,
            dirs=playbook_dirs(playbooks_dir),
            today=parse_today(today),
            db=db,
            as_json=as_json,
        )
    )


@cli.command("switch")
@click.argument("app", metavar="APP")
@click.argument("ref", metavar="ID")
@playbooks_option
@today_flag
@db_option
@json_option
def switch_cmd(
    app: str,
    ref: str,
    playbooks_dir: tuple[str, ...],
    today: str | None,
    db: Path | None,
    as_json: bool,
) -> None:
    """Move a tracked application to another playbook (recorded in its history; undo-able)."""
    from followup.cli import choose_impl  # lazy: --help lists commands without loading them

    choose_impl.switch(app, ref, playbook_dirs(playbooks_dir), parse_today(today), db, as_json)


@cli.command("report")
@click.argument("refs", nargs=-1, metavar="[CASE|APP...]")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),  # a folder is refused by the command, in its own words
    metavar="FILE.html",
    help="Where to write the page.",
)
@click.option(
    "--persistence",
    type=click.Choice(tuple(PERSISTENCE)),
    default="steady",
    show_default=True,
    help="How persistent you want to be, for the recommendation.",
)
@playbooks_option
@today_flag
@db_option
def report_cmd(
    refs: tuple[str, ...],
    out: Path,
    persistence: str,
    playbooks_dir: tuple[str, ...],
    today: str | None,
    db: Path | None,
) -> None:
    """One HTML page to look at: each case under every playbook, or the whole tracker.

    With CASE or APP arguments: each playbook's timeline on one date axis, where they disagree,
    why, and the recommendation.  Without: every open application, due this week, overdue.
    """
    from followup.cli import report_impl  # lazy: --help lists commands without loading them

    report_impl.report(refs, out, persistence, playbook_dirs(playbooks_dir), parse_today(today), db)
