"""Proofs remembered between runs: proving a playbook again that has not changed takes a second,
not the minutes a sound search takes.

A proof depends on nothing but the playbook's value, the options (`ProofOptions`) and the code
that searched: followup's own files, the Python running them, and with ``--country`` the
holidays library (as its holiday cache tells one install from another), whose data says which
days are holidays.  A file's key is a hash of all of
them, so an edited playbook (even only its wording), another option, an upgrade or an edit to
followup's source is a miss, and the proof runs again.

What is kept is what the search found (`Searched`): its totals and the few cases the report
picks, as JSON, one file per key under ``user_cache_dir()/proofs``, at most `KEEP` files (the
least recently used go first).  A file that cannot be read, was not written by this format, or
is damaged is a miss too: the proof runs and replaces it (a FIFO or a link in its place too; a
folder there is left).  A folder that cannot be written only
means nothing is remembered.  The report says when a proof was remembered, and ``--no-cache``
searches again without reading or writing the folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from pathlib import Path

import msgspec

from followup.compile.machine import CompiledPlaybook
from followup.errors import InputError
from followup.io.user_dirs import user_cache_dir
from followup.io.user_files import clear_odd_entry, read_user_bytes, write_atomic
from followup.lint.findings import Searched
from followup.lint.picks import MEASURES, Flat
from followup.lint.space import ProofOptions, Space
from followup.lint.worst import Ev
from followup.model.playbook import Origin, Playbook
from followup.model.vocabulary import CHANNELS
from followup.semantics.meaning import EVENTS, REPLIES
from followup.timeline.holiday_library import library_version_key

FOLDER = "proofs"
FORMAT = 2  # of the files; another is a miss
KEEP = 64  # files kept in the folder, the least recently used dropped first
MAX_BYTES = 4 * 2**20  # a file is a few kilobytes; a larger one is not ours
PACKAGE = Path(__file__).resolve().parent.parent  # followup's own files


class Damaged(ValueError):
    """A remembered proof that is not what this version writes."""


@functools.cache
def code_digest(root: Path = PACKAGE) -> str:
    """A hash of every file of followup (``root``) and of the Python running it: what a proof
    depends on besides the playbook and the options."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(p for p in root.rglob("*") if "__pycache__" not in p.parts):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def proof_key(pb: Playbook, options: ProofOptions, code: str) -> str:
    """The name of the file that remembers the proof of ``pb`` within ``options`` by the code
    whose `code_digest` is ``code``."""
    digest = hashlib.sha256(f"{FORMAT}\0{code}\0{options!r}\0".encode())
    if options.countries:  # their public holidays come from the holidays library's data
        digest.update(f"holidays {library_version_key()}\0".encode())
    digest.update(msgspec.json.encode(_meaning(msgspec.structs.replace(pb, file=""))))
    return digest.hexdigest()


def _meaning(value: object) -> object:
    """``value`` without where its rules were written (`Origin`) and with the names of its
    types: how a playbook's file is named (``prove ID``, ``lint --prove FILE``) or laid out
    changes nothing a proof finds, and the report names the file as the run that shows it
    does."""
    if isinstance(value, Origin):
        return None
    if isinstance(value, msgspec.Struct):
        fields = value.__struct_fields__
        return [type(value).__name__, *(_meaning(getattr(value, f)) for f in fields)]
    if isinstance(value, list | tuple):
        return [_meaning(item) for item in value]
    if isinstance(value, dict):
        return [[_meaning(k), _meaning(v)] for k, v in value.items()]
    return value


