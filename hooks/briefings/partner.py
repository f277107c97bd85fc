"""A forked partner that takes every other item of a loop, on the second core.

MkDocs writes its pages one after another on one core. A build of thousands of generated pages
forks once, when the pages are about to be written, and the two processes go on through the
same loop: each does the items it takes and passes over the other's. What the partner logs
comes back to the first process, which logs it after its own loop (so `--strict` counts the
partner's warnings, and every line is printed by one process), with a report of plain values.

The partner leaves with os._exit: it runs no cleanup of the first process's (atexit, the
build's end). A partner that fails sends its error; one that dies sends nothing, and the first
process is told (`Joined.died`), so it can do the partner's items itself.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import threading
from dataclasses import dataclass, field


@dataclass
class Joined:
    """What the partner sent: its report, its log records, its error; died: it sent nothing."""

    report: dict = field(default_factory=dict)
    records: list = field(default_factory=list)
    error: str | None = None
    died: bool = False


class _Relay(logging.Handler):
    """Keeps the partner's records, flattened so they pickle, for the first process to log."""

    def __init__(self, level: int):
        super().__init__(level)
        self.records: list[logging.LogRecord] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) in self._seen:  # reached through two loggers' handlers
            return
        self._seen.add(id(record))
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


class Partner:
    """One side of the pair: `is_partner` in the forked process, not in the first."""

    def __init__(self, is_partner: bool, pipe: int, child: int = 0, relay: _Relay | None = None):
        self.is_partner = is_partner
        self._pipe = pipe
        self._child = child
        self._relay = relay

    def takes(self, index: int) -> bool:
        """Whether the item at this index of the loop is this process's (every other one)."""
        return index % 2 == (1 if self.is_partner else 0)

    def finish(self, report: dict | None = None, error: str | None = None) -> None:
        """The partner's end: its report and records to the first process, and out."""
        assert self.is_partner
        status = 1 if error else 0
        try:
            with os.fdopen(self._pipe, "wb") as out:
                pickle.dump(Joined(report or {}, self._relay.records if self._relay else [], error),
                            out, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - the first process finds the pipe empty: died
            status = 2
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:  # noqa: BLE001
                    pass
            os._exit(status)

    def join(self) -> Joined:
        """In the first process: wait for the partner and take what it sent."""
        assert not self.is_partner
        try:
            with os.fdopen(self._pipe, "rb") as got:
                joined = pickle.load(got)
        except Exception:  # noqa: BLE001 - it died before sending (killed, out of memory)
            joined = Joined(died=True)
        os.waitpid(self._child, 0)
        return joined if isinstance(joined, Joined) else Joined(died=True)

    def stop(self) -> None:
        """In the first process, when its build fails: the partner goes too."""
        if self.is_partner or not self._child:
            return
        try:
            os.kill(self._child, signal.SIGKILL)
            os.waitpid(self._child, 0)
        except OSError:
            pass
        try:
            os.close(self._pipe)
        except OSError:
            pass
        self._child = 0


def fork_partner() -> Partner | None:
    """Fork the partner; None where a fork is not safe (another thread runs: `mkdocs serve`, a
    cache's writer) or not there (Windows). Both processes get their side."""
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return None
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # nothing buffered is printed twice
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reading)
        return Partner(True, writing, relay=_relay_logging())
    os.close(writing)
    return Partner(False, reading, child)


def log_joined(joined: Joined) -> None:
    """The partner's records, logged here as if this process had logged them."""
    for record in joined.records:
        logging.getLogger(record.name).handle(record)


def _relay_logging() -> _Relay:
    """In the partner: every handler of every logger replaced by one relay, whose level is the
    lowest of theirs (the records no handler would have shown are not kept)."""
    loggers = [logging.getLogger()] + [logger for logger in logging.Logger.manager.loggerDict.values()
                                       if isinstance(logger, logging.Logger)]
    with_handlers = [logger for logger in loggers if logger.handlers]
    levels = [handler.level for logger in with_handlers for handler in logger.handlers]
    relay = _Relay(min(levels, default=logging.WARNING))
    for logger in with_handlers:
        logger.handlers = [relay]
    return relay
