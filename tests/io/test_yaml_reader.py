"""Tests for the strict, located YAML reader."""

from __future__ import annotations

import math
import os
import pathlib
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import InputError, Problem
from followup.io import user_files, yaml_reader, yaml_tree
from followup.io.yaml_reader import Document, read_yaml_file, read_yaml_text


def problems_of(text: str, **limits: int) -> tuple[Problem, ...]:
    """Parse text that must be refused and return its problems."""
    with pytest.raises(InputError) as caught:
        read_yaml_text(text, "case.yaml", **limits)
    return caught.value.problems


def only_problem(text: str, **limits: int) -> Problem:
    """Parse text that must be refused for exactly one reason and return that problem."""
    problems = problems_of(text, **limits)
    assert len(problems) == 1, problems
    return problems[0]


def billion_laughs() -> str:
    """Build the classic exponential alias bomb: 10**9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines) + "\n"


# --- plain data and scalar resolution -------------------------------------------------------


def test_mapping_list_and_scalars() -> None:
    """A typical document becomes dicts, lists and core-schema scalars."""
    doc = read_yaml_text(
        "name: Ada\nsteps:\n  - 1\n  - -2\n  - 1.5\n  - true\n  - FALSE\n  - ~\n  - null\n"
        "  -\nnested: {a: [x, y]}\n",
        "p.yaml",
    )
    assert doc.file == "p.yaml"
    assert doc.data == {
        "name": "Ada",
        "steps": [1, -2, 1.5, True, False, None, None, None],
        "nested": {"a": ["x", "y"]},
    }


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF"])
def test_yaml11_booleans_stay_text(word: str) -> None:
    """Words YAML 1.1 would turn into booleans stay strings, as values and as keys."""
    doc = read_yaml_text(f"{word}: {word}\nlist: [{word}]\n", "p.yaml")
    assert doc.data == {word: word, "list": [word]}


def test_on_key_is_the_string_on() -> None:
    """The classic `on:` key is the text 'on', not True."""
    assert read_yaml_text("on: push\n", "p.yaml").data == {"on": "push"}


@pytest.mark.parametrize(
    "text", ["2026-03-02", "2026-03-02T10:00:00Z", "10:30", "1w", "3bd", "1_000", "0b101", "1e"]
)
def test_dates_times_and_durations_stay_text(text: str) -> None:
    """Dates, times and duration shorthands are never converted."""
    assert read_yaml_text(f"v: {text}\n", "p.yaml").data == {"v": text}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("+3", 3),
        ("-17", -17),
        ("0x1F", 31),
        ("0o17", 15),
        ("1.5", 1.5),
        ("-2.0e3", -2000.0),
        ("1e3", 1000.0),
        (".5", 0.5),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
    ],
)
def test_core_schema_numbers(text: str, value: object) -> None:
    """Plain numbers resolve to int or float as in the YAML 1.2 core schema."""
    data = read_yaml_text(f"v: {text}\n", "p.yaml").data
    assert data == {"v": value}
    assert isinstance(data, dict)
    assert type(data["v"]) is type(value)


def test_nan_is_a_float() -> None:
    """.nan resolves to a float NaN."""
    data = read_yaml_text("v: .nan\n", "p.yaml").data
    assert isinstance(data, dict)
    assert isinstance(data["v"], float)
    assert math.isnan(data["v"])


@pytest.mark.parametrize("text", ['"true"', "'1'", '"null"', "''", "'~'", '"2.5"', '"<<"'])
def test_quoted_scalars_are_text(text: str) -> None:
    """Quoted scalars are always strings, whatever they spell."""
    data = read_yaml_text(f"v: {text}\n", "p.yaml").data
    assert data == {"v": yaml.safe_load(text)}
    assert isinstance(data, dict)
    assert isinstance(data["v"], str)


def test_empty_document_is_none() -> None:
    """An empty stream or an empty document gives None."""
    assert read_yaml_text("", "p.yaml").data is None
    assert read_yaml_text("# only a comment\n", "p.yaml").data is None
    assert read_yaml_text("---\n", "p.yaml").data is None


def test_bom_is_ignored() -> None:
    """A leading byte-order mark neither breaks parsing nor shifts columns."""
    doc = read_yaml_text("\ufeffa: 1\n", "p.yaml")
    assert doc.data == {"a": 1}
    assert doc.key_locations[("a",)] == (1, 1)


def test_anchor_and_alias_reuse_the_object() -> None:
    """An alias yields the very object its anchor built."""
    doc = read_yaml_text("base: &b {k: v}\ncopy: *b\nname: &n Ada\nagain: *n\n", "p.yaml")
    assert isinstance(doc.data, dict)
    assert doc.data["copy"] is doc.data["base"]
    assert doc.data["again"] == "Ada"


# --- locations ------------------------------------------------------------------------------


def test_locations_of_keys_values_and_items() -> None:
    """Every key, value and list item is located at its exact 1-based line and column."""
    text = "name: Ada\nsteps:\n  - first\n  - {wait: 3d}\nflow: [a,  b]\n"
    doc = read_yaml_text(text, "p.yaml")
    assert doc.locations[()] == (1, 1)
    assert doc.key_locations[("name",)] == (1, 1)
    assert doc.locations[("name",)] == (1, 7)
    assert doc.key_locations[("steps",)] == (2, 1)
    assert doc.locations[("steps",)] == (3, 3)
    assert doc.locations[("steps", 0)] == (3, 5)
    assert doc.locations[("steps", 1)] == (4, 5)
    assert doc.key_locations[("steps", 1, "wait")] == (4, 6)
    assert doc.locations[("steps", 1, "wait")] == (4, 12)
    assert doc.locations[("flow", 1)] == (5, 12)


def test_where_prefers_key_then_value_then_ancestor() -> None:
    """where() uses the key when asked, else the value, else the nearest known ancestor."""
    doc = read_yaml_text("a:\n  b: [1, 2]\nalias: &x {deep: {er: 1}}\nuse: *x\n", "p.yaml")
    assert doc.where(("a", "b")) == (2, 6)
    assert doc.where(("a", "b"), key=True) == (2, 3)
    assert doc.where(("a", "b", 1), key=True) == (2, 10)
    assert doc.where(("a", "b", 7, "missing")) == (2, 6)
    assert doc.where(("use", "deep", "er")) == (4, 6)
    assert doc.where(("nowhere",)) == (1, 1)
    assert Document("x.yaml", None, {}, {}).where(("a",)) == (1, 1)


def test_problem_is_located_at_the_path() -> None:
    """Document.problem builds a Problem at the value, or the key when asked."""
    doc = read_yaml_text("rules:\n  - wait: soon\n", "p.yaml")
    path = ("rules", 0, "wait")
    assert doc.problem(path, "bad wait", "a duration") == Problem(
        "p.yaml", 2, 11, "bad wait", "a duration"
    )
    assert doc.problem(path, "unknown", key=True) == Problem("p.yaml", 2, 5, "unknown")


# --- refused constructs ---------------------------------------------------------------------


def test_duplicate_key_names_first_line() -> None:
    """A repeated key is reported at the repeat and names where the first one was."""
    problems = problems_of("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert len(problems) == 2
    assert (problems[0].line, problems[0].col) == (4, 3)
    assert problems[0].message == "duplicate key 'c' (first at line 3)"
    assert (problems[1].line, problems[1].col) == (5, 1)
    assert problems[1].message == "duplicate key 'a' (first at line 1)"


@pytest.mark.parametrize(
    ("text", "shown", "col"),
    [
        ("v: !!str x\n", "!!str", 4),
        ("v: !foo x\n", "!foo", 4),
        ("v: !!map {a: 1}\n", "!!map", 4),
        ("v: !<tag:example.com,2000:x> [1]\n", "tag:example.com,2000:x", 4),
        ("v: ! 1\n", "!", 4),
    ],
)
def test_tags_are_refused(text: str, shown: str, col: int) -> None:
    """Any explicit tag is refused at the tag, naming it."""
    problem = only_problem(text)
    assert problem.message == f"YAML tags such as '{shown}' are not allowed"
    assert (problem.line, problem.col) == (1, col)
    assert problem.expected


def test_python_object_tag_never_runs(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The os.system gadget is refused and nothing is executed."""
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(args) or 0)
    marker = tmp_path / "hacked"
    text = f'- !!python/object/apply:os.system ["echo hacked > {marker}"]\n'
    problem = only_problem(text)
    assert problem.message == (
        "YAML tags such as '!!python/object/apply:os.system' are not allowed"
    )
    assert (problem.line, problem.col) == (1, 3)
    assert calls == []
    assert not marker.exists()


