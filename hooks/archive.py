"""MkDocs hooks: archive/ in, briefing pages, facet pages, feeds and site data out.

Thin on purpose: MkDocs events are translated into calls on the pure `briefings` package
(briefings.site builds every page and file). Generated pages are ArchivePage: their HTML is
made by the package, so MkDocs converts no Markdown for them and only applies the theme.
MkDocs puts this folder on sys.path only while importing this module, so the package is
imported here, at the top (it is installed editable too). Hook modules are not reloaded by `mkdocs serve`: per-build state is reset in
on_config. Every module-level name starting with on_ is an event handler.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import types
from collections import Counter
from pathlib import Path

from briefings import ingest
from briefings.cache.pages import PageCache, page_key
from briefings.cache.records import CACHE_FOLDER, BriefingCache, KeptInMemory
from briefings.ingest import slugs
from briefings.ingest.extract import gazetteer
from briefings.progress import Progress, summary_line
from briefings.search.dictionary import dictionary_words, register_words
from briefings.search.key_cache import SearchKeyCache
from briefings.site.assembly import SiteCaches, SiteSettings, build_site
from briefings.site.catalog import ProgramEntry
from briefings.site.markup import html_text
from briefings.site.pages.parts import GeneratedPage, Heading
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.hooks.archive")

# A WARNING fails `mkdocs build --strict`: a rejected file and a guessed field do (the archivist
# confirms or corrects a guess in a sidecar NAME.yml); a field the text does not give is news.
REJECTED_FILE_LEVEL = logging.WARNING
FIELD_LEVELS = {"guessed": logging.WARNING, "missing": logging.INFO}
NEWS_PER_KIND = 20  # INFO lines of one kind (e.g. "url missing") before they are summed up


class ArchiveSettings(base.Config):
    """extra.archive in mkdocs.yml; paths resolve from mkdocs.yml's folder."""

    dir = c.Dir(exists=True, default="archive")
    page_size = c.Type(int, default=50)  # briefings per facet page before it is paginated
    feed_limit = c.Type(int, default=50)  # newest entries in every feed
    # Ingested briefings and rendered pages, by content hash, in .cache/briefings/ beside
    # mkdocs.yml (safe to delete); BRIEFINGS_CACHE=0 turns it off, BRIEFINGS_CACHE=/a/folder
    # puts it there.
    cache = c.Type(bool, default=True)


