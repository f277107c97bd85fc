"""The site folder of the last `mkdocs build` kept, not emptied: every output is written over
the last build's file of that name, then what this build did not write is removed. The folder
ends as a clean build leaves it (MkDocs empties it first).

Why: emptying a folder of 13,000 files and making them again costs more than writing them. On
a file system without a journal (ext4 here) the kernel looks past every inode freed in the last
minutes for each new one: rewriting 6,000 pages took 0.7 s in place and 2.6-4.9 s after
emptying the folder.

A file of the last build is known by its modification time, older than the mark taken when the
build starts (by the file system's own clock). Only for builds with no plugin besides the hook:
a plugin may copy files with their times (shutil.copy2) or write them in ways not seen here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

_MARK = ".briefings-build-mark"


def start_mark(site_dir: Path) -> int | None:
    """The file system's time now, in ns, as a file written from now on will carry it; None
    when the folder cannot be written (the build then cleans it as MkDocs does)."""
    mark = Path(site_dir) / _MARK
    try:
        mark.write_bytes(b"")
        return os.stat(mark).st_mtime_ns
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            mark.unlink()


def clear_the_way(site_dir: Path, outputs: Iterable[Path]) -> int:
    """Remove what stands where an output goes: a directory where the file goes, a file where
    one of its folders goes (a clean build would not find them). Returns how many."""
    root = Path(site_dir)
    removed = 0
    seen_folders: set[Path] = set()
    for output in outputs:
        output = Path(output)
        try:
            relative = output.relative_to(root)
        except ValueError:
            continue
        folder = root
        for part in relative.parts[:-1]:
            folder = folder / part
            if folder in seen_folders:
                continue
            seen_folders.add(folder)
            if os.path.lexists(folder) and (os.path.islink(folder) or not os.path.isdir(folder)):
                removed += _remove(folder)
        if os.path.isdir(output) and not os.path.islink(output):
            removed += _remove(output)
    return removed


def remove_stale(site_dir: Path, mark: int) -> int:
    """Remove every file (or link) under site_dir modified before mark, then the folders left
    empty; hidden entries at the top are kept, as MkDocs' clean keeps them. Returns how many
    files went."""
    root = os.fspath(site_dir)
    removed = 0
    for folder, _, names in os.walk(root, topdown=False):  # a folder's entries before the folder
        relative = os.path.relpath(folder, root)
        if relative.startswith("."):  # "." itself, or under a hidden entry of the top
            if relative != ".":
                continue
            names = [name for name in names if not name.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                if os.lstat(path).st_mtime_ns < mark:
                    os.unlink(path)
                    removed += 1
        if relative != ".":
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # only when left empty
    return removed


def _remove(path: Path) -> int:
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
        return 1
    return 0
