"""`mkdocs build --strict` of a small sample archive (the five seeds plus a hostile file),
checked page by page on our own outputs: pages, links, feeds read back by feedparser,
catalog.json, report.json and what the search index holds."""

from __future__ import annotations

import html as html_module
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import lxml.html
import pytest
from briefings.ingest.slugs import slugify_name
from site_build import SEED_FILES, SHIPPED_ARCHIVE, SITE_URL, make_sample_archive, mkdocs_build, page_path

HOSTILE_FILE = "005_hostile.md"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("sample")
    archive = make_sample_archive(root / "archive")
    build = mkdocs_build(archive, root / "site")
    assert build.returncode == 0, build.log
    catalog = json.loads((build.site / "catalog.json").read_text("utf-8"))
    return build, catalog, archive


def html(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def article(document) -> str:
    return document.xpath("string(//article)")


def briefing_by_city(catalog, city):
    return next(b for b in catalog["briefings"] if b["city"] == city and "script" not in b["title"])


def test_strict_build_passes_without_a_warning(sample):
    build, _, _ = sample
    assert build.warnings == []


def test_every_briefing_page_exists_with_its_title_and_card(sample):
    build, catalog, _ = sample
    assert len(catalog["briefings"]) == 6
    for record in catalog["briefings"]:
        document = html(page_path(build.site, record["url"]))
        assert document.xpath("string(//h1)") == record["title"]
        card = document.xpath("//div[contains(@class, 'briefing-card')]")[0]
        card_text = card.text_content()
        assert (record["city"] or "未知城市") in card_text
        for program in record["programs"]:
            assert program in card_text


def test_internal_links_resolve_to_built_pages(sample):
    build, catalog, _ = sample
    pages = [record["url"] for record in catalog["briefings"]] + [facet["url"] for facet in catalog["facets"]]
    for url in pages + ["/", "/cities/", "/years/", "/programs/", "/report/", "/about/"]:
        document = html(page_path(build.site, url))
        hrefs = document.xpath("//article//a/@href") + document.xpath("//link[@rel='alternate']/@href")
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(url, unquote(parts.path)))
            target = target + "/" if parts.path.endswith("/") and not target.endswith("/") else target
            assert page_path(build.site, target).is_file(), f"{url} links to missing {href}"


def test_briefing_body_keeps_every_cleaned_block(sample):
    """Nothing of the cleaned body is lost between ingest and the built page."""
    from briefings.ingest import read_archive

    build, catalog, archive = sample
    url_of = {record["id"]: record["url"] for record in catalog["briefings"]}
    for briefing in read_archive(archive).briefings:
        text = re.sub(r"\s+", " ", article(html(page_path(build.site, url_of[briefing.id]))))
        for block in briefing.blocks:
            assert re.sub(r"\s+", " ", block.text).strip() in text, (briefing.path, block.text)


def test_hostile_text_shows_as_text_and_never_runs(sample):
    build, catalog, _ = sample
    record = next(b for b in catalog["briefings"] if "<script>" in b["title"])
    raw = page_path(build.site, record["url"]).read_text("utf-8")
    assert "<script>alert" not in raw and "<iframe" not in raw and "<img src=x" not in raw
    assert 'href="javascript' not in raw.lower()
    document = html(page_path(build.site, record["url"]))
    assert document.xpath("string(//title)").startswith('<script>alert("title")</script> **粗体**')
    assert document.xpath("string(//h1)") == record["title"]
    body = article(document)
    for visible in (
        '<script>alert("body")</script>',
        "**不是粗体**",
        "[不是链接](javascript:alert(2))",
        "{{ 7*7 }}",
        '!!! note "不是提示框"',
        '<iframe src="https://evil.example/"></iframe>',
    ):
        assert visible in body
    assert "<b>来源</b> & 济宁日报" in body
    source = document.xpath("//div[contains(@class,'briefing-card')]//a[@rel='nofollow noopener']")[0]
    assert source.get("href") == "https://example.org/briefing?id=5&lang=zh"
    # Lists elsewhere show the hostile title as text too.
    city_page = page_path(
        build.site, next(f["url"] for f in catalog["facets"] if f["kind"] == "city" and f["name"] == "济宁市")
    )
    assert "<script>alert" not in city_page.read_text("utf-8")
    assert record["title"] in article(html(city_page))


