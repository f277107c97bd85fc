"""The archive's search index (briefings.search): keys, weights, shards, script files."""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import random
import re
import shutil
import sqlite3
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import replace

import pytest
from briefings.cli import main
from briefings.search import keys, scripts, workers
from briefings.search import postings as posting_codes
from briefings.search.key_cache import SearchKeyCache
from briefings.search.keys import (
    FIELD_BOOST,
    TITLE_BOOST,
    NameScanner,
    SearchDoc,
    document_keys,
    key_hash,
    text_keys,
)
from briefings.search.scripts import build_search_files
from briefings.search.workers import document_keys_of

NAMES = ["驻马店市", "驻马店", "星级党支部", "星级党支部创建", "菏泽市"]


def doc(title="驻马店市直单位观摩活动", text="持续推动星级党支部创建工作。", **fields) -> SearchDoc:
    values = dict(url="briefings/x/", title=title, text=text, city="驻马店市", province="河南省", year=2021,
                  date="2021-12-01", programs=("星级党支部创建",), fields=("驻马店市", "驻马店", "星级党支部创建"))
    values.update(fields)
    return SearchDoc(**values)


def test_fnv1a_over_utf16_units_like_the_browser():
    assert key_hash("") == 0x811C9DC5
    assert key_hash("a") == 0xE40C292C  # FNV-1a 32 of one unit 0x61
    assert key_hash("星级") != key_hash("级星")


def test_names_stay_whole_and_every_pair_is_a_key():
    keys = text_keys("持续推动星级党支部创建，驻马店市直单位", NameScanner(NAMES))
    assert {"星级党支部", "星级党支部创建", "驻马店", "驻马店市"} <= set(keys)
    assert {"星级", "级党", "党支", "支部", "马店"} <= set(keys)
    assert "持续推动" not in keys  # not a known name: found through its pairs


def test_latin_words_and_full_width_digits_are_normalised():
    assert {"2021", "ai"} <= set(text_keys("２０２１年 AI 赋能", NameScanner([])))


def test_title_and_fields_are_boosted_and_facets_are_keys():
    weights = document_keys(doc(), NameScanner(NAMES))
    assert weights["星级党支部"] >= FIELD_BOOST + 1
    assert weights["观摩"] == TITLE_BOOST
    assert weights["推动"] == 1
    assert {"city:驻马店市", "year:2021", "program:星级党支部创建"} <= set(weights)
    assert max(weights.values()) < 32


def read(content: str):
    match = re.fullmatch(r'window\.__briefingsSearch\.add\("(\w+)",(\d+),(.*)\);\n', content, re.S)
    return match[1], int(match[2]), json.loads(match[3])


def decode(encoded: str) -> dict[int, int]:
    postings, number = {}, 0
    for part in encoded.split(","):
        value = int(part, 36)
        number += value >> 5
        postings[number] = value & 31
    return postings


def test_files_route_each_key_to_its_shard_and_decode_back():
    docs = [doc(), doc(title="菏泽市机关党建", text="菏泽市召开会议。", city="菏泽市", programs=(), fields=("菏泽市",))]
    files = dict(build_search_files(docs, NAMES))
    _, _, meta = read(files["search/meta.js"])
    assert meta["docs"] == 2 and "驻马店市" in meta["names"] and "持续" not in meta["names"]
    assert [city for city, _ in meta["cities"]] == ["菏泽市", "驻马店市"]
    shards = {n: data for kind, n, data in (read(c) for p, c in files.items() if "/shard-" in p)}
    assert len(shards) == meta["shards"]
    for key in ("菏泽", "星级党支部", "city:菏泽市"):
        assert key in shards[key_hash(key) % meta["shards"]], key
    assert set(decode(shards[key_hash("菏泽") % meta["shards"]]["菏泽"])) == {1}
    kind, number, records = read(files["search/docs/0.js"])  # both documents in the first file
    assert (kind, number, [record["u"] for record in records]) == ("docs", 0, ["briefings/x/", "briefings/x/"])
    assert meta["docs_per_file"] == scripts.DOCS_PER_FILE


