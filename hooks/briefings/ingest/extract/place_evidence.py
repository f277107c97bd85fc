"""The evidence for one place a briefing names: what kinds of mention it has (a title, an
organ's name, the lead, a site's name, the url host, the body), and the score they add up to.
places.py weighs one place's tally against another's."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from briefings.model import Warning

# Evidence kinds, strongest first: (weight of one mention, how many mentions count at most).
TITLE, OWNER, LEAD, SITE, HOST, BODY, WEAK = "title", "ownership", "lead", "site", "url host", "body", "weak"
GOV_HOST = "url host (government)"  # the city's own government domain (zx.changzhou.gov.cn): its organs' site
WEIGHTS = {TITLE: (100, 1), OWNER: (30, 3), LEAD: (20, 2), GOV_HOST: (20, 1), SITE: (12, 3), HOST: (10, 1),
           BODY: (2, 10), WEAK: (0.5, 4)}
_ORDER = list(WEIGHTS)
GUESSES = {SITE: "a site name only", GOV_HOST: "the url host only", HOST: "the url host only", BODY: "body mentions only", WEAK: "incidental mentions only"}
_COUNTY_FACTOR = 0.4  # a county points at its prefecture, but less surely than the prefecture's name
_COUNTY_OWNER_FACTOR = 1.0  # ... the more surely when its own organs are the story's (垦利区直机关工委)


@dataclass
class Tally:
    """Evidence gathered for one city (or one province)."""

    kinds: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    county_only: bool = True
    saturated: bool = False  # more body mentions cannot change the score: skip them (speed)

    def add(self, kind: str, snippet: str, county: bool) -> None:
        self.kinds[kind].append(snippet)
        self.county_only &= county
        if kind in (OWNER, SITE, BODY):
            self.saturated = all(len(self.kinds.get(k, ())) >= WEIGHTS[k][1] for k in (OWNER, SITE, BODY))

    @property
    def score(self) -> float:
        total = sum(WEIGHTS[k][0] * min(len(s), WEIGHTS[k][1]) for k, s in self.kinds.items())
        factor = _COUNTY_OWNER_FACTOR if OWNER in self.kinds else _COUNTY_FACTOR
        return total * (factor if self.county_only else 1)

    @property
    def best(self) -> str:
        return min(self.kinds, key=_ORDER.index)

    def evidence(self) -> str:
        snippets = self.kinds[self.best]
        distinct = "、".join(list(dict.fromkeys(snippets))[:2])
        return f"{self.best}: {distinct}" + (f" (×{len(snippets)})" if len(snippets) > 1 else "")


@dataclass(frozen=True)
class Place:
    city: str | None
    province: str | None
    evidence: str  # short human string for the archivist, e.g. "title: 驻马店"
    warnings: tuple[Warning, ...] = ()
    fallback: Place | None = None  # a weaker guess, taken when the last guesses find nothing better
