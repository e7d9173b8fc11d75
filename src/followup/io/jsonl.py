"""JSON Lines of cases, one case per line, for batches: each line becomes a located document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from followup.errors import InputError, Problem
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
        raise InputError(
            [
                Problem(
                    file,
                    lineno,
                    err.colno,
                    f"not valid JSON ({err.msg})",
                    "one JSON object per line",
                )
            ]
        ) from None
    except RecursionError:
        raise InputError(
            [Problem(file, lineno, 1, "the JSON is nested too deeply", "a flat case object")]
        ) from None
    return Document(file, data, {(): (lineno, 1)}, {})


def read_jsonl(path: Path) -> Iterator[Document]:
    """Each non-blank line of a JSON Lines file as a document.

    Raises:
        InputError: the file cannot be read, or a line is not JSON or is too long.
    """
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"cannot read the file ({err.strerror})",
                    "a readable JSON Lines file",
                )
            ]
        ) from None
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(
                    [Problem(name, lineno, 1, "the line is longer than 1 MB", "one case per line")]
                )
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(
                    [Problem(name, lineno, err.start + 1, "not UTF-8 text", "UTF-8 text")]
                ) from None
            yield line_document(text, name, lineno)
