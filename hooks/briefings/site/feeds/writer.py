"""RSS 2.0 and Atom feeds of briefings, built with feedgen from plain data.

Plain data in, bytes out: no MkDocs, no file system, no clock. The same input always gives
the same bytes, so a rebuild that changes nothing changes no feed and readers see no
phantom updates.

Choices (the tests hold us to them):
  * ids: an entry's RSS <guid isPermaLink="false"> and Atom <id> are both
    "urn:briefing:<guid>" (the guid percent-encoded where it is not URN-safe), so
    moving a page to a new URL never makes a reader show it as new.
  * dates are days in China Standard Time: 2021-12-01 -> 2021-12-01T00:00:00+08:00.
    An undated briefing has no <published>/<pubDate>; Atom still requires <updated>, so
    it gets 1 January of its year; with no year either it gets the Unix epoch day
    1970-01-01 (never the build clock). Dates that do not parse as YYYY-MM-DD, and
    years outside 1000-9999, count as missing.
  * order: newest first by publication date; an undated briefing goes after the dated
    ones of its year, briefings with neither date nor year go last; ties break by guid,
    then by the rest of the entry, so the order never depends on the input order.
  * the feed's <updated>/<lastBuildDate> is the newest entry date shown, or the epoch
    when the feed is empty.
  * text: archive text is untrusted. Atom titles and summaries are type="text"; RSS
    <title>/<description> are read as HTML by feed readers (feedparser included), so
    they carry the text HTML-escaped once. Full text goes to Atom <content type="html">
    and RSS <content:encoded> as <p> paragraphs built here with html.escape.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

from feedgen.feed import FeedGenerator

CST = timezone(timedelta(hours=8), "CST")  # China Standard Time, no DST
EPOCH = datetime(1970, 1, 1, tzinfo=CST)  # the fallback date: fixed, never "now"
GENERATOR = "briefings"  # feedgen's default carries its version; ours must not change
UNTITLED = "(无标题)"

# Everything XML 1.0 forbids (C0 controls except \t \n \r, lone surrogates, U+FFFE/U+FFFF):
# lxml raises on these, so they are removed from every string before feedgen sees it.
# DEL and the C1 controls (U+007F-U+009F) go too: XML discourages them, they are mojibake in this
# archive, and readers guess at them (feedparser turns U+0091 into a cp1252 quote).
_NOT_XML = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only
_URN_SAFE = "-._~!$&'()*+,;=:@/"  # RFC 8141 NSS characters that need no percent-encoding


@dataclass(frozen=True)
class FeedEntry:
    guid: str  # the briefing's stable id, not its URL
    title: str
    link: str  # absolute URL of the briefing page
    date: str | None  # publication date YYYY-MM-DD
    year: int | None  # the year reported on, used when date is None
    categories: tuple[str, ...]  # city, programs
    summary: str  # short plain-text excerpt
    paragraphs: tuple[str, ...]  # the full cleaned text, plain-text paragraphs
    author: str | None = None  # the outlet that published it (Atom <author>; the feed's author when None)


@dataclass(frozen=True)
class FeedChannel:
    title: str
    link: str  # absolute URL of the page the feed belongs to
    description: str
    rss_url: str  # absolute URLs of the feeds themselves (self links)
    atom_url: str
    language: str = "zh-CN"
    limit: int = 50
    author: str = ""  # who publishes the feed (Atom requires an <author>); the title when empty
    # The archive's first and last days (YYYY-MM-DD), for dates Atom requires and nothing gives:
    # an entry with neither date nor year is dated on the first (it sorts last, as on the site), an
    # empty feed is updated on the last. Without them, the epoch (which validators call implausible).
    first_day: str | None = None
    last_day: str | None = None


def xml_text(value: str) -> str:
    """The text as XML carries it: characters XML 1.0 cannot hold removed, and every line
    break a plain "\n" (parsers and HTML readers fold CR and CRLF into LF anyway; doing it
    here means what a reader gets back is exactly what we wrote)."""
    return _NOT_XML.sub("", value).replace("\r\n", "\n").replace("\r", "\n")


def _clean(value: str, fallback: str = "") -> str:
    text = xml_text(value).strip()
    return text or fallback


def _escape(text: str) -> str:
    # quote=False: quotes only matter inside attributes, and this is element text.
    return html.escape(text, quote=False)


def _published(entry: FeedEntry) -> date | None:
    return _parse_day(entry.date)


def _parse_day(text: str | None) -> date | None:
    if text is None or not _ISO_DAY.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:  # well-formed but impossible, e.g. 2021-02-30
        return None
    return day if day.year >= 1000 else None


def _year(entry: FeedEntry) -> int | None:
    year = entry.year
    return year if isinstance(year, int) and 1000 <= year <= 9999 else None


def _sort_key(entry: FeedEntry) -> tuple:
    """Ascending key that puts the newest first, then by guid (see _newest_first for ties)."""
    day = _published(entry)
    year = day.year if day else _year(entry)
    return (
        year is None,  # neither date nor year: last
        -(year or 0),  # newer year first
        day is None,  # within a year, dated before undated
        -(day.toordinal() if day else 0),
        entry.guid,
    )


def _newest_first(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """The entries in _sort_key's order, in an order the input order cannot change: entries that
    share a guid are ordered by the whole entry first (its repr holds the full text, so it is
    made only when guids repeat; the sort that follows is stable)."""
    if len({entry.guid for entry in entries}) < len(entries):
        entries = sorted(entries, key=repr)
    return sorted(entries, key=_sort_key)


def _updated(entry: FeedEntry, fallback: datetime) -> datetime:
    """The entry's Atom <updated>: its date, else 1 January of its year, else the fallback."""
    day = _published(entry)
    if day is not None:
        return datetime(day.year, day.month, day.day, tzinfo=CST)
    year = _year(entry)
    return datetime(year, 1, 1, tzinfo=CST) if year is not None else fallback