class _WarningCounter(logging.Handler):
    """Counts the build's warnings for its summary line."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_state: dict = {}
# The caches (records, search keys, pages, feeds) by folder, kept across the builds of one
# `mkdocs serve` (this module is not reloaded): all keyed by content, so an unchanged file is
# never read, cleaned or extracted twice and an unchanged page never rendered twice.
_kept: dict[str, KeptInMemory] = {}
# A page served from the page cache is rendered with this empty template (the cached HTML
# replaces its output), so Material's template is not processed again.
CACHED_PAGE_TEMPLATE = "briefings-cached.html"
_warnings = _WarningCounter()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    _state["started"] = time.monotonic()
    _warnings.count = 0
    mkdocs_log = logging.getLogger("mkdocs")
    if _warnings not in mkdocs_log.handlers:
        mkdocs_log.addHandler(_warnings)
    settings = _archive_settings(config)
    if not config.site_url:
        raise PluginError("hooks/archive.py: set site_url in mkdocs.yml; feeds need absolute links")
    if settings.dir not in config.watch:
        config.watch.append(settings.dir)  # `mkdocs serve` rebuilds when a briefing changes
    _state["settings"] = settings
    _state["site"] = None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings: ArchiveSettings = _state["settings"]
    root = Path(settings.dir)
    archive = _read_archive(root, config, settings)
    _log_archive(archive, root)
    if "search" in config.plugins:  # Material's search cuts text with jieba's default tokenizer
        program_names = [
            name for program in archive.vocabulary.programs for name in (program.name, *program.aliases)
        ]
        register_words(dictionary_words(gazetteer.all_place_names(), program_names))
    folder = _cache_folder(config, settings)
    key_cache = _kept_cache(folder / "search", SearchKeyCache) if folder else None  # each briefing's keys
    feed_cache = _kept_cache(folder / "feeds", PageCache) if folder else None  # feeds by channel and entries
    site = build_site(
        archive.briefings,
        archive.rejections,
        [ProgramEntry(p.name, p.description, tuple(p.aliases)) for p in archive.vocabulary.programs],
        SiteSettings(
            site_title=config.site_name,
            site_url=config.site_url,
            site_description=config.site_description or "",
            directory_urls=config.use_directory_urls,
            page_size=settings.page_size,
            feed_limit=settings.feed_limit,
        ),
        slugs.slugify_name,
        archive_files=_archive_files(root),
        caches=SiteCaches(search_keys=key_cache, feeds=feed_cache),
    )
    if folder is not None:
        key_cache.forget_unused()
        feed_cache.forget_unused()
        log.debug("search keys: %d cached, %d computed", key_cache.hits, key_cache.misses)
    _state["site"] = site
    _state["briefings"] = len(archive.briefings)
    for generated in site.pages:
        file = _generated_file(files, config, generated.src_uri, generated.html)
        ArchivePage(file, config, generated)  # sets file.page: MkDocs keeps a page a file has
    for generated in site.files:
        _generated_file(files, config, generated.src_uri, generated.content)
    log.info(
        "archive: %d briefings, %d rejected files, %d generated files",
        len(archive.briefings),
        len(archive.rejections),
        len(site.pages) + len(site.files),
    )
    return files


def _generated_file(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> File:
    written = files.get_file_from_path(src_uri)
    if written is not None:
        log.warning("docs/%s is replaced by the page generated from the archive", src_uri)
        files.remove(written)
    file = File.generated(config, src_uri, content=content)
    files.append(file)
    return file


class ArchivePage(Page):
    """A page made by briefings.site. Its body is HTML already (archive text escaped), so
    read_source takes its metadata and render its HTML and headings: no Markdown is
    converted. A page unchanged since an earlier build comes whole from the page cache: it is
    rendered with an empty template and its cached HTML is written instead (on_post_page)."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage):
        super().__init__(None, file, config)
        self.generated = generated
        self.cache_key: str | None = None  # set when the page's HTML comes from the page cache
        self.new_key: str | None = None  # set when the page is rendered and then cached

    def read_source(self, config: MkDocsConfig) -> None:
        generated = self.generated
        self.markdown = ""
        self.meta = dict(generated.meta)
        # Material prints the title and description into HTML unescaped.
        self.meta["title"] = html_text(generated.title)
        if "description" in self.meta:
            self.meta["description"] = html_text(self.meta["description"])
        cache: PageCache | None = _state.get("page_cache")
        if cache is None:
            return
        key = page_key(_state["page_signature"], self.file.src_uri, _page_digest(generated))
        if cache.contains(key):
            self.cache_key = key
            self.meta["template"] = CACHED_PAGE_TEMPLATE
        else:
            self.new_key = key

    def render(self, config: MkDocsConfig, files: Files) -> None:
        headings = self.generated.headings
        self.content = "" if self.cache_key else self.generated.html
        self.toc = get_toc(_toc_tokens(headings))
        self.present_anchor_ids = {heading.anchor for heading in headings}


def _page_digest(generated: GeneratedPage) -> str:
    """Everything of a generated page its HTML is made from (besides the build's signature)."""
    headings = [[heading.level, heading.anchor, heading.title] for heading in generated.headings]
    data = json.dumps([generated.title, headings, generated.meta], ensure_ascii=False, sort_keys=True)
    return f"{data}\n{generated.html}"


