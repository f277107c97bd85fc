"""News outlets and their places (ingest/data/outlets.yml): 金山网 and jsw.com.cn print the news
of 镇江市, 大众日报 and dzwww.com that of 山东省. An outlet named after its city (济宁新闻网)
needs no entry: the gazetteer finds the city in its name."""

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


@cache
def outlets() -> tuple[Outlet, ...]:
    raw = yaml.safe_load(resources.files("briefings.ingest").joinpath("data/outlets.yml").read_text("utf-8"))
    return tuple(Outlet(entry["place"], tuple(entry.get("names") or ()), tuple(entry.get("hosts") or ()))
                 for entry in raw)


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    places = {name: outlet.place for outlet in outlets() for name in outlet.names}
    pattern = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
    return re.compile(pattern), places


def outlets_named(text: str) -> list[tuple[str, str]]:
    """(outlet name, its place) for every outlet the text names."""
    pattern, places = _names()
    return [(match.group(), places[match.group()]) for match in pattern.finditer(text)]


def outlet_of_host(host: str) -> tuple[str, str] | None:
    """(host, place) when the host is an outlet's or one of its subdomains (cs.rednet.cn)."""
    host = host.lower().rstrip(".")
    best = None
    for outlet in outlets():
        for known in outlet.hosts:
            if (host == known or host.endswith("." + known)) and (best is None or len(known) > len(best[0])):
                best = (known, outlet.place)
    return best
