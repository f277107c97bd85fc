"""Bounds for reading a document: a hostile one (a zip bomb, a PDF of a million objects) is
rejected with its reason within seconds, never crashes or hangs the build."""

from __future__ import annotations

import contextlib
import signal
import threading

from briefings.model import ArchiveError

MAX_DOCUMENT_BYTES = 30 * 1024 * 1024  # a Word file or PDF with pictures is bigger than a text file
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # what a .docx's parts may unpack to, all together
MAX_PAGES = 300
SECONDS = 10  # a 20-page briefing reads in well under a second


@contextlib.contextmanager
def time_limit(relative_path: str, what: str, seconds: int = SECONDS):
    """Stop a reader that runs too long (on the main thread, where signals can interrupt it;
    elsewhere the page and size bounds hold)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except TimeoutError:
        raise ArchiveError(relative_path, f"{what} took over {seconds} s to read: not read (a damaged or "
                                          "hostile file?)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
