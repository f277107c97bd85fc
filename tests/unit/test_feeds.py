"""RSS and Atom feeds: read back with feedparser, exactly as a feed reader would."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import subprocess
import sys
import textwrap
from collections import Counter
from html.parser import HTMLParser

import feedparser
import pytest
from briefings.site.feeds.writer import FeedChannel, FeedEntry, render_feeds, xml_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

CHANNEL = FeedChannel(
    title="市直机关党建简报",
    link="https://example.org/briefings/",
    description="各地市直机关党建工作简报存档",
    rss_url="https://example.org/briefings/rss.xml",
    atom_url="https://example.org/briefings/atom.xml",
)


def make(guid: str = "b1", **kw) -> FeedEntry:
    fields = {
        "guid": guid,
        "title": f"标题 {guid}",
        "link": f"https://example.org/briefings/{guid}/",
        "date": "2021-12-01",
        "year": 2021,
        "categories": ("杭州市", "模范机关创建"),
        "summary": f"摘要 {guid}",
        "paragraphs": (f"第一段 {guid}", f"第二段 {guid}"),
    }
    fields.update(kw)
    return FeedEntry(**fields)


def parse(entries, channel=CHANNEL):
    rss, atom = render_feeds(channel, entries)
    return rss, atom, feedparser.parse(rss), feedparser.parse(atom)


def text_of(detail) -> str:
    """The text a reader shows: RSS title/description are HTML (escaped once by us)."""
    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


class _Html(HTMLParser):
    """Collects every start tag, and the text of each <p>; text outside any <p> is kept too."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.paragraphs: list[str] = []
        self.stray = ""
        self._in_p = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "p":
            self.paragraphs.append("")
            self._in_p = True

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_p = False

    def handle_data(self, data):
        if self._in_p:
            self.paragraphs[-1] += data
        else:
            self.stray += data


def read_html(fragment: str) -> _Html:
    parser = _Html()
    parser.feed(fragment)
    parser.close()
    return parser


def utc(struct) -> tuple:
    return tuple(struct[:6])


# --- what comes back ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_entries_read_back(kind):
    entries = [make("b1"), make("b2", date="2020-05-04", year=2020, categories=("宁波市",))]
    _, _, rss, atom = parse(entries)
    feed = rss if kind == "rss" else atom
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [e.id for e in feed.entries] == ["urn:briefing:b1", "urn:briefing:b2"]
    first, second = feed.entries
    assert text_of(first.title_detail) == "标题 b1"
    assert first.link == "https://example.org/briefings/b1/"
    assert [t.term for t in first.tags] == ["杭州市", "模范机关创建"]
    assert [t.term for t in second.tags] == ["宁波市"]
    assert text_of(first.summary_detail) == "摘要 b1"
    assert first.content[0].type == "text/html"
    assert first.content[0].value == "<p>第一段 b1</p>\n<p>第二段 b1</p>"
    body = read_html(first.content[0].value)
    assert body.paragraphs == ["第一段 b1", "第二段 b1"] and not body.stray.strip()


def test_channel_metadata_and_self_links():
    rss_bytes, atom_bytes, rss, atom = parse([make()])
    assert rss.feed.title == CHANNEL.title and atom.feed.title == CHANNEL.title
    assert rss.feed.link == CHANNEL.link
    assert rss.feed.language == "zh-CN"
    assert {(ln.rel, ln.href) for ln in atom.feed.links} == {
        ("self", CHANNEL.atom_url),
        ("alternate", CHANNEL.link),
    }
    assert b'<atom:link href="https://example.org/briefings/rss.xml" rel="self"/>' in rss_bytes
    assert atom.feed.id == CHANNEL.atom_url
    assert b'xml:lang="zh-CN"' in atom_bytes


def test_atom_names_an_author_for_the_feed_and_the_outlet_for_each_entry():
    """RFC 4287 4.1.1: every entry has an author, its own or the feed's (the W3C validator checks)."""
    _, atom_bytes, rss, atom = parse([make("b1", author="金山网"), make("b2")])
    assert atom.feed.author_detail.name == CHANNEL.title
    assert atom.entries[0].author_detail.name == "金山网"
    assert "author" not in atom.entries[1] or atom.entries[1].author_detail.name == CHANNEL.title
    tree = etree.fromstring(atom_bytes)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [a.findtext("a:name", namespaces=ns) for a in tree.findall("a:author", ns)] == [CHANNEL.title]
    _, atom_bytes, _, atom = parse([make()], dataclasses.replace(CHANNEL, author="某市委市直机关工委"))
    assert atom.feed.author_detail.name == "某市委市直机关工委"
    assert "author" not in rss.feed  # RSS authors need an e-mail address: none is made up


