"""Safe text for generated Markdown and HTML: archive text is untrusted and must show as text.

Generated pages are Markdown with a few HTML blocks. Escaping for Markdown is done with
numeric character references rather than backslashes: Python-Markdown leaves a backslash
before a character it does not know as escapable (``\\~``) in the output, but it passes
``&#126;`` through untouched, and the browser shows ``~``.

Referenced: every character with a meaning in Markdown or in its common extensions
(emphasis, code, links, raw HTML and entities, headings, lists, tables, attribute lists,
footnotes, admonitions, ~~ ^^ == ++ :emoji: @mentions $math$), anywhere in the text; and at
the start of the text, any ASCII punctuation and the "." or ")" after a leading number, which
would open a block (``1. ``, ``???``). Left alone: , ; ? % / ' " ( ) and "." inside the text,
which mean nothing there once [ and < are referenced. Scraped Chinese text is full of ASCII
commas and full stops, and each reference costs Python-Markdown an inline match: referencing
them all made pages a third slower to render.
"""

from __future__ import annotations

import html
import re
import string
from urllib.parse import urlsplit

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&#+\-!|~^=:@$]")
_LIST_NUMBER = re.compile(r"[0-9]+[.)]")
_REFERENCES = {char: f"&#{ord(char)};" for char in string.punctuation}
_WHITESPACE_RUN = re.compile(r"\s+")
# C0/C1 controls (except tab and newline), lone surrogates and U+FFFE/U+FFFF make invalid
# HTML, JSON, XML or YAML front matter.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
SAFE_URL_SCHEMES = ("http", "https")


def plain(text: str) -> str:
    """One line of plain text: controls removed, runs of whitespace collapsed."""
    return _WHITESPACE_RUN.sub(" ", _CONTROL.sub("", text)).strip()


def md_text(text: str) -> str:
    """Text for a Markdown paragraph, heading, list item, table cell or link label, shown as written."""
    line = plain(text)
    number = _LIST_NUMBER.match(line)
    if number:  # "1." or "2)" would open an ordered list
        mark = number.end() - 1
        return line[:mark] + _REFERENCES[line[mark]] + _reference_specials(line[mark + 1 :])
    if line[:1] in _REFERENCES:  # "???", "(", "." ... would open a block
        return _REFERENCES[line[0]] + _reference_specials(line[1:])
    return _reference_specials(line)


def _reference_specials(text: str) -> str:
    # A regex visits only the few marks in Chinese prose (str.translate is 5x slower).
    return _MARKDOWN_SPECIAL.sub(lambda match: _REFERENCES[match.group()], text)


def html_text(text: str) -> str:
    """Text for an HTML element or an attribute value (quotes escaped too)."""
    return html.escape(plain(text), quote=True)


def safe_external_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address with a host, else None (javascript:, data:, ...)."""
    if not url:
        return None
    url = plain(url)
    if any(char.isspace() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return url


def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link target from one docs file to another, resolved and checked by MkDocs.

    Linking to the .md source (not to a built URL) lets MkDocs write the right address for
    directory URLs and for a file:// bundle alike, and report a broken link in strict mode.
    Both paths are normalised docs paths, so the common folders are simply dropped
    (posixpath.relpath does the same, four times slower).
    """
    target, _, anchor = to_src_uri.partition("#")
    start = from_src_uri.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < len(start) and common < len(parts) - 1 and start[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(start) - common) + parts[common:])
    return f"{relative}#{anchor}" if anchor else relative


def md_link(label: str, from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link with an escaped label to another generated or written page."""
    return f"[{md_text(label)}]({relative_link(from_src_uri, to_src_uri)})"


def excerpt(text: str, limit: int = 120) -> str:
    """The first `limit` characters of the text on one line, with an ellipsis when cut."""
    line = plain(text[: limit * 4])  # no need to clean a whole long text for a short excerpt
    return line if len(line) <= limit else line[:limit].rstrip() + "…"
