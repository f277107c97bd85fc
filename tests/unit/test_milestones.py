"""Events that date a text (briefings.ingest.extract.milestones) and the year they give (years.py)."""

from __future__ import annotations

import pytest
from briefings.ingest.extract.milestones import ANNIVERSARY, COMING, PAST, chinese_number, milestones
from briefings.ingest.extract.years import find_year
from briefings.model import Block, Cleaned


def cleaned(*paragraphs: str) -> Cleaned:
    return Cleaned(tuple(Block("paragraph", text) for text in paragraphs), None, ())


@pytest.mark.parametrize("text, year", [
    ("市直机关工委举办纪念建党90周年歌咏比赛。", 2011),
    ("今年是新中国成立六十周年，机关党员干部精神饱满。", 2009),
    ("为庆祝改革开放四十周年，工委组织主题征文。", 2018),
    ("喜迎建党百年华诞，各支部开展党史学习。", 2021),
    ("纪念红军长征胜利80周年座谈会在市委党校举行。", 2016),
    ("庆祝中国共产党成立一百零一周年暨七一表彰大会召开。", 2022),
])
def test_an_anniversary_dates_the_text(text, year):
    found = milestones(text)
    assert [(m.year, m.kind) for m in found] == [(year, ANNIVERSARY)]


@pytest.mark.parametrize("text, year", [
    ("在第二十八个世界读书日到来之际，机关读书会开展共读活动。", 2023),
    ("4月23日是第27届世界读书日，区纪委监委机关开展读书分享会。", 2022),
    ("迎接第113个“三八”国际劳动妇女节，工委女职工委员会举办插花活动。", 2023),
    ("围绕第十个全民国家安全教育日，各支部开展知识竞答。", 2025),
    ("第三十二次全国助残日，机关党员走进康复中心。", 2022),
])
def test_a_numbered_yearly_day_dates_the_text(text, year):
    assert [(m.year, m.kind) for m in milestones(text)] == [(year, ANNIVERSARY)]


def test_a_local_series_number_before_a_day_is_not_its_count():
    assert milestones("工委举办第三届“世界读书日”征文比赛。") == []
    guess = find_year(cleaned("4月23日，第二十九个世界读书日当天，市直机关工委开展“书香机关”读书分享会。"), "", None)
    assert guess.year == 2024 and "世界读书日" in guess.evidence


def test_an_anniversary_in_the_name_of_a_speech_dates_the_speech_not_the_text():
    assert milestones("深入学习习近平总书记在庆祝中国共产党成立95周年大会上的重要讲话。") == []


@pytest.mark.parametrize("text, year, kind", [
    ("以优异成绩迎接党的十八大胜利召开。", 2012, COMING),
    ("深入学习贯彻党的十九届四中全会精神。", 2019, PAST),
    ("党的二十大以来，机关党建取得新成效。", 2022, PAST),
    ("喜迎党的第二十次全国代表大会召开。", 2022, COMING),
])
def test_congresses_and_plenums(text, year, kind):
    assert [(m.year, m.kind) for m in milestones(text)] == [(year, kind)]


def test_numbers_that_are_not_congresses():
    assert milestones("市第五次党代会召开，部署十大行动。") == []


