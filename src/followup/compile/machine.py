"""Build the one `transitions` state machine of a playbook, and the engine's fast tables.

One list of moves (the engine's built-in ones, made from `followup.semantics.meaning`, then the
playbook's own) is the single definition of which move happens on which trigger in which state.
Both the `transitions` machine and the engine's tables are built from that list.  Driving a
`transitions` model costs microseconds per trigger, far too slow for an agency's 100,000 cases
each morning, so the engine reads plain dictionaries keyed by (state, trigger); a test drives
the real machine side by side with them to keep the two in agreement, and ``followup show
--format mermaid|dot`` draws the machine (`followup.render.diagram`).
"""

from __future__ import annotations

import functools
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import msgspec

from followup.compile.expressions import DateFn, GuardFn, always, compile_date, compile_guard
from followup.model.playbook import Action, Avoid, ChannelOption, Playbook, Repeat, Transition
from followup.model.vocabulary import (
    CLOSED,
    COMPLETED_BY,
    DIRECT_CHANNELS,
    LATE_SKIP,
    NUDGE_KINDS,
    OPEN_STATES,
    STATES,
    STEP_KINDS,
)
from followup.semantics.builtin import (
    BUILT_IN_ACTIONS,
    BUILT_IN_IDS,
    ENGINE_RULE,
    KEEP_PROMISE,
    ON_ITS_DAY_KINDS,
)
from followup.semantics.meaning import (
    CALLS_WITHOUT_INVITATION,
    EVENTS,
    MIN_NUDGE_GAP,
    REOPENABLE,
    REPLIES,
    UNPACED_KINDS,
)
from followup.semantics.rules import (
    BUSINESS_DAYS_ONLY,
    CHECK_IN_GAP,
    CONTACT_GAP,
    KEEP_PROMISES,
    WAIT_PAST_THEIR_DATE,
)

if TYPE_CHECKING:
    from transitions import Machine

TIMER_PREFIX = "after:"
REPLY_PREFIX = "reply:"


def reply_trigger(outcome: str) -> str:
    """The trigger name a reply with this outcome fires."""
    return REPLY_PREFIX + outcome


class Move(msgspec.Struct, frozen=True, eq=False):
    """One way to leave (or stay in) a state: what fires it, where it goes, and why.

    Instances are handed to `transitions` as the condition callable, so reading the machine back
    gives us the rule along with the guard.
    """

    trigger: str
    dest: str
    guard: GuardFn
    rule: Transition | None
    outcome: str | None = None
    when_date: DateFn | None = None
    label: str = ""
    # The guard in words, for a built-in move (a playbook's rule has its own ``when``).
    condition: str = ""

    def __call__(self, run: Any = None) -> bool:
        return self.guard(run)

    @property
    def rule_id(self) -> str:
        return self.rule.id if self.rule else self.label


class CompiledAction(msgspec.Struct, frozen=True, eq=False):
    action: Action
    guard: GuardFn
    due: DateFn
    completed_by: str | None
    channel: tuple[tuple[str, GuardFn], ...]
    until: DateFn | None
    citation: str
    # Copies of what the engine's hot loop reads, to save attribute chains per call.
    id: str = ""
    nudge: bool = False
    # The one channel when the rule has a single unconditional choice ("" for none), else None.
    fixed_channel: str | None = None
    # The end of the action's window (its ``until``), if it has one.
    latest: DateFn | None = None
    # A check-in waits past the employer's dates, and its gap after the last one (None: the
    # playbook opted out of that engine rule, or this is no check-in).
    waits_past: bool = False
    gap: timedelta | None = None
    # A check-in waits for the day of a promise you made that is still to come, and keeping
    # the promise counts as it too (keep-promises; False: no check-in, or the playbook opted out).
    waits_for_promise: bool = False
    # Whether the minimum gap between any two direct contacts may move it (not for the kinds
    # the engine exempts, nor when the playbook opted out of that rule).
    paced: bool = False
    # Its recipient may be phoned without an invitation (`CALLS_WITHOUT_INVITATION`).
    calls_ok: bool = False
    # The action's kind and repeat, copied for the same reason.
    kind: str = ""
    repeat: Repeat | None = None
    # The channels on which its step moves off weekends and public holidays (business-days-only):
    # every direct one, unless the playbook opted out or a promise keeps its day (ON_ITS_DAY_KINDS).
    off_days: frozenset[str] = DIRECT_CHANNELS
    # It lapses at the end of its window when nothing is recorded (the action's ``late: skip``).
    lapses: bool = False
    # Not recommended once they asked you not to follow up: a check-in, or a playbook's own
    # kind done by a follow-up they can turn down (`EventMeaning.follows_up`).
    unwanted: bool = False


