"""Postings: for every key, the documents it is found in with their weights, delta-encoded in base 36."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import islice

from briefings.search.keys import SEPARATOR, WEIGHT_BITS, DocKeys, SearchDoc, facet_keys

SHARD_TARGET = 24_000  # average bytes of postings per shard


def encoded_postings(docs: Sequence[SearchDoc], doc_keys: Sequence[DocKeys]) -> dict[str, str]:
    """Key -> its postings, delta-encoded as delta_encode does, collected document by document.

    A key's list starts with (number << WEIGHT_BITS) of the last document it was found in, so
    each posting is encoded when it is added, in base 36 from a table (no list of ints
    is kept, no second pass over the postings)."""
    postings: defaultdict[str, list] = defaultdict(lambda: [0])
    digits = _base36_table(len(doc_keys) << WEIGHT_BITS)
    for number, (doc, found) in enumerate(zip(docs, doc_keys)):
        keys, weights = keys_and_weights(doc, found)
        base = number << WEIGHT_BITS
        for found, weight in zip(map(postings.__getitem__, keys), weights):
            found.append(digits[base + weight - found[0]])
            found[0] = base
    return {key: ",".join(islice(found, 1, None)) for key, found in postings.items()}


def keys_and_weights(doc: SearchDoc, found: DocKeys) -> tuple[list[str], bytes]:
    """Every key a document is indexed under, in order, and its weights: its text keys, then
    its facets (weight 1; they hold a colon, never one of the text keys)."""
    text, weights = found
    keys = text.split(SEPARATOR) if text else []
    facets = list(dict.fromkeys(facet_keys(doc)))
    return keys + facets, weights + b"\x01" * len(facets)


def delta_encode(values: list[int]) -> str:
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


def shards_for(total_bytes: int) -> int:
    count = 1
    while total_bytes / count > SHARD_TARGET:
        count *= 2
    return count
