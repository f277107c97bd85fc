"""The archive's own search index: small script files a page loads on demand (http:// and file://).

Why not Material's search: its one search_index.json is ~33 KB a briefing (33 MB at 1,000, all
loaded on the first query) and its query splitter mangles Chinese queries of three characters
or more. Why not jieba here: it cuts ~300,000 characters a second, 10 s per 1,000 briefings
(more than the whole rendering); character bigrams plus a scan for known names cost a tenth.

What a document is indexed under (its keys):
- every pair of adjacent Han characters (bigrams): a word of two characters is one key, a longer
  word is found as all of its bigrams;
- every known name of three characters or more found in it (places of the gazetteer, programs
  and their aliases): names stay whole, so 星级党支部 or 驻马店市 are exact keys;
- lowercased Latin/digit words;
- its facets: "city:驻马店市", "year:2021", "program:星级党支部创建" (the filters are keys too).
Each posting has a weight: occurrences in the body (1-3) plus boosts for the title and for the
city/province/program names, so a briefing about 菏泽 outranks one that mentions it.

Files (POSIX paths under the site root), each calling window.__briefingsSearch.add(kind, id, data):
- search/meta.js        doc count, shard count, the known names (the query splitter's
                        dictionary), the filter values with counts;
- search/shard-XXX.js   the postings of the keys whose FNV-1a hash falls in that shard;
- search/docs/N.js      one document: url, title, city, year, date, programs, text head.
A query loads meta once, the shards of its keys and the documents it shows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .catalog import Catalog, briefing_src
from .markup import plain
from .model import Briefing

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NAME = re.compile(f"[{HAN}]{{3,}}")

BODY_CAP = 3  # occurrences in the body count up to this
TITLE_BOOST = 8
FIELD_BOOST = 16  # city, province, program names and aliases
WEIGHT_BITS = 5  # a posting is (doc delta << 5) | weight; weights stay below 32
TEXT_LIMIT = 2000  # characters of text kept for result excerpts
SHARD_TARGET = 24_000  # average bytes of postings per shard
PREFIX = "window.__briefingsSearch.add"


@dataclass(frozen=True)
class SearchDoc:
    """One searchable briefing, as the index needs it (plain values, cacheable)."""

    url: str  # relative to the site root: briefings/x/ (or briefings/x.html offline)
    title: str
    text: str
    city: str | None
    province: str | None
    year: int | None
    date: str | None
    programs: tuple[str, ...]
    fields: tuple[str, ...]  # boosted names: city, province, programs, their short forms and aliases


def normalise(text: str) -> str:
    """The form both the index and the browser search in: NFKC (full-width digits), lowercase."""
    return unicodedata.normalize("NFKC", text).lower()


def key_hash(key: str) -> int:
    """FNV-1a over UTF-16 code units: the browser computes the same with charCodeAt."""
    value = 0x811C9DC5
    data = key.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | (data[index + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


class NameScanner:
    """Finds known names (three Han characters or more) in text, longest first at each place."""

    def __init__(self, names: Iterable[str]):
        self.by_head: dict[str, list[str]] = defaultdict(list)
        for name in sorted({normalise(n) for n in names if _NAME.fullmatch(normalise(n))}, key=len, reverse=True):
            self.by_head[name[:2]].append(name)

    @property
    def names(self) -> list[str]:
        return sorted(name for names in self.by_head.values() for name in names)

    def find(self, run: str, pairs: list[str]) -> Iterator[str]:
        """Every occurrence of every known name inside a Han run (overlaps included); pairs are
        the run's bigrams, so only places where a name can start are looked at."""
        by_head = self.by_head
        for index, pair in enumerate(pairs):
            if pair in by_head:
                for name in by_head[pair]:
                    if run.startswith(name, index):
                        yield name


def text_keys(text: str, scanner: NameScanner) -> Counter[str]:
    """Key -> number of occurrences in text."""
    counts: Counter[str] = Counter()
    text = normalise(text)
    for run in _HAN_RUN.findall(text):
        pairs = list(map(str.__add__, run, run[1:]))  # Counter.update counts in C
        counts.update(pairs)
        counts.update(scanner.find(run, pairs))
    counts.update(_LATIN_WORD.findall(text))
    return counts


def document_keys(doc: SearchDoc, scanner: NameScanner) -> dict[str, int]:
    """Key -> weight (1..31) of one document."""
    weights = {key: min(count, BODY_CAP) for key, count in text_keys(doc.text, scanner).items()}
    for key in text_keys(doc.title, scanner):
        weights[key] = weights.get(key, 0) + TITLE_BOOST
    for key in text_keys(" ".join(doc.fields), scanner):
        weights[key] = weights.get(key, 0) + FIELD_BOOST
    for key in facet_keys(doc):
        weights[key] = 1
    return {key: min(weight, (1 << WEIGHT_BITS) - 1) for key, weight in weights.items()}


