"""Slugs: real pinyin, readable, unique, stable; ids from the archive-relative path."""

import re

from briefings.ingest.slugs import briefing_id, briefing_slug, pinyin_slug, slugify_name


def test_real_pinyin_not_unidecode():
    assert pinyin_slug("济宁") == "jining"
    assert pinyin_slug("重庆") == "chongqing"
    assert pinyin_slug("厦门") == "xiamen"


def test_words_are_grouped_and_latin_kept():
    assert pinyin_slug("驻马店市直单位召开会议") .startswith("zhumadian-")
    assert pinyin_slug("党建+项目 2021") == "dangjian-xiangmu-2021"


def test_homophone_provinces_and_cities_do_not_collide():
    assert slugify_name("山西省") != slugify_name("陕西省")
    assert slugify_name("陕西省") == "shaanxi"
    assert slugify_name("福州市") != slugify_name("抚州市")
    assert slugify_name("济宁市") == "jining"


def test_briefing_slug_is_readable_and_carries_the_id():
    identifier = briefing_id("004_8018b1e96243a8a6.txt")
    slug = briefing_slug("驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开", identifier)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug.startswith("zhumadian-") and slug.endswith(identifier[:6])


def test_briefing_slug_of_a_title_without_letters_is_the_id():
    assert briefing_slug("……", "abcdef123456") == "abcdef123456"


def test_id_is_stable_and_path_based():
    assert briefing_id("a/b.txt") == briefing_id("a\\b.txt")
    assert briefing_id("a/b.txt") != briefing_id("a/c.txt")
    assert re.fullmatch(r"[0-9a-f]{12}", briefing_id("简报 一.txt"))


def test_every_place_in_the_gazetteer_has_its_own_slug():
    from briefings.ingest.extract import gazetteer

    cities = {slugify_name(city.name) for city in gazetteer.cities()}
    provinces = {slugify_name(province.name) for province in gazetteer.provinces()}
    assert len(cities) == len({city.name for city in gazetteer.cities()})
    assert len(provinces) == len(gazetteer.provinces())
    assert slugify_name("嘉义市") != slugify_name("嘉义县")
