"""Near-miss documents for property tests: a real file with one to three values changed.

Shared by the tests that hold the languages' declarations, loaders and schemas to each other
(`pyproject.toml` puts this folder on the test path, so tests import it as ``mutations``).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st


def paths(node: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in ``node`` below its root, depth first."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, (*path, i))
    return found


def mutate(draw: st.DrawFn, base: object, values: Sequence[object], keys: Sequence[str]) -> Any:
    """A copy of ``base`` with one to three values replaced, dropped, or keys added."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        how = draw(st.sampled_from(["set", "drop", "add"]))
        if how == "set":
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(values)))
        elif how == "drop":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            key = draw(st.sampled_from(keys))
            parent[path[-1]][key] = copy.deepcopy(draw(st.sampled_from(values)))
    return data
