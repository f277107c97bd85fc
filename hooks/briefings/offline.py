"""The offline bundle: the site built for file:// (links to …/index.html), as a folder and a zip.

MkDocs runs in a subprocess (this package never imports MkDocs) on the project's own
mkdocs.yml with `--no-directory-urls`: every link then points at a file, so a folder opened in
a browser works, while the online build keeps its clean URLs. Nothing else differs: fonts are
off (theme.font: false), no analytics, no CDN script, and search is the archive's own index of
script files (file:// can load <script src> but cannot fetch JSON).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed entry dates: the same site makes the same zip
REQUIRED = ("index.html", "catalog.json")


@dataclass(frozen=True)
class Bundle:
    folder: Path
    zip_path: Path
    files: int
    folder_bytes: int
    zip_bytes: int


def build_bundle(output: Path, config_file: Path, strict: bool = False, archive: Path | None = None) -> Bundle:
    """Build the site into `output` (replaced) and zip it to `output`.zip beside it."""
    output = output.resolve()
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "mkdocs", "build", "--no-directory-urls", "-f", str(config_file), "-d", str(output)]
    if strict:
        command.append("--strict")
    env = dict(os.environ)
    if archive is not None:
        env["BRIEFINGS_ARCHIVE"] = str(archive.resolve())  # extra.archive.dir reads it
    done = subprocess.run(command, cwd=config_file.resolve().parent, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed (exit status {done.returncode})")
    missing = [name for name in REQUIRED if not (output / name).is_file()]
    if missing:
        raise RuntimeError(f"the bundle lacks {', '.join(missing)}")
    zip_path = output.with_name(output.name + ".zip")
    files = write_zip(output, zip_path)
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return Bundle(output, zip_path, files, size, zip_path.stat().st_size)


def write_zip(folder: Path, zip_path: Path) -> int:
    """Every file of folder under a top folder of the same name, sorted, with fixed dates."""
    paths = sorted(path for path in folder.rglob("*") if path.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(paths)
