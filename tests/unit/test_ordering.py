"""Related briefings (site.ordering): the nearest in time in the briefing's city and programs."""

from __future__ import annotations

from briefings.model import Briefing
from briefings.site.ordering import RELATED_LIMIT, neighbours_of, newest_first_key


def made(number: int, year: int, city: str = "济宁市", programs: tuple[str, ...] = ()) -> Briefing:
    return Briefing(f"b{number}.txt", f"id{number:03d}", f"简报{number}", f"s{number}", city, "山东省", year,
                    f"{year}-06-01", None, None, programs, (), ())


def neighbours(briefings):
    ordered = sorted(briefings, key=newest_first_key)
    by_city, by_program = {}, {}
    for b in ordered:
        by_city.setdefault(b.city, []).append(b)
        for name in b.programs:
            by_program.setdefault(name, []).append(b)
    return neighbours_of(ordered, by_city, by_program)


def years(found) -> list[int]:
    return [b.year for b in found]


def test_related_briefings_are_the_nearest_in_time_newest_first():
    briefings = [made(n, 2005 + n, programs=("党史学习教育",) if n % 2 else ()) for n in range(20)]
    found = neighbours(briefings)
    assert years(found["id010"].same_city) == [2018, 2017, 2016, 2014, 2013]  # 2015: two each side, a tie to the newer
    assert years(found["id019"].same_city) == [2023, 2022, 2021, 2020, 2019]  # the newest: only older ones
    programs = found["id009"].same_program  # nearest in the program, not already listed for the city
    assert all(b.year % 2 == 0 and abs(b.year - 2014) > 2 for b in programs) and len(programs) == RELATED_LIMIT


def test_a_newest_briefing_added_changes_only_its_neighbours_related_briefings():
    briefings = [made(n, 2000 + n, programs=("星级党支部创建",)) for n in range(30)]
    before = neighbours(briefings)
    after = neighbours([*briefings, made(99, 2031, programs=("星级党支部创建",))])
    changed = [b.id for b in briefings if (before[b.id].same_city, before[b.id].same_program)
               != (after[b.id].same_city, after[b.id].same_program)]
    assert 0 < len(changed) <= 2 * RELATED_LIMIT


def test_related_briefings_match_their_definition_on_random_archives():
    """Against the definition itself: the RELATED_LIMIT nearest in time (ties: the newer) of all
    that share the city; then of all that share a program, not the briefing nor those listed."""
    import random

    rng = random.Random(3)
    for _ in range(30):
        briefings = [made(n, rng.randint(2010, 2016), rng.choice(["济宁市", "临沂市", None]),
                          tuple(rng.sample(["甲", "乙", "丙"], rng.randint(0, 3)))) for n in range(rng.randint(1, 60))]
        ordered = sorted(briefings, key=newest_first_key)
        rank = {b.id: place for place, b in enumerate(ordered)}
        found = neighbours(briefings)

        def nearest(briefing, others):
            chosen = sorted(others, key=lambda o: (abs(rank[o.id] - rank[briefing.id]), rank[o.id]))[:RELATED_LIMIT]
            return tuple(sorted(chosen, key=lambda o: rank[o.id]))

        for b in briefings:
            city = [o for o in ordered if b.city and o.city == b.city and o is not b]
            assert found[b.id].same_city == nearest(b, city)
            listed = {o.id for o in found[b.id].same_city}
            program = [o for o in ordered if set(o.programs) & set(b.programs) and o is not b and o.id not in listed]
            assert found[b.id].same_program == nearest(b, program)
