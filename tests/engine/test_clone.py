"""A run's clone is a full, independent copy: projections and the prover rely on it."""

from __future__ import annotations

from datetime import date

from followup import catalog
from followup.engine.facts import Facts
from followup.engine.run import Run
from followup.model.case import Case, Event

from .conftest import PLAIN


def test_a_clone_has_every_fact_and_its_own_progress() -> None:
    run = Run(catalog.load("stalker-free"), Case("c", date(2026, 3, 4)), PLAIN)
    run.apply(Event(date(2026, 3, 4), "thank_you_sent", channel="email"))
    other = run.clone()
    for name in Facts.__slots__:
        if name != "trace":
            assert getattr(other, name) == getattr(run, name), name
    assert other.done is not run.done
    assert other.last_done is not run.last_done
    assert other.credits is not run.credits
    other.apply(Event(date(2026, 3, 12), "check_in_sent", channel="email"))
    assert run.check_ins == 0
    assert run.now == date(2026, 3, 4)
    assert other.check_ins == 1
