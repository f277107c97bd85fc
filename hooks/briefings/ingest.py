"""Ingest: archive file -> Briefing, and a whole archive folder -> Archive.

read -> clean -> extract, with front matter / sidecar values winning over extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import dates, extraction, places
from .cleaning import clean
from .model import ArchiveError, Briefing, Cleaned, Rejection, Source, Warning
from .overrides import validate_overrides
from .programs import Vocabulary, discover
from .reading import is_briefing_file, read_source
from .slugs import briefing_id, briefing_slug

VOCABULARY_FILE = "programs.yml"
LEAD_BLOCKS = 2


@dataclass(frozen=True)
class Archive:
    briefings: tuple[Briefing, ...]  # sorted by id
    rejections: tuple[Rejection, ...]  # sorted by path
    vocabulary: Vocabulary


def read_archive(root: Path, vocabulary: Vocabulary | None = None) -> Archive:
    """Every briefing file under root, read; a file that cannot be read becomes a Rejection."""
    root = Path(root)
    if vocabulary is None:
        vocabulary = load_vocabulary(root)
    briefings: list[Briefing] = []
    rejections: list[Rejection] = []
    for path in archive_files(root):
        relative = path.relative_to(root).as_posix()
        if not is_briefing_file(path):
            rejections.append(Rejection(relative, f"not a briefing file (expected .txt, .md or .html)"))
            continue
        try:
            briefings.append(read_briefing(path, relative, vocabulary))
        except ArchiveError as error:
            rejections.append(Rejection(relative, error.problem))
    briefings.sort(key=lambda briefing: briefing.id)
    return Archive(tuple(briefings), tuple(rejections), vocabulary)


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
    return build_briefing(source, overrides, vocabulary)


def build_briefing(source: Source, overrides: dict, vocabulary: Vocabulary) -> Briefing:
    cleaned = clean(source.text)
    if not cleaned.blocks:
        raise ArchiveError(source.path, "has no briefing text left after removing page noise")
    warnings: list[Warning] = []

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
