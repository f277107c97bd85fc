"""Reading: encodings detected, front matter and sidecars split off, clear errors naming the file."""

import codecs

import pytest
from briefings.ingest.reading import decode, html_to_text, read_source, split_front_matter
from briefings.model import ArchiveError

TEXT = "驻马店市委直属机关工委组织召开市直单位观摩活动讲评会，总结成绩、查找不足。\n市直机关党的建设呈现出全面提升的良好局面。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16"])
def test_decode_detects_simplified_encodings(encoding):
    text, used = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_decode_utf8_with_bom_strips_the_bom():
    text, used = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT and used == "utf-8-sig"


def test_decode_detects_big5_traditional_text():
    traditional = "泰安市直機關黨建工作會議召開，全市機關黨員幹部認真學習會議精神。\n"
    text, used = decode(traditional.encode("big5"))
    assert text == traditional and used == "big5"


def test_decode_prefers_gb18030_for_simplified_text_that_big5_could_also_decode():
    text, used = decode(TEXT.encode("gb18030"))
    assert used == "gb18030"


def test_decode_normalises_windows_and_old_mac_newlines():
    text, _ = decode("第一行\r\n第二行\r第三行".encode("utf-8"))
    assert text == "第一行\n第二行\n第三行"


def test_decode_rejects_binary_naming_the_file():
    with pytest.raises(ArchiveError, match="a/b.txt.*binary"):
        decode(bytes(range(256)) * 20, "a/b.txt")


def test_front_matter_is_split_and_parsed():
    overrides, body = split_front_matter("---\ntitle: 标题\ncity: 济宁\n---\n正文第一段。\n", "x.txt")
    assert overrides == {"title": "标题", "city": "济宁"}
    assert body == "正文第一段。\n"


def test_front_matter_that_never_closes_is_an_error():
    with pytest.raises(ArchiveError, match="x.txt: front matter .* never closes"):
        split_front_matter("---\ntitle: 标题\n正文第一段。\n", "x.txt")


def test_bad_yaml_names_file_and_line():
    with pytest.raises(ArchiveError, match=r"x.txt: front matter is not valid YAML at line \d"):
        split_front_matter("---\ntitle: [未闭合\n---\n正文。\n", "x.txt")


def test_unknown_front_matter_field_is_an_error_naming_it():
    with pytest.raises(ArchiveError, match="field 'titel' is not known"):
        split_front_matter("---\ntitel: 标题\n---\n正文。\n", "x.txt")


def test_text_that_merely_starts_with_dashes_has_no_front_matter():
    overrides, body = split_front_matter("--- 分隔线以后是正文\n", "x.txt")
    assert overrides == {} and body == "--- 分隔线以后是正文\n"


def test_sidecar_overrides_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitle: 文中标题\nyear: 2020\n---\n正文第一段。\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("title: 档案员定的标题\n", encoding="utf-8")
    source = read_source(tmp_path / "a.txt", "a.txt")
    assert source.overrides == {"title": "档案员定的标题", "year": "2020"}  # as written; validated later
    assert source.text == "正文第一段。\n"


def test_bad_sidecar_yaml_is_an_error_naming_the_briefing_and_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("正文第一段。\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("city: [济宁\n", encoding="utf-8")
    with pytest.raises(ArchiveError, match="a.txt: sidecar a.yml is not valid YAML"):
        read_source(tmp_path / "a.txt", "a.txt")


def test_empty_file_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(ArchiveError, match="empty.txt: is empty"):
        read_source(tmp_path / "empty.txt", "empty.txt")


def test_html_files_become_text_lines_without_markup_or_scripts(tmp_path):
    page = ("<html><head><title>驻马店市直单位观摩活动讲评会召开</title><script>var x=1;</script></head>"
            "<body><div class='crumb'>首页 &gt; 新闻</div><p>12月1日，驻马店市委直属机关工委召开讲评会。</p>"
            "<p>会议强调&nbsp;要持续推动星级党支部创建。</p></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    source = read_source(tmp_path / "a.html", "a.html")
    lines = source.text.splitlines()
    assert lines[0] == "驻马店市直单位观摩活动讲评会召开"
    assert "首页 > 新闻" in lines
    assert "12月1日，驻马店市委直属机关工委召开讲评会。" in lines
    assert "var x" not in source.text and "<p>" not in source.text


def test_html_to_text_keeps_entities_as_characters():
    assert html_to_text("<p>&lt;script&gt;不是标签&lt;/script&gt;</p>") == "<script>不是标签</script>"


def test_markdown_heading_marks_are_dropped(tmp_path):
    (tmp_path / "a.md").write_text("# 市直机关工委工作\n\n2009年，市直机关各级党组织扎实工作。\n", encoding="utf-8")
    assert read_source(tmp_path / "a.md", "a.md").text.startswith("市直机关工委工作\n")


def test_entities_left_in_scraped_text_become_characters(tmp_path):
    (tmp_path / "a.txt").write_text("会议强调&nbsp;&nbsp;要持续推动&ldquo;五型&rdquo;机关创建。&lt;b&gt;\n", encoding="utf-8")
    assert read_source(tmp_path / "a.txt", "a.txt").text == "会议强调  要持续推动“五型”机关创建。<b>\n"


def test_a_pages_markup_saved_as_text_is_read_as_html(tmp_path):
    markup = ('<p class="ql-block"> 3月7日下午，教育局机关党支部组织开展了主题党日活动。</p> '
              '<p class="ql-block"> 县委组织部到会指导。</p> <p class="ql-block"> 支部书记主持活动。</p>')
    (tmp_path / "a.txt").write_text(f"---\nurl: https://example.cn/1\n---\n{markup}\n", encoding="utf-8")
    text = read_source(tmp_path / "a.txt", "a.txt").text
    assert "<p" not in text and text.splitlines()[0] == "3月7日下午，教育局机关党支部组织开展了主题党日活动。"
    (tmp_path / "b.txt").write_text("文中提到 <p> 标签一次，仍是正文。\n", encoding="utf-8")
    assert "<p>" in read_source(tmp_path / "b.txt", "b.txt").text  # one tag quoted in a text is no page