@pytest.mark.parametrize("text, number", [("十", 10), ("十五", 15), ("九十五", 95), ("一百", 100),
                                          ("一百零一", 101), ("两百", 200), ("70", 70), ("周", None)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


def test_a_celebrated_anniversary_gives_the_year_when_nothing_else_does():
    guess = find_year(cleaned("为纪念建党90周年，市直机关各党组织开展形式多样的活动。"), "", None)
    assert guess.year == 2011 and "celebrates" in guess.evidence


def test_an_awaited_congress_outweighs_a_later_address():
    guess = find_year(cleaned("同志们：以优异成绩迎接党的十七大胜利召开。"), "",
                      None, "https://example.cn/article/200803/1.html")
    assert guess.year == 2007


def test_events_of_two_years_leave_the_year_blank():
    guess = find_year(cleaned("纪念建党90周年，喜迎党的十八大召开，工委部署工作。"), "", None)
    assert guess.year is None and "several years" in guess.warnings[0].message


def test_a_text_year_older_than_a_past_congress_it_cites_is_no_answer():
    guess = find_year(cleaned("党的二十大以来，工委持续推进。2019年，工委成立学习小组。"), "", None)
    assert guess.year is None


@pytest.mark.parametrize("text, year, kind", [
    ("市直机关扎实开展党史学习教育。", 2021, "campaign"),
    ("巩固拓展党史学习教育成果，推动工作落实。", 2021, PAST),
    ("深入开展“不忘初心、牢记使命”主题教育。", 2019, PAST),  # two years: it bounds the year only
    ("认真开展“三严三实”专题教育。", 2015, "campaign"),
    ("区检察院党组以队伍教育整顿为契机，筑牢思想基础。", 2021, "campaign"),  # the 政法 campaign's short name
    ("巩固政法队伍教育整顿成果，持续正风肃纪。", 2021, PAST),
    ("扎实开展中央八项规定精神学习教育。", 2025, "campaign"),  # named without 深入贯彻
])
def test_campaigns_and_the_years_they_ran(text, year, kind):
    assert [(m.year, m.kind) for m in milestones(text)] == [(year, kind)]


def test_the_struggle_against_the_epidemic_named_so_dates_a_text_to_2020():
    text = cleaned("机关党员干部下沉社区，坚决打赢疫情防控阻击战。")
    assert find_year(text, "", None).year == 2020
    assert find_year(cleaned("机关党员干部下沉社区，做好常态化疫情防控。"), "", None).year is None


def test_a_one_year_campaign_dates_a_text_with_nothing_else():
    assert find_year(cleaned("机关各党支部扎实开展党纪学习教育，组织专题读书班。"), "", None).year == 2024


@pytest.mark.parametrize("text, year", [
    ("今年是“十四五”规划开局之年，也是全面建设社会主义现代化国家新征程开启之年。", 2021),
    ("今年是全面贯彻党的二十大精神的开局之年。", 2023),
    ("今年是“十三五”收官之年。", 2020),
])
def test_what_a_year_is_called_gives_it(text, year):
    assert find_year(cleaned(text, "市直机关工委召开工作会议。"), "", None).year == year


def test_a_campaign_launched_at_every_level_in_one_year_dates_its_launch():
    assert [(m.year, m.kind) for m in milestones("召开“两学一做”学习教育动员部署会。")] == [(2016, "launch")]
    assert [(m.year, m.kind) for m in milestones("召开创先争优活动动员大会。")] == [(2010, "launch")]
    # 群众路线's second batch launched a year after the first: its launch dates nothing
    assert [m.kind for m in milestones("召开党的群众路线教育实践活动动员大会。")] == [PAST]


def test_a_plenum_the_headline_studies_gives_its_year_but_one_the_body_cites_does_not():
    body = cleaned("宣讲团成员围绕全会精神作了深入解读。")
    assert find_year(body, "学习贯彻党的十九届五中全会精神宣讲会举行", None).year == 2020
    cited = cleaned("会议要求，深入学习贯彻党的二十届三中全会精神，推动工作落实。")
    assert find_year(cited, "", None).year is None


@pytest.mark.parametrize("lead, year", [
    ("11月2日，市税务局机关党委召开会议，传达学习党的二十大精神。", 2022),  # held in October 2022
    ("3月15日，市档案馆党支部开展主题党日，深入学习贯彻党的二十大精神。", 2023),
    ("12月20日，区直机关工委召开会议，学习贯彻党的十九届六中全会精神。", 2021),  # November 2021
    ("8月6日，县直机关工委举办读书班，学习贯彻党的二十届三中全会精神。", 2024),  # July 2024
    ("9月28日，机关党总支举办以“二十届三中全会知识竞赛”为题的活动，围绕党的二十届三中全会精神答题。", 2024),
    ("5月10日，机关党委组织党员学习党的十八届三中全会精神。", 2014),  # November 2013
    # studied once is enough: the plenum's 《决定》 named again need not be studied as well
    ("11月9日，局党委中心组传达学习十六届六中全会精神，学习十六届六中全会通过的《决定》。", 2006),
])
def test_a_dateline_after_the_latest_congress_or_plenum_the_text_studies_gives_its_year(lead, year):
    guess = find_year(cleaned(lead), "", None)
    assert guess.year == year
    assert any(w.field == "year" and "studies" in w.message for w in guess.warnings)


@pytest.mark.parametrize("lead", [
    "市税务局机关党委召开会议，传达学习党的二十大精神。",  # no dateline: no month to place it by
    "11月2日，市税务局党委召开会议，听取党的二十大筹备情况介绍。",  # named, not studied
    "3月15日，机关党支部学习党的二十大精神，回顾党的二十届三中全会以来的工作。",  # a later plenum is not studied
])
def test_a_congress_named_without_a_dateline_or_without_being_studied_gives_no_year(lead):
    assert find_year(cleaned(lead), "", None).year is None


@pytest.mark.parametrize("lead, year", [
    ("2月17日下午，市直机关召开2022年度党组织书记述职评议大会。", 2023),
    ("12月23日下午，区级机关工作党委召开2024年度直属党组织书记述职评议会。", 2024),
    ("为深入贯彻党的二十大精神，2月20日，召开2024年度机关党的建设工作会议。", 2024),
])
def test_a_meeting_on_a_years_work_is_dated_by_the_month_it_meets(lead, year):
    title = lead.split("召开", 1)[1].rstrip("。") + "召开"
    assert find_year(cleaned(lead), title, None).year == year


@pytest.mark.parametrize("lead, year", [
    ("为推进全面从严治党，区农委党委于1月25日下午召开2018年度党支部书记抓基层党建述职评议会。", 2019),
    ("为推进全面从严治党，区农委党委于12月25日下午召开2018年度党支部书记抓基层党建述职评议会。", 2018),
    ("为做好今年工作，区农委党委于2月20日召开2019年度机关党建工作会议，部署全年任务。", 2019),
])
def test_a_meeting_on_a_years_work_in_a_lead_without_a_headline_is_dated_by_its_month(lead, year):
    title = lead.split("，", 1)[0]  # the title made up from the lead's first words names no year
    assert find_year(cleaned(lead), title, None, made_up=True).year == year


def test_a_review_of_a_years_work_in_march_is_of_the_year_after():
    lead = "3月5日，市直工委副书记一行对市交通局2020年度机关党建工作进行考评。"
    assert find_year(cleaned(lead), "市直工委对市交通局2020年度机关党建工作进行考评", None).year == 2021


@pytest.mark.parametrize("lead, year", [
    ("3月9日上午，市农业农村局召开2021年机关党建工作会议，回顾2020年工作，部署今年任务。", 2021),
    ("为期三天的2019年市直机关入党积极分子培训班圆满结束，2018年度优秀学员受表彰。", 2019),
])
def test_an_event_named_with_its_year_dates_an_undated_text(lead, year):
    guess = find_year(cleaned(lead), "", None)
    assert guess.year == year and "by their year" in guess.evidence


def test_a_review_named_with_a_year_or_a_later_year_named_leaves_the_event_rule_out():
    review = find_year(cleaned("2月20日，工委召开2022年述职评议会议，2021年工作受到肯定。"), "", None)
    assert "by their year" not in review.evidence
    later = find_year(cleaned("工委召开2019年党建工作会议。2020年，工委将继续推进模范机关创建。"), "", None)
    assert later.year != 2019


def test_a_start_written_in_traditional_characters_counts_as_little_as_in_simplified():
    text = "近期，縣質監局開展黨費收繳清理工作，對2008年以來黨員交納黨費情況進行核查。"
    guess = find_year(cleaned(text), "", "2016-10-27")
    assert guess.year == 2016


def test_a_page_later_than_the_congress_its_text_awaits_is_a_copy_whatever_today_says():
    text = ("7月19日，市直机关工委召开党建工作创新大赛复赛评审会。大赛自今年4月启动以来，"
            "共收到作品151份，以实际行动迎接党的二十大胜利召开。")
    guess = find_year(cleaned(text), "党建工作创新大赛复赛启动", "2024-11-11")
    assert guess.year is None and "2022" in guess.warnings[0].message


def test_a_lead_dated_in_the_weeks_before_an_early_page_is_news_of_that_year_not_last_years_summary():
    lead = "2月23日，《人民日报》以“选派机关干部下沉小区”为题，报道我市的做法。2022年，市里向老旧小区派驻工作队。"
    assert find_year(cleaned(lead), "人民日报点赞我市机关干部下沉小区", "2023-02-24").year == 2023
    undated = "市直机关工委扎实推进机关党建。2022年，共组织集中培训12期，建成示范支部30个。"  # last year's, or this year's
    assert find_year(cleaned(undated), "市直机关工委扎实推进机关党建", "2023-02-24").year is None


def test_an_anniversary_past_any_plausible_year_is_garbled_and_does_not_conflict():
    text = "今年是中国共产党成立99周年。市直机关举办文艺晚会，庆祝中华人民共和国成立99周年。"
    assert [m.year for m in milestones(text) if m.kind == ANNIVERSARY] == [2020]
    assert find_year(cleaned(text), "", None).year == 2020


@pytest.mark.parametrize("text, year", [
    ("为庆祝中国人民解放军成立95周年，机关党支部走访慰问退役军人。", 2022),
    ("今年是党的十九大召开之年，工委把学习宣传作为首要任务。", 2017),
])
def test_what_the_army_day_and_a_congress_year_are_called_date_the_text(text, year):
    assert year in [m.year for m in milestones(text) if m.kind == ANNIVERSARY]


def test_a_review_of_a_years_work_that_looks_ahead_to_the_next_is_held_in_the_next():
    lead = "昨日，召开2023年度机关党委书记述职评议会，各书记汇报2023年度工作和2024年工作思路。"
    guess = find_year(cleaned(lead), "召开2023年度机关党委书记述职评议会", None)
    assert guess.year == 2024 and "2024" in guess.warnings[0].message
    # ... but naming a year further on says nothing of when it met
    lead = "昨日，召开2023年度述职评议会，部署2024年任务，展望2025年目标。"
    assert find_year(cleaned(lead), "召开2023年度述职评议会", None).year is None


@pytest.mark.parametrize("lead, year", [
    ("在“不忘初心、牢记使命”主题教育中，机关在职党员到社区报到服务群众。", 2019),
    ("会上，作深入学习实践科学发展观活动总结报告，指导组组长作点评。", 2009),
    ("机关党委扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育，组织专题读书班。", 2023),
])
def test_an_undated_text_of_a_campaign_that_ran_mostly_in_one_year_is_of_that_year(lead, year):
    guess = find_year(cleaned(lead), "", None)
    assert guess.year == year and "ran mostly" in guess.warnings[0].message


@pytest.mark.parametrize("lead", [
    "群众路线教育实践活动开展以来，机关作风明显好转。",  # June 2013 - October 2014: no year holds most
    "在“不忘初心、牢记使命”主题教育中，机关党员到社区报到。2021年，工委总结经验。",  # a year named: not this rule
])
def test_a_campaign_without_a_main_year_or_beside_a_named_year_is_not_guessed_so(lead):
    guess = find_year(cleaned(lead), "", None)
    assert not any("ran mostly" in warning.message for warning in guess.warnings)


def test_a_years_democratic_life_meeting_met_early_the_next_year():
    lead = "2月2日下午，区人大常委会党组召开2017年度民主生活会，通报2016年度民主生活会整改措施落实情况。"
    assert find_year(cleaned(lead), "区人大常委会党组召开2017年度民主生活会", None).year == 2018


def test_a_template_sites_address_month_is_when_it_copied_the_text():
    lead = "新一轮民主评议机关工作昨日启动，*个市直机关将接受人民群众评议。"
    url = "https://1mishu.com/article/lidaojianhua/dwdangjian/200806/88020.html"
    assert find_year(cleaned(lead), "", None, url).year is None
    # ... while the text's own evidence still counts: it awaits a congress
    awaits = "省直机关党建座谈会指出，要以优异成绩迎接党的十七大胜利召开。"
    assert find_year(cleaned(awaits), "", None, "https://www.1mishu.com/article/yjzc/hyfy/200807/90520.html").year == 2007


def test_a_text_that_calls_a_year_by_another_years_anniversary_had_its_years_changed():
    text = "2023年是中国共产党成立一百周年，是“十四五”开局之年，市直机关工委将狠抓重点工作。"
    guess = find_year(cleaned(text), "2023年市直机关宣传工作要点", None)
    assert guess.year is None and "changed" in guess.warnings[0].message
    # ... while a year called by its own anniversary is that year
    assert find_year(cleaned("2021年是中国共产党成立一百周年，工委组织系列活动。"), "", None).year == 2021


def test_a_campaign_of_one_year_kept_up_is_behind_the_text():
    text = "区直机关工委推动党史学习教育常态化制度化，今年以来组织专题学习12次。"
    assert [m.kind for m in milestones(text)] == [PAST]
    assert find_year(cleaned(text), "", None).year is None
    # two years' campaign kept up within its own span is not pushed later (两学一做, 2016-2017)
    assert [m.last for m in milestones("推进“两学一做”学习教育常态化制度化")] == [2017]


@pytest.mark.parametrize("lead, date, year", [
    ("12月26日下午，市住建局机关党委赴梁弄镇开展结对共建活动。", "2020-01-08", 2019),
    ("2019年12月31日下午，县机关党建述职评议会召开，各部门书记接受质询。", "2020-01-10", 2019),
    ("将于12月26日召开全市机关党建工作推进会，各单位做好准备。", "2020-01-08", 2020),  # a day still to come
    ("11月28日，市直机关工委召开支部书记培训会。", "2020-03-02", 2020),  # out in March: not this rule
])
def test_news_out_early_in_a_year_of_the_last_days_of_the_one_before_is_of_that_year(lead, date, year):
    assert find_year(cleaned(lead), "", date).year == year


def test_a_lead_that_opens_with_its_year_and_month_outweighs_the_year_it_reviews():
    lead = "2022年3月，县审计局派出审计组开展2021年度财政收支审计和2021年度部门预算执行审计，成立临时党小组。"
    made_up = "县审计局派出审计组开展2021年度财政收支审计和2021年度部门预算执行审计"
    assert find_year(cleaned(lead), made_up, None, made_up=True).year == 2022


def test_years_an_undated_text_names_say_which_year_only_when_its_lead_opens_with_one():
    reviews = "市直机关工委召开述职评议会。会议总结了2021年度机关党建工作，表彰了2021年度先进支部。"
    guess = find_year(cleaned(reviews), "", None)
    assert guess.year is None and "2021" in guess.warnings[0].message
    opens = "2009年，市直机关工委以学习实践活动为主线，全年举办培训班12期。2009年度考核全部完成。"
    assert find_year(cleaned(opens), "", None).year == 2009


def test_the_last_days_of_the_year_before_may_date_the_second_paragraph_after_a_general_first():
    first = "党的二十大指出，加快建设农业强国，扎实推动乡村振兴。"
    second = "为进一步加强党支部建设，12月29日，研究中心党支部与史家寨村党支部开展联学共建活动。"
    assert find_year(cleaned(first, second), "", "2023-01-03").year == 2022


def test_the_file_names_of_a_pages_photos_date_a_text_that_names_no_year():
    from briefings.model import Dropped

    text = Cleaned((Block("paragraph", "4月25日，市人大机关党支部开展主题党日活动。"),), None,
                   (Dropped("微信图片_20240425102118", "image"),))
    guess = find_year(text, "", None)
    assert guess.year == 2024 and "photos" in guess.warnings[0].message
    # photos of two years say nothing
    two = Cleaned(text.blocks, None, (Dropped("微信图片_20240425102118", "image"), Dropped("IMG_20190301", "image")))
    assert find_year(two, "", None).year is None


@pytest.mark.parametrize("text", [
    "1月6日，市纪委监委机关党委联合开展主题党日活动，延伸党史学习教育成果。",  # carried on: a later year
    "支部党员来到大英县党史学习教育基地，重温入党誓词。",  # a place named after the campaign
])
def test_a_campaign_carried_on_or_a_place_named_for_it_does_not_date_the_text(text):
    assert find_year(cleaned(text), "", None).year != 2021


def test_an_early_page_naming_only_last_years_campaign_may_be_last_years_summary():
    text = "2024年以来，县委组织部扎实开展党纪学习教育，机关党建质量持续提升。"
    guess = find_year(cleaned(text), "县委组织部扎实推进机关自身建设", "2025-02-10")
    assert guess.year is None and "2024" in guess.warnings[0].message


def test_the_anniversary_of_the_inscription_for_lei_feng_dates_the_text():
    assert [m.year for m in milestones("纪念毛泽东同志为雷锋同志题词60周年，各级政协掀起学雷锋热潮。")] == [2023]


def test_the_watchword_of_a_campaign_dates_the_text_as_the_campaign_does():
    lead = cleaned("3月11日上午，市科协机关党支部围绕“学党史、悟思想、办实事、开新局”开展主题党日活动。")
    assert find_year(lead, "", None).year == 2021


def test_a_leads_date_before_a_plenum_the_text_studies_is_background():
    page = cleaned("为深入学习贯彻党的二十届三中全会精神，县政府办党支部开展主题党日活动。",
                   "2022年11月29日，剿匪遗址馆举行开馆仪式，成为红色教育基地。")
    assert find_year(page, "", None).year != 2022  # written after July 2024


def test_an_anniversary_a_place_was_built_for_is_its_history_not_the_texts():
    text = "党员们来到抗战遗址博物馆参观学习。该馆是为纪念抗战胜利60周年在原抗战遗迹基础上修缮而成。"
    assert [event for event in milestones(text) if event.kind == ANNIVERSARY] == []
    assert [event.year for event in milestones("为纪念抗战胜利60周年，机关党委组织参观。")] == [2005]
