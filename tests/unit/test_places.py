"""find_place: the briefing's own city and province, never a visitor's, benchmark's or a guess."""

from pathlib import Path

import pytest
from briefings.ingest.extract.gazetteer import gazetteer
from briefings.ingest.extract.places import Place, find_place
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def seed(prefix: str) -> list[str]:
    """The non-empty lines of one raw archive sample (cleaning is not used here)."""
    path = next(ARCHIVE.glob(f"{prefix}_*.txt"))
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def line(lines: list[str], start: str) -> str:
    return next(item for item in lines if item.startswith(start))


def place(title: str = "", lead: str = "", body: str = "", **kw) -> Place:
    return find_place(title=title, lead=lead, body=body or lead, **kw)


def said(p: Place, *words: str) -> bool:
    """Whether some warning mentions all the words."""
    return any(all(w in str(warning) for w in words) for warning in p.warnings)


# --- the five seeds, split roughly as cleaning will -------------------------------------------


def test_seed_000_jining_despite_qufu_university_and_the_province():
    lines = seed("000")
    lead = line(lines, "齐鲁网")
    p = find_place(title="权威发布2021年济宁市直机关党建工作亮", lead=lead, body="\n".join(lines[lines.index(lead):-2]),
                   meta=lines[:4] + lines[-2:])
    assert (p.city, p.province) == ("济宁市", "山东省") and not p.warnings
    assert p.evidence.startswith("title: 济宁")


def test_seed_000_without_a_headline_still_jining_from_ownership():
    lines = seed("000")
    p = find_place(title="", lead=lines[4], body="\n".join(lines[4:-2]))
    assert (p.city, p.province) == ("济宁市", "山东省") and p.evidence.startswith("ownership: 济宁市")


def test_seed_001_is_anonymised_so_no_place_at_all():
    lines = seed("001")
    p = find_place(title="在全省机关党建现场观摩推进会上的汇报发言", lead=lines[1], body="\n".join(lines[:-4]),
                   meta=lines[-4:])
    assert (p.city, p.province) == (None, None)
    assert said(p, "city", "anonymised") and said(p, "province", "anonymised")


def test_seed_002_heze_not_its_benchmarks_shenzhen_and_zunyi():
    lines = seed("002")
    p = find_place(title="", lead=lines[2], body="\n".join(lines[2:]), meta=lines[:2])
    assert (p.city, p.province) == ("菏泽市", "山东省") and not p.warnings
    assert "菏泽" in p.evidence


def test_seed_003_zaozhuang_from_site_names_in_a_yearbook():
    lines = seed("003")
    p = find_place(title=lines[0], lead=lines[2], body="\n".join(lines[2:]),
                   url="http://lib.sdsqw.cn/bin/mse.exe?seachword=&K=b4&A=6&rec=16&run=13")
    assert (p.city, p.province) == ("枣庄市", "山东省")
    assert p.evidence.startswith("site: 枣庄机关建设网") and said(p, "city", "site name")


def test_seed_004_zhumadian():
    lines = seed("004")
    title = line(lines, "驻马店市直单位")
    lead = line(lines, "驻马店网讯")
    body = "\n".join(lines[lines.index(lead):])
    p = find_place(title=title, lead=lead, body=body, meta=lines[:2] + [line(lines, "2021-12-01")], source="驻马店网")
    assert (p.city, p.province) == ("驻马店市", "河南省") and p.evidence == "title: 驻马店市" and not p.warnings


@pytest.mark.parametrize("prefix, city", [("000", "济宁市"), ("001", None), ("002", "菏泽市"), ("003", "枣庄市"), ("004", "驻马店市")])
def test_seeds_with_a_naive_split(prefix, city):
    lines = seed(prefix)
    assert find_place(title=lines[0], lead=lines[1], body="\n".join(lines)).city == city


# --- evidence from the title, counties, url hosts, scripts ------------------------------------


@pytest.mark.parametrize(
    "title, city, province",
    [
        ("义乌市直机关开展“模范机关”创建活动", "金华市", "浙江省"),
        ("曲阜市召开机关党建工作会议", "济宁市", "山东省"),
        ("海安：机关党建引领高质量发展", "南通市", "江苏省"),
    ],
)
def test_a_county_in_the_title_gives_its_prefecture_with_a_warning(title, city, province):
    p = place(title, "会议强调，要持续深化模范机关创建。")
    assert (p.city, p.province) == (city, province)
    assert said(p, "city", "county")


def test_a_prefecture_outweighs_a_county_of_another_city():
    p = place("", "济宁市委市直机关工委召开会议，学习借鉴义乌经验。", "济宁市委市直机关工委召开会议。会上，海安市直机关作交流发言。")
    assert p.city == "济宁市" and not p.warnings


@pytest.mark.parametrize(
    "url, city",
    [("http://suihua.dbw.cn/system/2019/06/01/1.shtml", "绥化市"), ("https://www.jining.gov.cn/art/1.html", "济宁市"),
     ("http://heze.dzwww.com/news/1.htm", "菏泽市")],
)
def test_url_host_pinyin_is_weak_evidence(url, city):
    p = place("市直机关召开党建工作会议", "市委市直机关工委召开会议。", url=url)
    assert p.city == city and p.evidence.startswith("url host") and said(p, "url host")


@pytest.mark.parametrize("url, city", [("https://m.portal.example.net/maanshan/news/201708/1.html", "马鞍山市"),
                                       ("http://www.portal.example.cn/diqu/shijiazhuang/202104/2.html", "石家庄市"),
                                       ("http://www.portal.example.cn/fuzhou/news/1.html", None),  # 福州 or 抚州
                                       ("http://www.portal.example.cn/xian/news/1.html", None),  # 西安, or a 县
                                       ("http://www.portal.example.cn/news/maanshan.html", None)])  # a page, no folder
def test_a_portals_folder_named_for_a_city(url, city):
    p = place("市直机关召开党建工作会议", "市委市直机关工委召开会议。", url=url)
    assert p.city == city
    if city:
        assert said(p, "url host")
    text = place("市直机关召开党建工作会议", "亳州市直机关工委召开会议。亳州市直机关各单位参加。", url=url)
    assert text.city == "亳州市"  # what the text names outweighs the folder


@pytest.mark.parametrize("url", ["http://fuzhou.example.cn/1.html", "http://www.gov.cn/1.html", "not a url", "http://[::1"])
def test_shared_or_meaningless_hosts_name_no_city(url):
    assert place("市直机关召开党建工作会议", url=url).city is None


