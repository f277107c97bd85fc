"""Markdown of the facet pages (a city, a year, a program, a city in a year) and of their
indexes (cities grouped by province, years, programs)."""

from __future__ import annotations

from collections.abc import Iterator

from .catalog import Catalog, Facet, year_counts
from .charts import year_bar_chart
from .markup import md_link, md_text
from .page_parts import briefing_list, feed_links, feed_meta, front_matter, pager, pages_of

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
    facet: Facet, catalog: Catalog, site_title: str, page_size: int
) -> Iterator[tuple[str, str]]:
    """(docs path, Markdown) for every page of the facet's list, newest briefings first."""
    pages = pages_of(facet.briefings, page_size)
    for number, members in enumerate(pages, start=1):
        src = facet.page_src(number)
        title = facet_title(facet) if number == 1 else f"{facet_title(facet)}（第 {number} 页）"
        parts = [
            front_matter(
                title,
                description=_description(facet),
                feeds=feed_meta(facet if facet.has_feed else None, site_title),
                facet={"kind": facet.kind, "slug": facet.slug, "count": facet.count},
            ),
            f"# {md_text(title)}\n\n",
            _lead(facet, catalog, src),
        ]
        if number == 1:
            parts.append(_overview(facet, catalog, src))
        parts += [
            pager(facet, number, len(pages)),
            briefing_list(members, src, catalog),
            pager(facet, number, len(pages)),
        ]
        yield src, "".join(parts)


def _description(facet: Facet) -> str:
    return f"{facet_title(facet)}：{facet.count} 篇市直机关党建简报"


def _lead(facet: Facet, catalog: Catalog, src: str) -> str:
    parts = []
    if facet.kind == "city" and facet.province:
        group = catalog.province_group(facet.province)
        parts.append(
            md_link(facet.province, src, f"{CITY_INDEX}#{group.slug}") if group else md_text(facet.province)
        )
    if facet.kind == "city-year":
        city = catalog.city_facet(facet.briefings[0])
        year = catalog.year_facet(facet.briefings[0])
        parts.append(
            f"{md_link(city.name, src, city.index_src)} · {md_link(f'{facet.year} 年', src, year.index_src)}"
        )
    parts.append(f'<span class="facet-count">共 **{facet.count}** 篇简报</span>')
    if facet.has_feed:
        parts.append(feed_links(src, facet))
    lead = " · ".join(parts)
    if facet.description:
        lead = f"{md_text(facet.description)}\n\n{lead}"
    return f'<div class="facet-lead" markdown>\n\n{lead}\n\n</div>\n\n'


def _overview(facet: Facet, catalog: Catalog, src: str) -> str:
    """Per-year chart and year links on city and program pages; cities of the year on year pages."""
    if facet.kind in ("city", "program") and facet.briefings:
        chart = year_bar_chart(year_counts(facet.briefings), f"{facet.name}：各年份简报数")
        text = f"{chart}\n\n"
        if facet.kind == "city":
            city_years = [catalog.city_year_facet(b) for b in facet.briefings]
            distinct = sorted({f.slug: f for f in city_years if f}.values(), key=lambda f: -(f.year or 0))
            if distinct:
                links = " · ".join(
                    f"{md_link(f'{f.year} 年', src, f.index_src)}（{f.count}）" for f in distinct
                )
                text += f"按年份：{links}\n\n"
        return text
    if facet.kind == "year":
        cities = {}
        for briefing in facet.briefings:
            target = catalog.city_year_facet(briefing) or catalog.city_facet(briefing)
            cities[target.directory] = (catalog.city_facet(briefing).name, target)
        links = " · ".join(
            f"{md_link(name, src, target.index_src)}（{target.count}）"
            for name, target in sorted(cities.values(), key=lambda item: item[1].directory)
        )
        return f"本年城市：{links}\n\n" if links else ""
    return ""


def render_city_index(catalog: Catalog, site_title: str) -> str:
    src = CITY_INDEX
    lines = [
        front_matter("城市", description="按省份分组的城市列表", feeds=feed_meta(None, site_title)),
        "# 城市\n",
        f"共 **{len(catalog.cities)}** 个城市（含未知城市），按省份分组。\n",
    ]
    for group in catalog.provinces:
        lines.append(f"## {md_text(group.name)} {{ #{group.slug} }}\n")
        lines += [f"- {md_link(city.name, src, city.index_src)}（{city.count} 篇）" for city in group.cities]
        lines.append("")
    return "\n".join(lines) + "\n"


def render_year_index(catalog: Catalog, site_title: str) -> str:
    src = YEAR_INDEX
    counts = {facet.year: facet.count for facet in catalog.years}
    lines = [
        front_matter("年份", description="按年份浏览简报", feeds=feed_meta(None, site_title)),
        "# 年份\n",
        year_bar_chart(counts, "各年份简报数"),
        "",
    ]
    lines += [
        f"- {md_link(facet_title(facet), src, facet.index_src)}（{facet.count} 篇）"
        for facet in catalog.years
    ]
    return "\n".join(lines) + "\n\n"


def render_program_index(catalog: Catalog, site_title: str) -> str:
    src = PROGRAM_INDEX
    lines = [
        front_matter(
            "专项工作",
            description="按专项工作（党建品牌与创建活动）浏览简报",
            feeds=feed_meta(None, site_title),
        ),
        "# 专项工作\n",
        "市直机关党建中的品牌创建、评比与专项活动。\n",
    ]
    for facet in catalog.programs:
        line = f"- {md_link(facet.name, src, facet.index_src)}（{facet.count} 篇）"
        if facet.description:
            line += f"：{md_text(facet.description)}"
        lines.append(line)
    return "\n".join(lines) + "\n\n"
