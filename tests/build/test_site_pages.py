"""The generated site, page by page, from briefings made by hand: pages (HTML bodies, headings,
metadata), facets, feeds and catalog as briefings.site hands them to MkDocs. No MkDocs and no
ingest needed here."""

from __future__ import annotations

import json
import posixpath
import re

import pytest
from briefings.ingest.slugs import slugify_name
from briefings.model import Block
from briefings.site.assembly import SiteSettings, build_site
from briefings.site.markup import docs_url
from briefings.site.ordering import newest_first_key
from briefings.site.pages.parts import GeneratedPage
from site_samples import HOSTILE_TITLE, PROGRAMS, make_briefing, seed_like

SETTINGS = SiteSettings(site_title="市直机关党建简报档案", site_url="https://briefings.example.org/")


def site_files(briefings, settings=SETTINGS, rejections=(), archive_files=()):
    """The site and {docs path: GeneratedPage for a page, content for any other file}."""
    site = build_site(briefings, rejections, PROGRAMS, settings, slugify_name, archive_files)
    files = {page.src_uri: page for page in site.pages}
    files.update({file.src_uri: file.content for file in site.files})
    return site, files


def links_of(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html)


def list_titles(page: GeneratedPage) -> list[str]:
    listing = page.html.split('<div class="briefing-list"', 1)[1]
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', listing)


@pytest.fixture(scope="module")
def seed_site():
    return site_files(seed_like(), archive_files=[f"{n:03d}.txt" for n in range(5)] + ["programs.yml"])


def test_every_briefing_has_a_page_with_its_title_as_heading_and_metadata(seed_site):
    site, files = seed_site
    for briefing in site.catalog.briefings:
        page = files[f"briefings/{briefing.slug}.md"]
        assert page.title == briefing.title
        assert page.meta["briefing_id"] == briefing.id
        assert page.headings[0].level == 1 and page.headings[0].title == briefing.title
        assert page.html.startswith(f'<h1 id="{page.headings[0].anchor}">')


def test_metadata_card_links_city_province_year_and_programs_to_their_pages(seed_site):
    site, files = seed_site
    briefing = next(b for b in site.catalog.briefings if b.city == "驻马店市")
    card = files[f"briefings/{briefing.slug}.md"].html.split('<div class="briefing-card"', 1)[1].split("</div>", 1)[0]
    city = slugify_name("驻马店市")
    assert f'<a href="../../cities/{city}/">驻马店市</a>' in card
    assert f'<a href="../../cities/#{slugify_name("河南省")}">河南省</a>' in card
    assert '<a href="../../years/2021/">2021 年</a>' in card
    assert f'href="../../cities/{city}/2021/"' in card
    for program in briefing.programs:
        assert f'href="../../programs/{slugify_name(program)}/"' in card
    assert "<li><strong>发布日期</strong>：2021-12-01</li>" in card


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_points_at_a_generated_page_or_file(directory_urls):
    settings = SiteSettings(SETTINGS.site_title, SETTINGS.site_url, directory_urls=directory_urls)
    _, files = site_files(seed_like(), settings)
    urls = {docs_url(src, directory_urls).removeprefix("./") for src in files}
    anchors = {docs_url(src, directory_urls).removeprefix("./"): {h.anchor for h in page.headings}
               for src, page in files.items() if isinstance(page, GeneratedPage)}
    for src, page in files.items():
        if not isinstance(page, GeneratedPage):
            continue
        here = docs_url(src, directory_urls).removeprefix("./")
        folder = here if here.endswith("/") or not here else posixpath.dirname(here)
        for link in links_of(page.html):
            if link.startswith("http"):
                continue
            target, _, anchor = link.partition("#")
            resolved = posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")
            resolved = "" if resolved in (".", "./") else resolved
            assert resolved in urls, f"{src} links to missing {link}"
            if anchor:
                assert anchor in anchors[resolved], f"{src} links to missing anchor {link}"


