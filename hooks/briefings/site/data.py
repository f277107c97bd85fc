"""Machine-readable site data: /catalog.json (briefings and facet pages) and /report.json
(every archive file: the page it became, what was guessed, what was rejected and why)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from briefings.cache.store import ObjectMemo
from briefings.messages import translate
from briefings.model import Briefing, Rejection, Warning
from briefings.site.catalog import Catalog, Facet, briefing_src
from briefings.site.markup import docs_url

VOCABULARY_FILE = "programs.yml"
SIDECAR_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class SiteAddress:
    """How docs paths become site-absolute URLs ("/briefings/x/"), as MkDocs writes them."""

    base_path: str = ""  # the path of site_url without its trailing slash, e.g. "" or "/archive"
    directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        return f"{self.base_path}/{docs_url(src_uri, self.directory_urls).removeprefix('./')}"


_PLAIN_URL = re.compile(r"(?:[A-Za-z0-9_~%-]+(?:\.[A-Za-z0-9_~%-]+)*/)*(?:[A-Za-z0-9_~%-]+(?:\.[A-Za-z0-9_~%-]+)*)?")


def canonical_address(base: str, url: str) -> tuple[str, str] | None:
    """(canonical_url, abs_url) of a page as MkDocs sets them (urljoin of site_url and the
    page's url, and that address's path), for a plain relative url of a generated page
    (briefings/x/, city/index.html, percent-encoded: no dot segments, no query, no scheme); None for any other.
    MkDocs' urljoin costs 0.4 s for 16,000 pages on each rebuild; this is a join of strings."""
    if not _PLAIN_URL.fullmatch(url):
        return None
    base = base if base.endswith("/") else base + "/"
    return base + url, _base_path(base) + url


@lru_cache(maxsize=8)
def _base_path(base: str) -> str:
    return urlsplit(base).path


class DataMemo:
    """Under `mkdocs serve`: what catalog.json, report.json and the report pages make of each briefing, kept by
    the briefing record from one build to the next (encoding 10,000 records into both files
    took 0.5 s of every rebuild; a record the record cache kept is the same object)."""

    def __init__(self) -> None:
        self.catalog_lines = ObjectMemo()  # briefing -> its line of catalog.json
        self.report_entries = ObjectMemo()  # briefing -> its report entries (its own, its reprints')
        self.report_lines = ObjectMemo()  # report entry -> its line of report.json
        self.report_rows = ObjectMemo()  # report entry -> its rows on a report page (pages.report)

    def start(self, address: SiteAddress) -> DataMemo:
        for memo in (self.catalog_lines, self.report_entries, self.report_lines, self.report_rows):
            memo.start(address)
        return self


def catalog_json(catalog: Catalog, address: SiteAddress, memo: DataMemo | None = None) -> bytes:
    """catalog.json: to_json_bytes(catalog_data(...)), each briefing's line through memo."""
    def line(briefing: Briefing) -> str:
        return _ENCODE(_briefing_record(briefing, address))

    lines = [memo.catalog_lines.of(briefing, line) if memo else line(briefing) for briefing in catalog.briefings]
    return _document({"briefings": lines, "facets": [_ENCODE(_facet_record(facet, address))
                                                     for facet in catalog.facets]})


def report_json(report: dict, memo: DataMemo | None = None) -> bytes:
    """report.json: to_json_bytes(report), each entry's line through memo."""
    lines = [memo.report_lines.of(entry, _ENCODE) if memo else _ENCODE(entry) for entry in report["files"]]
    return _document({"counts": _ENCODE(report["counts"]), "files": lines})


def catalog_data(catalog: Catalog, address: SiteAddress) -> dict:
    return {
        "briefings": [_briefing_record(briefing, address) for briefing in catalog.briefings],
        "facets": [_facet_record(facet, address) for facet in catalog.facets],
    }


def _briefing_record(briefing: Briefing, address: SiteAddress) -> dict:
    return {
        "id": briefing.id,
        "url": address.url(briefing_src(briefing)),
        "title": briefing.title,
        "city": briefing.city,
        "province": briefing.province,
        "year": briefing.year,
        "date": briefing.date,
        "programs": list(briefing.programs),
        "source": briefing.source,
        "original_url": briefing.url,
        "reprints": [{"path": r.path, "source": r.source, "url": r.url, "date": r.date} for r in briefing.reprints],
    }


