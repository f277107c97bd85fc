"""Which city a briefing is about: its own city, not the ones it visits, benchmarks or lists.

Evidence, strongest first: a city named in the title; ownership phrases (济宁市直机关,
菏泽市委市直机关工委); the dateline/lead; site names and local brands (菏泽新闻网, 法治枣庄);
the url host (suihua.dbw.cn); plain mentions in the body. A county counts for its prefecture but
weighs less than the prefecture's own name. Places visited or benchmarked (赴井冈山学习, 对标深圳)
do not count, and anonymised text (x委, X市, 某市) gets no place at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from briefings.ingest.extract.gazetteer import COUNTY, PROVINCE, gazetteer
from briefings.ingest.extract.hosts import cities_by_initials, host_clues, host_of
from briefings.ingest.extract.organ_level import national_organ, provincial_organ
from briefings.ingest.extract.outlets import Outlet, outlet_names, outlets_named
from briefings.ingest.extract.place_evidence import (BODY, GOV_HOST, GUESSES, HOST, LEAD, OWNER, SITE, TITLE,
                                                    WEAK, Place, Tally)
from briefings.ingest.extract.place_guesses import by_host_initials, by_subject_organ
from briefings.ingest.extract.place_words import (AFTER, BEFORE, CITYS_OWN, CJK_RUN, CRUMB, DELEGATION, ESCORTS,
                                                 GO_AFTER, HOLDS, OUT_OF_SCOPE, PROVINCE_FIRST, PUBLISHED_AT,
                                                 SUBJECT_ORGAN, VENUE_AFTER, anonymised_marks)
from briefings.ingest.extract.word_halves import split_across_words
from briefings.ingest.hanzi import to_simplified
from briefings.model import Warning

_MIN_SCORE = 4  # below this (one stray body mention) nothing is claimed
_DOMINANCE = 2  # the winner must score at least twice the runner-up
_BEFORE_WINDOW, _AFTER_WINDOW = 12, 24  # characters of context read around a mention


def find_place(
    *,
    title: str,
    lead: str,
    body: str,
    meta: Sequence[str] = (),
    url: str | None = None,
    source: str | None = None,
    outlets: tuple[Outlet, ...] = (),
) -> Place:
    """The briefing's own city and province, with the evidence and any doubts."""
    title, lead, body = to_simplified(title or ""), to_simplified(lead or ""), to_simplified(body or "")
    cities: dict[str, Tally] = defaultdict(Tally)
    provinces: dict[str, Tally] = defaultdict(Tally)
    visited: set[str] = set()  # cities the lead goes to (赴莆田市开展实地践学): the body describes the visit
    for section, text in [("title", title), ("lead", lead), ("body", body), ("source", to_simplified(source or ""))]:
        _collect(section, text, cities, provinces, outlets, visited)
    for line in meta:
        _collect("meta", to_simplified(line or ""), cities, provinces, outlets)
    _collect_host(url, cities, provinces, outlets)
    _collect_outlets("\n".join([title, lead, to_simplified(source or ""), *map(to_simplified, meta)]),
                     cities, provinces, outlets)

    marks = anonymised_marks(f"{title}\n{lead}\n{body}")
    if marks and not any(TITLE in t.kinds for t in cities.values()):
        reason = f"the text is anonymised ({'、'.join(marks[:4])}): its own place is hidden"
        return _missing(reason, None, "anonymised")
    national = national_organ(title, lead)
    if national:
        return _missing(f"about a national organ ({national}), not a city's or a province's", None, "")
    organ = provincial_organ(title, lead)
    if organ:
        return _provincial(organ, cities, provinces, f"{title}\n{lead}\n{body}")
    place = _decide(cities, provinces, marks)
    if place.city is None and not marks:  # last guesses, each with its warning
        guess = by_subject_organ(by_host_initials(place, cities, url, f"{title}\n{lead}"), lead, f"{title}\n{lead}\n{body}")
        # the host's initials, if they spell cities, agree with the one named in passing or leave it blank
        place = guess if guess.city or cities_by_initials(url) or not place.fallback else place.fallback
    return place


