"""`briefings inspect`: the record per file, JSON with exactly the documented keys, exit codes."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from briefings.cli import JSON_KEYS, main

ROOT = Path(__file__).resolve().parents[2]
SEED = "archive/004_8018b1e96243a8a6.txt"


def test_json_has_exactly_the_documented_keys(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["inspect", "--json", SEED]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 1
    assert set(records[0]) == set(JSON_KEYS)
    assert records[0]["path"] == SEED
    assert records[0]["city"] == "驻马店市"
    assert "\n\n" in records[0]["text"]
    assert all(isinstance(w, str) for w in records[0]["warnings"])


def test_folder_is_expanded_and_human_summary_printed(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["inspect", "archive"]) == 0
    out = capsys.readouterr().out
    assert out.count("archive/0") == 5
    assert "驻马店市" in out and "programs" in out


def test_unreadable_file_gives_error_record_and_exit_1(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    bad = tmp_path / "bad.txt"
    bad.write_text("---\ndate: 2021-13-01\n---\n正文第一段。\n", encoding="utf-8")
    assert main(["inspect", "--json", SEED, str(bad)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert records[0]["city"] == "驻马店市"
    assert set(records[1]) == {"path", "error"}
    assert "date" in records[1]["error"]


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["inspect"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2


def test_installed_command_runs():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(["briefings", "inspect", "--json", SEED], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["province"] == "河南省"


@pytest.mark.parametrize("where", ["root", "archive", "elsewhere"])
def test_inspect_gives_the_id_and_slug_the_site_gives(capsys, monkeypatch, tmp_path, where):
    from briefings.ingest import read_archive

    site = {b.path: (b.id, b.slug) for b in read_archive(ROOT / "archive").briefings}
    monkeypatch.chdir({"root": ROOT, "archive": ROOT / "archive", "elsewhere": tmp_path}[where])
    typed = {"root": SEED, "archive": SEED.split("/", 1)[1], "elsewhere": str(ROOT / SEED)}[where]
    assert main(["inspect", "--json", typed]) == 0
    record = json.loads(capsys.readouterr().out)[0]
    assert (record["id"], record["slug"]) == site[SEED.split("/", 1)[1]]


def test_programs_lists_discovered_names_and_add_appends_a_checked_entry(tmp_path, capsys):
    import shutil

    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(ROOT / "archive" / "programs.yml", archive / "programs.yml")
    stories = ["今年以来，各支部结合业务开展志愿服务和结对共建，累计服务群众三千余人次。",
               "会议听取了六个单位的经验交流，部署了下半年党员教育培训和基层组织建设任务。",
               "活动现场观摩了五个示范点，参观了机关党建品牌展示馆，开展了集中研讨。"]
    for n, (place, story) in enumerate(zip(["济宁", "菏泽", "泰安"], stories)):
        (archive / f"{n}.txt").write_text(f"{place}市直机关工委深入开展“红色引擎”工程，推动机关党建提质增效。{story}\n",
                                          encoding="utf-8")
    assert main(["programs", "--json", "--archive", str(archive)]) == 0
    found = json.loads(capsys.readouterr().out)
    engine = next(record for record in found if "红色引擎" in record["name"])
    assert engine["briefings"] == 3 and len(engine["examples"]) == 3
    before = (archive / "programs.yml").read_text(encoding="utf-8")
    assert main(["programs", "add", "红色引擎工程", "--alias", "红色引擎", "--description", "以党建为引擎的工程。",
                 "--archive", str(archive)]) == 0
    after = (archive / "programs.yml").read_text(encoding="utf-8")
    assert after.startswith(before) and "红色引擎工程" in after  # comments and entries kept as they were
    capsys.readouterr()
    assert main(["programs", "--json", "--archive", str(archive)]) == 0
    assert not any("红色引擎" in record["name"] for record in json.loads(capsys.readouterr().out))
    assert main(["programs", "add", "红色引擎工程", "--description", "再来一次。", "--archive", str(archive)]) == 1
    assert (archive / "programs.yml").read_text(encoding="utf-8") == after
