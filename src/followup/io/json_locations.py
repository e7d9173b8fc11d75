"""Where each value and key of one JSON line was written, found only when a problem asks.

The standard `json` parser returns values without positions.  A batch of 100,000 cases would pay
for positions it never uses, so a line's locations are worked out on first use, by walking the
line again with `json`'s own decoder (C code) for each key and each whole value: the top level
first (enough for a case's own keys), every depth only when a nested part is asked for.  The
line itself and its first key need no walk at all (a batch asks where each case's id is, and
most lines start with it).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Mapping

from followup.io.yaml_reader import Path_

_SPACE = re.compile(r"[ \t\n\r]*")
# The first key of a line's object and the start of its value.
_FIRST_KEY = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*("[^"\\]*")[ \t\n\r]*:[ \t\n\r]*')
_value_end = json.JSONDecoder().raw_decode
Where = tuple[int, int]
_NONE_YET: dict[Path_, Where] = {}


class _Positions(Mapping[Path_, Where]):
    """A mapping of positions answered by ``get`` (which knows when no walk is needed), and
    listed from the whole walk (``_all``)."""

    __slots__ = ()

    def get(self, path: Path_, default: Where | None = None) -> Where | None:  # type: ignore[override]
        raise NotImplementedError

    def _all(self) -> dict[Path_, Where]:
        raise NotImplementedError

    def __getitem__(self, path: Path_) -> Where:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class LineLocations(_Positions):
    """1-based ``(line, col)`` of each value of one JSON line (`KeyLocations`: of its keys)."""

    __slots__ = ("_keys", "_values", "depth", "lineno", "text")

    def __init__(self, text: str, lineno: int) -> None:
        self.text = text
        self.lineno = lineno
        self.depth = 0  # how far the line has been walked: 0 not at all, 1 the top, 2 all
        # Replaced, never changed, by the walk: until then both share one empty mapping.
        self._values: dict[Path_, Where] = _NONE_YET
        self._keys: dict[Path_, Where] = _NONE_YET

    def get(self, path: Path_, default: Where | None = None) -> Where | None:  # type: ignore[override]
        """Where the value at ``path`` starts (``default`` if the line has none there)."""
        if path == ():
            return (self.lineno, 1 if self.text[:1] == "{" else _skip(self.text, 0) + 1)
        found = self.first_key(path, keys=False)
        if found is not None:
            return found
        return self.walked(len(path) > 1)[0].get(path, default)

    def _all(self) -> dict[Path_, Where]:
        return self.walked(True)[0]

    def first_key(self, path: Path_, *, keys: bool) -> Where | None:
        """Where the line's first key (or its value) is, when ``path`` names that key and it
        is written once in the whole line; else None (a walk is needed)."""
        if len(path) != 1 or self.depth:
            return None
        first = _FIRST_KEY.match(self.text)
        if first is None:
            return None
        quoted = first.group(1)
        if quoted[1:-1] != path[0] or self.text.count(quoted) != 1:
            return None
        return (self.lineno, first.start(1) + 1 if keys else first.end() + 1)

    def walked(self, deep: bool) -> tuple[dict[Path_, Where], dict[Path_, Where]]:
        """The values' and the keys' locations, the line walked at least as deep as asked."""
        wanted = 2 if deep else 1
        if self.depth < wanted:
            values: dict[Path_, int] = {}
            keys: dict[Path_, int] = {}
            # Not JSON after all (the parser has said so): keep what was found.
            with contextlib.suppress(ValueError, IndexError):
                _walk(self.text, _skip(self.text, 0), (), values, keys, deep)
            self._values = {p: (self.lineno, col) for p, col in values.items()}
            self._keys = {p: (self.lineno, col) for p, col in keys.items()}
            self.depth = wanted
        return self._values, self._keys


class KeyLocations(_Positions):
    """1-based ``(line, col)`` of each key of one JSON line, from its `LineLocations`."""

    __slots__ = ("line",)

    def __init__(self, line: LineLocations) -> None:
        self.line = line

    def get(self, path: Path_, default: Where | None = None) -> Where | None:  # type: ignore[override]
        """Where the key ending ``path`` starts (``default`` if the line has none there)."""
        found = self.line.first_key(path, keys=True)
        if found is not None:
            return found
        return self.line.walked(len(path) > 1)[1].get(path, default)

    def _all(self) -> dict[Path_, Where]:
        return self.line.walked(True)[1]


def line_locations(text: str, lineno: int) -> tuple[LineLocations, KeyLocations]:
    """The values' and the keys' locations of one JSON line, both worked out when first used."""
    values = LineLocations(text, lineno)
    return values, KeyLocations(values)


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
