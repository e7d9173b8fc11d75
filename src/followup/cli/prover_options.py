"""The prover's options on the command line, the same on ``lint --prove`` and ``prove``.

Each is defined once here; the values they take by default are the prover's own constants
(`followup.lint.space`), read only when needed so that no other command imports the prover.
The command receives them as one `ProverArgs`, which `followup.cli.lint_impl.proof_options`
turns into the prover's `ProofOptions`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

import click

from followup.cli.group import SuggestingChoice

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
    "minute to a few minutes per bundled playbook on two cores; about a second once "
    "remembered, see --no-cache)."
)
NEWS_DATES_HELP = (
    "'fixed' (the default): the dates news carries (a next interview, a new decision date, an "
    "offer's deadline, a promise) are a week or two on (a sound proof first tries every one "
    "of them with the representative employer dates). 'every': each day up to six weeks on, "
    "so that no such date breaks a limit reported as kept (about 20 times as long)."
)
NO_CACHE_HELP = (
    "Search again, neither reading nor writing the proofs remembered in followup's cache "
    "folder (by default a playbook proved before with the same options by the same followup "
    "is not searched again)."
)
QUICK_HELP = (
    "Try the employer's dates on a few representative days only: usually seconds, to catch "
    "mistakes while writing, but not a proof (the report says NOT SOUND)."
)


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


class ProverArgs(NamedTuple):
    """The prover's options as the command line gave them."""

    horizon: int
    sound: bool
    quick: bool
    countries: tuple[str, ...]
    news: int
    news_dates: str
    no_cache: bool


def prover_options(horizon_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--sound`` or ``--quick``, ``--country``, ``--news``, ``--news-dates``, ``--horizon``
    (``horizon_text`` says what it is for) and ``--no-cache``, given to the command as one
    ``prover``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def command(*args: Any, **kwargs: Any) -> Any:
            prover = ProverArgs(*(kwargs.pop(name) for name in ProverArgs._fields))
            return func(*args, prover=prover, **kwargs)

        no_cache = click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)
        for option in reversed((*_SPACE, horizon_option(horizon_text), no_cache)):
            command = option(command)
        return command

    return decorate


def unused_prover_options(ctx: click.Context) -> None:
    """Say on stderr which of the prover's options lint was given without --prove (they
    change nothing then; a script that passes them anyway still works)."""
    given = [
        p.opts[0]
        for p in ctx.command.params
        if p.name in ProverArgs._fields
        and ctx.get_parameter_source(p.name) == click.core.ParameterSource.COMMANDLINE
    ]
    if given:
        names = ", ".join(given)
        verb = "matters" if len(given) == 1 else "matter"
        click.echo(f"lint: {names} only {verb} with --prove; nothing was proved", err=True)