def test_facet_pages_list_their_briefings_newest_first_with_count(sample):
    build, catalog, _ = sample
    by_url = {record["url"]: record for record in catalog["briefings"]}
    for facet in catalog["facets"]:
        document = html(page_path(build.site, facet["url"]))
        listed = [
            posixpath.normpath(posixpath.join(facet["url"], href)) + "/"
            for href in document.xpath("//div[contains(@class,'briefing-list')]/ul/li/a[1]/@href")
        ]
        assert len(listed) == facet["count"]
        assert all(url in by_url for url in listed)
        dates = [by_url[url]["date"] or f"{by_url[url]['year']}" for url in listed]
        assert dates == sorted(dates, reverse=True), facet["url"]
        assert f"共 {facet['count']} 篇简报" in article(document)
        has_chart = bool(document.xpath("//figure[contains(@class,'year-chart')]/*[local-name()='svg']"))
        assert has_chart == (facet["kind"] in ("city", "program") and facet["count"] > 0)


def test_city_index_groups_cities_by_province(sample):
    build, _, _ = sample
    document = html(page_path(build.site, "/cities/"))
    headings = [h.text_content().strip() for h in document.xpath("//article//h2")]
    assert headings == ["河南省", "山东省", "省份不详"]
    shandong = document.xpath(f"//h2[@id='{slugify_name('山东省')}']/following-sibling::ul[1]")[
        0
    ].text_content()
    assert "济宁市（2 篇）" in shandong and "菏泽市（1 篇）" in shandong and "枣庄市（1 篇）" in shandong


def test_nav_holds_home_and_facet_indexes_never_briefings(sample):
    build, catalog, _ = sample
    for url in ("/", catalog["briefings"][0]["url"]):
        document = html(page_path(build.site, url))
        hrefs = document.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
        assert not any("briefings/" in href for href in hrefs)
        labels = {a.text_content().strip() for a in document.xpath("//nav[contains(@class,'md-tabs')]//a")}
        assert labels == {"首页", "城市", "年份", "专项工作", "关于", "构建报告"}


def shown_text(detail) -> str:
    """What a feed reader shows: HTML constructs unescaped, text constructs as they are."""
    return html_module.unescape(detail.value) if detail.type == "text/html" else detail.value


def read_feed(site: Path, url: str):
    data = page_path(site, url).read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed, data


def test_feeds_are_read_by_feedparser_with_the_right_entries(sample):
    build, catalog, _ = sample
    by_id = {record["id"]: record for record in catalog["briefings"]}
    feeds = [("/feed.xml", "/atom.xml", list(by_id))]
    for facet in catalog["facets"]:
        if facet["rss"]:
            members = [
                r["id"]
                for r in catalog["briefings"]
                if (facet["kind"] == "city" and (r["city"] or "未知城市") == facet["name"])
                or (facet["kind"] == "program" and facet["name"] in r["programs"])
            ]
            feeds.append((facet["rss"], facet["atom"], members))
    for rss_url, atom_url, members in feeds:
        for url in (rss_url, atom_url):
            parsed, data = read_feed(build.site, url)
            guids = [entry.id for entry in parsed.entries]
            assert sorted(guids) == sorted(f"urn:briefing:{member}" for member in members), url
            for entry in parsed.entries:
                record = by_id[entry.id.removeprefix("urn:briefing:")]
                assert shown_text(entry.title_detail) == record["title"]
                assert entry.link == SITE_URL.rstrip("/") + record["url"]
                terms = {tag.term for tag in entry.get("tags", [])}
                assert terms == {name for name in (record["city"], *record["programs"]) if name}
                assert entry.summary and entry.content[0].value.startswith("<p>")
            dated = [by_id[g.removeprefix("urn:briefing:")]["date"] for g in guids]
            dated = [d for d in dated if d]
            assert dated == sorted(dated, reverse=True)  # newest first
            if any(dated):
                assert b"+08:00" in data or b"+0800" in data


