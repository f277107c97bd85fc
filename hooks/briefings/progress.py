"""Progress of long work (reading thousands of briefings, rendering their pages) and the
one-line summary a build ends with.

In a terminal a bar is redrawn in place on stderr; anywhere else (CI logs, a pipe) a line is
passed to `log` every INTERVAL seconds, so a log is not flooded with redraws.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

INTERVAL = 10.0  # seconds between log lines when not in a terminal
REDRAW = 0.1  # seconds between redraws of the bar
BAR_WIDTH = 30


class Progress:
    """Counts steps of one piece of work: `advance()` per step, `finish()` at the end."""

    def __init__(
        self,
        label: str,
        total: int,
        *,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        log: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval: float = INTERVAL,
    ):
        self.label = label
        self.total = max(0, total)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = _is_terminal(self.stream) if interactive is None else interactive
        self.log = log or (lambda line: print(line, file=self.stream))
        self.clock = clock
        self.interval = interval
        self.started = clock()
        self._shown = self.started
        self._drawn = False

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        now = self.clock()
        if self.interactive:
            if now - self._shown >= REDRAW or self.done >= self.total:
                self._draw(now)
        elif now - self._shown >= self.interval and self.done < self.total:
            self._shown = now
            self.log(self.line(now))

    def finish(self) -> None:
        """Close the bar (the terminal's line is kept); log lines need no closing."""
        if self.interactive and self._drawn:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    def line(self, now: float | None = None) -> str:
        """"读取简报: 1200/10000 (12%), 8.1 s": one log line of the state."""
        elapsed = (now if now is not None else self.clock()) - self.started
        return f"{self.label}: {self.done}/{self.total} ({self._percent()}%), {elapsed:.1f} s"

    def _percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)

    def _draw(self, now: float) -> None:
        self._shown = now
        filled = BAR_WIDTH if not self.total else min(BAR_WIDTH, self.done * BAR_WIDTH // self.total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        elapsed = now - self.started
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {self._percent():3d}% {elapsed:6.1f} s")
        self.stream.flush()
        self._drawn = True


def summary_line(briefings: int, pages: int, warnings: int, seconds: float) -> str:
    """The last line of a build: what it made, what it warned about, how long it took."""
    return (
        f"archive built: {briefings} {_plural(briefings, 'briefing')}, {pages} {_plural(pages, 'page')}, "
        f"{warnings} {_plural(warnings, 'warning')}, {seconds:.1f} s"
    )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