def test_the_title_beats_body_frequency_and_host():
    body = "驻马店市委直属机关工委召开会议。" + "上海市某律师事务所提供法律服务。" * 8
    p = place("驻马店市直单位观摩活动讲评会召开", "驻马店网讯 12月1日，会议召开。", body, url="http://shanghai.example.com/")
    assert p.city == "驻马店市" and p.evidence.startswith("title")


def test_the_dateline_beats_body_frequency():
    body = "驻马店网讯(记者 张丽丽)12月1日，会议召开。郑州的经验值得学习。郑州的做法。郑州的同志。"
    p = place("", "驻马店网讯(记者 张丽丽)12月1日，会议召开。", body)
    assert p.city == "驻马店市" and p.province == "河南省"


def test_traditional_characters_are_read():
    p = place("泰安市直機關黨建工作會議召開", "會議強調，要持續深化模範機關創建。")
    assert (p.city, p.province) == ("泰安市", "山东省")


def test_traditional_body_only():
    p = place("", "", "泰安市委市直機關工委召開會議，部署機關黨建工作。")
    assert p.city == "泰安市"


def test_variant_spelling_heze():
    assert place("荷泽市市直机关召开党建工作会议").city == "菏泽市"


# --- site names and meta lines ----------------------------------------------------------------


def test_site_names_in_meta_and_source():
    body = "市委市直机关工委召开会议，部署全年工作。"
    crumb = "您当前位置:荷泽市-中国菏泽市-菏泽新闻网 > 权威发布 > 正文"
    assert place("", body, meta=[crumb]).city == "菏泽市"
    assert place("", body, meta=["来源：枣庄机关建设网"]).city == "枣庄市"
    p = place("", body, source="菏泽新闻网")
    assert p.city == "菏泽市" and said(p, "site name")


def test_a_local_brand_names_the_city():
    p = place("", "", "推进法治枣庄建设，评选法治枣庄建设先进集体。")
    assert p.city == "枣庄市" and p.evidence.startswith("site: 法治枣庄")


def test_meta_lines_that_are_not_sites_do_not_count():
    assert place("", "市直机关召开会议。", meta=["法律顾问单位:上海市汇业(武汉)律师事务所"]).city is None


# --- visitors, benchmarks, heritage, meetings naming several cities --------------------------


def test_benchmarked_cities_do_not_count():
    body = "菏泽市委市直机关工委召开会议。对标深圳、遵义直属机关工委，学习两市机关党建工作经验。深圳、遵义的做法。"
    p = place("", body)
    assert p.city == "菏泽市"


def test_only_benchmarks_named_gives_none():
    p = place("", "市直机关工委对标深圳、遵义直属机关工委，学习两市经验。")
    assert p.city is None and said(p, "city", "no place named")


def test_a_study_trip_is_not_the_own_city():
    p = place("市直机关党员赴井冈山学习", "市直机关工委组织党员干部赴井冈山学习，赴延安接受教育。")
    assert (p.city, p.province) == (None, None) and said(p, "city", "no place named")


def test_a_visiting_delegation_is_not_the_own_city():
    assert place("", "深圳市考察团来我市考察交流。市直机关工委介绍了经验。").city is None
    p = place("", "济宁市委市直机关工委召开会议。枣庄市考察团来我市考察，枣庄市委市直机关工委负责同志一行莅临。")
    assert p.city == "济宁市"


def test_heritage_names_are_not_places():
    assert place("", "市直机关党员学习延安精神、遵义会议精神。").city is None


def test_an_event_venue_is_not_the_own_city():
    assert place("", "全省机关党建现场观摩推进会在济宁召开，市直机关工委参加。").city is None


def test_a_university_is_weak():
    assert place("", "市直机关工委与曲阜师范大学开展党建共建。").city is None


def test_several_cities_none_dominant():
    body = "在全省会议上，济宁、菏泽、枣庄作典型发言。济宁、菏泽、枣庄的经验。"
    p = place("", "", body)
    assert p.city is None and p.province == "山东省"
    assert said(p, "city", "several cities", "济宁市", "菏泽市", "枣庄市")


def test_several_cities_in_different_provinces_give_no_province():
    p = place("", "", "济宁、郑州、武汉的经验。济宁、郑州、武汉的做法。")
    assert (p.city, p.province) == (None, None) and said(p, "province", "several cities")


# --- anonymised text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x委直属机关工委在市直机关大力开展活动，为我市建设做出新贡献。涌现出“红色荆楚企业之家”等品牌。",
        "*市市直机关工委召开会议，学习武汉经验。",
        "X市直机关党建工作取得新成效，赴延安学习。",
        "××市委市直机关工委召开会议。",
        "xx市直机关工委组织党员到宝莲社区开展志愿服务。",
        "某市市直机关工委组织党员赴济宁学习。济宁市直机关工委介绍经验。",
    ],
)
def test_anonymised_text_gets_no_place(text):
    p = place("", text)
    assert (p.city, p.province) == (None, None) and p.evidence == "anonymised"
    assert said(p, "city", "anonymised")


def test_markdown_bold_is_not_anonymisation():
    assert place("", "**济宁市直机关**工委召开会议。").city == "济宁市"


def test_names_that_are_everyday_words_are_not_places():
    p = place("", "市直机关党支部争创红旗党支部，开展安康杯竞赛，各位来宾出席，推进惠民工程，会同有关部门。")
    assert (p.city, p.province) == (None, None)


# --- municipalities, province-administered cities, ambiguous names, provinces ----------------


def test_municipality():
    p = place("北京市直机关工委召开党建工作会议")
    assert (p.city, p.province) == ("北京市", "北京市")
    assert place("", "", "重庆市北碚区机关党建工作会议召开，北碚区委直属机关工委部署工作。").city == "重庆市"


def test_province_administered_city():
    p = place("济源市直机关召开党建工作会议")
    assert (p.city, p.province) == ("济源市", "河南省") and not p.warnings


def test_ambiguous_chaoyang_is_not_evidence_alone():
    p = place("朝阳区机关党建工作会议召开", "朝阳区委区直机关工委召开会议。")
    assert p.city is None and said(p, "city", "no place named")
    assert place("朝阳市直机关召开党建工作会议").city == "朝阳市"


def test_a_province_alone():
    p = place("山东省直机关工委召开党建工作会议", "山东省直机关工委召开会议。")
    assert (p.city, p.province) == (None, "山东省") and said(p, "city", "province-level organ")