def test_merge_key_is_refused() -> None:
    """The YAML 1.1 merge key is refused rather than silently merged."""
    problem = only_problem("base: &b {a: 1}\nchild:\n  <<: *b\n  c: 2\n")
    assert problem.message == "merge keys '<<' are not supported"
    assert (problem.line, problem.col) == (3, 3)


@pytest.mark.parametrize(
    ("text", "col"),
    [("1: x\n", 1), ("true: x\n", 1), ("~: x\n", 1), ("1.5: x\n", 1), ("? [a, b]\n: x\n", 3)],
)
def test_non_text_keys_are_refused(text: str, col: int) -> None:
    """Keys that are numbers, booleans, null or collections are refused."""
    problem = only_problem(text)
    assert problem.message == "keys must be text"
    assert (problem.line, problem.col) == (1, col)


def test_unknown_and_self_referencing_aliases_are_refused() -> None:
    """An alias needs a complete earlier anchor, so cycles cannot be built."""
    assert only_problem("a: *nope\n").message == "unknown alias '*nope'"
    assert only_problem("a: &x [1, *x]\n").message == "unknown alias '*x'"


def test_all_problems_are_reported_together() -> None:
    """Several independent mistakes are all reported in one pass, sorted by place."""
    problems = problems_of("a: !!str 1\n2: b\na: c\n")
    assert [(p.line, p.message) for p in problems] == [
        (1, "YAML tags such as '!!str' are not allowed"),
        (2, "keys must be text"),
        (3, "duplicate key 'a' (first at line 1)"),
    ]


