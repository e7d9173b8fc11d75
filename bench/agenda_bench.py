"""Benchmark ``followup agenda`` against simpler ways of answering the same question.

Run it as ``.venv/bin/python bench/agenda_bench.py [--cases N] [--seed S] [--quick]``.  This is a
measurement, not a test: it prints a table of cases/second and microseconds/case for

* the JSON in/out share alone (read and parse the input lines, write the agenda's own answers);
* ``followup agenda --json``, in-process (warm) and as a subprocess (with start-up);
* a hand-written Python policy for the same playbook (``week-then-on-hold``);
* the same policy with its state held by a `transitions` machine (one shared machine with
  ``add_model`` per case, and the naive way, a ``Machine`` per case);
* the same policy with its state held by a `sismic` statechart interpreter (if installed),

all over the same generated JSON Lines file, then cold-start timings and the imports that
dominate ``followup plan``'s start-up.  See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from generate_cases import PLAYBOOK, write_cases

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CASE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
PLAYBOOK_FILE = REPO / "playbooks" / f"{PLAYBOOK}.yaml"
TODAY = date(2026, 6, 1)
EXAMPLE_TODAY = "2026-03-12"
DEFAULT_CASES = 100_000
QUICK_CASES = 10_000
SLOW_CAP = 20_000
PROFILE_CASES = 20_000
COLD_RUNS = 15

# -- the week-then-on-hold policy, written by hand ------------------------------------------------

STATES = ("interviewed", "thanked", "waiting", "checked-in", "on-hold", "closed")
CLOSED = "closed"
ONE_DAY = timedelta(days=1)
THANK_YOU_WINDOW_BUSINESS_DAYS = 2
WAITING_GAME = timedelta(days=1)
FIRST_CHECK_IN = timedelta(days=7)
ON_HOLD_EVERY = timedelta(days=11)  # 1.5w, rounded to whole days as the engine does
MIN_NUDGE_GAP = timedelta(days=3)
MAX_CHECK_INS = 3
GIVE_UP_MONTHS = 2
DIRECT_CHANNELS = frozenset({"email", "phone", "mail", "text", "recruiter"})
CONTACT_EVENTS = frozenset({"thank_you_sent", "check_in_sent"})
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
# What a reply from the employer starts over: check-ins and the advice that waits on silence.
RESTARTABLE = (
    "ask-how-to-follow-up",
    "check-in-when-they-said",
    "check-in-after-a-week",
    "on-hold-check-in",
    "move-on-after-two-months",
    "move-on",
)

# (trigger, source states, destination): the one table the plain policy, both `transitions`
# variants and the sismic statechart are built from.  Timers are triggers too.
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
# Events with no move in this playbook (internal transitions in the machines).
NO_MOVE_EVENTS = ("competing_offer", "portfolio_update", "committed")
CLOSING_OUTCOME = {
    "back_off": "moved_on",
    "give_up": "moved_on",
    "reply_offer": "offer",
    "reply_rejection": "rejection",
    "withdrew": "withdrew",
}
MOVES: dict[tuple[str, str], str] = {
    (source, trigger): dest for trigger, sources, dest in TRANSITIONS for source in sources
}

Pending = tuple[date, str, str | None]  # (due, action id, channel)


def _action_texts() -> dict[str, tuple[str, str, str]]:
    """Action id -> (kind, why, source), the words the hand-written answers print.

    Read once from the playbook so the JSON written is the same size as the engine's.
    """
    data = yaml.safe_load(PLAYBOOK_FILE.read_text(encoding="utf-8"))
    src = data["source"]
    texts = {}
    for action in data["actions"]:
        why = f"{action['id']}: {' '.join(action['advice'].split())}"
        source = f"\"{src['title']}\" ({src['date']}), section '{action['source']}'"
        texts[action["id"]] = (action["kind"], why, source)
    return texts


ACTION_TEXTS = _action_texts()
_DURATION = re.compile(r"^(\d+)(d|bd|w|mo)$")
_HOLIDAYS: dict[str | None, frozenset[date]] = {None: frozenset()}


def holidays_of(country: str | None) -> frozenset[date]:
    """Public holidays 2025-2027 of ``country`` (computed once per country, outside timing)."""
    found = _HOLIDAYS.get(country)
    if found is None:
        import holidays

        found = frozenset(holidays.country_holidays(country, years=(2025, 2026, 2027)))
        _HOLIDAYS[country] = found
    return found


def roll_forward(day: date, hol: frozenset[date]) -> date:
    """``day`` if it is a weekday and not a holiday, else the next such day."""
    while day.weekday() >= 5 or day in hol:
        day += ONE_DAY
    return day


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to the end of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: date, text: str, hol: frozenset[date]) -> date:
    """``day`` plus a duration written like ``10d``, ``2w``, ``5bd`` or ``2mo``."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"not a duration: {text!r}")
    amount, unit = int(match[1]), match[2]
    if unit == "d":
        return day + timedelta(days=amount)
    if unit == "w":
        return day + timedelta(days=7 * amount)
    if unit == "mo":
        return add_months(day, amount)
    return add_business_days(day, amount, hol)


