"""Where each value and key of one JSON line was written, found only when a problem asks.

The standard `json` parser returns values without positions.  A batch of 100,000 cases would pay
for positions it never uses, so a line's locations are worked out on first use, by walking the
line again with `json`'s own decoder (C code) for each key and each whole value: the top level first
(enough for a case's own keys), every depth only when a nested part is asked for.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Mapping

from followup.io.yaml_reader import Path_

_SPACE = re.compile(r"[ \t\n\r]*")
# The first key of a line's object and the start of its value (most writers put ``id`` first).
_FIRST_KEY = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*("[^"\\]*")[ \t\n\r]*:[ \t\n\r]*')
_value_end = json.JSONDecoder().raw_decode
Where = tuple[int, int]


class LineScan:
    """The positions in one JSON line, walked once per depth needed."""

    def __init__(self, text: str, lineno: int) -> None:
        self.text = text
        self.lineno = lineno
        self.values: dict[Path_, Where] = {}
        self.keys: dict[Path_, Where] = {}
        self.depth = 0  # 0: not walked; 1: the top level; 2: every level

    def walked(self, deep: bool) -> LineScan:
        """This scan, walked at least as deep as asked."""
        wanted = 2 if deep else 1
        if self.depth < wanted:
            values: dict[Path_, int] = {}
            keys: dict[Path_, int] = {}
            # Not JSON after all (the parser has said so): keep what was found.
            with contextlib.suppress(ValueError, IndexError):
                _walk(self.text, _skip(self.text, 0), (), values, keys, deep)
            self.values = {p: (self.lineno, col) for p, col in values.items()}
            self.keys = {p: (self.lineno, col) for p, col in keys.items()}
            self.depth = wanted
        return self


class LineLocations(Mapping[Path_, Where]):
    """1-based ``(line, col)`` of each value of a JSON line, or (``keys``) of each key."""

    def __init__(self, scan: LineScan, *, keys: bool = False) -> None:
        self.scan = scan
        self.of_keys = keys

    def _found(self, path: Path_ | None) -> dict[Path_, Where]:
        scan = self.scan.walked(deep=path is None or len(path) > 1)
        return scan.keys if self.of_keys else scan.values

    def __getitem__(self, path: Path_) -> Where:
        text = self.scan.text
        if path == () and not self.of_keys:
            return (self.scan.lineno, _skip(text, 0) + 1)
        if len(path) == 1 and self.scan.depth == 0 and (first := _FIRST_KEY.match(text)):
            # The first key, written once in the whole line: where it is needs no walk (a batch
            # asks where each case's id is, and most lines start with it).
            quoted = first.group(1)
            if quoted[1:-1] == path[0] and text.count(quoted) == 1:
                col = first.start(1) + 1 if self.of_keys else first.end() + 1
                return (self.scan.lineno, col)
        return self._found(path)[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._found(None))

    def __len__(self) -> int:
        return len(self._found(None))


def line_locations(text: str, lineno: int) -> tuple[LineLocations, LineLocations]:
    """The values' and the keys' locations of one JSON line, both worked out when first used."""
    scan = LineScan(text, lineno)
    return LineLocations(scan), LineLocations(scan, keys=True)


def _skip(text: str, i: int) -> int:
    """Past any white space at ``i``."""
    found = _SPACE.match(text, i)
    assert found is not None  # it matches the empty string
    return found.end()


def _walk(
    text: str, i: int, path: Path_, values: dict[Path_, int], keys: dict[Path_, int], deep: bool
) -> int:
    """Record where the value at ``i`` starts, and (at the top, or ``deep``) where its parts
    and their keys start; return where it ends."""
    opening = text[i]  # past the end of a cut-short line: nothing to record
    values[path] = i + 1
    if opening not in "{[" or (path and not deep):
        return _value_end(text, i)[1]
    closing = "}" if opening == "{" else "]"
    i = _skip(text, i + 1)
    index = 0
    while text[i] != closing:
        part: str | int
        if opening == "{":
            name, after = _value_end(text, i)
            assert isinstance(name, str)  # the parser read this line: a key is a string
            part = name
            keys[(*path, part)] = i + 1
            i = _skip(text, _skip(text, after) + 1)  # past the colon
        else:
            part, index = index, index + 1
        i = _skip(text, _walk(text, i, (*path, part), values, keys, deep))
        if text[i] == ",":
            i = _skip(text, i + 1)
    return i + 1
