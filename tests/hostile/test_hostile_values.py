"""Inputs the first hostile tests missed (issue 11): parsers that give up, values that pass a
check and crash later, file-system entries that block or break a read, YAML that retypes text.
Each class with generated inputs: every file ends as a briefing or a rejection with its reason."""

from __future__ import annotations

import os
import random

import pytest
from briefings.ingest import is_briefing_file, load_vocabulary, read_archive, read_briefing
from briefings.model import ArchiveError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BODY = "市直机关工委召开党建工作推进会，总结上半年工作，部署下半年任务。各单位负责同志参加会议。\n"


def one(tmp_path, name: str, text: str, sidecar: str | None = None):
    archive = tmp_path / "archive"
    archive.mkdir(exist_ok=True)
    (archive / name).write_text(text, encoding="utf-8")
    if sidecar is not None:
        (archive / name).with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    return read_archive(archive)


def read_count(archive) -> int:
    """Files read: briefings, their merged reprints and the rejections."""
    return sum(1 + len(b.reprints) for b in archive.briefings) + len(archive.rejections)


def accounted(archive, count: int) -> None:
    assert read_count(archive) == count
    for rejection in archive.rejections:
        assert rejection.reason and rejection.path


# --- parsers that give up -----------------------------------------------------------------------

MARKED = ["<![foo[x]]>", "<![ x", "<![CDATA[", "<!", "<![if !IE]>", "<![endif]>", "</>", "<?xml", "<!--", "<a b='"]


@pytest.mark.parametrize("junk", MARKED)
def test_markup_the_html_parser_refuses_is_read_around(tmp_path, junk):
    archive = one(tmp_path, "a.html", f"<html><body><p>{BODY}</p>{junk}<p>第二段：会议要求抓好落实。</p></body></html>")
    accounted(archive, 1)
    if archive.briefings:
        assert "市直机关工委召开党建工作推进会" in archive.briefings[0].text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(MARKED + ["<p>", "</p>", "<div>", "&", "&#", "&#x", "<br/>", BODY, "<head>", "</head>",
                                          "<script>", "</script>", "<table><tr><td>", "</td><td>", "<pre>"]),
                max_size=30))
def test_html_fragments_never_stop_the_reader(tmp_path, parts):
    path = tmp_path / "x.html"
    path.write_text("".join(parts), encoding="utf-8")
    try:
        read_briefing(path, "x.html", load_vocabulary(tmp_path))
    except ArchiveError as error:
        assert error.problem


# --- values that pass a check and crash later --------------------------------------------------

@pytest.mark.parametrize("field, value, problem", [
    ("year", '"²⁰²¹"', "is not a year"),
    ("year", '"٢٠٢١"', "is not a year"),
    ("url", '"http://[abc/x"', "must be an http(s) address"),
    ("url", '"https://[::1"', "must be an http(s) address"),
    ("title", '"\\ud800标题"', "invalid character"),
    ("source", '"来源\\udfff"', "invalid character"),
])
def test_values_that_would_crash_later_are_rejected_with_the_field(tmp_path, field, value, problem):
    archive = one(tmp_path, "a.txt", f"---\n{field}: {value}\n---\n{BODY}")
    assert not archive.briefings and problem in archive.rejections[0].reason
    assert field in archive.rejections[0].reason


@pytest.mark.parametrize("written, kept", [
    ("0x7E5", "0x7E5"), ("010", "010"), ("off", "off"), ("yes", "yes"), ("1e3", "1e3"), ("2021-12-06", "2021-12-06"),
    ("0o17", "0o17"), (".inf", ".inf"), ("12:30", "12:30"),
])
def test_text_fields_keep_what_the_archivist_wrote(tmp_path, written, kept):
    archive = one(tmp_path, "a.txt", f"---\ntitle: {written}\nsource: {written}\n---\n{BODY}")
    assert archive.briefings[0].title == kept and archive.briefings[0].source == kept


def test_an_empty_front_matter_block_is_no_override(tmp_path):
    archive = one(tmp_path, "a.txt", f"---\n---\n{BODY}")
    assert archive.briefings and archive.briefings[0].text.startswith("市直机关工委")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["title", "source", "city", "province", "year", "date", "url", "programs"]),
       st.text(max_size=12) | st.sampled_from(["~", "null", "[]", "{}", "[a, [b]]", "'", '"\\ud800"', "²⁰²¹", "0x7E5",
                                               "!!binary aGk=", "&a 1", "*a", "? x", "- 1", "|", ">", "2021-13-40"]))
