"""Publication date of a briefing, guessed from its cleaned text (the year it reports on: years.py).

find_date  when was it published?  Bylines and meta lines ("发表时间:2024-01-02"), the date in
           the page's address (address.py), the lead's dateline ("2021年12月6日电"; "12月6日讯"
           with the year of a date line).

Every guess carries its evidence in words and Warnings for anything guessed or missing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefings.ingest.cleaning.patterns import STAMP
from briefings.ingest.extract.address import AddressDate, address_date, day_in_address
from briefings.ingest.extract.datelines import (
    CHINESE_DATE,
    Dateline,
    chinese_numeral_date,
    lead_dateline,
    make_date,
)
from briefings.ingest.extract.written_dates import dates_in
from briefings.ingest.extract.year_mentions import title_year
from briefings.model import Cleaned, Warning

MAX_META_BLOCK_CHARS = 60  # a body block longer than this is running text, not a date line
PUBLISHING_LAG_DAYS = 7  # a site may publish a story some days after its dateline


# Strength of an explicit date line; the strongest wins, ties go to the first in the document.
LABELLED, PLAIN, REPOST = 3, 2, 1
_KIND_WORDS = {LABELLED: "labelled date line", PLAIN: "date line", REPOST: "repost timestamp"}

# Dropped lines whose dates belong to other pages or to nobody.
_FOREIGN_REASONS = {"related", "comments", "ad", "widget", "subscription", "copyright", "pager", "image", "profile"}

_LABEL = re.compile(r"(?:发布|发表|发稿|更新|录入|上传|刊发|出版|报道)?(?:时间|日期)|来\s*源|作\s*者|编辑|责编|"
                    r"浏览|阅读|点击|稿源|字号|字数|版次|第\s*[0-9A-Z]{1,3}\s*版")  # an e-paper's 字数:653, 第03版
# "TUhjnbcbe - 2024/10/11 17:30:00": a user handle and a timestamp, as forums and repost farms
# print them; a site's own byline names a site (驻马店网) or carries a label (来源, 发布时间).
_REPOST = re.compile(r"^\s*[A-Za-z0-9_.@]{2,32}\s*[-–—|·]\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
                     r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_DATE_ONLY = re.compile(r"[\d\s\-/.:年月日号]+")  # "2024/10/11", "2021-12-01 19:35": nothing but a date

_SPEECH_DATE = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]")
# a source line run into the story, as forum archives print it: "信息来源:马鞍山市|2009-12-0912月8日上午,…"
_SOURCE_RUN_IN = re.compile(r"^(?:信息)?来源\s*[:：]\s*[^|｜\s，。]{1,20}\s*[|｜]\s*(?:19|20)\d{2}-\d{2}-\d{2}")
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")


@dataclass(frozen=True)
class DateGuess:
    date: str | None  # YYYY-MM-DD
    evidence: str
    warnings: tuple[Warning, ...] = ()


@dataclass(frozen=True)
class _Found:
    """A date on a date line."""

    date: dt.date
    kind: int  # LABELLED, PLAIN or REPOST
    line: str

    @property
    def words(self) -> str:
        return f"{_KIND_WORDS[self.kind]} {self.date.isoformat()}"


def find_date(cleaned: Cleaned, title: str = "", url: str | None = None) -> DateGuess:
    """The publication date: the page's own date lines and its address, reconciled with the
    lead's dateline; None with a warning saying what was seen when nothing dates the page itself.

    A dateline without its year (12月6日讯), a date the lead opens with (2018年7月5日下午，…) and
    dates in the body are when something happened, not when the page came out: they date the
    page only together with a date line or the address.
    """
    explicit = _explicit_dates(cleaned)
    best = max(explicit, key=lambda found: found.kind) if explicit else None  # max keeps the first of ties
    address = address_date(url)
    if address and address.day:
        return _with_address(address, best, lead_dateline(cleaned.blocks))
    dateline = lead_dateline(cleaned.blocks)
    if dateline and not dateline.strong:
        dateline = None  # "12月7日，…召开" is an event
    if dateline:
        guess = _reconcile(dateline, best) or _dated(dateline, best) or _completed(dateline, best, cleaned, title)
        if guess:
            return guess
    if best:
        warnings = ()
        if best.kind == REPOST:
            warnings = (Warning("date", f"only a repost timestamp gives the date ({_squash(best.line)}); "
                                        "it may be the date of the repost"),)
        return DateGuess(best.date.isoformat(), f"{_KIND_WORDS[best.kind]}: {_squash(best.line)}", warnings)
    lead = dateline or lead_dateline(cleaned.blocks)
    return _in_the_address(lead, url) or _undated(cleaned, lead, address)


def _in_the_address(line: Dateline | None, url: str | None) -> DateGuess | None:
    """"5月7日下午，…" on a page whose address's number starts 20200507…: the two agree on the day."""
    if line is None or line.year is not None:
        return None
    date = day_in_address(url, line.month, line.day)
    if date is None:
        return None
    warning = Warning("date", f"the dateline {line.text} matches {date.isoformat()} in the address's number")
    return DateGuess(date.isoformat(), f"dateline {line.text}, year from the address", (warning,))


