"""``followup compare`` for a terminal: one column per playbook, one row per date."""

from __future__ import annotations

import textwrap
from datetime import date

from followup.analysis.compare import direct_contacts, disagreements
from followup.engine.result import Plan
from followup.model.case import Case
from followup.render.words import ACTION_WORDS, day, ending_words

SHORT_CHANNEL = {
    "email": "email",
    "phone": "phone",
    "mail": "mail",
    "text": "text",
    "recruiter": "recruiter",
    "portal": "portal",
    "linkedin": "LinkedIn",
    "in_person": "in person",
}
SHORT_ACTION = {
    "thank_you": "thank-you",
    "thank_you_note": "note",
    "check_in": "check-in",
    "final_check_in": "last check-in",
    "share_update": "update",
    "network": "network",
    "move_on": "move on",
}


def _cell(action: str, channel: str | None) -> str:
    word = SHORT_ACTION.get(action) or ACTION_WORDS.get(action, action.replace("_", " "))
    return f"{word} ({SHORT_CHANNEL.get(channel, channel)})" if channel else word


def compare_text(case: Case, today: date, plans: list[Plan]) -> str:
    """The table, the totals, and the disagreements in words."""
    ids = [p.playbook_id for p in plans]
    width = max(18, *(len(i) for i in ids))
    label_w = 16
    what = " - ".join(x for x in (case.company, case.role) if x) or case.id
    lines = [f"{what} ({case.id}) as of {day(today)}", ""]

    def row(label: str, cells: list[str]) -> str:
        return f"{label:<{label_w}}" + "".join(f"  {c:<{width}}" for c in cells).rstrip()

    lines.append(row("", ids))
    lines.append(row("", ["-" * len(i) for i in ids]))
    lines.append(row("state now", [p.state for p in plans]))
    by_date: dict[date, list[list[str]]] = {}
    for col, plan in enumerate(plans):
        for step in plan.schedule:
            cells = by_date.setdefault(step.due, [[] for _ in plans])
            cells[col].append(_cell(step.action, step.channel))
    for due in sorted(by_date):
        cells = by_date[due]
        depth = max(len(c) for c in cells)
        for i in range(depth):
            label = day(due) if i == 0 else ""
            lines.append(row(label, [c[i] if i < len(c) else "" for c in cells]))
    lines.append(row("direct contacts", [str(direct_contacts(p)) for p in plans]))
    closes = []
    for p in plans:
        if p.outcome:
            closes.append(f"closed: {ending_words(p.outcome, case, p.today)}"[:width])
        else:
            closes.append(p.closes_on.isoformat() if p.closes_on else "does not close")
    lines.append(row("closes", closes))
    differ = disagreements(plans)
    if differ:
        lines += ["", "Where they disagree"]
        for text in differ:
            lines += textwrap.wrap(text, 96, initial_indent="  - ", subsequent_indent="    ")
    lines += ["", "What each says to avoid"]
    for p in plans:
        lines.append(f"  {p.playbook_id}")
        for text in p.avoid or ("(nothing in particular right now)",):
            lines += textwrap.wrap(text, 96, initial_indent="    - ", subsequent_indent="      ")
    return "\n".join(lines) + "\n"
