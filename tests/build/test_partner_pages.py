"""Pages written by a forked partner (briefings.partner, on_page_context in the hook) are the
pages one process writes: the sample archive built with a partner for every build and
without, byte for byte; the partner's page-cache entries serve the next build. A one-off build
keeps only the pages Jinja rendered in the page cache: the next fills in the others again."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from site_build import make_sample_archive, mkdocs_build

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")

REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """alone: no partner, shaped pages (a cache of its own, built again as `alone_again`);
    paired: a partner, every page rendered by Jinja and so kept in the page cache, which
    `again` then uses."""
    root = tmp_path_factory.mktemp("partner")
    archive = make_sample_archive(root / "archive")
    cache = {"BRIEFINGS_CACHE": str(root / "cache")}
    own_cache = {"BRIEFINGS_CACHE": str(root / "own-cache")}
    alone = mkdocs_build(archive, root / "alone", False, "mkdocs", "-v",
                         env={**REPRODUCIBLE, **own_cache, "BRIEFINGS_PARTNER": "0"})
    paired = mkdocs_build(archive, root / "paired", False, "mkdocs", "-v",
                          env={**REPRODUCIBLE, **cache, "BRIEFINGS_PARTNER": "always", "BRIEFINGS_SHAPED": "0"})
    again = mkdocs_build(archive, root / "again", False, "mkdocs", "-v",
                         env={**REPRODUCIBLE, **cache, "BRIEFINGS_PARTNER": "0"})
    alone_again = mkdocs_build(archive, root / "alone-again", False, "mkdocs", "-v",
                               env={**REPRODUCIBLE, **own_cache, "BRIEFINGS_PARTNER": "0"})
    for build in (alone, paired, again, alone_again):
        assert build.returncode == 0, build.log
    return alone, paired, again, alone_again


def _written_by_partner(log: str) -> int:
    found = re.search(r"pages: (\d+) written by a second process", log)
    return int(found.group(1)) if found else 0


def test_a_partner_wrote_half_the_generated_pages(builds):
    alone, paired, *_ = builds
    pages = len([name for name in _files(paired.site) if name.endswith(".html")])
    assert _written_by_partner(alone.log) == 0
    assert pages / 3 < _written_by_partner(paired.log) < pages / 2 + 1


def test_every_file_is_the_same_with_a_partner_and_without(builds):
    alone, paired, *_ = builds
    by_alone, by_pair = _files(alone.site), _files(paired.site)
    assert sorted(by_alone) == sorted(by_pair)
    assert [name for name in by_alone if by_alone[name] != by_pair[name]] == []


def test_the_same_warnings_are_logged_once(builds):
    alone, paired, *_ = builds
    assert sorted(alone.warnings) == sorted(paired.warnings)
    assert not [line for line in paired.log.splitlines() if "Page skipped" in line]


def test_pages_the_partner_cached_serve_the_next_build(builds):
    alone, _, again, _ = builds
    reused = re.search(r"page cache: (\d+) pages reused, (\d+) rendered", again.log)
    assert reused and int(reused.group(1)) > 0 and reused.group(2) == "0", again.log[-3000:]
    assert _files(again.site) == _files(alone.site)


def test_a_build_keeps_only_the_pages_jinja_rendered_and_the_next_fills_in_the_others_again(builds):
    alone, _, _, alone_again = builds
    counts = re.search(r"pages: (\d+) filled in from their shape, (\d+) rendered by Jinja", alone.log)
    reused = re.search(r"page cache: (\d+) pages reused, (\d+) rendered", alone_again.log)
    assert counts and reused, alone_again.log[-3000:]
    filled, by_jinja = int(counts.group(1)), int(counts.group(2))
    assert filled > 0 and by_jinja > 0
    assert (int(reused.group(1)), int(reused.group(2))) == (by_jinja, filled)
    assert _files(alone_again.site) == _files(alone.site)