class CompiledAvoid(msgspec.Struct, frozen=True, eq=False):
    avoid: Avoid
    guard: GuardFn


class CompiledPlaybook(msgspec.Struct, frozen=True, eq=False):
    """A playbook ready to run: built once, shared by every case."""

    playbook: Playbook
    # Every move, built-in ones first: the one definition the machine and the tables come from.
    moves: tuple[tuple[str, str, Move], ...]
    on_event: dict[tuple[str, str], tuple[Move, ...]]
    timers: dict[str, tuple[Move, ...]]
    actions: dict[str, tuple[CompiledAction, ...]]
    avoid: tuple[CompiledAvoid, ...]
    completed_by: dict[str, str | None] = msgspec.field(default_factory=dict)
    # Subsets of ``actions`` the engine asks for in its hot loop, computed once here.
    reminders: dict[str, tuple[CompiledAction, ...]] = msgspec.field(default_factory=dict)
    completes: dict[tuple[str, str], tuple[CompiledAction, ...]] = msgspec.field(
        default_factory=dict
    )
    # Ids of the check-ins and reminders, which a reply that restarts nudges lets you do again.
    restartable: tuple[str, ...] = ()
    # Event type -> ids of the actions it makes due again (`EventMeaning.renews`).
    renewed_by: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    # The engine rules the playbook opts out of (`followup.semantics.rules.RULE_IDS`).
    opted_out: frozenset[str] = frozenset()
    # The channels whose steps move off weekends and public holidays.
    off_days: frozenset[str] = DIRECT_CHANNELS
    # Per state, the actions the job seeker does (the other subset of ``actions``: not
    # reminders), in the rules' order.
    doable: dict[str, tuple[CompiledAction, ...]] = msgspec.field(default_factory=dict)
    # What the plan calls a step of each of the playbook's own kinds that says (`ActionKind.words`).
    kind_words: dict[str, str] = msgspec.field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.playbook.id

    @property
    def machine(self) -> Machine:
        """The `transitions` machine of these moves, built once when first asked.

        Only diagrams and the tests that drive it side by side with the tables ask for it.
        """
        return _machine_of(self.moves)


def _closed_as_moved_on(run: Any) -> bool:
    """Only a playbook giving up can be undone by news; an offer or rejection is final."""
    return bool(run is not None and run.outcome == REOPENABLE)


# How diagrams word the condition on the built-in moves out of ``closed``.
AFTER_GIVING_UP = f"only after {REOPENABLE}"


def _builtin_moves() -> list[tuple[str, str, Move]]:
    """The engine's own moves, the same in every playbook: replies, then closing events.

    Each moves every open state alike; one that applies after the playbook gave up also moves
    ``closed``, guarded so that only a case closed as moved on is touched.
    """
    fixed: list[tuple[str, str, str | None, str, str | None]] = [
        (
            reply_trigger(r.outcome),
            r.dest,
            r.closes_as,
            f"engine: reply {r.outcome}",
            " (reopens)" if r.after_giving_up else None,
        )
        for r in REPLIES.values()
    ]
    fixed += [
        (e.type, CLOSED, e.closes_as, f"engine: {e.words}", "")
        for e in EVENTS.values()
        if e.closes_as is not None
    ]
    moves: list[tuple[str, str, Move]] = []
    for trigger, dest, closing, label, late in fixed:
        move = Move(trigger, dest, always, None, closing, None, label)
        moves.extend((source, trigger, move) for source in OPEN_STATES)
        if late is not None:
            again = Move(
                trigger,
                dest,
                _closed_as_moved_on,
                None,
                closing,
                None,
                label + late,
                AFTER_GIVING_UP,
            )
            moves.append((CLOSED, trigger, again))
    return moves


