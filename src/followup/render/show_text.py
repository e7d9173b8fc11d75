"""``followup show ID``: a playbook explained step by step for people."""

from __future__ import annotations

import textwrap

from followup.model.playbook import Action, Avoid, Playbook, Transition
from followup.model.vocabulary import LATE_SKIP, OPEN_STATES
from followup.render.rules_words import (
    channel_words,
    date_words,
    duration_words,
    guard_words,
    repeat_words,
)
from followup.render.words import ACTION_WORDS
from followup.semantics.meaning import EVENTS
from followup.semantics.rules import optional_rules, rule_sentences

WIDTH = 92


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent
    )


def _action_lines(a: Action, pb: Playbook) -> list[str]:
    own = {k.name: k.words for k in pb.kinds}
    what = own.get(a.kind) or ACTION_WORDS.get(a.kind, a.kind.replace("_", " "))
    how = channel_words(a.channel)
    text = f"{what.capitalize()}: {date_words(a.due)}"
    if a.until is not None:
        text += f", and until {date_words(a.until)} at the latest"
        if a.late == LATE_SKIP:
            text += " (never late: it lapses then)"
    if a.at is not None:
        text += f", in the {a.at}"
    if how and how != "nothing to send":
        text += f", via {how}"
    if a.repeat:
        text += f"; {repeat_words(a.repeat)}"
    if a.when:
        text += f"; only when {guard_words(a.when)}"
    if a.optional:
        text += " (optional)"
    lines = _wrap(text + f"  [{a.id}]", "      ", "    - ")
    lines += _wrap(a.advice, "      ")
    if a.cite.part:
        lines += _wrap(f"source: {pb.source.cite(a.cite.part)}", "      ")
    return lines


def _move_lines(t: Transition) -> list[str]:
    if t.on:
        meaning = EVENTS.get(t.on)
        said = meaning.words if meaning is not None else t.on.replace("_", " ")
        trigger = f"when {said} ({t.on})"
    else:
        assert t.after is not None
        trigger = date_words(t.after)
    text = f"Moves to {t.dest}"
    if t.outcome:
        text += f" ({t.outcome.replace('_', ' ')})"
    text += f" {trigger}"
    if t.when:
        text += f", if {guard_words(t.when)}"
    lines = _wrap(text + f"  [{t.id}]", "      ", "    > ")
    if t.advice:
        lines += _wrap(t.advice, "      ")
    return lines


def _avoid_lines(a: Avoid) -> list[str]:
    scope = ""
    if a.states and set(a.states) != set(OPEN_STATES):
        scope = " (while " + ", ".join(a.states) + ")"
    if a.when:
        scope += f" (when {guard_words(a.when)})"
    return _wrap(f"{a.text}{scope}  [{a.id}]", "    ", "  - ")


def _opt_out_lines(pb: Playbook, optional: dict[str, str]) -> list[str]:
    """The engine's rules this playbook opts out of, each with its reason and citation."""
    if not pb.opt_outs:
        return []
    lines = ["", "Opted out (engine rules this playbook does not follow)"]
    for o in pb.opt_outs:
        lines += _wrap(f"{o.rule}: {optional[o.rule]}", "    ", "  - ")
        lines += _wrap(f"why: {o.reason}", "      ", "    ")
        lines += _wrap(f"source: {pb.source.cite(o.cite.part)}", "      ", "    ")
    return lines


def show_text(pb: Playbook) -> str:
    """The whole playbook in plain words: settings, each stage, the don'ts, the engine rules."""
    lines = [f"{pb.id}: {pb.title}"]
    if pb.summary:
        lines += _wrap(pb.summary, "  ")
    lines.append(f"  source: {pb.source.cite()}")
    if pb.source.file:
        lines.append(f"  article file: {pb.source.file}")
    if pb.never_closes is not None:
        cite = (
            f" ({pb.source.cite(pb.never_closes.cite.part)})" if pb.never_closes.cite.part else ""
        )
        lines += _wrap(
            "Never closes a case on its own, by design: " + pb.never_closes.reason + cite,
            "    ",
            "  ",
        )
    if pb.parameters:
        lines += ["", "Settings"]
        for name, value in pb.parameters:
            shown = value if isinstance(value, int) else f"{value} ({duration_words(value)})"
            lines.append(f"  {name} = {shown}")
    lines += ["", "Step by step"]
    for state in OPEN_STATES:
        actions = [a for a in pb.actions if state in a.states]
        moves = [t for t in pb.transitions if state in t.sources]
        if not actions and not moves:
            continue
        lines.append(f"  While {state}:")
        for a in actions:
            lines += _action_lines(a, pb)
        for t in moves:
            lines += _move_lines(t)
    if pb.avoid:
        lines += ["", "Don't"]
        for avoid in pb.avoid:
            lines += _avoid_lines(avoid)
    lines += ["", "Always (the engine's own rules, in every playbook)"]
    optional = optional_rules()
    skipped = {optional[o.rule] for o in pb.opt_outs}
    for text in rule_sentences():
        if text not in skipped:
            lines += _wrap(text, "    ", "  - ")
    lines += _opt_out_lines(pb, optional)
    if pb.extends:
        # lazy: only playbooks that extend another
        from followup.authoring.extends import origin_lines

        lines += origin_lines(pb)
    return "\n".join(lines) + "\n"
