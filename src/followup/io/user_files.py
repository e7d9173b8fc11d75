"""Open a file a user named, safely: regular files only, and every read bounded in size.

A path on the command line (or found in a folder the user named) may be anything: a FIFO that
blocks ``open`` until a writer comes (forever), ``/dev/zero`` that never ends, a folder, a
symlink loop, a file in a folder we may not enter.  Everything that reads a user's file goes
through here, so each of those is one located problem (``file:1:1: is a FIFO ...``) instead of
a hang, a memory blow-up or a traceback.

The type is checked with ``os.stat`` before opening (so a FIFO is never opened blocking), then
again with ``fstat`` on what was opened (non-blocking), so a file swapped for a FIFO between the
two is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final

from followup.errors import InputError, UsageError

_MB: Final = 1024 * 1024
# The most a file a person writes by hand (a playbook, a case, a feature) may hold: far more than
# any real one, and small enough that reading and parsing it stays quick and bounded.
HAND_WRITTEN_LIMIT: Final = 2 * _MB
# Chunk in which files are read line by line (and an over-long line is dropped).
_CHUNK: Final = 256 * 1024
# O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.  O_NOCTTY: a
# terminal device must never become our controlling terminal.  Absent flags (Windows) are 0.
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_ERRNO_WORDS: Final = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a directory, not a file",
}


# One line of a user's file: its 1-based number and its bytes without the line end, or None
# when it was longer than the cap (and skipped).  A plain tuple: batches make millions.
Line = tuple[int, bytes | None]


def kind_problem(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words, when it is not a regular file; else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def _refusal(exc: OSError | ValueError, name: str, what: str) -> InputError:
    """The located problem for a failed ``stat``/``open`` of a user's path."""
    if isinstance(exc, ValueError):  # a NUL byte in the path
        return InputError.at(name, 1, 1, "cannot read file: the name contains a NUL", f"a {what}")
    words = _ERRNO_WORDS.get(exc.errno or 0)
    if words == "no such file":
        return InputError.at(name, 1, 1, words, f"an existing {what}")
    if words == "permission denied":
        return InputError.at(name, 1, 1, words, f"a readable {what}")
    if words is not None:
        return InputError.at(name, 1, 1, words, f"a {what}")
    return InputError.at(
        name, 1, 1, f"cannot read file: {exc.strerror or exc}", f"a readable {what}"
    )


def check_user_file(path: Path | str, name: str, what: str) -> os.stat_result:
    """``os.stat`` of a user's file, refusing anything but a regular file, without opening it.

    Args:
        path: The path the user gave.
        name: Display name used in the problem.
        what: What the file should be, without article ("YAML file"), for "expected ...".

    Raises:
        InputError: located at ``name:1:1``: missing, unreadable, a loop, or not a regular file.
        UsageError: the path is empty (there is no file name to point at).
    """
    if not name:
        raise UsageError(f"an empty path was given; expected a {what}")
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        raise _refusal(exc, name, what) from None
    problem = kind_problem(info.st_mode)
    if problem is not None:
        raise InputError.at(name, 1, 1, problem, f"a {what}")
    return info


