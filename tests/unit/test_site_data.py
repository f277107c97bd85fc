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
