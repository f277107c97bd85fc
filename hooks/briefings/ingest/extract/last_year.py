"""Whether a page out early in a year is of the year just ended, not news of its own: the summary
of that year ("2019年，市直机关工委…" on 2020-03-04, "全年组织学习30余次" on 2026-01-27), or news of
its last days ("12月26日下午，…" on 2020-01-08). years.py asks."""

from __future__ import annotations

import datetime as dt
import re

from briefings.ingest.extract.datelines import LEAD_CHARS, lead_dateline, lead_month, make_date
from briefings.ingest.extract.milestones import CAMPAIGN, LAUNCH, milestones
from briefings.ingest.extract.year_mentions import YearHints
from briefings.ingest.hanzi import to_simplified
from briefings.model import Cleaned

# A title that reports a meeting or an award (2023年度…述职评议会召开, 被认定为2023年度…品牌)
EVENT_TITLE = re.compile(r"召开|举行|举办|开幕|闭幕|表彰|会议|大会|推进会|座谈会|述职|评议|考核|考评|测评|获|认定|授予|命名|启动|部署")
_EVENT_LEAD = re.compile(r"召开|举行|举办|开幕|闭幕|启动|召集")


def _reports_an_event(cleaned: Cleaned, headline: str) -> bool:
    """Whether the title or the lead's first sentence reports a meeting, a ceremony, an award."""
    lead = next((block.text for block in cleaned.blocks if block.kind == "paragraph"), "")
    return bool(EVENT_TITLE.search(headline) or _EVENT_LEAD.search(re.split(r"[。！？]", lead, maxsplit=1)[0]))


def reviews_last_year(cleaned: Cleaned, headline: str, hints: YearHints, published: dt.date) -> bool:
    """A text out early in a year (January to April) that names the year before and not its own,
    under a title and lead that report no event: "2019年，市直机关工委…" on 2020-03-04 may be the
    summary of 2019 (whose year is 2019) as well as news of 2020; so may one that names only a
    campaign of the year before (党纪学习教育 on 2025-02-10). A lead dated in the weeks before
    the page ("2月23日，《人民日报》以…为题" on 2023-02-24) is news of its days."""
    if published.month > 4 or _reports_an_event(cleaned, headline):
        return False
    month = lead_month(cleaned)
    if month is not None and month <= published.month:  # "2月23日，…" on 2023-02-24: news of its days
        return False
    if hints.scores.get(published.year, 0) >= 1:
        return False
    if hints.scores.get(published.year - 1, 0) >= 1:
        return True
    # "2024年以来，…开展党纪学习教育" on 2025-02-10: a campaign of the year before only, and no year of its own
    text = to_simplified("\n".join([headline, *(block.text for block in cleaned.blocks)]))
    dated = {event.year for event in milestones(text) if event.kind in (CAMPAIGN, LAUNCH)}
    return dated == {published.year - 1}


# a whole year's figures, not a plan's targets (全年开展培训不少于4次)
_WHOLE_YEAR_FIGURES = re.compile(r"(?<!计划)(?<!力争)(?<!确保)全年(?![^，。；]{0,12}?(?:不少于|不低于|至少|力争|确保|计划|目标))"
                                 r"[^，。；]{0,16}?\d+(?:\.\d+)?\s*(?:余|多)?(?:次|场|个|项|件|篇|期|名|条|人次)")


def sums_up_last_year(cleaned: Cleaned, headline: str, hints: YearHints, published: dt.date) -> bool:
    """A text out in January or February that gives a whole year's figures (全年…122次), names
    no year and reports no event: the review of the year just ended."""
    if published.month > 2 or any(score > 0 for score in hints.scores.values()) or _reports_an_event(cleaned, headline):
        return False
    return any(_WHOLE_YEAR_FIGURES.search(to_simplified(block.text)) for block in cleaned.blocks)


_PAST_DAY = re.compile(r"(?<![\d年])(?<!将于)(?<!定于)(?<!拟于)(1[12])月\d{1,2}[日号]")


def days_of_the_year_before(cleaned: Cleaned, published: dt.date) -> str | None:
    """The lead's day, when it falls at the end of the year before a page out early in the next:
    "2019年12月31日下午，…" on 2020-01-10, or "12月26日，…" (November or December) on a page of
    January or February. None for a day still to come (将于12月26日召开)."""
    if published.month > 3:  # 62 days after the year's end at most
        return None
    line = lead_dateline(cleaned.blocks)
    if line and line.year:
        day = make_date(line.year, line.month, line.day)
        return day.isoformat() if day and day.year == published.year - 1 and (published - day).days <= 62 else None
    if published.month > 2:
        return None
    leads = [b.text for b in cleaned.blocks if b.kind in ("paragraph", "speech")][:2]  # as datelines are found
    found = next((m for m in (_PAST_DAY.search(to_simplified(lead[:LEAD_CHARS])) for lead in leads) if m), None)
    return found.group() if found else None