def test_no_place_named():
    p = place("市直机关召开党建工作会议", "会议强调，要持续深化模范机关创建。")
    assert (p.city, p.province, p.evidence) == (None, None, "")
    assert said(p, "city", "no place named") and said(p, "province", "no place named")


def test_body_mentions_alone_are_a_guess():
    p = place("", "", "全市机关党建工作会议召开。会上，泸州经验受到关注。泸州的做法值得推广。")
    assert p.city == "泸州市" and said(p, "body mentions only")


def test_empty_input():
    p = find_place(title="", lead="", body="")
    assert p.city is None and p.province is None


# --- properties -------------------------------------------------------------------------------

_PIECES = ["济宁", "菏泽市", "曲阜", "朝阳", "北京", "对标", "赴", "考察团", "来我市", "市直机关", "委", "x委", "某市",
           "*", "機關", "精神", "网", "，", "。", "\n", "在", "召开", "山东省", "直属机关工委", "法治", "学习"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=40),
    body=st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=60).map("".join),
    meta=st.lists(st.text(max_size=20), max_size=3),
    url=st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["http://suihua.dbw.cn/", "http://[bad"])),
    source=st.one_of(st.none(), st.text(max_size=10)),
)
def test_find_place_never_raises_and_stays_consistent(title, body, meta, url, source):
    p = find_place(title=title, lead=body[:50], body=body, meta=meta, url=url, source=source)
    g = gazetteer()
    if p.city is not None:
        assert p.province == g.cities[p.city].province
    else:
        assert any(w.field == "city" for w in p.warnings)
    assert p.province is None or p.province in g.provinces


def test_the_first_city_of_a_headline_is_its_subject():
    assert place("菏泽：学习济宁经验推动机关党建").city == "菏泽市"
    assert place("济宁市直机关工委召开会议 学习菏泽经验").city == "济宁市"


def test_a_delegation_after_the_own_city_belongs_to_the_next_name():
    p = place("", "济宁市委市直机关工委热烈欢迎枣庄市考察团来我市。济宁市直机关工委介绍了经验。")
    assert p.city == "济宁市"


def test_a_province_subject_is_not_overridden_by_a_passing_city():
    p = place("山东省直机关工委召开党建工作会议", "会议指出，泸州经验值得学习。", "会议指出，泸州经验值得学习。泸州做法。")
    assert (p.city, p.province) == (None, "山东省")


def test_a_city_directly_before_its_district_takes_the_district_context():
    p = place("", "北京市朝阳区委区直机关工委召开会议。北京市朝阳区委区直机关工委部署工作。")
    assert (p.city, p.province) == ("北京市", "北京市")


@pytest.mark.parametrize(
    "lead, city",
    [("大理州直机关工委召开会议。", "大理白族自治州"), ("恩施州委州直机关工委召开会议。", "恩施土家族苗族自治州"),
     ("中共宜昌市委直属机关工作委员会召开会议。", "宜昌市"), ("兴安盟直属机关工委召开会议。", "兴安盟"),
     ("天津市委市级机关工委召开会议。", "天津市")],
)
def test_ownership_phrases(lead, city):
    p = place("", lead)
    assert p.city == city and p.evidence.startswith("ownership")


def test_a_named_province_in_the_body_does_not_hide_a_weakly_named_city():
    p = place("市直机关工委工作", "", "在枣庄机关建设网开设专栏。山东省直机关工委领导给予充分肯定。推进法治枣庄建设。")
    assert (p.city, p.province) == ("枣庄市", "山东省")


def test_a_provincial_meeting_is_not_a_city_briefing():
    p = place("湖北省直机关工委召开党建工作会议", "会议在武汉召开。", "会议在武汉召开。武汉市直机关工委、宜昌市直机关工委作交流发言。")
    assert (p.city, p.province) == (None, "湖北省")


def test_a_visiting_province_leader_leaves_the_own_city():
    p = place("湖北省直机关工委领导来我市调研", "", "宜昌市直机关工委书记陪同调研。宜昌市直机关工委汇报了工作。")
    assert (p.city, p.province) == ("宜昌市", "湖北省")


def test_a_shared_host_reading_only_supports_a_city_the_text_names():
    body = "福州经验值得学习。福州的做法。莆田的做法。莆田经验。"
    assert place("", "", body).city is None  # a tie
    assert place("", "", body, url="http://fuzhou.example.cn/1.html").city == "福州市"
    assert place("", "", "市直机关召开会议。", url="http://fuzhou.example.cn/1.html").city is None


# --- outlets, province-level organs, hosts, words that hide a county ---------------------------


def test_an_outlet_named_in_a_dateline_gives_its_city():
    p = place("", "金山网讯 3月5日上午，市委机关工委召开全市机关党建工作会议。")
    assert (p.city, p.province) == ("镇江市", "江苏省")


def test_an_outlets_host_gives_its_city_with_a_warning():
    p = place("", "市直机关工委召开党支部书记培训会。", url="http://news.jsw.com.cn/a/1.html")
    assert p.city == "镇江市" and said(p, "city", "url host")


def test_a_provincial_outlet_gives_only_its_province():
    p = place("", "市直机关工委召开党支部书记培训会。", meta=["来源：大众日报"])
    assert (p.city, p.province) == (None, "山东省")


@pytest.mark.parametrize("url, city", [("http://www.jiningdj.gov.cn/info/1.htm", "济宁市"),
                                       ("https://qhdzy.hebeicourt.gov.cn/article/detail/1.shtml", "秦皇岛市"),  # 中院
                                       ("https://www.hhhttzb.gov.cn/article/1.html", "呼和浩特市"),  # 统战部
                                       ("http://www.hbdangyangwang.cn/p/1.html", "宜昌市")])  # 湖北 + 当阳 + 网
def test_a_city_pinyin_with_a_site_suffix_in_the_host(url, city):
    assert place("", "市直机关工委召开党支部书记培训会。", url=url).city == city


@pytest.mark.parametrize("title, lead, province", [
    ("省直机关工委召开党建工作推进会", "会议在济南召开，省直各部门机关党委书记参加。", "山东省"),
    ("", "日前，省政协机关党组召开会议。会议在昆明举行，传达学习全国政协有关精神。", "云南省"),
    ("全省发改系统机关党建座谈会召开", "省发改委直属机关党委在厦门召开座谈会。", "福建省"),
])
def test_a_province_level_organ_has_no_city(title, lead, province):
    p = place(title, lead)
    assert (p.city, p.province) == (None, province) and said(p, "city", "province-level organ")


