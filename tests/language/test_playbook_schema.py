"""The shipped playbook schema is generated from the declaration, and no looser than before.

Until the declaration could say everything the schema says (a condition inside a condition,
exactly one of two keys, a key only with one value of another), the schema was written by hand.
``data/playbook-1.handwritten.json`` is that last hand-written schema, kept only to show the
generated one accepts nothing it refused (editors must not start passing broken playbooks).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from followup.errors import InputError
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language import playbook_shapes, reference, schemas
from followup.language.playbook_loader import build_playbook
from followup.model import vocabulary as vocab
from mutations import mutate

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted(ROOT.glob("playbooks/*.yaml"))
SHIPPED = reference.shipped_path("playbook")
SCHEMA: dict[str, Any] = json.loads(SHIPPED.read_text("utf-8"))
HANDWRITTEN: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "playbook-1.handwritten.json").read_text("utf-8")
)
NEW = Draft202012Validator(SCHEMA)
OLD = Draft202012Validator(HANDWRITTEN)


def test_the_shipped_schema_is_what_the_declaration_generates() -> None:
    """Regenerate with ``python -m followup.language.schemas --write`` when this fails."""
    assert SHIPPED.read_text("utf-8") == schemas.render("playbook")
    assert schemas.main([]) == 0


def test_the_schema_keeps_its_draft_id_and_title() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    for key in ("$schema", "$id", "title", "description"):
        assert SCHEMA[key] == HANDWRITTEN[key], key
    assert SCHEMA["$id"] == "https://followup.dev/schemas/playbook-1.json"


@pytest.mark.parametrize("path", PLAYBOOK_FILES, ids=lambda p: p.name)
def test_bundled_playbooks_pass_the_generated_schema(path: Path) -> None:
    assert NEW.is_valid(read_yaml_file(path).data)


def test_every_fact_is_described() -> None:
    assert list(playbook_shapes.FACT_TEXT) == list(vocab.FACTS)


def test_the_one_place_the_hand_written_schema_was_stricter_than_the_loader() -> None:
    """min_gap may name a duration parameter (the loader reads it so); the old schema said no."""
    base = read_yaml_file(ROOT / "playbooks" / "week-then-on-hold.yaml").data
    data = copy.deepcopy(base)
    data["parameters"] = {**(data.get("parameters") or {}), "gap": "3d"}
    data["limits"] = {"min_gap": "gap"}
    build_playbook(Document("p.yaml", data, {}, {}))  # the loader accepts it
    assert NEW.is_valid(data)
    assert not OLD.is_valid(data)


# --- on near-miss playbooks, the generated schema is at least as strict as the hand-written one -

VALUES: list[object] = [
    None, True, False, 0, 1, 2, -1, "", " ", "any", "closed", "waiting", "interview",
    "interview + 1w", "decision_by - 2bd", "interveiw + 1w", "1w", " 1w", "3.5d", "1 w", "most",
    "wait", "Wait", "2026-03-02", "2026-3-2", "email", "fax", "none", "preferred", "reply",
    "networked", "moved_on", "offer", "next_round", "x", "check_in", [], {}, ["waiting"],
    ["closed"], ["any"], [None], {"may_call": True}, {"may_call": {"lt": 1}}, {"all": []},
    {"not": {"round": {"ge": "most"}}}, {"later_of": []}, {"later_of": ["interview"]},
    {"later_of": ["interview"], "earlier_of": ["interview"]}, {"use": "phone"}, {"use": "fax"},
    {"is": None}, {"in": None}, {"lt": "most"}, {"every": "1w"}, {"every": "1w", "max": 1},
    {"body": "Hi"}, {"body": ""}, {"subject": "S"},
]  # fmt: skip
KEYS = [
    "id", "in", "on", "after", "to", "outcome", "when", "all", "any", "not", "may_call",
    "check_ins", "follow_up", "later_of", "earlier_of", "use", "max", "until", "every",
    "channel", "source", "title", "extends", "body", "x",
]  # fmt: skip
BASES = [read_yaml_file(p).data for p in PLAYBOOK_FILES]


@st.composite
def near_misses(draw: st.DrawFn) -> Any:
    """A bundled playbook with one to three values replaced, dropped or added."""
    return mutate(draw, draw(st.sampled_from(BASES)), VALUES, KEYS)


def _only_a_parameter_as_min_gap(data: Any) -> bool:
    """The old schema's only refusals are of a name as min_gap (see the test above), and of
    keys the language gained later in a place the old schema closed (an avoid rule's
    ``channel``, an action's ``until``, ...).  The generated schema is closed as well and
    accepted the data, so it lists each such key in that place: a new key of the language,
    not a looser check of a value."""
    for error in OLD.iter_errors(data):
        if error.validator == "additionalProperties":
            continue
        where = list(error.absolute_path)
        if where != ["limits", "min_gap"] or not re.fullmatch(
            r"[a-z][a-z0-9_]*", str(error.instance)
        ):
            return False
    return True


def test_a_key_the_language_gained_is_the_only_kind_of_unknown_key_excused() -> None:
    """An action's ``until`` (ranges, added after the hand-written schema) is excused; a value
    the old schema refused in a key it knew is not."""
    base = copy.deepcopy(BASES[0])
    base["actions"][0]["until"] = "interview"
    assert NEW.is_valid(base)
    assert not OLD.is_valid(base)
    assert _only_a_parameter_as_min_gap(base)
    base["actions"][0]["due"] = 7
    assert not _only_a_parameter_as_min_gap(base)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=near_misses())
def test_the_generated_schema_accepts_nothing_the_hand_written_one_refused(data: Any) -> None:
    if NEW.is_valid(data):
        assert OLD.is_valid(data) or _only_a_parameter_as_min_gap(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=near_misses())
def test_what_the_schema_refuses_the_loader_refuses(data: Any) -> None:
    """So the loader alone can report a broken playbook: the schema would add nothing."""
    if not NEW.is_valid(data) and "extends" not in data:
        with pytest.raises(InputError):
            build_playbook(Document("p.yaml", data, {}, {}))


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("3d", True), ("1.5w", True), ("2mo", True), ("3bd", True), ("3.5d", False), ("2.5bd", False)],
)
def test_the_schema_spells_durations_as_the_loader_reads_them(value: str, accepted: bool) -> None:
    """A fraction of a day is refused by the schema as by the loader (editors flag it too)."""
    data = copy.deepcopy(BASES[0])
    data["parameters"] = {**data.get("parameters", {}), "wait": value}
    assert NEW.is_valid(data) is accepted
    loads = True
    try:
        build_playbook(Document("p.yaml", data, {}, {}))
    except InputError:
        loads = False
    assert loads is accepted


def test_an_empty_source_part_is_refused_by_the_schema_as_by_the_loader() -> None:
    """A rule that cites `source: ''` is flagged in the editor, not only when it is loaded."""
    data = copy.deepcopy(BASES[0])
    data["actions"][0]["source"] = ""
    assert not NEW.is_valid(data)
    with pytest.raises(InputError):
        build_playbook(Document("p.yaml", data, {}, {}))


def test_a_repeat_max_that_is_a_list_is_a_located_problem() -> None:
    """`max: []` is refused as a value (it once crashed the loader: a list is not hashable)."""
    data = copy.deepcopy(read_yaml_file(str(ROOT / "playbooks" / "fine-line.yaml")).data)
    repeating = [a for a in data["actions"] if "repeat" in a]
    assert repeating
    repeating[0]["repeat"]["max"] = []
    with pytest.raises(InputError, match="max is a list; expected a whole number >= 1"):
        build_playbook(Document("p.yaml", data, {}, {}))
