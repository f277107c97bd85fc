"""The five sample briefings, read end to end: the record the issue asks for."""

import re
from pathlib import Path

import pytest
from briefings.ingest import load_vocabulary, read_archive, read_briefing

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"

EXPECTED = {
    "000_8fbe04c4c4a2a14c.txt": dict(city="济宁市", province="山东省", year=2021, date="2021-12-06",
                                     program="党建+项目", source="齐鲁网·闪电新闻"),
    "001_171ca9732d2879ad.txt": dict(city=None, province=None, year=2023, date=None,
                                     program="机关创品牌、支部创红旗、党员创五星", source="101写作网"),
    "002_de3249d200964dde.txt": dict(city="菏泽市", province="山东省", year=2023, date="2024-01-02",
                                     program="模范机关+N", source="荷泽新闻网"),
    "003_2a77a74c8cabfc6c.txt": dict(city="枣庄市", province="山东省", year=2009, date=None,
                                     program="创建高效机关服务科学发展", source=None),
    "004_8018b1e96243a8a6.txt": dict(city="驻马店市", province="河南省", year=2021, date="2021-12-01",
                                     program="星级党支部创建", source="驻马店网"),
}

TITLES = {
    "000_8fbe04c4c4a2a14c.txt": "2021年济宁市直机关党建工作亮",
    "001_171ca9732d2879ad.txt": "在全省机关党建现场观摩推进会上的汇报发言",
    "003_2a77a74c8cabfc6c.txt": "市直机关工委工作",
    "004_8018b1e96243a8a6.txt": "驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开",
}

NOISE = [
    "TUhjnbcbe", "白癜风", "39.net", "查看完整版本", "首页 »", "未经允许不得转载", "最新评论", "捞干的", "感召力",
    "您当前位置", "作者: 荷泽新闻网", "Original URL", "不信谣不传谣", "首页 新闻 天中", "发送短信", "微信图片_",
    "责任编辑", "查看心情排行", "点赞", "标题党", "版权声明", "法律顾问", "返回首页", "相关新闻", "返回顶部",
]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """What extraction alone makes of the seeds: copied without the archivist's sidecars."""
    vocabulary = load_vocabulary(ARCHIVE)
    folder = tmp_path_factory.mktemp("raw")
    for name in EXPECTED:
        (folder / name).write_bytes((ARCHIVE / name).read_bytes())
    return {name: read_briefing(folder / name, name, vocabulary) for name in EXPECTED}


def test_shipped_archive_has_every_guess_confirmed_by_a_sidecar():
    archive = read_archive(ARCHIVE)
    assert len(archive.briefings) == 5 and not archive.rejections
    guessed = [(b.path, str(w)) for b in archive.briefings for w in b.warnings if w.kind == "guessed"]
    assert guessed == []


def test_missing_and_guessed_fields_are_told_apart(records):
    kinds = {(w.field, w.kind) for w in records["001_171ca9732d2879ad.txt"].warnings}
    assert {("city", "missing"), ("province", "missing"), ("date", "missing"), ("year", "guessed")} <= kinds


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_fields(records, name):
    briefing, expected = records[name], EXPECTED[name]
    assert (briefing.city, briefing.province) == (expected["city"], expected["province"])
    assert briefing.year == expected["year"]
    assert briefing.date == expected["date"]
    assert expected["program"] in briefing.programs
    if expected["source"]:
        assert briefing.source == expected["source"]
    assert briefing.title


@pytest.mark.parametrize("name", sorted(TITLES))
def test_seed_titles(records, name):
    assert records[name].title == TITLES[name]


def test_seed_002_title_is_made_up_with_a_warning(records):
    briefing = records["002_de3249d200964dde.txt"]
    assert "新闻发布会" in briefing.title
    assert any(w.field == "title" for w in briefing.warnings)


def test_anonymised_seed_has_no_place_and_says_why(records):
    briefing = records["001_171ca9732d2879ad.txt"]
    assert any(w.field == "city" for w in briefing.warnings)


def test_yearbook_seed_keeps_its_original_url(records):
    assert records["003_2a77a74c8cabfc6c.txt"].url.startswith("http://lib.sdsqw.cn/")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_noise_line_left(records, name):
    text = records[name].text
    assert not [noise for noise in NOISE if noise in text]


TRAILERS = ("版权声明", "最新评论", "查看心情排行", "查看完整版本", "未经允许不得转载")


def _sentences(raw: str) -> list[str]:
    """Body sentences of a raw seed (before its trailer), long enough to be prose, rejoined across hard wraps."""
    raw = raw[: min([raw.index(t) for t in TRAILERS if t in raw] or [len(raw)])]
    joined = re.sub(r"\n(?=[^\n])", "", raw) if "全\n面推进" in raw else raw
    return [s for s in re.split(r"[。！？]", joined) if len(s.strip()) >= 25]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_sentence_of_the_briefing_lost(records, name):
    raw = (ARCHIVE / name).read_text(encoding="utf-8")
    text = re.sub(r"\s", "", records[name].text)
    lost = []
    for sentence in _sentences(raw):
        tail = re.sub(r"\s", "", sentence.splitlines()[-1] if "\n" in sentence.strip() else sentence)
        if len(tail) >= 25 and not any(noise in tail for noise in NOISE) and tail[-25:] not in text:
            lost.append(tail)
    assert not lost


