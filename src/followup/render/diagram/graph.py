"""A small graph model of a compiled playbook: states, and one edge per pair of states.

The moves come from the compiled `transitions` machine through its public API
(``machine.states``, ``machine.events``, ``machine.get_transitions``, and each transition's
condition, which is our `Move`), so the engine's built-in replies are drawn exactly as they run.
Recommended steps are not transitions; they are drawn as annotated self-loops, taken from the
compiled playbook.  Renderers may draw only one edge between two states (Mermaid draws one
self-loop per state), so parallel edges are merged here: one edge, one label line per move.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.compile.machine import REPLY_PREFIX, TIMER_PREFIX, CompiledPlaybook, Move
from followup.model.playbook import Action
from followup.model.vocabulary import CLOSED
from followup.render.rules_words import guard_words

# Label lines are ordered: the playbook's own moves, its steps, then the engine's moves.
OWN, STEP, ENGINE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Edge:
    """Every move (and step) from ``source`` to ``dest``, one label line each."""

    source: str
    dest: str
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Graph:
    """What a diagram shows: the states in order, where a case starts and ends, and the edges."""

    name: str
    title: str
    states: tuple[str, ...]
    initial: str
    final: str
    edges: tuple[Edge, ...]


def move_label(move: Move) -> str:
    """One move in a line: what fires it, when it holds, and how it closes the case."""
    rule = move.rule
    if move.trigger.startswith(TIMER_PREFIX):
        assert rule is not None  # a timer is always a rule's
        assert rule.after is not None
        text = f"after {rule.after}"
    elif move.trigger.startswith(REPLY_PREFIX):
        text = f"reply {move.trigger.removeprefix(REPLY_PREFIX)}"
    else:
        text = f"on {move.trigger}"
    if rule is not None and rule.when is not None:
        text += f" [{guard_words(rule.when)}]"
    elif move.condition:
        text += f" [{move.condition}]"
    if move.outcome:
        text += f" / {move.outcome}"
    return text


def step_label(action: Action) -> str:
    """A recommended step in a line: its kind, due date, repeats and condition."""
    text = f"do {action.kind} at {action.due}"
    if action.repeat:
        text += f", every {action.repeat.every.duration}"
        if action.repeat.max is not None:
            text += f", max {action.repeat.max}"
    if action.when:
        text += f" [{guard_words(action.when)}]"
    return text


def machine_graph(cp: CompiledPlaybook) -> Graph:
    """The graph of ``cp``: every transition of its machine, and its steps as self-loops."""
    machine = cp.machine
    states = tuple(machine.states)
    lines: list[tuple[int, str, str, str]] = []
    for trigger in machine.events:
        for transition in machine.get_transitions(trigger):
            move = transition.conditions[0].func
            if not isinstance(move, Move):  # pragma: no cover - compile adds only Moves
                raise TypeError(f"unexpected condition on {trigger}")
            rank = ENGINE if move.rule is None else OWN
            dest = transition.dest or transition.source  # None would be an internal move
            lines.append((rank, transition.source, dest, move_label(move)))
    for state in states:
        lines += [(STEP, state, state, step_label(ca.action)) for ca in cp.actions.get(state, ())]
    initial = str(machine.initial)
    return Graph(cp.id, cp.playbook.title, states, initial, CLOSED, merge(lines, states))


def merge(lines: list[tuple[int, str, str, str]], states: tuple[str, ...]) -> tuple[Edge, ...]:
    """One edge per (source, dest), its labels in rank order without repeats."""
    grouped: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for rank, source, dest, label in lines:
        grouped.setdefault((source, dest), []).append((rank, label))
    order = {s: i for i, s in enumerate(states)}
    edges = []
    for (source, dest), labels in sorted(
        grouped.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]])
    ):
        ranked = sorted(labels, key=lambda rl: rl[0])  # stable: file order within a rank
        edges.append(Edge(source, dest, tuple(dict.fromkeys(label for _, label in ranked))))
    return tuple(edges)
