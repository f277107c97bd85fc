"""Benchmark: build the whole site from N synthetic briefings, and the plain-Material floor.

    python benchmarks/bench_build.py 1000 3000 10000 [--search project|none] [--serve] [--pairs 3]
                                     [--keep DIR]

For every N: a corpus of N briefings (benchmarks/corpus.py: seed paragraphs recombined, cities
from the gazetteer, years 2005-2025, programs from the vocabulary, page noise, reprints) is
built with `mkdocs build` on the project's mkdocs.yml (a small config that INHERITs it, with
the corpus as extra.archive.dir and a fresh cache folder), in a subprocess, and is timed:

  cold      the first build: every file read, cleaned and extracted
  warm      the same archive again: records from the cache (.cache/briefings/)
  +1        one briefing added, then rebuilt
  serve +1  (--serve) `mkdocs serve` running, then `mkdocs serve --dirty` (the hook writes only
            what changed); one briefing added; seconds from the write
            until the rebuilt site is served ("Reloading browsers")
  floor     the same briefings as plain Material pages: each briefing's cleaned text as a
            Markdown file with its title in front matter, theme material, `plugins: []`, no
            hooks, not in the nav. The rendering floor our cold build is compared with.
  floor again  the floor built again into its existing site folder (MkDocs empties the
            folder first, as it does for our warm and +1 builds, which are compared with it).

Cold and floor are built in turns, --pairs times (each cold build with an empty cache folder):
this machine's speed drifts by half within minutes, and a ratio of two builds made minutes apart
drifts with it. The cold row gives the median pair's ratio (every pair's on the line below), the
median time and the highest peak of the cold builds; the floor row the median floor build.

Printed per N: wall time, peak memory (maximum resident set of the build process, from
os.wait4), pages (HTML files), output size, search bytes (files of the site's search index:
search/ and any other file named *search* outside the theme's assets/) and the ratio
cold / floor (warm and +1: / floor again). The project's modules are compiled to bytecode first
(python -m compileall), as Python does at their first import wherever PYTHONDONTWRITEBYTECODE
is not set. Not a test: nothing is asserted. --search none replaces the project's plugins
by `plugins: []` (Material's search off); the default keeps mkdocs.yml's plugins.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_briefing_text, make_corpus

ROOT = Path(__file__).resolve().parents[1]
# Python keeps the bytecode of the project's modules, as on any machine where the variable is not
# set: the floor's installed packages have theirs, and a build should not be timed compiling ours.
ENV = {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    pages: int = 0
    output_mb: float = 0.0
    search_mb: float = 0.0
    log: str = ""


def run_build(config: Path, site: Path) -> Run:
    """`mkdocs build` in a subprocess: wall time and that process's peak resident memory."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=config.parent, env=ENV, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        log = output.read().decode("utf-8", "replace")
    if process.returncode:
        raise SystemExit(f"build failed ({config}):\n{log[-4000:]}")
    run = Run(seconds, usage.ru_maxrss / 1024, log=log)
    measure_site(site, run)
    return run


def measure_site(site: Path, run: Run) -> None:
    files = [path for path in site.rglob("*") if path.is_file()]
    run.pages = sum(1 for path in files if path.suffix == ".html" and path.name != "404.html")
    run.output_mb = sum(path.stat().st_size for path in files) / 1e6
    run.search_mb = sum(path.stat().st_size for path in files if _is_search_file(path.relative_to(site))) / 1e6


def _is_search_file(relative: Path) -> bool:
    parts = relative.parts
    if parts[0] == "assets":  # the theme's own search worker script
        return False
    return parts[0] == "search" or "search" in relative.name


def project_config(work: Path, corpus: Path, search: str) -> Path:
    """A config inheriting the project's mkdocs.yml: paths made absolute, the corpus as archive."""
    lines = [
        f"INHERIT: {ROOT / 'mkdocs.yml'}",
        f"docs_dir: {ROOT / 'docs'}",
        "theme:",
        f"  custom_dir: {ROOT / 'overrides'}",
        "hooks:",
        f"  - {ROOT / 'hooks' / 'archive.py'}",
        "extra:",
        "  archive:",
        f"    dir: {corpus}",
    ]
    if search == "none":
        lines.append("plugins: []")
    config = work / "mkdocs.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def floor_config(work: Path, corpus: Path) -> Path:
    """Plain Material on the same briefings: their cleaned text, one Markdown file each."""
    from briefings.cache.records import CACHE_FOLDER, BriefingCache
    from briefings.ingest import read_archive, read_briefing

    cache = BriefingCache(work / CACHE_FOLDER)  # filled by the project build: no re-extraction
    archive = read_archive(corpus, read=cache.reader(read_briefing))
    docs = work / "floor-docs"
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "b").mkdir(parents=True)
    (docs / "index.md").write_text("# 简报\n", encoding="utf-8")
    for briefing in archive.briefings:
        title = briefing.title.replace('"', "'")
        body = "\n\n".join(block.text for block in briefing.blocks)
        (docs / "b" / f"{briefing.id}.md").write_text(
            f'---\ntitle: "{title}"\n---\n\n# {briefing.title}\n\n{body}\n', encoding="utf-8"
        )
    config = work / "floor.yml"
    config.write_text(
        "\n".join([
            "site_name: floor",
            "site_url: https://briefings.example.org/",
            f"docs_dir: {docs}",
            "theme:",
            "  name: material",
            "  language: zh",
            "  font: false",
            "plugins: []",
            "nav:",
            "  - index.md",
            "validation:",
            "  nav:",
            "    omitted_files: ignore",
        ]) + "\n",
        encoding="utf-8",
    )
    return config