def _playbook_moves(playbook: Playbook) -> list[tuple[str, str, Move]]:
    moves: list[tuple[str, str, Move]] = []
    for t in playbook.transitions:
        guard = compile_guard(t.when)
        if t.on is not None:
            trigger, when_date = t.on, None
        else:
            assert t.after is not None  # the loader guarantees exactly one of on/after
            trigger, when_date = TIMER_PREFIX + t.id, compile_date(t.after)
        move = Move(trigger, t.dest, guard, t, t.outcome, when_date)
        moves.extend((source, trigger, move) for source in t.sources)
    return moves


@functools.lru_cache(maxsize=16)
def _machine_of(moves: tuple[tuple[str, str, Move], ...]) -> Machine:
    return build_machine(moves)


def build_machine(moves: tuple[tuple[str, str, Move], ...]) -> Machine:
    """The `transitions` machine with every move; no model is attached to it."""
    # lazy: importing transitions and building the machine cost ~8 ms that `plan` never uses
    from transitions import Machine

    machine = Machine(
        model=None,
        states=list(STATES),
        initial=STATES[0],
        auto_transitions=False,
        ignore_invalid_triggers=True,
        send_event=False,
    )
    for source, trigger, move in moves:
        machine.add_transition(trigger, source, move.dest, conditions=[move])
    return machine


def build_tables(
    moves: tuple[tuple[str, str, Move], ...],
) -> tuple[dict[tuple[str, str], tuple[Move, ...]], dict[str, tuple[Move, ...]]]:
    """The engine's tables from the same moves as the machine, in the same order.

    Returns:
        (state, trigger) -> the moves to try in order, and state -> its timers.
    """
    on_event: dict[tuple[str, str], list[Move]] = {}
    timers: dict[str, list[Move]] = {}
    for source, trigger, move in moves:
        if trigger.startswith(TIMER_PREFIX):
            timers.setdefault(source, []).append(move)
        else:
            on_event.setdefault((source, trigger), []).append(move)
    return (
        {k: tuple(v) for k, v in on_event.items()},
        {k: tuple(v) for k, v in timers.items()},
    )


def compile_channels(options: tuple[ChannelOption, ...]) -> tuple[tuple[str, GuardFn], ...]:
    """A channel rule as the engine reads it: each choice with its condition."""
    return tuple((opt.use, compile_guard(opt.when)) for opt in options)


def _compile_action(
    action: Action,
    completed_by: str | None,
    citation: str,
    opted_out: frozenset[str],
    off_days: frozenset[str],
) -> CompiledAction:
    """``off_days``: the playbook's (`CompiledPlaybook.off_days`)."""
    channel = compile_channels(action.channel)
    until = compile_date(action.repeat.until) if action.repeat and action.repeat.until else None
    fixed: str | None = None
    only = action.channel[0] if len(action.channel) == 1 else None
    calls_ok = action.to in CALLS_WITHOUT_INVITATION
    if (
        only is not None
        and only.when is None
        and only.use not in ("preferred", "committed")
        and (only.use != "phone" or calls_ok)
    ):
        fixed = "" if only.use == "none" else only.use
    return CompiledAction(
        action,
        compile_guard(action.when),
        compile_date(action.due),
        completed_by,
        channel,
        until,
        citation,
        action.id,
        action.kind in NUDGE_KINDS,
        fixed,
        compile_date(action.until) if action.until else None,
        action.kind in NUDGE_KINDS and WAIT_PAST_THEIR_DATE not in opted_out,
        MIN_NUDGE_GAP if action.kind in NUDGE_KINDS and CHECK_IN_GAP not in opted_out else None,
        action.kind in NUDGE_KINDS and KEEP_PROMISES not in opted_out,
        action.kind not in UNPACED_KINDS and CONTACT_GAP not in opted_out,
        calls_ok,
        action.kind,
        action.repeat,
        frozenset() if action.kind in ON_ITS_DAY_KINDS else off_days,
        action.until is not None and action.late == LATE_SKIP,
        _unwanted(action.kind, completed_by),
    )


