"""The engine's two questions: where is this case on a day, and what comes next from there.

Replay: recorded events in date order; before each, timers whose date has passed fire as virtual
events.  Projection: from ``today``, assume the employer stays silent and every recommendation is
done on its due date, until the playbook closes the case.  Both are pure functions of the case,
the compiled playbook, the calendar and ``today``: no clock is read here.
"""

from __future__ import annotations

from datetime import date, timedelta

from followup.compile.machine import CompiledPlaybook
from followup.engine.facts import Pending
from followup.engine.notes import news_tell_by, notes_now, offer_unanswered
from followup.engine.result import Plan, Step, TraceEntry
from followup.engine.run import Run
from followup.model.case import Case, Event
from followup.model.playbook import Avoid
from followup.model.vocabulary import CLOSED
from followup.semantics.builtin import (
    ANSWER_OFFER_ADVICE,
    ANSWER_OFFER_ID,
    ANSWER_OFFER_KIND,
    ENGINE_RULE,
    KEEP_PROMISE,
    RECORD_ROUND_ADVICE,
    RECORD_ROUND_ID,
    RECORD_ROUND_KIND,
    WITHDRAW,
)
from followup.semantics.meaning import REOPENABLE
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import shift_days

PROMISE_KIND = KEEP_PROMISE.kind

# A projection stops after this many steps or this far ahead, whichever comes first; a playbook
# that has not closed by then is reported as open-ended (``closes_on`` is null).
MAX_STEPS = 60
HORIZON = timedelta(days=730)
NO_FOLLOW_UP_AVOID = "Do not check in again: they told you not to follow up (engine rule)."
PROMISE_EXCEPTION = (
    "{text} The one exception: the follow-up you promised by {channel} for {day}; they agreed "
    "to it, so keep it (engine rule)."
)


def situation_at(
    cp: CompiledPlaybook,
    case: Case,
    today: date,
    cal: BusinessCalendar,
    trace: list[TraceEntry] | None = None,
) -> tuple[Run, int]:
    """Replay ``case`` up to and including ``today``.

    Returns:
        The run at ``today`` and how many recorded events are dated after it (not counted).
    """
    run = Run(cp, case, cal, trace)
    ignored = 0
    for ev in case.events:  # the loader keeps them sorted by (date, position in file)
        if ev.date > today:
            ignored += 1
            continue
        # Same-day order: an event that does what the current state asked for comes before that
        # day's timers (as in the projection, where steps come before timers); any other event
        # comes after them, so replaying "did the step on its due date" retraces the projection.
        stopped_at = run.advance(ev.date, inclusive=False)
        if stopped_at == ev.date and not run.expects(ev):
            run.advance(ev.date, inclusive=True)
        run.apply(ev)
        if trace is not None:
            run.consider(ev.date)
    run.advance(today, inclusive=True)
    if trace is not None:
        if ignored:
            run.note(today, "ignored", f"{ignored} event(s) dated after {today} not counted")
        run.consider(today)
    return run, ignored


# On the same day, the engine's own steps come first: your word to them, or your withdrawal, is
# the contact of that day.  Check-ins come last: they only ask where things stand, while any other
# step says or does something (news, thanks, advice), so it takes the day and a check-in waits
# the minimum gap after it.
_OWN_FIRST = frozenset({KEEP_PROMISE.kind, WITHDRAW.kind})


def _rank(p: Pending) -> int:
    if p.compiled.action.kind in _OWN_FIRST:
        return 0
    return 2 if p.compiled.nudge else 1


def _first(p: Pending, q: Pending) -> bool:
    """Whether ``p`` goes before ``q`` when both would be done on the same day: by `_rank`, then
    the one due earlier (overdue first); else the playbook's rule order."""
    p_rank, q_rank = _rank(p), _rank(q)
    if p_rank != q_rank:
        return p_rank < q_rank
    return p.due < q.due


def _step(p: Pending, due: date, run: Run, send_on: date | None, when: date) -> Step:
    action = p.compiled.action
    promise = action.kind == PROMISE_KIND
    note = run.committed_note if promise else ""
    covers = tuple(ca.id for ca in run.held_for_promise(when, p.compiled)) if promise else ()
    return Step(
        action.kind,
        due,
        p.channel,
        action.id,
        action.advice,
        p.compiled.citation,
        action.optional,
        note,
        send_on,
        p.paced_after,
        _last_day(p, due),
        action.to,
        covers,
        p.moved_from if due == p.due else None,
        action.at,
        run.cp.kind_words.get(action.kind, "") if run.cp.kind_words else "",
    )


