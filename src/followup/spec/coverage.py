"""Which rules of each playbook a set of scenarios exercised, and which they never did.

A rule counts as exercised when a plan the scenarios asked for showed it working:

- an action: it was recommended (in the next steps or the projected schedule), or a recorded
  event was counted as doing it, or it came due as a reminder during the replay;
- a transition (``on:``) or a timer (``after:``): it moved the case during the replay of what
  happened, or during the projection from the day the plan was for;
- a don't: it was among the things to avoid.

The scenario's world calls :meth:`CoverageRecorder.observe` with every plan it computes; the
recorder replays that case again with a trace, and projects in place on the traced run so the
moves of the projection are traced too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pytest

from followup.bdd.world import World
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import project, situation_at
from followup.engine.result import Plan, TraceEntry
from followup.model.case import Case
from followup.model.playbook import Origin, Playbook
from followup.timeline.calendar import BusinessCalendar

if TYPE_CHECKING:
    from collections.abc import Iterator

ACTION, TRANSITION, TIMER, AVOID = "action", "transition", "timer", "don't"
CATEGORIES = (ACTION, TRANSITION, TIMER, AVOID)
# How each category is headed in the report.
HEADINGS = {ACTION: "actions", TRANSITION: "transitions", TIMER: "timers", AVOID: "don'ts"}
# Trace lines in which the engine says an action was done (by an event, or as a lapsed reminder).
DONE_KINDS = frozenset({"done", "reminder"})
RULE_DETAIL = "rule "
MOVE_ARROW = " -> "


@dataclass(frozen=True, slots=True)
class Rule:
    """One thing a playbook says that scenarios can exercise."""

    category: str
    id: str
    origin: Origin


def rules_of(playbook: Playbook) -> tuple[Rule, ...]:
    """Every action, transition, timer and don't of ``playbook``, in the order written."""
    rules = [Rule(ACTION, a.id, a.origin) for a in playbook.actions]
    rules += [Rule(TIMER if t.after else TRANSITION, t.id, t.origin) for t in playbook.transitions]
    rules += [Rule(AVOID, a.id, a.origin) for a in playbook.avoid]
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class Exercised:
    """What one plan showed of its playbook.

    Attributes:
        actions: Ids of actions recommended or done.
        moves: ``(from state, rule id)`` of every playbook transition or timer taken.
        avoid: Ids of the don'ts shown.
    """

    actions: frozenset[str]
    moves: frozenset[tuple[str, str]]
    avoid: frozenset[str]

    @property
    def rule_ids(self) -> frozenset[str]:
        """Every rule id exercised, whatever its category."""
        return self.actions | self.avoid | {rule for _, rule in self.moves}


def traced_moves(entries: Iterable[TraceEntry], rule_ids: frozenset[str]) -> set[tuple[str, str]]:
    """``(from state, rule id)`` of the trace's moves made by the playbook's own rules.

    The engine's built-in moves (replies, withdrawing) are not the playbook's and are left out.
    """
    moves: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.kind != "transition" or not entry.details:
            continue
        detail = entry.details[0]
        source, arrow, _ = entry.text.partition(MOVE_ARROW)
        if arrow and detail.startswith(RULE_DETAIL):
            rule = detail[len(RULE_DETAIL) :]
            if rule in rule_ids:
                moves.add((source, rule))
    return moves


def _done_actions(entries: Iterable[TraceEntry], action_ids: frozenset[str]) -> set[str]:
    """Ids of actions the trace says were done; matched as whole words, whatever the wording."""
    done: set[str] = set()
    for entry in entries:
        if entry.kind in DONE_KINDS:
            done.update(word for word in entry.text.split() if word in action_ids)
    return done


def exercised(
    cp: CompiledPlaybook, case: Case, today: date, cal: BusinessCalendar, plan: Plan
) -> Exercised:
    """What ``plan`` (computed for ``case`` on ``today``) showed of ``cp``'s rules."""
    pb = cp.playbook
    trace: list[TraceEntry] = []
    run, _ = situation_at(cp, case, today, cal, trace)
    # In place: the run keeps its trace, so the projection's timers and moves are traced too.
    project(run, today, in_place=True)
    action_ids = frozenset(a.id for a in pb.actions)
    actions = {step.rule_id for step in plan.schedule} | {step.rule_id for step in plan.next}
    actions |= _done_actions(trace, action_ids)
    shown = set(plan.avoid)
    return Exercised(
        actions=frozenset(actions & action_ids),
        moves=frozenset(traced_moves(trace, frozenset(t.id for t in pb.transitions))),
        avoid=frozenset(a.id for a in pb.avoid if a.text in shown),
    )