class ProofCache:
    """The remembered proofs in one folder."""

    def __init__(self, folder: Path, code: str | None = None) -> None:
        self.folder = folder
        self.code = code_digest() if code is None else code

    @classmethod
    def default(cls) -> ProofCache | None:
        """The one in the user's cache folder (`user_cache_dir`); None where followup's own
        files cannot all be read, so that what a proof depends on is not known."""
        try:
            return cls(user_cache_dir() / FOLDER)
        except OSError:
            return None

    def path(self, pb: Playbook, options: ProofOptions) -> Path:
        """The file that remembers the proof of ``pb`` within ``options``."""
        return self.folder / f"{proof_key(pb, options, self.code)}.json"

    def recall(self, cp: CompiledPlaybook, options: ProofOptions, space: Space) -> Searched | None:
        """What a search of ``space`` for ``cp`` found in an earlier run, or None."""
        path = self.path(cp.playbook, options)
        try:
            raw = read_user_bytes(path, str(path), "remembered proof", MAX_BYTES)
            found = _decoded(json.loads(raw), cp, len(space.starts))
        except (InputError, OSError, ValueError, TypeError, RecursionError):
            return None  # missing, unreadable, or not what this version writes: a miss
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest
        return found

    def keep(self, pb: Playbook, options: ProofOptions, searched: Searched) -> None:
        """Remember what a search found (nothing happens where the folder cannot be written)."""
        path = self.path(pb, options)
        content = json.dumps(_encoded(searched), separators=(",", ":")).encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            clear_odd_entry(path)
            write_atomic(path, content, "remembered proof")
            self._prune()
        except (OSError, InputError):
            pass

    def _prune(self) -> None:
        """Drop the least recently used files past `KEEP`."""
        files = []
        for entry in os.scandir(self.folder):
            if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                files.append((entry.stat().st_mtime_ns, entry.path))
        for _, name in sorted(files)[: max(0, len(files) - KEEP)]:
            Path(name).unlink(missing_ok=True)


def _encoded(searched: Searched) -> dict[str, object]:
    return {
        "format": FORMAT,
        "paths": searched.paths,
        "states": searched.states,
        "closes": searched.closes,
        "seconds": searched.seconds,
        "flats": searched.flats,
    }


def _decoded(data: object, cp: CompiledPlaybook, cases: int) -> Searched:
    """The search a file remembers, checked against the playbook and its space.

    Raises:
        Damaged: the file is not one this version wrote for them.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Damaged("another format")
    rules = {ca.id for group in cp.actions.values() for ca in group} | {""}
    flats = data.get("flats")
    if not isinstance(flats, list):
        raise Damaged("no cases")
    return Searched(
        tuple(_flat(f, cases, rules) for f in flats),
        _int(data.get("paths")),
        _int(data.get("states")),
        _bool(data.get("closes")),
        _number(data.get("seconds")),
        remembered=True,
    )


def _flat(item: object, cases: int, rules: set[str]) -> Flat:
    if not isinstance(item, list) or len(item) != 5:
        raise Damaged("a case")
    index, paths, measures, closes, unclosed = item
    if not isinstance(measures, list) or len(measures) != MEASURES:
        raise Damaged("a case's measures")
    if not 0 <= _int(index) < cases:
        raise Damaged("a case that is not in the space")
    kept: list[tuple[int | None, tuple[Ev, ...] | None]] = []
    for measure in measures:
        if not isinstance(measure, list) or len(measure) != 2:
            raise Damaged("a measure")
        value, events = measure
        kept.append(
            (
                None if value is None else _int(value),
                None if events is None else _events(events, rules),
            )
        )
    return index, _int(paths), tuple(kept), _bool(closes), _events(unclosed, rules)


def _events(item: object, rules: set[str]) -> tuple[Ev, ...]:
    if not isinstance(item, list):
        raise Damaged("a path")
    out: list[Ev] = []
    for ev in item:
        if not isinstance(ev, list) or len(ev) != 6:
            raise Damaged("an event")
        day, kind, channel, outcome, carried, rule = ev
        if (
            kind not in EVENTS
            or not (channel is None or channel in CHANNELS)
            or not (outcome is None or outcome in REPLIES)
            or rule not in rules
        ):
            raise Damaged("an event")
        carried = None if carried is None else _int(carried)
        out.append((_int(day), kind, channel, outcome, carried, rule))
    return tuple(out)


def _int(value: object) -> int:
    if type(value) is not int:
        raise Damaged("a number")
    return value


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise Damaged("a yes or no")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e9:
        raise Damaged("a time")
    return float(value)
