"""The scenario language's words: the tables a step's words are looked up in, and their readers.

Every value in a step is read as data: dates with :meth:`datetime.date.fromisoformat`, durations
with :func:`followup.timeline.durations.parse_duration`, words through the fixed tables below.
Nothing a scenario says is ever evaluated as code.  The step modules (`case_steps`,
`event_steps`, `plan_steps` and the others in `followup.bdd.plugin.LIBRARY`) read their words
here, and the step reference lists these tables as the words a coach may use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, ParamSpec, TypeVar

from pytest_bdd import given, parsers, when

from followup import catalog
from followup.authoring.folders import default_dirs
from followup.bdd.phrases import ACTION_SAID
from followup.bdd.places import FEATURE
from followup.bdd.world import fail
from followup.engine.result import Step
from followup.errors import UsageError, unknown_word
from followup.language.case_loader import EVENT_KEYS
from followup.language.patterns import parse_date
from followup.language.spec import Refusal
from followup.model.vocabulary import (
    CORE_ACTION_KINDS,
    OUTCOMES,
    PREFERRED_CHANNELS,
    STATES,
)
from followup.timeline.durations import DurationError, parse_duration

P = ParamSpec("P")
T = TypeVar("T")

DATE = r"\d{4}-\d{2}-\d{2}"
DATE_SPELLING = re.compile(DATE)
QUOTED = r'"[^"]+"'
# "by email", "through the recruiter", "on LinkedIn", "in person": a preposition, then words.
# The words are matched loosely and checked against CHANNEL_NAMES, so a typo gets a clear
# message instead of silently matching no step.
VIA = r"(?:by|through|via|on|in) (?P<channel>[A-Za-z][A-Za-z -]*?)"

# The words a coach may use for each channel (after any "the"/"their"), and the raw names.
CHANNEL_NAMES: dict[str, str] = {
    "email": "email",
    "e-mail": "email",
    "phone": "phone",
    "call": "phone",
    "calls": "phone",
    "a call": "phone",
    "phone call": "phone",
    "mail": "mail",
    "post": "mail",
    "letter": "mail",
    "text": "text",
    "text message": "text",
    "sms": "text",
    "recruiter": "recruiter",
    "portal": "portal",
    "candidate portal": "portal",
    "linkedin": "linkedin",
    "person": "in_person",
    "in person": "in_person",
    "in_person": "in_person",
}
# The channels a refusal lists (and suggests from): one word of the table for each channel.
CHANNEL_CHOICES = ("email", "phone", "mail", "text", "recruiter", "portal", "LinkedIn", "in person")
# The words for what the plan recommends, and the raw action kinds.
ACTION_NAMES: dict[str, str] = {
    "thank-you": "thank_you",
    "thank you": "thank_you",
    "handwritten note": "thank_you_note",
    "handwritten thank-you note": "thank_you_note",
    "thank-you note": "thank_you_note",
    "check-in": "check_in",
    "check in": "check_in",
    "final check-in": "final_check_in",
    "final check in": "final_check_in",
    "update": "share_update",
    "networking": "network",
    "move on": "move_on",
    "promised follow-up": "keep_promise",
    "record the new interview date": "record_interview",
    "answer their offer": "answer_offer",
    "withdraw politely": "withdraw",
} | {kind: kind for kind in CORE_ACTION_KINDS}
ACTION_CHOICES = (
    "thank-you",
    "handwritten note",
    "check-in",
    "final check-in",
    "update",
    "networking",
    "move on",
    "promised follow-up",
    "record the new interview date",
    "answer their offer",
    "withdraw politely",
)
OWN_ACTIONS = "or a playbook's own action kind, such as keep_options_open"
# The words used back in failure messages, one per action kind.
# What "I sent a ..." records.
SENT_EVENTS: dict[str, str] = {
    "thank-you": "thank_you_sent",
    "thank you": "thank_you_sent",
    "thank-you email": "thank_you_sent",
    "handwritten note": "note_sent",
    "handwritten thank-you note": "note_sent",
    "thank-you note": "note_sent",
    "thank-you card": "note_sent",
    "check-in": "check_in_sent",
    "final check-in": "check_in_sent",
    "update": "update_sent",
}
# What 'they replied "..."' records.
REPLY_NAMES: dict[str, str] = {
    "still deciding": "still_deciding",
    "next round": "next_round",
    "offer": "offer",
    "an offer": "offer",
    "rejection": "rejection",
    "no": "rejection",
    "no follow-up": "no_follow_up",
    "do not follow up": "no_follow_up",
    "don't follow up": "no_follow_up",
} | {name: name for name in ("still_deciding", "next_round", "no_follow_up")}
OUTCOME_NAMES: dict[str, str] = {"moved on": "moved_on", "rejected": "rejection"} | {
    name: name for name in OUTCOMES
}
# The states of the playbook language, written as they are.
STATE_NAMES: dict[str, str] = {name: name for name in STATES}
DURATION_UNITS = {
    "day": "d",
    "days": "d",
    "business day": "bd",
    "business days": "bd",
    "week": "w",
    "weeks": "w",
    "month": "mo",
    "months": "mo",
}
COMMIT_CHANNELS = {"call": "phone", "email": "email", "text": "text", "write": "mail"}
EVENT_COLUMNS = EVENT_KEYS
# "I follow every step" gives up after this many rounds: a plan that never runs out of steps.
MAX_FOLLOW_ROUNDS = 200


# -- reading words as data -----------------------------------------------------------------------
#
# Each reader is a step's converter (or called by one): pytest-bdd runs it on the value before the
# step, and `followup spec` runs it on every step before any scenario runs, so a value it refuses
# is reported where it was written (`followup.spec.steps_check`).  A refusal says what it found
# (with the nearest known word), then "; expected" and what the step takes, as followup writes
# any problem.


def refuse(message: str, expected: str) -> NoReturn:
    """Refuse a value written in a step: what is wrong with it, and what the step takes."""
    fail(f"{message}; expected {expected}")


def day_of(text: str) -> date:
    """A date written YYYY-MM-DD, read as a case file's dates are (`parse_date`): in ASCII
    digits (a step's pattern takes any script's), a day that exists, in the years followup
    plans in."""
    if not DATE_SPELLING.fullmatch(text):
        refuse(f"the date '{text}' is not written YYYY-MM-DD", "a date written YYYY-MM-DD")
    try:
        return parse_date(text)
    except Refusal as refusal:
        refuse(refusal.message.replace("{what}", "the date"), refusal.expected)


def time_of(text: str) -> str:
    """A time of day written HH:MM, as a case file gives an interview's (00:00 to 23:59)."""
    if not re.fullmatch(r"[0-9]{2}:[0-9]{2}", text) or int(text[:2]) > 23 or int(text[3:]) > 59:
        refuse(
            f"{text} is not a time of day", "a time written HH:MM in ASCII digits, 00:00 to 23:59"
        )
    return text


