"""Hostile documents (issue 15): a zip bomb dressed as .docx and a PDF of a million objects are
rejected with their reason within seconds; they never crash or hang the build."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from briefings.ingest import read_archive


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (200 * 1024 * 1024))  # 200 MB of nothing
    return buffer.getvalue()


def million_objects() -> bytes:
    body = b"".join(b"%d 0 obj null endobj\n" % n for n in range(1, 1_000_001))  # about 24 MB
    return b"%PDF-1.4\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize("name, make, reason", [
    ("bomb.docx", zip_bomb, "zip bomb"),
    ("objects.pdf", million_objects, "PDF"),
])
def test_hostile_documents_are_rejected_within_seconds(tmp_path, name, make, reason):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / name).write_bytes(make())
    started = time.monotonic()
    result = read_archive(archive)
    assert time.monotonic() - started < 20
    assert not result.briefings and reason in result.rejections[0].reason


def test_a_reader_that_runs_too_long_is_stopped_with_the_files_name():
    from briefings.ingest.documents.limits import time_limit
    from briefings.model import ArchiveError

    started = time.monotonic()
    with pytest.raises(ArchiveError, match="slow.pdf: the PDF took over 1 s"):
        with time_limit("slow.pdf", "the PDF", seconds=1):
            while True:
                pass
    assert time.monotonic() - started < 3
