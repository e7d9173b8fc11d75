"""``followup agenda``'s table: one line per case of a batch, soonest next step first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup.engine.result import Step
from followup.render.words import action_words, day, step_day


@dataclass(frozen=True, slots=True)
class Row:
    """What the agenda table shows for one case."""

    case_id: str
    state: str
    outcome: str | None
    step: Step | None


def agenda_table(rows: list[Row], today: date) -> str:
    """Cases with something to do, soonest first, then closed or idle cases.

    A step's day reads as ``followup plan`` says it: its window, where the playbook gives one.
    """
    due = sorted(
        (r for r in rows if r.step), key=lambda r: (r.step.due if r.step else today, r.case_id)
    )
    rest = sorted((r for r in rows if not r.step), key=lambda r: r.case_id)
    lines = [f"Agenda for {day(today)}: {len(due)} case(s) with a next step", ""]
    width = max((len(r.case_id) for r in rows), default=4)
    whens = [step_day(r.step.due, r.step.latest, r.step.at) if r.step else "" for r in due]
    across = max((len(w) for w in whens), default=0)
    for p, when in zip(due, whens, strict=True):
        step = p.step
        assert step is not None
        mark = "!" if step.due <= today else " "
        what = action_words(step.action, step.channel, step.words)
        lines.append(f"{mark} {when:<{across}}  {p.case_id:<{width}}  {what}  [{p.state}]")
    if rest:
        lines += ["", "Nothing to do"]
        for p in rest:
            why = f"closed: {p.outcome}" if p.outcome else p.state
            lines.append(f"  {p.case_id:<{width}}  {why}")
    return "\n".join(lines) + "\n"