def _toc_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    """Headings as the nested tokens of Python-Markdown's toc extension (names are HTML)."""
    root: list[dict] = []
    stack: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.anchor, "name": html_text(heading.title), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def on_nav(nav, *, config: MkDocsConfig, files: Files):
    _state["pages"] = len(files.documentation_pages())
    _state["page_cache"] = _page_cache(config, nav)
    return nav


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page is read before the first is written: the progress starts here.
    _state["html_progress"] = _progress("写出页面", _state["pages"])
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _advance("html_progress")
    cache: PageCache | None = _state.get("page_cache")
    if cache is None or not isinstance(page, ArchivePage):
        return output
    if page.cache_key is not None:
        cached = cache.get(page.cache_key, count=False)
        if cached is None:
            raise PluginError(f"the page cache lost {page.file.src_uri} during the build; build again")
        return cached
    if page.new_key is not None:
        cache.put(page.new_key, output)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    if _state.get("html_progress") is not None:
        _state["html_progress"].finish()
    if _state.get("page_cache") is not None:
        _state["page_cache"].forget_unused()
        log.debug("page cache: %d pages reused, %d rendered", _state["page_cache"].hits,
                  _state["page_cache"].misses)
    log.info(
        summary_line(
            _state.get("briefings", 0),
            _state.get("pages", 0),
            _warnings.count,
            time.monotonic() - _state.get("started", time.monotonic()),
        )
    )


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    # MkDocs stamps every page with the build date, which ends in sitemap.xml(.gz); a date
    # from the archive keeps the output the same for the same input.
    site = _state.get("site")
    if site is not None:
        page.update_date = site.page_date(page.file.src_uri)
    return page


def _read_archive(root: Path, config: MkDocsConfig, settings: ArchiveSettings) -> ingest.Archive:
    """read_archive through the content cache, with progress over the archive's files."""
    cache = None
    folder = _cache_folder(config, settings)
    if folder is not None:
        cache = _kept_cache(folder, BriefingCache)
    read = cache.reader(ingest.read_briefing) if cache is not None else ingest.read_briefing
    paths = ingest.archive_files(root)
    progress = _progress("读取简报", len(paths))
    vocabulary = ingest.load_vocabulary(root)
    parallel = 0
    if cache is not None:  # a first build reads the files on every core
        relative = [(path, path.relative_to(root).as_posix()) for path in paths]
        readable = [
            (path, name) for path, name in relative
            if ingest.is_briefing_file(path) and not ingest.path_problem(path, root, name)
        ]
        parallel = cache.prefetch(readable, vocabulary, ingest.read_briefing, progress=progress.advance)

    def read_with_progress(path, relative, vocabulary):
        try:
            return read(path, relative, vocabulary)
        finally:
            if not parallel:
                progress.advance()

    archive = ingest.read_archive(root, vocabulary, read=read_with_progress)
    progress.finish()
    if cache is not None:
        cache.forget_unused()
        log.debug("archive cache: %d read from cache, %d read from the files", cache.hits, cache.misses)
    return archive


def _cache_folder(config: MkDocsConfig, settings: ArchiveSettings) -> Path | None:
    choice = os.environ.get("BRIEFINGS_CACHE", "")
    if not settings.cache or choice == "0":
        return None
    if choice not in ("", "1"):
        return Path(choice).resolve()
    return Path(config.config_file_path or ".").resolve().parent / CACHE_FOLDER


def _kept_cache(folder: Path, kind: type[KeptInMemory]):
    """The one cache object of a folder for the life of this module (a `mkdocs serve` reuses
    what it holds in memory), its counts reset for this build."""
    cache = _kept.get(str(folder))
    if cache is None:
        cache = _kept[str(folder)] = kind(folder)
    cache.reset_counts()
    return cache


def _page_cache(config: MkDocsConfig, nav) -> PageCache | None:
    """The page cache of this build, or None when pages must all be rendered: the cache is
    off, the empty template is missing, or a plugin reads the rendered pages (Material's search
    indexes every page's content and would index a reused page as empty)."""
    settings: ArchiveSettings = _state["settings"]
    plugins = [name for name, plugin in config.plugins.items() if not isinstance(plugin, types.ModuleType)]
    folder = _cache_folder(config, settings)
    if folder is None or plugins:  # hooks are modules, plugins are not
        return None
    if not any((Path(theme_dir) / CACHED_PAGE_TEMPLATE).is_file() for theme_dir in config.theme.dirs):
        return None
    cache = _kept_cache(folder / "pages", PageCache)
    _state["page_signature"] = _page_signature(config, nav)
    return cache