def test_guid_is_the_stable_id_not_the_url():
    rss_bytes, _, rss, atom = parse([make("b1", link="https://elsewhere.example/moved.html")])
    assert b'<guid isPermaLink="false">urn:briefing:b1</guid>' in rss_bytes
    assert rss.entries[0].id == atom.entries[0].id == "urn:briefing:b1"
    assert rss.entries[0].guidislink is False
    # an id with characters a URN cannot hold is percent-encoded, the same way every time
    _, _, rss, atom = parse([make("a b#c")])
    assert rss.entries[0].id == atom.entries[0].id == "urn:briefing:a%20b%23c"


# --- dates ----------------------------------------------------------------------------------


def test_dates_carry_china_standard_time():
    rss_bytes, atom_bytes, rss, atom = parse([make(date="2021-12-01")])
    assert b"<pubDate>Wed, 01 Dec 2021 00:00:00 +0800</pubDate>" in rss_bytes
    assert b"<published>2021-12-01T00:00:00+08:00</published>" in atom_bytes
    assert b"<updated>2021-12-01T00:00:00+08:00</updated>" in atom_bytes
    # feedparser normalises to UTC: midnight in Beijing is 16:00 the day before in UTC
    assert utc(rss.entries[0].published_parsed) == (2021, 11, 30, 16, 0, 0)
    assert utc(atom.entries[0].published_parsed) == (2021, 11, 30, 16, 0, 0)
    assert utc(atom.entries[0].updated_parsed) == (2021, 11, 30, 16, 0, 0)


def test_undated_entry_uses_first_of_its_year_and_no_pubdate():
    rss_bytes, _, rss, atom = parse([make(date=None, year=2019)])
    assert b"pubDate" not in rss_bytes.split(b"<item>")[1]
    assert "published" not in rss.entries[0] and "published" not in atom.entries[0]
    assert atom.entries[0].updated == "2019-01-01T00:00:00+08:00"
    assert atom.feed.updated == "2019-01-01T00:00:00+08:00"
    assert b"<lastBuildDate>Tue, 01 Jan 2019 00:00:00 +0800</lastBuildDate>" in rss_bytes


@pytest.mark.parametrize("bad_date", [None, "", "2021-02-30", "2021/12/01", "１２３４-01-01", "0999-01-01"])
def test_entry_without_usable_date_or_year_falls_back_to_epoch(bad_date):
    _, _, rss, atom = parse([make(date=bad_date, year=None)])
    assert rss.bozo == 0 and atom.bozo == 0
    assert atom.entries[0].updated == "1970-01-01T00:00:00+08:00"
    assert "published" not in atom.entries[0] and "published" not in rss.entries[0]


def test_dates_nothing_gives_are_the_archives_first_and_last_days_when_known():
    """Validators call the epoch implausible: an undated entry takes the archive's first day (it
    sorts last, as on the site), an empty feed its last day."""
    span = dataclasses.replace(CHANNEL, first_day="2005-03-01", last_day="2024-06-30")
    _, _, _, atom = parse([make("b1", date=None, year=None)], span)
    assert atom.entries[0].updated == "2005-03-01T00:00:00+08:00"
    _, _, _, atom = parse([make("b1"), make("b2", date=None, year=None)], span)
    assert atom.feed.updated == "2021-12-01T00:00:00+08:00"
    assert atom.entries[1].updated == "2005-03-01T00:00:00+08:00"
    rss_bytes, _, _, atom = parse([], span)
    assert atom.feed.updated == "2024-06-30T00:00:00+08:00"
    assert b"<lastBuildDate>Sun, 30 Jun 2024 00:00:00 +0800</lastBuildDate>" in rss_bytes


def test_feed_updated_is_newest_entry_not_the_clock():
    entries = [make("old", date="2019-03-02", year=2019), make("new", date="2022-07-08", year=2022)]
    rss_bytes, _, rss, atom = parse(entries)
    assert atom.feed.updated == "2022-07-08T00:00:00+08:00"
    assert b"<lastBuildDate>Fri, 08 Jul 2022 00:00:00 +0800</lastBuildDate>" in rss_bytes
    assert utc(rss.feed.updated_parsed) == utc(atom.feed.updated_parsed) == (2022, 7, 7, 16, 0, 0)


def test_empty_feed_is_valid_and_dated_at_the_epoch():
    rss_bytes, _, rss, atom = parse([])
    assert rss.bozo == 0 and atom.bozo == 0
    assert rss.entries == [] and atom.entries == []
    assert atom.feed.updated == "1970-01-01T00:00:00+08:00"
    assert b"<lastBuildDate>Thu, 01 Jan 1970 00:00:00 +0800</lastBuildDate>" in rss_bytes


