"""Reprints: found on the cleaned text (not names), merged into the smallest path's page,
different briefings left apart, and the work linear in the archive."""

from __future__ import annotations

import random
import time

from briefings.ingest import read_archive
from briefings.ingest.reprints import find_reprints, similarity, sketch
from briefings.model import Block, Briefing
from hostile_archive import prose, repost_noise, seed


def briefing(path: str, text: str, year: int | None = 2021) -> Briefing:
    blocks = tuple(Block("paragraph", paragraph) for paragraph in text.split("\n") if paragraph.strip())
    return Briefing(path, path, path, path, None, None, year, None, None, None, (), (), blocks)


def test_the_same_text_with_other_punctuation_and_spacing_is_one_briefing():
    text = prose(random.Random(1), 2000)
    other = text.replace("。", ". ").replace("的", "的 ")
    assert similarity(sketch(text), sketch(other)) == 1.0
    assert find_reprints([briefing("a", text), briefing("b", other)]) == [[0, 1]]


def test_a_reprint_with_a_sentence_more_is_still_a_reprint():
    text = prose(random.Random(2), 3000)
    longer = "（本文转自大众网，作者王明，编辑李红。）" + text + "来源：大众网。"
    assert find_reprints([briefing("a", text), briefing("b", longer)]) == [[0, 1]]


def test_different_briefings_on_one_subject_stay_apart():
    rng = random.Random(3)
    shared = "济宁市委市直机关工委召开机关党建工作会议。"
    assert find_reprints([briefing("a", shared + prose(rng, 2000)), briefing("b", shared + prose(rng, 2000))]) == []


def test_one_template_for_two_years_is_two_briefings():
    text = "2021年" + prose(random.Random(4), 2000)
    assert find_reprints([briefing("a", text, 2021), briefing("b", text.replace("2021", "2022"), 2022)]) == []


def test_the_copy_with_the_smallest_path_keeps_the_page_and_lists_the_others(tmp_path):
    (tmp_path / "b_original.txt").write_text(seed(0), "utf-8")
    (tmp_path / "z_repost.txt").write_text(repost_noise(seed(0)), "utf-8")
    (tmp_path / "c_other.txt").write_text(seed(2), "utf-8")
    before = read_archive(tmp_path)
    kept = next(b for b in before.briefings if b.path == "b_original.txt")
    assert [r.path for r in kept.reprints] == ["z_repost.txt"] and len(before.briefings) == 2
    # Another reprint filed later changes nothing of the page, its id or its slug.
    (tmp_path / "zz_again.txt").write_text(repost_noise(seed(0)).replace("大众网", "人民网"), "utf-8")
    after = next(b for b in read_archive(tmp_path).briefings if b.path == "b_original.txt")
    assert (after.id, after.slug) == (kept.id, kept.slug)
    assert [r.path for r in after.reprints] == ["z_repost.txt", "zz_again.txt"]


def test_detection_is_linear_not_all_pairs():
    rng = random.Random(5)
    briefings = [briefing(f"{n:05d}", prose(rng, 800)) for n in range(2000)]
    briefings += [briefing(f"r{n:05d}", "转载：" + briefings[n].text) for n in range(0, 2000, 100)]
    started = time.perf_counter()
    groups = find_reprints(briefings)
    elapsed = time.perf_counter() - started
    assert sorted(groups) == sorted([n, 2000 + n // 100] for n in range(0, 2000, 100))
    assert elapsed < 10, elapsed  # about 1 ms a briefing; all pairs would be 2 million comparisons
