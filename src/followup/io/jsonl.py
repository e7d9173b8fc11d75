"""JSON Lines of cases, one case per line, for batches: each line becomes a located document.

A bad line is reported as an `InputError` in place of its document, so one mistake in a batch
of 100,000 does not stop the other 99,999.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from followup.errors import InputError, Problem, UsageError
from followup.io.yaml_reader import Document

MAX_LINE_BYTES = 1024 * 1024


def line_document(text: str, file: str, lineno: int) -> Document:
    """One JSON line as a document whose problems point at that line.

    Raises:
        InputError: the line is not JSON (located at the line and column of the fault).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        problem = Problem(file, lineno, err.colno, f"not valid JSON ({err.msg})", "one JSON object")
        raise InputError([problem]) from None
    except RecursionError:
        problem = Problem(file, lineno, 1, "the JSON is nested too deeply", "a flat case object")
        raise InputError([problem]) from None
    return Document(file, data, {(): (lineno, 1)}, {})


def _document_or_error(raw: bytes, file: str, lineno: int) -> Document | InputError:
    if len(raw) > MAX_LINE_BYTES:
        return InputError([Problem(file, lineno, 1, "the line is longer than 1 MB", "one case")])
    try:
        return line_document(raw.decode("utf-8"), file, lineno)
    except UnicodeDecodeError as err:
        return InputError([Problem(file, lineno, err.start + 1, "not UTF-8 text", "UTF-8 text")])
    except InputError as err:
        return err


def read_jsonl(path: Path) -> tuple[int, Iterator[Document | InputError]]:
    """How many lines a JSON Lines file has, and each non-blank one as a document or its error.

    Raises:
        UsageError: the file cannot be read at all.
    """
    try:
        lines = path.read_bytes().splitlines()
    except OSError as err:
        raise UsageError(f"cannot read '{path}': {err.strerror}") from None
    name = str(path)

    def documents() -> Iterator[Document | InputError]:
        for lineno, raw in enumerate(lines, start=1):
            if raw.strip():
                yield _document_or_error(raw, name, lineno)

    return len(lines), documents()
