"""The tree builder behind `followup.io.yaml_reader`: libyaml's events to plain data and places.

It keeps an explicit stack instead of recursing, so nesting is bounded by our own limit; it
charges an alias at its expanded size; it refuses tags; and it resolves plain scalars with the
YAML 1.2 core schema.  Every value's place (line, column) is kept for located errors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

import yaml

from followup.errors import InputError, Problem

Path_ = tuple[str | int, ...]

MAX_INT: Final = 2**63 - 1  # the largest whole number a file may hold
_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS: Final = {
    word: word[0] in "tT" for word in ("true", "True", "TRUE", "false", "False", "FALSE")
}
_SPECIAL_FLOATS: Final = {
    f"{sign}.{word}": value
    for word in ("inf", "Inf", "INF")
    for sign, value in (("", math.inf), ("+", math.inf), ("-", -math.inf))
} | {".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan}
_INT: Final = re.compile(r"[-+]?[0-9]+")
_RADIX: Final = re.compile(r"0x[0-9a-fA-F]+|0o[0-7]+")
_FLOAT: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
# Any plain scalar that is not null/bool/number starts with something else; checking the first
# character keeps ordinary text (the vast majority of scalars) off the regex path entirely.
_SPECIAL_START: Final = frozenset("0123456789+-.~nNtTfF")

_NO_KEY: Final = object()  # the mapping is waiting for a key
_SKIP: Final = object()  # the pending value belongs to a refused key: build it, then drop it


@dataclass(slots=True)
class _Frame:
    """An open mapping or list, with what is needed to finish and place it."""

    container: dict[str, object] | list[object]
    path: Path_
    anchor: str | None
    where: tuple[int, int]
    start_total: int  # node count before this node: its expanded size is the difference
    key: object = _NO_KEY


class TreeBuilder:
    """Builds plain data from parser events, collecting problems instead of stopping at one."""

    def __init__(self, file: str, max_depth: int, max_nodes: int) -> None:
        self.file = file
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.problems: list[Problem] = []
        self.locations: dict[Path_, tuple[int, int]] = {}
        self.key_locations: dict[Path_, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[object, int]] = {}
        self.stack: list[_Frame] = []
        self.total = 0  # nodes so far, counting every alias at its expanded size
        self.root: object = None
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if isinstance(event, yaml.ScalarEvent):
            self._place(where)
            if event.tag is not None:
                self._refuse_tag(event.tag, where)
            plain = event.implicit[0]
            value: object = event.value
            if plain and (not event.value or event.value[0] in _SPECIAL_START):
                value = self._resolve(event.value, where)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            self._attach(value, where, event.value if plain else None)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(self.stack) >= (limit := self.max_depth):
                self._stop(where, f"nesting is deeper than {limit} levels", f"at most {limit}")
            path = self._place(where)
            if event.tag is not None:
                self._refuse_tag(event.tag, where)
            container: dict[str, object] | list[object] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            self.stack.append(_Frame(container, path, event.anchor, where, self.total - 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.container, self.total - frame.start_total)
            self._attach(frame.container, frame.where, None)
        elif isinstance(event, yaml.AliasEvent):
            name = event.anchor or ""
            value, size = self.anchors.get(name, (None, 1))
            if name not in self.anchors:
                # An anchor is registered only once its node is complete, so this also catches
                # an alias inside its own anchor: no cyclic data can ever be built.
                self._add(
                    where,
                    f"unknown alias '*{_short(name)}'",
                    f"an anchor '&{_short(name)}' on a complete node earlier in the file",
                )
            self.total += size - 1
            self._place(where)
            self._attach(value, where, None)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._stop(where, "only one YAML document is allowed", "a single document")

    def _place(self, where: tuple[int, int]) -> Path_:
        """Count one more node and return its path, recording where it starts if it is a value."""
        self.total += 1
        if self.total > self.max_nodes:
            self._stop(
                where,
                f"the document expands to more than {self.max_nodes} nodes (alias bomb?)",
                f"at most {self.max_nodes} nodes with aliases expanded",
            )
        if not self.stack:
            path: Path_ = ()
        else:
            top = self.stack[-1]
            if isinstance(top.container, list):
                path = (*top.path, len(top.container))
            elif isinstance(top.key, str):
                path = (*top.path, top.key)
            else:
                # A key, or the value of a refused key: a problem is already on record, so this
                # throwaway path never reaches a caller.
                return top.path
        self.locations[path] = where
        return path

    def _attach(self, value: object, where: tuple[int, int], raw: str | None) -> None:
        """Put a finished node into its parent (as a list item, a key, or a key's value)."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        elif top.key is _NO_KEY:
            top.key = self._check_key(top, value, where, raw)
        else:
            if isinstance(top.key, str):
                top.container[top.key] = value
            top.key = _NO_KEY

    def _check_key(
        self, top: _Frame, key: object, where: tuple[int, int], raw: str | None
    ) -> object:
        """Return the key to use for the next value, or _SKIP after recording why not."""
        if raw == "<<":
            self._add(where, "merge keys '<<' are not supported", "the keys written out in full")
            return _SKIP
        if not isinstance(key, str):
            hint = f"a text key such as '{_short(raw)}' (quoted)" if raw else "a text key"
            if isinstance(key, dict | list):
                hint = "a text key, not a list or mapping"
            self._add(where, "keys must be text", hint)
            return _SKIP
        path = (*top.path, key)
        if key in top.container:
            first = self.key_locations.get(path, where)[0]
            self._add(
                where,
                f"duplicate key {_short(key)!r} (first at line {first})",
                "each key at most once per mapping",
            )
            return _SKIP
        self.key_locations[path] = where
        return key

    def _resolve(self, value: str, where: tuple[int, int]) -> object:
        try:
            resolved = _resolve_plain(value)
        except ValueError:  # Python refuses to convert absurdly long digit strings
            resolved = MAX_INT + 1
        # Past 64 bits a whole number fits none of the C integers counts and days end up in
        # (OverflowError far from the file), and past 4,300 digits Python cannot even print it.
        if type(resolved) is int and not -MAX_INT <= resolved <= MAX_INT:
            digits = len(value.lstrip("+-")) - (2 if value[:2] in ("0x", "0o") else 0)
            expected = f"a whole number between -{MAX_INT} and {MAX_INT}"
            self._add(where, f"number has {digits} digits", expected)
            return value
        return resolved

    def _refuse_tag(self, tag: str, where: tuple[int, int]) -> None:
        shown = "!!" + tag[18:] if tag.startswith("tag:yaml.org,2002:") else tag
        self._add(
            where,
            f"YAML tags such as {_short(shown)!r} are not allowed",
            "plain values without '!' tags",
        )

    def _add(self, where: tuple[int, int], message: str, expected: str) -> None:
        self.problems.append(Problem(self.file, where[0], where[1], message, expected))

    def _stop(self, where: tuple[int, int], message: str, expected: str) -> None:
        self._add(where, message, expected)
        raise InputError(self.problems)


def _resolve_plain(value: str) -> object:
    """Resolve a plain scalar with the YAML 1.2 core schema: anything unrecognised stays text."""
    if value in _NULLS:
        return None
    if (boolean := _BOOLS.get(value)) is not None:
        return boolean
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if (special := _SPECIAL_FLOATS.get(value)) is not None:
        return special
    if _RADIX.fullmatch(value):
        return int(value[2:], 16 if value[1] == "x" else 8)
    return value


def _short(text: str | None, limit: int = 40) -> str:
    """Clip user text quoted in a message so a hostile file cannot flood the terminal."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 3] + "..."
