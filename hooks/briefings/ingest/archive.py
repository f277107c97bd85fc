"""The archive reader: a whole archive folder -> Archive (briefings, rejections, vocabulary).

Every entry is a briefing (briefing.py reads one), a merged reprint or a rejection with its
reason; ids and page addresses are settled here.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from briefings.ingest.briefing import read_briefing
from briefings.ingest.extract.outlets import OutletsError, parse_outlets
from briefings.ingest.extract.programs import Vocabulary, VocabularyError
from briefings.ingest.reading import is_briefing_file
from briefings.ingest.reprints import find_reprints
from briefings.ingest.sites import settle_by_site
from briefings.ingest.slugs import pinyin_slug
from briefings.model import ArchiveError, Briefing, Rejection, Reprint, Warning

VOCABULARY_FILE = "programs.yml"
OUTLETS_FILE = "outlets.yml"  # the archive's own news outlets and their places (see extract/outlets.py)


@dataclass(frozen=True)
class Archive:
    briefings: tuple[Briefing, ...]  # sorted by id; reprints merged into them (Briefing.reprints)
    rejections: tuple[Rejection, ...]  # sorted by path
    vocabulary: Vocabulary


def read_archive(root: Path, vocabulary: Vocabulary | None = None, read=None, files: list[Path] | None = None,
                 reprints_known=None) -> Archive:
    """Every briefing file under root, read; a file that cannot be read becomes a Rejection,
    a reprint of another file is merged into that file's briefing (see briefings.reprints).
    read: what reads one file, read_briefing by default (briefings.cache wraps it); files:
    archive_files(root), when the caller has listed them already; reprints_known: see merge_reprints."""
    read = read or read_briefing
    root = Path(root)
    if vocabulary is None:
        vocabulary = load_vocabulary(root)
    briefings: list[Briefing] = []
    rejections: list[Rejection] = []
    under = os.path.join(root, "")  # relative_to makes two Paths a file (0.2 s of a rebuild at 10,000)
    for path in archive_files(root) if files is None else files:
        name = str(path)
        relative = name[len(under):] if os.sep == "/" and name.startswith(under) else path.relative_to(root).as_posix()
        problem = path_problem(path, root, relative) or entry_problem(path, root, relative)
        if problem:
            rejections.append(Rejection(display_path(relative), problem))
        elif not is_briefing_file(path):
            rejections.append(Rejection(relative, "not a briefing file (expected .txt, .md, .html, .docx, .pdf or .doc)"))
        else:
            try:
                briefings.append(read(path, relative, vocabulary))
            except ArchiveError as error:
                rejections.append(Rejection(relative, error.problem))
    briefings = settle_by_site(merge_reprints(briefings, reprints_known))
    briefings, clashes = settle_addresses(briefings)
    briefings.sort(key=lambda briefing: briefing.id)
    rejections = sorted(rejections + clashes, key=lambda rejection: rejection.path)
    return Archive(tuple(briefings), tuple(rejections), vocabulary)


def archive_paths(root: Path) -> list[str]:
    """Every file of the archive as the report names it (archive-relative, printable)."""
    root = Path(root)
    return sorted(display_path(path.relative_to(root).as_posix()) for path in _entries(root))


def display_path(relative: str) -> str:
    """The path, printable: bytes that are not UTF-8 as \\xNN, control characters as \\uNNNN."""
    if relative.isprintable():  # most names: no undecodable bytes (surrogates) and no control characters
        return relative
    text = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() or char == " " else f"\\u{ord(char):04x}" for char in text)


def path_problem(path: Path, root: Path, relative: str) -> str | None:
    """Why a file must not be read whatever it holds, or None."""
    if display_path(relative) != relative:
        return "file name is not printable UTF-8 (bytes of another encoding, or control characters): rename it"
    try:
        outside = path.is_symlink() and not path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return "is a symbolic link to nothing (or a loop of links): not read"
    return "is a symbolic link to a file outside the archive: not read" if outside else None


def merge_reprints(briefings: list[Briefing], known=None) -> list[Briefing]:
    """One briefing per group of reprints: the copy with the smallest path, listing the others.
    known: find_reprints' memo, kept between the builds of one `mkdocs serve`."""
    replaced: dict[int, Briefing | None] = {}
    for group in find_reprints(briefings, known):
        copies = sorted((briefings[i] for i in group), key=lambda briefing: briefing.path)
        reprints = tuple(Reprint(b.path, b.source, b.url, b.date) for b in copies[1:])
        replaced.update(dict.fromkeys(group))  # None: merged into the keeper
        replaced[group[0]] = replace(copies[0], reprints=reprints)
    return [replaced.get(i, briefing) for i, briefing in enumerate(briefings) if replaced.get(i, briefing)]


