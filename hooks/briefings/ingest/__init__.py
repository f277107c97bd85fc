"""Ingest, the first half of the pipeline: archive files -> Briefing records.

reading (bytes, encodings, front matter, sidecars) -> cleaning/ (page noise out, structure
recovered) -> extract/ (title, source, url, place, date, year, programs) -> a Briefing
(briefing.py); the archive reader (archive.py) walks a folder, merges reprints and settles ids.
These are the stage's entry points; the modules keep everything else.
"""

from briefings.ingest.archive import (
    OUTLETS_FILE,
    VOCABULARY_FILE,
    Archive,
    archive_files,
    archive_paths,
    entry_problem,
    load_vocabulary,
    path_problem,
    read_archive,
)
from briefings.ingest.briefing import build_briefing, read_briefing, warm_up
from briefings.ingest.reading import is_briefing_file

__all__ = [
    "OUTLETS_FILE", "VOCABULARY_FILE", "Archive", "archive_files", "archive_paths", "build_briefing", "entry_problem", "is_briefing_file",
    "load_vocabulary", "path_problem", "read_archive", "read_briefing", "warm_up",
]
