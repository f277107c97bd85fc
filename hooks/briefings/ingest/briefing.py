"""One archive file -> Briefing: read -> clean -> extract, with front matter / sidecar values
winning over extraction (and warnings for what extraction guessed or could not find)."""

from __future__ import annotations

from pathlib import Path

from briefings.ingest.cleaning.clean import clean
from briefings.ingest.extract import dates, places, years
from briefings.ingest.extract import titles as extraction
from briefings.ingest.extract.discovery import discover
from briefings.ingest.extract.programs import Vocabulary
from briefings.ingest.overrides import validate_overrides
from briefings.ingest.reading import read_source
from briefings.ingest.reprints import with_fingerprint
from briefings.ingest.slugs import briefing_id, briefing_slug
from briefings.model import ArchiveError, Briefing, Cleaned, Source, Warning

LEAD_BLOCKS = 2
MIN_LEAD_CHARS = 12  # a shorter paragraph above the story is a photo caption


def read_briefing(path: Path, relative_path: str, vocabulary: Vocabulary) -> Briefing:
    """One file's briefing; ArchiveError for a file that is not one. Whatever else goes wrong
    with one file is its rejection too, with the error: a file never stops the build."""
    try:
        source = read_source(path, relative_path)
        overrides = validate_overrides(relative_path, source.overrides, vocabulary)
        # The reprint fingerprint is made here, in the reading worker processes, and cached with the record.
        return with_fingerprint(build_briefing(source, overrides, vocabulary))
    except ArchiveError:
        raise
    except (Exception, RecursionError) as error:  # noqa: BLE001 -- the build must go on
        raise ArchiveError(relative_path, f"could not be read ({type(error).__name__}: {str(error)[:200]}); "
                                          "this is a bug in the reader, please report it with the file") from error


def warm_up(vocabulary: Vocabulary) -> None:
    """Load what reading a briefing needs (jieba and pypinyin for its slug, OpenCC, the
    gazetteer, the rules' data) by reading a made-up one: under `mkdocs serve`, whose first
    build may take every record from the cache, while it waits for a change, not when it comes
    (about 2 s at the first briefing added)."""
    source = Source("warm-up.txt", "临沂市直机关工委召开党史学习教育推进会\n"
                                   "2021年7月1日，临沂市直机关工委召开推进会，部署下一阶段工作。")
    with_fingerprint(build_briefing(source, {}, vocabulary))


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
    # a title made up from the first sentence is the lead, not a headline naming its subject
    named_title = title if "title" in overrides or not title_guess.made_up else ""
    city, province = _place(cleaned, named_title, body, url, outlet, overrides, warnings, vocabulary.outlets)

    date_guess = dates.find_date(cleaned, named_title, url)
    date = take("date", date_guess.date, date_guess.warnings)
    year_guess = years.find_year(cleaned, title, date, url, made_up=bool(title) and not named_title)
    year = take("year", year_guess.year, year_guess.warnings)

    searchable = f"{title}\n{body}"
    programs = take("programs", vocabulary.match(searchable, year), ())
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


def _place(cleaned: Cleaned, title: str, body: str, url, outlet, overrides: dict, warnings: list, outlets=()):
    if "city" in overrides:
        return overrides["city"], overrides["province"]
    # the lead is the story's first paragraphs; photo captions above it ("大合唱表演") are not
    story = [block.text for block in cleaned.blocks if len(block.text) >= MIN_LEAD_CHARS or block.kind != "paragraph"]
    lead = "\n".join(story[:LEAD_BLOCKS])
    place = places.find_place(
        title=cleaned.headline or title, lead=lead, body=body,
        meta=[dropped.text for dropped in cleaned.dropped], url=url, source=outlet, outlets=outlets,
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
