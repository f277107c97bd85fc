"""The offline bundle (briefings offline) and the online build read the same way, every request
recorded and any request leaving the site blocked: search, land on a briefing, follow its city
and program pages. Offline, nothing but file:// is ever asked for."""

from __future__ import annotations

import zipfile

from searching import search


def test_search_then_city_then_program_with_no_request_leaving(reader, screenshot_dir):
    page = reader.open("/")
    zhumadian = next(r for r in reader.catalog["briefings"] if r["city"] == "驻马店市")
    search(page, "星级党支部")
    page.screenshot(path=str(screenshot_dir / f"search-{reader.kind}.png"))
    page.locator(".briefings-search .md-search-result__list > li > a").first.click()
    page.wait_for_load_state("load")
    assert page.url.split("?")[0] == reader.url(zhumadian["url"])
    assert page.locator("article mark.briefings-search__hit", has_text="星级党支部").count() > 1  # file:// too
    card = page.locator(".briefing-card")
    card.get_by_role("link", name="驻马店市", exact=True).click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().startswith("驻马店市")
    assert page.locator("article figure.year-chart svg").count() == 1
    page.go_back()
    page.wait_for_load_state("load")
    page.locator(".briefing-card a", has_text="星级党支部创建").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text() == "星级党支部创建"
    assert page.locator(".briefing-list li").count() == 2
    page.locator(".md-tabs__link", has_text="城市").click()  # the header's tabs link to files too
    page.wait_for_load_state("load")
    assert page.url == reader.url("/cities/" if reader.kind == "online" else "/cities/index.html")
    assert reader.outside_requests() == []
    if reader.kind == "offline":
        assert all(url.startswith("file://") for url in reader.requests)


def test_the_bundle_holds_the_site_its_feeds_and_a_zip(offline_bundle):
    for name in ("index.html", "catalog.json", "feed.xml", "atom.xml", "search/meta.js", "cities/index.html"):
        assert (offline_bundle / name).is_file(), name
    zipped = offline_bundle.with_name(offline_bundle.name + ".zip")
    with zipfile.ZipFile(zipped) as archive:
        names = archive.namelist()
    assert f"{offline_bundle.name}/index.html" in names and names == sorted(names, key=lambda name: name.split("/"))
    home = (offline_bundle / "index.html").read_text("utf-8")
    assert "共收录 <strong>6</strong> 篇简报" in home and "最新简报发布于 <strong>2024-01-02</strong>" in home
    assert 'href="cities/index.html"' in home  # links point at files
