"""The employer's dates worth trying for a playbook: where its own date offsets meet.

Dates in the engine are anchors plus offsets.  Two dates measured from different anchors change
order exactly where their offsets meet, so between two such meeting points every choice of the
employer's date gives the same order of everything the engine compares: the meeting points and
the days either side cover every distinct behaviour (region equivalence, as timed-automata tools
use it for clocks).
"""

from __future__ import annotations

from followup.model.playbook import AllOf, Compare, Guard, Not, Playbook, Span, guard_tests
from followup.timeline.durations import Duration

# The employer's own dates (a decision date, a date to check in after) are explored on every day
# where the playbook's behaviour can change (see `employer_offsets`) up to this many days after
# the interview.  A bound is needed: a rule such as "decision_by + 4w" keeps the case open longer
# the later the employer's date, so ``max_days_open`` only holds for dates up to some bound.
EMPLOYER_DATES_MAX = 42
# The earliest offset from the interview tried for each of the employer's dates: a decision may
# come the same day; a date to check in after is at least a day on.
LOWEST = {"decision_by": 0, "follow_up_after": 1}


def _calendar_days(duration: Duration) -> tuple[int, ...]:
    """The calendar days a duration can span (business days: with any weekends between)."""
    base = duration.days + 30 * duration.months
    n = duration.business_days
    if not n:
        return (base,) if not duration.months else (base - 2, base - 1, base, base + 1)
    return tuple(range(base + n, base + n + 2 * (n // 5) + 3))


def _dated_terms(pb: Playbook) -> list[tuple[str, int, Guard | None]]:
    """Every (anchor, signed calendar days) a date rule of ``pb`` measures, with the condition
    of the rule it is in (None: none)."""
    rules = [(a.due, a.when) for a in pb.actions]
    rules += [(t.after, t.when) for t in pb.transitions if t.after]
    rules += [(a.repeat.until, a.when) for a in pb.actions if a.repeat and a.repeat.until]
    found: list[tuple[str, int, Guard | None]] = []
    # A condition on the time between two dates compares `to` with `from` + its duration: the
    # two sides of its threshold are offsets as a date rule's are.
    for guard in pb.conditions():
        for span in guard_tests(guard):
            if not isinstance(span, Span):
                continue
            found.append((span.end, 0, guard))
            days = _calendar_days(span.offset.duration)
            found += [(span.start, span.offset.sign * d, guard) for d in days]
    for rule, when in rules:
        for term in rule.terms:
            if term.offset is None:
                found.append((term.anchor, 0, when))
                continue
            days = _calendar_days(term.offset.duration)
            found += [(term.anchor, term.offset.sign * d, when) for d in days]
    return found


def _signed_offsets(pb: Playbook) -> list[tuple[str, int]]:
    """Every (anchor, signed calendar days) a date rule of ``pb`` measures."""
    return [(anchor, days) for anchor, days, _ in _dated_terms(pb)]


def employer_offsets(pb: Playbook, anchor: str, lowest: int) -> tuple[int, ...]:
    """The offsets from the interview worth trying for the employer's date ``anchor``.

    The engine compares dates measured from different anchors; a date measured from the
    employer's ``anchor`` changes order with one measured from another anchor exactly where the
    two offsets meet.  Between two such days every date keeps the same order, so the days where
    they meet and the days either side cover every distinct behaviour (region equivalence, as
    timed-automata tools use it).  The day after the employer's date, before which the engine
    holds check-ins back, counts as an offset of 1.  The bound itself is tried too: past the
    last meeting day a later date keeps every order and only moves what is measured from it
    later, so the case stays open longest there.
    """
    terms = _signed_offsets(pb)
    own = {c for a, c in terms if a == anchor} | {0, 1}
    others = {c for a, c in terms if a != anchor} | {0}
    found = {o - e + s for o in others for e in own for s in (-1, 0, 1)}
    found.add(EMPLOYER_DATES_MAX)
    return tuple(sorted(x for x in found if lowest <= x <= EMPLOYER_DATES_MAX))


# With both of the employer's dates given, these facts hold: a rule whose condition needs
# otherwise never measures from one of them while the other is known.
BOTH_GIVEN: dict[str, object] = {"has_decision_date": True, "has_follow_up_after": True}


def employer_pairs(
    pb: Playbook, decision: tuple[int | None, ...], after: tuple[int | None, ...]
) -> tuple[tuple[int | None, int | None], ...]:
    """The pairs of a decision date and a date to check in after worth trying together.

    Each list alone (`employer_offsets`) holds the days where a date measured from that one
    date meets a date measured from an anchor the employer does not set.  With both dates, a
    date measured from one also meets one measured from the other: where their offsets differ
    by the gap between the two dates, whatever the days themselves (a diagonal, in the region
    equivalence of timed automata).  So besides every pair of the two lists, each day of one
    list is tried with the other date on each such gap, and the days either side of it.  Only
    rules whose condition can hold with both dates known count.
    """
    pairs = {(d, a) for d in decision for a in after}
    terms = [(anchor, days) for anchor, days, when in _dated_terms(pb) if _may_hold(when)]
    own = {anchor: {days for a, days in terms if a == anchor} | {0, 1} for anchor in LOWEST}
    # A decision-date term and a check-in-date term meet when the check-in date is this many
    # days after the decision date.
    gaps = {e - f for e in own["decision_by"] for f in own["follow_up_after"]}
    near = {g + s for g in gaps for s in (-1, 0, 1)}
    low_d, low_a = LOWEST["decision_by"], LOWEST["follow_up_after"]
    for d in decision:
        if d is not None and after != (None,):
            pairs |= {(d, d + g) for g in near if low_a <= d + g <= EMPLOYER_DATES_MAX}
    for a in after:
        if a is not None and decision != (None,):
            pairs |= {(a - g, a) for g in near if low_d <= a - g <= EMPLOYER_DATES_MAX}
    return tuple(sorted(pairs, key=_pair_order))


def _pair_order(pair: tuple[int | None, int | None]) -> tuple[int, int]:
    d, a = pair
    return (-1 if d is None else d, -1 if a is None else a)


def _may_hold(guard: Guard | None) -> bool:
    """Whether ``guard`` can hold with both of the employer's dates known (`BOTH_GIVEN`):
    False only when a test it needs says otherwise."""
    if guard is None or isinstance(guard, Not | Span):
        return True
    if isinstance(guard, Compare):
        if guard.fact not in BOTH_GIVEN:
            return True
        given = BOTH_GIVEN[guard.fact]
        if guard.op == "is":
            return guard.value == given
        if guard.op == "is_not":
            return guard.value != given
        return True
    if isinstance(guard, AllOf):
        return all(_may_hold(g) for g in guard.items)
    return any(_may_hold(g) for g in guard.items)