def add_business_days(day: date, count: int, hol: frozenset[date]) -> date:
    """The ``count``-th business day after ``day``."""
    for _ in range(count):
        day = roll_forward(day + ONE_DAY, hol)
    return day


class Replay:
    """One case under the week-then-on-hold policy, written directly in Python.

    Subclasses decide who holds the state: ``step`` fires a trigger and returns the new state.
    The base class uses a plain dictionary of (state, trigger) -> state.
    """

    __slots__ = (
        "check_ins",
        "competing_offer",
        "credits",
        "decision_by",
        "done",
        "entered",
        "follow_up",
        "follow_up_after",
        "hol",
        "interview",
        "last_contact",
        "last_done",
        "last_nudge",
        "may_call",
        "not_before",
        "now",
        "outcome",
        "preferred",
        "reply",
        "state",
        "told_no",
    )

    def __init__(self, case: dict[str, Any]) -> None:
        employer: dict[str, Any] = case.get("employer") or {}
        self.hol = holidays_of(case.get("country"))
        self.state = "interviewed"
        self.outcome: str | None = None
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
            after = employer["follow_up_after"]
            self.follow_up_after = add_duration(interview, after, self.hol)

    def start_round(self, interview: date) -> None:
        """A new interview round: counters and per-action progress start over."""
        self.interview = interview
        self.entered = interview
        self.last_contact = interview
        self.reply: date | None = None
        self.decision_by: date | None = None
        self.follow_up_after: date | None = None
        self.check_ins = 0
        self.not_before: date | None = None
        self.done: dict[str, int] = {}
        self.last_done: dict[str, date] = {}
        self.credits: dict[str, int] = {}

    def step(self, trigger: str) -> str:
        """Fire ``trigger``; return the state it leads to (the same state if none)."""
        return MOVES.get((self.state, trigger), self.state)

    def release(self) -> None:
        """Let go of anything held for this case (nothing, here)."""

    # -- moves and timers ---------------------------------------------------------------------

    def fire(self, trigger: str, day: date) -> None:
        """Fire ``trigger`` on ``day``; entering a state uses contacts made ahead of time."""
        old = self.state
        self.now = max(self.now, day)
        new = self.step(trigger)
        if new == old:
            if old == CLOSED and trigger in CLOSING_OUTCOME and self.outcome == "moved_on":
                self.outcome = CLOSING_OUTCOME[trigger]  # news after giving up is the real end
            return
        self.state = new
        self.entered = day
        if old == CLOSED:
            self.outcome = None
        if new == CLOSED:
            self.outcome = CLOSING_OUTCOME[trigger]
        elif self.credits:
            for _due, action_id, _ in self.pending():
                event = COMPLETED_BY[action_id]
                if event is not None and self.credits.get(event, 0) > 0:
                    self.credits[event] -= 1
                    self.complete(action_id, day)

    def give_up_on(self) -> date:
        """A month or two after the interview or their last reply, whichever is later."""
        start = self.interview if self.reply is None else max(self.interview, self.reply)
        return add_months(start, GIVE_UP_MONTHS)

    def next_timer(self) -> tuple[date, str] | None:
        """The earliest timer of the current state, with the day it fires."""
        state = self.state
        if state == "interviewed":
            window = add_business_days(self.interview, THANK_YOU_WINDOW_BUSINESS_DAYS, self.hol)
            timers = [(window, "thank_you_window_passed")]
        elif state == "thanked":
            timers = [(self.entered + WAITING_GAME, "waiting_game")]
        elif state == "waiting":
            timers = [(self.give_up_on(), "give_up")]
        elif state == "checked-in":
            timers = [
                (self.last_contact + ON_HOLD_EVERY, "no_answer"),
                (self.give_up_on(), "give_up"),
            ]
        elif state == "on-hold":
            timers = [(self.give_up_on(), "give_up")]
            if self.check_ins >= MAX_CHECK_INS:
                timers.insert(0, (self.last_contact + ON_HOLD_EVERY, "back_off"))
        else:
            return None
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
            reminder: Pending | None = None
            for p in self.pending():
                if COMPLETED_BY[p[1]] is None and (reminder is None or p[0] < reminder[0]):
                    reminder = p
            if reminder is not None and (timer is None or reminder[0] <= timer[0]):
                if reminder[0] >= limit:
                    return
                self.complete(reminder[1], reminder[0])
                continue
            if timer is None:
                return
            when, trigger = timer
            if when > limit or (when == limit and not inclusive):
                return
            if when == limit and any(
                p[0] == limit and COMPLETED_BY[p[1]] is not None for p in self.pending()
            ):
                return  # a step due that very day comes before the day's timers
            self.fire(trigger, when)

    # -- actions ------------------------------------------------------------------------------

    def _nudge(self, action_id: str, due: date) -> Pending | None:
        """A check-in, kept off the not-before date and away from the last one, with its channel."""
        if self.told_no:
            return None
        if self.not_before is not None and due < self.not_before:
            due = self.not_before
        if self.last_nudge is not None and due < self.last_nudge + MIN_NUDGE_GAP:
            due = self.last_nudge + MIN_NUDGE_GAP
        return self._by_preferred(action_id, due)

    def _by_preferred(self, action_id: str, due: date) -> Pending:
        channel = self.preferred
        if channel is None or (channel == "phone" and not self.may_call):
            channel = "email"
        if channel in DIRECT_CHANNELS:
            due = roll_forward(due, self.hol)
        return (due, action_id, channel)

    def pending(self) -> list[Pending]:
        """Actions of the current state that still apply, in playbook order."""
        state = self.state
        if state == CLOSED:
            return []
        done = self.done
        found: list[Pending | None] = []
        if state == "interviewed":
            if (
                self.preferred is None
                and self.follow_up_after is None
                and self.follow_up != "not_wanted"
                and not done.get("ask-how-to-follow-up")
            ):
                found.append((self.interview, "ask-how-to-follow-up", None))
            if not done.get("thank-you-note"):
                found.append((roll_forward(self.interview, self.hol), "thank-you-note", "email"))
        if self.competing_offer is not None and not done.get("flag-competing-offer"):
            found.append(self._by_preferred("flag-competing-offer", self.competing_offer))
        wanted = self.follow_up != "not_wanted"
        if state in ("thanked", "waiting") and wanted:
            reply = self.reply + FIRST_CHECK_IN if self.reply else None
            if self.follow_up_after is not None:
                if not done.get("check-in-when-they-said"):
                    due = max(d for d in (self.follow_up_after, reply) if d is not None)
                    found.append(self._nudge("check-in-when-they-said", due))
            elif not done.get("check-in-after-a-week"):
                dates = (self.interview + FIRST_CHECK_IN, self.decision_by, reply)
                due = max(d for d in dates if d is not None)
                found.append(self._nudge("check-in-after-a-week", due))
        elif state == "on-hold" and self.check_ins < MAX_CHECK_INS and wanted:
            count = done.get("on-hold-check-in", 0)
            if count < MAX_CHECK_INS:
                last = self.last_done.get("on-hold-check-in") if count else None
                due = (last or self.last_contact) + ON_HOLD_EVERY
                found.append(self._nudge("on-hold-check-in", due))
        if state in ("waiting", "checked-in", "on-hold"):
            if self.check_ins < MAX_CHECK_INS and not done.get("move-on-after-two-months"):
                found.append((self.give_up_on(), "move-on-after-two-months", None))
            if state == "on-hold" and self.check_ins >= MAX_CHECK_INS and not done.get("move-on"):
                found.append((self.last_contact + ON_HOLD_EVERY, "move-on", None))
        return [p for p in found if p is not None]

    def expects(self, kind: str) -> bool:
        """Whether an event of type ``kind`` completes an action pending now."""
        return any(COMPLETED_BY[p[1]] == kind for p in self.pending())

    def complete(self, action_id: str, day: date) -> None:
        """Count an action as done on ``day``."""
        self.done[action_id] = self.done.get(action_id, 0) + 1
        self.last_done[action_id] = day

    # -- events -------------------------------------------------------------------------------

    def apply(self, event: dict[str, Any], day: date) -> None:
        """Apply one recorded event."""
        kind = event["type"]
        self.now = max(self.now, day)
        if kind in CONTACT_EVENTS:
            best: Pending | None = None
            for p in self.pending():
                if COMPLETED_BY[p[1]] == kind and (best is None or p[0] < best[0]):
                    best = p
            if best is not None:
                self.complete(best[1], day)
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
                self.told_no = True
                self.follow_up = "not_wanted"
        self.fire("reply_" + outcome, day)

    # -- the answer ---------------------------------------------------------------------------

    def next_step(self, today: date) -> Pending | None:
        """The first step from ``today`` on, assuming silence (moves this replay forward)."""
        now = today
        for _ in range(60):
            if self.state == CLOSED:
                return None
            best: Pending | None = None
            for p in self.pending():
                if best is None or max(p[0], now) < max(best[0], now):
                    best = p
            timer = self.next_timer()
            if best is not None and (timer is None or max(best[0], now) <= max(timer[0], now)):
                return best
            if timer is None:
                return None
            now = max(timer[0], now)
            self.fire(timer[1], now)
        return None