def _provincial(organ: str, cities: dict[str, Tally], provinces: dict[str, Tally], text: str) -> Place:
    """A briefing about a province's organs has no city; its province is the one it names, or
    the one its cities (venues, visits) and its outlet lie in."""
    reason = f"about a province-level organ ({organ}), not a city's"
    province, tally = _dominant_province(provinces)
    if province:
        return _missing(reason, province, tally.evidence())
    g = gazetteer()
    named = {g.cities[c].province for c, t in cities.items() if t.kinds and t.score >= _MIN_SCORE}
    named |= {p for p, t in provinces.items() if t.kinds}
    if not named:  # 会议在济南召开: a venue does not own the story, but it lies in the province
        g_hits = (g.names[found] for _, _, found in g.scanner.scan(text))
        named = {e.province for e in g_hits if not e.ambiguous and (e.full or e.level != COUNTY)
                 and e.province not in OUT_OF_SCOPE}
    if len(named) == 1:
        province = named.pop()
        return _missing(reason, province, f"the province of what it names: {province}")
    return _missing(reason + (f"; it names places in {'、'.join(sorted(named))}" if named else ""), None, "")


def _collect_outlets(text: str, cities: dict[str, Tally], provinces: dict[str, Tally], outlets=()) -> None:
    """金山讯, 大众日报: an outlet's name points at its place (a city, or only a province)."""
    g = gazetteer()
    for name, place in outlets_named(text, outlets):
        if place in g.cities:
            cities[place].add(SITE, name, county=False)
        else:
            provinces[place].add(SITE, name, county=False)


def _collect(section: str, text: str, cities: dict[str, Tally], provinces: dict[str, Tally],
             outlets: tuple[Outlet, ...] = (), visited: set[str] | None = None) -> None:
    """Classify every place name in one section and add it to the tallies."""
    if not text:
        return
    g = gazetteer()
    # a crumb (首页 > 济宁新闻) or a stamp ending where the page was published names the site's place
    crumb = section == "meta" and bool(CRUMB.search(text) or PUBLISHED_AT.search(text))
    hits, title_city = g.scanner.scan(text), None
    subject_open = section == "lead"  # the lead's first place may be named with its organ
    known_outlets = outlet_names(outlets)
    for i, (start, end, found) in enumerate(hits):
        entry = g.names[found]
        if entry.level == PROVINCE and not entry.full and CITYS_OWN.match(text, end):
            same = g.names.get(found + "市")  # 吉林全市法院, 吉林中院: 吉林市's, not 吉林省's
            entry = same if same is not None and same.city and same.level != COUNTY else entry
        if entry.ambiguous or (entry.city is None and entry.level != PROVINCE) or entry.province in OUT_OF_SCOPE or (
                not entry.full and split_across_words(text, start, end)):
            continue  # (隆重庆祝 holds 重庆 across two words)
        tally = provinces[entry.province] if entry.city is None else cities[entry.city]
        if section == "body" and tally.saturated:
            continue
        # A name followed at once by another (北京市朝阳区委, 济宁市曲阜市直机关) shares its context.
        following = i + 1
        while following < len(hits) and hits[following][0] == end:
            end, following = hits[following][1], following + 1
        reach = hits[following][0] if following < len(hits) else len(text)
        limit = min(end + _AFTER_WINDOW, reach)
        kind, snippet = _classify(section, text, start, end, limit, crumb)
        first_in_lead = subject_open and kind is not None and entry.city is not None
        subject_open = subject_open and (kind is None or entry.city is None)  # 湖南民生在线讯…双峰县粮食局召开
        if kind == OWNER and following < len(hits) and DELEGATION.match(text, end, reach):
            continue  # its organ's delegation visits the next place named
        if entry.level == COUNTY and text.startswith(("中院", "中级人民法院", "市中院", "市中级"), end):
            continue  # only a prefecture has an intermediate court: 巴州中院 is 巴音郭楞's, not 巴州区's
        if kind == SITE and snippet in known_outlets:
            continue  # 天山网 is 新疆's outlet (outlets.yml says so), not 乌鲁木齐's 天山区
        # A bare county short name is too often part of a word (创建水平 has 建水, 搭建平台 has 建平,
        # 共和国 has 共和): it counts only in a site's name or an organ's name, in the title too.
        if kind is None:
            if section == "lead" and entry.city and visited is not None and _visits(text, start, end, limit):
                visited.add(entry.city)
            continue
        if section == "body" and kind in (BODY, OWNER) and visited and entry.city in visited:
            kind = WEAK
        if entry.level == COUNTY and not entry.full and kind in (TITLE, LEAD, BODY, WEAK):
            subject = (kind == TITLE and start == 0 and text[end:end + 1] in ("：", ":", " ")  # 海安：…
                       # 昨日，南安召开市直机关…: the county holds the meeting
                       or kind in (TITLE, LEAD) and (start == 0 or text[start - 1] in "，,。\n")
                       and HOLDS.match(text, end) is not None)
            if not subject and (kind != TITLE or _classify("lead", text, start, end, limit, crumb)[0] not in (OWNER, SITE)):
                continue
        if kind == TITLE and entry.city is None and PROVINCE_FIRST.match(text, end):
            kind = LEAD
        if kind == TITLE and entry.city:  # headlines name their subject first (菏泽：学习济宁经验)
            kind = LEAD if title_city not in (None, entry.city) else kind
            title_city = title_city or entry.city
        if kind == LEAD and first_in_lead and (organ := SUBJECT_ORGAN.match(text, end, limit)) \
                and not ESCORTS.match(text, organ.end()):  # 德阳市退役军人事务局局长…陪同: the host, not the subject
            tally.add(OWNER, text[start:organ.end()], county=entry.level == COUNTY)
        tally.add(kind, snippet, county=entry.level == COUNTY)


