"""Commands for coaches who write playbooks: new, lint, prove, fmt, spec.

Thin click wrappers; each imports its work from ``followup.cli.<area>_impl`` when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from followup.cli.group import (
    SuggestingChoice,
    cli,
    json_option,
    keep_collecting,
    playbook_dirs,
    playbooks_option,
)

NEWS_DATES = ("fixed", "every")  # --news-dates: the dates news carries (the first: the default)
COUNTRY_HELP = (
    "Also explore this country's public holidays (ISO code such as US or GB-ENG; repeat for "
    "more). Default: none, weekends only."
)
NEWS_HELP = (
    "Pieces of outside news (replies, new rounds, offers, promises) per path. Each more one "
    "multiplies the time (about 14 times for the second)."
)
SOUND_HELP = (
    "The default: try the employer's dates on every day up to six weeks on, each with each, so "
    "that within the bounds the report states no case breaks a limit reported as kept (half a "
    "minute to a few minutes per bundled playbook on two cores)."
)
NEWS_DATES_HELP = (
    "'fixed' (the default): the dates news carries (a next interview, a new decision date, an "
    "offer's deadline, a promise) are a week or two on (a sound proof first tries every one "
    "of them with the representative employer dates). 'every': each day up to six weeks on, "
    "so that no such date breaks a limit reported as kept (about 20 times as long)."
)
QUICK_HELP = (
    "Try the employer's dates on a few representative days only: a second or two, to catch "
    "mistakes while writing, but not a proof (the report says NOT SOUND)."
)


@cli.command("new")
@click.argument("playbook_id", metavar="ID")
@click.option("--extends", "base", metavar="BASE", help="Build on this playbook (id or file).")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write ID.yaml (default: your playbooks folder).",
)
@playbooks_option
def new_cmd(
    playbook_id: str, base: str | None, directory: Path | None, playbooks_dir: tuple[str, ...]
) -> None:
    """Write a new, commented playbook that validates and runs as it is."""
    from followup.cli import new_impl  # lazy: a command loads its implementation only when it runs

    new_impl.new_playbook(playbook_id, base, directory, playbook_dirs(playbooks_dir))


def _upper(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.upper() for code in value)


class ProverDefault(click.Option):
    """An option whose default is one of the prover's constants (`followup.lint.space`), read
    only when the option is left out or its help is shown: the prover defines it, and every
    other command starts without importing the prover."""

    def __init__(self, *args: Any, constant: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.constant = constant

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        from followup.lint import space  # lazy: see the class's docstring

        return getattr(space, self.constant)


def horizon_option(text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--horizon``, the same on lint and prove: how many days after the employer's last word
    a path is followed (at least a day past the playbook's ``max_days_open``)."""
    return click.option(
        "--horizon",
        cls=ProverDefault,
        constant="DEFAULT_HORIZON",
        type=click.IntRange(7, 730),
        show_default=True,
        help=f"{text} The search goes on at least a day past the playbook's max_days_open.",
    )


_SPACE = (
    click.option("--sound", is_flag=True, help=SOUND_HELP),
    click.option("--quick", is_flag=True, help=QUICK_HELP),
    click.option(
        "--country",
        "countries",
        multiple=True,
        metavar="CODE",
        callback=_upper,
        help=COUNTRY_HELP,
    ),
    click.option(
        "--news",
        cls=ProverDefault,
        constant="MAX_INPUTS",
        type=click.IntRange(1, 4),
        show_default=True,
        help=NEWS_HELP,
    ),
    click.option(
        "--news-dates",
        type=SuggestingChoice(NEWS_DATES, case_sensitive=False),
        default=NEWS_DATES[0],
        show_default=True,
        help=NEWS_DATES_HELP,
    ),
)


