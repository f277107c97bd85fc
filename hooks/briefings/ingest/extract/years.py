"""The year a briefing reports on, from its title, its own years and its publication date.

find_year  whose work does it report on?  The title's year, the text's own years, the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefings.ingest.extract.dates import parse_date
from briefings.ingest.extract.year_mentions import YearHints, title_year
from briefings.model import Cleaned, Warning


@dataclass(frozen=True)
class YearGuess:
    year: int | None
    evidence: str
    warnings: tuple[Warning, ...] = ()


def find_year(cleaned: Cleaned, title: str, date: str | None) -> YearGuess:
    """The year whose work the briefing reports on."""
    found = title_year(title or "") or title_year(cleaned.headline or "")
    if found:
        return YearGuess(found[0], f"the title names {found[0]}{'年度' if found[1] else '年'}")
    published = _as_date(date)
    hints = YearHints.of(cleaned.blocks, published)
    if published:
        return _year_from_date(published, hints)
    best = hints.best()
    if best is None:
        return YearGuess(None, "no title year, date or years in the text",
                         (Warning("year", "no year found: no year in the title, no date, no years in the text"),))
    summary = hints.describe()
    if hints.is_clear():
        return YearGuess(best, f"the text's own years ({summary})")
    return YearGuess(best, f"the text's own years ({summary})",
                     (Warning("year", f"guessed {best} from the years the text mentions ({summary})"),))


def _year_from_date(published: dt.date, hints: YearHints) -> YearGuess:
    this, last = published.year, published.year - 1
    lead = hints.lead_year
    if lead is not None and lead < this:
        # a yearbook entry opening "2009年，…" or a report on "2023年度…工作", published later
        return YearGuess(lead, f"the first paragraph is about {lead} (published {published.isoformat()})")
    if published.month <= 2 and hints.score(last) > hints.score(this):
        # a January press conference on "2023年度…工作": it reports on the year before
        return YearGuess(last, f"published {published.isoformat()}, early in the year, about {last} "
                               f"({hints.describe()})")
    return YearGuess(this, f"the publication date {published.isoformat()}")


def _as_date(value: str | None) -> dt.date | None:
    iso = parse_date(value) if value else None
    return dt.date.fromisoformat(iso) if iso else None
