"""What a page's host says about its place: a city's pinyin (suihua.dbw.cn -> 绥化市), a city's
pinyin with a site's suffix (baojidj.gov.cn -> 宝鸡市), a county's pinyin no other place reads
the same (djw.haian.gov.cn -> 海安 -> 南通市), an outlet's host (jsw.com.cn -> 镇江市,
dzwww.com -> 山东省), a portal's folder named for a city or county (yybnet.net/maanshan/), a
city's initials (kflz.gov.cn: 开封 among others). A reading two places share (fuzhou: 福州 or
抚州) proves nothing alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import urlsplit

from briefings.ingest.extract.gazetteer import CITY, COUNTY, PROVINCE, Division, gazetteer
from briefings.ingest.extract.outlets import Outlet, outlet_of_host

# what sites add to their city's pinyin in a host: 党建 (dj), 机关工委 (jggw), 组织部 (zzb), 政协 (zx), 网 (wang),
# a court's or procuratorate's (court, fy, jcy) ...
_HOST_SUFFIX = re.compile(r"(?<=[a-z]{4})(?:jgdj|jggw|jgw|dangjian|djw|dj|zzb|news|xw|daily|rb|zx|wang|court|fy|jcy)$")
_HOST_NOISE = frozenset("www m wap gov com cn net org edu news www2 mp".split())  # noqa: SIM905
# a bureau's initials as its subdomain (zjj.huainan.gov.cn: 住建局, not 张家界): the city is further right
_BUREAUS = frozenset("zjj mzj rsj czj jyj gaj sfj tjj sjj swj slj lyj nyj wjw fgw gxj hbj yjj ybj xfj jgj gjj "
                     "zrzyj sthjj scjgj tyjrj wlj kjj whj jtj jtysj sxj zgj qxj dzj".split())


# a city's initials, then digits or a site's initials: lyg01, sjzxww (新闻网), xxrb (日报),
# zjkwmw (文明网), ...jgdj (机关党建), hhhtzx (政协), hhhttzb (统战部), qhdzy (中院), ...fy (法院), ...jcy (检察院)
_INITIALS_SUFFIX = re.compile(r"(?<=[a-z]{3})(?:xww|xw|rb|dj|news|wmw|jgdj|jggw|djw|zzb|tzb|xcb|zx|zy|fy|jcy)$")


class HostClue(NamedTuple):
    place: str  # a city's or (for an outlet) a province's full name
    label: str  # what in the host says it
    county: bool  # through a county: weaker than the city's own name
    shared: bool  # a reading other places share: evidence only for a place the text names


def host_of(url: str | None) -> str:
    """The address's host, lower-case; "" for none or a broken one ("http://[abc/x")."""
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def host_clues(url: str | None, outlets: tuple[Outlet, ...] = ()) -> list[HostClue]:
    host = host_of(url)
    if not host:
        return []
    clues = []
    outlet = outlet_of_host(host, outlets)
    if outlet:
        clues.append(HostClue(outlet[1], outlet[0], False, False))
    readings, shared = city_pinyin()
    labels = re.split(r"[.-]", host)  # m-yangxin.cjyun.org
    for position, label in enumerate(labels):
        if label in _HOST_NOISE or (label in _BUREAUS and position < len(labels) - 3):
            continue
        label = _HOST_SUFFIX.sub("", label) if label not in readings else label  # baojidj: 宝鸡 + 党建
        if label in readings:
            clues.append(HostClue(readings[label].name, label, False, False))
        elif label in county_pinyin():  # djw.haian.gov.cn: a county's site, for its prefecture
            clues.append(HostClue(county_pinyin()[label].name, label, True, False))
        elif (letters := _INITIALS_SUFFIX.sub("", label.rstrip("0123456789"))) in city_initials():  # lyg01.net
            clues.append(HostClue(city_initials()[letters].name, label, False, False))
        elif (after := _after_province_initials(label)) is not None:  # lnzhuanghe: 辽宁 + 庄河
            clues.append(HostClue(after[0].name, label, after[1], False))
        elif (area := _area_and_county_initials(label, host.endswith(".gov.cn"))) is not None:  # hhlc: 红河 绿春
            clues.append(HostClue(area[0].name, label, area[1], False))
        clues += [HostClue(city, label, False, True) for city in shared.get(label, ())]
        clues += [HostClue(city, label, True, True) for city in shared_county_pinyin().get(label, ())]
    clues += _path_clues(url, host, readings)
    return clues + _shared_settled(clues, labels)


