"""Compile: the fast tables and the `transitions` machine come from one move list, and agree."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.compile import compile_playbook
from followup.compile.machine import TIMER_PREFIX, Move, reply_trigger
from followup.engine.run import Run
from followup.io.yaml_reader import read_yaml_file, read_yaml_text
from followup.language.case_loader import build_case
from followup.language.playbook_loader import build_playbook
from followup.model.vocabulary import OPEN_STATES, STATES
from followup.semantics.meaning import EVENTS, REPLIES
from followup.timeline.calendar import BusinessCalendar

REPO = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted((REPO / "playbooks").glob("*.yaml"))
# Compiled once for the module: each test adds (and removes) its own model on the machine.
COMPILED = [compile_playbook(build_playbook(read_yaml_file(p))) for p in PLAYBOOK_FILES]
CASE = build_case(read_yaml_text("id: m\ninterview: 2026-03-02\n", "m.yaml"))
PLAIN = BusinessCalendar(None)
START = date(2026, 3, 2)


class Model:
    """A bare model for the `transitions` machine; it only holds the state."""

    state: str


def machine_says(cp, model, name: str, run: Run) -> None:
    """Fire ``name`` on the real machine, handing it the running case for the guards."""
    model.trigger(name, run)


def engine_says(cp, run: Run, name: str, day: date) -> None:
    """Fire ``name`` through the engine's tables: events via Run.trigger, timers by rule."""
    if not name.startswith(TIMER_PREFIX):
        run.trigger(name, day)
        return
    for move in cp.timers.get(run.state, ()):
        if move.trigger == name and move.guard(run):
            run.fire(move, day)
            return


# A step is a trigger name, or a change of one fact guards read, so guarded moves vary.
def steps(cp):
    """Random sequences of the playbook's triggers, mixed with changes to the check-in count."""
    names = st.sampled_from(sorted(cp.machine.events))
    counts = st.integers(min_value=0, max_value=6).map(lambda n: ("check_ins", n))
    return st.lists(st.one_of(names, counts), max_size=40)


def test_there_is_a_playbook_to_check():
    """The bundled playbooks folder is not empty (else the agreement test checks nothing)."""
    assert PLAYBOOK_FILES
    assert any(p.name == "week-then-on-hold.yaml" for p in PLAYBOOK_FILES)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_fast_tables_agree_with_the_transitions_machine(data):
    """For random trigger sequences, the machine and Run.trigger land in the same states."""
    cp = data.draw(st.sampled_from(COMPILED), label="playbook")
    sequence = data.draw(steps(cp), label="sequence")
    model = Model()
    cp.machine.add_model(model)
    try:
        run = Run(cp, CASE, PLAIN)
        assert model.state == run.state == "interviewed"
        day = START
        for step in sequence:
            day += timedelta(days=1)
            if isinstance(step, tuple):
                setattr(run, step[0], step[1])
                continue
            machine_says(cp, model, step, run)
            engine_says(cp, run, step, day)
            assert run.state == model.state, (step, sequence)
    finally:
        cp.machine.remove_model(model)


def test_every_state_and_trigger_agrees_exhaustively():
    """From every state, with guards both ways, each trigger moves machine and tables alike."""
    for cp in COMPILED:
        for source in STATES:
            for name in sorted(cp.machine.events):
                for check_ins in (0, 9):
                    for outcome in (None, "moved_on", "offer"):
                        model = Model()
                        cp.machine.add_model(model, initial=source)
                        try:
                            run = Run(cp, CASE, PLAIN)
                            run.state = source
                            run.check_ins = check_ins
                            run.outcome = outcome if source == "closed" else None
                            machine_says(cp, model, name, run)
                            engine_says(cp, run, name, START)
                            assert run.state == model.state, (cp.id, source, name, outcome)
                        finally:
                            cp.machine.remove_model(model)


def test_tables_hold_every_machine_transition_once():
    """Each machine transition appears exactly once in on_event or timers, keyed by source."""
    for cp in COMPILED:
        # Read through the machine's public API: get_transitions and each condition's func.
        from_machine = {
            (t.source, trigger, id(t.conditions[0].func))
            for trigger in cp.machine.events
            for t in cp.machine.get_transitions(trigger)
        }
        from_tables = {
            (source, move.trigger, id(move))
            for (source, _), moves in cp.on_event.items()
            for move in moves
        } | {
            (source, move.trigger, id(move))
            for source, moves in cp.timers.items()
            for move in moves
        }
        assert from_tables == from_machine
        count = sum(len(m) for m in cp.on_event.values()) + sum(len(m) for m in cp.timers.values())
        assert count == len(from_machine)


def test_engine_rules_are_in_every_playbook():
    """Replies and withdrawal move every open state the same way in every playbook."""
    for cp in COMPILED:
        for reply in REPLIES.values():
            for source in OPEN_STATES:
                moves = cp.on_event[(source, reply_trigger(reply.outcome))]
                assert (moves[0].dest, moves[0].outcome) == (reply.dest, reply.closes_as)
        for source in OPEN_STATES:
            assert cp.on_event[(source, "withdrew")][0].dest == "closed"
            assert cp.on_event[(source, "withdrew")][0].outcome == EVENTS["withdrew"].closes_as


def test_only_a_moved_on_case_reopens():
    """Moves out of 'closed' hold for an application the playbook gave up, never after an offer."""
    cp = COMPILED[0]
    run = Run(cp, CASE, PLAIN)
    run.state = "closed"
    for outcome, reopens in (("moved_on", True), ("offer", False), ("rejection", False)):
        run.outcome = outcome
        for (source, _), moves in cp.on_event.items():
            if source == "closed":
                assert all(m.guard(run) is reopens for m in moves), outcome


def test_timer_triggers_are_named_after_their_rule():
    """Each 'after' transition becomes a timer trigger 'after:<rule id>' on its source states."""
    for cp in COMPILED:
        for t in cp.playbook.transitions:
            if t.after is None:
                continue
            for source in t.sources:
                names = [m.rule_id for m in cp.timers[source]]
                assert t.id in names
                move = next(m for m in cp.timers[source] if m.rule_id == t.id)
                assert isinstance(move, Move)
                assert move.trigger == TIMER_PREFIX + t.id
                assert move.dest == t.dest


def test_inline_playbook_compiles_guarded_moves_in_file_order():
    """Two guarded moves on one trigger are tried in file order; the first that holds wins."""
    text = """
id: order
title: Order
source: {title: S}
parameters: {two: 2}
transitions:
  - {id: many, from: interviewed, on: check_in_sent, when: {check_ins: {ge: two}}, to: on-hold}
  - {id: first, from: interviewed, on: check_in_sent, to: checked-in}
"""
    cp = compile_playbook(build_playbook(read_yaml_text(text, "order.yaml")))
    assert [m.rule_id for m in cp.on_event[("interviewed", "check_in_sent")]] == ["many", "first"]
    run = Run(cp, CASE, PLAIN)
    run.check_ins = 1
    assert run.trigger("check_in_sent", START) is True
    assert run.state == "checked-in"
    run = Run(cp, CASE, PLAIN)
    run.check_ins = 2
    run.trigger("check_in_sent", START)
    assert run.state == "on-hold"
    model = Model()
    cp.machine.add_model(model)
    try:
        model.trigger("check_in_sent", run)  # the machine sees check_ins = 2 too
        assert model.state == "on-hold"
    finally:
        cp.machine.remove_model(model)