def test_feed_dates_carry_the_china_offset(sample):
    build, _, _ = sample
    rss = page_path(build.site, "/feed.xml").read_text("utf-8")
    atom = page_path(build.site, "/atom.xml").read_text("utf-8")
    assert "<pubDate>Tue, 02 Jan 2024 00:00:00 +0800</pubDate>" in rss
    assert "<published>2024-01-02T00:00:00+08:00</published>" in atom
    assert '<guid isPermaLink="false">urn:briefing:' in rss


ALTERNATE = "contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')"


def test_every_page_announces_its_feeds(sample):
    build, catalog, _ = sample
    home = html(page_path(build.site, "/"))
    # rel is a set of tokens, as feed autodiscovery reads it (the value is "alternate ": see main.html)
    assert home.xpath(f"//link[{ALTERNATE} and @type='application/rss+xml']/@href") == ["feed.xml"]
    assert home.xpath(f"//link[{ALTERNATE} and @type='application/atom+xml']/@href") == ["atom.xml"]
    assert home.xpath("//link[@rel='alternate']") == []  # what Material's language switcher fetches a sitemap for
    for facet in catalog["facets"]:
        document = html(page_path(build.site, facet["url"]))
        hrefs = document.xpath(f"//link[{ALTERNATE}]/@href")
        if facet["rss"]:
            assert hrefs == ["feed.xml", "atom.xml"], facet["url"]
        else:
            assert len(hrefs) == 2  # the site's feeds


def test_catalog_json_matches_the_built_site(sample):
    build, catalog, _ = sample
    kinds = {facet["kind"] for facet in catalog["facets"]}
    assert kinds == {"city", "year", "program", "city-year"}
    for facet in catalog["facets"]:
        assert page_path(build.site, facet["url"]).is_file()
        for key in ("rss", "atom"):
            if facet[key]:
                assert page_path(build.site, facet[key]).is_file()
    names = {(facet["kind"], facet["name"]) for facet in catalog["facets"]}
    assert {("city-year", "济宁市 · 2021"), ("city-year", "济宁市 · 2022")} <= names
    jining = briefing_by_city(catalog, "济宁市")
    assert jining["original_url"] is None or jining["original_url"].startswith("http")


def test_report_lists_every_archive_file(sample):
    build, _, archive = sample
    report = json.loads((build.site / "report.json").read_text("utf-8"))
    paths = [entry["path"] for entry in report["files"]]
    assert paths == sorted(p.name for p in archive.iterdir())
    statuses = {entry["path"]: entry["status"] for entry in report["files"]}
    assert statuses["programs.yml"] == "vocabulary"
    assert all(statuses[name] == "page" for name in (*SEED_FILES, HOSTILE_FILE))
    seed_001 = next(entry for entry in report["files"] if entry["path"] == SEED_FILES[1])
    assert any(item["field"] == "city" for item in seed_001["guessed"])
    page = article(html(page_path(build.site, "/report/")))
    assert SEED_FILES[1] in page and "构建报告" in page


def read_search_script(path: Path) -> tuple[str, int, dict]:
    """A file of the search index: window.__briefingsSearch.add(kind, number, data)."""
    match = re.fullmatch(r'window\.__briefingsSearch\.add\("(\w+)",(\d+),(.*)\);\n', path.read_text("utf-8"), re.S)
    assert match, path
    return match[1], int(match[2]), json.loads(match[3])


def search_postings(site: Path) -> dict[str, str]:
    postings: dict[str, str] = {}
    for shard in sorted((site / "search").glob("shard-*.js")):
        postings.update(read_search_script(shard)[2])
    return postings


