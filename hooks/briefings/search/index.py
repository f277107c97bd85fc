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

Speed. A document's keys (~0.6 ms: pairs counted as ints read from its UTF-32 encoding, names
counted where their first two characters occur) depend only on its title, text and boosted
names, the known names and this module; a SearchKeyCache keeps them by content across builds
(files under the cache folder, and memory under `mkdocs serve`), and when many are missing (a
first build) worker processes compute them, one a CPU. Postings are delta-encoded in base 36 as
they are collected (one pass, no list of ints). The files are the same, byte for byte, with or
without the cache, in parallel or not (tests/unit/test_search_index.py compares them with the
straightforward implementation). 10,000 briefings: ~8 s cold, ~4 s warm or +1 (was ~25 s).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

from briefings.cache.records import KeptInMemory, write_atomically
from briefings.site.catalog import Catalog, briefing_src
from briefings.site.markup import plain
from briefings.model import Briefing

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_NOT_HAN = re.compile(f"[^{HAN}]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NAME = re.compile(f"[{HAN}]{{3,}}")

BODY_CAP = 3  # occurrences in the body count up to this
TITLE_BOOST = 8
FIELD_BOOST = 16  # city, province, program names and aliases
WEIGHT_BITS = 5  # a posting is (doc delta << 5) | weight; weights stay below 32
TEXT_LIMIT = 2000  # characters of text kept for result excerpts
SHARD_TARGET = 24_000  # average bytes of postings per shard
PREFIX = "window.__briefingsSearch.add"

# Raise when the keys of a document change in a way this module's source does not show (its
# source is part of every key-cache entry's key already, see rules_digest).
KEYS_VERSION = 1
# Below this many documents to key, starting worker processes costs more than it saves.
KEY_PARALLEL_THRESHOLD = 1000
_WEIGHT_MAX = (1 << WEIGHT_BITS) - 1
_SEPARATOR = " "  # stands for every run of characters that are not Han (never part of a key)
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"  # native units for memoryview
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


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


# Characters NFKC changes that Chinese text is full of. Replaced first by their compatibility
# decomposition, which is what NFKC decomposes them to anyway (so the result is the same), a
# typical text then passes unicodedata's quick check and is not normalised character by character.
_COMMON_COMPATIBLE = tuple(
    (char, unicodedata.normalize("NFKD", char))
    for char in "\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09\u3000\u2026\uff05\uff5e\u2103"
    if unicodedata.normalize("NFKD", char) != char
)


def normalise(text: str) -> str:
    """The form both the index and the browser search in: NFKC (full-width digits), lowercase."""
    if not unicodedata.is_normalized("NFKC", text):
        for char, decomposed in _COMMON_COMPATIBLE:
            if char in text:
                text = text.replace(char, decomposed)
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def key_hash(key: str) -> int:
    """FNV-1a over UTF-16 code units: the browser computes the same with charCodeAt."""
    value = 0x811C9DC5
    for unit in memoryview(key.encode(_UTF16)).cast("H"):
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return value


class NameScanner:
    """Finds known names (three Han characters or more) in text, longest first at each place."""

    def __init__(self, names: Iterable[str]):
        self.by_head: dict[str, list[str]] = defaultdict(list)
        # Longest first, then in code point order: the same order in every process (not the
        # order of a set of strings, which changes with the hash seed), so keys come in one order.
        for name in sorted({normalise(n) for n in names if _NAME.fullmatch(normalise(n))}, key=lambda n: (-len(n), n)):
            self.by_head[name[:2]].append(name)
        self.heads = frozenset(self.by_head)
        self.name_set = frozenset(self.names)
        # Names that can overlap themselves (a prefix is also a suffix): str.count misses overlaps.
        self._overlapping = frozenset(
            name for name in self.name_set if any(name[:size] == name[-size:] for size in range(1, len(name)))
        )
        self.digest = hashlib.sha256("\n".join(self.names).encode("utf-8", "surrogatepass")).hexdigest()
        self.pair_texts = _PairText()  # a memo for the texts scanned with this scanner (one build)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "pair_texts": _PairText()}  # the memo does not travel to workers

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

    def count(self, han: str, pairs: Iterable[str]) -> Iterator[tuple[str, int]]:
        """(name, occurrences, overlaps included) of every known name in han, a text whose runs
        of Han characters are separated by non-Han characters; pairs: its bigrams (any order,
        repeats allowed). Names are Han only, so they occur within runs: the same as find()
        over every run. Only names whose first two characters occur are looked for."""
        for head in sorted(self.heads.intersection(pairs)):
            for name in self.by_head[head]:
                if name in self._overlapping:
                    found, at = 0, han.find(name)
                    while at >= 0:
                        found, at = found + 1, han.find(name, at + 1)
                else:
                    found = han.count(name)
                if found:
                    yield name, found


class _PairText(dict):
    """Two characters packed in one int (UTF-32 units: the 8 bytes of both, native order) ->
    the pair as text; a pair with the separator -> _SEPARATOR. An archive uses a few hundred
    thousand pairs: each is decoded once, and counted as one shared string."""

    def __missing__(self, code: int) -> str:
        pair = code.to_bytes(8, sys.byteorder).decode(_UTF32)
        text = _SEPARATOR if _SEPARATOR in pair else pair
        self[code] = text
        return text


def _key_counts(text: str, scanner: NameScanner) -> Counter[str]:
    """Key -> number of occurrences in text (text_keys).

    The bigrams are read as 64-bit ints straight from the UTF-32 encoding (two reads: characters
    0-1, 2-3, ... and 1-2, 3-4, ...) and counted as the one string the scanner's memo keeps for
    each: half the cost of making a new string of every pair."""
    text = normalise(text)
    han = _NOT_HAN.sub(_SEPARATOR, text)  # runs of Han characters, one separator between them
    data = memoryview(han.encode(_UTF32))
    pair_text = scanner.pair_texts.__getitem__
    counts = Counter(map(pair_text, data[: len(data) >> 3 << 3].cast("Q")))
    odd = (len(data) - 4) >> 3 << 3
    if odd > 0:
        counts.update(map(pair_text, data[4 : 4 + odd].cast("Q")))
    counts.pop(_SEPARATOR, None)  # every pair across two runs
    counts.update(dict(scanner.count(han, counts)))  # names: three characters or more, never a pair
    counts.update(_LATIN_WORD.findall(text))
    return counts


def text_keys(text: str, scanner: NameScanner) -> Counter[str]:
    """Key -> number of occurrences in text."""
    return _key_counts(text, scanner)


class _Capped(dict):
    """count -> min(count, BODY_CAP), looked up in C (builtin min of two values is slow)."""

    def __missing__(self, count: int) -> int:
        self[count] = min(count, BODY_CAP)
        return self[count]


_CAPPED = _Capped()


def _text_weights(doc: SearchDoc, scanner: NameScanner) -> dict[str, int]:
    """Key -> weight of the keys from the document's title, text and boosted names (not facets)."""
    body = _key_counts(doc.text, scanner)
    weights = dict(zip(body, map(_CAPPED.__getitem__, body.values())))
    for key in _key_counts(doc.title, scanner):
        weights[key] = weights.get(key, 0) + TITLE_BOOST
    for key in _key_counts(" ".join(doc.fields), scanner):
        weights[key] = weights.get(key, 0) + FIELD_BOOST
    if BODY_CAP + TITLE_BOOST + FIELD_BOOST > _WEIGHT_MAX:
        weights = {key: min(weight, _WEIGHT_MAX) for key, weight in weights.items()}
    return weights


def document_keys(doc: SearchDoc, scanner: NameScanner) -> dict[str, int]:
    """Key -> weight (1..31) of one document."""
    weights = _text_weights(doc, scanner)
    for key in facet_keys(doc):
        weights[key] = 1
    return weights


def facet_keys(doc: SearchDoc) -> list[str]:
    keys = [f"city:{doc.city or ''}", f"year:{doc.year or ''}"]
    return keys + [f"program:{program}" for program in doc.programs]


# The text keys of one document as the key cache keeps them: the keys joined by spaces (no key
# from text holds a space: they are Han characters or [a-z0-9]) and their weights, a byte each.
# Facet keys ("city:...", with a colon no text key holds) are added when the index is built.
DocKeys = tuple[str, bytes]


def _doc_keys(doc: SearchDoc, scanner: NameScanner) -> DocKeys:
    weights = _text_weights(doc, scanner)
    return " ".join(weights), bytes(weights.values())


@cache
def rules_digest() -> str:
    """What a document's keys depend on besides its content and the known names: this module
    (its source, KEYS_VERSION, the weights) and the Unicode tables of normalise()."""
    digest = hashlib.sha256(
        f"search-keys {KEYS_VERSION} {BODY_CAP} {TITLE_BOOST} {FIELD_BOOST} {WEIGHT_BITS} "
        f"{unicodedata.unidata_version} {HAN}\n".encode()
    )
    try:
        digest.update(Path(__file__).read_bytes())
    except OSError:
        pass
    return digest.hexdigest()


class SearchKeyCache(KeptInMemory):
    """Each document's text keys (DocKeys) by content, in memory and (given a folder) on disk.

    An entry's key is the SHA-256 of the document's title, text and boosted names, the known
    names (NameScanner.digest) and rules_digest(): a change to any of them is a miss, never a
    stale entry. One file an entry, FOLDER/ab/abcd....keys (the keys as UTF-8 and their
    weights, ~7 KB a briefing, with a CRC-32 that makes a damaged entry a miss), written with
    cache.write_atomically. Memory keeps the entries the last build used, so a
    `mkdocs serve` rebuild reads no file. Use one object per folder across builds:
    reset_counts() before a build, forget_unused() after it; hits and misses count the last.
    """

    @staticmethod
    def entry_key(doc: SearchDoc, scanner_digest: str) -> str:
        digest = hashlib.sha256()
        for part in (rules_digest(), scanner_digest, doc.title, doc.text, *doc.fields):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> DocKeys | None:
        found = self._memory.get(key)
        if found is None and self.folder is not None:
            try:
                found = _decode_entry(self._path(key).read_bytes())
            except OSError:
                found = None
        if found is None:
            self.misses += 1
            return None
        self._memory[key] = found
        self._used.add(key)
        self.hits += 1
        return found

    def put(self, key: str, keys: DocKeys, written: bool = False) -> None:
        """Keep an entry (written: a worker process has written its file already)."""
        self._memory[key] = keys
        self._used.add(key)
        if self.folder is not None and not written:
            _write_entry(self.folder, key, keys)

    def _path(self, key: str) -> Path:
        return _entry_path(self.folder, key)


def _entry_path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.keys"


def _write_entry(folder: Path, key: str, keys: DocKeys) -> None:
    write_atomically(_entry_path(folder, key), _encode_entry(keys))


def _encode_entry(keys: DocKeys) -> bytes:
    """CRC-32 of the rest, length of the keys' UTF-8, the keys, the weights (not compressed:
    zlib would halve the size and cost more than reading the file)."""
    text = keys[0].encode("utf-8")
    payload = len(text).to_bytes(4, "big") + text + keys[1]
    return zlib.crc32(payload).to_bytes(4, "big") + payload


_WEIGHTS = bytes(range(1, _WEIGHT_MAX + 1))  # the bytes a weight may be


def _decode_entry(data: bytes) -> DocKeys | None:
    """The entry, or None when it is damaged or not an entry."""
    if len(data) < 8 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
        return None
    size = int.from_bytes(data[4:8], "big")
    try:
        text = data[8 : 8 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    weights = data[8 + size :]
    count = text.count(_SEPARATOR) + 1 if text else 0
    if len(data) < 8 + size or count != len(weights) or weights.translate(None, _WEIGHTS):
        return None
    return text, weights


def document_keys_of(
    docs: Sequence[SearchDoc], scanner: NameScanner, key_cache: SearchKeyCache | None = None,
    workers: int | None = None,
) -> list[DocKeys]:
    """The text keys of every document: from the cache where it has them, the others computed
    (in `workers` processes, default one a CPU, when there are KEY_PARALLEL_THRESHOLD or more:
    they write the cache entries too) and kept in the cache."""
    if key_cache is None:
        return _compute_keys(list(docs), scanner, workers)[0]
    entry_keys = [key_cache.entry_key(doc, scanner.digest) for doc in docs]
    found: list[DocKeys | None] = [key_cache.get(key) for key in entry_keys]
    missing = [index for index, keys in enumerate(found) if keys is None]
    computed, written = _compute_keys(
        [docs[index] for index in missing], scanner, workers, key_cache.folder, [entry_keys[index] for index in missing]
    )
    for index, keys in zip(missing, computed):
        found[index] = keys
        key_cache.put(entry_keys[index], keys, written=written)
    return found  # type: ignore[return-value]


def _compute_keys(
    docs: list[SearchDoc], scanner: NameScanner, workers: int | None = None,
    folder: Path | None = None, entry_keys: list[str] | None = None,
) -> tuple[list[DocKeys], bool]:
    """The keys of the documents, and whether their cache entries (entry_keys, in folder)
    were written here (by the worker processes)."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(docs) < KEY_PARALLEL_THRESHOLD:
        return [_doc_keys(doc, scanner) for doc in docs], False
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Only what the keys depend on travels to the workers; contiguous chunks keep the order.
    keys_of = entry_keys if folder is not None and entry_keys is not None else [None] * len(docs)
    parts = [(key, doc.title, doc.text, doc.fields) for key, doc in zip(keys_of, docs)]
    size = -(-len(parts) // (workers * 4))
    chunks = [parts[start : start + size] for start in range(0, len(parts), size)]
    # fork is fast, but only safe before any other thread runs (`mkdocs serve` has some).
    single = threading.active_count() == 1 and hasattr(os, "fork")
    context = multiprocessing.get_context("fork" if single else "spawn")
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(scanner, folder)
        ) as pool:
            return [keys for chunk in pool.map(_keys_in_worker, chunks) for keys in chunk], folder is not None
    except (OSError, BrokenProcessPool):  # no processes here: one core it is
        return [_doc_keys(doc, scanner) for doc in docs], False


_worker: dict = {}  # in a worker process: the scanner and the cache folder


def _start_worker(scanner: NameScanner, folder: Path | None) -> None:
    _worker.update(scanner=scanner, folder=folder)


def _keys_in_worker(parts: list[tuple[str | None, str, str, tuple[str, ...]]]) -> list[DocKeys]:
    scanner, folder = _worker["scanner"], _worker["folder"]
    result = []
    for entry_key, title, text, fields in parts:
        keys = _doc_keys(SearchDoc("", title, text, None, None, None, None, (), fields), scanner)
        if folder is not None and entry_key is not None:
            _write_entry(folder, entry_key, keys)
        result.append(keys)
    return result


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


def catalog_search_files(
    catalog: Catalog, directory_urls: bool, key_cache: SearchKeyCache | None = None
) -> list[tuple[str, str]]:
    """The index of a catalog: names are the gazetteer's places and the programs with aliases.
    key_cache: keeps the documents' keys across builds (None: all computed)."""
    from briefings.site.pages.briefing import search_tags
    from briefings.ingest.extract.gazetteer import all_place_names
    from briefings.site.data import SiteAddress

    address = SiteAddress("", directory_urls)
    docs = search_docs(catalog, lambda src: address.url(src).lstrip("/"), lambda b: search_tags(b, catalog))
    programs = [name for facet in catalog.programs for name in (facet.name, *facet.aliases)]
    return build_search_files(docs, [*all_place_names(), *programs], key_cache=key_cache)


def build_search_files(
    docs: list[SearchDoc], names: Iterable[str], key_cache: SearchKeyCache | None = None
) -> list[tuple[str, str]]:
    """Every file of the index as (site-relative path, content)."""
    scanner = NameScanner(names)
    encoded = _encoded_postings(docs, document_keys_of(docs, scanner, key_cache))
    found_names = scanner.name_set.intersection(encoded)
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


def _encoded_postings(docs: Sequence[SearchDoc], doc_keys: Sequence[DocKeys]) -> dict[str, str]:
    """Key -> its postings, delta-encoded as _delta_encode does, collected document by document.

    A key's list starts with (number << WEIGHT_BITS) of the last document it was found in, so
    each posting is encoded when it is added, in base 36 from a table (no list of ints
    is kept, no second pass over the postings)."""
    postings: defaultdict[str, list] = defaultdict(lambda: [0])
    digits = _base36_table(len(doc_keys) << WEIGHT_BITS)
    for number, (doc, (text, weights)) in enumerate(zip(docs, doc_keys)):
        keys = text.split(_SEPARATOR) if text else []
        facets = list(dict.fromkeys(facet_keys(doc)))  # hold a colon: never one of the text keys
        keys += facets
        weights += b"\x01" * len(facets)
        base = number << WEIGHT_BITS
        for found, weight in zip(map(postings.__getitem__, keys), weights):
            found.append(digits[base + weight - found[0]])
            found[0] = base
    return {key: ",".join(islice(found, 1, None)) for key, found in postings.items()}


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


_PAIRS_OF_DIGITS = [a + b for a in _DIGITS for b in _DIGITS]  # "00" .. "zz"
_TABLE_LIMIT = 36**4  # the largest table: 1.7 million strings (archives up to 52,000 briefings)


class _Base36(dict):
    """value -> _base36(value), each computed once: for archives too large for _base36_table."""

    def __missing__(self, value: int) -> str:
        text = _base36(value)
        self[value] = text
        return text


def _base36_table(size: int) -> list[str] | _Base36:
    """_base36 of every value below size, indexable (a list lookup is the fastest there is)."""
    if size > _TABLE_LIMIT:
        return _Base36()
    table = list(_SMALL)
    for high in range(1, -(-size // len(_SMALL))):
        prefix = _base36(high)
        table += [prefix + low for low in _PAIRS_OF_DIGITS]
    return table


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


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps makes one a call


def _script(kind: str, number: int, data: dict) -> str:
    # "</" is escaped so no text from the archive can close a <script> element.
    payload = _JSON.encode(data).replace("</", "<\\/")
    return f'{PREFIX}("{kind}",{number},{payload});\n'
