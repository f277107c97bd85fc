"""Site addresses as MkDocs sets them (briefings.site.data)."""

from urllib.parse import urljoin, urlsplit

import pytest
from briefings.site.data import canonical_address
from hypothesis import given
from hypothesis import strategies as st

SEGMENT = st.text("abcxyz019_-~%.", min_size=1, max_size=8)
BASES = ["https://example.org/", "https://example.org/archive", "http://127.0.0.1:8000/", "https://x.cn/a/b/"]


@given(st.sampled_from(BASES), st.lists(SEGMENT, max_size=4), st.sampled_from(["", "/", "/index.html"]))
def test_a_plain_page_url_joins_as_urljoin_does(base, segments, tail):
    url = "/".join(segments) + tail if segments else ""
    found = canonical_address(base, url)
    if found is None:
        return  # not plain (a dot segment, an empty one): MkDocs' own urljoin runs
    canonical = urljoin(base if base.endswith("/") else base + "/", url)
    assert found == (canonical, urlsplit(canonical).path)


@pytest.mark.parametrize("url", ["../up/", "./here/", "a/../b/", "/rooted/", "mailto:x", "a?q=1", "a#top", "a//b/"])
def test_a_url_urljoin_would_rewrite_is_left_to_it(url):
    assert canonical_address("https://example.org/archive/", url) is None


def test_the_pages_mkdocs_writes_are_plain():
    assert canonical_address("https://example.org/archive", "briefings/jinan-2021-abc/") == (
        "https://example.org/archive/briefings/jinan-2021-abc/", "/archive/briefings/jinan-2021-abc/")
    assert canonical_address("https://example.org/", "") == ("https://example.org/", "/")


def _data_files(briefings, address, memo=None):
    from briefings.site.catalog import build_catalog
    from briefings.site.data import catalog_json, report_data, report_entries, report_json

    catalog = build_catalog(tuple(briefings), (), lambda name: f"s{abs(hash(name)) % 10**6}")
    if memo is not None:
        memo.start(address)  # as each build does
    report = report_data(report_entries(briefings, (), ["programs.yml", "x.yml"], address, memo))
    return catalog_json(catalog, address, memo), report_json(report, memo), catalog, report


def test_the_data_files_kept_by_record_are_those_made_afresh():
    """Under serve each briefing's lines of catalog.json and report.json are kept by its record:
    across edits (a record changed, one removed) and another address, the files are byte for
    byte those made from scratch."""
    from dataclasses import replace
    from pathlib import Path

    from briefings.ingest import read_archive
    from briefings.site.data import DataMemo, SiteAddress, catalog_data, to_json_bytes

    briefings = list(read_archive(Path(__file__).resolve().parents[2] / "archive").briefings)
    memo = DataMemo()
    edited = [replace(briefings[0], title="改过的标题"), *briefings[2:]]
    for records, address in [(briefings, SiteAddress()), (edited, SiteAddress()), (edited, SiteAddress("/a", False))]:
        catalog_bytes, report_bytes, catalog, report = _data_files(records, address, memo)
        assert catalog_bytes == to_json_bytes(catalog_data(catalog, address))
        assert report_bytes == to_json_bytes(report)
        assert (catalog_bytes, report_bytes) == _data_files(records, address)[:2]
    assert "改过的标题" in catalog_bytes.decode("utf-8") and "/a/briefings/" in catalog_bytes.decode("utf-8")
