"""The index's files: meta.js, the shards and the documents' files, each a script that calls
window.__briefingsSearch.add (they load from file:// too, where fetch() of JSON is refused)."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from briefings.cache.store import ObjectMemo
from briefings.model import Briefing
from briefings.background import in_background
from briefings.search.key_cache import SearchKeyCache
from briefings.search.keys import NameScanner, SearchDoc, key_hash
from briefings.search.postings import encoded_postings, shards_for
from briefings.search.workers import document_keys_of
from briefings.site.catalog import Catalog, briefing_src
from briefings.site.markup import plain

TEXT_LIMIT = 2000  # characters of text kept for result excerpts
# Documents a file holds: one a file made the index 9,500 files at 10,000 briefings (a third of
# the site's files, each costing a write); eight keep a page of ten results under ~250 KB.
DOCS_PER_FILE = 8
BACKGROUND_THRESHOLD = 200  # documents: below this a child process costs more than it saves (1,000: 1.5 s saved)
PREFIX = "window.__briefingsSearch.add"


def search_docs(catalog: Catalog, url_of: Callable[[str], str], fields_of: Callable[[Briefing], list[str]],
                memo: ObjectMemo | None = None) -> tuple[list[SearchDoc], list[int]]:
    """The catalog's briefings in the order of their archive paths (a doc's number is its place
    in this list), and each one's place in the catalog's newest-first order, by which the page
    breaks ties (docs/assets/briefings/search.js). By path, not by date: an archivist's new files
    mostly sort after the others, so a briefing added of any year is numbered last and moves no
    other document (numbered by date, one of a random year rewrote 840 document files at 10,000).
    memo: each record's document, by the record object (started with what url_of and fields_of
    read besides the record)."""
    newest = {briefing.id: place for place, briefing in enumerate(catalog.briefings)}
    by_path = sorted(catalog.briefings, key=lambda briefing: (briefing.path, briefing.id))

    def document(briefing: Briefing) -> SearchDoc:
        return SearchDoc(
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

    docs = [memo.of(briefing, document) for briefing in by_path] if memo is not None else list(map(document, by_path))
    return docs, [newest[briefing.id] for briefing in by_path]


def catalog_search_files(catalog: Catalog, directory_urls: bool, key_cache: SearchKeyCache | None = None
                         ) -> list[tuple[str, str]]:
    """The index of a catalog: names are the gazetteer's places and the programs with aliases.
    key_cache: keeps the documents' keys across builds (None: all computed). (A build of an
    archive unchanged since the last one takes the whole site, this index too, from the
    whole-build cache: the index is not kept whole again on its own.)"""
    return start_catalog_search_files(catalog, directory_urls, key_cache)()


def start_catalog_search_files(
    catalog: Catalog, directory_urls: bool, key_cache: SearchKeyCache | None = None, background: bool = False,
    kept=None,
) -> Callable[[], list[tuple[str, str]]]:
    """catalog_search_files, as a function that gives the files. With background, the index is
    made by a forked child meanwhile (see background.py): only for a one-off build, whose key
    cache need not learn in memory what the child computed. kept (incremental.KeptIndex, under
    serve): the last build's index, patched where documents changed."""
    from briefings.ingest.extract.gazetteer import all_place_names
    from briefings.site.data import SiteAddress
    from briefings.site.pages.briefing import search_tags

    address = SiteAddress("", directory_urls)
    memo = kept.documents if kept is not None else None
    if memo is not None:  # what a document reads besides its record: the URLs' kind, the programs' aliases
        memo.start((directory_urls, tuple((facet.name, facet.aliases) for facet in catalog.programs)))
    docs, newest = search_docs(catalog, lambda src: address.url(src).lstrip("/"), lambda b: search_tags(b, catalog),
                               memo)
    programs = [name for facet in catalog.programs for name in (facet.name, *facet.aliases)]
    names = [*all_place_names(), *programs]
    if kept is not None:
        return functools.partial(kept.files, docs, names, key_cache, newest)
    work = functools.partial(build_search_files, docs, names, key_cache=key_cache, newest=newest)
    return in_background(work) if background and len(docs) >= BACKGROUND_THRESHOLD else work


