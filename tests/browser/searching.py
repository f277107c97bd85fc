"""Driving the archive's search panel (overrides/partials/briefings-search.html) in a page."""

from __future__ import annotations

PANEL = ".briefings-search"


def search(page, query: str, **filters: str) -> list[dict]:
    """Type a query (and pick filters: city="菏泽市", year="2021", program="...") and return the
    first page of results: url, title, the place/date line and the marked words."""
    box = page.locator(f"{PANEL} .md-search__input")
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():  # a phone (Material hides the button on wide screens): it opens the panel
        button.click()
    box.click()
    for name, value in filters.items():
        page.wait_for_function(f"() => document.querySelector('{PANEL} select[name={name}]').options.length > 1")
        page.locator(f"{PANEL} select[name={name}]").select_option(f"{name}:{value}")
    box.fill(query)
    expected = "|".join([query, *(f"{name}:{value}" for name, value in filters.items())])
    page.wait_for_function(
        "expected => document.querySelector('.briefings-search').getAttribute('data-searched') === expected",
        arg=expected,
        timeout=20_000,
    )
    return page.locator(f"{PANEL} .md-search-result__list > li > a").evaluate_all(
        """links => links.map(a => ({
            url: a.href.split('?')[0],  // the page; ?h= carries the words to mark on it
            title: a.querySelector('h2').textContent,
            where: a.querySelector('.briefings-search__where').textContent,
            marks: Array.from(a.querySelectorAll('mark'), m => m.textContent),
        }))"""
    )


def result_meta(page) -> str:
    return page.locator(f"{PANEL} .md-search-result__meta").inner_text()
