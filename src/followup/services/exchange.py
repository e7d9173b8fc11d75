"""Case files in and out of the tracker, losing nothing either way.

Import checks every file completely (the case-file rules, a known playbook, a known country)
before anything is saved, then saves them all in one transaction, each event in file order.

Export writes the case file that replays to the same plan: the history *without* its retracted
entries, because the case-file format has no retractions and the plan is the replay of what
counts.  A comment at the top says how many retracted entries were left out; ``followup status``
still shows them.  Snoozes are not part of a case file either and are not exported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from followup import catalog
from followup.errors import InputError, Problem, UsageError, visible
from followup.io.yaml_reader import read_yaml_file, read_yaml_text
from followup.language.case_loader import build_case
from followup.language.patterns import CASE_ID, id_problem, suggest_id
from followup.model.case import Case
from followup.services.adding import LikelyDuplicate, refuse_duplicate
from followup.services.cases import calendar_for, today_for
from followup.services.planning import DEFAULT_PLAYBOOK, future_problem
from followup.tracker.records import text_problems
from followup.tracker.store import Store


@dataclass(frozen=True, slots=True)
class Incoming:
    """A checked case file, ready to store."""

    file: str
    case: Case
    data: dict[str, Any]


def read_case_files(
    files: tuple[str, ...], dirs: tuple[Path, ...], today: date | None = None
) -> list[Incoming]:
    """Check every file; keep what a case file holds, with its playbook named explicitly.

    A text the tracker does not take (longer than `MAX_TEXT`, or holding a NUL: see
    `text_problems`) is a problem where it is written, as is a blank company or role.  A
    file without ``playbook:`` gets the tracker's default; a playbook named by a relative
    path is stored as an absolute one, so the tracker works from any folder.  An event dated
    after today (``today``, else today where the case is) is refused, as ``log`` refuses it.

    Raises:
        InputError: every problem in every file, located; nothing is returned then.
    """
    problems: list[Problem] = []
    incoming: list[Incoming] = []
    for name in files:
        try:
            doc = read_yaml_file(name)
            if refused := text_problems(doc.data):
                # Each located, like any problem of the file; the other files are still read.
                problems += [doc.problem(path, what, expected) for path, what, expected in refused]
                continue
            case = build_case(doc)
            calendar_for(case, doc)
        except InputError as err:
            problems += err.problems
            continue
        ref = case.playbook or DEFAULT_PLAYBOOK
        try:
            catalog.resolve(ref, dirs)
        except (UsageError, InputError) as err:
            problems.append(doc.problem(("playbook",), str(err), "the id of a known playbook"))
            continue
        assert isinstance(doc.data, dict)  # build_case accepted it: a mapping
        now = today or today_for(case)
        late = [(e, why) for e in case.events if (why := future_problem(e.date, now))]
        if late:
            problems += [
                doc.problem(("events", e.index, "date"), *why.split("; expected ", 1))
                for e, why in late
            ]
            continue
        if doc.data.get("id") is None and (bad := _file_id_problem(name, case.id)) is not None:
            problems.append(bad)
            continue
        data = {k: v for k, v in doc.data.items() if v is not None}
        data["id"] = case.id
        data["playbook"] = str(Path(ref).resolve()) if catalog.looks_like_path(ref) else ref
        incoming.append(Incoming(name, case, data))
    if problems:
        raise InputError(problems)
    return incoming


def _file_id_problem(file: str, stem: str) -> Problem | None:
    """A file without ``id:`` is stored under its name: refuse a name that is not a valid id."""
    problem = id_problem(stem, "the file name")
    if problem is None:
        return None
    return Problem(
        file,
        1,
        1,
        f"no 'id:' and {problem}",
        f"an id line such as 'id: {suggest_id(stem)}' ({CASE_ID.expected})",
    )


def import_cases(
    store: Store, incoming: list[Incoming], allow_duplicates: bool = False
) -> list[tuple[Incoming, str]]:
    """Store checked case files in one transaction; an id already taken gets a new one.

    Args:
        store: The open tracker.
        incoming: The checked files.
        allow_duplicates: Store a file even if it looks like an application already tracked
            (or one stored from an earlier file of the same import).

    Returns:
        Each file with the id it was stored under.

    Raises:
        LikelyDuplicate: a file looks already tracked (nothing is saved then); its ``file`` is
            set.
    """
    stored: list[tuple[Incoming, str]] = []
    with store.writing():
        for item in incoming:
            if not allow_duplicates:
                try:
                    refuse_duplicate(store, item.data)
                except LikelyDuplicate as err:
                    err.file = item.file
                    # Stored by this very import (which saves nothing now): say which file.
                    err.earlier = next((i.file for i, a in stored if a == err.app_id), "")
                    raise
            app_id = item.case.id
            if store.taken(app_id):
                app_id = store.new_id(item.case.company)
            store.add_application(app_id, item.data)
            for event in item.data.get("events") or ():
                store.append_event(app_id, event)
            stored.append((item, app_id))
    return stored


def export_cases(store: Store, ids: list[str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each application as a case file, and each one that cannot be exported, with why.

    An application is exported only if the file would import again: a valid id (it names the
    file, so an old row's id must not point outside ``--out``) and data that passes the
    case-file rules.
    """
    texts: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    with store.reading():
        for app_id in ids:
            if (bad := id_problem(app_id)) is not None:
                problems.append((app_id, f"not exported: {bad}; 'followup doctor' explains"))
                continue
            try:
                store.build(app_id, store.case_data(app_id))
            except InputError as err:
                why = " / ".join(p.message for p in err.problems)
                problems.append((app_id, f"not exported: {why}; 'followup doctor' explains"))
                continue
            texts[app_id] = export_case(store, app_id)
    return texts, problems


def export_case(store: Store, app_id: str) -> str:
    """The application as a case file (YAML text)."""
    with store.reading():
        data = store.case_data(app_id)
        left_out = sum(1 for e in store.history(app_id) if e.retracted_by is not None)
    lines = [f"# {app_id}, exported from the followup tracker."]
    if left_out:
        lines.append(
            f"# {left_out} retracted entr{'y' if left_out == 1 else 'ies'} left out; "
            f"'followup status {app_id}' lists them."
        )
    return "\n".join(lines) + "\n" + dump_case(data)


# Plain scalars that YAML 1.2's core schema (what followup reads) takes for something other than
# text: null, booleans, integers and floats.  PyYAML quotes by YAML 1.1 rules, which miss some
# (``1e3`` is a number only in 1.2), so these are always written quoted.
_NOT_TEXT = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting the strings YAML 1.2 would read as something else."""


class _Quoted(yaml.SafeDumper):
    """Writes every string double-quoted: always read back as the same string."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if not value or _NOT_TEXT.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
_Quoted.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style='"'))


def dump_case(data: dict[str, Any]) -> str:
    """YAML that followup's reader reads back as exactly ``data``.

    The readable dump is read back to make sure; should it ever differ, every string is written
    quoted instead, which cannot be misread.
    """
    options: dict[str, Any] = {
        "sort_keys": False,
        "allow_unicode": True,
        "default_flow_style": None,
        "width": 100,
    }
    text = str(yaml.dump(data, Dumper=_Dumper, **options))
    if visible(text, keep="\n") != text:
        # A control or bidi character: written as an escape inside quotes (every non-ASCII
        # character then is), so the file reads the same and shows nothing it hides.
        return str(yaml.dump(data, Dumper=_Quoted, **{**options, "allow_unicode": False}))
    if read_yaml_text(text, "export").data == data:
        return text
    return str(yaml.dump(data, Dumper=_Quoted, **options))