def settle_addresses(briefings: list[Briefing]) -> tuple[list[Briefing], list[Rejection]]:
    """No two pages at one address. The same id comes from names that differ only in Unicode
    normalisation: the later name is rejected. The same slug (one title, ids sharing their first
    characters; 1 in 16 million): the later path's page uses its full id."""
    by_id: dict[str, Briefing] = {}
    rejections = []
    for briefing in sorted(briefings, key=lambda briefing: briefing.path):
        first = by_id.setdefault(briefing.id, briefing)
        if first is not briefing:
            rejections.append(Rejection(
                briefing.path, f"has the same id as {first.path} (the names differ only in Unicode normalisation):"
                " rename one"))
    kept, slugs = [], {}
    for briefing in by_id.values():
        first = slugs.setdefault(briefing.slug, briefing)
        if first is not briefing:
            slug = f"{pinyin_slug(briefing.title)}-{briefing.id}".lstrip("-")
            clash = Warning("slug", f"{briefing.slug} is also the address of {first.path}; this page is at {slug}",
                            "conflict")
            briefing = replace(briefing, slug=slug, warnings=(*briefing.warnings, clash))
        kept.append(briefing)
    return kept, rejections


def archive_files(root: Path) -> list[Path]:
    """Entries of the archive, sorted, each to become a briefing or a rejection: files, links
    (dangling or looping ones too), hidden files and hidden folders (one entry each, not read).
    The vocabulary files and sidecars are not briefings themselves."""
    files = []
    for path in sorted(_entries(Path(root)), key=_parts):  # as paths sort, without their slow comparisons
        if path.name in (VOCABULARY_FILE, OUTLETS_FILE) and path.parent == root:
            continue
        files.append(path)
    # a NAME.yml beside a briefing NAME.txt (NAME.TXT too: the reader finds it the same way) is
    # that briefing's sidecar, not a file of its own
    briefings = {path.with_suffix("") for path in files if is_briefing_file(path) and not _hidden(path, root)}
    return [path for path in files if not (path.suffix.lower() in (".yml", ".yaml") and path.with_suffix("") in briefings)]


def _entries(root: Path):
    for folder, folders, names in os.walk(root):
        base = Path(folder)
        for name in list(folders):
            if name.startswith(".") or (base / name).is_symlink():
                folders.remove(name)  # a hidden folder is one entry; a linked folder is not walked into
                yield base / name
        for name in names:
            yield base / name


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.parts[len(root.parts):])  # (under root)


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def entry_problem(path: Path, root: Path, relative: str) -> str | None:
    """Why an entry is no briefing file whatever it holds, or None: hidden, a linked folder, a
    FIFO or device (read after path_problem, which judges names and where links lead)."""
    if _hidden(path, root):
        what = "folder" if path.is_dir() and not path.is_symlink() else "file"
        return f"hidden {what} (its name starts with a dot: an editor's or system's file): not read"
    try:
        found = os.lstat(path)  # one call for most entries: a regular file, not a link
        if stat.S_ISLNK(found.st_mode):
            if path.is_dir():  # links to nothing and loops: path_problem says so
                return "is a symbolic link to a folder: not read (link the files, or copy them)"
            found = os.stat(path)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    return None if stat.S_ISREG(found.st_mode) else "is not a regular file (a FIFO, socket or device): not read"


def load_vocabulary(root: Path) -> Vocabulary:
    """programs.yml, with the archive's outlets.yml; a broken file raises VocabularyError naming it."""
    path = Path(root) / VOCABULARY_FILE
    vocabulary = Vocabulary.load(path) if path.is_file() else Vocabulary(programs=())
    outlets_path = Path(root) / OUTLETS_FILE
    if outlets_path.is_file():
        try:
            text = outlets_path.read_text(encoding="utf-8")
            vocabulary.outlets = parse_outlets(yaml.safe_load(text), str(outlets_path))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, OutletsError) as error:
            raise VocabularyError(str(error) if isinstance(error, OutletsError) else f"{outlets_path}: {error}") from error
    return vocabulary