def test_a_city_organ_at_a_provincial_meeting_keeps_its_city():
    p = place("全省机关党建工作推进会召开", "淄博市直机关工委在会上作交流发言，省直机关工委书记出席。")
    assert p.city == "淄博市"


def test_a_county_name_inside_a_word_of_the_title_is_no_place():
    p = place("为中华人民共和国成立七十五周年献礼", "市直机关开展主题党日活动。")
    assert p.city is None


def test_hong_kong_in_a_quoted_speech_is_no_place():
    p = place("", "支部学习习近平总书记在庆祝香港回归祖国25周年大会上的重要讲话，香港特别行政区政府就职。")
    assert p.city is None and p.province is None


def test_a_venue_after_a_few_words():
    p = place("", "习近平总书记在合肥主持召开座谈会。县政协机关党支部组织学习。")
    assert p.city is None


def test_an_archives_own_outlets(tmp_path):
    from briefings.ingest import load_vocabulary

    (tmp_path / "outlets.yml").write_text("- {place: 龙岩市, names: [红土地网], hosts: [hongtudi.example.cn]}\n",
                                          encoding="utf-8")
    outlets = load_vocabulary(tmp_path).outlets
    assert place("", "红土地网讯 市直机关工委召开会议。", outlets=outlets).city == "龙岩市"
    assert place("", "市直机关工委召开会议。", url="http://hongtudi.example.cn/1.html", outlets=outlets).city == "龙岩市"


@pytest.mark.parametrize("text, problem", [
    ("- {place: 龙岩, names: [红土地网]}\n", "not a city or province"),
    ("- {place: 龙岩市}\n", "one at least"),
    ("place: 龙岩市\n", "expected a list"),
    ("- {place: 龙岩市, names: [a, [b]]}\n", "lists of words"),
])
def test_a_broken_outlets_file_names_the_file_and_entry(tmp_path, text, problem):
    from briefings.ingest import load_vocabulary
    from briefings.ingest.extract.programs import VocabularyError

    (tmp_path / "outlets.yml").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=problem) as raised:
        load_vocabulary(tmp_path)
    assert "outlets.yml" in str(raised.value)


def test_a_county_sites_host_points_at_its_prefecture_with_a_warning():
    p = place("", "县直机关工委召开党支部书记培训会。", url="http://djw.haian.gov.cn/zzb/1.html")
    assert p.city == "南通市" and said(p, "city", "county")


def test_a_conjunction_before_a_county_committee_is_no_county():
    p = place("", "会议传达了中央、省市委和县委的部署要求，青川县直机关工委书记作动员讲话。")
    assert p.city == "广元市"


@pytest.mark.parametrize("url, city", [
    ("http://www.fogang.gov.cn/ywdt/1.html", "清远市"),  # 佛冈: pypinyin's first reading is fugang
    ("http://www.lyg01.net/news/1.shtml", "连云港市"),  # a city's initials and digits
])
def test_hosts_read_every_way_a_name_is_read(url, city):
    assert place("", "县直机关工委召开党支部书记培训会。", url=url).city == city


def test_a_known_outlets_name_is_no_county_and_a_portals_host_no_city():
    p = place("", "自治区直属机关工委召开机关党建工作会议。", meta=["来源：天山网"])
    assert p.city is None and p.province == "新疆维吾尔自治区"
    assert place("", "市直机关工委召开党支部书记培训会。", url="http://news.sina.com.cn/s/1.shtml").city is None


def test_a_national_congress_opening_in_beijing_is_no_place_of_the_text():
    p = place("", "中国共产党第十八次全国代表大会在北京隆重开幕。市直机关事务管理局组织收看。",
              url="https://www.yaan.gov.cn/gongkai/show/1.html")
    assert p.city == "雅安市"


def test_a_trip_to_hold_a_party_day_somewhere_is_no_place_of_the_text():
    p = place("", "4月初，市直机关工委组织部分机关党务干部到嘉兴南湖开展“不忘初心、牢记使命”主题党日活动，瞻仰南湖红船。")
    assert p.city is None
    p = place("", "菏泽市直机关工委组织党员到嘉兴南湖开展主题党日活动。", "菏泽市直机关各支部参加。")
    assert p.city == "菏泽市"


def test_a_county_that_holds_its_organs_meeting_is_the_subject():
    p = place("", "昨日，南安召开市直机关党委书记抓基层党建工作述职评议会议。市委常委、组织部长参加会议。")
    assert (p.city, p.province) == ("泉州市", "福建省")
    assert place("", "会议在南安召开，各地代表参加。").city is None  # a venue, not a subject


def test_a_provincial_departments_own_branch_has_no_city():
    p = place("厅机关第七支部积极参加社区志愿服务活动", "根据厅机关党委的安排，7月26日下午，厅机关第七支部党员赴城关区九州大道社区开展志愿服务。",
              url="http://lanzhou.example.com/xinwen/22573835")
    assert p.city is None


def test_a_hosts_city_initials_before_a_sites_own_initials():
    p = place("市直机关文明示范和志愿服务活动启动", "4月25日，市直机关工委在市文化广场举办启动仪式。",
              url="http://m.zjkwmw.gov.cn/index.php?id=1164")
    assert p.city == "张家口市"


def test_a_hosts_two_initials_name_the_one_city_of_the_province_that_has_them():
    lead = "市直机关工委召开会议，传达学习河南省两会精神，部署市直机关党建工作。"
    p = place("市直机关学习贯彻省两会精神", lead, url="http://jzjgdj.example.cn/shizhidangjian/4446.html")
    assert (p.city, p.province) == ("焦作市", "河南省") and said(p, "city", "initials")
    assert place("市直机关学习贯彻省两会精神", lead, url="http://www.example.gov.cn/4446.html").city is None


def test_the_only_city_named_in_passing_is_a_guess_with_a_warning():
    p = place("市直工委召开党员领导干部会议", "5月10日，市直工委召开党员领导干部会议。",
              "会议要求，各级党组织要凝心聚力，为开封更加出彩贡献机关力量。")
    assert (p.city, p.province) == ("开封市", "河南省") and said(p, "city", "only city the text names")
    anonymised = place("区直机关工委工作汇报", "XX区委区直机关工委召开会议。", "会议要求认真落实临沂XX机关党建要求。")
    assert anonymised.province is None  # a text that hides its places says nothing by the one it shows


def test_a_city_the_lead_visits_is_not_the_one_named_in_passing():
    p = place("市妇联机关党支部开展主题党日活动", "6月2日，市妇联机关党支部赴遵义开展主题党日活动。",
              "党员们在遵义会议会址重温入党誓词。")
    assert p.city is None


