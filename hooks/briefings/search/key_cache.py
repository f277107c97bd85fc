"""Each document's keys kept by content across builds (memory, and the cache folder's entries)."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from functools import cache
from pathlib import Path

from briefings.cache.store import KeptInMemory
from briefings.search import keys
from briefings.search.keys import (
    BODY_CAP,
    FIELD_BOOST,
    HAN,
    KEYS_VERSION,
    SEPARATOR,
    TITLE_BOOST,
    WEIGHT_BITS,
    WEIGHT_MAX,
    DocKeys,
    SearchDoc,
)


@cache
def rules_digest() -> str:
    """What a document's keys depend on besides its content and the known names: the module that
    makes them (its source, KEYS_VERSION, the weights) and the Unicode tables of normalise()."""
    digest = hashlib.sha256(
        f"search-keys {KEYS_VERSION} {BODY_CAP} {TITLE_BOOST} {FIELD_BOOST} {WEIGHT_BITS} "
        f"{unicodedata.unidata_version} {HAN}\n".encode()
    )
    try:
        digest.update(Path(keys.__file__).read_bytes())
    except OSError:
        pass
    return digest.hexdigest()


class SearchKeyCache(KeptInMemory):
    """Each document's text keys (DocKeys) by content, in memory and (given a folder) on disk.

    An entry's key is the SHA-256 of the document's title, text and boosted names, the known
    names (NameScanner.digest) and rules_digest(): a change to any of them is a miss, never a
    stale entry. On disk (FOLDER/entries.sqlite, cache/entries.py) an entry is the keys as
    UTF-8 and their weights, ~7 KB a briefing, with a CRC-32 that makes a damaged entry a
    miss. Memory keeps the entries the last build used, so a
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
        if found is None and self.entries is not None:
            data = self.entries.get(key)
            found = decode_entry(data) if data is not None else None
        if found is None:
            self.misses += 1
            return None
        self._memory[key] = found
        self._used.add(key)
        self.hits += 1
        return found

    def put(self, key: str, keys: DocKeys) -> None:
        self.put_many([(key, keys)])

    def put_many(self, entries: list[tuple[str, DocKeys]]) -> None:
        """Keep entries (on disk in one transaction)."""
        for key, doc_keys in entries:
            self._memory[key] = doc_keys
            self._used.add(key)
        if self.entries is not None:
            self.entries.put_many((key, encode_entry(doc_keys)) for key, doc_keys in entries)


def encode_entry(keys: DocKeys) -> bytes:
    """CRC-32 of the rest, length of the keys' UTF-8, the keys, the weights (not compressed:
    zlib would halve the size and cost more than reading the file)."""
    text = keys[0].encode("utf-8")
    payload = len(text).to_bytes(4, "big") + text + keys[1]
    return zlib.crc32(payload).to_bytes(4, "big") + payload


_WEIGHTS = bytes(range(1, WEIGHT_MAX + 1))  # the bytes a weight may be


def decode_entry(data: bytes) -> DocKeys | None:
    """The entry, or None when it is damaged or not an entry."""
    if len(data) < 8 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
        return None
    size = int.from_bytes(data[4:8], "big")
    try:
        text = data[8 : 8 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    weights = data[8 + size :]
    count = text.count(SEPARATOR) + 1 if text else 0
    if len(data) < 8 + size or count != len(weights) or weights.translate(None, _WEIGHTS):
        return None
    return text, weights
