"""Every guessed or missing field across an archive, grouped by field, kind and value: "year
2023 guessed (41 files)", with the commonest reason and the files, so one decision covers many."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefings.model import Briefing


@dataclass(frozen=True)
class GuessGroup:
    field: str
    kind: str  # "guessed" or "missing"
    value: object  # what the field holds now (None when missing)
    reason: str  # the commonest message of the group
    paths: tuple[str, ...]


def guess_groups(briefings: list[Briefing] | tuple[Briefing, ...]) -> list[GuessGroup]:
    """Groups, guessed before missing, largest first."""
    groups: dict[tuple, list[tuple[str, str]]] = {}
    for briefing in briefings:
        for warning in briefing.warnings:
            if warning.kind not in ("guessed", "missing"):
                continue
            value = getattr(briefing, warning.field, None) if warning.kind == "guessed" else None
            if isinstance(value, (list, tuple)):
                value = tuple(value)
            groups.setdefault((warning.field, warning.kind, value), []).append((briefing.path, warning.message))
    result = []
    for (field, kind, value), items in groups.items():
        reason = Counter(message for _, message in items).most_common(1)[0][0]
        result.append(GuessGroup(field, kind, value, reason, tuple(sorted({path for path, _ in items}))))
    return sorted(result, key=lambda g: (g.kind != "guessed", -len(g.paths), g.field, str(g.value)))
