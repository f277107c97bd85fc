"""Markdown of the home page: newest briefings, the facets with counts, briefings per year."""

from __future__ import annotations

from .catalog import Catalog, Facet, year_counts
from .charts import year_bar_chart
from .facet_pages import CITY_INDEX, PROGRAM_INDEX, YEAR_INDEX, facet_title
from .markup import md_link, md_text
from .page_parts import briefing_list, feed_links, feed_meta, front_matter

HOME = "index.md"
NEWEST_COUNT = 10


def render_home(catalog: Catalog, site_title: str, site_description: str = "") -> str:
    total = len(catalog.briefings)
    known_cities = sum(1 for city in catalog.cities if not city.is_unknown)
    known_years = sum(1 for year in catalog.years if not year.is_unknown)
    lead = f"{md_text(site_description)}\n\n" if site_description else ""
    parts = [
        front_matter("首页", description=site_description or site_title, feeds=feed_meta(None, site_title)),
        f"# {md_text(site_title)}\n\n",
        f'<div class="home-lead" markdown>\n\n{lead}',
        (
            f"共收录 **{total}** 篇简报，涉及 **{known_cities}** 个城市、**{known_years}** 个年份、"
            f"**{sum(1 for program in catalog.programs if program.count)}** 项专项工作。"
            f"{_newest_sentence(catalog)}"
            f" {feed_links(HOME, None)}\n\n</div>\n\n"
        ),
        year_bar_chart(year_counts(catalog.briefings), "各年份简报数") + "\n\n",
        "## 最新简报\n\n",
        briefing_list(catalog.briefings[:NEWEST_COUNT], HOME, catalog),
        "## 浏览\n\n",
        _overview("城市", CITY_INDEX, catalog.cities),
        _overview("年份", YEAR_INDEX, catalog.years),
        _overview("专项工作", PROGRAM_INDEX, catalog.programs),
    ]
    return "".join(parts)


def _newest_sentence(catalog: Catalog) -> str:
    # What the archive holds, dated by its newest briefing, never by the build clock (the
    # offline bundle is read long after it was made).
    dates = [briefing.date for briefing in catalog.briefings if briefing.date]
    return f"最新简报发布于 **{max(dates)}**。" if dates else ""


def _overview(label: str, index_src: str, facets: tuple[Facet, ...]) -> str:
    links = " · ".join(
        f"{md_link(facet_title(facet), HOME, facet.index_src)}（{facet.count}）" for facet in facets
    )
    return (
        f'<div class="facet-overview" markdown>\n\n### {md_link(label, HOME, index_src)}\n\n'
        f"{links or '暂无'}\n\n</div>\n\n"
    )
