"""``followup show --format mermaid|dot|table``: the compiled state machine, drawn.

`graph` extracts a small graph model from the compiled `transitions` machine (with the engine's
built-in moves) and the playbook's recommended steps; `mermaid`, `dot` and `table` each render
that model and nothing else.  Parallel edges are merged first, so every move survives even where
a renderer draws only one edge per pair of states.
"""

from followup.render.diagram.dot import dot
from followup.render.diagram.graph import Edge, Graph, machine_graph
from followup.render.diagram.mermaid import mermaid
from followup.render.diagram.table import table

__all__ = ["Edge", "Graph", "dot", "machine_graph", "mermaid", "table"]
