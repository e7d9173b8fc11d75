"""`show --format mermaid|dot|table` draws the compiled machine, and every move survives."""

from __future__ import annotations

import re

import pytest

from followup import catalog
from followup.compile.machine import Move
from followup.render.diagram import dot, machine_graph, mermaid, table
from followup.render.diagram.graph import move_label, step_label
from followup.render.diagram.mermaid import LINE_BREAK, escape, node

COMPILED = {cp.id: cp for cp in catalog.load_all()}
MERMAID_EDGE = re.compile(r"^    (\S+) --> (\S+): (.*)$")
DOT_EDGE = re.compile(r'^  "([^"]+)" -> "([^"]+)" \[label="(.*)"\];$')


def machine_moves(cp):
    """Every transition of the compiled machine, as (source, dest, label), read independently."""
    found = []
    for trigger in cp.machine.events:
        for t in cp.machine.get_transitions(trigger):
            move = t.conditions[0].func
            assert isinstance(move, Move)
            found.append((t.source, t.dest, move_label(move)))
    return found


def mermaid_edges(text: str) -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for line in text.splitlines():
        m = MERMAID_EDGE.match(line)
        if m and "[*]" not in line:
            assert (m[1], m[2]) not in edges, f"two edges {m[1]} -> {m[2]}: one would be lost"
            edges[(m[1], m[2])] = m[3].split(LINE_BREAK)
    return edges


def dot_edges(text: str) -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for line in text.splitlines():
        m = DOT_EDGE.match(line)
        if m:
            assert (m[1], m[2]) not in edges
            assert m[3].endswith("\\l")
            edges[(m[1], m[2])] = m[3][: -len("\\l")].split("\\l")
    return edges


@pytest.mark.parametrize("pid", sorted(COMPILED))
def test_every_machine_transition_is_in_the_mermaid(pid):
    """Each transition (built-in replies too) is a label line of the one edge between its states."""
    cp = COMPILED[pid]
    edges = mermaid_edges(mermaid(machine_graph(cp)))
    moves = machine_moves(cp)
    assert any(label.startswith("reply ") for _, _, label in moves)
    for source, dest, label in moves:
        assert escape(label) in edges[(node(source), node(dest))], (source, dest, label)
    for state, actions in cp.actions.items():
        for ca in actions:
            assert escape(step_label(ca.action)) in edges[(node(state), node(state))]


@pytest.mark.parametrize("pid", sorted(COMPILED))
def test_every_machine_transition_is_in_the_dot(pid):
    """The same in Graphviz: one edge per pair of states, one label line per move."""
    cp = COMPILED[pid]
    edges = dot_edges(dot(machine_graph(cp)))
    for source, dest, label in machine_moves(cp):
        assert label.replace('"', '\\"') in edges[(source, dest)], (source, dest, label)


@pytest.mark.parametrize("pid", sorted(COMPILED))
def test_no_state_has_two_self_loops_in_mermaid(pid):
    """Mermaid draws one self-loop per state, so each state has at most one."""
    text = mermaid(machine_graph(COMPILED[pid]))
    loops = [m[1] for line in text.splitlines() if (m := MERMAID_EDGE.match(line)) and m[1] == m[2]]
    assert len(loops) == len(set(loops))
    assert loops  # steps are drawn as self-loops, so there is at least one


@pytest.mark.parametrize("pid", sorted(COMPILED))
def test_the_repeat_cap_is_visible_in_mermaid(pid):
    """A step's repeat cap shows on its self-loop (it used to be lost among parallel loops)."""
    cp = COMPILED[pid]
    caps = [a for a in cp.playbook.actions if a.repeat is not None and a.repeat.max is not None]
    text = mermaid(machine_graph(cp))
    for a in caps:
        assert f"max {a.repeat.max}" in text


@pytest.mark.parametrize("pid", sorted(COMPILED))
def test_output_is_well_formed(pid):
    """Quotes balance, labels hold no Mermaid syntax, and DOT strings hold no raw line breaks."""
    graph = machine_graph(COMPILED[pid])
    for line in mermaid(graph).splitlines():
        assert line.count('"') % 2 == 0, line
        m = MERMAID_EDGE.match(line)
        if m:
            bare = re.sub(r"#\d+;", "", m[3])
            assert ";" not in bare
            assert ":" not in bare
    for line in dot(graph).splitlines():
        assert len(re.findall(r'(?<!\\)"', line)) % 2 == 0, line


def test_labels_with_syntax_characters_are_escaped():
    """A label with ':', ';', '#', quotes and angle brackets is written as entity codes."""
    assert escape('a: b; "c" #1 <d>') == "a#58; b#59; #34;c#34; #35;1 #60;d#62;"


def test_table_lists_every_move_on_its_own_row():
    """The text table has one row per move, so it can be read and diffed without a renderer."""
    cp = COMPILED["week-then-on-hold"]
    text = table(machine_graph(cp))
    for source, dest, label in machine_moves(cp):
        assert re.search(
            rf"^  {re.escape(source)} -> {re.escape(dest)} +{re.escape(label)}$", text, re.M
        )
