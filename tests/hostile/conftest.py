"""The hostile archive, generated once per session, and its builds (strict and not)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build"))  # site_build: the build helper

from hostile_archive import make_hostile_archive
from site_build import mkdocs_build

SOURCE_DATE_EPOCH = "1700000000"  # as reproducible-build tools set it


def build_with_epoch(archive: Path, site: Path, strict: bool):
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        return mkdocs_build(archive, site, strict=strict)
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@pytest.fixture(scope="session")
def hostile_archive(tmp_path_factory) -> Path:
    return make_hostile_archive(tmp_path_factory.mktemp("hostile") / "archive")


@pytest.fixture(scope="session")
def hostile_build(hostile_archive, tmp_path_factory):
    """The build that must finish: not strict."""
    return build_with_epoch(hostile_archive, tmp_path_factory.mktemp("hostile-site") / "site", strict=False)
