"""The finite space the prover explores: employer facts at the interview, and outside news.

Every case the language allows is one of: an interview on some weekday; what the employer said
(follow-up wanted or not, a preferred channel, calls allowed, a decision date, a date to check
in); and, later, news the playbook does not control (replies, a competing offer, a portfolio
update, a promise the job seeker made).  The prover explores all of them, with dates reduced to a
few representative offsets, and with two exact reductions: a fact the playbook never reads is
explored at one value only, and channel preferences the playbook cannot tell apart (the same
kind of channel chosen for every action) are explored once.  Both are exact because the engine
can only act on what the rules read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from followup.lint.offsets import EMPLOYER_DATES_MAX, employer_offsets
from followup.model.case import Employer, Event
from followup.model.playbook import (
    Compare,
    DateRule,
    Guard,
    Playbook,
    guard_tests,
)
from followup.model.vocabulary import (
    COMPLETED_BY,
    DIRECT_CHANNELS,
    FOLLOW_UP_PERMISSIONS,
    PREFERRED_CHANNELS,
)
from followup.semantics import meaning as semantics
from followup.semantics.meaning import CALLS_WITHOUT_INVITATION, DEFAULT_REPLY, EVENTS
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
# The quick space (the default): a few representative employer dates only.
DECISION_DAYS = (7, 21)  # "we decide in a week / three weeks" (or no date at all)
FOLLOW_UP_AFTER_DAYS = (7, 14)  # "check in after a week / two weeks" (or no such date)
QUICK_DATES = (
    "a few representative days only (--sound tries every day where the behaviour can change)"
)
EMPLOYER_DATES = (
    "every day where an anchor offset measured from the employer's date meets one measured from "
    f"another anchor, the days either side and the bound, up to {EMPLOYER_DATES_MAX} days after "
    "the interview (a later date only keeps the case open longer)"
)
# Outside news comes on a day something is due; dates it carries are this far ahead of it.
NEW_DECISION_DAYS = 14
NEXT_INTERVIEW_DAYS = 7
OFFER_DEADLINE_DAYS = 7
PROMISE_DAYS = 7
# Pieces of outside news on any one path (``--news``), and how many of them may be "next round"
# replies.  A bound is needed: every reply restarts check-ins, so with more news a path makes
# more contacts without end; and each piece multiplies the paths (about 14 times for the second).
MAX_INPUTS = 1
MAX_EXTRA_ROUNDS = 1
NEWS_DAYS = "a day a contact is due (after it), or the day the playbook closes the case"
JOB_SEEKER = "does each recommended step on its due date, or never"
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
HORIZON_FROM = "the interview or the employer's latest reply"


@dataclass(frozen=True, slots=True)
class Start:
    """One combination of what the employer said at the interview."""

    interview: date
    employer: Employer
    interviewers: int
    country: str | None = None  # whose public holidays count (None: weekends only)


@dataclass(frozen=True, slots=True)
class Input:
    """A piece of outside news the playbook does not control, as an event on a given day."""

    name: str
    type: str
    outcome: str | None = None
    ahead: int = 0  # days ahead of the news for the date it carries, if any

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
NEWS = (
    Input("competing offer", "competing_offer", ahead=OFFER_DEADLINE_DAYS),
    Input("portfolio update", "portfolio_update"),
    Input("promise to follow up", "committed", ahead=PROMISE_DAYS),
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
class Reads:
    """Everything a playbook's rules can look at."""

    facts: frozenset[str]
    anchors: frozenset[str]
    channels: frozenset[str]
    triggers: frozenset[str]


def guard_facts(guard: Guard | None) -> set[str]:
    """The facts a condition tests."""
    facts: set[str] = set()
    for test in guard_tests(guard):
        if isinstance(test, Compare):
            facts.add(test.fact)
        else:
            # A span is read as a fact of its own (lint's stand-in for a case answers it by
            # name), and as the facts that say whether its dates are known, so the prover
            # tries those dates.
            known = (semantics.ANCHOR_KNOWN_WHEN.get(a) for a in (test.start, test.end))
            facts |= {test.name, *(k[0] for k in known if k is not None)}
    return facts


def rule_anchors(rule: DateRule | None) -> set[str]:
    """The anchors a date rule is measured from."""
    return set() if rule is None else {t.anchor for t in rule.terms}


