"""Publication date and reported-on year (briefings.dates), on hand-built Cleaned records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from briefings.ingest.extract.address import address_date
from briefings.ingest.extract.dates import find_date
from briefings.ingest.extract.written_dates import parse_date
from briefings.ingest.extract.years import find_year
from briefings.model import Block, Cleaned, Dropped
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def cleaned(*paragraphs: str, dropped: tuple[tuple[str, str], ...] = (), headline: str | None = None) -> Cleaned:
    return Cleaned(
        blocks=tuple(Block("paragraph", text) for text in paragraphs),
        headline=headline,
        dropped=tuple(Dropped(text, reason) for text, reason in dropped),
    )


def seed(prefix: str, noise: dict[str, str], headline: str | None = None) -> Cleaned:
    """A seed file as cleaning would leave it: lines starting with a noise prefix are dropped."""
    path = next(ARCHIVE.glob(f"{prefix}_*.txt"))
    blocks, dropped = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        reason = next((why for start, why in noise.items() if line.strip().startswith(start)), None)
        if reason:
            dropped.append(Dropped(line, reason))
        else:
            blocks.append(Block("paragraph", line.strip()))
    return Cleaned(tuple(blocks), headline, tuple(dropped))


def messages(guess) -> str:
    return " | ".join(warning.message for warning in guess.warnings)


# ---------------------------------------------------------------- parse_date


@pytest.mark.parametrize("value, expected", [
    ("2024-01-02", "2024-01-02"),
    ("2024/1/2", "2024-01-02"),
    ("2024年1月2日", "2024-01-02"),
    ("2024.1.2", "2024-01-02"),
    (" 2021-12-01 19:35 ", "2021-12-01"),
    ("18.01.2017", "2017-01-18"),
    (dt.date(2024, 1, 2), "2024-01-02"),
    (dt.datetime(2024, 1, 2, 8, 30), "2024-01-02"),
    ("1985-06-01", "1985-06-01"),  # an archivist's date may be older than the scraped web
])
def test_parse_date_accepts(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    "2024-13-01", "2023-02-30", "2024年2月30日", "hello", "", "2024", "发布时间：2024-01-02",
    "2024-01-02 2024-01-03", None, 20240102, dt.date(1800, 1, 1),
])
def test_parse_date_rejects(value):
    assert parse_date(value) is None


# ---------------------------------------------------------------- explicit date lines


@pytest.mark.parametrize("line, expected", [
    ("发表时间:2024-01-02", "2024-01-02"),
    ("发布时间：2023年5月6日", "2023-05-06"),
    ("2024/10/11", "2024-10-11"),
    ("18.01.2017", "2017-01-18"),
    ("2021.12.01", "2021-12-01"),
    ("2021-12-01 19:35 来源:驻马店网 责任编辑:刘灵", "2021-12-01"),
    ("作者: 荷泽新闻网 来源: 荷泽新闻网 发表时间:2024-01-02", "2024-01-02"),
    ("来源：某某网 2023-12-30 发布时间：2024-01-02", "2024-01-02"),  # the date after the 时间 label
    ("来源:市委党校 作者:陈国礼 发布时间:Mon May 27 09:12:56 CST 2019", "2019-05-27"),  # a Java date
    ("Posted on December 3rd, 2018 by admin", "2018-12-03"),
])
def test_date_lines_in_many_forms(line, expected):
    guess = find_date(cleaned("今天上午，市直机关党建工作会议召开。", dropped=((line, "meta"),)))
    assert guess.date == expected
    assert guess.warnings == ()


def test_a_date_line_left_in_the_body_is_still_found():
    guess = find_date(cleaned("2021-12-01 19:35 来源:驻马店网", "驻马店市委直属机关工委组织召开讲评会。"))
    assert guess.date == "2021-12-01"


@pytest.mark.parametrize("line", ["发布时间：2024-13-01", "发布时间：2023-02-30", "发布时间：1985-01-01",
                                  "微信图片_20211201193027"])
def test_impossible_or_implausible_dates_are_rejected(line):
    guess = find_date(cleaned("市直机关党建工作会议召开。", dropped=((line, "meta"),)))
    assert guess.date is None
    assert "no publication date found" in messages(guess)


def test_dates_of_related_pages_and_comments_are_not_this_page():
    guess = find_date(cleaned("会议召开。", dropped=(("相关新闻 2020-05-06", "related"),
                                                   ("网友 2020-05-07 评论", "comments"))))
    assert guess.date is None


def test_an_event_date_in_the_body_loses_to_the_byline():
    guess = find_date(cleaned(
        "12月7日，由省委省直机关工委主办的推进会召开，会上市委市直机关工委作典型发言。",
        dropped=(("作者: 荷泽新闻网 来源: 荷泽新闻网 发表时间:2024-01-02", "byline"),),
    ))
    assert guess.date == "2024-01-02"


def test_a_full_date_in_the_body_is_an_event_not_the_pages_date():
    guess = find_date(cleaned("各观摩组于2021年11月23日至26日逐支部观摩。", "总结会于2021年11月30日召开。"))
    assert guess.date is None
    assert "2021-11-23、2021-11-30" in messages(guess) and "events" in messages(guess)


def test_no_date_at_all():
    guess = find_date(cleaned("今年4月21日，工委组织了党建品牌展示赛。"))
    assert guess.date is None
    assert messages(guess).startswith("no publication date found")


def test_a_repost_timestamp_alone_is_used_with_a_warning():
    guess = find_date(cleaned("市直机关党建工作亮点纷呈。", dropped=(("TUhjnbcbe - 2024/10/11 17:30:00", "byline"),)))
    assert guess.date == "2024-10-11"
    assert "repost" in messages(guess)


# ---------------------------------------------------------------- datelines


def test_dateline_beats_a_repost_timestamp_and_takes_the_title_year():
    guess = find_date(
        cleaned("齐鲁网·闪电新闻12月6日讯12月6日上午,济宁市政府新闻办组织召开新闻发布会。",
                dropped=(("TUhjnbcbe - 2024/10/11 17:30:00", "byline"),)),
        title="2021年济宁市直机关党建工作亮点",
    )
    assert guess.date == "2021-12-06"
    assert "completed the dateline" in messages(guess) and "2024-10-11" in messages(guess)


def test_dateline_after_the_reporter_agrees_with_the_byline():
    guess = find_date(cleaned("驻马店网讯(记者  张丽丽)12月1日,驻马店市委直属机关工委组织召开讲评会。",
                              dropped=(("2021-12-01 19:35 来源:驻马店网 责任编辑:刘灵", "byline"),)))
    assert guess.date == "2021-12-01"
    assert guess.warnings == ()


def test_a_site_publishes_a_few_days_after_the_dateline():
    guess = find_date(cleaned("新华社北京12月30日电 市直机关工委召开会议。",
                              dropped=(("发布时间：2022-01-02", "meta"),)))
    assert guess.date == "2022-01-02"


def test_a_dateline_is_not_completed_from_the_years_of_the_body():
    guess = find_date(cleaned("本报讯 5月6日，市直机关召开会议，总结2023年以来的工作，部署2023年任务。"))
    assert guess.date is None
    assert "5月6日" in messages(guess) and "no year" in messages(guess)


def test_a_dateline_is_completed_from_the_year_its_headline_names():
    guess = find_date(cleaned("本报讯 5月6日，市直机关召开会议。"), title="2023年市直机关党建工作会议召开")
    assert guess.date == "2023-05-06"
    assert "completed the dateline" in messages(guess)


def test_a_crumb_year_does_not_complete_a_dateline():
    guess = find_date(cleaned("齐鲁网·闪电新闻12月6日讯 济宁市召开新闻发布会。",
                              dropped=(("首页 » 权威发布2021年济宁市直机关党建工作亮", "crumb"),)))
    assert guess.date is None


def test_dateline_with_its_own_year():
    guess = find_date(cleaned("新华社北京2021年12月6日电 会议召开。"))
    assert guess.date == "2021-12-06"
    assert guess.warnings == ()


def test_a_lead_opening_with_a_date_is_an_event():
    guess = find_date(cleaned("2021年11月23日，各观摩组开始逐支部观摩。"))
    assert guess.date is None
    assert "2021-11-23" in messages(guess)


# ---------------------------------------------------------------- the page's address

@pytest.mark.parametrize("url, date", [
    ("http://news.example.cn/zjnews/2015-03/05/content_3287299.htm", "2015-03-05"),
    ("https://gov.example.cn/art/2024/5/7/art_1229516567_58904336.html", "2024-05-07"),
    ("http://www.example.cn/html/news/x/2021/0329/125321.html", "2021-03-29"),
    ("http://www.example.cn/article/202302/13/c506650.html", "2023-02-13"),
    ("http://paper.example.cn/dzrb/content/20150211/Articel02012MT.htm", "2015-02-11"),
    ("http://gx.example.cn/djgz/djdt/202201/t20220117_4428158.html", "2022-01-17"),
    ("https://news.example.com.cn/zhengwu/2009-6-30/2009630xrbD.shtml", "2009-06-30"),
    ("https://www.example.gov.cn/2024/10-28/795603.html", "2024-10-28"),
    ("https://dnr.example.gov.cn/html/2014/zhoushidongtai_0522/8913.html", "2014-05-22"),  # a column's folder
])
def test_the_address_dates_the_page(url, date):
    guess = find_date(cleaned("3月5日上午，市委机关工委召开会议。"), url=url)
    assert guess.date == date and "address" in guess.evidence


@pytest.mark.parametrize("url", [
    "https://example.cn/news/57472",  # an id
    "https://example.cn/html/h5201807092171.html",  # digits inside a name
    "https://example.cn/a/2023/0231/1.html",  # no such day
    "https://www.example.cn/yjzc/hyfy/200807/90520.html",  # a month only
    "https://20230314.example.cn/a.html",  # the host is not the path
])
def test_an_address_without_a_day_dates_nothing(url):
    assert find_date(cleaned("市委机关工委召开会议。"), url=url).date is None


def test_the_address_wins_over_a_dateline_but_a_labelled_date_line_near_it_wins_over_the_address():
    url = "http://www.example.cn/article/202302/13/c506650.html"
    assert find_date(cleaned("三峡讯(记者 宋黎)2月7日，县委召开会议。"), url=url).date == "2023-02-13"
    # 发布日期 on the page is its publication; the address is when its record was made or edited
    guess = find_date(cleaned("三峡讯(记者 宋黎)2月7日，县委召开会议。", dropped=(("发布时间：2023-02-10", "meta"),)), url=url)
    assert guess.date == "2023-02-10"
    assert "2023-02-13" in messages(guess) and "took the date line" in messages(guess)
    later = find_date(cleaned("县委召开会议。", dropped=(("发布时间：2025-02-10", "meta"),)), url=url)
    assert later.date == "2023-02-13" and "took the address" in messages(later)  # years after: a copy's line
    earlier = find_date(cleaned("县委召开会议。", dropped=(("发布时间：2021-02-10", "meta"),)), url=url)
    assert earlier.date == "2021-02-10" and "took the date line" in messages(earlier)  # the record filed again


def test_a_filing_time_is_no_publication_date():
    guess = find_date(cleaned("市交通运输局召开推进会。", dropped=(("2020-11-09", "meta"), ("归档时间:2021-02-25", "meta"))))
    assert guess.date == "2020-11-09"


def test_a_crawl_day_masthead_is_not_a_date():
    from briefings.ingest.cleaning.clean import clean

    record = clean("电子报阅读机\n2026-01-19\n星期一\n当前报纸名称:慈溪日报\n市直机关党建品牌展评举行\n日期:12-28\n"
                   "本报讯 昨天下午，第二届全市机关党建品牌展评暨争先工作推进会成功举行，各单位参加。")
    assert record.headline == "市直机关党建品牌展评举行"
    assert {d.text: d.reason for d in record.dropped}["星期一"] == "widget"
    assert find_date(record).date != "2026-01-19"


def test_a_lead_opening_with_a_date_yields_to_a_date_line():
    guess = find_date(cleaned("12月7日，由省委省直机关工委主办的推进会召开。",
                              dropped=(("发布时间：2024-01-02", "meta"),)))
    assert guess.date == "2024-01-02"


def test_a_dateline_without_any_year_gives_no_date():
    guess = find_date(cleaned("12月6日讯 会议召开。"))
    assert guess.date is None


# ---------------------------------------------------------------- year reported on


def test_title_year_is_strongest():
    assert find_year(cleaned("2022年，工委开展了培训。"), "2021年济宁市直机关党建工作亮点", "2021-12-06").year == 2021
    assert find_year(cleaned("会议召开。"), "菏泽市市直机关2023年度党的建设工作情况新闻发布会", "2024-01-02").year == 2023


def test_headline_stands_in_for_a_missing_title():
    assert find_year(cleaned("会议召开。", headline="2019年市直机关工作要点"), "", None).year == 2019


def test_january_press_conference_on_last_years_work():
    guess = find_year(cleaned("今天上午，菏泽市市直机关2023年度党的建设工作情况新闻发布会召开。",
                              "今年以来，工委坚持创新机制。"), "", "2024-01-02")
    assert guess.year == 2023
    assert guess.warnings == ()


def test_january_without_a_word_about_last_year_is_this_year():
    assert find_year(cleaned("今年以来，工委坚持创新机制。"), "", "2024-01-02").year == 2024


def test_yearbook_entry():
    guess = find_year(cleaned("【概况】 2009年，市直机关各级党组织以主题实践活动为载体，全面推进机关党建。"), "市直机关工委工作", None)
    assert guess.year == 2009
    assert guess.warnings == ()


def test_years_from_the_text_alone_are_a_guess():
    guess = find_year(cleaned("2017年以来，工委每年年初制定方案。",
                              "2022年，市级机关授予50个红旗党支部。",
                              "2023年，党员深入联系点10409次。今年4月21日举办展示赛。"), "", None)
    assert guess.year == 2023
    assert "guessed 2023" in messages(guess)


def test_a_baseline_year_counts_little():
    guess = find_year(cleaned("2021年，申报数量较2020年增加了2.7倍，2020年以来成效明显，2021年度方案印发。"), "", None)
    assert guess.year == 2021


def test_no_year_evidence():
    guess = find_year(cleaned("今年以来，工委坚持创新机制。"), "", None)
    assert guess.year is None
    assert "no year found" in messages(guess)


# ---------------------------------------------------------------- the five seeds

SEEDS = {
    "000": (dict.fromkeys(("济宁", "首页", "白癜风", "查看完整版本", "1"), "crumb")
            | {"TUhjnbcbe": "byline"}, "权威发布2021年济宁市直机关党建工作亮", "2021-12-06", 2021),
    "001": ({"未经允许": "footer", "最新评论": "comments", "领导讲话": "comments", "交流发言": "comments"},
            "在全省机关党建现场观摩推进会上的汇报发言", None, 2023),
    "002": ({"您当前位置": "crumb", "作者:": "byline"}, "", "2024-01-02", 2023),
    "003": ({"Original URL": "url", "市直机关工委工作": "site-label"}, "市直机关工委工作", None, 2009),
    "004": ({"不信谣": "site-label", "首页": "crumb", "2021-12-01": "byline", "发送短信": "subscription",
             "微信图片": "image", "责任编辑": "meta", "版权声明": "copyright", "1.凡本网": "copyright",
             "2.凡本网": "copyright", "3.如果": "copyright", "相关新闻": "related", "驻马店市直单位“": "meta"},
            "驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开", "2021-12-01", 2021),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed(name):
    noise, title, date, year = SEEDS[name]
    record = seed(name, noise)
    date_guess = find_date(record, title)
    assert date_guess.date == date
    assert find_year(record, title, date_guess.date).year == year


def test_seed_000_repost_timestamp_is_not_the_date():
    guess = find_date(seed("000", SEEDS["000"][0]), SEEDS["000"][1])
    assert guess.date == "2021-12-06"
    assert "completed the dateline" in messages(guess)


def test_seed_001_year_is_a_warned_guess():
    guess = find_year(seed("001", SEEDS["001"][0]), SEEDS["001"][1], None)
    assert guess.year == 2023 and guess.warnings


# ---------------------------------------------------------------- never raise

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200) | st.sampled_from([
    "12月6日讯", "2021-12-01 19:35", "发布时间：2024-13-01", "2024年2月30日", "18.01.2017", "【概况】 2009年，",
    "TUhjnbcbe - 2024/10/11 17:30:00", "99月99日讯", "2023年度", "今年", "去年", "0年0月0日", "2021年12月6日电",
])
kinds = st.sampled_from(["paragraph", "heading", "item", "speech", "note"])
reasons = st.sampled_from(["meta", "byline", "crumb", "footer", "related", "ad"])
records = st.builds(
    Cleaned,
    blocks=st.lists(st.builds(Block, kind=kinds, text=texts), max_size=5).map(tuple),
    headline=st.none() | texts,
    dropped=st.lists(st.builds(Dropped, text=texts, reason=reasons), max_size=4).map(tuple),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records, title=texts)
def test_find_date_and_find_year_never_raise(record, title):
    date_guess = find_date(record, title)
    assert date_guess.date is None or parse_date(date_guess.date) == date_guess.date
    year_guess = find_year(record, title, date_guess.date)
    assert year_guess.year is None or 1990 <= year_guess.year <= 2030
    assert (date_guess.date is None) == any("no publication date" in w.message for w in date_guess.warnings)


# ---------------------------------------------------------------- the year of the events

def test_a_meeting_on_last_years_work_is_of_the_year_it_meets():
    guess = find_year(cleaned("2月3日，市直机关召开2023年度党组织书记述职评议会议。"),
                      "市直机关2023年度党组织书记述职评议会议召开", "2024-02-05")
    assert guess.year == 2024


def test_an_undated_review_of_a_years_work_held_early_in_the_year_is_of_the_year_after():
    title = "区教育局党委召开“2022年学校党组织书记抓基层党建工作述职评议”会议"
    guess = find_year(cleaned("1月9日，区教育局党委召开述职评议会议，各校党组织书记逐一述职。"), title, None)
    assert guess.year == 2023 and "guessed 2023" in messages(guess)
    late = find_year(cleaned("12月20日，区教育局党委召开述职评议会议。"), title, None)
    assert late.year == 2022
    # a year with its month is the meeting's own day, not the year under review
    dated = find_year(cleaned("会上，各支部书记逐一述职。"), "区教育局2022年3月召开党建述职评议会", None)
    assert dated.year == 2022


def test_a_decision_giving_awards_for_last_years_work_is_of_the_year_it_is_taken():
    lead = "2015年，全局党建工作扎实推进。为表彰先进，经研究，决定对局机关第一党支部等5个先进基层党组织予以表彰。"
    assert find_year(cleaned(lead), "", "2016-02-20").year == 2016
    summary = "2015年，全局党建工作扎实推进，局机关第一党支部被授予先进基层党组织称号。"
    assert find_year(cleaned(summary), "", "2016-02-20").year == 2015  # a summary of 2015, published later


def test_an_award_for_last_years_work_is_of_the_year_it_is_given():
    assert find_year(cleaned("近日，市委通报表扬。"), "市司法局获评2022年度机关党建工作先进单位", "2023-03-01").year == 2023


def test_a_summary_is_of_the_year_it_sums_up():
    guess = find_year(cleaned("一年来，工委扎实推进各项工作。"), "市直机关工委2021年工作总结", "2022-01-12")
    assert guess.year == 2021 and "sums up" in guess.evidence


def test_a_press_conference_named_in_the_lead_is_of_its_year():
    guess = find_year(cleaned("今天上午，市直机关2022年度党建工作新闻发布会召开，介绍有关情况。"), "", "2023-01-06")
    assert guess.year == 2022


def test_a_later_copy_of_a_story_keeps_the_year_its_title_names():
    guess = find_year(cleaned("会议总结工作，部署任务。"), "2019年全市机关党建工作会议召开", "2021-06-01")
    assert guess.year == 2019 and "2019" in messages(guess)


def test_a_title_year_that_only_starts_a_period_is_not_the_year():
    guess = find_year(cleaned("工委召开座谈会。"), "2017年以来市直机关党建工作综述", None)
    assert guess.year is None


def test_the_address_year_when_there_is_no_day():
    guess = find_year(cleaned("工委召开座谈会，部署工作。"), "", None, "https://example.cn/html/jggw/2019/AB_1106/20160.html")
    assert guess.year == 2019 and "address" in guess.evidence


def test_a_meeting_on_a_years_work_without_a_date_has_no_year():
    guess = find_year(cleaned("会议听取述职。"), "市直机关2023年度党组织书记述职评议会议召开", None)
    assert guess.year is None and "年度" in messages(guess)


def test_the_events_date_in_the_lead_gives_the_year_not_the_date():
    record = cleaned("2024年1月28日，省直机关工委印发通报，表扬2023年度先进单位。")
    assert find_date(record).date is None and "the date of its events" in messages(find_date(record))
    assert find_year(record, "市地方志办获评2023年度机关党建宣传信息工作先进单位", None).year == 2024


def test_an_address_line_with_its_time_dates_the_page():
    from briefings.ingest.cleaning.clean import clean

    record = clean("市直机关党建联建工作综述\nhttps://www.example.gov.cn/  (2024-12-27 18:13:11)\n"
                   "今年以来，两地机关工委全面贯彻党的二十大精神，深入推进党建联建，取得了明显成效。")
    assert find_date(record).date == "2024-12-27"


def test_a_single_year_named_once_is_not_enough_to_guess():
    guess = find_year(cleaned("昨天下午，第二届机关党建品牌展评活动成功举行。", "2020年，我市率先开展品牌展评活动。今年的展评中，20个品牌脱颖而出。"), "", None)
    assert guess.year is None


def test_a_short_line_with_a_time_of_day_is_the_pages_stamp():
    guess = find_date(cleaned("政务 2024-12-23 17:45 上海", "12月23日下午，区级机关工作党委召开述职评议会，各单位参加。"))
    assert guess.date == "2024-12-23"


def test_a_speechs_own_date_after_its_speaker():
    guess = find_date(cleaned("在全市机关党的工作会议上的讲话 市委常委、秘书长 某某（2019年2月12日）同志们：今天的会议很重要。"))
    assert guess.date == "2019-02-12"


def test_a_stamp_line_is_metadata_and_dates_the_page():
    from briefings.ingest.cleaning.clean import clean

    record = clean("市直机关召开党组织书记述职评议会\n\n政务   2024-12-23 17:45   某地\n\n"
                   "12月23日下午，区级机关工作党委召开述职评议会，各单位党组织书记参加会议并作述职。")
    assert record.headline == "市直机关召开党组织书记述职评议会"
    assert find_date(record).date == "2024-12-23"


def test_an_address_with_a_full_timestamp():
    guess = find_date(cleaned("市委机关工委召开会议。"), url="https://www.example.gov.cn/gongkai/show/20121205143157-755237-00-039.html")
    assert guess.date == "2012-12-05"


@pytest.mark.parametrize("url, date", [
    ("http://www.example.com/news/tianshui/2022120117542988248.htm", "2022-12-01"),  # and a counter
    ("https://jgdj.example.gov.cn/zzgz/2023122114015632855/index.shtml", "2023-12-21"),
    ("https://www.example.cn/a/2023122199015632855.htm", None),  # 99 o'clock: no timestamp
    ("http://www.example.gov.cn/html/XWDT/201412/20141210083628A38F96.html", "2014-12-10"),  # a hex tail
    ("http://www.example.gov.cn/html/XWDT/201412/20141210083628XYZ.html", None),  # not hex: a name
])
def test_an_address_timestamp_with_more_digits_after_it(url, date):
    assert find_date(cleaned("市直机关工委召开会议，部署工作。"), url=url).date == date


@pytest.mark.parametrize("url, year", [
    ("http://www.example.cn/content/detail/64e3fe607f8b9aad998b4567.html", 2023),  # MongoDB ObjectId
    ("http://www.example.cn/content/60816ab7bae7a", 2021),  # PHP uniqid()
])
def test_ids_that_carry_their_time_give_the_year(url, year):
    assert find_year(cleaned("工委召开座谈会，部署下一阶段工作。"), "", None, url).year == year


def test_an_anniversary_the_text_celebrates_wins_over_a_later_id_in_the_address():
    text = "为热烈庆祝中华人民共和国成立70周年，9月30日，旗直属机关工委组织开展主题党日活动。"
    url = "http://example.cn/detail/content/5f56d957d9e5dcbc19000000.html"  # made 2020-09
    assert find_year(cleaned(text), "", None, url).year == 2019


def test_a_review_meeting_early_in_the_year_on_last_years_work_is_of_the_year_it_is_held():
    title = "某市召开2020年市直机关单位党组书记履行机关党建工作责任述职测评大会"
    assert find_year(cleaned("2月5日，述职测评大会召开。"), title, "2021-02-10").year == 2021
    title = "某区召开2021年机关党组织书记述职评议暨2022年机关党建工作推进会"  # in May: still the review of last year
    assert find_year(cleaned("5月20日，述职评议会召开。"), title, "2022-05-24").year == 2022
    title = "2019年全市机关党建工作会议召开"  # an event of a year, on a later page: a copy
    assert find_year(cleaned("会议召开。"), title, "2021-02-10").year == 2019


def test_a_date_and_an_address_that_disagree_on_the_year_give_no_year():
    guess = find_year(cleaned("市直机关党建工作的回顾与总结。全市共有机关党组织110个。"), "",
                      "2022-02-27", "http://www.example.com/article/dwzj/200802/109102.html")
    assert guess.year is None and "disagree" in guess.warnings[0].message


def test_a_date_line_earlier_than_the_address_is_the_originals_under_a_reposts_address():
    text = "区人大常委会机关召开学习实践活动转段工作会议。会议总结了第一阶段的工作。"
    url = "http://www.example.gov.cn/c2/c190/201905/t20190522_114880.html"
    assert find_year(cleaned(text), "", "2009-07-06", url).year == 2009


def test_a_cms_folder_named_with_month_and_day_under_the_year():
    url = "https://jggw.example.gov.cn/html/jggw/2019/CHLAPLLL_0423/17622.html"
    assert find_date(cleaned("市直机关工委召开会议，部署工作。"), url=url).date == "2019-04-23"


def test_a_media_centres_original_stamp_dates_the_page():
    text = "党群赛区举行党史学习教育知识竞赛\n\n©原创   2021-06-11 17:22\n\n11日下午，党群赛区14家单位15支参赛队举行知识竞答选拔赛。"
    from briefings.ingest.cleaning.clean import clean
    assert find_date(clean(text)).date == "2021-06-11"


@pytest.mark.parametrize("title", ["机关党建工作调研报告-机关党建工作调研报告", "市直机关党建工作总结范文"])
def test_a_document_templates_page_date_gives_no_year(title):
    guess = find_year(cleaned("按照有关文件要求，县直机关工委组织人员对直属单位进行了机关党建工作考察调研。"), title, "2017-12-21")
    assert guess.year is None and "kind of document" in guess.warnings[0].message


@pytest.mark.parametrize("closing, date", [("二○○九年四月二十九日", "2009-04-29"), ("二〇二三年十二月五日", "2023-12-05"),
                                           ("二〇二三年十月十日", "2023-10-10"), ("二〇二三年二月三十日", None),
                                           ("二00八年七月三日", "2008-07-03"), ("二O一二年五月八日", "2012-05-08"),
                                           ("2015年十一月二十日", "2015-11-20")])
def test_a_closing_line_in_chinese_numerals_dates_the_document(closing, date):
    guess = find_date(cleaned("市建设局组织干部职工集体观看作风建设专题片，进一步加强作风建设。", closing, "（市建设局供稿）"))
    assert guess.date == date


def test_a_stamp_whose_weekday_is_wrong_is_a_sites_clock():
    text = "在市级机关党的建设工作会议上的讲话\n\n内容发布更新时间 : 2024/7/3 3:42:42星期一 下面是文章的全部内容请认真阅读。\n\n同志们：这次会议是经市委同意召开的。"
    from briefings.ingest.cleaning.clean import clean
    assert find_date(clean(text)).date is None  # 2024-07-03 was a Wednesday
    assert find_date(clean(text.replace("星期一", "星期三"))).date == "2024-07-03"


def test_a_dateline_the_addresss_number_agrees_with_dates_the_page():
    page = cleaned("5月7日下午，市委组织部组织召开部机关集体学习会议，传达学习省委工作会议精神。")
    assert find_date(page, url="http://www.example.com.cn/news/2020050710658.html").date == "2020-05-07"
    assert find_date(page, url="http://www.example.com.cn/news/2020050810658.html").date is None


def test_a_copys_flattened_address_keeps_its_date():
    url = "http://www.example.com/html/.gzdt.gzyw201804t20180408_2207499.html"
    assert find_date(cleaned("市国资委成立创建工作领导小组，机关党委设立创建工作办公室。"), url=url).date == "2018-04-08"


def test_a_text_naming_later_dates_is_not_of_its_first_dates_year():
    text = ("2019年7月9日，领导人在中央和国家机关党的建设工作会议上强调，要建设模范机关。",
            "2020年6月29日，领导人在中央政治局集体学习时强调，要加强机关党的建设。")
    assert find_year(cleaned(*text), "模范机关创建工作调查研究报告", None).year is None


def test_a_page_dated_years_after_the_text_it_copies_gives_no_year():
    text = ("为庆祝建党100周年，市民政局举办“永远跟党走”文艺演出，干部职工踊跃参加。",)
    guess = find_year(cleaned(*text), "市民政局举办文艺演出", "2024-03-15")
    assert guess.year is None and "建党100周年 (2021)" in guess.warnings[0].message
    assert find_year(cleaned("今年是建党100周年，全市机关开展系列活动。"), "", "2024-03-15").year == 2024  # 今年: the page's
    assert find_year(cleaned(*text), "", "2021-06-30").year == 2021


def test_a_portals_two_digit_year_folder_before_its_id():
    url = "https://sd.news.example.com/23/1019/10/IHDFN1PC04379D5P.html"
    assert find_date(cleaned("区直机关工委召开模范机关创建推进会。"), url=url).date == "2023-10-19"
    assert find_date(cleaned("区直机关工委召开会议。"), url="https://example.com/23/1019/10/page.html").date is None


def test_a_review_of_last_years_projects_early_in_the_year_is_of_the_year_it_is_held():
    title = "湖滨区召开2023年“党建揭榜挂帅”课题研究评审会"
    assert find_year(cleaned("1月15日，湖滨区召开课题研究评审会。"), title, "2024-01-18").year == 2024


def test_a_title_that_celebrates_an_anniversary_dates_a_later_copy():
    page = cleaned("6月27日至28日，市直机关庆祝建党95周年歌咏比赛在市大剧院举行，40支代表队参赛。")
    guess = find_year(page, "市直机关庆祝建党95周年歌咏比赛圆满落幕", "2018-01-21")
    assert guess.year == 2016 and "celebrates" in guess.warnings[0].message
    # the anniversary only in the text, not the title: the page's year or none, never a guess from it
    plain = find_year(page, "市直机关歌咏比赛圆满落幕", "2018-01-21")
    assert plain.year is None


@pytest.mark.parametrize("url, year", [("http://www.example.com/fanwen/diaoyanbaogao/238382.html", None),
                                       ("https://example.com/gongwen/126869.html", None),
                                       ("http://www.example.gov.cn/art/2018/2/8/art_1.html", 2018)])
def test_a_template_sites_posting_date_gives_no_year(url, year):
    page = cleaned("时间:2018-02-08", "为深入了解机关党建工作现状，县直属机关工委组织开展了专题调研。")
    guess = find_year(page, "机关党建工作的调研报告", "2018-02-08", url)
    assert guess.year == year
    if year is None:
        assert "document templates" in guess.warnings[0].message
    assert find_year(page, "2018年机关党建工作的调研报告", "2018-02-08", url).year == 2018  # the title's own year


def test_a_campaign_of_several_years_dates_a_month_it_ran_in_one_year_only():
    page = cleaned("7月12日，根据“不忘初心、牢记使命”主题教育安排，市委宣传部机关党总支组织党员到革命纪念馆开展现场教学。")
    guess = find_year(page, "", None)
    assert guess.year == 2019 and "不忘初心" in guess.evidence
    january = cleaned("1月10日，市委宣传部机关党总支召开“不忘初心、牢记使命”主题教育总结会议。")
    assert find_year(january, "", None).year == 2020  # it ran June 2019 - January 2020
    # 群众路线 ran June 2013 - October 2014: March is 2014, November 2013, August either
    for month, year in [(3, 2014), (11, 2013), (8, None)]:
        text = cleaned(f"{month}月4日，县人大常委会机关召开党的群众路线教育实践活动动员大会。")
        assert find_year(text, "", None).year == year
    kept = cleaned("7月12日，市委宣传部机关党总支召开会议，巩固拓展“不忘初心、牢记使命”主题教育成果。")
    assert find_year(kept, "", None).year is None  # 巩固拓展: a later year


def test_a_text_early_in_a_year_that_only_reviews_the_year_before_gives_no_year():
    review = cleaned("市委直属机关工委把深入学习贯彻习近平总书记重要讲话精神作为首要任务，全面提高机关党建质量。",
                     "一是深化理论武装。2019年共举办市直机关中心组集体学习3期，处级党员干部900多人次参加。")
    guess = find_year(review, "以政治建设为统领 全面提高机关党建工作质量", "2020-03-04")
    assert guess.year is None and "only names 2019" in guess.warnings[0].message
    assert find_year(review, "以政治建设为统领 全面提高机关党建工作质量", "2020-07-04").year == 2020  # later in the year
    meeting = cleaned("今天上午，2019年度市直部门党委书记抓基层党建工作述职评议会议举行。", "2019年，市直机关党组织深入贯彻部署要求。")
    assert find_year(meeting, "市直机关党建工作", "2020-01-22").year == 2020  # the lead reports an event


def test_a_date_line_long_before_the_address_is_a_page_filed_again():
    url = "http://jgswglj.example.gov.cn/ztzl/lszt/202011/t20201105_2204782.shtml"
    page = cleaned("来源: 市机关事务管理局 | 发布日期: 2019-09-18 10:02",
                   "8月30日，局机关党委组织开展书画、摄影展活动，庆祝新中国成立70周年。")
    title = "我局组织开展庆祝新中国成立70周年书画、摄影展活动"
    assert find_date(page, title, url).date == "2019-09-18"
    assert find_year(page, title, "2019-09-18", url).year == 2019  # the title's anniversary settles the year
    # without it, the page's own date line still wins: the address is when it was filed again
    assert find_year(page, "我局组织开展书画、摄影展活动", "2019-09-18", url).year == 2019


def test_a_source_line_run_into_the_story_dates_it():
    page = cleaned("信息来源:马鞍山市|2009-12-0912月8日上午,市委常委一行为部分市直文明机关送上奖牌。")
    assert find_date(page).date == "2009-12-09"
    assert find_date(cleaned("12月8日上午,市委常委一行为部分市直文明机关送上奖牌。")).date is None


def test_a_page_dated_years_after_the_campaign_its_text_reports_gives_no_year():
    page = cleaned("近日，贡觉县在政府五楼会议室举行深入学习实践科学发展观活动知识竞赛决赛，6个支部参赛。")
    guess = find_year(page, "贡觉县举行深入学习实践科学发展观活动知识竞赛决赛", "2014-03-12")
    assert guess.year is None and "学习实践科学发展观活动" in guess.warnings[0].message
    assert find_year(page, "贡觉县举行深入学习实践科学发展观活动知识竞赛决赛", "2009-11-12").year == 2009
    said = cleaned("2014年，县直机关总结深入学习实践科学发展观活动以来的经验，部署今年工作。")
    assert find_year(said, "县直机关召开党建工作会议", "2014-03-12").year == 2014  # it names its own year


def test_a_congress_the_text_both_awaits_and_studies_is_behind_it():
    review = cleaned("3月29日，自治区党委宣传部举行新闻发布会，介绍区直机关党建工作。",
                     "一是喜迎盛会，做好迎接党的二十大和学习贯彻党的二十大精神工作，举办机关党建成就展。")
    guess = find_year(review, "以高质量机关党建引领高质量发展", None)  # studied in March after it: not 2022
    assert guess.year == 2023 and "studies" in guess.warnings[0].message
    awaiting = cleaned("3月29日，自治区党委宣传部举行动员会，以优异成绩迎接党的二十大胜利召开。")
    assert find_year(awaiting, "区直机关喜迎二十大", None).year == 2022


def test_a_whole_years_figures_out_in_january_are_the_review_of_the_year_before():
    page = cleaned("市文旅局党组紧扣模范机关创建目标，推动党建与业务深度融合。",
                   "突出政治建设，严格落实“第一议题”制度，全年组织相关学习30余次，持续提升班子政治能力。")
    guess = find_year(page, "党建引领强根基 文旅赋能启新程", "2026-01-27")
    assert guess.year == 2025 and "全年" in guess.warnings[0].message
    plan = cleaned("市文旅局党组紧扣模范机关创建目标。", "全年开展集中学习不少于12次。")
    assert find_year(plan, "党建引领强根基", "2026-01-27").year == 2026  # a plan's target
    meeting = cleaned("1月20日，市文旅局召开机关党建工作会议。", "全年组织相关学习30余次。")
    assert find_year(meeting, "", "2026-01-27").year == 2026  # a meeting of its own year
    march = cleaned("市文旅局党组紧扣模范机关创建目标。", "全年组织相关学习30余次。")
    assert find_year(march, "党建引领强根基", "2026-03-27").year == 2026


@pytest.mark.parametrize("line, date", [
    ("字数:812 2024年05月17日 要闻", "2024-05-17"),
    ("2019年03月06日  第03版  综合新闻", "2019-03-06"),
])
def test_an_e_papers_line_of_word_count_or_page_dates_the_article(line, date):
    guess = find_date(cleaned(line, "本报讯 5月15日，县直机关工委举办党务干部培训班。"))
    assert guess.date == date


def test_the_day_a_document_was_written_yields_to_the_day_it_was_published():
    lines = (("发布机构: 佛冈县卫生健康局 成文日期: 2024-08-12", "meta"), ("文号: 发布日期: 2024-08-13", "meta"))
    assert find_date(cleaned("8月7日，两个党支部联合开展主题党日活动。", dropped=lines)).date == "2024-08-13"


def test_a_pages_own_stamp_days_before_its_address_day_is_its_date():
    lines = (("2020-09-10 10:11 武汉市医疗保障局", "byline"),)
    url = "http://ybj.wuhan.gov.cn/bmdt/ztjy/202009/t20200915_1450199.shtml"
    assert find_date(cleaned("9月4日上午，市医保局下沉干部服务队开展清洁家园活动。", dropped=lines), url=url).date == "2020-09-10"
    # ... not a stamp weeks away from it, which may be a neighbour's
    far = (("2020-07-10 10:11 武汉市医疗保障局", "byline"),)
    assert find_date(cleaned("9月4日上午，服务队开展活动。", dropped=far), url=url).date == "2020-09-15"


def test_a_lead_opening_with_its_events_date_outweighs_a_later_pages_date():
    lead = cleaned("2017年9月15日，在市档案局党组成员带领下，整理保管处党支部党员前往教育基地开展主题党日活动。")
    guess = find_year(lead, "", "2025-12-23")
    assert guess.year == 2017 and "2025-12-23" in guess.warnings[0].message
    today = cleaned("2025年12月20日，整理保管处党支部党员开展主题党日活动。")
    assert find_year(today, "", "2025-12-23").year == 2025


@pytest.mark.parametrize("url, month", [("http://example.com/html/2014-9/2014925162021.htm", 9),
                                        ("http://example.com/html/2014-11/a1.htm", 11),
                                        ("http://example.com/yjzc/200807/90520.html", 7)])
def test_a_year_and_month_folder_gives_the_month_not_the_day(url, month):
    found = address_date(url)
    assert (found.year, found.month, found.day) == (int(url.split("/")[-2][:4]), month, None)


def test_a_title_year_after_the_campaign_it_names_was_over_is_a_rewritten_copy():
    title = "2021年信访局机关深入开展创先争优活动的实施方案"  # 创先争优 ran 2010-2012
    guess = find_year(cleaned("为深入开展创先争优活动，制定本方案。"), title, None)
    assert guess.year is None and "changed" in guess.warnings[0].message
    assert find_year(cleaned("为深入开展创先争优活动，制定本方案。"), "2011年信访局机关创先争优活动实施方案", None).year == 2011