def plan_by_hand(case: dict[str, Any], make: Callable[[dict[str, Any]], Replay]) -> dict[str, Any]:
    """One agenda line for ``case``: replay its events up to today, then find the next step."""
    run = make(case)
    try:
        for event in sorted(case.get("events") or (), key=lambda e: e["date"]):
            day = date.fromisoformat(event["date"])
            if day > TODAY:
                continue
            # Same day: an event the state was waiting for comes before that day's timers.
            run.advance(day, inclusive=not run.expects(event["type"]))
            run.apply(event, day)
        run.advance(TODAY, inclusive=True)
        state = run.state
        step = run.next_step(TODAY)
    finally:
        run.release()
    nxt = None
    if step is not None:
        kind, why, source = ACTION_TEXTS[step[1]]
        nxt = {
            "action": kind,
            "due": step[0].isoformat(),
            "channel": step[2],
            "why": why,
            "source": source,
        }
    return {"case": case["id"], "playbook": PLAYBOOK, "state": state, "next": nxt}


# -- the same policy with its state held by a statechart library ----------------------------------


class _Model:
    """A bare object for `transitions` to attach its trigger methods and state to."""

    state: str


def transitions_spec() -> list[dict[str, Any]]:
    """TRANSITIONS as `transitions` dictionaries, plus internal moves for the other events."""
    spec: list[dict[str, Any]] = [
        {"trigger": t, "source": list(sources), "dest": dest} for t, sources, dest in TRANSITIONS
    ]
    spec += [{"trigger": t, "source": "*", "dest": None} for t in NO_MOVE_EVENTS]
    return spec


