"""The case format: one declaration, and the decoder, the shipped schema and the docs agree."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from followup.errors import InputError, Problem
from followup.io.yaml_reader import Document, read_yaml_file, read_yaml_text
from followup.language import reference, schemas
from followup.language.case_format import CASE, EMPLOYER, EVENT
from followup.language.case_loader import build_case
from followup.model import vocabulary as vocab
from followup.model.case import Employer, Event
from mutations import mutate

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted(ROOT.glob("examples/cases/*.yaml"))
SCHEMA: dict[str, Any] = json.loads(reference.shipped_path("case").read_text("utf-8"))


def walk(node: object, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    """Every subschema of a schema, with a JSON pointer to it."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("enum", "const", "examples", "required"):
                yield from walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{pointer}/{i}")


def problems(text: str) -> list[str]:
    """What the decoder says about a case file, one line per problem ([] if it accepts it)."""
    try:
        build_case(read_yaml_text(text, "case.yaml"))
    except InputError as err:
        return [str(p) for p in err.problems]
    return []


# --- generated files are fresh -----------------------------------------------------------------


def test_the_shipped_schema_is_what_the_declaration_generates() -> None:
    """Regenerating would change nothing (run `python -m followup.language.schemas --write`)."""
    assert reference.shipped_path("case").read_text("utf-8") == schemas.render("case")
    assert schemas.main([]) == 0


@pytest.mark.parametrize("name", sorted(reference.SECTIONS))
def test_the_docs_key_tables_are_what_the_declaration_generates(name: str) -> None:
    doc = ROOT / reference.SECTIONS[name][0]
    assert reference.section(doc.read_text("utf-8"), name) == reference.expected(name)


def test_the_readme_lists_every_case_key() -> None:
    """Generated, the case table cannot leave a key out."""
    text = (ROOT / "README.md").read_text("utf-8")
    for form in (CASE, EVENT):
        for key in form.keys():  # noqa: SIM118 - a form's keys() is its documented key order
            assert f"| `{key}` |" in text, key


def test_forms_built_positionally_follow_the_model() -> None:
    """EVENT and EMPLOYER pass their fields positionally: the declared order is the model's
    (an event's ``interview_time`` comes after, split off its ``interview`` by the decoder)."""
    event = [f.name for f in msgspec.structs.fields(Event)]
    assert [*EVENT.keys()[:2], "index", *EVENT.keys()[2:], "interview_time"] == event
    assert EVENT.index_at == event.index("index")
    assert list(EMPLOYER.keys()) == [f.name for f in msgspec.structs.fields(Employer)]


def test_the_playbook_docs_list_every_top_level_key() -> None:
    """limits, templates, extends and remove were once missing from the hand-written table."""
    from followup.language.playbook_loader import TOP_KEYS

    table = reference.section(
        (ROOT / "docs" / "playbook-language.md").read_text("utf-8"), "playbook-top-keys"
    )
    assert table is not None
    assert [line.split("`")[1] for line in table.splitlines()[2:]] == list(TOP_KEYS)


# --- the schema is well formed -----------------------------------------------------------------


def test_the_schema_is_valid_draft_2020_12_with_its_header() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "https://followup.dev/schemas/case-1.json"
    assert SCHEMA["title"]
    assert SCHEMA["description"]


def test_every_object_is_closed_and_every_property_described() -> None:
    for pointer, node in walk(SCHEMA):
        if not isinstance(node, dict) or re.search(r"/(if|then|else)(/|$)", pointer):
            continue
        if node.get("type") == "object":
            assert node["additionalProperties"] is False, pointer
        for key, sub in node.get("properties", {}).items():
            assert sub.get("description", "").strip(), f"{pointer}/properties/{key}"


def test_the_schema_uses_the_vocabulary() -> None:
    """Choices come from the vocabulary, in its order (they are never restated)."""
    event = SCHEMA["$defs"]["event"]["properties"]
    assert event["type"]["enum"] == list(vocab.EVENT_TYPES)
    assert event["channel"]["anyOf"][0]["enum"] == list(vocab.CHANNELS)
    assert event["outcome"]["enum"] == list(vocab.REPLY_OUTCOMES)
    employer = SCHEMA["$defs"]["employer"]["properties"]
    assert employer["follow_up"]["enum"] == list(vocab.FOLLOW_UP_PERMISSIONS)
    assert employer["preferred_channel"]["anyOf"][0]["enum"] == list(vocab.PREFERRED_CHANNELS)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_example_cases_pass_the_schema_and_the_decoder(path: Path) -> None:
    doc = read_yaml_file(path)
    assert Draft202012Validator(SCHEMA).is_valid(doc.data)
    assert build_case(doc).interview


