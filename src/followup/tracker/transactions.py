"""The tracker's transactions: one write is one ``BEGIN IMMEDIATE`` ... ``COMMIT``, checked first
for the safeguards of the history; several reads share one snapshot.

`followup.tracker.store.Store` builds its reads and writes on these; how the file is opened
(journal, sync, locking, retries) is `followup.tracker.connection`'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from followup.errors import UsageError, visible
from followup.tracker.connection import retry_busy, store_error
from followup.tracker.schema import damaged_guards


class Transactions:
    """An open tracker database's connection and its transactions: every write is one
    `writing` block, every group of reads that must agree one `reading` block."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, created: bool = False, missing: bool = False
    ) -> None:
        self._conn = conn
        self.path = path
        self.created = created  # the file did not exist: opening it made it
        self.missing = missing  # there is no file: an empty tracker in memory stands in
        self._depth = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, self.path) from None

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the schema's own checks and repairs (`followup doctor`)."""
        return self._conn

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back)."""
        self._conn.close()

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def writing(self, guarded: bool = True) -> Iterator[None]:
        """One write transaction: BEGIN IMMEDIATE (bounded retry), COMMIT, or ROLLBACK on error.

        Nested uses join the outer transaction.  When the block exits normally the commit is on
        disk, so the caller may then report the change as saved.

        Args:
            guarded: Refuse to write unless the append-only triggers are as followup made them
                (only ``followup doctor --repair``, which restores them, writes without).

        Raises:
            StoreError: the database stayed busy; nothing was written.
            UsageError: the safeguards were dropped or changed; nothing was written.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            retry_busy(lambda: self._conn.execute("BEGIN IMMEDIATE"))
        except sqlite3.Error as err:
            raise store_error(err, self.path) from None
        self._depth = 1
        try:
            if guarded:
                self._check_guards()
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._conn.execute("COMMIT")

    def _check_guards(self) -> None:
        # Checked inside the write lock, so no other process can drop a trigger in between.
        damaged = damaged_guards(self._conn)
        if damaged:
            raise UsageError(
                f"{visible(str(self.path))}: refusing to write: the history is no longer "
                f"protected ({'; '.join(damaged[:3])}); expected a tracker whose safeguards are "
                f"intact: run 'followup doctor --db {visible(str(self.path))}' to check it and "
                "'followup doctor --repair' to restore them"
            )

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A consistent snapshot for several reads (joins a write transaction if one is open)."""
        if self._depth:
            yield
            return
        self._conn.execute("BEGIN")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self._conn.execute("COMMIT")
