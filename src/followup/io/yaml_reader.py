"""Turn YAML text into plain Python data plus a table of where every value was written.

The files come from users and may be hostile, so this reader is deliberately small and strict:

* it walks libyaml's event stream with an explicit stack instead of PyYAML's recursive
  constructor, so absurd nesting ends in a located error rather than a ``RecursionError``;
* it never constructs tagged objects (tags are refused outright), so nothing is executed;
* aliases reuse the object already built but are charged at their expanded size, so a
  "billion laughs" document is stopped after a bounded amount of work;
* plain scalars follow the YAML 1.2 core schema, so ``no``, ``on`` and ``2026-03-02`` stay
  text instead of silently becoming ``False``, ``True`` and a ``date``.

The walk itself (stack, aliases, tags, scalars) is `followup.io.yaml_tree`'s; this module reads
the file, runs the parser, and turns its errors into located problems.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Generator, Mapping
from contextlib import closing
from dataclasses import dataclass
from typing import Final

import yaml
from yaml.reader import ReaderError

from followup.errors import InputError, Problem
from followup.io.user_files import HAND_WRITTEN_LIMIT, read_user_bytes
from followup.io.yaml_errors import (
    COLON_IN_TEXT,
    decode,
    line_col,
    quote_value,
    reader_problem,
    syntax_problem,
)
from followup.io.yaml_tree import Path_, TreeBuilder

__all__ = ["Document", "Path_", "read_yaml_file", "read_yaml_text"]

# libyaml is much faster and reports the same marks; the pure-Python parser is only a fallback.
_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml reports reader errors as a byte offset into the UTF-8 encoding, Python as a str index.
# The file names a YAML file goes by: playbooks and case files alike.
YAML_SUFFIXES: Final = (".yaml", ".yml")
_BYTE_OFFSETS: Final = _LOADER is not yaml.SafeLoader


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


def _parse(
    text: str, file: str, max_depth: int, max_nodes: int
) -> tuple[TreeBuilder, Problem | None]:
    """Feed ``text`` to a builder; the syntax error that stopped it, if any."""
    builder = TreeBuilder(file, max_depth, max_nodes)
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
    text: str, file: str, max_depth: int, max_nodes: int, builder: TreeBuilder, failure: Problem
) -> list[Problem]:
    """The problems up to a syntax error, and past it when the error is a colon in text.

    A colon inside unquoted text is a slip a coach makes in many sentences of one file, and
    quoting the value keeps every other line and column as written: so each such line is
    quoted in turn and the file read on, and every slip (and any other problem after them) is
    reported in one run instead of one per run.
    """
    problems = [*builder.problems, failure]
    for _ in range(MAX_REPAIRS):
        repaired = (
            quote_value(text, failure.line, failure.col)
            if failure.message == COLON_IN_TEXT
            else None
        )
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
    max_bytes: int = HAND_WRITTEN_LIMIT,
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
    builder = TreeBuilder(file, max_depth, max_nodes)
    try:
        with closing(_events(text[: starts[mark.line] + mark.column])) as events:
            for event in events:
                builder.feed(event)
    except InputError:
        return builder.problems[-1]  # the limit it stopped at (problems are added in order)
    except yaml.YAMLError:
        return None
    return None
