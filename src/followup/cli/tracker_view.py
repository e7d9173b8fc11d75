"""The tracker's views as lines and JSON: one application's history, one step of ``today``.

Everything a user or coach wrote goes through `followup.errors.visible` here, value by value,
so a newline in a note cannot fake a line of the view.
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any

import click

from followup.engine.explain import promise_covers_words
from followup.engine.result import Plan
from followup.errors import visible
from followup.model.case import Case, Interviewer
from followup.model.vocabulary import CHANNELS
from followup.render.json_out import step_full
from followup.render.text import terminal_width
from followup.render.words import action_words, send_on_words, step_day, step_relative
from followup.semantics.builtin import ANSWER_OFFER_KIND, RECORD_ROUND_KIND
from followup.services import recording
from followup.services.today import Item
from followup.tracker.records import Entry, is_edit

INDENT = " " * 6
# How each kind of line of a view is coloured on a terminal (see `paint`).
STYLES: dict[str, dict[str, Any]] = {
    "head": {"bold": True},
    "overdue": {"fg": "red", "bold": True},
    "due": {"fg": "yellow", "bold": True},
    "soon": {"fg": "green"},
    "record": {"fg": "cyan"},
    "quiet": {"dim": True},
}


def colour() -> bool:
    """Colour only on a terminal, and never when ``$NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def paint(lines: list[tuple[str, str]]) -> str:
    """Lines of a view, each escaped (`visible`), then coloured by its kind on a terminal."""
    on = colour()
    out = []
    for text, kind in lines:
        text = visible(text)
        out.append(click.style(text, **STYLES[kind]) if on and kind in STYLES else text)
    return "\n".join(out)


def title(case: Case) -> str:
    return visible(" - ".join(x for x in (case.company, case.role) if x) or case.id)


def person(p: Interviewer, channel: str | None) -> str:
    """Someone a step goes to, with the address that channel uses: an email address for email,
    a number for a call or a text, the name alone for a letter, a card or in person."""
    if channel == "email" and p.email:
        return visible(f"{p.name} <{p.email}>")
    if channel in ("phone", "text") and p.phone:
        return visible(f"{p.name} ({p.phone})")
    return visible(p.name)


def app_json(case: Case, playbook: str) -> dict[str, Any]:
    """An application's facts under the keys every command uses for them."""
    return {
        "id": case.id,
        "company": case.company,
        "role": case.role,
        "interview": case.interview.isoformat(),
        "playbook": playbook,
    }


# `edit` flags that record each employer fact a step may wait for (see `services.today`).
FACT_FLAGS = {
    "preferred_channel": "--channel email|phone|portal|recruiter",
    "has_follow_up_after": "--follow-up-after DURATION",
    "follow_up": "--follow-up invited|not_wanted",
    "has_decision_date": "--decision-by YYYY-MM-DD",
    "may_call": "--may-call",
}


# The engine's own steps that no single event completes, and how each is recorded.
ENGINE_RECORDS = {
    RECORD_ROUND_KIND: (
        "followup log {app} reply --outcome next_round --interview YYYY-MM-DD"
        " [--interviewer NAME ...]"
    ),
    ANSWER_OFFER_KIND: "followup log {app} accepted (or declined)",
}


def record_command(item: Item) -> str | None:
    """The command that records the step as done, or None when nothing records it.  A step
    that waits for what the employer said is recorded by ``edit`` with one of `record_flags`."""
    app = item.case.id
    engine = ENGINE_RECORDS.get(item.step.action)
    if engine is not None:
        return engine.format(app=app)
    if item.event is not None:
        channel = item.step.channel
        by = f" --channel {channel}" if channel in CHANNELS else ""
        return f"followup log {app} {item.event}{by}"
    if item.asks:
        return f"followup edit {app}"
    return None


def record_flags(item: Item) -> list[str]:
    """The ``edit`` flags, one of which records what the step asks the employer."""
    return [FACT_FLAGS[f] for f in item.asks] if item.event is None else []


def record_line(item: Item) -> str:
    """How to record the step, in a line of ``today``."""
    command = record_command(item)
    if item.event is not None or item.step.action in ENGINE_RECORDS:
        return f"record it: {command}"
    if command is not None:
        return f"record what they said: {command} " + " or ".join(record_flags(item))
    if item.step.action == "move_on":
        return "nothing to record: the playbook closes it by itself"
    return "nothing to record: a reminder for the day"


