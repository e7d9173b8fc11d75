"""The worst futures of a point on a path, each with a witness: a path that shows it.

`followup.lint.search` works these out and remembers them per abstract state; a witness is a
chain of events whose cells share their tails, so remembering one costs a cell per event.
"""

from __future__ import annotations

from dataclasses import dataclass

# An event on a path: (day offset from the base, type, channel, outcome, carried date, rule id).
# The carried date, in days after the event's own day, is a reply's new decision date or
# interview, an offer's deadline or a promise's due date; the rule id names the action a step
# did ("" for outside news).
# A path event: its day (from a base), type, channel, reply outcome, the days ahead of it of the
# date it carries, and the rule id of a step (of news: a next interview's time, HH:MM, or "").
Ev = tuple[int, str, str | None, str | None, int | None, str]


class Wit:
    """A witness: a path's events, as a chain whose cells each have their own base day."""

    __slots__ = ("ev", "shift", "tail")

    def __init__(self, ev: Ev, tail: Wit | None, shift: int) -> None:
        self.ev = ev
        self.tail = tail
        self.shift = shift  # the tail's base day, relative to this cell's base

    def events(self, base: int = 0) -> list[Ev]:
        """The whole chain as events with offsets from this cell's base plus ``base``."""
        out: list[Ev] = []
        cell: Wit | None = self
        while cell is not None:
            ev = cell.ev
            out.append((ev[0] + base, ev[1], ev[2], ev[3], ev[4], ev[5]))
            base += cell.shift
            cell = cell.tail
        return out


@dataclass(slots=True)
class Worst:
    """The worst of every future from one point, each with a path that shows it."""

    paths: int
    contacts: int
    contacts_w: Wit | None
    per7: int
    per7_w: Wit | None
    per30: int
    per30_w: Wit | None
    gap: int | None
    gap_w: Wit | None
    open: int
    open_w: Wit | None
    closes: bool
    unclosed_w: Wit | None
    # Direct contacts per round: the most before the next round begins (``head``), and the
    # most in any later round (``rounds``); a round's count is the larger of the two at its start.
    head: int = 0
    head_w: Wit | None = None
    rounds: int = 0
    rounds_w: Wit | None = None
    # Whether some path is cut short by the horizon with more still to come (a step due after
    # it, or a timer that does not close the case): its counts are then only those of the days
    # searched, and a case left open longer makes more contacts.
    more: bool = False
    more_w: Wit | None = None

    def per_round(self) -> tuple[int, Wit | None]:
        """The most direct contacts in any one round, with a path that shows it."""
        return (
            (self.head, self.head_w) if self.head >= self.rounds else (self.rounds, self.rounds_w)
        )


def leaf(open_days: int, closes: bool, more: bool = False) -> Worst:
    """A path that ends here: the case stays closed, or the horizon is reached while open
    (``more``: with more still to come after it)."""
    out = Worst(1, 0, None, 0, None, 0, None, None, None, open_days, None, closes, None)
    out.more = more
    return out


def merge(a: Worst, b: Worst) -> Worst:
    """The worst of two sets of futures (ties keep ``a``)."""
    # Each measure's worst, worked out before the one `Worst` is made (each field once).
    x = b if b.contacts > a.contacts else a
    contacts, contacts_w = x.contacts, x.contacts_w
    x = b if b.per7 > a.per7 else a
    per7, per7_w = x.per7, x.per7_w
    x = b if b.per30 > a.per30 else a
    per30, per30_w = x.per30, x.per30_w
    x = b if b.gap is not None and (a.gap is None or b.gap < a.gap) else a
    gap, gap_w = x.gap, x.gap_w
    x = b if b.open > a.open else a
    open_, open_w = x.open, x.open_w
    x = b if a.closes and not b.closes else a
    closes, unclosed_w = x.closes, x.unclosed_w
    x = b if b.head > a.head else a
    head, head_w = x.head, x.head_w
    y = b if b.rounds > a.rounds else a
    x = b if b.more and not a.more else a
    return Worst(
        a.paths + b.paths,
        contacts,
        contacts_w,
        per7,
        per7_w,
        per30,
        per30_w,
        gap,
        gap_w,
        open_,
        open_w,
        closes,
        unclosed_w,
        head,
        head_w,
        y.rounds,
        y.rounds_w,
        x.more,
        x.more_w,
    )