def _visits(text: str, start: int, end: int, limit: int) -> bool:
    before = BEFORE.search(text, max(0, start - _BEFORE_WINDOW), start)
    return bool(before and (before.lastgroup == "visit" or before.lastgroup == "go" and GO_AFTER.match(text, end, limit)))


def _classify(section: str, text: str, start: int, end: int, limit: int, crumb: bool) -> tuple[str | None, str]:
    """What one mention says about ownership: an evidence kind, or None if it must not count.

    The context after a mention ends at the next place name (limit), so in 济宁市委…欢迎枣庄市
    考察团来我市 the delegation is 枣庄's, not 济宁's.
    """
    name = text[start:end]
    before = BEFORE.search(text, max(0, start - _BEFORE_WINDOW), start)
    after = AFTER.match(text, end, limit)
    context = after.lastgroup if after else None
    if context in ("person", "visitor", "office", "heritage", "street") or (before and before.lastgroup == "visit"):
        return None, name
    if before and before.lastgroup == "go" and GO_AFTER.match(text, end, limit):
        return None, name
    if before and before.lastgroup == "venue" and VENUE_AFTER.match(text, end, limit):
        return None, name
    if context == "institution":
        return WEAK, name
    if section == "title":
        return TITLE, name
    if section == "source":
        return SITE, name
    if context == "site":
        return SITE, name + after.group()
    if context == "owner":
        return OWNER, name + CJK_RUN.match(text, end, end + 8).group()
    if before and before.lastgroup == "brand":
        return SITE, before.group() + name
    if section == "meta":
        return (SITE, name) if crumb else (None, name)
    return (LEAD if section == "lead" else BODY), name


def _collect_host(url: str | None, cities: dict[str, Tally], provinces: dict[str, Tally], outlets=()) -> None:
    g, clues = gazetteer(), host_clues(url, outlets)
    government = host_of(url).endswith(".gov.cn")
    for clue in clues:
        if not clue.shared:
            kind = GOV_HOST if government and not clue.county and clue.place in g.cities and "." not in clue.label \
                and not clue.label.startswith("/") else HOST
            (cities if clue.place in g.cities else provinces)[clue.place].add(kind, clue.label, county=clue.county)
    # fuzhou (福州 or 抚州), yangxin (阳新 or 阳信): the one the text names, or the one of a province
    # the text or the host names (m-yangxin.cjyun.org: 长江云 is 湖北's)
    named = {p for p, t in provinces.items() if t.kinds}
    shared = [clue for clue in clues if clue.shared]
    for clue in shared:
        in_province = [c for c in shared if c.label == clue.label and g.cities[c.place].province in named]
        if (clue.place in cities and cities[clue.place].kinds) or in_province == [clue]:
            cities[clue.place].add(HOST, clue.label, county=clue.county)