def machine_kwargs() -> dict[str, Any]:
    """How every `transitions` machine in this benchmark is configured."""
    return {
        "states": list(STATES),
        "transitions": transitions_spec(),
        "initial": "interviewed",
        "auto_transitions": False,
        "ignore_invalid_triggers": True,
        "send_event": False,
    }


def shared_machine_replay() -> Callable[[dict[str, Any]], Replay]:
    """One `transitions` Machine for all cases; each case is added as a model and removed."""
    from transitions import Machine

    machine = Machine(model=None, **machine_kwargs())

    class SharedMachineReplay(Replay):
        __slots__ = ("model",)

        def __init__(self, case: dict[str, Any]) -> None:
            self.model = _Model()
            machine.add_model(self.model)
            super().__init__(case)

        def step(self, trigger: str) -> str:
            self.model.trigger(trigger)
            return self.model.state

        def release(self) -> None:
            machine.remove_model(self.model)

    return SharedMachineReplay


def machine_per_case_replay() -> Callable[[dict[str, Any]], Replay]:
    """A new `transitions` Machine built for every case (the naive way)."""
    from transitions import Machine

    kwargs = machine_kwargs()

    class MachinePerCaseReplay(Replay):
        __slots__ = ("model",)

        def __init__(self, case: dict[str, Any]) -> None:
            self.model = _Model()
            Machine(model=self.model, **kwargs)
            super().__init__(case)

        def step(self, trigger: str) -> str:
            self.model.trigger(trigger)
            return self.model.state

    return MachinePerCaseReplay


