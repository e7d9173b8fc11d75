"""Turn YAML text into plain Python data plus a table of where every value was written.

The files come from users and may be hostile, so this reader is deliberately small and strict:

* it walks libyaml's event stream with an explicit stack instead of PyYAML's recursive
  constructor, so absurd nesting ends in a located error rather than a ``RecursionError``;
* it never constructs tagged objects (tags are refused outright), so nothing is executed;
* aliases reuse the object already built but are charged at their expanded size, so a
  "billion laughs" document is stopped after a bounded amount of work;
* plain scalars follow the YAML 1.2 core schema, so ``no``, ``on`` and ``2026-03-02`` stay
  text instead of silently becoming ``False``, ``True`` and a ``date``.
"""

from __future__ import annotations

import math
import pathlib
import re
from collections.abc import Generator, Mapping
from contextlib import closing
from dataclasses import dataclass
from typing import Final

import yaml
from yaml.reader import ReaderError

from followup.errors import InputError, Problem
from followup.io.user_files import read_user_bytes
from followup.io.yaml_errors import (
    COLON_IN_TEXT,
    decode,
    line_col,
    quote_value,
    reader_problem,
    syntax_problem,
)

Path_ = tuple[str | int, ...]

# libyaml is much faster and reports the same marks; the pure-Python parser is only a fallback.
_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml reports reader errors as a byte offset into the UTF-8 encoding, Python as a str index.
_BYTE_OFFSETS: Final = _LOADER is not yaml.SafeLoader

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

_MB: Final = 1024 * 1024
MAX_INT: Final = 2**63 - 1  # the largest whole number a file may hold


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed YAML file: its data and where each part of it was written.

    Attributes:
        file: Display name used in messages.
        data: ``dict[str, object] | list[object] | str | int | float | bool | None``.
        locations: 1-based ``(line, col)`` where the value at each path starts.
        key_locations: For mapping entries, 1-based ``(line, col)`` where the key starts.
    """

    file: str
    data: object
    locations: Mapping[Path_, tuple[int, int]]
    key_locations: Mapping[Path_, tuple[int, int]]

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Return where ``path`` was written, falling back to its nearest known ancestor.

        Paths inside an aliased subtree are not recorded, hence the fallback; ``(1, 1)`` if
        nothing on the way up is known.
        """
        if key and (found := self.key_locations.get(path)) is not None:
            return found
        for end in range(len(path), -1, -1):
            if (found := self.locations.get(path[:end])) is not None:
                return found
        return (1, 1)

    def problem(
        self, path: Path_, message: str, expected: str = "", *, key: bool = False, kind: str = ""
    ) -> Problem:
        """Build a Problem of ``kind`` located at ``path`` (at its key if ``key`` and known)."""
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message, expected, kind=kind)


def read_yaml_text(
    text: str, file: str, *, max_depth: int = 64, max_nodes: int = 100_000
) -> Document:
    """Parse one YAML document from ``text``.

    Args:
        text: The YAML source. A leading byte-order mark is ignored.
        file: Display name used in every problem.
        max_depth: Most mappings/lists that may be nested inside each other.
        max_nodes: Most nodes the document may have once every alias is expanded.

    Returns:
        The data (``None`` for an empty document) and its source locations.

    Raises:
        InputError: With one problem per issue found: invalid YAML, tags, non-text, merge or
            duplicate keys, unknown aliases, too deep, too large, or more than one document.
    """
    text = text.removeprefix("\ufeff")
    builder, failure = _parse(text, file, max_depth, max_nodes)
    if failure is not None:
        raise InputError(_beyond(text, file, max_depth, max_nodes, builder, failure)) from None
    if builder.problems:
        raise InputError(builder.problems)
    return Document(file, builder.root, builder.locations, builder.key_locations)


# How many colons inside unquoted text are quoted, one after the other, to read on past them.
MAX_REPAIRS: Final = 20


