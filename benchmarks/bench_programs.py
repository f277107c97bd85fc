"""How fast are Vocabulary.match and discover? 10,000 texts of about 5 KB each.

Run: python benchmarks/bench_programs.py [--texts N] [--size BYTES] [--traditional SHARE]
The texts are slices of the seed briefings (real vocabulary hits, quotes, hard wraps) with
some traditional-character copies mixed in, so OpenCC's slow path is measured too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from briefings.ingest.extract.programs import Vocabulary, discover, to_simplified


def make_texts(count: int, size: int, traditional_share: float = 0.1, seed: int = 0) -> list[str]:
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "archive").glob("0*.txt")))
    traditional = _to_traditional(corpus)
    rng = random.Random(seed)
    texts = []
    chars = size // 3  # ~3 bytes per character in UTF-8
    for _ in range(count):
        source = traditional if rng.random() < traditional_share else corpus
        start = rng.randrange(0, max(1, len(source) - chars))
        texts.append(source[start:start + chars])
    return texts


def _to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def timed(label: str, function, texts: list[str]) -> float:
    start = time.perf_counter()
    hits = sum(len(function(text)) for text in texts)
    elapsed = time.perf_counter() - start
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{label:<28} {elapsed:6.2f} s  {len(texts) / elapsed:8.0f} texts/s  "
          f"{megabytes / elapsed:6.1f} MB/s  {hits} names")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=5_000, help="bytes per text (UTF-8)")
    parser.add_argument("--traditional", type=float, default=0.1, help="share of traditional-character texts")
    args = parser.parse_args()
    start = time.perf_counter()
    to_simplified("機關")  # builds the traditional-character class and OpenCC once
    print(f"{'OpenCC + class (once)':<28} {time.perf_counter() - start:6.2f} s")
    start = time.perf_counter()
    vocabulary = Vocabulary.load(ROOT / "archive" / "programs.yml")
    print(f"{'Vocabulary.load':<28} {time.perf_counter() - start:6.2f} s")
    texts = make_texts(args.texts, args.size, args.traditional)
    print(f"{len(texts)} texts of ~{args.size} bytes ({args.traditional:.0%} traditional), "
          f"{len(vocabulary.programs)} programs")
    timed("Vocabulary.match", vocabulary.match, texts)
    timed("discover", lambda text: discover(text, vocabulary), texts)


if __name__ == "__main__":
    main()