def test_facet_pages_for_every_city_year_program_and_city_year(seed_site):
    site, files = seed_site
    for city in ("济宁市", "菏泽市", "枣庄市", "驻马店市"):
        assert f"cities/{slugify_name(city)}/index.md" in files
    unknown = files["cities/unknown/index.md"]
    assert unknown.title == "未知城市" and "在全省机关党建现场观摩推进会上的汇报发言" in unknown.html
    for year in (2009, 2021, 2023):
        assert f"years/{year}/index.md" in files
    for name, _ in PROGRAMS:
        assert f"programs/{slugify_name(name)}/index.md" in files
    assert f"cities/{slugify_name('济宁市')}/2021/index.md" in files
    assert "cities/unknown/2023/index.md" in files
    kinds = {facet.kind for facet in site.catalog.facets}
    assert kinds == {"city", "year", "program", "city-year"}


def test_city_and_program_pages_show_count_chart_and_feed_links(seed_site):
    _, files = seed_site
    for src in (
        f"cities/{slugify_name('菏泽市')}/index.md",
        f"programs/{slugify_name('星级党支部创建')}/index.md",
    ):
        page = files[src]
        assert "共 <strong>1</strong> 篇简报" in page.html
        assert '<svg class="year-chart__svg"' in page.html and "<script" not in page.html
        assert '<a href="feed.xml">RSS</a>' in page.html and '<a href="atom.xml">Atom</a>' in page.html
        assert page.meta["feeds"][0]["rss"] == src.replace("index.md", "feed.xml")
    assert "<svg" not in files["years/2021/index.md"].html  # a single year needs no per-year chart


