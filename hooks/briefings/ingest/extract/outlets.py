"""News outlets and their places (ingest/data/outlets.yml, and an archive's own outlets.yml in
the same form): 金山网 and jsw.com.cn print the news of 镇江市, 大众日报 and dzwww.com that of
山东省. An outlet named after its city (济宁新闻网) needs no entry: the gazetteer finds the
city in its name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Outlet:
    place: str  # a city's or a province's full name
    names: tuple[str, ...]
    hosts: tuple[str, ...]


class OutletsError(ValueError):
    """An outlets.yml cannot be used; the message names the file and the entry."""


@cache
def outlets() -> tuple[Outlet, ...]:
    """The outlets the package ships."""
    text = resources.files("briefings.ingest").joinpath("data/outlets.yml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: the same data, 7x sooner
    return parse_outlets(raw, "ingest/data/outlets.yml")


def parse_outlets(raw, source: str) -> tuple[Outlet, ...]:
    """Entries {place, names, hosts}; the place must be a city or province of the gazetteer."""
    from briefings.ingest.extract.gazetteer import gazetteer

    g = gazetteer()
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise OutletsError(f"{source}: expected a list of entries (place, names, hosts), got a {type(raw).__name__}")
    found = []
    for index, entry in enumerate(raw, 1):
        where = f"{source}: entry {index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("place"), str):
            raise OutletsError(f"{where}: needs a place (a city's or province's full name)")
        place = entry["place"]
        if place not in g.cities and place not in g.provinces:
            raise OutletsError(f"{where}: {place!r} is not a city or province of the gazetteer (give its full name)")
        lists = [entry.get(field) or [] for field in ("names", "hosts")]
        if any(not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values)
               for values in lists) or not any(lists):
            raise OutletsError(f"{where} ({place}): names and hosts must be lists of words, one at least")
        found.append(Outlet(place, tuple(v.strip() for v in lists[0]), tuple(v.strip().lower() for v in lists[1])))
    return tuple(found)


@cache
def _names(extra: tuple[Outlet, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    places = {name: outlet.place for outlet in (*outlets(), *extra) for name in outlet.names}
    pattern = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
    return (re.compile(pattern) if pattern else None), places


@cache
def outlet_names(extra: tuple[Outlet, ...] = ()) -> frozenset[str]:
    """The names of the outlets, shipped and the archive's own."""
    return frozenset(name for outlet in (*outlets(), *extra) for name in outlet.names)


def outlets_named(text: str, extra: tuple[Outlet, ...] = ()) -> list[tuple[str, str]]:
    """(outlet name, its place) for every outlet the text names; an archive's own (extra) win."""
    pattern, places = _names(extra)
    return [(match.group(), places[match.group()]) for match in pattern.finditer(text)] if pattern else []


def outlet_of_host(host: str, extra: tuple[Outlet, ...] = ()) -> tuple[str, str] | None:
    """(host, place) when the host is an outlet's or one of its subdomains (cs.rednet.cn)."""
    host = host.lower().rstrip(".")
    best = None
    for outlet in (*outlets(), *extra):
        for known in outlet.hosts:
            if (host == known or host.endswith("." + known)) and (best is None or len(known) > len(best[0])):
                best = (known, outlet.place)
    return best
