"""The archivist's loop (issue 16): guesses grouped, confirmed in bulk by sidecars, after which
`mkdocs build --strict` passes and the catalog is what it was; a correction with --set."""

from __future__ import annotations

import json
import shutil

from briefings.archivist.sidecars import updated_sidecar
from briefings.cli import main
from site_build import SEED_FILES, SHIPPED_ARCHIVE, mkdocs_build


def seeds_without_sidecars(target):
    target.mkdir()
    for name in (*SEED_FILES, "programs.yml"):
        shutil.copyfile(SHIPPED_ARCHIVE / name, target / name)
    return target


def catalog(build) -> list[dict]:
    data = json.loads((build.site / "catalog.json").read_text(encoding="utf-8"))
    return data["briefings"]


def test_guesses_then_confirm_then_a_strict_build_with_the_same_catalog(tmp_path, capsys):
    archive = seeds_without_sidecars(tmp_path / "archive")
    before = mkdocs_build(archive, tmp_path / "site1", strict=False)
    assert before.returncode == 0
    assert mkdocs_build(archive, tmp_path / "site-strict", strict=True).returncode != 0  # the guesses fail it
    assert main(["guesses", "--json", "--archive", str(archive)]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert any(g["kind"] == "guessed" for g in groups) and all(g["files"] for g in groups)
    assert main(["confirm", str(archive)]) == 0
    after = mkdocs_build(archive, tmp_path / "site2", strict=True)
    assert after.returncode == 0, after.log
    assert catalog(after) == catalog(before)
    capsys.readouterr()
    assert main(["guesses", "--json", "--archive", str(archive)]) == 0
    assert not [g for g in json.loads(capsys.readouterr().out) if g["kind"] == "guessed"]


def test_a_correction_keeps_the_sidecars_comments_and_fields(tmp_path):
    archive = seeds_without_sidecars(tmp_path / "archive")
    sidecar = archive / "003_2a77a74c8cabfc6c.yml"
    sidecar.write_text("# 档案员的批注：来源待核\nsource: 枣庄机关建设网\n", encoding="utf-8")
    assert main(["confirm", str(archive / "003_2a77a74c8cabfc6c.txt"), "--set", "city=济宁", "--set", "year=2009"]) == 0
    text = sidecar.read_text(encoding="utf-8")
    assert text.startswith("# 档案员的批注：来源待核\nsource: 枣庄机关建设网\n") and 'city: "济宁"' in text
    assert main(["confirm", str(archive / "003_2a77a74c8cabfc6c.txt"), "--set", "city=火星"]) == 1
    assert sidecar.read_text(encoding="utf-8") == text  # a bad value writes nothing


def test_values_are_written_as_the_text_they_are():
    text = updated_sidecar("title: 旧标题  # 注\n", {"title": "off", "source": "010", "programs": ["模范机关创建"]})
    assert text == 'title: "off"\nsource: "010"\nprograms: ["模范机关创建"]\n'


def test_a_block_value_is_replaced_whole():
    text = updated_sidecar("# 注\nprograms:\n  - 甲\n  - 乙\nyear: 2020\n", {"programs": ["模范机关创建"]})
    assert text == '# 注\nprograms: ["模范机关创建"]\nyear: 2020\n'


def test_a_program_added_from_the_discovered_names_gets_a_page_listing_its_briefings(tmp_path, capsys):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copyfile(SHIPPED_ARCHIVE / "programs.yml", archive / "programs.yml")
    for n, place in enumerate(["济宁", "菏泽", "泰安"]):
        (archive / f"{n}.txt").write_text(
            f"{place}市直机关推进“红色引擎”工程\n\n2023年5月{n + 8}日，{place}市直机关工委召开推进会，"
            f"深入开展“红色引擎”工程，部署第{n + 2}批示范点建设任务。\n", encoding="utf-8")
    assert main(["programs", "--json", "--archive", str(archive)]) == 0
    discovered = json.loads(capsys.readouterr().out)
    assert any("红色引擎" in record["name"] for record in discovered)
    assert main(["programs", "add", "红色引擎工程", "--alias", "红色引擎", "--description", "以党建为引擎的工程。",
                 "--archive", str(archive)]) == 0
    build = mkdocs_build(archive, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    data = json.loads((build.site / "catalog.json").read_text(encoding="utf-8"))
    facet = next(f for f in data["facets"] if f["kind"] == "program" and f["name"] == "红色引擎工程")
    assert facet["count"] == 3
    page = (build.site / facet["url"].lstrip("/") / "index.html").read_text(encoding="utf-8")
    for record in data["briefings"]:
        assert "红色引擎工程" in record["programs"]
        assert record["url"].rstrip("/").rsplit("/", 1)[-1] in page, record["title"]
