"""Load a playbook for lint, and give the loader's own problems their lint codes.

The loader already refuses a state or a fact that does not exist and rules for ``closed``; lint
reports those problems with the loader's message (it suggests the closest name) under a stable
code.  A quick look at the raw data finds where they are, so the codes follow the places.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from followup.compile.machine import CompiledPlaybook, compile_playbook
from followup.errors import InputError, Problem, UsageError
from followup.io.yaml_reader import Document, Path_, read_yaml_file
from followup.model.vocabulary import CLOSED, FACTS, STATES

LOAD = "L001"
UNKNOWN_STATE = "L103"
CLOSED_RULE = "L105"
UNKNOWN_FACT = "L107"
COMBINERS = ("all", "any", "not")


def _states(doc: Document, path: Path_, value: object) -> Iterator[tuple[Path_, str]]:
    """Each state a rule names, with where it is written."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield (*path, i), item
    elif isinstance(value, str) and value != "any":
        yield path, value


def _conditions(path: Path_, value: object) -> Iterator[tuple[Path_, str]]:
    """Every key of a condition (facts and combiners, nested), with its path."""
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if not isinstance(key, str):
            continue
        yield (*path, key), key
        if key in ("all", "any") and isinstance(item, list):
            for i, sub in enumerate(item):
                yield from _conditions((*path, key, i), sub)
        elif key == "not":
            yield from _conditions((*path, key), item)


def coded_places(doc: Document) -> dict[tuple[int, int], str]:
    """Where the loader will complain about states, facts and ``closed``, and the code for it."""
    data = doc.data
    places: dict[tuple[int, int], str] = {}
    if not isinstance(data, dict):
        return places
    for section, state_keys in (
        ("transitions", ("from", "to")),
        ("actions", ("in",)),
        ("avoid", ("in",)),
    ):
        rules = data.get(section)
        if not isinstance(rules, list):
            continue
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict):
                continue
            base: Path_ = (section, i)
            for key in state_keys:
                for where, state in _states(doc, (*base, key), rule.get(key)):
                    if state not in STATES:
                        places[doc.where(where)] = UNKNOWN_STATE
                    elif state == CLOSED and key in ("from", "in") and section != "avoid":
                        places[doc.where((*base, key))] = CLOSED_RULE
            conditions = [((*base, "when"), rule.get("when"))]
            channel = rule.get("channel")
            if isinstance(channel, list):
                conditions += [
                    ((*base, "channel", j, "when"), c.get("when"))
                    for j, c in enumerate(channel)
                    if isinstance(c, dict)
                ]
            for path, condition in conditions:
                for where, key in _conditions(path, condition):
                    if key not in FACTS and key not in COMBINERS:
                        places[doc.where(where, key=True)] = UNKNOWN_FACT
    return places


def coded(problems: tuple[Problem, ...], doc: Document | None) -> list[Problem]:
    """The loader's problems, each with its lint code."""
    places = coded_places(doc) if doc is not None else {}
    out: list[Problem] = []
    for p in problems:
        code = LOAD
        if doc is not None and p.file == doc.file:
            code = places.get((p.line, p.col), LOAD)
        out.append(replace(p, code=code))
    return out


def load(
    path: Path, dirs: tuple[Path, ...]
) -> tuple[Document | None, CompiledPlaybook | None, list[Problem]]:
    """Read, check (following ``extends``) and compile a playbook file for lint.

    Returns:
        The document (None if unreadable), the compiled playbook (None if it does not load),
        and the loader's problems with their codes.

    Raises:
        UsageError: one of ``dirs`` is not a folder.
    """
    from followup import catalog

    try:
        doc = read_yaml_file(path)
    except InputError as err:
        return None, None, coded(err.problems, None)
    try:
        playbook = catalog.build_document(doc, path, dirs)
    except InputError as err:
        return doc, None, coded(err.problems, doc)
    except UsageError:
        raise
    return doc, compile_playbook(playbook), []
