"""Python's cycle collector kept out of the rebuilds of `mkdocs serve`.

A serve process holds the last build (records, pages, the search index: millions of objects).
The collector's oldest generation is scanned whole whenever enough new objects survive, and a
rebuild makes that many: at 10,000 briefings 2 to 4 such scans, 0.5 s each, took 1.3 to 2 s of
a 10 s rebuild (and 10 scans 2.3 s of a cold build: keep_out). So a rebuild starts with what exists frozen (gc.freeze: never scanned; a
constant-time move), and the full collection, which frees the last build's cycles (MkDocs'
pages and sections refer to each other), runs once the site is served and the server idle.
From a rebuild's start (not the first build's) to the idle collection the collector is off: its
young-generation scans of the millions of objects a rebuild makes took 0.4 s of a 4.5 s rebuild
at 10,000, and a rebuild's cycles wait a few seconds for the idle collection instead (or, after
MAX_UNCOLLECTED rebuilds in a row with no idle time, for the end of the next).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator

IDLE_DELAY = 2.0  # seconds after a build: the browser has reloaded the page it shows
MAX_UNCOLLECTED = 4  # rebuilds in a row with no idle time between: the next collects at its end


@contextlib.contextmanager
def frozen_while_forked(forking: bool) -> Iterator[None]:
    """While forked children share this process's memory (forking), what exists now is scanned
    neither by this process's collections nor by theirs: a scan touches, and so copies, every
    object it passes (12,000 page faults of a build at 1,000 briefings). Under serve no child
    is forked: the collector is left as IdleCollector keeps it."""
    if forking:
        gc.freeze()
    try:
        yield
    finally:
        if forking:
            gc.unfreeze()


def keep_out() -> None:
    """What exists now lives until the build ends (the archive's records once read, the site once
    made): the collector's full scans leave it alone from here. Under serve the idle collection
    takes it back in."""
    gc.freeze()


class IdleCollector:
    def __init__(self, delay: float = IDLE_DELAY) -> None:
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._built = False  # a first build runs with the collector on: it makes a whole site
        self._uncollected = 0  # builds since the last collection (rebuilds in a row, no idle time between)
        self._idle_work: list[Callable[[], None]] = []

    def build_started(self) -> None:
        """Before a rebuild: what exists is not scanned again, and nothing is, while it runs."""
        with self._lock:
            self._cancel()
            gc.freeze()
            if self._built:
                gc.disable()

    def build_finished(self, then: Callable[[], None] | None = None) -> None:
        """After a build: collect everything once the server is idle, then freeze what lives.
        After the first, at once: a briefing added as soon as the site is served (an archivist's
        first change) must not wait for the collection (0.4 s at 10,000), and no page is viewed yet.
        then: what else waits for the idle time (the page cache's disk writes); it runs with the
        collection (after a later build, if one starts first), or at stop()."""
        with self._lock:
            self._cancel()
            if then is not None and then not in self._idle_work:
                self._idle_work.append(then)
            self._uncollected += 1
            if not self._built or self._uncollected > MAX_UNCOLLECTED:
                self._built = True
                self._collect_now()
                return
            # the collector stays off until then: turned on now, it would scan the rebuild's
            # new objects before the site is served (0.1 s at 10,000)
            self._timer = threading.Timer(self.delay, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def stop(self) -> None:
        with self._lock:
            self._cancel()
            self._run_idle_work()
        gc.enable()
        gc.unfreeze()

    def _cancel(self) -> None:  # (the lock held)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _collect(self) -> None:
        with self._lock:
            if self._timer is None or self._timer is not threading.current_thread():
                return  # a build started meanwhile: it collects later
            self._timer = None
            self._collect_now()

    def _run_idle_work(self) -> None:  # (the lock held)
        work, self._idle_work = self._idle_work, []
        for then in work:
            then()

    def _collect_now(self) -> None:  # (the lock held)
        self._run_idle_work()
        gc.unfreeze()
        gc.enable()
        gc.collect()
        gc.freeze()
        self._uncollected = 0
