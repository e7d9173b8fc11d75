"""The options the tracker's commands share (and `choose`, `switch` and `report`, which read the
tracker): one definition of each, imported without registering any command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from followup.cli.group import DB_ENV, DbFile, SuggestingChoice
from followup.model.vocabulary import FOLLOW_UP_PERMISSIONS, PREFERRED_CHANNELS
from followup.semantics.meaning import CLOSING_EVENTS, CLOSING_REPLIES

# How `close --as` may end an application: an event that closes it, or a closing reply.
CLOSINGS = (*CLOSING_EVENTS, *CLOSING_REPLIES)
# How a person is given on the command line (`tracker_flags.interviewer` reads it).
PERSON_FORM = '"NAME [<EMAIL>] [PHONE]"'

db_option = click.option(
    "--db",
    "db",
    type=DbFile(),
    metavar="FILE",
    help=f"The tracker database (default ${DB_ENV}, else your data folder); only add and "
    "import create it.",
)
today_flag = click.option("--today", metavar="YYYY-MM-DD", help="The day to answer for.")
# What the employer said, as `add` and `edit` take it (`--may-call` differs: edit can unset it).
_EMPLOYER = (
    click.option("--decision-by", metavar="YYYY-MM-DD", help="When they said they would decide."),
    click.option(
        "--decision-in", metavar="DURATION", help="...or how long they said it would take."
    ),
    click.option(
        "--follow-up", type=SuggestingChoice(FOLLOW_UP_PERMISSIONS), help="Did they invite it?"
    ),
    click.option("--follow-up-after", metavar="DURATION", help="When they said you may check in."),
    click.option(
        "--channel", type=SuggestingChoice(PREFERRED_CHANNELS), help="How they prefer contact."
    ),
    click.option(
        "--main-line",
        metavar="PHONE",
        help="The company's main phone line, for a call a playbook addresses to the company.",
    ),
)


def employer_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The employer's flags, in the same order on every command that takes them."""
    for option in reversed(_EMPLOYER):
        func = option(func)
    return func
