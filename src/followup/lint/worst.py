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
    out = Worst(
        a.paths + b.paths,
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
    )
    if b.contacts > a.contacts:
        out.contacts, out.contacts_w = b.contacts, b.contacts_w
    if b.per7 > a.per7:
        out.per7, out.per7_w = b.per7, b.per7_w
    if b.per30 > a.per30:
        out.per30, out.per30_w = b.per30, b.per30_w
    if b.gap is not None and (a.gap is None or b.gap < a.gap):
        out.gap, out.gap_w = b.gap, b.gap_w
    if b.open > a.open:
        out.open, out.open_w = b.open, b.open_w
    if a.closes and not b.closes:
        out.closes, out.unclosed_w = False, b.unclosed_w
    out.head, out.head_w, out.rounds, out.rounds_w = a.head, a.head_w, a.rounds, a.rounds_w
    if b.head > a.head:
        out.head, out.head_w = b.head, b.head_w
    if b.rounds > a.rounds:
        out.rounds, out.rounds_w = b.rounds, b.rounds_w
    out.more, out.more_w = a.more, a.more_w
    if b.more and not a.more:
        out.more, out.more_w = True, b.more_w
    return out


def prepend(ev: Ev, child: Worst, shift: int) -> Worst:
    """The futures of ``child`` (whose base is ``shift`` days on) after the event ``ev``."""
    return Worst(
        child.paths,
        child.contacts,
        Wit(ev, child.contacts_w, shift),
        child.per7,
        Wit(ev, child.per7_w, shift),
        child.per30,
        Wit(ev, child.per30_w, shift),
        child.gap,
        Wit(ev, child.gap_w, shift),
        child.open,
        Wit(ev, child.open_w, shift),
        child.closes,
        Wit(ev, child.unclosed_w, shift) if not child.closes else None,
        child.head,
        Wit(ev, child.head_w, shift),
        child.rounds,
        Wit(ev, child.rounds_w, shift) if child.rounds else None,
        child.more,
        Wit(ev, child.more_w, shift) if child.more else None,
    )
