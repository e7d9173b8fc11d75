"""Talking to SQLite: opening the tracker's file, its own errors, the bounded retry when busy.

Durability and concurrency:

* WAL journal, so readers never block the writer and a process killed mid-write leaves only an
  uncommitted tail that SQLite discards when the file is next opened;
* ``synchronous=FULL``: every COMMIT is on disk before it returns.  With WAL, NORMAL would
  survive a killed process too but can lose the last commits on a power cut, and the CLI
  promises "saved" as soon as COMMIT returns; one fsync per command is nothing at human speed;
* every write is one ``BEGIN IMMEDIATE`` transaction (the write lock is taken before anything is
  read, so a check made inside it cannot be invalidated by another process), waiting up to
  ``BUSY_SECONDS`` for a busy database and retried a bounded number of times;
* foreign keys on, and triggers (see `schema`) that refuse to rewrite history.

`followup.tracker.store` holds the data read and written through the connection opened here.
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

from followup.errors import FollowupError, UsageError, shortened, visible
from followup.io.user_files import kind_problem, path_problem
from followup.tracker.schema import migrate

BEGIN_ATTEMPTS: Final = 3
DB_NAME: Final = "followup.db"
BUSY_SECONDS: Final = 5.0
T = TypeVar("T")


class StoreError(FollowupError):
    """The database could not be read or written (busy too long, disk full, damaged file)."""


class DamagedFile(StoreError):
    """SQLite found the file damaged (cut short, overwritten): it cannot be read as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: database error: {reason}")
        self.path = path
        self.reason = reason  # SQLite's own words


def is_busy(err: sqlite3.Error) -> bool:
    """Whether SQLite answered "busy" or "locked" (another connection holds the lock)."""
    return (getattr(err, "sqlite_errorcode", 0) & 0xFF) in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    )


def store_error(err: sqlite3.Error, path: Path) -> FollowupError:
    """The error to report for a SQLite failure on the tracker at ``path``."""
    if is_busy(err):
        return StoreError(
            f"{path}: the database stayed busy (another followup is writing); nothing was "
            "saved, try again"
        )
    if "unable to open" in str(err):
        return UsageError(f"cannot open '{path}' ({err})")
    if "not a database" in str(err):
        return UsageError(f"'{path}' is not a followup tracker (not a SQLite database)")
    if (getattr(err, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_CORRUPT:
        return DamagedFile(path, str(err))
    return StoreError(f"{path}: database error: {err}")


def retry_busy(work: Callable[[], T]) -> T:
    """Run ``work``, retrying it a bounded number of times while the database stays busy.

    ``busy_timeout`` already waits inside SQLite; a retry covers the rare busy answer it does
    not wait for (another connection recovering the WAL after a crash) and a writer slower
    than the timeout.
    """
    attempt = 0
    while True:
        try:
            return work()
        except sqlite3.OperationalError as err:
            attempt += 1
            if not is_busy(err) or attempt >= BEGIN_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt + secrets.randbelow(50) / 1000)


def default_db_path() -> Path:
    """The tracker file in this user's data folder (``followup.db``)."""
    import platformdirs  # lazy: ~20 ms to import; only the tracker commands pay for it

    return Path(platformdirs.user_data_dir("followup", appauthor=False)) / DB_NAME


def connect(db: Path | None, create: bool = True) -> tuple[sqlite3.Connection, Path, bool, bool]:
    """The connection behind `followup.tracker.store.open_store`, whose docstring says what
    ``db`` and ``create`` mean: WAL, full sync, the busy wait and the migrations applied.

    Nothing is written to a file that is there but empty (0 bytes) unless ``create``: it is no
    tracker, and a command that only reads or changes one must not make it one.

    Returns:
        The connection, the file's path, whether opening created the tracker (a new file, or
        one that was empty), and whether there is no file (an empty tracker in memory stands
        in).

    Raises:
        UsageError: the path is not a file (a folder, a FIFO, a loop, a name too long...), the
            file is empty and not ``create``, it is not a followup tracker, or its folder
            cannot be created.
        StoreError: the database is damaged or stayed busy.
    """
    path = db if db is not None else default_db_path()
    size = file_size(path)
    if size is None and not create:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        migrate(conn, str(path))
        return conn, path, False, True
    if size == 0 and not create:
        raise UsageError(
            f"'{shown_path(path)}' is empty (0 bytes): not a followup tracker (was it "
            "truncated?); expected a tracker database file: restore it from a backup, or "
            "'followup add' or 'followup import' starts a new tracker in it"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        where = shown_path(path)
        raise UsageError(f"cannot create the folder of '{where}': {err.strerror}") from None
    try:
        # Autocommit mode: transactions are begun explicitly, as IMMEDIATE, by this module.
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as err:
        raise store_error(err, path) from None
    try:
        _configure(conn, path)
    except sqlite3.Error as err:
        conn.close()
        raise store_error(err, path) from None
    except BaseException:
        conn.close()
        raise
    return conn, path, not size, False


def shown_path(path: Path) -> str:
    """The path as a message shows it: escaped, and cut short when huge."""
    return visible(shortened(str(path), 100))


def file_size(path: Path) -> int | None:
    """The size of the regular file at ``path``, or None when there is none (its folder may be
    missing too: the file is created with it).

    Raises:
        UsageError: ``path`` names something else (a folder, a FIFO, a device, a link to
            nothing) or cannot be looked up (a name too long, a loop, a file where a folder
            should be, no permission), said in words after the path.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError) as err:
        if isinstance(err, FileNotFoundError) and not os.path.islink(path):
            return None
        why = _not_a_folder(path) if getattr(err, "errno", None) == errno.ENOTDIR else None
        why = why or path_problem(path) or f"cannot be looked up ({err})"
        raise UsageError(f"'{shown_path(path)}': {why}; expected a tracker database file") from None
    if not stat.S_ISREG(info.st_mode):
        why = kind_problem(info.st_mode) or "is not a regular file"
        raise UsageError(f"'{shown_path(path)}': {why}; expected a tracker database file")
    return info.st_size


def _not_a_folder(path: Path) -> str | None:
    """Which folder on ``path`` is a file, in words, if one is."""
    for parent in reversed(path.parents):
        try:
            mode = os.stat(parent).st_mode
        except (OSError, ValueError):
            return None
        if not stat.S_ISDIR(mode):
            what = "is a file, not a folder" if stat.S_ISREG(mode) else "is not a folder"
            return f"'{shown_path(parent)}' {what}"
    return None


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
    if str(mode).lower() != "wal":
        raise StoreError(f"{path}: the file system does not allow a WAL journal ({mode})")
    conn.execute("PRAGMA synchronous = FULL")
    retry_busy(lambda: migrate(conn, str(path)))
