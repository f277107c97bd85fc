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
    # in ranks (places in `ordered`) throughout: ints, no record read in the walks below
    rank = {briefing.id: position for position, briefing in enumerate(ordered)}
    ranks_of = {id(members): [rank[b.id] for b in members] for members in (*by_city.values(), *by_program.values())}
    places = {id(members): {r: i for i, r in enumerate(ranks_of[id(members)])} for members in (
        *by_city.values(), *by_program.values())}
    for position, briefing in enumerate(ordered):
        city = by_city.get(briefing.city) if briefing.city else None
        same_city = _nearest_others([(ranks_of[id(city)], places[id(city)])] if city else [], position, set())
        program_lists = [(ranks_of[id(by_program[name])], places[id(by_program[name])]) for name in briefing.programs]
        same_program = _nearest_others(program_lists, position, set(same_city))
        result[briefing.id] = Neighbours(
            previous=ordered[position + 1] if position + 1 < len(ordered) else None,
            next=ordered[position - 1] if position > 0 else None,
            same_city=tuple(ordered[r] for r in same_city),
            same_program=tuple(ordered[r] for r in same_program),
        )
    return result


def _nearest_others(lists: list[tuple[list[int], dict[int, int]]], own: int, exclude: set[int]) -> list[int]:
    """Up to RELATED_LIMIT ranks sharing any of the lists (each ascending, with each rank's
    place), the nearest to own (ties: the newer, the lower), without repeats, ascending; reads
    a few entries around it in each."""
    candidates: set[int] = set()
    for members, place in lists:
        at = place.get(own)
        if at is None:
            continue
        found, newer, older, count = 0, at - 1, at + 1, len(members)
        while found < RELATED_LIMIT and (newer >= 0 or older < count):
            # step to the side whose next member is nearer in time (the newer on a tie)
            if older >= count or (newer >= 0 and own - members[newer] <= members[older] - own):
                other, newer = members[newer], newer - 1
            else:
                other, older = members[older], older + 1
            if other not in exclude:
                candidates.add(other)
                found += 1
    return sorted(sorted(candidates, key=lambda other: (abs(other - own), other))[:RELATED_LIMIT])


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