def test_second_document_is_refused() -> None:
    """Only one document per file is allowed."""
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert problem.message == "only one YAML document is allowed"
    assert (problem.line, problem.col) == (2, 1)


# --- hostile sizes --------------------------------------------------------------------------


def test_billion_laughs_fails_fast() -> None:
    """An exponential alias bomb is stopped quickly with the alias-bomb message."""
    start = time.process_time()
    problem = only_problem(billion_laughs())
    elapsed = time.process_time() - start
    assert problem.message == "the document expands to more than 100000 nodes (alias bomb?)"
    assert elapsed < 0.5


def test_node_limit_is_configurable() -> None:
    """max_nodes bounds the expanded size even without aliases."""
    assert read_yaml_text("[1, 2, 3]", "p.yaml", max_nodes=4).data == [1, 2, 3]
    problem = only_problem("[1, 2, 3, 4]", max_nodes=4)
    assert problem.message == "the document expands to more than 4 nodes (alias bomb?)"
    assert (problem.line, problem.col) == (1, 11)


@pytest.mark.parametrize(
    ("opening", "closing", "leaf"), [("[", "]", ""), ("{a: ", "}", "1"), ("- ", "", "x")]
)
def test_deep_nesting_fails_with_depth_message(opening: str, closing: str, leaf: str) -> None:
    """10,000 nested collections stop at the depth limit, not with RecursionError."""
    text = opening * 10_000 + leaf + closing * 10_000
    start = time.process_time()
    problem = only_problem(text)
    assert problem.message == "nesting is deeper than 64 levels"
    assert problem.line == 1
    assert time.process_time() - start < 0.5


def test_depth_limit_is_exact() -> None:
    """Exactly max_depth levels are accepted and one more is refused."""
    assert read_yaml_text("[" * 64 + "]" * 64, "p.yaml").data is not None
    problem = only_problem("[" * 65 + "]" * 65)
    assert (problem.line, problem.col) == (1, 65)
    assert only_problem("{a: " * 3 + "1" + "}" * 3, max_depth=2).message == (
        "nesting is deeper than 2 levels"
    )


def test_huge_number_is_refused() -> None:
    """A number too long for Python to convert is a problem, not a crash."""
    problem = only_problem("n: " + "9" * 5000 + "\n")
    assert problem.message == "number has 5000 digits"


