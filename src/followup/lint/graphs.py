"""Graphs of states or nodes: where moves lead, and the groups of them that lead to each other."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from followup.model.playbook import Transition

N = TypeVar("N")


def moves_of(transitions: Iterable[Transition]) -> dict[str, set[str]]:
    """Each state to the states these transitions lead to from it."""
    edges: dict[str, set[str]] = {}
    for t in transitions:
        for source in t.sources:
            edges.setdefault(source, set()).add(t.dest)
    return edges


def reached(edges: Mapping[N, Iterable[N]], start: Iterable[N]) -> set[N]:
    """The states (or nodes) reached from ``start`` along ``edges`` (each to those it moves
    to), ``start`` included."""
    seen = set(start)
    todo = list(seen)
    while todo:
        for dest in edges.get(todo.pop(), ()):
            if dest not in seen:
                seen.add(dest)
                todo.append(dest)
    return seen


def components(nodes: Iterable[N], moves: Mapping[N, list[N]]) -> list[set[N]]:
    """The strongly connected components of ``nodes`` along ``moves`` (Tarjan's algorithm,
    without recursion: a playbook's machine may have thousands of nodes)."""
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    stack: list[N] = []
    on_stack: set[N] = set()
    found: list[set[N]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(moves.get(root, ())))]
        while work:
            node, rest = work[-1]
            for nxt in rest:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(moves.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group: set[N] = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    found.append(group)
    return found
