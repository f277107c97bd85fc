"""The facet pages (a city, a year, a program, a city in a year) and their indexes (cities
grouped by province, years, programs), as GeneratedPage."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.model import Briefing
from briefings.site.catalog import Catalog, Facet, year_counts
from briefings.site.charts import year_bar_chart
from briefings.site.markup import Linker, html_text
from briefings.site.pages.memo import PageMemo
from briefings.site.pages.parts import (
    PAGER_LABELS,
    GeneratedPage,
    PageBody,
    briefing_list,
    feed_links,
    feed_meta,
    pager,
    pages_of,
)

KIND_LABELS = {"city": "城市", "year": "年份", "program": "专项工作", "city-year": "城市年份"}
CITY_INDEX = "cities/index.md"
YEAR_INDEX = "years/index.md"
PROGRAM_INDEX = "programs/index.md"


def facet_title(facet: Facet) -> str:
    if facet.kind == "year" and facet.year is not None:
        return f"{facet.year} 年"
    if facet.kind == "city-year":
        return f"{facet.name} 年"
    return facet.name


def render_facet_pages(
    facet: Facet, catalog: Catalog, site_title: str, page_size: int, links: Linker, memo: PageMemo | None = None
) -> Iterator[GeneratedPage]:
    """Every page of the facet's list, newest briefings first; with a memo (serve), a page
    whose inputs are those of the last build is taken from it."""
    pages = pages_of(facet.briefings, page_size)
    leads: dict[bool, str] = {}  # pages after the first are at one depth: their links are alike
    for number, members in enumerate(pages, start=1):
        body = PageBody(facet.page_src(number), links)
        title = facet_title(facet) if number == 1 else f"{facet_title(facet)}（第 {number} 页）"
        lead = leads.get(number == 1)
        if lead is None:
            lead = leads[number == 1] = _lead(facet, catalog, body)
        overview = _overview(facet, catalog, body, memo) if number == 1 else ""

        def make(body=body, title=title, lead=lead, overview=overview, number=number, members=members):
            body.heading(1, title)
            body.add(lead, overview)
            above, below = (pager(facet, number, len(pages), body, label) for label in PAGER_LABELS)
            body.add(above, briefing_list(members, body, catalog), below)
            return body.page(
                title,
                description=_description(facet),
                feeds=feed_meta(facet if facet.has_feed else None, site_title),
                facet={"kind": facet.kind, "slug": facet.slug, "count": facet.count},
            )

        if memo is None:
            yield make()
            continue
        # everything the page reads: the facet's names and counts, the lead and overview as
        # made, its place among the pages, the briefings listed and their cities
        cities = tuple([(city.name, city.directory) for city in map(catalog.city_facet, members)])
        key = ("facet", facet.kind, facet.name, facet.slug, facet.directory, facet.year, facet.count,
               facet.has_feed, site_title, number, len(pages), lead, overview, tuple([b.id for b in members]), cities)
        yield memo.page(key, tuple(members), make)


def _description(facet: Facet) -> str:
    return f"{facet_title(facet)}：{facet.count} 篇市直机关党建简报"


def _lead(facet: Facet, catalog: Catalog, body: PageBody) -> str:
    parts = []
    if facet.kind == "city" and facet.province:
        group = catalog.province_group(facet.province)
        parts.append(
            body.link(facet.province, f"{CITY_INDEX}#{group.slug}") if group else html_text(facet.province)
        )
    if facet.kind == "city-year":
        city = catalog.city_facet(facet.briefings[0])
        year = catalog.year_facet(facet.briefings[0])
        parts.append(f"{body.link(city.name, city.index_src)} · {body.link(f'{facet.year} 年', year.index_src)}")
    parts.append(f'<span class="facet-count">共 <strong>{facet.count}</strong> 篇简报</span>')
    if facet.has_feed:
        parts.append(feed_links(body, facet))
    lead = f"<p>{' · '.join(parts)}</p>"
    if facet.description:
        lead = f"<p>{html_text(facet.description)}</p>\n{lead}"
    return f'<div class="facet-lead">\n{lead}\n</div>\n'


def _overview(facet: Facet, catalog: Catalog, body: PageBody, memo: PageMemo | None = None) -> str:
    """Per-year chart and year links on city and program pages; cities of the year on year pages.
    With a memo, one made from the same data for the same page is taken from the last build."""
    data = _overview_data(facet, catalog)
    if memo is None:
        return _overview_html(facet, data, body)
    return memo.fragment(("overview", facet.kind, facet.name, body.src_uri, data),
                         lambda: _overview_html(facet, data, body))


def _overview_data(facet: Facet, catalog: Catalog) -> tuple:
    """What the overview shows: (briefings a year, ((label, page, count) of each link))."""
    if facet.kind in ("city", "program") and facet.briefings:
        counts = year_counts(facet.briefings)
        if facet.kind != "city":
            return tuple(counts.items()), ()
        city = facet.briefings[0].city  # (None: the unknown city's facet)
        years = sorted((year for year in counts if year), reverse=True)
        links = tuple((f"{year} 年", found.index_src, found.count) for year in years
                      if (found := catalog.city_year(city, year)) is not None)
        return tuple(counts.items()), links
    if facet.kind == "year":
        first_of: dict[str | None, Briefing] = {}  # a briefing of each city of the year
        for briefing in facet.briefings:
            first_of.setdefault(briefing.city, briefing)
        cities = {}
        for city, briefing in first_of.items():
            own = catalog.city_facet(briefing)
            target = catalog.city_year(city, facet.year) or own  # the unknown year: each city's own page
            cities[target.directory] = (own.name, target)
        ordered = sorted(cities.values(), key=lambda item: item[1].directory)
        return None, tuple((name, target.index_src, target.count) for name, target in ordered)
    return None, ()


def _overview_html(facet: Facet, data: tuple, body: PageBody) -> str:
    counts, links = data
    if counts is not None:
        text = year_bar_chart(dict(counts), f"{facet.name}：各年份简报数") + "\n"
        if links:
            text += f"<p>按年份：{_linked(links, body)}</p>\n"
        return text
    return f"<p>本年城市：{_linked(links, body)}</p>\n" if links else ""


def _linked(links: tuple, body: PageBody) -> str:
    return " · ".join(f"{body.link(label, src)}（{count}）" for label, src, count in links)


def _link_list(items: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def render_city_index(catalog: Catalog, site_title: str, links: Linker) -> GeneratedPage:
    body = PageBody(CITY_INDEX, links)
    body.heading(1, "城市")
    body.add(f"<p>共 <strong>{len(catalog.cities)}</strong> 个城市（含未知城市），按省份分组。</p>\n")
    for group in catalog.provinces:
        body.heading(2, group.name, anchor=group.slug)
        body.add(_link_list([f"{body.link(city.name, city.index_src)}（{city.count} 篇）" for city in group.cities]))
    return body.page("城市", description="按省份分组的城市列表", feeds=feed_meta(None, site_title))


def render_year_index(catalog: Catalog, site_title: str, links: Linker) -> GeneratedPage:
    body = PageBody(YEAR_INDEX, links)
    body.heading(1, "年份")
    body.add(year_bar_chart({facet.year: facet.count for facet in catalog.years}, "各年份简报数") + "\n")
    body.add(_link_list([f"{body.link(facet_title(f), f.index_src)}（{f.count} 篇）" for f in catalog.years]))
    return body.page("年份", description="按年份浏览简报", feeds=feed_meta(None, site_title))


def render_program_index(catalog: Catalog, site_title: str, links: Linker) -> GeneratedPage:
    body = PageBody(PROGRAM_INDEX, links)
    body.heading(1, "专项工作")
    body.add("<p>市直机关党建中的品牌创建、评比与专项活动。</p>\n")
    items = []
    for facet in catalog.programs:
        item = f"{body.link(facet.name, facet.index_src)}（{facet.count} 篇）"
        if facet.description:
            item += f"：{html_text(facet.description)}"
        items.append(item)
    body.add(_link_list(items))
    return body.page(
        "专项工作", description="按专项工作（党建品牌与创建活动）浏览简报", feeds=feed_meta(None, site_title)
    )
