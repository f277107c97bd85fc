"""Benchmark: seconds to read a 20-page PDF and a 20-page .docx briefing (made here with
reportlab and python-docx), through the whole ingest (read, clean, extract).

    python benchmarks/bench_documents.py [PAGES]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import docx
from briefings.ingest import load_vocabulary, read_briefing
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "市直机关各级党组织认真落实机关党建工作责任制，深化模范机关创建，推动机关党建与业务工作深度融合。"


def make_pdf(path: Path, pages: int) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, 800, "市直机关工委 机关党建简报")
        pdf.setFont("STSong-Light", 11)
        for line in range(40):
            pdf.drawString(60, 770 - line * 17, (SENTENCE * 2)[line % 20: line % 20 + 38])
        pdf.drawString(280, 40, f"- {page} -")
        pdf.showPage()
    pdf.save()


def make_docx(path: Path, pages: int) -> None:
    document = docx.Document()
    document.add_heading("市直机关党建工作简报", 1)
    for _ in range(pages * 12):  # about 12 paragraphs of this length fill a page
        document.add_paragraph(SENTENCE * 2)
    table = document.add_table(rows=pages * 2, cols=3)
    for row in table.rows:
        for cell, text in zip(row.cells, ("单位", "得分", "备注")):
            cell.text = text
    document.save(path)


def timed(path: Path) -> float:
    vocabulary = load_vocabulary(ROOT / "archive")
    read_briefing(path, path.name, vocabulary)  # first use loads pdfminer / python-docx
    best = min(_once(path, vocabulary) for _ in range(5))
    return best


def _once(path: Path, vocabulary) -> float:
    started = time.perf_counter()
    read_briefing(path, path.name, vocabulary)
    return time.perf_counter() - started


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as folder:
        pdf, word = Path(folder) / "briefing.pdf", Path(folder) / "briefing.docx"
        make_pdf(pdf, pages)
        make_docx(word, pages)
        print(f"{pages}-page PDF ({pdf.stat().st_size / 1024:.0f} KB): {timed(pdf):.2f} s to read (best of 5)")
        print(f"{pages}-page .docx ({word.stat().st_size / 1024:.0f} KB): {timed(word):.2f} s to read (best of 5)")


if __name__ == "__main__":
    main()