def item_json(item: Item) -> dict[str, Any]:
    """One step of ``today``.  ``days_overdue`` is null for a step not yet due (0: due today,
    or any day of its window); a step with a window is late only after its last day."""
    overdue = (item.today - item.step.due).days
    if overdue > 0 and item.step.latest is not None:
        overdue = max(0, (item.today - item.step.latest).days)
    return {
        "id": item.case.id,
        "company": item.case.company,
        "role": item.case.role,
        **step_full(item.step),
        "days_overdue": overdue if overdue >= 0 else None,
        "recipients": [
            {"name": p.name, "email": p.email or None, "phone": p.phone or None}
            for p in item.recipients
        ],
        "record_event": item.event,
        "record_command": record_command(item),
        "record_flags": record_flags(item),
    }


def item_lines(item: Item) -> list[tuple[str, str]]:
    """A step of ``today`` as lines, each with its kind (for `paint`), wrapped to the terminal."""
    step = item.step
    what = action_words(step.action, step.channel, step.words)
    if item.recipients:
        what += " to " + ", ".join(person(p, step.channel) for p in item.recipients)
    opt = " (optional)" if step.optional else ""
    width = terminal_width()
    last = step.due if step.latest is None else max(step.due, step.latest)
    kind = "overdue" if last < item.today else "due" if step.due <= item.today else "soon"

    def wrap(text: str, more: str = "") -> list[str]:
        return _indented(text, width, more)

    covers = f"also counts as: {promise_covers_words(step.covers)}" if step.covers else ""
    when = step_relative(step.due, step.latest, item.today) + send_on_words(step.send_on)
    head = (
        f"{step_day(step.due, step.latest, step.at)} ({when})  {item.case.id}  {title(item.case)}"
    )
    first = textwrap.wrap(
        head, width, initial_indent="  ", subsequent_indent=INDENT, break_on_hyphens=False
    )
    return [
        *((line, kind) for line in first),
        *((line, "") for line in wrap(f"{what}{opt}")),
        *((line, "quiet") for line in wrap(f"why: {step.why}")),
        *((line, "quiet") for line in wrap(covers) if covers),
        *((line, "record") for line in wrap(record_line(item), "  ")),
    ]


def _indented(text: str, width: int, more: str = "") -> list[str]:
    """``text`` escaped and wrapped under a step or an application of ``today`` (``more``:
    the extra indent of the lines after the first)."""
    return textwrap.wrap(
        visible(text),
        width,
        initial_indent=INDENT,
        subsequent_indent=INDENT + more,
        break_on_hyphens=False,
    )


def note_lines(case: Case, notes: tuple[str, ...]) -> list[tuple[str, str]]:
    """One application's notes for ``today``: its id and title, then each note, wrapped."""
    width = terminal_width()
    lines = [(f"  {case.id}  {title(case)}", "")]
    for note in notes:
        lines += [(line, "") for line in _indented(note, width)]
    return lines


def entry_json(e: Entry) -> dict[str, Any]:
    """One history row: ``kind`` is ``event``, ``edit`` or ``retraction``; an event carries
    ``event``, an edit ``edit`` and ``was`` (the values before), a retraction ``retracts``."""
    if e.retracts is not None:
        return {
            "seq": e.seq,
            "kind": "retraction",
            "recorded_at": e.recorded_at,
            "retracts": e.retracts,
            "reason": e.data.get("reason"),
        }
    if is_edit(e.data):
        return {
            "seq": e.seq,
            "kind": "edit",
            "recorded_at": e.recorded_at,
            "edit": e.data["edit"],
            "was": e.data.get("was", {}),
            "retracted_by": e.retracted_by,
        }
    return {
        "seq": e.seq,
        "kind": "event",
        "recorded_at": e.recorded_at,
        "event": e.data,
        "retracted_by": e.retracted_by,
    }


def entry_line(e: Entry) -> str:
    if e.retracts is not None:
        return f"  #{e.seq}  retracts #{e.retracts} ({e.data.get('reason')})"
    mark = f"  [retracted by #{e.retracted_by}]" if e.retracted_by is not None else ""
    when = f"{e.recorded_at[:10]} " if is_edit(e.data) else ""
    return f"  #{e.seq}  {when}{recording.describe(e.data)}{mark}"


def plan_state(plan: Plan) -> dict[str, Any]:
    """Where an application stands, as every command that changes one answers in JSON."""
    return {
        "state": plan.state,
        "outcome": plan.outcome,
        "next": [step_full(s) for s in plan.next],
    }
