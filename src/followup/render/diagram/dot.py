"""A graph as a Graphviz ``digraph``."""

from __future__ import annotations

from followup.render.diagram.graph import Graph


def quoted(text: str) -> str:
    """A DOT double-quoted string (backslashes and quotes escaped, no raw line breaks)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{body}"'


def dot(graph: Graph) -> str:
    """The diagram: one edge per pair of states, its moves one left-aligned label line each."""
    lines = [
        f"digraph {quoted(graph.name)} {{",
        "  rankdir=LR;",
        "  node [shape=box, style=rounded];",
        f"  start [shape=point]; start -> {quoted(graph.initial)};",
        f"  {quoted(graph.final)} [shape=doublecircle];",
    ]
    for edge in graph.edges:
        # "\l" ends a left-justified line inside a DOT label.
        label = "".join(quoted(text)[1:-1] + "\\l" for text in edge.labels)
        lines.append(f'  {quoted(edge.source)} -> {quoted(edge.dest)} [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
