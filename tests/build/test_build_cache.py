"""Builds through the caches make the same site as a build without them, and every build
ends with its one-line summary."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

from site_build import ROOT, make_sample_archive


def build(archive: Path, site: Path, cache: str) -> str:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, "BRIEFINGS_ARCHIVE": str(archive), "BRIEFINGS_CACHE": cache, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right)
    stack = [comparison]
    while stack:
        current = stack.pop()
        if current.left_only or current.right_only or current.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        if mismatch or errors:
            return False
        stack.extend(current.subdirs.values())
    return True


def test_cached_builds_make_the_uncached_site(tmp_path: Path) -> None:
    archive = make_sample_archive(tmp_path / "archive")
    cache = tmp_path / "cache"
    plain = build(archive, tmp_path / "plain", "0")
    build(archive, tmp_path / "cold", str(cache))
    warm = build(archive, tmp_path / "warm", str(cache))
    assert (cache / "records.sqlite").is_file() and (cache / "pages" / "entries.sqlite").is_file()
    assert not [path for path in cache.rglob("*") if path.is_dir() and len(path.name) == 2]  # no file an entry
    assert (cache / "site" / "last-build.pickle").is_file()
    assert "unchanged since the last build" in warm  # nothing read, extracted or assembled
    assert same_tree(tmp_path / "plain", tmp_path / "cold")
    assert same_tree(tmp_path / "plain", tmp_path / "warm")
    for log in (plain, warm):
        assert re.search(r"archive built: \d+ briefings, \d+ pages, 0 warnings, [\d.]+ s", log)

    # A changed briefing changes its page, whatever the caches hold.
    seed = archive / "002_de3249d200964dde.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n缓存测试新增的段落。\n", encoding="utf-8")
    changed = build(archive, tmp_path / "changed", str(cache))
    assert "unchanged since the last build" not in changed
    build(archive, tmp_path / "changed-plain", "0")
    assert same_tree(tmp_path / "changed", tmp_path / "changed-plain")
    assert not same_tree(tmp_path / "changed", tmp_path / "warm")

    # So does a file that is no briefing: the vocabulary, a sidecar.
    vocabulary = archive / "programs.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "unchanged since the last build" not in build(archive, tmp_path / "vocabulary", str(cache))
    assert "unchanged since the last build" in build(archive, tmp_path / "vocabulary-again", str(cache))


def test_a_build_over_the_last_ones_site_folder_ends_as_a_clean_build(tmp_path: Path) -> None:
    """The folder is written over in place (the files of the last build keep their inodes), and
    what the new build does not make goes: a removed briefing's page, a stray file, a folder
    where a file goes. Hidden entries at the top stay, as MkDocs' clean keeps them."""
    archive = make_sample_archive(tmp_path / "archive")
    site = tmp_path / "site"
    build(archive, site, "0")
    about = site / "about" / "index.html"
    inode = about.stat().st_ino
    removed = sorted(path for path in archive.rglob("*") if path.suffix in {".txt", ".md", ".html"})[0]
    for path in (removed, removed.with_suffix(".yml")):  # the briefing and its sidecar
        path.unlink(missing_ok=True)
    (site / "stray" / "deep").mkdir(parents=True)
    (site / "stray" / "deep" / "page.html").write_text("旧页", encoding="utf-8")
    (site / "catalog.json").unlink()
    (site / "catalog.json").mkdir()  # a folder where a file goes
    (site / "catalog.json" / "x").write_text("", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    log = build(archive, site, "0")
    assert "Cleaning site directory" not in log and about.stat().st_ino == inode
    assert (site / ".git" / "HEAD").is_file()
    (site / ".git" / "HEAD").unlink()
    (site / ".git").rmdir()
    build(archive, tmp_path / "fresh", "0")
    assert same_tree(site, tmp_path / "fresh")
