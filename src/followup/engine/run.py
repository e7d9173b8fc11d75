"""One case running under one compiled playbook: its facts, anchors and the moves between states.

A `Run` is the only mutable thing in the engine.  It is created per case, fed recorded events in
date order, and advanced through time; timers fire as virtual events when their date passes.
Its facts and anchors, and how they start, are `followup.engine.facts`; what each event does is
read from `followup.semantics.meaning` (through `followup.engine.effects`).
"""

from __future__ import annotations

from datetime import date

from followup.compile.machine import CompiledAction, Move
from followup.engine.conditions import unmet
from followup.engine.due import CONDITION_FAILS, Scheduling
from followup.engine.effects import EFFECTS as _EFFECTS
from followup.engine.effects import REPLY_EFFECTS as _REPLY_EFFECTS
from followup.engine.facts import Pending, copy_slots, lapsed_words
from followup.engine.result import TraceEntry
from followup.errors import EngineError
from followup.model.case import Event
from followup.model.playbook import Guard
from followup.model.vocabulary import CLOSED, DIRECT_CHANNELS
from followup.semantics.builtin import KEEP_PROMISE
from followup.semantics.meaning import (
    DEADLINE,
    DEFAULT_REPLY,
    DUE_OR_DAY,
    FIRST_DAY,
    NUDGE_EVENTS,
    OFFER,
    REOPENABLE,
    part_of_day,
)

# A playbook whose timers chase each other without an event in between is broken; stop early.
MAX_MOVES_PER_ADVANCE = 200


