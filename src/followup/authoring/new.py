"""The text of a new playbook: small, commented, and valid as it is.

Two skeletons: a playbook of one's own (thank-you, one check-in, moving on, a don't, limits),
and one that builds on another playbook, showing in comments how to override a parameter and
replace, remove or add rules.  Commented examples are written so that deleting the ``# `` in
front of them gives a playbook that still validates (a test does exactly that).  The command
(`followup.cli.new_impl`) lays the text out through `followup fmt`'s formatter before writing
it, so the file is in the canonical layout whatever the spacing here.
"""

from __future__ import annotations

import json
import re
import textwrap

import yaml

from followup.authoring.extends import LIST_SECTIONS, rule_id

BARE = re.compile(r"[a-z][a-z0-9-]*")  # an id YAML reads as text when written bare
SCHEMA_LINE = "# yaml-language-server: $schema={schema}\n"

OWN = """\
#
# The playbook {id}, started by `followup new`.  It already works as it is: check it with
# `followup validate {id}.yaml`, read it back with `followup show {id}`, and try it on an
# application with `followup plan CASE.yaml --playbook {id}`.  Then make it say what you advise.
# The language is described in docs/playbook-language.md.  The line above lets editors that
# know JSON Schema (VS Code with its YAML extension, for one) check and complete as you type.

# Who this playbook is.  `id` is what --playbook takes: lower-case letters, digits and -,
# the same as the file name.  `source` is where the advice comes from.
id: {id}
title: Thank, check in once, move on
summary: >-
  Send a thank-you on the day of the interview, check in once a week later (or on the date they
  gave), and move on if two weeks pass without an answer.
source:
  title: My own advice
  # author: Your Name
  # url: https://example.com/my-advice
  # date: "2026-01-31"

# Settings the rules below use by name; change one here and every rule using it follows.
# Durations: 3d (days), 3bd (business days), 1w (weeks), 2mo (months).  Counts: whole numbers.
parameters:
  check_in_after: 1w     # from the interview to the check-in
  answer_within: 2w      # how long silence lasts before you move on

# Moves between the stages of an application, which are, in order: interviewed, thanked,
# waiting, checked-in, on-hold and closed.  A move happens `on` an event the job seeker
# records, or `after` a date (a timer).  A date is an anchor (interview, last_contact,
# decision_by, ...) plus or minus a duration or a setting; {{later_of: [...]}} takes the latest
# of those known for the application.  Replies from the employer (an offer, a rejection,
# "still deciding", ...) mean the same in every playbook, so there is nothing to write for them.
transitions:
  - id: thanked
    from: interviewed
    on: thank_you_sent
    to: thanked
    advice: The thank-you is out; now comes the wait.
    source: Say thank you      # the part of your source this rule encodes
  - id: start-waiting
    from: [interviewed, thanked]
    after: interview + 2bd
    to: waiting
    advice: A couple of business days after the interview the wait for news has begun.
    source: Be patient
  - id: checked-in
    from: [interviewed, thanked, waiting]
    on: check_in_sent
    to: checked-in
    advice: Your check-in is out; give them time to answer it.
    source: Check in once
  - id: no-news-means-move-on
    from: [waiting, checked-in]
    after:
      later_of:
        - last_contact + answer_within
        - decision_by + answer_within
        - follow_up_after + answer_within
        - reply + answer_within
    to: closed
    outcome: moved_on
    advice: Silence this long after your last message means it is time to look elsewhere.
    source: Know when to stop

# What to do in which stage, when, and how.  `kind` says what it is (thank_you, check_in,
# move_on, ...); `due` is a date as above; `channel` lists ways to send it, the first one that
# applies wins (`preferred` is the employer's preferred way, if they said).  `when` limits a
# rule to the applications where some facts hold.
actions:
  - id: thank-you
    in: interviewed
    kind: thank_you
    due: interview
    channel: email
    advice: Thank each interviewer the same day, while the conversation is fresh.
    source: Say thank you
  - id: check-in
    in: [thanked, waiting]
    kind: check_in
    when: {{follow_up: {{is_not: not_wanted}}}}
    due: {{later_of: [interview + check_in_after, follow_up_after, decision_by]}}
    channel: [preferred, email]
    advice: >-
      Check in once: restate your interest in the role and ask whether they need anything
      else from you.
    source: Check in once
  - id: move-on
    in: [waiting, checked-in]
    kind: move_on
    due:
      later_of:
        - last_contact + answer_within
        - decision_by + answer_within
        - follow_up_after + answer_within
        - reply + answer_within
    channel: none
    advice: Put your energy into your other applications; a late answer is still welcome.
    source: Know when to stop

# Kinds of action of your own, beside the core ones, for instance:
# kinds:
#   connect:
#     completed_by: networked
#     description: Ask the people you met to connect on a professional network.

# The don'ts, shown while they apply (`in` a stage, `when` some facts hold).
avoid:
  - id: one-check-in-is-enough
    in: checked-in
    advice: Don't send another check-in while you wait for an answer to the first.
    source: Check in once

# What this playbook promises never to do to a job seeker, whatever happens.
# `followup prove {id}` explores every application within the bounds it prints and shows a
# counterexample if one of these can be broken.
limits:
  max_contacts: 4        # direct contacts (email, phone, letters, texts) before closing
  min_gap: 3d            # the shortest time between two check-ins
  max_days_open: 90      # the longest an application stays open

# Drafts of the messages (`followup draft`), by action kind or rule id, for instance:
# templates:
#   check-in:
#     subject: "Following up on the {{{{ case.role }}}} interview"
#     body: "I am still keen on the {{{{ case.role }}}} role at {{{{ case.company }}}}."
"""