def facet_keys(doc: SearchDoc) -> list[str]:
    keys = [f"city:{doc.city or ''}", f"year:{doc.year or ''}"]
    return keys + [f"program:{program}" for program in doc.programs]


def search_docs(catalog: Catalog, url_of: Callable[[str], str], fields_of: Callable[[Briefing], list[str]]) -> list[SearchDoc]:
    """The catalog's briefings, newest first (a doc's number is its place in this list)."""
    return [
        SearchDoc(
            url=url_of(briefing_src(briefing)),
            title=plain(briefing.title),
            text=briefing.text,
            city=briefing.city,
            province=briefing.province,
            year=briefing.year,
            date=briefing.date,
            programs=tuple(briefing.programs),
            fields=tuple(fields_of(briefing)),
        )
        for briefing in catalog.briefings
    ]


def catalog_search_files(catalog: Catalog, directory_urls: bool) -> list[tuple[str, str]]:
    """The index of a catalog: names are the gazetteer's places and the programs with aliases."""
    from .briefing_page import search_tags
    from .gazetteer import all_place_names
    from .site_data import SiteAddress

    address = SiteAddress("", directory_urls)
    docs = search_docs(catalog, lambda src: address.url(src).lstrip("/"), lambda b: search_tags(b, catalog))
    programs = [name for facet in catalog.programs for name in (facet.name, *facet.aliases)]
    return build_search_files(docs, [*all_place_names(), *programs])


def build_search_files(docs: list[SearchDoc], names: Iterable[str]) -> list[tuple[str, str]]:
    """Every file of the index as (site-relative path, content)."""
    scanner = NameScanner(names)
    postings: dict[str, list[int]] = defaultdict(list)
    found_names: set[str] = set()
    for number, doc in enumerate(docs):
        for key, weight in document_keys(doc, scanner).items():
            postings[key].append(number << WEIGHT_BITS | weight)
            if len(key) > 2 and key in scanner.by_head.get(key[:2], ()):
                found_names.add(key)
    encoded = {key: _delta_encode(values) for key, values in postings.items()}
    total = sum(len(key) * 3 + len(value) + 6 for key, value in encoded.items())
    shard_count = _shard_count(total)
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for key in sorted(encoded):
        shards[key_hash(key) % shard_count][key] = encoded[key]
    width = len(f"{shard_count - 1:x}")
    files = [("search/meta.js", _script("meta", 0, _meta(docs, shard_count, width, sorted(found_names))))]
    files += [(f"search/shard-{i:0{width}x}.js", _script("shard", i, shard)) for i, shard in enumerate(shards)]
    files += [(f"search/docs/{n}.js", _script("doc", n, _doc_record(doc))) for n, doc in enumerate(docs)]
    return files


def _delta_encode(values: list[int]) -> str:
    """Postings, doc numbers ascending, as base-36 deltas joined by commas: (delta << 5) | weight."""
    parts, previous = [], 0
    for value in values:
        number = value >> WEIGHT_BITS
        parts.append(_base36(((number - previous) << WEIGHT_BITS) | (value & ((1 << WEIGHT_BITS) - 1))))
        previous = number
    return ",".join(parts)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SMALL = [a + b for a in ("", *_DIGITS[1:]) for b in _DIGITS]  # 0..1295 precomputed: most postings


def _base36(value: int) -> str:
    if value < len(_SMALL):
        return _SMALL[value]
    out = ""
    while value:
        value, rest = divmod(value, 36)
        out = _DIGITS[rest] + out
    return out


def _shard_count(total_bytes: int) -> int:
    count = 1
    while total_bytes / count > SHARD_TARGET:
        count *= 2
    return count


def _meta(docs: list[SearchDoc], shard_count: int, width: int, names: list[str]) -> dict:
    def counted(values: Iterable) -> list[list]:
        counts: dict = defaultdict(int)
        for value in values:
            counts[value] += 1
        return [[value, counts[value]] for value in sorted(counts, key=lambda v: (-counts[v], str(v)))]

    return {
        "docs": len(docs),
        "shards": shard_count,
        "width": width,
        "names": names,
        "cities": counted(doc.city or "" for doc in docs),
        "years": sorted(counted(doc.year or "" for doc in docs), key=lambda pair: str(pair[0]), reverse=True),
        "programs": counted(program for doc in docs for program in doc.programs),
    }


def _doc_record(doc: SearchDoc) -> dict:
    return {
        "u": doc.url,
        "t": doc.title,
        "c": doc.city or "",
        "y": doc.year or "",
        "d": doc.date or "",
        "g": list(doc.programs),
        "x": plain(doc.text[:TEXT_LIMIT]),
    }


def _script(kind: str, number: int, data: dict) -> str:
    # "</" is escaped so no text from the archive can close a <script> element.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'{PREFIX}("{kind}",{number},{payload});\n'
