"""The generated hostile archive through `mkdocs build`: strict fails naming every bad file,
a plain build finishes, every archive file is accounted for, hostile text stays text
(pages, search index, feeds), and the reprint becomes one page listing both sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
from briefings.messages import knows, translate
from conftest import build_with_epoch
from hostile_archive import HOSTILE_FILES, HOSTILE_MARKS, SCRIPT
from site_build import page_path

EXTRA_FILES = {"programs.yml": "vocabulary", "bad-sidecar.yml": "sidecar"}


def files_on_disk(root: Path) -> set[str]:
    """Every file under root, named as the report names it, found without the package."""
    names = set()
    for folder, _, files in os.walk(os.fsencode(root)):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), os.fsencode(root))
            text = relative.decode("utf-8", "backslashreplace")
            names.add("".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text))
    return names


@pytest.fixture(scope="module")
def report(hostile_build):
    assert hostile_build.returncode == 0, hostile_build.log
    return json.loads((hostile_build.site / "report.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def catalog(hostile_build):
    return json.loads((hostile_build.site / "catalog.json").read_text("utf-8"))


def test_strict_build_fails_with_a_warning_naming_each_bad_file_and_why(hostile_archive, tmp_path):
    build = build_with_epoch(hostile_archive, tmp_path / "site", strict=True)
    assert build.returncode != 0
    warnings = build.warnings
    for name, (_, reason) in HOSTILE_FILES.items():
        if reason and name not in ("900_repost.txt",):
            assert any(f"archive/{name}" in line and reason in line for line in warnings), (name, reason)


def test_the_plain_build_finishes_and_the_report_accounts_for_every_file(hostile_archive, report):
    on_disk = files_on_disk(hostile_archive)
    assert on_disk == set(HOSTILE_FILES) | set(EXTRA_FILES)
    entries = {entry["path"]: entry for entry in report["files"]}
    assert len(report["files"]) == len(entries) == len(on_disk) == report["counts"]["files"]
    assert set(entries) == on_disk
    for name, (status, detail) in HOSTILE_FILES.items():
        entry = entries[name]
        assert entry["status"] == status, name
        if status == "rejected":
            assert detail in entry["reason_en"], name
            assert knows(entry["reason_en"]) and entry["reason"] == translate(entry["reason_en"]), name
        if status == "reprint":
            assert detail in entry["reason_en"] and entry["page"] == entries[detail]["page"]
    for name, status in EXTRA_FILES.items():
        assert entries[name]["status"] == status
    counts = report["counts"]
    assert counts["pages"] + counts["rejected"] + counts["reprints"] + len(EXTRA_FILES) == counts["files"]


def test_every_page_of_the_report_is_built(hostile_build, report, catalog):
    pages = [entry for entry in report["files"] if entry["status"] == "page"]
    assert len(catalog["briefings"]) == len(pages)
    for entry in pages:
        assert page_path(hostile_build.site, entry["page"]).is_file(), entry["path"]


def hostile_page(build, report, name):
    url = next(entry["page"] for entry in report["files"] if entry["path"] == name)
    raw = page_path(build.site, url).read_bytes()
    return raw, lxml.html.fromstring(raw)


@pytest.mark.parametrize("name", ["hostile.md", "hostile.html", "<img src=x onerror=alert(1)>.txt"])
def test_nothing_from_the_input_becomes_markup(hostile_build, report, name):
    _raw, document = hostile_page(hostile_build, report, name)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("iframe", "img", "object", "embed"), name
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), (name, attribute)
            assert not value.strip().lower().startswith("javascript:"), (name, attribute, value)
        if element.tag == "script":
            assert "alert" not in (element.text or ""), name


def test_hostile_markdown_shows_as_written(hostile_build, report):
    _, document = hostile_page(hostile_build, report, "hostile.md")
    text = document.xpath("string(//article)")
    for mark in HOSTILE_MARKS[:-1]:
        assert mark in text, mark
    assert "&lt;b&gt; <i>" in text  # entities decoded once, then shown as characters
    assert '!!! note "不是提示框"' in text and "<div markdown>不是块</div>" in text
    assert document.xpath("string(//h1)") == f"{SCRIPT} **粗体** {{{{ config }}}} &amp; 济宁市直机关简报"
    assert "<b>来源</b> &amp; [来源](javascript:alert(3))" in text


def test_the_search_data_carries_hostile_text_as_inert_text(hostile_build):
    """Whatever format the search data takes (Material's index or the site's own shards), the
    hostile text is in it as searchable text, and nothing in it can close a script element."""
    data = "".join(
        path.read_text("utf-8") for path in sorted((hostile_build.site / "search").rglob("*")) if path.is_file()
    )
    assert "济宁市委市直机关工委召开推进会" in data and "7*7" in data
    assert "</script" not in data.lower() and "<!--" not in data


def test_every_feed_is_valid_xml_and_keeps_hostile_titles_as_text(hostile_build, catalog):
    feeds = sorted(hostile_build.site.rglob("*.xml"))
    assert len(feeds) > 4
    for path in feeds:
        lxml.etree.fromstring(path.read_bytes())  # a real XML parser: raises on anything invalid
        if path.name != "sitemap.xml":
            assert not feedparser.parse(path.read_bytes()).bozo, path
    titles = {entry.title for entry in feedparser.parse((hostile_build.site / "atom.xml").read_bytes()).entries}
    assert f"{SCRIPT} **粗体** {{{{ config }}}} &amp; 济宁市直机关简报" in titles
    rss = (hostile_build.site / "feed.xml").read_text("utf-8")
    assert "<script>" not in rss and "<iframe" not in rss


def test_a_reprint_is_one_page_listing_both_sources(hostile_build, report, catalog):
    original = next(record for record in catalog["briefings"] if record["reprints"])
    assert [reprint["path"] for reprint in original["reprints"]] == ["900_repost.txt"]
    _, document = hostile_page(hostile_build, report, "000_original.txt")
    card = document.xpath("string(//div[contains(@class, 'briefing-card')])")
    assert "转载" in card and "大众网" in card and "2021-12-07" in card
    assert sum("济宁市直机关党建工作亮" in record["title"] for record in catalog["briefings"]) == 1


def test_the_report_speaks_chinese_with_the_english_of_the_log_beside_it(report):
    items = [item for entry in report["files"] for item in entry["guessed"]]
    reasons = [entry["reason_en"] for entry in report["files"] if entry["reason_en"]]
    assert items and reasons
    assert [item["message_en"] for item in items if not knows(item["message_en"])] == []
    assert [reason for reason in reasons if not knows(reason)] == []
    assert all(item["message"] == translate(item["message_en"]) for item in items)
