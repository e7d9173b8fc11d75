"""The step reference is generated from the steps themselves, and docs/steps.md is that output."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.spec.step_examples import EXAMPLES
from followup.spec.stepdoc import (
    MODULES,
    REGENERATE,
    TYPES,
    find_steps,
    step_definitions,
    step_reference,
    template,
)

REPO = Path(__file__).resolve().parents[2]
DEFS = step_definitions()


def test_docs_steps_md_is_the_generated_reference():
    """docs/steps.md is exactly what the generator prints (regenerate it when steps change)."""
    on_disk = (REPO / "docs" / "steps.md").read_text(encoding="utf-8")
    assert on_disk == step_reference(), f"docs/steps.md is stale: run `{REGENERATE}`"


def test_cli_prints_the_reference(cli):
    """`followup spec --steps` prints the same reference."""
    result = cli("spec", "--steps")
    assert result.code == 0
    assert result.out == step_reference()


def test_every_step_is_found_and_documented():
    """Every step of the library is listed once, with a one-line description and an example."""
    names = [d.name for d in DEFS]
    assert len(names) == len(set(names))
    assert "the_playbook" in names
    assert "follow_every_step" in names
    # Every module of the library gives steps, and no step comes from elsewhere.
    assert {d.func.__module__ for d in DEFS} == set(MODULES)
    assert len(MODULES) == len(set(MODULES))
    reference = step_reference()
    for step in DEFS:
        assert step.doc, f"{step.name} has no docstring"
        assert step.name in EXAMPLES, f"{step.name} has no example in spec/step_examples.py"
        assert f"`{step.keyword} {template(step)}`" in reference


def test_no_example_for_a_step_that_is_gone():
    """Every example belongs to a step that exists."""
    assert set(EXAMPLES) <= {d.name for d in DEFS}


@pytest.mark.parametrize("step", DEFS, ids=[d.name for d in DEFS])
def test_example_is_that_step_and_no_other(step):
    """Each step's example is matched by that step alone, for every keyword it answers to."""
    first_line = EXAMPLES[step.name].split("\n", 1)[0]
    for kind in step.types:
        assert find_steps(kind, first_line, DEFS) == [step]


def test_templates_are_readable():
    """Every pattern renders as a sentence: placeholders, [optional] parts and (a | b) choices."""
    by_name = {d.name: template(d) for d in DEFS}
    assert all(not t.startswith("(pattern)") for t in by_name.values())
    assert by_name["an_interview"] == "(an interview | the interview was) on YYYY-MM-DD"
    assert by_name["invited_follow_up"] == "the employer invited a follow-up[ after <duration>]"
    assert by_name["calls"] == "the employer (allows | does not allow) calls"
    assert by_name["time_passes"] == "<duration> pass[es]"
    assert by_name["not_wanted"] == "the employer asked me not to follow up"
    assert by_name["the_next_step_is"] == (
        "the next step is [(a | an | to) ]<action>[ (by | through | via | on | in) <channel>]"
        " on YYYY-MM-DD"
    )


def test_given_and_when_steps_are_one_entry():
    """A step registered for both Given and When is listed once, as Given/When."""
    sent = next(d for d in DEFS if d.name == "i_sent")
    assert sent.types == ("given", "when")
    assert sent.keyword == "Given/When"
    assert all(set(d.types) <= set(TYPES) for d in DEFS)


def test_table_steps_say_so():
    """Steps that read a table are marked, and their examples show one."""
    reference = step_reference()
    assert "`Then the schedule is:` followed by a table" in reference
    assert "  | due        | action    | channel |" in reference


def test_word_lists_come_from_the_step_tables():
    """The words a coach may use are listed from the step library's own tables."""
    from followup.bdd import words as steps

    reference = step_reference()
    for words in (*steps.CHANNEL_NAMES, *steps.REPLY_NAMES, *steps.SENT_EVENTS):
        assert f"`{words}`" in reference
