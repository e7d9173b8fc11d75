"""The playbook language, declared once: the loader, the shipped schema and the docs agree."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from followup.errors import InputError
from followup.io.yaml_reader import Document, read_yaml_file, read_yaml_text
from followup.language import playbook_format as fmt
from followup.language import playbook_loader, playbook_parts, reference, rule_reader
from followup.language.decode import BAD, Issue, compile_mapping
from followup.language.playbook_loader import build_playbook
from followup.language.spec import Choice
from followup.model import vocabulary as vocab
from mutations import mutate

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted(ROOT.glob("playbooks/*.yaml"))
SCHEMA: dict[str, Any] = json.loads(reference.shipped_path("playbook").read_text("utf-8"))
DECODE = compile_mapping(fmt.PLAYBOOK)

# Where each declared part sits in the shipped (generated) schema: every part has a $defs entry.
IN_SCHEMA = {part: SCHEMA if part == "playbook" else SCHEMA["$defs"][part] for part in fmt.PARTS}


def shape_issues(data: object) -> list[Issue]:
    """What the declaration's decoder says about a playbook's shape ([] if it accepts it)."""
    issues: list[Issue] = []
    result = DECODE(data, (), None, issues)
    assert (result is BAD) == bool(issues)
    return issues


def words_of(node: object) -> tuple[str, ...]:
    """The words of a choice."""
    assert isinstance(node, Choice)
    return node.words


# --- the loader and the schema follow the declaration -----------------------------------------


def test_the_loader_reads_the_declared_keys() -> None:
    """Each part the loader reads takes the declared keys, in the declared order."""
    accepted = playbook_loader.keys_accepted()
    assert set(accepted) == set(fmt.PARTS) - {"channel_option"}
    for part, keys in accepted.items():
        assert keys == fmt.PARTS[part].keys(), part


@pytest.mark.parametrize("part", sorted(fmt.PARTS))
def test_the_schema_has_the_declared_keys_required_keys_and_descriptions(part: str) -> None:
    form, node = fmt.PARTS[part], IN_SCHEMA[part]
    assert list(node["properties"]) == list(form.keys())
    assert node["additionalProperties"] is False
    required = [f.name for f in form.fields if f.required]
    if form is fmt.PLAYBOOK:
        unless = {
            "if": {"not": {"required": ["extends"]}},
            "then": {"required": ["title", "source"]},
        }
        assert unless in node["allOf"]
        assert fmt.NEEDED_UNLESS_EXTENDS == ("title", "source")
    assert node.get("required", []) == required
    for field in form.fields:
        assert node["properties"][field.name]["description"] == field.description, field.name
    assert node["description"] == form.description


def test_the_declared_words_are_the_vocabulary() -> None:
    """The choices the declaration offers are the vocabulary's, as the schema's are."""
    fields = {f.name: f.node for f in fmt.TRANSITION.fields}
    assert words_of(fields["to"]) == vocab.STATES
    assert words_of(fields["on"]) == vocab.PLAYBOOK_TRIGGERS
    assert words_of(fields["outcome"]) == vocab.OUTCOMES
    assert list(fmt.CHANNEL_WORDS) == SCHEMA["$defs"]["channel_word"]["enum"]
    assert rule_reader.CHANNEL_WORDS is fmt.CHANNEL_WORDS
    assert words_of(fmt.KIND.fields[0].node) == vocab.EVENT_TYPES
    assert fmt.RULE_ID.regex == SCHEMA["$defs"]["id"]["pattern"] == playbook_loader.ID_RE.pattern
    assert fmt.NAME.regex == SCHEMA["$defs"]["name"]["pattern"] == playbook_parts.NAME_RE.pattern


def test_every_declared_form_is_a_part() -> None:
    """Every named mapping form inside the playbook is one of the parts the tests check."""
    assert {f.name for f in reference.forms(fmt.PLAYBOOK)} == set(fmt.PARTS)


# --- the decoder built from the declaration agrees with the loader ----------------------------


@pytest.mark.parametrize("path", PLAYBOOK_FILES, ids=lambda p: p.name)
def test_shipped_playbooks_have_the_declared_shape(path: Path) -> None:
    assert shape_issues(read_yaml_file(path).data) == []


BASE = read_yaml_file(ROOT / "playbooks" / "week-then-on-hold.yaml").data


def _mutations() -> list[tuple[str, dict[str, Any]]]:
    """Playbooks with one shape mistake each: an unknown key, a value of the wrong type."""
    out: list[tuple[str, dict[str, Any]]] = []
    for key in fmt.PLAYBOOK.keys():  # noqa: SIM118 - a form's keys() is its documented order
        if key in ("extends", "remove"):
            continue  # the plain loader refuses any playbook that extends another
        wrong = copy.deepcopy(BASE)
        wrong[key] = 12.5
        out.append((f"{key}=12.5", wrong))
    for part, form in (("transitions", fmt.TRANSITION), ("actions", fmt.ACTION)):
        for key in form.keys():  # noqa: SIM118 - a form's keys() is its documented order
            wrong = copy.deepcopy(BASE)
            wrong[part][0][key] = 12.5
            out.append((f"{part}[0].{key}=12.5", wrong))
        wrong = copy.deepcopy(BASE)
        wrong[part][0]["ide"] = "x"
        out.append((f"{part}[0].ide", wrong))
        for needed in (f.name for f in form.fields if f.required):
            wrong = copy.deepcopy(BASE)
            del wrong[part][0][needed]
            out.append((f"{part}[0] without {needed}", wrong))
    for part, form in (
        ("transitions", fmt.TRANSITION),
        ("actions", fmt.ACTION),
        ("avoid", fmt.AVOID),
    ):
        for key in (f.name for f in form.fields if not f.nullable):
            wrong = copy.deepcopy(BASE)
            wrong[part][0][key] = None  # null where the declaration takes no null
            out.append((f"{part}[0].{key}=null", wrong))
    return out


@pytest.mark.parametrize(("name", "data"), _mutations(), ids=[n for n, _ in _mutations()])
def test_a_shape_mistake_the_declaration_finds_the_loader_finds(
    name: str, data: dict[str, Any]
) -> None:
    """Same verdict, and the loader names every place the declaration's decoder names."""
    issues = shape_issues(data)
    assert issues, name
    text = json.dumps(data)
    with pytest.raises(InputError) as err:
        build_playbook(read_yaml_text(text, "p.json"))
    loader_paths = {p.message for p in err.value.problems}
    assert loader_paths
    for issue in issues:
        if issue.kind in ("unknown-key", "missing-key"):
            assert any(issue.message in m for m in loader_paths), (issue, loader_paths)


