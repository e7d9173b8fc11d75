"""What a proof found: each worst value with a path that shows it, the limits broken, and the
report `followup.lint.prove` gives; and the measures its text reads off a path.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from followup.compile.machine import CompiledPlaybook
from followup.lint.picks import Flat
from followup.lint.search import direct_contact
from followup.lint.space import Space, Start
from followup.lint.worst import Ev
from followup.timeline.durations import Duration


@dataclass(frozen=True, slots=True)
class Witness:
    """A path: how the case started, and its events (day offsets from the interview)."""

    start: Start
    events: tuple[Ev, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """One worst value with the path that shows it (None when no path has one at all)."""

    value: int | None
    witness: Witness | None


@dataclass(frozen=True, slots=True)
class Breach:
    """A limit a path breaks."""

    limit: str
    allowed: int
    found: int
    witness: Witness
    # A count a path would go on raising: the horizon cut it short with more still to come
    # (`followup.lint.worst.Worst.more`), so ``found`` is only what the days searched make.
    unbounded: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    """What `prove` found for one playbook."""

    cp: CompiledPlaybook
    space: Space
    cases: int
    paths: int
    states: int
    seconds: float
    contacts: Found
    per7: Found
    per30: Found
    gap: Found
    open: Found
    closes: bool
    unclosed: Witness | None
    breaches: tuple[Breach, ...]
    per_round: Found = Found(None, None)  # direct contacts in any one interview round
    # 1, with its path, where some path is cut short by the horizon with more still to come.
    more: Found = Found(None, None)
    # A sound proof asked to stop at the first breach, made of the quick space alone because
    # that already breaks a limit: its breaches are real cases, and it claims nothing else.
    stopped: bool = False
    # A sound proof with the fixed dates news carries whose quick space was also searched with
    # every date news carries (`followup.lint.space.dated_news`), keeping every limit there;
    # its worst values are then the worse of the two searches'.
    every_date_quick: bool = False
    # Found by an earlier run of the same followup on the same playbook and options, and
    # remembered (`followup.lint.proof_cache`): ``seconds`` is that run's.
    remembered: bool = False

    @property
    def ok(self) -> bool:
        """No limit broken."""
        return not self.breaches


@dataclass(frozen=True, slots=True)
class Searched:
    """What searching a space found, before it becomes a report: totals, and the few cases the
    report can pick (`followup.lint.picks.candidates`), in case order."""

    flats: tuple[Flat, ...]
    paths: int
    states: int
    closes: bool
    seconds: float
    remembered: bool = False


def gap_days(duration: Duration) -> int:
    """A ``min_gap`` in calendar days (a month as 30 days, 5 business days as a week)."""
    return duration.days + 30 * duration.months + (duration.business_days * 7 + 4) // 5


def worse(a: Found, b: Found, lowest: bool = False) -> Found:
    """The worse of two worst values (the higher, or with ``lowest`` the lower); ties keep a."""
    if b.value is None:
        return a
    if a.value is None or (b.value < a.value if lowest else b.value > a.value):
        return b
    return a


def worst_of_both(sound: Report, every: Report) -> Report:
    """A sound proof with the fixed dates news carries, with the worst values of the quick one
    with every date (searched first, with no breach) where they are worse: each is a real
    path, so the report shows the worst of the cases searched either way."""
    return replace(
        sound,
        contacts=worse(sound.contacts, every.contacts),
        per7=worse(sound.per7, every.per7),
        per30=worse(sound.per30, every.per30),
        gap=worse(sound.gap, every.gap, lowest=True),
        open=worse(sound.open, every.open),
        per_round=worse(sound.per_round, every.per_round),
        more=worse(sound.more, every.more),
        closes=sound.closes and every.closes,
        unclosed=sound.unclosed or every.unclosed,
        every_date_quick=True,
    )


def window_of(
    witness: Witness, size: int, uncounted: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """The first day (an offset) of a ``size``-day window with the most direct contacts, and
    how many it has; steps of the rules in ``uncounted`` are not counted (`own_word_ids`)."""

    days = [
        ev[0] for ev in witness.events if direct_contact(ev[1], ev[2]) and ev[5] not in uncounted
    ]
    best = (0, 0)
    for first in days:
        count = sum(1 for d in days if first <= d < first + size)
        if count > best[1]:
            best = (first, count)
    return best


def day_of(witness: Witness, offset: int) -> str:
    """An event offset of a witness as a date."""
    return (witness.start.interview + timedelta(days=offset)).isoformat()
