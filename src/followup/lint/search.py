"""Every path one case can take under one playbook, searched exhaustively and memoised.

A path is what happens after the interview: on each day a recommended step falls due the job
seeker does it or never does it, and on such a day (or the day the playbook gives up) outside
news may come, up to a budget.  The engine itself decides everything else: the search records
events exactly as ``followup.engine.plan.situation_at`` replays them and asks the run what is
due, so what it proves is about the engine, not about a model of it.

The future of a path depends only on the run's state and a little context, all of which can be
written relative to the current day.  The search remembers the worst future of every such
*abstract state* it meets, keeping only the parts of the run that rules still reachable can
read, so paths that meet again are explored once: exhaustive over the space, yet finite and fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from followup.compile.machine import CompiledPlaybook
from followup.engine.facts import Pending
from followup.engine.run import Run
from followup.errors import EngineError
from followup.lint.relevance import Key, Relevance
from followup.lint.space import Input, Space, Start
from followup.lint.worst import Ev, Worst, leaf, merge, merge_prepended, prepend
from followup.model.case import Case, Event, Interviewer
from followup.model.vocabulary import CLOSED, DIRECT_CHANNELS
from followup.semantics.meaning import (
    CONTACT_EVENTS,
    NUDGE_EVENTS,
    OWN_WORD_KINDS,
    REOPENABLE,
    REPLIES,
)
from followup.timeline.calendar import BusinessCalendar

WINDOWS = (7, 30)
MAX_EVENTS_PER_PATH = 400
NOTHING_HANDLED: frozenset[tuple[str, date]] = frozenset()
NewsEv = tuple[str, str | None, str | None, int | None, str]  # an `Ev` but for its day


class Ctx(NamedTuple):
    """What a path carries besides the run: its choices so far and what the metrics need."""

    handled: frozenset[tuple[str, date]]  # steps done or passed over, by (rule id, due date)
    inputs: int  # pieces of outside news still allowed
    rounds: int  # "next round" replies still allowed
    news_day: date | None  # a day something was due, on which news may still come
    recent: tuple[date, ...]  # direct contacts in the last 30 days
    start: date  # the employer's last word (`last_word`)
    events: int  # how many events the path has so far


@dataclass(frozen=True, slots=True)
class Next:
    """What comes next on a silent path: a step, the playbook closing the case, or nothing."""

    kind: str  # "step", "close" or "end"
    day: date | None = None
    pending: Pending | None = None
    reopenable: bool = False
    # For a step: the run moved on to where it was found (None: the run asked, unmoved).
    # Passing over the step leaves everything before it as it was, so a peek goes on from here.
    sim: Run | None = None
    more: bool = False  # at the end: a step, or a timer that does not close, comes after it


def record(run: Run, ev: Event) -> None:
    """Apply one recorded event exactly as ``situation_at`` replays it (same-day order too)."""
    stopped = run.advance(ev.date, inclusive=False)
    if stopped == ev.date and not run.expects(ev):
        run.advance(ev.date, inclusive=True)
    run.apply(ev)


class Search:
    """The memoised search for one playbook over its space (one per process)."""

    def __init__(self, cp: CompiledPlaybook, space: Space, cal: BusinessCalendar) -> None:
        self.cp = cp
        self.space = space
        self.cal = cal
        self.horizon = timedelta(days=space.horizon)
        self.relevance = Relevance(cp, absolute=cal.country is not None, news=space.inputs)
        self.memo: dict[tuple[object, ...], Worst] = {}
        self.visits = 0
        self.news_of = tuple(_News(news) for news in space.inputs)

    def explore(self, start: Start) -> Worst:
        """The worst futures of a case that starts as ``start`` says.

        Raises:
            EngineError: the playbook recommends steps without end on one day.
        """
        people = tuple(Interviewer(f"Interviewer {i + 1}") for i in range(start.interviewers))
        case = Case(
            "prove",
            start.interview,
            employer=start.employer,
            interviewers=people,
            interview_time=start.interview_time,
        )
        run = Run(self.cp, case, self.cal)
        ctx = Ctx(
            NOTHING_HANDLED,
            self.space.max_inputs,
            self.space.max_rounds,
            None,
            (),
            start.interview,
            0,
        )
        return self.solve(run, ctx)

    # -- the search ----------------------------------------------------------------------------

    def solve(
        self, run: Run, ctx: Ctx, key: Key | None = None, hint: Next | Run | None = None
    ) -> Worst:
        """The worst futures from ``run`` with ``ctx`` (whose key is ``key``, if known);
        ``run`` is never changed.  ``hint`` saves work the caller has done: what comes next
        (a `Next`), or ``run`` moved on as far as nothing but a step now passed over decides
        (`Next.sim`).

        Raises:
            EngineError: the playbook's timers or steps run on without end.
        """
        self.visits += 1
        if key is None:
            key = self.relevance.key(run, ctx)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._solve(run, ctx, key, hint)
        return found

    def _solve(self, run: Run, ctx: Ctx, key: Key, hint: Next | Run | None) -> Worst:
        taken: list[tuple[date, Ev]] = []  # steps done without a choice, before the next branch
        base = run.now
        known: Key | None = key  # the key of ``run`` and ``ctx`` while neither has changed
        while True:
            nxt = hint if isinstance(hint, Next) else self.peek(run, ctx, hint)
            hint = None
            if ctx.news_day is not None and (nxt.day is None or nxt.day > ctx.news_day):
                worst = self.news(run, ctx, ctx.news_day, closing=False, key=known, after=nxt)
            elif nxt.kind == "end":
                worst = leaf(self.space.horizon, False, nxt.more)
            elif nxt.kind == "close":
                assert nxt.day is not None
                if nxt.reopenable:
                    worst = self.news(run, ctx, nxt.day, closing=True)
                else:
                    worst = leaf((nxt.day - ctx.start).days, True)
            else:
                assert nxt.pending is not None
                assert nxt.day is not None
                if not self.relevance.branches(nxt.pending):
                    # A step that changes nothing the rules or the metrics can see: just do it.
                    taken.append((nxt.day, self.ev_of(nxt.pending, nxt.day, nxt.day)))
                    run, ctx = self.do(run, ctx, nxt.pending, nxt.day)
                    known = None
                    continue
                worst = self.step(run, ctx, nxt.pending, nxt.day, known, nxt.sim)
            return _prefixed(taken, worst, base, run.now) if taken else worst

    def peek(self, run: Run, ctx: Ctx, sim: Run | None = None) -> Next:
        """What the engine does next if nobody does anything but the pending steps (from
        ``sim``, ``run`` moved on without a step in ``ctx.handled``, if given)."""
        given = run if sim is None else sim
        sim = given  # cloned only once time has to pass in it
        end = ctx.start + self.horizon
        while True:
            if sim.state == CLOSED:
                assert sim.closed_on is not None
                return Next("close", sim.closed_on, reopenable=sim.outcome == REOPENABLE)
            best: Pending | None = None
            best_day = end
            doable = sim.cp.doable.get(sim.state)
            for p in sim.pending(doable, settled=True) if doable else ():
                if (p.compiled.id, p.due) in ctx.handled:
                    continue
                day = sim.done_on(p, sim.now)
                if day is None:
                    continue  # too late to be worth doing, so the engine never recommends it
                if best is None or day < best_day:
                    best, best_day = p, day
            timer = sim.next_timer()
            if best is not None and (timer is None or best_day <= timer[0]):
                if best_day > end:
                    return Next("end", more=True)
                return Next("step", best_day, best, sim=None if sim is run else sim)
            if timer is None:
                return Next("end")
            if timer[0] > end:
                return Next("end", more=timer[1].dest != CLOSED)
            if sim is given:
                sim = given.clone()
            state, now, version = sim.state, sim.now, sim.version
            sim.advance(timer[0], inclusive=True)
            if (sim.state, sim.now, sim.version) == (state, now, version):
                # A reminder due that same day holds the timer back until the day is over.
                sim.advance(timer[0] + timedelta(days=1), inclusive=False)

    def do(self, run: Run, ctx: Ctx, p: Pending, day: date) -> tuple[Run, Ctx]:
        """A copy of ``run`` after the job seeker does ``p`` on ``day``, and the new context.

        Raises:
            EngineError: the path has more events than any playbook could sensibly ask for.
        """
        if ctx.events >= MAX_EVENTS_PER_PATH:
            raise EngineError(
                f"playbook {self.cp.id}: more than {MAX_EVENTS_PER_PATH} steps on one path"
            )
        event_type = p.compiled.completed_by
        assert event_type is not None
        after = run.clone()
        record(after, Event(day, event_type, channel=p.channel))
        recent = ctx.recent
        if counted(p):
            recent = (*(d for d in recent if (day - d).days < 30), day)
        handled = ctx.handled | {(p.compiled.id, p.due)}
        news_day = _news_day(ctx, event_type, day)
        return after, Ctx(
            handled, ctx.inputs, ctx.rounds, news_day, recent, ctx.start, ctx.events + 1
        )

    def step(
        self, run: Run, ctx: Ctx, p: Pending, day: date, key: Key | None, sim: Run | None = None
    ) -> Worst:
        """Branch: the job seeker does ``p`` on ``day``, or never does it (``key``: that of
        ``run`` and ``ctx``, if known; ``sim``: ``run`` moved on to where ``p`` came next)."""
        after, done_ctx = self.do(run, ctx, p, day)
        done = self.solve(after, done_ctx)
        event_type = p.compiled.completed_by
        assert event_type is not None
        worst = prepend(self.ev_of(p, day, run.now), done, (after.now - run.now).days)
        if counted(p):
            worst.contacts += 1
            worst.head += 1
            for size in WINDOWS:
                count = 1 + sum(1 for d in ctx.recent if (day - d).days < size)
                if size == 7 and count > worst.per7:
                    worst.per7 = count
                elif size == 30 and count > worst.per30:
                    worst.per30 = count
        if (
            event_type in NUDGE_EVENTS
            and run.last_nudge is not None
            and p.compiled.action.kind not in OWN_WORD_KINDS
        ):
            gap = (day - run.last_nudge).days
            if worst.gap is None or gap < worst.gap:
                worst.gap = gap
        skipped = Ctx(
            ctx.handled | {(p.compiled.id, p.due)},
            ctx.inputs,
            ctx.rounds,
            _news_day(ctx, event_type, day),
            ctx.recent,
            ctx.start,
            ctx.events,
        )
        skipped_key = None if key is None else self.relevance.rekeyed(key, run, skipped)
        return merge(worst, self.solve(run, skipped, skipped_key, sim))

    def news(
        self,
        run: Run,
        ctx: Ctx,
        day: date,
        *,
        closing: bool,
        key: Key | None = None,
        after: Next | None = None,
    ) -> Worst:
        """Branch: no news on ``day``, or each piece of news the budget still allows
        (``key``: that of ``run`` and ``ctx``, if known; ``after``: what comes next without
        news, if known)."""
        if closing:
            worst = leaf((day - ctx.start).days, True)
        else:
            handled, inputs, rounds, _, recent, start, events = ctx
            quiet = Ctx(handled, inputs, rounds, None, recent, start, events)
            quiet_key = None if key is None else self.relevance.rekeyed(key, run, quiet)
            worst = self.solve(run, quiet, quiet_key, after)
        if ctx.inputs <= 0:
            return worst
        for news in self.news_of:
            if news.new_round and ctx.rounds <= 0:
                continue
            if closing and not news.reply:
                continue  # only a reply reopens a case the playbook gave up on
            worst = self._after_news(run, ctx, day, news, worst)
        return worst

    def _after_news(self, run: Run, ctx: Ctx, day: date, news: _News, worst: Worst) -> Worst:
        """``worst`` merged with the worst futures after ``news`` on ``day``."""
        after = run.clone()
        ev = news.event(day)
        record(after, ev)
        # News changes the situation: every step pending afterwards is the job seeker's to
        # take or pass over afresh.
        inputs = ctx.inputs - 1
        rounds = ctx.rounds - news.new_round
        child = Ctx(
            NOTHING_HANDLED,
            inputs,
            rounds if inputs else 0,  # without news to come, rounds left change nothing
            None,
            ctx.recent,
            last_word(ev, ctx.start),
            ctx.events + 1,
        )
        return merge_prepended(
            worst,
            ((day - run.now).days, *news.ev),
            self.solve(after, child),
            (after.now - run.now).days,
            new_round=news.new_round,
            # A new last word ends a stretch without one: the days open so far count.
            open_at_least=(day - ctx.start).days if child.start != ctx.start else None,
        )

    @staticmethod
    def ev_of(p: Pending, day: date, base: date) -> Ev:
        """A step as a path event, dated relative to ``base``."""
        event_type = p.compiled.completed_by
        assert event_type is not None
        return ((day - base).days, event_type, p.channel, None, None, p.compiled.id)


def last_word(ev: Event, start: date) -> date:
    """The employer's last word once news ``ev`` comes, if it was ``start`` (`LAST_WORD`).

    A reply is word from them: its day, or the next interview it sets, since waiting for a day
    they have set is not waiting without word from them.  A promise the job seeker makes, which
    they agreed to, moves it to the day the promise falls due: the playbook waits for it, and a
    limit counts only what the playbook does unasked (`OWN_WORD_KINDS`).  Other news leaves it.
    """
    if ev.type == "reply":
        return ev.interview or ev.date
    if ev.type == "committed" and ev.due is not None:
        return max(start, ev.due)
    return start


def _news_day(ctx: Ctx, event_type: str, day: date) -> date | None:
    """The day news may come after a step of ``event_type`` due on ``day``: that day, if the
    step is a contact and news may still come (else a day news could come changes nothing)."""
    if ctx.inputs > 0 and event_type in CONTACT_EVENTS:
        return day
    return ctx.news_day


def counted(p: Pending) -> bool:
    """Whether a playbook's limits count doing ``p`` as a direct contact: the engine counts
    it, and it is no promise of the job seeker's own (`OWN_WORD_KINDS`)."""
    event_type = p.compiled.completed_by
    return (
        event_type is not None
        and direct_contact(event_type, p.channel)
        and p.compiled.action.kind not in OWN_WORD_KINDS
    )


