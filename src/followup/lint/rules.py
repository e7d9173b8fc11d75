"""The checks lint runs on a playbook that loads; each files located problems with a code.

Places: a problem points at the part of a rule that is wrong (its ``when``, ``from``, ``in``,
``repeat``...) when the rule was written in the file being linted, else at the rule itself
(a rule merged in from the playbook it ``extends`` points into that file).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

from followup.compile.machine import CompiledPlaybook, Move
from followup.errors import Problem
from followup.io.yaml_reader import Document, Path_
from followup.lint.reach import Explorer, Reach, domain
from followup.lint.reads import guard_facts
from followup.model.playbook import Action, Avoid, DateRule, Guard, Origin, Transition
from followup.model.vocabulary import OPEN_STATES, STATES

Rule = Action | Transition | Avoid
SECTIONS = {Transition: "transitions", Action: "actions", Avoid: "avoid"}


def kind_of(rule: Rule) -> str:
    """How a message names a rule."""
    if isinstance(rule, Transition):
        return "timer" if rule.after is not None else "transition"
    return "action" if isinstance(rule, Action) else "don't"


@dataclass
class Checks:
    """The playbook, its file, what exploring its machine found, and the problems so far."""

    cp: CompiledPlaybook
    doc: Document | None
    reach: Reach
    explorer: Explorer
    problems: list[Problem] = field(default_factory=list)
    _paths: dict[tuple[str, int, int], Path_] = field(default_factory=dict)

    def __post_init__(self) -> None:
        doc = self.doc
        if doc is None or not isinstance(doc.data, dict):
            return
        for section in SECTIONS.values():
            rules = doc.data.get(section)
            if isinstance(rules, list):
                for i in range(len(rules)):
                    line, col = doc.where((section, i))
                    self._paths[(doc.file, line, col)] = (section, i)

    def report(self, code: str, rule: Rule | None, part: str, message: str, expected: str) -> None:
        """File a problem at ``part`` of ``rule`` (or at the top of the file)."""
        file, line, col = self.place(rule.origin if rule else None, part)
        self.problems.append(Problem(file, line, col, message, expected, code))

    def place(self, origin: Origin | None, part: str) -> tuple[str, int, int]:
        """Where to point: ``part`` of the rule written at ``origin`` if it is in this file."""
        if origin is None:
            file = self.doc.file if self.doc else self.cp.playbook.file
            doc = self.doc
            if doc is not None and part and isinstance(doc.data, dict) and part in doc.data:
                return (file, *doc.where((part,), key=True))
            return file, 1, 1
        path = self._paths.get((origin.file, origin.line, origin.col))
        if path is None or self.doc is None:
            return origin.file, origin.line, origin.col
        if part:
            found = self.doc.locations.get((*path, part))
            if found is not None:
                key = self.doc.key_locations.get((*path, part))
                return (self.doc.file, *(key or found))
        return origin.file, origin.line, origin.col


def rules_of(cp: CompiledPlaybook) -> list[Rule]:
    """Every rule, in file order within each section."""
    pb = cp.playbook
    return [*pb.transitions, *pb.actions, *pb.avoid]


# -- L109: a rule without a citation -------------------------------------------------------------


def no_citation(c: Checks) -> None:
    """Rules without ``source:``."""
    for rule in rules_of(c.cp):
        if not rule.cite.part:
            c.report(
                "L109",
                rule,
                "",
                f"{kind_of(rule)} '{rule.id}' has no source: nothing says which part of the "
                "article it encodes",
                "source: the article's section this rule comes from",
            )


# -- L104: rules that can never fire -------------------------------------------------------------


def show(values: Iterable[object]) -> str:
    return ", ".join(str(v).lower() if isinstance(v, bool) else str(v) for v in values)


def satisfiable(c: Checks, guard: Guard) -> bool:
    """Whether some values of its facts make a condition hold, whatever the state."""
    facts = sorted(guard_facts(guard))
    explorer = c.explorer
    base = list(next(iter(explorer.initial())))
    for values in product(*(domain(c.cp.playbook, f) for f in facts)):
        vals = list(base)
        for f, v in zip(facts, values, strict=True):
            vals[explorer.at[f]] = v
        if explorer.possible(tuple(vals)) and explorer.holds(guard, tuple(vals)):
            return True
    return False


def _where_values(c: Checks, states: Iterable[str], guard: Guard | None) -> str:
    facts = sorted(guard_facts(guard))
    parts = []
    for f in facts:
        values = sorted({v for s in states for v in c.reach.values(s, f)}, key=lambda v: str(v))
        parts.append(f"{f} is {show(values) or 'never set'}")
    return "; ".join(parts)


def _applies(c: Checks, state: str, guard: Guard | None, date: DateRule | None) -> bool:
    return any(
        c.explorer.holds(guard, v) and c.explorer.known(date, v)
        for v in c.reach.states.get(state, ())
    )


def never_fires(c: Checks) -> None:
    """Conditions that contradict themselves or their states; moves that are always pre-empted."""
    for rule in rules_of(c.cp):
        if rule.when is not None and not satisfiable(c, rule.when):
            c.report(
                "L104",
                rule,
                "when",
                f"the condition of {kind_of(rule)} '{rule.id}' can never hold: no values of "
                f"{', '.join(sorted(guard_facts(rule.when)))} satisfy it",
                "a condition that some case can meet",
            )
            continue
        if isinstance(rule, Transition) and rule.on is not None:
            _event_never_fires(c, rule)
            continue
        states = _states_of(rule)
        live = [s for s in states if c.reach.states.get(s)]
        if not live:
            continue  # no state of the rule is reached: L101 says so
        date = _date_of(rule)
        if any(_applies(c, s, rule.when, date) for s in live):
            continue
        if rule.when is not None and not any(_applies(c, s, rule.when, None) for s in live):
            why = f"its condition never holds there ({_where_values(c, live, rule.when)})"
            part = "when"
        else:
            why = "its date is never known there (the anchors it is measured from are unknown)"
            part = "after" if isinstance(rule, Transition) else "due"
        shown = "shown" if isinstance(rule, Avoid) else "applies"
        c.report(
            "L104",
            rule,
            part,
            f"{kind_of(rule)} '{rule.id}' never {shown} in {show(live)}: {why}",
            "a condition and date that some case in those states meets, or other states",
        )


def _states_of(rule: Rule) -> tuple[str, ...]:
    if isinstance(rule, Transition):
        return rule.sources
    if isinstance(rule, Avoid) and not rule.states:
        return STATES
    return rule.states


def _date_of(rule: Rule) -> DateRule | None:
    if isinstance(rule, Transition):
        return rule.after
    return rule.due if isinstance(rule, Action) else None


def _moves_of(c: Checks, rule: Transition) -> list[Move]:
    return [
        m
        for group in (*c.cp.on_event.values(), *c.cp.timers.values())
        for m in group
        if m.rule is rule
    ]


def _event_never_fires(c: Checks, rule: Transition) -> None:
    if any(id(m) in c.reach.fired for m in _moves_of(c, rule)):
        return
    assert rule.on is not None
    live = [s for s in rule.sources if c.reach.states.get(s)]
    if not live:
        return
    holds = any(
        c.explorer.holds(rule.when, after)
        for s in live
        for v in c.reach.states[s]
        for after in c.explorer.recorded(v, rule.on)
    )
    if holds:
        earlier = [
            m.rule.id
            for s in live
            for m in c.cp.on_event.get((s, rule.on), ())
            if m.rule is not None and m.rule is not rule
        ]
        first = show(dict.fromkeys(earlier))
        why = f"an earlier transition on {rule.on} always comes first ({first})"
        part = "on"
    else:
        values = _where_values(c, live, rule.when)
        why = f"its condition never holds right after {rule.on} there ({values})"
        part = "when"
    c.report(
        "L104",
        rule,
        part,
        f"transition '{rule.id}' never fires from {show(live)}: {why}",
        "a condition that holds for some case there, or transitions in another order",
    )


# -- L101: states no path reaches ------------------------------------------------------------------


def unreachable_states(c: Checks) -> None:
    """Rules written for states no case reaches (rules for ``any`` state are fine)."""
    dead = [s for s in STATES if not c.reach.states.get(s)]
    for rule in rules_of(c.cp):
        states = _states_of(rule)
        if set(states) >= set(OPEN_STATES):
            continue
        part = "from" if isinstance(rule, Transition) else "in"
        for s in states:
            if s in dead:
                c.report(
                    "L101",
                    rule,
                    part,
                    f"{kind_of(rule)} '{rule.id}' is for state '{s}', which no case ever "
                    "reaches: nothing moves into it",
                    f"a transition into '{s}', or no rules for it",
                )


# -- L102: states from which the playbook never closes the case -----------------------------------


def no_route_to_closed(c: Checks) -> None:
    """Reachable states from which the playbook's own rules never lead to ``closed``."""
    if c.cp.playbook.never_closes is not None:
        return  # the coach said so, with a reason (`followup.lint.statements` checks it holds)
    routing = sorted(
        {f for t in c.cp.playbook.transitions for f in guard_facts(t.when)}
        | {
            f
            for f in ("has_decision_date", "has_follow_up_after", "last_reply")
            if f in c.reach.names
        }
    )
    resting = c.reach.resting()
    for state in OPEN_STATES:
        if state not in resting:
            continue
        example, leading = resting[state]
        facts = "; ".join(f"{f} is {show([example[2][c.reach.names.index(f)]])}" for f in routing)
        which = f"for some cases (for example: {facts})" if facts else "for any case"
        also = [s for s in OPEN_STATES if s in leading]
        led = (
            f"; cases in {', '.join(repr(s) for s in also)} come to it and stay too" if also else ""
        )
        rule = _first_rule_for(c, state)
        c.report(
            "L102",
            rule,
            "from" if isinstance(rule, Transition) else "in" if rule else "transitions",
            f"from state '{state}' the playbook never leads to 'closed' {which}; such a case "
            f"stays open unless the employer answers{led}",
            f"a timer from '{state}' that moves to 'closed', or"
            " 'closes: {never: REASON}' if the playbook is meant to wait for their word",
        )


def _first_rule_for(c: Checks, state: str) -> Rule | None:
    pb = c.cp.playbook
    for t in pb.transitions:
        if state in t.sources:
            return t
    for t in pb.transitions:
        if t.dest == state:
            return t
    for a in pb.actions:
        if state in a.states:
            return a
    return None
