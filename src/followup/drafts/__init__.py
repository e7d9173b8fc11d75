"""Message drafts and calendar reminders for a plan's steps, from templates a playbook carries.

* `followup.drafts.sandbox`: the Jinja2 sandbox templates run in (what they may and may not do);
* `followup.drafts.templates`: the data a template sees, the built-in drafts, checking, rendering;
* `followup.drafts.compose`: which steps get a draft, for whom;
* `followup.drafts.ical`: the iCalendar file of upcoming steps.

Templates are checked when a playbook loads, but Jinja2 costs about 70 ms to import, half the
start-up budget of ``followup plan``, which never renders a draft.  So `check_cached` (called
by `followup.catalog` for every playbook it loads) remembers which playbook files it has
already checked: a small marker file per file under ``user_cache_dir()/templates-checked``,
keyed by the file's absolute path, modification time (ns), size and the followup version.
A hit costs one ``stat`` and one small read, and Jinja2 is not imported; a miss checks every
template (importing Jinja2) and writes the marker only if they are all fine.  An unwritable
cache folder just means checking every time.  Safety never depends on the cache: every
rendering runs in the sandbox whether or not the file was checked.  ``followup validate``
checks templates every time, without the cache (`followup.drafts.templates.template_problems`).
"""

from __future__ import annotations

import zlib
from pathlib import Path

from followup import __version__
from followup.errors import InputError
from followup.io.user_dirs import user_cache_dir
from followup.io.user_files import clear_odd_entry, read_user_bytes, write_atomic
from followup.model.playbook import Playbook

MARKER_DIR = "templates-checked"


def _key(paths: tuple[Path, ...]) -> str | None:
    """The files' absolute paths, mtimes and sizes, and the followup version (None if one is
    gone)."""
    lines = [__version__]
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        lines.append(f"{path.resolve()}\t{info.st_mtime_ns}\t{info.st_size}")
    return "\n".join(lines) + "\n"


def _marker(key: str) -> Path:

    # Two checksums make a collision unlikely, and the marker holds the whole key to rule it out;
    # hashlib would cost more to import than everything else on this path.
    data = key.encode("utf-8", "surrogatepass")
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return user_cache_dir() / MARKER_DIR / name


def is_checked(*paths: Path) -> bool:
    """Whether these versions of a playbook's files are known to have good templates."""
    key = _key(paths)
    return key is not None and _hit(key)


def _hit(key: str) -> bool:
    data = key.encode("utf-8", "surrogatepass")
    marker = _marker(key)
    try:  # a FIFO in its place is refused, never opened blocking
        return read_user_bytes(marker, str(marker), "marker file", len(data)) == data
    except InputError:
        return False


def _remember(key: str) -> None:
    marker = _marker(key)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        clear_odd_entry(marker)
        data = key.encode("utf-8", "surrogatepass")  # as `_hit` reads it
        write_atomic(marker, data, "marker file")  # never half a marker
    except (OSError, InputError):
        pass  # no cache: the templates are checked again next time


def check_cached(playbook: Playbook, *paths: Path) -> None:
    """Check a playbook's templates unless these versions of its files were checked before.

    ``paths`` are the playbook's file and, if it extends others, theirs: templates can come
    from any of them.

    Raises:
        InputError: a template has problems (every one, located in the file).
    """
    if not playbook.templates:
        return
    key = _key(paths)  # taken before checking: a file edited meanwhile is not marked as checked
    if key is not None and _hit(key):
        return
    # lazy: jinja2 loads only when templates must be checked
    from followup.drafts.templates import check_templates

    check_templates(playbook)
    if key is not None:
        _remember(key)
