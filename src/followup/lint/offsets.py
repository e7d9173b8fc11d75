"""The employer's dates a sound proof tries: every day up to a bound, and each pair of them.

Dates in the engine are anchors plus offsets, so it is tempting to try only the days where an
offset measured from the employer's date meets one measured from another anchor (and the days
either side): between two such days every date keeps its order, as in the region equivalence of
timed automata.  That misses cases.  An anchor the job seeker's steps set is itself dated from
the employer's date (a check-in `decision_by + 3d` sets `last_contact`, and `last_contact + 2w`
is then `decision_by + 17d`), so dates meet at sums of offsets along any chain of steps, timers
and the engine's own moves (the day after their date, the gaps between contacts, weekends, the
dates news carries).  With the two employer dates, such sums meet across them too: a playbook
written to show it keeps a case open two days longer than the meeting days alone find, with a
date to check in after twelve days before the decision date.  Closed under sums along chains
of up to two steps, the decision dates where something meets are all 43 days up to the bound
for every bundled playbook, so a sound proof tries every day, and every pair of days, and needs
no argument about which to skip.
"""

from __future__ import annotations

# The employer's own dates (a decision date, a date to check in after) are explored on every day
# up to this many days after the interview.  A bound is needed: a rule such as "decision_by + 4w"
# keeps the case open longer the later the employer's date, so ``max_days_open`` only holds for
# dates up to some bound.
EMPLOYER_DATES_MAX = 42
# The earliest offset from the interview tried for each of the employer's dates: a decision may
# come the same day; a date to check in after is at least a day on.
LOWEST = {"decision_by": 0, "follow_up_after": 1}


def employer_days(anchor: str) -> tuple[int, ...]:
    """Every offset from the interview a sound proof tries for the employer's date ``anchor``
    (`LOWEST` to `EMPLOYER_DATES_MAX`); each is tried with each of the other date's."""
    return tuple(range(LOWEST[anchor], EMPLOYER_DATES_MAX + 1))
