"""Reprints: the same briefing scraped from several sites becomes one page.

Detected on the cleaned text, never on file names: the text is normalised (NFKC, lower case,
only letters and digits: punctuation, spaces and full-width forms differ between sites), cut
into overlapping 5-character shingles, and each text is summarised by a bottom-k MinHash
sketch (the SKETCH_SIZE smallest shingle hashes, crc32: deterministic across processes,
unlike hash()). Two texts are reprints when their estimated Jaccard similarity is at least
THRESHOLD, or when their normalised texts are identical.

Linear in the archive: candidate pairs come from an index of each text's INDEXED smallest
hashes (near-duplicates share at least one with high probability; unrelated texts rarely
do), so only texts sharing a bucket are compared, each bucket against at most BUCKET_LIMIT
members. 10,000 briefings cost about a millisecond each.

Which copy gets the page: the one with the smallest archive-relative path. Paths are the
only input that never changes (ids are made from them; dates and sources are extracted by
heuristics that improve over time, and a rule on them would move URLs when extraction
changes). Archives are filed in order (the scraper's files are numbered: 000_…, 001_…), so a
reprint filed later sorts after the original and never takes its page, id or feed guid.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from collections.abc import Sequence

from .model import Briefing

SHINGLE = 5  # characters; Chinese words are 1-4 characters, so 5-grams cross word boundaries
SKETCH_SIZE = 128
INDEXED = 6
THRESHOLD = 0.75
MIN_SHINGLES = 20  # shorter texts only match when identical (a sketch of few shingles is noise)
BUCKET_LIMIT = 50
_NOT_WORD = re.compile(r"[\W_]+")


def normalised_text(text: str) -> str:
    """The words of a text with everything sites change around them removed."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def sketch(text: str) -> tuple[int, ...]:
    """The SKETCH_SIZE smallest hashes of the text's shingles, ascending."""
    return sketch_normalised(normalised_text(text))


def sketch_normalised(text: str) -> tuple[int, ...]:
    data = text.encode("utf-32-le")  # 4 bytes a character: shingles are slices
    width = 4 * SHINGLE
    hashes = {zlib.crc32(data[i : i + width]) for i in range(0, max(len(data) - width, 0) + 1, 4)}
    return tuple(heapq.nsmallest(SKETCH_SIZE, hashes))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches."""
    k = min(SKETCH_SIZE, len(set(a) | set(b)))
    smallest = heapq.nsmallest(k, set(a) | set(b))
    return sum(1 for value in smallest if value in a and value in b) / k if k else 0.0


def find_reprints(briefings: Sequence[Briefing]) -> list[list[int]]:
    """Groups (lists of indexes into briefings, ascending) of two or more copies of one briefing."""
    parent = list(range(len(briefings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[max(root(i), root(j))] = min(root(i), root(j))

    texts = [normalised_text(briefing.text) for briefing in briefings]
    by_text: dict[str, int] = {}
    for i, text in enumerate(texts):
        if text:
            join(i, by_text.setdefault(text, i))
    sketches = [sketch_normalised(text) for text in texts]
    buckets: dict[int, list[int]] = {}
    for i, values in enumerate(sketches):
        if len(values) >= MIN_SHINGLES and not _too_short(texts[i]):
            for value in values[:INDEXED]:
                buckets.setdefault(value, []).append(i)
    for members in buckets.values():
        for position, i in enumerate(members[:BUCKET_LIMIT]):
            for j in members[:position]:
                if root(i) != root(j) and _same_briefing(briefings[i], briefings[j], sketches[i], sketches[j]):
                    join(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(briefings)):
        groups.setdefault(root(i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]


def _too_short(text: str) -> bool:
    return len(text) < MIN_SHINGLES + SHINGLE


def _same_briefing(a: Briefing, b: Briefing, sketch_a, sketch_b) -> bool:
    # A report on 2021 and one on 2022 may share a template; they are two briefings.
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return similarity(sketch_a, sketch_b) >= THRESHOLD