def sismic_yaml() -> str:
    """TRANSITIONS as a sismic YAML statechart (events with no move are simply consumed)."""
    lines = [
        "statechart:",
        f"  name: {PLAYBOOK}",
        "  root state:",
        "    name: root",
        "    initial: interviewed",
        "    states:",
    ]
    for state in STATES:
        lines.append(f"      - name: {state}")
        moves = [(t, dest) for t, sources, dest in TRANSITIONS if state in sources]
        if moves:
            lines.append("        transitions:")
            lines += [f"          - {{event: {t}, target: {dest}}}" for t, dest in moves]
    return "\n".join(lines) + "\n"


def sismic_replay() -> Callable[[dict[str, Any]], Replay] | None:
    """A sismic Interpreter per case, one queued event and one step per trigger (None if absent)."""
    try:
        from sismic.interpreter import Interpreter
        from sismic.io import import_from_yaml
    except ImportError:
        return None
    chart = import_from_yaml(sismic_yaml())

    class SismicReplay(Replay):
        __slots__ = ("interpreter",)

        def __init__(self, case: dict[str, Any]) -> None:
            self.interpreter = Interpreter(chart, ignore_contract=True)
            self.interpreter.execute_once()  # enter the initial state
            super().__init__(case)

        def step(self, trigger: str) -> str:
            self.interpreter.queue(trigger)
            self.interpreter.execute_once()
            return str(self.interpreter.configuration[-1])

    return SismicReplay


# -- measuring -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock seconds (``time.perf_counter``) and CPU seconds (user + system) of one run."""

    wall: float
    cpu: float


class Stopwatch:
    """Times a block in wall and CPU time; ``children=True`` counts finished subprocesses' CPU."""

    def __init__(self, *, children: bool = False) -> None:
        self.children = children
        self.timing = Timing(0.0, 0.0)

    def _cpu(self) -> float:
        if self.children:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        return time.process_time()

    def __enter__(self) -> Stopwatch:
        self._start = (time.perf_counter(), self._cpu())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, cpu = self._start
        self.timing = Timing(time.perf_counter() - wall, self._cpu() - cpu)


@dataclass(frozen=True, slots=True)
class Result:
    """One contender's run: how many cases it planned, in how much wall and CPU time."""

    name: str
    cases: int
    timing: Timing
    scaled: bool = False

    @property
    def us_per_case(self) -> float:
        return self.timing.wall / self.cases * 1e6

    @property
    def cpu_us_per_case(self) -> float:
        return self.timing.cpu / self.cases * 1e6

    @property
    def per_second(self) -> float:
        return self.cases / self.timing.wall


def agenda_args(path: Path) -> list[str]:
    """The ``followup agenda`` arguments every run uses."""
    return ["agenda", str(path), "--today", TODAY.isoformat(), "--json"]


@contextlib.contextmanager
def captured(out: Path, err: Path) -> Iterator[Any]:
    """Point ``sys.stdout`` and ``sys.stderr`` at files while the engine runs."""
    with (
        out.open("w", encoding="utf-8") as fo,
        err.open("w", encoding="utf-8") as fe,
        contextlib.redirect_stdout(fo),
        contextlib.redirect_stderr(fe),
    ):
        yield fo


def agenda_in_process(src: Path, out: Path, err: Path) -> tuple[Timing, int]:
    """Run ``followup agenda`` through its ``main``; return (timing, exit code)."""
    from followup.cli.main import main

    with captured(out, err) as fo, Stopwatch() as watch:
        code = main(agenda_args(src))
        fo.flush()
    return watch.timing, code


