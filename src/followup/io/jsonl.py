"""JSON Lines of cases, one case per line, for batches: each line becomes a located document.

A bad line is reported as an `InputError` in place of its document, so one mistake in a batch
of 100,000 does not stop the other 99,999.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from followup.errors import InputError, Problem
from followup.io.json_locations import line_locations
from followup.io.user_files import Line, bounded_lines, open_user_file, size_words
from followup.io.yaml_reader import Document

MAX_LINE_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark, which some editors put first
_COUNT_CHUNK = 1024 * 1024
# A lone surrogate once decoded (json.loads joins the escaped halves of a pair into one character).
_LONE = re.compile("[\ud800-\udfff]")
MAX_INT = 2**63 - 1  # the largest whole number a case may hold
_MAX_DIGITS = len(str(MAX_INT)) + 1  # with a sign


class _TooLarge(Exception):
    """A whole number in the JSON too large to be a count or a date part (its digits)."""

    def __init__(self, digits: str) -> None:
        super().__init__(digits[:40])
        self.digits = digits


def _sized_int(digits: str) -> int:
    """``int`` for the JSON parser, refusing numbers past 64 bits before converting them.

    Past 4,300 digits Python refuses the conversion itself (a ValueError the parser does not
    locate); past 2**63 a number no longer fits the C integers counts end up in.
    """
    if len(digits) > _MAX_DIGITS or abs(value := int(digits)) > MAX_INT:
        raise _TooLarge(digits)
    return value


# One decoder for every line: json.loads with any keyword builds a new decoder per call.
_decode = json.JSONDecoder(parse_int=_sized_int).decode


def line_document(text: str, file: str, lineno: int) -> Document:
    """One JSON line as a document whose problems point at that line.

    Raises:
        InputError: the line is not JSON (located at the line and column of the fault).
    """
    try:
        data = _decode(text)
    except _TooLarge as big:
        col = text.find(big.digits) + 1 or 1
        message = f"number has {len(big.digits.lstrip('-'))} digits"
        expected = f"a whole number between -{MAX_INT} and {MAX_INT}"
        problem = Problem(file, lineno, col, message, expected)
        raise InputError([problem]) from None
    except json.JSONDecodeError as err:
        problem = Problem(file, lineno, err.colno, f"not valid JSON ({err.msg})", "one JSON object")
        raise InputError([problem]) from None
    except RecursionError:
        problem = Problem(file, lineno, 1, "the JSON is nested too deeply", "a flat case object")
        raise InputError([problem]) from None
    if ("\\ud" in text or "\\uD" in text) and (col := _surrogate_column(text, data)):
        # JSON may escape half a UTF-16 pair; Python keeps it, and writing it anywhere fails.
        problem = Problem(file, lineno, col, "text contains an unpaired surrogate", "UTF-8 text")
        doc = Document(file, data, *line_locations(text, lineno))
        raise InputError(name_case(doc, [problem]))
    return Document(file, data, *line_locations(text, lineno))


def _surrogate_column(text: str, data: object) -> int:
    """Where the first escaped surrogate is (1-based) if ``data`` holds a lone one, else 0."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _LONE.search(item):
                return min(i for i in (text.find("\\ud"), text.find("\\uD")) if i >= 0) + 1
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return 0


def name_case(doc: Document, problems: list[Problem]) -> list[Problem]:
    """``problems`` of one batch line, each naming the line's case (``case 'ID': ...``).

    A line number alone does not say which case of a 100,000 went wrong to someone reading the
    report next to the output; problems that already name the case are left as they are.
    """
    data = doc.data
    case_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(case_id, str):
        return problems
    named = f"case '{case_id}'"
    return [
        p if p.message.startswith(named) else replace(p, message=f"{named}: {p.message}")
        for p in problems
    ]


Where_ = tuple[str, int, int]  # a file, line and column


def repeated_id(case_id: str, where: Where_, first: Where_) -> Problem:
    """A case of a batch whose id an earlier case already has: located at its id, naming the
    case and where the earlier one is (its line in a JSON Lines file, else its file)."""
    file, line, col = where
    earlier = f"on line {first[1]}" if first[0] == file else f"in {first[0]}"
    message = f"case '{case_id}': the id is already used by the case {earlier}"
    return Problem(file, line, col, message, "a different id for each case")


def line_item(line: Line, file: str) -> Document | InputError:
    """One line read by :func:`read_jsonl_lines` as its document, or the error in it."""
    lineno, raw = line
    if raw is None:
        message = f"the line is longer than {size_words(MAX_LINE_BYTES, limit=True)}"
        return InputError([Problem(file, lineno, 1, message, "one case per line")])
    try:
        return line_document(raw.decode("utf-8"), file, lineno)
    except UnicodeDecodeError as err:
        return InputError([Problem(file, lineno, err.start + 1, "not UTF-8 text", "UTF-8 text")])
    except InputError as err:
        return err


def _count_lines(handle: BinaryIO) -> int:
    """How many lines the file has (for a progress bar), reading it in bounded chunks."""
    count = 0
    last = b"\n"
    while chunk := handle.read(_COUNT_CHUNK):
        count += chunk.count(b"\n")
        last = chunk[-1:]
    handle.seek(0)
    return count + (last != b"\n")


def read_jsonl(path: Path) -> tuple[int, Iterator[Document | InputError]]:
    """How many lines a JSON Lines file has, and each non-blank one as a document or its error.

    The file is streamed: memory stays bounded by :data:`MAX_LINE_BYTES` whatever its size, and
    a longer line is one located problem.

    Raises:
        InputError: the file cannot be read at all: missing, unreadable, or not a regular file
            (a FIFO, a device, a folder), located at ``file:1:1``.
    """
    total, lines = read_jsonl_lines(path)
    name = str(path)
    return total, (line_item(line, name) for line in lines)


def read_jsonl_lines(path: Path) -> tuple[int, Iterator[Line]]:
    """How many lines a JSON Lines file has, and each non-blank one unparsed (see
    :func:`line_item`): what worker processes are sent, the parsing being theirs to do.

    Raises:
        InputError: as :func:`read_jsonl`.
    """
    handle = open_user_file(path, str(path), "JSON Lines file")
    try:
        total = _count_lines(handle)
    except BaseException:
        handle.close()
        raise

    def lines() -> Iterator[Line]:
        with handle:
            for line in bounded_lines(handle, MAX_LINE_BYTES):
                if line[0] == 1 and line[1] is not None and line[1].startswith(_BOM):
                    line = (1, line[1][len(_BOM) :])  # an editor's byte order mark, not JSON
                if line[1] is None or line[1].strip():
                    yield line

    return total, lines()
