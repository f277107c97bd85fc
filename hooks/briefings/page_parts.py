"""Pieces shared by the generated pages: front matter, briefing lists, pagers, feed links.

Text from the archive goes through markup.md_text (Markdown) or markup.html_text (HTML,
front matter shown raw by the theme's templates); links between pages point at .md sources
so MkDocs resolves and checks them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .catalog import Catalog, Facet, briefing_src
from .markup import excerpt, html_text, md_link, md_text, relative_link
from .model import Briefing

EXCERPT_LENGTH = 90


def front_matter(title: str, **fields) -> str:
    """Front matter as YAML. Material prints `title` and `description` into HTML unescaped,
    so they are HTML-escaped here; `feeds` feeds the theme override's <link rel="alternate">.

    Each value is written as JSON, which YAML reads as its flow style: ten times faster than
    yaml.safe_dump, and quoting never depends on the text.
    """
    data = {"title": html_text(title)}
    for key, value in fields.items():
        if value is None or value == () or value == []:
            continue
        data[key] = html_text(value) if key == "description" else value
    lines = (f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items())
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def feed_meta(facet: Facet | None, site_title: str) -> list[dict[str, str]]:
    """The `feeds` front matter of a page: docs-relative feed paths and their titles."""
    if facet is None:
        return [{"title": site_title, "rss": "feed.xml", "atom": "atom.xml"}]
    return [{"title": f"{site_title} · {facet.name}", "rss": facet.rss_src, "atom": facet.atom_src}]


def feed_links(page_src: str, facet: Facet | None) -> str:
    """A line offering the page's feeds to readers."""
    rss, atom = ("feed.xml", "atom.xml") if facet is None else (facet.rss_src, facet.atom_src)
    return f"订阅：[RSS]({relative_link(page_src, rss)}) · [Atom]({relative_link(page_src, atom)})"


def when(briefing: Briefing) -> str:
    """The briefing's date, or its year, as readers see it in lists."""
    if briefing.date:
        return briefing.date
    return f"{briefing.year} 年" if briefing.year is not None else "日期不详"


def briefing_list(
    briefings: Sequence[Briefing], page_src: str, catalog: Catalog, with_excerpt: bool = True
) -> str:
    """A list of briefings with date, city, title and excerpt; kept out of the search index
    so a search finds the briefing itself, not every list that mentions it."""
    if not briefings:
        return '<p class="briefing-list__empty">暂无简报。</p>\n'
    lines = ['<div class="briefing-list" data-search-exclude markdown>', ""]
    for briefing in briefings:
        city = catalog.city_facet(briefing)
        meta = f"{md_text(when(briefing))} · {md_link(city.name, page_src, city.index_src)}"
        line = (
            f"- {md_link(briefing.title, page_src, briefing_src(briefing))}"
            f'<br><span class="briefing-list__meta">{meta}</span>'
        )
        if with_excerpt:
            summary = md_text(excerpt(briefing.text, EXCERPT_LENGTH))
            line += f'<br><span class="briefing-list__excerpt">{summary}</span>'
        lines.append(line)
    lines += ["", "</div>", ""]
    return "\n".join(lines) + "\n"


def pages_of(briefings: Sequence[Briefing], page_size: int) -> list[Sequence[Briefing]]:
    """The list split into pages; an empty list still has one (empty) page."""
    size = max(1, page_size)
    return [briefings[start : start + size] for start in range(0, len(briefings), size)] or [()]


def pager(facet: Facet, number: int, total: int) -> str:
    """Links between the pages of a long facet list."""
    if total <= 1:
        return ""
    here = facet.page_src(number)
    parts = []
    if number > 1:
        parts.append(f"[← 上一页]({relative_link(here, facet.page_src(number - 1))})")
    parts.append(f"第 {number} / {total} 页")
    if number < total:
        parts.append(f"[下一页 →]({relative_link(here, facet.page_src(number + 1))})")
    pages = " ".join(
        f"**{n}**" if n == number else f"[{n}]({relative_link(here, facet.page_src(n))})"
        for n in range(1, total + 1)
    )
    return (
        f'<nav class="facet-pager" data-search-exclude markdown>\n\n{" · ".join(parts)}\n\n'
        f"{pages}\n\n</nav>\n\n"
    )
