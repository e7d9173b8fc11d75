"""What a playbook's rules read: the facts, anchors, channels and events a case can show them.

The prover explores only what a playbook can tell apart (`followup.lint.space`), and lint's
reach and rule checks (`followup.lint.reach`, `followup.lint.rules`) ask the same questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.model.playbook import (
    Compare,
    DateRule,
    Guard,
    Playbook,
    guard_tests,
)
from followup.model.vocabulary import (
    COMPLETED_BY,
    DIRECT_CHANNELS,
    NUDGE_KINDS,
    PREFERRED_CHANNELS,
)
from followup.semantics import meaning as semantics
from followup.semantics.meaning import CALLS_WITHOUT_INVITATION
from followup.semantics.rules import WAIT_PAST_THEIR_DATE
from followup.timeline.durations import Duration


@dataclass(frozen=True, slots=True)
class Reads:
    """Everything a playbook's rules can look at."""

    facts: frozenset[str]
    anchors: frozenset[str]  # the anchors its rules measure from
    channels: frozenset[str]
    triggers: frozenset[str]
    # Its check-ins wait past the employer's dates (the engine's `WAIT_PAST_THEIR_DATE`): the
    # later of those dates is read even where no rule names either.
    waits_past: bool = False


def guard_facts(guard: Guard | None) -> set[str]:
    """The facts a condition tests."""
    facts: set[str] = set()
    for test in guard_tests(guard):
        if isinstance(test, Compare):
            facts.add(test.fact)
        else:
            # A span is read as a fact of its own (lint's stand-in for a case answers it by
            # name), and as the facts that say whether its dates are known, so the prover
            # tries those dates.
            known = (semantics.ANCHOR_KNOWN_WHEN.get(a) for a in (test.start, test.end))
            facts |= {test.name, *(k[0] for k in known if k is not None)}
    return facts


def rule_anchors(rule: DateRule | None) -> set[str]:
    """The anchors a date rule is measured from."""
    return set() if rule is None else {t.anchor for t in rule.terms}


def completed_by(pb: Playbook, kind: str) -> str | None:
    """The event that does an action of ``kind`` (None for a reminder)."""
    for k in pb.kinds:
        if k.name == kind:
            return k.completed_by
    return COMPLETED_BY.get(kind)


def reads_of(pb: Playbook) -> Reads:
    """What ``pb`` reads, over all its rules but reminders.

    A reminder (an action nothing recorded completes) is shown and then lapses: it never
    changes a fact, an anchor or another rule's progress, so what only reminders read cannot
    change which contacts the engine recommends, or when the case closes.

    The engine's own rules read too: a check-in waits past the later of the employer's dates
    (`WAIT_PAST_THEIR_DATE`, unless the playbook opts out), and the playbook gives up no
    earlier than the check-in it held, so a playbook with check-ins reads that date even where
    no rule of its own names it (``waits_past``).
    """
    facts: set[str] = set()
    anchors: set[str] = set()
    channels: set[str] = set()
    engine_waits = WAIT_PAST_THEIR_DATE not in pb.opted_out()
    waits_past = False
    for a in pb.actions:
        if completed_by(pb, a.kind) is None:
            continue
        waits_past = waits_past or (engine_waits and a.kind in NUDGE_KINDS)
        facts |= guard_facts(a.when)
        anchors |= rule_anchors(a.due)
        if a.repeat is not None:
            anchors |= rule_anchors(a.repeat.until)
        for option in a.channel:
            facts |= guard_facts(option.when)
            channels.add(option.use)
    for t in pb.transitions:
        facts |= guard_facts(t.when)
        anchors |= rule_anchors(t.after)
    triggers = {t.on for t in pb.transitions if t.on is not None}
    return Reads(
        frozenset(facts), frozenset(anchors), frozenset(channels), frozenset(triggers), waits_past
    )


def uses_months(pb: Playbook) -> bool:
    """Whether any offset counts calendar months (whose length depends on the date)."""
    offsets: list[Duration] = []
    for rule in [a.due for a in pb.actions] + [t.after for t in pb.transitions if t.after]:
        offsets += [t.offset.duration for t in rule.terms if t.offset is not None]
    for a in pb.actions:
        if a.repeat is not None:
            offsets.append(a.repeat.every.duration)
            if a.repeat.until is not None:
                offsets += [t.offset.duration for t in a.repeat.until.terms if t.offset]
    return any(d.months for d in offsets)


def _channel_kind(channel: str | None) -> str:
    if channel is None:
        return "skip"
    return "direct" if channel in DIRECT_CHANNELS else "indirect"


def channel_signature(pb: Playbook, preferred: str | None, may_call: bool) -> tuple[object, ...]:
    """What the engine makes of one channel preference: per action, the kind of channel chosen.

    An option with a condition may or may not apply, so it is noted and the next one tried; the
    first option without a condition that applies ends the list.  The kind of a channel is all
    the engine acts on: direct contact is counted and kept off weekends, other channels are not.
    """
    sig: list[tuple[str, ...]] = []
    for a in pb.actions:
        if completed_by(pb, a.kind) is None:
            continue
        choices: list[str] = []
        calls = may_call or a.to in CALLS_WITHOUT_INVITATION
        for option in a.channel:
            use = option.use
            if use == "preferred":
                use = preferred if preferred and (preferred != "phone" or calls) else "skip"
            elif use == "phone":
                use = "phone" if calls else "skip"
            if use == "skip":
                continue
            kind = use if use in ("none", "committed") else _channel_kind(use)
            if option.when is not None or use == "committed":
                choices.append(kind + "?")
                continue
            choices.append(kind)
            break
        sig.append(tuple(choices))
    return tuple(sig)


def channel_choices(pb: Playbook, reads: Reads) -> list[tuple[str | None, bool]]:
    """The (preferred channel, calls allowed) pairs worth exploring for ``pb``: one for each
    kind of channel the engine would choose for every action (`channel_signature`) and each
    value of the two facts a rule reads, since two pairs that agree on both the engine cannot
    tell apart."""
    pairs = [(pc, mc) for pc in (*PREFERRED_CHANNELS, None) for mc in (False, True)]
    read_pc = "preferred_channel" in reads.facts
    read_mc = "may_call" in reads.facts
    seen: dict[tuple[object, ...], tuple[str | None, bool]] = {}
    for pc, mc in pairs:
        key = (channel_signature(pb, pc, mc), pc if read_pc else None, mc if read_mc else None)
        seen.setdefault(key, (pc, mc))
    return list(seen.values())


def count_cap(pb: Playbook, fact: str) -> int:
    """One more than the largest number a condition compares the count ``fact`` with."""
    found = [
        test.value
        for g in pb.conditions()
        for test in guard_tests(g)
        if isinstance(test, Compare)
        and test.fact == fact
        and isinstance(test.value, int)
        and not isinstance(test.value, bool)
    ]
    return max(found, default=0) + 1
