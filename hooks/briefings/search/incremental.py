"""The last build's index, kept by `mkdocs serve` and patched where the documents changed.

Documents are numbered in archive-path order (scripts.search_docs), so a file added among the
others renumbers all that sort after it (one sorting after all, the usual addition, none). In a key's delta-encoded postings that changes one posting only: the first after
the change (the others are relative to their predecessor). So a rebuild finds the run of
documents that changed (what lies between the common head and the common tail of the old and
new lists), keeps each key's postings before it, encodes the new documents' postings and that
one delta again, and keeps the rest of the string as it was. Too many changes, or other
known names, and the index is made from scratch. The files are those build_search_files makes
(tests/unit/test_search_index.py compares them after random edits).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence

from briefings.cache.store import ObjectMemo
from briefings.search.key_cache import SearchKeyCache
from briefings.search.keys import WEIGHT_BITS, DocKeys, NameScanner, SearchDoc
from briefings.search.postings import delta_encode, keys_and_weights
from briefings.search.scripts import DOCS_PER_FILE, doc_payload, document_files, index_files
from briefings.search.workers import document_keys_of, entry_keys_of

MAX_CHANGED = 64  # documents removed and added: more, and the index is made again (a big change)


class KeptIndex:
    """The index of the last build and what patching it needs; one per `mkdocs serve`."""

    def __init__(self) -> None:
        self._docs: list[SearchDoc] = []
        self._names: tuple[str, ...] | None = None
        self._postings: dict[str, array] = {}  # key -> (number << WEIGHT_BITS) | weight, ascending
        self._encoded: dict[str, str] = {}  # key -> its postings as the shards carry them
        self._payloads: list[str] = []  # each document's file content after its number
        self._doc_files: list[tuple[str, str]] = []  # the documents' files, DOCS_PER_FILE a file
        self._entry_keys: list[str] = []  # each document's key in the search-key cache
        self.patched = False  # whether the last build patched the one before (not made it whole)
        self.documents = ObjectMemo()  # each record's SearchDoc, by the record (scripts.search_docs)

    def files(self, docs: list[SearchDoc], names: Iterable[str], key_cache: SearchKeyCache | None = None,
              newest: Sequence[int] | None = None) -> list[tuple[str, str]]:
        """The index's files (build_search_files' arguments)."""
        names = tuple(names)
        scanner = NameScanner(names)
        changed = self._changed(docs, names)
        if key_cache is not None and len(self._entry_keys) != len(self._docs):
            changed = None  # the last index was made without the key cache: its entries are unknown
        self.patched = changed is not None
        old_count = len(self._docs)
        self._docs = []  # until this build's index is whole: a build stopped half-way leaves nothing to patch
        if changed is None:
            self._entry_keys = entry_keys_of(docs, scanner, key_cache) if key_cache is not None else []
            doc_keys = document_keys_of(docs, scanner, key_cache, entry_keys=self._entry_keys or None)
            self._postings, self._encoded = _postings(docs, doc_keys, 0)
            self._payloads = [doc_payload(doc) for doc in docs]
            self._doc_files = document_files(self._payloads)
        else:  # only the documents of the changed run are keyed: the others' keys are in the index
            start, removed, added = changed
            new_docs = docs[start:start + added]
            new_entry_keys = entry_keys_of(new_docs, scanner, key_cache) if key_cache is not None else []
            self._patch(start, removed, old_count, new_docs,
                        document_keys_of(new_docs, scanner, key_cache, entry_keys=new_entry_keys or None))
            self._payloads[start:start + removed] = [doc_payload(doc) for doc in new_docs]
            # the files from the change's on when documents moved, else those of the changed run
            first = start // DOCS_PER_FILE
            stop = None if added != removed else -(-(start + added) // DOCS_PER_FILE)
            self._doc_files[first:stop] = document_files(self._payloads, first, stop)
            if key_cache is not None:
                self._entry_keys[start:start + removed] = new_entry_keys
                for key in self._entry_keys:
                    key_cache.keep(key)  # the unchanged documents' entries stay in memory
        self._docs, self._names = list(docs), names
        return index_files(docs, self._encoded, scanner.name_set.intersection(self._encoded), newest=newest,
                           doc_files=self._doc_files)

    def _changed(self, docs: Sequence[SearchDoc], names: tuple[str, ...]) -> tuple[int, int, int] | None:
        """(where the changed run starts, documents removed there, documents added there), or
        None when the index must be made whole."""
        old = self._docs
        if self._names != names or not old:
            return None
        shortest = min(len(old), len(docs))
        head = 0
        while head < shortest and (old[head] is docs[head] or old[head] == docs[head]):
            head += 1
        tail = 0
        while tail < shortest - head and (old[-1 - tail] is docs[-1 - tail] or old[-1 - tail] == docs[-1 - tail]):
            tail += 1
        removed, added = len(old) - head - tail, len(docs) - head - tail
        return (head, removed, added) if removed + added <= MAX_CHANGED else None

    def _patch(self, start: int, removed: int, old_count: int, added: Sequence[SearchDoc],
               added_keys: Sequence[DocKeys]) -> None:
        shift = (len(added) - removed) << WEIGHT_BITS
        first, after = start << WEIGHT_BITS, (start + removed) << WEIGHT_BITS
        new_postings, _ = _postings(added, added_keys, start, encode=False)
        postings, encoded = self._postings, self._encoded
        appended = removed == 0 and start == old_count  # no old posting moves: only the new keys change
        for key in list(new_postings if appended else postings.keys() | new_postings.keys()):
            values = postings.get(key)
            inserted = new_postings.get(key)
            if values is None:  # a key only the new documents have
                postings[key] = inserted
                encoded[key] = delta_encode(inserted)
                continue
            low = bisect_left(values, first)
            if low == len(values) and inserted is None:
                continue  # every posting before the change
            high = bisect_left(values, after)
            if shift == 0 and low == high and inserted is None:
                continue  # nothing of this key changed or moved
            tail = array("I", [value + shift for value in values[high:]]) if shift else values[high:]
            merged = values[:low] + (inserted or array("I")) + tail
            if not merged:
                del postings[key], encoded[key]
                continue
            # the postings before the change keep their text; the new ones and the first after
            # them are encoded again (relative to the one before); the rest keeps its text
            redone = len(inserted or ()) + (1 if tail else 0)
            previous = merged[low - 1] >> WEIGHT_BITS if low else 0
            middle = _encoded_after(merged[low:low + redone], previous)
            encoded[key] = _spliced(encoded[key], len(values), low, high + 1, middle)
            postings[key] = merged


def _postings(docs: Sequence[SearchDoc], doc_keys: Sequence[DocKeys], first_number: int, encode: bool = True
              ) -> tuple[dict[str, array], dict[str, str]]:
    """Each key's postings over the documents, numbered from first_number, and (encode) their
    text (keys_and_weights: the keys in the order encoded_postings meets them)."""
    postings: defaultdict[str, array] = defaultdict(lambda: array("I"))
    for number, (doc, found) in enumerate(zip(docs, doc_keys), start=first_number):
        base = number << WEIGHT_BITS
        for key, weight in zip(*keys_and_weights(doc, found)):
            postings[key].append(base | weight)
    postings = dict(postings)
    return postings, {key: delta_encode(values) for key, values in postings.items()} if encode else {}


def _spliced(text: str, count: int, start: int, stop: int, middle: list[str]) -> str:
    """The comma-joined text of count parts with parts [start, stop) replaced by middle, cutting
    it only from the nearer end (splitting whole strings of postings took most of a patch)."""
    if stop <= count - start:  # the change is near the front: split off the parts up to stop
        parts = text.split(",", stop)
        rest = parts[stop:] if len(parts) > stop else []
        return ",".join([*parts[:start], *middle, *rest])
    parts = text.rsplit(",", count - start) if start else text.split(",")
    head = parts[:1] if start else []
    rest = parts[1 + stop - start:] if start else parts[stop:]
    return ",".join([*head, *middle, *rest])


def _encoded_after(values: Sequence[int], previous: int) -> list[str]:
    """The parts delta_encode writes for values, the posting before them being of `previous`."""
    if not values:
        return []
    start = values[0] >> WEIGHT_BITS
    head = ((start - previous) << WEIGHT_BITS) | (values[0] & ((1 << WEIGHT_BITS) - 1))
    rest = delta_encode(list(values)).split(",")[1:]
    return [delta_encode([head]), *rest]
