"""Time the gazetteer and find_place: index load, first-use tables, 10,000 synthetic briefings.

Run: python benchmarks/bench_places.py   (prints figures; not a test, nothing is asserted)

Two sizes are timed: ~5 KB of UTF-8 (~1,700 Chinese characters, the usual briefing) and 5,000
characters (~15 KB). Wall and CPU time are both printed: on a shared machine wall time wobbles.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import opencc
from briefings.ingest.extract.gazetteer import CITY, gazetteer
from briefings.ingest.extract.hosts import city_pinyin
from briefings.ingest.extract.places import find_place
from briefings.ingest.hanzi import to_simplified

COUNT = 10_000
SIZES = {"~5 KB UTF-8 (1,700 chars)": 1_700, "5,000 chars (~15 KB)": 5_000}
_SEED_CITIES = re.compile("济宁|菏泽|荷泽|枣庄|驻马店")  # replaced by the planted city


def cold_load_ms() -> tuple[float, float]:
    """(wall, cpu) ms of import plus index build in a fresh interpreter, so nothing is cached."""
    code = (
        "import time; t, c = time.perf_counter(), time.process_time(); "
        "from briefings.ingest.extract.gazetteer import gazetteer; gazetteer(); "
        "print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "hooks")})
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def timed_ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def synthetic_texts(rng: random.Random, size: int) -> list[tuple[str, str, str, str]]:
    """(title, lead, body, planted city): seed paragraphs re-homed to a random city,
    with benchmark/visit sentences naming another city; one in ten in traditional script."""
    seeds = [f for f in sorted((ROOT / "archive").glob("0*.txt")) if not f.name.startswith("001")]  # 001: anonymised
    paragraphs = [p for f in seeds for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 20]
    cities = [d for d in gazetteer().divisions if d.level == CITY and len(d.short_name) >= 2]
    to_traditional = opencc.OpenCC("s2t")
    texts = []
    for i in range(COUNT):
        planted, other = rng.choice(cities), rng.choice(cities).short_name
        own = planted.short_name
        parts = [f"{own}网讯 {planted.name}委市直机关工委召开会议。"]
        while sum(map(len, parts)) < size:
            p = _SEED_CITIES.sub(own, rng.choice(paragraphs))
            if rng.random() < 0.3:
                p = p.replace("市直机关", f"{own}市直机关", 1)
            if rng.random() < 0.1:
                p += f"对标{other}直属机关工委，赴{other}学习。"
            parts.append(p)
        body = "\n".join(parts)[:size]
        title = f"{planted.name}直机关党建工作" if i % 3 else ""
        if i % 10 == 0:
            body, title = to_traditional.convert(body), to_traditional.convert(title)
        texts.append((title, parts[0], body, planted.name))
    return texts


def run(label: str, size: int) -> None:
    g = gazetteer()
    texts = synthetic_texts(random.Random(0), size)
    kb = statistics.mean(len(body.encode("utf-8")) for _, _, body, _ in texts) / 1000
    durations, named, right = [], 0, 0
    cpu = time.process_time()
    for title, lead, body, own in texts:
        start = time.perf_counter()
        place = find_place(title=title, lead=lead, body=body, url="http://www.example.com/a.html")
        durations.append(time.perf_counter() - start)
        named += place.city is not None
        right += place.city == own
    cpu = time.process_time() - cpu
    durations.sort()
    print(f"\n{COUNT} briefings of {label}, mean {kb:.1f} KB:")
    print(f"  find_place total      {sum(durations):6.2f} s wall, {cpu:6.2f} s cpu")
    print(f"  per briefing          mean {statistics.mean(durations) * 1e3:.3f} ms, "
          f"p50 {durations[len(durations) // 2] * 1e3:.3f} ms, p99 {durations[int(len(durations) * 0.99)] * 1e3:.3f} ms")
    start = time.perf_counter()
    for _, _, body, _ in texts:
        g.scanner.scan(body)
    print(f"  name scan alone       {time.perf_counter() - start:6.2f} s")
    print(f"  given a city          {named}/{COUNT}; the planted one {right}")


def main() -> None:
    wall, cpu = cold_load_ms()
    print(f"index load, cold (import + build)   {wall:6.1f} ms wall, {cpu:6.1f} ms cpu")
    gazetteer.cache_clear()
    print(f"index build, warm interpreter       {timed_ms(gazetteer):6.1f} ms")
    print(f"city pinyin table, first use        {timed_ms(city_pinyin):6.1f} ms (imports pypinyin)")
    print(f"traditional table, first use        {timed_ms(lambda: to_simplified('機關')):6.1f} ms (imports opencc)")
    g = gazetteer()
    lookups = ["济宁", "曲阜市", "义乌", "北京", "朝阳", "不是地名"] * 100_000
    start = time.perf_counter()
    for name in lookups:
        g.names.get(name)
    print(f"name lookup                         {(time.perf_counter() - start) / len(lookups) * 1e9:6.0f} ns")
    for label, size in SIZES.items():
        run(label, size)


if __name__ == "__main__":
    main()
