"""What the caches share: memory kept across the builds of one `mkdocs serve` (with counts of
hits and misses), and files written so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from briefings.cache.entries import EntryFile


class KeptInMemory:
    """The memory side of a cache kept by one process across builds (`mkdocs serve`): entries
    a build uses stay in memory, the others leave; hits and misses count the last build.
    Call reset_counts() before a build and forget_unused() after it (disk entries stay).
    The disk side: `entries`, one SQLite file in the folder (entries.py)."""

    entries_name = "entries.sqlite"

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.entries = EntryFile(self.folder / self.entries_name) if self.folder is not None else None
        self._memory: dict = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def reset_counts(self) -> None:
        self.hits = 0
        self.misses = 0
        self._used = set()

    def keep(self, key: str) -> None:
        """Count an entry as used without reading it (its output is still in place)."""
        self._used.add(key)

    def forget_unused(self) -> None:
        # Entries of files removed or changed since would otherwise pile up over a long serve.
        self._memory = {key: value for key, value in self._memory.items() if key in self._used}


# A file modified this recently may be modified again within the clock's resolution, unseen:
# what is known of it by its stat is not remembered (git's "racy clean" rule).
RACY_NS = 2_000_000_000


def stat_signature(path: Path | str) -> tuple:
    """What tells a file changed without reading it (the test git's index and MkDocs' dirty
    builds rely on): its identity, size and modification time to the nanosecond; () if gone."""
    try:
        return signature_of(os.stat(path))
    except FileNotFoundError:
        return ()


def signature_of(found: os.stat_result) -> tuple:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def settled(signature: tuple) -> bool:
    """Whether a file with this signature was modified long enough ago to be known by it."""
    return bool(signature) and signature[3] <= time.time_ns() - RACY_NS


class BuildMemo:
    """Values kept from one build of this process to the next (`mkdocs serve`): what a build
    takes or puts is kept for the next one, the rest is let go when that one starts."""

    def __init__(self) -> None:
        self._last: dict = {}
        self._now: dict = {}

    def start(self) -> None:
        self._last, self._now = self._now, {}

    def get(self, key, default=None):
        if key in self._now:
            return self._now[key]
        if key in self._last:
            value = self._now[key] = self._last[key]
            return value
        return default

    def put(self, key, value) -> None:
        self._now[key] = value

    def __len__(self) -> int:
        return len(self._now)


class ObjectMemo:
    """Values made from objects, kept by the object itself (its identity, not its value) from
    one build of this process to the next: an object the last build had too, such as a record
    the record cache kept, is not worked on again. A value made under another context (the
    site's address ...) is never taken."""

    def __init__(self) -> None:
        self._kept = BuildMemo()  # id(object) -> (object, value)
        self._context = None

    def start(self, context=None) -> None:
        if context != self._context:
            self._kept, self._context = BuildMemo(), context
        self._kept.start()

    def of(self, source, make):
        found = self._kept.get(id(source))
        if found is None or found[0] is not source:  # (an id is only its object's while it lives)
            found = (source, make(source))
        self._kept.put(id(source), found)
        return found[1]


class MadeFrom:
    """Objects made for named outputs (a generated file's File), kept by name from one build of
    this process to the next with what each was made from: one made from the very same object
    (identity: two outputs may share a content object) under the same context is taken again."""

    def __init__(self) -> None:
        self._kept = BuildMemo()  # name -> (source, made)
        self._context = None

    def start(self, context=None) -> None:
        if context != self._context:
            self._kept, self._context = BuildMemo(), context
        self._kept.start()

    def get(self, name: str, source):
        """What was made for name from this very source, or None."""
        found = self._kept.get(name)
        return found[1] if found is not None and found[0] is source else None

    def put(self, name: str, source, made) -> None:
        self._kept.put(name, (source, made))


class LastBuildBytes:
    """Under `mkdocs serve`: a bytes cache (get_bytes/put_bytes) that answers first from what
    the last build got or put, as it was, then from the cache behind it (which keeps entries
    compressed: decompressing every feed again took 0.6 s of a rebuild at 10,000 briefings).
    The bytes are the site's own files, so keeping them costs no more memory."""

    def __init__(self) -> None:
        self._kept = BuildMemo()
        self.behind = None

    def begin(self, behind) -> LastBuildBytes:
        """Start a build over the cache behind."""
        self._kept.start()
        self.behind = behind
        return self

    def get_bytes(self, key: str) -> bytes | None:
        data = self._kept.get(key)
        if data is None:
            data = self.behind.get_bytes(key)
            if data is not None:
                self._kept.put(key, data)
        return data

    def put_bytes(self, key: str, data: bytes) -> None:
        self._kept.put(key, data)
        self.behind.put_bytes(key, data)


def code_digest(header: str, files: Iterable[Path], root: Path, libraries: Iterable[str]) -> str:
    """A digest of header, the files (their paths under root and their bytes) and the versions
    of the libraries installed: what a cache's entries are made by, besides their input."""
    from importlib import metadata

    digest = hashlib.sha256(f"{header}\n".encode())
    for path in files:
        digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    for library in libraries:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\n".encode())
    return digest.hexdigest()


def write_atomically(target: Path, data: bytes) -> None:
    """Write a cache entry aside and rename it: a build killed midway never leaves half an entry.
    A read-only or full disk costs speed, never the build.

    The name aside is the target's plus this process's id and a counter (unique among the
    processes and threads writing at once; tempfile.mkstemp when taken), and the folder is
    made only when missing: fewer system calls than mkstemp, for the thousands of entries a
    first build writes."""
    try:
        try:
            temporary = f"{target}.{os.getpid()}-{next(_temporary_names)}.tmp"
            handle = _open_new(temporary)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = _open_new(temporary)
        except FileExistsError:  # left by a killed process that had this id
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError:
        pass


_temporary_names = itertools.count()


def _open_new(path: str) -> int:
    # Like mkstemp: created here or not at all, readable by this user only.
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