def test_search_index_keeps_names_whole_and_boosts_fields(sample):
    build, catalog, _ = sample
    _, _, meta = read_search_script(build.site / "search" / "meta.js")
    assert meta["docs"] == len(catalog["briefings"])
    # Names the query splitter keeps whole, and exact keys of the index
    assert {"驻马店市", "星级党支部", "星级党支部创建"} <= set(meta["names"])
    postings = search_postings(build.site)
    def document_number(i: int) -> int:  # numbered by archive path; meta.newest: each one's place in the catalog
        return meta["newest"].index(i)

    assert sorted(meta["newest"]) == list(range(len(catalog["briefings"])))

    position = next(i for i, r in enumerate(catalog["briefings"]) if r["city"] == "驻马店市")
    number = document_number(position)
    for key in ("星级党支部", "驻马店", "city:驻马店市", "year:2021", "program:星级党支部创建"):
        assert key in postings, key
    # Every document's record points at its page; the title is text, whatever it holds
    per = meta["docs_per_file"]
    kind, n, records = read_search_script(build.site / "search" / "docs" / f"{number // per}.js")
    assert (kind, n, "/" + records[number % per]["u"]) == ("docs", number // per, catalog["briefings"][position]["url"])
    hostile = document_number(next(i for i, r in enumerate(catalog["briefings"]) if "<script>" in r["title"]))
    raw = (build.site / "search" / "docs" / f"{hostile // per}.js").read_text("utf-8")
    assert "</script>" not in raw and "<\\/script>" in raw
    # Lists, cards and charts are not searched: only briefings are documents
    assert all(not record["u"].startswith(("cities/", "years/")) for path in (build.site / "search" / "docs").glob("*.js")
               for record in read_search_script(path)[2])


def test_same_archive_same_bytes(sample, tmp_path):
    build, _, archive = sample
    again = mkdocs_build(archive, tmp_path / "site")
    assert again.returncode == 0, again.log
    for name in (
        "feed.xml",
        "atom.xml",
        "catalog.json",
        "report.json",
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/meta.js",
        "search/shard-0.js",
        "index.html",
    ):
        assert (again.site / name).read_bytes() == (build.site / name).read_bytes(), name


def test_a_rejected_file_fails_the_strict_build_naming_it(tmp_path):
    archive = make_sample_archive(tmp_path / "archive")
    (archive / "broken.txt").write_bytes(b"")  # no briefing text at all
    (archive / "scan.pdf").write_bytes(b"%PDF-1.4")
    build = mkdocs_build(archive, tmp_path / "site")
    assert build.returncode != 0
    warnings = "\n".join(build.warnings)
    assert "archive/broken.txt" in warnings and "archive/scan.pdf" in warnings
    report = json.loads((build.site / "report.json").read_text("utf-8"))
    rejected = {entry["path"]: entry["reason"] for entry in report["files"] if entry["status"] == "rejected"}
    assert set(rejected) == {"broken.txt", "scan.pdf"} and all(rejected.values())


def test_news_of_many_files_is_summed_up_in_one_log_line(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "programs.yml").write_bytes((SHIPPED_ARCHIVE / "programs.yml").read_bytes())
    seed = (SHIPPED_ARCHIVE / SEED_FILES[4]).read_bytes()
    for number in range(25):  # one briefing scraped 25 times: 24 reprints merged into its page
        (archive / f"copy-{number:02d}.txt").write_bytes(seed)
    build = mkdocs_build(archive, tmp_path / "site")
    assert build.returncode == 0, build.log[-2000:]
    assert "archive: reprints merged in 24 files (each listed in the build report)" in build.log
    assert "a reprint of" not in build.log  # the files themselves are in the report, not the log
    assert "archive/copy-00.txt: url missing" in build.log  # news of a kind below the limit: each file
    report = json.loads((build.site / "report.json").read_text("utf-8"))
    assert sum(entry["status"] == "reprint" for entry in report["files"]) == 24
