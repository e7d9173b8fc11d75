"""Engine answers as text for people reading a terminal."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from followup.engine.explain import moved_words, paced_words, promise_covers_words
from followup.engine.result import Plan, Step, TraceEntry
from followup.engine.rounds import step_people
from followup.errors import visible
from followup.model.case import Case
from followup.model.playbook import Playbook
from followup.model.vocabulary import COMPANY_RECIPIENT
from followup.render.words import (
    action_words,
    day,
    ending_words,
    send_on_words,
    step_day,
    step_relative,
)
from followup.semantics.meaning import THANKS_KINDS

# A case without a country is planned on Saturday-Sunday weekends alone: a step can land on a
# public holiday (Christmas Day, say) and nothing says so unless the plan does.
NO_COUNTRY = (
    "weekends only. The case names no country, so public holidays count as work "
    "days (add 'country: US', say, to skip them)."
)
WIDTH = 88  # when the output is not a terminal (a file, a pipe, a test): stable text
NARROWEST, WIDEST = 40, 140


def terminal_width() -> int:
    """The width to wrap at: the terminal's (``$COLUMNS`` first), kept between 40 and 140
    columns; `WIDTH` when standard output is not a terminal."""
    try:
        if not sys.stdout.isatty():
            return WIDTH
        columns = os.environ.get("COLUMNS", "")
        found = int(columns) if columns.isdigit() else os.get_terminal_size().columns
    except (OSError, ValueError, AttributeError):
        return WIDTH
    return max(NARROWEST, min(WIDEST, found - 1))


def _wrap(text: str, indent: str, first: str = "") -> list[str]:
    lead = first or indent
    # Escaped before wrapping: a coach's text is one paragraph, whatever it holds.
    text = visible(text)
    width = terminal_width()
    return textwrap.wrap(text, width, initial_indent=lead, subsequent_indent=indent) or [lead]


def _recipients(step: Step, case: Case, today: date) -> str:
    if step.to == COMPANY_RECIPIENT:
        return " to the company's main line" if step.channel == "phone" else " to the company"
    people = step_people(case, step, today)
    names = visible(", ".join(p.name for p in people))
    if step.action in THANKS_KINDS and people:
        return f" to each interviewer ({names})"
    if len(people) < 2:
        return ""  # the one contact goes without saying
    *others, last = (visible(p.name) for p in people)
    return f" to {', '.join(others)} and {last}"


def header(case: Case, playbook: Playbook) -> list[str]:
    """Who and what this is about."""
    what = visible(" - ".join(x for x in (case.company, case.role) if x) or case.id)
    return [f"{what} ({visible(case.id)})", f"Playbook: {visible(playbook.title)} ({playbook.id})"]


def plan_text(plan: Plan, case: Case, playbook: Playbook) -> str:
    """``followup plan``: where you are, what to do next and why, what follows, what to avoid."""
    lines = header(case, playbook)
    lines.append(f"As of {day(plan.today)}: {plan.state}")
    if plan.state_why and plan.state_since is not None:
        lines += _wrap(f"since {day(plan.state_since)}, {plan.state_why}", "      ", "Why:  ")
    if case.country is None and not plan.outcome and (plan.next or plan.schedule):
        lines += _wrap(NO_COUNTRY, "          ", "Days off: ")
    if plan.outcome:
        closed = f" on {day(plan.closes_on)}" if plan.closes_on else ""
        lines.append(f"Closed{closed}: {ending_words(plan.outcome, case, plan.today)}.")
    if plan.ignored_future_events:
        n = plan.ignored_future_events
        lines.append(
            f"Note: {n} recorded event{'s' if n > 1 else ''} dated after today not counted."
        )
    for note in plan.notes:
        lines += _wrap(note, "      ", "Note: ")
    if plan.next:
        lines += ["", "Next"]
        for step in plan.next:
            opt = " (optional)" if step.optional else ""
            what = action_words(step.action, step.channel, step.words) + _recipients(
                step, case, plan.today
            )
            when = send_on_words(step.send_on)
            rel = step_relative(step.due, step.latest, plan.today)
            lines.append(f"  {step_day(step.due, step.latest, step.at)} ({rel}{when}): {what}{opt}")
            if step.note:
                lines += _wrap(f"you noted: {step.note}", "      ")
            lines += _wrap(f"why: {step.why}", "      ")
            if step.paced_after is not None:
                lines += _wrap(
                    f"later than its rule says: it {paced_words(step.paced_after)}", "      "
                )
            if step.covers:
                lines += _wrap(f"also counts as: {promise_covers_words(step.covers)}", "      ")
            if step.moved_from is not None:
                lines += _wrap(moved_words(step.moved_from), "      ")
            lines += _wrap(f"source: {step.source}", "      ")
    elif not plan.outcome:
        lines += ["", "Nothing to do: this playbook has no further steps for this case."]
    later = plan.schedule[len(plan.next) :]
    if later:
        lines += ["", "Then, if they stay silent"]
        for step, more in runs(later):
            opt = " (optional)" if step.optional else ""
            what = action_words(step.action, step.channel, step.words)
            if step.to == COMPANY_RECIPIENT:
                what += _recipients(step, case, plan.today)
            if more is None:
                lines.append(
                    f"  {step_day(step.due, step.latest, step.at)}: {what}{opt}  [{step.rule_id}]"
                )
            else:
                words = f"  ... {more.count} more, {more.every}, to {day(more.last)}"
                lines.append(f"{words}  [{step.rule_id}]")
    if not plan.outcome and plan.closes_on:
        lines.append(f"  {day(plan.closes_on)}: the playbook closes the case if nothing changes")
    elif not plan.outcome:
        if plan.looks_until is not None:
            lines += _wrap(looks_no_further(plan), "    ", "  ")
        if plan.never_closes:
            lines += _wrap(
                f"This playbook never closes a case on its own, by design: {plan.never_closes}",
                "    ",
                "  ",
            )
        elif plan.looks_until is None and plan.schedule:
            lines.append("  The playbook does not close the case on its own.")
    if plan.avoid:
        lines += ["", "Avoid"]
        for text in plan.avoid:
            lines += _wrap(text, "    ", "  - ")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class More:
    """The rest of a run of one rule's repeats, in one line: how many, and how often until when."""

    count: int
    every: str  # 'every 4 weeks', 'about every 30 days'
    last: date


