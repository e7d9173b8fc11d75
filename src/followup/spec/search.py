"""The search behind ``followup spec --generate``: the shortest story that takes each move.

The search is breadth-first over stories told with the step library: a story starts from one of
a few things the employer may have said at the interview (:data:`SETUPS`) and grows one move at
a time, where a move is doing the next steps on their due days, staying silent until the next
timer fires, or recording one event the playbook reacts to.  Every story is run through the real
steps and engine, so each edge (a rule moving the case from one state) is first found by the
shortest story that takes it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from followup.bdd.world import World
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case, situation_at
from followup.engine.result import Plan, TraceEntry
from followup.engine.run import Run
from followup.model.playbook import (
    Compare,
    DateRule,
    Guard,
    Playbook,
    guard_tests,
)
from followup.model.vocabulary import CLOSED, PLAYBOOK_TRIGGERS
from followup.semantics.meaning import EVENTS
from followup.spec.coverage import traced_moves
from followup.spec.perform import Line, Performer, StepFailed, event_line

# A Monday, so the first week of every story has no weekend surprises.
INTERVIEW = date(2026, 3, 2)
# How far the search looks: moves per story, stories in all, and days after the interview.
MAX_MOVES = 8
MAX_STORIES = 6000
HORIZON = timedelta(days=400)
# Events recorded against the plan's advice, at most, in one story.
OFF_PLAN_CAP = 3
# Counts of check-ins and contacts above this are alike to the search.
COUNT_CAP = 5
# Days past a timer's date that staying silent is followed, for reminders due the same day.
REMINDER_DAYS = 7

# What the employer may have said at the interview: each story starts from one of these.
SETUPS: tuple[tuple[Line, ...], ...] = (
    (),
    (Line("given", f"the employer will decide by {INTERVIEW + timedelta(days=11)}"),),
    (Line("given", "the employer invited a follow-up after 1 week"),),
    (Line("given", "the employer invited a follow-up"),),
    (Line("given", "the employer asked me not to follow up"),),
    (Line("given", "the employer prefers phone"), Line("given", "the employer allows calls")),
)

# News a story may bring in when the playbook looks at it (a fact or a date it mentions).
# (The events that set a fact of their own name to true.)
NEWS_EVENTS = tuple(e.type for e in EVENTS.values() if (e.type, True) in e.sets)
# Facts that only a check-in changes: a playbook testing them may need one more check-in.
CHECK_IN_FACTS = frozenset(
    {"check_ins", "contacts", "check_ins_this_round", "check_ins_all_rounds", "contacts_all_rounds"}
)


def edges_of(playbook: Playbook) -> list[tuple[str, str]]:
    """Every ``(from state, rule id)`` a transition or timer of the playbook can take."""
    return [(source, t.id) for t in playbook.transitions for source in t.sources]


# -- the search -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Story:
    """A setup and the moves made since, with the state after each move."""

    setup: int
    moves: tuple[tuple[Line, ...], ...] = ()
    states: tuple[str, ...] = ()
    off_plan: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a story comes to: the plan at its last day, the run replayed, the edges taken."""

    plan: Plan
    run: Run
    edges: frozenset[tuple[str, str]]


