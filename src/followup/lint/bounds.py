"""What a prover's space leaves out of every case the language allows, each with why.

`prove` prints these with every proof (``--json``: ``space.bounds``).  The sound space (the
default) is exhaustive within them.  The quick space (``--quick``) also skips employer dates
between the few it tries, so it is not sound: a limit it reports as kept may still break.
"""

from __future__ import annotations

from followup.lint.offsets import EMPLOYER_DATES_MAX
from followup.lint.space import (
    EVERY_NEWS_DATE_COST,
    FIXED_NEWS_DATES,
    FIXED_NEWS_DATES_MISS,
    HOLIDAYS,
    HORIZON_FROM,
    JOB_SEEKER,
    NEAREST_DAY,
    NEWS_DATES_MAX,
    NEWS_DAYS,
    Space,
)

NOT_SOUND = (
    "not sound: the employer's dates are a few representative days only, so a case with "
    "another date may break a limit reported ok here (a sound proof, without --quick, tries "
    "every day up to the bound, each with each)"
)
STOPPED = (
    "stopped early: the representative employer dates already break a limit, in a real case "
    "(below), so the search over every day was not run; the values are the worst of those "
    "dates only, and a limit they keep is not proved (fix the breach, then prove again)"
)
FIXED_NEWS_DATES_BOUND = (
    f"news carries dates a fixed number of days on ({FIXED_NEWS_DATES}), not every date it "
    "could carry: each other day is a future of its own, and trying every day up to "
    f"{NEWS_DATES_MAX} makes the search {EVERY_NEWS_DATE_COST} (--news-dates every does; "
    f"{FIXED_NEWS_DATES_MISS})"
)
EVERY_NEWS_DATE_BOUND = (
    f"news carries its date at most {NEWS_DATES_MAX} days on (a later date keeps the case open "
    "longer without end)"
)


EVERY_DATE_QUICK = (
    f"; the representative employer dates, and their dates {NEAREST_DAY} day on, were also "
    f"tried with every date news carries up to {NEWS_DATES_MAX} days on, and keep every limit"
)


def news_dates(space: Space, every_date_quick: bool = False) -> str:
    """What ``space`` leaves out of the dates news carries, and why; ``every_date_quick``: the
    quick space was searched with every such date too, and kept every limit."""
    if space.every_news_date:
        return EVERY_NEWS_DATE_BOUND
    return FIXED_NEWS_DATES_BOUND + (EVERY_DATE_QUICK if every_date_quick else "")


def bounds(space: Space, every_date_quick: bool = False) -> list[str]:
    """What ``space`` leaves out of every case the language allows, each with why
    (``every_date_quick``: see `news_dates`)."""
    found = (
        [
            f"the employer's dates at most {EMPLOYER_DATES_MAX} days after the interview "
            "(a later date keeps the case open longer without end)"
        ]
        if space.sound
        else [NOT_SOUND]
    )
    holidays = (
        ", ".join(space.countries) + f" ({HOLIDAYS})"
        if space.countries
        else "none (name your clients' countries with --country)"
    )
    return [
        *found,
        f"at most {space.max_inputs} piece(s) of news per path and {space.max_rounds} extra "
        f"round(s), on {NEWS_DAYS} (each reply restarts check-ins, so more news means more "
        "contacts without end)",
        news_dates(space, every_date_quick),
        f"the job seeker {JOB_SEEKER}",
        f"public holidays: {holidays}",
        f"the horizon: {space.horizon} days after {HORIZON_FROM}, and at least a day past "
        "max_days_open (a path still open then counts as never closing, and as open longer "
        "than max_days_open allows)",
    ]