def _parse(text: str, file: str, max_depth: int, max_nodes: int) -> tuple[_Builder, Problem | None]:
    """Feed ``text`` to a builder; the syntax error that stopped it, if any."""
    builder = _Builder(file, max_depth, max_nodes)
    failure: Problem | None = None
    try:
        with closing(_events(text)) as events:
            for event in events:
                builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        failure = _own_limit_problem(text, file, exc, max_depth, max_nodes)
        failure = failure or syntax_problem(file, exc, text)
    except ReaderError as exc:
        failure = reader_problem(file, text, exc, _BYTE_OFFSETS)
    except yaml.YAMLError as exc:
        failure = Problem(file, 1, 1, str(exc), "valid YAML")
    except UnicodeEncodeError as exc:  # lone surrogates cannot be handed to libyaml
        line, col = line_col(text, exc.start)
        failure = Problem(file, line, col, "text contains an unpaired surrogate", "UTF-8 text")
    return builder, failure


def _beyond(
    text: str, file: str, max_depth: int, max_nodes: int, builder: _Builder, failure: Problem
) -> list[Problem]:
    """The problems up to a syntax error, and past it when the error is a colon in text.

    A colon inside unquoted text is a slip a coach makes in many sentences of one file, and
    quoting the value keeps every other line and column as written: so each such line is
    quoted in turn and the file read on, and every slip (and any other problem after them) is
    reported in one run instead of one per run.
    """
    problems = [*builder.problems, failure]
    for _ in range(MAX_REPAIRS):
        repaired = quote_value(text, failure.line) if failure.message == COLON_IN_TEXT else None
        if repaired is None:
            break
        text = repaired
        try:
            builder, found = _parse(text, file, max_depth, max_nodes)
        except InputError as err:  # one of our limits, past the slips
            problems += err.problems
            break
        problems += builder.problems
        if found is None:
            break
        problems.append(failure := found)
    return list(dict.fromkeys(problems))


def read_yaml_file(
    path: pathlib.Path | str,
    *,
    display: str | None = None,
    max_bytes: int = 2 * _MB,
    max_depth: int = 64,
    max_nodes: int = 100_000,
) -> Document:
    """Read and parse one YAML file, refusing oversized or non-UTF-8 files before parsing.

    Args:
        path: The file to read.
        display: Name used in messages; defaults to ``str(path)``.
        max_bytes: Largest file accepted; checked with ``os.stat`` before reading.
        max_depth: See :func:`read_yaml_text`.
        max_nodes: See :func:`read_yaml_text`.

    Returns:
        The parsed document.

    Raises:
        InputError: If the file is missing, unreadable, not a regular file (a directory, a
            FIFO, a device), too large, not UTF-8, or its YAML is refused by
            :func:`read_yaml_text`.
    """
    name = str(path) if display is None else display
    raw = read_user_bytes(path, name, "YAML file", max_bytes)
    return read_yaml_text(decode(raw, name), name, max_depth=max_depth, max_nodes=max_nodes)


@dataclass(slots=True)
class _Frame:
    """An open mapping or list, with what is needed to finish and place it."""

    container: dict[str, object] | list[object]
    path: Path_
    anchor: str | None
    where: tuple[int, int]
    start_total: int  # node count before this node: its expanded size is the difference
    key: object = _NO_KEY


class _Builder:
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


def _events(text: str) -> Generator[yaml.Event, None, None]:
    # A generator of our own so closing it (on an early stop) also disposes of the parser.
    yield from yaml.parse(text, Loader=_LOADER)


def _own_limit_problem(
    text: str, file: str, exc: yaml.MarkedYAMLError, max_depth: int, max_nodes: int
) -> Problem | None:
    """Our own limit that the text breaks before the place the parser stopped at, if any.

    libyaml reads up to about a thousand characters ahead of the events it hands out, and it
    has nesting limits of its own: on a deeply nested document it can stop, in its own words,
    before our builder has seen the level that breaks ours.  Only on that error path, the text
    *before* its stopping place is parsed again: there the parser runs out of text instead of
    out of levels, so our builder sees every level up to that place and our limit, if broken,
    is the problem reported (a cut text's own syntax error is ignored).
    """
    mark = exc.problem_mark
    if mark is None:
        return None
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    if mark.line >= len(starts):
        return None
    builder = _Builder(file, max_depth, max_nodes)
    try:
        with closing(_events(text[: starts[mark.line] + mark.column])) as events:
            for event in events:
                builder.feed(event)
    except InputError:
        return builder.problems[-1]  # the limit it stopped at (problems are added in order)
    except yaml.YAMLError:
        return None
    return None


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