# --- order and limit ------------------------------------------------------------------------


ORDERED = [
    make("d-2022", date="2022-01-05", year=2021),
    make("a-2021", date="2021-12-01", year=2021),  # same day: guid breaks the tie
    make("b-2021", date="2021-12-01", year=2021),
    make("c-2021", date="2021-03-01", year=2021),
    make("u-2021", date=None, year=2021),  # undated goes after the dated ones of its year
    make("d-2020", date="2020-12-31", year=2020),
    make("u-2020", date=None, year=2020),
    make("n-a", date=None, year=None),  # neither date nor year: last
    make("n-b", date=None, year=None),
]


@pytest.mark.parametrize("shuffle", [lambda xs: xs, lambda xs: xs[::-1], lambda xs: xs[3:] + xs[:3]])
def test_order_is_newest_first_and_total(shuffle):
    rss_bytes, atom_bytes, rss, atom = parse(shuffle(list(ORDERED)))
    expected = [f"urn:briefing:{e.guid}" for e in ORDERED]
    assert [e.id for e in rss.entries] == expected
    assert [e.id for e in atom.entries] == expected
    assert (rss_bytes, atom_bytes) == render_feeds(CHANNEL, ORDERED)  # input order never matters


def test_limit_keeps_only_the_newest():
    channel = dataclasses.replace(CHANNEL, limit=3)
    _, _, rss, atom = parse(ORDERED[::-1], channel)
    expected = [f"urn:briefing:{e.guid}" for e in ORDERED[:3]]
    assert [e.id for e in rss.entries] == expected == [e.id for e in atom.entries]
    many = [make(f"e{i:03d}", date=f"2020-01-{1 + i % 28:02d}") for i in range(80)]
    _, _, rss, atom = parse(many)
    assert len(rss.entries) == len(atom.entries) == 50
    _, _, rss, _ = parse(many, dataclasses.replace(CHANNEL, limit=0))
    assert rss.entries == [] and rss.bozo == 0


# --- determinism ----------------------------------------------------------------------------


_RENDER_SCRIPT = textwrap.dedent(
    """
    import datetime, hashlib, sys
    import feedgen.entry, feedgen.feed
    class _AnyDatetime(type):  # keeps feedgen's isinstance(value, datetime) checks working
        def __instancecheck__(cls, obj):
            return isinstance(obj, datetime.datetime)
    class Frozen(metaclass=_AnyDatetime):  # a build clock far away from today
        @staticmethod
        def now(tz=None):
            return datetime.datetime(2099, 9, 9, 9, 9, 9, 999999, tzinfo=tz)
    feedgen.feed.datetime = feedgen.entry.datetime = Frozen
    assert feedgen.feed.FeedGenerator().updated().year == 2099  # the fake clock is in effect
    sys.path.insert(0, {tests!r})
    from test_feeds import CHANNEL, ORDERED
    from briefings.site.feeds.writer import render_feeds
    rss, atom = render_feeds(CHANNEL, ORDERED)
    print(hashlib.sha256(rss).hexdigest(), hashlib.sha256(atom).hexdigest())
    """
)


def test_same_input_same_bytes_in_another_process_with_another_clock():
    import os

    rss, atom = render_feeds(CHANNEL, ORDERED)
    assert render_feeds(CHANNEL, ORDERED) == (rss, atom)
    script = _RENDER_SCRIPT.format(tests=os.path.dirname(__file__))
    env = dict(os.environ, TZ="America/Los_Angeles", LC_ALL="C")
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.split() == [hashlib.sha256(rss).hexdigest(), hashlib.sha256(atom).hexdigest()]
    # and nothing in either document comes from a clock or a library version
    assert b"2099" not in rss + atom
    assert b"<generator>briefings</generator>" in rss and b"<generator>briefings</generator>" in atom
    assert b"version=" not in atom.split(b"<generator")[1].split(b">")[0]


# --- hostile text ---------------------------------------------------------------------------


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a ]]> b",
    "{{ x }} {% raw %}",
    "&amp; & &lt; &#60;",
    'it\'s "quoted" <b>bold</b>',
    "nul\x00vt\x0b<p>gone</p>",  # the controls are dropped, the rest stays text
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_text_stays_text(evil):
    entry = make("x", title=evil, summary=evil, paragraphs=(evil, "ok " + evil), categories=(evil,))
    rss_bytes, atom_bytes, rss, atom = parse([entry])
    want = xml_text(evil)
    for doc in (rss_bytes, atom_bytes):
        etree.fromstring(doc)  # well-formed for a strict parser
        assert b"<script" not in doc and b"<img" not in doc and b"CDATA" not in doc
    for feed in (rss, atom):
        assert feed.bozo == 0, feed.get("bozo_exception")
        got = feed.entries[0]
        assert text_of(got.title_detail) == want
        assert text_of(got.summary_detail) == want
        assert [t.term for t in got.tags] == [want]
        body = read_html(got.content[0].value)
        assert body.tags == ["p", "p"]  # no <script>, <img>, <b>: markup in the text is text
        assert body.paragraphs == [want, "ok " + want]
        assert not body.stray.strip()


