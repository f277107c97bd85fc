"""The Markdown page of one briefing: metadata card, cleaned body with headings and Q&A,
related briefings, previous/next in time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .catalog import Catalog, briefing_src
from .markup import excerpt, html_text, md_link, md_text, safe_external_url
from .model import Block, Briefing, Reprint
from .page_parts import feed_meta, front_matter, when

ROLE_LABELS = {"host": "主持人", "reporter": "记者", "answerer": "发布人"}
DESCRIPTION_LENGTH = 120


def render_briefing_page(briefing: Briefing, catalog: Catalog, site_title: str) -> str:
    src = briefing_src(briefing)
    parts = [
        front_matter(
            briefing.title,
            description=excerpt(briefing.text, DESCRIPTION_LENGTH),
            # Material's search indexes `tags` as a boosted field: city and program names
            # become searchable fields of the page. Escaped like every shown value.
            tags=[html_text(tag) for tag in search_tags(briefing, catalog)],
            briefing_id=briefing.id,
            feeds=_page_feeds(briefing, catalog, site_title),
        ),
        f"# {md_text(briefing.title)}\n\n",
        metadata_card(briefing, catalog, src),
        "".join(body_markdown(briefing.blocks)),
        related(briefing, catalog, src),
        previous_next(briefing, catalog, src),
    ]
    return "".join(parts)


def search_tags(briefing: Briefing, catalog: Catalog) -> list[str]:
    """City, province and programs under every name a reader may search for: Material matches
    a query word against whole tags, so 驻马店 needs its own tag beside 驻马店市, and so do a
    program's aliases (星级党支部 beside 星级党支部创建)."""
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


def metadata_card(briefing: Briefing, catalog: Catalog, src: str) -> str:
    city = catalog.city_facet(briefing)
    place = md_link(city.name, src, city.index_src)
    group = catalog.province_group(city.province if briefing.city else None)
    if briefing.province and group is not None:
        place += f"，{md_link(briefing.province, src, f'cities/index.md#{group.slug}')}"
    elif briefing.province:
        place += f"，{md_text(briefing.province)}"
    year = catalog.year_facet(briefing)
    years = md_link(year.name if briefing.year is None else f"{briefing.year} 年", src, year.index_src)
    city_year = catalog.city_year_facet(briefing)
    if city_year is not None:
        years += f" · {md_link(f'{city.name} {briefing.year} 年', src, city_year.index_src)}"
    rows = [
        ("城市", place),
        ("发布日期", md_text(briefing.date or "不详")),
        ("年份", years),
        ("来源", _source(briefing)),
    ]
    if briefing.reprints:  # the same briefing scraped from other sites, merged into this page
        rows.append(("转载", "；".join(_reprint(reprint) for reprint in briefing.reprints)))
    if briefing.programs:
        links = (md_link(name, src, catalog.program_facet(name).index_src) for name in briefing.programs)
        rows.append(("专项工作", "、".join(links)))
    lines = ['<div class="briefing-card" data-search-exclude markdown>', ""]
    lines += [f"- **{label}**：{value}" for label, value in rows]
    lines += ["", "</div>", "", ""]
    return "\n".join(lines)


def _source(briefing: Briefing) -> str:
    url = safe_external_url(briefing.url)
    label = md_text(briefing.source) if briefing.source else ""
    if url is None:
        return label or "不详"
    link_text = label or "原文链接"
    return f'<a href="{html_text(url)}" rel="nofollow noopener">{link_text}</a>'


def _reprint(reprint: Reprint) -> str:
    url = safe_external_url(reprint.url)
    label = md_text(reprint.source) if reprint.source else "来源不详"
    shown = f'<a href="{html_text(url)}" rel="nofollow noopener">{label}</a>' if url else label
    return f"{shown}（{md_text(reprint.date)}）" if reprint.date else shown


