"""PDF with a text layer (pdfminer.six: it reads CJK fonts and their encodings, and lays the
text out in reading order; pypdf gives the characters in content-stream order, which for
two-column or boxed pages scrambles the lines). Each text box is a paragraph, its wrapped lines
rejoined; running headers and footers (a line that repeats on most pages) and page numbers
(- 1 -, 第1页 共3页, 1/3) are dropped. A PDF of images only is a scan: no OCR here."""

from __future__ import annotations

import io
import re
from collections import Counter

from briefings.ingest.documents.limits import MAX_PAGES, time_limit
from briefings.model import ArchiveError

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|"
                          r"[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[-—–\s]*$")
_DIGITS = re.compile(r"\d+")
MAX_OBJECTS = 200_000
_SCAN_CHARS = 20  # fewer characters than this on all pages: the pages are pictures


def pdf_text(data: bytes, relative_path: str) -> str:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    objects = data.count(b" obj")
    if objects > MAX_OBJECTS:  # a briefing of some pages holds a few thousand
        raise ArchiveError(relative_path, f"is a PDF of {objects:,} objects (over {MAX_OBJECTS:,}): not read "
                                          "(a damaged or hostile file?)")
    pages: list[list[str]] = []
    with time_limit(relative_path, "the PDF"):
        try:
            for page in extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES):
                boxes = [element for element in page if isinstance(element, LTTextContainer)]
                pages.append([_paragraph(box.get_text()) for box in boxes])
        except (PDFPasswordIncorrect, PDFEncryptionError) as error:
            raise ArchiveError(relative_path, "is a password-protected PDF: not read (save it without the "
                                              "password)") from error
        except ArchiveError:
            raise
        except Exception as error:  # noqa: BLE001 -- pdfminer raises many kinds for a damaged file
            raise ArchiveError(relative_path, f"is a PDF that cannot be read ({type(error).__name__}): "
                                              "not read") from error
    if not pages:
        raise ArchiveError(relative_path, "is a PDF without pages: not read")
    if sum(len(line) for page in pages for line in page) < _SCAN_CHARS:
        raise ArchiveError(relative_path, f"is a scanned PDF ({len(pages)} pages of pictures, no text layer): "
                                          "not read; OCR is not done here, add the text as a .txt beside it")
    return "\n".join(line for page in _without_furniture(pages) for line in page if line)


def _paragraph(text: str) -> str:
    """A text box's lines as one paragraph: CJK lines join without a space, Latin ones with one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = ""
    for line in lines:
        latin = out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum()
        out += (" " if latin else "") + line
    return out


def _without_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and the first or last line of a page when it repeats (digits aside)
    on more than half of the pages: a running header or footer."""
    edges = Counter()
    for page in pages:
        for line in {page[0], page[-1]} if page else ():
            edges[_DIGITS.sub("#", line)] += 1
    repeated = {line for line, count in edges.items() if len(pages) > 1 and count > len(pages) / 2}
    kept = []
    for page in pages:
        lines = [line for line in page if not _PAGE_NUMBER.match(line)]
        while lines and _DIGITS.sub("#", lines[0]) in repeated:
            lines = lines[1:]
        while lines and _DIGITS.sub("#", lines[-1]) in repeated:
            lines = lines[:-1]
        kept.append(lines)
    return kept
