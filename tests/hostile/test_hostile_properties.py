"""Property tests: random bytes and text through reading, cleaning, extraction and page
rendering never crash, never turn input into markup, and always give valid feeds."""

from __future__ import annotations

from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
from briefings.ingest import build_briefing, load_vocabulary
from briefings.ingest.decoding import decode_bytes
from briefings.ingest.reading import decode_entities, html_to_text, markdown_to_text, split_front_matter
from briefings.ingest.slugs import slugify_name
from briefings.model import ArchiveError, Source
from briefings.site.assembly import SiteSettings, build_site
from briefings.site.catalog import ProgramEntry
from hostile_archive import HOSTILE_MARKS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

VOCABULARY = load_vocabulary(ROOT / "archive")
PROGRAMS = [ProgramEntry(p.name, p.description, tuple(p.aliases)) for p in VOCABULARY.programs]
SITE = SiteSettings(site_title="档案", site_url="https://briefings.example.org/")
# Every element our page templates write; anything else would come from the input.
OUR_TAGS = {"html", "body", "div", "p", "h1", "h2", "h3", "h4", "ul", "li", "strong", "span", "a", "nav"}
TOKENS = [*HOSTILE_MARKS, "---", "\n", "\n\n", "# ", "1. ", "- ", "> ", "| a | b |", "&nbsp;", "&#0;", "\x00",
          "\x1b", "\ufeff", "\u2028", "济宁市直机关", "2021年12月6日", "主持人：", "一、", "（一）", "<!--", "]]>"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_like_the_archive(data: bytes, kind: str) -> Source:
    decoded = decode_bytes(data, f"x.{kind}")
    _overrides, body = split_front_matter(decoded.text, f"x.{kind}")
    body = {"html": html_to_text, "md": markdown_to_text}.get(kind, decode_entities)(body)
    return Source(f"x.{kind}", body, {}, decoded.encoding, kind, decoded.problems)


def assert_no_markup_from_input(page_html: str) -> None:
    document = lxml.html.fromstring(f"<html><body>{page_html}</body></html>")
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions: none of ours, but inert
        assert element.tag in OUR_TAGS, element.tag
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), attribute
            if attribute == "href":
                assert urlsplit(value).scheme in ("", "http", "https"), value


@SETTINGS
@given(texts, st.sampled_from(["txt", "md", "html"]), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_text_becomes_a_safe_page_and_valid_feeds(text, kind, encoding):
    try:
        source = read_like_the_archive(text.encode(encoding, errors="replace"), kind)
        briefing = build_briefing(source, {}, VOCABULARY)
    except ArchiveError as error:
        assert str(error).startswith(f"x.{kind}: ")
        return
    site = build_site([briefing], [], PROGRAMS, SITE, slugify_name)
    files = {file.src_uri: file.content for file in site.files}
    pages = {page.src_uri: page for page in site.pages}
    assert_no_markup_from_input(pages[f"briefings/{briefing.slug}.md"].html)
    for name in ("feed.xml", "atom.xml"):
        lxml.etree.fromstring(files[name])
        parsed = feedparser.parse(files[name])
        assert not parsed.bozo and len(parsed.entries) == 1


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_are_read_or_refused_with_a_reason(data):
    try:
        decoded = decode_bytes(data, "x.txt")
    except ArchiveError as error:
        assert str(error).startswith("x.txt: ")
        return
    assert "\x00" not in decoded.text and "\r" not in decoded.text
    lxml.etree.fromstring(f"<t>{decoded.text.replace('&', '&amp;').replace('<', '&lt;')}</t>".encode())
