"""The canonical layout: key order, styles, quoting, folding, blank lines, line ends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followup.errors import InputError
from followup.formatting.comments import comment_texts
from followup.formatting.scalars import FOLD_WIDTH, LINE_WIDTH

BUNDLED = sorted((Path(__file__).resolve().parents[2] / "playbooks").glob("*.yaml"))


def keys_of(text: str, indent: int) -> list[str]:
    """The keys written at exactly ``indent`` spaces (or after a dash there), in order."""
    pattern = re.compile(rf"^(?: {{{indent}}}|(?: {{{indent - 2}}}- ))([A-Za-z_']+):")
    return [m.group(1) for line in text.splitlines() if (m := pattern.match(line))]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_playbooks_keep_their_meaning(path, reformat, meaning):
    """Formatting a bundled playbook keeps its model, its comments, and is idempotent."""
    text = path.read_text(encoding="utf-8")
    once = reformat(text)
    assert meaning(once) == meaning(text)
    assert comment_texts(once) == comment_texts(text)
    assert reformat(once) == once


def test_canonical_text_is_left_as_it_is(canonical, reformat):
    """A file already in the layout comes back byte for byte."""
    assert reformat(canonical) == canonical


def test_top_level_and_rule_keys_take_the_canonical_order(reformat, meaning):
    """Sections follow TOP_KEYS and each rule's keys follow its own key list."""
    shuffled = """\
actions:
  - advice: Say thank you.
    channel: email
    due: interview
    kind: thank_you
    in: interviewed
    id: thank
source: {title: An article}
transitions:
  - advice: Wait now.
    to: thanked
    on: thank_you_sent
    from: interviewed
    id: thanked
title: Demo playbook
id: demo
"""
    out = reformat(shuffled)
    assert keys_of(out, 0) == ["id", "title", "source", "transitions", "actions"]
    assert keys_of(out, 4)[:5] == ["id", "from", "on", "to", "advice"]
    assert keys_of(out, 4)[5:] == ["id", "in", "kind", "due", "channel", "advice"]
    assert meaning(out) == meaning(shuffled)


def test_parameters_and_guards_keep_the_authors_order(canonical, reformat):
    """Parameters and guard facts are not sorted: their order is part of the model."""
    text = canonical.replace(
        "\ntransitions:", "\nparameters:\n  zeta: 1w\n  alpha: 2\n\ntransitions:"
    ).replace(
        "    to: thanked\n", "    to: thanked\n    when: {committed: false, check_ins: {lt: 2}}\n"
    )
    out = reformat(text)
    assert out.index("zeta") < out.index("alpha")
    assert "when: {committed: false, check_ins: {lt: 2}}" in out


def test_one_blank_line_before_each_section_and_none_in_the_header(canonical, reformat):
    """Blank lines separate sections only; extra blank lines anywhere else go."""
    spaced = canonical.replace("id: demo\n", "\n\nid: demo\n\n").replace(
        "  - id: thank\n", "\n\n  - id: thank\n"
    )
    out = reformat(spaced)
    assert out == canonical
    assert "\n\n\n" not in out


def test_short_collections_in_rules_are_flow_and_long_ones_block(canonical, reformat):
    """A guard that fits in 100 columns is one line; a longer one is written as a block."""
    long_guard = (
        "check_ins: {lt: 1}, preferred_channel: email, follow_up: unspecified, "
        "committed: false, has_follow_up_after: false"
    )
    text = canonical.replace(
        "    channel: email\n", f"    channel: [email, phone]\n    when: {{{long_guard}}}\n"
    )
    out = reformat(text)
    assert "    channel: [email, phone]\n" in out
    assert "    when:\n      check_ins: {lt: 1}\n      preferred_channel: email\n" in out
    assert all(len(line) <= LINE_WIDTH for line in out.splitlines())


def test_block_collections_that_fit_become_flow(canonical, reformat, meaning):
    """A short block-style guard is written on one line: style follows length, not input."""
    text = canonical.replace(
        "    to: thanked\n", "    to: thanked\n    when:\n      committed: false\n"
    )
    out = reformat(text)
    assert "    when: {committed: false}\n" in out
    assert meaning(out) == meaning(text)