def test_archive_text_cannot_close_a_script_element():
    files = dict(build_search_files([doc(title="</script><script>alert(1)</script>")], NAMES))
    assert "</script>" not in files["search/docs/0.js"]
    assert read(files["search/docs/0.js"])[2][0]["t"].startswith("</script>")


def test_offline_without_a_config_is_bad_usage(tmp_path, capsys):
    assert main(["offline", "--output", str(tmp_path / "out"), "--config-file", str(tmp_path / "none.yml")]) == 2
    assert "no MkDocs config" in capsys.readouterr().err


# --- The fast index gives the bytes of the straightforward one; the key cache changes nothing ---

# Names that overlap themselves (哈哈哈 in 哈哈哈哈哈 three times), share heads, or normalise
# (a compatibility ideograph, full-width).
MORE_NAMES = [*NAMES, "哈哈哈", "安全安全", "驻马店市直", "\uf900\u8c48\u8c48", "ＡＢＣ", "两字"]
PIECES = [
    "驻马店市", "驻马店", "星级党支部创建", "菏泽市", "哈哈", "哈", "安全", "市直", "豈", "\uf900",
    "机关党建", "工作", "，", "。", "：", "（", "）", "　", "…", "℃", "２０２１", "AI", "Ai5g", "ｘｙ",
    " ", "\n", "\n\n", "𠀀", "\U0002a700", "\ud800", "\x00", "-", "_", "中国共产党", "会议", "</",
]


def random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(size))


def random_docs(count: int, seed: int = 7) -> list[SearchDoc]:
    rng = random.Random(seed)
    docs = [
        doc(title=random_text(rng, rng.randint(0, 8)), text=random_text(rng, rng.randint(0, 400)),
            city=rng.choice([None, "驻马店市", "菏泽市"]), year=rng.choice([None, 2020, 2021]),
            programs=tuple(rng.sample(["星级党支部创建", "模范机关"], rng.randint(0, 2))),
            fields=tuple(rng.sample(["驻马店市", "驻马店", "河南省", "星级党支部", "哈哈哈"], rng.randint(0, 3))),
            url=f"briefings/{n}/")
        for n in range(count)
    ]
    if count < 4:
        return docs  # [] too: an archive without briefings
    return docs + [docs[3], doc(title="", text=""), doc(text="哈哈哈哈哈，安全安全安全")]


def reference_text_keys(text: str, scanner: NameScanner) -> Counter:
    """text_keys as first written: every Han run, its pairs, a scan for names at every pair."""
    counts: Counter = Counter()
    text = unicodedata.normalize("NFKC", text).lower()
    for run in re.findall(f"[{keys.HAN}]+", text):
        pairs = [a + b for a, b in itertools.pairwise(run)]
        counts.update(pairs)
        counts.update(scanner.find(run, pairs))
    counts.update(re.findall("[a-z0-9]+", text))
    return counts


def reference_document_keys(d: SearchDoc, scanner: NameScanner) -> dict[str, int]:
    weights = {key: min(count, 3) for key, count in reference_text_keys(d.text, scanner).items()}
    for key in reference_text_keys(d.title, scanner):
        weights[key] = weights.get(key, 0) + TITLE_BOOST
    for key in reference_text_keys(" ".join(d.fields), scanner):
        weights[key] = weights.get(key, 0) + FIELD_BOOST
    for key in keys.facet_keys(d):
        weights[key] = 1
    return {key: min(weight, 31) for key, weight in weights.items()}


