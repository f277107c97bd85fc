"""The site builds the same with ProperDocs, the maintained MkDocs 1.x fork: the way off
MkDocs once Material for MkDocs stops getting fixes (see the README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import make_sample_archive, mkdocs_build

pytest.importorskip("properdocs")

REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1700000000", "BRIEFINGS_CACHE": "0", "NO_MKDOCS_2_WARNING": "1"}


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _without_generator(data: bytes) -> bytes:
    # the one line that names the engine: <meta name="generator" content="mkdocs-1.6.1, ...">
    return b"\n".join(line for line in data.split(b"\n") if b'name="generator"' not in line)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return make_sample_archive(tmp_path_factory.mktemp("archive"))


def test_properdocs_builds_the_same_site_as_mkdocs(archive, tmp_path):
    by_mkdocs = mkdocs_build(archive, tmp_path / "mkdocs", True, "mkdocs", env=REPRODUCIBLE)
    by_properdocs = mkdocs_build(archive, tmp_path / "properdocs", True, "properdocs", env=REPRODUCIBLE)
    assert by_mkdocs.returncode == 0, by_mkdocs.log
    assert by_properdocs.returncode == 0, by_properdocs.log
    mkdocs_files, properdocs_files = _files(by_mkdocs.site), _files(by_properdocs.site)
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    assert len(mkdocs_files) > 50
    differing = [name for name in mkdocs_files
                 if _without_generator(mkdocs_files[name]) != _without_generator(properdocs_files[name])]
    assert differing == []
    assert b"ProperDocs" in properdocs_files["index.html"]  # it did run


def test_a_strict_quiet_properdocs_build_fails_on_a_rejected_file(archive, tmp_path):
    (archive / "empty.txt").write_bytes(b"")
    try:
        build = mkdocs_build(archive, tmp_path / "site", True, "properdocs", "-q", env=REPRODUCIBLE)
    finally:
        (archive / "empty.txt").unlink()
    assert build.returncode != 0
    assert "empty.txt" in build.log