def open_user_file(path: Path | str, name: str, what: str) -> BinaryIO:
    """Open a user's regular file for binary reading, never blocking on a FIFO or device.

    Raises:
        InputError: as :func:`check_user_file`, also for what was actually opened.
    """
    check_user_file(path, name, what)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise _refusal(exc, name, what) from None
    try:
        problem = kind_problem(os.fstat(fd).st_mode)
        if problem is not None:  # swapped since the stat: refuse what we got
            raise InputError.at(name, 1, 1, problem, f"a {what}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def size_words(n: int, *, limit: bool = False) -> str:
    """A byte count as a person reads it ("512 bytes", "1.5 KB", "2 MB")."""
    if n < 1024:
        return f"{n} bytes"
    value, unit = (n / _MB, "MB") if n >= _MB else (n / 1024, "KB")
    text = f"{value:.1f}"
    return f"{text.removesuffix('.0') if limit else text} {unit}"


def read_user_bytes(path: Path | str, name: str, what: str, max_bytes: int) -> bytes:
    """All of a user's regular file, refusing one larger than ``max_bytes`` before reading it.

    Raises:
        InputError: as :func:`open_user_file`, or the file is larger than ``max_bytes``.
    """
    too_big = f"at most {size_words(max_bytes, limit=True)}"
    with open_user_file(path, name, what) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise InputError.at(name, 1, 1, f"file is {size_words(size)}", too_big)
        try:
            # Bounded even after the check: the file may grow while we read it.
            raw = handle.read(max_bytes + 1)
        except OSError as exc:
            raise _refusal(exc, name, what) from None
    if len(raw) > max_bytes:
        raise InputError.at(
            name, 1, 1, f"file is larger than {size_words(max_bytes, limit=True)}", too_big
        )
    return raw


def read_user_text(path: Path | str, name: str, what: str, max_bytes: int) -> str:
    """A user's regular file as UTF-8 text (see :func:`read_user_bytes`).

    Raises:
        InputError: as :func:`read_user_bytes`, or the bytes are not UTF-8 (located).
    """
    raw = read_user_bytes(path, name, what, max_bytes)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        col = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"byte 0x{raw[exc.start]:02X} is not valid UTF-8"
        raise InputError.at(name, head.count(b"\n") + 1, col, message, "UTF-8 text") from None


def write_atomic(path: Path, content: bytes, what: str) -> None:
    """Replace ``path`` with ``content`` through a temporary file and a rename, so a reader
    (or a crash) sees the old file or the new one, never half of one.

    Raises:
        InputError: ``path`` exists and is not a regular file: the rename would put a file in
            the place of a device (``/dev/null`` for everyone, when run as root), a FIFO or a
            folder, so it is refused by type (located at ``path:1:1``; ``what``: the file
            expected there, without article).
        OSError: the file cannot be written.
    """
    try:
        problem = kind_problem(os.stat(path).st_mode)
    except FileNotFoundError:
        problem = None
    if problem is not None:
        raise InputError.at(str(path), 1, 1, problem, f"a {what}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def clear_odd_entry(path: Path) -> None:
    """Remove what stands at ``path``, one of followup's own cache file names, when it is
    neither a file nor a folder (a FIFO, a socket, a symbolic link): `write_atomic` refuses
    to replace it, so the cache would miss there on every run.  A folder, which may hold
    anything, is left.

    Raises:
        OSError: it cannot be removed.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        path.unlink()


def bounded_lines(handle: BinaryIO, max_line: int) -> Iterator[Line]:
    """Each line of ``handle`` (split at ``\\n``, a ``\\r`` before it dropped), bounded in memory.

    The file is read in chunks; a line longer than ``max_line`` bytes is yielded as
    ``(number, None)`` and its bytes are dropped as they come, so one 50 MB line costs a chunk
    of memory, not 50 MB.
    """
    number = 0
    pending = b""  # the start of a line the last chunk did not finish
    too_long = False
    while chunk := handle.read(_CHUNK):
        pieces = chunk.split(b"\n")
        last = pieces.pop()  # unfinished: the next chunk goes on with it
        for piece in pieces:
            number += 1
            if too_long or len(pending) + len(piece) > max_line:
                yield number, None
            else:
                yield number, (pending + piece if pending else piece).removesuffix(b"\r")
            pending, too_long = b"", False
        if too_long or len(pending) + len(last) > max_line:
            pending, too_long = b"", True
        else:
            pending += last
    if pending or too_long:
        yield number + 1, None if too_long else pending.removesuffix(b"\r")


def folder_entries(path: Path, name: str, suffixes: tuple[str, ...]) -> list[Path]:
    """The entries of a user's folder whose names end in ``suffixes``, sorted, whatever they are.

    Entries are not filtered by type: a FIFO or a loop named ``x.yaml`` is returned and then
    refused by :func:`open_user_file` with its own located problem, instead of vanishing.

    Raises:
        InputError: the folder cannot be listed (located at ``name:1:1``).
    """
    try:
        return sorted(p for p in path.iterdir() if p.name.endswith(suffixes))
    except (OSError, ValueError) as exc:
        raise _refusal(exc, name, "folder") from None


def path_problem(path: Path | str) -> str | None:
    """What is wrong with reading ``path`` as a regular file, in words; None if nothing is."""
    try:
        check_user_file(path, str(path), "file")
    except InputError as err:
        return err.problems[0].message
    return None


def path_kind(path: Path | str) -> str:
    """``"file"``, ``"folder"``, or ``"other"`` (missing, a loop, a FIFO...): never raises."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return "other"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "other"