def _decide(cities: dict[str, Tally], provinces: dict[str, Tally], marks: list[str]) -> Place:
    g = gazetteer()
    # a host alone (a mirror's sxjiexiu.cn) says nothing against a province the text names (内蒙古)
    named = {p for p, t in provinces.items() if set(t.kinds) - {HOST, GOV_HOST}}
    found = [(c, t) for c, t in cities.items() if t.kinds and not (
        named and set(t.kinds) <= {HOST, GOV_HOST} and g.cities[c].province not in named)]
    ranked = sorted(found, key=lambda item: item[1].score, reverse=True)
    warnings = [Warning("city", f"the text also contains anonymised places ({'、'.join(marks[:4])})")] if marks else []
    province, province_tally = _dominant_province(provinces)
    if province and ranked and province_tally.best == TITLE and ranked[0][1].best != TITLE and not _locates(
            province_tally, ranked[0][0]):
        ranked = []  # a headline 湖北省直机关工委召开… is about the province, not the cities taking part
    if ranked and ranked[0][1].score >= _MIN_SCORE:
        city, tally = ranked[0]
        runner_up = ranked[1][1].score if len(ranked) > 1 else 0
        if tally.score >= _DOMINANCE * runner_up:
            warnings.extend(_doubts(city, tally))
            return Place(city, g.cities[city].province, tally.evidence(), tuple(warnings))
        contenders = [(c, t) for c, t in ranked if t.score * _DOMINANCE > tally.score]
        listed = "; ".join(f"{c} ({t.evidence()})" for c, t in contenders)
        shared = {g.cities[c].province for c, _ in contenders}
        province = shared.pop() if len(shared) == 1 else None  # all in one province: that is sure
        evidence = f"cities of {province}" if province else ""
        return _missing(f"several cities, none dominant: {listed}", province, evidence, warnings)
    if province:
        return _missing("no city named, only the province", province, province_tally.evidence(), warnings)
    outlet = [(p, t) for p, t in provinces.items() if t.kinds and t.best in (SITE, HOST)]
    if len(outlet) == 1 and not ranked:
        province, tally = outlet[0]
        return _missing("no city named; the outlet is the province's", province, tally.evidence(), warnings)
    named = [(p, t) for p, t in provinces.items() if t.kinds]
    if len(named) == 1 and not ranked and not marks:  # 辽宁省各级机关…, and no other place: its organs
        province, tally = named[0]
        return _missing("no city named, only the province, in passing", province, tally.evidence(), [
            *warnings, Warning("province", f"guessed from the only place the text names ({tally.evidence()})")])
    weak = "; ".join(f"{c} ({t.evidence()})" for c, t in ranked)
    # the only place a text names, in passing ("为开封更加出彩", 巢湖市卫健委): its province, and its
    # city as a last guess (ten right in eleven on the real development half), unless the lead visits it
    if len(ranked) == 1 and not marks and not any(tally.kinds for tally in provinces.values()):
        city, tally = ranked[0]
        guess = f"guessed from the only city the text names, in passing ({weak})"
        fallback = Place(city, g.cities[city].province, weak, (*warnings, Warning("city", guess)))
        missing = _missing(f"no place named (too weak: {weak})", g.cities[city].province, f"the province of {city}",
                           [*warnings, Warning("province", guess)])
        return replace(missing, fallback=fallback) if tally.best == BODY else missing
    return _missing(f"no place named{' (too weak: ' + weak + ')' if weak else ''}", None, "", warnings)


def _locates(province: Tally, city: str) -> bool:
    """Whether the title names the province only to place one of the city's counties or the city
    itself ("江苏赣榆地税：…" is about 赣榆, of 连云港, not about 江苏's organs)."""
    g = gazetteer()
    return any(g.names[found].city == city and not g.names[found].ambiguous
               for snippet in province.kinds.get(TITLE, ()) for _, _, found in g.scanner.scan(snippet))


def _dominant_province(provinces: dict[str, Tally]) -> tuple[str | None, Tally]:
    """A province that is the subject (山东省直机关, a province in the title or lead)."""
    strong = [(p, t) for p, t in provinces.items() if t.kinds and t.best in (TITLE, OWNER, LEAD)]
    ranked = sorted(strong, key=lambda item: item[1].score, reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0][1].score >= _DOMINANCE * ranked[1][1].score):
        return ranked[0]
    return None, Tally()


def _doubts(city: str, tally: Tally) -> list[Warning]:
    """Say so when the city rests on weak evidence only."""
    if tally.county_only:
        counties = "、".join(dict.fromkeys(s for snippets in tally.kinds.values() for s in snippets))
        return [Warning("city", f"guessed from a county only: {counties} -> {city}")]
    if tally.best in GUESSES:
        return [Warning("city", f"guessed from {GUESSES[tally.best]} ({tally.evidence()})")]
    return []


def _missing(reason: str, province: str | None, evidence: str, warnings: Sequence[Warning] = ()) -> Place:
    found = [*warnings, Warning("city", f"unknown: {reason}")]
    if province is None:
        found.append(Warning("province", f"unknown: {reason}"))
    return Place(None, province, evidence, tuple(found))


