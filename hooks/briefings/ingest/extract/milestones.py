"""Events that date a text, from shipped data (ingest/data/milestones.yml):

    建党88周年, 庆祝新中国成立70周年, 改革开放四十周年   an anniversary: the founding year + N
    第29个世界读书日, 第三十四次全国助残日             a day observed yearly: the first one's year + N - 1
    以优异成绩迎接党的十七大胜利召开                     a coming congress: the text is of that year
    学习贯彻党的十八届三中全会精神, 党的二十大以来       a past one: the text is that year or later
    今年是“十四五”开局之年, 党的二十大召开之年           what a year is called: that year
    党史学习教育, 党的群众路线教育实践活动              a campaign: the text is of the years it ran
                                                       (巩固拓展党史学习教育成果, 党史学习教育常态化: of a later year)

An anniversary quoted as the name of a speech (在庆祝改革开放40周年大会上的讲话) dates the
speech, not the text, and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from briefings.ingest.extract.year_mentions import MAX_YEAR

ANNIVERSARY, COMING, PAST, CAMPAIGN, LAUNCH = "anniversary", "coming", "past", "campaign", "launch"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"\d{1,3}|[零〇一二两三四五六七八九十百]{1,6}"
_ORDINAL = r"二十[一二三四五六七八九]?|十[一二三四五六七八九]|十"
_SPEECH_AFTER = re.compile(r"\s*(?:大会|座谈会|纪念大会|庆祝大会)?\s*(?:上|上的|的)?\s*(?:重要)?讲话")
# a place's history, not the text's celebration: "博物馆是为纪念抗战胜利60周年在原遗迹基础上修缮而成"
_MONUMENT_BEFORE = re.compile(r"是为(?:了)?(?:纪念|庆祝)$")
_BUILT_AFTER = re.compile(r"[^。；！？]{0,30}?(?:修缮|修建|兴建|建成|建造|落成|而建|而成|建立)")
_CAMPAIGN_PAST = re.compile(r"(?:巩固|拓展|巩固拓展|用好|运用|延续|延伸|深化)[^，。；！？]{0,4}$")
_CAMPAIGN_PLACE = re.compile(r"[”\"」』]?\s*(?:基地|教育馆|展馆|阵地|示范点)")  # 党史学习教育基地: a place, not the campaign
_CAMPAIGN_KEPT_UP = re.compile(r"[”\"」』]?\s*(?:常态化|长效化)")  # 推动党史学习教育常态化长效化: after it ended
_QUOTES = "“”\"‘’「」『』、·"
_STUDIED = re.compile(r"(?:学|贯彻|宣讲|传达|领会|笃行|围绕|聚焦)[^，。；！？]{0,6}$")
_SPIRIT = re.compile(r"[^，。；！？]{0,2}(?:精神|宣讲|专题|报告会|学习|知识竞赛|知识测试|知识答题)")
_LAUNCHED = re.compile(r"[”\"」』]?\s*(?:动员部署|动员|部署|启动|工作会议|推进会|实施方案)")
_AWAITS = r"(?:迎接|喜迎|献礼|即将召开的|召开前夕|筹备)"  # what a text says of a congress still to come
_COMING_BEFORE = re.compile(rf"{_AWAITS}[^，。；！？]{{0,8}}$")
# ... followed by a congress or plenum (党的二十大, 十九届六中全会): a cheap test before milestones()
_AWAITING = re.compile(rf"{_AWAITS}[^，。；！？]{{0,10}}?(?:十|二十)[一二三四五六七八九]?[大届次]")


@dataclass(frozen=True)
class Milestone:
    year: int
    kind: str  # ANNIVERSARY, COMING, PAST, CAMPAIGN (one of one year) or LAUNCH (a campaign begun)
    text: str
    studied: bool = False  # a past plenum or congress the text studies (学习贯彻…全会精神, 宣讲)
    last: int | None = None  # a campaign's last year
    months: tuple[int, int] | None = None  # a campaign's: the month it began in its first year, ended in its last
    held_in: int | None = None  # a congress's or plenum's month

    def years_in_month(self, month: int) -> list[int]:
        """The years a campaign ran in that month: 群众路线 (June 2013 - October 2014) in March is 2014."""
        if self.last is None or self.months is None:
            return [self.year]
        began_in, ended_in = self.months
        return [year for year in range(self.year, self.last + 1)
                if not (year == self.year and month < began_in) and not (year == self.last and month > ended_in)]

    def main_year(self, share: float = 2 / 3) -> int | None:
        """The year a campaign of several years ran most of its months in, when that is at least
        share of them: 不忘初心、牢记使命 (May 2019 - January 2020) ran 8 of 9 in 2019."""
        if self.last is None or self.months is None or self.last == self.year:
            return None
        began_in, ended_in = self.months
        months = {year: 12 for year in range(self.year, self.last + 1)}
        months[self.year] = 13 - began_in
        months[self.last] = ended_in
        year = max(months, key=months.get)
        return year if months[year] >= share * sum(months.values()) else None

    @property
    def words(self) -> str:
        return f"{self.text} ({self.year})"


def chinese_number(text: str) -> int | None:
    """十 -> 10, 九十五 -> 95, 一百 -> 100, 一百零一 -> 101, 99 -> 99; None for what is not a number."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char == "十":
            total += (digit if digit is not None else 1) * 10
            digit = None
        elif char == "百":
            total += (digit if digit is not None else 1) * 100
            digit = None
        else:
            return None
    return total + (digit or 0)


