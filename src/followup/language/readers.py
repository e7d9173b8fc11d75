"""Small typed readers over located YAML data that collect problems instead of stopping.

The loaders walk a whole document with these, so a user sees every problem in one run.  Each
reader returns the value (or a fallback) and files a `Problem` pointing at the exact place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from followup.errors import Problem, meant_key, type_name, unknown_word
from followup.io.yaml_reader import Document, Path_
from followup.language.spec import Integer

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

WHOLE = Integer()  # any whole number from 0


class Reader:
    """Reads values from one document, collecting problems as it goes."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        # A misspelt key's value is read under the key meant: where each such path was written.
        self.read_as: dict[Path_, Path_] = {}
        # Where a required key is missing: that is one problem, and what its absent value then
        # fails ("the title is nothing") would only say it again.
        self.missing: set[Path_] = set()

    @property
    def file(self) -> str:
        return self.doc.file

    def fail(
        self, path: Path_, message: str, expected: str = "", *, key: bool = False, kind: str = ""
    ) -> None:
        """File a problem of ``kind`` (see `followup.errors.Problem`) at ``path``, unless it is
        about a required key already reported missing, or something inside one."""
        if self.missing and any(path[:end] in self.missing for end in range(1, len(path) + 1)):
            return
        for end in range(len(path), 0, -1) if self.read_as else ():
            if (written := self.read_as.get(path[:end])) is not None:
                path = (*written, *path[end:])
                break
        self.problems.append(self.doc.problem(path, message, expected, key=key, kind=kind))

    def mapping(
        self,
        path: Path_,
        value: object,
        allowed: Iterable[str],
        required: Iterable[str] = (),
        what: str = "",
    ) -> Mapping[str, object]:
        """A mapping with only ``allowed`` keys and every ``required`` one; {} if not a mapping.

        A misspelt key close to an allowed one that is not written (``form`` for ``from``) is
        one problem, with the suggestion.  If the key it suggests is required, its value is then
        read as that key's, so the typo does not also cost a "has no 'from'" and every check
        that needs the key; an optional one is not read at all, so a guess that is wrong
        (``states`` for ``templates``) does not add a second problem about a value that was
        never meant for it.
        """
        if not isinstance(value, dict):
            self.fail(
                path, f"{what or 'this'} is {type_name(value)}", "a mapping of keys to values"
            )
            return {}
        allowed = tuple(allowed)
        required = tuple(required)
        read_as: dict[str, str] = {}
        for key in value:
            if key not in allowed:
                close = meant_key(key, allowed)
                needed = close in required
                if needed and close not in value and close not in read_as.values():
                    read_as[key] = close
                self.fail(
                    (*path, key),
                    f"unknown key '{key}'" + (f" (did you mean '{close}'?)" if close else ""),
                    "one of " + ", ".join(allowed),
                    key=True,
                )
        for key in required:
            if key not in value and key not in read_as.values():
                self.fail(path, f"{what or 'this'} has no '{key}'", f"the key '{key}'")
                self.missing.add((*path, key))
        if not read_as:
            return value
        self.read_as.update({(*path, meant): (*path, key) for key, meant in read_as.items()})
        return {(read_as[k] if k in read_as else str(k)): v for k, v in value.items()}

    def text(self, path: Path_, value: object, what: str, *, allow_empty: bool = False) -> str:
        """A non-empty string."""
        if not isinstance(value, str):
            self.fail(path, f"{what} is {type_name(value)}", "text")
            return ""
        if not allow_empty and not value.strip():
            self.fail(path, f"{what} is empty", "some text")
        return value

    def boolean(self, path: Path_, value: object, what: str) -> bool:
        """Exactly true or false (``yes``/``no``/``on``/``off`` are text, not booleans)."""
        if not isinstance(value, bool):
            shown = f"'{value}'" if isinstance(value, str) else type_name(value)
            self.fail(path, f"{what} is {shown}", "true or false")
            return False
        return value

    def integer(self, path: Path_, value: object, what: str, form: Integer = WHOLE) -> int:
        """A whole number of ``form`` (at least its minimum, at most its maximum if any)."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"{what} is {type_name(value)}", form.expected)
            return form.minimum
        if value < form.minimum or (form.maximum is not None and value > form.maximum):
            self.fail(path, f"{what} is {value}", form.expected)
            return form.minimum
        return value

    def choice(
        self,
        path: Path_,
        value: object,
        what: str,
        choices: Iterable[str],
        kind: str = "unknown-word",
    ) -> str:
        """One of ``choices``; suggests the closest on a typo (a problem of ``kind``)."""
        choices = tuple(choices)
        if not isinstance(value, str) or value not in choices:
            message = unknown_word(what, value, choices, f"'{value}'")
            self.fail(path, message, "one of " + ", ".join(choices), kind=kind)
            return choices[0]
        return value

    def day(self, path: Path_, value: object, what: str) -> date | None:
        """A calendar date written YYYY-MM-DD that exists (2026-02-30 does not)."""
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            shown = f"'{value}'" if isinstance(value, str) else type_name(value)
            self.fail(path, f"{what} {shown} is not a date", "a date written YYYY-MM-DD")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(path, f"{what} {value} does not exist", "a real calendar date")
            return None

    def items(self, path: Path_, value: object, what: str) -> list[object]:
        """A list; [] if it is not one."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"{what} is {type_name(value)}", "a list")
            return []
        return value
