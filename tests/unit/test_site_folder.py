"""A one-off build's site folder written over in place: what the last build alone wrote goes,
what stands where an output goes goes, hidden entries at the top stay (as MkDocs' clean does)."""

from __future__ import annotations

import os
from pathlib import Path

from briefings.cache import site_folder


def aged(path: Path, content: str = "old") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    os.utime(path, ns=(1_600_000_000_000_000_000,) * 2)
    return path


def test_what_the_last_build_alone_wrote_is_removed_with_the_folders_left_empty(tmp_path: Path) -> None:
    site = tmp_path / "site"
    kept = aged(site / "briefings" / "a" / "index.html")
    stale = aged(site / "briefings" / "b" / "index.html")
    gone = aged(site / "cities" / "旧城" / "2010" / "index.html")
    hidden = aged(site / ".git" / "HEAD")
    nested_hidden = aged(site / "assets" / ".cache" / "x")
    mark = site_folder.start_mark(site)
    assert mark is not None and not list(site.glob(".briefings*"))  # the mark leaves nothing behind
    kept.write_text("new", encoding="utf-8")
    assert site_folder.remove_stale(site, mark) == 3
    assert kept.read_text(encoding="utf-8") == "new" and hidden.is_file()
    assert not stale.exists() and not stale.parent.exists() and not (site / "cities").exists()
    assert not gone.exists() and not nested_hidden.exists()  # hidden only at the top is kept


def test_what_stands_where_an_output_goes_is_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    aged(site / "cities")  # a file where a folder must be
    aged(site / "feed.xml" / "index.html")  # a folder where a file must be
    untouched = aged(site / "about" / "index.html")
    outputs = [site / "cities" / "济宁" / "index.html", site / "feed.xml", site / "about" / "index.html",
               tmp_path / "elsewhere" / "x"]
    assert site_folder.clear_the_way(site, outputs) == 2
    assert not (site / "cities").exists() and not (site / "feed.xml").exists() and untouched.is_file()
    (site / "cities" / "济宁").mkdir(parents=True)  # an output can now be written there
    (site / "cities" / "济宁" / "index.html").write_text("页", encoding="utf-8")


def test_no_mark_where_the_folder_cannot_be_written(tmp_path: Path) -> None:
    assert site_folder.start_mark(tmp_path / "missing") is None
