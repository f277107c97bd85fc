"""Measure ingest on the labelled corpora: per field, how many are right, blank, wrong.

    python tests/corpus/evaluate.py              # the real corpus (tests/corpus/real), both halves
    python tests/corpus/evaluate.py unseen       # the hand-written held-out corpus
    python tests/corpus/evaluate.py real --misses   # ... and every miss, with what was found
    python tests/corpus/evaluate.py real --round hij   # only the cases whose ids start so (a labelling round)
    python tests/corpus/evaluate.py real --round 9a,9c # ... (ids of two characters and more, comma-separated)

real/: public web pages nobody here wrote, labelled blind to the code (real/README.md says how
to restore their texts, which are not committed); rules may be tuned on its dev half only.
unseen/: texts written for the project, blind to the code. A case counts as
  right  the field equals the label (both empty counts too),
  blank  the field is empty where the label has a value (the build warns: a task, not a lie),
  wrong  the field holds a value that is not the label's.
Titles are judged only where the page has one, programs only where the text names one: a
program counts as found when the vocabulary matched it or discovery listed it.
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

HERE = Path(__file__).resolve().parent
CORPORA = {"real": HERE / "real", "unseen": HERE / "unseen"}
ARCHIVE = HERE.parents[1] / "archive"
FIELDS = ("title", "city", "province", "year", "date", "programs", "keep", "drop")
RIGHT, BLANK, WRONG = "right", "blank", "wrong"

# unseen/: rules may be tuned on u01-u15 only; the rest says whether they generalise.
UNSEEN_DEVELOPMENT = {f"u{number:02d}.txt" for number in range(1, 16)}


@dataclass
class Result:
    name: str
    half: str
    outcomes: dict = field(default_factory=dict)  # field -> RIGHT / BLANK / WRONG (absent: not judged)
    misses: list = field(default_factory=list)  # human-readable

    @property
    def hits(self) -> dict:
        return {key: outcome == RIGHT for key, outcome in self.outcomes.items()}


_T2S = opencc.OpenCC("t2s")
_GLOSS = re.compile(r"[(（][a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]{1,7}[)）]")


def squash(text: str) -> str:
    """Compare modulo whitespace, script and pinyin glosses (機(jī)關 reads 机关)."""
    return _T2S.convert(_GLOSS.sub("", re.sub(r"[\s\u3000\u00a0]+", "", text or "")))


def _norm_program(text: str) -> str:
    return squash(re.sub(r"[\s“”‘’\"'「」『』《》、，,·•・+＋]", "", text))


def title_matches(found: str, truth: str) -> bool:
    found, truth = squash(found), squash(truth)
    return found == truth or (len(found) >= 8 and (found in truth or truth in found))


def outcome(found, truth) -> str:
    if found == truth:
        return RIGHT
    return BLANK if found is None else WRONG


def evaluate_one(name: str, half: str, truth: dict, briefing: Briefing, aliases: dict | None = None) -> Result:
    result = Result(name, half)

    def judge(key: str, verdict: str, detail: str) -> None:
        result.outcomes[key] = verdict
        if verdict != RIGHT:
            result.misses.append(f"{name} {key} {verdict}: {detail}")

    if truth.get("title"):
        judge("title", RIGHT if title_matches(briefing.title, truth["title"]) else WRONG,
              f"{briefing.title!r} != {truth['title']!r}")
    for key in ("city", "province", "year", "date"):
        found = getattr(briefing, key)
        judge(key, outcome(found, truth.get(key)), f"{found!r} != {truth.get(key)!r}")
    wanted = [_norm_program(p) for p in truth.get("programs_any") or []]
    if wanted:
        # a program the vocabulary matched counts under its canonical name and each of its aliases
        names = [alias for p in briefing.programs for alias in (aliases or {}).get(p, (p,))]
        found = [_norm_program(p) for p in (*names, *briefing.discovered)]
        ok = any(w in f or f in w for w in wanted for f in found if f)
        judge("programs", RIGHT if ok else (BLANK if not found else WRONG),
              f"{list(briefing.programs) + list(briefing.discovered)} has none of {truth.get('programs_any')}")
    text = squash(briefing.text)
    if "must_keep" in truth:
        lost = [s for s in truth.get("must_keep") or [] if squash(s) not in text]
        judge("keep", WRONG if lost else RIGHT, f"lost {lost}")
    if "must_drop" in truth:
        left = [s for s in truth.get("must_drop") or [] if squash(s) in text or squash(s) in squash(briefing.title)]
        judge("drop", WRONG if left else RIGHT, f"noise left {left}")
    return result


def cases(corpus: str) -> list[tuple[str, str, dict, Path]]:
    """(name, half, labels, text file) of every case whose text is present."""
    folder = CORPORA[corpus]
    expected = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    found = []
    for name in sorted(expected):
        truth = expected[name]
        if corpus == "real":
            path, half = folder / "texts" / f"{name}.txt", truth["half"]
        else:
            path, half = folder / name, "dev" if name in UNSEEN_DEVELOPMENT else "test"
        if path.is_file():
            found.append((name, half, truth, path))
    return found


def labelled_count(corpus: str) -> int:
    return len(yaml.safe_load((CORPORA[corpus] / "expected.yml").read_text(encoding="utf-8")))


def evaluate(corpus: str = "unseen") -> list[Result]:
    vocabulary = load_vocabulary(ARCHIVE)
    aliases = {program.name: (program.name, *program.aliases) for program in vocabulary.programs}
    return [
        evaluate_one(name, half, truth, read_briefing(path, path.name, vocabulary), aliases)
        for name, half, truth, path in cases(corpus)
    ]


def accuracy(results: list[Result]) -> dict[str, float]:
    """Share right per field, of the cases where the field is judged."""
    shares = {}
    for key in FIELDS:
        judged = [r.outcomes[key] for r in results if key in r.outcomes]
        if judged:
            shares[key] = sum(o == RIGHT for o in judged) / len(judged)
    return shares


def shares(results: list[Result], key: str) -> tuple[int, dict[str, float]]:
    judged = [r.outcomes[key] for r in results if key in r.outcomes]
    return len(judged), {o: (judged.count(o) / len(judged) if judged else 0.0) for o in (RIGHT, BLANK, WRONG)}


def report(corpus: str, results: list[Result], show_misses: bool) -> None:
    halves = {"dev": [r for r in results if r.half == "dev"], "test": [r for r in results if r.half == "test"]}
    print(f"{corpus}: {len(results)} of {labelled_count(corpus)} labelled cases present "
          f"(dev {len(halves['dev'])}, test {len(halves['test'])}; tune on dev only)")
    print("  field       " + "".join(f"{half + ': right  blank  wrong':>30}" for half in halves))
    for key in FIELDS:
        cells = []
        for group in halves.values():
            count, share = shares(group, key)
            cells.append(f"{'n=' + str(count):>8} " + " ".join(f"{share[o] * 100:5.1f}%" for o in (RIGHT, BLANK, WRONG))
                         if count else f"{'-':>29}")
        if any(key in r.outcomes for r in results):
            print(f"  {key:9}  " + " ".join(f"{cell:>29}" for cell in cells))
    if show_misses:
        for result in results:
            for miss in result.misses:
                print(f"  miss [{result.half}]", miss)


def main(argv: list[str]) -> int:
    corpus = next((arg for arg in argv if arg in CORPORA), "real")
    results = evaluate(corpus)
    if "--round" in argv:  # --round hij: the third round's cases; --round 9a,9c: ids starting 9a or 9c
        chosen = argv[argv.index("--round") + 1]
        # letters are one-letter prefixes; a comma or a digit makes whole prefixes (--round 11a)
        whole = "," in chosen or any(char.isdigit() for char in chosen)
        letters = tuple(part for part in chosen.split(",") if part) if whole else tuple(chosen)
        results = [result for result in results if result.name.startswith(letters)]
    if not results:
        print(f"{corpus}: no texts present; see {CORPORA[corpus] / 'README.md'} to restore them")
        return 1
    report(corpus, results, "--misses" in argv or corpus == "unseen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
