"""The pages of the last build, each kept with what it was made from, for the rebuilds of one
`mkdocs serve`: after one briefing is added or changed, most briefing and facet pages have the
same inputs as before and are taken as they were instead of being rendered again.

A page's key holds plain values (names, paths, counts) and the ids of the briefings it shows;
the records themselves (the anchors) are kept with the page and must be equal to this build's:
the same object mostly (a record the cache kept), else one equal field by field (a briefing
its reprints were merged into again). A record that changed is a miss.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from briefings.site.pages.parts import GeneratedPage


class PageMemo:
    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[tuple, GeneratedPage]] = {}
        self._now: dict[Hashable, tuple[tuple, GeneratedPage]] = {}
        self._kept_fragments: dict[Hashable, str] = {}  # parts of pages, by all they are made from
        self._now_fragments: dict[Hashable, str] = {}
        self._settings: Hashable = None
        self.hits = 0
        self.misses = 0

    def of_settings(self, settings: Hashable) -> PageMemo:
        """This memo for a build with these settings (the site's title, its kind of URL ...):
        with other settings than the last build's, nothing kept is taken."""
        if settings != self._settings:
            self._kept, self._kept_fragments, self._settings = {}, {}, settings
        self._now, self._now_fragments = {}, {}  # what a build stopped half-way made is not kept
        self.hits = self.misses = 0
        return self

    def page(self, key: Hashable, anchors: tuple, make: Callable[[], GeneratedPage]) -> GeneratedPage:
        """The page kept under key when it shows the same anchors, else make()'s."""
        found = self._kept.get(key)
        if found is not None and found[0] == anchors:  # (a tuple compares each item by identity first)
            self.hits += 1
            page = found[1]
        else:
            self.misses += 1
            page = make()
        self._now[key] = (anchors, page)
        return page

    def fragment(self, key: Hashable, make: Callable[[], str]) -> str:
        """The part of a page kept under key (which holds everything it is made from), else make()'s."""
        found = self._kept_fragments.get(key)
        if found is None:
            found = make()
        self._now_fragments[key] = found
        return found

    def finish(self) -> None:
        """End a build: what it used is kept for the next, the rest is let go."""
        self._kept, self._now = self._now, {}
        self._kept_fragments, self._now_fragments = self._now_fragments, {}