def completed_by(pb: Playbook, kind: str) -> str | None:
    """The event that does an action of ``kind`` (None for a reminder)."""
    for k in pb.kinds:
        if k.name == kind:
            return k.completed_by
    return COMPLETED_BY.get(kind)


def reads_of(pb: Playbook) -> Reads:
    """What ``pb`` reads, over all its rules but reminders.

    A reminder (an action nothing recorded completes) is shown and then lapses: it never
    changes a fact, an anchor or another rule's progress, so what only reminders read cannot
    change which contacts the engine recommends, or when the case closes.
    """
    facts: set[str] = set()
    anchors: set[str] = set()
    channels: set[str] = set()
    for a in pb.actions:
        if completed_by(pb, a.kind) is None:
            continue
        facts |= guard_facts(a.when)
        anchors |= rule_anchors(a.due)
        if a.repeat is not None:
            anchors |= rule_anchors(a.repeat.until)
        for option in a.channel:
            facts |= guard_facts(option.when)
            channels.add(option.use)
    for t in pb.transitions:
        facts |= guard_facts(t.when)
        anchors |= rule_anchors(t.after)
    triggers = {t.on for t in pb.transitions if t.on is not None}
    return Reads(frozenset(facts), frozenset(anchors), frozenset(channels), frozenset(triggers))


