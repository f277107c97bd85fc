"""The site as readers' tools see it: axe-core (from npm, installed by tests/run.sh) finds no
serious or critical violation on each kind of page, in the light and dark schemes and at a
phone's width, online and from file://; no page logs an error to the console, and none asks
for anything but its own files (Material would fetch a sitemap.xml beside every feed link)."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
VNU = Path(__file__).resolve().parent / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's own markup (base.html's drawer and search toggles: checkboxes with autocomplete="off")
MATERIALS_OWN = ("Attribute “autocomplete” is only allowed when the input type is",)
VIEWS = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "phone": {"color_scheme": "light", "viewport": {"width": 390, "height": 844}, "is_mobile": True,
              "has_touch": True},
}


def page_kinds(catalog: dict) -> dict[str, str]:
    """One page of each kind: the home page, a city, a program, a briefing, the report."""
    facets = catalog["facets"]
    city = next(f for f in facets if f["kind"] == "city" and f["slug"] != "unknown")
    program = max((f for f in facets if f["kind"] == "program"), key=lambda f: f["count"])
    briefing = next(b for b in catalog["briefings"] if b["city"])
    return {"home": "/", "city": city["url"], "program": program["url"], "briefing": briefing["url"],
            "report": "/report/"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"axe-core is missing at {AXE}: run `bash tests/run.sh` (it installs it with npm)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("kind", ["home", "city", "program", "briefing", "report"])
def test_no_serious_violation_no_console_error_no_stray_request(reader, axe_source, kind, view):
    url = reader.page_url(page_kinds(reader.catalog)[kind])
    page = reader.open(url, **VIEWS[view])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=axe_source)
    # preload: false, or axe fetches the stylesheets itself (which file:// refuses, as a console error)
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations'], preload: false}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")
    assert violations == [], f"{kind} in {view}, {reader.kind}"
    assert reader.console_errors == []
    assert reader.failed == []
    assert reader.outside_requests() == []
    assert not [request for request in reader.requests if "sitemap" in request]


def test_the_nu_html_checker_finds_no_error_in_the_html_the_project_writes(built_site):
    import subprocess

    assert VNU.is_file(), f"the Nu HTML checker is missing at {VNU}: run `bash tests/run.sh`"
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html",
                           str(built_site)], capture_output=True, text=True, timeout=600, check=False)
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len([line for line in errors if any(own in line for own in MATERIALS_OWN)]) <= 2 * len(
        list(built_site.rglob("*.html")))
    assert [line for line in errors if not any(own in line for own in MATERIALS_OWN)] == []