def body_markdown(blocks: Sequence[Block]) -> Iterator[str]:
    """The cleaned body: headings, paragraphs, lists, dialogue turns and closing notes."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = _run_end(blocks, index)
        if block.kind == "item":
            yield "".join(f"- {md_text(item.text)}\n" for item in blocks[index:end]) + "\n"
        elif block.kind == "speech":
            yield _turn(blocks[index:end])
        else:
            yield _single(block)
        index = end


def _run_end(blocks: Sequence[Block], start: int) -> int:
    """The end of the run that starts at `start`: consecutive list items form one list,
    consecutive speeches of one speaker one turn; anything else stands alone."""
    first = blocks[start]
    end = start + 1
    if first.kind in ("item", "speech"):
        while (
            end < len(blocks)
            and blocks[end].kind == first.kind
            and (first.kind == "item" or blocks[end].speaker == first.speaker)
        ):
            end += 1
    return end


def _single(block: Block) -> str:
    if block.kind == "heading":
        level = min(max(block.level, 2), 4)  # the page title is the only h1
        return f"{'#' * level} {md_text(block.text)}\n\n"
    if block.kind == "note":
        return f'<p class="briefing-note">{html_text(block.text)}</p>\n\n'
    return f"{md_text(block.text)}\n\n"


def _turn(speeches: Sequence[Block]) -> str:
    """One speaker's turn in a press conference, with the role when the name does not say it."""
    first = speeches[0]
    role = ROLE_LABELS.get(first.role, "")
    speaker = f"<strong>{html_text(first.speaker or role or '发言')}</strong>"
    if role and role not in first.speaker and not (first.role == "host" and "主持" in first.speaker):
        speaker += f' <span class="qa__role">{html_text(role)}</span>'
    paragraphs = "\n\n".join(md_text(speech.text) for speech in speeches)
    role_class = first.role if first.role in ROLE_LABELS else "other"
    return (
        f'<div class="qa qa--{role_class}" markdown>\n\n<p class="qa__speaker">{speaker}</p>\n\n'
        f"{paragraphs}\n\n</div>\n\n"
    )


def related(briefing: Briefing, catalog: Catalog, src: str) -> str:
    neighbours = catalog.neighbours[briefing.id]
    sections = []
    if neighbours.same_city:
        sections.append((f"{briefing.city}的其他简报", neighbours.same_city))
    if neighbours.same_program:
        sections.append(("同一专项工作的简报", neighbours.same_program))
    if not sections:
        return ""
    lines = ['<div class="briefing-related" data-search-exclude markdown>', "", "**相关简报**", ""]
    for heading, members in sections:
        lines += [f'<p class="briefing-related__heading">{html_text(heading)}</p>', ""]
        lines += [
            f"- {md_link(other.title, src, briefing_src(other))}"
            f' <span class="briefing-related__when">{md_text(when(other))}</span>'
            for other in members
        ]
        lines.append("")
    lines += ["</div>", "", ""]
    return "\n".join(lines)


def previous_next(briefing: Briefing, catalog: Catalog, src: str) -> str:
    neighbours = catalog.neighbours[briefing.id]
    links = []
    if neighbours.previous is not None:
        links.append(f"← 更早：{md_link(neighbours.previous.title, src, briefing_src(neighbours.previous))}")
    if neighbours.next is not None:
        links.append(f"更新：{md_link(neighbours.next.title, src, briefing_src(neighbours.next))} →")
    if not links:
        return ""
    items = "\n\n".join(links)
    return f'<nav class="briefing-pager" data-search-exclude markdown>\n\n{items}\n\n</nav>\n'


def _page_feeds(briefing: Briefing, catalog: Catalog, site_title: str) -> list[dict[str, str]]:
    """A briefing page announces the site feed and the feeds of its city and programs."""
    feeds = feed_meta(None, site_title)
    feeds += feed_meta(catalog.city_facet(briefing), site_title)
    for name in briefing.programs:
        feeds += feed_meta(catalog.program_facet(name), site_title)
    return feeds
