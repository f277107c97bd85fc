"""The archive's search in a real browser, online (served on 127.0.0.1) and offline (the bundle
from file://): Chinese names stay whole, city and program names are boosted fields, filters by
city, year and program, query words marked in results."""

from __future__ import annotations

import pytest
from searching import result_meta, search


def briefing(catalog, predicate) -> dict:
    return next(record for record in catalog["briefings"] if predicate(record))


def result_urls(results) -> list[str]:
    return [result["url"] for result in results]


def test_program_name_finds_the_zhumadian_briefing_first(reader):
    page = reader.open("/")
    target = briefing(reader.catalog, lambda r: r["city"] == "驻马店市")
    results = search(page, "星级党支部")
    assert result_urls(results)[0] == reader.url(target["url"])
    assert "星级党支部" in results[0]["marks"]


def test_city_name_finds_the_heze_briefing_first(reader):
    page = reader.open("/")
    target = briefing(reader.catalog, lambda r: r["city"] == "菏泽市")
    assert result_urls(search(page, "菏泽"))[0] == reader.url(target["url"])  # the city is a boosted field


def test_campaign_name_finds_the_anonymised_seed(reader):
    page = reader.open("/")
    target = briefing(reader.catalog, lambda r: r["city"] is None)
    assert reader.url(target["url"]) in result_urls(search(page, "三创"))


def test_a_result_opens_its_page(reader):
    page = reader.open("/")
    target = briefing(reader.catalog, lambda r: r["city"] == "驻马店市")
    search(page, "星级党支部")
    page.locator(".briefings-search .md-search-result__list > li > a").first.click()
    page.wait_for_load_state("load")
    assert page.url.split("?")[0] == reader.url(target["url"])
    assert page.locator("article h1").inner_text() == target["title"]
    assert reader.outside_requests() == []


def test_a_followed_result_marks_every_query_word_on_the_page_and_scrolls_to_the_first(reader):
    page = reader.open("/")
    page.set_viewport_size({"width": 1000, "height": 500})
    search(page, "星级党支部 党员")
    page.locator(".briefings-search .md-search-result__list > li > a").first.click()
    page.wait_for_load_state("load")
    marks = page.locator("article mark.briefings-search__hit")
    page.wait_for_function("() => document.querySelector('article mark.briefings-search__hit') !== null")
    found = set(marks.all_inner_texts())
    assert {"星级党支部", "党员"} <= found
    text = page.locator("article").inner_text()
    assert marks.count() == text.count("星级党支部") + text.count("党员")  # every one, in the title too
    first = marks.first.bounding_box()
    assert first is not None and 0 <= first["y"] <= 500  # scrolled to
    assert reader.outside_requests() == []


def test_the_search_panel_writes_no_h1(reader):
    page = reader.open("/")
    search(page, "机关")
    assert page.locator(".briefings-search h1").count() == 0
    assert page.locator("h1").count() == 1


def test_filters_by_city_year_and_program(reader):
    page = reader.open("/")
    by_city = search(page, "机关", city="菏泽市")
    assert by_city and all("菏泽市" in result["where"] for result in by_city)
    page = reader.open("/")
    by_year = search(page, "机关", year="2021")
    expected = {reader.url(r["url"]) for r in reader.catalog["briefings"] if r["year"] == 2021}
    assert set(result_urls(by_year)) <= expected and by_year
    page = reader.open("/")
    by_program = search(page, "", program="星级党支部创建")  # a filter alone lists its briefings
    expected = {reader.url(r["url"]) for r in reader.catalog["briefings"] if "星级党支部创建" in r["programs"]}
    assert set(result_urls(by_program)) == expected


def test_a_hostile_title_is_shown_as_text_in_results(reader):
    page = reader.open("/")
    hostile = briefing(reader.catalog, lambda r: "<script>" in r["title"])
    results = search(page, "粗体")
    assert reader.url(hostile["url"]) in result_urls(results)
    titles = " ".join(result["title"] for result in results)
    assert '<script>alert("title")</script>' in titles
    assert reader.blocked == []  # no dialog opened, nothing requested


def test_no_match_says_so(reader):
    page = reader.open("/")
    assert search(page, "量子计算机") == []
    assert "没有找到" in result_meta(page)


def test_search_on_a_phone(reader, screenshot_dir):
    page = reader.open("/", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
    results = search(page, "驻马店")
    assert results and "驻马店" in results[0]["marks"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(screenshot_dir / f"search-phone-{reader.kind}.png"))


@pytest.mark.parametrize("query", ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])
def test_object_prototype_names_are_plain_queries(reader, query):
    page = reader.open("/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    assert search(page, "粗体")  # results on screen, then a query named like Object's own members
    assert search(page, query) == []
    assert "没有找到" in result_meta(page) and errors == []


def test_ties_are_listed_newest_first(reader):
    """A filter alone scores every briefing alike: they come newest first, as the catalog lists
    them (documents are numbered by archive path, search.js breaks ties by meta.js's newest-first
    places)."""
    page = reader.open("/")
    cities = [r["city"] for r in reader.catalog["briefings"] if r["city"]]
    city = max(set(cities), key=cities.count)
    expected = [reader.url(r["url"]) for r in reader.catalog["briefings"] if r["city"] == city]
    listed = result_urls(search(page, "", city=city))
    assert len(listed) >= 2 and listed == expected[:len(listed)]
