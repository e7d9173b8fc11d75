"""The generator's words are the step library's: each line it writes runs as the event it means."""

from __future__ import annotations

from datetime import date

import pytest

from followup.bdd.world import World
from followup.engine.result import Step
from followup.errors import EngineError
from followup.model.vocabulary import CHANNELS, EVENT_TYPES, STEP_KINDS
from followup.spec.perform import (
    ACTION_WORDS,
    CHANNEL_WORDS,
    Line,
    Performer,
    StepFailed,
    event_line,
    step_words,
)

DAY = date(2026, 3, 9)
PERFORMER = Performer()


def _world() -> World:
    world = World(playbook_ref="week-then-on-hold")
    PERFORMER.perform(world, Line("given", "an interview on 2026-03-02"))
    return world


@pytest.mark.parametrize("event", [e for e in EVENT_TYPES if e != "reply"])
def test_every_event_line_records_that_event(event):
    """The line written for an event records exactly that event, on that day."""
    world = _world()
    PERFORMER.perform(world, event_line(event, "email", DAY))
    [recorded] = world.events
    assert recorded["type"] == event
    assert recorded["date"] == DAY.isoformat()


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel_is_said_so_the_steps_read_it_back(channel):
    """A check-in sent by any channel is recorded with that channel."""
    world = _world()
    PERFORMER.perform(world, event_line("check_in_sent", channel, DAY))
    assert world.events[0]["channel"] == channel
    assert set(CHANNEL_WORDS) == set(CHANNELS)


@pytest.mark.parametrize("kind", [*STEP_KINDS, "keep_options_open"])
@pytest.mark.parametrize("channel", [None, "email", "in_person", "linkedin"])
def test_step_words_read_back_as_the_same_step(kind, channel):
    """What the generator says of a recommended step parses back to its kind, channel and day."""
    step = Step(kind, DAY, channel, "rule", "advice", "source")
    line = Line("then", f"the next step is {step_words(step)}")
    func, kwargs = PERFORMER.resolve(line)
    assert func.__name__ == "the_next_step_is"
    assert kwargs == {"action": kind, "channel": channel, "due": DAY}
    assert set(ACTION_WORDS) == set(STEP_KINDS)


def test_a_then_that_does_not_hold_is_a_step_failure():
    """A Then-line that does not hold raises StepFailed with the step's own message."""
    world = _world()
    with pytest.raises(StepFailed, match='Then the state is "closed": Expected the state'):
        PERFORMER.perform(world, Line("then", 'the state is "closed"'))


def test_a_line_that_is_no_step_is_refused():
    """A line that matches no step is a generator bug, not a coach's mistake."""
    with pytest.raises(EngineError, match="matches 0 steps"):
        PERFORMER.resolve(Line("when", "I bake a cake"))


def test_bad_words_fail_as_a_step_would():
    """A value the steps' converters refuse fails the line (not the process)."""
    with pytest.raises(StepFailed, match="2026-02-30"):
        PERFORMER.resolve(Line("given", "an interview on 2026-02-30"))
