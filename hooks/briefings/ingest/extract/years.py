"""The year a briefing reports on: the year its events happened, or the year a summary describes.

find_year  news is of the year it came out (a 2023 meeting that reviews 2022年度 work is 2023);
           a summary, yearbook entry or plan of one year (2021年…工作综述, 【概况】 2009年，…) is
           of that year. Evidence, strongest first: the publication date or the address's year
           (with the title or lead of a summary); the title's year; an anniversary the text
           celebrates (建党88周年 -> 2009) or a congress it awaits (迎接党的十七大 -> 2007); the
           text's own years when they clearly point at one. Congresses and plenums it refers back
           to (党的二十大以来) bound the year from below; one it studies, with a dateline's month,
           gives a guess (3月29日…学习贯彻党的二十大精神 -> 2023). Weak or conflicting evidence: no year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefings.ingest.extract.address import address_date
from briefings.ingest.extract.datelines import lead_event_date, lead_month
from briefings.ingest.extract.last_year import (EVENT_TITLE, days_of_the_year_before, reviews_last_year,
                                                sums_up_last_year)
from briefings.ingest.extract.milestones import (ANNIVERSARY, CAMPAIGN, COMING, LAUNCH, PAST, Milestone,
                                                 campaigns_of_their_month, may_await_a_congress, milestones,
                                                 misnamed_year, year_of_study)
from briefings.ingest.extract.written_dates import dates_in, parse_date
from briefings.ingest.extract.year_mentions import REVIEW_TITLE, YearHints, named_event_year, photo_year, title_year
from briefings.ingest.hanzi import to_simplified
from briefings.model import Cleaned, Warning

# A title that describes a year's work, rather than an event of the year it came out in (unless it
# reports a meeting or an award: last_year.EVENT_TITLE)
_SUMMARY_TITLE = re.compile(r"总结|综述|回顾|盘点|年鉴|概况|工作报告|述评|工作要点|要点|计划|亮点|成效|成绩单|大事记|情况")

# the title of a document template, repeated as 范文 sites print it ("调研报告-调研报告", "…范文")
_TEMPLATE_TITLE = re.compile(r"^([^\d，。]{2,30})\s*[-—_|]\s*\1$|范文|范本|模板|精选\d*篇")
# ... or a 范文, 公文 or 文秘 site's address (xszwdq.com/fanwen/…, …/gongwen/126869.html, wmjy.cn/wenmi/)
_TEMPLATE_SITE = re.compile(r"fanwen|fanben|gongwen|wenmi|mishu|xiezuo|wendang|wenku|zuowen", re.IGNORECASE)
# ... and a press conference on a year's work (2019年度…工作新闻发布会) is of that year.
_PRESS_TITLE = re.compile(r"发布会")
_PRESS_LEAD = re.compile(r"((?:19|20)\d{2})\s*(年度|年)[^，。；]{0,40}?发布会")
# "2024年…党组织书记抓基层党建工作述职评议": the year whose work a review takes up, as 2024年度 is
_REVIEWED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)[^，。；]{0,30}?(?:述职|述评|评议|考核|考评)")
# A decision that gives awards (经研究，决定对…予以表彰): of the year it is taken, whatever year it reviews
_AWARD_DECISION = re.compile(r"决定[^。；]{0,60}?(?:予以表彰|予以通报表扬|予以通报表彰|授予|命名为)")
_LEAD_MEETING = re.compile(r"(?:召开|举行|举办)了?\s*((?:19|20)\d{2})\s*年度[^，。；]{0,30}?(?:会议|大会|会)")


@dataclass(frozen=True)
class YearGuess:
    year: int | None
    evidence: str
    warnings: tuple[Warning, ...] = ()


def find_year(cleaned: Cleaned, title: str, date: str | None, url: str | None = None,
              made_up: bool = False) -> YearGuess:
    """The year whose work or events the briefing reports on. made_up: the title is the lead's
    first words, made where the page has no headline."""
    named = title_year(title or "") or title_year(cleaned.headline or "")
    headline = to_simplified(title or cleaned.headline or "")  # the rules are written in simplified characters
    over = [event for event in milestones(headline) if event.last] if named else []
    if over and all(event.last < named[0] - 1 for event in over):  # "2021年…深入开展创先争优活动的实施方案"
        return _unknown(f"the title names {named[0]} and {over[0].words}, over by {over[0].last}: "
                        "a copy whose years were changed")
    published = _as_date(date)
    hints = YearHints.of(cleaned.blocks, published)
    if named and hints.lead_year is not None and hints.lead_year > named[0] and made_up:
        named = None  # "2022年3月，审计局开展2021年度…审计" made the title: the lead's year says more
    press = _PRESS_LEAD.search(cleaned.blocks[0].text[:120]) if cleaned.blocks and not named else None
    if press:  # no headline, but the lead opens on "…2023年度…新闻发布会召开"
        named, headline = (int(press.group(1)), press.group(2) == "年度"), press.group(0)
    meeting = _LEAD_MEETING.search(cleaned.blocks[0].text[:160]) if cleaned.blocks and (made_up or not named) else None
    if meeting and not press:  # "…于1月25日下午召开2018年度党支部书记述职评议会": the meeting names the year
        named, headline = (int(meeting.group(1)), True), meeting.group(0)
    if published and not named and _TEMPLATE_TITLE.search(headline):
        # "机关党建工作调研报告-机关党建工作调研报告" on a 范文 site: the date is the copy's, not the report's
        return _unknown(f"the title names a kind of document, not its year; the page's date {published.isoformat()} "
                        "may be a copy's")
    if published and not named and _TEMPLATE_SITE.search(url or ""):
        return _unknown(f"the page is on a site of document templates ({_TEMPLATE_SITE.search(url).group()}); "
                        f"its date {published.isoformat()} may be a copy's, and the title names no year")
    body = _whole_text(cleaned, headline)  # once: simplifying the whole text is not cheap
    if published:
        address = address_date(url)
        if address and address.year < published.year and not named:
            # 時間:2022-02-27 on a page whose address says /200802/: the date is a copy's stamp (one
            # earlier than the address is the original's, under a repost's address), unless the title
            # celebrates an anniversary of one of the two years (庆祝新中国成立70周年)
            sides = {event.year for event in milestones(headline) if event.kind == ANNIVERSARY} & {
                published.year, address.year}
            if len(sides) == 1:
                year = sides.pop()
                return YearGuess(year, f"the title celebrates an anniversary of {year}; the date {published.isoformat()}"
                                       f" and {address.words} disagree")
            return _unknown(f"the date {published.isoformat()} and {address.words} disagree on the year")
        before = None if named else days_of_the_year_before(cleaned, published)
        if before:  # "12月26日下午，…" on a page of 2020-01-08: the events were of 2019
            return YearGuess(published.year - 1, f"news out on {published.isoformat()} of {before}")
        awards = bool(_AWARD_DECISION.search(body))
        guess = _year_of_publication(published.year, published.isoformat(), named, headline, hints, awards)
        earlier = _of_an_earlier_year(cleaned, body, hints, published.year) if guess.year == published.year else None
        celebrated = [event for event in milestones(headline) if event.kind == ANNIVERSARY] if earlier else []
        if earlier and not named and len({event.year for event in celebrated}) == 1 and celebrated[0].year < published.year:
            # "市直机关庆祝建党95周年歌咏比赛圆满落幕" on a page of 2018: the celebration was in 2016
            event = celebrated[0]
            return YearGuess(event.year, f"the title celebrates {event.words}; the page is a later copy",
                             (Warning("year", f"guessed {event.year}: the title celebrates {event.words}, but the "
                                              f"page is dated {published.isoformat()}"),))
        opening = lead_event_date(cleaned) if earlier and not named else None
        if opening and opening.year < published.year:  # "2017年9月15日，…" re-posted in 2025
            why = (f"the lead opens with the date of its events ({opening.isoformat()}); "
                   f"the page is dated {published.isoformat()}")
            return YearGuess(opening.year, why, (Warning("year", f"guessed {opening.year}: {why}"),))
        if earlier and not named:
            # a page of 2024 on a text that celebrates 建党100周年 and names no later year: a copy
            return _unknown(f"the page is dated {published.isoformat()}, but the text is of {earlier}")
        if guess.year == published.year and not named and sums_up_last_year(cleaned, headline, hints, published):
            # "全年组织相关学习30余次" on 2026-01-27, naming no year: the review of 2025
            return YearGuess(published.year - 1, f"a whole year's figures published in month {published.month}",
                             (Warning("year", f"guessed {published.year - 1}: the text gives a whole year's figures "
                                              f"(全年…) and came out on {published.isoformat()}"),))
        if guess.year == published.year and not named and not awards and reviews_last_year(
                cleaned, headline, hints, published):
            return _unknown(f"the page is dated {published.isoformat()}, but the text only names "
                            f"{published.year - 1} and reports no event: a summary of that year, or news of "
                            f"{published.year}")
        return guess
    rewritten = misnamed_year(body)
    if rewritten:  # "2023年是中国共产党成立一百周年": a copy whose years were changed
        return _unknown(rewritten)
    events = campaigns_of_their_month(milestones(body), lead_month(cleaned))
    address = address_date(url)
    coming = [event for event in events if event.kind == COMING]
    if address and not named and _TEMPLATE_SITE.search(url or ""):
        address = None  # a 范文 site's /200806/ is when it copied the text: the text's own evidence decides
    if address:
        if coming and min(event.year for event in coming) < address.year:
            event = min(coming, key=lambda event: event.year)  # a page saved later than it was written
            return YearGuess(event.year, f"it awaits {event.words}; {address.words} is later")
        celebrated = {event.year: event for event in events if event.kind == ANNIVERSARY}
        if address.day is None and len(celebrated) == 1 and min(celebrated) < address.year:
            event = celebrated[min(celebrated)]  # an id made when the page was saved, later than the celebration
            return YearGuess(event.year, f"it celebrates {event.words}; {address.words} is later")
        return _year_of_publication(address.year, address.words, named, headline, hints,
                                    bool(_AWARD_DECISION.search(body)))
    event = lead_event_date(cleaned)
    # the latest full date the text names: a text naming 2020年6月29日 was written in 2020 or later
    latest_dated = max((date.year for block in cleaned.blocks for _, date in dates_in(block.text)), default=None)
    later = event is not None and latest_dated is not None and latest_dated > event.year
    # ... or a plenum it cites: "为学习贯彻二十届三中全会精神…2022年11月29日，遗址馆开馆" looks back
    later = later or event is not None and any(e.kind == PAST and e.year > event.year for e in events)
    if event and not later and not (named and not named[1] and named[0] != event.year):
        # "2024年1月28日，省直机关工委印发…": the events are of that year, whenever the page came out
        return YearGuess(event.year, f"the lead opens with the date of its events ({event.isoformat()})")
    if named:
        year, of_year = named
        reviewed = _REVIEWED_YEAR.search(headline)
        of_year = of_year or bool(reviewed and int(reviewed.group(1)) == year)
        if of_year and EVENT_TITLE.search(headline):
            month = lead_month(cleaned)
            if month is not None and not REVIEW_TITLE.search(headline):
                # "2024年度…党的建设工作会议" in February deploys that year's work
                return YearGuess(year, f"a meeting on {year}年度 work held in month {month}")
            if month is not None and month <= 6:  # 2月17日…召开2022年度…述职评议会: the year after
                return YearGuess(year + 1, f"a meeting on {year}年度 work held in month {month}",
                                 (Warning("year", f"guessed {year + 1}: the title names {year}年度 and the lead "
                                                  f"dates the meeting to month {month}"),))
            if month is not None and month >= 10:  # 12月23日…召开2024年度…述职评议会: the same year
                return YearGuess(year, f"a meeting on {year}年度 work held in month {month}")
            later = [named for named, score in hints.scores.items() if named > year and score >= 1]
            if month is None and REVIEW_TITLE.search(headline) and later == [year + 1]:
                # 2023年度…述职评议会 whose speakers present their 2024年工作思路: held in 2024
                return YearGuess(year + 1, f"a review of {year}年度 work that looks ahead to {year + 1}",
                                 (Warning("year", f"guessed {year + 1}: the title reviews {year}年度 work and the "
                                                  f"text names {year + 1}"),))
            return _unknown(f"the title names {year}年度 for a meeting or award, which is mostly held the "
                            "year after; no date says which")
        return YearGuess(year, f"the title names {year}{'年度' if of_year else '年'}")
    guess = _from_the_text(events, hints, headline, latest_dated, body, lead_month(cleaned))
    photographed = photo_year(cleaned) if guess.year is None else None
    if photographed:  # 微信图片_20231103144820.jpg: the photo's day, when the text names none
        return YearGuess(photographed, f"the file names of its photos ({photographed})",
                         (Warning("year", f"guessed {photographed} from the file names of its photos"),))
    return guess


def _of_an_earlier_year(cleaned: Cleaned, text: str, hints: YearHints, year: int) -> str | None:
    """What says a text is older than the page it is on: an anniversary it celebrates, or a
    congress it awaits, of an earlier year, or its own years two or more before; never when it
    names the page's year or a later one (今年 counts as the page's, except against a congress
    the text awaits: that one it was written before). text: _whole_text's."""
    if any(named >= year and score >= 1 for named, score in hints.scores.items()):
        # "以实际行动迎接党的二十大胜利召开" on a page of 2024: written before the congress, whatever 今年 says
        awaited = [event for event in milestones(text) if event.kind == COMING and event.year < year] \
            if may_await_a_congress(text) else []
        explicit = YearHints.of(cleaned.blocks).scores if awaited else {}
        return awaited[0].words if awaited and not any(
            named >= year and score >= 1 for named, score in explicit.items()) else None
    events = milestones(text)
    older = [event for event in events if event.kind in (ANNIVERSARY, COMING) and event.year < year]
    if older:
        return older[0].words
    # a campaign over years before the page (学习实践科学发展观活动, 2008-2010, on a page of 2014)
    campaigns = [event for event in events if event.kind in (CAMPAIGN, LAUNCH, PAST) and event.last is not None]
    if campaigns and all(event.last < year - 1 for event in campaigns):
        return campaigns[0].words
    best = hints.best()
    if best is not None and hints.is_clear() and best <= year - 2:
        return f"the years it names ({hints.describe()})"
    return None


