"""The whole-build cache: its key changes with any entry of the archive and with the settings,
never hangs on a special file, and an entry comes back as it was stored, or not at all."""

from __future__ import annotations

import os
import time

import pytest
from briefings.cache import whole


def archive(tmp_path):
    root = tmp_path / "archive"
    (root / "2021").mkdir(parents=True)
    (root / "2021" / "a.txt").write_text("市直机关工委召开会议。", encoding="utf-8")
    (root / "programs.yml").write_text("programs: []\n", encoding="utf-8")
    return root


def test_the_key_changes_with_every_entry_and_the_settings(tmp_path):
    root = archive(tmp_path)
    key = whole.build_key(root, "settings")
    assert key == whole.build_key(root, "settings")
    assert key != whole.build_key(root, "other settings")
    (root / "2021" / "a.txt").write_text("市直机关工委召开会议！", encoding="utf-8")
    changed = whole.build_key(root, "settings")
    assert changed != key
    (root / "2021" / "a.yml").write_text("city: 济宁\n", encoding="utf-8")  # a sidecar
    with_sidecar = whole.build_key(root, "settings")
    assert with_sidecar != changed
    os.rename(root / "2021" / "a.yml", root / "2021" / "b.yml")  # the same bytes under another name
    assert whole.build_key(root, "settings") not in (with_sidecar, changed)


def aged(*paths):
    """Files last modified a minute ago: long enough to be known by their stat."""
    for path in paths:
        os.utime(path, ns=(time.time_ns() - 60 * 10**9,) * 2)


def test_under_serve_a_file_is_read_again_only_when_its_stat_changed(tmp_path, monkeypatch):
    root = archive(tmp_path)
    aged(root / "2021" / "a.txt", root / "programs.yml")
    known = whole.FileDigests()
    key = whole.build_key(root, "s", known)
    assert known.changed == 2  # a.txt and programs.yml, read the first time
    assert key == whole.build_key(root, "s")  # the same key as reading every file
    read = []
    real = whole._file_bytes
    monkeypatch.setattr(whole, "_file_bytes", lambda path: read.append(os.path.basename(path)) or real(path))
    assert whole.build_key(root, "s", known) == key and read == [] and known.changed == 0
    (root / "2021" / "a.txt").write_text("市直机关工委召开会议！", encoding="utf-8")
    changed = whole.build_key(root, "s", known)
    assert read == ["a.txt"] and known.changed == 1
    assert changed not in (None, key) and changed == whole.build_key(root, "s")
    read.clear()
    # written just now, it may change again within the clock's resolution: read every time
    assert whole.build_key(root, "s", known) == changed and read == ["a.txt"]
    aged(root / "2021" / "a.txt")  # saved unchanged, a while ago: read once more, the same key
    assert whole.build_key(root, "s", known) == changed and read == ["a.txt"] * 2
    assert whole.build_key(root, "s", known) == changed and read == ["a.txt"] * 2


def test_a_hidden_folder_is_one_entry_and_a_fifo_is_never_read(tmp_path):
    root = archive(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "index").write_bytes(b"1")
    key = whole.build_key(root, "s")
    (root / ".git" / "index").write_bytes(b"2")  # the reader does not read a hidden folder either
    assert whole.build_key(root, "s") == key
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
        assert whole.build_key(root, "s") not in (None, key)  # returned at once: opening it would block


def test_an_entry_comes_back_as_stored_and_a_damaged_one_is_a_miss(tmp_path):
    folder = tmp_path / "site"
    items = ({"n": n, "text": "简报" * n} for n in range(3))  # a generator: consumed one at a time
    whole.store(folder, "key", items)
    assert whole.load(folder, "key") == [{"n": n, "text": "简报" * n} for n in range(3)]
    assert whole.load(folder, "another key") is None
    entry = folder / whole.ENTRY
    entry.write_bytes(entry.read_bytes()[:-20])  # cut short
    assert whole.load(folder, "key") is None
    assert whole.load(tmp_path / "nowhere", "key") is None


def test_a_failed_store_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "site"
    whole.store(folder, "key", iter([lambda: None]))  # a lambda cannot be pickled
    assert not any(folder.iterdir())
    with pytest.raises(FileNotFoundError):
        (folder / whole.ENTRY).stat()
