"""The week-then-on-hold policy replayed by hand: the speed limit the engine is compared with.

A baseline, not a second engine: one playbook (``policy.py``), no validation, no playbook
language, plain ``datetime`` arithmetic and nothing imported from followup.  ``Replay.step`` is
the only place a state move is looked up, so the `transitions` variants override just that.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from policy import (
    ACTION_TEXTS,
    ANSWER_OFFER_ID,
    CLOSED,
    CLOSING_OUTCOME,
    COMPLETED_BY,
    DIRECT_CHANNELS,
    FIRST_CHECK_IN,
    GIVE_UP_MONTHS,
    MAX_CHECK_INS,
    MIN_CONTACT_GAP,
    MIN_NUDGE_GAP,
    MOVES,
    NUDGES,
    ON_HOLD_EVERY,
    ONE_DAY,
    PLAYBOOK,
    PROMISE_ID,
    RECORD_ROUND_ID,
    REOPENABLE,
    RESTARTABLE,
    THANK_YOU_WINDOW_BUSINESS_DAYS,
    WAITING_GAME_DAYS,
    Pending,
)

_HOLIDAYS: dict[str | None, frozenset[date]] = {None: frozenset()}


def holidays_of(country: str | None) -> frozenset[date]:
    """Public holidays 2025-2027 of ``country`` (computed once per country, before timing)."""
    if country not in _HOLIDAYS:
        import holidays

        found = holidays.country_holidays(country, years=(2025, 2026, 2027))
        _HOLIDAYS[country] = frozenset(found)
    return _HOLIDAYS[country]


def roll_forward(day: date, hol: frozenset[date]) -> date:
    """``day`` if it is a weekday and not a holiday, else the next such day."""
    while day.weekday() >= 5 or day in hol:
        day += ONE_DAY
    return day


def roll_backward(day: date, hol: frozenset[date]) -> date:
    """``day`` if it is a weekday and not a holiday, else the last such day before it."""
    while day.weekday() >= 5 or day in hol:
        day -= ONE_DAY
    return day


def add_business_days(day: date, count: int, hol: frozenset[date]) -> date:
    """The ``count``-th business day after ``day``."""
    for _ in range(count):
        day = roll_forward(day + ONE_DAY, hol)
    return day


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to the end of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: date, text: str, hol: frozenset[date]) -> date:
    """``day`` plus a case-file duration (the generator writes ``Nd``, ``Nw`` or ``Nbd``)."""
    match = re.fullmatch(r"(\d+)(bd|d|w)", text)
    if match is None:
        raise ValueError(f"not a duration the generator writes: {text!r}")
    amount, unit = int(match[1]), match[2]
    if unit == "bd":
        return add_business_days(day, amount, hol)
    return day + timedelta(days=amount * (7 if unit == "w" else 1))


class Replay:
    """One case replayed under the policy; ``step`` is the only place a state move is looked up.

    Here ``step`` reads a dictionary; the `transitions` variants in ``machines.py`` override it.
    """

    __slots__ = (
        *("check_ins", "competing_offer", "credits", "decision_by", "done", "entered"),
        *("follow_up", "follow_up_after", "hol", "interview", "last_contact", "last_done"),
        *("last_nudge", "may_call", "not_before", "now", "outcome", "preferred", "reply"),
        "last_direct",
        "paced",
        "moved",
        *("promised", "promised_channel", "offer_deadline", "has_news", "awaiting"),
        "closed_on",
        "state",
    )

    def __init__(self, case: dict[str, Any]) -> None:
        employer: dict[str, Any] = case.get("employer") or {}
        self.hol = holidays_of(case.get("country"))
        self.state, self.outcome = "interviewed", None
        self.last_nudge: date | None = None  # spacing holds across rounds
        self.last_direct: date | None = None  # the last direct contact, likewise
        # The contact the gap made each action wait after, as last worked out (the engine's
        # paced_after, which agenda --json shows).
        self.paced: dict[str, date] = {}
        # The day each action fell due on before it moved off a weekend or holiday, if it did
        # (the engine's moved_from).
        self.moved: dict[str, date] = {}
        self.follow_up: str = employer.get("follow_up", "unspecified")
        self.preferred: str | None = employer.get("preferred_channel")
        self.may_call: bool = employer.get("may_call", False)
        self.competing_offer: date | None = None
        self.offer_deadline: date | None = None
        self.has_news = False  # news of your own (a portfolio update) to share as well
        self.awaiting: date | None = None  # a new round invited on this day, its date unknown
        self.closed_on: date | None = None
        self.promised: date | None = None  # the day of a promise not yet kept
        self.promised_channel: str | None = None
        interview = date.fromisoformat(case["interview"])
        self.now = interview  # the latest day replay has reached
        self.start_round(interview)
        if "decision_by" in employer:
            self.decision_by = date.fromisoformat(employer["decision_by"])
        elif "decision_in" in employer:
            self.decision_by = add_duration(interview, employer["decision_in"], self.hol)
        if "follow_up_after" in employer:
            self.follow_up_after = add_duration(interview, employer["follow_up_after"], self.hol)
        given = [d for d in (self.decision_by, self.follow_up_after) if d is not None]
        if given:  # no check-in on or before a date they gave
            self.not_before = max(given) + ONE_DAY

    def start_round(self, interview: date) -> None:
        """A new interview round: counters and per-action progress start over."""
        self.interview = self.entered = self.last_contact = interview
        self.reply: date | None = None
        self.decision_by: date | None = None
        self.follow_up_after: date | None = None
        self.not_before: date | None = None
        self.check_ins = 0
        self.done: dict[str, int] = {}
        self.last_done: dict[str, date] = {}
        self.credits: dict[str, int] = {}

    def step(self, trigger: str) -> str:
        """Fire ``trigger``; return the state it leads to (the same state if none)."""
        return MOVES.get((self.state, trigger), self.state)

    def release(self) -> None:
        """Let go of anything held for this case (nothing, here)."""

    def fire(self, trigger: str, day: date) -> None:
        """Fire ``trigger`` on ``day``; entering a state uses contacts made ahead of time."""
        old, self.now = self.state, max(self.now, day)
        new = self.step(trigger)
        if new == old:
            if old == CLOSED and trigger in CLOSING_OUTCOME and self.outcome == "moved_on":
                self.outcome = CLOSING_OUTCOME[trigger]  # news after giving up is the real end
                self.closed_on = day
            return
        self.state, self.entered = new, day
        self.outcome = CLOSING_OUTCOME[trigger] if new == CLOSED else None
        self.closed_on = day if new == CLOSED else None
        for _due, action_id, _ in self.pending() if self.credits and new != CLOSED else ():
            event = COMPLETED_BY[action_id]
            if event is not None and self.credits.get(event, 0) > 0:
                self.credits[event] -= 1
                self.complete(action_id, day)

    def give_up_on(self) -> date:
        """Two months after the interview or their last reply, whichever is later."""
        start = self.interview if self.reply is None else max(self.interview, self.reply)
        return add_months(start, GIVE_UP_MONTHS)

    def next_timer(self) -> tuple[date, str] | None:
        """The earliest timer of the current state, with the day it fires."""
        if self.awaiting is not None:
            return None  # no time counts until the new round has its date
        state = self.state
        if state == "interviewed":
            timers = [
                (
                    add_business_days(self.interview, THANK_YOU_WINDOW_BUSINESS_DAYS, self.hol),
                    "thank_you_window_passed",
                )
            ]
        elif state == "thanked":
            timers = [(self.entered + timedelta(days=WAITING_GAME_DAYS), "waiting_game")]
        elif state == CLOSED:
            return None
        else:
            timers = [(self.give_up_on(), "give_up")]
            if state == "checked-in":
                timers.insert(0, (self.last_contact + ON_HOLD_EVERY, "no_answer"))
            elif state == "on-hold" and self.check_ins >= MAX_CHECK_INS:
                timers.insert(0, (self.last_contact + ON_HOLD_EVERY, "back_off"))
        best: tuple[date, str] | None = None
        for when, trigger in timers:
            if self.reply is not None and when < self.reply:
                continue  # the silence it measured ended with their reply
            when = self._held(max(when, self.entered, self.now))
            if CLOSING_OUTCOME.get(trigger) == REOPENABLE:
                when = max(when, self._give_up_floor())
            if best is None or when < best[0]:
                best = (when, trigger)
        return best

    def _give_up_floor(self) -> date:
        """No giving up on a case before the day you promised to follow up has passed, nor
        before their own date has passed and the check-in held for it is due."""
        floor = date.min
        if self.promised is not None:
            floor = self.promised + ONE_DAY
        if self.not_before is not None:
            floor = max(floor, roll_forward(self.not_before, self.hol) + ONE_DAY)
        return floor

    def _held(self, when: date) -> date:
        """A timer on a day off waits for a step moved off a day off on or before it."""
        if roll_forward(when, self.hol) == when:
            return when
        held = when
        for due, action_id, _ in self.pending():
            moved = self.moved.get(action_id)
            if moved is not None and COMPLETED_BY[action_id] is not None and moved <= when < due:
                held = max(held, due)
        return held

    def advance(self, limit: date, *, inclusive: bool) -> None:
        """Let time pass up to ``limit``: timers fire and move-on advice lapses, in date order."""
        for _ in range(200):
            timer = self.next_timer()
            reminder: Pending | None = None
            for p in self.pending():
                if COMPLETED_BY[p[1]] is None and (reminder is None or p[0] < reminder[0]):
                    reminder = p
            if reminder is not None and (timer is None or reminder[0] <= timer[0]):
                if reminder[0] >= limit:
                    return
                self.complete(reminder[1], reminder[0])
                continue
            if timer is None or timer[0] > limit or (timer[0] == limit and not inclusive):
                return
            if timer[0] == limit and any(
                p[0] == limit and COMPLETED_BY[p[1]] is not None for p in self.pending()
            ):
                return  # a step due that very day comes before the day's timers
            self.fire(timer[1], timer[0])

    def _nudge(self, action_id: str, due: date) -> Pending:
        """A check-in, kept off the not-before date and away from the last one."""
        if self.not_before is not None and due < self.not_before:
            due = self.not_before
        if self.promised is not None and due < self.promised:
            due = self.promised  # no check-in before the day you promised to write
        if self.last_nudge is not None and due < self.last_nudge + MIN_NUDGE_GAP:
            due = self.last_nudge + MIN_NUDGE_GAP
        return self._by_preferred(action_id, due)

    def _by_preferred(
        self, action_id: str, due: date, *, paced: bool = True, last_day: date | None = None
    ) -> Pending:
        """Their preferred channel (phone only if they may be called), else email; a direct
        contact ``paced`` waits the minimum gap after the last one, and moves off a day off
        unless the next business day would be past ``last_day`` (news before a deadline)."""
        channel = self._preferred_channel()
        if channel in DIRECT_CHANNELS:
            last = self.last_direct
            if paced and last is not None and due < last + MIN_CONTACT_GAP:
                due = last + MIN_CONTACT_GAP
                self.paced[action_id] = last
            else:
                self.paced.pop(action_id, None)
            if not self._stays_off(due, last_day):
                due = self._rolled(action_id, due)
        return (due, action_id, channel)

    def _stays_off(self, due: date, last_day: date | None) -> bool:
        """News due on a day off whose last day comes before the next business day."""
        return last_day is not None and roll_forward(due, self.hol) > last_day >= due

    def _preferred_channel(self) -> str:
        """Their preferred channel (phone only if they may be called), else email."""
        channel = self.preferred
        if channel is None or (channel == "phone" and not self.may_call):
            channel = "email"
        return channel

    def _rolled(self, action_id: str, due: date) -> date:
        """``due`` moved off a weekend or holiday, remembering where it was if it moved."""
        rolled = roll_forward(due, self.hol)
        if rolled != due:
            self.moved[action_id] = due
        else:
            self.moved.pop(action_id, None)
        return rolled

    def pending(self) -> list[Pending]:
        """Actions of the current state that still apply, in playbook order."""
        state, done = self.state, self.done
        if state == CLOSED or self.awaiting is not None:
            return []
        wanted = self.follow_up != "not_wanted"
        found: list[Pending] = []
        if state == "interviewed":
            if (
                self.preferred is None
                and self.follow_up_after is None
                and wanted
                and not done.get("ask-how-to-follow-up")
            ):
                found.append((self.interview, "ask-how-to-follow-up", None))
            if not done.get("thank-you-note"):
                found.append(
                    (self._rolled("thank-you-note", self.interview), "thank-you-note", "email")
                )
        if self.competing_offer is not None and not done.get("flag-competing-offer"):
            due = self.competing_offer
            last = self.news_expires(self._preferred_channel())
            # News before a deadline is not held back by the gap: it must land before it.
            found.append(
                self._by_preferred(
                    "flag-competing-offer",
                    min(due, last) if last else due,
                    paced=last is None,
                    last_day=last,
                )
            )
        if state in ("thanked", "waiting") and wanted:
            after_reply = self.reply + FIRST_CHECK_IN if self.reply else None
            if self.follow_up_after is not None:
                if not done.get("check-in-when-they-said"):
                    dates = (self.follow_up_after, after_reply)
                    due = max(d for d in dates if d is not None)
                    found.append(self._nudge("check-in-when-they-said", due))
            elif not done.get("check-in-after-a-week"):
                dates = (self.interview + FIRST_CHECK_IN, self.decision_by, after_reply)
                due = max(d for d in dates if d is not None)
                found.append(self._nudge("check-in-after-a-week", due))
        elif state == "on-hold" and self.check_ins < MAX_CHECK_INS and wanted:
            count = done.get("on-hold-check-in", 0)
            if count < MAX_CHECK_INS:
                last = self.last_done["on-hold-check-in"] if count else self.last_contact
                found.append(self._nudge("on-hold-check-in", last + ON_HOLD_EVERY))
        if state in ("waiting", "checked-in", "on-hold"):
            # The advice to let go waits as giving up does (`_give_up_floor`).
            if self.check_ins < MAX_CHECK_INS and not done.get("move-on-after-two-months"):
                due = max(self.give_up_on(), self._give_up_floor())
                found.append((due, "move-on-after-two-months", None))
            if state == "on-hold" and self.check_ins >= MAX_CHECK_INS and not done.get("move-on"):
                due = max(self.last_contact + ON_HOLD_EVERY, self._give_up_floor())
                found.append((due, "move-on", None))
        return self._promise() + found

    def _promise(self) -> list[Pending]:
        """The engine's own step, before the playbook's: a promise not yet kept, on the day
        promised even if that is a weekend or holiday (they agreed to it, as to the channel)."""
        if self.promised is None or self.done.get(PROMISE_ID):
            return []
        self.moved.pop(PROMISE_ID, None)
        # the channel promised, even a call; else theirs
        channel = self.promised_channel or self._preferred_channel()
        return [(self.promised, PROMISE_ID, channel)]

    def held_for_promise(self, day: date, keeping: Pending | None) -> list[str]:
        """The check-ins due by ``day`` that keeping your promise then also counts as."""
        if self.promised is None:
            return []
        return [p[1] for p in self.pending() if p[1] in NUDGES and p[0] <= day and p != keeping]

    def news_expires(self, channel: str | None) -> date | None:
        """The last day the competing offer is worth telling them about: before its deadline
        (by direct contact, the last business day before it)."""
        if self.competing_offer is None or self.has_news or self.offer_deadline is None:
            return None
        last = max(self.offer_deadline - ONE_DAY, self.competing_offer)
        if channel not in DIRECT_CHANNELS:
            return last
        business = roll_backward(last, self.hol)
        # No business day between the offer and then: that day itself, a weekend or not.
        return last if business < self.competing_offer else business

    def complete(self, action_id: str, day: date) -> None:
        """Count an action as done on ``day``."""
        self.done[action_id] = self.done.get(action_id, 0) + 1
        self.last_done[action_id] = day

    def apply(self, event: dict[str, Any], day: date) -> None:
        """Apply one recorded event: contacts complete an action (or count as credit ahead)."""
        kind = event["type"]
        self.now = max(self.now, day)
        promise_only = False  # your word kept, and none of the playbook's check-ins
        if kind in ("thank_you_sent", "check_in_sent"):
            first: Pending | None = None
            open_steps = [p for p in self.pending() if COMPLETED_BY[p[1]] == kind]
            by_channel = [p for p in open_steps if p[2] == event.get("channel")]
            if event.get("channel") is not None and by_channel:
                open_steps = by_channel  # the step by the channel it was sent by, if one is open
            for p in open_steps:
                # Sent before your promise's day, it is the check-in held for it, not the promise.
                early = first is not None and day < p[0] == first[0]
                if first is None or p[0] < first[0] or (early and first[1] == PROMISE_ID):
                    first = p
            if first is not None:
                self.complete(first[1], day)
            else:
                self.credits[kind] = self.credits.get(kind, 0) + 1
            kept = first is not None and first[1] == PROMISE_ID
            if (
                kind == "check_in_sent"
                and self.promised is not None
                and (kept or day >= self.promised)
            ):
                held = self.held_for_promise(day, first)
                for action_id in held:
                    self.complete(action_id, day)  # keeping it is that check-in too
                promise_only = kept and not held
            self.last_contact = day  # any follow-up resets the clock
            if event.get("channel") in (None, *DIRECT_CHANNELS):
                self.last_direct = day
            if kind == "check_in_sent":
                if not promise_only:
                    self.check_ins += 1
                    self.last_nudge = day
                # Following up keeps a promise: on or after its day, or as the promise itself;
                # a check-in for an earlier step leaves it standing.
                if self.promised is not None and (kept or day >= self.promised):
                    self.promised = None
        elif kind == "committed":
            self.promised = date.fromisoformat(event["due"]) if "due" in event else day
            self.promised_channel = event.get("channel")
            self.done.pop(PROMISE_ID, None)
        elif kind == "competing_offer":
            self.competing_offer = day
            deadline = event.get("deadline")
            self.offer_deadline = date.fromisoformat(deadline) if deadline else None
        elif kind == "portfolio_update":
            self.has_news = True
        elif kind == "reply":
            self._reply(event, day)
            return
        if not promise_only:
            self.fire(kind, day)

    def _reply(self, event: dict[str, Any], day: date) -> None:
        """The employer wrote: close, start a new round, or start nudging over."""
        outcome = event.get("outcome") or "still_deciding"
        if self.state == CLOSED and self.outcome != "moved_on":
            return  # an offer, rejection or withdrawal is final
        self.reply = day
        if outcome == "next_round":
            if self.awaiting is None:  # else the round waiting for its date gets it now
                self.fire("reply_next_round", day)
            nxt = event.get("interview")
            self.start_round(date.fromisoformat(nxt) if nxt else day)
            self.awaiting = None if nxt else day
            return
        if outcome in ("still_deciding", "no_follow_up"):
            self.check_ins = 0  # the employer spoke: nudging starts over
            for action_id in RESTARTABLE:
                self.done.pop(action_id, None)
            self.credits.pop("check_in_sent", None)
            if "decision_by" in event:
                self.decision_by = date.fromisoformat(event["decision_by"])
                self.not_before = self.decision_by + ONE_DAY
            if outcome == "no_follow_up":
                self.follow_up = "not_wanted"  # for good, across rounds too
                self.promised = None  # a promise made before is off: they asked for silence
        self.fire("reply_" + outcome, day)

    def next_step(self, today: date) -> Pending | None:
        """The first step from ``today`` on, assuming silence (moves this replay forward)."""
        now = today
        for _ in range(60):
            if self.state == CLOSED:
                return None
            best: Pending | None = None
            best_key = (now, 0, now)
            for p in self.pending():
                when = max(p[0], now)
                last = self.news_expires(p[2]) if p[1] == "flag-competing-offer" else None
                if (
                    p[2] in DIRECT_CHANNELS
                    and p[1] != PROMISE_ID
                    and not self._stays_off(when, last)
                ):
                    when = roll_forward(when, self.hol)  # the day it would really be done
                if last is not None and when > last:
                    continue  # news after its deadline is no longer worth sending
                # Same day: your promise first, check-ins last, else the one due first.
                rank = 0 if p[1] == PROMISE_ID else 2 if p[1] in NUDGES else 1
                key = (when, rank, p[0])
                if best is None or key < best_key:
                    best, best_key = p, key
            timer = self.next_timer()
            if best is not None and (timer is None or best_key[0] <= max(timer[0], now)):
                return best
            if timer is None:
                return None
            now = max(timer[0], now)
            self.fire(timer[1], now)
        return None


MakeReplay = Callable[[dict[str, Any]], Replay]


def plan_by_hand(case: dict[str, Any], today: date, make: MakeReplay = Replay) -> dict[str, Any]:
    """One agenda line for ``case``: replay its events up to ``today``, then the next step."""
    run = make(case)
    try:
        for event in sorted(case.get("events") or (), key=lambda e: e["date"]):
            day = date.fromisoformat(event["date"])
            if day > today:
                continue
            # Same day: an event the state was waiting for comes before that day's timers.
            expected = any(COMPLETED_BY[p[1]] == event["type"] for p in run.pending())
            run.advance(day, inclusive=not expected)
            run.apply(event, day)
        run.advance(today, inclusive=True)
        state, outcome = run.state, run.outcome  # on today, before the projection moves on
        step = run.next_step(today)
        if run.awaiting is not None and state != CLOSED:
            step = (run.awaiting, RECORD_ROUND_ID, None)
        if state == CLOSED and run.outcome == "offer" and run.closed_on is not None:
            step = (run.closed_on, ANSWER_OFFER_ID, None)  # answer it: the one step left
    finally:
        run.release()
    nxt = None
    if step is not None:
        kind, why, source = ACTION_TEXTS[step[1]]
        due, channel = step[0].isoformat(), step[2]
        nxt = {"action": kind, "due": due, "channel": channel, "why": why, "source": source}
        last = run.news_expires(step[2]) if step[1] == "flag-competing-offer" else None
        if last is not None:
            nxt["latest"] = max(last, step[0]).isoformat()
        paced_after = run.paced.get(step[1])
        if paced_after is not None:
            nxt["paced_after"] = paced_after.isoformat()
        covers = run.held_for_promise(max(step[0], today), step) if step[1] == PROMISE_ID else []
        if covers:
            nxt["covers"] = covers
        moved = run.moved.get(step[1])
        if moved is not None:
            nxt["moved_from"] = moved.isoformat()
    return {
        "case": case["id"],
        "playbook": PLAYBOOK,
        "state": state,
        "outcome": outcome,
        "next": nxt,
    }
