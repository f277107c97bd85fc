"""The pipeline end to end, for the hook and the command line: archive folder -> Archive
(ingest, through the record cache, on every core for a first build) -> Site (catalog, pages,
feeds, data and the search index), with what the build says about the archive (build_messages).

No MkDocs here: the hook passes the settings in and hands the pages to MkDocs.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from briefings import collecting, ingest
from briefings.background import in_background
from briefings.build_messages import archive_messages
from briefings.cache import whole
from briefings.cache.pages import PageCache
from briefings.cache.records import CACHE_FOLDER, PARALLEL_THRESHOLD, BriefingCache
from briefings.cache.slugs import NameSlugCache
from briefings.cache.store import BuildMemo, KeptInMemory, LastBuildBytes, settled, stat_signature
from briefings.ingest.extract.programs import Vocabulary
from briefings.ingest.slugs import slugify_name
from briefings.progress import Progress
from briefings.search.incremental import KeptIndex
from briefings.search.key_cache import SearchKeyCache
from briefings.site.assembly import GeneratedFile, Site, SiteCaches, SiteSettings, build_site
from briefings.site.catalog import ProgramEntry
from briefings.site.data import DataMemo
from briefings.site.pages.memo import PageMemo


def cache_folder(enabled: bool, choice: str, config_dir: Path) -> Path | None:
    """Where the caches live: .cache/briefings/ beside mkdocs.yml; BRIEFINGS_CACHE (choice) =0
    turns them off, =/a/folder puts them there."""
    if not enabled or choice == "0":
        return None
    if choice not in ("", "1"):
        return Path(choice).resolve()
    return config_dir / CACHE_FOLDER


class KeptCaches:
    """One cache object a folder for the life of the process: a `mkdocs serve` reuses what the
    last build held in memory. Each is handed out with its counts reset for the new build."""

    def __init__(self) -> None:
        self._kept: dict[str, KeptInMemory] = {}
        self.last_build: tuple[str, Built] | None = None  # under serve: the last build, by its whole-build key
        self.pages = PageMemo()  # under serve: the last build's pages, by what they were made from
        self.feed_entries: dict = {}  # under serve: the last build's feed entries, by briefing id
        self.search_index = KeptIndex()  # under serve: the last build's search index, to patch
        self.last_messages: frozenset | None = None  # under serve: what the last build said
        self.file_digests = whole.FileDigests()  # under serve: the archive's files' digests, by their stat
        self.feed_files = LastBuildBytes()  # under serve: the last build's feeds, as they were
        self.reprints = BuildMemo()  # under serve: the last build's reprint comparisons (ingest.reprints)
        self.site_data = DataMemo()  # under serve: each briefing's part of catalog.json and report.json
        self.deferring = False  # under serve, after the first build: disk writes wait for write_deferred()
        self.vocabulary = VocabularyMemo()  # under serve: programs.yml and outlets.yml as last loaded

    def get(self, folder: Path, kind: type[KeptInMemory]):
        cache = self._kept.get(str(folder))
        if cache is None:
            cache = self._kept[str(folder)] = kind(folder)
        cache.reset_counts()
        if cache.entries is not None:
            cache.entries.deferred = self.deferring
        return cache

    def write_deferred(self) -> None:
        """Put on disk what the caches kept back (under serve, once the site is served and the
        server idle): the page caches' batched pages, then every cache's entries."""
        for cache in list(self._kept.values()):
            if isinstance(cache, PageCache):
                cache.flush()
            if cache.entries is not None:
                cache.entries.flush()


class VocabularyMemo:
    """The archive's vocabulary, loaded again only when programs.yml or outlets.yml changed (a
    rebuild under serve parsed them and compiled their patterns again: 0.2 s)."""

    def __init__(self) -> None:
        self._last: tuple | None = None

    def load(self, root: Path) -> Vocabulary:
        files = (ingest.VOCABULARY_FILE, ingest.OUTLETS_FILE)
        seen = (str(root), *(stat_signature(root / name) for name in files))
        if self._last is not None and self._last[0] == seen and all(settled(s) for s in seen[1:] if s):
            return self._last[1]
        vocabulary = ingest.load_vocabulary(root)  # a broken file raises, and is read again next time
        self._last = (seen, vocabulary)
        return vocabulary


def read_archive(root: Path, cache: BriefingCache | None, progress: Callable[[str, int], Progress],
                 log: logging.Logger, reprints_known: BuildMemo | None = None, prefetch: bool = True,
                 vocabularies: VocabularyMemo | None = None) -> ingest.Archive:
    """ingest.read_archive through the record cache, with progress over the archive's files
    (reprints_known: under serve, the reprint comparisons of the last build; prefetch: look for
    the files the cache lacks, to read them on every core; vocabularies: under serve, the last
    build's vocabulary where its files did not change)."""
    read = cache.reader(ingest.read_briefing) if cache is not None else ingest.read_briefing
    paths = ingest.archive_files(root)
    shown = progress("读取简报", len(paths))
    vocabulary = vocabularies.load(root) if vocabularies is not None else ingest.load_vocabulary(root)
    parallel = 0
    if cache is not None and prefetch:  # a first build reads the files on every core
        relative = [(path, path.relative_to(root).as_posix()) for path in paths]
        readable = [
            (path, name) for path, name in relative
            if ingest.is_briefing_file(path) and not ingest.path_problem(path, root, name)
            and not ingest.entry_problem(path, root, name)
        ]
        parallel = cache.prefetch(readable, vocabulary, ingest.read_briefing, progress=shown.advance,
                                  warm_up=ingest.warm_up)

    def read_with_progress(path, relative, vocabulary):
        try:
            return read(path, relative, vocabulary)
        finally:
            if not parallel:
                shown.advance()

    archive = ingest.read_archive(root, vocabulary, read=read_with_progress, files=paths, reprints_known=reprints_known)
    shown.finish()
    if cache is not None:
        cache.forget_unused()
        log.debug("archive cache: %d read from cache, %d read from the files", cache.hits, cache.misses)
    return archive


def warm_up(root: Path) -> None:
    """Under `mkdocs serve`, after the first build: load what reading a new briefing needs
    (ingest.warm_up), on a thread, while the server waits. A failure only leaves it for later."""
    def load() -> None:
        with contextlib.suppress(Exception):
            ingest.warm_up(ingest.load_vocabulary(root))

    threading.Thread(target=load, name="briefings-warm-up", daemon=True).start()


def make_site(archive: ingest.Archive, root: Path, settings: SiteSettings, folder: Path | None,
              kept: KeptCaches, log: logging.Logger, serving: bool = False) -> Site:
    """Every page and file of the site, with the search-key and feed caches of `folder`
    (kept in memory too when `serving`: `mkdocs serve` rebuilds in the same process)."""
    key_cache = kept.get(folder / "search", SearchKeyCache) if folder else None  # each briefing's keys
    feed_cache = kept.get(folder / "feeds", PageCache) if folder else None  # feeds by channel and entries
    if feed_cache is not None:
        feed_cache.in_memory = serving
    slugs = kept.get(folder / "slugs", NameSlugCache) if folder else slugify_name  # no jieba when known
    site = build_site(
        archive.briefings,
        archive.rejections,
        [ProgramEntry(p.name, p.description, tuple(p.aliases)) for p in archive.vocabulary.programs],
        settings,
        slugs,
        # named the way ingest names them (undecodable names escaped), so the report counts each once
        archive_files=ingest.archive_paths(root),
        caches=SiteCaches(search_keys=key_cache,
                          feeds=kept.feed_files.begin(feed_cache) if serving and feed_cache else feed_cache,
                          search_background=not serving, pages=kept.pages if serving else None,
                          feed_entries=kept.feed_entries if serving else None,
                          search_index=kept.search_index if serving else None,
                          data=kept.site_data if serving else None),
    )
    if serving:
        log.info("archive: %d pages as the last build made them, %d made", kept.pages.hits, kept.pages.misses)
    if isinstance(slugs, NameSlugCache):
        slugs.save()
    if key_cache is not None and feed_cache is not None:
        key_cache.forget_unused()
        feed_cache.forget_unused()
        log.debug("search keys: %d cached, %d computed", key_cache.hits, key_cache.misses)
    return site


@dataclass(frozen=True)
class Built:
    """What the hook takes from a build of the archive: the site (its catalog left out when it
    came from the cache), the log's messages about the archive, the names the search dictionary
    adds, and the counts."""

    site: Site
    messages: tuple[tuple[int, str], ...]
    program_names: tuple[str, ...]
    briefings: int
    rejections: int
    whole: bool = False  # from the whole-build cache: the archive was not read
    kept: bool = False  # under serve, the last build's, kept in memory: the archive was not read
    key: str | None = None  # its key in the whole-build cache, until keep_whole has kept it there


def build_archive(root: Path, settings: SiteSettings, folder: Path | None, kept: KeptCaches,
                  progress: Callable[[str, int], Progress], log: logging.Logger, serving: bool = False) -> Built:
    """read_archive, archive_messages and make_site; a build of an archive unchanged since the
    last build (every file, the settings, the code) comes whole from the cache in folder. Under
    serve, where a rebuild means a change, only from memory: a page of docs/ edited, or a file
    saved unchanged, leaves the archive's part of the site as it was."""
    if (folder is not None and not serving and not whole.has_entry(folder / "site")
            and kept.get(folder, BriefingCache).is_empty()):  # a first build: it reads every file
        key = _key_made_while_warming_up(root, repr((settings, root.name)))
    else:
        key = whole.build_key(root, repr((settings, root.name)), kept.file_digests if serving else None) \
            if folder is not None else None
    if key is not None and serving and kept.last_build and kept.last_build[0] == key:
        return replace(kept.last_build[1], kept=True)
    if key is not None and not serving:
        found = whole.load(folder / "site", key)
        if found:
            return _unpacked(found)
    # under serve, the key saw how many files are new or changed: too few for the reading workers
    few = serving and key is not None and kept.file_digests.changed < PARALLEL_THRESHOLD
    archive = read_archive(root, kept.get(folder, BriefingCache) if folder else None, progress, log,
                           kept.reprints if serving else None, prefetch=not few,
                           vocabularies=kept.vocabulary if serving else None)
    collecting.keep_out()  # the records
    site = make_site(archive, root, settings, folder, kept, log, serving=serving)
    collecting.keep_out()  # the pages and files
    built = Built(site, tuple(archive_messages(archive, root.name)), tuple(program_names(archive)),
                  len(archive.briefings), len(archive.rejections), key=None if serving else key)
    kept.last_build = (key, built) if serving and key is not None else None
    return built


def _key_made_while_warming_up(root: Path, settings: str) -> str | None:
    """A first build has no last build to look its key up in, and reads every file: a forked
    child hashes the archive while this process loads what reading needs (jieba, pypinyin, the
    rules' data: about 3 s, paid at the first briefing read anyway), and the key is taken before
    any file of the archive is read, as it is otherwise."""
    making = in_background(lambda: whole.build_key(root, settings))
    ingest.warm_up(Vocabulary())  # what it loads is the same for every vocabulary
    return making()


def keep_whole(built: Built, folder: Path | None) -> None:
    """Keep a build in the whole-build cache (about 2 s at 10,000 briefings; a build the cache
    gave, or one under serve, is not kept again)."""
    if built.key is not None and folder is not None:  # a build the cache gave has no key
        whole.store(folder / "site", built.key, _packed(built))


def start_keeping_whole(built: Built, folder: Path | None) -> Callable[[], object]:
    """keep_whole in a forked child while MkDocs goes on to the pages, on the second core (all
    it keeps is made before them); returns the function that waits for it. Where no child can
    be forked, or it fails, that function keeps the build itself."""
    if built.key is None or folder is None:
        return lambda: None
    # True, not None: in_background takes None for a child that failed, and then works here
    return in_background(lambda: keep_whole(built, folder) or True)


def _packed(built: Built) -> Iterator:
    """A build as the whole-build cache keeps it: its small parts, then one page or file at a
    time with its text as bytes."""
    site = built.site
    yield replace(built, site=replace(site, catalog=None, pages=(), files=()), key=None)
    for page in site.pages:
        yield ("page", replace(page, html=""), page.html.encode("utf-8", "surrogatepass"))
    for file in site.files:
        content = file.content
        yield ("file", file.src_uri, content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content,
               isinstance(content, str))


def _unpacked(items: list) -> Built | None:
    head, pages, files = items[0], [], []
    if not isinstance(head, Built):
        return None
    for item in items[1:]:
        if item[0] == "page":
            pages.append(replace(item[1], html=item[2].decode("utf-8", "surrogatepass")))
        else:
            files.append(GeneratedFile(item[1], item[2].decode("utf-8", "surrogatepass") if item[3] else item[2]))
    return replace(head, site=replace(head.site, pages=tuple(pages), files=tuple(files)), whole=True, key=None)


def new_messages(messages: tuple[tuple[int, str], ...], kept: KeptCaches, serving: bool
                 ) -> tuple[list[tuple[int, str]], int]:
    """(the messages to log, how many are left out). Under serve a rebuild logs what the last
    build did not say (a briefing added or changed): the archivist sees what is new, not the
    whole archive's warnings again (the build report lists every one). Elsewhere: all."""
    if not serving:
        return list(messages), 0
    last, kept.last_messages = kept.last_messages, frozenset(messages)
    if last is None:
        return list(messages), 0
    shown = [message for message in messages if message not in last]
    return shown, len(messages) - len(shown)


def program_names(archive: ingest.Archive) -> list[str]:
    return [name for program in archive.vocabulary.programs for name in (program.name, *program.aliases)]