@pytest.mark.parametrize("body", ["为隆重庆祝中国共产党成立100周年，机关党委举办歌咏比赛。",  # 隆重 + 庆祝, not 重庆
                                  "大家加深了对一些重大理论观点的理解。",  # 重大 + 理论, not 大理
                                  "坚决整治文山会海，为基层减负。"])  # an idiom, not 文山
def test_a_short_name_cut_out_of_two_words_or_an_idiom_is_no_place(body):
    p = place("市直机关工委召开会议", "5月10日，市直机关工委召开会议。", body)
    assert p.city is None and p.province is None


def test_a_county_name_cut_out_of_two_words_in_a_crumb_is_no_place():
    p = place("市人大常委会机关党组召开学习会", "10月22日，市人大常委会机关党组召开学习会。",
              meta=["当前位置: 首页> 人大新闻 > 人大要闻"])
    assert p.city is None  # 人大 + 新闻 holds 大新 (a county of 崇左)


def test_an_office_a_government_keeps_in_another_city_is_not_its_place():
    p = place("市纪委监委开展调研督查", "4月2日，市纪委监委调研组开展调研督查。", "市政府驻北京联络处主任介绍了有关情况。")
    assert p.city is None
    assert place("市纪委监委开展调研督查", "4月2日，市纪委监委调研组开展调研督查。", "为北京更加美好贡献力量。").city == "北京市"


@pytest.mark.parametrize("url, city", [("http://www.jsycjw.gov.cn/a/1", "盐城市"),  # 江苏 + 盐城 + 纪委
                                       ("http://www.zjhzjw.gov.cn/a/1", None),  # hz: 杭州 and 湖州, both 浙江's
                                       ("http://www.ahszgw.gov.cn/a/1", None)])  # 安徽省直工委, not 宿州
def test_a_hosts_province_initials_then_its_one_citys_then_an_organs(url, city):
    p = place("市纪委监委机关召开党建工作会议", "5月10日，市纪委监委机关召开党建工作会议。", url=url)
    assert p.city == city


@pytest.mark.parametrize("url, city", [("http://www.lnzhuanghe.jcy.gov.cn/jcxw/gzdt/1.shtml", "大连市"),  # 辽宁 + 庄河
                                       ("http://sdjinan.example.cn/news/1.html", "济南市"),  # 山东 + 济南
                                       ("http://kjj.gzlps.gov.cn/djgz/202103/t1.html", "六盘水市"),  # 贵州 + lps
                                       ("http://kjj.sdlps.gov.cn/djgz/202103/t1.html", None),  # 六盘水 is not in 山东
                                       ("http://lnwuhan.example.cn/news/1.html", None)])  # 武汉 is not in 辽宁
def test_a_hosts_province_initials_before_a_county_or_city(url, city):
    assert place("院机关党委召开换届选举大会", "机关党委、工会换届选举大会在五楼会议室举行。", url=url).city == city


def test_a_host_alone_says_nothing_against_the_province_the_text_names():
    p = place("", "根据中共内蒙古直属机关工委文件精神，我院开展创先争优活动督查考核。", url="http://sxjiexiu.cn/xwdt/1538.html")
    assert p.city is None
    assert place("", "我院开展创先争优活动督查考核。", url="http://sxjiexiu.cn/xwdt/1538.html").city == "晋中市"


def test_a_street_named_after_another_city_is_no_place():
    p = place("", "今天下午，市政府办公厅党员干部来到结对共建社区——市南区湛山街道盐城路社区开展为民服务活动。",
              url="http://news.qingdaonews.com/zonghe/2019-08/29/content_1.htm")
    assert p.city == "青岛市"
    assert place("", "机关党员来到南京路社区开展志愿服务。").city is None


def test_a_headlines_province_before_a_first_leaves_room_for_the_city():
    p = place("广东首个区县级机关党群服务中心运行", "广州市海珠区直机关工委9日在区机关党群服务中心开展活动。")
    assert (p.city, p.province) == ("广州市", "广东省")
    assert place("广东省直机关工委召开党建工作会议", "会上，广州市海珠区作交流发言。").city is None


def test_an_organs_delegation_on_its_way_is_the_visitor_not_the_city():
    lead = "2月18日，商丘市委直属机关工委一行5人在常务副书记张艳丽的带领下，到周口市委市直机关工委考察交流。"
    p = place("", lead, "周口市直机关工委书记闫冬梅参加活动。商丘工委一行对周口市机关党建工作给予了高度评价。")
    assert p.city == "周口市"
    inspection = place("", "12月15日，临渭区直属机关工委副书记田渭一行4人检查指导环卫中心党建示范点创建工作。")
    assert inspection.city == "渭南市"  # its own inspectors go nowhere else


@pytest.mark.parametrize("url, city, why", [("https://www.kflz.gov.cn/gzdt/1.html", "开封市", "initials"),  # kf + 廉政
                                            ("http://www.example.cn/gzdt/1.html", "开封市", "in passing"),
                                            ("http://www.zzlz.gov.cn/gzdt/1.html", None, "unknown")])  # zz is not 开封
def test_a_mention_in_passing_and_the_hosts_initials_that_agree_give_the_city(url, city, why):
    p = place("市直机关开展警示教育", "机关党员干部观看警示教育片。", "会议要求，为开封更加出彩贡献机关力量。", url=url)
    assert p.city == city and said(p, "city", why)


@pytest.mark.parametrize("title, lead, city", [
    ("吉林全市法院党建工作会议召开", "会议要求，全市法院把党建作为一条红线。", "吉林市"),
    ("吉林中院开展主题党日活动", "近日，吉林中院机关党委组织党员重温入党誓词。", "吉林市"),
    ("吉林省直机关工委召开会议", "会议部署省直机关党建工作。", None),  # the province's organs
])
def test_a_name_a_province_and_a_city_share_is_the_citys_before_its_organs(title, lead, city):
    assert place(title, lead).city == city


def test_a_top_level_domain_spells_no_initials():
    from briefings.ingest.extract.hosts import cities_by_initials

    assert cities_by_initials("http://www.digipub.cc/dy/article/1.html") == set()  # cc: not 长春
    assert "长春市" in cities_by_initials("http://cc.example.com/1.html")
    assert cities_by_initials("http://www.qdnrbs.cn/zwpd/1.html") == {"黔东南苗族侗族自治州"}  # 日报社


