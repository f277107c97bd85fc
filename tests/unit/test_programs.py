"""The program vocabulary (briefings.programs): loading, matching, canonical names, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefings.ingest.extract.discovery import discover
from briefings.ingest.extract.programs import Program, Vocabulary, VocabularyError, key, normalise
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"
SANCHUANG = "机关创品牌、支部创红旗、党员创五星"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(ARCHIVE / "programs.yml")


def seed_text(prefix: str) -> str:
    return next(ARCHIVE.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the shipped vocabulary


def test_shipped_vocabulary_has_the_seed_programs(vocabulary):
    names = {program.name for program in vocabulary.programs}
    assert {SANCHUANG, "星级党支部创建", "逐支部观摩、整单位提升", "模范机关+N", "党建+项目",
            "创建高效机关服务科学发展"} <= names
    assert all(program.description and "\n" not in program.description for program in vocabulary.programs)


def test_every_name_and_alias_matches_itself(vocabulary):
    for program in vocabulary.programs:
        for alias in (program.name, *program.aliases):
            assert program.name in vocabulary.match(f"。{alias}。"), alias


@pytest.mark.parametrize("prefix, expected", [
    ("000", {"党建+项目"}),
    ("001", {SANCHUANG}),
    ("002", {"模范机关+N"}),
    ("003", {"创建高效机关服务科学发展"}),
    ("004", {"逐支部观摩、整单位提升", "星级党支部创建"}),
])
def test_seeds_match_their_programs(vocabulary, prefix, expected):
    assert expected <= set(vocabulary.match(seed_text(prefix)))


def test_seed_003_is_not_the_three_creations_campaign(vocabulary):
    found = vocabulary.match(seed_text("003"))
    assert "三创三评三服务" in found and SANCHUANG not in found


# ---------------------------------------------------------------- canonical names


@pytest.mark.parametrize("written, canonical", [
    ("三创", SANCHUANG),
    ("机关创品牌，支部创红旗，党员创五星", SANCHUANG),
    ("机关创品牌支部创红旗党员创五星", SANCHUANG),
    ("星級黨支部創建", "星级党支部创建"),
    ("星级支部创建", "星级党支部创建"),
    ("逐支部观摩 整单位提升", "逐支部观摩、整单位提升"),
    ("“逐支部观摩、整单位提升”", "逐支部观摩、整单位提升"),
    ("模范机关 N", "模范机关+N"),
    ("模范机关＋Ｎ", "模范机关+N"),
    ("模範機關+n", "模范机关+N"),
    ("党建＋项目", "党建+项目"),
    ("榜样塑造·力量传播", "榜样塑造 力量传播"),
])
def test_canonical_accepts_names_and_aliases_however_written(vocabulary, written, canonical):
    assert vocabulary.canonical(written) == canonical


@pytest.mark.parametrize("written", ["党建", "模范机关", "不存在的活动", "", None, 42])
def test_canonical_rejects_what_the_vocabulary_lacks(vocabulary, written):
    assert vocabulary.canonical(written) is None


# ---------------------------------------------------------------- matching


@pytest.mark.parametrize("text, expected", [
    ("开展“三创”活动", (SANCHUANG,)),
    ("开展“机关创品牌”、“支部创红旗”、“党员创五星”活动", (SANCHUANG,)),
    ("开展“机关创品牌、支部争当红旗、党员争创五星”活动", (SANCHUANG,)),
    ("推动“星级党支部”创建工作", ("星级党支部创建",)),
    ("推動星級黨支部創建工作", ("星级党支部创建",)),
    ("深化开展“模范机关 N”创建工作", ("模范机关+N",)),
    ("深化开展“模范机关＋N”工程", ("模范机关+N",)),
    ("深化开展模范机關＋N工程", ("模范机关+N",)),
    ("创新“党建+项目”模式", ("党建+项目",)),
    ("创新“党建 项目”模式", ("党建+项目",)),
    ("不断深化“创建高效机关服务科学发展”主题实践\n活动", ("创建高效机关服务科学发展",)),
    ("以“创建高效机关服务\n科学发展”为载体", ("创建高效机关服务科学发展",)),
    ("“先锋助民行动”成效显著", ("先锋助民行动",)),
])
def test_match(vocabulary, text, expected):
    assert vocabulary.match(text) == expected


@pytest.mark.parametrize("text", [
    "推进党建项目化管理",  # 党建+项目 needs its joiner
    "制定下发《“三创三评三服务”活动意见》",  # 三创 inside a longer word
    "开展三创三评活动",
    "模范机关建在前N",
    "",
])
def test_no_false_matches(vocabulary, text):
    assert SANCHUANG not in vocabulary.match(text)
    assert "党建+项目" not in vocabulary.match(text)
    assert "模范机关+N" not in vocabulary.match(text)


def test_matches_are_in_order_of_first_appearance_without_repeats(vocabulary):
    text = "推进“星级党支部”创建，深化“三创”活动，再推进星级党支部创建，创新“党建+项目”模式。"
    assert vocabulary.match(text) == ("星级党支部创建", SANCHUANG, "党建+项目")


def test_longest_alias_wins_where_two_start_together(vocabulary):
    assert vocabulary.match("深入学习实践科学发展观活动") == ("学习实践科学发展观活动",)


def test_normalisation():
    assert normalise("模範機關＋Ｎ") == "模范机关+n"
    assert key("“模范机关 N”") == key("模范机关＋N") == key("模范机关+N")
    assert normalise("市直机关") == "市直机关"


def test_empty_vocabulary_matches_nothing():
    empty = Vocabulary(programs=())
    assert empty.match("星级党支部创建") == ()
    assert empty.canonical("星级党支部创建") is None
    assert discover("开展“大合唱云展播”活动", empty) == ("大合唱云展播",)


# ---------------------------------------------------------------- loading errors


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "programs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(VocabularyError) as caught:
        Vocabulary.load(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_bad_yaml_names_the_file_and_the_entry(tmp_path):
    path = write(tmp_path, "- name: 星级党支部创建\n  description: 甲\n- name: [党建+项目\n  description: 乙\n")
    assert "entry 2" in load_error(path)


def test_missing_name(tmp_path):
    path = write(tmp_path, "- name: 星级党支部创建\n  description: 甲\n- aliases: [三创]\n  description: 乙\n")
    message = load_error(path)
    assert "entry 2" in message and "missing 'name'" in message


def test_duplicate_alias_across_entries(tmp_path):
    path = write(tmp_path, "- name: 星级党支部创建\n  aliases: [星级支部]\n  description: 甲\n"
                           "- name: 支部创建\n  aliases: [“星级 支部”]\n  description: 乙\n")
    message = load_error(path)
    assert "entry 2 (支部创建)" in message and "entry 1 (星级党支部创建)" in message


def test_duplicate_names_even_in_other_script(tmp_path):
    path = write(tmp_path, "- name: 星级党支部创建\n  description: 甲\n- name: 星級黨支部創建\n  description: 乙\n")
    assert "entry 2" in load_error(path)


@pytest.mark.parametrize("text, problem", [
    ("name: 星级党支部创建\n", "expected a list"),
    ("- 星级党支部创建\n", "expected a mapping"),
    ("- name: 星级党支部创建\n  alias: [星级支部]\n  description: 甲\n", "unknown key"),
    ("- name: 星级党支部创建\n  aliases: 星级支部\n  description: 甲\n", "'aliases' must be a list"),
    ("- name: 星级党支部创建\n", "'description'"),
    ("- name: 星级党支部创建\n  aliases: ['+ +']\n  description: 甲\n", "nothing to match"),
])
def test_bad_entries(tmp_path, text, problem):
    assert problem in load_error(write(tmp_path, text))


def test_missing_file(tmp_path):
    assert "cannot read" in load_error(tmp_path / "programs.yml")


def test_an_empty_file_is_an_empty_vocabulary(tmp_path):
    assert Vocabulary.load(write(tmp_path, "# nothing yet\n")).programs == ()


def test_program_records():
    vocabulary = Vocabulary([Program("党建+项目", ("党建＋项目",), "以党建推动项目建设。")])
    assert vocabulary.programs[0].aliases == ("党建＋项目",)
    assert vocabulary.match("党建 项目") == ("党建+项目",)


# ---------------------------------------------------------------- discovery


@pytest.mark.parametrize("text, expected", [
    ("创新形式开展了“红动济宁·我心向党”讲党史故事活动。", ("红动济宁·我心向党",)),
    ("创新开展了“十百千”群众运动示范行动，列支工会经费。", ("十百千群众运动示范行动",)),
    ("持续深化机关党建“一把手”工程、作风建设“护航”工程等。", ("一把手工程", "护航工程")),
    ("开展“学思践悟”活动。", ("学思践悟",)),
    ("抓好“文明机关”、“法治机关”创建工作。", ("法治机关创建",)),
    ("把“奉献黄河、青春建功”行动纳入工程。", ("奉献黄河、青春建功",)),
    ("举办“学思想 强党性 共奋斗”党史党建知识竞赛。", ("学思想 强党性 共奋斗",)),
    ("推进「模范机关走在前·我与机关共成长」主题行动", ("模范机关走在前·我与机关共成长",)),
    ("持续深化“暖心”工程、青年理论学习提升工程、作风建设工程。", ("暖心工程", "青年理论学习提升工程")),
])
def test_discover(vocabulary, text, expected):
    assert discover(text, vocabulary) == expected


@pytest.mark.parametrize("text", [
    "深化开展“模范机关 N”创建工作",  # the vocabulary has it
    "大力推进“学习型、研究型、创新型”模范机关创建",  # the phrase names a known program
    "严格执行“三会一课”活动制度",  # a standing system, not a campaign
    "在党员中开展争创“五星”活动",  # too short to name a campaign
    "树立“讲政治、促融合、重规范、求创新”的工作主线",  # describes work
    "以“歌颂百年风华走向新的胜利”为主题",  # no campaign word
    "实施水利配套工程，有效解决了村民饮水问题。",  # a bare project that is not party work
    "以实际行动向中国共产党成立周年献礼。",
    "",
])
def test_discover_skips(vocabulary, text):
    assert discover(text, vocabulary) == ()


def test_discover_deduplicates_and_bounds(vocabulary):
    text = "开展“大合唱云展播”活动，又开展“大合唱 云展播”活动。" + "".join(
        f"开展“第{chr(0x4E00 + i)}号示范竞赛”活动。" for i in range(40))
    found = discover(text, vocabulary)
    assert found[0] == "大合唱云展播" and len(found) == 20 and len(set(found)) == 20


def test_discover_on_the_seeds(vocabulary):
    assert "红动济宁·我心向党" in discover(seed_text("000"), vocabulary)
    assert discover(seed_text("004"), vocabulary) == ()
    for prefix in ("000", "001", "002", "003", "004"):
        found = discover(seed_text(prefix), vocabulary)
        assert not set(vocabulary.match("。".join(found)))


# ---------------------------------------------------------------- never raise

texts = st.text(max_size=300) | st.lists(st.sampled_from(
    ["“", "”", "「", "」", "\"", "活动", "工程", "行动", "、", "，", "+", "＋", " ", "\n", "三创", "星級", "模范机关",
     "N", "党建", "项目", "的", "工作", "青年", "提升"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_match_and_discover_never_raise(vocabulary, text):
    names = {program.name for program in vocabulary.programs}
    assert set(vocabulary.match(text)) <= names
    found = discover(text, vocabulary)
    assert len(found) <= 20 and len(set(found)) == len(found)
    vocabulary.canonical(text)


@pytest.mark.parametrize("text, names", [
    ("接到部署后，局机关各党支部迅速行动，组织党员下沉社区。", ()),
    ("全体党员立即行动起来。", ()),
    ("研究制定“双争双创”实施方案，明确任务。", ("双争双创",)),
    ("以“三化两提”工作法为抓手，推进支部建设。", ("三化两提工作法",)),
])
def test_discovered_names_are_names_not_sentences(text, names):
    assert discover(text, Vocabulary(())) == names



_SHARED = ["学习型机关建设", "学习型机关", "学习实践活动", "学习实践科学发展观", "双报到", "双报到双服务", "党建+项目",
           "三创", "创建学习型党组织", "创建模范机关", "模范机关+N"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_SHARED, "“", "”", " ", "+", "、", "机关", "学习", "党建项目化", "项目", "创"]), max_size=30))
def test_the_merged_matcher_matches_as_the_aliases_tried_longest_first(pieces):
    import re

    from briefings.ingest.extract.programs import _alias_pattern

    vocabulary = Vocabulary([Program(alias, (), "x") for alias in _SHARED])
    side_by_side = re.compile("|".join("".join(_alias_pattern(a)) for a in sorted(_SHARED, key=lambda a: -len(key(a)))))
    text = normalise("".join(pieces))
    assert [(m.start(), m.group()) for m in vocabulary._regex.finditer(text)] == \
        [(m.start(), m.group()) for m in side_by_side.finditer(text)]


# ---------------------------------------------------------------- short names bound to years


def test_a_short_name_means_the_program_of_the_briefings_year(vocabulary):
    text = "3月15日，市档案馆党支部召开主题教育专题组织生活会。"
    assert vocabulary.match(text, 2019) == ("不忘初心、牢记使命主题教育",)
    assert vocabulary.match(text, 2023) == ("学习贯彻习近平新时代中国特色社会主义思想主题教育",)
    assert vocabulary.match(text, 2021) == () and vocabulary.match(text) == ()  # another year, or none: no program


def test_short_names_are_checked(tmp_path):
    both = write(tmp_path, "- name: 甲主题教育\n  short_names: {主题教育: [2019]}\n  description: 甲\n"
                           "- name: 乙主题教育\n  short_names: {主题教育: [2019, 2023]}\n  description: 乙\n")
    assert "already means 甲主题教育 in 2019" in load_error(both)
    alias = write(tmp_path, "- name: 主题教育\n  description: 甲\n"
                            "- name: 乙主题教育\n  short_names: {主题教育: [2023]}\n  description: 乙\n")
    assert "is a name or alias of entry 1" in load_error(alias)
    shape = write(tmp_path, "- name: 乙主题教育\n  short_names: [主题教育]\n  description: 乙\n")
    assert "'short_names' must map a name to the years" in load_error(shape)
