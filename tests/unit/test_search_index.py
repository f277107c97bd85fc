"""The archive's search index (briefings.search_index): keys, weights, shards, script files."""

from __future__ import annotations

import json
import re

from briefings.cli import main
from briefings.search_index import (
    FIELD_BOOST,
    TITLE_BOOST,
    NameScanner,
    SearchDoc,
    build_search_files,
    document_keys,
    key_hash,
    text_keys,
)

NAMES = ["驻马店市", "驻马店", "星级党支部", "星级党支部创建", "菏泽市"]


def doc(title="驻马店市直单位观摩活动", text="持续推动星级党支部创建工作。", **fields) -> SearchDoc:
    values = dict(url="briefings/x/", title=title, text=text, city="驻马店市", province="河南省", year=2021,
                  date="2021-12-01", programs=("星级党支部创建",), fields=("驻马店市", "驻马店", "星级党支部创建"))
    values.update(fields)
    return SearchDoc(**values)


def test_fnv1a_over_utf16_units_like_the_browser():
    assert key_hash("") == 0x811C9DC5
    assert key_hash("a") == 0xE40C292C  # FNV-1a 32 of one unit 0x61
    assert key_hash("星级") != key_hash("级星")


def test_names_stay_whole_and_every_pair_is_a_key():
    keys = text_keys("持续推动星级党支部创建，驻马店市直单位", NameScanner(NAMES))
    assert {"星级党支部", "星级党支部创建", "驻马店", "驻马店市"} <= set(keys)
    assert {"星级", "级党", "党支", "支部", "马店"} <= set(keys)
    assert "持续推动" not in keys  # not a known name: found through its pairs


def test_latin_words_and_full_width_digits_are_normalised():
    assert {"2021", "ai"} <= set(text_keys("２０２１年 AI 赋能", NameScanner([])))


def test_title_and_fields_are_boosted_and_facets_are_keys():
    weights = document_keys(doc(), NameScanner(NAMES))
    assert weights["星级党支部"] >= FIELD_BOOST + 1
    assert weights["观摩"] == TITLE_BOOST
    assert weights["推动"] == 1
    assert {"city:驻马店市", "year:2021", "program:星级党支部创建"} <= set(weights)
    assert max(weights.values()) < 32


def read(content: str):
    match = re.fullmatch(r'window\.__briefingsSearch\.add\("(\w+)",(\d+),(.*)\);\n', content, re.S)
    return match[1], int(match[2]), json.loads(match[3])


def decode(encoded: str) -> dict[int, int]:
    postings, number = {}, 0
    for part in encoded.split(","):
        value = int(part, 36)
        number += value >> 5
        postings[number] = value & 31
    return postings


def test_files_route_each_key_to_its_shard_and_decode_back():
    docs = [doc(), doc(title="菏泽市机关党建", text="菏泽市召开会议。", city="菏泽市", programs=(), fields=("菏泽市",))]
    files = dict(build_search_files(docs, NAMES))
    _, _, meta = read(files["search/meta.js"])
    assert meta["docs"] == 2 and "驻马店市" in meta["names"] and "持续" not in meta["names"]
    assert [city for city, _ in meta["cities"]] == ["菏泽市", "驻马店市"]
    shards = {n: data for kind, n, data in (read(c) for p, c in files.items() if "/shard-" in p)}
    assert len(shards) == meta["shards"]
    for key in ("菏泽", "星级党支部", "city:菏泽市"):
        assert key in shards[key_hash(key) % meta["shards"]], key
    assert set(decode(shards[key_hash("菏泽") % meta["shards"]]["菏泽"])) == {1}
    assert read(files["search/docs/1.js"])[2]["u"] == "briefings/x/"


def test_archive_text_cannot_close_a_script_element():
    files = dict(build_search_files([doc(title="</script><script>alert(1)</script>")], NAMES))
    assert "</script>" not in files["search/docs/0.js"]
    assert read(files["search/docs/0.js"])[2]["t"].startswith("</script>")


def test_offline_without_a_config_is_bad_usage(tmp_path, capsys):
    assert main(["offline", "--output", str(tmp_path / "out"), "--config-file", str(tmp_path / "none.yml")]) == 2
    assert "no MkDocs config" in capsys.readouterr().err
