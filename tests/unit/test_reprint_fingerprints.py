"""Reprint fingerprints (briefings.reprints): made where the record is read and cached with it,
and the groups are those of the detection as first written (texts compared whole, sketches
scanned as tuples)."""

from __future__ import annotations

import heapq
import random
import re
import shutil
import unicodedata
from dataclasses import replace
from pathlib import Path

from briefings.cache.records import BriefingCache
from briefings.ingest import read_archive, read_briefing
from briefings.ingest.reprints import (
    SHINGLE,
    SKETCH_SIZE,
    THRESHOLD,
    Fingerprint,
    find_reprints,
    normalised_text,
    shingle_hash,
    similarity,
    sketch,
    sketch_normalised,
    text_fingerprint,
)
from briefings.model import Block, Briefing

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def reference_normalised(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def reference_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    k = min(SKETCH_SIZE, len(set(a) | set(b)))
    smallest = heapq.nsmallest(k, set(a) | set(b))
    return sum(1 for value in smallest if value in a and value in b) / k if k else 0.0


def reference_find_reprints(briefings: list[Briefing]) -> list[list[int]]:
    """find_reprints as first written."""
    parent = list(range(len(briefings)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i, j):
        parent[max(root(i), root(j))] = min(root(i), root(j))

    texts = [reference_normalised(briefing.text) for briefing in briefings]
    by_text: dict[str, int] = {}
    for i, text in enumerate(texts):
        if text:
            join(i, by_text.setdefault(text, i))
    sketches = [sketch_normalised(text) for text in texts]
    buckets: dict[int, list[int]] = {}
    for i, values in enumerate(sketches):
        if len(values) >= 20 and len(texts[i]) >= 25:
            for value in values[:6]:
                buckets.setdefault(value, []).append(i)
    for members in buckets.values():
        for position, i in enumerate(members[:50]):
            for j in members[:position]:
                a, b = briefings[i], briefings[j]
                other_year = a.year is not None and b.year is not None and a.year != b.year
                if root(i) != root(j) and not other_year and reference_similarity(sketches[i], sketches[j]) >= 0.75:
                    join(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(briefings)):
        groups.setdefault(root(i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]


def paragraphs() -> list[str]:
    lines = [line.strip() for path in sorted(ARCHIVE.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if len(line) >= 20]


def briefing(path: str, text: str, year: int | None) -> Briefing:
    blocks = tuple(Block("paragraph", part) for part in text.split("\n") if part.strip())
    return Briefing(path, path, path, path, None, None, year, None, None, None, (), (), blocks)


def corpus(count: int, seed: int = 11) -> list[Briefing]:
    """Briefings recombined from the sample archive's paragraphs: reprints with other punctuation,
    a sentence more, another year; near misses sharing paragraphs; short and empty texts."""
    rng = random.Random(seed)
    pool = paragraphs()
    texts: list[str] = []
    result = []
    for number in range(count):
        kind = rng.random()
        year = rng.choice([None, 2020, 2021])
        if texts and kind < 0.3:
            text = rng.choice(texts)
            text = rng.choice([
                text.replace("，", ", ").replace("。", "．"),
                "（转自大众网）" + text + "来源：人民网。",
                text[: len(text) * 3 // 4],
                text,
            ])
        elif texts and kind < 0.4:
            text = rng.choice(texts) + "\n" + "\n".join(rng.sample(pool, 2))
        elif kind < 0.45:
            text = rng.choice(["短讯。", "", "，。", "市直机关召开会议部署工作"])
        else:
            text = "\n".join(rng.sample(pool, rng.randint(1, 6)))
        texts.append(text or "空")
        result.append(briefing(f"{number:04d}.txt", text or "。", year))
    return result


def test_fingerprinted_and_plain_records_give_the_groups_of_the_first_detection():
    briefings = corpus(400)
    expected = reference_find_reprints(briefings)
    assert len(expected) > 20 and any(len(group) > 2 for group in expected)
    assert find_reprints(briefings) == expected  # no fingerprint on the records: computed here
    carrying = [replace(b) for b in briefings]
    for b in carrying:
        object.__setattr__(b, "fingerprint", text_fingerprint(b.text))
    assert find_reprints(carrying) == expected


def test_the_comparisons_kept_between_builds_give_the_groups_of_a_fresh_detection():
    pool = corpus(400)
    rng = random.Random(5)
    from briefings.cache.store import BuildMemo

    known = BuildMemo()
    briefings = pool[:300]
    for _ in range(30):  # a serve session: briefings added, removed and retitled into another year
        for _ in range(rng.randint(1, 4)):
            edit = rng.random()
            if edit < 0.4:
                briefings.insert(rng.randrange(len(briefings) + 1), rng.choice(pool))
            elif edit < 0.8 and briefings:
                del briefings[rng.randrange(len(briefings))]
            elif briefings:
                at = rng.randrange(len(briefings))
                briefings[at] = replace(briefings[at], year=rng.choice([None, 2020, 2021]))
        assert sorted(find_reprints(briefings, known)) == sorted(find_reprints(briefings))
    assert len(known)  # what this build compared is kept for the next


def test_similarity_and_normalisation_are_unchanged():
    rng = random.Random(5)
    for _ in range(300):
        a = tuple(sorted(rng.sample(range(400), rng.randint(0, 150))))
        b = tuple(sorted(rng.sample(range(400), rng.randint(0, 150))))
        assert similarity(a, b) == reference_similarity(a, b)
    for text in ["２０２１年，济宁…℃（一）", "", "Ａ\u0301ｂ", "\uf900党建　工作：", "\ud800x"]:
        assert normalised_text(text) == reference_normalised(text)
    fingerprint = text_fingerprint("济宁市，机关党建工作会议召开。" * 3)
    assert fingerprint.sketch == sketch_normalised(reference_normalised("济宁市，机关党建工作会议召开。" * 3))


def test_a_read_record_carries_its_fingerprint_through_the_cache(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(ARCHIVE, root)
    plain = read_archive(root)
    for _ in range(2):  # cold, then from the disk
        cache = BriefingCache(tmp_path / "cache")
        archive = read_archive(root, read=cache.reader(read_briefing))
        assert archive.briefings == plain.briefings
    assert cache.hits == len(plain.briefings)
    for record in archive.briefings:
        if not record.reprints:  # a keeper is a copy (dataclasses.replace): it starts without one
            assert isinstance(record.fingerprint, Fingerprint)
            assert record.fingerprint == text_fingerprint(record.text)
    copy = replace(archive.briefings[0], title="another title")
    assert copy.fingerprint is None and copy == replace(archive.briefings[0], title="another title")
    assert "fingerprint" not in repr(archive.briefings[0])


def test_a_fingerprint_is_compact():
    fingerprint = text_fingerprint("".join(chr(0x4E00 + n) for n in range(3000)))
    assert len(fingerprint.packed) == 4 * SKETCH_SIZE and len(fingerprint.digest) == 16
    assert fingerprint.sketch == tuple(sorted(fingerprint.sketch))
    first = shingle_hash("".join(chr(0x4E00 + n) for n in range(5)))
    assert first in fingerprint.sketch or first > fingerprint.sketch[-1]  # the hashes of 5-character shingles


def test_the_sketch_is_the_smallest_hashes_of_every_shingle():
    """numpy's all-at-once hashes are shingle_hash of each shingle, written out one by one."""
    rng = random.Random(11)
    alphabet = "机关党建工作会议济宁市2021年abc" + chr(0x20000) + chr(0x2A6D6)
    for length in (0, 1, 4, 5, 6, 40, 300, 2000):
        text = "".join(rng.choice(alphabet) for _ in range(length))
        shingles = {text[i : i + SHINGLE] for i in range(max(len(text) - SHINGLE, 0) + 1)}
        assert sketch_normalised(text) == tuple(sorted({shingle_hash(s) for s in shingles})[:SKETCH_SIZE])


def test_sketches_tell_a_reprint_from_another_briefing():
    rng = random.Random(3)
    words = ["机关党建", "工作会议", "济宁市", "市直机关", "学习教育", "党支部", "主题党日", "调研", "部署", "召开"]
    original = "".join(rng.choice(words) + rng.choice("，。、") for _ in range(400))
    reprint = "本网讯" + original[:-30] + "责任编辑：张三"
    other = "".join(rng.choice(words) + rng.choice("，。、") for _ in range(400))
    assert similarity(sketch(original), sketch(reprint)) >= THRESHOLD
    assert similarity(sketch(original), sketch(other)) < THRESHOLD
