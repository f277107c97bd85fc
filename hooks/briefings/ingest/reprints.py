"""Reprints: the same briefing scraped from several sites becomes one page.

Detected on the cleaned text, never on file names: the text is normalised (NFKC, lower case,
only letters and digits: punctuation, spaces and full-width forms differ between sites), cut
into overlapping 5-character shingles, and each text is summarised by a bottom-k MinHash
sketch (the SKETCH_SIZE smallest shingle hashes: deterministic across processes, unlike
hash()). A shingle's hash is computed for all shingles at once with numpy: a polynomial of its
code points (mod 2^64), mixed by MurmurHash3's finaliser, its high 32 bits (0.05 ms a briefing;
crc32 of each shingle took 0.8 ms). Two texts are reprints when their estimated Jaccard similarity is at least
THRESHOLD, or when their normalised texts are identical.

Linear in the archive: candidate pairs come from an index of each text's INDEXED smallest
hashes (near-duplicates share at least one with high probability; unrelated texts rarely
do), so only texts sharing a bucket are compared, each bucket against at most BUCKET_LIMIT
members.

What a text contributes (its normalised length, a digest of the normalised text, its sketch) is
its Fingerprint, made where the record is made (ingest.read_briefing: in the worker processes of
a first build, on every core) and kept on the record (Briefing.fingerprint), so the record cache
holds it and a rebuild computes no sketch. Why on the record rather than a cache of its own:
the record cache is already keyed by the file's content and by this module's source and is read
by every build, so nothing new has to be wired into the build; a record made elsewhere (tests,
dataclasses.replace, an older pickle) has none and gets one computed here. The groups are the
same as when everything was computed here: identical normalised texts are found by their
BLAKE2b digests (128 bits) instead of the texts, and similarity() counts exactly what it
counted by scanning tuples. 10,000 briefings: 0.6 s here (was 13 s), plus 0.1 ms a briefing
of fingerprints in the read workers of a first build.

Which copy gets the page: the one with the smallest archive-relative path. Paths are the
only input that never changes (ids are made from them; dates and sources are extracted by
heuristics that improve over time, and a rule on them would move URLs when extraction
changes). Archives are filed in order (the scraper's files are numbered: 000_…, 001_…), so a
reprint filed later sorts after the original and never takes its page, id or feed guid.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefings.model import Briefing

SHINGLE = 5  # characters; Chinese words are 1-4 characters, so 5-grams cross word boundaries
SKETCH_SIZE = 128
INDEXED = 6
THRESHOLD = 0.75
MIN_SHINGLES = 20  # shorter texts only match when identical (a sketch of few shingles is noise)
BUCKET_LIMIT = 50
_NOT_WORD = re.compile(r"[\W_]+")
# Characters NFKC changes that Chinese text is full of, replaced first by their compatibility
# decomposition (what NFKC decomposes them to: the result is the same), so that most texts pass
# unicodedata's quick check instead of being normalised character by character.
_COMMON_COMPATIBLE = tuple(
    (char, unicodedata.normalize("NFKD", char))
    for char in "\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09\u3000\u2026\uff05\uff5e\u2103"
    if unicodedata.normalize("NFKD", char) != char
)


@dataclass(frozen=True)
class Fingerprint:
    """What reprint detection needs of one text."""

    length: int  # characters of the normalised text
    digest: bytes  # BLAKE2b (16 bytes) of the normalised text: identical texts
    packed: bytes  # the sketch, 4 bytes (big-endian) a hash

    @property
    def sketch(self) -> tuple[int, ...]:
        return struct.unpack(f">{len(self.packed) // 4}I", self.packed)

    @property
    def hashes(self) -> int:
        return len(self.packed) // 4

    def smallest(self, count: int) -> tuple[int, ...]:
        """The sketch's first count hashes (unpacking all of every record's: 0.2 s a rebuild at 10,000)."""
        return struct.unpack_from(f">{min(count, self.hashes)}I", self.packed)


def normalised_text(text: str) -> str:
    """The words of a text with everything sites change around them removed."""
    if not unicodedata.is_normalized("NFKC", text):
        for char, decomposed in _COMMON_COMPATIBLE:
            if char in text:
                text = text.replace(char, decomposed)
        text = unicodedata.normalize("NFKC", text)
    return _NOT_WORD.sub("", text.lower())


def sketch(text: str) -> tuple[int, ...]:
    """The SKETCH_SIZE smallest hashes of the text's shingles, ascending."""
    return sketch_normalised(normalised_text(text))


def sketch_normalised(text: str) -> tuple[int, ...]:
    return tuple(_sketch(text).tolist())


def shingle_hash(shingle: str) -> int:
    """The hash of one shingle (a text shorter than SHINGLE is one shingle, padded with U+0000,
    which no normalised text holds), as _sketch computes it for all shingles at once."""
    value = 0
    for char in shingle.ljust(SHINGLE, "\0"):
        value = (value * int(_BASE) + ord(char)) % 2**64
    for multiplier in (int(_MIX_1), int(_MIX_2), None):
        value ^= value >> 33
        if multiplier is not None:
            value = value * multiplier % 2**64
    return value >> 32