@pytest.mark.parametrize("url", ["http://szb.xnnews.com.cn/xnrb/html/1.htm",  # xn + news: 咸宁 or 西宁
                                 "https://www.xnszgw.gov.cn/zhdt/1.html"])  # xn + 市直工委
def test_a_news_or_work_committee_site_of_shared_initials_is_the_city_of_the_province_named(url):
    p = place("省直机关书画作品在我市展出", "8月2日，湖北省直机关廉政书画作品巡展在我市开幕。", url=url)
    assert p.city == "咸宁市"


def test_an_autonomous_regions_organs_have_no_city():
    p = place("2023年自治区直属机关运动会主题展赛活动在乌鲁木齐奥林匹克体育中心体育馆启动",
              "7月9日，2023年自治区直属机关运动会主题展赛活动在乌鲁木齐市奥林匹克体育中心体育馆启动。")
    assert (p.city, p.province) == (None, "新疆维吾尔自治区")
    lead = "11月12日，新疆维吾尔自治区党委政法委机关干部与疏附县站敏乡群众“结对认亲”。"
    assert place("", lead).city is None
    assert place("南宁市青秀区直机关工委召开党建工作会议", "会议在区委党校召开。").city == "南宁市"  # a district's 区直


def test_a_county_reading_two_prefectures_share_needs_the_province():
    lead = "6月11日，县直机关工委组织党员干部开展主题党日活动。"
    assert place("", lead, url="http://m-yangxin.cjyun.org/p/96787.html").city == "黄石市"  # 长江云: 湖北's 阳新
    assert place("", lead, url="http://m-yangxin.example.org/p/96787.html").city is None  # 阳新 or 阳信
    assert place("", "阳信县直机关工委组织党员干部开展主题党日活动。", url="http://yangxin.example.org/p/1.html").city == "滨州市"


def test_a_portals_folder_named_for_a_county():
    p = place("", "3月29日，市直机关工委组织开展志愿服务活动。", url="http://www.abcjf.cn/html/news/taixing/2021/0329/1.html")
    assert p.city == "泰州市"  # 泰兴


def test_a_countys_own_organs_outweigh_the_city_it_trains_in():
    lead = ("10月16日至20日，垦利区直机关工委在遵义市干部学院举办党性意识提升专题培训班，区直机关77名党务干部参加了培训。"
            "此次培训利用遵义特有的历史资源，带领学员看旧居旧址。")
    body = "在遵义干部学院聆听党课。通过培训，垦利区直机关党务干部普遍学到了知识。垦利区直机关将推动党建工作再上新台阶。"
    p = place("", lead, body)
    assert p.city == "东营市" and said(p, "city", "county")


@pytest.mark.parametrize("title, lead, city", [
    # the lead opens on a city's bureau; a historic meeting named after another city is heritage
    ("", "3月23日，长治市档案馆召开主题党日活动，馆长作题为《遵义会议》的党课，讲述遵义政治局扩大会议。", "长治市"),
    # ... or on a county's bureau, with a neighbour's bureau that joins in named more often
    ("靖远县工商质监局开展主题党日活动",
     "6月30日，靖远县工商质监局、定西市安定区质监局联合开展主题党日活动。定西市安定区质监局一行参观。", "白银市"),
    # ... or on a city's bureau whose volunteers clean up beside a place whose name starts like another city's
    ("", "元宵节当天，海口市人社局党员干部与桂林洋开发区志愿者一起开展主题党日活动。", "海口市"),
])
def test_the_first_place_a_lead_names_with_its_organ_is_the_stories_own(title, lead, city):
    assert place(title, lead).city == city


def test_a_place_inside_a_companys_name_is_not_a_lead_subject():
    # 金茂南京: 茂南 (a district of 茂名) is part of a company's name, not an organ's place
    found = place(lead="5月20日，南部新城管委会机关二支部与金茂南京第一事业部党支部开展主题党日活动。",
                  url="https://nbxc.nanjing.gov.cn/xcdt/202005/t20200523_2079416.html")
    assert found.city == "南京市"


def test_a_provincial_organs_visit_escorted_by_a_county_is_still_the_provinces():
    lead = "6月8日，省政协副秘书长带领机关党委的同志深入结对共建点阳新县金湖村调研。一行在阳新县政协领导陪同下察看了两村。"
    assert place(lead=lead).city is None
    hosted = "6月8日，省政协副秘书长到阳新县调研，县政协机关党支部汇报了工作。"
    assert place(lead=hosted).city == "黄石市"


def test_a_citys_own_government_host_settles_two_cities_named_alike():
    lead = "11月23日，在常州和上海两地党员的共同参与下，市政协机关第一党支部开展结对共建活动。"
    assert place(lead=lead).city is None  # 常州 and 上海, each named once
    on_its_site = place(lead=lead, url="https://zx.changzhou.gov.cn/html/czzx/2022/MPFNPFOE_1129/19438.html")
    assert on_its_site.city == "常州市"
    # a mirror's host reading the same (changzhou.example.com) weighs only as a host
    assert place(lead=lead, url="http://changzhou.example.com/a/1.html").city is None


def test_a_delegation_that_visits_our_bureau_is_not_the_citys_own():
    lead = "11月13日下午，市直机关工委副书记带领吉安市机关工委人员来我局参观学习机关文化长廊建设。"
    assert place(lead=lead).city is None


def test_a_citys_initials_before_a_cppccs_zx_name_its_site():
    found = place(lead="8月14日，市政协机关党支部开展主题党日活动。", url="https://hhhtzx.gov.cn:443/jgdja/2104.jhtml")
    assert found.city == "呼和浩特市"


def test_a_citys_initials_are_those_of_how_its_name_is_read():
    from briefings.ingest.extract.hosts import city_initials

    initials = city_initials()
    assert initials["szs"].name == "石嘴山市" and initials["qhd"].name == "秦皇岛市"
    assert "dzs" not in initials and "qwd" not in initials  # 石 as dàn, 皇 as wáng: other readings


def test_an_article_platforms_host_is_no_county():
    # jianpian.cn (简篇) reads as 建平 (a county of 朝阳), as meipian.cn (美篇) might read as another
    found = place(lead="7月1日下午，政府办公室开展庆“七一”活动。", url="https://jianpian.cn/a/17497ll9")
    assert found.city is None


def test_a_countys_pinyin_before_a_cppccs_zx_names_its_site():
    found = place(lead="6月24日，县医保局党支部到盐井村开展主题党日活动。", url="http://www.baoxingzx.com/bxxcz/8476.html")
    assert found.city == "雅安市"  # 宝兴县


