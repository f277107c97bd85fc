"""Last guesses at a briefing's city, when the text's evidence settles none: the url host's
initials, where the text or the province agrees (kflz.gov.cn: 开封), and the place of an organ a
lead names without it (市公安局以…为契机), from the one full name the text gives that organ
(《中共桐乡市公安局教育实践活动…安排表》): writers drop their own place in the lead and keep it in
document titles, signatures and party committees. Each carries a warning."""

from __future__ import annotations

import re

from briefings.ingest.extract.gazetteer import COUNTY, gazetteer
from briefings.ingest.extract.hosts import cities_by_initials
from briefings.ingest.extract.place_evidence import GOV_HOST, HOST, Place, Tally
from briefings.ingest.extract.place_words import LOCAL_ORGAN
from briefings.model import Warning


def by_host_initials(place: Place, cities: dict[str, Tally], url: str | None, head: str) -> Place:
    """A city the host's initials spell, when the text also names it (开封 in passing, on
    kflz.gov.cn), or when it is the one city of the province that has them (市政协机关…,
    河南省两会, on jzjgdj.gov.cn: of the cities jz may spell, one is in 河南)."""
    g, spelled = gazetteer(), cities_by_initials(url)
    named = {c for c, t in cities.items() if t.kinds and set(t.kinds) - {HOST, GOV_HOST}}
    if len(agreeing := named & spelled) == 1:
        city = agreeing.pop()
        evidence = cities[city].evidence()
        return Place(city, g.cities[city].province, f"{evidence}; url host initials", (Warning(
            "city", f"guessed from a mention ({evidence}) and the url host's initials, which agree: {city}"),))
    within = [c for c in spelled if g.cities[c].province == place.province]
    if place.province and LOCAL_ORGAN.search(head) and len(within) == 1 and (not named or within[0] in named):
        return Place(within[0], place.province, f"url host initials within {place.province}",
                     (Warning("city", f"guessed from the url host's initials within {place.province}: {within[0]}"),))
    return place


def by_subject_organ(place: Place, lead: str, text: str) -> Place:
    """The city of the lead's unnamed organ, named in full once in the text (within the province
    the text points at, if any), unless the place has a city already."""
    found = None if place.city else named_subject_organ(lead, text)
    if found is None:
        return place
    city, full = found
    province = gazetteer().cities[city].province
    if place.province not in (None, province):
        return place
    return Place(city, province, f"the lead's organ, named in full: {full}", (Warning(
        "city", f"guessed from the full name the text gives the lead's organ ({full}): {city}"),))

# The lead's first clause-bound subject: a level word and an organ, no place before it
# (今年以来，市公安局…; 县审计局党支部…); not 全市/各县 (all of a level) nor 该市.
_UNNAMED = re.compile(
    r"(?:^|[，,。；;：:\s])(?:近日|日前|今年以来|近年来|[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[上下]?午?)?[，,]?"
    r"(?P<level>市|县|区)(?P<organ>[\u4e00-\u9fff]{1,6}?(?:局|委员会|法院|检察院|办公室|档案馆|事务中心))"
)
_LEAD_REACH = 40  # characters of the lead's opening read for its subject
# A partner's or a visited organ (与常德市、益阳市林业局签订…; 赴长沙市林业局学习), not the writer's own
_OTHERS = re.compile(r"(?:与|和|同|及|跟|、|赴|到|向|联合|携手|对标|学习|借鉴|走进|来到|前往)$")


def named_subject_organ(lead: str, text: str) -> tuple[str, str] | None:
    """(city, the full name found) when the lead's unnamed organ is named with one place only."""
    subject = _UNNAMED.search(lead[:_LEAD_REACH])
    if subject is None:
        return None
    level, organ = subject.group("level"), subject.group("organ")
    g, found = gazetteer(), {}
    for start, end, name in g.scanner.scan(text):
        entry = g.names[name]
        if entry.ambiguous or entry.city is None or not (entry.full or entry.level == COUNTY):
            continue
        rest = text[end:end + len(organ) + 1]
        if _OTHERS.search(text, max(0, start - 2), start):
            continue
        if name.endswith(level) and rest.startswith(organ) or rest.startswith(level + organ):
            full = name + (organ if name.endswith(level) else level + organ)
            found.setdefault(entry.city, full)
    return next(iter(found.items())) if len(found) == 1 else None
