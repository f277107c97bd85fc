"""Writing the archivist's word into sidecars (NAME.yml beside NAME.txt): one field a line,
what a sidecar already says (and its comments) kept, a field already there replaced in place.
The result is read back and checked the way the build reads it before anything is written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefings.ingest.extract.programs import Vocabulary
from briefings.ingest.overrides import validate_overrides
from briefings.ingest.reading import SIDECAR_SUFFIXES, parse_yaml_mapping


def sidecar_path(path: Path) -> Path:
    """The briefing's sidecar: the one that exists, else NAME.yml."""
    return next((path.with_suffix(s) for s in SIDECAR_SUFFIXES if path.with_suffix(s).is_file()), path.with_suffix(".yml"))


def yaml_value(value) -> str:
    """A value written so the reader takes it back as the same text (quoted when YAML would
    read it otherwise: off, 010, 2021-12-06 ...); a list of programs in flow style."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    text = str(value)
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10_000).strip()


def updated_sidecar(current: str, values: dict) -> str:
    """The sidecar's text with the given fields set: a field's line replaced where it is, the
    others appended; comments and other fields as they were."""
    lines = current.splitlines()
    for field, value in values.items():
        line = f"{field}: {yaml_value(value)}"
        index = next((i for i, text in enumerate(lines) if re.match(rf"{re.escape(field)}\s*:", text)), None)
        if index is None:
            lines.append(line)
            continue
        end = index + 1
        while end < len(lines) and re.match(r"\s+\S|-\s", lines[end]):  # the old value's block lines
            end += 1
        lines[index:end] = [line]
    return "\n".join(lines) + "\n"


def write_sidecar(path: Path, relative_path: str, values: dict, vocabulary: Vocabulary) -> Path:
    """Set the fields in the briefing's sidecar; raises ArchiveError (nothing written) if the
    result would not pass the build's checks."""
    sidecar = sidecar_path(path)
    current = sidecar.read_text(encoding="utf-8-sig") if sidecar.is_file() else ""
    text = updated_sidecar(current, values)
    validate_overrides(relative_path, parse_yaml_mapping(text, relative_path, f"sidecar {sidecar.name}"), vocabulary)
    sidecar.write_text(text, encoding="utf-8")
    return sidecar