def _shared_settled(clues: list[HostClue], labels: list[str]) -> list[HostClue]:
    """A reading two places share, settled by another label that opens with the initials of one
    of them only: tongguan.wndjlm.org.cn is 潼关 (渭南, wn), not 铜官 (铜陵)."""
    g = gazetteer()
    shared = {clue.place: clue for clue in clues if clue.shared and clue.place in g.cities}
    settled = {place for place in shared for label in labels if label != shared[place].label
               and len(initials := _initials(g.cities[place].short_name)) >= 2 and label.startswith(initials)
               and label not in _HOST_NOISE}
    if len(settled) != 1:
        return []
    clue = shared[settled.pop()]
    return [HostClue(clue.place, clue.label, clue.county, False)]


def _after_province_initials(label: str) -> tuple[Division, bool] | None:
    """(the city, whether through a county) of a host that spells a province's initials and
    then a county's or city's reading, or a city's initials, of that province: lnzhuanghe.jcy.gov.cn
    -> 庄河 -> 大连市."""
    for size in (2, 3):
        prefix, rest = label[:size], label[size:]
        county = county_pinyin().get(rest)
        city = county or city_pinyin()[0].get(rest) or city_initials().get(rest)  # kjj.gzlps: 贵州 + 六盘水
        if city is not None and prefix in _province_initials().get(city.province, ()):
            return city, county is not None
    return None


def _area_and_county_initials(label: str, government: bool) -> tuple[Division, bool] | None:
    """(the prefecture, whether through a county) of the one prefecture or county whose initials
    follow those of its province or prefecture, then an organ's initials or, on a government
    host, nothing (letters spell too much by chance for other hosts): jsycjw.gov.cn is 江苏 +
    盐城 + 纪委, hhlc.gov.cn 红河 + 绿春, cqszx 重庆 + 石柱县."""
    found = _AREA_COUNTY.fullmatch(label)
    if found is None or not (government or found.group(2)):
        return None
    letters, table = found.group(1), _initials_in_areas()
    # not what reads as an organ (zzlz: 廉政, not 潞州) or as 省直/市直 (ahszdj: 安徽省直, not 宿州)
    places = {place for size in (2, 3) if letters[size:] not in _ORGAN_INITIALS | {"sz"}
              for place in table.get((letters[:size], letters[size:]), ())}
    if len({city for city, _ in places}) != 1:
        return None
    city = next(iter(places))[0]
    return gazetteer().cities[city], all(county for _, county in places)


_ORGAN_SUFFIX = "jw|jwjw|dj|jgdj|jggw|zzb|rd|zx|fy|jcy|gh|fl|tw"  # 纪委, 党建, 机关工委, 组织部, 人大, 政协 ...
_AREA_COUNTY = re.compile(rf"([a-z]{{4,6}}?)({_ORGAN_SUFFIX})?")
_LEVEL_LETTER = {"县": "x", "区": "q", "市": "s", "旗": "q"}
_ORGAN_INITIALS = frozenset(_ORGAN_SUFFIX.split("|")) | {"lz", "sw", "dw", "xw", "rb", "djw", "xww"}


