"""The job seeker's own settings: who signs the drafts, and defaults for new applications.

One small YAML file, ``settings.yaml`` in followup's per-user config folder
(``$FOLLOWUP_CONFIG_DIR``, else ``platformdirs.user_config_dir("followup")``), written by
``followup config set`` and readable by hand.  YAML rather than TOML: it is the format of case
files and playbooks, so the user meets one syntax; the project's located reader gives every
mistake as ``file:line:col`` for free; and Python reads TOML but cannot write it without another
dependency.  A write goes to a temporary file in the same folder that then replaces the old
one, so a reader never sees half a file.

Keys: ``name`` and ``signature`` (drafts are signed with them), ``country``, ``timezone`` and
``playbook`` (checked as a case file checks them, and the playbook id against the catalog;
``followup add`` takes them for the flags left out).  Nothing here is on the path of
``followup plan``.  It sits above the catalog
(which checks the playbook id) and below the scenarios, whose draft steps read it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from followup import catalog
from followup.authoring.folders import default_dirs, user_config_dir
from followup.errors import InputError, UsageError, suggest
from followup.io.user_files import write_atomic
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language.case_format import check_timezone
from followup.language.decode import BAD, Issue, compile_mapping, located
from followup.language.patterns import COUNTRY
from followup.language.spec import Field, Mapping, Text

FILE_NAME = "settings.yaml"
SETTINGS = Mapping(
    "settings",
    "the settings",
    "Your own settings for followup.",
    (
        Field("name", Text("your name", allow_empty=False), "Your name, to sign drafts with."),
        Field(
            "signature",
            Text("the signature", allow_empty=False),
            "What drafts end with after the sign-off (may span lines); your name if not set.",
        ),
        Field(
            "country",
            Text("the country", pattern=COUNTRY),
            "Your country (US) or country and subdivision (GB-ENG).",
        ),
        Field(
            "timezone",
            Text("the timezone", allow_empty=False, parse=check_timezone),
            "Your time zone, such as Europe/Berlin.",
        ),
        Field("playbook", Text("the playbook", allow_empty=False), "The playbook id you use."),
    ),
)
KEYS = tuple(f.name for f in SETTINGS.fields)
_DECODE = compile_mapping(SETTINGS)
# Characters YAML would not keep as written inside a quoted value: written as escapes.
_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
# What a value typed on the command line may not hold (newlines and tabs are fine).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def settings_path() -> Path:
    """Where the settings file is (it may not exist)."""
    return user_config_dir() / FILE_NAME


def read_settings(
    path: Path | None = None,
    *,
    check_playbook: bool = False,
    dirs: tuple[Path, ...] | None = None,
) -> dict[str, str]:
    """The settings that are set (an absent or empty file sets none).

    Args:
        path: the file; `settings_path` by default.
        check_playbook: also check that the playbook id is one the catalog knows.
        dirs: the coaches' playbook folders to look in (default: `default_dirs`).

    Raises:
        InputError: the file cannot be read, is not YAML, or a value is wrong (each located).
        UsageError: a folder of playbooks is missing (when checking the playbook).
    """
    path = path or settings_path()
    if not path.exists():
        return {}
    doc = read_yaml_file(path)
    if doc.data is None:
        return {}
    values = _decoded(doc)
    if check_playbook and "playbook" in values:
        problem = _playbook_problem(values["playbook"], dirs)
        if problem is not None:
            raise InputError([doc.problem(("playbook",), *problem)])
    return values


def _decoded(doc: Document) -> dict[str, str]:
    issues: list[Issue] = []
    fields = _DECODE(doc.data, (), None, issues)
    if fields is BAD or issues:
        raise InputError(located(doc, issues))
    return {k: v for k, v in zip(KEYS, fields, strict=True) if v is not None}


def _playbook_problem(ref: str, dirs: tuple[Path, ...] | None) -> tuple[str, str] | None:
    """What is wrong with a playbook id, and what was expected; None if the catalog has it."""
    known = catalog.discover(default_dirs() if dirs is None else dirs)
    if ref in known:
        return None
    return f"no playbook '{ref}'{suggest(ref, known)}", "one of " + ", ".join(sorted(known))


def check_value(key: str, value: str, dirs: tuple[Path, ...] | None = None) -> str:
    """``value`` for ``key``, checked as the settings file would be (a playbook id against
    the bundled playbooks and those in ``dirs``, by default `default_dirs`).

    Raises:
        UsageError: an unknown key or a value that is not acceptable, saying what is expected.
    """
    check_key(key)
    if _CONTROL.search(value):
        raise UsageError(f"config set {key}: the value has a control character; expected text")
    doc = Document(f"config set {key}", {key: value}, {(): (1, 1)}, {})
    try:
        _decoded(doc)
    except InputError as err:
        problem = err.problems[0]
        raise UsageError(
            f"{problem.file}: {problem.message}; expected {problem.expected}"
        ) from None
    if key == "playbook":
        found = _playbook_problem(value, dirs)
        if found is not None:
            raise UsageError(f"config set playbook: {found[0]}; expected {found[1]}")
    return value


def check_key(key: str) -> None:
    """Raises UsageError if ``key`` is not a setting.

    Raises:
        UsageError: naming the keys (and the closest one).
    """
    if key not in KEYS:
        raise UsageError(
            f"no setting '{key}'{suggest(key, KEYS)}; expected one of {', '.join(KEYS)}"
        )


def write_settings(values: dict[str, str], path: Path | None = None) -> Path:
    """Replace the settings file with ``values`` (in the order of `KEYS`), atomically.

    Raises:
        UsageError: the folder or the file cannot be written.
    """
    path = path or settings_path()
    lines = ["# followup's settings: `followup config set KEY VALUE` writes this file."]
    lines += [f"{k}: {_quoted(values[k])}" for k in KEYS if k in values]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"), "settings file")
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror}") from None
    return path


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one) that reads back as ``value``."""
    text = json.dumps(value, ensure_ascii=False)
    return _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
