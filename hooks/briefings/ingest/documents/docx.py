"""Word .docx: paragraphs and tables in document order (python-docx); headings stay lines of
their own, table rows become lines with their cells apart. The document's own title property is
evidence for the headline, placed first when the body does not begin with it."""

from __future__ import annotations

import io
import zipfile

from briefings.ingest.documents.limits import MAX_UNPACKED_BYTES, time_limit
from briefings.model import ArchiveError


def docx_text(data: bytes, relative_path: str) -> str:
    _check_zip(data, relative_path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with time_limit(relative_path, "the Word document"):
        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
            raise ArchiveError(relative_path, f"is not a readable Word .docx ({error}): not read") from error
        lines = [line for block in _blocks(document) for line in block]
        title = " ".join((document.core_properties.title or "").split())
    body = "\n".join(line for line in lines if line.strip())
    if title and title not in body[:300]:
        body = f"{title}\n{body}"
    if not body.strip():
        raise ArchiveError(relative_path, "is a Word document with no text (pictures only?): not read")
    return body


def _check_zip(data: bytes, relative_path: str) -> None:
    """A .docx is a zip: refuse one that would unpack to far more than any briefing (a bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ArchiveError(relative_path, "is not a Word .docx (not a zip package): not read") from error
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > 5000 or unpacked > MAX_UNPACKED_BYTES:
        raise ArchiveError(relative_path, f"is a .docx that would unpack to {unpacked / 1024 / 1024:.0f} MB in "
                                          f"{len(entries)} parts (over {MAX_UNPACKED_BYTES // 1024 // 1024} MB): "
                                          "not read (a zip bomb?)")


def _blocks(document):
    """Lines of each body element, in order: a paragraph is one line, a table row one line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield [" ".join(Paragraph(element, document).text.split())]
        elif tag == "tbl":
            rows = []
            for row in Table(element, document).rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                rows.append(" ".join(cells))
            yield rows
