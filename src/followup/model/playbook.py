"""A playbook as frozen values: what a coach wrote, checked and with parameters resolved.

Nothing here knows about YAML or about any one case; `followup.language.playbook_loader`
builds these from a file and `followup.compile` turns them into something fast to run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import msgspec

from followup.timeline.durations import Duration


class Origin(msgspec.Struct, frozen=True):
    """Where a rule was written, so every explanation and error can point at it."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class Source(msgspec.Struct, frozen=True):
    """The article a playbook encodes."""

    title: str
    publisher: str = ""
    author: str = ""
    date: str = ""
    file: str = ""
    url: str = ""

    def cite(self, part: str = "") -> str:
        """A one-line citation, optionally naming the part of the article."""
        text = f'"{self.title}"'
        by = ", ".join(x for x in (self.author, self.publisher, self.date) if x)
        if by:
            text += f" ({by})"
        if part:
            text += f", section '{part}'"
        return text


class Offset(msgspec.Struct, frozen=True):
    """A signed duration, remembering the parameter it came from (if any) for explanations."""

    sign: int
    duration: Duration
    parameter: str = ""

    def __str__(self) -> str:
        op = "+" if self.sign > 0 else "-"
        name = f"{self.parameter} ({self.duration})" if self.parameter else str(self.duration)
        return f" {op} {name}"


class DateTerm(msgspec.Struct, frozen=True):
    """An anchor date moved by an offset: ``last_contact + 1w``."""

    anchor: str
    offset: Offset | None = None

    def __str__(self) -> str:
        return self.anchor + (str(self.offset) if self.offset else "")


class DateRule(msgspec.Struct, frozen=True):
    """One date term, or the later/earlier of several; terms whose anchor is unknown are skipped."""

    terms: tuple[DateTerm, ...]
    combine: Literal["later", "earlier"] = "later"

    def __str__(self) -> str:
        if len(self.terms) == 1:
            return str(self.terms[0])
        inner = ", ".join(str(t) for t in self.terms)
        return f"the {self.combine} of {inner}"


class Compare(msgspec.Struct, frozen=True):
    """A test of one fact: ``check_ins lt 3``; ``value`` is already resolved from parameters."""

    fact: str
    op: str
    value: bool | int | str | tuple[str, ...]


class Span(msgspec.Struct, frozen=True):
    """A test of the time from one date to another: ``decision_by`` at least 2w after
    ``interview`` is ``Span("interview", "decision_by", "ge", 2w)``; false while either date is
    not known for the case."""

    start: str
    end: str
    op: str
    offset: Offset

    @property
    def name(self) -> str:
        """The test as one word, for lint, which treats it as a fact of the case."""
        return f"time_between:{self.start}:{self.end}:{self.op}:{self.offset.duration}"


class AllOf(msgspec.Struct, frozen=True):
    items: tuple[Guard, ...]


class AnyOf(msgspec.Struct, frozen=True):
    items: tuple[Guard, ...]


class Not(msgspec.Struct, frozen=True):
    item: Guard


Guard = Compare | AllOf | AnyOf | Not | Span


def guard_tests(guard: Guard | None) -> Iterator[Compare | Span]:
    """Every test inside a condition: the facts and spans under its ``all``, ``any`` and
    ``not``, in the order written."""
    if guard is None:
        return
    if isinstance(guard, Compare | Span):
        yield guard
    elif isinstance(guard, Not):
        yield from guard_tests(guard.item)
    else:
        for item in guard.items:
            yield from guard_tests(item)


class ChannelOption(msgspec.Struct, frozen=True):
    """One choice in a channel rule: a channel name, or ``preferred`` (the employer's)."""

    use: str
    when: Guard | None = None


class Repeat(msgspec.Struct, frozen=True):
    """Do an action again ``every`` after the last time, up to ``max`` times and/or ``until``."""

    every: Offset
    max: int | None = None
    until: DateRule | None = None


class Citation(msgspec.Struct, frozen=True):
    """Which part of the playbook's article a rule encodes."""

    part: str


