"""Safe HTML for the generated pages: archive text is untrusted and must show as text.

Generated pages are HTML made here, not Markdown (converting tens of thousands of generated
pages with Python-Markdown was half of a large build). Every piece of archive text goes
through html_text; links between pages are relative URLs computed the way MkDocs writes them
(Linker), for directory URLs (briefings/x/) and for the file:// bundle (briefings/x.html).
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

_WHITESPACE_RUN = re.compile(r"\s+")
# C0/C1 controls (except tab and newline), lone surrogates and U+FFFE/U+FFFF make invalid
# HTML, JSON or XML.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
SAFE_URL_SCHEMES = ("http", "https")


def plain(text: str) -> str:
    """One line of plain text: controls removed, runs of whitespace collapsed."""
    return _WHITESPACE_RUN.sub(" ", _CONTROL.sub("", text)).strip()


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


def excerpt(text: str, limit: int = 120) -> str:
    """The first `limit` characters of the text on one line, with an ellipsis when cut."""
    line = plain(text[: limit * 4])  # no need to clean a whole long text for a short excerpt
    return line if len(line) <= limit else line[:limit].rstrip() + "…"


def docs_url(src_uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a docs file: "./" for index.md, "briefings/x/" (or
    "briefings/x.html" without directory URLs), "cities/a/" for cities/a/index.md; any other
    file keeps its path (feed.xml)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return (stem[: -len("index")] or "./") if directory_urls else f"{stem}.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(url: str, from_url: str) -> str:
    """`url` relative to the page at `from_url`, as mkdocs.utils.get_relative_url writes it
    (both site-relative and normalised, so common folders are simply dropped)."""
    return _relative(_url_parts(url)[1], _url_parts(from_url)[0], url.endswith("/"))


def _url_parts(url: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the folder a page at url links from, the parts of url as a target)."""
    folder, _, name = url.rpartition("/")
    base = folder.split("/") if "." in name else url.split("/")
    return (
        tuple(part for part in base if part not in ("", ".")),
        tuple(part for part in url.split("/") if part not in ("", ".")),
    )


def _relative(target: tuple[str, ...], base: tuple[str, ...], folder: bool) -> str:
    common = 0
    while common < len(base) and common < len(target) and base[common] == target[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + list(target[common:])) or "."
    return relative + "/" if folder else relative


class Linker:
    """Relative hrefs between the generated pages and files, for one kind of URL; one per
    build (it remembers each path's URL parts and each link label's escaped form)."""

    def __init__(self, directory_urls: bool = True):
        self.directory_urls = directory_urls
        self._parts: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {}
        self._labels: dict[str, str] = {}
        self._shallow: dict[tuple[int, str], str] = {}  # (depth, target) -> href, for targets in no common folder
        self.excerpts: dict[str, str] = {}  # briefing id -> escaped list excerpt (page_parts)

    def href(self, from_src: str, to_src: str) -> str:
        """The escaped href from the page of from_src to to_src ("cities/index.md#shandong")."""
        base = self._parts_of(from_src)[0]
        if not base or not to_src.startswith(base[0]):
            # no folder in common: the href is the same from every page this deep (most links)
            key = (len(base), to_src)
            found = self._shallow.get(key)
            if found is None:
                found = self._shallow[key] = self._href(base, to_src)
            return found
        return self._href(base, to_src)

    def _href(self, base: tuple[str, ...], to_src: str) -> str:
        target, _, anchor = to_src.partition("#")
        _, target_parts, folder = self._parts_of(target)
        href = _relative(target_parts, base, folder)
        return html.escape(f"{href}#{anchor}" if anchor else href, quote=True)

    def link(self, label: str, from_src: str, to_src: str) -> str:
        """An <a> to another generated page or file, its label escaped."""
        shown = self._labels.get(label)
        if shown is None:  # titles and names are linked from many pages: escaped once
            shown = self._labels[label] = html_text(label)
        return f'<a href="{self.href(from_src, to_src)}">{shown}</a>'

    def _parts_of(self, src_uri: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        found = self._parts.get(src_uri)
        if found is None:
            url = docs_url(src_uri, self.directory_urls)
            found = self._parts[src_uri] = (*_url_parts(url), url.endswith("/"))
        return found


_ANCHOR_STRIP = re.compile(r"[^\w\- ]")


def heading_anchor(text: str) -> str:
    """The id of a heading, as the toc extension with pymdownx's slugify(case="lower") made it
    (readable Chinese anchors: #一突出政治引领走好第一方阵)."""
    return _ANCHOR_STRIP.sub("", unicodedata.normalize("NFC", plain(text)).lower()).replace(" ", "-")
