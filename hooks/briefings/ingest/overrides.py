"""Validation of the fields front matter or a sidecar sets: bad values are errors naming the field."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from briefings.ingest.extract import gazetteer
from briefings.ingest.extract.written_dates import parse_date
from briefings.ingest.extract.programs import Vocabulary
from briefings.model import ArchiveError

MIN_YEAR, MAX_YEAR = 1949, 2100


def validate_overrides(path: str, raw: dict, vocabulary: Vocabulary) -> dict:
    """Raw YAML values -> clean values for the Briefing. Raises ArchiveError on a bad value."""
    clean: dict = {}

    def fail(field: str, problem: str) -> ArchiveError:
        return ArchiveError(path, f"field '{field}' {problem}")

    for field in ("title", "source"):
        if field in raw:
            value = raw[field]
            if not isinstance(value, (str, int, float)) or not str(value).strip():
                raise fail(field, f"must be non-empty text, got {value!r}")
            clean[field] = " ".join(str(value).split())
    if "url" in raw:
        url = raw["url"]
        try:
            parts = urlsplit(url) if isinstance(url, str) else None
            parts and parts.hostname  # a broken host ("http://[abc/x") raises here, not in the build
        except ValueError:
            parts = None
        if not parts or parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
            raise fail("url", f"must be an http(s) address, got {url!r}")
        clean["url"] = url
    if "date" in raw:
        value = raw["date"]
        date = parse_date(value) if isinstance(value, (str, dt.date)) else None
        if date is None:
            raise fail("date", f"is not a date: {value!r}")
        clean["date"] = date
    if "year" in raw:
        value = raw["year"]
        year = value if isinstance(value, int) and not isinstance(value, bool) else None
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,4}", value.strip()):  # not ²⁰²¹ or ٢٠٢١
            year = int(value.strip())
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            raise fail("year", f"is not a year between {MIN_YEAR} and {MAX_YEAR}: {value!r}")
        clean["year"] = year
    if "province" in raw:
        province = gazetteer.resolve_province(str(raw["province"])) if raw["province"] else None
        if province is None:
            raise fail("province", f"is not a province the gazetteer knows: {raw['province']!r}")
        clean["province"] = province
    if "city" in raw:
        resolved = gazetteer.resolve_city(str(raw["city"])) if raw["city"] else None
        if resolved is None:
            raise fail("city", f"is not a prefecture-level city the gazetteer knows: {raw['city']!r}")
        city, province = resolved
        if clean.get("province", province) != province:
            raise fail("city", f"{city} is in {province}, not in {clean['province']}")
        clean["city"], clean["province"] = city, province
    if "programs" in raw:
        names = raw["programs"]
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list):
            raise fail("programs", f"must be a list of program names, got {names!r}")
        canonical = []
        for name in names:
            program = vocabulary.canonical(str(name)) if name is not None else None
            if program is None:
                raise fail("programs", f"names {name!r}, which programs.yml does not list")
            if program not in canonical:
                canonical.append(program)
        clean["programs"] = tuple(canonical)
    return clean