def prepend(ev: Ev, child: Worst, shift: int) -> Worst:
    """The futures of ``child`` (whose base is ``shift`` days on) after the event ``ev``.

    Measures whose paths are one chain share its new cell too (a path's cells are never
    changed, so sharing them changes nothing but the memory a memo of millions takes).
    """
    tail = child.contacts_w
    contacts_w = Wit(ev, tail, shift)
    made = {tail: contacts_w}
    tail = child.per7_w
    per7_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    tail = child.per30_w
    per30_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    tail = child.gap_w
    gap_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    tail = child.open_w
    open_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    tail = child.head_w
    head_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    unclosed_w = None
    if not child.closes:
        tail = child.unclosed_w
        unclosed_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    rounds_w = None
    if child.rounds:
        tail = child.rounds_w
        rounds_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    more_w = None
    if child.more:
        tail = child.more_w
        more_w = made.get(tail) or made.setdefault(tail, Wit(ev, tail, shift))
    return Worst(
        child.paths,
        child.contacts,
        contacts_w,
        child.per7,
        per7_w,
        child.per30,
        per30_w,
        child.gap,
        gap_w,
        child.open,
        open_w,
        child.closes,
        unclosed_w,
        child.head,
        head_w,
        child.rounds,
        rounds_w,
        child.more,
        more_w,
    )


def merge_prepended(
    a: Worst, ev: Ev, child: Worst, shift: int, *, new_round: bool, open_at_least: int | None
) -> Worst:
    """``merge(a, b)`` for ``b`` the futures of ``child`` after news ``ev`` (`prepend`), with
    the direct contacts of the round so far put by when the news begins a new round
    (``new_round``), and the days open at least ``open_at_least`` (None: as ``child`` says).

    The same as making ``b`` and merging it, without the cells of the paths it does not win
    with: most news leaves the worst as it was.
    """
    made: dict[Wit | None, Wit] = {}

    def cell(tail: Wit | None) -> Wit:
        found = made.get(tail)
        if found is None:
            found = made[tail] = Wit(ev, tail, shift)
        return found

    c = child
    out = Worst(
        a.paths + c.paths,
        a.contacts,
        a.contacts_w,
        a.per7,
        a.per7_w,
        a.per30,
        a.per30_w,
        a.gap,
        a.gap_w,
        a.open,
        a.open_w,
        a.closes,
        a.unclosed_w,
        a.head,
        a.head_w,
        a.rounds,
        a.rounds_w,
        a.more,
        a.more_w,
    )
    if c.contacts > a.contacts:
        out.contacts, out.contacts_w = c.contacts, cell(c.contacts_w)
    if c.per7 > a.per7:
        out.per7, out.per7_w = c.per7, cell(c.per7_w)
    if c.per30 > a.per30:
        out.per30, out.per30_w = c.per30, cell(c.per30_w)
    if c.gap is not None and (a.gap is None or c.gap < a.gap):
        out.gap, out.gap_w = c.gap, cell(c.gap_w)
    open_ = c.open if open_at_least is None or open_at_least <= c.open else open_at_least
    if open_ > a.open:
        out.open, out.open_w = open_, cell(c.open_w)
    if a.closes and not c.closes:
        out.closes, out.unclosed_w = False, cell(c.unclosed_w)
    if new_round:
        # The round so far ends with the news: its count is the most of any earlier round.
        if c.head >= c.rounds:
            rounds, rounds_tail = c.head, c.head_w
        else:
            rounds, rounds_tail = c.rounds, c.rounds_w
    else:
        if c.head > a.head:
            out.head, out.head_w = c.head, cell(c.head_w)
        rounds, rounds_tail = c.rounds, c.rounds_w
    if rounds > a.rounds:
        out.rounds, out.rounds_w = rounds, cell(rounds_tail)
    if c.more and not a.more:
        out.more, out.more_w = True, cell(c.more_w)
    return out
