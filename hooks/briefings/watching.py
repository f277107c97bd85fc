"""The archive folder watched by the system's file events under `mkdocs serve`, not by polling.

MkDocs polls what it watches: every half second its watcher lists and stats every file under
each path, on the build's interpreter lock. An archive of 10,000 briefings made each poll cost
a walk of 10,000 files, and a rebuild under serve took about 40% longer than the same build
alone. The archive is given to a native observer instead (inotify, FSEvents, or Windows'
change notifications), scheduled through the server's own watch(), so a change triggers the
same rebuild. BRIEFINGS_WATCH=poll leaves it to MkDocs' polling: native events do not arrive
from some network and container file systems.
"""

from __future__ import annotations

import os
from typing import Any

import watchdog.observers
from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileCreatedEvent, FileDeletedEvent,
                             FileModifiedEvent, FileMovedEvent)
from watchdog.observers.polling import PollingObserver


def watch_natively(server: Any, path: str) -> Any | None:
    """Schedule path on a native observer with the server's own callback (its watch()); the
    observer, started, or None when polling is asked for or is all this system has."""
    if os.environ.get("BRIEFINGS_WATCH", "").lower() == "poll" or not hasattr(server, "observer"):
        return None
    native = watchdog.observers.Observer()
    if isinstance(native, PollingObserver):  # watchdog found no native API here
        return None
    polling, server.observer = server.observer, _ChangesOnly(native)
    try:
        server.watch(path)  # MkDocs keeps one watch a path: its own loop over config.watch skips it
    finally:
        server.observer = polling
    native.start()
    return native


def stop(observer: Any | None) -> None:
    if observer is not None:
        observer.stop()
        observer.join(timeout=5)


# What a rebuild is for. Not a file opened or read: the build reads every briefing, and MkDocs'
# callback takes any event as a change (the site would rebuild for ever). With the filter the
# system is not even asked for those events (inotify's mask).
_CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, DirCreatedEvent,
            DirDeletedEvent, DirMovedEvent]


class _ChangesOnly:
    """An observer whose watches hear of changes only."""

    def __init__(self, observer: Any) -> None:
        self._observer = observer

    def schedule(self, handler: Any, path: str, *, recursive: bool = False) -> Any:
        return self._observer.schedule(handler, path, recursive=recursive, event_filter=_CHANGES)
