"""A hostile and broken archive, generated (not copied): every file is made here from the
shipped seeds and a seeded random generator, with what the build must make of it.

HOSTILE_FILES maps each archive-relative name to the expected outcome:
    ("page", fragment)       a page; fragment: a warning the build gives about it, or None
    ("reprint", original)    merged into the page of `original`
    ("rejected", fragment)   no page; the report and the log give a reason containing fragment
"""

from __future__ import annotations

import os
import random
import shutil
import unicodedata
from pathlib import Path

from briefings.ingest.slugs import briefing_id

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "archive").glob("0*.txt"))
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法"
SCRIPT = '<script>alert("x")</script>'
HOSTILE_MARKS = (
    SCRIPT,
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe>',
    "[点我](javascript:alert(1))",
    "**粗体** _斜体_ `代码`",
    "{{ config.site_name }} {% include 'x' %}",
    "&amp;lt;b&amp;gt; &#60;i&#62;",
)
# A file name in GBK bytes (档案.txt): not UTF-8, so the name cannot be shown as written.
GBK_NAME = "档案".encode("gbk") + b".txt"
SHOWN_GBK_NAME = GBK_NAME.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape").decode(
    "utf-8", "backslashreplace"
)
TWENTY_MB = 20 * 1024 * 1024


def seed(number: int) -> str:
    return SEEDS[number].read_text(encoding="utf-8")


def prose(rng: random.Random, characters: int) -> str:
    """Random sentences of common characters: unlike any other file, so never a reprint."""
    out, length = [], 0
    while length < characters:
        sentence = "".join(rng.choice(COMMON) for _ in range(rng.randint(8, 30))) + "。"
        out.append(sentence)
        length += len(sentence)
    return "".join(out)[:characters]


def repost_noise(text: str) -> str:
    """The same briefing as another site shows it: other crumbs, byline, date, ads, footer."""
    body = text.replace("首页 » 常识 » 常识 »", "当前位置：首页 > 新闻中心 > 党建要闻 >")
    return (
        "大众网\n" + body.replace("TUhjnbcbe - 2024/10/11 17:30:00", "来源：大众网 2021-12-07 09:15 编辑：王明")
        + "\n扫一扫在手机打开当前页\n版权所有：大众网 鲁ICP备09023866号\n"
    )


def slug_twins() -> tuple[str, str]:
    """Two names whose ids share their first six characters: with one title, one slug."""
    seen: dict[str, str] = {}
    for number in range(1_000_000):
        name = f"slug-twin-{number}.md"
        prefix = briefing_id(name)[:6]
        if prefix in seen:
            return seen[prefix], name
        seen[prefix] = name
    raise AssertionError("no twins")


# The smaller path keeps the slug (and of two names for one id, the smaller one is read).
TWIN_A, TWIN_B = sorted(slug_twins())
NFD_NAME, NFC_NAME = sorted(unicodedata.normalize(form, "café 简报.txt") for form in ("NFD", "NFC"))

HOSTILE_FILES: dict[str, tuple[str, str | None]] = {
    "000_original.txt": ("page", None),
    "900_repost.txt": ("reprint", "000_original.txt"),
    "001_truncated_gbk.txt": ("page", "truncated"),
    "002_nul_bytes.txt": ("page", "NUL bytes removed"),
    "003_mixed_encodings.txt": ("page", "mixes encodings"),
    "004 济宁 市直 简报.txt": ("page", None),
    "005_truncated_utf8.txt": ("page", "truncated"),
    "006_controls.txt": ("page", "control characters"),
    "hostile.md": ("page", None),
    "hostile.html": ("page", None),
    "<img src=x onerror=alert(1)>.txt": ("page", None),
    "long-line.txt": ("page", None),
    "bad-url.md": ("rejected", "field 'url' must be an http(s) address"),
    "empty.txt": ("rejected", "is empty (0 bytes)"),
    "whitespace.txt": ("rejected", "is empty: holds only whitespace"),
    "binary.txt": ("rejected", "looks binary"),
    "picture.png": ("rejected", "not a briefing file"),
    "huge.txt": ("rejected", "over the 5 MB limit"),
    "unclosed.md": ("rejected", "front matter starts with '---' but never closes"),
    "bad-sidecar.txt": ("rejected", "sidecar bad-sidecar.yml is not valid YAML"),
    "alias-bomb.md": ("rejected", "aliases such as *a are not allowed"),
    "noise-only.txt": ("rejected", "no briefing text left"),
    "lonely.yml": ("rejected", "not a briefing file"),
    TWIN_A: ("page", None),
    TWIN_B: ("page", "is also the address of"),
    NFD_NAME: ("page", None),
    NFC_NAME: ("rejected", "differ only in Unicode normalisation"),
    SHOWN_GBK_NAME: ("rejected", "file name is not printable UTF-8"),
    "outside-link.txt": ("rejected", "symbolic link to a file outside the archive"),
}
VOCABULARY = "programs.yml"


