"""Front matter and sidecar values win over extraction; bad values are errors naming file and field."""

from pathlib import Path

import pytest
from briefings.ingest import load_vocabulary, read_briefing
from briefings.ingest.overrides import validate_overrides
from briefings.model import ArchiveError

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ARCHIVE)


def test_valid_values_are_normalised(vocabulary):
    clean = validate_overrides("a.txt", {
        "title": "  济宁市直机关  党建工作会议 ", "city": "济宁", "year": "2021", "date": "2021/12/6",
        "url": "https://www.example.cn/a.html", "programs": ["三创"], "source": "济宁日报",
    }, vocabulary)
    assert clean == {
        "title": "济宁市直机关 党建工作会议", "city": "济宁市", "province": "山东省", "year": 2021,
        "date": "2021-12-06", "url": "https://www.example.cn/a.html",
        "programs": ("机关创品牌、支部创红旗、党员创五星",), "source": "济宁日报",
    }


def test_unknown_city_is_an_error(vocabulary):
    with pytest.raises(ArchiveError, match="a.txt: field 'city'"):
        validate_overrides("a.txt", {"city": "不存在市"}, vocabulary)


@pytest.mark.parametrize("field, value", [
    ("date", "2021-13-01"), ("date", "昨天"), ("year", 1800), ("year", "二〇二一"),
    ("url", "javascript:alert(1)"), ("url", "ftp://example.cn/a"), ("title", ""), ("title", ["a"]),
    ("province", "火星省"), ("programs", ["从未听说的活动"]), ("programs", {"a": 1}),
])
def test_bad_values_are_errors_naming_file_and_field(vocabulary, field, value):
    with pytest.raises(ArchiveError, match=rf"b.txt: field '{field}'"):
        validate_overrides("b.txt", {field: value}, vocabulary)


def test_city_and_province_must_agree(vocabulary):
    with pytest.raises(ArchiveError, match="field 'city'.*山东省"):
        validate_overrides("a.txt", {"city": "济宁市", "province": "河南省"}, vocabulary)


def test_front_matter_wins_over_extraction_and_silences_its_warnings(tmp_path, vocabulary):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: 档案员定的标题\ncity: 义乌\ndate: 2020-05-06\nyear: 2019\n---\n"
        "近日，x委直属机关工委召开会议，部署全年党建工作。\n", encoding="utf-8")
    briefing = read_briefing(tmp_path / "a.txt", "a.txt", vocabulary)
    assert (briefing.title, briefing.city, briefing.province) == ("档案员定的标题", "金华市", "浙江省")
    assert (briefing.date, briefing.year) == ("2020-05-06", 2019)
    assert not {w.field for w in briefing.warnings} & {"title", "city", "province", "date", "year"}


def test_sidecar_sets_programs(tmp_path, vocabulary):
    (tmp_path / "a.txt").write_text("济宁市直机关工委召开会议，部署全年党建工作。\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("programs: [星级党支部]\n", encoding="utf-8")
    assert read_briefing(tmp_path / "a.txt", "a.txt", vocabulary).programs == ("星级党支部创建",)
