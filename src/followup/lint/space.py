"""The finite space the prover explores: employer facts at the interview, and outside news.

Every case the language allows is one of: an interview on some weekday; what the employer said
(follow-up wanted or not, a preferred channel, calls allowed, a decision date, a date to check
in); and, later, news the playbook does not control (replies, a competing offer, a portfolio
update, a promise the job seeker made, a job accepted elsewhere).  The prover explores all of
them, with the employer's dates on every day up to a bound (sound, the default) or on a few
representative days (`--quick`), and with three exact reductions: a fact the playbook never
reads is explored at one value only, news it cannot tell from none is not explored, and channel
preferences the playbook cannot tell apart (the same kind of channel chosen for every action)
are explored once.  They are exact because the engine can only act on what the rules (and its
own rules, such as keeping promises) read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from itertools import product

from followup.lint.offsets import EMPLOYER_DATES_MAX, employer_days
from followup.lint.reads import Reads, channel_choices, count_cap, reads_of, uses_months
from followup.model.case import Employer, Event
from followup.model.playbook import Playbook
from followup.model.vocabulary import FOLLOW_UP_PERMISSIONS, PARTS_OF_DAY
from followup.semantics import meaning as semantics
from followup.semantics.meaning import AFTERNOON_FROM, DEFAULT_REPLY, EVENING_FROM, EVENTS
from followup.semantics.rules import KEEP_PROMISES
from followup.timeline.durations import Duration

# A Monday with no holiday near it; the interview falls on each day of that week in turn.
FIRST_INTERVIEW = date(2026, 3, 2)
# A playbook that counts calendar months waits a different number of days from a different
# month: it is explored from the weeks where months are longest (July: one, two and three months
# from there are 31, 62 and 92 days) and shortest (the end of January: a month on is the end of
# February, 28 days or fewer) instead.  Any week gives every weekday, so nothing about weekends
# is lost; leap years' 29 February is neither extreme.
MONTH_WEEKS = (date(2026, 7, 6), date(2026, 1, 26))
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# The quick space (`--quick`): a few representative employer dates only.
DECISION_DAYS = (7, 21)  # "we decide in a week / three weeks" (or no date at all)
FOLLOW_UP_AFTER_DAYS = (7, 14)  # "check in after a week / two weeks" (or no such date)
# With every date news carries, the quick space also tries the employer's nearest date, a day
# on: a next round the day after their reply crowds contacts most when the check-in that drew
# it came a day after the interview (how-many-times: five in a week, found by the full search).
NEAREST_DAY = 1
QUICK_DATES = (
    "a few representative days only (a sound proof tries every day up to the bound, each with each)"
)
EMPLOYER_DATES = (
    f"every day up to {EMPLOYER_DATES_MAX} days after the interview, for each of the employer's "
    "dates and each with each (a later date only keeps the case open longer)"
)
# Outside news comes on a day something is due; dates it carries are this far ahead of it, or
# (``--news-dates every``) on every day from the next one up to `NEWS_DATES_MAX`.
NEW_DECISION_DAYS = 14
NEXT_INTERVIEW_DAYS = 7
OFFER_DEADLINE_DAYS = 7
PROMISE_DAYS = 7
# A later date a piece of news carries keeps the case open longer without end, as the employer's
# own dates do: the same bound.
NEWS_DATES_MAX = EMPLOYER_DATES_MAX
FIXED_NEWS_DATES = (
    f"a new decision date {NEW_DECISION_DAYS} days on, a next interview {NEXT_INTERVIEW_DAYS}, "
    f"an offer's deadline {OFFER_DEADLINE_DAYS}, a promise {PROMISE_DAYS}"
)
# What trying every such date costs (measured: bench/README.md), and what the fixed ones miss.
EVERY_NEWS_DATE_COST = "about 20 times as long"
FIXED_NEWS_DATES_MISS = (
    "a next interview the day after their reply can crowd two thank-yous into two days"
)
EVERY_NEWS_DATE = (
    f"every day from 1 to {NEWS_DATES_MAX} days after the news, for each date news carries "
    "(a new decision date, a next interview, an offer's deadline, a promise)"
)
# Pieces of outside news on any one path (``--news``), and how many of them may be "next round"
# replies.  A bound is needed: every reply restarts check-ins, so with more news a path makes
# more contacts without end; and each piece multiplies the paths (about 14 times for the second).
MAX_INPUTS = 1
MAX_EXTRA_ROUNDS = 1
NEWS_DAYS = "a day a contact is due (after it), or the day the playbook closes the case"
JOB_SEEKER = "does each recommended step on its due date, or never"
# The time of day of an interview, where a rule reads it (`interview_part`): the engine knows it
# only as the part of the day it falls in (`part_of_day`), so one time in each part stands for
# every time in it (and no time at all for "unknown").  A new round's interview is tried at each.
PART_TIMES: dict[str, time | None] = {
    "morning": time(AFTERNOON_FROM - 3, 0),
    "afternoon": time(AFTERNOON_FROM + 2, 0),
    "evening": time(EVENING_FROM + 1, 0),
    "unknown": None,
}
assert tuple(PART_TIMES) == PARTS_OF_DAY
assert all(semantics.part_of_day(t) == part for part, t in PART_TIMES.items())
# The prover runs on BusinessCalendar(None): the default week, the same for every case.  Its
# state key keeps the weekday (lint/relevance.py), which is exact for any weekly calendar.
CALENDAR = "Saturday and Sunday weekends only (no country, so no public holidays)"
# With --country, each country's calendar (its weekend and public holidays) is explored too,
# with the interview on each of the days from a week before each public holiday of one year up
# to the holiday itself: every weekday, and the holiday at every place in the first week, where
# thank-you windows and business-day waits are.  Later holidays fall where they fall from those
# dates, which spread over the year.
HOLIDAY_YEAR = 2026
HOLIDAY_LEAD_DAYS = 7
HOLIDAYS = (
    f"for each country: the interview on each of the {HOLIDAY_LEAD_DAYS} days before each of "
    f"its public holidays of {HOLIDAY_YEAR}, and on the holiday itself"
)
# What a case waits on without word from the employer counts from (`search.last_word`).
LAST_WORD = (
    "the interview, their latest reply or the next interview it sets, or the day a promise the "
    "job seeker made, which they agreed to, falls due"
)
HORIZON_FROM = f"the employer's last word ({LAST_WORD})"
# How many days after `HORIZON_FROM` a path is followed, unless asked otherwise (``--horizon``);
# never less than a day past the playbook's ``max_days_open``, so a path open longer is seen.
DEFAULT_HORIZON = 120


@dataclass(frozen=True, slots=True)
class ProofOptions:
    """What a proof explores besides the playbook: the options of ``prove`` and ``lint
    --prove``, each defined once here (a proof depends on the playbook and these alone)."""

    horizon: int = DEFAULT_HORIZON  # days after the employer's last word (`search_horizon`)
    sound: bool = True  # the employer's dates on every day up to the bound, else a few
    countries: tuple[str, ...] = ()  # whose public holidays are explored besides weekends
    news: int = MAX_INPUTS  # pieces of outside news per path
    every_news_date: bool = False  # the dates news carries on every day up to the bound

    def __post_init__(self) -> None:
        object.__setattr__(self, "countries", tuple(sorted(set(self.countries))))


DEFAULT_OPTIONS = ProofOptions()  # a sound proof, with the defaults above


@dataclass(frozen=True, slots=True)
class Start:
    """One combination of what the employer said at the interview."""

    interview: date
    employer: Employer
    interviewers: int
    country: str | None = None  # whose public holidays count (None: weekends only)
    interview_time: time | None = None  # `PART_TIMES`: where a rule reads the part of the day


@dataclass(frozen=True, slots=True)
class Input:
    """A piece of outside news the playbook does not control, as an event on a given day."""

    name: str
    type: str
    outcome: str | None = None
    ahead: int = 0  # days ahead of the news for the date it carries, if any
    at: time | None = None  # a next interview's time of day (`PART_TIMES`), if it has one

    def event(self, day: date) -> Event:
        """The event this news is, on ``day``."""
        later = day + timedelta(days=self.ahead)
        if self.type == "reply":
            meaning = semantics.REPLIES[self.outcome or DEFAULT_REPLY]
            return Event(
                day,
                "reply",
                outcome=self.outcome,
                decision_by=later if self.ahead and meaning.restarts_nudges else None,
                interview=later if meaning.new_round else None,
                interview_time=self.at if meaning.new_round else None,
            )
        if self.type == "competing_offer":
            return Event(day, "competing_offer", deadline=later)
        if self.type == "committed":
            return Event(day, "committed", channel="email", due=later)
        return Event(day, self.type)


REPLIES = (
    Input("still deciding", "reply", "still_deciding"),
    Input("still deciding with a new date", "reply", "still_deciding", NEW_DECISION_DAYS),
    Input("no follow-up", "reply", "no_follow_up"),
    Input("next round", "reply", "next_round", NEXT_INTERVIEW_DAYS),
)
PROMISE = Input("promise to follow up", "committed", ahead=PROMISE_DAYS)
# News that only ends the case (an offer, a rejection, withdrawing) is left out, exactly: nothing
# after it is measured.  A job accepted elsewhere ends it only once the job seeker withdraws (the
# engine's step, which they may also pass over), so it is explored where a rule reads it.
NEWS = (
    Input("competing offer", "competing_offer", ahead=OFFER_DEADLINE_DAYS),
    Input("portfolio update", "portfolio_update"),
    PROMISE,
    Input("accepted a job elsewhere", "accepted_elsewhere"),
)
# What makes each piece of news visible to a playbook: the facts it sets and the anchors it dates
# (and, for a promise, the channel word `committed`).
NEWS_READS: dict[str, tuple[str, ...]] = {
    n.type: tuple(
        dict.fromkeys([*(f for f, _ in EVENTS[n.type].sets), *(a for a, _ in EVENTS[n.type].dates)])
    )
    for n in NEWS
}


@dataclass(frozen=True, slots=True)
class Space:
    """What the prover explores for one playbook."""

    starts: tuple[Start, ...]
    inputs: tuple[Input, ...]
    max_inputs: int
    max_rounds: int
    horizon: int
    follow_ups: tuple[str, ...] = ()
    channels: tuple[tuple[str | None, bool], ...] = ()
    decision: tuple[int | None, ...] = ()
    after: tuple[int | None, ...] = ()
    interviewers: tuple[int, ...] = ()
    sound: bool = False
    weeks: tuple[date, ...] = (FIRST_INTERVIEW,)
    countries: tuple[str, ...] = ()
    every_news_date: bool = False  # dates news carries on every day up to the bound
    parts: tuple[str, ...] = ("unknown",)  # the parts of the day interviews are tried at

    @property
    def news_kinds(self) -> list[str]:
        """The kinds of news that may come, each once (`dated_news` tries one on many days)."""
        return list(dict.fromkeys(i.name for i in self.inputs))

    def described(self) -> dict[str, object]:
        """The space, for scripts."""
        return {
            "interview_weekdays": list(WEEKDAYS),
            "interview_weeks": [w.isoformat() for w in self.weeks],
            "interview_parts_of_day": list(self.parts),
            "follow_up": list(self.follow_ups),
            "preferred_channel_and_calls": [
                {"preferred_channel": pc, "may_call": mc} for pc, mc in self.channels
            ],
            "decision_by_days": list(self.decision),
            "follow_up_after_days": list(self.after),
            "employer_dates": EMPLOYER_DATES if self.sound else QUICK_DATES,
            "interviewers": list(self.interviewers),
            "news": self.news_kinds,
            "news_dates": EVERY_NEWS_DATE if self.every_news_date else FIXED_NEWS_DATES,
            "news_days": NEWS_DAYS,
            "max_news_per_path": self.max_inputs,
            "max_extra_rounds": self.max_rounds,
            "job_seeker": JOB_SEEKER,
            "calendar": CALENDAR,
            "countries": list(self.countries),
            "holiday_interviews": HOLIDAYS if self.countries else None,
            "horizon_days": self.horizon,
            "horizon_from": HORIZON_FROM,
        }


def build_space(
    pb: Playbook, options: ProofOptions, holidays: dict[str, frozenset[date]] | None = None
) -> Space:
    """The space to explore for ``pb`` within ``options.horizon`` days of the employer's last
    word, or a day past its ``max_days_open`` if that is later (`search_horizon`).

    With ``options.sound`` the employer's dates are every day up to the bound (`employer_days`),
    else a few representative ones (`DECISION_DAYS`, `FOLLOW_UP_AFTER_DAYS`); each with each.
    ``holidays`` gives, per country to explore, its public holidays of `HOLIDAY_YEAR`; the
    interview then also falls on each day from `HOLIDAY_LEAD_DAYS` before each of them to the
    holiday itself.  ``options.news`` pieces of outside news may come on a path, any of them a
    new round (at least `MAX_EXTRA_ROUNDS`); with ``options.every_news_date`` the date a piece
    carries is each day up to `NEWS_DATES_MAX` after it (`dated_news`), else the one of its kind
    (`Input.ahead`).
    """
    sound, news, every_news_date = options.sound, options.news, options.every_news_date
    reads = reads_of(pb)
    follow_ups = FOLLOW_UP_PERMISSIONS if "follow_up" in reads.facts else ("unspecified",)
    decision, after, pairs = _employer_dates(reads, sound, every_news_date)
    interviewers = (
        tuple(range(count_cap(pb, "interviewers") + 1)) if "interviewers" in reads.facts else (1,)
    )
    channels = channel_choices(pb, reads)
    weeks = MONTH_WEEKS if uses_months(pb) else (FIRST_INTERVIEW,)
    parts = PARTS_OF_DAY if "interview_part" in reads.facts else ("unknown",)
    employers = (follow_ups, channels, pairs, interviewers, parts)
    days = [w + timedelta(days=d) for w in weeks for d in range(len(WEEKDAYS))]
    starts = [*_starts(days, None, *employers)]
    for country, off in sorted((holidays or {}).items()):
        near = {h - timedelta(days=k) for h in off for k in range(HOLIDAY_LEAD_DAYS + 1)}
        starts += _starts(sorted(near), country, *employers)
    keeps_promises = KEEP_PROMISES not in pb.opted_out()
    inputs = _at_each_part(REPLIES, parts) + tuple(
        n for n in NEWS if _visible(n, reads, keeps_promises)
    )
    if every_news_date:
        inputs = dated_news(inputs)
    return Space(
        tuple(starts),
        inputs,
        news,
        max(news, MAX_EXTRA_ROUNDS),
        search_horizon(pb, options.horizon),
        follow_ups,
        tuple(channels),
        decision,
        after,
        interviewers,
        sound,
        weeks,
        tuple(sorted(holidays or {})),
        every_news_date,
        parts,
    )


def _at_each_part(replies: tuple[Input, ...], parts: tuple[str, ...]) -> tuple[Input, ...]:
    """``replies`` with a next interview at each of ``parts`` of the day (`PART_TIMES`)."""
    out: list[Input] = []
    for r in replies:
        if r.outcome is not None and semantics.REPLIES[r.outcome].new_round and len(parts) > 1:
            out += [replace(r, name=f"{r.name} ({part})", at=PART_TIMES[part]) for part in parts]
        else:
            out.append(r)
    return tuple(out)


def search_horizon(pb: Playbook, horizon: int) -> int:
    """The days a path of ``pb`` is followed when ``horizon`` is asked for: at least one past
    its ``max_days_open``.  A path still open when the search stops has been open as long as
    the horizon, and no longer is known; with a shorter horizon than the limit it would look
    as if it kept the limit however long it really stays open."""
    limit = pb.limits.max_days_open
    return horizon if limit is None else max(horizon, limit + 1)


def dated_news(inputs: tuple[Input, ...]) -> tuple[Input, ...]:
    """``inputs`` with each that carries a date (`Input.ahead`) tried on every day from the
    next one up to `NEWS_DATES_MAX` instead: each is a future of its own."""
    return tuple(
        replace(n, ahead=days)
        for n in inputs
        for days in (range(1, NEWS_DATES_MAX + 1) if n.ahead else (0,))
    )


DatePair = tuple[int | None, int | None]


def _employer_dates(
    reads: Reads, sound: bool, every_news_date: bool
) -> tuple[tuple[int | None, ...], tuple[int | None, ...], list[DatePair]]:
    """The decision dates and dates to check in after to try, as offsets from the interview
    (None: the employer gave none), and the pairs of them to try; a date the playbook never
    reads is tried as none only.  A quick space with every date news carries also tries
    `NEAREST_DAY`.

    Check-ins that wait past the later of the two dates read it even where no rule names
    either: then the decision date is tried, and carries that later date alone when no rule
    reads the other.  A date no rule reads counts only as the later of the two, so a pair where
    it is not later is the case without it, and is left out.
    """
    reads_decision = "decision_by" in reads.anchors or "has_decision_date" in reads.facts
    reads_after = "follow_up_after" in reads.anchors or "has_follow_up_after" in reads.facts
    nearest = (NEAREST_DAY,) if every_news_date else ()
    decision: tuple[int | None, ...] = (None,)
    if reads_decision or reads.waits_past:
        quick = (*nearest, *DECISION_DAYS)
        decision = (None, *(employer_days("decision_by") if sound else quick))
    after: tuple[int | None, ...] = (None,)
    if reads_after or (reads.waits_past and reads_decision):
        quick = (*nearest, *FOLLOW_UP_AFTER_DAYS)
        after = (None, *(employer_days("follow_up_after") if sound else quick))

    def distinct(d: int | None, f: int | None) -> bool:
        if d is None or f is None or reads_decision == reads_after:
            return True
        return f > d if reads_decision else d > f

    return decision, after, [(d, f) for d in decision for f in after if distinct(d, f)]


def _starts(
    days: list[date],
    country: str | None,
    follow_ups: tuple[str, ...],
    channels: list[tuple[str | None, bool]],
    dates: list[DatePair],
    interviewers: tuple[int, ...],
    parts: tuple[str, ...],
) -> Iterator[Start]:
    for interview, follow_up, (pc, mc), (dec, fua), people, part in product(
        days, follow_ups, channels, dates, interviewers, parts
    ):
        yield Start(
            interview,
            Employer(
                decision_by=None if dec is None else interview + timedelta(days=dec),
                follow_up=follow_up,
                follow_up_after=None if fua is None else Duration(days=fua),
                preferred_channel=pc,
                may_call=mc,
            ),
            people,
            country,
            PART_TIMES[part],
        )


def _visible(news: Input, reads: Reads, keeps_promises: bool) -> bool:
    """Whether ``news`` can change what the playbook does: a rule reads what it sets or moves
    on it, or (a promise) the engine keeps promises in this playbook (keep-promises)."""
    names = NEWS_READS[news.type]
    return bool(
        set(names) & reads.facts
        or set(names) & reads.anchors
        or news.type in reads.triggers
        or (news.type == "committed" and (keeps_promises or "committed" in reads.channels))
    )
