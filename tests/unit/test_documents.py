"""Briefings as archivists receive them: Word .docx (python-docx writes them here), PDF with a
text layer (reportlab, with its built-in Chinese CID font), scanned and protected PDFs, saved
WeChat articles, legacy .doc. Checked through the reader and the whole ingest, fields included."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from briefings.ingest import load_vocabulary, read_archive, read_briefing
from briefings.model import ArchiveError
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

HEADLINE = "济宁市直机关召开2023年党建工作推进会"
LEAD = "3月5日上午，济宁市委市直机关工委召开全市机关党建工作推进会，总结去年工作，部署今年任务，深化模范机关创建。"
MORE = "会议要求，市直各部门单位要认真落实机关党建工作责任制，推动机关党建与业务工作深度融合。"


ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def read(path):
    return read_briefing(path, path.name, load_vocabulary(ARCHIVE))


def write_docx(path, title_property=""):
    document = docx.Document()
    document.core_properties.title = title_property
    document.add_heading(HEADLINE, 1)
    document.add_paragraph("发布时间：2023-03-06")
    document.add_paragraph(LEAD)
    table = document.add_table(rows=3, cols=2)
    for row, (unit, score) in enumerate([("单位", "得分"), ("市财政局", "95"), ("市教育局", "90")]):
        table.cell(row, 0).text, table.cell(row, 1).text = unit, score
    document.add_paragraph(MORE)
    document.save(path)
    return path


def write_pdf(path, pages=3, text=True, encrypt=None):
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for page in range(1, pages + 1):
        if text:
            pdf.setFont("STSong-Light", 9)
            pdf.drawString(72, 800, "济宁市直机关工委 机关党建简报")  # a running header
            pdf.setFont("STSong-Light", 12)
            if page == 1:
                pdf.drawString(72, 740, HEADLINE)
                pdf.drawString(72, 715, "发布时间：2023-03-06")
            y = 690
            for sentence in (LEAD, MORE):
                for start in range(0, len(sentence), 36):  # the page's own line breaks
                    pdf.drawString(72, y, sentence[start:start + 36])
                    y -= 16
                y -= 12
            pdf.setFont("STSong-Light", 9)
            pdf.drawString(280, 40, f"- {page} -")
        else:
            pdf.rect(72, 300, 400, 400, fill=1)  # a scanned page: a picture, no text
        pdf.showPage()
    pdf.save()
    return path


def test_a_docx_reads_in_order_with_its_table_rows_as_lines(tmp_path):
    briefing = read(write_docx(tmp_path / "简报.docx"))
    assert briefing.title == HEADLINE
    assert (briefing.city, briefing.year, briefing.date) == ("济宁市", 2023, "2023-03-06")
    assert "模范机关创建" in briefing.programs
    text = briefing.text
    assert "市财政局 95" in text and "市财政局95" not in text
    assert text.index("市直各部门单位") > text.index("市教育局 90") > text.index("3月5日上午")


def test_a_docx_title_property_is_evidence_for_the_headline(tmp_path):
    path = tmp_path / "a.docx"
    document = docx.Document()
    document.core_properties.title = HEADLINE
    document.add_paragraph(LEAD)
    document.add_paragraph(MORE)
    document.save(path)
    assert read(path).title == HEADLINE


def test_a_pdf_drops_running_headers_and_page_numbers_and_rejoins_lines(tmp_path):
    briefing = read(write_pdf(tmp_path / "简报.pdf"))
    assert briefing.title == HEADLINE and briefing.date == "2023-03-06" and briefing.city == "济宁市"
    assert "机关党建简报" not in briefing.text and "- 2 -" not in briefing.text
    assert LEAD in briefing.text.replace("\n", "")
    assert LEAD in briefing.text  # the page's own line breaks are gone


@pytest.mark.parametrize("make, reason", [
    (lambda path: write_pdf(path, text=False), "scanned PDF"),
    (lambda path: write_pdf(path, encrypt="secret"), "password-protected"),
    (lambda path: path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF"), "PDF"),
    (lambda path: path.write_bytes(b"not a pdf at all"), "PDF"),
])
def test_pdfs_that_are_no_text_are_a_reason(tmp_path, make, reason):
    path = tmp_path / "a.pdf"
    make(path)
    with pytest.raises(ArchiveError, match=reason) as raised:
        read(path)
    assert "scanned" not in reason or "OCR" in raised.value.problem


def test_a_broken_docx_is_a_reason(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ArchiveError, match="Word"):
        read(tmp_path / "a.docx")


WECHAT = """<!DOCTYPE html><html><head><title>{title}</title>
<script>var ct = "1678070000"; var nickname = "x";</script></head><body>
<div id="page-content" class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">  {title}  </h1>
<div class="rich_media_meta_list"><a id="js_name">济宁机关党建</a><em id="publish_time"></em></div>
<div class="rich_media_content" id="js_content"><p>{lead}</p><section><p>{more}</p></section></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
<div id="js_read_more">阅读原文</div><div>喜欢此内容的人还喜欢</div><p>其他账号的文章标题</p>
</div></body></html>"""


def test_a_saved_wechat_article_reads_its_own_places(tmp_path):
    path = tmp_path / "wechat.html"
    path.write_text(WECHAT.format(title=HEADLINE, lead=LEAD, more=MORE), encoding="utf-8")
    briefing = read(path)
    assert briefing.title == HEADLINE and briefing.source == "济宁机关党建"
    assert briefing.date == "2023-03-06"  # var ct, in China's time
    assert LEAD in briefing.text and MORE in briefing.text
    for noise in ("微信扫一扫", "阅读原文", "喜欢此内容的人还喜欢", "其他账号的文章标题"):
        assert noise not in briefing.text


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_a_doc_without_antiword_or_broken_is_a_reason(tmp_path):
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a word file")
    with pytest.raises(ArchiveError, match=r"\.doc"):
        read(tmp_path / "a.doc")


def test_documents_in_an_archive_are_pages_or_reasons(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    write_docx(archive / "a.docx")
    write_pdf(archive / "b.pdf")
    write_pdf(archive / "scan.pdf", text=False)
    result = read_archive(archive)
    assert [b.path for b in result.briefings] + [r.path for r in result.rejections] in (
        ["a.docx", "scan.pdf"], ["a.docx", "b.pdf", "scan.pdf"])
    assert any("scanned" in r.reason for r in result.rejections)