EXTENDING_HEAD = (
    "The playbook {id}, started by `followup new --extends {base_id}`.  It builds on {base_id}"
    " ({base_title}): everything {base_id} says applies unless this file changes it, its"
    " source, settings, rules, don'ts and limits included.  Rules keep pointing at the file"
    " they were written in: `followup show {id}` lists where each one comes from.  The rules"
    ' for merging are in docs/playbook-language.md, under "Building on another playbook".'
)

EXTENDING = """\
#
{head}
id: {id}
title: {title}
extends: {extends}

# Change a setting by name: every inherited rule that uses it follows.
{parameters}
# Replace a rule: write a rule with the id of an inherited one; it takes that rule's place, in
# full, so write every key the rule needs.  Add a rule: give it an id of its own; it comes after
# the inherited ones.  Both work the same for transitions, actions and avoid (the don'ts).
{replace}{add}
# Drop inherited rules (transitions, actions or don'ts) by id:
# remove: [{remove}]
"""


def own_playbook(playbook_id: str, schema: str) -> str:
    """A new playbook of one's own that validates and runs as it is."""
    return SCHEMA_LINE.format(schema=schema) + OWN.format(id=playbook_id)


def extending_playbook(playbook_id: str, schema: str, extends: str, base: dict[str, object]) -> str:
    """A new playbook that extends ``base`` (its merged data), with commented examples.

    ``extends`` is what the new file's ``extends:`` says (an id, or a path from its folder).
    """
    base_id = str(base.get("id", extends))
    title = str(base.get("title", base_id))
    replaced = _replaceable(base)
    head = EXTENDING_HEAD.format(id=playbook_id, base_id=base_id, base_title=title)
    return SCHEMA_LINE.format(schema=schema) + EXTENDING.format(
        head=textwrap.fill(head, 96, initial_indent="# ", subsequent_indent="# "),
        id=playbook_id,
        base_id=base_id,
        title=_quoted(f"{title}, adapted"),
        extends=extends if BARE.fullmatch(extends) else _quoted(extends),
        parameters=_parameter_example(base, base_id),
        replace=_replace_example(replaced, base_id),
        add=_add_example(playbook_id, same_list=replaced is not None and replaced[0] == "avoid"),
        remove=_removal(base, rule_id(replaced[1]) if replaced else None),
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _parameter_example(base: dict[str, object], base_id: str) -> str:
    params = base.get("parameters")
    if isinstance(params, dict) and params:
        durations = [(k, v) for k, v in params.items() if isinstance(v, str)]
        name, value = (durations or list(params.items()))[0]
        return (
            f"# parameters:\n#   {name}: {value}"
            f"{' ' * max(1, 24 - len(name) - len(str(value)))}# {base_id} says {value}\n"
        )
    return "# parameters:\n#   my_wait: 1w            # a setting for rules of your own\n"


def _replaceable(base: dict[str, object]) -> tuple[str, dict[str, object]] | None:
    """The rule to show replaced: a check-in if there is one, else the first rule."""
    candidates: list[tuple[str, dict[str, object]]] = []
    for section in ("actions", "transitions", "avoid"):
        items = base.get(section)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and rule_id(item):
                candidates.append((section, item))
    for section, item in candidates:
        if item.get("kind") == "check_in":
            return section, item
    return candidates[0] if candidates else None


class _IndentedDumper(yaml.SafeDumper):
    """Lays a rule out as the bundled playbooks do: list items indented, long text folded."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 60 and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_IndentedDumper.add_representer(str, _text)


def _replace_example(found: tuple[str, dict[str, object]] | None, base_id: str) -> str:
    if found is None:
        return ""
    section, rule = found
    dumped = yaml.dump(
        {section: [rule]},
        Dumper=_IndentedDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=80,
    )
    head, *rest = dumped.splitlines()
    lines = [f"# {head}", f"#   # replaces the rule '{rule_id(rule)}' of {base_id}"]
    lines += [f"# {line}" for line in rest]
    return "\n".join(lines) + "\n"


def _add_example(playbook_id: str, *, same_list: bool) -> str:
    """A new don't; under the replaced rule's ``avoid:`` if that is where it was."""
    head = "" if same_list else "# avoid:\n"
    return (
        f"{head}#   # a new don't of your own\n"
        f"#   - id: {playbook_id}-no-surprise-visits\n"
        "#     advice: Don't turn up at their office unannounced to ask for news.\n"
    )


def _removal(base: dict[str, object], kept: str | None) -> str:
    """An inherited id that is safe to drop (a don't if there is one), not the replaced one."""
    for section in ("avoid", *LIST_SECTIONS):
        items = base.get(section)
        for item in items if isinstance(items, list) else []:
            rid = rule_id(item)
            if rid and rid != kept:
                return rid
    return kept or "some-rule-id"