def runs(steps: Sequence[Step]) -> Iterator[tuple[Step, More | None]]:
    """``steps`` with each run of one rule's repeats cut short: its first `RUN_SHOWN` steps,
    then one line for the rest (`More`).  A repeat with no last time (``until: never``) would
    otherwise fill the plan with two years of the same line.  The gaps of a run may differ by
    `RUN_SLACK` days (months differ in length, and weekends move steps), and are then said
    as about that often (by up to a quarter of the gap, or `RUN_SLACK` days)."""
    i = 0
    while i < len(steps):
        j = i + 1
        low = high = (steps[j].due - steps[i].due).days if j < len(steps) else 0
        while j < len(steps) and _same_step(steps[i], steps[j]):
            gap = (steps[j].due - steps[j - 1].due).days
            if gap <= 0 or max(high, gap) - min(low, gap) > max(RUN_SLACK, low // 4):
                break
            low, high = min(low, gap), max(high, gap)
            j += 1
        if j - i > RUN_SHOWN + 1:
            for step in steps[i : i + RUN_SHOWN]:
                yield step, None
            yield steps[i], More(j - i - RUN_SHOWN, _every(steps[i:j]), steps[j - 1].due)
        else:
            for step in steps[i:j]:
                yield step, None
        i = j


def _every(run: Sequence[Step]) -> str:
    """How often the steps of ``run`` come: 'every 4 weeks', or 'about every 30 days' when
    their gaps differ."""
    gaps = [(b.due - a.due).days for a, b in pairwise(run)]
    gap = round(sum(gaps) / len(gaps))
    count, unit = (gap // 7, "week") if gap % 7 == 0 else (gap, "day")
    every = unit if count == 1 else f"{count} {unit}s"
    return f"every {every}" if min(gaps) == max(gaps) else f"about every {every}"


RUN_SHOWN = 3  # the repeats of a long run shown one by one before the line for the rest
RUN_SLACK = 3  # days by which the gaps of one run may differ


def looks_no_further(plan: Plan) -> str:
    """What the plan says when its projection stopped with more to come (`Plan.looks_until`)."""
    assert plan.looks_until is not None
    text = f"The plan looks no further than {day(plan.looks_until)}"
    if plan.closes_later is not None:
        return (
            f"{text}; if nothing changes, the playbook closes the case on {day(plan.closes_later)}."
        )
    if plan.never_closes:
        return f"{text}."
    return f"{text}, and the playbook has not closed the case by then."


def _same_step(a: Step, b: Step) -> bool:
    """Whether two steps are repeats of one rule, alike but for their day (no window)."""
    alike = (a.rule_id, a.action, a.channel, a.to, a.optional)
    return (
        a.latest is None
        and b.latest is None
        and alike
        == (
            b.rule_id,
            b.action,
            b.channel,
            b.to,
            b.optional,
        )
    )


def trace_text(entries: list[TraceEntry], case: Case, playbook: Playbook) -> str:
    """``followup explain``: the replay, line by line."""
    lines = header(case, playbook)
    lines.append("")
    for entry in entries:
        lines.append(f"{entry.date.isoformat()}  {entry.kind:<10} {visible(entry.text)}")
        lines += [f"{'':12} {'':<10} {visible(d)}" for d in entry.details]
    if playbook.extends:
        # lazy: only playbooks that extend another (plan cold start)
        from followup.authoring.extends import origin_lines

        lines += origin_lines(playbook)
    return "\n".join(lines) + "\n"
