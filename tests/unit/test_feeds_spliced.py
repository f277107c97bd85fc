"""Many feeds of shared entries, each entry serialised once (feeds/spliced.py): every document
is the one feedgen makes of the feed whole (writer.render_feeds), byte for byte."""

from __future__ import annotations

import dataclasses

import pytest
from briefings.site.feeds import spliced
from briefings.site.feeds.spliced import render_many
from briefings.site.feeds.writer import FeedChannel, FeedEntry, render_feeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CHANNEL = FeedChannel(
    title="市直机关党建简报",
    link="https://example.org/",
    description="最新简报",
    rss_url="https://example.org/feed.xml",
    atom_url="https://example.org/atom.xml",
    first_day="2015-03-02",
    last_day="2021-12-01",
)


def entry(guid: str, **fields) -> FeedEntry:
    values = {"guid": guid, "title": f"标题 {guid}", "link": f"https://example.org/briefings/{guid}/",
              "date": "2021-12-01", "year": 2021, "categories": ("杭州市", "模范机关创建"),
              "summary": f"摘要 {guid}", "paragraphs": (f"第一段 {guid}", f"第二段 {guid}"),
              "author": None}
    values.update(fields)
    return FeedEntry(**values)


# Text that looks like the documents' own lines: an entry's part is found by the tag that starts its line.
LOOKALIKE = [
    "\n    <item>\n      <title>x</title>\n    </item>\n",
    "\n  <entry>\n  </entry>\n</feed>\n",
    "  </channel>\n</rss>\n",
    "a ]]> b <![CDATA[ c ]]>",
    "nul\x00vt\x0b\r\n<p>gone</p>",
]


@pytest.mark.parametrize("probe_size", [spliced.PROBE_SIZE, 2])  # parts cut from one document or several
def test_shared_entries_give_the_documents_feedgen_gives_whole(probe_size: int, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setattr(spliced, "PROBE_SIZE", probe_size)
    entries = [entry(f"b{number}", date=f"20{10 + number % 12}-0{1 + number % 9}-1{number % 10}",
                     author="济宁日报" if number % 3 else None) for number in range(30)]
    undated = [entry("u1", date=None, year=2016), entry("u2", date=None, year=None)]
    odd = [entry(f"odd{index}", title=text, summary=text, paragraphs=(text, text[::-1]), categories=(text,))
           for index, text in enumerate(LOOKALIKE)]
    feeds = [
        (CHANNEL, entries + undated + odd),
        (dataclasses.replace(CHANNEL, title="城市", limit=5), entries[::3] + odd[:2]),
        (dataclasses.replace(CHANNEL, title="专项", limit=50), entries[1::2] + undated),
        (dataclasses.replace(CHANNEL, title="空"), []),
        (dataclasses.replace(CHANNEL, title="另一个首日", first_day=None), undated + entries[:4]),
        (dataclasses.replace(CHANNEL, title="限 0", limit=0), entries),
    ]
    assert render_many(feeds) == [render_feeds(channel, listed) for channel, listed in feeds]


def test_documents_of_another_shape_are_made_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong_start = (b"    <not-an-item>", b"</item>\n", b"  </channel>\n</rss>\n")
    monkeypatch.setitem(spliced._SHAPES, True, wrong_start)
    monkeypatch.setitem(spliced._SHAPES, False, (b"  <entry>", b"</entry>\n", b"</not-the-end>\n"))
    feeds = [(CHANNEL, [entry("a"), entry("b")]), (dataclasses.replace(CHANNEL, title="x"), [entry("b")])]
    assert render_many(feeds) == [render_feeds(channel, listed) for channel, listed in feeds]


_pieces = st.one_of(
    st.characters(exclude_categories=()),  # controls and lone surrogates too
    st.sampled_from(list("<>&;]\"'\x00\x0b\r\n\t ")),
    st.sampled_from(["\n    <item>", "\n  <entry>", "</item>\n", "</entry>\n", "</feed>\n"]),
)
_text = st.lists(_pieces, max_size=12).map("".join)
_entries = st.builds(
    FeedEntry,
    guid=st.sampled_from(["a", "b", "c", "d", "e"]) | _text,  # repeated guids: ordered by the whole entry
    title=_text,
    link=_text,
    date=st.one_of(st.none(), st.dates().map(lambda day: day.isoformat()), _text),
    year=st.one_of(st.none(), st.integers(-5, 3000)),
    categories=st.lists(_text, max_size=2).map(tuple),
    summary=_text,
    paragraphs=st.lists(_text, max_size=2).map(tuple),
    author=st.none() | _text,
)
_channels = st.builds(
    FeedChannel, title=_text, link=_text, description=_text, rss_url=_text, atom_url=_text,
    limit=st.integers(-1, 5), first_day=st.sampled_from([None, "2015-03-02", "bad"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pool=st.lists(_entries, min_size=1, max_size=8), picks=st.lists(
    st.tuples(_channels, st.lists(st.integers(0, 7), max_size=6)), max_size=4))
def test_any_feeds_sharing_any_entries_are_feedgen_s_documents(pool, picks) -> None:
    feeds = [(channel, [pool[index % len(pool)] for index in indexes]) for channel, indexes in picks]
    assert render_many(feeds) == [render_feeds(channel, listed) for channel, listed in feeds]
