"""The engine's commands: playbooks, plan, explain, compare, agenda, show, validate.

Each is a thin click wrapper; the work is imported only when the command runs.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli.group import (
    cli,
    json_option,
    parse_today,
    playbook_dirs,
    playbooks_option,
    today_option,
    yaml_files,
)
from followup.errors import UsageError


@cli.command("playbooks")
@playbooks_option
@json_option
def playbooks_cmd(playbooks_dir: tuple[str, ...], as_json: bool) -> None:
    """The playbooks (bundled and yours) side by side: how each behaves, run on standard cases."""
    from followup.cli import playbooks_impl  # lazy: --help lists commands without loading them

    playbooks_impl.list_playbooks(playbook_dirs(playbooks_dir), as_json)


@cli.command("plan")
@click.argument("case_file", metavar="CASE")
@click.option("--playbook", "playbook_ref", metavar="ID|PATH", help="Playbook id or file.")
@playbooks_option
@today_option
@json_option
def plan_cmd(
    case_file: str,
    playbook_ref: str | None,
    playbooks_dir: tuple[str, ...],
    today: str | None,
    as_json: bool,
) -> None:
    """Where CASE stands, what to do next, when, how, why, and what to avoid."""
    from followup.cli import commands  # lazy: --help lists commands without loading them

    commands.plan(
        case_file, playbook_ref, playbook_dirs(playbooks_dir), parse_today(today), as_json
    )


@cli.command("explain")
@click.argument("case_file", metavar="CASE")
@click.option("--playbook", "playbook_ref", metavar="ID|PATH", help="Playbook id or file.")
@playbooks_option
@today_option
@json_option
def explain_cmd(
    case_file: str,
    playbook_ref: str | None,
    playbooks_dir: tuple[str, ...],
    today: str | None,
    as_json: bool,
) -> None:
    """Replay CASE step by step: events, timers, moves, and every rule considered."""
    from followup.cli import commands  # lazy: --help lists commands without loading them

    dirs = playbook_dirs(playbooks_dir)
    commands.explain(case_file, playbook_ref, dirs, parse_today(today), as_json)


@cli.command("agenda")
@click.argument("cases", metavar="CASES")
@click.option("--today", required=True, metavar="YYYY-MM-DD", help="The day to answer for.")
@click.option("--playbook", "playbook_ref", metavar="ID|PATH", help="Use this playbook for all.")
@playbooks_option
@json_option
@click.option(
    "--jobs",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    metavar="N",
    help="Plan with N processes (output stays in input order).",
)
def agenda_cmd(
    cases: str,
    today: str,
    playbook_ref: str | None,
    playbooks_dir: tuple[str, ...],
    as_json: bool,
    jobs: int,
) -> None:
    """The next step of every case in CASES (a JSON Lines file, a folder of case files, or one)."""
    from followup.cli import agenda  # lazy: --help lists commands without loading them

    if not cases:  # Path("") would be the current folder, taken as a batch of case files
        raise UsageError("CASES: an empty path; expected a JSON Lines file or a folder")
    parsed = parse_today(today)
    assert parsed is not None
    dirs = playbook_dirs(playbooks_dir)
    agenda.run_agenda(Path(cases), parsed, playbook_ref, dirs, as_json, jobs)


@cli.command("show")
@click.argument("ref", metavar="ID|PATH")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "mermaid", "dot", "table"]),
    default="text",
    show_default=True,
    help="Plain words, or the state machine as a Mermaid or Graphviz diagram or a table.",
)
@playbooks_option
def show_cmd(ref: str, fmt: str, playbooks_dir: tuple[str, ...]) -> None:
    """Explain a playbook step by step, with timings, don'ts and citations."""
    from followup.cli import commands  # lazy: --help lists commands without loading them

    commands.show(ref, fmt, playbook_dirs(playbooks_dir))


@cli.command("compare")
@click.argument("case_file", metavar="CASE")
@click.option(
    "--playbooks",
    "playbooks_arg",
    multiple=True,
    metavar="A,B,...|DIR",
    help="Which playbooks to compare (comma-separated ids; default all). "
    "A folder adds your own playbooks.",
)
@today_option
@json_option
def compare_cmd(
    case_file: str, playbooks_arg: tuple[str, ...], today: str | None, as_json: bool
) -> None:
    """The same case under several playbooks, side by side, and where they disagree."""
    from followup.cli import commands  # lazy: --help lists commands without loading them

    dirs = tuple(Path(v) for v in playbooks_arg if Path(v).is_dir())
    ids = [i.strip() for v in playbooks_arg if not Path(v).is_dir() for i in v.split(",")]
    commands.compare(
        case_file, [i for i in ids if i], dirs or playbook_dirs(()), parse_today(today), as_json
    )


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@playbooks_option
@json_option
def validate_cmd(files: tuple[str, ...], playbooks_dir: tuple[str, ...], as_json: bool) -> None:
    """Check playbooks and case files; print every problem as file:line:col."""
    from followup.cli import commands  # lazy: --help lists commands without loading them

    commands.validate(yaml_files(files), playbook_dirs(playbooks_dir), as_json)
