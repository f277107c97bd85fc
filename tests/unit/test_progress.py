"""Progress of long work: a bar in a terminal, log lines elsewhere, and the summary line."""

from __future__ import annotations

import io

from briefings.progress import Progress, summary_line


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_log_lines_come_every_interval_not_every_step() -> None:
    clock, lines = Clock(), []
    progress = Progress("读取简报", 100, interactive=False, log=lines.append, clock=clock, interval=10)
    for _ in range(100):
        clock.now += 0.5  # 50 s in all: a line every 10 s, none at the end
        progress.advance()
    progress.finish()
    assert len(lines) == 4
    assert lines[0] == "读取简报: 20/100 (20%), 10.0 s"


def test_a_terminal_gets_a_bar_redrawn_in_place() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress("转换页面", 4, stream=stream, interactive=True, clock=clock)
    for _ in range(4):
        clock.now += 1
        progress.advance()
    progress.finish()
    output = stream.getvalue()
    assert output.startswith("\r转换页面 [")
    assert "4/4 100%" in output
    assert output.endswith("\n") and output.count("\n") == 1


def test_nothing_is_drawn_for_no_work() -> None:
    stream = io.StringIO()
    progress = Progress("写出页面", 0, stream=stream, interactive=True)
    progress.finish()
    assert stream.getvalue() == ""


def test_summary_line() -> None:
    assert summary_line(10000, 23590, 0, 95.34) == (
        "archive built: 10000 briefings, 23590 pages, 0 warnings, 95.3 s"
    )
    assert summary_line(1, 1, 1, 1) == "archive built: 1 briefing, 1 page, 1 warning, 1.0 s"
