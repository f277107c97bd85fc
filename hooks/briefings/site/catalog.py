"""The catalog: briefings grouped into facets (city, province, year, program, city x year),
with related briefings and previous/next in time. Linear in the number of briefings.

Where a page lives is decided here too (the URL scheme), so every renderer links the same way:

    briefings/<slug>/            one briefing
    cities/                      the city index, grouped by province (#<province-slug>)
    cities/<city>/               a city; cities/unknown/ holds briefings with no known city
    cities/<city>/<year>/        a city in one year
    years/<year>/                a year; years/unknown/ holds briefings with no known year
    programs/<program>/          a program of the vocabulary
    <facet>/page/<n>/            further pages of a long list
    <facet>/feed.xml, atom.xml   feeds of the site, of a city, of a program
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from briefings.model import Briefing
from briefings.site.ordering import Neighbours, neighbours_of, newest_first_key

UNKNOWN_SLUG = "unknown"
UNKNOWN_CITY = "未知城市"
UNKNOWN_YEAR = "年份不详"
UNKNOWN_PROVINCE = "省份不详"

FACET_KINDS = ("city", "year", "program", "city-year")


@dataclass(frozen=True)
class ProgramEntry:
    """A program of the vocabulary, as the catalog needs it."""

    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facet:
    """One facet page: a named group of briefings, newest first."""

    kind: str  # one of FACET_KINDS
    name: str  # shown to readers: 济宁市, 2021, 星级党支部, 济宁市 · 2021
    slug: str  # unique within its kind: jining, 2021, xingji-dangzhibu, jining-2021
    directory: str  # docs-relative folder of its pages, e.g. "cities/jining"
    briefings: tuple[Briefing, ...]
    province: str | None = None  # city and city-year facets
    year: int | None = None  # year and city-year facets
    description: str = ""  # program facets: from the vocabulary
    aliases: tuple[str, ...] = ()  # program facets: other names of the program, for search
    has_feed: bool = False  # cities and programs have their own feeds

    @property
    def count(self) -> int:
        return len(self.briefings)

    @property
    def is_unknown(self) -> bool:
        """The bucket of briefings with no known city or year."""
        return self.slug == UNKNOWN_SLUG and self.kind in ("city", "year")

    @property
    def index_src(self) -> str:
        return f"{self.directory}/index.md"

    def page_src(self, number: int) -> str:
        """The docs path of page `number` (1-based) of this facet's list."""
        return self.index_src if number == 1 else f"{self.directory}/page/{number}/index.md"

    @property
    def rss_src(self) -> str:
        return f"{self.directory}/feed.xml"

    @property
    def atom_src(self) -> str:
        return f"{self.directory}/atom.xml"


@dataclass(frozen=True)
class ProvinceGroup:
    """The cities of one province, as the city index shows them."""

    name: str
    slug: str
    cities: tuple[Facet, ...]


@dataclass(frozen=True)
class Catalog:
    briefings: tuple[Briefing, ...]  # newest first
    cities: tuple[Facet, ...]  # by province, then slug; the unknown city last
    provinces: tuple[ProvinceGroup, ...]
    years: tuple[Facet, ...]  # newest first; the unknown year last
    programs: tuple[Facet, ...]  # vocabulary order, then programs not in it
    city_years: tuple[Facet, ...]
    neighbours: dict[str, Neighbours] = field(repr=False)
    _city_of: dict[str | None, Facet] = field(repr=False)
    _year_of: dict[int | None, Facet] = field(repr=False)
    _program_of: dict[str, Facet] = field(repr=False)
    _city_year_of: dict[tuple[str | None, int], Facet] = field(repr=False)

    def city_facet(self, briefing: Briefing) -> Facet:
        return self._city_of[briefing.city]

    def year_facet(self, briefing: Briefing) -> Facet:
        return self._year_of[briefing.year]

    def program_facet(self, program: str) -> Facet:
        return self._program_of[program]

    def city_year_facet(self, briefing: Briefing) -> Facet | None:
        return self.city_year(briefing.city, briefing.year)

    def city_year(self, city: str | None, year: int | None) -> Facet | None:
        """The facet of a city's (None: the unknown city's) briefings of a year."""
        return self._city_year_of.get((city, year)) if year else None

    def province_group(self, province: str | None) -> ProvinceGroup | None:
        return next((group for group in self.provinces if group.name == province), None)

    @property
    def facets(self) -> tuple[Facet, ...]:
        return self.cities + self.years + self.programs + self.city_years


def briefing_src(briefing: Briefing) -> str:
    return f"briefings/{briefing.slug}.md"