def test_structure_recovered(records):
    kinds = lambda name: {block.kind for block in records[name].blocks}  # noqa: E731
    assert "speech" in kinds("002_de3249d200964dde.txt")
    assert "heading" in kinds("003_2a77a74c8cabfc6c.txt")
    speakers = {b.speaker for b in records["002_de3249d200964dde.txt"].blocks if b.kind == "speech"}
    assert {"主持人", "朱雷", "李琦", "李淑梅", "李娜"} <= speakers


def test_hard_wrapped_lines_are_rejoined(records):
    assert "全面推进机关党的思想" in records["003_2a77a74c8cabfc6c.txt"].text


def test_ids_and_slugs_are_stable_and_unique(records, tmp_path):
    slugs = {b.slug for b in records.values()}
    assert len(slugs) == len(records)
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)
    assert records["004_8018b1e96243a8a6.txt"].slug.startswith("zhumadian-")
    # Reading the same file inside a different archive (more files around it) changes nothing.
    for name in EXPECTED:
        (tmp_path / name).write_bytes((ARCHIVE / name).read_bytes())
    (tmp_path / "extra.txt").write_text("另一篇简报：柳州市直机关工委召开会议，部署党建工作。\n", encoding="utf-8")
    again = {b.path: (b.id, b.slug) for b in read_archive(tmp_path, load_vocabulary(ARCHIVE)).briefings}
    assert all(again[name] == (records[name].id, records[name].slug) for name in EXPECTED)


def test_read_archive_accounts_for_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("济宁市直机关工委召开党建工作会议，部署全年工作任务。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ndate: 2021-13-01\n---\n正文第一段，内容充实。\n", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    archive = read_archive(tmp_path, load_vocabulary(ARCHIVE))
    assert [b.path for b in archive.briefings] == ["a.txt"]
    reasons = {r.path: r.reason for r in archive.rejections}
    assert set(reasons) == {"b.txt", "c.pdf"}
    assert "date" in reasons["b.txt"] and "2021-13-01" in reasons["b.txt"]


def test_photo_captions_above_the_story_are_not_its_lead(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("市城管局歌咏比赛获二等奖\n\n大合唱表演\n\n领奖\n\n本网讯 6月23日，商洛市城管系统合唱队参加了市直机关工委"
                    "组织的纪念建党90周年歌唱比赛，130余名队员演唱了两首红色歌曲。\n\n市城管系统上下齐动员，利用休息时间排练。\n",
                    encoding="utf-8")
    briefing = read_briefing(path, "x.txt", load_vocabulary(ARCHIVE))
    assert (briefing.city, briefing.province) == ("商洛市", "陕西省")


def test_warm_up_loads_what_reading_a_briefing_needs():
    """Under `mkdocs serve` the first build may take every record from the cache; warm_up reads
    a made-up briefing so the first one added does not wait for jieba and pypinyin."""
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from briefings import ingest; "
              "ingest.warm_up(ingest.load_vocabulary(Path(sys.argv[1]))); "
              "from briefings.ingest import slugs; print(slugs._dictionary.cache_info().currsize, 'pypinyin' in sys.modules)")
    archive = Path(__file__).resolve().parents[2] / "archive"
    found = subprocess.run([sys.executable, "-c", script, str(archive)], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["1", "True"]


def _site_page(folder: Path, name: str, host: str, lead: str) -> None:
    (folder / name).write_text(f"---\nurl: http://{host}/art/2025/5/{len(name)}/{name}.html\n---\n"
                               f"市直机关开展主题党日活动\n{lead}\n会议要求，各党支部结合实际抓好落实，推动工作取得实效。\n",
                               encoding="utf-8")


def test_a_briefing_that_names_no_place_takes_its_sites_city_when_the_others_agree(tmp_path):
    for number, organ in enumerate(["烟台市直机关工委", "烟台市财政局机关党委", "烟台市税务局机关党支部", "烟台市档案馆党支部"]):
        _site_page(tmp_path, f"named{number}.txt", "www.ytjgdj.example.cn", f"4月{number + 1}日，{organ}召开会议，部署{number}项工作。")
    _site_page(tmp_path, "unnamed.txt", "ytjgdj.example.cn", "4月29日，市政协机关组织开展读书活动，交流读书体会。")
    _site_page(tmp_path, "portal.txt", "news.example.com", "6月30日，区档案馆党支部赴红色教育基地重温入党誓词，缅怀革命先烈。")
    for number, (city, work) in enumerate([("济宁市", "模范机关创建"), ("临沂市", "党建品牌培育"), ("菏泽市", "作风建设")]):
        _site_page(tmp_path, f"p{number}.txt", "news.example.com", f"5月{number + 2}日，{city}直机关工委召开{work}推进会。")
    found = {b.path: b for b in read_archive(tmp_path).briefings}
    unnamed = found["unnamed.txt"]
    assert (unnamed.city, unnamed.province) == ("烟台市", "山东省")
    assert any(w.field == "city" and "4 of the 4 on ytjgdj.example.cn" in w.message for w in unnamed.warnings)
    assert found["portal.txt"].city is None  # three cities on one portal: none settles it
    assert found["portal.txt"].province == "山东省"  # ... but all three are in 山东
