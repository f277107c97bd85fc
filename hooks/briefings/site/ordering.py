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
    them in that order. A briefing's related ones are those nearest to it in time in its city and
    programs, not the newest of them: a briefing added (mostly the newest) changes the pages of its
    few neighbours in time, not every page of its city and programs (7,000 pages of 10,000 for a
    briefing of three common programs), and a reader of a 2015 briefing sees others of about 2015."""
    result: dict[str, Neighbours] = {}
    rank = {briefing.id: position for position, briefing in enumerate(ordered)}  # the sort key, computed once
    places = {id(members): {b.id: i for i, b in enumerate(members)} for members in (*by_city.values(),
                                                                                    *by_program.values())}
    for position, briefing in enumerate(ordered):
        city = by_city.get(briefing.city, []) if briefing.city else []
        same_city = _nearest_others([(city, places[id(city)] if city else {})], briefing, set(), rank)
        program_lists = [(by_program[name], places[id(by_program[name])]) for name in briefing.programs]
        same_program = _nearest_others(program_lists, briefing, {other.id for other in same_city}, rank)
        result[briefing.id] = Neighbours(
            previous=ordered[position + 1] if position + 1 < len(ordered) else None,
            next=ordered[position - 1] if position > 0 else None,
            same_city=same_city,
            same_program=same_program,
        )
    return result


def _nearest_others(lists: list[tuple[list[Briefing], dict[str, int]]], briefing: Briefing, exclude: set[str],
                    rank: dict[str, int]) -> tuple[Briefing, ...]:
    """Up to RELATED_LIMIT briefings sharing any of the lists, the nearest to the briefing in time
    (ties: the newer), without repeats, newest first. A list is in time order, so the nearest of
    it on each side are next to the briefing: a few entries around it are read, no more."""
    own = rank[briefing.id]
    reach = RELATED_LIMIT + len(exclude)  # enough on each side when all the excluded are there
    candidates: dict[str, Briefing] = {}
    for members, place in lists:
        at = place.get(briefing.id)
        if at is None:
            continue
        for other in (*members[max(0, at - reach):at], *members[at + 1:at + 1 + reach]):
            if other.id not in exclude:
                candidates[other.id] = other
    placed = sorted((abs(rank[other_id] - own), rank[other_id], other_id) for other_id in candidates)
    return tuple(candidates[other_id] for _, _, other_id in sorted(placed[:RELATED_LIMIT], key=lambda p: p[1]))


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
