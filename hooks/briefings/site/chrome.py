"""Material's template rendered once per page shape, and filled in for every page of it.

Generated pages of one shape (the same first folder and depth, outside the nav, with the same
metadata keys, a TOC or none) share all of Material's chrome: header, tabs, navigation,
footer, scripts. Only their title, description, canonical address, feed links, TOC, skip link
and content differ. The template is rendered once with a marker in each of those places (the
template's `archive_marks` variable, and a stand-in page), and a page of the shape is that text
with its own parts put in: the work of a string join, not of Jinja.

The first pages of every shape are rendered by Jinja as well and compared: a shape whose
filled page differs in one byte is rendered by Jinja from then on. A page is never what Jinja
would not have written.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

CHECKED_PAGES = 2  # of each shape, rendered both ways
_SLOTS = ("title", "description", "canonical", "feeds", "toc", "skip", "content")
# Private-use characters framing a slot's name: Material's chrome (configuration, not archive
# text) holds none, and the filled values are joined, never searched for markers again.
_MARK = "\ue000{}\ue001"
_MARKS = {slot: _MARK.format(slot) for slot in _SLOTS}
_SPLIT = re.compile("\ue000(" + "|".join(_SLOTS) + ")\ue001")

# The parts rendered per page, each the way the full template renders it: in one Jinja render
# (one context, not one a part), apart by a character; the skip link is "#anchor" (the url
# filter keeps a fragment as it is). `lang`, the module the TOC's title comes from, is made once.
FEED_LINKS = "partials/feed-links.html"
_APART = "\ue002"
_EACH_PART = (f'{{% include "{FEED_LINKS}" %}}', '{% include "partials/toc.html" %}',
              "{% if page.toc %}{{ (page.toc | first).url | url }}{% endif %}")
_LANGUAGE = "partials/language.html"


@dataclass
class _Shape:
    parts: list[str] | None  # literal text and slot names, alternating; None: Jinja renders it
    checked: int = 0

    def fill(self, values: dict[str, str]) -> str:
        assert self.parts is not None
        return "".join(values[part] if i % 2 else part for i, part in enumerate(self.parts))


class _MarkedToc(list):
    """A stand-in TOC: one entry, whose address is the skip link's marker."""

    def __init__(self):
        super().__init__([_Entry()])


@dataclass
class _Entry:
    url: str = "#" + _MARKS["skip"]
    title: str = ""
    children: list = field(default_factory=list)


class _HasHeading(str):
    """The content's marker, for pages whose content has its <h1> (Material adds one otherwise)."""

    def __contains__(self, text) -> bool:
        return text == "<h1" or str.__contains__(self, text)


class _MarkedPage:
    """The page with markers where its own parts go; everything else is the page's own."""

    def __init__(self, page):
        self._page = page
        self.title = _MARKS["title"]
        self.meta = {**page.meta, "title": _MARKS["title"]}
        if page.meta.get("description"):
            self.meta["description"] = _MARKS["description"]
        self.content = _HasHeading(_MARKS["content"])
        self.toc = _MarkedToc() if page.toc else page.toc
        self.canonical_url = _MARKS["canonical"] if page.canonical_url else page.canonical_url

    def __getattr__(self, name):
        return getattr(self._page, name)


class ShapedRenderer:
    """Renders main.html for generated pages, once per shape; Jinja for anything else."""

    def __init__(self, env: jinja2.Environment, main: str = "main.html"):
        self._main = env.get_template(main)
        self._parts = env.from_string(_APART.join(_EACH_PART))
        self._each_part = [env.from_string(part) for part in _EACH_PART]
        self._language = env.get_template(_LANGUAGE)
        self._lang = None  # the language module, made with the first page's context
        self._shapes: dict[tuple, _Shape] = {}
        self.filled = self.rendered = 0
        self.filled_page = None  # the last page filled in from its shape (not rendered by Jinja)
        self.mismatched: list[tuple] = []  # shapes whose filled page was not Jinja's (for the log)

    @jinja2.pass_context
    def from_context(self, context) -> str:
        """The page of the template that calls it (overrides/briefings-shaped.html)."""
        return self.render(context.get_all())

    def render(self, values: dict) -> str:
        page = values["page"]
        key = _shape_key(page)
        shape = self._shapes.get(key) if key is not None else None
        if key is not None and shape is None:
            shape = self._shapes[key] = _Shape(self._skeleton(values))
        if shape is None or shape.parts is None:
            self.rendered += 1
            return self._main.render(values)
        filled = shape.fill(self._values(values))
        if shape.checked < CHECKED_PAGES:
            shape.checked += 1
            rendered = self._main.render(values)
            if rendered != filled:
                shape.parts = None  # this shape is Jinja's from now on
                self.mismatched.append(key)
                self.rendered += 1
                return rendered
        self.filled += 1
        self.filled_page = page
        return filled

    def _skeleton(self, values: dict) -> list[str] | None:
        text = self._main.render({**values, "page": _MarkedPage(values["page"]), "archive_marks": _MARKS})
        parts = _SPLIT.split(text)
        # a marker cut by a filter (striptags, truncate) leaves a stray half: no skeleton then
        stray = any("\ue000" in part or "\ue001" in part for part in parts[::2])
        return None if stray else parts

    def _values(self, values: dict) -> dict[str, str]:
        page = values["page"]
        if self._lang is None:
            self._lang = self._language.make_module(values)
        context = {**values, "lang": self._lang}
        parts = self._parts.render(context).split(_APART)
        if len(parts) != len(_EACH_PART):  # the character in one of the archive's headings
            parts = [part.render(context) for part in self._each_part]
        feeds, toc, skip = parts
        return {
            "title": str(page.meta.get("title", "")),
            "description": str(page.meta.get("description", "")),
            "canonical": str(page.canonical_url or ""),
            "feeds": feeds,
            "toc": toc,
            "skip": skip.removeprefix("#"),
            "content": page.content or "",
        }


def _shape_key(page) -> tuple | None:
    """Pages that share every byte of Material's chrome, or None for a page rendered by Jinja."""
    url = page.url or ""
    if page.previous_page is not None or page.next_page is not None or page.is_homepage:
        return None  # in the nav, or its neighbours are: links of its own
    folders = url.strip("/").split("/") if url.strip("/") else []
    content = page.content or ""
    return (
        folders[0] if folders else "",
        len(folders),
        url.endswith("/"),
        tuple(sorted(page.meta)),
        bool(page.meta.get("description")),
        bool(page.toc),
        bool(page.canonical_url),
        "<h1" in content,
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory by one process (`mkdocs serve` makes a new Jinja
    environment for every rebuild, which compiled Material's templates again: 0.2 s at each),
    and in the folder keep_in() gives (the machine's cache: a build compiles only what no
    build before it did; Material's templates took 0.4 s). Jinja checks each entry
    against its template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._on_disk: jinja2.FileSystemBytecodeCache | None = None

    def keep_in(self, folder: Path | None) -> None:
        self._on_disk = jinja2.FileSystemBytecodeCache(str(folder)) if folder is not None else None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self._on_disk is not None:
            self._on_disk.load_bytecode(bucket)  # Jinja's own: an entry of other code is left out
            if bucket.code is not None:
                self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._on_disk is not None:
            with contextlib.suppress(OSError):
                self._on_disk.dump_bytecode(bucket)