@dataclass(frozen=True, slots=True)
class PlaybookCoverage:
    """How much of one playbook the scenarios exercised."""

    playbook: Playbook
    rules: tuple[Rule, ...]
    seen: frozenset[str]

    def counts(self, category: str) -> tuple[int, int]:
        """(exercised, all) rules of one category."""
        of = [r for r in self.rules if r.category == category]
        return sum(1 for r in of if r.id in self.seen), len(of)

    @property
    def missing(self) -> tuple[Rule, ...]:
        """The rules never exercised, in the order written."""
        return tuple(r for r in self.rules if r.id not in self.seen)

    @property
    def exercised_count(self) -> int:
        """How many rules were exercised."""
        return len(self.rules) - len(self.missing)

    @property
    def percent(self) -> float:
        """Exercised rules as a percentage of all (100 for a playbook without rules)."""
        return 100.0 * self.exercised_count / len(self.rules) if self.rules else 100.0


@dataclass
class Tally:
    """What every scenario of a run exercised, per playbook file."""

    playbooks: dict[tuple[str, str], Playbook] = field(default_factory=dict)
    seen: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def add(self, playbook: Playbook, what: Exercised) -> None:
        """Count what one plan exercised."""
        key = (playbook.id, playbook.file)
        self.playbooks[key] = playbook
        self.seen.setdefault(key, set()).update(what.rule_ids)

    def report(self) -> list[PlaybookCoverage]:
        """Coverage of each playbook used, by id then file."""
        return [
            PlaybookCoverage(pb, rules_of(pb), frozenset(self.seen[key]))
            for key, pb in sorted(self.playbooks.items())
        ]


def total_percent(report: Sequence[PlaybookCoverage]) -> float:
    """Exercised rules of every playbook used, as a percentage of all their rules.

    0 when no scenario used a playbook: nothing was shown to work.
    """
    if not report:
        return 0.0
    every = sum(len(c.rules) for c in report)
    if not every:
        return 100.0
    return 100.0 * sum(c.exercised_count for c in report) / every


def coverage_text(report: Sequence[PlaybookCoverage]) -> str:
    """The coverage report as printed after the scenarios' summary."""
    return "\n".join(_lines(report)) + "\n"


def _lines(report: Sequence[PlaybookCoverage]) -> Iterator[str]:
    yield "Playbook coverage (rules the scenarios exercised)"
    if not report:
        yield "  No scenario used a playbook."
        return
    for cov in report:
        yield ""
        pb = cov.playbook
        yield (
            f"{pb.id} ({pb.file}): {cov.exercised_count} of {len(cov.rules)} exercised, "
            f"{cov.percent:.1f}%"
        )
        for category in CATEGORIES:
            done, every = cov.counts(category)
            yield f"  {HEADINGS[category]:<12} {done:>3} of {every}"
        if cov.missing:
            yield "  never exercised:"
            width = max(len(r.id) for r in cov.missing)
            for rule in cov.missing:
                yield f"    {rule.category:<10} {rule.id:<{width}}  {rule.origin}"
    every = sum(len(c.rules) for c in report)
    done = sum(c.exercised_count for c in report)
    yield ""
    yield f"Total: {done} of {every} rules exercised, {total_percent(report):.1f}%"


class CoverageRecorder:
    """A pytest plugin that records what every scenario's plans exercised (see module doc)."""

    def __init__(self) -> None:
        self.tally = Tally()

    def pytest_bdd_before_step(self, request: pytest.FixtureRequest) -> None:
        """Watch the plans of the scenario's world, from its first step on.

        Asked for here rather than by an autouse fixture: the world must be made after
        pytest-bdd's before-scenario hook, which tells it where the feature file is.
        """
        world = request.getfixturevalue("followup_world")
        if isinstance(world, World) and self.observe not in world.observers:
            world.observers.append(self.observe)

    def observe(self, world: World, plan: Plan) -> None:
        """Count what ``plan`` showed (called by the world with every plan it computes)."""
        cp = world.playbook()
        found = exercised(cp, world.built_case(), plan.today, world.calendar(), plan)
        self.tally.add(cp.playbook, found)