def _facet_record(facet: Facet, address: SiteAddress) -> dict:
    return {
        "kind": facet.kind,
        "name": facet.name,
        "slug": facet.slug,
        "url": address.url(facet.index_src),
        "rss": address.url(facet.rss_src) if facet.has_feed else None,
        "atom": address.url(facet.atom_src) if facet.has_feed else None,
        "count": facet.count,
    }


def report_entries(
    briefings: Iterable[Briefing],
    rejections: Iterable[Rejection],
    all_files: Iterable[str],
    address: SiteAddress,
    memo: DataMemo | None = None,
) -> list[dict]:
    """One entry per archive file, sorted by path. all_files: archive-relative POSIX paths;
    files that ingest did not report (the vocabulary, sidecars) are listed for completeness.
    memo: each briefing's entries as the last build made them (never changed once made)."""
    entries: dict[str, dict] = {}

    def entries_of(briefing: Briefing) -> tuple[dict, ...]:
        page = address.url(briefing_src(briefing))
        own = _entry(
            briefing.path,
            "page",
            id=briefing.id,
            title=briefing.title,
            page=page,
            guessed=[_guessed(warning) for warning in briefing.warnings],
            discovered=list(briefing.discovered),  # campaign names programs.yml does not list yet
        )
        # reprints are accounted for: merged into the page of the copy that kept it
        return own, *(_entry(reprint.path, "reprint", id=briefing.id, title=briefing.title, page=page,
                             **_reason(f"a reprint of {briefing.path}: merged into its page"))
                      for reprint in briefing.reprints)

    for briefing in briefings:
        for entry in memo.report_entries.of(briefing, entries_of) if memo else entries_of(briefing):
            entries[entry["path"]] = entry
    for rejection in rejections:
        entries[rejection.path] = _entry(rejection.path, "rejected", **_reason(rejection.reason))
    for path in all_files:
        if path not in entries:
            entries[path] = _entry(path, _role(path))
    return [entries[path] for path in sorted(entries)]


def _entry(path: str, status: str, **fields) -> dict:
    """A report entry; every entry has every key, so readers of report.json need no guards."""
    entry = {
        "path": path,
        "status": status,
        "id": None,
        "title": None,
        "page": None,
        "guessed": [],
        "discovered": [],
        "reason": None,
        "reason_en": None,
    }
    entry.update(fields)
    return entry


# The report speaks Chinese to the archivist; the English, as the log says it, is kept beside it.
def _guessed(warning: Warning) -> dict:
    return {"field": warning.field, "kind": warning.kind, "message": translate(warning.message),
            "message_en": warning.message}


def _reason(english: str) -> dict:
    return {"reason": translate(english), "reason_en": english}


def _role(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name in (VOCABULARY_FILE, "outlets.yml"):
        return "vocabulary"
    return "sidecar" if name.endswith(SIDECAR_SUFFIXES) else "unread"


def report_data(entries: list[dict]) -> dict:
    statuses = [entry["status"] for entry in entries]
    return {
        "counts": {
            "files": len(entries),
            "pages": statuses.count("page"),
            "rejected": statuses.count("rejected"),
            "reprints": statuses.count("reprint"),
            "guessed_fields": sum(len(entry["guessed"]) for entry in entries),
        },
        "files": entries,
    }


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def to_json_bytes(data: dict) -> bytes:
    """Stable bytes: keys in the order built, UTF-8 text kept readable, a list's items one a
    line (a diff shows the briefings that changed), a final newline. Not json.dumps(indent=…):
    indenting runs the pure-Python encoder, ~0.7 s for each of catalog.json and report.json at
    10,000 briefings; one line an item keeps the C encoder."""
    return _document({key: list(map(_ENCODE, value)) if isinstance(value, list) else _ENCODE(value)
                      for key, value in data.items()})


def _document(members: dict[str, str | list[str]]) -> bytes:
    """to_json_bytes of members already encoded: a value's text, or a list's items' texts."""
    texts = []
    for key, value in members.items():
        if isinstance(value, list):
            value = "[\n  " + ",\n  ".join(value) + "\n ]" if value else "[]"
        texts.append(f"{_ENCODE(key)}: {value}")
    return ("{\n " + ",\n ".join(texts) + "\n}\n").encode("utf-8")
