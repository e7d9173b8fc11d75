"""Every key of every command's JSON output says what it means, once, in the output schema.

docs/json.md's key table is generated from the schema (tests/language/test_case_format.py checks
it is current); these tests keep the schema itself the one definition of each key's meaning.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from followup.language import reference
from followup.language.output_keys import commands_by_key, key_table, keys, meaning, resolve
from followup.model.vocabulary import OUTCOMES, STATES

SCHEMA: dict[str, Any] = json.loads(reference.shipped_path("output").read_text("utf-8"))
OUTPUTS = sorted(name for name in SCHEMA["$defs"] if name.startswith("output_"))


def _descriptions(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            yield node["description"]
        for value in node.values():
            yield from _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _descriptions(value)


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_key_of_an_output_says_what_it_means(output: str) -> None:
    missing = [
        k for k, sub in keys(SCHEMA, SCHEMA["$defs"][output]) if meaning(SCHEMA, sub) is None
    ]
    assert not missing, f"{output}: give these keys a description (or $ref a shared term)"


def test_a_meaning_is_written_once_and_shared_by_reference() -> None:
    twice = [text for text, n in Counter(_descriptions(SCHEMA)).items() if n > 1]
    assert not twice, "the same meaning is written twice: $ref one of them to the other"


def test_the_states_and_outcomes_are_the_vocabularys() -> None:
    assert SCHEMA["$defs"]["state"]["enum"] == list(STATES)
    assert SCHEMA["$defs"]["outcome"]["enum"] == [*OUTCOMES, None]


def test_a_key_is_listed_under_every_command_whose_output_reaches_it_by_reference() -> None:
    """A step's keys are defined once (step_fields) and reached through several references:
    `today` through its items, `status` and `switch` through the plan they embed."""
    covers = [c for (k, _), c in commands_by_key(SCHEMA).items() if k == "covers"]
    assert len(covers) == 1
    assert {"plan", "today", "status", "switch", "agenda", "list"} <= set(covers[0])
    assert "draft" not in covers[0]


def test_the_same_key_with_another_meaning_gets_a_row_of_its_own() -> None:
    table = key_table(SCHEMA)
    due_rows = [line for line in table.splitlines() if line.startswith("| `due` |")]
    assert len(due_rows) == 3  # a step's first day, a draft's step's date, today's due list
    assert any("`today` |" in line and "overdue" in line for line in due_rows)


def test_a_reference_resolves_through_lists_and_properties() -> None:
    target = "#/$defs/entry/oneOf/1/properties/edit"
    assert resolve(SCHEMA, target)["$ref"] == "#/$defs/edit"
    assert meaning(SCHEMA, {"$ref": target}) == resolve(SCHEMA, target)["description"]
