"""The engine's fixed meaning is written once, and every part that uses it agrees with it.

These tests make it impossible to add an event type or a reply outcome in one place and forget
another: the vocabulary, the meanings, the compiled machine, the engine, lint's abstraction of
the engine, the prover's space and docs/engine-rules.md are each checked against the meanings.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from followup import catalog
from followup.compile.machine import reply_trigger
from followup.engine.facts import Facts
from followup.engine.run import Run
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.lint import space
from followup.lint.reach import Explorer
from followup.model.case import Case, Event
from followup.model.vocabulary import (
    CLOSED,
    EVENT_TYPES,
    FACTS,
    OPEN_STATES,
    PLAYBOOK_TRIGGERS,
    REPLY_OUTCOMES,
)
from followup.render.show_text import show_text
from followup.semantics import meaning as semantics
from followup.semantics import rules
from followup.semantics.meaning import CONTACT_COUNTS, EVENTS, REPLIES, ROUND_START
from followup.semantics.rules import doc_text
from followup.timeline.calendar import BusinessCalendar

REPO = Path(__file__).resolve().parents[2]
COMPILED = catalog.load_all()
CASE = build_case(read_yaml_text("id: s\ninterview: 2026-03-02\n", "s.yaml"))
DAY = date(2026, 3, 10)


def facts(run: Run) -> dict[str, object]:
    """Every guard fact of a running case."""
    return {name: getattr(run, name) for name in FACTS}


def busy_run() -> Run:
    """A case part-way through: counts above zero and news pending, so resets show."""
    run = Run(COMPILED[0], CASE, BusinessCalendar(None))
    run.state = "waiting"
    run.check_ins, run.contacts, run.competing_offer, run.committed = 2, 2, True, True
    return run


def test_the_vocabulary_and_the_meanings_agree():
    """Every event type and reply outcome has exactly one meaning, and the meanings are sound."""
    assert set(EVENTS) == set(EVENT_TYPES)
    assert set(REPLIES) == set(REPLY_OUTCOMES)
    assert semantics.FREE_EVENTS == PLAYBOOK_TRIGGERS
    assert rules.consistency_problems() == []


def test_docs_table_is_generated_from_the_meanings():
    """docs/engine-rules.md is exactly what the meanings generate."""
    regenerate = (
        "regenerate: python -c 'from followup.semantics.rules import doc_text; "
        'print(doc_text(), end="")\' > docs/engine-rules.md'
    )
    assert (REPO / "docs" / "engine-rules.md").read_text(encoding="utf-8") == doc_text(), regenerate


def test_every_reply_and_closing_event_has_its_move_in_every_playbook():
    """The compiled machine of each bundled playbook holds the built-in move of each meaning."""
    for cp in COMPILED:
        for reply in REPLIES.values():
            for source in OPEN_STATES:
                first = cp.on_event[(source, reply_trigger(reply.outcome))][0]
                assert (first.dest, first.outcome) == (reply.dest, reply.closes_as)
            late = cp.on_event.get((CLOSED, reply_trigger(reply.outcome)), ())
            assert bool(late) is reply.after_giving_up
        for event in EVENTS.values():
            if event.closes_as is not None:
                for source in (*OPEN_STATES, CLOSED):
                    move = cp.on_event[(source, event.type)][0]
                    assert (move.dest, move.outcome) == (CLOSED, event.closes_as)


@pytest.mark.parametrize("event", [e for e in EVENTS.values() if not e.fixed], ids=lambda e: e.type)
def test_the_engine_applies_each_event_as_its_meaning_says(event):
    """Recording an event changes the facts exactly as its meaning says, nothing else."""
    run = busy_run()
    expected = facts(run) | dict(event.sets)
    for name in event.counts:
        expected[name] = getattr(run, name) + 1
    if event.contact:
        for name in CONTACT_COUNTS:
            expected[name] = getattr(run, name) + 1
    run.apply(Event(DAY, event.type, deadline=DAY, due=DAY))
    assert facts(run) == expected
    for anchor, _ in event.dates:
        assert getattr(run, "at_" + anchor) == DAY


@pytest.mark.parametrize("reply", list(REPLIES.values()), ids=lambda r: r.outcome)
def test_the_engine_applies_each_reply_as_its_meaning_says(reply):
    """A reply changes the facts exactly as its meaning says, and moves the case to its state."""
    run = busy_run()
    before = facts(run)
    expected = before | dict(reply.sets)
    if reply.new_round:
        expected |= ROUND_START | {"round": before["round"] + 1}
    if reply.restarts_nudges:
        expected |= {"check_ins": 0, "has_decision_date": True}
    if reply.remembered:
        expected["last_reply"] = reply.outcome
    later = DAY + timedelta(days=7)
    run.apply(Event(DAY, "reply", outcome=reply.outcome, decision_by=later, interview=later))
    assert facts(run) == expected
    assert run.state == reply.dest
    assert run.outcome == reply.closes_as


def test_lint_explores_what_the_engine_does():
    """For every event and reply, the engine's facts afterwards are among lint's successors."""
    cp = COMPILED[0]
    explorer = Explorer(cp, set(FACTS))
    names = explorer.names

    def abstract(run: Run) -> tuple[object, ...]:
        caps = explorer.caps
        return tuple(min(getattr(run, n), caps[n]) if n in caps else getattr(run, n) for n in names)

    start = abstract(busy_run())
    for event in semantics.FREE_EVENTS:
        run = busy_run()
        run.apply(Event(DAY, event, deadline=DAY, due=DAY))
        assert abstract(run) in set(explorer.recorded(start, event)), event
    for reply in REPLIES.values():
        run = busy_run()
        run.apply(Event(DAY, "reply", outcome=reply.outcome, interview=DAY))
        assert (reply.outcome, abstract(run)) in set(explorer.replies(start)), reply.outcome


def test_the_prover_brings_every_reply_that_keeps_the_case_open():
    """Each reply outcome that leaves a case open is news the prover explores."""
    explored = {i.outcome for i in space.REPLIES}
    assert explored == {r.outcome for r in REPLIES.values() if r.closes_as is None}


def test_show_prints_the_generated_rules():
    """`show` ends with the engine's own rules, made from the constants (no number typed in)."""
    text = " ".join(show_text(COMPILED[0].playbook).split())
    for sentence in rules.rule_sentences():
        assert " ".join(sentence.split()) in text
    assert f"less than {semantics.MIN_NUDGE_GAP_DAYS} days apart" in text