def uses_months(pb: Playbook) -> bool:
    """Whether any offset counts calendar months (whose length depends on the date)."""
    offsets: list[Duration] = []
    for rule in [a.due for a in pb.actions] + [t.after for t in pb.transitions if t.after]:
        offsets += [t.offset.duration for t in rule.terms if t.offset is not None]
    for a in pb.actions:
        if a.repeat is not None:
            offsets.append(a.repeat.every.duration)
            if a.repeat.until is not None:
                offsets += [t.offset.duration for t in a.repeat.until.terms if t.offset]
    return any(d.months for d in offsets)


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

    def described(self) -> dict[str, object]:
        """The space, for scripts."""
        return {
            "interview_weekdays": list(WEEKDAYS),
            "interview_weeks": [w.isoformat() for w in self.weeks],
            "follow_up": list(self.follow_ups),
            "preferred_channel_and_calls": [
                {"preferred_channel": pc, "may_call": mc} for pc, mc in self.channels
            ],
            "decision_by_days": list(self.decision),
            "follow_up_after_days": list(self.after),
            "employer_dates": EMPLOYER_DATES if self.sound else QUICK_DATES,
            "interviewers": list(self.interviewers),
            "news": [i.name for i in self.inputs],
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


def _channel_kind(channel: str | None) -> str:
    if channel is None:
        return "skip"
    return "direct" if channel in DIRECT_CHANNELS else "indirect"


def channel_signature(pb: Playbook, preferred: str | None, may_call: bool) -> tuple[object, ...]:
    """What the engine makes of one channel preference: per action, the kind of channel chosen.

    An option with a condition may or may not apply, so it is noted and the next one tried; the
    first option without a condition that applies ends the list.  The kind of a channel is all
    the engine acts on: direct contact is counted and kept off weekends, other channels are not.
    """
    sig: list[tuple[str, ...]] = []
    for a in pb.actions:
        if completed_by(pb, a.kind) is None:
            continue
        choices: list[str] = []
        calls = may_call or a.to in CALLS_WITHOUT_INVITATION
        for option in a.channel:
            use = option.use
            if use == "preferred":
                use = preferred if preferred and (preferred != "phone" or calls) else "skip"
            elif use == "phone":
                use = "phone" if calls else "skip"
            if use == "skip":
                continue
            kind = use if use in ("none", "committed") else _channel_kind(use)
            if option.when is not None or use == "committed":
                choices.append(kind + "?")
                continue
            choices.append(kind)
            break
        sig.append(tuple(choices))
    return tuple(sig)


def channel_choices(pb: Playbook, reads: Reads) -> list[tuple[str | None, bool]]:
    """The (preferred channel, calls allowed) pairs worth exploring for ``pb``."""
    pairs = [(pc, mc) for pc in (*PREFERRED_CHANNELS, None) for mc in (False, True)]
    if {"preferred_channel", "may_call"} & reads.facts:
        return pairs
    seen: dict[tuple[object, ...], tuple[str | None, bool]] = {}
    for pc, mc in pairs:
        seen.setdefault(channel_signature(pb, pc, mc), (pc, mc))
    return list(seen.values())


def count_cap(pb: Playbook, fact: str) -> int:
    """One more than the largest number a condition compares the count ``fact`` with."""
    found = [
        test.value
        for g in pb.conditions()
        for test in guard_tests(g)
        if isinstance(test, Compare)
        and test.fact == fact
        and isinstance(test.value, int)
        and not isinstance(test.value, bool)
    ]
    return max(found, default=0) + 1


def build_space(
    pb: Playbook,
    horizon: int,
    *,
    sound: bool = False,
    holidays: dict[str, frozenset[date]] | None = None,
    news: int = MAX_INPUTS,
) -> Space:
    """The space to explore for ``pb`` within ``horizon`` days of the employer's last word.

    With ``sound`` the employer's dates are every day where the playbook's behaviour can change
    (`employer_offsets`), else a few representative ones (`DECISION_DAYS`,
    `FOLLOW_UP_AFTER_DAYS`).  ``holidays`` gives, per country to explore, its public holidays of
    `HOLIDAY_YEAR`; the interview then also falls on each day from `HOLIDAY_LEAD_DAYS` before
    each of them to the holiday itself.  ``news`` pieces of outside news may come on a path,
    any of them a new round (at least `MAX_EXTRA_ROUNDS`).
    """
    reads = reads_of(pb)
    follow_ups = FOLLOW_UP_PERMISSIONS if "follow_up" in reads.facts else ("unspecified",)
    decision: tuple[int | None, ...] = (None,)
    if "decision_by" in reads.anchors or "has_decision_date" in reads.facts:
        decision = (
            None,
            *(employer_offsets(pb, "decision_by", 0) if sound else DECISION_DAYS),
        )
    after: tuple[int | None, ...] = (None,)
    if "follow_up_after" in reads.anchors or "has_follow_up_after" in reads.facts:
        after = (
            None,
            *(employer_offsets(pb, "follow_up_after", 1) if sound else FOLLOW_UP_AFTER_DAYS),
        )
    interviewers = (
        tuple(range(count_cap(pb, "interviewers") + 1)) if "interviewers" in reads.facts else (1,)
    )
    channels = channel_choices(pb, reads)
    weeks = MONTH_WEEKS if uses_months(pb) else (FIRST_INTERVIEW,)
    employers = (follow_ups, channels, decision, after, interviewers)
    days = [w + timedelta(days=d) for w in weeks for d in range(len(WEEKDAYS))]
    starts = [*_starts(days, None, *employers)]
    for country, off in sorted((holidays or {}).items()):
        near = {h - timedelta(days=k) for h in off for k in range(HOLIDAY_LEAD_DAYS + 1)}
        starts += _starts(sorted(near), country, *employers)
    inputs = REPLIES + tuple(n for n in NEWS if _visible(n, reads))
    return Space(
        tuple(starts),
        inputs,
        news,
        max(news, MAX_EXTRA_ROUNDS),
        horizon,
        follow_ups,
        tuple(channels),
        decision,
        after,
        interviewers,
        sound,
        weeks,
        tuple(sorted(holidays or {})),
    )


def _starts(
    days: list[date],
    country: str | None,
    follow_ups: tuple[str, ...],
    channels: list[tuple[str | None, bool]],
    decision: tuple[int | None, ...],
    after: tuple[int | None, ...],
    interviewers: tuple[int, ...],
) -> Iterator[Start]:
    for interview in days:
        for follow_up in follow_ups:
            for pc, mc in channels:
                for dec in decision:
                    for fua in after:
                        for people in interviewers:
                            yield Start(
                                interview,
                                Employer(
                                    decision_by=None
                                    if dec is None
                                    else interview + timedelta(days=dec),
                                    follow_up=follow_up,
                                    follow_up_after=None if fua is None else Duration(days=fua),
                                    preferred_channel=pc,
                                    may_call=mc,
                                ),
                                people,
                                country,
                            )


def _visible(news: Input, reads: Reads) -> bool:
    names = NEWS_READS[news.type]
    return bool(
        set(names) & reads.facts
        or set(names) & reads.anchors
        or news.type in reads.triggers
        or (news.type == "committed" and "committed" in reads.channels)
    )