@cache
def _raw() -> dict:
    text = resources.files("briefings.ingest").joinpath("data/milestones.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: the same data, 5x sooner


@cache
def _data() -> tuple[re.Pattern[str], dict[str, int], dict[int, tuple[int, int | None]],
                     dict[int, dict[int, tuple[int, int | None]]]]:
    """The anniversaries' pattern and founding years; (year, month) of each congress and plenum."""
    raw = _raw()
    founded = {name: int(year) for year, names in raw["anniversaries"].items() for name in names}
    names = "|".join(sorted(map(re.escape, founded), key=len, reverse=True))
    pattern = re.compile(rf"(?P<name>{names})\s*(?:的)?\s*(?:(?P<n>{_NUMBER})\s*周年|(?P<hundred>百)年(?:华诞|之际|庆典|纪念)?(?!来|大计|历史|奋斗))")
    held, held_plenums = raw["congress_months"], raw["plenum_months"]
    congresses = {int(k): (int(v), held.get(k)) for k, v in raw["congresses"].items()}
    plenums = {int(k): {int(s): (int(y), held_plenums.get(k, {}).get(s)) for s, y in v.items()}
               for k, v in raw["plenums"].items()}
    return pattern, founded, congresses, plenums


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, int]]:
    """What a year is called ("十四五"开局之年), matched with or without quotes and 规划."""
    raw = _raw()
    years = {phrase: int(year) for year, phrases in raw["phrases"].items() for phrase in phrases}
    gap = f"[{re.escape(_QUOTES)}]*(?:规划)?[{re.escape(_QUOTES)}]*"
    names = sorted(years, key=len, reverse=True)
    pattern = "|".join(f"(?P<p{i}>{gap.join(map(re.escape, name))})" for i, name in enumerate(names))
    return re.compile(pattern), {f"p{i}": years[name] for i, name in enumerate(names)}


@dataclass(frozen=True)
class _Span:
    first: int
    began_in: int  # the month it began in its first year
    last: int
    ended_in: int  # the month it ended in its last year
    launched: int | None  # the year every level launched it, when that was one year


