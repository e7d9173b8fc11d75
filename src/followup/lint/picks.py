"""Which case a proof report shows for each measure, out of every case searched.

A task's search (`followup.lint.prove`) flattens each case's worst futures so they can cross a
process boundary, and sends back only the cases the report can pick: per measure the worst
value, then the first case a scenario can state, then the first case.
"""

from __future__ import annotations

from collections.abc import Callable

from followup.lint.space import Space, Start
from followup.lint.worst import Ev, Wit, Worst

# A finished search of some cases, flattened so it can cross a process boundary:
# (case index, paths, then per measure its value and events).
Flat = tuple[int, int, tuple[tuple[int | None, tuple[Ev, ...] | None], ...], bool, tuple[Ev, ...]]
GAP = 3  # the measure whose worst is its lowest: the shortest gap between check-ins
# The last measure: 1 for a case with a path the horizon cuts short with more still to come
# (`Worst.more`), else None.
MORE = 6
MEASURES = 7


def _events(w: Wit | None) -> tuple[Ev, ...]:
    return tuple(w.events()) if w is not None else ()


def flatten(index: int, worst: Worst) -> Flat:
    """Case ``index``'s worst futures as plain tuples, each measure with its path's events."""
    measures = (
        (worst.contacts, _events(worst.contacts_w)),
        (worst.per7, _events(worst.per7_w)),
        (worst.per30, _events(worst.per30_w)),
        (worst.gap, _events(worst.gap_w) if worst.gap is not None else None),
        (worst.open, _events(worst.open_w)),
        (worst.per_round()[0], _events(worst.per_round()[1])),
        (1, _events(worst.more_w)) if worst.more else (None, None),
    )
    assert len(measures) == MEASURES
    return index, worst.paths, measures, worst.closes, _events(worst.unclosed_w)


def candidates(space: Space, flats: list[Flat]) -> list[Flat]:
    """The cases, among ``flats`` (in case order), that the report can pick as a witness: per
    measure, and for a path that does not close, the one `pick` picks among them.

    `pick`'s choice among all cases is its choice among the tasks' picks (the worst value,
    then the first case a scenario can state, then the first case), so a process sends these
    few instead of every case's paths (a sound proof has tens of thousands of cases, and their
    paths took hundreds of megabytes).
    """
    keep: dict[int, Flat] = {}
    for which in range(len(flats[0][2]) if flats else 0):
        picked = pick(space, flats, measure(which), lowest=which == GAP)
        if picked is not None:
            keep[picked[1][0]] = picked[1]
    picked = pick(space, flats, unclosed)
    if picked is not None:
        keep[picked[1][0]] = picked[1]
    return sorted(keep.values(), key=lambda f: f[0])


def expressible(start: Start) -> bool:
    """Whether the step library can say how this case started (else a case file is needed)."""
    employer = start.employer
    return employer.follow_up_after is None or employer.follow_up == "invited"


def measure(which: int) -> Callable[[Flat], int | None]:
    """The value of measure ``which`` of a case."""
    return lambda flat: flat[2][which][0]


def unclosed(flat: Flat) -> int | None:
    """1 for a case with a path that does not close, else None (nothing to pick)."""
    return None if flat[3] else 1


def pick(
    space: Space, flats: list[Flat], value: Callable[[Flat], int | None], *, lowest: bool = False
) -> tuple[int, Flat] | None:
    """The case the report shows for a measure, with its value: the worst value (the highest,
    or the lowest), and among the cases with it the first a scenario can state (`expressible`),
    else the first (``flats`` in case order); None if no case has a value."""
    best: tuple[int, Flat] | None = None
    for flat in flats:
        found = value(flat)
        if found is None:
            continue
        if best is None:
            best = (found, flat)
            continue
        better = found < best[0] if lowest else found > best[0]
        tie_but_nicer = (
            found == best[0]
            and expressible(space.starts[flat[0]])
            and not (expressible(space.starts[best[1][0]]))
        )
        if better or tie_but_nicer:
            best = (found, flat)
    return best
