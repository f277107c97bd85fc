"""Keys for many documents: from the key cache, the rest computed, on every core for a first build."""

from __future__ import annotations

import os
from collections.abc import Sequence

from briefings.search.key_cache import SearchKeyCache
from briefings.search.keys import DocKeys, NameScanner, SearchDoc, keys_of_doc

# Below this many documents to key, starting worker processes costs more than it saves.
KEY_PARALLEL_THRESHOLD = 1000


def document_keys_of(
    docs: Sequence[SearchDoc], scanner: NameScanner, key_cache: SearchKeyCache | None = None,
    workers: int | None = None, entry_keys: Sequence[str] | None = None,
) -> list[DocKeys]:
    """The text keys of every document: from the cache where it has them, the others computed
    (in `workers` processes, default one a CPU, when there are KEY_PARALLEL_THRESHOLD or more)
    and kept in the cache (entry_keys: the documents' keys in
    it, entry_keys_of(), when the caller has them)."""
    if key_cache is None:
        return _compute_keys(list(docs), scanner, workers)
    if entry_keys is None:
        entry_keys = entry_keys_of(docs, scanner, key_cache)
    found: list[DocKeys | None] = [key_cache.get(key) for key in entry_keys]
    missing = [index for index, keys in enumerate(found) if keys is None]
    computed = _compute_keys([docs[index] for index in missing], scanner, workers)
    for index, keys in zip(missing, computed):
        found[index] = keys
    key_cache.put_many([(entry_keys[index], keys) for index, keys in zip(missing, computed)])
    return found  # type: ignore[return-value]


def entry_keys_of(docs: Sequence[SearchDoc], scanner: NameScanner, key_cache: SearchKeyCache) -> list[str]:
    return [key_cache.entry_key(doc, scanner.digest) for doc in docs]


def _compute_keys(docs: list[SearchDoc], scanner: NameScanner, workers: int | None = None) -> list[DocKeys]:
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(docs) < KEY_PARALLEL_THRESHOLD:
        return [keys_of_doc(doc, scanner) for doc in docs]
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Only what the keys depend on travels to the workers; contiguous chunks keep the order.
    parts = [(doc.title, doc.text, doc.fields) for doc in docs]
    size = -(-len(parts) // (workers * 4))
    chunks = [parts[start : start + size] for start in range(0, len(parts), size)]
    # fork is fast, but only safe before any other thread runs (`mkdocs serve` has some).
    single = threading.active_count() == 1 and hasattr(os, "fork")
    context = multiprocessing.get_context("fork" if single else "spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(scanner,)) as pool:
            return [keys for chunk in pool.map(_keys_in_worker, chunks) for keys in chunk]
    except (OSError, BrokenProcessPool):  # no processes here: one core it is
        return [keys_of_doc(doc, scanner) for doc in docs]


_worker: dict = {}  # in a worker process: the scanner


def _start_worker(scanner: NameScanner) -> None:
    _worker.update(scanner=scanner)


def _keys_in_worker(parts: list[tuple[str, str, tuple[str, ...]]]) -> list[DocKeys]:
    scanner = _worker["scanner"]
    return [keys_of_doc(SearchDoc("", title, text, None, None, None, None, (), fields), scanner)
            for title, text, fields in parts]