class Action(msgspec.Struct, frozen=True):
    """Something to do while the application is in one of ``states``."""

    id: str
    states: tuple[str, ...]
    kind: str
    due: DateRule
    channel: tuple[ChannelOption, ...]
    advice: str
    cite: Citation
    origin: Origin
    repeat: Repeat | None = None
    optional: bool = False
    when: Guard | None = None
    # The latest date to do it: with ``due``, a window ("5 to 7 days after the interview").
    until: DateRule | None = None
    to: str = "contact"  # whom it goes to: `RECIPIENTS`
    at: str | None = None  # the part of the day it is best done in: `STEP_PARTS`
    late: str = "do"  # once its window has passed with nothing recorded: `IF_LATE`


class Transition(msgspec.Struct, frozen=True):
    """A move between states on a recorded event (``on``) or when a date passes (``after``)."""

    id: str
    sources: tuple[str, ...]
    dest: str
    advice: str
    cite: Citation
    origin: Origin
    on: str | None = None
    after: DateRule | None = None
    when: Guard | None = None
    outcome: str | None = None


class Avoid(msgspec.Struct, frozen=True):
    """A don't, shown while it applies."""

    id: str
    text: str
    cite: Citation
    origin: Origin
    states: tuple[str, ...] = ()
    when: Guard | None = None
    # The channel it warns against; a promise you made by it is its exception while it is due.
    channel: str | None = None
    # Whom it is about (`RECIPIENTS`), when the coach says so; lint reads it from the words else.
    to: str | None = None
    # The part of the day it is about (`STEP_PARTS`): "don't ring the desk in the afternoon".
    at: str | None = None


class ActionKind(msgspec.Struct, frozen=True):
    """An action kind: core or added by a playbook; ``completed_by`` is the event that does it."""

    name: str
    completed_by: str | None
    description: str = ""
    words: str = ""  # what the plan calls its step ("" : the name, with spaces)


class Limits(msgspec.Struct, frozen=True):
    """What a playbook promises never to do to a client's contacts (checked by ``lint --prove``).

    Each is optional: ``None`` means the playbook makes no promise about it.
    """

    max_contacts: int | None = None
    max_contacts_per_7d: int | None = None
    max_contacts_per_30d: int | None = None
    min_gap: Duration | None = None
    max_days_open: int | None = None
    max_contacts_per_round: int | None = None


class Template(msgspec.Struct, frozen=True):
    """A message draft for an action kind or a rule id (Jinja2, rendered in a sandbox)."""

    key: str
    body: str
    origin: Origin
    subject: str = ""


class NeverCloses(msgspec.Struct, frozen=True):
    """A playbook's statement that it never closes a case on its own, and why."""

    reason: str
    cite: Citation
    origin: Origin


class OptOut(msgspec.Struct, frozen=True):
    """An engine rule a playbook does not follow, by its id, with the reason and citation."""

    rule: str
    reason: str
    cite: Citation
    origin: Origin


class Playbook(msgspec.Struct, frozen=True):
    """A whole, checked playbook."""

    id: str
    title: str
    summary: str
    source: Source
    file: str
    parameters: tuple[tuple[str, Duration | int], ...]
    kinds: tuple[ActionKind, ...]
    transitions: tuple[Transition, ...]
    actions: tuple[Action, ...]
    avoid: tuple[Avoid, ...]
    limits: Limits = Limits()
    templates: tuple[Template, ...] = ()
    extends: str | None = None
    # Set when the coach says the playbook never closes a case on its own (``closes: never``).
    never_closes: NeverCloses | None = None
    # The engine rules it opts out of (`followup.semantics.rules.RULE_IDS`), said explicitly.
    opt_outs: tuple[OptOut, ...] = ()

    def opted_out(self) -> frozenset[str]:
        """The ids of the engine rules it opts out of."""
        return frozenset(o.rule for o in self.opt_outs)

    def parameter(self, name: str) -> Duration | int:
        """The value of a parameter by name (KeyError if absent)."""
        for key, value in self.parameters:
            if key == name:
                return value
        raise KeyError(name)

    def conditions(self) -> Iterator[Guard]:
        """The conditions of its transitions, actions and their channel options (its don'ts'
        conditions plan nothing, so they are not among them)."""
        for t in self.transitions:
            if t.when is not None:
                yield t.when
        for a in self.actions:
            if a.when is not None:
                yield a.when
            for option in a.channel:
                if option.when is not None:
                    yield option.when

    def kind(self, name: str) -> ActionKind:
        """An action kind by name (KeyError if absent)."""
        for k in self.kinds:
            if k.name == name:
                return k
        raise KeyError(name)
