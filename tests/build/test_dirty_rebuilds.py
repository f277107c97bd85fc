"""`mkdocs serve --dirty`: a rebuild writes only what changed and deletes what is gone, and the
site folder is then byte for byte what a clean build of the same archive makes, after a
briefing is added, changed and removed.

The builds run in this process, as under `mkdocs serve` (whose hook module lives across
rebuilds): MkDocs' own build function, dirty, into one folder, compared with a clean build.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_build import ROOT, make_sample_archive

ADDED = """---
url: http://www.example.gov.cn/2021-07/01/content_1.htm
---
临沂市直机关工委召开党史学习教育推进会
2021年7月1日，临沂市直机关工委召开党史学习教育推进会，总结上半年工作，部署下一阶段任务。
会议要求，各机关党组织要把党史学习教育同业务工作结合起来，办好实事。
"""


@pytest.fixture
def serving(tmp_path, monkeypatch, caplog):
    """A function that builds the archive as `mkdocs serve --dirty` does, into one folder."""
    archive = make_sample_archive(tmp_path / "archive")
    monkeypatch.setenv("BRIEFINGS_ARCHIVE", str(archive))
    monkeypatch.setenv("BRIEFINGS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    caplog.set_level(logging.INFO)

    config_file = tmp_path / "mkdocs.yml"  # the project's, with a line a test may change
    config_file.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
                           f"theme:\n  custom_dir: {ROOT / 'overrides'}\nhooks:\n  - {ROOT / 'hooks' / 'archive.py'}\n"
                           f"site_description: 市直机关党建简报\n", encoding="utf-8")

    def config(site: Path):
        return load_config(config_file=str(config_file), site_dir=str(site))

    first = config(tmp_path / "served")
    first.plugins.on_startup(command="serve", dirty=True)

    def rebuild(site: Path = tmp_path / "served", dirty: bool = True) -> str:
        if site.name == "clean":  # another process, with no cache: nothing this one keeps can leak in
            env = {**os.environ, "BRIEFINGS_CACHE": "0"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
                           env=env, check=True, capture_output=True)
            return ""
        caplog.clear()
        build(config(site), dirty=dirty)
        return caplog.text

    yield archive, rebuild
    first.plugins.on_shutdown()  # serve ends: the idle collection stops, nothing stays frozen
    first.plugins.on_startup(command="build", dirty=False)  # the hook module outlives this test


def _tree(site: Path) -> dict[str, bytes | None]:
    return {path.relative_to(site).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(site.rglob("*"))}


def _same_as_a_clean_build(served: Path, rebuild) -> None:
    """The served folder is what a clean build in a new process makes (not this one, which keeps
    the last build's pages and records in memory)."""
    clean = served.parent / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    rebuild(clean, dirty=False)
    by_serve, by_clean = _tree(served), _tree(clean)
    assert sorted(set(by_serve) ^ set(by_clean)) == []
    assert [path for path in by_clean if by_serve[path] != by_clean[path]] == []


def _warnings_counted(log: str) -> int:
    found = re.search(r"archive built: \d+ briefings?, \d+ pages?, (\d+) warnings?", log)
    assert found, log[-2000:]
    return int(found.group(1))


def _kept_and_removed(log: str) -> tuple[int, int]:
    found = re.search(r"dirty build: (\d+) unchanged files kept, (\d+) removed", log)
    assert found, log[-2000:]
    return int(found.group(1)), int(found.group(2))


def test_a_served_site_stays_what_a_clean_build_makes(serving, tmp_path):
    archive, rebuild = serving
    served = tmp_path / "served"
    (archive / "empty.txt").write_text("", encoding="utf-8")  # rejected: a warning every build gives
    log = rebuild()
    first_warnings = _warnings_counted(log)
    assert "A 'dirty' build is being performed" not in log  # the hook keeps it exact: no such warning
    assert _kept_and_removed(log) == (0, 0)
    _same_as_a_clean_build(served, rebuild)

    (archive / "new").mkdir()
    (archive / "new" / "linyi.txt").write_text(ADDED, encoding="utf-8")
    log = rebuild()
    kept, removed = _kept_and_removed(log)
    assert kept > 0 and removed == 0
    reused = re.search(r"archive: (\d+) pages as the last build made them, (\d+) made", log)
    assert reused and int(reused.group(1)) > 0 and int(reused.group(2)) > 0  # only what the new one changes
    # what the archive said before is not said again: the new file's messages are
    assert re.search(r"archive: \d+ messages as the last build gave them, not repeated", log)
    assert "archive/new/linyi.txt" in log and not re.search(r"archive/00\d[^ ]*\.txt: ", log)
    new_warnings = len(re.findall(r"^WARNING .*archive/new/linyi\.txt", log, re.MULTILINE))
    assert _warnings_counted(log) == first_warnings + new_warnings  # the ones not repeated still count
    assert (served / "cities" / "linyi" / "index.html").is_file()
    _same_as_a_clean_build(served, rebuild)

    log = rebuild()  # nothing changed: the archive is not read again, everything generated is kept
    assert "unchanged since the last build: kept from memory" in log
    kept, _ = _kept_and_removed(log)
    assert kept > 0
    _same_as_a_clean_build(served, rebuild)

    # outputs deleted by hand: their pages and files, the last build's objects, are written again
    for output in (served / "cities" / "linyi" / "index.html", served / "feed.xml", served / "search" / "meta.js"):
        output.unlink()
    rebuild()
    _same_as_a_clean_build(served, rebuild)

    seed = sorted(archive.glob("00*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n会议还通报了上半年机关党建工作考核情况。\n", encoding="utf-8")
    rebuild()
    _same_as_a_clean_build(served, rebuild)

    (archive / "new" / "linyi.txt").unlink()
    kept, removed = _kept_and_removed(rebuild())
    assert removed > 0
    assert not (served / "cities" / "linyi").exists()
    _same_as_a_clean_build(served, rebuild)


def test_a_change_to_the_configuration_rewrites_every_page(serving, tmp_path):
    archive, rebuild = serving
    served = tmp_path / "served"
    rebuild()
    about = served / "about" / "index.html"
    briefing = next((served / "briefings").glob("*/index.html"))
    # pages from docs/ are MkDocs' own, compared by modification time: it skips an unchanged one
    for page in (about, briefing):
        page.write_bytes(b"stale")
    rebuild()
    assert about.read_bytes() == b"stale" and briefing.read_bytes() == b"stale"  # nothing they show changed
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("党建简报", "党建简报汇编"), encoding="utf-8")
    rebuild()
    assert "党建简报汇编" in about.read_text(encoding="utf-8")
    assert briefing.read_bytes() != b"stale"  # its own description, but a new signature: written again
    _same_as_a_clean_build(served, rebuild)


def test_a_plain_serve_rebuilds_dirty_and_stays_what_a_clean_build_makes(serving, tmp_path, caplog):
    """`mkdocs serve` without --dirty: the hook has MkDocs' serve rebuild as --dirty does."""
    from mkdocs.commands import serve as serve_module

    archive, rebuild = serving
    served = tmp_path / "served"

    def config():
        return load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(served))

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        assert serve_module.build is not build  # wrapped: MkDocs' serve calls it at each rebuild
        serve_module.build(config())
        (archive / "010_added.txt").write_text(ADDED, encoding="utf-8")
        caplog.clear()
        serve_module.build(config())
        kept, removed = _kept_and_removed(caplog.text)
        assert kept > 0 and removed == 0
    finally:
        first.plugins.on_shutdown()
    assert serve_module.build is build  # as MkDocs had it, once serve ends
    _same_as_a_clean_build(served, rebuild)
