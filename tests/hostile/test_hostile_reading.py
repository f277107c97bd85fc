"""Broken bytes, broken front matter and hostile paths, file by file: a clear reason or a
repaired text with a problem named; the 20 MB file is refused without being read."""

from __future__ import annotations

import random
import time

import pytest
from briefings.ingest import read_archive
from briefings.ingest.decoding import decode_bytes
from briefings.ingest.reading import read_source
from briefings.model import ArchiveError
from hostile_archive import HOSTILE_FILES, TWENTY_MB, prose, seed

TEXT = "驻马店市委直属机关工委组织召开市直单位观摩活动讲评会，总结成绩、查找不足。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_a_cut_last_character_is_dropped_and_named(encoding):
    decoded = decode_bytes(("泰安市直機關黨建工作會議召開" * 5).encode(encoding)[:-1], "x.txt")
    assert decoded.text == "泰安市直機關黨建工作會議召開" * 4 + "泰安市直機關黨建工作會議召"
    assert any("truncated" in problem for problem in decoded.problems)


def test_mixed_encodings_are_decoded_line_by_line():
    data = TEXT.encode("utf-8") + "济宁市直机关党建工作亮点纷呈。\n".encode("gb18030") + TEXT.encode("utf-8")
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == TEXT + "济宁市直机关党建工作亮点纷呈。\n" + TEXT
    assert decoded.encoding == "utf-8+gb18030" and "mixes encodings" in decoded.problems[0]


def test_nul_bytes_and_xml_illegal_controls_are_removed_and_named():
    decoded = decode_bytes(("机关\x00党建\x01\x08\x0b\x1b\x7f\x85\ufffe工作" + TEXT * 20).encode("utf-8"), "x.txt")
    assert decoded.text.startswith("机关党建工作")
    assert "control characters (1 of them NUL) removed" in decoded.problems[0]


def test_clean_text_has_no_problems():
    assert decode_bytes(TEXT.encode("gb18030")).problems == ()


def test_binary_is_refused_naming_the_file():
    with pytest.raises(ArchiveError, match="^a/b.txt: looks binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(2000), "a/b.txt")


def test_the_20_mb_file_is_refused_at_once(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(TWENTY_MB)
    started = time.perf_counter()
    with pytest.raises(ArchiveError, match="huge.txt: is 20.0 MB, over the 5 MB limit"):
        read_source(tmp_path / "huge.txt", "huge.txt")
    assert time.perf_counter() - started < 0.5


def test_a_one_megabyte_line_is_read_in_seconds(tmp_path):
    (tmp_path / "long.txt").write_text(prose(random.Random(2), 1024 * 1024 // 3), encoding="utf-8")
    started = time.perf_counter()
    archive = read_archive(tmp_path)
    assert len(archive.briefings) == 1 and time.perf_counter() - started < 20


def test_the_hostile_archive_read_without_mkdocs(hostile_archive):
    """The same outcomes as the build, straight from ingest."""
    archive = read_archive(hostile_archive)
    pages = {briefing.path for briefing in archive.briefings}
    merged = {reprint.path for briefing in archive.briefings for reprint in briefing.reprints}
    rejected = {rejection.path: rejection.reason for rejection in archive.rejections}
    for name, (status, detail) in HOSTILE_FILES.items():
        if status == "page":
            assert name in pages, name
            problems = [str(w) for b in archive.briefings if b.path == name for w in b.warnings]
            assert detail is None or any(detail in problem for problem in problems), (name, problems)
        elif status == "reprint":
            assert name in merged
        else:
            assert detail in rejected[name], name
    assert len({briefing.slug for briefing in archive.briefings}) == len(archive.briefings)
    assert len({briefing.id for briefing in archive.briefings}) == len(archive.briefings)


def test_a_billion_laughs_front_matter_is_refused_quickly(tmp_path):
    levels = "".join(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]\n" for n in range(1, 10))
    (tmp_path / "bomb.md").write_text("---\nl0: &l0 [哈]\n" + levels + "title: *l9\n---\n" + seed(0), "utf-8")
    started = time.perf_counter()
    with pytest.raises(ArchiveError, match="aliases such as"):
        read_source(tmp_path / "bomb.md", "bomb.md")
    assert time.perf_counter() - started < 1
