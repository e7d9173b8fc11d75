"""``followup report``: one self-contained HTML page (inline CSS and SVG, no script, no network).

The page is a Jinja template rendered with autoescaping on, so everything a user or coach wrote
(a company, a note, a playbook's advice) reaches the page as text, never as markup.  The
geometry of the timelines (where each step sits on the shared date axis) is computed here; the
template only places it.  Every chart has its table beside it as the text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Final

import jinja2

from followup.analysis.choice import Choice
from followup.engine.result import Plan, Step
from followup.model.case import Case
from followup.render.words import OUTCOME_WORDS, action_words

# The drawing's own units (the SVG scales to the width it is given).  Each chart is drawn twice:
# wide for a laptop, narrow (with larger type, see the template's CSS) for a phone, so that at
# either width the whole date axis is on screen and its words stay readable.
WIDE: Final = 960
NARROW: Final = 480
MARGIN: Final = 16
LANE_HEIGHT: Final = 54
AXIS_HEIGHT: Final = 36
TICKS: Final = {WIDE: 7, NARROW: 4}


@dataclass(frozen=True, slots=True)
class Mark:
    """One planned step, placed on the axis."""

    x: float
    y: float
    due: date
    action: str
    channel: str
    words: str
    rule_id: str
    advice: str
    source: str
    kind: str  # the marker's shape: contact, nudge, quiet, end


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of a timeline: a playbook's plan for a case, or one application's."""

    key: str
    label: str
    sub: str
    y: float
    marks: tuple[Mark, ...]
    end: str
    highlight: bool = False


@dataclass(frozen=True, slots=True)
class Chart:
    """Lanes on one date axis."""

    lanes: tuple[Lane, ...]
    ticks: tuple[tuple[float, str], ...]
    today_x: float | None
    height: float
    width: int = WIDE

    @property
    def chars(self) -> int:
        """About how many characters of a lane's label fit on one line (the type is larger on
        the narrow chart)."""
        return self.width // (10 if self.width == NARROW else 8)


@dataclass(frozen=True, slots=True)
class Due:
    """A step due this week or overdue, for the tracker's lists."""

    app_id: str
    title: str
    step: Step
    words: str
    days_late: int


def _kind(step: Step) -> str:
    if step.action in ("check_in", "final_check_in", "keep_promise"):
        return "nudge"
    if step.action == "move_on":
        return "end"
    return "contact" if step.channel else "quiet"


