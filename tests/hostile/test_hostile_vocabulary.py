"""The program vocabulary under hostile edits (issue 11): homophones get pages of their own; a
broken programs.yml is one clear error naming the file and the entry, never a traceback."""

from __future__ import annotations

import pytest
from briefings.ingest.slugs import slugify_name
from briefings.site.catalog import distinct_slugs
from site_build import mkdocs_build

BODY = "市直机关工委召开党建工作推进会，总结上半年工作，部署下半年任务，推进清廉机关建设和青莲机关建设。\n"


def test_homophones_get_distinct_slugs_and_the_first_keeps_its_own():
    slugs = distinct_slugs(["清廉机关", "青莲机关", "清涟机关"], slugify_name)
    assert slugs["清廉机关"] == slugify_name("清廉机关")
    assert len(set(slugs.values())) == 3
    assert distinct_slugs(["清廉机关", "青莲机关", "模范机关"], slugify_name)["青莲机关"] == slugs["青莲机关"]


@pytest.mark.parametrize("vocabulary, words", [
    ("- name: 清廉机关\n  description: 一\n- name: 青莲机关\n  description: 二\n", None),  # builds
    ("- name: [清廉机关\n", "not valid YAML"),
    ("- name: 清廉机关\n  description: 一\n- name: 清廉机关\n  description: 二\n", "duplicates"),
    ("- name: 清廉机关\n  aliases: [廉洁机关]\n  description: 一\n- name: 模范机关\n  aliases: [廉洁机关]\n  description: 二\n",
     "duplicates"),
    (b"- name: \xc7\xe5\xc1\xae\xbb\xfa\xb9\xd8\n  description: GBK\n", "not UTF-8"),
])
def test_a_vocabulary_either_builds_or_fails_in_one_clear_line(tmp_path, vocabulary, words):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(BODY, encoding="utf-8")
    data = vocabulary if isinstance(vocabulary, bytes) else vocabulary.encode("utf-8")
    (archive / "programs.yml").write_bytes(data)
    build = mkdocs_build(archive, tmp_path / "site", strict=False)
    if words is None:
        assert build.returncode == 0, build.log
    else:
        assert build.returncode != 0 and "Traceback" not in build.log
        assert "programs.yml" in build.log and words in build.log
