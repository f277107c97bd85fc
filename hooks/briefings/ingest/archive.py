"""Ingest: archive file -> Briefing, and a whole archive folder -> Archive.

read -> clean -> extract, with front matter / sidecar values winning over extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefings.ingest.extract import dates, places
from briefings.ingest.extract import titles as extraction
from briefings.ingest.cleaning.clean import clean
from briefings.model import ArchiveError, Briefing, Cleaned, Rejection, Reprint, Source, Warning
from briefings.ingest.overrides import validate_overrides
from briefings.ingest.extract.programs import Vocabulary, discover
from briefings.ingest.reading import is_briefing_file, read_source
from briefings.ingest.reprints import find_reprints, with_fingerprint
from briefings.ingest.slugs import briefing_id, briefing_slug, pinyin_slug

VOCABULARY_FILE = "programs.yml"
LEAD_BLOCKS = 2


@dataclass(frozen=True)
class Archive:
    briefings: tuple[Briefing, ...]  # sorted by id; reprints merged into them (Briefing.reprints)
    rejections: tuple[Rejection, ...]  # sorted by path
    vocabulary: Vocabulary


def read_archive(root: Path, vocabulary: Vocabulary | None = None, read=None) -> Archive:
    """Every briefing file under root, read; a file that cannot be read becomes a Rejection,
    a reprint of another file is merged into that file's briefing (see briefings.reprints).
    read: what reads one file, read_briefing by default (briefings.cache wraps it)."""
    read = read or read_briefing
    root = Path(root)
    if vocabulary is None:
        vocabulary = load_vocabulary(root)
    briefings: list[Briefing] = []
    rejections: list[Rejection] = []
    for path in archive_files(root):
        relative = path.relative_to(root).as_posix()
        problem = path_problem(path, root, relative)
        if problem:
            rejections.append(Rejection(display_path(relative), problem))
        elif not is_briefing_file(path):
            rejections.append(Rejection(relative, "not a briefing file (expected .txt, .md or .html)"))
        else:
            try:
                briefings.append(read(path, relative, vocabulary))
            except ArchiveError as error:
                rejections.append(Rejection(relative, error.problem))
    briefings = merge_reprints(briefings)
    briefings, clashes = settle_addresses(briefings)
    briefings.sort(key=lambda briefing: briefing.id)
    rejections = sorted(rejections + clashes, key=lambda rejection: rejection.path)
    return Archive(tuple(briefings), tuple(rejections), vocabulary)


def archive_paths(root: Path) -> list[str]:
    """Every file of the archive as the report names it (archive-relative, printable)."""
    root = Path(root)
    return sorted(
        display_path(path.relative_to(root).as_posix())
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def display_path(relative: str) -> str:
    """The path, printable: bytes that are not UTF-8 as \\xNN, control characters as \\uNNNN."""
    text = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() or char == " " else f"\\u{ord(char):04x}" for char in text)


def path_problem(path: Path, root: Path, relative: str) -> str | None:
    """Why a file must not be read whatever it holds, or None."""
    if display_path(relative) != relative:
        return "file name is not printable UTF-8 (bytes of another encoding, or control characters): rename it"
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        return "is a symbolic link to a file outside the archive: not read"
    return None


def merge_reprints(briefings: list[Briefing]) -> list[Briefing]:
    """One briefing per group of reprints: the copy with the smallest path, listing the others."""
    replaced: dict[int, Briefing | None] = {}
    for group in find_reprints(briefings):
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
    """Files of the archive, sorted; the vocabulary and sidecars are not briefings themselves."""
    files = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.name == VOCABULARY_FILE and path.parent == root:
            continue
        if path.suffix.lower() in (".yml", ".yaml") and any(
            path.with_suffix(suffix).is_file() for suffix in (".txt", ".md", ".markdown", ".html", ".htm")
        ):
            continue
        files.append(path)
    return files


def load_vocabulary(root: Path) -> Vocabulary:
    path = Path(root) / VOCABULARY_FILE
    return Vocabulary.load(path) if path.is_file() else Vocabulary(programs=())


def read_briefing(path: Path, relative_path: str, vocabulary: Vocabulary) -> Briefing:
    source = read_source(path, relative_path)
    overrides = validate_overrides(relative_path, source.overrides, vocabulary)
    # The reprint fingerprint is made here, in the reading worker processes, and cached with the record.
    return with_fingerprint(build_briefing(source, overrides, vocabulary))


def build_briefing(source: Source, overrides: dict, vocabulary: Vocabulary) -> Briefing:
    cleaned = clean(source.text)
    if not cleaned.blocks:
        raise ArchiveError(source.path, "has no briefing text left after removing page noise")
    # What decoding repaired (a truncated end, NUL bytes ...) is a warning about the text.
    warnings: list[Warning] = [Warning("text", problem, "repaired") for problem in source.problems]

    def take(field: str, guess_value, guess_warnings):
        if field in overrides:
            return overrides[field]
        warnings.extend(_kind_by_value(guess_warnings, guess_value))
        return guess_value

    title_guess = extraction.find_title(cleaned)
    title = take("title", title_guess.value, title_guess.warnings)
    url_guess = extraction.find_url(cleaned)
    url = take("url", url_guess.value, url_guess.warnings)
    source_guess = extraction.find_source(cleaned, url)
    outlet = take("source", source_guess.value, source_guess.warnings)

    body = "\n".join(block.text for block in cleaned.blocks)
    city, province = _place(cleaned, title, body, url, outlet, overrides, warnings)

    date_guess = dates.find_date(cleaned, title)
    date = take("date", date_guess.date, date_guess.warnings)
    year_guess = dates.find_year(cleaned, title, date)
    year = take("year", year_guess.year, year_guess.warnings)

    searchable = f"{title}\n{body}"
    programs = take("programs", vocabulary.match(searchable), ())
    identifier = briefing_id(source.path)
    return Briefing(
        path=source.path,
        id=identifier,
        slug=briefing_slug(title, identifier),
        title=title,
        city=city,
        province=province,
        year=year,
        date=date,
        source=outlet,
        url=url,
        programs=tuple(programs),
        discovered=discover(searchable, vocabulary),
        blocks=cleaned.blocks,
        warnings=tuple(warnings),
    )


def _place(cleaned: Cleaned, title: str, body: str, url, outlet, overrides: dict, warnings: list):
    if "city" in overrides:
        return overrides["city"], overrides["province"]
    lead = "\n".join(block.text for block in cleaned.blocks[:LEAD_BLOCKS])
    place = places.find_place(
        title=cleaned.headline or title, lead=lead, body=body,
        meta=[dropped.text for dropped in cleaned.dropped], url=url, source=outlet,
    )
    if "province" in overrides:
        if place.province and place.province != overrides["province"]:
            return None, overrides["province"]
        return place.city, overrides["province"]
    values = {"city": place.city, "province": place.province}
    warnings.extend(_kind_by_value(place.warnings, None, values))
    return place.city, place.province


def _kind_by_value(found, value, values: dict | None = None) -> list[Warning]:
    """A warning about a field left empty says it is missing; one about a value, that it was guessed."""
    result = []
    for warning in found:
        field_value = values.get(warning.field) if values is not None else value
        kind = "missing" if field_value is None else "guessed"
        result.append(Warning(warning.field, warning.message, kind))
    return result
