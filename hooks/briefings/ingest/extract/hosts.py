"""What a page's host says about its place: a city's pinyin (suihua.dbw.cn -> 绥化市), a city's
pinyin with a site's suffix (baojidj.gov.cn -> 宝鸡市), a county's pinyin no other place reads
the same (djw.haian.gov.cn -> 海安 -> 南通市), an outlet's host (jsw.com.cn -> 镇江市,
dzwww.com -> 山东省). A reading two places share (fuzhou: 福州 or 抚州) proves nothing alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import urlsplit

from briefings.ingest.extract.gazetteer import CITY, COUNTY, Division, gazetteer
from briefings.ingest.extract.outlets import Outlet, outlet_of_host

# what sites add to their city's pinyin in a host: 党建 (dj), 机关工委 (jggw), 组织部 (zzb) ...
_HOST_SUFFIX = re.compile(r"(?<=[a-z]{4})(?:jgdj|jggw|jgw|dangjian|djw|dj|zzb|news|xw|daily|rb)$")
_HOST_NOISE = frozenset("www m wap gov com cn net org edu news www2 mp".split())  # noqa: SIM905


class HostClue(NamedTuple):
    place: str  # a city's or (for an outlet) a province's full name
    label: str  # what in the host says it
    county: bool  # through a county: weaker than the city's own name
    shared: bool  # a reading other places share: evidence only for a place the text names


def host_clues(url: str | None, outlets: tuple[Outlet, ...] = ()) -> list[HostClue]:
    try:
        host = (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return []
    if not host:
        return []
    clues = []
    outlet = outlet_of_host(host, outlets)
    if outlet:
        clues.append(HostClue(outlet[1], outlet[0], False, False))
    readings, shared = city_pinyin()
    for label in host.split("."):
        if label in _HOST_NOISE:
            continue
        label = _HOST_SUFFIX.sub("", label) if label not in readings else label  # baojidj: 宝鸡 + 党建
        if label in readings:
            clues.append(HostClue(readings[label].name, label, False, False))
        elif label in county_pinyin():  # djw.haian.gov.cn: a county's site, for its prefecture
            clues.append(HostClue(county_pinyin()[label].name, label, True, False))
        clues += [HostClue(city, label, False, True) for city in shared.get(label, ())]
    return clues


@cache
def city_pinyin() -> tuple[Mapping[str, Division], Mapping[str, tuple[str, ...]]]:
    """(pinyin of a city's short name -> the city, shared reading -> the cities sharing it).

    For url hosts: suihua.dbw.cn -> 绥化市. A reading shared by two places (福州/抚州 fuzhou,
    吉林省/吉林市 jilin) proves nothing alone. Built on first use: importing pypinyin takes ~0.2 s.
    """
    from pypinyin import Style, lazy_pinyin

    g = gazetteer()
    readings: dict[str, set[str]] = {}
    for d in g.divisions:
        if d.level != COUNTY and len(d.short_name) >= 2:
            reading = "".join(lazy_pinyin(d.short_name, style=Style.NORMAL))
            place = d.city if d.level == CITY else d.name if d.name in g.cities else "省:" + d.name
            readings.setdefault(reading, set()).add(place)
    unique = {p: g.cities[next(iter(t))] for p, t in readings.items() if len(t) == 1 and next(iter(t)) in g.cities}
    shared = {p: tuple(sorted(t & g.cities.keys())) for p, t in readings.items() if len(t) > 1}
    return MappingProxyType(unique), MappingProxyType(shared)


@cache
def county_pinyin() -> Mapping[str, Division]:
    """Pinyin of a county's short name -> its prefecture, for the readings no other county,
    city or province shares (haian.gov.cn -> 海安 -> 南通市; changning is shared: no entry)."""
    from pypinyin import Style, lazy_pinyin

    g = gazetteer()
    readings: dict[str, set[str]] = {}
    for d in g.divisions:
        if len(d.short_name) >= 2:
            reading = "".join(lazy_pinyin(d.short_name, style=Style.NORMAL))
            readings.setdefault(reading, set()).add(d.adcode if d.level == COUNTY else "not a county:" + d.name)
    by_code = {d.adcode: d for d in g.divisions if d.level == COUNTY and d.city in g.cities}
    return MappingProxyType({
        reading: g.cities[by_code[next(iter(codes))].city]
        for reading, codes in readings.items()
        if len(codes) == 1 and next(iter(codes)) in by_code and len(reading) >= 5
    })
