"""Where playbooks live and how one is found by id or path, loaded, checked and compiled once.

Bundled playbooks ship inside the package (``followup/bundled`` in a wheel; the repository's
``playbooks/`` folder in a development checkout).  Coaches add folders of their own with
``--playbooks DIR``.  A playbook file is parsed and compiled at most once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from followup.compile.machine import CompiledPlaybook, compile_playbook
from followup.errors import UsageError
from followup.io.checks import suggest
from followup.io.playbook_loader import build_playbook
from followup.io.yaml_reader import read_yaml_file
from followup.model.playbook import Playbook

PLAYBOOK_SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    """The folder of playbooks that ship with followup."""
    here = Path(__file__).resolve().parent
    packaged = here / "bundled"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "playbooks"  # a development checkout (src layout)


@dataclass(frozen=True, slots=True)
class Entry:
    """A playbook file found in a folder; ``id`` is the file name without extension."""

    id: str
    path: Path
    bundled: bool


def discover(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Entry]:
    """Every playbook by id: bundled first, then each extra folder (later folders win)."""
    found: dict[str, Entry] = {}
    for folder, bundled in ((bundled_dir(), True), *((d, False) for d in extra_dirs)):
        if not folder.is_dir():
            if not bundled:
                raise UsageError(f"--playbooks: '{folder}' is not a folder")
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in PLAYBOOK_SUFFIXES and path.is_file():
                found[path.stem] = Entry(path.stem, path, bundled)
    return found


def _looks_like_path(ref: str) -> bool:
    return ref.endswith(PLAYBOOK_SUFFIXES) or "/" in ref or "\\" in ref


def resolve(ref: str, extra_dirs: tuple[Path, ...] = ()) -> Path:
    """The file for a playbook id or path.

    Raises:
        UsageError: no playbook has that id (with the closest ids), or the path does not exist.
    """
    if _looks_like_path(ref):
        path = Path(ref)
        if not path.is_file():
            raise UsageError(f"playbook file '{ref}' does not exist")
        return path
    entries = discover(extra_dirs)
    if ref in entries:
        return entries[ref].path
    hint = suggest(ref, entries) or ""
    known = ", ".join(sorted(entries))
    raise UsageError(f"no playbook with id '{ref}'{hint}; known ids: {known}")


@cache
def _load(path: Path, mtime_ns: int) -> CompiledPlaybook:
    doc = read_yaml_file(path, display=_display(path))
    return compile_playbook(build_playbook(doc))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load(ref: str, extra_dirs: tuple[Path, ...] = ()) -> CompiledPlaybook:
    """Find, check and compile a playbook (cached for the life of the process).

    Raises:
        UsageError: unknown id or missing file.
        InputError: the playbook file has problems (every one, located).
    """
    path = resolve(ref, extra_dirs).resolve()
    return _load(path, path.stat().st_mtime_ns)


def load_all(extra_dirs: tuple[Path, ...] = ()) -> list[CompiledPlaybook]:
    """Every known playbook, compiled, in id order."""
    return [load(str(e.path), extra_dirs) for _, e in sorted(discover(extra_dirs).items())]


def model_of(ref: str, extra_dirs: tuple[Path, ...] = ()) -> Playbook:
    """The checked model of a playbook, for display."""
    return load(ref, extra_dirs).playbook
