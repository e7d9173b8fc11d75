"""YAML errors as a user reads them: located, and the slips coaches make most in their words.

libyaml names what its scanner met: a character that "cannot start any token", mapping values
"not allowed in this context".  A coach needs the cause and the remedy: a tab in the
indentation (YAML indents with spaces), or a colon and a space inside unquoted text (which
starts a new key: the text needs quotes).
"""

from __future__ import annotations

import re
from typing import Final

import yaml
from yaml.reader import ReaderError

from followup.errors import InputError, Problem

TAB_INDENT: Final = "a tab character in the indentation; YAML indents with spaces"
COLON_IN_TEXT: Final = "a colon followed by a space inside unquoted text starts a new key"
# A line `key: value` (or `- key: value`) whose value is plain text: group 1 is all up to the
# value, group 2 the value itself (no quote, flow, block or anchor indicator first).  The key
# holds no flow bracket: a line of a flow mapping is taken item by item (`_FLOW_ITEM`).
_PLAIN_KEY: Final = re.compile(r"^(\s*(?:-\s+)*[^\s#'\"{\[][^:#{\[]*:\s+)([^'\"{\[|>&*!].*?)\s*$")
# One `key: value` item of a flow mapping (`{id: x, advice: Go: now.}`), between its commas
# or brackets: the same two groups.
_FLOW_ITEM: Final = re.compile(r"^(\s*[^\s#'\"{\[,][^:#{\[,]*:\s+)([^'\"{\[|>&*!].*?)\s*$")


def teach(text: str, line: int, col: int) -> tuple[int, str, str] | None:
    """What a syntax error at ``line``:``col`` is, if it is one of ours: (column, message,
    expected).  None when the place shows neither a tab nor a colon inside text."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    indent = len(source) - len(source.lstrip(" \t"))
    if "\t" in source[: max(indent, col)] and col <= indent + 1:
        return source.index("\t") + 1, TAB_INDENT, "spaces"
    found = _plain_value(source, col) if source[col - 1 : col] == ":" else None
    if found is not None:
        start, end, key = found
        quoted = _escaped(source[start:end])
        return col, COLON_IN_TEXT, f'the text in quotes: {key} "{quoted}"'
    return None


def quote_value(text: str, line: int, col: int) -> str | None:
    """``text`` with the plain value holding the colon at ``line``:``col`` in double quotes,
    or None if there is none.

    Every other line is kept as written, so the places of later problems do not move.
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    found = _plain_value(source, col)
    if found is None:
        return None
    start, end, _ = found
    lines[line - 1] = f'{source[:start]}"{_escaped(source[start:end])}"{source[end:]}'
    return "\n".join(lines)


def _plain_value(source: str, col: int) -> tuple[int, int, str] | None:
    """Where the plain value holding column ``col`` of a line starts and ends (0-based, end
    excluded), and its key: the value of a `key: value` line, or of one item of a flow
    mapping on it.  None when ``col`` is in no such value."""
    at = col - 1
    match = _PLAIN_KEY.match(source)
    offset = 0
    if match is None and "{" in source[:at]:
        offset = max(source.rfind(sep, 0, at) for sep in ",{[") + 1
        ends = [i for sep in ",}]" if (i := source.find(sep, at)) >= 0]
        match = _FLOW_ITEM.match(source[offset : min(ends, default=len(source))])
    if match is None:
        return None
    start = offset + match.end(1)
    end = start + len(match.group(2))
    if not start < col <= end:
        return None
    return start, end, match.group(1).strip().lstrip("- ")


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def line_col(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def syntax_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """A syntax error at the parser's mark, in our words when it is a slip we know."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    taught = teach(text, line, col)
    if taught is not None:
        return Problem(file, line, taught[0], taught[1], taught[2])
    message = exc.problem or exc.context or "invalid YAML"
    # libyaml's context often points at the same line and then only adds noise.
    if (
        exc.problem
        and exc.context
        and exc.context_mark
        and mark
        and exc.context_mark.line != mark.line
    ):
        message += f", {exc.context} at line {exc.context_mark.line + 1}"
    return Problem(file, line, col, message, "valid YAML")


def reader_problem(file: str, text: str, exc: ReaderError, byte_offsets: bool) -> Problem:
    """A character the YAML reader refuses, located (``byte_offsets``: libyaml counts bytes)."""
    index = int(exc.position)
    if byte_offsets:
        index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    line, col = line_col(text, index)
    return Problem(file, line, col, f"{exc.reason} (found U+{char:04X})", "valid YAML")


def decode(raw: bytes, name: str) -> str:
    """A file's bytes as text, without a byte-order mark.

    Raises:
        InputError: the bytes are not UTF-8, located at the first bad byte.
    """
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        line_start = head.rfind(b"\n") + 1
        col = len(head[line_start:].decode("utf-8", "replace")) + 1
        message = f"byte 0x{raw[exc.start]:02X} is not valid UTF-8"
        raise InputError.at(name, head.count(b"\n") + 1, col, message, "UTF-8 text") from None
