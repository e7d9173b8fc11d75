"""Load a playbook for lint, and give the loader's own problems their lint codes.

The loader already refuses a state or a fact that does not exist and rules for ``closed``; lint
reports those problems with the loader's message (it suggests the closest name) under a stable
code, chosen by the kind of problem the loader says it found.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Final

from followup import catalog
from followup.compile.machine import CompiledPlaybook, compile_playbook
from followup.drafts.templates import unloaded_template_problems
from followup.errors import InputError, Problem, UsageError
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language.expression_reader import UNKNOWN_FACT as FACT_KIND
from followup.language.playbook_loader import CLOSED_RULE as CLOSED_KIND
from followup.language.playbook_loader import UNKNOWN_STATE as STATE_KIND

LOAD = "L001"
UNKNOWN_STATE = "L103"
CLOSED_RULE = "L105"
UNKNOWN_FACT = "L107"
CODES: Final = {STATE_KIND: UNKNOWN_STATE, CLOSED_KIND: CLOSED_RULE, FACT_KIND: UNKNOWN_FACT}


def coded(problems: tuple[Problem, ...], doc: Document | None = None) -> list[Problem]:
    """The loader's problems, each with the lint code for its kind (L001 for any other)."""
    return [replace(p, code=CODES.get(p.kind, LOAD)) for p in problems]


def with_templates(problems: tuple[Problem, ...], doc: Document) -> tuple[Problem, ...]:
    """A file's loading problems and its templates' problems, every one at once (the templates
    are otherwise only checked once the playbook loads)."""
    seen = {(p.line, p.col, p.message) for p in problems}
    more = [p for p in unloaded_template_problems(doc) if (p.line, p.col, p.message) not in seen]
    return (*problems, *more)


def load(
    path: Path, dirs: tuple[Path, ...]
) -> tuple[Document | None, CompiledPlaybook | None, list[Problem]]:
    """Read, check (following ``extends``) and compile a playbook file for lint.

    Returns:
        The document (None if unreadable), the compiled playbook (None if it does not load),
        and the loader's problems with their codes.

    Raises:
        UsageError: one of ``dirs`` is not a folder.
    """

    try:
        doc = read_yaml_file(path)
    except InputError as err:
        return None, None, coded(err.problems, None)
    try:
        playbook = catalog.build_document(doc, path, dirs)
    except InputError as err:
        return doc, None, coded(with_templates(err.problems, doc), doc)
    except UsageError:
        raise
    return doc, compile_playbook(playbook), []
