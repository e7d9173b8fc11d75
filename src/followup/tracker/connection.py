"""Talking to SQLite: the tracker's own errors, and the bounded retry on a busy database.

`followup.tracker.store` opens the connection and holds the data; this module only turns
SQLite's answers into ours.
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

from followup.errors import FollowupError, UsageError

BEGIN_ATTEMPTS: Final = 3
T = TypeVar("T")


class StoreError(FollowupError):
    """The database could not be read or written (busy too long, disk full, damaged file)."""


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
        return UsageError(f"--db: cannot open '{path}' ({err})")
    if "not a database" in str(err):
        return UsageError(f"--db: '{path}' is not a followup tracker (not a SQLite database)")
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