def test_any_front_matter_scalar_is_a_briefing_or_a_reason(tmp_path, field, value):
    path = tmp_path / "x.txt"
    path.write_text(f"---\n{field}: {value}\n---\n{BODY}", encoding="utf-8", errors="surrogatepass")
    try:
        briefing = read_briefing(path, "x.txt", load_vocabulary(tmp_path))
    except ArchiveError as error:
        assert error.problem
    else:
        for text in (briefing.title, briefing.source or "", briefing.city or "", briefing.url or ""):
            text.encode("utf-8")  # no lone surrogate reaches the site


# --- file-system entries ------------------------------------------------------------------------

def test_a_name_at_the_file_systems_limit_is_read(tmp_path):
    name = "简" * 80 + ".txt"  # 243 bytes: its .yaml sidecar's name would be 244, over no limit
    long = "a" * 251 + ".txt"  # 255 bytes: probing long.yaml exceeds the limit
    archive = tmp_path / "archive"
    archive.mkdir()
    for each in (name, long):
        (archive / each).write_text(BODY, encoding="utf-8")
    accounted(read_archive(archive), 2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_a_sidecar_would_be_never_blocks(tmp_path):
    from briefings.cache.records import BriefingCache

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(archive / "a.yml")
    cache = BriefingCache(tmp_path / "cache")
    result = read_archive(archive, read=cache.reader(read_briefing))
    assert [b.path for b in result.briefings] == ["a.txt"]


def test_two_sidecars_are_a_reason_not_a_silent_choice(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(BODY, encoding="utf-8")
    (archive / "a.yml").write_text("title: 一\n", encoding="utf-8")
    (archive / "a.yaml").write_text("title: 二\n", encoding="utf-8")
    result = read_archive(archive)
    assert not result.briefings and "two sidecars" in result.rejections[0].reason


def test_generated_names_are_all_accounted_for(tmp_path):
    rng = random.Random(11)
    archive = tmp_path / "archive"
    archive.mkdir()
    alphabet = "简报机关党建abcXYZ019 -_.,;'()[]{}#%&+=~！，。·"
    names = set()
    while len(names) < 120:
        stem = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))).strip(". ") or "x"
        names.add(stem + rng.choice([".txt", ".md", ".html", ".TXT", ".yml", ".yaml", "", ".docx"]))
    for name in names:
        (archive / name).write_text(BODY if rng.random() < 0.8 else "", encoding="utf-8")
    result = read_archive(archive)
    entries = {p.name for p in archive.iterdir() if not p.name.startswith(".")}
    sidecars = {n for n in entries if n.lower().endswith((".yml", ".yaml")) and any(
        is_briefing_file(p) and p.with_suffix("") == (archive / n).with_suffix("") for p in archive.iterdir())}
    assert read_count(result) == len(entries - sidecars)


def test_an_upper_case_briefing_keeps_its_sidecar_and_the_sidecar_is_no_file_of_its_own(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "X.TXT").write_text(BODY, encoding="utf-8")
    (archive / "X.yml").write_text("title: 档案员定的标题\n", encoding="utf-8")
    result = read_archive(archive)
    assert [b.title for b in result.briefings] == ["档案员定的标题"] and result.rejections == ()


# --- silent losses while reading ----------------------------------------------------------------

def test_a_head_without_its_end_tag_keeps_the_body(tmp_path):
    archive = one(tmp_path, "a.html", f"<html><head><title>标题</title><meta charset=utf-8><p>{BODY}</p><p>第二段。</p>")
    assert "市直机关工委召开党建工作推进会" in archive.briefings[0].text and "第二段" in archive.briefings[0].text


def test_table_cells_stay_apart_and_pre_keeps_its_lines(tmp_path):
    archive = one(tmp_path, "a.html", f"<p>{BODY}</p><table><tr><td>市财政局</td><td>95</td></tr></table>"
                                      "<pre>一、学习情况\n二、下步打算</pre>")
    text = archive.briefings[0].text
    assert "市财政局95" not in text and "市财政局" in text and "一、学习情况" in text and "二、下步打算" in text
    assert "一、学习情况 二、下步打算" not in text


