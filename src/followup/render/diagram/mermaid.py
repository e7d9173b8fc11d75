"""A graph as a Mermaid ``stateDiagram-v2``."""

from __future__ import annotations

from followup.render.diagram.graph import Graph

# Characters that end or break a transition label, written as Mermaid's entity codes ("#58;" is
# ":"), in one pass so that no code is escaped again.
ESCAPES = str.maketrans({c: f"#{ord(c)};" for c in '#:;"<>'})
LINE_BREAK = "<br/>"


def node(state: str) -> str:
    """A Mermaid id for a state (ids cannot hold '-')."""
    return state.replace("-", "_")


def escape(text: str) -> str:
    """Label text with every character Mermaid would read as syntax written as its code."""
    return text.translate(ESCAPES)


def mermaid(graph: Graph) -> str:
    """The diagram: one transition line per pair of states, its moves one label line each."""
    lines = ["stateDiagram-v2", f"    %% {escape(graph.name)}: {escape(graph.title)}"]
    lines += [f'    state "{escape(s)}" as {node(s)}' for s in graph.states]
    lines.append(f"    [*] --> {node(graph.initial)}")
    for edge in graph.edges:
        label = LINE_BREAK.join(escape(text) for text in edge.labels)
        lines.append(f"    {node(edge.source)} --> {node(edge.dest)}: {label}")
    lines.append(f"    {node(graph.final)} --> [*]")
    return "\n".join(lines) + "\n"