def agenda_subprocess(src: Path, out: Path, env: dict[str, str]) -> tuple[Timing, int, str]:
    """Run ``followup agenda ... --json > out``; return (timing, exit code, stderr)."""
    with out.open("wb") as fo, Stopwatch(children=True) as watch:
        proc = subprocess.run(
            [*followup_command(), *agenda_args(src)],
            stdout=fo,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    return watch.timing, proc.returncode, proc.stderr.decode("utf-8", "replace")


def json_io_only(src: Path, answers: list[str], out: Path) -> Timing:
    """Read and parse every input line and write the agenda's own answers: the I/O floor."""
    replies = [json.loads(a) for a in answers]
    with Stopwatch() as watch:
        lines = src.read_bytes().splitlines()
        with out.open("w", encoding="utf-8") as fo:
            write = fo.write
            for raw, reply in zip(lines, replies, strict=True):
                json.loads(raw.decode("utf-8"))
                write(json.dumps(reply, ensure_ascii=False) + "\n")
    return watch.timing


def by_hand(src: Path, out: Path, make: Callable[[dict[str, Any]], Replay]) -> Timing:
    """JSON in -> dict -> ``plan_by_hand`` -> JSON out, over the whole file."""
    with Stopwatch() as watch:
        lines = src.read_bytes().splitlines()
        with out.open("w", encoding="utf-8") as fo:
            write = fo.write
            for raw in lines:
                if raw.strip():
                    answer = plan_by_hand(json.loads(raw), make)
                    write(json.dumps(answer, ensure_ascii=False) + "\n")
    return watch.timing


def agreement(mine: Path, engine: list[str]) -> float:
    """Share of lines equal to the engine's answer for the same case."""
    lines = mine.read_text(encoding="utf-8").splitlines()
    same = sum(a == b for a, b in zip(lines, engine, strict=False))
    return same / len(lines) if lines else 0.0


def followup_command() -> list[str]:
    """The installed ``followup`` script next to this Python, else ``python -m followup``."""
    script = Path(sys.executable).parent / "followup"
    return [str(script)] if script.exists() else [sys.executable, "-m", "followup"]


def median_ms(cmd: list[str], env: dict[str, str], runs: int = COLD_RUNS) -> Timing:
    """Median wall and CPU time of ``runs`` runs of ``cmd``, in milliseconds."""
    walls, cpus = [], []
    for _ in range(runs):
        with Stopwatch(children=True) as watch:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(watch.timing.wall * 1000)
        cpus.append(watch.timing.cpu * 1000)
    return Timing(statistics.median(walls), statistics.median(cpus))


def import_times(
    env: dict[str, str], top: int = 8, runs: int = 3
) -> list[tuple[str, float, float]]:
    """``python -X importtime`` of ``followup plan``: the ``top`` (module, cumulative, self ms).

    Each module's best of ``runs`` runs; a module listed twice (a package imported on the way to
    one of its submodules) keeps its larger figures.
    """
    cmd = [sys.executable, "-X", "importtime", "-m", "followup", "plan", str(EXAMPLE_CASE)]
    best: dict[str, tuple[float, float]] = {}
    for _ in range(runs):
        proc = subprocess.run(
            [*cmd, "--today", EXAMPLE_TODAY], capture_output=True, env=env, check=False, text=True
        )
        seen: dict[str, tuple[float, float]] = {}
        for line in proc.stderr.splitlines():
            parts = line.removeprefix("import time:").split("|")
            if len(parts) == 3 and parts[0].strip().isdigit():
                name, figures = parts[2].strip(), (int(parts[1]) / 1000, int(parts[0]) / 1000)
                before = seen.get(name, figures)
                seen[name] = (max(before[0], figures[0]), max(before[1], figures[1]))
        for name, figures in seen.items():
            best[name] = min(best.get(name, figures), figures)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:top]
    return [(name, cumulative, own) for name, (cumulative, own) in ranked]


def profile_agenda(src: Path, tmp: Path, top: int = 15) -> str:
    """cProfile of the in-process agenda over ``src``: the ``top`` functions by own time."""
    from followup.cli.main import main

    profiler = cProfile.Profile()
    with captured(tmp / "profile.out", tmp / "profile.err"):
        profiler.enable()
        main(agenda_args(src))
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(top)
    report = text.getvalue()
    site, stdlib = Path(yaml.__file__).parent.parent, Path(json.__file__).parent.parent
    for prefix in (REPO / "src", site, stdlib):  # shorter file names
        report = report.replace(f"{prefix}{os.sep}", "")
    return report


# -- the report ------------------------------------------------------------------------------------


def head_lines(src: Path, dest: Path, count: int) -> None:
    """Copy the first ``count`` lines of ``src`` to ``dest``."""
    with src.open("rb") as fi, dest.open("wb") as fo:
        for _, line in zip(range(count), fi, strict=False):
            fo.write(line)


