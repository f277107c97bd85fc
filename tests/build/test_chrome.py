"""Pages filled in from their shape's chrome (briefings.site.chrome) are byte for byte what
Jinja renders: the sample archive (seeds, hostile front matter and text, every page kind:
briefings, cities, city-years, years, programs, pagination, the report) built both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_build import make_sample_archive, mkdocs_build

REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1700000000", "BRIEFINGS_CACHE": "0", "NO_MKDOCS_2_WARNING": "1"}


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("chrome")
    archive = make_sample_archive(root / "archive")
    shaped = mkdocs_build(archive, root / "shaped", False, "mkdocs", "-v", env=REPRODUCIBLE)
    jinja = mkdocs_build(archive, root / "jinja", False, "mkdocs", env={**REPRODUCIBLE, "BRIEFINGS_SHAPED": "0"})
    assert shaped.returncode == 0, shaped.log
    assert jinja.returncode == 0, jinja.log
    return shaped, jinja


def test_every_file_is_the_same_as_jinjas(builds):
    shaped, jinja = builds
    by_shape, by_jinja = _files(shaped.site), _files(jinja.site)
    assert sorted(by_shape) == sorted(by_jinja)
    assert [name for name in by_jinja if by_shape[name] != by_jinja[name]] == []
    kinds = {name.split("/")[0] for name in by_jinja if name.endswith("index.html")}
    assert {"briefings", "cities", "years", "programs", "report"} <= kinds


def test_most_pages_were_filled_in_and_no_shape_was_left_to_jinja(builds):
    shaped, _ = builds
    counts = re.search(r"pages: (\d+) filled in from their shape, (\d+) rendered by Jinja; shapes left to Jinja: (.+)",
                       shaped.log)
    assert counts, shaped.log[-2000:]
    filled, rendered = int(counts.group(1)), int(counts.group(2))
    assert filled > rendered and counts.group(3) == "none"


def test_compiled_templates_are_kept_across_environments_and_checked_against_their_source():
    """Under serve each rebuild has a new Jinja environment: a template is compiled once, and
    compiled again when its source changes."""
    import jinja2
    from briefings.site.chrome import CompiledTemplates

    kept = CompiledTemplates()
    compiled = []

    def environment(source: str) -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": source}), bytecode_cache=kept)
        real = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(args[1]) or real(*args, **kwargs)
        return env

    assert environment("页{{ 1 + 1 }}").get_template("main.html").render() == "页2"
    assert environment("页{{ 1 + 1 }}").get_template("main.html").render() == "页2"
    assert compiled == ["main.html"]
    assert environment("改{{ 2 + 2 }}").get_template("main.html").render() == "改4"
    assert compiled == ["main.html", "main.html"]


def test_compiled_templates_are_kept_on_disk_for_the_next_process(tmp_path):
    """A build reads what builds before it compiled (from the machine's cache folder): another
    process's cache, empty in memory, compiles nothing that is on disk, and an entry whose
    template changed since is compiled again."""
    import jinja2
    from briefings.site.chrome import CompiledTemplates

    compiled = []

    def render(source: str) -> str:
        kept = CompiledTemplates()  # a new process: nothing in memory
        kept.keep_in(tmp_path)
        env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": source}), bytecode_cache=kept)
        real = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(args[1]) or real(*args, **kwargs)
        return env.get_template("main.html").render()

    assert render("页{{ 1 + 1 }}") == "页2"
    assert list(tmp_path.iterdir())
    assert render("页{{ 1 + 1 }}") == "页2"
    assert compiled == ["main.html"]
    assert render("改{{ 2 + 2 }}") == "改4"
    assert compiled == ["main.html", "main.html"]
