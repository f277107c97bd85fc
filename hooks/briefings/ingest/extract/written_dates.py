"""Full dates as pages and archivists write them: 2024-01-02, 2024/1/2, 2024年1月2日, 18.01.2017,
Mon May 27 09:12:56 CST 2019.

dates_in   every full date in a line, with its position (invalid days skipped)
parse_date a single date value written by the archivist (front matter), or None
"""

from __future__ import annotations

import datetime as dt
import re

from briefings.ingest.extract.datelines import make_date
from briefings.ingest.extract.year_mentions import MAX_YEAR, MIN_YEAR

# An archivist's date is trusted more: any real date in the years overrides.py accepts.
OVERRIDE_YEARS = (1949, 2100)

_YEAR = r"((?:19|20)\d{2})"
_FULL_DATES = (  # (pattern, order of the groups as y, m, d)
    (re.compile(rf"(?<!\d){_YEAR}\s*([-/.])\s*(\d{{1,2}})\s*\2\s*(\d{{1,2}})(?!\d)"), (1, 3, 4)),
    (re.compile(rf"(?<!\d){_YEAR}\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]"), (1, 2, 3)),
    # "18.01.2017": day.month.year, as European-style sites write it
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}(?![\d.])"), (3, 2, 1)),
)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "Mon May 27 09:12:56 CST 2019" (a Java date, as some CMSs print it), "May 27, 2019"
_ENGLISH_DATE = re.compile(rf"(?<![A-Za-z])({'|'.join(_MONTHS)})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                           rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+)?(?:[A-Z]{{3,4}}\s+)?{_YEAR}(?!\d)", re.IGNORECASE)


def dates_in(line: str, years: tuple[int, int] = (MIN_YEAR, MAX_YEAR)) -> list[tuple[int, dt.date]]:
    """Full dates written in a line, as (position, date), in order; invalid dates skipped."""
    found = []
    for pattern, (y, m, d) in _FULL_DATES:
        for match in pattern.finditer(line):
            date = make_date(match.group(y), match.group(m), match.group(d), years)
            if date:
                found.append((match.start(), date))
    for match in _ENGLISH_DATE.finditer(line):
        date = make_date(match.group(3), str(_MONTHS.index(match.group(1).lower()) + 1), match.group(2), years)
        if date:
            found.append((match.start(), date))
    return sorted(found, key=lambda item: item[0])


def parse_date(value) -> str | None:
    """An archivist's date (datetime.date, "2024-01-02", "2024/1/2", "2024年1月2日") as ISO, or None."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat() if OVERRIDE_YEARS[0] <= value.year <= OVERRIDE_YEARS[1] else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    found = dates_in(text, OVERRIDE_YEARS)
    # the whole value must be the date (a time of day may follow), not a sentence that contains one
    if len(found) != 1 or found[0][0] != 0 or not re.fullmatch(
        r"[\d\s\-/.年月日号]+(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?)?", text
    ):
        return None
    return found[0][1].isoformat()