def _unwanted(kind: str, completed_by: str | None) -> bool:
    """Whether a step of ``kind`` is off once they asked you not to follow up: a check-in, or a
    playbook's own kind done by a follow-up they can turn down (the engine's own kinds, such
    as keeping a promise, have rules of their own)."""
    if kind in NUDGE_KINDS:
        return True
    meaning = EVENTS.get(completed_by) if completed_by is not None else None
    return kind not in STEP_KINDS and meaning is not None and meaning.follows_up


def _replaced(builtin: Action, state: str, playbook: Playbook) -> bool:
    """Whether the playbook has its own rule for what ``builtin`` does in ``state``: an action
    due on exactly the same date (a coach's own wording of "keep your promise")."""
    return any(state in a.states and a.due == builtin.due for a in playbook.actions)


def compile_playbook(playbook: Playbook) -> CompiledPlaybook:
    """Compile once; the result is immutable and safe to share across every case."""
    moves = tuple(_builtin_moves() + _playbook_moves(playbook))
    on_event, timers = build_tables(moves)
    completed_by: dict[str, str | None] = dict(COMPLETED_BY)
    completed_by.update({k.name: k.completed_by for k in playbook.kinds})
    actions: dict[str, list[CompiledAction]] = {}
    opted_out = playbook.opted_out()
    off_days = frozenset() if BUSINESS_DAYS_ONLY in opted_out else DIRECT_CHANNELS
    builtins = tuple(
        a for a in BUILT_IN_ACTIONS if a is not KEEP_PROMISE or KEEP_PROMISES not in opted_out
    )
    # The engine's own steps first: on a day with both, a promise is kept before any check-in.
    for action in (*builtins, *playbook.actions):
        builtin = action.id in BUILT_IN_IDS
        citation = ENGINE_RULE if builtin else playbook.source.cite(action.cite.part)
        compiled = _compile_action(
            action, completed_by.get(action.kind), citation, opted_out, off_days
        )
        for state in action.states:
            if builtin and _replaced(action, state, playbook):
                continue
            actions.setdefault(state, []).append(compiled)
    avoid = tuple(CompiledAvoid(a, compile_guard(a.when)) for a in playbook.avoid)
    by_state = {k: tuple(v) for k, v in actions.items()}
    reminders = {
        state: tuple(ca for ca in group if ca.completed_by is None)
        for state, group in by_state.items()
    }
    completes: dict[tuple[str, str], tuple[CompiledAction, ...]] = {}
    for state, group in by_state.items():
        for ca in group:
            if ca.completed_by is not None:
                key = (state, ca.completed_by)
                completes[key] = (*completes.get(key, ()), ca)
    restartable = tuple(
        dict.fromkeys(
            ca.id
            for group in by_state.values()
            for ca in group
            if ca.nudge or ca.completed_by is None
        )
    )
    renewed_by = {
        e.type: ids
        for e in EVENTS.values()
        if (
            ids := tuple(
                dict.fromkeys(
                    ca.id for g in by_state.values() for ca in g if ca.action.kind in e.renews
                )
            )
        )
    }
    return CompiledPlaybook(
        playbook,
        moves,
        on_event,
        timers,
        by_state,
        avoid,
        completed_by,
        {k: v for k, v in reminders.items() if v},
        completes,
        restartable,
        renewed_by,
        opted_out,
        off_days,
        {
            state: doable
            for state, group in by_state.items()
            if (doable := tuple(ca for ca in group if ca.completed_by is not None))
        },
        kind_words={k.name: k.words for k in playbook.kinds if k.words},
    )
