"""The ``followup`` click group and the options its commands share."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from followup import __version__
from followup.authoring.folders import default_dirs
from followup.errors import InputError, UsageError, blank, suggest
from followup.timeline.durations import FIRST_YEAR, LAST_YEAR, digits_problem, supported_years

PLAYBOOKS_ENV = "FOLLOWUP_PLAYBOOKS"
DB_ENV = "FOLLOWUP_DB"  # the tracker database, when no --db is given
# Where the group's own --db (given before the command) is kept for the tracker commands.
GLOBAL_DB = "followup.db"


def parse_today(value: str | None) -> date | None:
    """``--today`` as a date.

    Raises:
        UsageError: not a real YYYY-MM-DD date, or outside the supported years.
    """
    return None if value is None else parse_day(value, "--today")


def parse_day(value: str, flag: str) -> date:
    """A YYYY-MM-DD flag value.

    Raises:
        UsageError: naming the flag.
    """
    if (digits := digits_problem(value)) is not None:
        raise UsageError(f"{flag}: '{value}' {digits[0]}; expected {digits[1]}")
    try:
        if len(value) != 10:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{flag}: '{value}' is not a date; expected a real date written YYYY-MM-DD"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(
            f"{flag}: '{value}' is outside the years followup plans in; expected "
            + supported_years()
        )
    return day


def yaml_files(args: Sequence[str]) -> tuple[str, ...]:
    """FILE... arguments with each folder replaced by the YAML files in it (sorted; not its
    sub-folders), so 'followup lint playbooks/' checks each, one bad file not stopping the rest.

    Raises:
        InputError: a folder holds no YAML file, or cannot be listed (located).
    """
    # lazy: only these commands
    from followup.io.user_files import folder_entries, path_kind
    from followup.io.yaml_reader import YAML_SUFFIXES

    found: list[str] = []
    for arg in args:
        if path_kind(arg) != "folder":
            found.append(arg)
            continue
        inside = folder_entries(Path(arg), arg, YAML_SUFFIXES)
        if not inside:
            raise InputError.at(
                arg, 1, 1, "is a folder with no .yaml file in it", "YAML files, or a folder of them"
            )
        found += [str(p) for p in inside]
    return tuple(found)


def playbook_dirs(values: Sequence[str]) -> tuple[Path, ...]:
    """Folders of coaches' playbooks.

    ``--playbooks`` flags, else ``$FOLLOWUP_PLAYBOOKS``, else the ``playbooks`` folder in
    followup's config folder if there is one (see ``followup.authoring.folders``).
    """
    if values:
        return tuple(Path(v) for v in values)

    return default_dirs()


playbooks_option = click.option(
    "--playbooks",
    "playbooks_dir",
    multiple=True,
    metavar="DIR",
    help=f"A folder of your own playbooks (repeatable; default ${PLAYBOOKS_ENV}, else the "
    "playbooks folder in followup's config folder).",
)
today_option = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The day to answer for (default: today where the case is).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


# Which module registers each command.  Only the module of the command being run is imported,
# so `followup plan` does not pay for building the tracker's or the coach tools' options.
AREAS = {
    "followup.cli.engine_commands": (
        "playbooks",
        "plan",
        "explain",
        "compare",
        "agenda",
        "show",
        "validate",
    ),
    "followup.cli.coach_commands": ("new", "lint", "prove", "fmt", "spec"),
    "followup.cli.config_commands": ("config", "completion"),
    "followup.cli.choice_commands": ("choose", "switch", "report"),
    "followup.cli.tracker_commands": (
        "add",
        "log",
        "undo",
        "today",
        "list",
        "status",
        "snooze",
        "close",
        "reopen",
        "import",
        "export",
        "draft",
        "calendar",
        "doctor",
    ),
    "followup.cli.record_commands": ("edit", "archive", "unarchive", "unsnooze", "history"),
}
MODULE_OF = {name: module for module, names in AREAS.items() for name in names}


# `followup --help` lists the commands by who uses them; a command in none is listed last.
SECTIONS = (
    (
        "For job seekers",
        (
            "add",
            "log",
            "today",
            "list",
            "status",
            "edit",
            "undo",
            "history",
            "draft",
            "snooze",
            "unsnooze",
            "close",
            "reopen",
            "archive",
            "unarchive",
            "switch",
            "choose",
            "report",
            "import",
            "export",
            "calendar",
            "config",
            "doctor",
            "plan",
            "explain",
            "compare",
        ),
    ),
    ("For coaches", ("playbooks", "show", "new", "lint", "prove", "fmt", "spec", "validate")),
    ("For batches", ("agenda",)),
    ("Setup", ("completion",)),
)


class SuggestingChoice(click.Choice):  # type: ignore[type-arg]
    """A choice whose refusal names the closest choice ("did you mean 'update_sent'?")."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            hint = suggest(str(value), [str(c) for c in self.choices])
            self.fail(
                f"'{value}' is not one of {', '.join(map(str, self.choices))}{hint}", param, ctx
            )