@pytest.mark.parametrize("name", ["a.txt", "a.html"])
def test_an_ampersand_that_starts_no_entity_stays(tmp_path, name):
    line = "原文链接：http://news.example.cn/show?id=1&copy=3&reg=2"
    text = f"<p>{BODY}</p><p>{line}</p>" if name.endswith("html") else f"{BODY}{line}\n"
    archive = one(tmp_path, name, text)
    assert archive.briefings[0].url == "http://news.example.cn/show?id=1&copy=3&reg=2"


def test_the_sidecars_city_replaces_the_front_matters_province(tmp_path):
    archive = one(tmp_path, "a.txt", f"---\nprovince: 山东\n---\n{BODY}", sidecar="city: 郑州\n")
    assert (archive.briefings[0].city, archive.briefings[0].province) == ("郑州市", "河南省")


@pytest.mark.parametrize("opening", ["评论", "免责声明：以上数据由统计部门提供，各单位要认真核对，发现问题及时报告，确保真实准确。",
                                     "版权所有单位名单已经公示，请各单位认真核对后于月底前报送。"])
def test_a_line_that_opens_like_a_trailer_does_not_cut_the_story(tmp_path, opening):
    rest = [BODY.replace("推进会", word) for word in ("观摩会", "培训会", "交流会")]
    archive = one(tmp_path, "a.txt", BODY + opening + "\n" + "".join(rest))
    text = archive.briefings[0].text
    assert all(paragraph.strip() in text for paragraph in rest)


def test_hidden_files_locks_and_broken_links_are_report_lines(tmp_path):
    archive = tmp_path / "archive"
    (archive / ".git").mkdir(parents=True)
    (archive / ".git" / "config").write_text("x", encoding="utf-8")
    (archive / "a.txt").write_text(BODY, encoding="utf-8")
    (archive / ".a.txt.swp").write_text(BODY, encoding="utf-8")
    (archive / ".~lock.b.txt#").write_text("lock", encoding="utf-8")
    (archive / "b.txt~").write_text(BODY.replace("推进会", "观摩会"), encoding="utf-8")
    (archive / "gone.txt").symlink_to(archive / "nowhere.txt")
    (archive / "loop.txt").symlink_to(archive / "loop.txt")
    (archive / "sub").mkdir()
    (archive / "folder-link").symlink_to(archive / "sub", target_is_directory=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(archive / "pipe.txt")
    result = read_archive(archive)
    reasons = {r.path: r.reason for r in result.rejections}
    assert [b.path for b in result.briefings] == ["a.txt"]
    assert "hidden folder" in reasons[".git"] and "hidden file" in reasons[".a.txt.swp"]
    assert "hidden file" in reasons[".~lock.b.txt#"] and "not a briefing file" in reasons["b.txt~"]
    assert "link to nothing" in reasons["gone.txt"] and "link to nothing" in reasons["loop.txt"]
    assert "folder" in reasons["folder-link"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in reasons["pipe.txt"]


NAME_CHARS = st.characters(codec="utf-8", exclude_characters="/\x00", exclude_categories=("Cs",))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(NAME_CHARS, min_size=1, max_size=40),
                          st.sampled_from([".txt", ".TXT", ".md", ".html", ".yml", ".yaml", "", ".docx", "~"])),
                min_size=1, max_size=8, unique_by=lambda pair: pair[0] + pair[1]))
def test_any_file_names_are_all_accounted_for(tmp_path_factory, names):
    archive = tmp_path_factory.mktemp("names")
    written = set()
    for stem, suffix in names:
        name = (stem + suffix).strip()
        if name in (".", "..", "") or len(name.encode("utf-8")) > 250:
            continue
        if name in ("programs.yml", "outlets.yml"):  # the vocabulary: checked when the build starts, a bad one stops it
            continue
        try:
            (archive / name).write_text(BODY + stem, encoding="utf-8")
        except OSError:
            continue
        written.add(name)
    entries = list(archive.iterdir())
    result = read_archive(archive)
    sidecars = {p for p in entries if p.suffix.lower() in (".yml", ".yaml") and not p.name.startswith(".")
                and any(q.with_suffix("") == p.with_suffix("") and is_briefing_file(q)
                        and not q.name.startswith(".") for q in entries)}
    assert read_count(result) == len(entries) - len(sidecars)