_BASE = np.uint64(0x100000001B3)  # the FNV prime: odd, so every code point stays in play
_MIX_1, _MIX_2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
_SHIFT_MIX, _SHIFT_HIGH = np.uint64(33), np.uint64(32)


def _sketch(text: str) -> np.ndarray:
    """The SKETCH_SIZE smallest distinct shingle hashes, ascending (uint32)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    count = len(codes) - SHINGLE + 1
    hashes = codes[:count].copy()
    for offset in range(1, SHINGLE):  # uint64 arithmetic wraps: the polynomial mod 2^64
        hashes *= _BASE
        hashes += codes[offset : offset + count]
    for multiplier in (_MIX_1, _MIX_2, None):
        hashes ^= hashes >> _SHIFT_MIX
        if multiplier is not None:
            hashes *= multiplier
    ordered = np.sort((hashes >> _SHIFT_HIGH).astype(np.uint32))
    distinct = np.empty(len(ordered), dtype=bool)  # (np.unique: several times slower here)
    distinct[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=distinct[1:])
    return ordered[distinct][:SKETCH_SIZE]


def text_fingerprint(text: str) -> Fingerprint:
    normalised = normalised_text(text)
    return Fingerprint(
        len(normalised),
        hashlib.blake2b(normalised.encode("utf-8", "surrogatepass"), digest_size=16).digest(),
        _sketch(normalised).astype(">u4").tobytes(),
    )


def fingerprint(briefing: Briefing) -> Fingerprint:
    """The briefing's fingerprint: the one its record carries, else computed from its text."""
    found = briefing.fingerprint
    return found if isinstance(found, Fingerprint) else text_fingerprint(briefing.text)


def with_fingerprint(briefing: Briefing) -> Briefing:
    """The record, carrying its fingerprint (set on the frozen record, as its __init__ would:
    Briefing.fingerprint is not an argument of it, so no copy can carry a stale one)."""
    object.__setattr__(briefing, "fingerprint", text_fingerprint(briefing.text))
    return briefing


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches."""
    return _similarity(frozenset(a), frozenset(b))


def _similarity(a: frozenset[int], b: frozenset[int]) -> float:
    # The share of the k smallest hashes of the union that both hold: those of the intersection
    # not above the k-th smallest of the union.
    union = a | b
    k = min(SKETCH_SIZE, len(union))
    if not k:
        return 0.0
    shared = a & b
    if len(union) > k:
        limit = sorted(union)[k - 1]
        return sum(1 for value in shared if value <= limit) / k
    return len(shared) / k


def find_reprints(briefings: Sequence[Briefing], known=None) -> list[list[int]]:
    """Groups (lists of indexes into briefings, ascending) of two or more copies of one briefing.
    known (under serve, a cache.store.BuildMemo kept between builds): each bucket's matches by its
    members' texts and years, so a rebuild compares only the buckets a change touched (0.5 s of a
    rebuild at 10,000)."""
    parent = list(range(len(briefings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[max(root(i), root(j))] = min(root(i), root(j))

    prints = [fingerprint(briefing) for briefing in briefings]
    by_text: dict[bytes, int] = {}
    for i, found in enumerate(prints):
        if found.length:
            join(i, by_text.setdefault(found.digest, i))
    buckets: dict[int, list[int]] = {}
    for i, found in enumerate(prints):
        if found.hashes >= MIN_SHINGLES and not _too_short(found.length):
            for value in found.smallest(INDEXED):
                buckets.setdefault(value, []).append(i)
    sets: dict[int, frozenset[int]] = {}
    if known is not None:
        known.start()
    for members in buckets.values():
        compared = members[:BUCKET_LIMIT]
        if known is None:
            for position, i in enumerate(compared):
                for j in compared[:position]:
                    if root(i) != root(j) and _same_briefing(briefings[i], briefings[j], i, j, prints, sets):
                        join(i, j)
            continue
        # what a bucket's comparisons find depends only on its members' texts and years
        key = tuple((prints[i].digest, briefings[i].year) for i in compared)
        found = known.get(key)
        if found is None:
            found = tuple((position, before) for position, i in enumerate(compared)
                          for before, j in enumerate(compared[:position])
                          if _same_briefing(briefings[i], briefings[j], i, j, prints, sets))
            known.put(key, found)
        for position, before in found:
            join(compared[position], compared[before])
    groups: dict[int, list[int]] = {}
    for i in range(len(briefings)):
        groups.setdefault(root(i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]


def _too_short(length: int) -> bool:
    return length < MIN_SHINGLES + SHINGLE


def _same_briefing(a: Briefing, b: Briefing, i: int, j: int, prints: list[Fingerprint],
                   sets: dict[int, frozenset[int]]) -> bool:
    # A report on 2021 and one on 2022 may share a template; they are two briefings.
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    for index in (i, j):
        if index not in sets:
            sets[index] = frozenset(prints[index].sketch)
    return _similarity(sets[i], sets[j]) >= THRESHOLD