@cache
def _campaigns() -> tuple[re.Pattern[str], dict[str, _Span]]:
    """The campaigns' names, matched with or without their quotes and 、 (“不忘初心、牢记使命”主题教育)."""
    spans = {}
    for name, entry in _raw()["campaigns"].items():
        (first, began_in), (last, ended_in) = (map(int, str(month).split("-")) for month in entry["ran"])
        spans[name] = _Span(first, began_in, last, ended_in, entry.get("launched"))
    gap = f"[{re.escape(_QUOTES)}]*"
    names = sorted(spans, key=len, reverse=True)
    pattern = "|".join(f"(?P<c{i}>{gap.join(map(re.escape, name))})" for i, name in enumerate(names))
    return re.compile(pattern), {f"c{i}": spans[name] for i, name in enumerate(names)}


@cache
def _observances() -> tuple[re.Pattern[str], dict[str, int]]:
    """Days observed every year, counted from the first (第29个世界读书日: the first was in 1996)."""
    first = {name: int(year) for year, names in _raw()["observances"].items() for name in names}
    names = "|".join(sorted(map(re.escape, first), key=len, reverse=True))
    # a quoted short name may come between (第114个“三八”国际劳动妇女节, 第29个“4·23”世界读书日)
    # ... or by 届 when the day's name follows at once (第27届世界读书日; 第三届“读书日”征文 is a contest's)
    return re.compile(rf"第\s*(?P<n>{_NUMBER})\s*(?:(?:个|次)[^，。；！？\n]{{0,6}}?|届)(?P<name>{names})"
                      r"(?!\s*(?:征文|比赛|竞赛|知识))"), first


_CONGRESS = re.compile(rf"(?:党的|中共|第)?(?P<n>{_ORDINAL})(?:次全国代表大会|大(?![队学会街道厦院桥]))")
_PLENUM = re.compile(rf"(?P<n>{_ORDINAL})届(?P<s>[一二三四五六七八九])中全会")
# what the year of a congress is called: "今年是党的二十大召开之年"
_CONGRESS_YEAR = re.compile(rf"(?:党的)?(?P<n>{_ORDINAL})大(?:胜利)?召开之年")


def milestones(text: str) -> list[Milestone]:
    """Every dated event the text names, in order."""
    pattern, founded, congresses, plenums = _data()
    found: list[tuple[int, Milestone]] = []
    for match in pattern.finditer(text):
        count = 100 if match.group("hundred") else chinese_number(match.group("n"))
        # a count past any plausible year is garbled (a spun copy's 中华人民共和国成立99周年)
        if not count or founded[match.group("name")] + count > MAX_YEAR or _SPEECH_AFTER.match(text, match.end()):
            continue
        if _MONUMENT_BEFORE.search(text, max(0, match.start() - 5), match.start()) and _BUILT_AFTER.match(text, match.end()):
            continue
        found.append((match.start(), Milestone(founded[match.group("name")] + count, ANNIVERSARY, match.group(0))))
    observances, first = _observances()
    for match in observances.finditer(text):
        count = chinese_number(match.group("n"))
        if count and first[match.group("name")] + count - 1 <= MAX_YEAR:
            found.append((match.start(), Milestone(first[match.group("name")] + count - 1, ANNIVERSARY, match.group(0))))
    for match in _PLENUM.finditer(text):
        year, month = plenums.get(chinese_number(match.group("n")) or 0, {}).get(
            chinese_number(match.group("s")) or 0, (None, None))
        if year:
            studied = bool(_STUDIED.search(text, max(0, match.start() - 10), match.start())) and bool(
                _SPIRIT.match(text, match.end()))
            found.append((match.start(), Milestone(year, _tense(text, match.start()), match.group(0), studied,
                                                   held_in=month)))
    studied: set[int] = set()  # congresses the text studies (学习贯彻党的二十大精神)
    for match in _CONGRESS.finditer(text):
        year, month = congresses.get(chinese_number(match.group("n")) or 0, (None, None))
        if year and not _PLENUM.match(text, match.start("n")):
            learnt = bool(_STUDIED.search(text, max(0, match.start() - 10), match.start())) and bool(
                _SPIRIT.match(text, match.end()))
            found.append((match.start(), Milestone(year, _tense(text, match.start()), match.group(0), learnt,
                                                   held_in=month)))
            if learnt:
                studied.add(year)
    for match in _CONGRESS_YEAR.finditer(text):
        year, _ = congresses.get(chinese_number(match.group("n")) or 0, (None, None))
        if year:
            found.append((match.start(), Milestone(year, ANNIVERSARY, match.group(0))))
    phrases, named = _phrases()
    for match in phrases.finditer(text):
        found.append((match.start(), Milestone(named[match.lastgroup], ANNIVERSARY, match.group(0))))
    campaigns, spans = _campaigns()
    for match in campaigns.finditer(text):
        span = spans[match.lastgroup]
        if _CAMPAIGN_PLACE.match(text, match.end()):
            continue
        past = _CAMPAIGN_PAST.search(text, max(0, match.start() - 8), match.start()) or (
            span.first == span.last and _CAMPAIGN_KEPT_UP.match(text, match.end()))
        kind = PAST if past or span.first != span.last else CAMPAIGN  # a campaign of one year dates the text
        if kind == PAST and not past and span.launched and _LAUNCHED.match(text, match.end()):
            kind = LAUNCH  # "两学一做学习教育动员部署会": the year every level launched it
        found.append((match.start(), Milestone(span.first, kind, match.group(0), months=None if past else (
            span.began_in, span.ended_in), last=None if past else span.last)))
    # a congress the text both awaits and studies (迎接党的二十大和学习贯彻党的二十大精神) is behind it
    return [milestone for _, milestone in sorted(found, key=lambda item: item[0])
            if not (milestone.kind == COMING and milestone.year in studied)]