def opt_time_of(text: str | None) -> str | None:
    return None if text is None else time_of(text)


def opt_day_of(text: str | None) -> date | None:
    return None if text is None else day_of(text)


def lookup(
    table: dict[str, str], text: str, what: str, shown: Sequence[str] = (), also: str = ""
) -> str:
    """What ``text`` means in ``table`` (case and extra spaces aside).

    Refused when it is none of the table's words, listing ``shown`` (by default every word of
    the table without an underscore) and ``also`` (what else the step takes), with the listed
    word nearest ``text``: a suggestion is always a word the refusal lists ('moved-on' is told
    'moved on', not the raw 'moved_on' the table also takes).
    """
    key = " ".join(text.casefold().split())
    found = table.get(key)
    if found is None:
        words = list(shown) or sorted({k for k in table if "_" not in k})
        listed = f"one of {', '.join(words)}" + (f" ({also})" if also else "")
        refuse(unknown_word(what, key, words, f"'{text}'"), listed)
    return found


def channel_of(text: str) -> str:
    """The channel name for words such as 'email', 'the recruiter', 'by text', 'on LinkedIn'."""
    words = " ".join(text.casefold().split())
    words = re.sub(r"^(?:by|through|via|on|in) (?=.)", "", words)
    words = re.sub(r"^(?:the|their|a) ", "", words)
    return lookup(CHANNEL_NAMES, words, "the channel", CHANNEL_CHOICES)


def opt_channel_of(text: str | None) -> str | None:
    return None if text is None else channel_of(text)


def preferred_channel_of(text: str) -> str:
    """A channel an employer may prefer (`PREFERRED_CHANNELS`)."""
    name = channel_of(text)
    if name not in PREFERRED_CHANNELS:
        refuse(
            f"an employer cannot prefer {text.strip()}", f"one of {', '.join(PREFERRED_CHANNELS)}"
        )
    return name


