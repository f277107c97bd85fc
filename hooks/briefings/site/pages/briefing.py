"""The page of one briefing: metadata card, cleaned body with headings and Q&A, related
briefings, previous/next in time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefings.model import Block, Briefing, Reprint
from briefings.site.catalog import Catalog, briefing_src
from briefings.site.markup import Linker, excerpt, html_text, safe_external_url
from briefings.site.pages.parts import GeneratedPage, PageBody, feed_meta, when

ROLE_LABELS = {"host": "主持人", "reporter": "记者", "answerer": "发布人"}
DESCRIPTION_LENGTH = 120


def render_briefing_page(briefing: Briefing, catalog: Catalog, site_title: str, links: Linker) -> GeneratedPage:
    body = PageBody(briefing_src(briefing), links)
    body.heading(1, briefing.title)
    body.add(metadata_card(briefing, catalog, body))
    body_html(briefing.blocks, body)
    body.add(related(briefing, catalog, body), previous_next(briefing, catalog, body))
    return body.page(
        briefing.title,
        description=excerpt(briefing.text, DESCRIPTION_LENGTH),
        briefing_id=briefing.id,
        feeds=_page_feeds(briefing, catalog, site_title),
    )


def briefing_page_inputs(briefing: Briefing, catalog: Catalog, site_title: str) -> tuple[tuple, tuple]:
    """(key, anchors) for pages/memo.py: everything render_briefing_page reads besides the
    briefing (its facets' names and folders, the briefings it links to), so a rebuild can take
    the page it made before. Keep it beside the renderer: what one reads, the other names."""
    city, year = catalog.city_facet(briefing), catalog.year_facet(briefing)
    group = catalog.province_group(city.province if briefing.city else None)
    city_year = catalog.city_year_facet(briefing)
    neighbours = catalog.neighbours[briefing.id]
    linked = (neighbours.previous, neighbours.next, *neighbours.same_city, *neighbours.same_program)
    programs = tuple((facet.name, facet.directory) for facet in map(catalog.program_facet, briefing.programs))
    key = ("briefing", briefing.id, site_title, city.name, city.directory, group.slug if group else None,
           year.name, year.directory, city_year.directory if city_year else None, programs,
           len(neighbours.same_city), tuple(other.id if other else None for other in linked))
    return key, (briefing, *linked)


def search_tags(briefing: Briefing, catalog: Catalog) -> list[str]:
    """City, province and programs under every name a reader may search for: 驻马店 beside
    驻马店市, a program's aliases (星级党支部 beside 星级党支部创建). The search index boosts them."""
    names: list[str] = []
    for place in (briefing.city, briefing.province):
        if place:
            names.append(place)
            short = _short_place_name(place)
            if short != place:
                names.append(short)
    for program in briefing.programs:
        names += [program, *catalog.program_facet(program).aliases]
    return list(dict.fromkeys(names))


def _short_place_name(name: str) -> str:
    # 驻马店市 -> 驻马店, 山东省 -> 山东; two-character names (沙市) keep their suffix
    return name[:-1] if len(name) > 2 and name[-1] in "市省" else name


def metadata_card(briefing: Briefing, catalog: Catalog, body: PageBody) -> str:
    city = catalog.city_facet(briefing)
    place = body.link(city.name, city.index_src)
    group = catalog.province_group(city.province if briefing.city else None)
    if briefing.province and group is not None:
        place += f"，{body.link(briefing.province, f'cities/index.md#{group.slug}')}"
    elif briefing.province:
        place += f"，{html_text(briefing.province)}"
    year = catalog.year_facet(briefing)
    years = body.link(year.name if briefing.year is None else f"{briefing.year} 年", year.index_src)
    city_year = catalog.city_year_facet(briefing)
    if city_year is not None:
        years += f" · {body.link(f'{city.name} {briefing.year} 年', city_year.index_src)}"
    rows = [
        ("城市", place),
        ("发布日期", html_text(briefing.date or "不详")),
        ("年份", years),
        ("来源", _source(briefing)),
    ]
    if briefing.reprints:  # the same briefing scraped from other sites, merged into this page
        rows.append(("转载", "；".join(_reprint(reprint) for reprint in briefing.reprints)))
    if briefing.programs:
        links = (body.link(name, catalog.program_facet(name).index_src) for name in briefing.programs)
        rows.append(("专项工作", "、".join(links)))
    items = "".join(f"<li><strong>{label}</strong>：{value}</li>\n" for label, value in rows)
    return f'<div class="briefing-card" data-search-exclude>\n<ul>\n{items}</ul>\n</div>\n'


def _source(briefing: Briefing) -> str:
    url = safe_external_url(briefing.url)
    label = html_text(briefing.source) if briefing.source else ""
    if url is None:
        return label or "不详"
    return f'<a href="{html_text(url)}" rel="nofollow noopener">{label or "原文链接"}</a>'


def _reprint(reprint: Reprint) -> str:
    url = safe_external_url(reprint.url)
    label = html_text(reprint.source) if reprint.source else "来源不详"
    shown = f'<a href="{html_text(url)}" rel="nofollow noopener">{label}</a>' if url else label
    return f"{shown}（{html_text(reprint.date)}）" if reprint.date else shown


def body_html(blocks: Sequence[Block], body: PageBody) -> None:
    """The cleaned body: headings, paragraphs, lists, dialogue turns and closing notes."""
    for run in _runs(blocks):
        first = run[0]
        if first.kind == "item":
            items = "".join(f"<li>{html_text(item.text)}</li>\n" for item in run)
            body.add(f"<ul>\n{items}</ul>\n")
        elif first.kind == "speech":
            body.add(_turn(run))
        elif first.kind == "heading":
            body.heading(min(max(first.level, 2), 4), first.text)  # the page title is the only h1
        elif first.kind == "note":
            body.add(f'<p class="briefing-note">{html_text(first.text)}</p>\n')
        else:
            body.add(f"<p>{html_text(first.text)}</p>\n")


def _runs(blocks: Sequence[Block]) -> Iterator[Sequence[Block]]:
    """Consecutive list items form one list, consecutive speeches of one speaker one turn;
    anything else stands alone."""
    start = 0
    while start < len(blocks):
        first = blocks[start]
        end = start + 1
        if first.kind in ("item", "speech"):
            while (
                end < len(blocks)
                and blocks[end].kind == first.kind
                and (first.kind == "item" or blocks[end].speaker == first.speaker)
            ):
                end += 1
        yield blocks[start:end]
        start = end


def _turn(speeches: Sequence[Block]) -> str:
    """One speaker's turn in a press conference, with the role when the name does not say it."""
    first = speeches[0]
    role = ROLE_LABELS.get(first.role, "")
    speaker = f"<strong>{html_text(first.speaker or role or '发言')}</strong>"
    if role and role not in first.speaker and not (first.role == "host" and "主持" in first.speaker):
        speaker += f' <span class="qa__role">{html_text(role)}</span>'
    paragraphs = "".join(f"<p>{html_text(speech.text)}</p>\n" for speech in speeches)
    role_class = first.role if first.role in ROLE_LABELS else "other"
    return f'<div class="qa qa--{role_class}">\n<p class="qa__speaker">{speaker}</p>\n{paragraphs}</div>\n'


def related(briefing: Briefing, catalog: Catalog, body: PageBody) -> str:
    neighbours = catalog.neighbours[briefing.id]
    sections = []
    if neighbours.same_city:
        sections.append((f"{briefing.city}的其他简报", neighbours.same_city))
    if neighbours.same_program:
        sections.append(("同一专项工作的简报", neighbours.same_program))
    if not sections:
        return ""
    lines = ['<div class="briefing-related" data-search-exclude>', "<p><strong>相关简报</strong></p>"]
    for heading, members in sections:
        lines.append(f'<p class="briefing-related__heading">{html_text(heading)}</p>\n<ul>')
        lines += [
            f"<li>{body.link(other.title, briefing_src(other))}"
            f' <span class="briefing-related__when">{html_text(when(other))}</span></li>'
            for other in members
        ]
        lines.append("</ul>")
    lines.append("</div>\n")
    return "\n".join(lines)


def previous_next(briefing: Briefing, catalog: Catalog, body: PageBody) -> str:
    neighbours = catalog.neighbours[briefing.id]
    links = []
    if neighbours.previous is not None:
        links.append(f"<p>← 更早：{body.link(neighbours.previous.title, briefing_src(neighbours.previous))}</p>")
    if neighbours.next is not None:
        links.append(f"<p>更新：{body.link(neighbours.next.title, briefing_src(neighbours.next))} →</p>")
    if not links:
        return ""
    return '<nav class="briefing-pager" aria-label="前后简报" data-search-exclude>\n' + "\n".join(links) + "\n</nav>\n"


def _page_feeds(briefing: Briefing, catalog: Catalog, site_title: str) -> list[dict[str, str]]:
    """A briefing page announces the site feed and the feeds of its city and programs."""
    feeds = feed_meta(None, site_title)
    feeds += feed_meta(catalog.city_facet(briefing), site_title)
    for name in briefing.programs:
        feeds += feed_meta(catalog.program_facet(name), site_title)
    return feeds