class DbFile(click.Path):
    """``--db FILE``, before the command or after it.  A folder is not refused here: the
    tracker refuses it in the form of every --db error."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # Path("") is Path("."): refused while it is still empty, as an empty $FOLLOWUP_DB is.
        if isinstance(value, str) and blank(value):
            raise UsageError(
                "--db: the value is empty; expected the path of a tracker database, or leave "
                f"--db out to use ${DB_ENV} or the one in your data folder"
            )
        return super().convert(value, param, ctx)


class FileHintCommand(click.Command):
    """A command of options only that, handed a file it does not take, says which command
    does (``file_hint``) instead of click's "missing option"."""

    file_hint = ""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # click's parser uses up the list it is given
        try:
            return super().parse_args(ctx, args)
        except click.UsageError:
            takes_value = {
                name
                for p in self.params
                if isinstance(p, click.Option) and not p.is_flag
                for name in p.opts
            }
            files = [
                arg
                for before, arg in zip(["", *given], given, strict=False)
                if before not in takes_value and not arg.startswith("-") and _looks_like_file(arg)
            ]
            if not files or not self.file_hint:
                raise
            raise UsageError(f"{ctx.info_name}: '{files[0]}' {self.file_hint}") from None


def _looks_like_file(arg: str) -> bool:
    path = Path(arg)
    return path.suffix.lower() in (".yaml", ".yml", ".json", ".jsonl") or path.is_file()


class LazyGroup(click.Group):
    """A click group whose commands are registered by area modules, imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *MODULE_OF})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            hint = suggest(name, self.list_commands(ctx))
            raise UsageError(
                f"no command '{name}'{hint}; expected one of the commands 'followup --help' lists"
            )
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        placed = {n for _, section in SECTIONS for n in section}
        sections = [*SECTIONS, ("Other", tuple(n for n in names if n not in placed))]
        limit = formatter.width - 6 - max(len(n) for n in names)
        for title, section in sections:
            rows = []
            for name in section:
                command = self.get_command(ctx, name) if name in names else None
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit)))
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in MODULE_OF:
            importlib.import_module(MODULE_OF[cmd_name])
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="followup", help="Show the version and exit.")
@click.option(
    "--db",
    "global_db",
    type=DbFile(),
    metavar="FILE",
    help="The tracker database, for any tracker command (the same as its own --db).",
)
@click.pass_context
def cli(ctx: click.Context, global_db: Path | None) -> None:
    """What to do after a job interview, and when, without becoming a pest."""
    if ctx.invoked_subcommand is None:
        # `followup` alone: the commands, by who uses them, and success (nothing went wrong).
        click.echo(ctx.get_help())
        ctx.exit(0)
    if global_db is not None:
        ctx.meta[GLOBAL_DB] = global_db  # read where the tracker commands open it


def keep_collecting() -> None:
    """Turn the cyclic collector back on (`run` starts with it off) for a long-running command."""
    gc.enable()
