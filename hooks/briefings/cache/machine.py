"""The machine's cache: what is made from installed software alone (jieba's dictionary in
sorted form, the theme's templates compiled), never from an archive. Every project of the user
shares it, as every program shares the bytecode of installed modules; a first build of a new
archive still reads, cleans and extracts every file. It lives in the user's own cache folder
($XDG_CACHE_HOME, else ~/.cache), in briefings-archive/; BRIEFINGS_CACHE=0 turns it off with
the project's caches."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_NAME = "briefings-archive"


def machine_folder(part: str) -> Path | None:
    """The folder of one part of the machine's cache, made (private to the user) when missing;
    None when caching is off or the folder cannot be made: the caller then works without it."""
    if os.environ.get("BRIEFINGS_CACHE", "") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: ignored, as the XDG specification says
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home ("~" left as it is): nowhere a later build would look
        return None
    folder = Path(base) / FOLDER_NAME / part
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
