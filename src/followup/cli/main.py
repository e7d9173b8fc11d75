"""The ``followup`` command line.

Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.  Every error is one line per problem
on stderr, never a traceback.  Heavy modules are imported inside the command that needs them, so
``followup plan`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from followup import __version__
from followup.errors import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, FollowupError, UsageError

PLAYBOOKS_ENV = "FOLLOWUP_PLAYBOOKS"


def parse_today(value: str | None) -> date | None:
    """``--today`` as a date.

    Raises:
        UsageError: not a real YYYY-MM-DD date.
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"--today: '{value}' is not a date; expected a real date written YYYY-MM-DD"
        ) from None


def playbook_dirs(values: Sequence[str]) -> tuple[Path, ...]:
    """Folders of coaches' playbooks: ``--playbooks`` flags, else ``$FOLLOWUP_PLAYBOOKS``."""
    import os

    if values:
        return tuple(Path(v) for v in values)
    env = os.environ.get(PLAYBOOKS_ENV, "")
    return tuple(Path(p) for p in env.split(os.pathsep) if p)


playbooks_option = click.option(
    "--playbooks",
    "playbooks_dir",
    multiple=True,
    metavar="DIR",
    help=f"A folder of your own playbooks (repeatable; default ${PLAYBOOKS_ENV}).",
)
today_option = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The day to answer for (default: today where the case is).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="followup")
def cli() -> None:
    """What to do after a job interview, and when, without becoming a pest."""


@cli.command("playbooks")
@playbooks_option
@json_option
def playbooks_cmd(playbooks_dir: tuple[str, ...], as_json: bool) -> None:
    """List the bundled playbooks (and yours) with their sources."""
    from followup.cli import commands

    commands.list_playbooks(playbook_dirs(playbooks_dir), as_json)


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
    from followup.cli import commands

    commands.plan(
        case_file, playbook_ref, playbook_dirs(playbooks_dir), parse_today(today), as_json
    )


@cli.command("explain")
@click.argument("case_file", metavar="CASE")
@click.option("--playbook", "playbook_ref", metavar="ID|PATH", help="Playbook id or file.")
@playbooks_option
@today_option
def explain_cmd(
    case_file: str, playbook_ref: str | None, playbooks_dir: tuple[str, ...], today: str | None
) -> None:
    """Replay CASE step by step: events, timers, moves, and every rule considered."""
    from followup.cli import commands

    commands.explain(case_file, playbook_ref, playbook_dirs(playbooks_dir), parse_today(today))


@cli.command("agenda")
@click.argument("cases", metavar="CASES")
@click.option("--today", required=True, metavar="YYYY-MM-DD", help="The day to answer for.")
@click.option("--playbook", "playbook_ref", metavar="ID|PATH", help="Use this playbook for all.")
@playbooks_option
@json_option
def agenda_cmd(
    cases: str,
    today: str,
    playbook_ref: str | None,
    playbooks_dir: tuple[str, ...],
    as_json: bool,
) -> None:
    """The next step of every case in CASES (a JSON Lines file or a folder of case files)."""
    from followup.cli import agenda

    parsed = parse_today(today)
    assert parsed is not None
    agenda.run_agenda(Path(cases), parsed, playbook_ref, playbook_dirs(playbooks_dir), as_json)


@cli.command("show")
@click.argument("ref", metavar="ID|PATH")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "mermaid", "dot"]),
    default="text",
    show_default=True,
    help="Plain words, or the state machine as a Mermaid or Graphviz diagram.",
)
@playbooks_option
def show_cmd(ref: str, fmt: str, playbooks_dir: tuple[str, ...]) -> None:
    """Explain a playbook step by step, with timings, don'ts and citations."""
    from followup.cli import commands

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
    from followup.cli import commands

    dirs = tuple(Path(v) for v in playbooks_arg if Path(v).is_dir())
    ids = [i.strip() for v in playbooks_arg if not Path(v).is_dir() for i in v.split(",")]
    commands.compare(
        case_file, [i for i in ids if i], dirs or playbook_dirs(()), parse_today(today), as_json
    )


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def validate_cmd(files: tuple[str, ...]) -> None:
    """Check playbooks and case files; print every problem as file:line:col."""
    from followup.cli import commands

    commands.validate(files)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m followup``)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="followup",
            standalone_mode=False,
        )
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_FAILURE
    except click.ClickException as err:
        err.show()
        return EXIT_BAD_INPUT if err.exit_code == 2 else err.exit_code
    except FollowupError as err:
        click.echo(_error_text(err), err=True)
        return err.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


def _error_text(err: FollowupError) -> str:
    text = str(err)
    return text if text.startswith(("error", "followup")) or ":" in text[:200] else f"error: {text}"


def run() -> None:
    """Console-script entry point."""
    code = main()
    sys.stdout.flush()
    sys.exit(code)
