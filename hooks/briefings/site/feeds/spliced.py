"""Many feeds that share entries, each entry serialised once: at 3,000 briefings the site has
400 feeds a format, and a briefing is in three or four of them (its city's, its programs', the
site's), so feedgen and lxml made 4,500 entries where 2,800 are different.

feedgen appends a feed's entries as the last children of <channel> (RSS) or <feed> (Atom), and
lxml's pretty printing of an element depends only on the element and its depth. So a feed is
its channel's document without entries, with each entry's part put in before the closing tags.
A part is filled into its shape (filled.py), or, for a shape that module leaves to feedgen, cut
from a document of a few such entries (archive text is escaped, so a line that starts with <item>
or <entry> is a tag). A document not of that shape is made whole by feedgen, as
writer.render_feeds makes it; tests/unit/test_feeds_spliced.py compares the two feed by feed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefings.site.feeds.filled import DOCUMENT_ENDS, EntryShapes
from briefings.site.feeds.writer import (FeedChannel, FeedEntry, entry_fields, midnight, newest_shown,
                                         serialised)

_SHAPES = {  # format (rss?) -> (an entry's first line starts, its part ends, the document ends)
    True: (b"    <item>", b"</item>\n", DOCUMENT_ENDS[True]),
    False: (b"  <entry>", b"</entry>\n", DOCUMENT_ENDS[False]),
}
_PROBE = "https://feeds.invalid/"  # the channel of the documents the parts are cut from
# entries of a document the parts are cut from (an entry takes feedgen longer in a longer one)
PROBE_SIZE = 25


def render_many(feeds: Sequence[tuple[FeedChannel, Sequence[FeedEntry]]], contents: dict | None = None
                ) -> list[tuple[bytes, bytes]]:
    """The (RSS 2.0, Atom) documents of each (channel, entries), as writer.render_feeds makes
    them, byte for byte. contents: as render_feeds takes it. An entry's parts are kept while a
    later feed shows it (an undated entry's date is its channel's first day: it is a part of
    that too), so memory holds the parts of shared entries, not of every entry at once."""
    contents = {} if contents is None else contents
    shown = [newest_shown(channel, entries) for channel, entries in feeds]
    uses = Counter((channel.first_day, entry) for (channel, _), entries in zip(feeds, shown) for entry in entries)
    parts: dict[bool, dict[tuple, bytes]] = {True: {}, False: {}}
    spliceable = {True: True, False: True}  # False once a document is not of the expected shape
    shapes = {True: EntryShapes(True), False: EntryShapes(False)}
    made = []
    for (channel, _), entries in zip(feeds, shown):
        documents = []
        undated = midnight(channel.first_day)
        for rss in (True, False):
            known = parts[rss]
            new = []
            for entry in dict.fromkeys(entries):
                if (channel.first_day, entry) in known or not spliceable[rss]:
                    continue
                filled = shapes[rss].part(entry_fields(entry, rss, contents, undated))
                if filled is None:
                    new.append(entry)  # a shape left to feedgen: cut from a document of its own
                else:
                    known[channel.first_day, entry] = filled
            for at in range(0, len(new) if spliceable[rss] else 0, PROBE_SIZE):
                found = _probe_parts(channel.first_day, new[at: at + PROBE_SIZE], rss, contents)
                if found is None:
                    spliceable[rss] = False
                    break
                known.update(((channel.first_day, entry), part) for entry, part in found.items())
            documents.append(_feed(channel, entries, rss, contents, known) if spliceable[rss]
                             else serialised(channel, entries, rss, contents))
        made.append(tuple(documents))
        for entry in entries:
            key = (channel.first_day, entry)
            uses[key] -= 1
            if not uses[key]:
                for known in parts.values():
                    known.pop(key, None)
    return made


def _feed(channel: FeedChannel, shown: list[FeedEntry], rss: bool, contents: dict, parts: dict[tuple, bytes]
          ) -> bytes:
    empty = serialised(channel, shown, rss, contents, listed=())
    end = _SHAPES[rss][2]
    if not empty.endswith(end):
        return serialised(channel, shown, rss, contents)
    return b"".join([empty[: -len(end)], *(parts[channel.first_day, entry] for entry in shown), end])


def _probe_parts(first_day: str | None, entries: list[FeedEntry], rss: bool, contents: dict
                 ) -> dict[FeedEntry, bytes] | None:
    """Each entry's part, cut from one document of them all; None when it is not of the expected shape."""
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
