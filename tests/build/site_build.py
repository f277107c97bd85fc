"""Build a site the way a user does: `mkdocs build --strict` on the project's mkdocs.yml, with
BRIEFINGS_ARCHIVE pointing at the archive to build (see extra.archive.dir in mkdocs.yml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_ARCHIVE = ROOT / "archive"
SEED_FILES = (
    "000_8fbe04c4c4a2a14c.txt",
    "001_171ca9732d2879ad.txt",
    "002_de3249d200964dde.txt",
    "003_2a77a74c8cabfc6c.txt",
    "004_8018b1e96243a8a6.txt",
)
SAMPLE_EXTRA = Path(__file__).resolve().parent / "sample_extra"
SITE_URL = "https://briefings.example.org/"


@dataclass(frozen=True)
class Build:
    returncode: int
    log: str  # MkDocs' log lines (stderr)
    site: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def make_sample_archive(target: Path) -> Path:
    """The five seeds and the vocabulary, plus the hand-made files of sample_extra/ (hostile
    text in front matter and body)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in (*SEED_FILES, "programs.yml"):
        shutil.copyfile(SHIPPED_ARCHIVE / name, target / name)
        sidecar = (SHIPPED_ARCHIVE / name).with_suffix(".yml")
        if name != "programs.yml" and sidecar.is_file():  # the archivist's confirmed guesses
            shutil.copyfile(sidecar, target / sidecar.name)
    for path in sorted(SAMPLE_EXTRA.iterdir()):
        shutil.copyfile(path, target / path.name)
    return target


def mkdocs_build(archive: Path, site_dir: Path, strict: bool = True, engine: str = "mkdocs", *options: str,
                 env: dict | None = None) -> Build:
    """engine: "mkdocs", or "properdocs" (the maintained MkDocs 1.x fork, which runs the same config)."""
    command = [sys.executable, "-m", engine, "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir), *options]
    if strict:
        command.append("--strict")
    env = {**os.environ, **(env or {}), "BRIEFINGS_ARCHIVE": str(archive)}
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    return Build(done.returncode, done.stderr + done.stdout, site_dir)


def page_path(site: Path, url: str) -> Path:
    """The built file of a site-absolute URL such as /briefings/x/."""
    path = site / url.lstrip("/")
    return path / "index.html" if url.endswith("/") else path
