"""Pieces shared by the generated pages: the page type, briefing lists, pagers, feed links.

A generated page is plain data (GeneratedPage): its title, body HTML, the headings of its
table of contents and the metadata the theme reads. The hook hands it to MkDocs as it is:
no Markdown is converted. Text from the archive goes through markup.html_text; links go
through markup.Linker, so they are right for directory URLs and for the file:// bundle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefings.model import Briefing
from briefings.site.catalog import Catalog, Facet, briefing_src
from briefings.site.markup import Linker, excerpt, heading_anchor, html_text

EXCERPT_LENGTH = 90


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for the page title, 2-4 inside
    anchor: str  # the element's id
    title: str  # plain text


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # docs path: "briefings/x.md", "cities/jining/index.md"
    title: str  # plain text
    html: str  # the body, every piece of archive text escaped
    headings: tuple[Heading, ...]  # in page order: the table of contents
    # What the theme reads from a page's metadata: description (plain text), feeds,
    # briefing_id, facet, search. Plain JSON values.
    meta: dict = field(default_factory=dict)


class PageBody:
    """Builds the HTML of one page: headings get unique ids and enter the table of contents."""

    def __init__(self, src_uri: str, links: Linker):
        self.src_uri = src_uri
        self.links = links
        self.parts: list[str] = []
        self.headings: list[Heading] = []
        self._anchors: set[str] = set()

    def add(self, *html: str) -> None:
        self.parts.extend(html)

    def heading(self, level: int, text: str, anchor: str | None = None, label_html: str | None = None) -> None:
        """An <hN> with a unique id; label_html replaces the escaped text inside it (a link)."""
        anchor = self._unique(anchor or heading_anchor(text))
        self.headings.append(Heading(level, anchor, text))
        self.parts.append(f'<h{level} id="{html_text(anchor)}">{label_html or html_text(text)}</h{level}>\n')

    def link(self, label: str, to_src: str) -> str:
        return self.links.link(label, self.src_uri, to_src)

    def href(self, to_src: str) -> str:
        return self.links.href(self.src_uri, to_src)

    def page(self, title: str, **meta) -> GeneratedPage:
        kept = {key: value for key, value in meta.items() if value not in (None, (), [], {})}
        return GeneratedPage(self.src_uri, title, "".join(self.parts), tuple(self.headings), kept)

    def _unique(self, anchor: str) -> str:
        # Like Python-Markdown's toc: a repeated or empty id gets _1, _2 ...
        candidate, number = anchor, 0
        while not candidate or candidate in self._anchors:
            number += 1
            candidate = f"{anchor}_{number}"
        self._anchors.add(candidate)
        return candidate


def feed_meta(facet: Facet | None, site_title: str) -> list[dict[str, str]]:
    """The `feeds` metadata of a page: docs-relative feed paths and their titles."""
    if facet is None:
        return [{"title": site_title, "rss": "feed.xml", "atom": "atom.xml"}]
    return [{"title": f"{site_title} · {facet.name}", "rss": facet.rss_src, "atom": facet.atom_src}]


def feed_links(body: PageBody, facet: Facet | None) -> str:
    """A line offering the page's feeds to readers."""
    rss, atom = ("feed.xml", "atom.xml") if facet is None else (facet.rss_src, facet.atom_src)
    return f'订阅：<a href="{body.href(rss)}">RSS</a> · <a href="{body.href(atom)}">Atom</a>'


def when(briefing: Briefing) -> str:
    """The briefing's date, or its year, as readers see it in lists."""
    if briefing.date:
        return briefing.date
    return f"{briefing.year} 年" if briefing.year is not None else "日期不详"


def briefing_list(
    briefings: Sequence[Briefing], body: PageBody, catalog: Catalog, with_excerpt: bool = True
) -> str:
    """A list of briefings with date, city, title and excerpt; kept out of the search index
    so a search finds the briefing itself, not every list that mentions it."""
    if not briefings:
        return '<p class="briefing-list__empty">暂无简报。</p>\n'
    lines = ['<div class="briefing-list" data-search-exclude>\n<ul>']
    for briefing in briefings:
        city = catalog.city_facet(briefing)
        meta = f"{html_text(when(briefing))} · {body.link(city.name, city.index_src)}"
        line = (
            f"<li>{body.link(briefing.title, briefing_src(briefing))}"
            f'<br><span class="briefing-list__meta">{meta}</span>'
        )
        if with_excerpt:
            line += f'<br><span class="briefing-list__excerpt">{_list_excerpt(briefing, body.links)}</span>'
        lines.append(line + "</li>")
    lines.append("</ul>\n</div>\n")
    return "\n".join(lines)


def _list_excerpt(briefing: Briefing, links: Linker) -> str:
    # A briefing is listed on several pages (city, year, programs, city x year): once per build.
    found = links.excerpts.get(briefing.id)
    if found is None:
        found = links.excerpts[briefing.id] = html_text(excerpt(briefing.text, EXCERPT_LENGTH))
    return found


def pages_of(briefings: Sequence[Briefing], page_size: int) -> list[Sequence[Briefing]]:
    """The list split into pages; an empty list still has one (empty) page."""
    size = max(1, page_size)
    return [briefings[start : start + size] for start in range(0, len(briefings), size)] or [()]


PAGER_LABELS = ("分页", "分页（列表之后）")  # a landmark's name: the two pagers of a page differ


def pager(facet: Facet, number: int, total: int, body: PageBody, label: str = PAGER_LABELS[0]) -> str:
    """Links between the pages of a long facet list."""
    if total <= 1:
        return ""
    parts = []
    if number > 1:
        parts.append(f'<a href="{body.href(facet.page_src(number - 1))}">← 上一页</a>')
    parts.append(f"第 {number} / {total} 页")
    if number < total:
        parts.append(f'<a href="{body.href(facet.page_src(number + 1))}">下一页 →</a>')
    shown, last = [], 0
    for n in pager_numbers(number, total):
        if n > last + 1:
            shown.append("…")
        shown.append(f"<strong>{n}</strong>" if n == number else f'<a href="{body.href(facet.page_src(n))}">{n}</a>')
        last = n
    pages = " ".join(shown)
    return (f'<nav class="facet-pager" aria-label="{label}" data-search-exclude>\n<p>{" · ".join(parts)}</p>\n'
            f"<p>{pages}</p>\n</nav>\n")


PAGER_REACH = 2  # page numbers shown on each side of the current one


def pager_numbers(number: int, total: int) -> list[int]:
    """The page numbers a pager links: the first, the last and those near the current page, as
    Material's blog paginates ("1 … 4 5 6 7 8 … 92"); a gap of one page shows that page."""
    near = range(max(1, number - PAGER_REACH), min(total, number + PAGER_REACH) + 1)
    wanted = {1, total, *near}
    wanted |= {n + 1 for n in wanted if n + 2 in wanted and n + 1 not in wanted}  # no "…" for one page
    return sorted(n for n in wanted if 1 <= n <= total)


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    """Headings as the nested tokens of Python-Markdown's toc extension (names are HTML)."""
    root: list[dict] = []
    stack: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.anchor, "name": html_text(heading.title), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