class Explorer:
    """Tells stories under one playbook and remembers the shortest that takes each edge."""

    def __init__(self, cp: CompiledPlaybook, path: Path, performer: Performer) -> None:
        self.cp = cp
        self.path = path
        self.performer = performer
        self.transition_ids = frozenset(t.id for t in cp.playbook.transitions)
        self.news = news_events(cp.playbook)

    def world(self, story: Story) -> World:
        """A fresh scenario world with the story told so far."""
        world = World(playbook_ref=str(self.path))
        self.performer.perform(world, Line("given", f"an interview on {INTERVIEW}"))
        for line in SETUPS[story.setup]:
            self.performer.perform(world, line)
        for move in story.moves:
            for line in move:
                self.performer.perform(world, line)
        return world

    def outcome(self, story: Story) -> Outcome:
        """Run ``story`` and see where it ends.

        Raises:
            StepFailed: a move could not be made (the steps refused it).
        """
        world = self.world(story)
        case, cal = world.built_case(), world.calendar()
        # The world would find the same playbook again; asking the engine directly saves that
        # for every story (the chosen ones run through the world's own plan when checked).
        plan = plan_case(self.cp, case, world.today, cal)
        trace: list[TraceEntry] = []
        run, _ = situation_at(self.cp, case, plan.today, cal, trace)
        return Outcome(plan, run, frozenset(traced_moves(trace, self.transition_ids)))

    def moves(self, outcome: Outcome, story: Story) -> Iterator[tuple[tuple[Line, ...], int]]:
        """The moves a story can make next, each with the story's count of off-plan events.

        Follow the plan, stay silent until a timer fires, or record one event the playbook
        reacts to (at most :data:`OFF_PLAN_CAP` of those in a story).
        """
        plan, run = outcome.plan, outcome.run
        if plan.next:
            yield follow(self.cp, plan), story.off_plan
        fires = silence_until_timer(run, plan.today)
        if fires is not None:
            yield (Line("when", f"I check the plan on {fires}"),), story.off_plan
        if story.off_plan >= OFF_PLAN_CAP:
            return
        reacting = {trigger for state, trigger in self.cp.on_event if state == run.state}
        for event in PLAYBOOK_TRIGGERS:
            # News already in hand changes nothing when it comes again.
            if event in NEWS_EVENTS and getattr(run, event):
                continue
            if event in reacting or event in self.news:
                channel = "email" if EVENTS[event].contact else None
                yield (event_line(event, channel, plan.today),), story.off_plan + 1

    def explore(self, targets: set[tuple[str, str]]) -> dict[tuple[str, str], Story]:
        """The first (shortest) story found for each edge, until all ``targets`` are found."""
        first: dict[tuple[str, str], Story] = {}
        seen: set[tuple[object, ...]] = set()
        queue: deque[tuple[Story, Outcome]] = deque()
        for setup in range(len(SETUPS)):
            story = Story(setup)
            done = self.outcome(story)
            queue.append((story, done))
        told = 0
        while queue and told < MAX_STORIES and not targets <= first.keys():
            story, done = queue.popleft()
            for move, off_plan in self.moves(done, story):
                try:
                    reached = self.outcome(Story(story.setup, (*story.moves, move)))
                except StepFailed:
                    continue
                told += 1
                child = Story(
                    story.setup,
                    (*story.moves, move),
                    (*story.states, reached.plan.state),
                    off_plan,
                )
                # Edges count before the likeness check: a story may take a move its look-alike
                # did not, though from here on the two would go the same way.
                for edge in reached.edges:
                    first.setdefault(edge, child)
                key = _key(story.setup, reached)
                if key in seen:
                    continue
                seen.add(key)
                if len(child.moves) < MAX_MOVES and reached.plan.state != CLOSED:
                    queue.append((child, reached))
        return first


def silence_until_timer(run: Run, today: date) -> date | None:
    """The first day after ``today`` on which a timer fires if nothing is recorded.

    Usually the date of the next timer; a reminder due that same day is shown first and the
    timer fires once it lapses, so the days just after are tried too.
    """
    timer = run.next_timer()
    if timer is None or timer[0] - INTERVIEW > HORIZON:
        return None
    sim = run.clone()
    sim.trace = []
    for offset in range(REMINDER_DAYS + 1):
        day = max(timer[0], today + timedelta(days=1)) + timedelta(days=offset)
        sim.advance(day, inclusive=True)
        if any(entry.kind == "timer" for entry in sim.trace):
            return day
    return None


def _key(setup: int, outcome: Outcome) -> tuple[object, ...]:
    """What makes two stories alike enough that telling the later one adds nothing."""
    run = outcome.run
    return (
        setup,
        run.state,
        run.outcome,
        # Counts past a few tell stories apart without telling the playbook anything new.
        min(run.check_ins, COUNT_CAP),
        min(run.contacts, COUNT_CAP),
        run.round,
        frozenset(run.done.items()),
        run.competing_offer,
        run.portfolio_update,
        run.committed,
        run.networked,
        bool(outcome.plan.next),
    )


def follow(cp: CompiledPlaybook, plan: Plan) -> tuple[Line, ...]:
    """Do the next steps as the steps' 'I do the next step' would, written out as events.

    Overdue steps are done on the plan's day; a reminder (nothing to record) lapses at the end of
    its day, so the story moves on to the day after it.
    """
    lines: list[Line] = []
    latest = plan.today
    last_event: date | None = None
    for step in plan.next:
        on = max(step.due, plan.today)
        event = cp.completed_by.get(step.action)
        if event is None:
            latest = max(latest, on + timedelta(days=1))
        else:
            lines.append(event_line(event, step.channel, on))
            last_event = on if last_event is None else max(last_event, on)
            latest = max(latest, on)
    if last_event != latest:
        lines.append(Line("when", f"I check the plan on {latest}"))
    return tuple(lines)


def news_events(playbook: Playbook) -> set[str]:
    """Events worth recording off-plan because the playbook looks at what they change."""
    mentioned: set[str] = set()
    for t in playbook.transitions:
        mentioned |= _facts(t.when) | _anchors(t.after)
    for a in playbook.actions:
        mentioned |= _facts(a.when) | _anchors(a.due)
        for option in a.channel:
            mentioned |= _facts(option.when)
    for avoid in playbook.avoid:
        mentioned |= _facts(avoid.when)
    news = {e for e in NEWS_EVENTS if e in mentioned}
    if mentioned & CHECK_IN_FACTS:
        news.add("check_in_sent")
    return news


def _facts(guard: Guard | None) -> set[str]:
    return {t.fact for t in guard_tests(guard) if isinstance(t, Compare)}


def _anchors(rule: DateRule | None) -> set[str]:
    return set() if rule is None else {term.anchor for term in rule.terms}