def print_table(results: list[Result], reference: Result, total: int) -> None:
    """The results, one row per contender, relative to the in-process agenda."""
    print(
        f"{'contender':<44} {'cases':>8} {'wall s':>7} {'cases/s':>8} {'us/case':>8} "
        f"{'cpu us':>7} {'vs':>6}"
    )
    for r in results:
        mark = "*" if r.scaled else " "
        ratio = r.cpu_us_per_case / reference.cpu_us_per_case
        print(
            f"{r.name:<44} {r.cases:>7,}{mark} {r.timing.wall:>7.2f} {r.per_second:>8,.0f} "
            f"{r.us_per_case:>8.1f} {r.cpu_us_per_case:>7.1f} {ratio:>5.2f}x"
        )
    scaled = [r for r in results if r.scaled]
    if scaled:
        print(
            f"* measured on the first {scaled[0].cases:,} cases of the same file, not all "
            f"{total:,}; cases/s and us/case hold for any N"
        )
        for r in scaled:
            print(f"  estimated for all {total:,}: {r.name}: {r.us_per_case * total / 1e6:.0f} s")
    print(
        "us/case = wall-clock microseconds per case; cpu us = CPU (user+system) microseconds\n"
        "per case, steadier on a shared machine; vs = cpu us relative to the in-process agenda"
    )


@dataclass
class BenchRun:
    """Everything one benchmark run measured and checked."""

    total: int
    results: list[Result]
    answers: list[str]  # followup agenda's output lines, in input order
    agree: dict[str, float]
    problems: list[str]  # what went wrong in the followup runs, if anything


def child_env(tmp: Path) -> dict[str, str]:
    """The environment of the ``followup`` subprocesses: a bytecode cache they may write.

    ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI) would make every start-up compile
    followup from source; an installed package has its ``.pyc`` files, so the children write
    theirs under ``tmp`` (``PYTHONPYCACHEPREFIX``), leaving the source tree untouched.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def run_contenders(src: Path, small: Path, tmp: Path, env: dict[str, str], slow: int) -> BenchRun:
    """Time every contender over ``src``; the slow ones over ``small``, its first ``slow`` lines."""
    total = sum(1 for _ in src.open("rb"))
    warm = tmp / "warm.jsonl"
    head_lines(src, warm, 500)
    # Warm up: imports, the compiled playbook, the US holiday calendar and the bytecode cache.
    agenda_in_process(warm, tmp / "warm.out", tmp / "warm.err")
    agenda_subprocess(warm, tmp / "warm.out", env)
    out, err = tmp / "agenda.out", tmp / "agenda.err"
    timing, code = agenda_in_process(src, out, err)
    answers = out.read_text(encoding="utf-8").splitlines()
    sub_out = tmp / "agenda-sub.out"
    sub_timing, sub_code, sub_err = agenda_subprocess(src, sub_out, env)
    results = [
        Result("json in/out only", total, json_io_only(src, answers, tmp / "json.out")),
        Result("followup agenda, in-process (warm)", total, timing),
        Result("followup agenda, subprocess (with start-up)", total, sub_timing),
    ]
    problems = check_agenda(answers, total, code, err.read_text(encoding="utf-8"), "in-process")
    problems += check_agenda(
        sub_out.read_text(encoding="utf-8").splitlines(), total, sub_code, sub_err, "subprocess"
    )

    holidays_of("US")  # the hand-written contenders' holiday table, built before timing
    contenders: list[tuple[str, Callable[[dict[str, Any]], Replay] | None, bool]] = [
        ("hand-written Python", Replay, False),
        ("transitions: one Machine, add_model per case", shared_machine_replay(), False),
        ("transitions: a Machine per case", machine_per_case_replay(), True),
        ("sismic: an Interpreter per case", sismic_replay(), True),
    ]
    agree: dict[str, float] = {}
    for name, make, is_slow in contenders:
        if make is None:
            continue
        mine = tmp / "mine.out"
        cases = slow if is_slow else total
        timing = by_hand(small if is_slow else src, mine, make)
        results.append(Result(name, cases, timing, scaled=cases < total))
        agree[name] = agreement(mine, answers)
    return BenchRun(total, results, answers, agree, problems)


def check_agenda(lines: list[str], total: int, code: int, stderr: str, how: str) -> list[str]:
    """What is wrong with an agenda run: line count, case order, exit code, stderr."""
    problems = []
    if code != 0:
        problems.append(f"{how}: exit code {code}")
    if stderr.strip():
        problems.append(f"{how}: stderr: {stderr.strip().splitlines()[0]}")
    if len(lines) != total:
        problems.append(f"{how}: {len(lines):,} output lines for {total:,} cases")
    expected = (f"case-{i:06d}" for i in range(1, total + 1))
    if any(json.loads(line)["case"] != want for line, want in zip(lines, expected, strict=False)):
        problems.append(f"{how}: output lines are not one per case in input order")
    return problems


def print_checks(run: BenchRun) -> None:
    """The correctness check, the states reached, and how often each contender agreed."""
    if run.problems:
        print("check: FAILED - " + "; ".join(run.problems))
    else:
        print(
            f"check: ok - in-process and subprocess each wrote {len(run.answers):,} JSON lines "
            f"for {run.total:,} cases, in order, exit 0, nothing on stderr"
        )
    plans = [json.loads(line) for line in run.answers]
    states = Counter(p["state"] for p in plans)
    print("states: " + ", ".join(f"{s} {n:,}" for s, n in states.most_common()))
    actions = Counter((p["next"] or {}).get("action") or "nothing" for p in plans)
    print("next action: " + ", ".join(f"{a} {n:,}" for a, n in actions.most_common()))
    print("same JSON line as followup agenda for the same case:")
    for name, share in run.agree.items():
        print(f"  {share:7.2%}  {name}")


def print_start_up(env: dict[str, str]) -> None:
    """Cold-start medians and the imports that dominate ``followup plan``."""
    example = [*followup_command(), "plan", str(EXAMPLE_CASE), "--today", EXAMPLE_TODAY]
    subprocess.run(example, stdout=subprocess.DEVNULL, env=env, check=True)  # warm the caches
    cold = {
        "python -c pass": median_ms([sys.executable, "-c", "pass"], env),
        "followup --version": median_ms([*followup_command(), "--version"], env),
        "followup plan acme-data-eng.yaml": median_ms(example, env),
    }
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        name = "followup plan, PYTHONDONTWRITEBYTECODE as set here (no .pyc for followup)"
        cold[name] = median_ms(example, dict(os.environ))
    print(
        f"cold start, median of {COLD_RUNS} runs, warm holiday and bytecode caches "
        "(wall ms / cpu ms):"
    )
    for name, ms in cold.items():
        print(f"  {ms.wall:7.0f} / {ms.cpu:5.0f}  {name}")
    print("followup plan, python -X importtime (best of 3), top 8 by cumulative ms (/ self ms):")
    for name, cumulative, own in import_times(env):
        print(f"  {cumulative:7.1f} / {own:5.1f}  {name}")


def machine_line() -> str:
    """Python version, CPUs and current load, so readers can compare runs."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"machine: Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}, {cpus} CPU(s) "
        f"(os.cpu_count()={os.cpu_count()}), load average {os.getloadavg()[0]:.2f}"
    )


