"""The archive's native watch under `mkdocs serve`: a change is heard, a file read is not (the
build reads every briefing; MkDocs' callback would take that for a change and build for ever)."""

from __future__ import annotations

import threading
import time

import pytest
import watchdog.events
from briefings import watching
from watchdog.observers.polling import PollingObserver


class _Server:
    """What watch_natively uses of MkDocs' LiveReloadServer: its observer and its watch()."""

    def __init__(self) -> None:
        self.observer = PollingObserver()
        self.heard: list[str] = []
        self.changed = threading.Event()

    def watch(self, path: str) -> None:
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self._hear
        self.observer.schedule(handler, path, recursive=True)

    def _hear(self, event) -> None:
        if not event.is_directory:
            self.heard.append(event.event_type)
            self.changed.set()


def test_a_change_in_the_archive_is_heard_and_a_file_read_is_not(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFINGS_WATCH", raising=False)
    briefing = tmp_path / "001.txt"
    briefing.write_text("市直机关工委召开会议。", encoding="utf-8")
    server = _Server()
    observer = watching.watch_natively(server, str(tmp_path))
    if observer is None:
        pytest.skip("no native file events on this system")
    try:
        assert isinstance(server.observer, PollingObserver) and not server.observer.emitters  # not polled
        (tmp_path / "000.txt").write_text("监听开始。", encoding="utf-8")
        assert server.changed.wait(5)  # the watch is on
        time.sleep(0.3)
        server.heard.clear()
        server.changed.clear()
        for _ in range(20):
            briefing.read_text(encoding="utf-8")
        time.sleep(0.5)
        assert server.heard == []
        (tmp_path / "002.txt").write_text("新的简报。", encoding="utf-8")
        assert server.changed.wait(5)
        assert "created" in server.heard or "modified" in server.heard
    finally:
        watching.stop(observer)


def test_polling_is_kept_when_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFINGS_WATCH", "poll")
    assert watching.watch_natively(_Server(), str(tmp_path)) is None
