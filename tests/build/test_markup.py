"""Archive text through markup.md_text comes out of Python-Markdown as the same text, whatever
it holds and whichever common extensions a later mkdocs.yml turns on."""

from __future__ import annotations

import html
import re
import string

import markdown
from briefings.markup import md_text, plain, safe_external_url
from hypothesis import given, settings
from hypothesis import strategies as st

EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "admonition",
    "footnotes",
    "def_list",
    "abbr",
    "pymdownx.details",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.keys",
    "pymdownx.betterem",
    "pymdownx.arithmatex",
]  # Not here, as they change text without adding markup or scripts: pymdownx.magiclink (links a
# bare www.example.com, http only) and pymdownx.smartsymbols (1/2 -> ½, (c) -> ©).
ALPHABET = string.punctuation + string.ascii_letters + string.digits + " \t\n" + "市直机关党建，。“”：（）、"


def render(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
def test_any_text_renders_as_itself_in_a_paragraph(text):
    shown = plain(text)
    if shown:
        rendered = render(md_text(shown))
        assert rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<") == 2
        assert html.unescape(rendered[3:-4]) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
def test_any_text_renders_as_itself_in_a_heading_list_item_and_link_label(text):
    shown = plain(text)
    if not shown:
        return
    for source, tags in (
        (f"## {md_text(shown)}", ["h2"]),
        (f"- {md_text(shown)}", ["ul", "li"]),
        (f"[{md_text(shown)}](page.md)", ["p", "a"]),
    ):
        rendered = render(source)
        assert re.findall(r"</?([a-z0-9]+)", rendered) == tags + tags[::-1], (source, rendered)
        assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == shown


def test_hostile_samples():
    for sample in (
        "1. 假列表",
        "??? note",
        "!!! warning",
        "~~删~~ ^^上^^ ==标== ++ctrl++",
        ":smile:",
        "$x$",
        "*[HTML]: 缩写",
        "[^1]: 脚注",
        "术语\n:   定义",
        "<script>alert(1)</script>",
        "{{ config }}",
        "&amp;",
        "| a | b |\n|---|---|",
    ):
        rendered = render(md_text(sample))
        assert rendered.startswith("<p>") and rendered.count("<") == 2, (sample, rendered)
        assert html.unescape(rendered[3:-4]) == plain(sample)


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