def reference_hash(key: str) -> int:
    value = 0x811C9DC5
    data = key.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value = ((value ^ (data[index] | data[index + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value


def reference_files(docs: list[SearchDoc], names: list[str]) -> list[tuple[str, str]]:
    """build_search_files as first written: a list of ints a key, delta-encoded afterwards."""
    scanner = NameScanner(names)
    postings: dict[str, list[int]] = defaultdict(list)
    found: set[str] = set()
    for number, d in enumerate(docs):
        for key, weight in reference_document_keys(d, scanner).items():
            postings[key].append(number << 5 | weight)
            if len(key) > 2 and key in scanner.by_head.get(key[:2], ()):
                found.add(key)
    encoded = {key: posting_codes.delta_encode(values) for key, values in postings.items()}
    count = posting_codes.shards_for(sum(len(key) * 3 + len(value) + 6 for key, value in encoded.items()))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key in sorted(encoded):
        shards[reference_hash(key) % count][key] = encoded[key]
    width = len(f"{count - 1:x}")
    script = scripts.script_file
    files = [("search/meta.js", script("meta", 0, scripts.meta_record(docs, count, width, sorted(found))))]
    files += [(f"search/shard-{i:0{width}x}.js", script("shard", i, shard)) for i, shard in enumerate(shards)]
    per = scripts.DOCS_PER_FILE
    records = [scripts.doc_record(d) for d in docs]
    files += [(f"search/docs/{n}.js", scripts.PREFIX + f'("docs",{n},' + json.dumps(
        records[n * per:(n + 1) * per], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + ");\n")
        for n in range((len(docs) + per - 1) // per)]
    return files


def test_keys_are_those_of_the_straightforward_scan():
    scanner = NameScanner(MORE_NAMES)
    assert text_keys("哈哈哈哈哈", scanner)["哈哈哈"] == 3  # overlaps count
    for d in random_docs(150):
        for text in (d.text, d.title, " ".join(d.fields)):
            assert text_keys(text, scanner) == reference_text_keys(text, scanner), text
        assert document_keys(d, scanner) == reference_document_keys(d, scanner)


def test_normalise_is_nfkc_lowercased():
    rng = random.Random(3)
    for _ in range(300):
        text = random_text(rng, 30)
        assert keys.normalise(text) == unicodedata.normalize("NFKC", text).lower()
    for key in ("", "a", "星级", "𠀀党", "city:菏泽市"):
        assert key_hash(key) == reference_hash(key)


@pytest.mark.parametrize("count", [0, 1, 40, 400])
def test_files_are_byte_identical_to_the_straightforward_index(count):
    docs = random_docs(count)
    assert build_search_files(docs, MORE_NAMES) == reference_files(docs, MORE_NAMES)


def test_large_doc_numbers_encode_like_small_ones(monkeypatch):
    monkeypatch.setattr(posting_codes, "_TABLE_LIMIT", 100)  # the dict used beyond the table
    docs = random_docs(40)
    assert build_search_files(docs, MORE_NAMES) == reference_files(docs, MORE_NAMES)


def test_cached_uncached_and_parallel_files_are_identical(tmp_path, monkeypatch):
    docs = random_docs(120)
    plain_files = build_search_files(docs, MORE_NAMES)

    cache = SearchKeyCache(tmp_path / "search")
    assert build_search_files(docs, MORE_NAMES, key_cache=cache) == plain_files
    assert (cache.hits, cache.misses) == (0, len(docs))
    warm = SearchKeyCache(tmp_path / "search")  # a new build: only the disk is shared
    assert build_search_files(docs, MORE_NAMES, key_cache=warm) == plain_files
    assert (warm.hits, warm.misses) == (len(docs), 0)

    shutil.rmtree(tmp_path / "search")  # `mkdocs serve`: the next build is served from memory
    warm.reset_counts()
    assert build_search_files(docs, MORE_NAMES, key_cache=warm) == plain_files
    assert (warm.hits, warm.misses) == (len(docs), 0)

    pools = []
    real_pool = concurrent.futures.ProcessPoolExecutor

    def counted_pool(*args, **kwargs):
        pools.append(args)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counted_pool)
    monkeypatch.setattr(workers, "KEY_PARALLEL_THRESHOLD", 10)
    scanner = NameScanner(MORE_NAMES)
    serial = document_keys_of(docs, scanner, workers=1)
    assert document_keys_of(docs, scanner, workers=2) == serial and len(pools) == 1
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    parallel_cache = SearchKeyCache(tmp_path / "parallel")
    assert build_search_files(docs, MORE_NAMES, key_cache=parallel_cache) == plain_files and len(pools) == 2
    assert (parallel_cache.hits, parallel_cache.misses) == (0, len(docs))
    reread = SearchKeyCache(tmp_path / "parallel")  # the entries kept from what the worker processes made
    assert build_search_files(docs, MORE_NAMES, key_cache=reread) == plain_files
    assert (reread.hits, reread.misses) == (len(docs), 0) and len(pools) == 2


def test_keys_are_the_same_in_a_spawned_process(monkeypatch):
    """Under `mkdocs serve` (threads running) the workers are spawned: another hash seed, the
    same keys in the same order (cache entries are the same bytes whichever process made them)."""
    import threading

    monkeypatch.setattr(workers, "KEY_PARALLEL_THRESHOLD", 10)
    docs = random_docs(60)
    scanner = NameScanner(MORE_NAMES)
    here = []  # documents keyed in this process: none when the workers did it
    real = workers.keys_of_doc
    monkeypatch.setattr(workers, "keys_of_doc", lambda *args: here.append(1) or real(*args))
    running = threading.Event()
    thread = threading.Thread(target=running.wait)
    thread.start()
    try:
        spawned = document_keys_of(docs, scanner, workers=2)
    finally:
        running.set()
        thread.join()
    assert not here
    assert spawned == document_keys_of(docs, scanner, workers=1) and len(here) == len(docs)


def entries_of(folder) -> dict:
    with sqlite3.connect(folder / "entries.sqlite") as connection:
        found = {key: bytes(value) for key, value in connection.execute("SELECT key, value FROM entries")}
    connection.close()
    return found


def replace_entry(folder, key: str, data: bytes) -> None:
    with sqlite3.connect(folder / "entries.sqlite") as connection:
        connection.execute("UPDATE entries SET value = ? WHERE key = ?", (data, key))
    connection.close()


def sealed(payload: bytes) -> bytes:
    """An entry with a right checksum: only its content is wrong."""
    return zlib.crc32(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("damage", [
    "truncated", "garbage", "empty", "bit flipped", "wrong count", "bad weight", "not utf-8", "size beyond",
])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path, damage):
    docs = random_docs(20)
    plain_files = build_search_files(docs, MORE_NAMES)
    build_search_files(docs, MORE_NAMES, key_cache=SearchKeyCache(tmp_path))
    victim, data = max(entries_of(tmp_path).items(), key=lambda entry: len(entry[1]))
    payload = data[4:]
    replace_entry(tmp_path, victim, {
        "truncated": data[: len(data) // 2],
        "garbage": b"\x80not an entry at all",
        "empty": b"",
        "bit flipped": data[:20] + bytes([data[20] ^ 1]) + data[21:],
        "wrong count": sealed(payload[:-1]),
        "bad weight": sealed(payload[:-1] + b"\x40"),
        "not utf-8": sealed(payload[:4] + b"\xff" + payload[5:]),
        "size beyond": sealed((len(payload) * 2).to_bytes(4, "big") + payload[4:]),
    }[damage])
    cache = SearchKeyCache(tmp_path)
    assert build_search_files(docs, MORE_NAMES, key_cache=cache) == plain_files
    assert cache.misses == 1 and cache.hits == len(docs) - 1
    cache = SearchKeyCache(tmp_path)
    assert build_search_files(docs, MORE_NAMES, key_cache=cache) == plain_files and cache.misses == 0


def test_a_changed_text_title_field_or_vocabulary_is_a_miss(tmp_path):
    docs = random_docs(20)[:20]
    build_search_files(docs, MORE_NAMES, key_cache=SearchKeyCache(tmp_path))
    for changed in (
        [*docs[:5], replace(docs[5], text=docs[5].text + "补充"), *docs[6:]],
        [*docs[:5], replace(docs[5], title=docs[5].title + "补充"), *docs[6:]],
        [*docs[:5], replace(docs[5], fields=(*docs[5].fields, "补充")), *docs[6:]],
    ):
        cache = SearchKeyCache(tmp_path)
        assert build_search_files(changed, MORE_NAMES, key_cache=cache) == reference_files(changed, MORE_NAMES)
        assert (cache.hits, cache.misses) == (len(docs) - 1, 1)
    cache = SearchKeyCache(tmp_path)  # the facets are not part of an entry: they are added afterwards
    moved = [replace(d, city="济宁市", year=1999, programs=(), url="x/") for d in docs]
    assert build_search_files(moved, MORE_NAMES, key_cache=cache) == reference_files(moved, MORE_NAMES)
    assert cache.misses == 0
    cache = SearchKeyCache(tmp_path)  # another vocabulary: every document's keys may differ
    assert build_search_files(docs, [*MORE_NAMES, "机关党建"], key_cache=cache) == reference_files(
        docs, [*MORE_NAMES, "机关党建"])
    assert (cache.hits, cache.misses) == (0, len(docs))


def test_forget_unused_keeps_the_last_build_in_memory(tmp_path):
    docs = random_docs(10)[:10]
    cache = SearchKeyCache(None)  # memory only
    build_search_files(docs, MORE_NAMES, key_cache=cache)
    cache.reset_counts()
    build_search_files(docs[:4], MORE_NAMES, key_cache=cache)
    cache.forget_unused()
    cache.reset_counts()
    build_search_files(docs, MORE_NAMES, key_cache=cache)
    assert (cache.hits, cache.misses) == (4, 6)


def test_a_kept_index_patched_after_edits_is_the_index_made_from_scratch():
    """Under serve the last build's index is patched where documents changed (incremental.py):
    after random insertions, removals, changes and moves, its files are build_search_files'."""
    from briefings.search.incremental import MAX_CHANGED, KeptIndex

    rng = random.Random(7)
    words = ["机关党建", "星级党支部", "驻马店市", "菏泽市", "主题党日", "模范机关", "学习", "述职", "志愿服务", "读书班"]
    cities = ["驻马店市", "菏泽市", None]

    def made(n: int) -> SearchDoc:
        text = "，".join(rng.choice(words) + rng.choice(words) for _ in range(rng.randint(1, 12))) + "。"
        return doc(title=rng.choice(words) + rng.choice(words), text=text, url=f"briefings/{n}/",
                   city=rng.choice(cities), year=rng.choice([2019, 2021, None]), programs=tuple(rng.sample(words[:3], 1)))

    kept, numbered, patched = KeptIndex(), itertools.count(), 0
    docs = [made(next(numbered)) for _ in range(40)]
    assert kept.files(docs, NAMES) == build_search_files(docs, NAMES) and not kept.patched
    for _ in range(60):
        docs = list(docs)
        for _ in range(rng.choice([1, 1, 1, 2, 5])):
            edit = rng.choice(["insert", "remove", "change", "move"])
            at = rng.randrange(len(docs) + 1 if edit == "insert" else len(docs))
            if edit == "insert":
                docs.insert(at, made(next(numbered)))
            elif edit == "remove" and len(docs) > 1:
                docs.pop(at)
            elif edit == "change":
                docs[at] = replace(docs[at], text=docs[at].text + rng.choice(words) + "。")
            else:
                docs.insert(rng.randrange(len(docs)), docs.pop(at))
        assert kept.files(docs, NAMES) == build_search_files(docs, NAMES)
        patched += kept.patched
    assert patched > 40  # edits far apart make a run too long to patch: the index is made whole
    assert kept.files(docs, [*NAMES, "读书班学习"]) == build_search_files(docs, [*NAMES, "读书班学习"])
    assert not kept.patched  # other known names: made whole
    many = [made(next(numbered)) for _ in range(MAX_CHANGED + 1)] + docs
    assert kept.files(many, NAMES) == build_search_files(many, NAMES) and not kept.patched


def test_a_patched_index_keys_only_the_changed_documents_and_keeps_the_others_entries():
    """A patch keys the documents of the changed run alone (the others' keys are in the index),
    yet the key cache keeps every current document's entry in memory for the next build."""
    from briefings.search.incremental import KeptIndex
    from briefings.search.workers import entry_keys_of

    docs = [doc(title=f"第{n}篇机关党建简报", text=f"驻马店市主题党日{n}。", url=f"briefings/{n}/") for n in range(30)]
    cache, kept = SearchKeyCache(None), KeptIndex()
    for step in range(4):
        cache.reset_counts()
        if step:
            docs = [*docs[:step * 5], doc(title=f"新增第{step}篇", text="模范机关。", url=f"briefings/new{step}/"),
                    *docs[step * 5 + 1:]]  # one replaced: one removed and one added
        assert kept.files(docs, NAMES, cache) == build_search_files(docs, NAMES)
        assert kept.patched == bool(step)
        assert cache.hits + cache.misses == (1 if step else len(docs))
        cache.forget_unused()
        cache.reset_counts()
        assert all(cache.get(key) is not None for key in entry_keys_of(docs, NameScanner(NAMES), cache))
        assert cache.misses == 0


def test_a_kept_index_whose_patch_stopped_half_way_is_made_whole_next_time(monkeypatch):
    from briefings.search import incremental

    docs = [doc(title=f"第{n}篇机关党建简报", url=f"briefings/{n}/") for n in range(10)]
    kept = incremental.KeptIndex()
    kept.files(docs, NAMES)
    original = incremental.delta_encode
    monkeypatch.setattr(incremental, "delta_encode", lambda values: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        kept.files([doc(title="新增的模范机关简报", url="briefings/new/"), *docs], NAMES)
    monkeypatch.setattr(incremental, "delta_encode", original)
    again = [doc(title="又一篇主题党日简报", url="briefings/again/"), *docs]
    assert kept.files(again, NAMES) == build_search_files(again, NAMES) and not kept.patched


def test_a_splice_of_postings_text_cuts_from_either_end_alike():
    from briefings.search.incremental import _spliced

    rng = random.Random(4)
    for _ in range(3000):
        parts = [str(rng.randint(0, 99)) for _ in range(rng.randint(1, 12))]
        start = rng.randint(0, len(parts))
        stop = rng.randint(start, len(parts) + 1)  # one past the end: the change was the last posting
        middle = [str(rng.randint(100, 999)) for _ in range(rng.randint(0, 3))]
        assert _spliced(",".join(parts), len(parts), start, stop, middle) == ",".join(
            parts[:start] + middle + parts[stop:])


def test_a_briefing_appended_to_a_kept_index_changes_only_the_last_document_file_and_its_keys_shards():
    """Documents are numbered by archive path: a file that sorts after the others is appended,
    moves no other document, and the patch is still the index made from scratch."""
    from briefings.search.incremental import KeptIndex

    docs = [doc(title=f"第{n}篇机关党建简报", text=f"驻马店市主题党日{n}。", url=f"briefings/{n:02d}/")
            for n in range(20)]
    newest = list(range(19, -1, -1))
    kept = KeptIndex()
    before = dict(kept.files(docs, NAMES, newest=newest))
    added = [*docs, doc(title="菏泽市星级党支部观摩", text="菏泽市召开会议。", url="briefings/zz/", year=2009)]
    newest = [n + 1 for n in newest] + [0]  # an older archive's file, added last: newest ties go first anyway
    after = dict(kept.files(added, NAMES, newest=newest))
    assert kept.patched and after == dict(build_search_files(added, NAMES, newest=newest))
    changed = {path for path in after if before.get(path) != after[path]}
    assert {"search/meta.js", "search/docs/2.js"} <= changed
    assert not {path for path in changed if path.startswith("search/docs/")} - {"search/docs/2.js"}
    assert read(after["search/meta.js"])[2]["newest"] == newest


def test_search_documents_go_in_archive_path_order_with_their_newest_first_places():
    from briefings.search.scripts import search_docs

    class Catalog:  # what search_docs reads of one: its briefings newest first
        briefings = [briefing(path, slug, date) for path, slug, date in (
            ("2023/b.txt", "b", "2023-05-01"), ("2019/z.txt", "z", "2019-01-02"), ("2019/a.txt", "a", "2019-01-01"))]

    docs, newest = search_docs(Catalog, lambda src: src, lambda b: [])
    assert [d.url for d in docs] == ["briefings/a.md", "briefings/z.md", "briefings/b.md"]
    assert newest == [2, 1, 0]


def briefing(path: str, slug: str, date: str):
    from briefings.model import Block, Briefing

    return Briefing(path=path, id=slug, slug=slug, title=slug, city=None, province=None, year=int(date[:4]),
                    date=date, source=None, url=None, programs=(), discovered=(), blocks=(Block("paragraph", slug),))