@cache
def _initials_in_areas() -> Mapping[tuple[str, str], frozenset[tuple[str, bool]]]:
    """(initials of a province or a prefecture, initials of a prefecture or county in it) ->
    (the prefecture, whether it is a county's) for every place they spell (zj + hz: 杭州 and
    湖州, so nothing). Names as they are read, not their characters' other readings (长治 is
    cz, not zz)."""
    g, table = gazetteer(), {}
    for d in g.divisions:
        if d.level in (COUNTY, CITY) and d.city in g.cities and len(d.short_name) >= 2:
            county = d.level == COUNTY
            areas = {_initials(g.cities[d.city].short_name)} if county else set()
            own = _initials(d.short_name)
            spelled = {own, own + _LEVEL_LETTER.get(d.name[-1], "")} if county else {own}  # cqszx: 石柱县
            for area in areas | {_initials(g.provinces[d.province].short_name)}:
                for letters in spelled:
                    table.setdefault((area, letters), set()).add((d.city, county))
    return MappingProxyType({key: frozenset(places) for key, places in table.items()})


@cache
def _province_initials() -> Mapping[str, frozenset[str]]:
    g = gazetteer()
    return MappingProxyType({d.name: frozenset(_readings(d.short_name, initials=True))
                             for d in g.divisions if d.level == PROVINCE})


def _path_clues(url: str, host: str, readings: Mapping[str, Division]) -> list[HostClue]:
    """A portal's folder named for a city or a county: yybnet.net/maanshan/news/…, he-bei.cn/diqu/shijiazhuang/…
    (full readings of five letters or more, that no other place shares: /xian/ may be a county's)."""
    try:
        folders = urlsplit(url).path.lower().split("/")[1:-1]
    except ValueError:
        return []
    counties = county_pinyin()
    # a mirror keeps the copied site's host as a folder: 767365.xyz/wwwtaiyuan/… copies www.taiyuan…
    folders = [folder[3:] if folder.startswith("www") and folder[3:] in readings else folder for folder in folders]
    return [HostClue(readings[folder].name, f"/{folder}/", False, False) if folder in readings else
            HostClue(counties[folder].name, f"/{folder}/", True, False)  # abcjf.cn/html/news/taixing/: 泰兴
            for folder in dict.fromkeys(folders)
            if len(folder) >= 5 and (folder in readings or folder in counties) and folder not in host]


@cache
def city_pinyin() -> tuple[Mapping[str, Division], Mapping[str, tuple[str, ...]]]:
    """(pinyin of a city's short name -> the city, shared reading -> the cities sharing it).

    For url hosts: suihua.dbw.cn -> 绥化市. A reading shared by two places (福州/抚州 fuzhou,
    吉林省/吉林市 jilin) proves nothing alone. Built on first use: importing pypinyin takes ~0.2 s.
    """
    g = gazetteer()
    readings: dict[str, set[str]] = {}
    for d in g.divisions:
        if d.level != COUNTY and len(d.short_name) >= 2:
            place = d.city if d.level == CITY else d.name if d.name in g.cities else "省:" + d.name
            readings.setdefault(_reading(d.short_name), set()).add(place)
    unique = {p: g.cities[next(iter(t))] for p, t in readings.items() if len(t) == 1 and next(iter(t)) in g.cities}
    shared = {p: tuple(sorted(t & g.cities.keys())) for p, t in readings.items() if len(t) > 1}
    return MappingProxyType(unique), MappingProxyType(shared)


def county_pinyin() -> Mapping[str, Division]:
    """Pinyin of a county's short name -> its prefecture, for the readings no other county,
    city or province shares (haian.gov.cn -> 海安 -> 南通市; changning is shared: no entry)."""
    return _county_readings()[0]


def shared_county_pinyin() -> Mapping[str, tuple[str, ...]]:
    """Pinyin shared by counties of two or more prefectures and by nothing else -> those
    prefectures (yangxin: 阳新, 黄石市, and 阳信, 滨州市): evidence only with the text's help."""
    return _county_readings()[1]


