"""Extraction of title, source and original url from cleaned text and the noise lines it dropped."""

import pytest
from briefings.ingest.extract.titles import find_source, find_title, find_url, title_from_first_sentence
from briefings.model import Block, Cleaned, Dropped


def cleaned(paragraphs=("正文第一段，内容充实。",), headline=None, dropped=()):
    blocks = tuple(Block("paragraph", text) for text in paragraphs)
    return Cleaned(blocks=blocks, headline=headline, dropped=tuple(Dropped(text, reason) for text, reason in dropped))


def test_headline_is_the_title():
    guess = find_title(cleaned(headline="驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开"))
    assert guess.value == "驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开" and not guess.warnings


def test_column_prefix_glued_to_a_headline_is_removed():
    guess = find_title(cleaned(dropped=[("查看完整版本: 权威发布2021年济宁市直机关党建工作亮", "footer")]))
    assert guess.value == "2021年济宁市直机关党建工作亮"


@pytest.mark.parametrize("headline", ["关于全市模范机关创建工作的调研报告.docx", "关于全市模范机关创建工作的调研报告.PDF"])
def test_a_document_librarys_file_extension_is_no_part_of_the_title(headline):
    assert find_title(cleaned(headline=headline)).value == "关于全市模范机关创建工作的调研报告"


def test_bracketed_column_prefix_is_removed():
    assert find_title(cleaned(headline="【工作动态】绵阳市直机关召开党建工作会")).value == "绵阳市直机关召开党建工作会"


def test_speech_title_named_by_a_repost_footer():
    guess = find_title(cleaned(dropped=[("未经允许不得转载:101写作网 » 在全省机关党建现场观摩推进会上的汇报发言", "footer")]))
    assert guess.value == "在全省机关党建现场观摩推进会上的汇报发言" and not guess.warnings


def test_title_from_the_last_part_of_a_crumb():
    guess = find_title(cleaned(dropped=[("当前位置：首页 > 工作动态 > 宜昌市直机关工委召开2019年机关党建工作会议", "crumb")]))
    assert guess.value == "宜昌市直机关工委召开2019年机关党建工作会议"


@pytest.mark.parametrize("crumb", ["当前位置:首页 > 本委动态", "首页 > 新闻中心 > 政务要闻"])
def test_a_crumb_ending_in_a_columns_name_names_no_title(crumb):
    guess = find_title(cleaned(paragraphs=["市直机关举办“庆元旦、迎新年”趣味活动", "12月30日，市直机关工委举办趣味活动。"],
                               dropped=[(crumb, "crumb")]))
    assert guess.value == "市直机关举办“庆元旦、迎新年”趣味活动"


def test_crumb_ending_in_zhengwen_names_no_title_so_one_is_made_up_with_a_warning():
    guess = find_title(cleaned(
        paragraphs=["今天上午,菏泽市市直机关2023年度党的建设工作情况新闻发布会召开,邀请市委市直机关工委相关负责人介绍情况。"],
        dropped=[("您当前位置:荷泽市-中国菏泽市-菏泽新闻网 > 权威发布 > 正文", "crumb")],
    ))
    assert guess.value == "菏泽市市直机关2023年度党的建设工作情况新闻发布会召开"
    assert guess.warnings and guess.warnings[0].field == "title"
    assert "made up" in guess.warnings[0].message


def test_made_up_title_skips_a_leading_date_and_time():
    text = "5月20日上午，柳州市直机关工委召开党支部书记培训会，各单位党组织书记参加。"
    assert title_from_first_sentence(cleaned([text])) == "柳州市直机关工委召开党支部书记培训会"


def test_overlong_title_is_shortened():
    assert len(find_title(cleaned(headline="很" * 200)).value) == 80


def test_url_from_a_labelled_line_only():
    guess = find_url(cleaned(dropped=[
        ("白癜风可以生姜擦吗 https://m.39.net/pf/a_4673229.html", "ad"),
        ("Original URL: http://lib.sdsqw.cn/bin/mse.exe?seachword=&K=b4&A=6&rec=16&run=13", "meta"),
    ]))
    assert guess.value == "http://lib.sdsqw.cn/bin/mse.exe?seachword=&K=b4&A=6&rec=16&run=13"


def test_url_label_in_chinese():
    guess = find_url(cleaned(dropped=[("原文链接：https://www.jhnews.com.cn/2020/0506/123.shtml", "meta")]))
    assert guess.value == "https://www.jhnews.com.cn/2020/0506/123.shtml"


def test_an_ad_url_is_not_the_original_url():
    guess = find_url(cleaned(dropped=[("白癜风可以生姜擦吗 https://m.39.net/pf/a_4673229.html", "ad")]))
    assert guess.value is None and guess.warnings[0].field == "url"