def main(argv: list[str] | None = None) -> None:
    """Generate the cases, run every contender over them and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="how many cases")
    parser.add_argument("--seed", type=int, default=2026, help="random seed for the cases")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_CASES:,} cases")
    parser.add_argument(
        "--slow-cap", type=int, default=SLOW_CAP, help="cases for the slow baselines"
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile the agenda")
    args = parser.parse_args(argv)
    total = QUICK_CASES if args.quick else args.cases
    slow = min(total, args.slow_cap)

    with tempfile.TemporaryDirectory(prefix="followup-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["FOLLOWUP_CACHE"] = str(tmp / "cache")  # an isolated holiday cache
        print(machine_line())
        src, small = tmp / "cases.jsonl", tmp / "slow.jsonl"
        size = write_cases(src, total, args.seed)
        head_lines(src, small, slow)
        print(f"input: {total:,} cases, seed {args.seed}, {size / 1e6:.1f} MB of JSON Lines")

        env = child_env(tmp)
        run = run_contenders(src, small, tmp, env, slow)
        print()
        print_table(run.results, run.results[1], total)
        if not any(r.name.startswith("sismic") for r in run.results):
            print("sismic: not installed, so no sismic row (pip install sismic to add it)")
        io_share = run.results[0].timing.cpu / run.results[1].timing.cpu
        print(f"json in/out alone is {io_share:.0%} of the in-process agenda's CPU time")
        print()
        print_checks(run)
        print()
        print_start_up(env)

        if args.profile:
            profiled = min(total, PROFILE_CASES)
            part = tmp / "profile.jsonl"
            head_lines(src, part, profiled)
            print()
            print(f"cProfile, in-process agenda over {profiled:,} cases, top 15 by tottime:")
            print(profile_agenda(part, tmp).strip("\n"))


if __name__ == "__main__":
    main()