def _last_day(p: Pending, due: date) -> date | None:
    """The last day of a step's window: the playbook's, else the last day news of a competing
    offer is worth sending (news-before-deadline); never before the day it is due."""
    last = p.latest if p.latest is not None else p.expires
    return None if last is None else max(last, due)


def _record_round(invited: date) -> Step:
    """The one step of a round whose interview date is not known: record it."""
    return Step(
        RECORD_ROUND_KIND,
        invited,
        None,
        RECORD_ROUND_ID,
        RECORD_ROUND_ADVICE,
        ENGINE_RULE,
    )


def _answer_offer(run: Run, today: date) -> list[Step]:
    """An offer not yet answered: the one step left, due from the day it came, its window
    ending on their answer-by date (you may answer any day until then, not only on its eve);
    none once that date has passed (`notes_now` says so)."""
    if not offer_unanswered(run):
        return []
    assert run.closed_on is not None
    due, by = run.closed_on, run.offer_answer_by
    if by is not None and by < today:
        return []
    latest = None if by is None else max(by, due)
    return [
        Step(
            ANSWER_OFFER_KIND,
            due,
            None,
            ANSWER_OFFER_ID,
            ANSWER_OFFER_ADVICE,
            ENGINE_RULE,
            latest=latest,
        )
    ]


def project(
    run: Run, today: date, *, next_only: bool = False, in_place: bool = False
) -> tuple[list[Step], date | None]:
    """Steps from ``today`` on, assuming silence and every step done on its date.

    With ``in_place`` the projection moves ``run`` itself forward (cheaper, when the caller has
    no further use for the replayed state).

    Returns:
        The steps in date order, and the day the playbook closes the case (None if it does not
        within the horizon).
    """
    if run.state == CLOSED:
        return _answer_offer(run, today), run.closed_on
    if run.awaiting_interview is not None:
        return [_record_round(run.awaiting_interview)], None
    sim = run if in_place else run.clone()
    roll = sim.cal.roll_forward
    now = today
    end = shift_days(today, HORIZON.days)
    steps: list[Step] = []
    cutoff: date | None = None
    first_when = today
    while len(steps) < MAX_STEPS:
        if sim.state == CLOSED:
            return steps, sim.closed_on
        # The day each step would really be done: not before now, and (for direct contact)
        # never on a weekend or holiday, since waiting for an earlier step can land it on one.
        best: Pending | None = None
        best_when = end
        for p in sim.pending(settled=True):
            when = sim.done_on(p, now)
            if when is None:
                continue  # too late to be worth doing (news after its last day)
            if best is None or when < best_when or (when == best_when and _first(p, best)):
                best, best_when = p, when
        timer = sim.next_timer()
        if best is not None and (timer is None or best_when <= max(timer[0], now)):
            when = best_when
            # A step done on the first day you act keeps its own date (overdue shows as overdue);
            # a later one is never dated before the step before it, which it came due after.
            if not steps:
                first_when = when
            due = best.due if when == first_when else max(best.due, steps[-1].due)
            if best.channel in best.compiled.off_days:
                rolled = roll(due)
                if rolled != due and (
                    best.expires is None or not sim.weekend_news(due, best.expires)
                ):
                    due = rolled
            if when > end:
                break
            if next_only:
                if cutoff is None:
                    cutoff = max(due, today)
                elif due > cutoff:
                    break
            # An overdue step is done today, unless today is no day for it (a weekend, say).
            send_on = when if when > due and when != today else None
            steps.append(_step(best, due, sim, send_on, when))
            now = when
            event_type = best.compiled.completed_by
            if event_type is None:
                sim.complete(best.compiled, when)
            else:
                sim.apply(Event(when, event_type, channel=best.channel), best.compiled)
            continue
        if timer is None:
            break
        when = max(timer[0], now)
        if when > end or (next_only and steps):
            break
        sim.fire(timer[1], when)
        now = when
    return steps, None


def next_of(schedule: list[Step], today: date) -> list[Step]:
    """The steps to act on first: everything overdue or due today, else the earliest date's."""
    if not schedule:
        return []
    cutoff = max(schedule[0].due, today)
    first: list[Step] = []
    for s in schedule:  # a prefix: what follows is "then", in order
        if s.due > cutoff:
            break
        first.append(s)
    return first


