"""What the other briefings of a site say about one that names no place: a careful archivist's
reading of a site (ytjgdj.gov.cn: every page that names a city names 烟台). Archive-level
evidence, after every file is read: the briefings of one host whose city stands unguessed (or
was settled in a sidecar) agree, at least SITE_MIN of them and SITE_SHARE of those that name one;
then a briefing of that host that names no place at all takes their city (or, when they agree
on the province only, its province), with a warning that says so. A portal of many cities
(news.sina.com.cn, a province's 妇联) agrees on none and settles nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefings.ingest.extract.hosts import host_of
from briefings.model import Briefing, Warning

SITE_MIN = 3  # briefings of the host that name their place, for any to settle another
SITE_SHARE = 0.9  # of those, the share that names the same one
_UNNAMED = ("unknown: no place named", "unknown: no city named; the outlet is the province's")
_PREFIXES = ("www.", "m.", "wap.")


def settle_by_site(briefings: Sequence[Briefing]) -> list[Briefing]:
    """The briefings, those that name no place settled by their site's others where they agree."""
    by_host: dict[str, list[int]] = {}
    for index, briefing in enumerate(briefings):
        if host := _site(briefing.url):
            by_host.setdefault(host, []).append(index)
    settled = list(briefings)
    for host, members in by_host.items():
        sure = [briefings[i] for i in members if briefings[i].province and not _guessed(briefings[i], "province")]
        if len(sure) < SITE_MIN:
            continue
        cities = Counter(b.city for b in sure if b.city and not _guessed(b, "city"))
        provinces = Counter(b.province for b in sure)
        city, city_count = cities.most_common(1)[0] if cities else (None, 0)
        province, province_count = provinces.most_common(1)[0]
        city_ok = city_count >= SITE_MIN and city_count >= SITE_SHARE * len(sure)
        province_ok = province_count >= SITE_MIN and province_count >= SITE_SHARE * len(sure)
        for i in members:
            if province_ok and _names_no_place(briefings[i]):
                settled[i] = _with_site(briefings[i], host, city if city_ok else None, province,
                                        city_count if city_ok else province_count, len(sure))
    return settled


def _site(url: str | None) -> str:
    host = host_of(url)
    for prefix in _PREFIXES:
        host = host.removeprefix(prefix)
    return host


def _guessed(briefing: Briefing, field: str) -> bool:
    return any(warning.field == field for warning in briefing.warnings)


def _names_no_place(briefing: Briefing) -> bool:
    # not "no place named (too weak: 济南市 …)": a text that names a city, even in passing, is not settled
    return briefing.city is None and any(
        warning.field == "city" and warning.message in _UNNAMED for warning in briefing.warnings)


def _with_site(briefing: Briefing, host: str, city: str | None, province: str, agree: int, named: int) -> Briefing:
    if briefing.province not in (None, province) or (city is None and briefing.province is not None):
        return briefing  # its own province says otherwise, or is all the site would give
    fields = ("city", "province") if city else ("province",)
    said = (f"guessed from the other briefings of its site: {agree} of the {named} on {host} that name "
            f"their place name {city or province}")
    kept = [w for w in briefing.warnings if not (w.field in fields and w.kind == "missing")]
    return replace(briefing, city=city, province=province,
                   warnings=(*kept, *(Warning(field, said) for field in fields)))
