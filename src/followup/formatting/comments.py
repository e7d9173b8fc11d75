"""Find every comment in YAML source text, with its place, without trusting a YAML library to.

A ``#`` starts a comment only outside every token (a quoted or block scalar may contain ``#``)
and after white space or at the start of a line.  So the text is tokenised with PyYAML's scanner
(libyaml when available, like the safe reader) and each ``#`` outside all token spans, preceded
by white space or nothing, starts a comment that runs to the end of its line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

import yaml

# The same parser as `followup.io.yaml_reader`, so lines and columns agree with the Document's.
LOADER: Final[type[yaml.SafeLoader | yaml.CSafeLoader]] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)
# The line breaks YAML (and libyaml's line counting) recognises.
LINE_BREAK: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_WHOLE_LINE: Final = 1 << 30


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment: 0-based line and column of its ``#``, its text, and how it sits.

    Attributes:
        own_line: Nothing but white space precedes it on its line.
        blank_before: The line just above is blank (only meaningful for ``own_line``).
    """

    line: int
    col: int
    text: str
    own_line: bool
    blank_before: bool = False


def scan(text: str) -> list[yaml.Token]:
    """Every token of ``text`` (which must already have passed the safe reader)."""
    return list(yaml.scan(text, Loader=LOADER))


def find_comments(text: str, tokens: list[yaml.Token]) -> list[Comment]:
    """Every comment in ``text``, in order, with trailing white space removed."""
    lines = LINE_BREAK.split(text)
    taken = _token_spans(tokens)
    found: list[Comment] = []
    blank_above = False
    for number, line in enumerate(lines):
        spans = taken.get(number, ())
        if (0, _WHOLE_LINE) in spans:
            blank_above = False
            continue
        col = _comment_start(line, spans)
        if col >= 0:
            own = not line[:col].strip()
            found.append(Comment(number, col, line[col:].rstrip(), own, own and blank_above))
        blank_above = not line.strip()
    return found


def comment_texts(text: str) -> Counter[str]:
    """How many times each comment text occurs (to check none was lost or invented)."""
    return Counter(c.text for c in find_comments(text, scan(text)))


def _token_spans(tokens: list[yaml.Token]) -> dict[int, list[tuple[int, int]]]:
    """Per line, the column ranges covered by a token; a whole line is ``(0, _WHOLE_LINE)``."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for token in tokens:
        start, end = token.start_mark, token.end_mark
        if start is None or end is None or (start.line, start.column) == (end.line, end.column):
            continue
        first = start.line
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            # A block scalar's header line may end in a comment; its content starts a line below.
            first += 1
            if first > end.line or (first == end.line and end.column == 0):
                continue
            spans.setdefault(first, []).append((0, _WHOLE_LINE))
        elif first == end.line:
            spans.setdefault(first, []).append((start.column, end.column))
            continue
        else:
            spans.setdefault(first, []).append((start.column, _WHOLE_LINE))
        for middle in range(first + 1, end.line):
            spans.setdefault(middle, []).append((0, _WHOLE_LINE))
        if end.column > 0:
            spans.setdefault(end.line, []).append((0, end.column))
    return spans


def _comment_start(line: str, spans: list[tuple[int, int]] | tuple[()]) -> int:
    """Column of the ``#`` starting a comment on ``line``, or -1."""
    col = line.find("#")
    while col >= 0:
        inside = any(a <= col < b for a, b in spans)
        if not inside and (col == 0 or line[col - 1] in " \t"):
            return col
        col = line.find("#", col + 1)
    return -1
