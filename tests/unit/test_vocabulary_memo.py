"""Under serve the archive's vocabulary is loaded again only when programs.yml or outlets.yml
changed; a broken file is reported at every rebuild until it is mended."""

from __future__ import annotations

import os
import time

import pytest
from briefings.build import VocabularyMemo
from briefings.ingest.extract.programs import VocabularyError

PROGRAMS = "- name: 模范机关创建\n  aliases: [模范机关]\n  description: 创建模范机关\n"


def _settle(path) -> None:
    past = time.time() - 60  # written long enough ago to be known by its size and times
    os.utime(path, (past, past))


def test_the_same_files_give_the_same_vocabulary_and_a_change_a_new_one(tmp_path):
    programs = tmp_path / "programs.yml"
    programs.write_text(PROGRAMS, encoding="utf-8")
    _settle(programs)
    memo = VocabularyMemo()
    first = memo.load(tmp_path)
    assert memo.load(tmp_path) is first
    programs.write_text(PROGRAMS + "- name: 党史学习教育\n  description: 学习党史\n", encoding="utf-8")
    changed = memo.load(tmp_path)
    assert changed is not first and len(changed.programs) == 2
    assert memo.load(tmp_path) is not changed  # written just now: not yet known by its times
    (tmp_path / "outlets.yml").write_text("- {place: 济宁市, names: [济宁日报], hosts: [jnnews.tv]}\n",
                                          encoding="utf-8")
    assert memo.load(tmp_path) is not changed


def test_a_broken_file_is_read_again_at_the_next_load(tmp_path):
    programs = tmp_path / "programs.yml"
    programs.write_text("- name: [", encoding="utf-8")
    _settle(programs)
    memo = VocabularyMemo()
    for _ in range(2):
        with pytest.raises(VocabularyError):
            memo.load(tmp_path)
