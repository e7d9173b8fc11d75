"""Checks about dates and counts: timers that never fire, caps that are never reached.

Both look at the rules alone (dates as written), so they only report what holds for every case:
a timer is shadowed only when another with no condition, on the same anchor, is always earlier;
a cap is unreachable only when even the earliest dates leave no room for it.
"""

from __future__ import annotations

from followup.lint.graphs import moves_of, reached
from followup.lint.reads import completed_by
from followup.lint.rules import Checks, kind_of, rules_of, satisfiable
from followup.model.playbook import Compare, DateRule, Guard, Not, Span

# -- L106: timers that another timer always beats ------------------------------------------------


def _plain(rule: DateRule | None) -> tuple[str, int] | None:
    """(anchor, days) for a one-term date counted in plain days; None otherwise."""
    if rule is None or len(rule.terms) != 1:
        return None
    term = rule.terms[0]
    if term.offset is None:
        return term.anchor, 0
    d = term.offset.duration
    if d.months or d.business_days:
        return None
    return term.anchor, term.offset.sign * d.days


def shadowed_timers(c: Checks) -> None:
    """A timer whose state is always left earlier by an unconditional timer on the same anchor."""
    pb = c.cp.playbook
    timers = [t for t in pb.transitions if t.after is not None]
    replied = _reply_states(c)
    for late in timers:
        late_date = _plain(late.after)
        if late_date is None:
            continue
        beaten_by: list[str] = []
        for state in late.sources:
            winner = None
            if state not in replied:
                for early in timers:
                    if early is late or state not in early.sources or early.when is not None:
                        continue
                    if early.dest == state:
                        continue
                    early_date = _plain(early.after)
                    if early_date is None or early_date[0] != late_date[0]:
                        continue
                    first = timers.index(early) < timers.index(late)
                    if early_date[1] < late_date[1] or (early_date[1] == late_date[1] and first):
                        winner = early.id
                        break
            if winner is None:
                break
            beaten_by.append(winner)
        else:
            c.report(
                "L106",
                late,
                "after",
                f"timer '{late.id}' can never fire: timer '{beaten_by[0]}' has no condition, is "
                f"measured from the same anchor and always fires first, leaving the state",
                "a date before the other timer's, or a condition on the other timer",
            )


# -- L112: steps due only after a timer has left their state --------------------------------------


def late_steps(c: Checks) -> None:
    """An action due, in every state it is in, after an unconditional timer leaves that state.

    Dates are compared only when both count plain days from the same anchor, so the warning
    holds for every case.  A step due on the timer's own day still comes first (the engine lets
    the day's steps go before its timers), so only a strictly later date is reported.
    """
    pb = c.cp.playbook
    timers = [t for t in pb.transitions if t.after is not None and t.when is None]
    replied = _reply_states(c)
    for a in pb.actions:
        due = _plain(a.due)
        if due is None:
            continue
        beaten: list[tuple[str, str, int]] = []
        for state in a.states:
            if state in replied:
                break  # a reply there can make the timer stale (see L106)
            leaving = [
                (t.id, d[1])
                for t in timers
                if state in t.sources
                and t.dest != state
                and (d := _plain(t.after)) is not None
                and d[0] == due[0]
                and d[1] < due[1]
            ]
            if not leaving:
                break
            beaten.append((state, *min(leaving, key=lambda x: x[1])))
        else:
            state, timer, days = beaten[0]
            c.report(
                "L112",
                a,
                "due",
                f"action '{a.id}' is due {due[1]} days after {due[0]}, but timer '{timer}' "
                f"always leaves '{state}' {days} days after it: the step never comes up",
                f"a due date on or before {due[0]} + {days}d, or the action in the state the "
                "timer leads to",
            )


def _reply_states(c: Checks) -> set[str]:
    """States a case can be in after a reply: a reply can make an earlier timer stale there."""
    return reached(moves_of(c.cp.playbook.transitions), ["waiting"])


# -- L108: caps that can never be reached --------------------------------------------------------


def unreachable_caps(c: Checks) -> None:
    """Repeat maxima that cannot fit, and check-in counts the playbook never recommends."""
    pb = c.cp.playbook
    for a in pb.actions:
        repeat = a.repeat
        if repeat is None or repeat.max is None or repeat.max < 2:
            continue
        due = _plain(a.due)
        every = repeat.every.duration
        if due is None or every.months or every.business_days or repeat.every.sign < 0:
            continue
        step = every.days
        last = due[1] + (repeat.max - 1) * step
        until = _plain(repeat.until)
        bound: tuple[int, str] | None = None
        if until is not None and until[0] == due[0] and until[1] < last:
            bound = (until[1], "its until")
        if bound is None and due[0] == "state_entered" and len(a.states) == 1:
            state = a.states[0]
            for t in pb.transitions:
                when = _plain(t.after)
                if (
                    state in t.sources
                    and state != "waiting"
                    and t.when is None
                    and t.dest != state
                    and when is not None
                    and when[0] == "state_entered"
                    and when[1] < last
                ):
                    bound = (when[1], f"timer '{t.id}' leaves '{state}'")
                    break
        if bound is not None:
            fit = 0 if bound[0] < due[1] else 1 + (bound[0] - due[1]) // max(step, 1)
            c.report(
                "L108",
                a,
                "repeat",
                f"action '{a.id}' repeats at most {repeat.max} times but only {fit} fit before "
                f"{bound[1]}",
                f"a max of {fit} or less, or more room before {bound[1]}",
            )
    _unreachable_check_ins(c)


def _check_in_capacity(c: Checks) -> int | None:
    """The most check-ins the playbook recommends before a reply (None: no limit)."""
    pb = c.cp.playbook
    total = 0
    for a in pb.actions:
        if completed_by(pb, a.kind) != "check_in_sent":
            continue
        if a.repeat is None:
            total += 1
        elif a.repeat.max is None:
            return None
        else:
            total += a.repeat.max
    return total


def _needs(guard: Guard | None) -> list[int]:
    """The check-in counts a condition waits for (outside any ``not``)."""
    if guard is None or isinstance(guard, Not | Span):
        return []
    if isinstance(guard, Compare):
        if guard.fact != "check_ins" or not isinstance(guard.value, int):
            return []
        if guard.op in ("ge", "is"):
            return [guard.value]
        if guard.op == "gt":
            return [guard.value + 1]
        return []
    return [n for g in guard.items for n in _needs(g)]


def _unreachable_check_ins(c: Checks) -> None:
    capacity = _check_in_capacity(c)
    if capacity is None:
        return
    for rule in rules_of(c.cp):
        if rule.when is not None and not satisfiable(c, rule.when):
            continue  # L104 says it never holds at all
        need = max(_needs(rule.when), default=0)
        if need > capacity:
            c.report(
                "L108",
                rule,
                "when",
                f"{kind_of(rule)} '{rule.id}' waits for {need} check-ins, but the playbook "
                f"recommends at most {capacity} before the employer replies",
                f"a count of {capacity} or less, or more check-ins recommended",
            )