def _with_address(address: AddressDate, best: _Found | None, dateline: Dateline | None) -> DateGuess:
    """The address's day; a date line of the page that disagrees is named in a warning."""
    day = address.day
    assert day is not None
    warnings: tuple[Warning, ...] = ()
    stamped = best is not None and best.kind == PLAIN and STAMP.search(best.line) is not None and \
        0 < (day - best.date).days <= PUBLISHING_LAG_DAYS  # "2020-09-10 10:11 武汉市医疗保障局" under the headline
    if best and (best.kind == LABELLED or stamped) and best.date != day and (
            abs((best.date - day).days) <= _LABEL_OVER_ADDRESS_DAYS or best.date < day):
        # 发布日期：2018-07-02 on a page whose address says t20180710: the page's own label is its
        # publication; the address is when the record was made or last edited (or, much later, when
        # it was filed again: into a topic's column, a new site)
        return DateGuess(best.date.isoformat(), f"{_KIND_WORDS[best.kind]}: {_squash(best.line)}", (
            Warning("date", f"the {best.words} disagrees with {address.words}; took the date line"),))
    if best and best.date != day and best.kind != REPOST:
        warnings = (Warning("date", f"the {best.words} disagrees with {address.words}; took the address"),)
    elif dateline and dateline.year is None and make_date(day.year, dateline.month, dateline.day) and \
            make_date(day.year, dateline.month, dateline.day) > day:
        warnings = (Warning("date", f"the dateline {dateline.text} is later than {address.words}"),)
    return DateGuess(day.isoformat(), address.words, warnings)


def _completed(line: Dateline, best: _Found | None, cleaned: Cleaned, title: str) -> DateGuess | None:
    """A month/day dateline completed with the year its headline names; always with a warning.
    (Years from the body are not enough: "2024年…会议召开" there is as often the event's.)"""
    if line.year is not None or (best is not None and best.kind != REPOST):
        return None
    found = title_year(title) or title_year(cleaned.headline or "")
    if found is None:
        return None
    year, of_year = found
    # "2023年度…工作" with a January dateline: the report comes out the year after
    year, source = (year + 1, "the title (a report on the year before)") if of_year and line.month <= 3 else (year, "the title")
    date = make_date(year, line.month, line.day)
    if date is None:
        return None
    disagrees = f"; the {best.words} disagrees" if best else ""
    warning = Warning("date", f"completed the dateline {line.text} with the year {year} from {source}{disagrees}")
    return DateGuess(date.isoformat(), f"dateline {line.text}, year from {source}", (warning,))


def _undated(cleaned: Cleaned, dateline: Dateline | None, address: AddressDate | None) -> DateGuess:
    seen = []
    if dateline and dateline.year is None:
        seen.append(f"the dateline {dateline.text} gives no year")
    elif dateline:
        seen.append(f"the lead opens with {dateline.text}, the date of its events")
    if address:
        seen.append(f"{address.words} gives no day")
    body = sorted({date for block in cleaned.blocks for _, date in dates_in(block.text)})
    if body:
        shown = "、".join(date.isoformat() for date in body[:3]) + ("…" if len(body) > 3 else "")
        seen.append(f"the body names {shown} (events, not the page's date)")
    reason = "; ".join(seen) if seen else "no date line, dateline, address date or full date in the text"
    return DateGuess(None, reason, (Warning("date", f"no publication date found: {reason}"),))