def test_decoding_a_case_does_not_import_jsonschema() -> None:
    """The plan and agenda paths never pay for jsonschema (about 100 ms to import)."""
    code = (
        "import sys; from followup.language.case_loader import build_case;"
        "from followup.io.yaml_reader import read_yaml_text;"
        "build_case(read_yaml_text('interview: 2026-03-02', 'c.yaml'));"
        "print('jsonschema' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert out.stdout.strip() == "False"


# --- what the problems say, and where ------------------------------------------------------------

CASE_HEAD = "interview: 2026-03-02\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CASE_HEAD + "events:\n  - {date: 2026-3-3, type: thank_you_sent, outcome: offer}\n",
            [
                "case.yaml:3:12: the event date '2026-3-3' is not a date; expected a date written"
                " YYYY-MM-DD",
                "case.yaml:3:44: 'outcome' does not go with a thank_you_sent event; expected it"
                " only on reply",
            ],
        ),
        (
            CASE_HEAD
            + "employer:\n  decision_by: 2026-03-20\n  decision_in: 2w\n  may_call: yes\n",
            [
                "case.yaml:3:3: both decision_by and decision_in are given; expected only one of"
                " them",
                "case.yaml:5:13: may_call is 'yes'; expected true or false",
            ],
        ),
        (
            CASE_HEAD + "events: [{date: 2026-03-03, type: reply}]\ninterviewers: [5]\n",
            [
                "case.yaml:2:10: the event has no 'outcome'; expected the key 'outcome'",
                "case.yaml:3:16: the interviewer is a number; expected text or a mapping",
            ],
        ),
        ("- a\n- b\n", ["case.yaml:1:1: the case is a list; expected a mapping"]),
        (
            CASE_HEAD + "notes: 5\ninterviewers: [{name: Ada, title: 5, email: ada}]\n",
            [
                "case.yaml:2:8: notes is a number; expected text",
                "case.yaml:3:35: the title is a number; expected text",
                "case.yaml:3:45: 'ada' is not an email address; expected name@host",
            ],
        ),
        (
            CASE_HEAD + "country: usa\ntimezone: Mars/Olympus_Mons\nid: -x\n",
            [
                "case.yaml:2:10: country 'usa' is not a country code; expected a two-letter ISO"
                " code such as US, GB, DE, or one with a subdivision: GB-ENG",
                "case.yaml:3:11: timezone 'Mars/Olympus_Mons' is not known; expected an IANA name"
                " such as America/New_York",
                "case.yaml:4:5: the case id '-x' is not a valid id; expected 1 to 64 letters,"
                " digits, . _ -, starting with a letter or digit",
            ],
        ),
    ],
)
def test_problem_messages(text: str, expected: list[str]) -> None:
    """Each problem says what is wrong in plain words, where, and what was expected."""
    assert problems(text) == expected


def test_one_typo_gives_one_problem() -> None:
    """A misspelt required key is one problem with a suggestion, not 'unknown' plus 'missing'."""
    assert problems("interveiw: 2026-03-02\n") == [
        "case.yaml:1:1: unknown key 'interveiw' (did you mean 'interview'?); expected one of id,"
        " company, role, interview, country, timezone, playbook, interviewers, recruiters,"
        " employer, events, notes"
    ]


def test_a_bad_value_does_not_cascade() -> None:
    """A wrong event type is one problem: its type-dependent keys are not judged against it."""
    found = problems(CASE_HEAD + "events: [{date: 2026-03-03, type: replied, outcome: offer}]\n")
    assert len(found) == 1
    assert "did you mean 'reply'?" in found[0]


def test_every_event_before_the_interview_is_found_with_other_problems() -> None:
    found = problems(
        CASE_HEAD + "role: 5\nevents:\n  - {date: 2026-03-01, type: networked}\n"
        "  - {date: 2026-02-27, type: networked}\n"
    )
    assert [p.split(": ", 1)[1].split(";")[0] for p in found] == [
        "the role is a number",
        "the event on 2026-03-01 is before the interview on 2026-03-02",
        "the event on 2026-02-27 is before the interview on 2026-03-02",
    ]


def test_problems_carry_their_kind() -> None:
    text = (
        "interveiw: 2026-03-02\nemployer: {follow_up: maybe, may_call: 1}\n"
        "events: [{date: 2026-03-01, type: reply}]\n"
    )
    with pytest.raises(InputError) as err:
        build_case(read_yaml_text(text, "case.yaml"))
    assert [p.kind for p in err.value.problems] == [
        "unknown-key",
        "unknown-word",
        "wrong-type",
        "missing-key",
    ]