def _year_of_publication(year: int, when: str, named, headline: str, hints: YearHints,
                         decides_awards: bool = False) -> YearGuess:
    if named and named[0] != year and (_PRESS_TITLE.search(headline) or (
            _SUMMARY_TITLE.search(headline) and not EVENT_TITLE.search(headline))):
        return YearGuess(named[0], f"the title sums up {named[0]} (published {when})")
    review_of_last_year = named and named[0] == year - 1 and REVIEW_TITLE.search(headline) and \
        when[5:7] in ("01", "02", "03", "04", "05", "06")  # 述职评议 of a year's work, held by midsummer
    if named and not named[1] and named[0] < year and EVENT_TITLE.search(headline) and not review_of_last_year:
        # "2019年全市机关党建工作会议召开" on a page of 2021: a later copy of the story
        return YearGuess(named[0], f"the title names the event's year {named[0]} (the page is of {when})",
                         (Warning("year", f"the title names {named[0]}, the page is dated {when}: took the title"),))
    lead = hints.lead_year
    if lead is not None and lead < year and not decides_awards:
        # a yearbook entry or a summary opening "2009年，…", published later (not a decision: _AWARD_DECISION)
        return YearGuess(lead, f"the first paragraph is about {lead} (published {when})")
    return YearGuess(year, f"the publication date {when}" if when[:1].isdigit() else when)


