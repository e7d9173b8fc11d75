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
from followup.model.vocabulary import CLOSED, DIRECT_CHANNELS, INITIAL_STATE
from followup.semantics.builtin import (
    ANSWER_OFFER_ADVICE,
    ANSWER_OFFER_ID,
    ANSWER_OFFER_KIND,
    ENGINE_RULE,
    KEEP_PROMISE,
    RECORD_ROUND_ADVICE,
    RECORD_ROUND_ID,
    RECORD_ROUND_KIND,
)
from followup.semantics.meaning import OFFER, THANKS_KINDS
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import shift_days

PROMISE_KIND = KEEP_PROMISE.kind

# A projection stops after this many steps or this far ahead, whichever comes first; a playbook
# that has not closed by then is reported as open-ended (``closes_on`` is null).
MAX_STEPS = 60
HORIZON = timedelta(days=730)
NO_FOLLOW_UP_AVOID = "Do not check in again: they told you not to follow up (engine rule)."


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


def _step(p: Pending, due: date, run: Run, send_on: date | None) -> Step:
    action = p.compiled.action
    note = run.committed_note if action.kind == PROMISE_KIND else ""
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
        action.to,
    )


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
    now = today
    end = shift_days(today, HORIZON.days)
    steps: list[Step] = []
    cutoff: date | None = None
    while len(steps) < MAX_STEPS:
        if sim.state == CLOSED:
            return steps, sim.closed_on
        # The day each step would really be done: not before now, and (for direct contact)
        # never on a weekend or holiday, since waiting for an earlier step can land it on one.
        best: Pending | None = None
        best_when = end
        for p in sim.pending():
            when = p.due if p.due > now else now
            if p.channel in DIRECT_CHANNELS:
                when = roll(when)
            if p.expires is not None and when > p.expires:
                continue  # too late to be worth doing (news after its deadline)
            if best is None or when < best_when:
                best, best_when = p, when
        timer = sim.next_timer()
        if best is not None and (timer is None or best_when <= max(timer[0], now)):
            when = best_when
            due = best.due if not steps else max(best.due, steps[-1].due)
            if best.channel in DIRECT_CHANNELS:
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
            steps.append(_step(best, due, sim, send_on))
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
    return [s for s in schedule if s.due <= cutoff]


def avoid_now(run: Run) -> list[str]:
    """The don'ts that apply in the run's current state."""
    texts = [
        ca.avoid.text
        for ca in run.cp.avoid
        if (not ca.avoid.states or run.state in ca.avoid.states) and ca.guard(run)
    ]
    if run.told_no_follow_up and run.state != CLOSED:
        texts.append(NO_FOLLOW_UP_AVOID)
    return texts


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


def notes_now(run: Run, today: date) -> list[str]:
    """What the job seeker should know that is not a step: a promise whose day has passed."""
    notes: list[str] = []
    missed = _missed_thanks(run, today)
    if missed:
        notes.append(missed)
    expired = run.news_expires()
    if run.state != CLOSED and expired is not None and expired < today:
        notes.append(
            f"The deadline on your competing offer ({run.at_offer_deadline}) has passed, so the "
            "step to tell them about it has expired; if you still hold the offer, a new deadline "
            "is new news: record it."
        )
    promised = run.at_committed
    if run.state != CLOSED and run.committed and promised is not None and promised < today:
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
    schedule, closes_on = project(run, today, next_only=next_only)
    if run.state == CLOSED:
        closes_on = run.closed_on
    return Plan(
        case_id=case.id,
        playbook_id=cp.id,
        today=today,
        state=run.state,
        next=tuple(next_of(schedule, today)),
        schedule=tuple(schedule),
        closes_on=closes_on,
        outcome=run.outcome,
        avoid=tuple(avoid_now(run)),
        ignored_future_events=ignored,
        notes=tuple(notes_now(run, today)),
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