def test_characters_xml_forbids_are_removed():
    nasty = "a\x00b\x0bc\x1f\ufffe\uffffd\ud800e\x7f\x85\x91\tf"
    entry = make(nasty, title=nasty, summary=nasty, paragraphs=(nasty,), categories=(nasty,), link=nasty)
    channel = dataclasses.replace(CHANNEL, title=nasty, description=nasty, language="zh\x00-CN")
    rss_bytes, atom_bytes, rss, atom = parse([entry], channel)
    clean = "abcde\tf"
    assert xml_text(nasty) == clean
    assert xml_text("a\r\nb\rc") == "a\nb\nc"  # parsers fold CR into LF: we do it first
    for doc in (rss_bytes, atom_bytes):
        etree.fromstring(doc)
    for feed in (rss, atom):
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.feed.title == clean
        got = feed.entries[0]
        assert got.id == "urn:briefing:abcde%09f"
        assert text_of(got.title_detail) == clean
        assert read_html(got.content[0].value).paragraphs == [clean]


def test_blank_fields_get_fallbacks_instead_of_errors():
    entry = make("", title=" \x00 ", summary="", paragraphs=(), categories=("", " "), link="")
    channel = FeedChannel(title="", link="", description="", rss_url="", atom_url="", language="")
    _, _, rss, atom = parse([entry], channel)
    for feed in (rss, atom):
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert text_of(feed.entries[0].title_detail) == "(无标题)"
        assert feed.entries[0].get("tags", []) == []


# --- any input at all -----------------------------------------------------------------------

_chars = st.one_of(
    st.characters(exclude_categories=()),  # includes controls and lone surrogates
    st.sampled_from(list("<>&;]\"'{}%#\x00\x0b\x1b\r\n\t \ufffe\uffff\ud800\udfff")),
)
_text = st.text(_chars, max_size=40)
_entries = st.builds(
    FeedEntry,
    guid=_text,
    title=_text,
    link=_text,
    date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), _text),
    year=st.one_of(st.none(), st.integers(-(10**6), 10**6)),
    categories=st.lists(_text, max_size=3).map(tuple),
    summary=_text,
    paragraphs=st.lists(_text, max_size=3).map(tuple),
)
_channels = st.builds(
    FeedChannel,
    title=_text,
    link=_text,
    description=_text,
    rss_url=_text,
    atom_url=_text,
    language=_text,
    limit=st.integers(-2, 6),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(channel=_channels, entries=st.lists(_entries, max_size=8))
def test_any_text_gives_feeds_a_parser_reads(channel, entries):
    rss_bytes, atom_bytes = render_feeds(channel, entries)
    assert render_feeds(channel, entries[::-1]) == (rss_bytes, atom_bytes)
    expected = min(len(entries), max(channel.limit, 0))
    for doc in (rss_bytes, atom_bytes):
        etree.fromstring(doc)
        feed = feedparser.parse(doc)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == expected
        for got in feed.entries:
            assert got.id.startswith("urn:briefing:")
            assert not read_html(got.content[0].value if "content" in got else "").tags or set(
                read_html(got.content[0].value).tags
            ) == {"p"}
    # what a reader shows is the text we were given, less what XML cannot carry
    rss, atom = feedparser.parse(rss_bytes), feedparser.parse(atom_bytes)
    want_titles = Counter(_as_read(xml_text(e.title).strip() or "(无标题)") for e in entries)
    want_summaries = Counter(_as_read(xml_text(e.summary).strip()) for e in entries)
    for feed in (rss, atom):
        assert Counter(text_of(e.title_detail) for e in feed.entries) <= want_titles
    # (an entry without <summary> gets its content as summary from feedparser: skip those)
    summaries = [
        e.summary_detail for e in atom.entries if e.get("summary_detail", {}).get("type") == "text/plain"
    ]
    assert Counter(d.value for d in summaries) <= want_summaries


def _as_read(text: str) -> str:
    """feedparser's own mojibake repair: text that is all Latin-1 and also valid UTF-8 when
    encoded so ("Â¡") is read as that UTF-8 ("¡"). A reader's guess, not a feed error."""
    try:
        return text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
