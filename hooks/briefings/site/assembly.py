"""Everything the archive adds to the site: its pages (GeneratedPage: title, HTML body,
headings, metadata) and its other files as (docs path, content) pairs.

The hook (hooks/archive.py) hands each to MkDocs (a page as it is, a file as File.generated);
nothing here knows MkDocs, so a test can build the whole site's pages, feeds and data without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefings.model import Briefing, Rejection
from briefings.search.scripts import start_catalog_search_files
from briefings.site.catalog import Catalog, ProgramEntry, briefing_src, build_catalog
from briefings.site.data import DataMemo, SiteAddress, catalog_json, report_data, report_entries, report_json
from briefings.site.feeds.channels import render_site_feeds
from briefings.site.markup import Linker
from briefings.site.pages.briefing import briefing_page_inputs, render_briefing_page
from briefings.site.pages.facets import (
    render_city_index,
    render_facet_pages,
    render_program_index,
    render_year_index,
)
from briefings.site.pages.home import render_home
from briefings.site.pages.memo import PageMemo
from briefings.site.pages.parts import GeneratedPage, pages_of
from briefings.site.pages.report import render_report

EPOCH_DAY = "1970-01-01"  # the date of an archive without dates: fixed, never the build clock


@dataclass(frozen=True)
class SiteSettings:
    site_title: str
    site_url: str  # absolute, e.g. https://briefings.example.org/ (feeds need absolute links)
    site_description: str = ""
    directory_urls: bool = True
    page_size: int = 50
    feed_limit: int = 50

    @property
    def address(self) -> SiteAddress:
        return SiteAddress(urlsplit(self.site_url).path.rstrip("/"), self.directory_urls)


@dataclass(frozen=True)
class SiteCaches:
    """What a rebuild may reuse instead of making again; None: made every time. Keyed by
    content, so a stale entry is never found (the hook keeps them in .cache/briefings/)."""

    search_keys: object = None  # search.key_cache.SearchKeyCache: each briefing's index keys
    feeds: object = None  # get_bytes/put_bytes (page_cache.PageCache): finished feeds
    search_background: bool = False  # make a missing index in a child process (a one-off build)
    pages: object = None  # pages.memo.PageMemo: the last build's pages by their inputs (serve)
    feed_entries: dict | None = None  # the last build's feed entries by briefing id (serve)
    search_index: object = None  # search.incremental.KeptIndex: the last build's index, patched (serve)
    data: DataMemo | None = None  # each briefing's part of catalog.json and report.json, by record (serve)


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str  # docs-relative POSIX path: "briefings/x.md", "cities/jining/feed.xml"
    content: str | bytes


@dataclass(frozen=True)
class Site:
    catalog: Catalog | None  # None in a site kept whole by the cache (cache/whole.py)
    pages: tuple[GeneratedPage, ...]
    files: tuple[GeneratedFile, ...]  # feeds, data, the search index
    report: dict  # the data of /report.json
    page_dates: dict[str, str]  # docs path -> YYYY-MM-DD of its newest briefing, for the sitemap
    site_date: str  # the newest briefing's date: for every other page (about, report)

    def page_date(self, src_uri: str) -> str:
        """The sitemap's <lastmod> of a page: a date from the archive, never the build clock."""
        return self.page_dates.get(src_uri, self.site_date)


def build_site(
    briefings: Iterable[Briefing],
    rejections: Iterable[Rejection],
    programs: Iterable[ProgramEntry | tuple],
    settings: SiteSettings,
    slugify_name: Callable[[str], str],
    archive_files: Iterable[str] = (),
    caches: SiteCaches | None = None,
) -> Site:
    """programs: the vocabulary (ProgramEntry, or (name, description[, aliases])); archive_files: every archive-relative
    path, so the report can account for files that are not briefings (vocabulary, sidecars);
    caches: what a rebuild reuses (see SiteCaches)."""
    briefings = tuple(briefings)
    rejections = tuple(rejections)
    catalog = build_catalog(briefings, tuple(programs), slugify_name)
    caches = caches or SiteCaches()
    # the search index first: on a first build a child process makes it while the pages are made
    search_files = start_catalog_search_files(catalog, settings.directory_urls, key_cache=caches.search_keys,
                                              background=caches.search_background, kept=caches.search_index)
    data_memo = caches.data.start(settings.address) if caches.data is not None else None
    entries = report_entries(briefings, rejections, archive_files, settings.address, data_memo)
    report = report_data(entries)
    pages = tuple(_pages(catalog, settings, report, caches.pages, data_memo))
    if caches.pages is not None:
        caches.pages.finish()
    files = tuple(_files(catalog, settings, report, caches, search_files, data_memo))
    _check_unique_paths([page.src_uri for page in pages] + [file.src_uri for file in files])
    page_dates = {briefing_src(briefing): content_date([briefing]) for briefing in catalog.briefings}
    for facet in catalog.facets:
        newest = content_date(facet.briefings)  # every page of a facet has the date of its newest
        for number in range(1, len(pages_of(facet.briefings, settings.page_size)) + 1):
            page_dates[facet.page_src(number)] = newest
    return Site(catalog, pages, files, report, page_dates, content_date(catalog.briefings))


def content_date(briefings: Iterable[Briefing]) -> str:
    """The newest date among the briefings (a year alone counts as its 1 January)."""
    days = [b.date if b.date else f"{b.year:04d}-01-01" for b in briefings if b.date or b.year]
    return max(days, default=EPOCH_DAY)


def _pages(catalog: Catalog, settings: SiteSettings, report: dict, memo: PageMemo | None = None,
           data_memo: DataMemo | None = None) -> Iterator[GeneratedPage]:
    title = settings.site_title
    links = Linker(settings.directory_urls)
    if memo is not None:
        memo = memo.of_settings(settings)  # a page made with other settings is never taken
    yield render_home(catalog, title, settings.site_description, links)
    yield render_city_index(catalog, title, links)
    yield render_year_index(catalog, title, links)
    yield render_program_index(catalog, title, links)
    for facet in catalog.facets:
        yield from render_facet_pages(facet, catalog, title, settings.page_size, links, memo)
    for briefing in catalog.briefings:
        if memo is None:
            yield render_briefing_page(briefing, catalog, title, links)
        else:
            key, anchors = briefing_page_inputs(briefing, catalog, title)
            yield memo.page(key, anchors, lambda briefing=briefing: render_briefing_page(briefing, catalog, title, links))
    page_src_of = {briefing.path: briefing_src(briefing) for briefing in catalog.briefings}
    yield from render_report(report["files"], report["counts"], page_src_of, links,
                             rows=data_memo.report_rows if data_memo is not None else None)


def _files(catalog: Catalog, settings: SiteSettings, report: dict, caches: SiteCaches,
           search_files: Callable[[], list[tuple[str, str]]], data_memo: DataMemo | None) -> Iterator[GeneratedFile]:
    for src, data in render_site_feeds(
        catalog, settings.address, settings.site_url, settings.site_title, settings.feed_limit, caches.feeds,
        caches.feed_entries,
    ):
        yield GeneratedFile(src, data)
    yield GeneratedFile("catalog.json", catalog_json(catalog, settings.address, data_memo))
    yield GeneratedFile("report.json", report_json(report, data_memo))
    # Our search index (search/*.js), loaded by docs/assets/briefings/search.js on demand.
    for src, script in search_files():
        yield GeneratedFile(src, script)


def _check_unique_paths(paths: list[str]) -> None:
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise ValueError(f"two generated files share the path {path}")
        seen.add(path)