def avoid_now(run: Run) -> list[str]:
    """The don'ts that apply in the run's current state (one about the channel of a promise
    still due names that promise as its exception).

    A don't is advice on following up.  A case the employer decided (an offer, a rejection), or
    that you ended (withdrawn, a job accepted elsewhere), has nothing left to follow up, so none
    shows for it; one the playbook closed itself (`REOPENABLE`: it moved on) shows those for
    ``closed``, such as not to keep chasing, since a reply can still reopen it.
    """
    if run.state == CLOSED and run.outcome != REOPENABLE:
        return []
    texts = [
        _except_promise(ca.avoid, run) if ca.avoid.channel else ca.avoid.text
        for ca in run.cp.avoid
        if (not ca.avoid.states or run.state in ca.avoid.states) and ca.guard(run)
    ]
    if run.told_no_follow_up and run.state != CLOSED:
        texts.append(NO_FOLLOW_UP_AVOID)
    return texts


def _except_promise(avoid: Avoid, run: Run) -> str:
    """A don't about one channel, with the promise you made by it as its exception while that
    promise is due: they agreed to it, so the plan must not tell you both to do it and not to."""
    promised = run.at_committed
    channel = run.committed_channel
    if not run.committed or promised is None or channel != avoid.channel or run.state == CLOSED:
        return avoid.text
    return PROMISE_EXCEPTION.format(text=avoid.text, channel=channel, day=promised.isoformat())


def plan_case(
    cp: CompiledPlaybook,
    case: Case,
    today: date,
    cal: BusinessCalendar,
    *,
    next_only: bool = False,
) -> Plan:
    """Where ``case`` stands on ``today`` under ``cp``, and what to do next.

    With ``next_only`` the projection stops after the first due date (what a batch agenda needs).
    """
    run, ignored = situation_at(cp, case, today, cal)
    # What holds today is read before the projection, which then moves the run itself forward
    # (no copy of it to make: nothing reads the replayed state after).
    state, outcome, closed_on = run.state, run.outcome, run.closed_on
    since, rule = run.at_state_entered, run.entered_by
    why = f"{rule.id}: {rule.advice}" if rule is not None and rule.advice else ""
    avoid = tuple(avoid_now(run))
    tell_by = news_tell_by(run) if state != CLOSED else None
    notes = tuple(notes_now(run, today, tell_by))
    schedule, closes_on = project(run, today, next_only=next_only, in_place=True)
    looks_until = closes_later = None
    if state == CLOSED:
        closes_on = closed_on
    elif closes_on is None and not next_only:
        looks_until, closes_later = _beyond(run, today, schedule)
    return Plan(
        case_id=case.id,
        playbook_id=cp.id,
        today=today,
        state=state,
        next=tuple(next_of(schedule, today)),
        schedule=tuple(schedule),
        closes_on=closes_on,
        outcome=outcome,
        avoid=avoid,
        ignored_future_events=ignored,
        notes=notes,
        never_closes=cp.playbook.never_closes.reason if cp.playbook.never_closes else "",
        tell_news_by=tell_by,
        looks_until=looks_until,
        closes_later=closes_later,
        state_since=since,
        state_why=why,
    )


def _beyond(run: Run, today: date, schedule: list[Step]) -> tuple[date | None, date | None]:
    """Whether the projection that left ``run`` where it stopped was cut short: the last day it
    looked at, if a step or a timer still comes after it (else None: the playbook has nothing
    more to do), and the day a timer would then close the case, if the next one does."""
    timer = run.next_timer()
    more = any(run.done_on(p, run.now) is not None for p in run.pending(settled=True))
    if timer is None and not more:
        return None, None
    looked = schedule[-1].due if len(schedule) >= MAX_STEPS else shift_days(today, HORIZON.days)
    closes = timer[0] if timer is not None and timer[1].dest == CLOSED and not more else None
    return looked, closes


def next_steps(
    cp: CompiledPlaybook, case: Case, today: date, cal: BusinessCalendar
) -> tuple[str, str | None, list[Step]]:
    """The state, outcome and next steps of ``case`` on ``today``: what a batch agenda needs.

    Cheaper than `plan_case`: the projection runs on the replayed state itself and stops at the
    first due date, and nothing else (the schedule, the don'ts) is computed.
    """
    run, _ = situation_at(cp, case, today, cal)
    state, outcome = run.state, run.outcome
    steps, _ = project(run, today, next_only=True, in_place=True)
    return state, outcome, next_of(steps, today)