def add_briefing(corpus: Path, number: int, text: str | None = None) -> Path:
    """One more briefing, like the corpus's own (text: made already), in a folder of its own."""
    path = corpus / "added" / f"b{number:05d}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(make_briefing_text(number) if text is None else text, encoding="utf-8")
    return path


def serve_rebuild(config: Path, corpus: Path, number: int, *options: str) -> tuple[float, float]:
    """(seconds of the first build under `mkdocs serve` with options, seconds from adding a
    briefing until the rebuilt site is served)."""
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", *options]
    lines: list[tuple[float, str]] = []
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.parent, env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)

    def pump():
        for line in process.stdout:
            lines.append((time.perf_counter(), line))

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        first = _wait_for(lines, "Serving on", 0, started, process)
        time.sleep(2)  # let the watcher settle
        text = make_briefing_text(number)  # made first: its first call loads the gazetteer (0.4 s)
        mark = len(lines)
        written = time.perf_counter()
        add_briefing(corpus, number, text)
        done = _wait_for(lines, "Reloading browsers|Serving on|Documentation built", mark, written, process)
        return first, done
    finally:
        process.terminate()
        process.wait(30)


def _wait_for(lines, pattern: str, start: int, since: float, process, timeout: float = 1800) -> float:
    regex = re.compile(pattern)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for stamp, line in lines[start:]:
            if regex.search(line):
                return stamp - since
        if process.poll() is not None:
            raise SystemExit("mkdocs serve stopped:\n" + "".join(line for _, line in lines[-40:]))
        time.sleep(0.05)
    raise SystemExit(f"mkdocs serve: no {pattern!r} within {timeout} s")


def bench(count: int, base: Path, search: str, serve: bool, pairs: int = 3) -> None:
    work = base / f"n{count}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus = make_corpus(work / "archive", count)
    config = project_config(work, corpus, search)
    colds, floors = [run_build(config, work / "site")], []
    floor_file = floor_config(work, corpus)  # from the records the first cold build cached
    floors.append(run_build(floor_file, work / "floor-site"))
    for _ in range(pairs - 1):  # cold and floor in turns: this machine's speed drifts over minutes
        for folder in (work / ".cache", work / "site", work / "floor-site"):
            shutil.rmtree(folder, ignore_errors=True)
        colds.append(run_build(config, work / "site"))
        floors.append(run_build(floor_file, work / "floor-site"))
    warm = run_build(config, work / "site")
    add_briefing(corpus, count)
    plus_one = run_build(config, work / "site")
    floor_again = run_build(floor_file, work / "floor-site")
    cold, floor = _median(colds), _median(floors)
    ratios = sorted(c.seconds / f.seconds for c, f in zip(colds, floors))
    _row(count, "cold", cold, floor, ratios[len(ratios) // 2])
    if len(ratios) > 1:
        print(f"{count:>6}  {'':<11} cold / floor in {len(ratios)} pairs: "
              + " ".join(f"{ratio:.2f}x" for ratio in ratios) + "; the median above", flush=True)
    _row(count, "warm", warm, floor_again)
    _row(count, "+1", plus_one, floor_again)
    _row(count, "floor", floor, floor)
    _row(count, "floor again", floor_again, floor_again)
    if serve:
        for number, options in ((count + 1, ()), (count + 2, ("--dirty",))):
            first, rebuilt = serve_rebuild(config, corpus, number, *options)
            label = f"serve {' '.join(options)}"
            print(f"{count:>6}  {label:<15} first build {first:7.1f} s   +1 rebuilt and served after {rebuilt:6.1f} s",
                  flush=True)


def _median(runs: list[Run]) -> Run:
    """The run of median time, with the highest peak memory of them all."""
    middle = sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]
    return replace(middle, peak_mb=max(run.peak_mb for run in runs))


def _row(count: int, label: str, run: Run, floor: Run, ratio: float | None = None) -> None:
    ratio = run.seconds / floor.seconds if ratio is None else ratio
    print(
        f"{count:>6}  {label:<11} {run.seconds:8.1f} s {run.peak_mb:8.0f} MB {run.pages:7d} pages "
        f"{run.output_mb:8.1f} MB out {run.search_mb:7.1f} MB search  {ratio:5.2f}x floor",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="*", default=[1000, 3000, 10000])
    parser.add_argument("--search", choices=("project", "none"), default="project",
                        help="project: mkdocs.yml's plugins; none: plugins: [] (Material's search off)")
    parser.add_argument("--serve", action="store_true", help="also time a rebuild under mkdocs serve")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--pairs", type=int, default=3, help="cold and floor builds, in turns (default 3)")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "hooks")], env=ENV, check=True,
                   stdout=subprocess.DEVNULL)  # the bytecode, once, before any build is timed
    print(f"{'N':>6}  {'build':<11} {'wall':>10} {'peak':>11} {'':13} {'output':>15} {'search':>16}  ratio",
          flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for count in args.counts:
            bench(count, args.keep, args.search, args.serve, max(args.pairs, 1))
    else:
        with tempfile.TemporaryDirectory() as folder:
            for count in args.counts:
                bench(count, Path(folder), args.search, args.serve, max(args.pairs, 1))


if __name__ == "__main__":
    main()
