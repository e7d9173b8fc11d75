"""Scenario lines, written the way the step library reads them, and run through its steps.

The scenario generator tells thousands of stories; each is run through the library's own step
definitions, matched and converted as pytest-bdd would, so a generated line is exactly what a
feature file will run.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from followup.bdd.phrases import ACTION_SAID as ACTION_WORDS
from followup.bdd.phrases import CHANNEL_SAID as CHANNEL_WORDS
from followup.bdd.phrases import GOT_IN_TOUCH
from followup.bdd.phrases import SENT_SAID as SENT_WORDS
from followup.bdd.world import World
from followup.engine.result import Step
from followup.errors import EngineError
from followup.spec.stepdoc import StepDef, find_steps, step_definitions


@dataclass(frozen=True, slots=True)
class Line:
    """One step of a scenario: its type ('given', 'when', 'then') and its text."""

    kind: str
    text: str


# How the steps say a channel and an action kind (a playbook's own kinds are written as is).
OUTCOME_WORDS = {"moved_on": "moved on"}


def event_line(event: str, channel: str | None, day: date) -> Line:
    """The step that records ``event`` on ``day`` (by ``channel``, when it has one)."""
    via = f" {CHANNEL_WORDS[channel]}" if channel in CHANNEL_WORDS else ""
    if event in SENT_WORDS:
        text = f"I sent {SENT_WORDS[event]}{via} on {day}"
    elif event == "contacted":
        text = f"{GOT_IN_TOUCH}{via} on {day}"
    elif event == "networked":
        text = f"I connected on LinkedIn on {day}"
    elif event == "competing_offer":
        text = f"I got a competing offer on {day}"
    elif event == "portfolio_update":
        text = f"I added something to my portfolio on {day}"
    elif event == "committed":
        text = f"I committed on {day} to email them on {day + timedelta(days=7)}"
    elif event == "withdrew":
        text = f"I withdrew on {day}"
    elif event in ("accepted", "declined"):
        text = f"I {event} their offer on {day}"
    elif event == "accepted_elsewhere":
        text = f"I accepted a job elsewhere on {day}"
    else:
        text = f'they replied "still deciding" on {day}'
    return Line("when", text)


def step_words(step: Step) -> str:
    """A recommended step as the Then-steps say it: 'a check-in by email on 2026-03-09'."""
    via = f" {CHANNEL_WORDS[step.channel]}" if step.channel in CHANNEL_WORDS else ""
    return f"{ACTION_WORDS.get(step.action, step.action)}{via} on {step.due}"


# -- running lines through the step library -------------------------------------------------------


class StepFailed(Exception):
    """A line of a generated scenario failed when run through the steps."""


class Performer:
    """Runs scenario lines through the step library's own definitions, as pytest-bdd would."""

    def __init__(self, defs: Sequence[StepDef] | None = None) -> None:
        self.defs = list(defs) if defs is not None else step_definitions()
        # A search runs the same lines thousands of times; matching and converting them once is
        # safe because the converters only read words and dates.
        self._resolved: dict[Line, tuple[Callable[..., object], dict[str, object]]] = {}

    def resolve(self, line: Line) -> tuple[Callable[..., object], dict[str, object]]:
        """The step function a line runs and its arguments (all but the world).

        Raises:
            StepFailed: a value in the line is refused by the step's converters.
            EngineError: the line is not exactly one step of the library.
        """
        known = self._resolved.get(line)
        if known is not None:
            return known
        found = find_steps(line.kind, line.text, self.defs)
        if len(found) != 1:
            raise EngineError(f"generated step {line.text!r} matches {len(found)} steps, not one")
        step = found[0]
        parsed = step.parser.parse_arguments(line.text) or {}
        kwargs: dict[str, object] = {}
        with _failures(line):
            for name in inspect.signature(step.func).parameters:
                if name in parsed:
                    convert = step.converters.get(name)
                    kwargs[name] = convert(parsed[name]) if convert else parsed[name]
        self._resolved[line] = (step.func, kwargs)
        return step.func, kwargs

    def perform(self, world: World, line: Line) -> None:
        """Run one line against ``world``.

        Raises:
            StepFailed: the line fails (a Then that does not hold, or bad words).
            EngineError: the line is not exactly one step of the library.
        """
        func, kwargs = self.resolve(line)
        with _failures(line):
            func(followup_world=world, **kwargs)


@contextmanager
def _failures(line: Line) -> Iterator[None]:
    """Turn a step's failure (pytest's Failed, raised for the coach) into :class:`StepFailed`."""
    try:
        yield
    except pytest.fail.Exception as err:
        raise StepFailed(f"{line.kind.capitalize()} {line.text}: {err.msg}") from None