@pytest.mark.parametrize(
    ("scalar", "digits"),
    [
        ("9223372036854775808", 19),
        ("-9223372036854775808", 19),
        ("0x" + "f" * 5000, 5000),
        ("0o" + "7" * 22, 22),
        ("0x8000000000000000", 16),
    ],
)
def test_numbers_past_64_bits_are_refused(scalar: str, digits: int) -> None:
    """Decimal, hex or octal past 64 bits is a located problem (it would overflow a C count)."""
    problem = only_problem("a: 1\nn: " + scalar + "\n")
    assert (problem.line, problem.col, problem.message) == (2, 4, f"number has {digits} digits")


def test_largest_64_bit_numbers_are_kept() -> None:
    """The ends of the 64-bit range are still numbers."""
    data = read_yaml_text("a: -9223372036854775807\nb: 0x7fffffffffffffff\n", "p.yaml").data
    assert data == {"a": -(2**63 - 1), "b": 2**63 - 1}


# --- syntax and encoding --------------------------------------------------------------------


def test_colon_in_plain_text_asks_for_quotes_at_the_colon() -> None:
    """A colon inside unquoted text is named as such, at the colon, with the quoted line."""
    problem = only_problem("a: 1\nnote: Tip: be brief\n")
    assert problem == Problem(
        "case.yaml",
        2,
        10,
        "a colon followed by a space inside unquoted text starts a new key",
        'the text in quotes: note: "Tip: be brief"',
    )


def test_colon_in_a_list_item_s_text_quotes_only_the_value() -> None:
    """In a list of mappings the dash is not part of the suggested line; quotes are escaped."""
    problem = only_problem('a:\n  - x: Tip: "one"\n')
    assert (problem.line, problem.col) == (2, 11)
    assert problem.expected == 'the text in quotes: x: "Tip: \\"one\\""'


def test_colon_in_a_flow_mapping_quotes_only_that_item_s_value() -> None:
    """In `{id: x, advice: Go: now., source: s}` the suggestion quotes `Go: now.` alone (not
    everything from the first key on), and the read goes on with it quoted: one problem."""
    text = "a:\n  - {id: x, advice: Go: now., source: s}\nb: 1\nb: 2\n"
    with pytest.raises(InputError) as info:
        read_yaml_text(text, "case.yaml")
    first, second = info.value.problems
    assert (first.line, first.col) == (2, 23)
    assert first.expected == 'the text in quotes: advice: "Go: now."'
    assert (second.line, second.message) == (4, "duplicate key 'b' (first at line 3)")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a:\n\t- b\n", (2, 1)),  # a tab as the whole indentation
        ("a:\n  \tb: 1\n", (2, 3)),  # a tab after two spaces
        ("a:\n  b: 1\n\tc: 2\n", (3, 1)),  # a tab breaking the indentation of a mapping
    ],
)
def test_tab_in_indentation_is_named(text: str, where: tuple[int, int]) -> None:
    """A tab used to indent is reported as a tab, at the tab, with spaces as the remedy."""
    problem = only_problem(text)
    assert (problem.line, problem.col) == where
    assert problem.message == "a tab character in the indentation; YAML indents with spaces"
    assert problem.expected == "spaces"


def test_other_syntax_errors_stay_located_at_the_parser_s_mark() -> None:
    """A syntax error we have no words for is still reported at its mark, 1-based."""
    problem = only_problem("a: 1\nb: [x: y: z]\n")
    assert (problem.file, problem.line, problem.col) == ("case.yaml", 2, 9)
    assert problem.expected == "valid YAML"


def test_unterminated_quote_mentions_where_it_started() -> None:
    """A context on an earlier line is named in the message."""
    problem = only_problem("a: 'open\nb: 2\n")
    assert (problem.line, problem.col) == (3, 1)
    assert problem.message == (
        "found unexpected end of stream, while scanning a quoted scalar at line 1"
    )


def test_control_character_is_located() -> None:
    """Control characters are reported by libyaml at their character position."""
    problem = only_problem("é: ok\nb: x\x07y\n")
    assert (problem.line, problem.col) == (2, 5)
    assert problem.message == "control characters are not allowed (found U+0007)"