def own_word_ids(cp: CompiledPlaybook) -> frozenset[str]:
    """The rule ids of the steps a playbook's limits never count (`OWN_WORD_KINDS`)."""
    return frozenset(
        ca.id for group in cp.actions.values() for ca in group if ca.action.kind in OWN_WORD_KINDS
    )


def direct_contact(event_type: str, channel: str | None) -> bool:
    """Whether the engine counts this event as a direct contact."""
    return event_type in CONTACT_EVENTS and (channel is None or channel in DIRECT_CHANNELS)


class _News:
    """A piece of outside news as the search uses it: what it is, and its events by day."""

    __slots__ = ("ev", "events", "input", "new_round", "reply")

    def __init__(self, news: Input) -> None:
        self.input = news
        self.new_round = news.outcome is not None and REPLIES[news.outcome].new_round
        self.reply = news.type == "reply"
        self.ev = _news_ev(news)  # the path event it is, but for its day
        self.events: dict[date, Event] = {}

    def event(self, day: date) -> Event:
        """The event this news is on ``day`` (`Input.event`, made once per day: it is frozen)."""
        found = self.events.get(day)
        if found is None:
            found = self.events[day] = self.input.event(day)
        return found


def _news_ev(news: Input) -> NewsEv:
    """Outside news as a path event but for its day (`Ev`); the date it carries is counted
    from its own day."""
    channel = "email" if news.type == "committed" else None
    at = news.at.strftime("%H:%M") if news.at is not None else ""  # a next interview's time
    return (news.type, channel, news.outcome, news.ahead or None, at)


def _prefixed(taken: list[tuple[date, Ev]], worst: Worst, base: date, last: date) -> Worst:
    """Put steps taken without a choice before every witness of ``worst``.

    ``worst`` is relative to ``last``, the day reached after those steps; the result is
    relative to ``base``, the day reached before them.
    """
    out = worst
    tail_base = last
    days = [base] + [day for day, _ in taken]
    for i in range(len(taken), 0, -1):
        day, ev = taken[i - 1]
        cell_base = days[i - 1]
        moved: Ev = ((day - cell_base).days, ev[1], ev[2], ev[3], ev[4], ev[5])
        out = prepend(moved, out, (tail_base - cell_base).days)
        tail_base = cell_base
    return out