def midnight(day: str | None) -> datetime:
    parsed = _parse_day(day)
    return datetime(parsed.year, parsed.month, parsed.day, tzinfo=CST) if parsed else EPOCH


def _content_html(paragraphs: Sequence[str]) -> str:
    texts = (_clean(p) for p in paragraphs)
    return "\n".join(f"<p>{_escape(t)}</p>" for t in texts if t)


def _build(channel: FeedChannel, entries: Sequence[FeedEntry], *, rss: bool, contents: dict | None = None,
           listed: Sequence[FeedEntry] | None = None) -> FeedGenerator:
    """One generator per format: RSS and Atom need different self links and text escaping,
    and feedgen shares both between its two outputs. listed: the entries it holds, when not
    all of them (the feed's dates are still those of entries: spliced.py adds the rest)."""
    fg = channel_generator(channel, entries, rss)
    undated = midnight(channel.first_day)
    for entry in entries if listed is None else listed:
        add_entry(fg, entry_fields(entry, rss, contents if contents is not None else {}, undated))
    return fg


def channel_generator(channel: FeedChannel, entries: Sequence[FeedEntry], rss: bool) -> FeedGenerator:
    """A generator of the channel's feed, dated by the entries, holding none of them yet."""
    # RSS titles and descriptions are HTML to readers; Atom text constructs are plain text.
    text = _escape if rss else _as_is
    title = _clean(channel.title, UNTITLED)
    link = _clean(channel.link, "about:blank")
    self_url = _clean(channel.rss_url if rss else channel.atom_url, link)

    fg = FeedGenerator()
    fg.id(self_url)  # the feed's own address is its stable Atom id
    fg.title(text(title))
    fg.description(text(_clean(channel.description, title)))  # RSS description, Atom subtitle
    # feedgen's RSS <link> is the last link added, its RSS atom:link the first "self" one.
    fg.link(href=self_url, rel="self")
    fg.link(href=link, rel="alternate")
    fg.language(_clean(channel.language))
    if not rss:  # RFC 4287 4.1.1: a feed (or each entry) has an author; RSS's needs an e-mail address
        fg.author(name=_clean(channel.author, title))
    fg.generator(GENERATOR)
    # Never left at feedgen's default of now(): the newest date shown, or the epoch.
    undated = midnight(channel.first_day)
    fg.updated(max((_updated(e, undated) for e in entries), default=midnight(channel.last_day)))
    return fg