def _page_signature(config: MkDocsConfig, nav) -> str:
    """What every page's HTML depends on besides its own content and path: the configuration
    (files and the values MkDocs or `serve` changed), theme templates, navigation, versions."""
    from importlib import metadata

    digest = hashlib.sha256(Path(__file__).read_bytes())  # this module's page events
    for part in (
        metadata.version("mkdocs"),
        metadata.version("mkdocs-material"),
        str(config.site_url),
        str(config.use_directory_urls),
        repr(config.extra),
        repr(config.markdown_extensions),
        repr(sorted(config.theme.items(), key=repr)),
        repr([str(css) for css in config.extra_css]),
        repr([str(script) for script in config.extra_javascript]),
        repr(_nav_items(nav.items)),
    ):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    config_file = Path(config.config_file_path or "")
    if config_file.is_file():
        digest.update(config_file.read_bytes())
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).rglob("*.html")) if Path(folder).is_dir() else ():
            if "site-packages" not in str(path):  # the theme's own files change with its version
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _nav_items(items) -> list:
    return [
        (str(item.title), getattr(item, "url", None), _nav_items(getattr(item, "children", None) or []))
        for item in items
    ]


def _progress(label: str, total: int) -> Progress:
    return Progress(label, total, log=log.info)


def _advance(name: str) -> None:
    progress = _state.get(name)
    if progress is not None:
        progress.advance()


def _archive_settings(config: MkDocsConfig) -> ArchiveSettings:
    settings = ArchiveSettings(config_file_path=config.config_file_path)
    settings.load_dict(dict((config.extra or {}).get("archive") or {}))
    errors, warnings = settings.validate()
    for name, message in warnings:
        log.warning("extra.archive.%s: %s", name, message)
    if errors:
        raise PluginError("; ".join(f"extra.archive.{name}: {error}" for name, error in errors))
    return settings


def _log_archive(archive, root: Path) -> None:
    # Messages name the file as archive/<path>, the way the archivist sees it. Warnings (rejected
    # files, guessed fields) are always logged one by one; news (a field the text does not give,
    # a merged reprint) is, up to NEWS_PER_KIND of a kind, then summed up in one line: at 10,000
    # briefings it would bury the log (the build report lists every one).
    news: list[tuple[str, str]] = []  # (kind, message), in file order
    for rejection in archive.rejections:
        log.log(REJECTED_FILE_LEVEL, "Skipping %s/%s: %s", root.name, rejection.path, rejection.reason)
    for briefing in sorted(archive.briefings, key=lambda briefing: briefing.path):
        for warning in briefing.warnings:
            level = FIELD_LEVELS.get(warning.kind, logging.WARNING)
            if level >= logging.WARNING:
                log.log(level, "%s/%s: %s", root.name, briefing.path, warning)
            else:
                news.append((f"{warning.field} {warning.kind}", f"{root.name}/{briefing.path}: {warning}"))
        for reprint in briefing.reprints:  # news, not a fault: a reprint is merged, nothing is lost
            message = f"{root.name}/{reprint.path}: a reprint of {root.name}/{briefing.path}, merged into its page"
            news.append(("reprints merged", message))
    counts = Counter(kind for kind, _ in news)
    for kind, message in news:
        log.log(logging.INFO if counts[kind] <= NEWS_PER_KIND else logging.DEBUG, "%s", message)
    for kind, count in counts.items():
        if count > NEWS_PER_KIND:
            log.info("archive: %s in %d files (each listed in the build report)", kind, count)


def _archive_files(root: Path) -> list[str]:
    # Named the way ingest names them (undecodable names escaped), so the report counts each once.
    return ingest.archive_paths(root)