def test_facet_lists_are_newest_first_and_paginated_past_the_page_size():
    briefings = [make_briefing(n, date=f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}") for n in range(120)]
    _, files = site_files(briefings, SiteSettings(SETTINGS.site_title, SETTINGS.site_url, page_size=50))
    city = slugify_name("济宁市")
    pages = [f"cities/{city}/index.md", f"cities/{city}/page/2/index.md", f"cities/{city}/page/3/index.md"]
    assert all(page in files for page in pages) and f"cities/{city}/page/4/index.md" not in files
    titles = [list_titles(files[page]) for page in pages]
    assert [len(t) for t in titles] == [50, 50, 20]
    shown = [title for page in titles for title in page]
    assert shown == [f"简报{b.id[2:].lstrip('0') or '0'}" for b in sorted(briefings, key=newest_first_key)]
    assert '<a href="page/2/">下一页 →</a>' in files[pages[0]].html
    assert '<a href="../../">← 上一页</a>' in files[pages[1]].html
    assert files[pages[1]].title == "济宁市（第 2 页）"
    assert "共 <strong>120</strong> 篇简报" in files[pages[0]].html


def test_a_long_facet_pager_links_the_first_last_and_nearby_pages():
    briefings = [make_briefing(n, date=f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}") for n in range(300)]
    _, files = site_files(briefings, SiteSettings(SETTINGS.site_title, SETTINGS.site_url, page_size=10))
    city = slugify_name("济宁市")
    sixth = files[f"cities/{city}/page/6/index.md"].html
    pager = sixth.split('<nav class="facet-pager"', 1)[1].split("</nav>", 1)[0]
    numbers = re.findall(r">(\d+|…)</(?:a|strong)>|(…)", pager)
    assert [a or b for a, b in numbers] == ["1", "…", "4", "5", "6", "7", "8", "…", "30"]
    assert "<strong>6</strong>" in pager and '<a href="../30/">30</a>' in pager and '<a href="../../">1</a>' in pager
    assert "第 6 / 30 页" in pager
    first = files[f"cities/{city}/index.md"].html.split('<nav class="facet-pager"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r">(\d+)</(?:a|strong)>", first) == ["1", "2", "3", "30"]


def test_related_briefings_and_previous_next_in_time():
    briefings = [
        make_briefing(1, date="2021-01-01", programs=("双报到",)),
        make_briefing(2, date="2022-01-01", city="菏泽市", programs=("双报到",)),
        make_briefing(3, date="2023-01-01"),
    ]
    _, files = site_files(briefings)
    html = files["briefings/briefing-001.md"].html
    related = html.split('<div class="briefing-related"', 1)[1]
    assert "济宁市的其他简报" in related and '<a href="../briefing-003/">简报3</a>' in related
    assert "同一专项工作的简报" in related and '<a href="../briefing-002/">简报2</a>' in related
    assert '更新：<a href="../briefing-002/">简报2</a>' in html and "更早" not in html
    middle = files["briefings/briefing-002.md"].html
    assert '← 更早：<a href="../briefing-001/">简报1</a>' in middle and '更新：<a href="../briefing-003/">简报3</a>' in middle


def test_qa_turns_headings_lists_and_notes(seed_site):
    site, files = seed_site
    briefing = next(b for b in site.catalog.briefings if b.city == "菏泽市")
    page = files[f"briefings/{briefing.slug}.md"]
    assert page.html.count('<div class="qa qa--host">') == 1  # two speeches of one turn
    assert '<p class="qa__speaker"><strong>李琦</strong> <span class="qa__role">发布人</span></p>' in page.html
    assert '<p class="qa__speaker"><strong>大众网记者</strong></p>' in page.html  # the name says 记者
    heading = next(h for h in page.headings if h.title == "一、突出政治引领，走好“第一方阵”")
    assert heading.level == 2 and heading.anchor == "一突出政治引领走好第一方阵"
    assert f'<h2 id="{heading.anchor}">一、突出政治引领，走好“第一方阵”</h2>' in page.html
    assert '<p class="briefing-note">（图片摄影：李鲲）</p>' in page.html
    listing = files[f"briefings/{next(b for b in site.catalog.briefings if b.city is None).slug}.md"].html
    assert "<ul>\n<li>一是机关创品牌</li>\n<li>二是支部争当红旗</li>\n</ul>" in listing


def test_repeated_headings_get_unique_anchors():
    briefing = make_briefing(
        1, blocks=(Block("heading", "工作", level=2), Block("heading", "工作", level=3), Block("heading", "", level=2))
    )
    _, files = site_files([briefing])
    page = files["briefings/briefing-001.md"]
    assert [h.anchor for h in page.headings[1:]] == ["工作", "工作_1", "_1"]


def test_untrusted_text_never_becomes_markup():
    hostile = make_briefing(
        7,
        title=HOSTILE_TITLE,
        source="<b>来源</b>",
        url="javascript:alert(1)",
        blocks=(
            Block("heading", "## 假标题 <img src=x onerror=alert(1)>", level=2),
            Block("paragraph", '!!! note "x"\n    {: .y } [^1] *斜体* <script>alert(2)</script> {% raw %}'),
            Block("item", "1. 假列表 | 表格 |"),
            Block("speech", "<i>话</i>", speaker="<b>主持人</b>", role="host"),
            Block("note", "</p><script>alert(3)</script>"),
        ),
    )
    _, files = site_files([hostile])
    page = files["briefings/briefing-007.md"]
    for dangerous in ("<script", "<img", "<b>", "<i>", 'href="javascript:', "</p><"):
        assert dangerous not in page.html, dangerous
    assert "&lt;script&gt;" in page.html  # shown as text
    assert "<li><strong>来源</strong>：&lt;b&gt;来源&lt;/b&gt;</li>" in page.html  # a javascript: URL is not linked
    assert page.title == HOSTILE_TITLE  # plain text: the hook escapes it for the theme
    # The excerpt on the facet page and the catalog keep the text, never markup.
    listing = files["cities/" + slugify_name("济宁市") + "/index.md"].html
    assert "<script" not in listing and "&lt;script&gt;" in listing
    catalog = json.loads(files["catalog.json"])
    assert catalog["briefings"][0]["title"] == HOSTILE_TITLE


def test_original_url_is_linked_only_when_it_is_http(seed_site):
    site, files = seed_site
    briefing = next(b for b in site.catalog.briefings if b.city == "济宁市")
    html = files[f"briefings/{briefing.slug}.md"].html
    assert '<a href="https://example.org/a.html" rel="nofollow noopener">齐鲁网</a>' in html
    zaozhuang = next(b for b in site.catalog.briefings if b.city == "枣庄市")
    html = files[f"briefings/{zaozhuang.slug}.md"].html
    assert 'href="http://lib.sdsqw.cn/bin/mse.exe?seachword=&amp;K=b4&amp;A=6&amp;rec=16&amp;run=13"' in html
    assert ">原文链接</a>" in html  # no source name: the link says what it is


def test_catalog_json_lists_briefings_and_facets_with_site_absolute_urls(seed_site):
    _, files = seed_site
    catalog = json.loads(files["catalog.json"])
    assert set(catalog) == {"briefings", "facets"}
    assert len(catalog["briefings"]) == 5
    for record in catalog["briefings"]:
        assert set(record) == {
            "id",
            "url",
            "title",
            "city",
            "province",
            "year",
            "date",
            "programs",
            "source",
            "original_url",
            "reprints",  # other copies of the briefing merged into its page (path, source, url, date)
        }
        assert record["url"].startswith("/briefings/") and record["url"].endswith("/")
    for facet in catalog["facets"]:
        assert set(facet) == {"kind", "name", "slug", "url", "rss", "atom", "count"}
        assert facet["kind"] in ("city", "year", "program", "city-year")
        assert facet["url"].startswith("/") and facet["url"].endswith("/")
        if facet["kind"] in ("city", "program"):
            assert facet["rss"] == facet["url"] + "feed.xml" and facet["atom"] == facet["url"] + "atom.xml"
        else:
            assert facet["rss"] is None and facet["atom"] is None
    unknown = next(f for f in catalog["facets"] if f["kind"] == "city" and f["slug"] == "unknown")
    assert unknown == {
        "kind": "city",
        "name": "未知城市",
        "slug": "unknown",
        "url": "/cities/unknown/",
        "rss": "/cities/unknown/feed.xml",
        "atom": "/cities/unknown/atom.xml",
        "count": 1,
    }


def test_urls_follow_a_site_url_with_a_path():
    settings = SiteSettings(SETTINGS.site_title, "https://example.org/archive/")
    _, files = site_files(seed_like(), settings)
    catalog = json.loads(files["catalog.json"])
    assert all(record["url"].startswith("/archive/briefings/") for record in catalog["briefings"])
    assert b"<link>https://example.org/archive/briefings/" in files["feed.xml"]


def test_report_accounts_for_every_archive_file(seed_site):
    from briefings.model import Rejection

    files_in_archive = ["000.txt", "001.txt", "bad.pdf", "programs.yml"]
    _, files = site_files(
        seed_like()[:2],
        rejections=[Rejection("bad.pdf", "is a PDF without pages: not read")],
        archive_files=files_in_archive,
    )
    report = json.loads(files["report.json"])
    assert [entry["path"] for entry in report["files"]] == files_in_archive
    statuses = {entry["path"]: entry["status"] for entry in report["files"]}
    assert statuses == {
        "000.txt": "page",
        "001.txt": "page",
        "bad.pdf": "rejected",
        "programs.yml": "vocabulary",
    }
    unknown_city = next(e for e in report["files"] if e["path"] == "001.txt")
    assert unknown_city["guessed"] == [
        {"field": "city", "kind": "missing", "message": "未能确定：未提到地名", "message_en": "unknown: no place named"}
    ]
    assert report["counts"] == {"files": 4, "pages": 2, "rejected": 1, "reprints": 0, "guessed_fields": 1}
    page = files["report/index.md"].html
    assert "<tr><td>bad.pdf</td><td>是没有页面的 PDF：未读取</td></tr>" in page
    assert "<td>城市（缺失）</td><td>未能确定：未提到地名</td>" in page
    assert 'href="../briefings/briefing-001/"' in page


def test_same_input_same_bytes_whatever_the_order():
    briefings = seed_like()
    _, first = site_files(briefings)
    _, second = site_files(list(reversed(briefings)))
    assert first == second


def test_thousands_of_briefings_make_a_page_each():
    text = "市直机关党建工作取得新成效。" * 40
    cities = ["济宁市", "菏泽市", "枣庄市", "驻马店市", "郑州市"]
    briefings = [
        make_briefing(
            n,
            city=cities[n % 5],
            province="山东省" if n % 5 < 3 else "河南省",
            year=2000 + n % 24,
            date=f"{2000 + n % 24}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            programs=(PROGRAMS[n % len(PROGRAMS)][0],),
            blocks=tuple(Block("paragraph", text) for _ in range(5)),
        )
        for n in range(2000)
    ]  # speed is measured by benchmarks/bench_build.py, not here
    _, large = site_files(briefings)
    assert sum(1 for src in large if src.startswith("briefings/")) == 2000
    assert len(list_titles(large["cities/" + slugify_name("济宁市") + "/page/8/index.md"])) == 50


def test_an_empty_archive_still_makes_a_site():
    site, files = site_files([], archive_files=["programs.yml"])
    assert {
        "index.md",
        "cities/index.md",
        "years/index.md",
        "programs/index.md",
        "feed.xml",
        "atom.xml",
    } <= set(files)
    assert "共收录 <strong>0</strong> 篇简报" in files["index.md"].html
    assert json.loads(files["catalog.json"])["briefings"] == []
    assert site.site_date == "1970-01-01"  # never the build clock


def test_the_site_package_never_imports_mkdocs():
    import subprocess
    import sys

    code = "import sys, briefings.site.assembly, briefings.search.dictionary; print('mkdocs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_feeds_show_the_newest_of_all_briefings_whatever_their_dates():
    from briefings.site.feeds.channels import facet_channel, feed_entry
    from briefings.site.feeds.writer import render_feeds

    briefings = [
        make_briefing(n, date=date, year=year)
        for n, (date, year) in enumerate(
            [("2021-03-01", 2021), (None, 2021), (None, None), ("2019-12-31", 2019), ("2021-03-01", 2021),
             (None, 2023), ("2023-01-05", 2023), ("2020-02-29", 2020), (None, 2019), ("2022-07-07", 2022)]
        )
    ]
    settings = SiteSettings(SETTINGS.site_title, SETTINGS.site_url, feed_limit=4)
    site, files = site_files(briefings, settings)
    city = site.catalog.cities[0]
    everything = [feed_entry(b, settings.address, settings.site_url) for b in briefings]
    channel = facet_channel(city, settings.address, settings.site_url, settings.site_title, 4)
    assert (files[city.rss_src], files[city.atom_src]) == render_feeds(channel, everything)


def test_a_rebuild_takes_unchanged_feeds_from_the_cache(monkeypatch):
    import briefings.site.feeds.channels
    from briefings.cache.pages import PageCache
    from briefings.site.assembly import SiteCaches

    caches = SiteCaches(feeds=PageCache(None))
    build = lambda briefings: build_site(briefings, [], PROGRAMS, SETTINGS, slugify_name, caches=caches)  # noqa: E731
    feeds = lambda site: {f.src_uri: f.content for f in site.files if f.src_uri.endswith(".xml")}  # noqa: E731
    first = feeds(build(seed_like()))
    assert first == feeds(site_files(seed_like())[0])  # the cache changes nothing
    made = []
    original = briefings.site.feeds.channels.render_many
    monkeypatch.setattr(briefings.site.feeds.channels, "render_many",
                        lambda feeds, *a: made.extend(feeds) or original(feeds, *a))
    assert feeds(build(seed_like())) == first and made == []
    changed = seed_like()
    changed[0] = make_briefing(0, title="新标题", date="2021-12-06", programs=("党建+项目",))
    rebuilt = feeds(build(changed))
    assert 0 < len(made) < len(first) / 2  # only the feeds that show the changed briefing
    assert "新标题" in rebuilt["feed.xml"].decode()


def test_the_report_is_paginated_with_every_file_on_one_of_its_pages():
    from briefings.model import Rejection
    from briefings.site.markup import Linker
    from briefings.site.pages.report import render_report

    briefings = [make_briefing(n) for n in range(7)]
    site, _ = site_files(briefings, rejections=[Rejection("bad.pdf", "is a PDF without pages: not read")],
                         archive_files=[b.path for b in briefings] + ["bad.pdf"])
    entries, counts = site.report["files"], site.report["counts"]
    pages = list(render_report(entries, counts, {b.path: f"briefings/{b.slug}.md" for b in briefings}, Linker(), 3))
    assert [page.src_uri for page in pages] == ["report/index.md", "report/page/2/index.md", "report/page/3/index.md"]
    assert "<tr><td>bad.pdf</td><td>是没有页面的 PDF：未读取</td></tr>" in pages[0].html  # rejections first
    listed = [re.findall(r"<tr><td>([^<]+\.(?:txt|pdf))</td><td>", page.html.split('id="全部文件"')[1]) for page in pages]
    assert [path for page in listed for path in page] == [entry["path"] for entry in entries]
    assert '<a href="../3/">7–8</a>' in pages[1].html and "<strong>4–6</strong>" in pages[1].html
    assert pages[2].title == "构建报告（第 3 页）"


def test_a_search_index_made_in_a_child_process_is_the_one_made_here(tmp_path, monkeypatch):
    import os
    import threading

    from briefings.ingest.slugs import slugify_name
    from briefings.search import scripts
    from briefings.search.key_cache import SearchKeyCache
    from briefings.site.catalog import build_catalog

    catalog = build_catalog(seed_like(), [], slugify_name)
    here = scripts.catalog_search_files(catalog, True)
    monkeypatch.setattr(scripts, "BACKGROUND_THRESHOLD", 1)
    parent, real = os.getpid(), scripts.build_search_files
    forking = threading.active_count() == 1  # (with another thread running, no fork is safe: made here)
    monkeypatch.setattr(scripts, "build_search_files", lambda *a, **k: (
        os.getpid() != parent or not forking or pytest.fail("made here, not in a child")) and real(*a, **k))
    started = scripts.start_catalog_search_files(catalog, True, key_cache=SearchKeyCache(tmp_path), background=True)
    assert started() == here
    monkeypatch.undo()
    kept = SearchKeyCache(tmp_path)  # the child kept the documents' keys on disk: a new build computes none
    assert scripts.catalog_search_files(catalog, True, key_cache=kept) == here
    assert (kept.hits, kept.misses) == (len(catalog.briefings), 0)


def test_pages_taken_from_the_last_build_are_those_a_fresh_build_makes(monkeypatch):
    """Under serve the pages (pages/memo.py), feed entries and the data files' and report pages'
    parts (site/data.py) of the last build are reused by their inputs: after each change, every
    page and file equals a build's without them, and only a few pages are made again."""
    from dataclasses import replace

    from briefings.site.assembly import SiteCaches
    from briefings.site.data import DataMemo
    from briefings.site.pages import report
    from briefings.site.pages.memo import PageMemo

    monkeypatch.setattr(report, "REPORT_PAGE_SIZE", 3)  # report pages after the first, whose rows are kept
    memo, entries, data = PageMemo(), {}, DataMemo()
    small = replace(SETTINGS, page_size=2)  # facet lists of several pages: an insertion shifts them

    def both(briefings, settings=small):
        kept = build_site(briefings, (), PROGRAMS, settings, slugify_name,
                          caches=SiteCaches(pages=memo, feed_entries=entries, data=data))
        fresh = build_site(briefings, (), PROGRAMS, settings, slugify_name)
        assert {p.src_uri: p for p in kept.pages} == {p.src_uri: p for p in fresh.pages}
        assert {f.src_uri: f.content for f in kept.files} == {f.src_uri: f.content for f in fresh.files}
        return memo.hits, memo.misses

    briefings = [make_briefing(n, date=f"2021-0{1 + n % 9}-1{n % 10}", city=("济宁市", "临沂市")[n % 2],
                               programs=(("党史学习教育",), ())[n % 3 % 2]) for n in range(12)]
    assert both(briefings)[0] == 0
    hits, misses = both(briefings)  # nothing changed: every page is the last build's
    assert misses == 0 and hits > 20
    changes = [
        briefings + [make_briefing(40, date="2021-05-20", city="临沂市")],  # added, in the middle of the lists
        [replace(b, title=b.title + "（修订）") if b.id == "id004" else b for b in briefings],  # a title its neighbours show
        [replace(b, programs=("党史学习教育",)) if b.id == "id007" else b for b in briefings],  # a program gained
        [replace(b, city="菏泽市") if b.id == "id001" else b for b in briefings],  # moved to a new city
        briefings[1:],  # the newest removed
    ]
    for changed in changes:
        hits, misses = both(changed)
        assert hits > 0 and misses > 0
        both(briefings)
    hits, misses = both(briefings, replace(small, site_title="另一个标题"))  # new settings: nothing is taken
    assert hits == 0
