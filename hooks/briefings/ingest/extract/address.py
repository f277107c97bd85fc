"""What a page's address says: the publication date many sites write into their paths.

    /zjnews/2015-03/05/content_3287299.htm    2015-03-05
    /art/2024/5/7/art_1229516567_589.html     2024-05-07
    /html/news/2021/0329/125321.html          2021-03-29
    /article/202302/13/c506650.html           2023-02-13
    /content/20150211/Articel02012MT.htm      2015-02-11
    /djdt/202201/t20220117_4428158.html       2022-01-17
    /yjzc/hyfy/200807/90520.html              2008-07 (month only; also /2014-9/)
    /html/jggw/2019/CEFCPLMF_1106/20160.html  2019-11-06 (a CMS's column folder: …/2014/zhoushidongtai_0522/)
    /2024/10-28/795603.html                   2024-10-28
    /content/detail/64e3fe607f8b9aad998b4567.html  2023-08 (a MongoDB id's time)
    /content/60816ab7bae7a                         2021-04 (a PHP uniqid()'s time)

Only the path is read (a host or a query string holds ids, not dates), and only dates a
calendar has in the years a scraped page may have. A content-management system stamps the
path when it publishes, so the address dates the page on its own site; a repost's address
dates the repost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from briefings.ingest.extract.datelines import make_date
from briefings.ingest.extract.year_mentions import MAX_YEAR, MIN_YEAR

_Y = r"(?P<y>(?:19|20)\d{2})"
_FULL = (
    re.compile(rf"(?<![\d]){_Y}-(?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?!\d)"),  # 2015-03/05, 2005-09-23, 2009-6-30
    re.compile(rf"/{_Y}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?=[/_.]|$)"),  # /2024/5/7/, /2022/09/14/
    re.compile(rf"/{_Y}/(?P<m>\d{{2}})(?P<d>\d{{2}})(?=[/_.]|$)"),  # /2021/0329/
    re.compile(rf"/{_Y}(?P<m>\d{{2}})/(?P<d>\d{{2}})(?=[/_.]|$)"),  # /202302/13/
    re.compile(rf"/{_Y}/[A-Za-z]{{4,20}}_(?P<m>\d{{2}})(?P<d>\d{{2}})/"),  # /2021/FAOKPMFH_1231/ (a CMS's folders)
    re.compile(rf"/{_Y}/(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?=/)"),  # /2024/10-28/
    re.compile(rf"(?:/|_|-|(?<=/)t){_Y}(?P<m>\d{{2}})(?P<d>\d{{2}})(?=[/_.\-]|$)"),  # /20150211/, t20220117_
    re.compile(rf"(?<=[0-9a-z])t{_Y}(?P<m>\d{{2}})(?P<d>\d{{2}})_\d{{4,}}"),  # a copy's flattened path: gzyw201804t20180408_2207499
    # a portal's /YY/MMDD/HH/ before its 16-character id: /23/1019/10/IHDFN1PC04379D5P.html
    re.compile(r"/(?P<y>[12]\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/[0-2]\d/[0-9A-Z]{16}\.html"),
    # a timestamp, perhaps with milliseconds, a counter or a hex tail: /20121205143157-7552.html,
    # /2022120117542988248.shtml, /20141210083628A38F96.html
    re.compile(rf"/{_Y}(?P<m>\d{{2}})(?P<d>\d{{2}})[0-2]\d[0-5]\d[0-5]\d(?:\d{{0,6}}|[0-9A-F]{{4,8}})(?=[/_.\-]|$)"),
)
_MONTH = re.compile(rf"/{_Y}(?:-(?P<m>\d{{1,2}})|(?P<mm>\d{{2}}))(?=/)")  # /200807/, /2024-05/, /2014-9/
_YEAR = re.compile(rf"/{_Y}(?=/)")  # /2019/
# a MongoDB ObjectId as the page's name: its first 8 hex digits are when it was made (a month is
# all it tells: the record may be made before the story is published)
_OBJECT_ID = re.compile(r"/([0-9a-f]{24}|[0-9a-f]{13})(?=[./]|$)")  # and PHP's uniqid(): 8 hex digits of seconds


@dataclass(frozen=True)
class AddressDate:
    """The most the address says: a day, a month or a year (the finer fields None when not)."""

    year: int
    month: int | None
    day: dt.date | None
    text: str  # the part of the path that says it

    @property
    def words(self) -> str:
        when = self.day.isoformat() if self.day else f"{self.year}-{self.month:02d}" if self.month else str(self.year)
        return f"the address ({self.text} -> {when})"


def address_date(url: str | None) -> AddressDate | None:
    """The date in a page address's path, or None when it shows none (or an impossible one)."""
    try:
        path = unquote(urlsplit(url or "").path)
    except ValueError:
        return None
    if not path:
        return None
    for pattern in _FULL:
        for match in pattern.finditer(path):
            year = match.group("y")
            day = make_date(year if len(year) == 4 else "20" + year, match.group("m"), match.group("d"))
            if day:
                return AddressDate(day.year, day.month, day, match.group(0).strip("/_-"))
    for match in _MONTH.finditer(path):
        year, month = int(match.group("y")), int(match.group("m") or match.group("mm"))
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            return AddressDate(year, month, None, match.group(0).strip("/"))
    for match in _OBJECT_ID.finditer(path):
        stamp = dt.datetime.fromtimestamp(int(match.group(1)[:8], 16), dt.timezone.utc)
        if 2009 <= stamp.year <= MAX_YEAR:  # MongoDB (2009 on) and uniqid() stamp ids with their time
            return AddressDate(stamp.year, stamp.month, None, match.group(1))
    years = {int(m.group("y")) for m in _YEAR.finditer(path)}
    years = {year for year in years if MIN_YEAR <= year <= MAX_YEAR}
    if len(years) == 1:
        year = years.pop()
        return AddressDate(year, None, None, str(year))
    return None


def day_in_address(url: str | None, month: int, day: int) -> dt.date | None:
    """The one date of this month and day that the address's digits spell (…/2020050710658.html
    holds 20200507), or None: a dateline's day that a number in the address agrees with."""
    if not url:
        return None
    digits = f"{month:02d}{day:02d}"
    years = {int(m.group(1)) for m in re.finditer(rf"(?<!\d)((?:19|20)\d{{2}}){digits}", urlsplit(url).path)}
    dates = [date for date in (make_date(year, month, day) for year in years) if date]
    return dates[0] if len(dates) == 1 else None
