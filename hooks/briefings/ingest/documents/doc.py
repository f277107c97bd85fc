"""Legacy Word .doc, through antiword (Debian's antiword package) when the machine has it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefings.ingest.documents.limits import SECONDS
from briefings.model import ArchiveError


def doc_text(data: bytes, relative_path: str) -> str:
    antiword = shutil.which("antiword")
    if antiword is None:
        raise ArchiveError(relative_path, "is a legacy Word .doc: install antiword (the Debian package) to "
                                          "read it, or save it as .docx")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefing.doc"
        path.write_bytes(data)
        try:
            done = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True,
                                  timeout=SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ArchiveError(relative_path, f"is a .doc antiword could not read in {SECONDS} s: not read") from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1] or ["unreadable"]
        raise ArchiveError(relative_path, f"is a .doc antiword cannot read ({problem[0]}): not read")
    text = done.stdout.decode("utf-8", "replace")
    if not text.strip():
        raise ArchiveError(relative_path, "is a .doc with no text: not read")
    return text
