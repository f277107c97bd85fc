"""The content-keyed caches: a hit gives the record an uncached read gives; any change to the
file, its sidecar, the vocabulary or the code is a miss."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from briefings.cache import records as cache_module
from briefings.cache import store
from briefings.cache.pages import PageCache, page_key
from briefings.cache.records import BriefingCache
from briefings.ingest import load_vocabulary, read_archive, read_briefing

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(ARCHIVE, root)
    (root / "empty.txt").write_bytes(b"")  # a rejected file is cached as a rejection
    return root


def cached_read(root: Path, folder: Path) -> tuple[BriefingCache, object]:
    cache = BriefingCache(folder)  # a new object each time: only the disk is shared
    return cache, read_archive(root, read=cache.reader(read_briefing))


def test_a_cached_archive_is_the_uncached_archive(archive: Path, tmp_path: Path) -> None:
    plain = read_archive(archive)
    cold_cache, cold = cached_read(archive, tmp_path / "cache")
    warm_cache, warm = cached_read(archive, tmp_path / "cache")
    assert (cold_cache.hits, cold_cache.misses) == (0, 6)
    assert (warm_cache.hits, warm_cache.misses) == (6, 0)
    for result in (cold, warm):
        assert result.briefings == plain.briefings
        assert result.rejections == plain.rejections
    assert [r.path for r in warm.rejections] == ["empty.txt"]


def test_memory_serves_a_second_build_without_the_disk(archive: Path, tmp_path: Path) -> None:
    cache = BriefingCache(tmp_path / "cache")
    first = read_archive(archive, read=cache.reader(read_briefing))
    shutil.rmtree(tmp_path / "cache")
    cache.reset_counts()
    second = read_archive(archive, read=cache.reader(read_briefing))
    assert (cache.hits, cache.misses) == (6, 0)
    assert second.briefings == first.briefings


def test_a_changed_file_or_sidecar_is_read_again(archive: Path, tmp_path: Path) -> None:
    cached_read(archive, tmp_path / "cache")
    text = archive / "004_8018b1e96243a8a6.txt"
    text.write_bytes(text.read_bytes() + "\n补充一段新的文字。\n".encode())
    cache, result = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (5, 1)
    assert result.briefings == read_archive(archive).briefings

    (archive / "004_8018b1e96243a8a6.yml").write_text("city: 济宁市\nprovince: 山东省\n", encoding="utf-8")
    cache, result = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (5, 1)
    changed = next(b for b in result.briefings if b.path == "004_8018b1e96243a8a6.txt")
    assert changed.city == "济宁市"

    sidecar = archive / "000_8fbe04c4c4a2a14c.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n", encoding="utf-8")
    cache, _ = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (5, 1)


def test_a_changed_vocabulary_or_code_is_a_miss_everywhere(archive: Path, tmp_path: Path, monkeypatch) -> None:
    cached_read(archive, tmp_path / "cache")
    vocabulary = archive / "programs.yml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8") + "\n- name: 测试专项工作\n  description: 只为测试\n",
        encoding="utf-8",
    )
    cache, result = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (0, 6)
    assert result.briefings == read_archive(archive).briefings

    monkeypatch.setattr(cache_module, "CODE_VERSION", cache_module.CODE_VERSION + 1)
    cache_module.code_key.cache_clear()
    try:
        cache, _ = cached_read(archive, tmp_path / "cache")
        assert (cache.hits, cache.misses) == (0, 6)
    finally:
        cache_module.code_key.cache_clear()


def damage_entries(entry_file: Path, change) -> None:
    """Every entry's value replaced by change(value), behind the cache's back."""
    with sqlite3.connect(entry_file) as connection:
        for key, value in connection.execute("SELECT key, value FROM entries").fetchall():
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (change(bytes(value)), key))
    connection.close()


def test_a_damaged_entry_is_a_miss(archive: Path, tmp_path: Path) -> None:
    cached_read(archive, tmp_path / "cache")
    damage_entries(tmp_path / "cache" / "records.sqlite", lambda value: b"not a pickle")
    cache, result = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (0, 6)
    assert result.briefings == read_archive(archive).briefings
    assert cached_read(archive, tmp_path / "cache")[0].hits == 6  # written again


def test_a_cache_file_that_is_not_a_database_is_replaced(archive: Path, tmp_path: Path) -> None:
    cached_read(archive, tmp_path / "cache")[0].entries.close()
    entries = tmp_path / "cache" / "records.sqlite"
    entries.write_bytes(b"garbage, not SQLite" * 100)
    cache, result = cached_read(archive, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (0, 6) and result.briefings == read_archive(archive).briefings
    assert cached_read(archive, tmp_path / "cache")[0].hits == 6


def test_the_page_cache_round_trips_and_misses_on_damage(tmp_path: Path) -> None:
    key = page_key("signature", "briefings/x.md", "# 标题\n")
    assert key != page_key("signature", "briefings/y.md", "# 标题\n")
    assert key != page_key("other", "briefings/x.md", "# 标题\n")
    PageCache(tmp_path).put(key, "<html>济宁</html>")
    cache = PageCache(tmp_path)
    assert cache.get(key) == "<html>济宁</html>"
    assert cache.get("0" * 64) is None
    assert (cache.hits, cache.misses) == (1, 1)
    entries = tmp_path / "entries.sqlite"
    damage_entries(entries, lambda value: value[:-3])  # cut short: its CRC says so before any decompression
    assert not PageCache(tmp_path).contains(key) and PageCache(tmp_path).get(key) is None
    damage_entries(entries, lambda value: b"damaged")
    assert PageCache(tmp_path).get(key) is None


def test_the_keys_a_build_expects_are_asked_of_the_disk_at_once(tmp_path: Path, monkeypatch) -> None:
    held = [page_key("signature", f"briefings/{number}.md", "x") for number in range(3)]
    for key in held:
        PageCache(tmp_path).put(key, f"<p>{key}</p>")
    cache = PageCache(tmp_path)
    others = [page_key("signature", f"cities/{number}.md", "x") for number in range(1200)]
    cache.expect(held + others)
    asked = set(others)
    monkeypatch.setattr(cache, "_load", lambda key, real=cache._load: (key not in asked or pytest.fail(
        f"{key} asked of the disk again")) and real(key))
    assert all(cache.contains(key) for key in held) and not any(cache.contains(key) for key in others)
    assert (cache.hits, cache.misses) == (3, 1200)
    cache.put(others[0], "<p>new</p>")  # put meanwhile: no longer absent
    assert cache.contains(others[0])
    cache.reset_counts()  # a new build asks again
    monkeypatch.undo()
    PageCache(tmp_path).put(others[1], "<p>by another process</p>")
    assert cache.contains(others[1])


def test_a_batched_page_cache_keeps_a_builds_pages_uncompressed_and_puts_them_on_disk_at_once_when_flushed(
        tmp_path: Path, monkeypatch) -> None:
    from briefings.cache.entries import EntryFile

    transactions, compressed = [], []
    real = EntryFile.put_many
    monkeypatch.setattr(EntryFile, "put_many", lambda self, entries: (transactions.append(list(entries)),
                                                                      real(self, transactions[-1])))
    real_compress = PageCache._compress_and_write
    monkeypatch.setattr(PageCache, "_compress_and_write",
                        lambda self, key, parts: (compressed.append(key), real_compress(self, key, parts)))
    cache = PageCache(tmp_path)
    cache.in_memory = cache.batched = True  # as under `mkdocs serve`
    for number in range(3):
        cache.put(f"k{number}", f"<p>第{number}页</p>")
    assert cache.get("k1") == "<p>第1页</p>" and cache.contains("k2")  # from memory at once
    cache.forget_unused()  # the build's end: the server is not idle yet
    assert transactions == [] and compressed == [] and PageCache(tmp_path).get("k1") is None  # not on disk yet
    cache.reset_counts()
    cache.put("k3", "<p>下一次构建</p>")  # the next build, before any idle time: k0 ... k2 unused
    assert cache.get("k3") == "<p>下一次构建</p>"
    cache.forget_unused()
    assert cache.get("k0") is None  # out of memory, on its way to the disk
    cache.flush()  # idle
    assert [len(entries) for entries in transactions] == [4] and sorted(compressed) == ["k0", "k1", "k2", "k3"]
    fresh = PageCache(tmp_path)
    assert [fresh.get(f"k{number}") for number in range(3)] == [f"<p>第{number}页</p>" for number in range(3)]
    assert fresh.get("k3") == "<p>下一次构建</p>" and cache.get("k3") == "<p>下一次构建</p>"


def test_a_batched_page_cache_compresses_as_it_goes_past_its_memory_limit(tmp_path: Path, monkeypatch) -> None:
    from briefings.cache import pages

    monkeypatch.setattr(pages, "_MAX_RAW", 100)
    cache = PageCache(tmp_path)
    cache.in_memory = cache.batched = True
    cache.put("big", "页" * 60)  # 180 bytes: compressed at once, in memory, not yet on disk
    assert cache._raw == {} and PageCache(tmp_path).get("big") is None and cache.get("big") == "页" * 60
    cache.flush()
    assert PageCache(tmp_path).get("big") == "页" * 60


def test_write_atomically_makes_the_folder_replaces_and_leaves_nothing_aside(tmp_path: Path, monkeypatch) -> None:
    import itertools
    import os

    target = tmp_path / "ab" / "entry.bin"
    store.write_atomically(target, b"first")
    store.write_atomically(target, b"second")
    assert target.read_bytes() == b"second" and (target.stat().st_mode & 0o777) == 0o600
    # A name aside left by a killed process with this id: another name is found.
    monkeypatch.setattr(store, "_temporary_names", itertools.count(7))
    taken = Path(f"{target}.{os.getpid()}-7.tmp")
    taken.write_bytes(b"stale")
    store.write_atomically(target, b"third")
    assert target.read_bytes() == b"third"
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(["entry.bin", taken.name])
    (tmp_path / "file").write_bytes(b"")
    store.write_atomically(tmp_path / "file" / "y", b"")  # a folder that cannot be made: no error
    assert (tmp_path / "file").read_bytes() == b""


def test_name_slugs_are_kept_for_the_next_build_and_are_the_same(tmp_path):
    from briefings.cache.slugs import NameSlugCache
    from briefings.ingest.slugs import slugify_name

    first = NameSlugCache(tmp_path)
    names = ["福州市", "抚州市", "陕西省", "星级党支部创建"]
    assert [first(name) for name in names] == [slugify_name(name) for name in names]
    first.save()
    calls = []
    second = NameSlugCache(tmp_path, slugify=lambda name: calls.append(name) or "made")
    assert [second(name) for name in names] == [slugify_name(name) for name in names] and calls == []
    assert second("新名称") == "made" and calls == ["新名称"]
    first.path.write_text("{not json", encoding="utf-8")  # damaged: made again, never an error
    assert NameSlugCache(tmp_path)("福州市") == slugify_name("福州市")


def test_a_one_off_builds_page_cache_keeps_pages_on_disk_not_in_memory(tmp_path):
    from briefings.cache.pages import PageCache

    cache = PageCache(tmp_path)
    cache.in_memory = False  # `mkdocs build`; `mkdocs serve` keeps them for its next rebuild
    cache.put("ab" + "0" * 62, "<p>页面</p>")
    assert cache._memory == {}
    assert cache.contains("ab" + "0" * 62) and cache._memory == {}
    assert cache.get("ab" + "0" * 62) == "<p>页面</p>" and cache._memory == {}
    kept = PageCache(tmp_path)
    assert kept.get("ab" + "0" * 62) == "<p>页面</p>" and kept._memory  # in memory by default


def test_an_entry_key_is_hashed_again_only_when_the_file_changes_on_disk(tmp_path, monkeypatch):
    import os

    from briefings.cache.records import BriefingCache, entry_key

    hashed = []
    monkeypatch.setattr(cache_module, "entry_key", lambda *args: hashed.append(args) or entry_key(*args))
    cache = BriefingCache(tmp_path / "cache")
    path = tmp_path / "a.txt"
    path.write_text("正文第一段。", encoding="utf-8")
    old = 1_600_000_000_000_000_000
    os.utime(path, ns=(old, old))
    first = cache._key_of(path, "a.txt", "vocabulary")
    assert cache._key_of(path, "a.txt", "vocabulary") == first == entry_key(path, "a.txt", "vocabulary")
    assert len(hashed) == 1  # the second time from memory
    path.write_text("正文第二段。", encoding="utf-8")  # the same size, its time set back: the write still shows
    os.utime(path, ns=(old, old))
    assert cache._key_of(path, "a.txt", "vocabulary") == entry_key(path, "a.txt", "vocabulary") != first
    path.write_text("正文第三段。", encoding="utf-8")  # just written: hashed every time, whatever its time says
    for _ in range(2):
        assert cache._key_of(path, "a.txt", "vocabulary") == entry_key(path, "a.txt", "vocabulary")
    count = len(hashed)
    cache._key_of(path, "a.txt", "vocabulary")
    assert len(hashed) == count + 1
    (tmp_path / "a.yml").write_text("title: 档案员定的标题\n", encoding="utf-8")  # a new sidecar changes the key
    assert cache._key_of(path, "a.txt", "vocabulary") == entry_key(path, "a.txt", "vocabulary")


def test_the_last_builds_bytes_answer_without_the_cache_behind(tmp_path):
    behind = PageCache(tmp_path / "feeds")
    kept = store.LastBuildBytes()
    kept.begin(behind).put_bytes("a", b"<rss>a</rss>")
    asked = []
    real = behind.get_bytes
    behind.get_bytes = lambda key, count=True: asked.append(key) or real(key, count)
    assert kept.begin(behind).get_bytes("a") == b"<rss>a</rss>" and asked == []
    assert kept.get_bytes("b") is None and asked == ["b"]
    kept.begin(behind)  # "a" was used by the last build: still answered from memory
    assert kept.get_bytes("a") == b"<rss>a</rss>" and asked == ["b"]
    kept.begin(behind)
    kept.put_bytes("c", b"c")
    kept.begin(behind)  # "a" was not used by the build before: asked of the disk, which has it
    assert kept.get_bytes("a") == b"<rss>a</rss>" and asked == ["b", "a"]
    assert PageCache(tmp_path / "feeds").get_bytes("c") == b"c"  # put through to the disk


def test_a_content_digest_is_remembered_by_its_object_for_the_next_build(monkeypatch):
    from briefings.cache import outputs
    digests = outputs.ContentDigests()
    feed = "<rss>简报</rss>".encode()
    digests.start()
    first = digests.of(feed)
    hashed = []
    monkeypatch.setattr(outputs, "content_digest", lambda content: hashed.append(content) or "new")
    digests.start()
    assert digests.of(feed) == first and hashed == []  # the same object: not hashed again
    assert digests.of("<rss>简报</rss>".encode()) == "new"  # equal bytes, another object: hashed
    digests.start()
    digests.start()  # not seen in the build before: forgotten
    assert digests.of(feed) == "new"


_FORKED_AFTER_THE_WARM_UP = """
import sys
from pathlib import Path
from briefings.cache import records
from briefings.cache.records import BriefingCache
from briefings.ingest import load_vocabulary, read_briefing
from briefings.model import ArchiveError

