"""The machine's cache folder: in the user's cache folder, private, and none when caching is off
or the user has no home to keep it in."""

from __future__ import annotations

import stat

from briefings.cache.machine import FOLDER_NAME, machine_folder


def test_the_folder_is_made_private_in_the_users_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BRIEFINGS_CACHE", raising=False)
    folder = machine_folder("words")
    assert folder == tmp_path / FOLDER_NAME / "words" and folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


def test_no_folder_when_caching_is_off_or_there_is_no_absolute_place(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("BRIEFINGS_CACHE", "0")
    assert machine_folder("words") is None
    monkeypatch.delenv("BRIEFINGS_CACHE")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG specification says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert machine_folder("words") == tmp_path / "home" / ".cache" / FOLDER_NAME / "words"
    assert not (tmp_path / "relative").exists()
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # no home: "~" left as it is
    assert machine_folder("words") is None
    assert not (tmp_path / "~").exists()