def test_lone_surrogate_is_located() -> None:
    """Text that cannot be encoded as UTF-8 is a problem, not a UnicodeEncodeError."""
    problem = only_problem("a: 1\nb: x\ud800\n")
    assert (problem.line, problem.col) == (2, 5)
    assert problem.expected == "UTF-8 text"


def test_pure_python_parser_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the same data, locations and limits hold."""
    monkeypatch.setattr(yaml_reader, "_LOADER", yaml.SafeLoader)
    monkeypatch.setattr(yaml_reader, "_BYTE_OFFSETS", False)
    doc = read_yaml_text("a: [yes, 1]\n", "p.yaml")
    assert doc.data == {"a": ["yes", 1]}
    assert doc.locations[("a", 1)] == (1, 10)
    assert only_problem("[" * 10_000).message == "nesting is deeper than 64 levels"
    control = only_problem("é: x\x07\n")
    assert (control.line, control.col) == (1, 5)


# --- files ----------------------------------------------------------------------------------


def test_read_file_with_display_name(tmp_path: pathlib.Path) -> None:
    """A UTF-8 file (with BOM) is read and problems use the display name."""
    path = tmp_path / "playbook.yaml"
    path.write_bytes("\ufeffname: Zoë\n".encode())
    doc = read_yaml_file(path, display="playbooks/p.yaml")
    assert doc.data == {"name": "Zoë"}
    assert doc.file == "playbooks/p.yaml"
    assert read_yaml_file(str(path)).file == str(path)


def test_file_problems_use_display_name(tmp_path: pathlib.Path) -> None:
    """YAML problems inside a file carry the display name."""
    path = tmp_path / "p.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_yaml_file(path, display="shown.yaml")
    assert caught.value.problems[0].file == "shown.yaml"


def test_large_file_refused_before_reading(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 50 MB file is refused from its size alone, without being opened."""
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    def refuse_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(yaml_reader, "open", refuse_open, raising=False)
    start = time.process_time()
    with pytest.raises(InputError) as caught:
        read_yaml_file(path, display="big.yaml")
    assert time.process_time() - start < 0.1
    assert caught.value.problems == (Problem("big.yaml", 1, 1, "file is 50.0 MB", "at most 2 MB"),)


def test_max_bytes_is_configurable(tmp_path: pathlib.Path) -> None:
    """A small limit refuses a file just over it, naming both sizes."""
    path = tmp_path / "p.yaml"
    path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    with pytest.raises(InputError) as caught:
        read_yaml_file(path, display="p.yaml", max_bytes=1024)
    assert caught.value.problems == (Problem("p.yaml", 1, 1, "file is 2.0 KB", "at most 1 KB"),)


def test_non_utf8_byte_is_located(tmp_path: pathlib.Path) -> None:
    """The first byte that is not UTF-8 is reported at its line and character column."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"a: 1\nb: \xc3\xa9t\xe9\n")
    with pytest.raises(InputError) as caught:
        read_yaml_file(path, display="latin1.yaml")
    assert caught.value.problems == (
        Problem("latin1.yaml", 2, 6, "byte 0xE9 is not valid UTF-8", "UTF-8 text"),
    )


def test_missing_file(tmp_path: pathlib.Path) -> None:
    """A missing file is a located input error, not a traceback."""
    with pytest.raises(InputError) as caught:
        read_yaml_file(tmp_path / "nope.yaml", display="nope.yaml")
    assert caught.value.problems == (
        Problem("nope.yaml", 1, 1, "no such file", "an existing YAML file"),
    )


def test_directory_is_refused(tmp_path: pathlib.Path) -> None:
    """A directory given as a file is refused clearly."""
    with pytest.raises(InputError) as caught:
        read_yaml_file(tmp_path, display="dir")
    assert caught.value.problems[0].message == "is a directory, not a file"


def test_unreadable_file(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file we may not read is reported, not raised as PermissionError."""
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Patched rather than chmod-ed so the test also holds when run as root.  Every user file is
    # opened by io.user_files now (with os.open, so a FIFO cannot block), hence patched there.
    monkeypatch.setattr(user_files.os, "open", deny)
    with pytest.raises(InputError) as caught:
        read_yaml_file(path, display="secret.yaml")
    assert caught.value.problems == (
        Problem("secret.yaml", 1, 1, "permission denied", "a readable YAML file"),
    )


