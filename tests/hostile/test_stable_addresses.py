"""Stable addresses and same input, same output.

Adding, removing or re-ordering other briefings changes no briefing's id, URL or feed guid
(ids are the sha1 of the archive-relative path; slugs are the title's pinyin and the id's
first characters; a reprint filed later merges into the existing page). Two builds of one
archive with SOURCE_DATE_EPOCH set are identical byte for byte, every file included."""

from __future__ import annotations

import json
import random
import shutil

import lxml.etree
from briefings.ingest import read_archive
from briefings.ingest.slugs import slugify_name
from briefings.site.assembly import SiteSettings, build_site
from briefings.site.catalog import ProgramEntry
from conftest import build_with_epoch
from hostile_archive import ROOT, make_hostile_archive, prose, repost_noise, seed

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = SiteSettings(site_title="档案", site_url="https://briefings.example.org/")


def addresses(root) -> dict[str, tuple[str, str, str]]:
    """path -> (id, page URL, Atom entry id) of every briefing page of the archive at root."""
    archive = read_archive(root)
    programs = [ProgramEntry(p.name, p.description, tuple(p.aliases)) for p in archive.vocabulary.programs]
    site = build_site(archive.briefings, archive.rejections, programs, SETTINGS, slugify_name)
    files = {file.src_uri: file.content for file in site.files}
    url_of = {record["id"]: record["url"] for record in json.loads(files["catalog.json"])["briefings"]}
    feed = lxml.etree.fromstring(files["atom.xml"])
    guid_of = {
        entry.find(f"{ATOM}link").get("href"): entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")
    }
    return {
        b.path: (b.id, url_of[b.id], guid_of[SETTINGS.site_url.rstrip("/") + url_of[b.id]])
        for b in archive.briefings
    }


def write_base(root, order=1) -> None:
    rng = random.Random(7)
    files = {f"{n:03d}_seed.txt": seed(n) for n in range(5)}
    files.update({f"1{n:02d}_prose.txt": prose(rng, 600) for n in range(4)})
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "archive" / "programs.yml", root / "programs.yml")
    for name, text in sorted(files.items())[::order]:
        (root / name).write_text(text, encoding="utf-8")


def test_adding_removing_and_reordering_briefings_moves_no_address(tmp_path):
    write_base(tmp_path / "base")
    base = addresses(tmp_path / "base")
    assert len(base) == 9

    write_base(tmp_path / "added")
    rng = random.Random(8)
    for n in range(3):
        (tmp_path / "added" / f"05{n}_new.txt").write_text(prose(rng, 600), encoding="utf-8")
    (tmp_path / "added" / "000_aaa_same_title.md").write_text("---\ntitle: 权威发布2021年济宁市直机关党建工作亮\n---\n"
                                                            + prose(rng, 600), encoding="utf-8")
    (tmp_path / "added" / "zz_repost_of_000.txt").write_text(repost_noise(seed(0)), encoding="utf-8")
    added = addresses(tmp_path / "added")
    assert "zz_repost_of_000.txt" not in added and len(added) == len(base) + 4

    write_base(tmp_path / "removed")
    for name in ("001_seed.txt", "101_prose.txt"):
        (tmp_path / "removed" / name).unlink()
    removed = addresses(tmp_path / "removed")

    write_base(tmp_path / "reordered", order=-1)  # created in the other order
    reordered = addresses(tmp_path / "reordered")

    for variant in (added, removed, reordered):
        for path, address in variant.items():
            if path in base:
                assert address == base[path], path
    assert reordered == base


def test_two_builds_are_identical_byte_for_byte(tmp_path, hostile_build):
    assert hostile_build.returncode == 0
    again = build_with_epoch(make_hostile_archive(tmp_path / "elsewhere" / "archive"), tmp_path / "site", strict=False)
    assert again.returncode == 0, again.log
    first = {p.relative_to(hostile_build.site): p for p in hostile_build.site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site): p for p in again.site.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(path) for path in first if first[path].read_bytes() != second[path].read_bytes()]
    assert different == []
    assert any(path.name == "sitemap.xml.gz" for path in first) and any(path.name == "atom.xml" for path in first)
