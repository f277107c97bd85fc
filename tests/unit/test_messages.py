"""The archivist's messages in Chinese: each English message the ingest stage gives has its
Chinese, with what was seen carried over, and composed messages read in Chinese throughout."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefings.ingest import load_vocabulary, read_briefing
from briefings.messages import MESSAGES, PLACEHOLDER, knows, translate

ROOT = Path(__file__).resolve().parents[2]


def test_a_composed_message_is_translated_part_by_part():
    english = ("no publication date found: the dateline 3月27日 gives no year; "
               "the address (202403 -> 2024-03) gives no day")
    assert translate(english) == "未找到发布日期：电头“3月27日”没有年份；网址（202403 → 2024-03）没有给出具体日期"


def test_what_was_seen_is_carried_over_and_evidence_labels_are_translated():
    assert translate("guessed from a site name only (site: 滨州日报、滨州网 (×4))") == \
        "仅凭网站名称推断（网站名称：滨州日报、滨州网 (×4)）"
    assert translate("unknown: several cities, none dominant: 亳州市 (lead: 亳州市); 延安市 (title: 延安)") == \
        "未能确定：提到多个城市，没有一个占主导：亳州市 (导语：亳州市); 延安市 (标题：延安)"
    assert translate("sidecar 001.yml is not valid YAML at line 3: mapping values are not allowed here") == \
        "元数据附件 001.yml不是有效的 YAML（第 3 行）：mapping values are not allowed here"


def test_an_unknown_message_stays_in_english():
    assert not knows("something nobody wrote a translation for")
    assert translate("something nobody wrote a translation for") == "something nobody wrote a translation for"


def test_a_message_whose_inner_part_is_unknown_is_not_half_translated():
    assert not knows("no year found: a reason nobody wrote")


@pytest.mark.parametrize("english, chinese", MESSAGES)
def test_each_chinese_message_shows_all_the_english_one_saw(english, chinese):
    assert {m.group(1) for m in PLACEHOLDER.finditer(english)} == {m.group(1) for m in PLACEHOLDER.finditer(chinese)}
    assert not any(m.group(2) for m in PLACEHOLDER.finditer(chinese))  # kinds are said once, in the English


def _corpus_files():
    folders = [ROOT / "archive", ROOT / "tests/corpus/unseen", ROOT / "tests/corpus/real/texts"]
    return [path for folder in folders for path in sorted(folder.glob("*.txt"))]


def test_every_warning_the_corpora_give_has_its_chinese():
    vocabulary = load_vocabulary(ROOT / "archive")
    unknown = {
        warning.message
        for path in _corpus_files()
        for warning in read_briefing(path, path.name, vocabulary).warnings
        if not knows(warning.message)
    }
    assert not unknown


def test_a_government_hosts_evidence_reads_in_chinese():
    assert translate("guessed from the url host only (url host (government): changzhou)") == \
        "仅凭网址域名推断（政府网站域名：changzhou）"
