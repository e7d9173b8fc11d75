"""A graph as a plain-text table: one row per move, for reading or diffing without a renderer."""

from __future__ import annotations

from followup.render.diagram.graph import Graph


def table(graph: Graph) -> str:
    """Rows of ``from -> to  what``, each move on its own row, grouped by pair of states."""
    rows = [(e.source, e.dest, label) for e in graph.edges for label in e.labels]
    width = max((len(s) + len(d) for s, d, _ in rows), default=0) + 4
    lines = [f"{graph.name}: {graph.title}", f"starts in {graph.initial}, ends in {graph.final}"]
    lines += [f"  {f'{s} -> {d}':<{width}}  {label}" for s, d, label in rows]
    return "\n".join(lines) + "\n"
