"""Archive text through markup.html_text shows as the same text in a browser's parse, and the
links and anchors markup makes are the ones MkDocs and Python-Markdown would have made."""

from __future__ import annotations

import string
from html.parser import HTMLParser

from briefings.site.markup import (
    Linker,
    docs_url,
    heading_anchor,
    html_text,
    plain,
    relative_url,
    safe_external_url,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from pymdownx.slugs import slugify

ALPHABET = string.punctuation + string.ascii_letters + string.digits + " \t\n" + "市直机关党建，。“”：（）、"


class _Parsed(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text += data


def parse(markup: str) -> _Parsed:
    parser = _Parsed()
    parser.feed(markup)
    parser.close()
    return parser


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
def test_any_text_shows_as_itself_in_an_element_and_an_attribute(text):
    shown = plain(text)
    parsed = parse(f"<p>{html_text(text)}</p>")
    assert parsed.tags == ["p", "/p"] and parsed.text == shown
    attribute = parse(f'<a title="{html_text(text)}">x</a>')
    assert attribute.attributes == [("title", shown)] and attribute.text == "x"


def test_hostile_samples():
    for sample in ("<script>alert(1)</script>", "{{ config }}", "&amp;", '" onmouseover="x', "<!-- -->", "]]>"):
        parsed = parse(f"<p>{html_text(sample)}</p>")
        assert parsed.tags == ["p", "/p"] and parsed.text == plain(sample), sample


def test_only_http_urls_are_linked():
    assert safe_external_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    for url in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "http:///x",
        "https://exa mple.org",
        "vbscript:x",
        None,
        "",
    ):
        assert safe_external_url(url) is None, url


SOURCES = [
    "index.md",
    "about.md",
    "cities/index.md",
    "cities/jining/index.md",
    "cities/jining/2021/index.md",
    "cities/jining/page/2/index.md",
    "briefings/a-b-123456.md",
    "report/index.md",
    "feed.xml",
    "cities/jining/atom.xml",
    "catalog.json",
]


def test_urls_and_relative_links_are_mkdocs_own(tmp_path):
    for directory_urls in (True, False):
        files = {src: File(src, str(tmp_path), str(tmp_path / "site"), directory_urls) for src in SOURCES}
        links = Linker(directory_urls)
        for src, file in files.items():
            assert docs_url(src, directory_urls) == file.url, src
        for here in SOURCES:
            if not here.endswith(".md"):
                continue
            for there in SOURCES:
                expected = files[there].url_relative_to(files[here])
                assert relative_url(files[there].url, files[here].url) == expected, (here, there)
                assert links.href(here, there) == expected.replace("&", "&amp;")
                assert get_relative_url(files[there].url, files[here].url) == expected
        assert links.href("briefings/a-b-123456.md", "cities/index.md#shandong").endswith("cities/#shandong" if directory_urls else "cities/index.html#shandong")


def test_heading_anchors_are_those_of_the_toc_extension_with_pymdownx_slugify():
    slug = slugify(case="lower")
    for text in ("一、突出政治引领，走好“第一方阵”", "Part 1: A & B", "  多  空格 ", "（一）概况", "2021年"):
        assert heading_anchor(text) == slug(plain(text), "-"), text