def test_events_are_sorted_by_date_keeping_file_order_on_ties() -> None:
    case = build_case(
        read_yaml_text(
            CASE_HEAD + "events:\n  - {date: 2026-03-05, type: networked}\n"
            "  - {date: 2026-03-03, type: update_sent}\n  - {date: 2026-03-05, type: note_sent}\n",
            "c.yaml",
        )
    )
    assert [(e.type, e.index) for e in case.events] == [
        ("update_sent", 1),
        ("networked", 0),
        ("note_sent", 2),
    ]
    assert case.id == "c"


# --- the decoder and the schema agree on shape ----------------------------------------------------

SHAPE = "shape"  # the decoder and the schema give the same verdict
SEMANTIC = "semantic"  # the schema accepts, the decoder refuses on meaning


def case(text: str = "") -> str:
    return CASE_HEAD + text


AGREEMENT = [
    # case files the loader accepts
    ("just the interview", case(), SHAPE),
    ("empty sections", case("employer:\nevents:\ninterviewers:\ncountry:\n"), SHAPE),
    (
        "everything",
        case(
            "id: acme.1\ncompany: Acme\nrole: ''\ncountry: US\ntimezone: Europe/Berlin\n"
            "playbook: week-then-on-hold\nnotes: Liked them.\n"
            "interviewers: [Ada, {name: Bob, email: bob@acme.example, title: CTO}, {name: Cy}]\n"
            "employer: {decision_in: 2w, follow_up: invited, follow_up_after: 1w,"
            " preferred_channel: email, may_call: true}\n"
            "events:\n"
            "  - {date: 2026-03-05, type: reply, outcome: next_round, interview: 2026-03-09,"
            " decision_by: 2026-03-20, channel: email, note: Round two}\n"
            "  - {date: 2026-03-03, type: competing_offer, deadline: 2026-03-20}\n"
            "  - {date: 2026-03-04, type: committed, due: 2026-03-25, channel: }\n"
            "  - {date: 2026-03-06, type: withdrew}\n"
        ),
        SHAPE,
    ),
    # case files with a shape error
    ("no interview", "company: Acme\n", SHAPE),
    ("unknown key", case("compnay: Acme\n"), SHAPE),
    ("interview not a date", "interview: March 2\n", SHAPE),
    ("interview as a number", "interview: 20260302\n", SHAPE),
    ("event without type", case("events: [{date: 2026-03-03}]\n"), SHAPE),
    ("bad event type", case("events: [{date: 2026-03-03, type: replied}]\n"), SHAPE),
    ("reply without outcome", case("events: [{date: 2026-03-03, type: reply}]\n"), SHAPE),
    (
        "outcome on a thank-you",
        case("events: [{date: 2026-03-03, type: thank_you_sent, outcome: offer}]\n"),
        SHAPE,
    ),
    (
        "deadline on a reply",
        case("events: [{date: 2026-03-03, type: reply, outcome: offer, deadline: 2026-03-09}]\n"),
        SHAPE,
    ),
    (
        "bad reply outcome",
        case("events: [{date: 2026-03-03, type: reply, outcome: maybe}]\n"),
        SHAPE,
    ),
    (
        "decision_by and decision_in",
        case("employer: {decision_by: 2026-03-20, decision_in: 2w}\n"),
        SHAPE,
    ),
    ("bad decision_in", case("employer: {decision_in: two weeks}\n"), SHAPE),
    ("lower-case country", case("country: us\n"), SHAPE),
    ("may_call yes", case("employer: {may_call: yes}\n"), SHAPE),
    ("null may_call", case("employer: {may_call: }\n"), SHAPE),
    ("preferred fax", case("employer: {preferred_channel: fax}\n"), SHAPE),
    ("email without @", case("interviewers: [{name: Ada, email: ada.example}]\n"), SHAPE),
    ("interviewer without name", case("interviewers: [{email: a@b}]\n"), SHAPE),
    ("empty interviewer", case("interviewers: ['']\n"), SHAPE),
    ("odd case id", case("id: acme 1\n"), SHAPE),
    ("events not a list", case("events: {date: 2026-03-03}\n"), SHAPE),
    # case files right in shape but wrong in meaning
    ("impossible interview date", "interview: 2026-02-30\n", SEMANTIC),
    (
        "event before the interview",
        case("events: [{date: 2026-03-01, type: networked}]\n"),
        SEMANTIC,
    ),
    ("unknown timezone", case("timezone: Mars/Olympus_Mons\n"), SEMANTIC),
    ("fractional days", case("employer: {follow_up_after: 1.5d}\n"), SHAPE),
    # once gaps between the hand-written schema and loader; generated, the two cannot differ
    ("notes not text", case("notes: 5\n"), SHAPE),
    ("interviewer title not text", case("interviewers: [{name: Ada, title: 5}]\n"), SHAPE),
]