def test_a_new_case_starts_with_the_facts_at_rest():
    """A fresh run holds `AT_REST` (the engine writes them out for speed; this keeps them equal)."""
    run = Run(COMPILED[0], CASE, BusinessCalendar(None))
    assert {name: getattr(run, name) for name in semantics.AT_REST} == semantics.AT_REST
    assert set(semantics.AT_REST) | set(semantics.FROM_CASE) == set(FACTS)


def test_a_new_round_starts_with_the_round_facts():
    """The engine's start of a round holds `ROUND_START` (written out there for speed)."""
    run = busy_run()
    run.has_decision_date = run.has_follow_up_after = True
    run._start_round(DAY, DAY)
    assert {name: getattr(run, name) for name in ROUND_START} == ROUND_START


def test_a_new_round_dates_afresh_exactly_the_round_anchors():
    """`ROUND_ANCHORS` (which the prover relies on) names every anchor a new round changes."""
    run = Run(catalog.load("stalker-free"), Case("c", date(2026, 3, 4)), BusinessCalendar(None))
    old = date(2000, 1, 3)
    anchors = [name for name in Facts.__slots__ if name.startswith("at_")]
    for name in anchors:
        setattr(run, name, old)
    run.apply(Event(date(2026, 3, 20), "reply", outcome="next_round", interview=date(2026, 4, 1)))
    changed = {name[3:] for name in anchors if getattr(run, name) != old}
    assert changed == set(semantics.ROUND_ANCHORS)
