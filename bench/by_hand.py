"""The week-then-on-hold policy written out by hand: the speed limit the engine is compared with.

This is a baseline, not a second engine: one playbook, no validation, no playbook language.  It
is deliberately independent of followup (it imports nothing from it), so that its 100% agreement
with ``followup agenda`` is evidence rather than a tautology.  Its numbers are restated below in
one place; ``drift.py`` compares them with the playbook file and the engine before every run.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from generate_cases import PLAYBOOK

PLAYBOOK_FILE = Path(__file__).resolve().parent.parent / "playbooks" / f"{PLAYBOOK}.yaml"

# -- the policy's numbers: they mirror playbooks/week-then-on-hold.yaml (`parameters:` and the
# waiting-game transition) and MIN_NUDGE_GAP in engine/run.py.  Restated on purpose, see above.
THANK_YOU_WINDOW_BUSINESS_DAYS = 2  # thank_you_window: 2bd
WAITING_GAME_DAYS = 1  # waiting-game: after state_entered + 1d
FIRST_CHECK_IN_DAYS = 7  # first_check_in: 1w
ON_HOLD_EVERY_DAYS = 11  # on_hold_every: 1.5w, rounded half up to whole days as the engine does
MAX_CHECK_INS = 3  # max_check_ins: 3
GIVE_UP_MONTHS = 2  # give_up_after: 2mo
MIN_NUDGE_GAP_DAYS = 3  # the engine's MIN_NUDGE_GAP between two check-ins

ONE_DAY = timedelta(days=1)
FIRST_CHECK_IN = timedelta(days=FIRST_CHECK_IN_DAYS)
ON_HOLD_EVERY = timedelta(days=ON_HOLD_EVERY_DAYS)
MIN_NUDGE_GAP = timedelta(days=MIN_NUDGE_GAP_DAYS)

# -- the one table of moves: the plain replay below and the `transitions` machines are built
# from it.  (trigger, source states, destination); timers are triggers too.
STATES = ("interviewed", "thanked", "waiting", "checked-in", "on-hold", "closed")
CLOSED = "closed"
TRANSITIONS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("thank_you_sent", ("interviewed",), "thanked"),
    ("thank_you_window_passed", ("interviewed",), "waiting"),
    ("waiting_game", ("thanked",), "waiting"),
    ("check_in_sent", ("interviewed", "thanked", "waiting"), "checked-in"),
    ("no_answer", ("checked-in",), "on-hold"),
    ("check_in_sent", ("checked-in",), "on-hold"),
    ("back_off", ("on-hold",), CLOSED),
    ("give_up", ("waiting", "checked-in", "on-hold"), CLOSED),
    ("reply_still_deciding", STATES, "waiting"),
    ("reply_no_follow_up", STATES, "waiting"),
    ("reply_next_round", STATES, "interviewed"),
    ("reply_offer", STATES, CLOSED),
    ("reply_rejection", STATES, CLOSED),
    ("withdrew", STATES, CLOSED),
)
NO_MOVE_EVENTS = ("competing_offer", "portfolio_update", "committed")  # recorded, no move
MOVES = {(source, trigger): dest for trigger, sources, dest in TRANSITIONS for source in sources}
CLOSING_OUTCOME = {
    "back_off": "moved_on",
    "give_up": "moved_on",
    "reply_offer": "offer",
    "reply_rejection": "rejection",
    "withdrew": "withdrew",
}
# What recorded event completes each action; None is advice that the day passing completes.
COMPLETED_BY: dict[str, str | None] = {
    "ask-how-to-follow-up": None,
    "thank-you-note": "thank_you_sent",
    "flag-competing-offer": "update_sent",
    "check-in-when-they-said": "check_in_sent",
    "check-in-after-a-week": "check_in_sent",
    "on-hold-check-in": "check_in_sent",
    "move-on-after-two-months": None,
    "move-on": None,
}
RESTARTABLE = [a for a in COMPLETED_BY if a not in ("thank-you-note", "flag-competing-offer")]
DIRECT_CHANNELS = frozenset({"email", "phone", "mail", "text", "recruiter"})

Pending = tuple[date, str, str | None]  # (due, action id, channel)


def _action_texts() -> dict[str, tuple[str, str, str]]:
    """Action id -> (kind, why, source), read from the playbook so the answers match in size."""
    data = yaml.safe_load(PLAYBOOK_FILE.read_text(encoding="utf-8"))
    src = data["source"]
    cite = f"\"{src['title']}\" ({src['date']}), section '{{}}'"
    return {
        a["id"]: (
            a["kind"],
            f"{a['id']}: {' '.join(a['advice'].split())}",
            cite.format(a["source"]),
        )
        for a in data["actions"]
    }


ACTION_TEXTS = _action_texts()
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
    """One case replayed under the policy.  ``step`` is the only place state moves are looked up:
    here a dictionary; the `transitions` variants in ``machines.py`` override it (and ``release``).
    """

    __slots__ = (
        *("check_ins", "competing_offer", "credits", "decision_by", "done", "entered"),
        *("follow_up", "follow_up_after", "hol", "interview", "last_contact", "last_done"),
        *("last_nudge", "may_call", "not_before", "now", "outcome", "preferred", "reply"),
        *("state", "told_no"),
    )

    def __init__(self, case: dict[str, Any]) -> None:
        employer: dict[str, Any] = case.get("employer") or {}
        self.hol = holidays_of(case.get("country"))
        self.state, self.outcome = "interviewed", None
        self.last_nudge: date | None = None  # spacing holds across rounds
        self.follow_up: str = employer.get("follow_up", "unspecified")
        self.preferred: str | None = employer.get("preferred_channel")
        self.may_call: bool = employer.get("may_call", False)
        self.told_no = False
        self.competing_offer: date | None = None
        interview = date.fromisoformat(case["interview"])
        self.now = interview  # the latest day replay has reached
        self.start_round(interview)
        if "decision_by" in employer:
            self.decision_by = date.fromisoformat(employer["decision_by"])
        elif "decision_in" in employer:
            self.decision_by = add_duration(interview, employer["decision_in"], self.hol)
        if "follow_up_after" in employer:
            self.follow_up_after = add_duration(interview, employer["follow_up_after"], self.hol)

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
            return
        self.state, self.entered = new, day
        self.outcome = CLOSING_OUTCOME[trigger] if new == CLOSED else None
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
            when = max(when, self.entered, self.now)
            if best is None or when < best[0]:
                best = (when, trigger)
        return best

    def advance(self, limit: date, *, inclusive: bool) -> None:
        """Let time pass up to ``limit``: timers fire and move-on advice lapses, in date order."""
        for _ in range(200):
            timer = self.next_timer()
            lapsing = [p for p in self.pending() if COMPLETED_BY[p[1]] is None]
            reminder = min(lapsing, key=lambda p: p[0]) if lapsing else None
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

    def _nudge(self, action_id: str, due: date) -> Pending | None:
        """A check-in, kept off the not-before date and away from the last one."""
        if self.told_no:
            return None
        if self.not_before is not None and due < self.not_before:
            due = self.not_before
        if self.last_nudge is not None and due < self.last_nudge + MIN_NUDGE_GAP:
            due = self.last_nudge + MIN_NUDGE_GAP
        return self._by_preferred(action_id, due)

    def _by_preferred(self, action_id: str, due: date) -> Pending:
        """Their preferred channel (phone only if they may be called), else email."""
        channel = self.preferred
        if channel is None or (channel == "phone" and not self.may_call):
            channel = "email"
        if channel in DIRECT_CHANNELS:
            due = roll_forward(due, self.hol)
        return (due, action_id, channel)

    def pending(self) -> list[Pending]:
        """Actions of the current state that still apply, in playbook order."""
        state, done = self.state, self.done
        if state == CLOSED:
            return []
        wanted = self.follow_up != "not_wanted"
        found: list[Pending | None] = []
        if state == "interviewed":
            if (
                self.preferred is None
                and self.follow_up_after is None
                and wanted
                and not done.get("ask-how-to-follow-up")
            ):
                found.append((self.interview, "ask-how-to-follow-up", None))
            if not done.get("thank-you-note"):
                found.append((roll_forward(self.interview, self.hol), "thank-you-note", "email"))
        if self.competing_offer is not None and not done.get("flag-competing-offer"):
            found.append(self._by_preferred("flag-competing-offer", self.competing_offer))
        after_reply = self.reply + FIRST_CHECK_IN if self.reply else None
        if state in ("thanked", "waiting") and wanted:
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
            if self.check_ins < MAX_CHECK_INS and not done.get("move-on-after-two-months"):
                found.append((self.give_up_on(), "move-on-after-two-months", None))
            if state == "on-hold" and self.check_ins >= MAX_CHECK_INS and not done.get("move-on"):
                found.append((self.last_contact + ON_HOLD_EVERY, "move-on", None))
        return [p for p in found if p is not None]

    def complete(self, action_id: str, day: date) -> None:
        """Count an action as done on ``day``."""
        self.done[action_id] = self.done.get(action_id, 0) + 1
        self.last_done[action_id] = day

    def apply(self, event: dict[str, Any], day: date) -> None:
        """Apply one recorded event: contacts complete an action (or count as credit ahead)."""
        kind = event["type"]
        self.now = max(self.now, day)
        if kind in ("thank_you_sent", "check_in_sent"):
            due = [p for p in self.pending() if COMPLETED_BY[p[1]] == kind]
            if due:
                self.complete(min(due, key=lambda p: p[0])[1], day)
            else:
                self.credits[kind] = self.credits.get(kind, 0) + 1
            self.last_contact = day  # any follow-up resets the clock
            if kind == "check_in_sent":
                self.check_ins += 1
                self.last_nudge = day
        elif kind == "competing_offer":
            self.competing_offer = day
        elif kind == "reply":
            self._reply(event, day)
            return
        self.fire(kind, day)

    def _reply(self, event: dict[str, Any], day: date) -> None:
        """The employer wrote: close, start a new round, or start nudging over."""
        outcome = event.get("outcome") or "still_deciding"
        if self.state == CLOSED and self.outcome != "moved_on":
            return  # an offer, rejection or withdrawal is final
        self.reply = day
        if outcome == "next_round":
            self.fire("reply_next_round", day)
            nxt = event.get("interview")
            self.start_round(date.fromisoformat(nxt) if nxt else day)
            return
        if outcome in ("still_deciding", "no_follow_up"):
            self.check_ins = 0  # the employer spoke: nudging starts over
            for action_id in RESTARTABLE:
                self.done.pop(action_id, None)
            self.credits.pop("check_in_sent", None)
            if "decision_by" in event:
                self.decision_by = self.not_before = date.fromisoformat(event["decision_by"])
            if outcome == "no_follow_up":
                self.told_no, self.follow_up = True, "not_wanted"
        self.fire("reply_" + outcome, day)

    def next_step(self, today: date) -> Pending | None:
        """The first step from ``today`` on, assuming silence (moves this replay forward)."""
        now = today
        for _ in range(60):
            if self.state == CLOSED:
                return None
            steps = self.pending()
            best = min(steps, key=lambda p: max(p[0], now)) if steps else None
            timer = self.next_timer()
            if best is not None and (timer is None or max(best[0], now) <= max(timer[0], now)):
                return best
            if timer is None:
                return None
            now = max(timer[0], now)
            self.fire(timer[1], now)
        return None


def plan_by_hand(
    case: dict[str, Any], today: date, make: Callable[[dict[str, Any]], Replay] = Replay
) -> dict[str, Any]:
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
        state, step = run.state, run.next_step(today)
    finally:
        run.release()
    nxt = None
    if step is not None:
        kind, why, source = ACTION_TEXTS[step[1]]
        nxt = {"action": kind, "due": step[0].isoformat(), "channel": step[2]}
        nxt |= {"why": why, "source": source}
    return {"case": case["id"], "playbook": PLAYBOOK, "state": state, "next": nxt}
