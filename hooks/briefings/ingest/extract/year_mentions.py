"""The years a text names: a title's year ("2023年度"), and how strongly a body points at each
year (weighted "YYYY年" mentions, 今年, 去年; a start "2017年以来" or a baseline "较2020年" counts little).
Used for the year reported on (years.py) and to complete a dateline without a year (dates.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefings.model import Block, Cleaned

MIN_YEAR, MAX_YEAR = 1990, 2030  # plausible years for a date found in a scraped page


_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(年度|年)")
# "2017年…以来" (以來 in traditional characters): a start, not the year
_SINCE = re.compile(r"[^，。；,;！？!?]{0,14}?(?:以来|以來|开始|開始|起(?=[，,。]))")
_BEFORE_COMPARED = re.compile(r"(?:较|較|比|同比|到|前)\s*$")  # "较2020年增加", "到2025年": a baseline or target
# The year a lead is about: it opens with it ("【概况】 2009年，…", "2023年度，…", "2022年3月，…"). A year named
# later in a news lead ("召开了2022年度述职评议会议") is the work reviewed, not the story's year.
_LEAD_YEAR = re.compile(r"^\s*(?:【[^】]{0,12}】\s*)?((?:19|20)\d{2})\s*年(?:度|\d{1,2}月(?:份)?)?[，,、\s]")
_SENTENCE = re.compile(r"[，。,；;！？!?]")  # a lead is running text; a stray title line has no punctuation
LEAD_WEIGHT = 3  # the first paragraph says what the briefing is about
# a meeting that reviews a year's work (held early the next year), not one that deploys it
REVIEW_TITLE = re.compile(r"述职|评议|考核|考评|表彰|总结|颁奖|先进|评审|评选|评比|民主生活会|组织生活会")


def title_year(text: str) -> tuple[int, bool] | None:
    """(year, written as 年度) of the first year in a title; "2023年度" wins over a plain "2021年"."""
    text = text or ""
    years = [(int(m.group(1)), m.group(2) == "年度") for m in _YEAR_MENTION.finditer(text)
             if not _SINCE.match(text, m.end()) and not _BEFORE_COMPARED.search(text[max(0, m.start() - 2):m.start()])]
    years = [(year, of_year) for year, of_year in years if MIN_YEAR <= year <= MAX_YEAR]
    return next((found for found in years if found[1]), years[0] if years else None)


@dataclass(frozen=True)
class YearHints:
    """How strongly the body points at each year: weighted mentions of "YYYY年", 今年, 去年."""

    scores: dict
    lead_year: int | None

    @classmethod
    def of(cls, blocks: tuple[Block, ...], published: dt.date | None = None) -> YearHints:
        first = _first_paragraph(blocks)
        scores: dict[int, float] = {}
        for index, block in enumerate(blocks):
            factor = LEAD_WEIGHT if index == first else 1
            for year, weight in _mentions(block.text, published):
                # a start or a baseline in the lead ("2017年以来") still says little about the year
                scores[year] = scores.get(year, 0.0) + weight * (factor if weight >= 1 else 1)
        lead = _LEAD_YEAR.search(blocks[first].text) if first is not None else None
        lead_year = int(lead.group(1)) if lead else None
        if lead_year is not None and not MIN_YEAR <= lead_year <= MAX_YEAR:
            lead_year = None
        return cls(scores, lead_year)

    def score(self, year: int) -> float:
        return self.scores.get(year, 0.0)

    def best(self) -> int | None:
        """The highest score; a tie goes to the latest year, the one a report is usually about."""
        return max(self.scores, key=lambda year: (self.scores[year], year)) if self.scores else None

    def is_clear(self) -> bool:
        best = self.best()
        if best is None:
            return False
        runner_up = max((s for y, s in self.scores.items() if y != best), default=0.0)
        return best == self.lead_year or (self.scores[best] >= LEAD_WEIGHT and self.scores[best] >= 2 * runner_up)

    def describe(self) -> str:
        ranked = sorted(self.scores.items(), key=lambda item: (-item[1], -item[0]))[:4]
        return ", ".join(f"{year}: {score:g}" for year, score in ranked)


def _first_paragraph(blocks: tuple[Block, ...]) -> int | None:
    """Index of the lead: the first running text, not a stray title line left in the body."""
    return next((i for i, b in enumerate(blocks)
                 if b.kind in ("paragraph", "speech", "item") and _SENTENCE.search(b.text)), None)


def _mentions(text: str, published: dt.date | None) -> list[tuple[int, float]]:
    """(year, weight) for every year the text mentions."""
    found = []
    for match in _YEAR_MENTION.finditer(text):
        year = int(match.group(1))
        if not MIN_YEAR <= year <= MAX_YEAR or (published and year > published.year):
            continue
        weight = 2.0 if match.group(2) == "年度" else 1.0
        if _SINCE.match(text, match.end()):
            weight = 0.25
        if _BEFORE_COMPARED.search(text[max(0, match.start() - 2):match.start()]):
            weight = 0.25
        found.append((year, weight))
    if published:
        # in January and February "今年以来" may still mean the year just ended: ambiguous, skipped
        if published.month > 2:
            found += [(published.year, 1.0)] * text.count("今年")
        found += [(published.year - 1, 1.0)] * text.count("去年")
    return found


_PHOTO_STAMP = re.compile(r"(?:微信图片|IMG|mmexport|wx_camera)_?((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\d{0,6}")


def photo_year(cleaned: Cleaned) -> int | None:
    """The one year the phone's names of a page's photos carry (微信图片_20231103144820), in its
    text or in the lines cleaning dropped."""
    texts = [*(block.text for block in cleaned.blocks), *(line.text for line in cleaned.dropped)]
    years = {int(m.group(1)) for text in texts for m in _PHOTO_STAMP.finditer(text)}
    years = {year for year in years if MIN_YEAR <= year <= MAX_YEAR}
    return years.pop() if len(years) == 1 else None


# an event named with its year (召开2020年机关党建工作会议, 2025年…培训班举办): of that year, unless it
# reviews a year's work (2022年度述职评议会议, held the year after)
_EVENT_NOUN = r"(?:工作会议|会议|大会|推进会|座谈会|动员会|部署会|培训班|读书班|学习班|示范班|运动会|比赛|竞赛)"
_NAMED_EVENT = re.compile(rf"(?:召开|举办|举行|开展|启动|组织)了?\s*((?:19|20)\d{{2}})年(?!度)([^，。；！？,]{{0,24}}?){_EVENT_NOUN}"
                          rf"|((?:19|20)\d{{2}})年(?!度)([^，。；！？,]{{0,24}}?){_EVENT_NOUN}\s*(?:召开|举办|举行|开班|开幕|结束|圆满结束)")


def named_event_year(text: str) -> int | None:
    """The one year the text's events are named with, as it reports them held."""
    years = {int(m.group(1) or m.group(3)) for m in _NAMED_EVENT.finditer(text)
             if not REVIEW_TITLE.search(m.group(2) or m.group(4) or "")}
    return years.pop() if len(years) == 1 else None
