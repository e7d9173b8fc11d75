"""A playbook's state machine as Mermaid or Graphviz DOT, with timers, guards and caps on edges."""

from __future__ import annotations

from followup.model.playbook import Playbook
from followup.model.vocabulary import CLOSED, INITIAL_STATE, STATES
from followup.render.rules_words import guard_words


def _edges(pb: Playbook) -> list[tuple[str, str, str]]:
    edges: list[tuple[str, str, str]] = []
    for t in pb.transitions:
        label = f"on {t.on}" if t.on else f"after {t.after}"
        if t.when:
            label += f" [{guard_words(t.when)}]"
        if t.outcome:
            label += f" / {t.outcome}"
        edges.extend((src, t.dest, label) for src in t.sources)
    for a in pb.actions:
        label = f"do {a.kind} at {a.due}"
        if a.repeat:
            label += f", every {a.repeat.every.duration}"
            if a.repeat.max is not None:
                label += f", max {a.repeat.max}"
        if a.when:
            label += f" [{guard_words(a.when)}]"
        edges.extend((s, s, label) for s in a.states)
    for state in STATES[:-1]:
        edges.append((state, CLOSED, "reply offer / rejection, or you withdrew"))
    return edges


def _node(state: str) -> str:
    return state.replace("-", "_")


def mermaid(pb: Playbook) -> str:
    """A Mermaid stateDiagram-v2."""
    lines = ["stateDiagram-v2", f"    %% {pb.id}: {pb.title}"]
    lines += [f'    state "{s}" as {_node(s)}' for s in STATES]
    lines.append(f"    [*] --> {_node(INITIAL_STATE)}")
    for src, dest, label in _edges(pb):
        safe = label.replace(":", " ").replace(";", ",")
        lines.append(f"    {_node(src)} --> {_node(dest)}: {safe}")
    lines.append(f"    {_node(CLOSED)} --> [*]")
    return "\n".join(lines) + "\n"


def dot(pb: Playbook) -> str:
    """A Graphviz digraph."""
    lines = [f'digraph "{pb.id}" {{', "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    lines.append(f'  start [shape=point]; start -> "{INITIAL_STATE}";')
    lines.append(f'  "{CLOSED}" [shape=doublecircle];')
    for src, dest, label in _edges(pb):
        safe = label.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  "{src}" -> "{dest}" [label="{safe}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
