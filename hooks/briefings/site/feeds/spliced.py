"""Many feeds that share entries, each entry serialised once: at 3,000 briefings the site has
400 feeds a format, and a briefing is in three or four of them (its city's, its programs', the
site's), so feedgen and lxml made 4,500 entries where 2,800 are different.

feedgen appends a feed's entries as the last children of <channel> (RSS) or <feed> (Atom), and
lxml's pretty printing of an element depends only on the element and its depth. So a feed is
its channel's document without entries, with each entry's part put in before the closing tags;
the parts are cut from one document holding every entry (archive text is escaped, so a line that
starts with <item> or <entry> is a tag). A document not of that shape is made whole by feedgen,
as writer.render_feeds makes it; tests/unit/test_feeds_spliced.py compares the two feed by feed.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefings.site.feeds.writer import FeedChannel, FeedEntry, newest_shown, serialised

_SHAPES = {  # format (rss?) -> (an entry's first line starts, its part ends, the document ends)
    True: (b"    <item>", b"</item>\n", b"  </channel>\n</rss>\n"),
    False: (b"  <entry>", b"</entry>\n", b"</feed>\n"),
}
_PROBE = "https://feeds.invalid/"  # the channel of the document the parts are cut from


def render_many(feeds: Sequence[tuple[FeedChannel, Sequence[FeedEntry]]], contents: dict | None = None
                ) -> list[tuple[bytes, bytes]]:
    """The (RSS 2.0, Atom) documents of each (channel, entries), as writer.render_feeds makes
    them, byte for byte. contents: as render_feeds takes it."""
    contents = {} if contents is None else contents
    shown = [newest_shown(channel, entries) for channel, entries in feeds]
    # an undated entry's date is its channel's first day: its part is the same in channels alike in that
    alike: dict[str | None, dict[FeedEntry, None]] = {}
    for (channel, _), entries in zip(feeds, shown):
        alike.setdefault(channel.first_day, {}).update(dict.fromkeys(entries))
    parts = {(first_day, rss): _entry_parts(first_day, list(entries), rss, contents)
             for first_day, entries in alike.items() for rss in (True, False)}
    return [tuple(_feed(channel, entries, rss, contents, parts[channel.first_day, rss])
                  for rss in (True, False))
            for (channel, _), entries in zip(feeds, shown)]


def _feed(channel: FeedChannel, shown: list[FeedEntry], rss: bool, contents: dict,
          parts: dict[FeedEntry, bytes] | None) -> bytes:
    if parts is not None:
        empty = serialised(channel, shown, rss, contents, listed=())
        end = _SHAPES[rss][2]
        if empty.endswith(end):
            return b"".join([empty[: -len(end)], *(parts[entry] for entry in shown), end])
    return serialised(channel, shown, rss, contents)


def _entry_parts(first_day: str | None, entries: list[FeedEntry], rss: bool, contents: dict
                 ) -> dict[FeedEntry, bytes] | None:
    """Each entry's part of a document, or None when the documents are not of the expected shape."""
    start, close, end = _SHAPES[rss]
    probe = FeedChannel(title="feeds", link=_PROBE, description="feeds", rss_url=_PROBE + "rss.xml",
                        atom_url=_PROBE + "atom.xml", limit=len(entries), first_day=first_day)
    whole = serialised(probe, entries, rss, contents)
    head = serialised(probe, entries, rss, contents, listed=())[: -len(end)]
    if not (whole.startswith(head) and whole.endswith(end)):
        return None
    middle = whole[len(head): len(whole) - len(end)]
    starts = [0] if middle.startswith(start) else []  # where a line starts with an entry's tag
    at = middle.find(b"\n" + start)
    while at != -1:
        starts.append(at + 1)
        at = middle.find(b"\n" + start, at + 1)
    if len(starts) != len(entries) or (starts and starts[0] != 0):
        return None
    cuts = [middle[at:until] for at, until in zip(starts, [*starts[1:], len(middle)])]
    if not all(cut.endswith(close) for cut in cuts):
        return None
    return dict(zip(entries, cuts))