def test_a_districts_bureau_that_shows_a_provincial_organs_film_is_not_a_provincial_organ():
    lead = "9月6日，区审计局组织全体党员开展主题党日活动，观看了省委组织部制作的教育片。"
    assert not said(place(lead=lead), "province-level organ")


def test_a_provincial_centres_visit_hosted_by_a_citys_bureau_is_the_provinces():
    lead = "11月29日，四川省退役军人管理服务中心主任带领支部党员到德阳开展主题党日活动。德阳市退役军人事务局局长陪同。"
    found = place(lead=lead)
    assert found.city is None and found.province == "四川省"


@pytest.mark.parametrize("lead, url, province", [
    ("近日，自治区航道发展中心机关第二党支部开展主题党日活动，参观了北海港的码头。", None, "广西壮族自治区"),
    ("省档案馆召开党的建设工作会议，提出5个方面17项具体措施。", "http://paper.dzwww.com/dzrb/content/20191121/a.htm", "山东省"),
    ("7月13日，自治区国土资源厅办公室党支部赴灌阳县联系点开展主题党日活动。", None, "广西壮族自治区"),
])
def test_a_provincial_centre_or_archive_is_a_provincial_organ_not_the_city_it_visits(lead, url, province):
    found = place(lead=lead, url=url)
    assert found.city is None and found.province == province


def test_a_citys_bureau_that_only_escorts_is_not_the_lead_subject():
    lead = "6月5日，德阳市退役军人事务局局长张某陪同客人参观，成都市双流区退役军人事务局党支部开展主题党日活动。"
    assert place(lead=lead).city != "德阳市"


@pytest.mark.parametrize("url, city", [("https://mirror.example.xyz/wwwtaiyuan/jcdt/202103/t1", "太原市"),
                                       ("https://mirror.example.xyz/wwwabcde/jcdt/202103/t1", None)])
def test_a_mirrors_folder_named_for_the_copied_host_gives_its_city(url, city):
    assert place(lead="3月23日下午，市检察院第二检察部党支部开展主题党日活动。", url=url).city == city


def test_a_province_in_an_outlets_dateline_leaves_the_leads_first_place_to_come():
    lead = "湖南民生在线讯（通讯员）3月19日，双峰县粮食局召开全局干部职工大会，动员部署下基层活动。双峰县粮食局全体干部参加。"
    found = place(lead=lead, url="http://www.example.net/a/difang/hengyang/2015/1115/1.html")
    assert found.city == "娄底市"  # the county's bureau is the story's, not the portal's /hengyang/ folder


@pytest.mark.parametrize("lead, city", [
    ("迎接建党90周年之际，嫩江法院组织全体党员干警重温入党誓词。", "黑河市"),  # a county's court
    ("7月1日，武穴市人民检察院机关党委开展主题党日活动。", "黄冈市"),
    ("巴州中级人民法院荣获优秀组织奖。巴州中级人民法院以提升组织力为重点抓基层。", None),  # not 巴州区's: a county has no 中院
    ("今年以来，金塔县院坚持党建引领，三篇请示件得到省检察院回复。", "酒泉市"),  # 县院: the county's court or procuratorate
])
def test_a_places_court_or_procuratorate_is_its_organ(lead, city):
    assert place(lead=lead).city == city


@pytest.mark.parametrize("url, city", [("http://www.jnsw.gov.cn/content/shizhi/content-64-1.html", "济南市"),
                                       ("https://fzjgdj.gov.cn/index.php?c=show&id=1", "福州市")])
def test_a_city_organs_own_site_whose_initials_others_share_is_known(url, city):
    found = place(lead="3月5日，市直机关工委召开会议，部署机关党建工作。", url=url)
    assert found.city == city and said(found, "city", "url host")


@pytest.mark.parametrize("lead", [
    "12月2日，市人大常委会机关党组中心组集体学习会召开。肖晓华、黄山、韩成、刘各行四位同志作学习交流发言。",
    "12月2日，市人大常委会机关党组中心组召开集体学习会，黄山同志作交流发言。",
    "12月2日，县政协机关召开党员大会，安庆委员宣读了倡议书。",
])
def test_a_person_named_like_a_place_is_no_place(lead):
    assert place(lead=lead).city is None


@pytest.mark.parametrize("title, lead, city, province", [
    ("省检察院机关党委与徐州铁检院联合开展主题党日活动", "近日，省检察院机关党委党支部与徐州铁路运输检察院党总支在徐州联合开展主题党日活动。",
     None, "江苏省"),
    ("", "3月12日，贵州法院系统党建工作现场会在遵义召开，总结交流全省法院党建工作经验。贵州高院党组副书记出席。",
     None, "贵州省"),
    # a city's court with the province's visitors stays the city's
    ("遵义中院召开党建工作会议", "3月12日，遵义中院召开党建工作会议，省高院政治部有关负责同志到会指导。", "遵义市", "贵州省"),
])
def test_a_provinces_court_or_procuratorate_is_a_provincial_organ(title, lead, city, province):
    found = place(title, lead)
    assert (found.city, found.province) == (city, province)


@pytest.mark.parametrize("lead, city", [
    ("近日，区应急管理局党委组织党员赴科普馆，了解周恩来总理在邢台大地震后三次亲赴灾区的事迹。", None),  # history
    ("9月15日，兰州市榆中县地震局组织党员干部开展主题党日活动。", "兰州市"),  # an organ
])
def test_an_earthquake_named_for_a_place_is_its_history_not_its_news(lead, city):
    assert place(lead=lead).city == city


@pytest.mark.parametrize("lead", [
    "10月9日，江永县妇联党组集中学习习近平总书记在纪念北京世界妇女大会30周年会议上的讲话，回顾北京世界妇女大会的历程。",
    "3月2日，江永县文旅局党支部组织党员观看北京冬奥会开幕式，为北京冬奥会加油。",
])
def test_an_event_named_after_its_host_city_is_no_place_of_the_story(lead):
    assert place(lead=lead).city == "永州市"


@pytest.mark.parametrize("url, city", [("https://zjj.huainan.gov.cn/djyd/1.html", "淮南市"),  # 住建局, not 张家界
                                       ("https://www.zjj.gov.cn/djyd/1.html", "张家界市")])  # its own host
def test_a_bureaus_initials_as_a_subdomain_are_no_citys(url, city):
    assert place(lead="3月5日，局机关党支部开展主题党日活动。", url=url).city == city