class Axis:
    """Days to x positions, over the span every plan of a chart covers."""

    def __init__(self, days: Sequence[date], today: date, width: int) -> None:
        first = min((*days, today))
        last = max((*days, today, first + timedelta(days=14)))
        self.first, self.span, self.width = first, max(1, (last - first).days), width

    def x(self, d: date) -> float:
        inner = self.width - 2 * MARGIN - 10
        return round(MARGIN + 5 + inner * (d - self.first).days / self.span, 1)

    def ticks(self) -> tuple[tuple[float, str], ...]:
        step = max(1, -(-self.span // TICKS[self.width]))
        days = [self.first + timedelta(days=n) for n in range(0, self.span + 1, step)]
        return tuple((self.x(d), f"{d:%d %b}") for d in days)


def _lane(key: str, label: str, sub: str, plan: Plan, row: int, axis: Axis, hi: bool) -> Lane:
    y = AXIS_HEIGHT + row * LANE_HEIGHT + 36  # the track, under the lane's label
    same_day: dict[date, int] = {}
    for s in plan.schedule:
        same_day[s.due] = same_day.get(s.due, 0) + 1
    seen: dict[date, int] = {}
    offsets = []
    for s in plan.schedule:  # steps of one day are stacked, not drawn over each other
        n = seen[s.due] = seen.get(s.due, -1) + 1
        offsets.append((n - (same_day[s.due] - 1) / 2) * min(10, 24 / same_day[s.due]))
    marks = tuple(
        Mark(
            axis.x(s.due),
            y + dy,
            s.due,
            s.action,
            s.channel or "",
            action_words(s.action, s.channel, s.words),
            s.rule_id,
            s.advice,
            s.source,
            _kind(s),
        )
        for s, dy in zip(plan.schedule, offsets, strict=True)
    )
    if plan.outcome:
        end = OUTCOME_WORDS.get(plan.outcome, plan.outcome)
    else:
        end = f"lets go on {plan.closes_on.isoformat()}" if plan.closes_on else "does not close"
    return Lane(key, label, sub, y, marks, end, hi)


Row = tuple[str, str, str, Plan, bool]


def chart(rows: Sequence[Row], today: date, width: int = WIDE) -> Chart:
    """Lanes (key, label, sub-label, plan, highlighted) on one shared date axis."""
    axis = Axis([s.due for *_, p, _ in rows for s in p.schedule], today, width)
    lanes = tuple(
        _lane(k, label, sub, p, n, axis, hi) for n, (k, label, sub, p, hi) in enumerate(rows)
    )
    height = AXIS_HEIGHT + LANE_HEIGHT * len(rows) + 6
    return Chart(lanes, axis.ticks(), axis.x(today), height, width)


def charts(rows: Sequence[Row], today: date) -> tuple[Chart, Chart]:
    """The same lanes drawn wide (a laptop) and narrow (a phone)."""
    return chart(rows, today, WIDE), chart(rows, today, NARROW)


@dataclass(frozen=True, slots=True)
class CaseView:
    """One case under every playbook: its chart, the ranking, the disagreements."""

    case: Case
    title: str
    today: date
    chart: Chart
    narrow: Chart
    choice: Choice
    current: str | None


def case_view(choice: Choice, today: date, current: str | None = None) -> CaseView:
    """The view of a ranked case (``current``: the playbook a tracked application follows)."""
    case = choice.case
    rows = [
        (
            r.playbook_id,
            f"#{n} {r.playbook_id}",
            f"score {r.score}"
            + (" · recommended" if n == 1 else "")
            + (" · yours now" if r.playbook_id == current else ""),
            r.plan,
            n == 1,
        )
        for n, r in enumerate(choice.ranked, 1)
    ]
    title = " - ".join(x for x in (case.company, case.role) if x) or case.id
    return CaseView(case, title, today, *charts(rows, today), choice, current)


@dataclass(frozen=True, slots=True)
class TrackerView:
    """Every open application on one axis, with what is due this week and what is overdue."""

    today: date
    chart: Chart
    narrow: Chart
    due_week: tuple[Due, ...]
    overdue: tuple[Due, ...]
    problems: tuple[tuple[str, str], ...]


def tracker_view(
    apps: Sequence[tuple[Case, Plan]], today: date, problems: Sequence[tuple[str, str]] = ()
) -> TrackerView:
    """The tracker's page: one lane per open application."""
    rows = [
        (
            c.id,
            c.id,
            " - ".join(x for x in (c.company, c.role, p.playbook_id) if x),
            p,
            False,
        )
        for c, p in apps
    ]
    week, late = [], []
    for c, p in apps:
        title = " - ".join(x for x in (c.company, c.role) if x) or c.id
        for s in p.schedule:
            item = Due(
                c.id, title, s, action_words(s.action, s.channel, s.words), (today - s.due).days
            )
            if s.due < today:
                late.append(item)
            elif s.due <= today + timedelta(days=6):
                week.append(item)
    return TrackerView(
        today,
        *charts(rows, today),
        tuple(sorted(week, key=lambda d: (d.step.due, d.app_id))),
        tuple(sorted(late, key=lambda d: (d.step.due, d.app_id))),
        tuple(problems),
    )


_ENV: jinja2.Environment | None = None


def _environment() -> jinja2.Environment:
    global _ENV  # one per process: the template is parsed once
    if _ENV is None:
        text = resources.files("followup.render").joinpath("report.html.j2").read_text("utf-8")
        env = jinja2.Environment(
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
        )
        env.globals["template_text"] = text
        _ENV = env
    return _ENV


def page(title: str, cases: Sequence[CaseView] = (), tracker: TrackerView | None = None) -> str:
    """The whole HTML page."""
    env = _environment()
    template = env.from_string(str(env.globals["template_text"]))
    return template.render(title=title, cases=cases, tracker=tracker)