def _explicit_dates(cleaned: Cleaned) -> list[_Found]:
    """Dates on byline/meta lines: dropped lines, the headline and short date-like body blocks."""
    lines: list[tuple[str, bool]] = []  # (line, came from a meta/byline line)
    dropped = cleaned.dropped
    lines += [
        (d.text, d.reason in ("meta", "byline", "url")) for i, d in enumerate(dropped)
        if d.reason not in _FOREIGN_REASONS and not _beside_a_weekday(dropped, i)
    ]
    if cleaned.headline:
        lines.append((cleaned.headline, False))
    lines += [(b.text, False) for b in cleaned.blocks if len(b.text) <= MAX_META_BLOCK_CHARS]
    if cleaned.blocks:  # "…的讲话 湖南省委常委、秘书长谢建辉（2018年2月9日）同志们：": a speech's own date
        lines += [(m.group(), True) for m in _SPEECH_DATE.finditer(cleaned.blocks[0].text[:200])]
        lines += [(m.group(), True) for m in [_SOURCE_RUN_IN.match(cleaned.blocks[0].text)] if m]
    found = []
    for block in cleaned.blocks[-3:]:  # a notice's or speech's closing line: 二○○九年四月二十九日
        closing = CHINESE_DATE.fullmatch(block.text.strip())
        if closing and chinese_numeral_date(closing):
            found.append(_Found(chinese_numeral_date(closing), PLAIN, block.text.strip()))
    for line, from_meta in lines:
        dates = dates_in(line)
        if dates and _wrong_weekday(line, dates[0][1]):
            continue  # "2024/7/3 3:42:42星期一" (a Wednesday): a site's clock, not a date it knows
        kind = _line_kind(line, from_meta) if dates else None
        if kind:
            found.append(_Found(_labelled_date(line, dates), kind, line))
    return found


_WEEKDAYS = "一二三四五六日"
_FILED = re.compile(r"归档(?:时间|日期)")
_WRITTEN = re.compile(r"(?:成文|印发|签发)(?:时间|日期)")  # when a document was written or issued, not published
_LABEL_OVER_ADDRESS_DAYS = 92  # a labelled date line this close to the address's day wins over it


def _wrong_weekday(line: str, date: dt.date) -> bool:
    said = _WEEKDAY.search(line)
    day = said.group()[-1] if said else None
    return day is not None and (6 if day in "日天" else _WEEKDAYS.index(day)) != date.weekday()


def _beside_a_weekday(dropped: tuple, index: int) -> bool:
    """A bare date printed next to a weekday (2026-01-19 / 星期一) is the site's clock: the day
    the page was saved, not the day it was published."""
    if not _DATE_ONLY.fullmatch(dropped[index].text.strip()):
        return False
    near = [dropped[i].text.strip() for i in (index - 1, index + 1) if 0 <= i < len(dropped)]
    return any(_WEEKDAY.fullmatch(text) for text in near)


def _line_kind(line: str, from_meta: bool) -> int | None:
    if _FILED.search(line):
        return None  # 归档时间：2021-02-25 is when the page was filed away, not published
    if _REPOST.match(line):
        return REPOST
    if _LABEL.search(_WRITTEN.sub("", line)):
        return LABELLED
    if _WRITTEN.search(line):
        return PLAIN  # 成文日期: 2024-08-12 beside 发布日期: 2024-08-13: the page's own date wins
    if from_meta or _DATE_ONLY.fullmatch(line) or (len(line) <= 40 and STAMP.search(line)):
        return PLAIN  # "政务 2024-12-23 17:45 上海": a page's stamp has its time of day
    return None  # a date inside a sentence: an event, not a date line


def _labelled_date(line: str, dates: list[tuple[int, dt.date]]) -> dt.date:
    """The date right after a 时间/日期 label when a line carries several, else the first."""
    label = re.search(r"时间|日期", line)
    if label:
        after = [date for position, date in dates if position >= label.start()]
        if after:
            return after[0]
    return dates[0][1]


def _reconcile(line: Dateline, best: _Found | None) -> DateGuess | None:
    """The date line's date when the dateline agrees with it or precedes it by a few days."""
    if best is None:
        return None
    if (best.date.month, best.date.day) == (line.month, line.day) and line.year in (None, best.date.year):
        return DateGuess(best.date.isoformat(), f"{_KIND_WORDS[best.kind]} agrees with the dateline {line.text}")
    if best.kind == REPOST:
        return None  # a repost's timestamp says when it was copied, not when the story ran
    story = make_date(line.year or best.date.year, line.month, line.day)
    if story and story > best.date and line.year is None:
        story = make_date(best.date.year - 1, line.month, line.day)  # 12月30日讯 published 2022-01-02
    if story and 0 <= (best.date - story).days <= PUBLISHING_LAG_DAYS:
        return DateGuess(best.date.isoformat(),
                         f"{_KIND_WORDS[best.kind]}, {(best.date - story).days} days after the dateline {line.text}")
    return None


def _dated(line: Dateline, best: _Found | None) -> DateGuess | None:
    """A dateline with its own year (2021年12月6日电) wins over a date line that disagrees."""
    date = make_date(line.year, line.month, line.day) if line.year else None
    if date is None:
        return None
    warnings = ()
    if best:
        warnings = (Warning("date", f"the dateline {line.text} disagrees with the {best.words}; took the dateline"),)
    elif not line.strong:
        warnings = (Warning("date", f"no date line; took the date the lead opens with ({line.text})"),)
    return DateGuess(date.isoformat(), f"dateline {line.text}", warnings)


def _squash(text: str) -> str:
    return " ".join(text.split())
