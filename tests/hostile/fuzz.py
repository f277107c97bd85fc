"""Fuzz the reader: N random archive files, then every one must be accounted for.

    python tests/hostile/fuzz.py 5000 [--seed 1]

Files mix random bytes, HTML fragments the standard parser refuses, random front matter
(scalars, lists, aliases, escapes, lone surrogates), random names (long, odd characters, upper-case
suffixes) and sidecars. Prints how many files became briefings, reprints and rejections, the
slowest file, and fails (exit 1) if any file is unaccounted for or the reader raised.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from briefings.ingest import archive_files, read_archive

BODY = ["市直机关工委召开党建工作推进会，总结上半年工作。", "会议强调，要深化模范机关创建。", "本报讯 3月5日上午，",
        "发布时间：2023-05-06", "来源：某某日报", "评论", "免责声明：", "&copy=3", "&nbsp;", "機(jī)關(guān)"]
HTML = ["<p>", "</p>", "<![foo[x]]>", "<![ x", "<head>", "</head>", "<table><tr><td>", "</td><td>", "<pre>",
        "<script>", "</script>", "<!--", "<br>", "&#", "&#x110000;", "<title>", "</title>"]
YAML = ["title: off", "title: 0x7E5", "source: 010", 'title: "\\ud800"', "year: ²⁰²¹", "year: 2021", "date: 2021-13-40",
        "city: 郑州", "province: 山东", "programs: [a, [b]]", "url: http://[abc/x", "&a x", "*a", "? x", "title: |",
        "unknown: 1", "title:", "- 1", "title: !!binary aGk=", "year: 99999999999999999999"]
SUFFIXES = [".txt", ".md", ".html", ".TXT", ".Html", ".docx", "", ".yml", ".yaml"]


def random_file(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.random()
    if kind < 0.15:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
    else:
        parts = [rng.choice(BODY + (HTML if kind < 0.5 else [])) for _ in range(rng.randrange(0, 30))]
        text = "".join(parts)
        if rng.random() < 0.4:
            text = "---\n" + "\n".join(rng.choice(YAML) for _ in range(rng.randrange(0, 4))) + (
                "\n---\n" if rng.random() < 0.9 else "\n") + text
        data = text.encode(rng.choice(["utf-8", "gb18030"]), "surrogatepass" if rng.random() < 0.5 else "replace")
    stem = "".join(rng.choice("简报abcXYZ019 -_.#~()[]！，") for _ in range(rng.randint(1, 60))).strip(". ") or "x"
    return stem + rng.choice(SUFFIXES), data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "archive"
        root.mkdir()
        for _ in range(args.count):
            name, data = random_file(rng)
            (root / name).write_bytes(data)
        files = archive_files(root)
        started = time.perf_counter()
        archive = read_archive(root)
        elapsed = time.perf_counter() - started
    read = sum(1 + len(b.reprints) for b in archive.briefings) + len(archive.rejections)
    reprints = sum(len(b.reprints) for b in archive.briefings)
    print(f"files: {len(files)} (of {args.count} written; same names overwrite, sidecars are not files)")
    print(f"briefings: {len(archive.briefings)}  reprints merged: {reprints}  rejections: {len(archive.rejections)}")
    print(f"read in {elapsed:.1f} s ({elapsed / max(1, len(files)) * 1000:.1f} ms a file)")
    bugs = [r for r in archive.rejections if "bug in the reader" in r.reason]
    for rejection in bugs[:10]:
        print("  reader error:", rejection.path, rejection.reason)
    if read != len(files) or bugs:
        print(f"FAILED: {read} accounted for of {len(files)}, {len(bugs)} reader errors")
        return 1
    print("every file accounted for, no reader error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
