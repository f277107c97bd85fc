"""Feed entries filled into their shape (feeds/filled.py): each is the part feedgen and lxml
make of it, byte for byte, in both formats, and a shape whose stand-ins do not come out as
expected is left to feedgen."""

from __future__ import annotations

from datetime import datetime

import pytest
from briefings.site.feeds import filled
from briefings.site.feeds.filled import EntryShapes
from briefings.site.feeds.writer import (CST, FeedChannel, FeedEntry, add_entry, channel_generator,
                                         entry_fields)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

UNDATED = datetime(2015, 3, 2, tzinfo=CST)
CHANNEL = FeedChannel(title="简报", link="https://example.org/", description="最新",
                      rss_url="https://example.org/feed.xml", atom_url="https://example.org/atom.xml")


def feedgen_part(entry: FeedEntry, rss: bool) -> bytes:
    """The entry's part of a one-entry document, as feedgen writes it whole."""
    generator = channel_generator(CHANNEL, [], rss)
    empty = generator.rss_str(pretty=True) if rss else generator.atom_str(pretty=True)
    add_entry(generator, entry_fields(entry, rss, {}, UNDATED))
    whole = generator.rss_str(pretty=True) if rss else generator.atom_str(pretty=True)
    end = filled.DOCUMENT_ENDS[rss]
    return whole[len(empty) - len(end): -len(end)]


def briefing(**fields) -> FeedEntry:
    values = {"guid": "3f2a9c", "title": "济宁市直机关召开“模范机关”创建推进会", "link": "https://example.org/b/jining/",
              "date": "2021-12-01", "year": 2021, "categories": ("济宁市", "模范机关创建"),
              "summary": "会议要求 <各党支部> & “抓落实”", "paragraphs": ("第一段", "第二段 a<b>c & d"),
              "author": "济宁日报"}
    values.update(fields)
    return FeedEntry(**values)


@pytest.mark.parametrize("rss", [True, False])
@pytest.mark.parametrize("changes", [
    {}, {"author": None}, {"date": None}, {"date": None, "year": None}, {"summary": ""}, {"categories": ()},
    {"categories": ("a", "b", "c", "a")}, {"link": ""}, {"paragraphs": ()}, {"title": ""},
    {"title": 'quote " tab\t line\n break', "link": 'https://x.org/?a=1&b="2"\t\n'},
])
def test_an_entry_of_each_shape_is_feedgens(rss: bool, changes: dict) -> None:
    shapes = EntryShapes(rss)
    for guid in ("first", "second"):  # the second is filled into the shape the first made
        entry = briefing(guid=guid, **changes)
        assert shapes.part(entry_fields(entry, rss, {}, UNDATED)) == feedgen_part(entry, rss)


_pieces = st.one_of(
    st.characters(exclude_categories=()),  # controls and lone surrogates too
    st.sampled_from(list("<>&;]\"'\x00\x0b\r\n\t ") + ["ZQXJ0JXQZ", "ZQXJ12JXQZ", "Sun, 11 Jan 1111"]),
)
_text = st.lists(_pieces, max_size=10).map("".join)
_entries = st.builds(
    FeedEntry, guid=_text, title=_text, link=_text,
    date=st.one_of(st.none(), st.dates().map(lambda day: day.isoformat()), _text),
    year=st.one_of(st.none(), st.integers(-5, 3000)), categories=st.lists(_text, max_size=3).map(tuple),
    summary=_text, paragraphs=st.lists(_text, max_size=2).map(tuple), author=st.none() | _text,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(_entries, min_size=1, max_size=4), rss=st.booleans())
def test_any_entries_are_feedgens(entries: list[FeedEntry], rss: bool) -> None:
    shapes = EntryShapes(rss)
    for entry in entries:
        assert shapes.part(entry_fields(entry, rss, {}, UNDATED)) == feedgen_part(entry, rss)


def test_a_shape_whose_stand_ins_do_not_come_out_as_expected_is_left_to_feedgen(monkeypatch) -> None:
    monkeypatch.setitem(filled.DOCUMENT_ENDS, True, b"</not-the-end>\n")
    assert EntryShapes(True).part(entry_fields(briefing(), True, {}, UNDATED)) is None
    assert EntryShapes(False).part(entry_fields(briefing(), False, {}, UNDATED)) is not None