WARMED = []  # set by the warm-up in the parent, seen by forked workers only


def read_if_warm(path, relative, vocabulary):
    if not WARMED:
        raise ArchiveError(relative, "read before the warm-up")
    return read_briefing(path, relative, vocabulary)


root, folder = Path(sys.argv[1]), Path(sys.argv[2])
records.PARALLEL_THRESHOLD = 10
cache = BriefingCache(folder)
files = [(path, path.name) for path in sorted(root.glob("*.txt"))]
vocabulary = load_vocabulary(root)
assert cache.prefetch(files, vocabulary, read_if_warm, workers=2, warm_up=WARMED.append) == len(files)
read = cache.reader(lambda *args: sys.exit("a record was not in the cache"))
assert all(read(path, name, vocabulary).title for path, name in files)  # none was read cold
# the cache was empty, so the workers made the keys: they are the ones a later build makes
later = BriefingCache(folder)
assert later.prefetch(files, vocabulary, read_if_warm, workers=2) == 0  # every entry found on disk
read = later.reader(lambda *args: sys.exit("a record made by a worker was not found by its key"))
assert all(read(path, name, vocabulary).title for path, name in files)
"""


def test_the_reading_workers_are_forked_after_the_warm_up(tmp_path):
    import os
    import subprocess
    import sys

    if not hasattr(os, "fork"):
        pytest.skip("the workers are spawned here: they inherit nothing")
    root = tmp_path / "archive"
    root.mkdir()
    for number in range(12):
        (root / f"{number:03d}.txt").write_text(f"市直机关工委召开第{number}次会议\n\n会议部署了党建工作。", encoding="utf-8")
    # a process of its own, with no other thread: the workers are forked, as in `mkdocs build`
    done = subprocess.run([sys.executable, "-c", _FORKED_AFTER_THE_WARM_UP, str(root), str(tmp_path / "cache")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_an_object_memo_keeps_values_by_the_object_for_one_build_and_one_context():
    """store.ObjectMemo: a value is made once per object (not per equal value), kept to the next
    build only when that build takes it, and never taken under another context."""
    memo, made = store.ObjectMemo(), []

    def make(source: list) -> str:
        made.append(source)
        return f"made from {len(made)}"

    first, equal_but_other = ["简报"], ["简报"]
    memo.start("a")
    assert memo.of(first, make) == memo.of(first, make) == "made from 1"
    assert memo.of(equal_but_other, make) == "made from 2"  # equal is not the same object
    memo.start("a")
    assert memo.of(first, make) == "made from 1"  # kept: taken by this build
    memo.start("a")
    memo.start("a")
    assert memo.of(equal_but_other, make) == "made from 3"  # let go: the build before did not take it
    memo.start("b")
    assert memo.of(first, make) == "made from 4"  # another context


def test_made_from_takes_what_was_made_from_the_very_same_source_under_the_same_context() -> None:
    kept = store.MadeFrom()
    content, other = "<p>一</p>", "".join(["<p>", "一", "</p>"])  # equal, not the same object
    kept.start("site/")
    kept.put("a.html", content, "made for a")
    kept.put("b.html", content, "made for b")  # one content object, two outputs
    kept.start("site/")
    assert kept.get("a.html", content) == "made for a"  # taken: kept for the next build too
    assert kept.get("a.html", other) is None and kept.get("c.html", content) is None
    kept.start("site/")  # b.html, which the last build did not take, is let go
    assert (kept.get("a.html", content), kept.get("b.html", content)) == ("made for a", None)
    kept.start("another-site/")  # another context: nothing is taken
    assert kept.get("a.html", content) is None