class Run(Scheduling):
    """One case running under one compiled playbook.  See the module docstring."""

    __slots__ = ()

    def clone(self) -> Run:
        """An independent copy, for projecting the future without touching the replay."""
        other = Run.__new__(Run)
        copy_slots(self, other)
        other.done = dict(self.done)
        other.last_done = dict(self.last_done)
        other.credits = dict(self.credits)
        other.trace = None
        return other

    # -- tracing -------------------------------------------------------------------------------

    def note(self, day: date, kind: str, text: str, details: tuple[str, ...] = ()) -> None:
        """Record a trace line, when tracing."""
        if self.trace is not None:
            self.trace.append(TraceEntry(day, kind, text, details))

    # -- moves ---------------------------------------------------------------------------------

    def fire(self, move: Move, day: date) -> None:
        """Take a move: enter its state (a move to the same state keeps the entry date)."""
        source = self.state
        self.version += 1
        self.now = max(self.now, day)
        if move.dest != source:
            self.state = move.dest
            self.at_state_entered = day
            self.entered_by = move.rule
            if source == CLOSED:
                self.outcome = None
                self.closed_on = None
            if move.dest == CLOSED:
                self.outcome = move.outcome
                self.closed_on = day
            else:
                self._use_credits(day)
        elif source == CLOSED and move.outcome and move.outcome != self.outcome:
            # News after giving up (an offer, a rejection, your withdrawal) is the real ending.
            self.outcome = move.outcome
            self.closed_on = day
        if self.trace is not None:
            self.note(day, "transition", f"{source} -> {move.dest}", (f"rule {move.rule_id}",))

    def trigger(self, name: str, day: date) -> bool:
        """Fire the first move for ``name`` from the current state whose guard holds."""
        moves = self.cp.on_event.get((self.state, name))
        if not moves:
            return False
        for move in moves:
            if move.guard(self):
                self.fire(move, day)
                return True
            why = _why(move.rule.when if move.rule else None, self)
            self.note(day, "skipped", f"{move.rule_id}: {CONDITION_FAILS}{why}")
        return False

    def next_timer(self, by: date | None = None) -> tuple[date, Move] | None:
        """The earliest timer of the current state that applies, with the day it fires.

        With ``by``, only a timer firing on or before that day needs its exact day: one that
        fires after it may be given an earlier day, still after ``by`` (a day off holding it
        back, or the floor of giving up, is then not worked out: both only make it later).
        """
        if self.timer_version == self.version:
            return self.timer_cache
        best: tuple[date, Move] | None = None
        if self.awaiting_interview is not None:  # no time counts until the round has its date
            self.timer_cache, self.timer_version = best, self.version
            return best
        exact = True
        floor = max(self.at_state_entered, self.now)
        give_up: date | None = None  # the earliest day to give up on the case, once asked
        asked = False
        # Only a day off can be held, and only in a state with steps to do (`held_for_day_off`).
        cp = self.cp
        roll = self.cal.roll_forward if cp.off_days and self.state in cp.doable else None
        for move in self.cp.timers.get(self.state, ()):
            assert move.when_date is not None
            when = move.when_date(self)
            if when is None or not move.guard(self) or self._stale(when):
                continue
            if when < floor:
                when = floor
            if best is not None and when >= best[0]:
                continue  # holding it back or giving up later could only make it later still
            if by is not None and when > by:
                exact = False  # after ``by`` whatever holds it back: its day is a lower bound
            else:
                if roll is not None and roll(when) != when:
                    when = self.held_for_day_off(when)
                if move.outcome == REOPENABLE:
                    if not asked:
                        give_up, asked = self.give_up_floor(), True
                    if give_up is not None and when < give_up:
                        when = give_up
            if best is None or when < best[0]:
                best = (when, move)
        if exact:
            self.timer_cache, self.timer_version = best, self.version
        return best

    def consider(self, day: date) -> None:
        """Trace every rule of the current state: what is pending, and why the rest is not."""
        if self.trace is None:
            return
        details: list[str] = []
        for ca in self.cp.actions.get(self.state, ()):
            found = self.resolve(ca)
            if isinstance(found, Pending) and self.done_on(found, day) is None:
                details.append(f"action {ca.action.id}: not due ({lapsed_words(found, today=day)})")
            elif isinstance(found, Pending):
                via = f" by {found.channel}" if found.channel else ""
                until = f" (until {found.latest})" if found.latest else ""
                details.append(f"action {ca.action.id}: due {found.due}{until}{via}")
            else:
                why = _why(ca.action.when, self) if found == CONDITION_FAILS else ""
                details.append(f"action {ca.action.id}: not due ({found}{why})")
        for move in self.cp.timers.get(self.state, ()):
            assert move.when_date is not None
            when = move.when_date(self)
            if when is None:
                details.append(f"timer {move.rule_id}: its date is not known for this case")
            elif not move.guard(self):
                why = _why(move.rule.when if move.rule else None, self)
                details.append(f"timer {move.rule_id}: {CONDITION_FAILS}{why}")
            elif self._stale(when):
                details.append(f"timer {move.rule_id}: its date {when} passed before their reply")
            else:
                fires = max(when, self.at_state_entered, self.now)
                details.append(f"timer {move.rule_id}: fires {fires}")
        if not details:
            details.append("no rules apply in this state")
        self.note(day, "rules", f"in state {self.state}", tuple(details))

    # -- actions -------------------------------------------------------------------------------

    def _stale(self, when: date) -> bool:
        """A timer dated before the employer's last reply measured a silence that reply ended."""
        return self.at_reply is not None and when < self.at_reply

    def complete(self, ca: CompiledAction, day: date) -> None:
        """Count an action as done on ``day``."""
        self.version += 1
        action_id = ca.id
        self.done[action_id] = self.done.get(action_id, 0) + 1
        self.last_done[action_id] = day

    def expects(self, ev: Event) -> bool:
        """Whether ``ev`` completes an action pending in the current state (one by its own
        channel, when it has one and a step by that channel is pending at all): else a timer
        due the same day goes first, into the state whose step it may be (a call due the day
        a timer enters its state, made that day, is that call, not the email check-in before).
        """
        among = self.cp.completes.get((self.state, ev.type))
        steps = self.pending(among) if among else []
        if not steps:
            return False
        if ev.channel is None or any(p.channel == ev.channel for p in steps):
            return True
        return not self._later_by_channel(ev)

    def _later_by_channel(self, ev: Event) -> bool:
        """Whether a step by ``ev``'s channel is pending once a timer due that very day fires."""
        timer = self.next_timer()
        if timer is None or timer[0] != ev.date:
            return False
        ahead = self.clone()
        ahead.advance(ev.date, inclusive=True)
        among = ahead.cp.completes.get((ahead.state, ev.type))
        return any(p.channel == ev.channel for p in (ahead.pending(among) if among else ()))

    def _attribute(
        self, kind_event: str, day: date, chosen: CompiledAction | None, channel: str | None = None
    ) -> CompiledAction | None:
        """Credit a contact to the action it fulfils (``chosen`` in a projection, else the
        pending one due first), or bank it for a state still to come.

        A contact by a ``channel`` goes to a step by that same channel if one is open: an
        email check-in is not the phone call passed over before it.

        Returns:
            The action it was credited to (None: banked).
        """
        if chosen is not None:
            self.complete(chosen, day)
            return chosen
        among = self.cp.completes.get((self.state, kind_event))
        steps = self.pending(among) if among else []
        best = _due_first(steps, day)
        if best is not None and channel is not None and best.channel != channel:
            same = [p for p in steps if p.channel == channel]
            if same:
                best = _due_first(same, day)
        if best is not None:
            self.complete(best.compiled, day)
            self.note(day, "done", f"counts as {best.compiled.action.id}")
            return best.compiled
        self.credits[kind_event] = self.credits.get(kind_event, 0) + 1
        return None

    def _use_credits(self, day: date) -> None:
        """On entering a state, count contacts made ahead of time against its actions."""
        if not self.credits:
            return
        for p in self.pending():
            event = p.compiled.completed_by
            if event is not None and self.credits.get(event, 0) > 0:
                self.credits[event] -= 1
                self.complete(p.compiled, day)
                self.note(day, "done", f"{p.compiled.action.id} was already done earlier")

    # -- events --------------------------------------------------------------------------------

    def apply(self, ev: Event, attribute_to: CompiledAction | None = None) -> None:
        """Apply one recorded (or, in projection, assumed) event."""
        day = ev.date
        kind = ev.type
        self.version += 1
        self.now = max(self.now, day)
        if self.trace is not None:
            self.note(day, "event", _describe_event(ev))
        step, contact, sets, counts, nudge, dates, keeps_channel, answers = _EFFECTS[kind]
        credited = self._attribute(kind, day, attribute_to, ev.channel) if step else None
        promise_only = False  # keeps your promise, and is none of the playbook's check-ins
        if sets and step and self.committed and not self._promise_stands(day, credited):
            # It keeps your promise: it is also each check-in that waited for it.
            held = self.held_for_promise(day, credited)
            for ca in held:
                self.complete(ca, day)
                self.note(day, "done", f"counts as {ca.action.id} too: it waited for your promise")
            if (
                nudge
                and not held
                and credited is not None
                and credited.action.kind == KEEP_PROMISE.kind
            ):
                # No check-in waited for it: it is your word kept, not one of the playbook's
                # check-ins, so it moves nothing and uses none of them up (keep-promises).
                promise_only = True
                self.note(day, "done", "keeps your promise only: no check-in waited for it")
        if contact:
            # Any follow-up resets the clock, even a portal check; only direct ones are counted.
            self.at_last_contact = day
            if ev.channel is None or ev.channel in DIRECT_CHANNELS:
                # `CONTACT_COUNTS`, written out: this is the engine's hot loop.
                self.contacts += 1
                self.last_direct = day
                self.contacts_all_rounds += 1
        # The empty-tuple tests skip a loop for the many events with nothing to do there.
        if sets:
            # Only a follow-up made before the promised day can leave your promise standing.
            stands = step and self.committed and self._promise_stands(day, credited)
            for name, value in sets:
                setattr(self, name, value)
            if stands:
                self.committed = True
        if counts and not promise_only:
            for name in counts:
                setattr(self, name, getattr(self, name) + 1)
        if nudge and not promise_only:
            self.last_nudge = day
        if dates:
            for name, source in dates:
                if source == FIRST_DAY:
                    if getattr(self, name) is None:
                        setattr(self, name, day)
                elif source == DUE_OR_DAY:
                    setattr(self, name, ev.due or day)
                elif source == DEADLINE:
                    setattr(self, name, ev.deadline)
                else:
                    setattr(self, name, day)
        if keeps_channel:
            self.promise_called_off = None
            self.committed_channel = ev.channel
            self.committed_note = ev.note
            for action_id in self.cp.renewed_by.get(kind, ()):
                self.done.pop(action_id, None)
        if kind == "reply":
            self._reply(ev)
            return
        if not promise_only:
            self.trigger(kind, day)
        if answers and self.outcome == OFFER:
            self.offer_answer = kind

    def held_for_promise(
        self, day: date, keeping: CompiledAction | None = None
    ) -> list[CompiledAction]:
        """The check-ins that keeping your promise on ``day`` also counts as (keep-promises):
        those due by then, which wait for the promise while it is still to come; ``keeping``
        is the step that keeps it, if one does."""
        if not self.committed:
            return []
        return [
            p.compiled
            for p in self.pending()
            if p.compiled.waits_for_promise and p.due <= day and p.compiled is not keeping
        ]

    def _promise_stands(self, day: date, credited: CompiledAction | None) -> bool:
        """Whether a follow-up on ``day`` leaves your promise still to keep: it came before the
        promised day and was not the promise itself (an earlier check-in for another step)."""
        promised = self.at_committed
        if promised is None or day >= promised:
            return False
        return credited is None or credited.action.kind != KEEP_PROMISE.kind

    def _reply(self, ev: Event) -> None:
        day = ev.date
        outcome = ev.outcome or DEFAULT_REPLY
        trigger, after_giving_up, new_round, remembered, restarts, sets = _REPLY_EFFECTS[outcome]
        if self.state == CLOSED and (self.outcome != REOPENABLE or not after_giving_up):
            self.note(day, "ignored", f"the application is already closed ({self.outcome})")
            return
        self.at_reply = day
        if ev.deadline is not None and outcome == OFFER:
            self.offer_answer_by = ev.deadline
        if new_round:
            if self.awaiting_interview is None:
                self.trigger(trigger, day)
                self.round += 1
            # else: the round they invited you to before gets its date now, not another round.
            self._start_round(ev.interview, day)
            self.interview_part = part_of_day(ev.interview_time)
            self.last_reply = outcome
            return
        if remembered:
            self.last_reply = outcome
        if restarts:
            # The employer spoke: nudges and waiting-time advice start over from what they said.
            self.check_ins = 0
            for action_id in self.cp.restartable:
                self.done.pop(action_id, None)
            for event in NUDGE_EVENTS:
                self.credits.pop(event, None)
            if ev.decision_by is not None:
                # Their new date replaces the dates they gave before, and so does the wait.
                self.at_decision_by = ev.decision_by
                self.has_decision_date = True
                self.wait_past(ev.decision_by)
        if sets:
            if self.committed and ("committed", False) in sets:
                self.promise_called_off = day
            for name, value in sets:
                setattr(self, name, value)
        self.trigger(trigger, day)

    # -- time ----------------------------------------------------------------------------------

    def advance(self, limit: date, *, inclusive: bool) -> date | None:
        """Let time pass up to ``limit``: timers fire and reminders lapse, in date order.

        Returns:
            ``limit`` itself when a timer due that very day is what stopped it short (not
            ``inclusive``, or a step due that day comes first); else None.

        Raises:
            EngineError: the playbook's timers keep firing without time passing.
        """
        has_reminders = self.cp.reminders
        for _ in range(MAX_MOVES_PER_ADVANCE):
            timer = self.next_timer(by=limit)
            reminder = self._next_reminder() if self.state in has_reminders else None
            if reminder is not None and (timer is None or reminder[0] <= timer[0]):
                if reminder[0] >= limit:
                    return None
                self.complete(reminder[1], reminder[0])
                if self.trace is not None:
                    self.note(reminder[0], "reminder", f"{reminder[1].action.id} was due")
                continue
            if timer is None:
                return None
            when, move = timer
            if when > limit:
                return None  # ``when`` may be earlier than the timer's day: still after ``limit``
            if when == limit and (not inclusive or self._step_due_on(limit)):
                # As in the projection, a step due today comes before today's timers: the day
                # is not over until you have had the chance to do it.
                return when
            if self.trace is not None:
                self.note(when, "timer", f"{move.rule_id} fired")
            self.fire(move, when)
        raise EngineError(
            f"playbook {self.cp.id}: timers in state '{self.state}' keep firing without end"
        )

    def _step_due_on(self, day: date) -> bool:
        """Whether the current state asks for something (not mere advice) due on ``day``."""
        doable = self.cp.doable.get(self.state)
        return bool(doable) and any(p.due == day for p in self.pending(doable, settled=True))

    def _next_reminder(self) -> tuple[date, CompiledAction] | None:
        """The earliest pending action that nothing recorded can complete (advice, not contact)."""
        if self.reminder_version == self.version:
            return self.reminder_cache
        best: tuple[date, CompiledAction] | None = None
        among = self.cp.reminders.get(self.state)
        for p in self.pending(among) if among else ():
            # Advice with a window stays shown through it.
            lapses = p.due if p.latest is None else p.latest
            if best is None or lapses < best[0]:
                best = (lapses, p.compiled)
        self.reminder_cache, self.reminder_version = best, self.version
        return best


def _due_first(steps: list[Pending], day: date) -> Pending | None:
    """The step a contact on ``day`` counts as among ``steps``: the one due first.  A check-in
    held for your promise is due on its day too; sent before that day, it is that check-in, not
    the promise (which still stands)."""
    best: Pending | None = None
    for p in steps:
        if (
            best is None
            or p.due < best.due
            or (
                p.due == best.due and day < p.due and best.compiled.action.kind == KEEP_PROMISE.kind
            )
        ):
            best = p
    return best


def _why(guard: Guard | None, run: Run) -> str:
    """For a trace: which tests of a condition that does not hold fail, and on what value."""
    failing = unmet(guard, run)
    return ": " + "; ".join(failing) if failing else ""


def _describe_event(ev: Event) -> str:
    text = ev.type
    if ev.outcome:
        text += f" ({ev.outcome})"
    if ev.channel:
        text += f" by {ev.channel}"
    return text
