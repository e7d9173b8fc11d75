"""Prove a formatted text means what the original meant, before anything is written.

Three checks, each cheap next to the risk: the new text reads back to equal data, loads to an
equal `Playbook` (where each rule was written aside), and holds the same comments.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from followup.catalog import build_document
from followup.errors import EngineError, InputError
from followup.formatting.comments import comment_texts
from followup.io.yaml_reader import Document, read_yaml_text
from followup.model.playbook import Origin, Playbook


def without_origins(playbook: Playbook) -> Playbook:
    """``playbook`` with every rule's, template's and statement's place set to line 0, column 0."""
    nowhere = Origin(playbook.file, 0, 0)
    return msgspec.structs.replace(
        playbook,
        transitions=tuple(msgspec.structs.replace(t, origin=nowhere) for t in playbook.transitions),
        actions=tuple(msgspec.structs.replace(a, origin=nowhere) for a in playbook.actions),
        avoid=tuple(msgspec.structs.replace(a, origin=nowhere) for a in playbook.avoid),
        templates=tuple(msgspec.structs.replace(t, origin=nowhere) for t in playbook.templates),
        never_closes=playbook.never_closes
        and msgspec.structs.replace(playbook.never_closes, origin=nowhere),
        opt_outs=tuple(msgspec.structs.replace(o, origin=nowhere) for o in playbook.opt_outs),
    )


def check_same(
    original: str,
    doc: Document,
    playbook: Playbook,
    formatted: str,
    dirs: tuple[Path, ...] | None = None,
) -> None:
    """Refuse ``formatted`` unless it means exactly what ``original`` (read as ``doc``) meant.

    Raises:
        EngineError: the formatted text differs in data, in its playbook, or in its comments
            (a bug in the formatter; the caller must leave the file as it was).
    """
    where = doc.file
    try:
        again = read_yaml_text(formatted, doc.file)
        reloaded = build_document(again, dirs=dirs)
    except InputError as err:
        why = f"the result would not load ({err.problems[0]})"
        raise EngineError(_refusal(where, why)) from None
    if again.data != doc.data:
        raise EngineError(_refusal(where, "the result reads back as different data"))
    if without_origins(reloaded) != without_origins(playbook):
        raise EngineError(_refusal(where, "the result loads as a different playbook"))
    if comment_texts(formatted) != comment_texts(original):
        raise EngineError(_refusal(where, "a comment would be lost or changed"))


def _refusal(file: str, why: str) -> str:
    return f"fmt: cannot format {file} safely: {why}; the file is unchanged (a bug, please report)"