def test_the_playbook_docs_have_a_table_per_part() -> None:
    text = (ROOT / "docs" / "playbook-language.md").read_text("utf-8")
    for name in ("playbook-top-keys", "playbook-transition-keys", "playbook-action-keys"):
        assert reference.section(text, name) == reference.expected(name), name


def test_a_map_of_names_checks_each_name_as_a_key() -> None:
    """A bad name, or a core kind declared again, is a problem at the key, as the loader says."""
    data = copy.deepcopy(BASE)
    data["parameters"] = {"Wait": "1w", "most": 2, "gap": "1x"}
    data["kinds"] = {"check_in": None, "coffee": {"completed_by": "lunch"}}
    found = {(i.path, i.message, i.key) for i in shape_issues(data)}
    assert (("parameters", "Wait"), "parameter name 'Wait' has odd characters", True) in found
    assert (("kinds", "check_in"), "'check_in' is a core kind already", True) in found
    paths = {i.path for i in shape_issues(data)}
    assert ("parameters", "gap") in paths
    assert ("kinds", "coffee", "completed_by") in paths
    assert ("parameters", "most") not in paths
    with pytest.raises(InputError) as err:
        build_playbook(read_yaml_text(json.dumps(data), "p.json"))
    told = [p.message for p in err.value.problems]
    assert "parameter name 'Wait' has odd characters" in told
    assert "'check_in' is a core kind already" in told


def test_a_semantic_form_is_checked_only_for_its_type() -> None:
    """A date rule's meaning is the semantic pass's; its JSON type is the declaration's."""
    data = copy.deepcopy(BASE)
    data["actions"][0]["due"] = "nonsense + 1q"
    assert shape_issues(data) == []
    data["actions"][0]["due"] = 3
    (issue,) = shape_issues(data)
    assert issue.path == ("actions", 0, "due")
    assert issue.message == "the date is a number"  # as the loader says it


# --- on any near-miss playbook, the declaration is no stricter than the loader or the schema ---

VALUES: list[object] = [
    None, True, 0, 1, -1, "", " ", "any", "closed", "waiting", "interview + 1w", "1w", "3.5d",
    "most", "2026-03-02", "email", "none", "networked", "offer", "x", "check_in", [], {},
    ["waiting"], [None], {"may_call": True}, {"later_of": ["interview"]}, {"use": "phone"},
    {"every": "1w", "max": 1}, {"body": "Hi"},
]  # fmt: skip
KEYS = ["id", "in", "on", "after", "to", "outcome", "when", "use", "max", "every", "body", "x"]
BASES = [read_yaml_file(p).data for p in PLAYBOOK_FILES]


@st.composite
def near_misses(draw: st.DrawFn) -> Any:
    """A shipped playbook with one to three values replaced, dropped or added."""
    return mutate(draw, draw(st.sampled_from(BASES)), VALUES, KEYS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=near_misses())
def test_what_the_loader_or_the_schema_accepts_the_declaration_accepts(data: Any) -> None:
    """A shape problem the declaration finds, the loader and the schema find too."""
    if not shape_issues(data):
        return
    doc = Document("p.yaml", data, {}, {})
    with pytest.raises(InputError):
        build_playbook(doc)
    assert not Draft202012Validator(SCHEMA).is_valid(data)
