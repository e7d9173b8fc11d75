"""Every comment survives formatting, next to the key or item it was written next to."""

from __future__ import annotations

from followup.formatting.comments import comment_texts

MESSY = """\
# yaml-language-server: $schema=x.json
#
# What this playbook is for.

title: "Demo"   # the title
id: demo
source: {title: An article, date: 2024-05-01}
# parameters come next
parameters:
  wait: 1w   # one week
             # (and this continues it)
  few: 3
actions:
  # before the first rule
  - advice: Say thanks.   # after a value
    due: interview
    kind: thank_you
    when:
      # inside a guard, above a fact
      committed: false   # inside a guard, after a value
      check_ins: {lt: few}
    in: interviewed
    id: thank
    # - commented-out key at the end of the rule
  - {id: later, in: waiting, kind: check_in, due: interview + wait, advice: Check in.}
  # - id: a commented-out rule
  #   in: waiting
transitions:
  - id: moved
    from: [interviewed]
    to: waiting
    after: interview + wait   # after the wait
    advice: Wait.
# the very end
"""


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` without leading spaces."""
    return [line.strip() for line in text.splitlines()]


def test_every_comment_is_kept(reformat):
    """No comment is lost or invented, and the result is stable."""
    out = reformat(MESSY)
    assert comment_texts(out) == comment_texts(MESSY)
    assert reformat(out) == out


def test_header_stays_on_top(reformat):
    """The schema line and the leading comment block stay first, directly above id."""
    out = reformat(MESSY)
    assert out.startswith(
        "# yaml-language-server: $schema=x.json\n#\n# What this playbook is for.\nid: demo\n"
    )


def test_comment_before_a_rule_stays_above_it(reformat):
    """A comment line above a rule is written above that rule's first line."""
    lines = lines_of(reformat(MESSY))
    at = lines.index("# before the first rule")
    assert lines[at + 1] == "- id: thank"


def test_comment_after_a_value_moves_with_its_key(reformat):
    """An end-of-line comment follows its entry when the keys are reordered."""
    out = reformat(MESSY)
    assert "    advice: Say thanks.  # after a value\n" in out
    assert "    after: interview + wait  # after the wait\n" in out
    assert "title: Demo  # the title\n" in out


def test_comments_inside_a_guard_keep_it_a_block(reformat):
    """A guard with comments inside is written as a block, each comment in its place."""
    out = reformat(MESSY)
    assert (
        "    when:\n"
        "      # inside a guard, above a fact\n"
        "      committed: false  # inside a guard, after a value\n"
        "      check_ins: {lt: few}\n"
    ) in out


def test_continued_end_of_line_comments_stay_aligned(reformat):
    """A comment line continuing an end-of-line comment keeps its column."""
    out = reformat(MESSY)
    assert "  wait: 1w  # one week\n            # (and this continues it)\n" in out


def test_end_of_line_comments_of_neighbours_are_aligned(reformat, canonical):
    """Consecutive one-line entries have their comments in one column."""
    text = canonical.replace(
        "\ntransitions:",
        "\nparameters:\n  a: 1w  # short\n  much_longer_name: 2w # long\n  b: 3\n"
        "  c: 4    # after one without\n\ntransitions:",
    )
    lines = reformat(text).splitlines()
    start = lines.index("parameters:") + 1
    block = lines[start : start + 4]
    assert block[0].startswith("  a: 1w ")
    assert block[2] == "  b: 3"
    assert {line.index("#") for line in (block[0], block[1], block[3])} == {24}
    assert block[1] == "  much_longer_name: 2w  # long"


def test_comment_closing_a_rule_stays_at_its_end(reformat):
    """A commented-out key after a rule's last key stays the last line of that rule."""
    lines = reformat(MESSY).splitlines()
    at = lines.index("    # - commented-out key at the end of the rule")
    assert lines[at - 1] == "    advice: Say thanks.  # after a value"
    assert lines[at + 1] == "  - id: later"


def test_commented_out_rule_stays_at_the_end_of_its_section(reformat):
    """Comment lines after a section's last item stay in that section, after it."""
    assert reformat(MESSY).endswith(
        "    advice: Check in.\n  # - id: a commented-out rule\n  #   in: waiting\n# the very end\n"
    )


def test_comment_above_a_section_moves_with_it(reformat):
    """A comment line above a top-level key moves with the section, after the blank line."""
    out = reformat(MESSY)
    assert "\n\n# parameters come next\nparameters:\n" in out


def test_comment_at_the_end_of_the_file_stays_last(reformat):
    """The file's last comment stays at the end even when its section moves."""
    assert reformat(MESSY).endswith("# the very end\n")


def test_hash_inside_text_is_not_a_comment(reformat, meaning, canonical):
    """A '#' inside quoted or block text is text, not a comment, and stays text."""
    text = canonical.replace(
        "advice: Wait now.", 'advice: "Step #2: wait"  # real\n    source: |-\n      # not one'
    )
    out = reformat(text)
    assert comment_texts(out) == comment_texts(text)
    assert sum(comment_texts(out).values()) == 2  # the schema line and '# real'
    assert meaning(out) == meaning(text)