@dataclass(frozen=True)
class EntryFields:
    """An entry as feedgen is given it for one format: text cleaned (and HTML-escaped where RSS
    readers read HTML), dates made."""

    id: str
    title: str
    link: str
    author: str | None  # Atom only
    updated: datetime
    published: datetime | None
    categories: tuple[str, ...]
    content: str
    summary: str | None


def entry_fields(entry: FeedEntry, rss: bool, contents: dict, undated: datetime) -> EntryFields:
    """undated: the date of an entry with neither date nor year (its channel's first day)."""
    text = _escape if rss else _as_is
    author = _clean(entry.author or "")
    day = _published(entry)
    summary = _clean(entry.summary)  # without one, feedgen puts the content HTML in RSS <description>
    return EntryFields(
        id="urn:briefing:" + quote(xml_text(entry.guid), safe=_URN_SAFE),  # also the RSS guid
        title=text(_clean(entry.title, UNTITLED)),
        link=_clean(entry.link),
        author=author if author and not rss else None,
        updated=_updated(entry, undated),  # always set: feedgen's default is now()
        # also the RSS pubDate
        published=datetime(day.year, day.month, day.day, tzinfo=CST) if day is not None else None,
        categories=tuple(dict.fromkeys(t for t in (_clean(c) for c in entry.categories) if t)),
        content=_content_of(entry, contents),  # content:encoded in RSS
        summary=text(summary) if summary else None,  # Atom <summary>, RSS <description>
    )


def add_entry(fg: FeedGenerator, fields: EntryFields) -> None:
    fe = fg.add_entry(order="append")  # add_entry prepends by default, which would reverse our order
    fe.id(fields.id)
    fe.title(fields.title)
    fe.link(href=fields.link)
    if fields.author is not None:
        fe.author(name=fields.author)
    fe.updated(fields.updated)
    if fields.published is not None:
        fe.published(fields.published)
    for term in fields.categories:
        fe.category(term=term)
    fe.content(fields.content, type="html")
    if fields.summary is not None:
        fe.summary(fields.summary)


def _as_is(text: str) -> str:
    return text


def render_feeds(channel: FeedChannel, entries: Sequence[FeedEntry], contents: dict | None = None
                 ) -> tuple[bytes, bytes]:
    """The (RSS 2.0, Atom) documents for the newest `channel.limit` entries, newest first.
    contents: a dict the caller keeps while it renders many feeds of the same entries, so each
    entry's full text is cleaned and escaped once, not once a feed and format."""
    shown = newest_shown(channel, entries)
    contents = {} if contents is None else contents
    return serialised(channel, shown, True, contents), serialised(channel, shown, False, contents)


def newest_shown(channel: FeedChannel, entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """The entries a feed of the channel shows, in its order: the newest channel.limit."""
    return _newest_first(entries)[: max(channel.limit, 0)]


def serialised(channel: FeedChannel, shown: Sequence[FeedEntry], rss: bool, contents: dict,
               listed: Sequence[FeedEntry] | None = None) -> bytes:
    """The RSS (rss) or Atom document of the entries shown, in that order (listed: see _build)."""
    made = _build(channel, shown, rss=rss, contents=contents, listed=listed)
    return made.rss_str(pretty=True) if rss else made.atom_str(pretty=True)


def _content_of(entry: FeedEntry, contents: dict) -> str:
    found = contents.get(entry.paragraphs)  # a tuple of str: hashed once, kept by Python
    if found is None:
        found = contents[entry.paragraphs] = _content_html(entry.paragraphs)
    return found