def may_await_a_congress(text: str) -> bool:
    """Whether milestones(text) may hold a congress or plenum still to come (COMING): False
    means it holds none, and milestones() need not run for one."""
    return _AWAITING.search(text) is not None


def _tense(text: str, start: int) -> str:
    return COMING if _COMING_BEFORE.search(text, max(0, start - 16), start) else PAST


_YEAR_IS = re.compile(r"((?:19|20)\d{2})\s*年(?:是|为|正值|恰逢)([^。；！？\n]{2,40})")


def misnamed_year(text: str) -> str | None:
    """What says the text's years were changed: it calls a year that of an anniversary or a
    phase of another year ("2023年是中国共产党成立一百周年", a 文库 copy's years replaced)."""
    for match in _YEAR_IS.finditer(text):
        year = int(match.group(1))
        called = [event for event in milestones(match.group(2)) if event.kind == ANNIVERSARY]
        if called and all(event.year != year for event in called):
            return f"the text calls {year} the year of {called[0].words}: its years were changed"
    return None


def campaigns_of_their_month(events: list[Milestone], month: int | None) -> list[Milestone]:
    """A campaign of several years dates a text whose events are of a month it ran in one year
    only: "3月4日，召开党的群众路线教育实践活动动员大会" (June 2013 - October 2014) is of 2014."""
    if month is None:
        return events
    dated = []
    for event in events:
        years = event.years_in_month(month) if event.kind == PAST and event.months else []
        dated.append(Milestone(years[0], CAMPAIGN, event.text) if len(years) == 1 else event)
    return dated


def year_of_study(events: list[Milestone], month: int | None, floor: int | None) -> tuple[int, Milestone] | None:
    """The year of a dateline's month after the latest congress or plenum a text studies, with
    that event: "10月28日，…学习贯彻党的二十大精神" is of 2022 (held in October 2022), "3月29日，…"
    of 2023. floor: the year of the latest past event the text names."""
    studied = [event for event in events if event.kind == PAST and event.year == floor and event.held_in
               and event.studied]
    if month is None or not studied:
        return None
    event = studied[0]
    return (event.year if month >= event.held_in else event.year + 1), event
