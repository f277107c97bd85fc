"""Readable, stable pinyin slugs and ids.

python-slugify alone transliterates character by character with Unidecode (济宁 -> ji-zhu,
重庆 -> zhong-qing); pypinyin reads words (jining, chongqing). Words are grouped with a
cut of jieba's default dictionary (briefings.ingest.word_cut), so a slug never depends on the
archive's own names (the search's user dictionary) and never changes when briefings are
added or removed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

from slugify import slugify

MAX_SLUG_WORDS = 10
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def briefing_id(relative_path: str) -> str:
    """A stable id from the file's archive-relative path: other files never change it."""
    normalised = unicodedata.normalize("NFC", relative_path.replace("\\", "/"))
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:12]


@cache
def _dictionary():
    from briefings.cache.machine import machine_folder
    from briefings.ingest.extract import gazetteer
    from briefings.ingest.word_cut import default_dictionary

    dictionary = default_dictionary(machine_folder("words"))
    # Place names stand as words of their own: 驻马店市直单位 -> 驻马店 / 市直 / 单位, not 驻马店市 / 直.
    for division in (*gazetteer.cities(), *gazetteer.provinces()):
        if len(division.short_name) >= 2:
            dictionary.add_word(division.short_name, 100_000)
            dictionary.add_word(division.name, 0)  # as jieba's del_word
    return dictionary


def pinyin_words(text: str) -> list[str]:
    """Chinese text -> pinyin words (one per jieba word), other text kept as its own words."""
    words: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        words.extend(_latin_words(text[position:run.start()]))
        words.extend(map(_word_pinyin, _dictionary().cut(run.group())))
        position = run.end()
    words.extend(_latin_words(text[position:]))
    return [word for word in words if word]


@lru_cache(maxsize=1 << 16)  # titles repeat their words (市直机关, 党建): pypinyin is the slow part
def _word_pinyin(word: str) -> str:
    # pypinyin's plain style is lower-case ASCII already (ü is written v)
    from pypinyin import Style, lazy_pinyin  # here: a build whose slugs are all cached never loads it (0.13 s)

    return _NOT_SLUG.sub("", "".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore")))


@lru_cache(maxsize=1 << 12)
def _latin_words(text: str) -> tuple[str, ...]:
    return tuple(slugify(text).split("-")) if text else ()


def pinyin_slug(text: str, max_words: int = MAX_SLUG_WORDS) -> str:
    return "-".join(pinyin_words(text)[:max_words])


def briefing_slug(title: str, identifier: str) -> str:
    """Readable and unique: the title's pinyin, then the first characters of the stable id."""
    readable = pinyin_slug(title)
    return f"{readable}-{identifier[:6]}" if readable else identifier


# Official spellings where plain pinyin collides (山西 shanxi / 陕西 shaanxi by convention).
SPECIAL_SLUGS = {"陕西省": "shaanxi", "陕西": "shaanxi"}


def slugify_name(name: str) -> str:
    """A slug for a closed-vocabulary name (city, province, program).

    Place names get a table built over the whole gazetteer, so names whose pinyin collide
    (福州 / 抚州) are told apart by their province, the same way whatever the archive holds.
    """
    place = _place_slugs().get(name)
    if place:
        return place
    return SPECIAL_SLUGS.get(name) or pinyin_slug(name, max_words=12) or hashlib.sha1(
        name.encode("utf-8")).hexdigest()[:8]


@cache
def _place_slugs() -> dict[str, str]:
    from briefings.ingest.extract import gazetteer

    table: dict[str, str] = {}
    provinces = gazetteer.provinces()
    for province in provinces:
        table[province.name] = SPECIAL_SLUGS.get(province.name) or pinyin_slug(province.short_name)
    by_slug: dict[str, list] = {}
    for city in gazetteer.cities():
        by_slug.setdefault(pinyin_slug(city.short_name), []).append(city)
    for slug, cities in by_slug.items():
        if len(cities) == 1:
            table.setdefault(cities[0].name, slug)
            continue
        # 福州/抚州 differ by province; 嘉义市/嘉义县 share one, so their full names tell them apart.
        with_province = {city.name: f"{slug}-{table[city.province]}" for city in cities}
        for city in cities:
            candidate = with_province[city.name]
            if list(with_province.values()).count(candidate) > 1:
                candidate = f"{pinyin_slug(city.name)}-{table[city.province]}"
            table.setdefault(city.name, candidate)
    return table
