"""A cache's entries on disk (key -> bytes), all in one SQLite file.

One file an entry cost a first build more than making the entries: creating a file is the
slowest thing a file system does (at 3,000 briefings, 12,500 entries took 5 s of the reading
stage alone, most of it the kernel finding free inodes). One SQLite file holds them all, written
in transactions of many entries. As with one file an entry, a reader never sees half an entry
and a killed build loses only what it had not written yet; a damaged or foreign file is replaced
(its entries are misses); a read-only or full disk costs speed, never the build. Safe to delete.

A connection is never used across a fork (SQLite forbids it): a forked process opens its own
and leaves the one it inherited alone. Threads share one connection, behind a lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

# A build waits this long for another process's transaction (a partner's, a second build's).
_BUSY_SECONDS = 10
_inherited: list[sqlite3.Connection] = []  # a parent's connections, kept so they are never closed here


class EntryFile:
    """Entries by key in the SQLite file at path, written as they are put (put_many: many in
    one transaction, several times cheaper an entry), or, when deferred, at flush()."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._process: int | None = None
        self._unusable = False
        self._lock = threading.Lock()
        # Under `mkdocs serve` entries wait in memory until the server is idle: a commit, with the
        # checkpoint SQLite may add to it, took 0.1 s of a rebuild at 10,000 for one briefing's entries.
        self.deferred = False
        self._pending: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        with self._lock:
            if key in self._pending:
                return self._pending[key]
            rows = self._query("SELECT value FROM entries WHERE key = ?", (key,))
        return bytes(rows[0][0]) if rows else None

    def present(self, keys: Iterable[str]) -> set[str]:
        """Which of the keys have an entry (a query for 500 keys, not one a key)."""
        keys, found = list(keys), set()
        with self._lock:
            found.update(key for key in keys if key in self._pending)
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                marks = ",".join("?" * len(part))
                found.update(row[0] for row in self._query(f"SELECT key FROM entries WHERE key IN ({marks})", part))
        return found

    def is_empty(self) -> bool:
        """Whether no entry is there (no file, or a file without rows)."""
        with self._lock:
            return not self._query("SELECT 1 FROM entries LIMIT 1", ())

    def put(self, key: str, data: bytes) -> None:
        self.put_many([(key, data)])

    def put_many(self, entries: Iterable[tuple[str, bytes]]) -> None:
        with self._lock:
            if self.deferred:
                self._pending.update(entries)
                return
            self._write(entries)

    def flush(self) -> None:
        """Write the deferred entries."""
        with self._lock:
            pending, self._pending = self._pending, {}
            if pending:
                self._write(pending.items())

    def _write(self, entries: Iterable[tuple[str, bytes]]) -> None:  # (the lock held)
        connection = self._open(create=True)
        if connection is None:
            return
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", entries)
        except sqlite3.Error:  # a full disk, a file damaged meanwhile: the entries are left out
            pass

    def close(self) -> None:
        with self._lock:
            if self._connection is not None and self._process == os.getpid():
                with contextlib.suppress(sqlite3.Error):
                    self._connection.close()
            self._connection = None

    def _query(self, sql: str, parameters) -> list:
        connection = self._open(create=False)
        if connection is None:
            return []
        try:
            return connection.execute(sql, parameters).fetchall()
        except sqlite3.Error:  # damaged since it was opened: a miss
            return []

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._process != os.getpid():  # a new process (forked): the parent's connection is not ours
            if self._connection is not None:
                _inherited.append(self._connection)
            self._connection, self._process, self._unusable = None, os.getpid(), False
        if self._connection is not None or self._unusable:
            return self._connection
        if not create and not self.path.exists():
            return None
        try:
            self._connection = _connect(self.path)
        except sqlite3.DatabaseError:  # not a database, or a damaged one: start it again
            try:
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(f"{self.path}{suffix}")
                self._connection = _connect(self.path)
            except (OSError, sqlite3.Error):
                self._unusable = True
        except (OSError, sqlite3.Error):  # a read-only or missing folder ...
            self._unusable = True
        return self._connection


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, check_same_thread=False)
    try:
        # WAL: readers and one writer at once, across processes; NORMAL: no sync at each commit
        # (a power cut may lose the last entries, never the file).
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        connection.commit()
    except BaseException:
        connection.close()
        raise
    return connection
