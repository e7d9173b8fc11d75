"""Which facts a case can have in which state: the playbook's machine, explored over facts.

Lint needs to know, say, that no case is ever in ``interviewed`` having had a "still deciding"
reply.  Dates do not matter for that, facts do: this explores the compiled machine (its
`transitions` tables, timers and events as edges, the engine's replies too) over every value of
the facts the playbook's conditions read, with counts capped at one more than the largest
number they are compared with.  A recorded event may come at any time, as in a real case file;
a timer may fire whenever its condition holds and its date is known.  The result is exact about
facts and generous about time, so a rule reported as never firing really never fires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import product

from followup.compile.expressions import compile_guard
from followup.compile.machine import CompiledPlaybook, Move, reply_trigger
from followup.lint.graphs import components, reached
from followup.lint.reads import count_cap, guard_facts, rule_anchors
from followup.lint.spans import CALENDAR, span_dates
from followup.model.playbook import DateRule, Guard, Playbook, Span, guard_tests
from followup.model.vocabulary import CLOSED, FACTS, INITIAL_STATE, STATES
from followup.semantics.meaning import (
    ANCHOR_KNOWN_WHEN,
    AT_REST,
    CONTACT_COUNTS,
    EVENTS,
    FREE_EVENTS,
    FROM_CASE,
    REOPENABLE,
    REPLIES,
    ROUND_START,
    UNCHANGING,
)

# Anchors whose date is known exactly when a fact says so.
ANCHOR_FACTS = {anchor: fact for anchor, (fact, _) in ANCHOR_KNOWN_WHEN.items()}
STATIC = UNCHANGING
Vals = tuple[object, ...]
Node = tuple[str, bool, Vals]  # state, "closed by the playbook giving up", facts


class Probe:
    """Stands in for a running case when a compiled condition reads facts (and, for a test of
    the time between two dates, the dates: `followup.lint.spans`)."""

    outcome: str | None = None
    cal = CALENDAR


@dataclass(slots=True)
class Reach:
    """What exploring the machine found."""

    names: tuple[str, ...]
    states: dict[str, set[Vals]] = field(default_factory=dict)
    fired: set[int] = field(default_factory=set)  # id() of each Move that can fire
    closes: set[Node] = field(default_factory=set)  # nodes with a playbook route to closed
    nodes: set[Node] = field(default_factory=set)
    moves: dict[Node, list[Node]] = field(default_factory=dict)  # the playbook's own moves

    def resting(self) -> dict[str, tuple[Node, set[str]]]:
        """Where the cases the playbook never closes stay: each state of a group of such nodes
        its own moves never leave (a bottom strongly connected component), with a node of the
        group there and the other states whose never-closed cases come to it.  Fixing those
        states fixes the ones that lead to them, so lint reports them alone."""
        stuck = self.nodes - self.closes
        resting: dict[str, tuple[Node, set[str]]] = {}
        for group in components(sorted(stuck, key=str), self.moves):
            if any(nxt not in group for n in group for nxt in self.moves.get(n, ())):
                continue  # its cases move on to another group
            for node in sorted(group, key=str):
                resting.setdefault(node[0], (node, set()))
        back: dict[Node, list[Node]] = {}
        for node in stuck:
            for nxt in self.moves.get(node, ()):
                back.setdefault(nxt, []).append(node)
        for state, (_, leading) in resting.items():
            seen = reached(back, [n for n in stuck if n[0] == state])
            leading.update(n[0] for n in seen if n[0] not in resting)
        return resting

    def values(self, state: str, name: str) -> list[object]:
        """The values ``name`` takes in ``state`` (sorted for messages)."""
        i = self.names.index(name)
        return sorted({v[i] for v in self.states.get(state, ())}, key=str)


def tracked_facts(pb: Playbook, extra: set[str]) -> tuple[str, ...]:
    """The facts worth exploring: every fact a condition reads, and facts that date anchors."""
    facts = set(extra)
    for t in pb.transitions:
        facts |= guard_facts(t.when)
        facts |= {ANCHOR_FACTS[a] for a in rule_anchors(t.after) if a in ANCHOR_FACTS}
    for a in pb.actions:
        facts |= guard_facts(a.when)
        facts |= {ANCHOR_FACTS[x] for x in rule_anchors(a.due) if x in ANCHOR_FACTS}
        for option in a.channel:
            facts |= guard_facts(option.when)
    for d in pb.avoid:
        facts |= guard_facts(d.when)
    return tuple(sorted(facts))


def domain(pb: Playbook, fact: str) -> tuple[object, ...]:
    """Every value worth trying for ``fact`` (counts up to their cap)."""
    kind = FACTS.get(fact, "bool")  # else a test of the time between two dates (`Span`)
    if kind == "bool":
        return (False, True)
    if kind == "int":
        low = 1 if fact == "round" else 0
        return tuple(range(low, max(count_cap(pb, fact), low) + 1))
    assert isinstance(kind, tuple)
    return kind


class Explorer:
    """Explores one compiled playbook's machine over facts."""

    def __init__(self, cp: CompiledPlaybook, extra: set[str] | None = None) -> None:
        self.cp = cp
        self.pb = cp.playbook
        self.names = tracked_facts(self.pb, extra or set())
        self.at = {n: i for i, n in enumerate(self.names)}
        self.caps = {
            n: int(str(domain(self.pb, n)[-1])) for n in self.names if FACTS.get(n) == "int"
        }
        self.fired: set[int] = set()
        self._compiled: dict[int, Callable[[object], bool]] = {}
        self.probe = Probe()
        self._loaded: Vals | None = None
        for name in FACTS:
            setattr(self.probe, name, None)
        # A test of the time between two dates is explored as a fact; the probe carries dates
        # that give the answer explored, as a case's dates would.
        self.spans = span_dates(
            test
            for g in (*self.pb.conditions(), *(d.when for d in self.pb.avoid if d.when))
            for test in guard_tests(g)
            if isinstance(test, Span) and test.name in self.at
        )
        self._span_at = tuple(self.at[n] for n in self.spans.names)

    # -- facts -------------------------------------------------------------------------------

    def load(self, vals: Vals, reopenable: bool = True) -> Probe:
        """The probe, reading ``vals``."""
        probe = self.probe
        if self._loaded is not vals:
            for name, value in zip(self.names, vals, strict=True):
                setattr(probe, name, value)
            for attr, day in self.dates(vals):
                setattr(probe, attr, day)
            self._loaded = vals
        probe.outcome = REOPENABLE if reopenable else None  # None: closed for good
        return probe

    def possible(self, vals: Vals) -> bool:
        """Whether some dates give ``vals``'s answers to the tests of the time between two
        dates ("at least 3w" but not "at least 2w" between the same two dates: no)."""
        return self.spans.possible(tuple(bool(vals[i]) for i in self._span_at))

    def dates(self, vals: Vals) -> tuple[tuple[str, date | None], ...]:
        """The dates (``at_<anchor>``, the date) that give ``vals``'s answers to the tests of the
        time between two dates (none if the playbook has no such test)."""
        if not self._span_at:
            return ()
        answers = tuple(bool(vals[i]) for i in self._span_at)
        return tuple(zip(self.spans.attrs, self.spans.dates(answers), strict=True))

    def holds(self, guard: Guard | None, vals: Vals) -> bool:
        """Whether a condition holds for these facts."""
        if guard is None:
            return True
        test = self._compiled.get(id(guard))
        if test is None:
            test = self._compiled[id(guard)] = compile_guard(guard)
        return bool(test(self.load(vals)))

    def known(self, rule: DateRule | None, vals: Vals) -> bool:
        """Whether a date rule has a date for these facts (some anchor of it is known)."""
        if rule is None:
            return True
        for term in rule.terms:
            known_when = ANCHOR_KNOWN_WHEN.get(term.anchor)
            if known_when is None or known_when[0] not in self.at:
                return True
            fact, values = known_when
            if vals[self.at[fact]] in values:
                return True
        return False

    def _set(self, vals: Vals, **changes: object) -> Vals:
        out = list(vals)
        for name, value in changes.items():
            i = self.at.get(name)
            if i is not None:
                out[i] = value
        return tuple(out)

    def _add(self, vals: Vals, name: str, step: int) -> Vals:
        i = self.at.get(name)
        if i is None:
            return vals
        out = list(vals)
        value = out[i]
        assert isinstance(value, int)
        out[i] = min(value + step, self.caps[name])
        return tuple(out)

    def initial(self) -> Iterator[Vals]:
        """Every way a case can start: what the employer said, and everything else at rest."""
        free = FROM_CASE
        fixed = AT_REST
        # A test of the time between two dates is the employer's to decide, as a fact from
        # the case is; it is explored both ways where dates can give both, and nothing changes
        # it on a path (exact for a case's first dates; a new decision date from a reply may in
        # truth change it).
        choices = [
            domain(self.pb, n) if n in free or n not in fixed else (fixed[n],) for n in self.names
        ]
        yield from filter(self.possible, product(*choices))

    # -- moves ---------------------------------------------------------------------------------

    def recorded(self, vals: Vals, event: str) -> Iterator[Vals]:
        """The facts after the job seeker records ``event`` (by a direct channel or not)."""
        meaning = EVENTS[event]
        out = []
        direct = vals
        for name in CONTACT_COUNTS:
            direct = self._add(direct, name, 1)
        for v in (vals, direct) if meaning.contact else (vals,):
            for name in meaning.counts:
                v = self._add(v, name, 1)
            out.append(self._set(v, **dict(meaning.sets)))
        yield from dict.fromkeys(out)

    def replies(self, vals: Vals) -> Iterator[tuple[str, Vals]]:
        """Each reply the employer may send, and the facts after it."""
        for r in REPLIES.values():
            if r.new_round:
                round_ = vals[self.at["round"]] if "round" in self.at else 1
                assert isinstance(round_, int)
                starts = {**ROUND_START, "last_reply": r.outcome}
                starts["round"] = min(round_ + 1, self.caps.get("round", 1))
                after = self._set(vals, **starts)
                yield r.outcome, self._set(after, **dict(r.sets))
            elif r.restarts_nudges:
                base = self._set(vals, last_reply=r.outcome, check_ins=0, **dict(r.sets))
                yield r.outcome, base
                yield r.outcome, self._set(base, has_decision_date=True)
            elif r.remembered:
                yield r.outcome, self._set(vals, last_reply=r.outcome, **dict(r.sets))
            else:
                yield r.outcome, self._set(vals, **dict(r.sets))

    def first(self, state: str, trigger: str, vals: Vals, reopenable: bool) -> Move | None:
        """The move a trigger takes (the first whose condition holds), if any."""
        for move in self.cp.on_event.get((state, trigger), ()):
            if move.guard(self.load(vals, reopenable)):
                return move
        return None

    def successors(self, node: Node) -> Iterator[tuple[Node, bool]]:
        """Every next node, each with whether the playbook's own rules took it there."""
        state, reopenable, vals = node
        for event in FREE_EVENTS:
            for after in self.recorded(vals, event):
                move = self.first(state, event, after, reopenable)
                yield self._moved(node, move, after), True
        for move in self.cp.timers.get(state, ()):
            assert move.rule is not None
            if move.guard(self.load(vals, reopenable)) and self.known(move.rule.after, vals):
                yield self._moved(node, move, vals), True
        if state == CLOSED and not reopenable:
            return  # news after an offer, a rejection or withdrawing changes nothing
        for outcome, after in self.replies(vals):
            move = self.first(state, reply_trigger(outcome), after, reopenable)
            yield self._moved(node, move, after), False
        for e in EVENTS.values():
            if e.closes_as is not None:
                move = self.first(state, e.type, vals, reopenable)
                yield self._moved(node, move, vals), False

    def _moved(self, node: Node, move: Move | None, vals: Vals) -> Node:
        state, reopenable, _ = node
        if move is None:
            return (state, reopenable, vals)
        if move.rule is not None:
            self.fired.add(id(move))
        if move.dest == CLOSED:
            return (CLOSED, move.outcome == REOPENABLE, vals)
        return (move.dest, False, vals)

    # -- the whole machine ---------------------------------------------------------------------

    def explore(self) -> Reach:
        """Every node reachable from the start, and which of them the playbook can close."""
        self.fired = set()
        reach = Reach(self.names)
        start = [(INITIAL_STATE, False, v) for v in self.initial()]
        seen: set[Node] = set(start)
        todo = list(start)
        back: dict[Node, list[Node]] = {}
        while todo:
            node = todo.pop()
            reach.states.setdefault(node[0], set()).add(node[2])
            for nxt, own in self.successors(node):
                if own:
                    back.setdefault(nxt, []).append(node)
                    reach.moves.setdefault(node, []).append(nxt)
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reach.nodes = seen
        closing = [n for n in seen if n[0] == CLOSED]
        reach.closes = set(closing)
        todo = closing
        while todo:
            for prev in back.get(todo.pop(), ()):
                if prev not in reach.closes:
                    reach.closes.add(prev)
                    todo.append(prev)
        reach.fired = self.fired
        for s in STATES:
            reach.states.setdefault(s, set())
        return reach
