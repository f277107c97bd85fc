"""What a build says about the archive in its log: every rejected file and guessed field, one
line each (warnings); news (a field the text does not give, a merged reprint) summed up by kind
once there is much of it."""

from __future__ import annotations

import logging
from collections import Counter

from briefings import ingest

# A WARNING fails `mkdocs build --strict`: a rejected file and a guessed field do (the archivist
# confirms or corrects a guess in a sidecar NAME.yml); a field the text does not give is news.
REJECTED_FILE_LEVEL = logging.WARNING
FIELD_LEVELS = {"guessed": logging.WARNING, "missing": logging.INFO}
NEWS_PER_KIND = 20  # INFO lines of one kind (e.g. "url missing") before they are summed up


def archive_messages(archive: ingest.Archive, root_name: str) -> list[tuple[int, str]]:
    """(logging level, message) of what the build says about the archive.

    Messages name the file as archive/<path>, the way the archivist sees it. Warnings (rejected
    files, guessed fields) are always given one by one; news (a field the text does not give, a
    merged reprint) is, up to NEWS_PER_KIND of a kind, then summed up in one line: at 10,000
    briefings it would bury the log (the build report lists every one).
    """
    messages: list[tuple[int, str]] = []
    news: list[tuple[str, str]] = []  # (kind, message), in file order
    for rejection in archive.rejections:
        messages.append((REJECTED_FILE_LEVEL, f"Skipping {root_name}/{rejection.path}: {rejection.reason}"))
    for briefing in sorted(archive.briefings, key=lambda briefing: briefing.path):
        for warning in briefing.warnings:
            level = FIELD_LEVELS.get(warning.kind, logging.WARNING)
            if level >= logging.WARNING:
                messages.append((level, f"{root_name}/{briefing.path}: {warning}"))
            else:
                news.append((f"{warning.field} {warning.kind}", f"{root_name}/{briefing.path}: {warning}"))
        for reprint in briefing.reprints:  # news, not a fault: a reprint is merged, nothing is lost
            message = f"{root_name}/{reprint.path}: a reprint of {root_name}/{briefing.path}, merged into its page"
            news.append(("reprints merged", message))
    counts = Counter(kind for kind, _ in news)
    for kind, message in news:
        messages.append((logging.INFO if counts[kind] <= NEWS_PER_KIND else logging.DEBUG, message))
    for kind, count in counts.items():
        if count > NEWS_PER_KIND:
            messages.append((logging.INFO, f"archive: {kind} in {count} files (each listed in the build report)"))
    return messages