@pytest.mark.parametrize(("title", "text", "verdict"), AGREEMENT, ids=[r[0] for r in AGREEMENT])
def test_the_decoder_and_the_schema_agree_on_the_corpus(
    title: str, text: str, verdict: str
) -> None:
    """On shape the two agree; on meaning only the decoder refuses."""
    data = read_yaml_text(text, "case.yaml").data
    schema_ok = Draft202012Validator(SCHEMA).is_valid(data)
    decoder_ok = not problems(text)
    if verdict == SHAPE:
        assert decoder_ok == schema_ok, problems(text)
    else:
        assert schema_ok
        assert not decoder_ok


def test_the_corpus_covers_both_verdicts() -> None:
    accepted = [t for _, t, v in AGREEMENT if v == SHAPE and not problems(t)]
    assert accepted
    assert len(accepted) < len(AGREEMENT) - 10


RICH_CASE = """\
id: acme.1
company: Acme
interview: 2026-03-02
country: US
timezone: Europe/Berlin
interviewers: [Ada, {name: Bob, email: bob@acme.example}]
employer: {decision_in: 2w, follow_up: invited, follow_up_after: 1w, preferred_channel: email}
events:
  - date: 2026-03-05
    type: reply
    outcome: next_round
    interview: 2026-03-09
    decision_by: 2026-03-20
  - {date: 2026-03-03, type: competing_offer, deadline: 2026-03-20, channel: phone}
  - {date: 2026-03-04, type: committed, due: 2026-03-25, note: Said Friday}
"""
BASES = [read_yaml_text(RICH_CASE, "rich.yaml").data, *(read_yaml_file(p).data for p in CASE_FILES)]
MUTANT_VALUES: list[object] = [
    None, True, False, 0, 1, -1, 2.5, "", " ", "x", "1w", " 1w", "3.5d", "1.5d", "2026-03-02",
    "2026-02-30", "2026-3-2", "2026-03-01", "email", "phone", "fax", "reply", "networked",
    "committed", "offer", "next_round", "invited", "a@b", "US", "usa", "UTC", "Mars/X", [], {},
    ["Ada"], [None], [{"name": "Ada"}], {"name": ""}, {"date": "2026-03-03", "type": "reply"},
]  # fmt: skip
MUTANT_KEYS = [*CASE.keys(), *EVENT.keys(), "decision_in", "follow_up", "may_call", "name", "x"]


@st.composite
def mutants(draw: st.DrawFn) -> object:
    """A sample case with one to three values replaced, dropped or added."""
    return mutate(draw, draw(st.sampled_from(BASES)), MUTANT_VALUES, MUTANT_KEYS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutants())
def test_the_decoder_and_the_schema_agree_on_shape(data: object) -> None:
    """What the decoder accepts the schema accepts; what the schema refuses the decoder refuses.

    The decoder may refuse more (an unknown time zone, 2026-02-30, an event before the
    interview): those need more than a pattern.  Every refusal is located and has a kind.
    """
    doc = Document("case.yaml", data, {}, {})
    refused: tuple[Problem, ...] = ()
    try:
        build_case(doc)
    except InputError as err:
        refused = err.problems
    if not refused:
        assert Draft202012Validator(SCHEMA).is_valid(data), data
    assert all(p.kind and p.message and p.expected for p in refused)


def test_a_json_lines_case_names_the_case_and_the_field() -> None:
    """A JSON line's problems are located at the value they are about (line and column), and
    each also names the case and the field: the line alone does not say which of thousands."""
    from followup.io.jsonl import line_document

    text = (
        '{"id": "b", "interview": "2026-03-02", "events": [{"date": "2026-3-3", "type": "reply"}]}'
    )
    with pytest.raises(InputError) as err:
        build_case(line_document(text, "cases.jsonl", 7))
    event, day = text.index('{"date"') + 1, text.index('"2026-3-3"') + 1  # 51 and 60
    assert sorted(str(p) for p in err.value.problems) == [
        f"cases.jsonl:7:{event}: case 'b', events[0]: the event has no 'outcome'; expected the"
        " key 'outcome'",
        f"cases.jsonl:7:{day}: case 'b', events[0].date: the event date '2026-3-3' is not a"
        " date; expected a date written YYYY-MM-DD",
    ]