def build_catalog(
    briefings: Iterable[Briefing],
    program_entries: Iterable[ProgramEntry | tuple],
    slugify_name: Callable[[str], str],
) -> Catalog:
    """Group briefings into facets. program_entries: the vocabulary, as ProgramEntry or as
    (name, description[, aliases]) tuples."""
    vocabulary = [
        entry if isinstance(entry, ProgramEntry) else ProgramEntry(*entry) for entry in program_entries
    ]
    ordered = tuple(sorted(briefings, key=newest_first_key))
    by_city: dict[str | None, list[Briefing]] = {}
    by_year: dict[int | None, list[Briefing]] = {}
    by_program: dict[str, list[Briefing]] = {entry.name: [] for entry in vocabulary}
    by_city_year: dict[tuple[str | None, int], list[Briefing]] = {}
    for briefing in ordered:  # lists stay newest first
        by_city.setdefault(briefing.city, []).append(briefing)
        by_year.setdefault(briefing.year, []).append(briefing)
        for program in briefing.programs:
            by_program.setdefault(program, []).append(briefing)
        if briefing.year is not None:
            by_city_year.setdefault((briefing.city, briefing.year), []).append(briefing)

    city_of = {city: _city_facet(city, members, slugify_name) for city, members in by_city.items()}
    cities = tuple(sorted(city_of.values(), key=_city_order))
    year_of = {year: _year_facet(year, members) for year, members in by_year.items()}
    years = tuple(sorted(year_of.values(), key=lambda facet: (facet.year is None, -(facet.year or 0))))
    entry_of = {entry.name: entry for entry in vocabulary}
    program_slug = distinct_slugs([*entry_of, *sorted(set(by_program) - set(entry_of))], slugify_name)
    program_of = {
        name: Facet(
            "program",
            name,
            program_slug[name],
            f"programs/{program_slug[name]}",
            tuple(members),
            description=entry_of[name].description if name in entry_of else "",
            aliases=tuple(entry_of[name].aliases) if name in entry_of else (),
            has_feed=True,
        )
        for name, members in by_program.items()
    }
    known = [entry.name for entry in vocabulary]
    programs = tuple(program_of[name] for name in known) + tuple(
        program_of[name] for name in sorted(set(program_of) - set(known))
    )
    city_year_of = {
        (city, year): _city_year_facet(city_of[city], year, members)
        for (city, year), members in by_city_year.items()
    }
    city_years = tuple(
        sorted(city_year_of.values(), key=lambda facet: (facet.directory.split("/")[1], -(facet.year or 0)))
    )
    for kind, facets in (("city", cities), ("program", programs)):
        _check_unique_slugs(kind, facets)
    _check_unique_briefing_slugs(ordered)
    return Catalog(
        briefings=ordered,
        cities=cities,
        provinces=_province_groups(cities, slugify_name),
        years=years,
        programs=programs,
        city_years=city_years,
        neighbours=neighbours_of(ordered, by_city, by_program),
        _city_of=city_of,
        _year_of=year_of,
        _program_of=program_of,
        _city_year_of=city_year_of,
    )


def year_counts(briefings: Iterable[Briefing]) -> dict[int | None, int]:
    counts: dict[int | None, int] = {}
    for briefing in briefings:
        counts[briefing.year] = counts.get(briefing.year, 0) + 1
    return counts


def distinct_slugs(names: list[str], slugify_name) -> dict[str, str]:
    """A slug per name, in the order given: a name whose slug an earlier one has (清廉机关 and
    青莲机关 are both qinglian-jiguan) gets its own by a short digest of the name, so adding a
    program at the end of programs.yml never moves an earlier program's page."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        slug = slugify_name(name)
        if slug in taken:
            slug = f"{slug}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:6]}"
        slugs[name] = slug
        taken.add(slug)
    return slugs


def _city_facet(city: str | None, members: list[Briefing], slugify_name) -> Facet:
    slug = slugify_name(city) if city else UNKNOWN_SLUG
    province = next((b.province for b in members if b.province), None) if city else None
    return Facet(
        "city", city or UNKNOWN_CITY, slug, f"cities/{slug}", tuple(members), province=province, has_feed=True
    )


def _year_facet(year: int | None, members: list[Briefing]) -> Facet:
    slug = str(year) if year is not None else UNKNOWN_SLUG
    return Facet(
        "year",
        str(year) if year is not None else UNKNOWN_YEAR,
        slug,
        f"years/{slug}",
        tuple(members),
        year=year,
    )


def _city_year_facet(city: Facet, year: int, members: list[Briefing]) -> Facet:
    return Facet(
        "city-year",
        f"{city.name} · {year}",
        f"{city.slug}-{year}",
        f"{city.directory}/{year}",
        tuple(members),
        province=city.province,
        year=year,
    )


def _city_order(facet: Facet) -> tuple:
    return (facet.is_unknown, facet.province is None, facet.province or "", facet.slug)


def _province_groups(cities: tuple[Facet, ...], slugify_name) -> tuple[ProvinceGroup, ...]:
    groups: dict[str | None, list[Facet]] = {}
    for city in cities:
        groups.setdefault(city.province, []).append(city)
    result = [
        ProvinceGroup(
            province or UNKNOWN_PROVINCE, slugify_name(province) if province else UNKNOWN_SLUG, tuple(members)
        )
        for province, members in groups.items()
    ]
    return tuple(sorted(result, key=lambda group: (group.slug == UNKNOWN_SLUG, group.slug)))


def _check_unique_slugs(kind: str, facets: tuple[Facet, ...]) -> None:
    seen: dict[str, str] = {}
    for facet in facets:
        if facet.slug in seen:
            raise ValueError(f"{kind} slug {facet.slug!r} is shared by {seen[facet.slug]} and {facet.name}")
        seen[facet.slug] = facet.name


def _check_unique_briefing_slugs(briefings: tuple[Briefing, ...]) -> None:
    seen: dict[str, str] = {}
    for briefing in briefings:
        if briefing.slug in seen:
            raise ValueError(
                f"briefing slug {briefing.slug!r} is shared by {seen[briefing.slug]} and {briefing.path}"
            )
        seen[briefing.slug] = briefing.path