def test_source_from_a_source_label_in_a_byline():
    guess = find_source(cleaned(dropped=[("2021-12-01 19:35 来源:驻马店网 责任编辑:刘灵", "byline")]), None)
    assert guess.value == "驻马店网"


def test_source_label_with_full_width_colon_and_spaces():
    guess = find_source(cleaned(dropped=[("作者: 荷泽新闻网 来源： 荷泽新闻网 发表时间:2024-01-02", "byline")]), None)
    assert guess.value == "荷泽新闻网"


def test_source_from_a_dateline():
    guess = find_source(cleaned(["齐鲁网·闪电新闻12月6日讯12月6日上午,济宁市政府新闻办组织召开新闻发布会。"]), None)
    assert guess.value == "齐鲁网·闪电新闻"


def test_source_from_a_site_dateline_with_reporter():
    guess = find_source(cleaned(["驻马店网讯(记者  张丽丽)12月1日,驻马店市委直属机关工委组织召开讲评会。"]), None)
    assert guess.value == "驻马店网"


def test_source_from_a_repost_footer():
    guess = find_source(cleaned(dropped=[("未经允许不得转载:101写作网 » 在全省机关党建现场观摩推进会上的汇报发言", "footer")]), None)
    assert guess.value == "101写作网"


def test_source_from_the_site_name_in_a_crumb():
    guess = find_source(cleaned(dropped=[("您当前位置:荷泽市-中国菏泽市-菏泽新闻网 > 权威发布 > 正文", "crumb")]), None)
    assert guess.value == "菏泽新闻网"


def test_source_falls_back_to_the_url_host_with_a_warning():
    guess = find_source(cleaned(), "http://lib.sdsqw.cn/bin/mse.exe?rec=16")
    assert guess.value == "lib.sdsqw.cn"
    assert "host" in guess.warnings[0].message


def test_no_source_at_all_is_a_warning():
    guess = find_source(cleaned(), None)
    assert guess.value is None and guess.warnings[0].field == "source"


def test_a_crumbs_label_is_no_title():
    guess = find_title(cleaned(dropped=[("您现在的位置:", "crumb"), ("首页 > 群团工作", "crumb")]))
    assert guess.value != "您现在的位置"


@pytest.mark.parametrize("lead, title", [
    ("本报讯(记者 张昕)3月14日,2024年某市机关党的工作会议召开,部署今年工作。", "2024年某市机关党的工作会议召开"),
    ("湖北網訊(記者 熊文勝 通訊員 伍志峰)7月1日上午,市直機關召開慶祝大會。", "市直機關召開慶祝大會"),
    ("金山讯 3月5日上午,市委市级机关工委召开机关党建工作会议。", "市委市级机关工委召开机关党建工作会议"),
])
def test_a_made_up_title_leaves_out_the_outlet_and_its_reporters(lead, title):
    assert title_from_first_sentence(cleaned((lead,))) == title


def test_a_disclosure_tables_name_label_is_not_part_of_the_title():
    assert find_title(cleaned(headline="名称: 党建引领聚合力 联建共建促提升")).value == "党建引领聚合力 联建共建促提升"


@pytest.mark.parametrize("lead, title", [
    ("在第46个植树节来临之际，市直机关工委组织党员干部开展义务植树活动。", "市直机关工委组织党员干部开展义务植树活动"),
    ("为深入贯彻党的二十大精神，按照市委统一部署，市商务局召开党建述职评议大会。", "市商务局召开党建述职评议大会"),
    ("为深入贯彻党的二十大精神。", "为深入贯彻党的二十大精神"),  # nothing but the scene: it stays
    ("编者按：为深入贯彻党的建设重要思想，市政府办公室党组开展“四强”党支部创建。", "市政府办公室党组开展“四强”党支部创建"),
])
def test_a_made_up_title_skips_the_clauses_that_set_the_scene(lead, title):
    assert title_from_first_sentence(cleaned(paragraphs=(lead,))) == title


def test_a_reposts_original_title_names_the_page_when_no_headline_is_left():
    guess = find_title(cleaned(dropped=[("原标题:【党建引领】某县:“银发”绽芳华,余热更“火热”", "meta")]))
    assert guess.value == "某县:“银发”绽芳华,余热更“火热”"


def test_a_crumb_of_one_item_names_no_page():
    found = find_title(cleaned(["国家统计局党员干部深入社区开展志愿服务，结对共建解难题。"],
                               dropped=[("首页English", "crumb"), ("• 时政", "crumb")]))
    assert found.value != "首页English" and found.made_up
    named = find_title(cleaned(["正文第一段，内容充实。"], dropped=[("首页 > 机关党建 > 市直机关工委召开党建工作会议", "crumb")]))
    assert named.value == "市直机关工委召开党建工作会议"
