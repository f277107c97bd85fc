"""Material's search in a real browser: Chinese words stay whole (jieba at build time with the
gazetteer's and the vocabulary's names), city and program names are searchable fields."""

from __future__ import annotations

from urllib.parse import urlsplit


def search(page, query: str) -> list[dict]:
    """Type a query into the header's search box and return the results: url and title."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)  # Chinese is inserted as text, without key events ...
    box.press("End")  # ... and Material reads the query on keyup
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            const done = document.querySelector('.md-search-result__item')
                || meta?.textContent.includes('没有找到');
            return meta && !meta.textContent.includes('正在初始化') && done;
        }""",
        timeout=20_000,
    )
    return page.locator(".md-search-result__list > li > a").evaluate_all(
        "links => links.map(a => ({url: a.href, title: a.querySelector('h1, h2')?.textContent ?? ''}))"
    )


def result_paths(results) -> list[str]:
    return [urlsplit(result["url"]).path for result in results]


def briefing(catalog, predicate) -> dict:
    return next(record for record in catalog["briefings"] if predicate(record))


def test_program_name_finds_the_zhumadian_briefing(open_page, catalog):
    page = open_page("/")
    target = briefing(catalog, lambda r: r["city"] == "驻马店市")
    assert target["url"] in result_paths(search(page, "星级党支部"))


def test_city_name_finds_the_heze_briefing(open_page, catalog):
    page = open_page("/")
    target = briefing(catalog, lambda r: r["city"] == "菏泽市")
    paths = result_paths(search(page, "菏泽"))
    assert target["url"] in paths
    assert paths.index(target["url"]) < 3  # near the top: the city is a boosted field


def test_campaign_name_finds_the_anonymised_seed(open_page, catalog):
    page = open_page("/")
    target = briefing(catalog, lambda r: r["city"] is None)
    assert target["url"] in result_paths(search(page, "三创"))


def test_a_result_opens_its_page(open_page, catalog):
    page = open_page("/")
    target = briefing(catalog, lambda r: r["city"] == "驻马店市")
    search(page, "星级党支部")
    page.locator(f".md-search-result__list > li > a[href*='{target['url'].strip('/')}']").first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == target["url"]
    assert page.locator("article h1").inner_text() == target["title"]


def test_a_hostile_title_is_shown_as_text_in_results(open_page, catalog):
    page = open_page("/")
    hostile = briefing(catalog, lambda r: "<script>" in r["title"])
    results = search(page, "粗体")
    assert hostile["url"] in result_paths(results)
    titles = " ".join(result["title"] for result in results)
    assert '<script>alert("title")</script>' in titles  # visible text; the dialog check guards the rest


def test_no_match_says_so(open_page):
    page = open_page("/")
    assert search(page, "量子计算机") == []
    assert "没有找到" in page.locator(".md-search-result__meta").inner_text()