def action_of(text: str) -> str:
    """The action kind for words such as 'check-in', 'final check-in', 'move on'."""
    words = " ".join(text.casefold().split())
    found = ACTION_NAMES.get(words)
    if found is not None:
        return found
    # A playbook may define action kinds of its own; those are written as their raw names.
    if re.fullmatch(r"[a-z][a-z0-9_]*", words):
        return words
    return lookup(ACTION_NAMES, words, "the action", ACTION_CHOICES, OWN_ACTIONS)


def sent_of(text: str) -> str:
    """The event 'I sent ...' records, for words such as 'thank-you' or 'handwritten note'."""
    return lookup(SENT_EVENTS, text, "the thing sent")


def reply_of(text: str) -> str:
    """The reply outcome for words such as 'still deciding', 'next round' or 'no'."""
    return lookup(REPLY_NAMES, text, "the reply")


def outcome_of(text: str) -> str:
    """How a case ends, for words such as 'offer', 'rejected' or 'moved on'."""
    return lookup(OUTCOME_NAMES, text, "the outcome")


def state_of(text: str) -> str:
    """A state of the playbook language (`STATES`)."""
    return lookup(STATE_NAMES, text, "the state", STATES)


def find_file(ref: str, folders: Sequence[Path] = ()) -> Path | None:
    """The file ``ref`` names: next to the feature file being checked or run (`FEATURE`), else
    in the working folder, else in one of ``folders``; None when it is in none of them."""
    path = Path(ref)
    feature = FEATURE.get()
    near = [feature.parent / ref] if feature is not None and not path.is_absolute() else []
    return next((p for p in [*near, path, *(d / ref for d in folders)] if p.is_file()), None)


def playbook_of(ref: str) -> str:
    """A playbook id the catalog knows (bundled, or in the coach's folders), or a playbook
    file: found next to the feature file, in the working folder or in the coach's folders,
    and given as its full path."""
    try:
        folders = default_dirs()
        known = catalog.discover(folders)
    except UsageError as err:  # a coach's folder that is not one
        fail(str(err))
    if catalog.looks_like_path(ref):
        path = find_file(ref, folders)
        if path is None:
            refuse(
                f"the playbook file '{ref}' is not next to the feature file",
                "a playbook file next to the feature file (or in a --playbooks folder), "
                "or a playbook id",
            )
        return str(path.resolve())
    if ref not in known:
        refuse(
            unknown_word("the playbook", ref, known, f"'{ref}'"),
            f"a playbook id ({', '.join(sorted(known))}) or a .yaml file next to the feature",
        )
    return ref


def case_file_of(ref: str) -> Path:
    """A case file next to the feature file (or in the working folder)."""
    path = find_file(ref)
    if path is None:
        refuse(
            f"the case file '{ref}' is not next to the feature file",
            "a case file in the feature file's folder (or a path from it)",
        )
    return path


def duration_text(text: str) -> str:
    """A duration as a case file writes it ('3w') from '3w', '3 weeks', 'a week' or '10 days'."""
    words = " ".join(text.strip().split())
    spelled = re.fullmatch(r"(\d+(?:\.\d+)?|an?|one) ((?:business )?days?|weeks?|months?)", words)
    if spelled:
        number = spelled[1] if spelled[1][0].isdigit() else "1"
        words = number + DURATION_UNITS[spelled[2]]
    try:
        parse_duration(words)
    except DurationError as err:
        refuse(err.message, err.expected)
    return words


def opt_duration_text(text: str | None) -> str | None:
    return None if text is None else duration_text(text)


def said(step: Step) -> str:
    """A step in the words the scenarios use, for failure messages."""
    what = ACTION_SAID.get(step.action, step.action)
    via = f" by {step.channel}" if step.channel else ""
    return f"{what}{via} on {step.due}  [rule {step.rule_id}]"


def given_or_when(
    pattern: str, converters: dict[str, Callable[[str], object]] | None = None
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Register one step for both Given and When: what happened reads well either way."""
    parser = parsers.re(pattern)

    def decorate(func: Callable[P, T]) -> Callable[P, T]:
        # stacklevel 2: the step fixtures belong in this module, not in this helper's frame.
        given(parser, converters, stacklevel=2)(func)
        when(parser, converters, stacklevel=2)(func)
        return func

    return decorate
