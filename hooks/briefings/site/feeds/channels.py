"""The site's feeds: one RSS 2.0 + Atom pair for the whole site and one for every city and
every program, next to its facet page. Turns the catalog into briefings.feeds' plain records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urljoin

from briefings.model import Briefing
from briefings.site.catalog import Catalog, Facet, briefing_src
from briefings.site.data import SiteAddress
from briefings.site.feeds.spliced import render_many
from briefings.site.feeds.writer import FeedChannel, FeedEntry
from briefings.site.markup import excerpt
from briefings.site.pages.facets import facet_title

SUMMARY_LENGTH = 200
# A cached feed is found by its channel and entries; raise when briefings.feeds changes how
# they are written (the feed cache is kept across builds).
FEED_CACHE_VERSION = 3


def feed_entry(briefing: Briefing, address: SiteAddress, site_url: str) -> FeedEntry:
    return FeedEntry(
        guid=briefing.id,
        title=briefing.title,
        link=absolute(site_url, address.url(briefing_src(briefing))),
        date=briefing.date,
        year=briefing.year,
        categories=tuple(name for name in (briefing.city, *briefing.programs) if name),
        summary=excerpt(briefing.text, SUMMARY_LENGTH),
        paragraphs=tuple(paragraph for paragraph in briefing.text.split("\n\n") if paragraph.strip()),
        author=briefing.source,
    )


def render_site_feeds(
    catalog: Catalog, address: SiteAddress, site_url: str, site_title: str, limit: int, cache=None,
    last_entries: dict | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(docs path, bytes) of every feed file: feed.xml/atom.xml at the root, per city, per program.

    Facet lists are in the feeds' order (catalog.newest_first_key), so a feed needs the entries
    of its first `limit` briefings only; each entry is made once, however many feeds show it.
    cache (get_bytes/put_bytes, e.g. a PageCache): feeds by their channel and entries, so a
    rebuild runs feedgen only for the feeds whose briefings changed. last_entries (serve): the
    entries of the last build by briefing id, taken again for the same record; it is left
    holding this build's."""
    made: dict[str, tuple[FeedEntry, bytes]] = {}  # id -> the entry and the digest of what it says
    last = dict(last_entries or {})
    if last_entries is not None:
        last_entries.clear()
    contents: dict = {}  # an entry's full text as the feeds carry it, made once for all its feeds
    days = sorted(briefing.date for briefing in catalog.briefings if briefing.date)
    span = {"first_day": days[0], "last_day": days[-1]} if days else {}

    def entries(briefings) -> list[tuple[FeedEntry, bytes]]:
        shown = briefings[: max(limit, 0)]
        for briefing in shown:
            if briefing.id not in made:
                found = last.get(briefing.id)
                if found is not None and found[:3] == (briefing, address, site_url):
                    made[briefing.id] = found[3]
                else:
                    entry = feed_entry(briefing, address, site_url)
                    made[briefing.id] = entry, hashlib.sha256(repr(entry).encode("utf-8", "surrogatepass")).digest()
                if last_entries is not None:
                    last_entries[briefing.id] = (briefing, address, site_url, made[briefing.id])
        return [made[briefing.id] for briefing in shown]

    site = FeedChannel(
        title=site_title,
        link=absolute(site_url, address.url("index.md")),
        description=f"{site_title}：最新简报",
        rss_url=absolute(site_url, address.url("feed.xml")),
        atom_url=absolute(site_url, address.url("atom.xml")),
        limit=limit,
        **span,
    )
    feeds = [("feed.xml", "atom.xml", site, entries(catalog.briefings))]
    for facet in catalog.facets:
        if facet.has_feed:
            channel = replace(facet_channel(facet, address, site_url, site_title, limit), **span)
            feeds.append((facet.rss_src, facet.atom_src, channel, entries(facet.briefings)))
    keys = [_cache_key(channel, digested) if cache is not None else None for _, _, channel, digested in feeds]
    found = [_cached(cache, key) if key is not None else None for key in keys]
    missing = [index for index, documents in enumerate(found) if documents is None]
    made = render_many([(feeds[index][2], [entry for entry, _ in feeds[index][3]]) for index in missing],
                       contents)
    for index, documents in zip(missing, made):
        found[index] = documents
        if keys[index] is not None:
            cache.put_bytes(f"{keys[index]}-rss", documents[0])
            cache.put_bytes(f"{keys[index]}-atom", documents[1])
    for (rss_src, atom_src, _, _), (rss, atom) in zip(feeds, found):
        yield rss_src, rss
        yield atom_src, atom


def facet_channel(
    facet: Facet, address: SiteAddress, site_url: str, site_title: str, limit: int
) -> FeedChannel:
    return FeedChannel(
        title=f"{site_title} · {facet_title(facet)}",
        link=absolute(site_url, address.url(facet.index_src)),
        description=f"{facet_title(facet)}的最新市直机关党建简报",
        rss_url=absolute(site_url, address.url(facet.rss_src)),
        atom_url=absolute(site_url, address.url(facet.atom_src)),
        limit=limit,
    )


def _cache_key(channel: FeedChannel, digested: list[tuple[FeedEntry, bytes]]) -> str:
    """digested: the entries with the digests of their reprs; a feed is keyed by the channel and
    those (an entry shown in several feeds is hashed once, not once a feed)."""
    digest = hashlib.sha256(f"{FEED_CACHE_VERSION}{channel!r}".encode("utf-8", "surrogatepass"))
    digest.update(b"".join(entry_digest for _, entry_digest in digested))
    return digest.hexdigest()


def _cached(cache, key: str) -> tuple[bytes, bytes] | None:
    rss, atom = cache.get_bytes(f"{key}-rss"), cache.get_bytes(f"{key}-atom")
    return (rss, atom) if rss is not None and atom is not None else None


def absolute(site_url: str, site_path: str) -> str:
    """An absolute URL for a site-absolute path, under site_url's host."""
    return urljoin(site_url, site_path)
