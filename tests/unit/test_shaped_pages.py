"""ShapedRenderer on a small stand-in of Material's templates: pages filled in from their
shape are what Jinja renders, the page's own parts (feed links, TOC, skip link) included, even
when a heading holds the character that keeps those parts apart."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
from briefings.site.chrome import ShapedRenderer

TEMPLATES = {
    "main.html": (
        "{% import 'partials/language.html' as lang with context %}<head><title>{{ page.meta.title }}</title>"
        "{% if archive_marks %}{{ archive_marks.feeds }}{% else %}{% include 'partials/feed-links.html' %}{% endif %}"
        "</head><a href=\"{% if page.toc %}{{ (page.toc | first).url | url }}{% endif %}\">skip</a>"
        "<aside>{% include 'partials/toc.html' %}</aside><main>{{ page.content }}</main>"
    ),
    "partials/language.html": "{% macro t(key) %}{{ {'toc': '目录'}[key] }}{% endmacro %}",
    "partials/feed-links.html": (
        "{% for feed in page.meta.feeds %}<link title=\"{{ feed.title | e }}\" href=\"{{ feed.rss | url }}\">"
        "{% endfor %}"
    ),
    "partials/toc.html": (
        "{% if archive_marks %}{{ archive_marks.toc }}{% else %}<nav>{{ lang.t('toc') }}"
        "{% for item in page.toc %}<a href=\"{{ item.url }}\">{{ item.title | e }}</a>{% endfor %}</nav>{% endif %}"
    ),
}


@dataclass
class Entry:
    title: str
    url: str
    children: list = field(default_factory=list)


@dataclass
class Page:
    url: str
    meta: dict
    content: str
    toc: list
    title: str = ""
    canonical_url: str | None = None
    previous_page: None = None
    next_page: None = None
    is_homepage: bool = False


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=False)
    env.filters["url"] = lambda value: f"../../{value}" if not str(value).startswith("#") else value
    return env


def page(number: int, heading: str) -> Page:
    meta = {"title": f"简报{number}", "feeds": [{"title": f"济宁{number}", "rss": f"cities/jining{number}/feed.xml"}]}
    toc = [Entry(heading, f"#h{number}"), Entry("二、部署", f"#b{number}")]
    return Page(f"briefings/b{number}/", meta, f"<p>正文{number}</p>", toc)


def test_filled_pages_are_jinjas_whatever_their_headings_hold():
    env = environment()
    renderer = ShapedRenderer(env)
    main = env.get_template("main.html")
    headings = ["一、学习", "一、分隔\ue002符", "三、<b>不是粗体</b>", "四、\ue002\ue002"]
    for number, heading in enumerate(headings * 2):
        values = {"page": page(number, heading), "archive_marks": None}
        assert renderer.render(values) == main.render(values)
    assert renderer.filled > renderer.rendered and not renderer.mismatched
