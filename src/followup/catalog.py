"""Where playbooks live and how one is found by id or path, loaded, checked and compiled once.

Bundled playbooks ship inside the package (``followup/bundled`` in a wheel; the repository's
``playbooks/`` folder in a development checkout).  Coaches add folders of their own (see
`followup.authoring.folders`); a coach's playbook with the id of a bundled one is used in its
place.  A playbook that ``extends`` another is merged with it (`followup.authoring.extends`);
its base is found by id through the same folders, or by path from the child's own folder.
A playbook file is parsed and compiled at most once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import msgspec

from followup.authoring.folders import default_dirs
from followup.compile.machine import CompiledPlaybook, compile_playbook
from followup.drafts import check_cached
from followup.errors import InputError, Problem, UsageError, suggest, type_name
from followup.io.user_files import path_problem
from followup.io.yaml_reader import YAML_SUFFIXES, Document, read_yaml_file
from followup.language.playbook_loader import build_playbook
from followup.model.playbook import Playbook

EXTENDS_HELP = "the id of a playbook (see 'followup playbooks'), or its file"


def bundled_dir() -> Path:
    """The folder of playbooks that ship with followup."""
    here = Path(__file__).resolve().parent
    packaged = here / "bundled"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "playbooks"  # a development checkout (src layout)


class Entry(msgspec.Struct, frozen=True):
    """A playbook file found in a folder; ``id`` is the file name without extension.

    ``shadows`` is the playbook of the same id that this one is used in place of, if any.
    """

    id: str
    path: Path
    bundled: bool
    shadows: Entry | None = None


def mark(entry: Entry | None) -> str:
    """How ``followup playbooks`` marks a playbook: nothing for a bundled one."""
    if entry is not None and entry.bundled:
        return ""
    if entry is None or entry.shadows is None:
        return "  (yours)"
    if entry.shadows.bundled:
        return "  (yours, used instead of the bundled playbook of that id)"
    return f"  (yours, used instead of {entry.shadows.path})"


def _is_dir(folder: Path) -> bool:
    """Whether ``folder`` is a folder; a name the system cannot even look up (too long) is not."""
    try:
        return folder.is_dir()
    except OSError:  # is_dir() lets ENAMETOOLONG through; it is just "not a folder" here
        return False


def discover(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Entry]:
    """Every playbook by id: bundled first, then each extra folder (later folders win).

    Raises:
        UsageError: one of ``extra_dirs`` is not a folder.
    """
    found: dict[str, Entry] = {}
    for folder, bundled in ((bundled_dir(), True), *((d, False) for d in extra_dirs)):
        if not _is_dir(folder):
            if not bundled:
                raise UsageError(f"--playbooks: '{folder}' is not a folder")
            continue
        try:
            listing = sorted(folder.iterdir())
        except OSError as exc:  # e.g. a folder we may not enter: a usage error, not a traceback
            raise UsageError(f"--playbooks: cannot list '{folder}': {exc.strerror}") from None
        for path in listing:
            if path.suffix in YAML_SUFFIXES and path.is_file():
                found[path.stem] = Entry(path.stem, path, bundled, found.get(path.stem))
    return found


def looks_like_path(ref: str) -> bool:
    """Whether a playbook reference is a file (not an id)."""
    return ref.endswith(YAML_SUFFIXES) or "/" in ref or "\\" in ref


def resolve(ref: str, extra_dirs: tuple[Path, ...] = ()) -> Path:
    """The file for a playbook id or path.

    Raises:
        UsageError: no playbook has that id (with the closest ids).
        InputError: the path is missing or not a regular file (a folder, a FIFO, a device, a
            loop, not readable), located at ``path:1:1`` and named for what it is.
    """
    if looks_like_path(ref):
        path = Path(ref)
        # Checked by type, not with is_file(): a FIFO, a loop or a folder is named as such
        # instead of "does not exist", and never reaches open() or Path.resolve().
        why = path_problem(path)
        if why is not None:
            raise InputError.at(ref, 1, 1, why, "a playbook file (YAML)")
        return path
    entries = discover(extra_dirs)
    if ref in entries:
        return entries[ref].path
    misnamed = _declaring(ref, entries)
    if misnamed is not None:
        raise UsageError(
            f"no playbook file is named '{ref}', but {_display(misnamed)} says 'id: {ref}'; "
            f"a playbook is found by its file's name: rename it to {ref}{misnamed.suffix}, "
            f"or use '{misnamed.stem}'"
        )
    hint = suggest(ref, entries) or ""
    known = ", ".join(sorted(entries))
    raise UsageError(f"no playbook with id '{ref}'{hint}; known ids: {known}")


def _declaring(ref: str, entries: dict[str, Entry]) -> Path | None:
    """A coach's playbook file whose own ``id`` is ``ref`` although its name is not (read only
    when no file is named ``ref``: the error path, where the time is no matter)."""
    for entry in entries.values():
        if entry.bundled:
            continue
        try:
            data = read_yaml_file(entry.path).data
        except InputError:
            continue
        if isinstance(data, dict) and data.get("id") == ref:
            return entry.path
    return None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@cache
def _read(path: Path, mtime_ns: int) -> Document:
    return read_yaml_file(path, display=_display(path))


@cache
def _load(path: Path, mtime_ns: int) -> CompiledPlaybook:
    playbook = build_playbook(_read(path, mtime_ns))
    check_cached(playbook, path)  # its templates, once per version of the file
    return compile_playbook(playbook)


def _extending(doc: Document) -> bool:
    return isinstance(doc.data, dict) and "extends" in doc.data


# -- extends ------------------------------------------------------------------------------------

Link = tuple[Path, int, Document]  # a resolved file, its mtime, its document


def _base_of(doc: Document, path: Path, dirs: tuple[Path, ...]) -> Path:
    """The file a document's ``extends`` names.

    Raises:
        InputError: located at ``extends``: not text, or no such playbook.
        UsageError: one of ``dirs`` is not a folder.
    """
    assert isinstance(doc.data, dict)
    ref = doc.data.get("extends")
    if not isinstance(ref, str) or not ref.strip():
        shown = "empty" if isinstance(ref, str) else type_name(ref)
        raise InputError([doc.problem(("extends",), f"extends is {shown}", EXTENDS_HELP)])
    if looks_like_path(ref):
        target = path.parent / ref
        if not target.is_file():
            raise InputError(
                [
                    doc.problem(
                        ("extends",),
                        f"no playbook file '{ref}' (looked for {target})",
                        "a file, relative to this playbook's folder, or a playbook id",
                    )
                ]
            )
        return target.resolve()
    entries = discover(dirs)
    if ref not in entries and path.parent not in dirs:
        # A base by id is found in the playbook's own folder too, so that two files there
        # extending each other are a circle, not "no playbook with id" for want of a flag.
        entries = discover((*dirs, path.parent))
    entry = entries.get(ref)
    # A coach's playbook may build on the bundled one it stands in for, by that same id.
    while entry is not None and entry.shadows is not None and entry.path.resolve() == path:
        entry = entry.shadows
    if entry is None:
        hint = suggest(ref, entries)
        raise InputError(
            [doc.problem(("extends",), f"no playbook with id '{ref}'{hint}", EXTENDS_HELP)]
        )
    return entry.path.resolve()


def _link(path: Path) -> Link:
    mtime = path.stat().st_mtime_ns
    return path, mtime, _read(path, mtime)


def _chain(doc: Document, path: Path, dirs: tuple[Path, ...]) -> list[Link]:
    """A playbook and every playbook under it through ``extends``, the child first.

    Raises:
        InputError: an ``extends`` names nothing, the chain goes round in a circle, or a base
            file cannot be read.
    """
    chain: list[Link] = [(path, path.stat().st_mtime_ns if path.is_file() else 0, doc)]
    while _extending(doc):
        base = _base_of(doc, path, dirs)
        seen = [p for p, _, _ in chain]
        if base in seen:
            raise InputError([_circle(chain[seen.index(base) :])])
        try:
            link = _link(base)
        except InputError as err:
            raise InputError([_note(doc), *err.problems]) from None
        chain.append(link)
        path, _, doc = link
    return chain


def _circle(links: list[Link]) -> Problem:
    """One problem, at the first ``extends`` of the circle, naming every step of it."""
    steps = []
    for _, _, doc in links:
        assert isinstance(doc.data, dict)
        line, col = doc.where(("extends",))
        steps.append(f"{doc.file}:{line}:{col} extends '{doc.data['extends']}'")
    first = links[0][2]
    return first.problem(
        ("extends",),
        "playbooks extend each other in a circle: " + " -> ".join(steps) + " -> back to the first",
        "a chain of extends that ends in a playbook that extends nothing",
    )


def _note(child: Document) -> Problem:
    return child.problem(
        ("extends",),
        "the playbook this one extends has problems (listed at its file)",
        "a base playbook that passes 'followup validate'",
    )


def _build(view: Document) -> Playbook:
    # lazy: only playbooks that extend another need the merge (plan cold start)
    from followup.authoring.extends import MergedDocument, build

    return build(view) if isinstance(view, MergedDocument) else build_playbook(view)


def _merged(chain: list[Link]) -> Document:
    """The child of a chain laid over all its bases; each base is checked on its own first.

    Raises:
        InputError: a base has problems (with a note at the ``extends`` that names it).
    """
    # lazy: only playbooks that extend another (plan cold start)
    from followup.authoring.extends import merge

    view = chain[-1][2]
    for _, _, doc in reversed(chain[:-1]):
        try:
            _build(view)
        except InputError as err:
            raise InputError([_note(doc), *err.problems]) from None
        view = merge(doc, view)
    return view


@cache
def _load_chain(stamps: tuple[tuple[Path, int], ...]) -> CompiledPlaybook:
    chain = [(path, mtime, _read(path, mtime)) for path, mtime in stamps]
    playbook = _build(_merged(chain))
    check_cached(playbook, *(path for path, _ in stamps))  # templates may come from any file
    return compile_playbook(playbook)


def build_document(
    doc: Document, path: Path | None = None, dirs: tuple[Path, ...] | None = None
) -> Playbook:
    """Check a playbook document and build its model, following its ``extends`` chain.

    Args:
        doc: The parsed playbook.
        path: Its file (default: ``doc.file``), against whose folder a relative ``extends``
            resolves.
        dirs: Coaches' folders to find a base by id (default: the user's, as on the CLI).

    Raises:
        InputError: every problem found, each located in the file it is in.
        UsageError: one of ``dirs`` is not a folder.
    """
    if not _extending(doc):
        return build_playbook(doc)
    if dirs is None:
        dirs = default_dirs()
    chain = _chain(doc, (path or Path(doc.file)).resolve(), dirs)
    return _build(_merged(chain))


def document(ref: str, extra_dirs: tuple[Path, ...] = ()) -> Document:
    """A playbook's data, merged with its bases if it extends any (for tools that copy rules).

    Raises:
        UsageError: unknown id or missing file.
        InputError: the playbook or one of its bases has problems.
    """
    path = resolve(ref, extra_dirs).resolve()
    _, _, doc = _link(path)
    if not _extending(doc):
        return doc
    return _merged(_chain(doc, path, extra_dirs))


def load(ref: str, extra_dirs: tuple[Path, ...] = ()) -> CompiledPlaybook:
    """Find, check and compile a playbook (cached for the life of the process).

    Raises:
        UsageError: unknown id or missing file.
        InputError: the playbook file has problems (every one, located).
    """
    path = resolve(ref, extra_dirs).resolve()
    _, mtime, doc = _link(path)
    if not _extending(doc):
        return _load(path, mtime)
    chain = _chain(doc, path, extra_dirs)
    return _load_chain(tuple((p, m) for p, m, _ in chain))


def load_all(extra_dirs: tuple[Path, ...] = ()) -> list[CompiledPlaybook]:
    """Every known playbook, compiled, in id order.

    Raises:
        InputError: a playbook has problems (the first one found).
        UsageError: one of ``extra_dirs`` is not a folder.
    """
    return [load(str(e.path), extra_dirs) for _, e in sorted(discover(extra_dirs).items())]


def load_each(extra_dirs: tuple[Path, ...] = ()) -> tuple[list[CompiledPlaybook], list[Problem]]:
    """Every known playbook that loads, in id order, and the problems of those that do not.

    One broken file in a coach's folder does not hide the others from the commands that list
    or compare them all.

    Raises:
        UsageError: one of ``extra_dirs`` is not a folder.
    """
    found: list[tuple[str, Path, CompiledPlaybook]] = []
    problems: list[Problem] = []
    for name, entry in sorted(discover(extra_dirs).items()):
        try:
            cp = load(str(entry.path), extra_dirs)
        except InputError as err:
            problems += err.problems
            continue
        found.append((name, entry.path, cp))
        if cp.id != name:
            problems.append(
                Problem(
                    _display(entry.path),
                    1,
                    1,
                    f"this playbook says 'id: {cp.id}', but a playbook is found by its file's "
                    f"name, so '--playbook {cp.id}' and 'playbook: {cp.id}' in a case do not "
                    "find it",
                    f"the file named {cp.id}{entry.path.suffix}, or 'id: {name}'",
                )
            )
    # Two files giving one id: the one named after it is the one `--playbook ID` finds.
    found.sort(key=lambda item: item[0] != item[2].id)
    seen: dict[str, Path] = {}
    loaded: list[CompiledPlaybook] = []
    for _, path, cp in found:
        first = seen.setdefault(cp.id, path)
        if first == path:
            loaded.append(cp)
            continue
        problems.append(
            Problem(
                _display(path),
                1,
                1,
                f"playbook id '{cp.id}' is also the id of {_display(first)}, so this one is "
                "left out",
                "a different id in each playbook file (its file name is the id to use)",
            )
        )
    return sorted(loaded, key=lambda cp: cp.id), problems


def model_of(ref: str, extra_dirs: tuple[Path, ...] = ()) -> Playbook:
    """The checked model of a playbook, for display."""
    return load(ref, extra_dirs).playbook
