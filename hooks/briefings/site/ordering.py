"""Time order and neighbours: briefings newest first (undated ones after the dated, by year),
and what a briefing page links to besides its facets (older/newer, same city, same program)."""

from __future__ import annotations

from dataclasses import dataclass

from briefings.model import Briefing

RELATED_LIMIT = 5


@dataclass(frozen=True)
class Neighbours:
    """What a briefing page links to besides its facets."""

    previous: Briefing | None  # the next older briefing
    next: Briefing | None  # the next newer briefing
    same_city: tuple[Briefing, ...]
    same_program: tuple[Briefing, ...]


def newest_first_key(briefing: Briefing) -> tuple:
    """Newest publication first; undated after the dated ones of their year; then by id.

    The same order as the feeds: a briefing's year here is its publication year when dated.
    """
    date = briefing.date if _is_day(briefing.date) else None
    year = int(date[:4]) if date else briefing.year
    return (year is None, -(year or 0), date is None, _negated(date or ""), briefing.id)


def neighbours_of(ordered, by_city, by_program) -> dict[str, Neighbours]:
    """ordered: every briefing, newest first (newest_first_key); by_city and by_program: lists of
    them in that order."""
    result: dict[str, Neighbours] = {}
    rank = {briefing.id: position for position, briefing in enumerate(ordered)}  # the sort key, computed once
    for position, briefing in enumerate(ordered):
        same_city = _first_others(by_city.get(briefing.city, []) if briefing.city else [], briefing, set())
        program_lists = [by_program[name] for name in briefing.programs]
        same_program = _merged_others(program_lists, briefing, {other.id for other in same_city}, rank)
        result[briefing.id] = Neighbours(
            previous=ordered[position + 1] if position + 1 < len(ordered) else None,
            next=ordered[position - 1] if position > 0 else None,
            same_city=same_city,
            same_program=same_program,
        )
    return result


def _first_others(members: list[Briefing], briefing: Briefing, exclude: set[str]) -> tuple[Briefing, ...]:
    """Up to RELATED_LIMIT members other than the briefing; reads at most a few entries."""
    found: list[Briefing] = []
    for other in members:
        if other.id != briefing.id and other.id not in exclude:
            found.append(other)
            if len(found) == RELATED_LIMIT:
                break
    return tuple(found)


def _merged_others(
    lists: list[list[Briefing]], briefing: Briefing, exclude: set[str], rank: dict[str, int]
) -> tuple[Briefing, ...]:
    """The newest RELATED_LIMIT briefings sharing any of the lists, without repeats."""
    candidates = {other.id: other for members in lists for other in _first_others(members, briefing, exclude)}
    return tuple(sorted(candidates.values(), key=lambda other: rank[other.id])[:RELATED_LIMIT])


def _is_day(value: str | None) -> bool:
    return (
        bool(value)
        and len(value) == 10
        and value[4] == "-"
        and value[7] == "-"
        and (value[:4] + value[5:7] + value[8:]).isdigit()
    )


def _negated(text: str) -> tuple[int, ...]:
    # Descending order on a string inside an ascending sort key.
    return tuple(-ord(char) for char in text)
