"""Reading the site as a person does: tabs to facet indexes, facet pages to briefings, the
metadata card to other facets, previous/next; dark scheme, a phone's width, no request
leaving the machine. Screenshots of the main pages are kept ($SCREENSHOT_DIR)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


def path_of(page) -> str:
    return urlsplit(page.url).path


def click_and_wait(page, locator) -> None:
    locator.click()
    page.wait_for_load_state("networkidle")


def test_tabs_lead_to_the_facet_indexes_and_on_to_a_briefing(open_page, catalog):
    page = open_page("/")
    tabs = page.locator(".md-tabs__link")
    assert tabs.all_inner_texts() == ["首页", "城市", "年份", "专项工作", "关于", "构建报告"]
    click_and_wait(page, page.locator(".md-tabs__link", has_text="城市"))
    assert path_of(page) == "/cities/"
    assert page.locator("article h2").all_inner_texts() == ["河南省", "山东省", "省份不详"]
    click_and_wait(page, page.locator("article a", has_text="驻马店市"))
    zhumadian = next(r for r in catalog["briefings"] if r["city"] == "驻马店市")
    assert "共 1 篇简报" in page.locator("article").inner_text()
    assert page.locator("article figure.year-chart svg").count() == 1
    click_and_wait(page, page.locator(".briefing-list a", has_text=zhumadian["title"]))
    assert path_of(page) == zhumadian["url"]
    card = page.locator(".briefing-card")
    assert "河南省" in card.inner_text() and "2021-12-01" in card.inner_text()
    click_and_wait(page, card.locator("a", has_text="星级党支部创建"))
    assert page.locator("article h1").inner_text() == "星级党支部创建"
    assert page.locator(".briefing-list li").count() == 2  # 驻马店 and the hand-made 济宁 file


def test_previous_and_next_walk_through_time(open_page, catalog):
    newest = catalog["briefings"][0]  # the catalog lists the newest first
    page = open_page(newest["url"])
    assert page.locator(".briefing-pager p", has_text="更新").count() == 0  # nothing newer
    seen = [newest["url"]]
    while True:
        older = page.locator(".briefing-pager p", has_text="更早").locator("a")
        if older.count() == 0:
            break
        click_and_wait(page, older)
        seen.append(path_of(page))
    assert seen == [record["url"] for record in catalog["briefings"]]


def test_home_shows_newest_briefings_chart_and_facet_overview(open_page, catalog):
    page = open_page("/")
    listed = page.locator(".briefing-list li > a:first-child").all_inner_texts()
    assert listed[0] == max((r for r in catalog["briefings"] if r["date"]), key=lambda r: r["date"])["title"]
    assert page.locator("article figure.year-chart svg rect").count() == 4  # 2009, 2021, 2022, 2023
    overview = page.locator(".facet-overview").all_inner_texts()
    assert (
        "未知城市（1）" in overview[0]
        and "2009 年（1）" in overview[1]
        and "星级党支部创建（2）" in overview[2]
    )


def test_dark_scheme_toggle(open_page):
    page = open_page("/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


@pytest.mark.parametrize("kind", ["home", "briefing", "city"])
def test_readable_on_a_phone_without_sideways_scrolling(open_page, catalog, kind):
    url = {
        "home": "/",
        "briefing": next(r for r in catalog["briefings"] if r["city"] == "菏泽市")["url"],
        "city": next(f for f in catalog["facets"] if f["kind"] == "city")["url"],
    }[kind]
    page = open_page(
        url, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert size >= 14


def test_no_request_leaves_the_machine(open_page, catalog, base_url):
    for url in ("/", catalog["briefings"][0]["url"], "/cities/"):
        page = open_page(url)
        outside = [request for request in page.requests if not request.startswith(base_url)]
        assert outside == []


def test_fonts_render_chinese(open_page):
    page = open_page("/")
    # A CJK font is installed and used: a Chinese heading is wider than a box of missing glyphs.
    width = page.evaluate("""() => {
        const span = document.createElement('span');
        span.textContent = '市直机关党建';
        document.querySelector('article').appendChild(span);
        return span.getBoundingClientRect().width;
    }""")
    assert width > 50


def test_screenshots_of_the_main_pages(open_page, catalog, screenshot_dir):
    heze = next(r for r in catalog["briefings"] if r["city"] == "菏泽市")
    shots = {
        "home-light": ("/", {}),
        "briefing-light": (heze["url"], {}),
        "city-dark": (
            next(f for f in catalog["facets"] if f["name"] == "济宁市")["url"],
            {"color_scheme": "dark"},
        ),
        "cities-dark": ("/cities/", {"color_scheme": "dark"}),
        "briefing-phone": (heze["url"], {"viewport": {"width": 390, "height": 844}, "is_mobile": True}),
        "report": ("/report/", {}),
    }
    for name, (url, options) in shots.items():
        page = open_page(url, **options)
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=name != "briefing-light")
        assert path.stat().st_size > 10_000
