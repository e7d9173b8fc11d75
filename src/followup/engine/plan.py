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
from followup.engine.result import Plan, Step, TraceEntry
from followup.engine.run import Run
from followup.model.case import Case, Event
from followup.model.playbook import Avoid
from followup.model.vocabulary import CLOSED, INITIAL_STATE
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
from followup.semantics.meaning import NEWS_KIND, OFFER, THANKS_KINDS
from followup.semantics.rules import KEEP_PROMISES
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


def _answer_offer(run: Run) -> list[Step]:
    """An offer not yet answered: the one step left, by the day before their answer-by date."""
    if run.outcome != OFFER or run.offer_answer is not None or run.closed_on is None:
        return []
    due = run.closed_on
    if run.offer_answer_by is not None:
        due = max(due, shift_days(run.offer_answer_by, -1))
    return [Step(ANSWER_OFFER_KIND, due, None, ANSWER_OFFER_ID, ANSWER_OFFER_ADVICE, ENGINE_RULE)]


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
        return _answer_offer(run), run.closed_on
    if run.awaiting_interview is not None:
        return [_record_round(run.awaiting_interview)], None
    sim = run if in_place else run.clone()
    roll = sim.cal.roll_forward
    off_days = sim.cp.off_days
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
        for p in sim.pending():
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
            if best.channel in off_days:
                due = roll(due)
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
    still due names that promise as its exception)."""
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


def _missed_thanks(run: Run, today: date) -> str:
    """A line when the plan has moved past an interview that nobody was thanked for."""
    interview = run.at_interview
    if run.state in (INITIAL_STATE, CLOSED) or interview is None or interview > today:
        return ""
    thanks = {run.cp.completed_by.get(kind) for kind in THANKS_KINDS}
    if any(ev.type in thanks and interview <= ev.date <= today for ev in run.case.events):
        return ""
    late = [p for p in run.pending() if p.compiled.action.kind in THANKS_KINDS]
    verdict = (
        "this playbook still suggests a late one (see the plan)"
        if late
        else "this playbook does not suggest a late one now; carry on with the plan"
    )
    return (
        f"No thank-you is recorded for the interview on {interview.isoformat()}, and the time "
        f"this playbook gives for one has passed: {verdict}."
    )


def _windows_passed(run: Run, today: date) -> list[str]:
    """A line for each step whose window (due..until) has passed with nothing recorded: it
    still stands (late is better than never for a contact the coach asked for), shown due."""
    if run.state == CLOSED:
        return []
    return [
        f"The window for {p.compiled.action.id} ({p.due.isoformat()} to {p.latest.isoformat()}) "
        "has passed with nothing recorded: it is still in the plan, so do it now, late."
        for p in run.pending()
        if p.latest is not None and p.latest < today and p.expires is None
    ]


def _has_news_step(run: Run) -> bool:
    """Whether the playbook has a step of the kind that tells them about a competing offer."""
    return any(ca.action.kind == NEWS_KIND for group in run.cp.actions.values() for ca in group)


def notes_now(run: Run, today: date) -> list[str]:
    """What the job seeker should know that is not a step: a promise whose day has passed."""
    notes: list[str] = []
    missed = _missed_thanks(run, today)
    if missed:
        notes.append(missed)
    news = [p.expires for p in run.pending() if p.compiled.action.kind == NEWS_KIND]
    expired = news[0] if news else run.news_expires()
    if run.state != CLOSED and expired is not None and not _has_news_step(run):
        # The engine's rule times a playbook's own step; without one, say so rather than nothing.
        if expired >= today:
            notes.append(
                f"You hold a competing offer to answer by {run.at_offer_deadline}. This playbook "
                f"has no step for telling them about it (its article does not cover it): whether "
                f"to tell them, before {expired}, is your call."
            )
    elif run.state != CLOSED and expired is not None and expired < today:
        notes.append(
            f"The last day to tell them about your competing offer was {expired} (its deadline "
            f"is {run.at_offer_deadline}), so that step has expired; if you still hold the "
            "offer, a new deadline is new news: record it."
        )
    notes += _windows_passed(run, today)
    promised = run.at_committed
    keeps = KEEP_PROMISES not in run.cp.opted_out
    if (
        run.state != CLOSED
        and keeps
        and run.committed
        and promised is not None
        and promised < today
    ):
        what = f" ({run.committed_note})" if run.committed_note else ""
        notes.append(
            f"You promised to follow up on {promised.isoformat()}{what} and nothing since "
            "says you did: a broken promise. Do it now, and say why it is late."
        )
    return notes


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
    avoid = tuple(avoid_now(run))
    notes = tuple(notes_now(run, today))
    schedule, closes_on = project(run, today, next_only=next_only, in_place=True)
    if state == CLOSED:
        closes_on = closed_on
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
    )


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
