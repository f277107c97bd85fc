"""Benchmark: reading, cleaning and extracting N synthetic briefings (default 10,000).

    python benchmarks/bench_ingest.py [N]

Prints the corpus size, the wall time of read_archive (one process, cold caches for the
corpus files aside from the OS page cache), the time per briefing and the peak memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefings.ingest import read_archive  # noqa: E402
from corpus import make_corpus  # noqa: E402


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        root = make_corpus(Path(folder) / "archive", count)
        size = sum(path.stat().st_size for path in root.rglob("*.txt"))
        started = time.perf_counter()
        # Loading the gazetteer, vocabulary and jieba happens once and is part of the figure.
        archive = read_archive(root)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"briefings: {count}  bytes: {size / 1e6:.1f} MB  read: {len(archive.briefings)}  "
          f"rejected: {len(archive.rejections)}")
    print(f"read+clean+extract: {elapsed:.1f} s  ({elapsed / count * 1000:.2f} ms per briefing)  "
          f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
