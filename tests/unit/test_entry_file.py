"""A cache's entries in one SQLite file: what one file an entry gave (entries whole or absent, a
damaged file a miss, a read-only disk no error), across threads and forked processes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from briefings.cache.entries import EntryFile


def test_entries_round_trip_and_are_found_by_a_new_object(tmp_path: Path) -> None:
    entries = EntryFile(tmp_path / "cache" / "entries.sqlite")
    assert entries.get("a") is None and entries.present(["a"]) == set()
    assert not (tmp_path / "cache").exists()  # a read makes nothing
    entries.put("a", "济宁".encode())
    entries.put_many((f"k{number}", bytes([number % 256]) * number) for number in range(1, 1200))
    entries.put("a", b"second")  # replaced
    again = EntryFile(tmp_path / "cache" / "entries.sqlite")
    assert again.get("a") == b"second" and again.get("k700") == bytes([700 % 256]) * 700
    assert again.present(["a", "k1", "k1199", "k1200", "b"]) == {"a", "k1", "k1199"}


def test_deferred_entries_are_read_from_memory_and_written_at_flush(tmp_path: Path) -> None:
    path = tmp_path / "entries.sqlite"
    EntryFile(path).put("old", b"on disk")
    entries = EntryFile(path)
    entries.deferred = True
    entries.put("a", b"first")
    entries.put_many([("a", b"second"), ("b", b"other")])
    assert entries.get("a") == b"second" and entries.get("old") == b"on disk"
    assert entries.present(["a", "b", "old", "c"]) == {"a", "b", "old"}
    assert EntryFile(path).get("a") is None  # not on disk yet
    entries.flush()
    again = EntryFile(path)
    assert again.get("a") == b"second" and again.get("b") == b"other" and again.get("old") == b"on disk"
    entries.flush()  # nothing left to write
    assert entries.get("b") == b"other"


def test_kept_caches_defer_their_writes_under_serve_until_asked(tmp_path: Path) -> None:
    from briefings.build import KeptCaches
    from briefings.cache.pages import PageCache

    kept = KeptCaches()
    kept.deferring = True
    feeds = kept.get(tmp_path / "feeds", PageCache)
    feeds.put_bytes("feed", b"<feed/>")
    assert EntryFile(tmp_path / "feeds" / PageCache.entries_name).get("feed") is None
    kept.write_deferred()
    assert PageCache(tmp_path / "feeds").get_bytes("feed") == b"<feed/>"
    kept.deferring = False  # a later one-off build writes as it goes
    kept.get(tmp_path / "feeds", PageCache).put_bytes("other", b"<feed/>")
    assert PageCache(tmp_path / "feeds").get_bytes("other") == b"<feed/>"


def test_a_file_that_is_not_sqlite_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "entries.sqlite"
    path.write_bytes(b"not a database at all " * 200)
    entries = EntryFile(path)
    assert entries.get("a") is None
    entries.put("a", b"value")
    assert EntryFile(path).get("a") == b"value"


def test_an_unwritable_folder_costs_the_entries_never_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    entries = EntryFile(blocker / "entries.sqlite")
    entries.put("a", b"value")
    assert entries.get("a") is None and entries.present(["a"]) == set()


def test_threads_share_one_file(tmp_path: Path) -> None:
    entries = EntryFile(tmp_path / "entries.sqlite")

    def write(start: int) -> None:
        for number in range(start, start + 200):
            entries.put(str(number), str(number).encode())

    threads = [threading.Thread(target=write, args=(start,)) for start in (0, 1000, 2000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(EntryFile(tmp_path / "entries.sqlite").present(str(n) for n in range(3000))) == 600


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_forked_process_writes_through_its_own_connection(tmp_path: Path) -> None:
    entries = EntryFile(tmp_path / "entries.sqlite")
    entries.put("parent", b"before the fork")  # the parent's connection is open at the fork
    child = os.fork()
    if child == 0:
        status = 1
        try:
            assert entries.get("parent") == b"before the fork"
            entries.put_many([("child", b"from the child")])
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(child, 0)
    assert status == 0
    assert entries.get("child") == b"from the child"  # the parent's connection sees it
    entries.put("parent again", b"after")
    assert EntryFile(tmp_path / "entries.sqlite").present(["parent", "child", "parent again"]) == {
        "parent", "child", "parent again"}