@cache
def _county_readings() -> tuple[Mapping[str, Division], Mapping[str, tuple[str, ...]]]:
    g = gazetteer()
    readings: dict[str, set[str]] = {}
    for d in g.divisions:
        if len(d.short_name) >= 2:
            owner = d.adcode if d.level == COUNTY else "not a county:" + d.name
            for reading in {_reading(d.short_name), *(_readings(d.short_name) if d.level == COUNTY else ())}:
                readings.setdefault(reading, set()).add(owner)
    by_code = {d.adcode: d for d in g.divisions if d.level == COUNTY and d.city in g.cities}
    unique, shared = {}, {}
    for reading, codes in readings.items():
        if len(reading) < 5 or reading in _WEB_WORDS or not codes <= by_code.keys():
            continue
        cities = sorted({by_code[code].city for code in codes})
        if len(cities) == 1 and len(codes) == 1:
            unique[reading] = g.cities[cities[0]]
        elif len(cities) > 1:
            shared[reading] = tuple(cities)
    return MappingProxyType(unique), MappingProxyType(shared)


@cache
def city_initials() -> Mapping[str, Division]:
    """Initials of a city's short name, three letters or more, when no other place shares them
    (lyg01.net -> 连云港市; sjz -> 石家庄市; xy is 信阳, 咸阳, 襄阳 ...: no entry)."""
    g = gazetteer()
    owners: dict[str, set[str]] = {}
    for d in g.divisions:
        if len(d.short_name) >= 2:
            for reading in _readings(d.short_name, initials=True):
                owners.setdefault(reading, set()).add(d.city if d.level == CITY and d.city else "other:" + d.adcode)
    # a city's own initials are those of how its name is read (石嘴山: szs); its characters' other
    # readings (石 as dàn: dzs) only keep other places from claiming initials it might share
    return MappingProxyType({
        letters: g.cities[next(iter(places))] for letters, places in owners.items()
        if len(letters) >= 3 and len(places) == 1 and next(iter(places)) in g.cities
        and letters == _initials(g.cities[next(iter(places))].short_name)
    })


def _initials(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))


def _reading(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.NORMAL))


# host labels that are the web's own words, whatever place a reading of a name might spell
_WEB_WORDS = frozenset("sina sohu baidu xinhua people cctv ifeng china chinese weibo weixin qzone wenku"
                       " toutiao douban zhihu netease tencent youth house hexun eastday"
                       " meipian jianpian jianshu douyin kuaishou bilibili baijiahao".split())  # noqa: SIM905


def _readings(name: str, initials: bool = False) -> set[str]:
    """Every reading of a name (佛冈: fogang and fugang), or of its initials; at most 16."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    choices = pinyin(name, style=Style.FIRST_LETTER if initials else Style.NORMAL, heteronym=True)
    return {"".join(parts) for parts in islice(product(*choices), 16)}


# a city's initials, then a site's own: jz|jgdj (机关党建), lc|rb (日报), jn|sw (市委), kf|lz (廉政), qdn|rbs (日报社),
# xn|news, cd|szgw (市直工委)
_SITE_INITIALS = re.compile(r"([a-z]{2,3}?)(?:jgdj|jggw|jgw|djw|dj|zzb|xww|xw|news|rbs|rb|wmw|szgw|sw|dw|zx|lz|jw)?")


def cities_by_initials(url: str | None) -> set[str]:
    """Every city whose initials a label of the host spells (yt: 烟台市, 鹰潭市 ...): evidence
    only together with a province that leaves one of them."""
    found: set[str] = set()
    for label in host_of(url).split(".")[:-1]:  # not the top-level domain (.cc)
        if label in _HOST_NOISE:
            continue
        letters = _SITE_INITIALS.fullmatch(label.strip("0123456789"))  # 01ny.cn
        found |= _all_initials().get(letters.group(1), set()) if letters else set()
    return found


@cache
def _all_initials() -> Mapping[str, set[str]]:
    g = gazetteer()
    owners: dict[str, set[str]] = {}
    for d in g.divisions:
        if d.level == CITY and d.city and len(d.short_name) >= 2:
            for reading in _readings(d.short_name, initials=True):
                if len(reading) >= 2:
                    owners.setdefault(reading, set()).add(d.city)
    return MappingProxyType(owners)
