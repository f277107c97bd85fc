"""Work done by a forked child process while the caller goes on: a first build makes the search
index on the second core while the pages and feeds are made on the first, and keeps itself in
the whole-build cache while MkDocs writes the pages."""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_background(work: Callable[[], T]) -> Callable[[], T]:
    """Start work() in a forked child and return a function that gives its result. Where a fork
    is not safe (another thread runs: `mkdocs serve`, a cache's writer) or not there (Windows),
    or the child fails, the returned function does the work itself."""
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return work
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: the work, its result down the pipe, and out without cleanups
        status = 1
        try:
            gc.disable()  # a collection would touch, and so copy, every object shared with the parent
            os.close(reading)
            with os.fdopen(writing, "wb") as out:
                pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writing)

    def result() -> T:
        try:
            with os.fdopen(reading, "rb") as got:
                value = pickle.load(got)
        except Exception:  # noqa: BLE001 - the child died or sent garbage: do the work here
            value = None
        _, status = os.waitpid(child, 0)
        return value if status == 0 and value is not None else work()

    return result