def _from_the_text(events: list[Milestone], hints: YearHints, headline: str = "", written_after: int | None = None,
                   text: str = "", month: int | None = None) -> YearGuess:
    floor = max((event.year for event in events if event.kind == PAST), default=None)
    if written_after is not None and (floor is None or written_after > floor):
        floor = written_after
    dated = {event.year: event for event in events if event.kind in (ANNIVERSARY, COMING, CAMPAIGN, LAUNCH)}
    if not dated and headline:  # "学习贯彻党的十九届五中全会精神宣讲会": a plenum the headline studies
        studied = [event for event in milestones(to_simplified(headline))
                   if event.kind == PAST and event.studied and event.text.endswith("全会")]
        if studied and max(event.year for event in studied) == floor:
            event = max(studied, key=lambda event: event.year)
            return YearGuess(event.year, f"the text studies {event.words}",
                             (Warning("year", f"guessed {event.year} from {event.text}, which the text studies"),))
    dated = {year: event for year, event in dated.items() if floor is None or year >= floor}
    # a campaign of 2021 in a text that names 2022 (荣获党史学习教育…奖; 2022年被评为…) lies behind it
    latest_named = max((year for year, score in hints.scores.items() if score >= 1), default=None)
    dated = {year: event for year, event in dated.items()
             if not (event.kind in (CAMPAIGN, LAUNCH) and latest_named is not None and latest_named > year)}
    if len(dated) == 1:
        year, event = next(iter(dated.items()))
        verb = {ANNIVERSARY: "celebrates", COMING: "awaits", CAMPAIGN: "reports on", LAUNCH: "launches"}[event.kind]
        return YearGuess(year, f"the text {verb} {event.words}")
    if len(dated) > 1:
        seen = "、".join(event.words for event in dated.values())
        return _unknown(f"no title year or date; the text names events of several years ({seen})")
    named_event = named_event_year(text)
    if named_event is not None and (floor is None or named_event >= floor) and (
            latest_named is None or latest_named <= named_event):
        return YearGuess(named_event, f"the text reports its events by their year ({named_event}年…)")
    best = hints.best()
    ran = [event for event in events if event.kind == PAST and event.last is not None]
    mostly = {event.main_year() for event in ran}
    if best is None and len(mostly) == 1 and None not in mostly and (year := mostly.pop()) >= floor:
        # a text of the 不忘初心、牢记使命 campaign (May 2019 - January 2020) naming no year or later event
        event = ran[0]
        return YearGuess(year, f"the text reports on {event.text}, which ran mostly in {year}",
                         (Warning("year", f"guessed {year}: the text names no year, and {event.text} "
                                          f"({event.year}-{event.last}) ran mostly in {year}"),))
    studied = year_of_study(events, month, floor) if best is None else None
    if studied:  # "10月28日，…学习贯彻党的二十大精神": studying goes on for months after, so a guess
        (year, event), held = studied, studied[1].held_in
        why = f"the text studies {event.words} (held in month {held}) and its dateline is of month {month}"
        return YearGuess(year, why, (Warning("year", f"guessed {year}: {why}"),))
    if best is None:
        return _unknown("no year in the title, no date, no years in the text")
    summary = hints.describe()
    lead = hints.lead_year
    if lead is not None and lead > best and (floor is None or lead >= floor):
        # "2022年3月，审计组开展2021年度…审计": the lead's year; the text reviews the year before
        return YearGuess(lead, f"the lead opens with its year {lead} ({summary})")
    # Years named in an undated text, however often, are as often the work it reviews or plans as
    # the year it reports on (4 right in 9 on the pages measured last): only a lead that opens with
    # its year ("2009年，…") says which
    if hints.is_clear() and (floor is None or best >= floor) and best == hints.lead_year:
        return YearGuess(best, f"the lead opens with the year its text names most ({summary})")
    below = f"; it refers back to events of {floor}" if floor is not None and best < floor else ""
    latest = max(year for year, score in hints.scores.items() if score >= 1) if any(
        score >= 1 for score in hints.scores.values()) else None
    named_years = [year for year, score in hints.scores.items() if score >= 1]
    if not below and best == latest and len(named_years) >= 2:
        # tied at the top, the latest of the years a report names is the one it is written in
        return YearGuess(best, f"the text's own years ({summary})",
                         (Warning("year", f"guessed {best}, the latest of the years the text names ({summary})"),))
    return _unknown(f"no title year or date, and the text's years point at none clearly ({summary}{below})")


def _whole_text(cleaned: Cleaned, headline: str) -> str:
    """The headline and the body, in simplified characters (the rules are written in them)."""
    return to_simplified("\n".join([headline, *(block.text for block in cleaned.blocks)]))


def _unknown(reason: str) -> YearGuess:
    return YearGuess(None, reason, (Warning("year", f"no year found: {reason}"),))


def _as_date(value: str | None) -> dt.date | None:
    iso = parse_date(value) if value else None
    return dt.date.fromisoformat(iso) if iso else None
