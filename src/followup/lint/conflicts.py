"""L110: a don't that forbids the very channel an action recommends, in the same situation.

A don't is free text (the language has no structured "channel" for it), so this reads words: in
each clause of its advice that forbids something (don't, do not, never, avoid), the channels it
names.  A clause about how often ("every day", "too often") forbids a rhythm, not a channel.
The don't contradicts an action when, in some state both are for and for some case the machine
can reach there, the don't applies and the action's channel rule picks that channel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import product

from followup.compile.expressions import compile_guard
from followup.lint.reach import STATIC, domain
from followup.lint.reads import guard_facts
from followup.lint.rules import Checks, show
from followup.lint.spans import CALENDAR
from followup.model.playbook import Action, Avoid, Guard
from followup.model.vocabulary import (
    COMPANY_RECIPIENT,
    DEFAULT_RECIPIENT,
    FACTS,
    RECIPIENTS,
    STATES,
)
from followup.semantics.meaning import CALLS_WITHOUT_INVITATION

CHANNEL_FACTS = frozenset({"preferred_channel", "may_call", "committed"})
# Compiled conditions by id, each kept with its condition so the id stays that condition's.
_COMPILED: dict[int, tuple[Guard, Callable[[object], bool]]] = {}

CHANNEL_WORDS: dict[str, re.Pattern[str]] = {
    "phone": re.compile(r"\b(?:phone[sd]?|phoning|calls?|calling|called|ring|ringing)\b"),
    "text": re.compile(r"\b(?:texts?|texting|texted|sms)\b"),
    "email": re.compile(r"\be-?mail(?:s|ed|ing)?\b"),
    "linkedin": re.compile(r"\blinked ?in\b"),
}
FORBIDS = re.compile(r"\b(?:don'?t|do not|never|avoid)\b")
HOW_OFTEN = re.compile(
    r"\b(?:every day|daily|each day|too often|more than|more often|over and over|again and again)\b"
)
CLAUSE_BREAK = re.compile(r"[.;:!?,]|\b(?:but|instead)\b")
# A clause naming a person forbids contacting that person: a step `to: company` goes to the
# company's main line instead, unless the clause names the company too.  Words cannot know every
# title ("the editor", "the hiring partner"): a don't's `to` says whom it is about instead.
PERSON = re.compile(r"\b(?:interviewers?|recruiters?|hiring managers?)\b")
COMPANY = re.compile(r"\b(?:company|main line|reception|switchboard)\b")


def forbidden_channels(text: str, *, to_company: bool = False) -> list[str]:
    """The channels a don't's words forbid, in the order of the table above (``to_company``:
    for a step to the company's main line, leaving out clauses about a person only)."""
    found: list[str] = []
    for clause in CLAUSE_BREAK.split(text.casefold().replace("\u2019", "'")):
        if not FORBIDS.search(clause) or HOW_OFTEN.search(clause):
            continue
        if to_company and PERSON.search(clause) and not COMPANY.search(clause):
            continue
        found += [ch for ch, words in CHANNEL_WORDS.items() if words.search(clause)]
    return list(dict.fromkeys(found))


class Case:
    """A case's facts, as compiled conditions read them (and the dates its tests of the time
    between two dates read: `followup.lint.spans`)."""

    cal = CALENDAR

    def __init__(
        self,
        names: tuple[str, ...],
        vals: tuple[object, ...],
        dates: tuple[tuple[str, date | None], ...] = (),
    ) -> None:
        for name in FACTS:
            setattr(self, name, None)
        for name, value in zip(names, vals, strict=True):
            setattr(self, name, value)
        for attr, day in dates:
            setattr(self, attr, day)

    def holds(self, guard: Guard | None) -> bool:
        """Whether a condition holds for this case."""
        if guard is None:
            return True
        test = _COMPILED.get(id(guard))
        if test is None:
            test = _COMPILED[id(guard)] = (guard, compile_guard(guard))
        return bool(test[1](self))

    def picks(self, action: Action, channel: str) -> bool:
        """Whether the action's channel rule picks ``channel`` for this case."""
        for option in action.channel:
            if not self.holds(option.when):
                continue
            use = option.use
            if use == "none":
                return False
            if use == "preferred":
                preferred = getattr(self, "preferred_channel", None)
                if preferred in (None, "none"):
                    continue
                use = str(preferred)
            elif use == "committed":
                if not getattr(self, "committed", False):
                    continue
                return channel == "email"  # how the promise was made is no fact; news says email
            if (
                use == "phone"
                and not getattr(self, "may_call", False)
                and action.to not in CALLS_WITHOUT_INVITATION
            ):
                continue
            return use == channel
        return False


def _cases(c: Checks, state: str) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """The facts a case can have in ``state``, and every value of the facts nothing changes."""
    missing = tuple(f for f in STATIC if f not in c.reach.names)
    found = sorted(c.reach.states.get(state, ()), key=str)
    extra = list(product(*(domain(c.cp.playbook, f) for f in missing)))
    return (*c.reach.names, *missing), [v + e for v in found for e in extra]


def contradicting_donts(c: Checks) -> None:
    """Don'ts that forbid a channel an action recommends in the same situation.

    The cases of each state are built once, and actions that share a condition and a channel
    rule share one answer: a playbook of thousands of similar actions lints in seconds.
    """
    pb = c.cp.playbook
    by_state: dict[str, tuple[tuple[str, ...], list[Case]]] = {}

    def cases_in(state: str) -> tuple[tuple[str, ...], list[Case]]:
        if state not in by_state:
            names, values = _cases(c, state)
            dated = c.explorer.dates  # the explored facts come first in each case's values
            by_state[state] = (
                names,
                [Case(names, v, dated(v[: len(c.reach.names)])) for v in values],
            )
        return by_state[state]

    for avoid in pb.avoid:
        forbidden = forbidden_channels(avoid.text)
        if not forbidden:
            continue
        by_recipient = {
            DEFAULT_RECIPIENT: forbidden,
            COMPANY_RECIPIENT: forbidden_channels(avoid.text, to_company=True),
        }
        if avoid.to is not None:  # the coach said whom it is about: no need to read the words
            by_recipient = {r: forbidden if r == avoid.to else [] for r in RECIPIENTS}
        answers: dict[object, tuple[str, str, str] | None] = {}
        for action in pb.actions:
            channels = by_recipient.get(action.to, forbidden)
            if not channels or (avoid.at and action.at and avoid.at != action.at):
                continue  # a step at another part of the day than the don't is about
            key = (action.states, action.when, action.channel, action.to)
            if key not in answers:
                answers[key] = _contradiction(cases_in, avoid, action, channels)
            hit = answers[key]
            if hit is not None:
                channel, state, example = hit
                c.report(
                    "L110",
                    avoid,
                    "advice",
                    f"don't '{avoid.id}' forbids {channel}, but action '{action.id}' recommends "
                    f"{channel} in state '{state}' when {example}",
                    "a don't and an action that agree (narrow the don't's in or when, or the "
                    "action's channel)",
                )
                break


def _contradiction(
    cases_in: Callable[[str], tuple[tuple[str, ...], list[Case]]],
    avoid: Avoid,
    action: Action,
    channels: list[str],
) -> tuple[str, str, str] | None:
    """The first channel, state and case where the don't and the action disagree."""
    shown = guard_facts(avoid.when) | guard_facts(action.when) | CHANNEL_FACTS
    for state in (s for s in (avoid.states or STATES) if s in action.states):
        names, cases = cases_in(state)
        for case in cases:
            if not (case.holds(avoid.when) and case.holds(action.when)):
                continue
            for channel in channels:
                if case.picks(action, channel):
                    example = "; ".join(
                        f"{n} is {show([getattr(case, n)])}" for n in names if n in shown
                    )
                    return channel, state, example
    return None