def hostile_markdown(rng: random.Random) -> str:
    marks = " ".join(HOSTILE_MARKS)
    return (
        "---\n"
        f"title: '{SCRIPT} **粗体** {{{{ config }}}} &amp; 济宁市直机关简报'\n"
        "city: 济宁\n"
        "date: 2022-03-01\n"
        "source: '<b>来源</b> &amp; [来源](javascript:alert(3))'\n"
        "url: https://example.org/briefing?id=5&lang=zh\n"
        "---\n\n"
        f"# 二〇二二年济宁市直机关星级党支部创建推进会 {HOSTILE_MARKS[1]}\n\n"
        f"3月1日，济宁市委市直机关工委召开推进会。{marks}\n\n"
        "!!! note \"不是提示框\"\n\n<div markdown>不是块</div>\n\n"
        f"{prose(rng, 400)}\n"
    )


def hostile_html(rng: random.Random) -> str:
    return (
        "<html><head><title>泰安市直机关党建简报</title><script>alert('head')</script></head><body>"
        f"<p>泰安市委市直机关工委召开会议。<img src=x onerror=\"alert(1)\"> &lt;script&gt;alert(2)&lt;/script&gt;</p>"
        f"<iframe src='javascript:alert(3)'></iframe><a href='javascript:alert(4)'>点我</a>"
        f"<p>{{{{ 7*7 }}}} {{% raw %}} **不是粗体** {prose(rng, 300)}</p></body></html>"
    )


def make_hostile_archive(target: Path) -> Path:
    """Write the archive into target (a new folder) and return it."""
    rng = random.Random(4)
    target.mkdir(parents=True)
    shutil.copyfile(ROOT / "archive" / VOCABULARY, target / VOCABULARY)

    def write(name: str, data: bytes | str) -> None:
        (target / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    write("000_original.txt", seed(0))
    write("900_repost.txt", repost_noise(seed(0)))
    write("001_truncated_gbk.txt", seed(1).encode("gb18030")[:-1])
    nul = seed(2)
    write("002_nul_bytes.txt", nul[:300] + "\x00\x00" + nul[300:900] + "\x00" + nul[900:])
    third = seed(3)
    half = len(third) // 2
    write("003_mixed_encodings.txt", third[:half].encode("utf-8") + third[half:].encode("gb18030"))
    write("004 济宁 市直 简报.txt", seed(4))
    write("005_truncated_utf8.txt", ("济宁市直机关工委召开会议。" + prose(rng, 600)).encode("utf-8")[:-2])
    write("006_controls.txt", "菏泽市直机关工委\x01召开\x1b[31m会议\x7f。\x0b" + prose(rng, 600) + "\x85\ufffe")
    write("hostile.md", hostile_markdown(rng))
    write("hostile.html", hostile_html(rng))
    write("<img src=x onerror=alert(1)>.txt", "文件名里的标签只是文字。" + prose(rng, 500))
    write("long-line.txt", prose(rng, 1024 * 1024 // 3))  # one line of 1 MB (3 bytes a character)
    write("bad-url.md", "---\ntitle: 标题\nurl: javascript:alert(1)\n---\n" + prose(rng, 300))
    write("empty.txt", b"")
    write("whitespace.txt", " \n\t\r\n\u3000 \n")
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096))
    write("picture.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(256))
    with open(target / "huge.txt", "wb") as huge:  # sparse: 20 MB on disk without writing them
        huge.truncate(TWENTY_MB)
    write("unclosed.md", "---\ntitle: 没有结尾的前言\ncity: 济宁\n" + prose(rng, 300))
    write("bad-sidecar.txt", prose(rng, 300))
    write("bad-sidecar.yml", "title: [没有闭合\ncity: 济宁\n")
    bomb = "---\na: &a [\"哈哈\", \"哈哈\"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n---\n" + prose(rng, 300)
    write("alias-bomb.md", bomb)
    write("noise-only.txt", "首页 > 新闻中心 > 正文\n扫一扫在手机打开当前页\n版权所有：某某网 鲁ICP备09023866号\n")
    write("lonely.yml", "title: 没有简报的附件\n")
    for name in (TWIN_A, TWIN_B):
        write(name, "---\ntitle: 同名简报\n---\n" + prose(rng, 500))
    write(NFC_NAME, prose(rng, 500))
    write(NFD_NAME, prose(rng, 500))
    with open(os.path.join(os.fsencode(target), GBK_NAME), "wb") as gbk_named:
        gbk_named.write(prose(rng, 500).encode("utf-8"))
    (target / "outside-link.txt").symlink_to("/etc/passwd")
    return target


