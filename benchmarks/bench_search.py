"""Search at scale: index size, bytes a query loads and time to its first result, online and offline.

    python benchmarks/bench_search.py 1000 10000 [--workdir /tmp/bench]

Per N: generates the synthetic corpus (benchmarks/corpus.py) unless present, builds the online
site (mkdocs build) and the offline bundle (briefings offline) unless present, then prints the
size of the index (search/), of the bundle and its zip, and for a few queries, in Debian's
headless Chromium: the bytes of index files the query loaded and the milliseconds from typing
to the first result shown, served on 127.0.0.1 (online) and from file:// (offline).
Not a timed test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["星级党支部", "驻马店", "党建", "机关党建工作", "基层党组织建设"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def ensure_builds(n: int, workdir: Path) -> tuple[Path, Path]:
    corpus, site, bundle = workdir / f"c{n}", workdir / f"s{n}", workdir / f"o{n}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(n), str(corpus)], check=True)
    env = {**os.environ, "BRIEFINGS_ARCHIVE": str(corpus)}
    if not (site / "search" / "meta.js").is_file():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                       env=env, check=True)
        print(f"  online build: {time.perf_counter() - started:.0f} s")
    if not (bundle / "search" / "meta.js").is_file():
        started = time.perf_counter()
        subprocess.run(["briefings", "offline", "--output", str(bundle), "--config-file", str(ROOT / "mkdocs.yml"),
                        "--archive", str(corpus)], check=True, cwd=workdir)
        print(f"  offline bundle: {time.perf_counter() - started:.0f} s")
    return site, bundle


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(browser, start_url: str, folder: Path, query: str) -> tuple[int, float, int]:
    """(bytes of search/ files requested, ms from typing to the first result, results)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(start_url)
    page.wait_for_load_state("load")
    box = page.locator(".briefings-search .md-search__input")
    box.click()
    started = time.perf_counter()
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('.briefings-search').getAttribute('data-searched') === q", arg=query, timeout=120_000
    )
    elapsed = (time.perf_counter() - started) * 1000 - 120  # less the typing debounce of search.js
    count = page.locator(".briefings-search .md-search-result__meta").inner_text()
    loaded = 0
    for url in requested:
        path = unquote(urlsplit(url).path)
        if "/search/" in path:
            relative = path.split("/search/", 1)[1]
            loaded += (folder / "search" / relative).stat().st_size
    context.close()
    return loaded, elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--workdir", default="/tmp/bench-search")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for n in args.sizes:
            print(f"== {n} briefings")
            site, bundle = ensure_builds(n, workdir)
            search = site / "search"
            shards = list(search.glob("shard-*.js"))
            docs = list((search / "docs").glob("*.js"))
            meta = (search / "meta.js").stat().st_size
            print(f"  index: {folder_bytes(search) / 1e6:.1f} MB in {len(shards)} shards "
                  f"(average {sum(p.stat().st_size for p in shards) / len(shards) / 1e3:.0f} KB, largest "
                  f"{max(p.stat().st_size for p in shards) / 1e3:.0f} KB), {len(docs)} documents, meta {meta / 1e3:.0f} KB")
            zipped = bundle.with_name(bundle.name + ".zip")
            print(f"  bundle: {folder_bytes(bundle) / 1e6:.0f} MB, zip {zipped.stat().st_size / 1e6:.0f} MB; "
                  f"online site {folder_bytes(site) / 1e6:.0f} MB")
            server = serve(site)
            where = {
                "online": (f"http://127.0.0.1:{server.server_port}/", site),
                "offline": ((bundle / "index.html").as_uri(), bundle),
            }
            for query in QUERIES:
                for mode, (url, folder) in where.items():
                    loaded, ms, count = measure(browser, url, folder, query)
                    print(f"  {mode:7} {query:8} loaded {loaded / 1e3:7.0f} KB  first result {ms:6.0f} ms  {count}")
            server.shutdown()
        browser.close()


if __name__ == "__main__":
    main()