def space_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The prover's space (--sound or --quick, --country, --news, --news-dates), the same on
    lint and prove."""
    for option in reversed(_SPACE):
        func = option(func)
    return func


# The parameters of lint that only a proof reads: the space's (`_SPACE`) and the horizon.
_PROVER_ONLY = frozenset({"sound", "quick", "countries", "news", "news_dates", "horizon"})


def _unused_space_options(ctx: click.Context) -> None:
    """Say on stderr which of the prover's options lint was given without --prove (they
    change nothing then; a script that passes them anyway still works)."""
    given = [
        p.opts[0]
        for p in ctx.command.params
        if p.name in _PROVER_ONLY
        and ctx.get_parameter_source(p.name) == click.core.ParameterSource.COMMANDLINE
    ]
    if given:
        names = ", ".join(given)
        click.echo(f"lint: {names} only matter with --prove; nothing was proved", err=True)


@cli.command("lint")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 2).")
@click.option("--prove", is_flag=True, help="Also prove the playbook's limits (see 'prove').")
@space_options
@horizon_option("Days to explore when proving.")
@playbooks_option
@json_option
def lint_cmd(
    files: tuple[str, ...],
    strict: bool,
    prove: bool,
    sound: bool,
    quick: bool,
    countries: tuple[str, ...],
    news: int,
    news_dates: str,
    horizon: int,
    playbooks_dir: tuple[str, ...],
    as_json: bool,
) -> None:
    """Check playbooks for mistakes: every problem as file:line:col: CODE message."""
    keep_collecting()
    if not prove:
        _unused_space_options(click.get_current_context())
    # lazy: a command loads its implementation only when it runs
    from followup.cli import lint_impl

    options = lint_impl.proof_options(
        horizon, sound=sound, quick=quick, countries=countries, news=news, news_dates=news_dates
    )
    lint_impl.lint(files, strict, prove, playbook_dirs(playbooks_dir), options, as_json=as_json)


@cli.command("prove")
@click.argument("refs", nargs=-1, required=True, metavar="ID|FILE...")
@horizon_option("Days to explore.")
@space_options
@json_option
@playbooks_option
def prove_cmd(
    refs: tuple[str, ...],
    horizon: int,
    sound: bool,
    quick: bool,
    countries: tuple[str, ...],
    news: int,
    news_dates: str,
    as_json: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Search every case within the bounds it prints and report the worst a playbook can do."""
    keep_collecting()
    # lazy: a command loads its implementation only when it runs
    from followup.cli import lint_impl

    options = lint_impl.proof_options(
        horizon, sound=sound, quick=quick, countries=countries, news=news, news_dates=news_dates
    )
    lint_impl.prove(refs, as_json, playbook_dirs(playbooks_dir), options)


@cli.command("fmt")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@playbooks_option
def fmt_cmd(files: tuple[str, ...], check: bool, playbooks_dir: tuple[str, ...]) -> None:
    """Lay playbooks out one canonical way, keeping comments."""
    from followup.cli import fmt_impl  # lazy: a command loads its implementation only when it runs

    fmt_impl.fmt(files, check, playbook_dirs(playbooks_dir))


@cli.command("spec")
@click.argument("features", nargs=-1, metavar="[FEATURES...]")
@click.option("--coverage", is_flag=True, help="Report which rules the scenarios exercised.")
@click.option(
    "--fail-under", type=click.FloatRange(0, 100), help="Coverage (%) below which to fail."
)
@click.option("--generate", "generate", metavar="ID", help="Print a scenario skeleton for ID.")
@click.option("--steps", "list_steps", is_flag=True, help="List every step of the step library.")
@playbooks_option
@click.pass_context
def spec_cmd(
    ctx: click.Context,
    features: tuple[str, ...],
    coverage: bool,
    fail_under: float | None,
    generate: str | None,
    list_steps: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Run Gherkin features against playbooks (pytest's exit codes); no Python needed."""
    keep_collecting()
    # lazy: a command loads its implementation only when it runs
    from followup.cli import spec_impl

    code = spec_impl.spec(
        features, playbook_dirs(playbooks_dir), coverage, fail_under, generate, list_steps
    )
    ctx.exit(code)
