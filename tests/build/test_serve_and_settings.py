"""`mkdocs serve` rebuilds when a file in the archive changes; extra.archive settings are
checked the way MkDocs checks its own."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from site_build import ROOT, make_sample_archive, mkdocs_build


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.parametrize("options, watch", [((), ""), (("--dirty",), ""), (("--dirty",), "poll")],
                         ids=["serve", "serve --dirty", "serve --dirty, polled"])
def test_serve_rebuilds_when_an_archive_file_changes(tmp_path, options, watch):
    """The archive is watched by native file events (MkDocs' polling with BRIEFINGS_WATCH=poll);
    a plain serve rebuilds as --dirty does."""
    archive = make_sample_archive(tmp_path / "archive")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "BRIEFINGS_ARCHIVE": str(archive), "BRIEFINGS_WATCH": watch}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-a",
        f"127.0.0.1:{port}",
        *options,
    ]
    with open(log, "w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "Serving on" in log.read_text(), 120), log.read_text()
        assert ("not polled" in log.read_text()) == (watch != "poll")
        home = f"http://127.0.0.1:{port}/"
        assert "新标题" not in urllib.request.urlopen(home, timeout=10).read().decode("utf-8")
        builds = log.read_text().count("Building documentation")
        (archive / "006_new.md").write_text(
            "---\ntitle: 新标题的简报\ncity: 菏泽\n---\n\n菏泽市直机关召开会议。\n", "utf-8"
        )

        def rebuilt() -> bool:
            text = log.read_text()
            return (
                text.count("Building documentation") > builds and text.count("Documentation built") > builds
            )

        assert wait_for(rebuilt, 120), log.read_text()
        assert "新标题的简报" in urllib.request.urlopen(home, timeout=10).read().decode("utf-8")
        page = re.search(r'href="(briefings/[^"]+/)"[^>]*>新标题的简报', urllib.request.urlopen(home, timeout=10)
                         .read().decode("utf-8"))
        assert page and "菏泽" in urllib.request.urlopen(home + page.group(1), timeout=10).read().decode("utf-8")
        assert "A 'dirty' build is being performed" not in log.read_text()
        # plain serve rebuilds as --dirty does: only what changed is written (and kept exact)
        assert re.search(r"dirty build: \d+ unchanged files kept", log.read_text()), log.read_text()
        time.sleep(3)  # reading the archive is no change: no build follows of itself
        assert log.read_text().count("Building documentation") == builds + 1, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_missing_archive_folder_is_a_configuration_error(tmp_path):
    build = mkdocs_build(tmp_path / "no-such-archive", tmp_path / "site")
    assert build.returncode != 0
    assert "extra.archive.dir" in build.log and "no-such-archive" in build.log


def test_strict_fails_on_archive_warnings_also_when_quiet(tmp_path):
    """MkDocs drops warnings under -q before --strict counts them: the hook counts its own."""
    import subprocess
    import sys

    from site_build import ROOT

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("市直机关工委召开党建工作推进会，总结上半年工作，部署下半年任务。\n", encoding="utf-8")
    (archive / "empty.txt").write_text("", encoding="utf-8")  # a rejected file: a warning
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
               "-d", str(tmp_path / "site")]
    env = {**os.environ, "BRIEFINGS_ARCHIVE": str(archive), "BRIEFINGS_CACHE": "0", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode != 0 and "strict mode" in done.stderr + done.stdout