def test_long_advice_is_folded_within_96_columns(canonical, reformat, meaning):
    """Advice past 100 columns becomes '>-', wrapped at 96; short folded advice goes inline."""
    long = " ".join(["Write to them again"] * 12) + "."
    text = canonical.replace("advice: Wait now.", f"advice: {long}").replace(
        "advice: Say thank you.", "advice: >-\n      Say thank\n      you."
    )
    out = reformat(text)
    assert "    advice: >-\n      Write to them again" in out
    assert "    advice: Say thank you.\n" in out
    assert max(len(line) for line in out.splitlines()) <= FOLD_WIDTH
    assert meaning(out) == meaning(text)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"plain words"', "plain words"),
        ("'on'", '"on"'),
        ('"yes"', '"yes"'),
        ("'no'", '"no"'),
        ("'2026-03-02'", '"2026-03-02"'),
        ("'0755'", '"0755"'),
        ("'1:30'", '"1:30"'),
        ("'true'", '"true"'),
        ("'a: b'", '"a: b"'),
        ('"it\'s: here"', '"it\'s: here"'),
        ("'#1 \"the\" step'", "'#1 \"the\" step'"),
        ("'#hashtag'", '"#hashtag"'),
        ("Don't stop", "Don't stop"),
        ('"tab\\there"', '"tab\\there"'),
    ],
)
def test_quotes_only_where_yaml_or_yaml_1_1_needs_them(
    canonical, written, expected, reformat, meaning
):
    """Text is plain unless a YAML 1.2 or 1.1 reader would read the plain form differently."""
    text = canonical.replace("advice: Wait now.", f"advice: {written}")
    out = reformat(text)
    assert f"    advice: {expected}\n" in out
    assert meaning(out) == meaning(text)


def test_the_language_key_on_stays_plain(canonical, reformat):
    """'on:' is the language's own key, so it is not quoted even though YAML 1.1 reads true."""
    assert "    on: thank_you_sent\n" in reformat(canonical)


def test_multi_line_text_is_written_literal(canonical, reformat, meaning):
    """A template body with line breaks becomes a literal block that reads back the same."""
    text = canonical + '\ntemplates:\n  thank_you: "Dear {{ name }},\\n\\nThank you.\\n"\n'
    out = reformat(text)
    assert "  thank_you: |\n    Dear {{ name }},\n\n    Thank you.\n" in out
    assert meaning(out) == meaning(text)


def test_crlf_input_becomes_lf_with_the_same_meaning(canonical, reformat, meaning):
    """Windows line ends are read and written back as LF only."""
    crlf = canonical.replace("\n", "\r\n")
    out = reformat(crlf)
    assert out == canonical
    assert meaning(out) == meaning(crlf)


def test_a_text_that_does_not_load_is_refused(canonical, reformat):
    """The formatter refuses what the loader refuses, with located problems."""
    with pytest.raises(InputError) as err:
        reformat(canonical.replace("kind: thank_you", "kind: thank_you\n    colour: red"))
    assert "unknown key 'colour'" in str(err.value)
    assert err.value.problems[0].line == 18


def test_aliases_are_written_out_in_full(canonical, reformat, meaning):
    """An anchored value reused by an alias is copied where the alias was; meaning is kept."""
    text = (
        canonical.replace("advice: Wait now.", "advice: &same Wait now.  # shared")
        .replace("advice: Say thank you.", "advice: *same")
        .replace("    to: thanked\n", "    to: thanked\n    when: &quiet\n      committed: false\n")
        .replace("    channel: email\n", "    channel: email\n    when: *quiet\n")
    )
    out = reformat(text)
    assert out.count("    when: {committed: false}\n") == 2
    assert "&" not in out
    assert "*" not in out
    assert "    advice: Wait now.  # shared\n" in out
    assert out.count("    advice: Wait now.") == 2
    assert meaning(out) == meaning(text)


def test_nothing_is_written_null(canonical, reformat, meaning):
    """An empty value is written as an explicit null, as the docs write completed_by: null."""
    text = canonical.replace(
        "\ntransitions:", "\nkinds:\n  wave:\n    completed_by:\n\ntransitions:"
    )
    out = reformat(text)
    assert "  wave:\n    completed_by: null\n" in out
    assert meaning(out) == meaning(text)
