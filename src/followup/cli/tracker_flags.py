"""Tracker flags as the case-file values they stand for, each remembered by its flag for errors.

The services record values as a case file holds them and report a problem under the name they
are given; this module is where the names are flags.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import click

from followup import catalog
from followup.cli.group import DB_ENV, GLOBAL_DB
from followup.errors import EXIT_FAILURE, FollowupError, UsageError, blank, blank_words, visible
from followup.io.yaml_reader import Path_
from followup.language.case_format import CASE, EMPLOYER
from followup.language.case_loader import EVENT_KEYS
from followup.services.adding import LikelyDuplicate
from followup.services.editing import Change
from followup.services.labels import refuse_text
from followup.services.planning import DEFAULT_PLAYBOOK
from followup.settings import read_settings, settings_path
from followup.tracker.connection import shown_path
from followup.tracker.store import Store, open_store


class SomeAppsFailed(FollowupError):
    """Some applications could not be shown (each already reported); the rest were.

    Exit 1: the command did its work for every application it could; the ones it could not are
    a failure of the stored data, not of the command line.
    """

    exit_code = EXIT_FAILURE


def report(problems: Sequence[tuple[str, str]], doing: str = "planned") -> None:
    """Name each application that failed on stderr (``ID: what is wrong``), then fail.

    Raises:
        SomeAppsFailed: there was at least one.
    """
    for app_id, text in problems:
        shown = visible(app_id)
        shown = shown if len(shown) <= 70 else shown[:64] + "..."
        text = visible(text)
        click.echo(text if text.startswith(f"{shown}:") else f"{shown}: {text}", err=True)
    if problems:
        raise SomeAppsFailed(
            f"{len(problems)} application(s) could not be {doing} (see above); "
            "'followup doctor' checks the whole tracker"
        )


def db_path(db: Path | None) -> tuple[Path | None, str]:
    """The tracker the user pointed at, and how: ``--db`` after the command, then before it,
    then ``$FOLLOWUP_DB``, else None (the data folder's).

    Raises:
        UsageError: ``$FOLLOWUP_DB`` is set but empty (a script's unset variable, most likely).
    """
    if db is not None:
        return db, "--db"
    ctx = click.get_current_context(silent=True)
    found = ctx.find_root().meta.get(GLOBAL_DB) if ctx is not None else None
    if isinstance(found, Path):
        return found, "--db"
    env = os.environ.get(DB_ENV)
    if env is not None:
        if not env.strip():
            raise UsageError(
                f"${DB_ENV} is set but empty; expected the path of a tracker database, or "
                "unset it to use the one in your data folder"
            )
        return Path(env), f"${DB_ENV}"
    return None, "your data folder"


def open_db(db: Path | None, write: bool, must_exist: bool = False) -> Store:
    """The tracker ``--db`` (or ``$FOLLOWUP_DB``, or the data folder's) names.

    A command that only reads never creates anything: without a file it reads an empty tracker
    and says on stderr where it looked.  With ``must_exist`` it refuses instead, and creates
    nothing either: a command that checks the file, or changes an application already tracked,
    has nothing to work on.  Otherwise the first write creates the file and says where.  An
    empty (0-byte) file is refused like a file that is no tracker, except by a command that
    starts one (``write`` without ``must_exist``), which makes it a tracker.

    Raises:
        UsageError: the path cannot be a tracker (named as ``--db``: not a file, cannot be looked
            up, empty, not a tracker), ``$FOLLOWUP_DB`` is empty, or there is no file and
            ``must_exist``.
        StoreError: the database is damaged or stayed busy.
    """
    db, source = db_path(db)
    try:
        # Only a command that starts a tracker makes one of a missing or empty file.
        store = open_store(db, create=write and not must_exist)
    except UsageError as err:
        # The tracker's messages name the file, not the flag: the flag is named here, once.
        raise UsageError(f"{source}: {err}") from None
    where = shown_path(store.path)
    if store.missing and must_exist:
        store.close()
        raise UsageError(
            f"{source}: no tracker yet at '{where}' (the file does not exist); expected an "
            "existing tracker database: 'followup add' or 'followup import' starts one"
        )
    if store.missing:
        click.echo(
            f"followup: no tracker yet at {where} (from {source}); 'followup add' or "
            "'followup import' creates it",
            err=True,
        )
    elif store.created:
        click.echo(f"followup: created a new tracker at {where} (from {source})", err=True)
    return store


# `add` flags -> where their value goes in a case file.
ADD_FLAGS: Final[dict[str, Path_]] = {
    "company": ("company",),
    "role": ("role",),
    "interviewed": ("interview",),
    "country": ("country",),
    "timezone": ("timezone",),
    "decision_by": ("employer", "decision_by"),
    "decision_in": ("employer", "decision_in"),
    "follow_up": ("employer", "follow_up"),
    "follow_up_after": ("employer", "follow_up_after"),
    "channel": ("employer", "preferred_channel"),
    "main_line": ("employer", "phone"),
}
# "Dana Reyes", "Dana Reyes <dana@acme.example>", either followed by a phone number (one
# starting with + when there is no email, so a name may hold digits), and nothing looser.
_PERSON = re.compile(
    r"(?P<name>[^<>@+]*[^<>@+\s])\s*"
    r"(?:<(?P<email>[^<>\s]+@[^<>\s]+)>\s*(?P<phone>\+?[0-9][0-9 ().-]*[0-9])?"
    r"|(?P<phone2>\+[0-9][0-9 ().-]*[0-9]))?"
)
PERSON_EXAMPLE: Final = '"Dana Reyes <dana@acme.example> +1 555 010 0199"'


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


def refuse_blank(
    options: Mapping[str, Any], flags: Mapping[str, Path_], clearable: Collection[str] = ()
) -> None:
    """Refuse a text flag given blank (often an unset shell variable: an application with no
    name is nobody's), rather than take it as not given or as removing the value.

    Args:
        options: The command's options.
        flags: The text flags to check, each with the case-file value it sets (whose
            description in the case format says what it expects).
        clearable: The flags whose value ``--clear`` removes (what a blank one may have meant).

    Raises:
        UsageError: naming the first blank flag, and ``--clear`` when that is what was meant.
    """
    for option, path in flags.items():
        value = options.get(option)
        if not isinstance(value, str) or not blank(value):
            continue
        form = EMPLOYER if path[0] == "employer" else CASE
        what = next(f.description for f in form.fields if f.name == path[-1])
        expected = what[0].lower() + what[1:].rstrip(".")
        if option in clearable:
            expected += f", or '--clear {option}' to remove it"
        refuse_blank_text(value, f"{_flag(option)}: the value", expected)


def refuse_blank_text(value: str, what: str, expected: str) -> None:
    """Refuse a text given blank: empty, only spaces, or only invisible characters (a
    zero-width space, a control character), which show as nothing wherever it is listed.

    Args:
        value: The text given.
        what: What it is, naming its flag (``"--reason: the value"``).
        expected: What the flag takes instead.

    Raises:
        UsageError: ``what``, what it holds, and ``expected``.
    """
    if blank(value):
        raise UsageError(f"{what} {blank_words(value)}; expected {expected}")


def interviewer(text: str, flag: str = "--interviewer") -> dict[str, str]:
    """``--interviewer`` (or ``--recruiter``) as a case file's person mapping.

    Raises:
        UsageError: longer than the tracker takes, or not ``NAME``, ``NAME <EMAIL>``, either
            with a phone number after it.
    """
    refuse_text(text, {(): flag})
    found = _PERSON.fullmatch(text.strip())
    if not found:
        raise UsageError(
            f"{flag}: '{text}' is not NAME, NAME <EMAIL> or either with a phone number after"
            f" it; expected e.g. {PERSON_EXAMPLE}"
        )
    refuse_blank_text(found["name"], f"{flag}: the name", f"a name, e.g. {PERSON_EXAMPLE}")
    person = {"name": found["name"].strip()}
    if found["email"]:
        person["email"] = found["email"]
    if phone := found["phone"] or found["phone2"]:
        person["phone"] = phone
    return person


def people_labels(key: str, flag: str, texts: Sequence[str], start: int = 0) -> dict[Path_, str]:
    """Each person's fields labelled by the flag that gave them (``--recruiter 'Ann <a@b>'``)."""
    return {
        (key, i, field): f"{flag} '{text}'"
        for i, text in enumerate(texts, start=start)
        for field in ("name", "email", "phone")
    }


def application_data(
    options: Mapping[str, Any], dirs: tuple[Path, ...]
) -> tuple[dict[str, Any], dict[Path_, str]]:
    """The case-file mapping ``add``'s flags describe, and the flag behind each value; your
    settings' ``country``, ``timezone`` and ``playbook`` stand in for flags not given.

    Raises:
        UsageError: a text flag is blank, an ``--interviewer`` is malformed, or the playbook
            is unknown.
        InputError: the settings file is broken (located).
    """
    data: dict[str, Any] = {}
    labels: dict[Path_, str] = {}
    refuse_blank(options, ADD_FLAGS)
    for option, path in ADD_FLAGS.items():
        value = options.get(option)
        if value is None:
            continue
        where: dict[str, Any] = data
        for key in path[:-1]:
            where = where.setdefault(str(key), {})
        where[str(path[-1])] = value
        labels[path] = _flag(option)
    if "employer" in data:
        labels[("employer",)] = "--decision-by/--decision-in"
    if options.get("may_call"):
        data.setdefault("employer", {})["may_call"] = True
    for key, flag in (("interviewers", "--interviewer"), ("recruiters", "--recruiter")):
        texts = options.get(key) or ()
        if texts:
            data[key] = [interviewer(t, flag) for t in texts]
            labels |= people_labels(key, flag, texts)
    # Your settings (`followup config`) are the defaults for what the flags leave out.
    defaults = read_settings()
    from_settings = f"the {{}} in your settings ({settings_path()})"
    for key in ("country", "timezone"):
        if key not in data and key in defaults:
            data[key] = defaults[key]
            labels[(key,)] = from_settings.format(key)
    ref = options.get("playbook_ref")
    label = "--playbook"
    if not ref and "playbook" in defaults:
        ref, label = defaults["playbook"], from_settings.format("playbook")
    ref = ref or DEFAULT_PLAYBOOK
    try:
        catalog.resolve(ref, dirs)
    except UsageError as err:
        raise UsageError(f"{label}: {err}") from None
    data["playbook"] = str(Path(ref).resolve()) if catalog.looks_like_path(ref) else ref
    labels[("playbook",)] = label
    return data, labels


# `log` flags -> event keys (the date and type come from their own arguments).
LOG_FLAGS: Final = {key: _flag(key) for key in EVENT_KEYS if key not in ("date", "type")} | {
    "interviewers": "--interviewer"  # repeatable: one person each
}
LOG_NAMES: Final = {"date": "--date", "type": "EVENT", **LOG_FLAGS}
CLOSE_NAMES: Final = {**LOG_NAMES, "outcome": "--as", "type": "--as"}


# `edit` flags -> the fact they change (employer's keys below), and what `--clear` may remove.
EDIT_FACTS: Final = {
    "company": "company",
    "role": "role",
    "interviewed": "interview",
    "country": "country",
    "timezone": "timezone",
    "notes": "notes",
}
EDIT_EMPLOYER: Final = {
    "decision_by": "decision_by",
    "decision_in": "decision_in",
    "follow_up": "follow_up",
    "follow_up_after": "follow_up_after",
    "channel": "preferred_channel",
    "main_line": "phone",
}
# Every flag of `edit` that sets a text, with the case-file value it sets.
EDIT_FLAGS: Final[dict[str, Path_]] = {o: (k,) for o, k in EDIT_FACTS.items()} | {
    o: ("employer", k) for o, k in EDIT_EMPLOYER.items()
}
CLEARABLE: Final = {
    "country": ("country",),
    "timezone": ("timezone",),
    "notes": ("notes",),
    "interviewers": ("interviewers",),
    "recruiters": ("recruiters",),
    "decision_by": ("employer", "decision_by"),
    "decision_in": ("employer", "decision_in"),
    "follow_up": ("employer", "follow_up"),
    "follow_up_after": ("employer", "follow_up_after"),
    "channel": ("employer", "preferred_channel"),
    "may_call": ("employer", "may_call"),
    "main_line": ("employer", "phone"),
}


def edit_change(options: Mapping[str, Any]) -> tuple[Change, dict[Path_, str]]:
    """The change ``edit``'s flags ask for, and the flag behind each value.

    Raises:
        UsageError: a text flag is blank, or an ``--interviewer`` or ``--recruiter`` is
            malformed.
    """
    refuse_blank(options, EDIT_FLAGS, CLEARABLE)
    facts: dict[str, Any] = {}
    employer: dict[str, Any] = {}
    labels: dict[Path_, str] = {}
    for option, key in EDIT_FACTS.items():
        if (value := options.get(option)) is not None:
            facts[key] = value
            labels[(key,)] = _flag(option)
    for option, key in EDIT_EMPLOYER.items():
        if (value := options.get(option)) is not None:
            employer[key] = value
            labels[("employer", key)] = _flag(option)
    if options.get("may_call") is not None:
        employer["may_call"] = bool(options["may_call"])
    for name in options.get("clear") or ():
        path = CLEARABLE[name]
        (facts if len(path) == 1 else employer)[path[-1]] = None
    added: dict[str, list[dict[str, str]]] = {}
    for key, flag in (("interviewers", "--interviewer"), ("recruiters", "--recruiter")):
        texts = options.get(key) or ()
        if texts:
            facts[key] = [interviewer(t, flag) for t in texts]
            labels |= people_labels(key, flag, texts)
        more = options.get(f"add_{key}") or ()
        if more:
            added[key] = [interviewer(t, f"--add-{flag[2:]}") for t in more]
            # Added after the ones there: labelled from any position they may take.
            labels |= {
                (key, i, f): f"--add-{flag[2:]}"
                for i in range(64)
                for f in ("name", "email", "phone")
            }
    if employer:
        labels[("employer",)] = "--decision-by/--decision-in"
    return Change(facts, employer, added), labels


def duplicate_message(err: LikelyDuplicate) -> str:
    """The refusal of a likely duplicate, naming the flag that adds it anyway."""
    where = f"{err.file}: " if err.file else ""
    if err.earlier:
        return (
            f"{where}the same application as {err.earlier}, earlier in this import "
            f"({visible(err.title)}, interviewed {err.interview}); nothing was imported; "
            "expected each application once: leave one of them out, or --allow-duplicate "
            "imports both"
        )
    return (
        f"{where}{err}; expected a different application: 'followup edit {err.app_id}' corrects"
        " the one tracked, or --allow-duplicate adds this one anyway"
    )


def entry_number(text: str | None) -> int | None:
    """``undo``'s ENTRY (``#3`` or ``3``) as a number, or None when not given.

    Raises:
        UsageError: not a number.
    """
    if text is None:
        return None
    digits = text.strip().removeprefix("#")
    if not digits.isdigit():
        raise UsageError(
            f"ENTRY: '{text}' is not an entry number; expected a number 'followup status' "
            "lists, such as 3 or #3"
        )
    return int(digits)
