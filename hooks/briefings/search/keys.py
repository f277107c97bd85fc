"""A document's keys and their weights: Han bigrams, known names kept whole, Latin words, facets.
See the package's docstring for what the index is and why."""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_NOT_HAN = re.compile(f"[^{HAN}]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NAME = re.compile(f"[{HAN}]{{3,}}")

BODY_CAP = 3  # occurrences in the body count up to this
TITLE_BOOST = 8
FIELD_BOOST = 16  # city, province, program names and aliases
WEIGHT_BITS = 5  # a posting is (doc delta << 5) | weight; weights stay below 32

# Raise when the keys of a document change in a way this module's source does not show (its
# source is part of every key-cache entry's key already, see key_cache.rules_digest).
KEYS_VERSION = 1
WEIGHT_MAX = (1 << WEIGHT_BITS) - 1
SEPARATOR = " "  # stands for every run of characters that are not Han (never part of a key)
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
    the pair as text; a pair with the separator -> SEPARATOR. An archive uses a few hundred
    thousand pairs: each is decoded once, and counted as one shared string."""

    def __missing__(self, code: int) -> str:
        pair = code.to_bytes(8, sys.byteorder).decode(_UTF32)
        text = SEPARATOR if SEPARATOR in pair else pair
        self[code] = text
        return text


def _key_counts(text: str, scanner: NameScanner) -> Counter[str]:
    """Key -> number of occurrences in text (text_keys).

    The bigrams are read as 64-bit ints straight from the UTF-32 encoding (two reads: characters
    0-1, 2-3, ... and 1-2, 3-4, ...) and counted as the one string the scanner's memo keeps for
    each: half the cost of making a new string of every pair."""
    text = normalise(text)
    han = _NOT_HAN.sub(SEPARATOR, text)  # runs of Han characters, one separator between them
    data = memoryview(han.encode(_UTF32))
    pair_text = scanner.pair_texts.__getitem__
    counts = Counter(map(pair_text, data[: len(data) >> 3 << 3].cast("Q")))
    odd = (len(data) - 4) >> 3 << 3
    if odd > 0:
        counts.update(map(pair_text, data[4 : 4 + odd].cast("Q")))
    counts.pop(SEPARATOR, None)  # every pair across two runs
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
    if BODY_CAP + TITLE_BOOST + FIELD_BOOST > WEIGHT_MAX:
        weights = {key: min(weight, WEIGHT_MAX) for key, weight in weights.items()}
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


def keys_of_doc(doc: SearchDoc, scanner: NameScanner) -> DocKeys:
    weights = _text_weights(doc, scanner)
    return " ".join(weights), bytes(weights.values())
