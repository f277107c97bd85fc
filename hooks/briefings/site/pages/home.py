"""The home page: newest briefings, the facets with counts, briefings per year."""

from __future__ import annotations

from briefings.site.catalog import Catalog, Facet, year_counts
from briefings.site.charts import year_bar_chart
from briefings.site.markup import Linker, html_text
from briefings.site.pages.facets import CITY_INDEX, PROGRAM_INDEX, YEAR_INDEX, facet_title
from briefings.site.pages.parts import GeneratedPage, PageBody, briefing_list, feed_links, feed_meta

HOME = "index.md"
NEWEST_COUNT = 10


def render_home(catalog: Catalog, site_title: str, site_description: str, links: Linker) -> GeneratedPage:
    body = PageBody(HOME, links)
    total = len(catalog.briefings)
    known_cities = sum(1 for city in catalog.cities if not city.is_unknown)
    known_years = sum(1 for year in catalog.years if not year.is_unknown)
    programs = sum(1 for program in catalog.programs if program.count)
    body.heading(1, site_title)
    lead = f"<p>{html_text(site_description)}</p>\n" if site_description else ""
    body.add(
        f'<div class="home-lead">\n{lead}',
        f"<p>共收录 <strong>{total}</strong> 篇简报，涉及 <strong>{known_cities}</strong> 个城市、"
        f"<strong>{known_years}</strong> 个年份、<strong>{programs}</strong> 项专项工作。"
        f"{_newest_sentence(catalog)} {feed_links(body, None)}</p>\n</div>\n",
        year_bar_chart(year_counts(catalog.briefings), "各年份简报数") + "\n",
    )
    body.heading(2, "最新简报")
    body.add(briefing_list(catalog.briefings[:NEWEST_COUNT], body, catalog))
    body.heading(2, "浏览")
    _overview(body, "城市", CITY_INDEX, catalog.cities)
    _overview(body, "年份", YEAR_INDEX, catalog.years)
    _overview(body, "专项工作", PROGRAM_INDEX, catalog.programs)
    return body.page("首页", description=site_description or site_title, feeds=feed_meta(None, site_title))


def _newest_sentence(catalog: Catalog) -> str:
    # What the archive holds, dated by its newest briefing, never by the build clock (the
    # offline bundle is read long after it was made).
    dates = [briefing.date for briefing in catalog.briefings if briefing.date]
    return f"最新简报发布于 <strong>{html_text(max(dates))}</strong>。" if dates else ""


def _overview(body: PageBody, label: str, index_src: str, facets: tuple[Facet, ...]) -> None:
    links = " · ".join(f"{body.link(facet_title(facet), facet.index_src)}（{facet.count}）" for facet in facets)
    body.add('<div class="facet-overview">\n')
    body.heading(3, label, label_html=body.link(label, index_src))
    body.add(f"<p>{links or '暂无'}</p>\n</div>\n")
