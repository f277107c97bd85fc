"""The lead's dateline: the date a story gives itself as it opens (12月6日讯, 驻马店网讯(记者 …)12月1日,
2021年12月6日电), or the date the lead opens with (2018年7月5日下午，…), which is its events' day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefings.ingest.extract.year_mentions import MAX_YEAR, MIN_YEAR
from briefings.model import Block, Cleaned

LEAD_CHARS = 120  # datelines sit at the very start of the lead
_YEAR = r"((?:19|20)\d{2})"
_MD = rf"(?:{_YEAR}年)?(\d{{1,2}})月(\d{{1,2}})[日号]"
_DATELINES = (  # (pattern, strong): a weak one may be an event ("12月7日，…召开") and yields to date lines
    (re.compile(rf"(?<!\d){_MD}\s*(?:讯|电)"), True),  # 齐鲁网·闪电新闻12月6日讯, 新华社北京5月6日电
    # 驻马店网讯(记者 张丽丽)12月1日, 本报讯 5月6日
    (re.compile(rf"(?:讯|电)\s*(?:[(（][^)）]{{0,40}}[)）])?\s*[:：，,]?\s*{_MD}"), True),
    (re.compile(rf"^\s*{_MD}"), False),  # a lead that opens with a date: 12月1日，…
)
_LEAD_DAY = re.compile(r"(?<![\d年])(\d{1,2})月\d{1,2}[日号]")


def make_date(year, month, day, years: tuple[int, int] = (MIN_YEAR, MAX_YEAR)) -> dt.date | None:
    """A real calendar date in the plausible range, or None (2024-13-01, 2023-02-30, 1888-01-01)."""
    try:
        date = dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return date if years[0] <= date.year <= years[1] else None


@dataclass(frozen=True)
class Dateline:
    """The date a story gives itself in its lead: 12月6日讯, 驻马店网讯(记者 …)12月1日."""

    year: int | None
    month: int
    day: int
    text: str
    strong: bool  # False for a lead that merely opens with a date, which may be an event


def lead_event_date(cleaned: Cleaned) -> dt.date | None:
    """The full date the lead opens with or its dateline carries (2024年1月28日，…; 2021年12月6日电):
    when its events happened, which is not always when the page came out."""
    line = lead_dateline(cleaned.blocks)
    return make_date(line.year, line.month, line.day) if line and line.year else None


def lead_month(cleaned: Cleaned) -> int | None:
    """The month of the lead's dateline or opening date (3月20日，…召开), with or without a year."""
    line = lead_dateline(cleaned.blocks)
    if line:
        return line.month if 1 <= line.month <= 12 else None
    lead = next((b.text for b in cleaned.blocks if b.kind in ("paragraph", "speech")), "")
    found = _LEAD_DAY.search(lead[:LEAD_CHARS])  # "为深入贯彻…，3月20日，县委…召开"
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 12 else None


def lead_dateline(blocks: tuple[Block, ...]) -> Dateline | None:
    """The dateline in the first 120 characters of the first or second paragraph."""
    leads = [b.text for b in blocks if b.kind in ("paragraph", "speech", "item")][:2]
    for lead in leads:
        for pattern, strong in _DATELINES:
            match = pattern.search(lead[:LEAD_CHARS])
            if match:
                year, month, day = match.groups()[:3]
                return Dateline(int(year) if year else None, int(month), int(day), _squash(match.group(0)), strong)
    return None




def _squash(text: str) -> str:
    return " ".join(text.split())


# A document's closing date in Chinese numerals: "二○○九年四月二十九日", "二〇二三年十二月五日"; the
# year's zeros are often typed as digits or letters (二00八年, 二OO八年), or the year in digits.
CHINESE_DATE = re.compile(r"([〇○零0０OＯ一二三四五六七八九1-9]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
                          r"\s*([一二三四五六七八九十]{1,3})\s*日")
_DIGITS = {c: n for n, chars in enumerate(("〇○零0０OＯ", "一1", "二2", "三3", "四4", "五5", "六6", "七7", "八8", "九9"))
           for c in chars}


def chinese_numeral_date(match: re.Match) -> dt.date | None:
    year = int("".join(str(_DIGITS[c]) for c in match.group(1)))
    return make_date(year, _small_number(match.group(2)), _small_number(match.group(3)))


def _small_number(text: str) -> int:
    """一 .. 三十一: 十 alone is 10, 十二 is 12, 二十 is 20, 二十九 is 29."""
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
