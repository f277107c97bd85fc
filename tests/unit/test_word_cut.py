"""The slugs' cut of Han text gives jieba's words: compared with jieba's own Tokenizer (HMM off,
the same words added and deleted) on the sample archive, the held-out corpus, the gazetteer's
names and random text."""

from __future__ import annotations

import array
import random
import re
from pathlib import Path

import jieba
import pytest

from briefings.ingest import word_cut
from briefings.ingest.extract import gazetteer
from briefings.ingest.word_cut import WordDictionary, default_dictionary

ROOT = Path(__file__).resolve().parents[2]
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # what slugs give the cut


@pytest.fixture(scope="module")
def pair():
    """Ours and jieba's, with the place words the slugs add (a short name in, its full name out)."""
    jieba.setLogLevel(60)
    theirs = jieba.Tokenizer()
    theirs.initialize()
    ours = default_dictionary(None)
    for division in (*gazetteer.cities(), *gazetteer.provinces()):
        if len(division.short_name) >= 2:
            theirs.add_word(division.short_name, freq=100_000)
            theirs.del_word(division.name)
            ours.add_word(division.short_name, 100_000)
            ours.add_word(division.name, 0)
    return ours, theirs


def _runs(texts):
    for text in texts:
        yield from _RUN.findall(text)


def test_the_archive_and_the_held_out_corpus_are_cut_as_jieba_cuts_them(pair):
    ours, theirs = pair
    files = [*sorted((ROOT / "archive").rglob("*.txt")),
             *sorted((ROOT / "tests" / "corpus" / "unseen").glob("*.txt"))]
    runs = list(_runs(path.read_text(encoding="utf-8", errors="replace") for path in files))
    assert len(runs) > 1000
    for run in runs:
        assert ours.cut(run) == theirs.lcut(run, HMM=False), run


def test_place_names_and_random_text_are_cut_as_jieba_cuts_them(pair):
    ours, theirs = pair
    rng = random.Random(20261206)
    names = [name for division in (*gazetteer.cities(), *gazetteer.provinces())
             for name in (division.name, division.short_name)]
    # words of the dictionary strung together, with rare characters (CJK Extension A, the end of the
    # Unified block jieba does not take as Han, compatibility ideographs) among them
    words = [word for word in default_dictionary()._words if _RUN.fullmatch(word)]
    rare = ["\u3400", "\u4dae", "\u9fa6", "\u9fd6", "\u9fef", "\uf900", "〇"]
    texts = [*names]
    for _ in range(3000):
        pieces = [rng.choice(words) for _ in range(rng.randint(1, 6))]
        text = "".join(pieces)
        if rng.random() < 0.3:
            cut = rng.randint(0, len(text))
            text = text[:cut] + rng.choice(rare) + text[cut:]
        texts.append(text)
    for text in _runs(texts):
        assert ours.cut(text) == theirs.lcut(text, HMM=False), text


def test_words_added_later_replace_the_dictionarys_and_count_in_the_total():
    counts = array.array("q", [10, 5, 3])
    dictionary = WordDictionary(["中", "中国", "国"], counts, 18)
    assert [dictionary.frequency(text) for text in ("中国", "人", "中国人")] == [5, None, None]
    dictionary.add_word("中国人民", 50)
    assert dictionary.frequency("中国人") == 0  # the start of a word
    assert dictionary.frequency("中国人民") == 50
    dictionary.add_word("中国", 0)  # deleted
    assert dictionary.frequency("中国") == 0
    assert dictionary.cut("中国人民") == ["中国人民"]


def test_the_sorted_form_is_kept_and_made_again_when_damaged(tmp_path):
    first = default_dictionary(tmp_path)
    kept = list(tmp_path.glob("words-*.bin"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"briefings-words-")  # numbers and text, nothing run
    again = default_dictionary(tmp_path)
    assert (again._words, again._total) == (first._words, first._total)
    assert again._frequencies == first._frequencies
    for damage in (b"not a word list", kept[0].read_bytes()[:-8]):
        kept[0].write_bytes(damage)
        made = default_dictionary(tmp_path)
        assert made.cut("市直机关工委召开会议") == first.cut("市直机关工委召开会议")
        assert kept[0].read_bytes() != damage


def test_dict_txt_is_read_as_jieba_reads_it():
    # a word given twice keeps its last frequency; both count in the total; blank lines are skipped
    words, counts, total = word_cut._sorted_form(["乙 3 n", "甲 2", "", "乙 7 v\r"])
    assert (words, list(counts), total) == (["乙", "甲"], [7, 2], 12)