def build_search_files(
    docs: list[SearchDoc], names: Iterable[str], key_cache: SearchKeyCache | None = None,
    newest: Sequence[int] | None = None,
) -> list[tuple[str, str]]:
    """Every file of the index as (site-relative path, content). newest: each document's place
    in newest-first order, for ties on the page (None: the documents are given oldest first)."""
    scanner = NameScanner(names)
    encoded = encoded_postings(docs, document_keys_of(docs, scanner, key_cache))
    return index_files(docs, encoded, scanner.name_set.intersection(encoded), newest=newest)


def index_files(docs: list[SearchDoc], encoded: dict[str, str], found_names: Iterable[str],
                newest: Sequence[int] | None = None, doc_files: list[tuple[str, str]] | None = None
                ) -> list[tuple[str, str]]:
    """The files of an index: meta, the shards of the encoded postings, a file every
    DOCS_PER_FILE documents (doc_files: those, when the caller has them: document_files)."""
    total = sum(len(key) * 3 + len(value) + 6 for key, value in encoded.items())
    shard_count = shards_for(total)
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for key in sorted(encoded):
        shards[key_hash(key) % shard_count][key] = encoded[key]
    width = len(f"{shard_count - 1:x}")
    meta = meta_record(docs, shard_count, width, sorted(found_names), newest)
    files = [("search/meta.js", script_file("meta", 0, meta))]
    files += [(f"search/shard-{i:0{width}x}.js", script_file("shard", i, shard)) for i, shard in enumerate(shards)]
    if doc_files is None:
        doc_files = document_files([doc_payload(doc) for doc in docs])
    return files + doc_files


def document_files(payloads: Sequence[str], first: int = 0, stop: int | None = None) -> list[tuple[str, str]]:
    """The documents' files from number first (up to stop), each of DOCS_PER_FILE payloads."""
    last = -(-len(payloads) // DOCS_PER_FILE) if stop is None else stop
    return [(f"search/docs/{n}.js", _script("docs", n, "[" + ",".join(payloads[n * DOCS_PER_FILE:(n + 1) * DOCS_PER_FILE]) + "]"))
            for n in range(first, last)]


def meta_record(docs: list[SearchDoc], shard_count: int, width: int, names: list[str],
                newest: Sequence[int] | None = None) -> dict:
    def counted(values: Iterable) -> list[list]:
        counts: dict = defaultdict(int)
        for value in values:
            counts[value] += 1
        return [[value, counts[value]] for value in sorted(counts, key=lambda v: (-counts[v], str(v)))]

    return {
        "docs": len(docs),
        "docs_per_file": DOCS_PER_FILE,
        "shards": shard_count,
        "width": width,
        "names": names,
        "cities": counted(doc.city or "" for doc in docs),
        "years": sorted(counted(doc.year or "" for doc in docs), key=lambda pair: str(pair[0]), reverse=True),
        "programs": counted(program for doc in docs for program in doc.programs),
        "newest": list(newest) if newest is not None else list(range(len(docs) - 1, -1, -1)),
    }


def doc_record(doc: SearchDoc) -> dict:
    return {
        "u": doc.url,
        "t": doc.title,
        "c": doc.city or "",
        "y": doc.year or "",
        "d": doc.date or "",
        "g": list(doc.programs),
        "x": plain(doc.text[:TEXT_LIMIT]),
    }


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps makes one a call


def script_file(kind: str, number: int, data: dict) -> str:
    return _script(kind, number, _payload(data))


def doc_payload(doc: SearchDoc) -> str:
    """A document's data as its file carries it (after its number, which moves)."""
    return _payload(doc_record(doc))


def _payload(data: dict) -> str:
    # "</" is escaped so no text from the archive can close a <script> element.
    return _JSON.encode(data).replace("</", "<\\/")


def _script(kind: str, number: int, payload: str) -> str:
    return f'{PREFIX}("{kind}",{number},{payload});\n'
