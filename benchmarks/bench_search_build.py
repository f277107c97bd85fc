"""The search index and reprint detection alone, without MkDocs: cold, warm and +1 seconds.

    python benchmarks/bench_search_build.py 3000 10000 [--workdir /tmp/bench-search] [--runs 3]

Per N: writes the synthetic corpus (benchmarks/corpus.py) under WORKDIR unless present and
reads it once through the record cache (WORKDIR/cN-cache: not timed), then prints medians of
--runs runs of
  index cold   catalog_search_files with an empty SearchKeyCache folder (every document's keys
               computed, on every core past KEY_PARALLEL_THRESHOLD, and written)
  index warm   the same with a new SearchKeyCache on that folder (a new `mkdocs build`)
  index serve  the same cache object again (its memory: a `mkdocs serve` rebuild)
  index +1     one briefing added (corpus.make_briefing_text), new SearchKeyCache on the folder
  index none   key_cache=None: everything computed, nothing kept
  reprints     find_reprints over the records as read (they carry their fingerprints), for N
               and N+1 briefings; and "fingerprints": what making the fingerprints costs, one
               core, in the read workers of a cold build (cached with the records after that)
Not a test: figures depend on the machine (and on what else runs on it).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefings.cache.records import BriefingCache
from briefings.ingest import read_archive, read_briefing, slugs
from briefings.ingest.reprints import find_reprints, text_fingerprint
from briefings.search.key_cache import SearchKeyCache
from briefings.search.scripts import catalog_search_files
from briefings.site.catalog import ProgramEntry, build_catalog
from corpus import make_briefing_text, make_corpus


def load(count: int, workdir: Path):
    corpus, cache_folder = workdir / f"c{count}", workdir / f"c{count}-cache"
    if not (corpus / "programs.yml").is_file():
        make_corpus(corpus, count)
    cache = BriefingCache(cache_folder)
    records = []
    reader = cache.reader(read_briefing)

    def read(path, relative, vocabulary):
        record = reader(path, relative, vocabulary)
        records.append(record)
        return record

    from briefings.ingest import archive_files, is_briefing_file, load_vocabulary, path_problem

    vocabulary = load_vocabulary(corpus)
    files = [(path, path.relative_to(corpus).as_posix()) for path in archive_files(corpus)]
    cache.prefetch([(p, r) for p, r in files if is_briefing_file(p) and not path_problem(p, corpus, r)],
                   vocabulary, read_briefing)
    archive = read_archive(corpus, vocabulary, read=read)
    programs = [ProgramEntry(p.name, p.description, tuple(p.aliases)) for p in vocabulary.programs]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "added.txt"
        path.write_text(make_briefing_text(count), encoding="utf-8")
        added = read_briefing(path, f"added/b{count:05d}.txt", vocabulary)
    return archive, records, added, programs


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(count: int, workdir: Path, runs: int) -> None:
    archive, records, added, programs = load(count, workdir)
    catalog = build_catalog(archive.briefings, programs, slugs.slugify_name)
    catalog_plus = build_catalog([*archive.briefings, added], programs, slugs.slugify_name)
    plain = [dataclasses.replace(record) for record in records]  # the records without their fingerprints
    rows: dict[str, list[float]] = {}

    def row(name: str, action) -> None:
        rows.setdefault(name, []).append(timed(action))

    for _ in range(runs):
        with tempfile.TemporaryDirectory(dir=workdir) as folder:
            row("index cold", lambda: catalog_search_files(catalog, True, key_cache=SearchKeyCache(Path(folder))))
            kept = SearchKeyCache(Path(folder))  # one object across two builds, like `mkdocs serve`
            row("index warm", lambda kept=kept: catalog_search_files(catalog, True, key_cache=kept))
            kept.reset_counts()
            row("index serve", lambda kept=kept: catalog_search_files(catalog, True, key_cache=kept))
            row("index +1", lambda: catalog_search_files(catalog_plus, True, key_cache=SearchKeyCache(Path(folder))))
        row("index none", lambda: catalog_search_files(catalog, True))
        row("reprints", lambda: find_reprints(records))
        row("reprints +1", lambda: find_reprints([*records, added]))
        row("fingerprints", lambda: [text_fingerprint(record.text) for record in plain])
    print(f"N={count}: {len(archive.briefings)} briefings after merging reprints, medians of {runs}")
    for name, values in rows.items():
        print(f"  {name:<13} {statistics.median(values):7.2f} s   (runs: {', '.join(f'{v:.2f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bench-search")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    options.workdir.mkdir(parents=True, exist_ok=True)
    for count in options.counts:
        measure(count, options.workdir, options.runs)


if __name__ == "__main__":
    main()
