"""The employer's dates worth trying for a playbook: where its own date offsets meet.

Dates in the engine are anchors plus offsets.  Two dates measured from different anchors change
order exactly where their offsets meet, so between two such meeting points every choice of the
employer's date gives the same order of everything the engine compares: the meeting points and
the days either side cover every distinct behaviour (region equivalence, as timed-automata tools
use it for clocks).
"""

from __future__ import annotations

from followup.model.playbook import Playbook, Span, guard_tests
from followup.timeline.durations import Duration

# The employer's own dates (a decision date, a date to check in after) are explored on every day
# where the playbook's behaviour can change (see `employer_offsets`) up to this many days after
# the interview.  A bound is needed: a rule such as "decision_by + 4w" keeps the case open longer
# the later the employer's date, so ``max_days_open`` only holds for dates up to some bound.
EMPLOYER_DATES_MAX = 42


def _calendar_days(duration: Duration) -> tuple[int, ...]:
    """The calendar days a duration can span (business days: with any weekends between)."""
    base = duration.days + 30 * duration.months
    n = duration.business_days
    if not n:
        return (base,) if not duration.months else (base - 2, base - 1, base, base + 1)
    return tuple(range(base + n, base + n + 2 * (n // 5) + 3))


def _signed_offsets(pb: Playbook) -> list[tuple[str, int]]:
    """Every (anchor, signed calendar days) a date rule of ``pb`` measures."""
    rules = [a.due for a in pb.actions] + [t.after for t in pb.transitions if t.after]
    rules += [a.repeat.until for a in pb.actions if a.repeat and a.repeat.until]
    found: list[tuple[str, int]] = []
    # A condition on the time between two dates compares `to` with `from` + its duration: the
    # two sides of its threshold are offsets as a date rule's are.
    for span in _spans(pb):
        found.append((span.end, 0))
        found += [(span.start, span.offset.sign * d) for d in _calendar_days(span.offset.duration)]
    for rule in rules:
        for term in rule.terms:
            if term.offset is None:
                found.append((term.anchor, 0))
                continue
            found += [
                (term.anchor, term.offset.sign * d) for d in _calendar_days(term.offset.duration)
            ]
    return found


def _spans(pb: Playbook) -> list[Span]:
    """The tests of the time between two dates in ``pb``'s conditions."""
    return [s for g in pb.conditions() for s in guard_tests(g) if isinstance(s, Span)]


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
