"""The shipped archive/ builds with `mkdocs build --strict` and no warning, into the pages the
issue's "done means" names: five briefing pages, the city, year and program facets, feeds."""

from __future__ import annotations

import json

import feedparser
import pytest
from briefings.ingest.extract.programs import Vocabulary
from site_build import SHIPPED_ARCHIVE, mkdocs_build, page_path


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    build = mkdocs_build(SHIPPED_ARCHIVE, tmp_path_factory.mktemp("shipped") / "site")
    assert build.returncode == 0, build.log
    return build, json.loads((build.site / "catalog.json").read_text("utf-8"))


def test_strict_build_of_the_shipped_archive_has_no_warning(shipped):
    build, _ = shipped
    assert build.warnings == []


def test_five_briefing_pages(shipped):
    build, catalog = shipped
    assert len(catalog["briefings"]) == 5
    assert all(page_path(build.site, record["url"]).is_file() for record in catalog["briefings"])
    assert len({record["url"] for record in catalog["briefings"]}) == 5


def test_facets_of_the_seeds(shipped):
    build, catalog = shipped
    names = {(facet["kind"], facet["name"]) for facet in catalog["facets"]}
    for city in ("济宁市", "菏泽市", "枣庄市", "驻马店市", "未知城市"):
        assert ("city", city) in names
    for year in ("2009", "2021", "2023"):
        assert ("year", year) in names
    vocabulary = Vocabulary.load(SHIPPED_ARCHIVE / "programs.yml")
    for program in vocabulary.programs:
        assert ("program", program.name) in names
    for facet in catalog["facets"]:
        assert page_path(build.site, facet["url"]).is_file()


def test_feeds_of_the_seeds_parse(shipped):
    build, catalog = shipped
    urls = ["/feed.xml", "/atom.xml"] + [
        f[key] for f in catalog["facets"] for key in ("rss", "atom") if f[key]
    ]
    for url in urls:
        parsed = feedparser.parse(page_path(build.site, url).read_bytes())
        assert not parsed.bozo, url
    site_feed = feedparser.parse(page_path(build.site, "/feed.xml").read_bytes())
    assert len(site_feed.entries) == 5