@pytest.mark.parametrize("lead, body, city", [
    ("今年以来，市公安局以教育实践活动为契机，加强队伍管理。", "制定下发了《中共桐乡市公安局教育实践活动学习安排表》。", "嘉兴市"),
    ("3月5日，县审计局党支部开展主题党日活动。", "会后，中共宝兴县审计局支部委员会研究了下一步工作。", "雅安市"),
    # a partner's organ, or a visited one, is not the writer's own
    ("市林业局以党建品牌为载体，推进党建与林业融合。", "与常德市、益阳市林业局共同签订党建联盟协议。", None),
    ("市林业局组织党员赴外地学习。", "党员们到益阳市林业局学习林长制经验。", None),
    # two places' organs of that name: none is sure
    ("市林业局召开党建工作会议。", "桐乡市林业局介绍了经验。益阳市林业局作了发言。", None),
])
def test_a_leads_unnamed_organ_takes_the_place_of_its_full_name_in_the_text(lead, body, city):
    found = place(lead=lead, body=body)
    assert found.city == city
    assert not city or said(found, "city", "full name")


@pytest.mark.parametrize("lead, province", [
    # a local organ's official who attends is a host, not the story's subject
    ("4月24日，省委省直机关工委离退休干部来我县开展党性教育活动。县政协主席杨某参加活动。", None),
    ("9月11日，全省机关党建交流活动在温州举办。省直机关工委常务副书记出席并讲话。温州市委常委、秘书长、机关工委书记陈某出席并致辞。",
     "浙江省"),
    # a provincial department's divisions and stations (科财处…党支部, 监测中心站党委)
    ("2月17日，省生态环境厅科财处党支部、省环境监测中心站党委联合西安市生态环境局、市环境监测站党组织开展主题党日活动。", "陕西省"),
])
def test_a_provincial_organs_story_in_a_city_that_only_attends_or_partners_is_the_provinces(lead, province):
    found = place(lead=lead)
    assert found.city is None and said(found, "province-level organ")
    assert province is None or found.province == province


def test_a_city_the_lead_goes_to_is_visited_in_the_body_too():
    lead = "日前，市委市直机关工委理论学习中心组成员赴莆田市开展实地践学，学习木兰溪治理经验。"
    body = lead + "一行人还参观了莆田市直机关党员政治生活馆，这是莆田市委市直机关工委打造的教育阵地。莆田市的做法值得学习。"
    assert place(lead=lead, body=body, url="https://fzjgdj.gov.cn/index.php?c=show&id=2").city == "福州市"
    assert place(lead=lead, body=body).city != "莆田市"


@pytest.mark.parametrize("title, lead", [
    ("国家统计局机关党委开展结对共建活动", "近日，国家统计局机关党委与北京市西城区某社区党委开展结对共建，服务群众。"),
    ("", "近日，中央和国家机关工委在北京召开机关党建工作推进会。"),
])
def test_a_national_organ_the_story_opens_with_has_no_city_or_province(title, lead):
    found = place(title=title, lead=lead)
    assert found.city is None and found.province is None and said(found, "national organ")


@pytest.mark.parametrize("title, lead, city", [
    # a local branch of a national organ is its place's
    ("国家税务总局济南市税务局召开机关党建工作会议", "3月5日，国家税务总局济南市税务局召开会议。", "济南市"),
    ("国家统计局聊城调查队开展主题党日活动", "7月1日，国家统计局聊城调查队党支部开展主题党日活动。", "聊城市"),
])
def test_a_national_organs_local_branch_is_its_places(title, lead, city):
    assert place(title=title, lead=lead).city == city


def test_a_headline_that_opens_with_a_citys_organ_is_the_citys_even_at_a_provincial_meeting():
    title = "济南市住建局“四位一体”思政工作法在全省政研会上获推广"
    lead = "7月15日，全省住建系统思想政治工作研究会在济南召开，济南市住建局作典型发言。"
    assert place(title=title, lead=lead).city == "济南市"


def test_a_provincial_museum_visited_is_no_provincial_organ():
    lead = "11月21日，我局组织干部职工前往韶山、花明楼、省博物馆等红色教育基地，开展主题党日活动。"
    found = place(lead=lead, url="https://yueyang.gov.cn/web/2570/content_2332125.html")
    assert found.city == "岳阳市" and not said(found, "province-level organ")


@pytest.mark.parametrize("url, city", [("http://www.hhlc.gov.cn/info/1081/1.htm", "红河哈尼族彝族自治州"),  # 红河 + 绿春
                                       ("http://www.ynzk.gov.cn/info/1017/1.htm", "临沧市"),  # 云南 + 镇康
                                       ("http://cqszx.gov.cn/bm/1.html", "重庆市"),  # 重庆 + 石柱县
                                       ("http://www.hhlc.com/info/1.htm", None),  # not a government's: chance
                                       ("http://www.jccq.gov.cn/cqzx/1.shtml", None)])  # 城区 of several jc cities
def test_a_government_host_of_an_areas_initials_then_one_of_its_countys(url, city):
    p = place("县直机关工委召开会议", "5月10日，县直机关工委召开会议。", url=url)
    assert p.city == city


@pytest.mark.parametrize("url, city", [("http://tongguan.wndjlm.org.cn/djjj/1.htm", "渭南市"),  # 潼关, with wn: 渭南
                                       ("http://tongguan.example.org.cn/djjj/1.htm", None),  # 潼关 or 铜官
                                       ("https://rd.fuzhou.gov.cn/zsjs/1.htm", None)])  # 福州 or 抚州
def test_a_shared_reading_settled_by_another_label_of_the_host(url, city):
    p = place("交通运输局党委召开表彰大会", "6月28日，交通运输局党委召开庆七一暨党建工作表彰大会。", url=url)
    assert p.city == city


def test_a_title_that_places_a_county_by_its_province_leaves_the_city_to_its_organs():
    """浙江安吉 in a headline locates 安吉 (of 湖州); the province is not the subject, the
    county's organ 湖州市安吉县税务局 in the lead is."""
    found = place("浙江安吉税务：“红色引擎”助推党建品牌", "近日，湖州市安吉县税务局机关党支部开展主题党日活动。湖州市安吉县税务局党员参加。")
    assert (found.city, found.province) == ("湖州市", "浙江省")
    about_the_province = place("浙江省直机关工委召开党建工作会议", "近日，湖州市安吉县税务局机关党支部开展主题党日活动。")
    assert about_the_province.city is None and about_the_province.province == "浙江省"