def test_nul_in_path_is_an_input_error() -> None:
    """A path containing a NUL byte is reported instead of raising ValueError."""
    with pytest.raises(InputError) as caught:
        read_yaml_file("bad\0name.yaml", display="bad")
    assert caught.value.problems[0].message.startswith("cannot read file")


# --- performance and round trip -------------------------------------------------------------


def test_thousand_line_playbook_is_fast() -> None:
    """A 1,000-line playbook parses in a few milliseconds."""
    rule = (
        "  - id: rule-{n}\n    when: {{stage: applied, days_since: 3}}\n"
        "    then:\n      channel: email\n      wait: 2bd\n"
    )
    text = "rules:\n" + "".join(rule.format(n=n) for n in range(200))
    assert text.count("\n") > 1000
    best = math.inf
    for _ in range(3):
        start = time.process_time()
        doc = read_yaml_text(text, "p.yaml")
        best = min(best, time.process_time() - start)
    assert isinstance(doc.data, dict)
    assert len(doc.data["rules"]) == 200
    assert best < 0.05


# Strings start with a letter (or are empty) because safe_dump quotes only what YAML 1.1 finds
# special: it would write 1e5 or 0o17 plain, which YAML 1.2 rightly reads as numbers.  Line
# separators and control characters are left out: PyYAML's emitter folds them lossily.
_SAFE_TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\n\t"),
    max_size=12,
).filter(lambda s: s == "" or s[0].isalpha())
_JSON_LIKE = st.recursive(
    # Whole numbers within 64 bits: larger ones are refused by design (test_huge_number_...).
    st.none() | st.booleans() | st.integers(-yaml_tree.MAX_INT, yaml_tree.MAX_INT) | _SAFE_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(_SAFE_TEXT, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_JSON_LIKE, st.booleans())
def test_round_trip_of_json_like_data(data: object, flow: bool) -> None:
    """Whatever yaml.safe_dump writes for JSON-like data reads back equal."""
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert read_yaml_text(text, "p.yaml").data == data


@pytest.mark.parametrize("padding", [0, 20_000])
def test_our_depth_limit_comes_before_the_parser_library_s(padding: int) -> None:
    """Nesting far past any library limit, after other content, is reported with our limit."""
    text = "".join(f"k{i}: 1\n" for i in range(padding)) + "b: " + "[" * 5_000 + "]" * 5_000
    problem = only_problem(text)
    assert problem.message == "nesting is deeper than 64 levels"
    # The document's mapping is the first level, so the 64th bracket opens the 65th.
    assert (problem.line, problem.col) == (padding + 1, 3 + 64)


def test_a_syntax_error_is_still_a_syntax_error() -> None:
    """The replay that looks for our limits does not change an ordinary syntax error."""
    problem = only_problem("a: [1, 2\nb: 3\n")
    assert problem.expected == "valid YAML"
    assert problem.line >= 1


def test_every_colon_slip_is_reported_in_one_run() -> None:
    """Each sentence with a colon is its own problem, and what comes after them is read too."""
    text = "a: Tip: one\nb: fine\nc: Note: two\nd: 1\nd: 2\n"
    with pytest.raises(InputError) as info:
        read_yaml_text(text, "case.yaml")
    found = [(p.line, p.col, p.message) for p in info.value.problems]
    assert found == [
        (1, 7, "a colon followed by a space inside unquoted text starts a new key"),
        (3, 8, "a colon followed by a space inside unquoted text starts a new key"),
        (5, 1, "duplicate key 'd' (first at line 4)"),
    ]


def test_reading_on_past_colon_slips_stops_at_any_other_syntax_error() -> None:
    """After the quoted slips, another syntax error is reported and nothing past it."""
    text = "a: Tip: one\nb: [unclosed\nc: Note: two\n"
    with pytest.raises(InputError) as info:
        read_yaml_text(text, "case.yaml")
    problems = info.value.problems
    assert problems[0].line == 1
    assert problems[-1].expected == "valid YAML"
    assert len(problems) == 2
