"""``followup validate``: check any mix of playbook and case files, reporting every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from followup import catalog
from followup.authoring.folders import default_dirs
from followup.catalog import build_document
from followup.compile.machine import compile_playbook
from followup.errors import InputError, Problem, UsageError
from followup.io.jsonl import name_case, read_jsonl, repeated_id
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language.case_loader import build_case
from followup.lint import validate_problems
from followup.lint.loading import with_templates
from followup.timeline.holiday_library import region_error

SHARED_KEYS = frozenset({"id"})  # a key both kinds of file have
EITHER = (
    "a playbook's keys (title, source, transitions, actions) or a case's (interview, employer, "
    "events)"
)
PLAYBOOK_MARKERS = ("transitions", "actions", "avoid", "parameters", "source", "title", "extends")


def kind_of(doc: Document) -> Literal["playbook", "case"]:
    """'playbook' or 'case', judged by the keys a file uses."""
    data = doc.data
    if isinstance(data, dict) and any(k in data for k in PLAYBOOK_MARKERS):
        return "playbook"
    return "case"


def _check(
    doc: Document,
    kind: Literal["playbook", "case"],
    dirs: tuple[Path, ...] = (),
    found_ids: set[str] | None = None,
) -> list[Problem]:
    """Every problem in one playbook or case document.

    ``found_ids`` holds the playbook names already found for earlier cases of the same batch:
    looking one up lists the playbook folders, which would cost more than checking the case.
    """
    case_playbook: str | None = None
    try:
        if kind == "playbook":
            playbook = build_document(doc, None, dirs)
            compiled = compile_playbook(playbook)
            # lint's own list of checks, templates included: warnings printed, errors returned
            found = validate_problems(doc, compiled)
            if found:
                return found
        else:
            case = build_case(doc)
            case_playbook = case.playbook
            if case.playbook and (found_ids is None or case.playbook not in found_ids):
                catalog.resolve(case.playbook, dirs)
                if found_ids is not None:
                    found_ids.add(case.playbook)
            if case.country:
                return _check_country(doc, case.country)
    except InputError as err:
        if kind == "case" and case_playbook and not any(p.file == doc.file for p in err.problems):
            # The playbook the case names is a missing or special file: say so at the case.
            message = "; ".join(f"playbook file '{p.file}': {p.message}" for p in err.problems)
            return [doc.problem(("playbook",), message, "the id or file of a known playbook")]
        if kind == "playbook":  # its templates too: every problem at once
            return list(with_templates(err.problems, doc))
        return list(err.problems)
    except UsageError as err:
        return [doc.problem(("playbook",), str(err), "the id of a known playbook")]
    # Both loaders refuse all their schemas refuse (each schema is generated from the
    # declaration the loader reads, and tests hold them together), so no schema stage is run.
    return []


def validate_file(path: Path, dirs: tuple[Path, ...] | None = None) -> tuple[list[Problem], str]:
    """Every problem in one file, and what kind of file it is.

    Args:
        path: A playbook, a case file or a batch of cases (``.jsonl``).
        dirs: Coaches' folders, where a playbook's ``extends`` and a case's ``playbook`` are
            looked up by id besides the bundled playbooks (default: the user's, as on the CLI).

    Raises:
        UsageError: one of ``dirs`` is not a folder.
    """
    if dirs is None:
        dirs = default_dirs()
    if path.suffix == ".jsonl":
        return _validate_lines(path, dirs), "cases"
    try:
        doc = read_yaml_file(path)
    except InputError as err:
        return list(err.problems), "unreadable"
    kind = kind_of(doc)
    if isinstance(doc.data, dict) and set(doc.data) <= SHARED_KEYS:
        # `id: x` alone (a file just begun): "the case has no 'interview'" would guess wrong
        # for a coach starting a playbook.
        return [doc.problem((), "nothing says whether this is a playbook or a case", EITHER)], kind
    return _check(doc, kind, dirs), kind


def _validate_lines(path: Path, dirs: tuple[Path, ...]) -> list[Problem]:

    problems: list[Problem] = []
    found_ids: set[str] = set()
    seen: dict[str, tuple[str, int, int]] = {}  # each case id, and where it was first written
    try:
        _, documents = read_jsonl(path)
    except InputError as err:
        return list(err.problems)
    for doc in documents:
        if isinstance(doc, InputError):
            problems += doc.problems
        elif isinstance(doc.data, dict) and "id" not in doc.data:  # as agenda refuses it
            problems.append(doc.problem((), "the case has no 'id'", "an 'id' on every case"))
        else:
            problems += name_case(doc, _check(doc, "case", dirs, found_ids))
            case_id = doc.data.get("id") if isinstance(doc.data, dict) else None
            if isinstance(case_id, str):
                where = (doc.file, *doc.where(("id",)))
                if case_id in seen:  # as agenda refuses it
                    problems.append(repeated_id(case_id, where, seen[case_id]))
                else:
                    seen[case_id] = where
    return problems


def _check_country(doc: Document, country: str) -> list[Problem]:
    """A country or subdivision the holidays library does not know is worth catching early."""

    err = region_error(country)
    return [] if err is None else [doc.problem(("country",), err.message, err.expected)]
