"""Measure ingest on the held-out corpus (tests/corpus/unseen): per-field accuracy.

    python tests/corpus/evaluate.py          # prints a table and every miss

The corpus was written blind to the code; expected.yml holds what a careful archivist would
record from each text. A program counts as found when the vocabulary matched it or discovery
listed it (a campaign the vocabulary does not have yet is the archivist's to add).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import opencc
import yaml
from briefings.ingest import load_vocabulary, read_briefing
from briefings.model import Briefing

CORPUS = Path(__file__).resolve().parent / "unseen"
ARCHIVE = Path(__file__).resolve().parents[2] / "archive"
FIELDS = ("title", "city", "province", "year", "date", "programs", "keep", "drop")


@dataclass
class Result:
    name: str
    hits: dict = field(default_factory=dict)  # field -> bool
    misses: list = field(default_factory=list)  # human-readable


_T2S = opencc.OpenCC("t2s")


def squash(text: str) -> str:
    """Compare modulo whitespace and script: the corpus writes traditional pages' truth as written."""
    return _T2S.convert(re.sub(r"[\s\u3000\u00a0]+", "", text or ""))


def _norm_program(text: str) -> str:
    return _T2S.convert(re.sub(r"[\s“”\"'「」『』《》、，,·+＋]", "", text))


def title_matches(found: str, truth: str | None) -> bool:
    if truth is None:
        return True  # the text has no headline: any made-up title (with its warning) will do
    found, truth = squash(found), squash(truth)
    return found == truth or (len(found) >= 8 and (found in truth or truth in found))


def evaluate_one(name: str, truth: dict, briefing: Briefing) -> Result:
    result = Result(name)

    def check(key: str, ok: bool, detail: str) -> None:
        result.hits[key] = ok
        if not ok:
            result.misses.append(f"{name} {key}: {detail}")

    check("title", title_matches(briefing.title, truth.get("title")), f"{briefing.title!r} != {truth.get('title')!r}")
    for key in ("city", "province", "year", "date"):
        check(key, getattr(briefing, key) == truth.get(key), f"{getattr(briefing, key)!r} != {truth.get(key)!r}")
    wanted = [_norm_program(p) for p in truth.get("programs_any") or []]
    found = [_norm_program(p) for p in (*briefing.programs, *briefing.discovered)]
    ok = not wanted or any(w in f or f in w for w in wanted for f in found if f)
    check("programs", ok, f"{list(briefing.programs) + list(briefing.discovered)} has none of {truth.get('programs_any')}")
    text = squash(briefing.text)
    lost = [s for s in truth.get("must_keep") or [] if squash(s) not in text]
    check("keep", not lost, f"lost {lost}")
    left = [s for s in truth.get("must_drop") or [] if squash(s) in text or squash(s) in squash(briefing.title)]
    check("drop", not left, f"noise left {left}")
    return result


def evaluate(corpus: Path = CORPUS) -> list[Result]:
    expected = yaml.safe_load((corpus / "expected.yml").read_text(encoding="utf-8"))
    vocabulary = load_vocabulary(ARCHIVE)
    results = []
    for name in sorted(expected):
        briefing = read_briefing(corpus / name, name, vocabulary)
        results.append(evaluate_one(name, expected[name], briefing))
    return results


def accuracy(results: list[Result]) -> dict[str, float]:
    return {key: sum(r.hits[key] for r in results) / len(results) for key in FIELDS}


# Rules may be tuned on the development half only; the test half says whether they generalise.
DEVELOPMENT = {f"u{number:02d}.txt" for number in range(1, 16)}


def main() -> int:
    results = evaluate()
    halves = {
        "all": results,
        "dev": [r for r in results if r.name in DEVELOPMENT],
        "test": [r for r in results if r.name not in DEVELOPMENT],
    }
    print(f"held-out briefings: {len(results)} (dev u01-u15 may guide rules; test u16-u30 never does)")
    print("  field       " + "  ".join(f"{name:>6}" for name in halves))
    for key in FIELDS:
        row = "  ".join(f"{accuracy(group)[key] * 100:5.1f}%" for group in halves.values())
        print(f"  {key:9}  {row}")
    for result in results:
        for miss in result.misses:
            print("  miss", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
