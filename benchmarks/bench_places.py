"""Time the gazetteer and find_place: index load, first-use tables, 10,000 synthetic briefings.

Run: python benchmarks/bench_places.py   (prints figures; not a test, nothing is asserted)
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from briefings.gazetteer import CITY, city_pinyin, gazetteer  # noqa: E402
from briefings.places import _traditional, find_place  # noqa: E402

COUNT, SIZE = 10_000, 5_000


def cold_load_ms() -> float:
    """Import plus index build in a fresh interpreter, so nothing is cached."""
    code = (
        "import time; t = time.perf_counter(); from briefings.gazetteer import gazetteer; "
        "gazetteer(); print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "hooks")})
    return float(out.stdout)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def synthetic_texts(rng: random.Random) -> list[tuple[str, str, str]]:
    """(title, lead, body) triples of ~5 KB built from seed paragraphs and random city names."""
    paragraphs = [p for f in sorted((ROOT / "archive").glob("0*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 20]
    cities = [d.short for d in gazetteer().divisions if d.level == CITY and len(d.short) >= 2]
    converter = _traditional()[1]
    to_traditional = __import__("opencc").OpenCC("s2t")
    texts = []
    for i in range(COUNT):
        own, other = rng.choice(cities), rng.choice(cities)
        parts, size = [f"{own}网讯 {own}市委市直机关工委召开会议。"], 0
        while size < SIZE:
            p = rng.choice(paragraphs)
            if rng.random() < 0.3:
                p = p.replace("市直机关", f"{own}市直机关", 1)
            if rng.random() < 0.1:
                p += f"对标{other}直属机关工委，赴{other}学习。"
            parts.append(p)
            size += len(p)
        body = "\n".join(parts)
        title = f"{own}市直机关党建工作" if i % 3 else ""
        if i % 10 == 0:  # one in ten written in traditional characters
            body, title = to_traditional.convert(body), to_traditional.convert(title)
        texts.append((title, parts[0], body))
    del converter
    return texts


def main() -> None:
    print(f"index load, cold (import + build):  {cold_load_ms():7.1f} ms")
    gazetteer.cache_clear()
    print(f"index build, warm interpreter:      {timed(gazetteer):7.1f} ms")
    print(f"city pinyin table, first use:       {timed(city_pinyin):7.1f} ms (imports pypinyin)")
    print(f"traditional table, first use:       {timed(_traditional):7.1f} ms (imports opencc)")
    g = gazetteer()
    lookups = ["济宁", "曲阜市", "义乌", "北京", "朝阳", "不是地名"] * 100_000
    start = time.perf_counter()
    for name in lookups:
        g.names.get(name)
    print(f"name lookup:                        {(time.perf_counter() - start) / len(lookups) * 1e9:7.0f} ns")

    texts = synthetic_texts(random.Random(0))
    sizes = [len(body.encode("utf-8")) for _, _, body in texts]
    print(f"synthetic briefings:                {len(texts)} x ~{statistics.mean(sizes) / 1000:.1f} KB (UTF-8)")
    durations, right = [], 0
    for title, lead, body in texts:
        start = time.perf_counter()
        place = find_place(title=title, lead=lead, body=body, url="http://www.example.com/a.html")
        durations.append(time.perf_counter() - start)
        right += place.city is not None
    total = sum(durations)
    durations.sort()
    print(f"find_place total:                   {total:7.2f} s")
    print(f"find_place per text: mean {statistics.mean(durations) * 1e3:.3f} ms, "
          f"p50 {durations[len(durations) // 2] * 1e3:.3f} ms, p99 {durations[int(len(durations) * 0.99)] * 1e3:.3f} ms")
    print(f"texts given a city:                 {right}/{len(texts)}")
    scan = g.scanner.scan
    start = time.perf_counter()
    for _, _, body in texts:
        scan(body)
    print(f"scanner alone, all bodies:          {time.perf_counter() - start:7.2f} s")


if __name__ == "__main__":
    main()
