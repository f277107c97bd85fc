"""Damaged caches and inherited configurations (issue 11): a damaged page-cache entry is a miss,
never the end of every later build; a change to a config a mkdocs.yml INHERITs reaches the pages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from briefings.cache.pages import PageCache
from site_build import ROOT, make_sample_archive


@pytest.mark.parametrize("damage", [b"", b"garbage, not zlib", None])  # None: cut in half
def test_a_damaged_page_entry_is_a_miss(tmp_path, damage):
    cache = PageCache(tmp_path)
    cache.put("ab" * 32, "<html>页面</html>" * 50)
    with sqlite3.connect(tmp_path / "entries.sqlite") as connection:
        data = bytes(connection.execute("SELECT value FROM entries").fetchone()[0])
        connection.execute("UPDATE entries SET value = ?", (data[: len(data) // 2] if damage is None else damage,))
    connection.close()
    fresh = PageCache(tmp_path)
    assert not fresh.contains("ab" * 32) and fresh.get("ab" * 32) is None


def build(config: Path, archive: Path, site: Path, cache: Path) -> str:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    env = {**os.environ, "BRIEFINGS_ARCHIVE": str(archive), "BRIEFINGS_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def test_damaged_page_entries_and_an_inherited_config(tmp_path):
    archive = make_sample_archive(tmp_path / "archive")
    cache = tmp_path / "cache"
    parent = tmp_path / "parent.yml"
    parent.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_name: 第一个名字\n", encoding="utf-8")
    child = tmp_path / "mkdocs.yml"
    child.write_text(f"INHERIT: {parent}\ndocs_dir: {ROOT / 'docs'}\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n"
                     f"hooks:\n  - {ROOT / 'hooks' / 'archive.py'}\n", encoding="utf-8")
    build(child, archive, tmp_path / "site1", cache)
    for entry in (cache / "pages").rglob("*"):  # damage every rendered page the next build would reuse
        if entry.is_file():
            entry.write_bytes(b"\x00damaged")
    build(child, archive, tmp_path / "site2", cache)
    parent.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_name: 第二个名字\n", encoding="utf-8")
    build(child, archive, tmp_path / "site3", cache)
    home = (tmp_path / "site3" / "index.html").read_text(encoding="utf-8")
    pages = [p for p in (tmp_path / "site3" / "briefings").rglob("index.html")]
    assert "第二个名字" in home and pages and all("第二个名字" in p.read_text(encoding="utf-8") for p in pages)
