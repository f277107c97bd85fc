"""The slugs of names (cities, provinces, programs), kept on disk for the next build: making
them loads jieba's dictionary (over half a second) and the place table of the whole gazetteer,
and a rebuild names the same places again. Keyed by the ingest code and library versions (the
record cache's key), so a change to how slugs are made starts a new table. Safe to delete."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from briefings.cache.records import code_key
from briefings.cache.store import write_atomically
from briefings.ingest.slugs import slugify_name


class NameSlugCache:
    """slugify_name, remembered: call it as slugify_name; save() writes what is new."""

    entries = None  # one JSON file, no SQLite entries (as KeptCaches asks of every kept cache)

    def __init__(self, folder: Path | None, slugify: Callable[[str], str] = slugify_name):
        self.path = Path(folder) / f"{code_key()[:16]}.json" if folder is not None else None
        self._slugify = slugify
        self._slugs = self._load()
        self._new = False

    def __call__(self, name: str) -> str:
        slug = self._slugs.get(name)
        if slug is None:
            slug = self._slugs[name] = self._slugify(name)
            self._new = True
        return slug

    def reset_counts(self) -> None:  # as the other kept caches (KeptCaches calls it)
        pass

    def save(self) -> None:
        if self._new and self.path is not None:
            write_atomically(self.path, json.dumps(self._slugs, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            self._new = False

    def _load(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, or damaged: made again
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}
