"""MkDocs hooks: archive/ in, briefing pages, facet pages, feeds and site data out.

Thin on purpose: MkDocs events are translated into calls on the pure `briefings` package
(briefings.build reads the archive and builds every page and file). Generated pages are ArchivePage: their HTML is
made by the package, so MkDocs converts no Markdown for them and only applies the theme.
MkDocs puts this folder on sys.path only while importing this module, so the package is
imported here, at the top (it is installed editable too). Hook modules are not reloaded by `mkdocs serve`: per-build state is reset in
on_config. Every module-level name starting with on_ is an event handler.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import sys
import time
import types
from pathlib import Path

from briefings import build, watching
from briefings.collecting import IdleCollector
from briefings.leaving import leave_finished_process
from briefings.partner import Joined, fork_partner, log_joined
from briefings.cache import site_folder
from briefings.cache.machine import machine_folder
from briefings.cache.outputs import ContentDigests, WrittenOutputs
from briefings.cache.pages import PageCache, PageKeys, build_signature, page_digest, page_key
from briefings.cache.store import MadeFrom, ObjectMemo
from briefings.ingest.extract import gazetteer
from briefings.ingest.extract.programs import VocabularyError
from briefings.progress import Progress, summary_line
from briefings.search.dictionary import dictionary_words, register_words
from briefings.site.assembly import SiteSettings
from briefings.site.data import canonical_address
from briefings.site.chrome import CompiledTemplates, ShapedRenderer
from briefings.site.markup import html_text
from briefings.site.pages.parts import GeneratedPage, toc_tokens
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure import pages as pages_module
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.hooks.archive")

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
_kept = build.KeptCaches()
# A page served from the page cache is rendered with this empty template (the cached HTML
# replaces its output), so Material's template is not processed again.
CACHED_PAGE_TEMPLATE = "briefings-cached.html"
# Any other generated page: main.html once per page shape, filled in (briefings.site.chrome).
SHAPED_PAGE_TEMPLATE = "briefings-shaped.html"
_warnings = _WarningCounter()
_watchers: dict = {}  # under `mkdocs serve`: the native observer of the archive folder
_collector = IdleCollector()  # under `mkdocs serve`: cycles collected between rebuilds, not during
_templates = CompiledTemplates()  # the theme's templates, compiled once a process (and kept on disk)


# what MkDocs runs: "serve" keeps rendered pages in memory between builds; dirty (--dirty):
# only the outputs that changed since the last build of this process are written
_command = {"name": "build", "dirty": False}
_written = WrittenOutputs()
_digests = ContentDigests()  # of the generated files, by their content object (a dirty build)
_page_keys = PageKeys()
_page_meta = ObjectMemo()  # each generated page's metadata as MkDocs is given it, by the page object
# under `mkdocs serve`: each generated file and page object MkDocs was given, by its path, with
# what it was made from and the configuration's part it reads (a rebuild at 10,000 briefings
# has 19,000 generated files, nearly all made from the last build's very objects)
_kept_files = MadeFrom()
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"
# Generated pages a build writes before a forked partner writes every other one (briefings.partner);
# BRIEFINGS_PARTNER=0: never, =always: whatever the count (the tests compare both builds).
PARTNER_PAGES = 400


def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command
    _command["dirty"] = dirty
    _kept.last_messages = None  # a new `mkdocs serve` says everything on its first build
    _kept.deferring = False  # a first build writes its cache entries as it goes (a cold one: 200 MB at 10,000)
    if command == "serve" and not dirty:
        _serve_dirty()
    if dirty or command == "serve":
        logging.getLogger("mkdocs.commands.build").addFilter(_exact_dirty_builds)
    logging.getLogger("mkdocs.commands.build").addFilter(_written_elsewhere)
    logging.getLogger("mkdocs.commands.build").addFilter(_not_cleaned)


def _serve_dirty() -> None:
    """A plain `mkdocs serve` rebuilds as `--dirty` does: only the outputs that changed are
    written (at 10,000 briefings a clean rebuild empties the folder and writes 19,000 files),
    and the hook keeps the folder exactly what a clean build makes. Not with another plugin
    (it may read pages a dirty build skips), nor for `mkdocs serve --clean` (command "build").
    MkDocs passes its dirty flag to build() through a name of its serve module, looked up at
    each rebuild, so it is wrapped there."""
    from mkdocs.commands import serve as serve_module

    real = _unwrapped(serve_module.build)

    def build(config: MkDocsConfig, *, serve_url: str | None = None, dirty: bool = False) -> None:
        exact = not _plugins(config)
        _command["dirty"] = dirty or exact
        real(config, serve_url=serve_url, dirty=dirty or exact)

    build.briefings_wraps = real
    serve_module.build = build


def _unwrapped(function):
    return getattr(function, "briefings_wraps", function)


def _exact_dirty_builds(record: logging.LogRecord) -> bool:
    # MkDocs warns that a dirty build may leave stale navigation; with no plugins this hook keeps
    # it exact (every page is rewritten when the navigation, configuration or templates change).
    exact = not _state.get("plugins", True)
    return not (exact and record.getMessage().startswith(DIRTY_BUILD_WARNING))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _command["name"] == "serve":
        _collector.build_started()
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
    _state["plugins"] = _plugins(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    _keep_site_folder(config)


def _keep_site_folder(config: MkDocsConfig) -> None:
    """A one-off build writes over the last build's site folder instead of letting MkDocs empty
    it first, and removes at the end what it did not write (cache/site_folder.py). Not with
    another plugin, nor for dirty builds and serve (which keep the folder their own way);
    BRIEFINGS_KEEP_SITE=0: MkDocs' clean."""
    import mkdocs.utils

    if (_command["name"] == "serve" or _command["dirty"] or _state["plugins"]
            or os.environ.get("BRIEFINGS_KEEP_SITE") == "0" or not os.path.isdir(config.site_dir)):
        return
    mark = site_folder.start_mark(Path(config.site_dir))
    if mark is None:
        return
    _state["keeping_site"] = True  # MkDocs' "Cleaning site directory" would say otherwise
    real = mkdocs.utils.clean_directory

    def keep(directory: str) -> None:
        mkdocs.utils.clean_directory = real
        if os.path.abspath(directory) != os.path.abspath(config.site_dir):
            real(directory)
            return
        _state["site_mark"] = mark

    keep.briefings_wraps = real
    mkdocs.utils.clean_directory = keep


def _restore_clean_directory() -> None:
    import mkdocs.utils

    mkdocs.utils.clean_directory = _unwrapped(mkdocs.utils.clean_directory)


def on_serve(server, *, config: MkDocsConfig, builder):
    # MkDocs would poll the archive's every file twice a second, on the build's interpreter lock
    _stop_watching()
    _watchers["archive"] = watcher = watching.watch_natively(server, _state["settings"].dir)
    if watcher is not None:
        log.info("archive: watched by the system's file events (%s), not polled", type(watcher).__name__)
    build.warm_up(Path(_state["settings"].dir))  # jieba, pypinyin ... before the first briefing is added
    return server


def on_shutdown() -> None:
    _stop_watching()
    _collector.stop()
    from mkdocs.commands import serve as serve_module

    serve_module.build = _unwrapped(serve_module.build)  # as MkDocs had it
    # on_shutdown runs in a `finally`: an exception on its way out (--strict's count after
    # on_post_build, an error) shows in sys.exc_info, and the process exits as usual with it
    finished = _state.get("posted") and sys.exc_info()[1] is None
    if _command["name"] == "build" and finished and _run_from_the_command_line():
        leave_finished_process()  # the site is written: skip freeing the build's objects one by one


def _run_from_the_command_line() -> bool:
    """Whether this process is the `mkdocs` command itself (its __main__ holds MkDocs' click
    group), not a program that called the build, such as a test runner."""
    commands = getattr(getattr(sys.modules.get("__main__"), "cli", None), "commands", None)
    return isinstance(commands, dict) and {"build", "serve"} <= commands.keys()


def _stop_watching() -> None:
    watching.stop(_watchers.pop("archive", None))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings: ArchiveSettings = _state["settings"]
    _page_meta.start()
    root = Path(settings.dir)
    site_settings = SiteSettings(
        site_title=config.site_name,
        site_url=config.site_url,
        site_description=config.site_description or "",
        directory_urls=config.use_directory_urls,
        page_size=settings.page_size,
        feed_limit=settings.feed_limit,
    )
    try:
        built = build.build_archive(root, site_settings, _cache_folder(config, settings), _kept, _progress, log,
                                    serving=_command["name"] == "serve")
    except VocabularyError as error:  # one clear line naming programs.yml (or outlets.yml) and the entry
        raise PluginError(str(error)) from None
    # under serve a rebuild repeats no message of the last build (with --strict, all: they count)
    shown, repeated = build.new_messages(built.messages, _kept, _command["name"] == "serve" and not config.strict)
    for level, message in shown:
        log.log(level, "%s", message)
    if repeated:
        log.info("archive: %d messages as the last build gave them, not repeated (the build report lists every one)",
                 repeated)
        _warnings.count += sum(level >= logging.WARNING for level, _ in built.messages) - sum(
            level >= logging.WARNING for level, _ in shown)  # the summary line counts them still
    # under `mkdocs build -q` MkDocs drops warnings before --strict counts them: the hook counts its own
    _state["archive_warnings"] = [message for level, message in built.messages if level >= logging.WARNING]
    if "search" in config.plugins:  # Material's search cuts text with jieba's default tokenizer
        register_words(dictionary_words(gazetteer.all_place_names(), list(built.program_names)))
    if _command["name"] != "serve":
        _state["keeping_whole"] = build.start_keeping_whole(built, _cache_folder(config, settings))
    site = built.site
    _state["site"] = site
    _state["briefings"] = built.briefings
    kept = _kept_files_for(config)
    with _one_build_date():
        for generated in site.pages:
            _generated_file(files, config, generated.src_uri, generated.html, kept, generated)
        for generated in site.files:
            _generated_file(files, config, generated.src_uri, generated.content, kept)
    log.info(
        "archive: %d briefings, %d rejected files, %d generated files%s",
        built.briefings,
        built.rejections,
        len(site.pages) + len(site.files),
        " (unchanged since the last build: from the cache)" if built.whole else
        " (unchanged since the last build: kept from memory)" if built.kept else "",
    )
    if "site_mark" in _state:  # the last build's files stay: nothing may stand where an output goes
        site = Path(config.site_dir)
        templates = [*config.theme.static_templates, *config.extra_templates]
        outputs = [*(file.abs_dest_path for file in files), *(site / name for name in templates), site / "sitemap.xml.gz"]
        site_folder.clear_the_way(site, outputs)
    return files


@contextlib.contextmanager
def _one_build_date():
    """MkDocs stamps every new page with the clock (get_build_date: 16,000 readings, 0.13 s of a
    rebuild at 10,000 briefings); on_env stamps each generated page with its archive date instead."""
    real = getattr(pages_module, "get_build_date", None)
    if real is None:
        yield
        return
    date = real()
    pages_module.get_build_date = lambda: date
    try:
        yield
    finally:
        pages_module.get_build_date = real


def _generated_file(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes, kept: MadeFrom | None,
                    page: GeneratedPage | None = None) -> File:
    """The File of a generated file (with its ArchivePage when page is given), the last build's
    when it was made from the same object (kept: under serve)."""
    source = page if page is not None else content
    file = kept.get(src_uri, source) if kept is not None else None
    if file is not None:
        file.start_again()
    else:
        file = ArchiveFile.generated(config, src_uri, content=content)
        file.made_from = content
        if page is not None:
            ArchivePage(file, config, page)  # sets file.page: MkDocs keeps a page a file has
    if kept is not None:
        kept.put(src_uri, source, file)
    written = files.src_uris.get(file.src_uri)  # (get_file_from_path would normalise the path again)
    if written is not None:
        log.warning("docs/%s is replaced by the page generated from the archive", src_uri)
        files.remove(written)
    files.append(file)
    return file


def _kept_files_for(config: MkDocsConfig) -> MadeFrom | None:
    """Under serve, the last build's generated files, when made with the same configuration."""
    if _command["name"] != "serve":
        return None
    _kept_files.start(tuple(repr(config.get(name)) for name in (
        "site_dir", "docs_dir", "use_directory_urls", "site_url", "repo_url", "edit_uri", "edit_uri_template",
        "exclude_docs", "not_in_nav", "draft_docs")))
    return _kept_files


class ArchiveFile(File):
    """A file generated from the archive. A dirty build skips it when what it is made from has
    not changed since the last build wrote it (MkDocs asks is_modified before it writes)."""

    unchanged = False
    content_digest: str | None = None  # of a generated file's content (pages: their page key)
    # the content as generated: the same object as the last build's is not hashed again
    # (File.content_bytes encodes a string anew at each call)
    made_from: str | bytes | None = None

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()

    def start_again(self) -> None:
        """The same file in a later build of this process: what a build set on it is unset."""
        self.unchanged = False
        self.content_digest = None
        self.inclusion = InclusionLevel.UNDEFINED  # set_exclusions decides again
        if isinstance(self.page, ArchivePage):
            self.page.start_again()


def _escaped_meta(generated: GeneratedPage) -> dict:
    # Material prints the title and description into HTML unescaped.
    meta = dict(generated.meta, title=html_text(generated.title))
    if "description" in meta:
        meta["description"] = html_text(meta["description"])
    return meta


class ArchivePage(Page):
    """A page made by briefings.site. Its body is HTML already (archive text escaped), so
    read_source takes its metadata and render its HTML and headings: no Markdown is
    converted. A page unchanged since an earlier build comes whole from the page cache: it is
    rendered with an empty template and its cached HTML is written instead (on_post_page)."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage):
        super().__init__(None, file, config)
        self.generated = generated
        self.key: str | None = None  # everything its HTML is made from, with the build's signature
        self.cache_key: str | None = None  # set when the page's HTML comes from the page cache
        self.new_key: str | None = None  # set when the page is rendered and then cached

    def start_again(self) -> None:
        """Unset what a build sets on a page (as Page.__init__ leaves it), for the next build."""
        self.children = None
        self.previous_page = self.next_page = self.parent = None
        self.active = False
        self.update_date = pages_module.get_build_date()
        self.markdown = self.content = self._title_from_render = None
        self.toc = []
        self.meta = {}
        self.key = self.cache_key = self.new_key = None
        self.present_anchor_ids = None  # as the class has it until render

    def _set_canonical_url(self, base: str | None) -> None:
        addresses = canonical_address(base, self.url) if base else None
        if addresses is None:
            super()._set_canonical_url(base)
        else:
            self.canonical_url, self.abs_url = addresses

    def read_source(self, config: MkDocsConfig) -> None:
        self.read_meta()
        cache: PageCache | None = _state.get("page_cache")
        key = self.key
        if cache is None or key is None:
            return
        if cache.contains(key):
            self.cache_key = key
            self.meta["template"] = CACHED_PAGE_TEMPLATE
        else:
            self.new_key = key

    def read_meta(self) -> None:
        """Title and metadata: all the navigation needs of a page a dirty build skips."""
        self.markdown = ""
        self.meta = dict(_page_meta.of(self.generated, _escaped_meta))
        if _state.get("shaped"):
            self.meta["template"] = SHAPED_PAGE_TEMPLATE

    def render(self, config: MkDocsConfig, files: Files) -> None:
        headings = self.generated.headings
        self.content = "" if self.cache_key else self.generated.html
        self.toc = get_toc(toc_tokens(headings))
        self.present_anchor_ids = {heading.anchor for heading in headings}


def on_nav(nav, *, config: MkDocsConfig, files: Files):
    _state["pages"] = len(files.documentation_pages())
    signature = _state["page_signature"] = None if _state["plugins"] else _page_signature(config, nav)
    _state["page_cache"] = _page_cache(config)
    _skip_unchanged(files, config, signature)
    _state["files"] = files
    # BRIEFINGS_SHAPED=0: every page through Jinja (the tests compare the two builds byte for byte)
    _state["shaped"] = os.environ.get("BRIEFINGS_SHAPED", "1") != "0" and _in_theme(config, SHAPED_PAGE_TEMPLATE)
    return nav


def on_env(env, *, config: MkDocsConfig, files: Files):
    if env.bytecode_cache is None and _cache_folder(config, _state["settings"]) is not None:
        _templates.keep_in(machine_folder("templates"))
        env.bytecode_cache = _templates
    # MkDocs stamps every page with the build date, which ends in sitemap.xml(.gz); a date
    # from the archive keeps the output the same for the same input. (Here, not in on_pre_page:
    # a dirty build does not read the pages it skips, and the sitemap lists them too.)
    site = _state.get("site")
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None:  # skipped by a dirty build: the nav needs its title
            if isinstance(page, ArchivePage):
                page.read_meta()
            else:
                page.read_source(config)
                page.render(config, files)
        if site is not None and page is not None:
            page.update_date = site.page_date(file.src_uri)
    # Every page is read before the first is written: the progress starts here.
    _state["html_progress"] = _progress("写出页面", _state["pages"] - _state.get("skipped", 0))
    if _state.get("shaped"):
        env.globals["briefings_shaped"] = (renderer := ShapedRenderer(env)).from_context
        _state["shaped"] = renderer
    _state["env"] = env
    return env


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    if "partner" not in _state:  # the first page to be written: all are read, none written
        _state["partner"] = _start_partner(page, config, nav)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _advance("html_progress")
    partner = _state.get("partner")
    if partner is not None and page.file.src_uri in _state["elsewhere"]:
        if partner.is_partner and page is _state["last_page"]:  # the loop's end: the first process goes on
            _finish_partner(partner)
        return ""  # the other process writes it (MkDocs writes no empty output)
    cache: PageCache | None = _state.get("page_cache")
    if cache is None or not isinstance(page, ArchivePage):
        return output
    if page.cache_key is not None:
        cached = cache.get(page.cache_key, count=False)
        if cached is None:
            raise PluginError(f"the page cache lost {page.file.src_uri} during the build; build again")
        return cached
    if page.new_key is not None and _worth_keeping(page):
        cache.put(page.new_key, output)
    return output


def _worth_keeping(page: ArchivePage) -> bool:
    """Whether a page's output goes in the page cache. A one-off build keeps only the pages Jinja
    rendered: filling a page in from its shape again costs less than compressing and storing it
    (at 3,000 briefings a cold build took 28-30 s keeping every page, 23-24 s keeping these; the
    warm build took the same either way). Under serve every page is kept in memory, so that a
    rebuild that is not dirty writes the pages it did not change from there."""
    shaped = _state.get("shaped")
    return _command["name"] == "serve" or not (isinstance(shaped, ShapedRenderer) and shaped.filled_page is page)


def on_post_build(*, config: MkDocsConfig) -> None:
    partner = _state.pop("partner", None)
    if partner is not None:
        if partner.is_partner:  # its last page was never reached (a draft?): finish here
            _finish_partner(partner)
        _join_partner(partner.join(), config)
    _restore_clean_directory()
    if "site_mark" in _state:  # every output is written: what is older is the last build's alone
        removed = site_folder.remove_stale(Path(config.site_dir), _state["site_mark"])
        log.debug("site folder: written over in place, %d files of the last build removed", removed)
    if "keeping_whole" in _state:  # the build's data is whole even when strict mode stops it below
        _state.pop("keeping_whole")()
    quiet = not logging.getLogger("mkdocs").isEnabledFor(logging.WARNING)
    warnings = _state.get("archive_warnings")
    if config.strict and quiet and warnings:
        shown = "\n".join(f"  {message}" for message in warnings[:5]) + ("\n  …" if len(warnings) > 5 else "")
        raise Abort(f"Aborted with {len(warnings)} archive warnings in strict mode (rejected files or guessed fields; "
                    f"build without -q to see them all, or open the build report):\n{shown}")
    if _state.get("html_progress") is not None:
        _state["html_progress"].finish()
    _finish_outputs(config)
    if isinstance(_state.get("shaped"), ShapedRenderer):
        shaped = _state["shaped"]
        log.debug("pages: %d filled in from their shape, %d rendered by Jinja; shapes left to Jinja: %s",
                  shaped.filled, shaped.rendered, shaped.mismatched or "none")
    if _state.get("page_cache") is not None:
        _state["page_cache"].forget_unused()
        log.debug("page cache: %d pages reused, %d rendered", _state["page_cache"].hits,
                  _state["page_cache"].misses)
    if _command["name"] == "serve":
        _kept.deferring = True  # a rebuild's few entries wait for the idle server
        _collector.build_finished(then=_kept.write_deferred)
    log.info(
        summary_line(
            _state.get("briefings", 0),
            _state.get("pages", 0),
            _warnings.count,
            time.monotonic() - _state.get("started", time.monotonic()),
        )
    )
    _state["posted"] = True


def on_build_error(*, error: Exception) -> None:
    _restore_clean_directory()
    partner = _state.pop("partner", None)
    if partner is not None and partner.is_partner:
        partner.finish(error=f"{type(error).__name__}: {error}")
    if partner is not None:
        partner.stop()
        gc.unfreeze()
    keeping = _state.pop("keeping_whole", None)
    if keeping is not None:  # the archive's part was whole: what stopped the build came after
        keeping()
    _written.forget()  # the site folder holds an unknown mix: the next dirty build writes all
    if _command["name"] == "serve":
        _collector.build_finished()


def _start_partner(current: Page, config: MkDocsConfig, nav):
    """Fork a partner to write every other generated page after the current one, when there
    are enough of them, two cores, and no fork hazard: not under serve (threads), nor in a
    dirty build (which outputs were written is known to one process), nor with a plugin (it may
    read every page's output). Each process marks the pages the other writes: an empty
    template, no output."""
    setting = os.environ.get("BRIEFINGS_PARTNER", "")
    files: Files | None = _state.get("files")
    if setting == "0" or files is None or _command["name"] == "serve" or _command["dirty"] or _state["plugins"]:
        return None
    pages = [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
    start = next((index for index, page in enumerate(pages) if page is current), len(pages)) + 1
    shared = [page for page in pages[start:-1] if isinstance(page, ArchivePage)]  # the last is the first's
    if setting != "always" and (len(shared) < PARTNER_PAGES or (os.cpu_count() or 1) < 2):
        return None
    cache: PageCache | None = _state.get("page_cache")
    if cache is not None:
        cache.flush()  # its writing thread: no thread may run at the fork
    gc.freeze()  # the partner's collections would touch, and so copy, every object of the build
    partner = fork_partner()
    if partner is None:
        gc.unfreeze()
        return None
    taken = {id(page) for index, page in enumerate(shared) if partner.takes(index)}
    if partner.is_partner:
        elsewhere = [page for page in pages if id(page) not in taken]
        _state["html_progress"] = None  # one process shows the progress
        if isinstance(_state.get("shaped"), ShapedRenderer):
            _state["shaped"].filled = _state["shaped"].rendered = 0
            _state["shaped"].mismatched = []
    else:
        elsewhere = [page for page in shared if id(page) not in taken]
        _state["partner_pages"] = elsewhere
        _state["nav"], _state["doc_files"] = nav, [page.file for page in pages]
    for page in elsewhere:
        if page is not current:
            page.own_template = page.meta.get("template")
            page.meta["template"] = CACHED_PAGE_TEMPLATE
    _state["elsewhere"] = {page.file.src_uri for page in elsewhere}
    _state["last_page"] = pages[-1] if pages else None
    return partner


def _finish_partner(partner) -> None:
    cache: PageCache | None = _state.get("page_cache")
    try:
        if cache is not None:
            cache.flush()  # the pages it cached are on disk before it goes
    except Exception as error:  # noqa: BLE001 - said to the first process, which stops the build
        partner.finish(error=f"the page cache: {error}")
    shaped = _state.get("shaped")
    counts = (shaped.filled, shaped.rendered, shaped.mismatched) if isinstance(shaped, ShapedRenderer) else None
    partner.finish({"shaped": counts})


def _join_partner(joined: Joined, config: MkDocsConfig) -> None:
    """The partner's log lines and counts here; its error stops the build. If it died (killed,
    out of memory) without a word, its pages are written here."""
    gc.unfreeze()
    log_joined(joined)
    if joined.error:
        raise PluginError(f"the second process writing pages failed: {joined.error}")
    shaped = _state.get("shaped")
    counts = joined.report.get("shaped")
    if isinstance(shaped, ShapedRenderer) and counts:
        shaped.filled += counts[0]
        shaped.rendered += counts[1]
        shaped.mismatched += [key for key in counts[2] if key not in shaped.mismatched]
    log.debug("pages: %d written by a second process", 0 if joined.died else len(_state["partner_pages"]))
    if joined.died:
        from mkdocs.commands.build import _build_page

        log.warning("archive: the second process writing pages stopped without a word; writing its %d pages here",
                    len(_state["partner_pages"]))
        _state["elsewhere"] = set()
        env = _state["env"]
        for page in _state["partner_pages"]:
            page.meta.pop("template")
            if page.own_template is not None:
                page.meta["template"] = page.own_template
            _build_page(page, config, _state["doc_files"], _state["nav"], env)


def _not_cleaned(record: logging.LogRecord) -> bool:
    return not (_state.get("keeping_site") and record.getMessage() == "Cleaning site directory")


def _written_elsewhere(record: logging.LogRecord) -> bool:
    # MkDocs says it skipped a page with empty output: those the other process writes are not news.
    message = record.getMessage()
    return not (message.startswith("Page skipped: '") and message[15:].split("'", 1)[0] in _state.get("elsewhere", ()))


def _finish_outputs(config: MkDocsConfig) -> None:
    files: Files | None = _state.get("files")
    if files is None or not _command["dirty"]:  # a clean build emptied the folder: nothing is stale
        return
    generated = {file.abs_dest_path: file.content_digest for file in files
                 if isinstance(file, ArchiveFile) and file.content_digest is not None}
    gone = _written.finish(generated, (file.abs_dest_path for file in files))
    log.info("archive: dirty build: %d unchanged files kept, %d removed", _state.get("skipped", 0), len(gone))


def _cache_folder(config: MkDocsConfig, settings: ArchiveSettings) -> Path | None:
    config_dir = Path(config.config_file_path or ".").resolve().parent
    return build.cache_folder(settings.cache, os.environ.get("BRIEFINGS_CACHE", ""), config_dir)


def _plugins(config: MkDocsConfig) -> list[str]:
    """The plugins of the build (hooks are modules, plugins are not). With any, every page is
    rendered and written: a plugin may read the rendered pages (Material's search indexes every
    page's content and would index a reused or skipped page as empty)."""
    return [name for name, plugin in config.plugins.items() if not isinstance(plugin, types.ModuleType)]


def _page_cache(config: MkDocsConfig) -> PageCache | None:
    """The page cache of this build, or None when pages must all be rendered: the cache is
    off, the empty template is missing, or there are plugins."""
    folder = _cache_folder(config, _state["settings"])
    if folder is None or _state["page_signature"] is None or not _in_theme(config, CACHED_PAGE_TEMPLATE):
        return None
    cache = _kept.get(folder / "pages", PageCache)
    cache.in_memory = cache.batched = _command["name"] == "serve"
    return cache


def _skip_unchanged(files: Files, config: MkDocsConfig, signature: str | None) -> None:
    """Give every generated page its key (for the page cache and dirty builds: nothing else
    reads it) and, in a dirty build, mark the generated outputs the last build of this process
    wrote from the same content as unchanged (MkDocs skips them).
    When nothing may be kept (a new process, another signature), the pages from docs/ are
    deleted from the site folder, so MkDocs' dirty build (which compares modification times)
    writes them again."""
    cache: PageCache | None = _state["page_cache"]
    if signature is None or (cache is None and not _command["dirty"]):
        signature = None  # no page key is wanted
    keys = _page_keys if _command["name"] == "serve" else None  # under serve, most pages are the last build's
    for file in files:
        page = file.page
        if isinstance(page, ArchivePage) and signature is not None:
            page.key = keys.key(signature, file.src_uri, page.generated) if keys else page_key(
                signature, file.src_uri, page_digest(page.generated))
    if keys:
        keys.finish()
    if cache is not None and signature is not None:
        cache.expect([file.page.key for file in files if isinstance(file.page, ArchivePage)])
    if not _command["dirty"]:
        return
    kept = _written.start(config.site_dir, signature)
    _digests.start()
    skipped = 0
    for file in files:
        if isinstance(file, ArchiveFile):
            if isinstance(file.page, ArchivePage):
                file.content_digest = file.page.key
            else:
                file.content_digest = _digests.of(file.made_from if file.made_from is not None else file.content_bytes)
            file.unchanged = kept and file.content_digest is not None and _written.unchanged(
                file.abs_dest_path, file.content_digest)
            skipped += file.unchanged
            if file.unchanged and cache is not None and file.content_digest:
                cache.keep(file.content_digest)  # its entry stays for the next clean build
        elif not kept and file.is_documentation_page():
            with contextlib.suppress(OSError):
                os.unlink(file.abs_dest_path)
    _state["skipped"] = skipped


def _in_theme(config: MkDocsConfig, template: str) -> bool:
    return any((Path(theme_dir) / template).is_file() for theme_dir in config.theme.dirs)


def _page_signature(config: MkDocsConfig, nav) -> str:
    """What every page's HTML depends on besides its own content and path: the configuration
    (files and the values MkDocs or `serve` changed), theme templates, navigation, versions."""
    from importlib import metadata

    config_file = Path(config.config_file_path or "")
    parts = [
        Path(__file__).read_text(encoding="utf-8"),  # this module's page events
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
        *(path.read_text(encoding="utf-8", errors="replace") for path in _config_chain(config_file)),
    ]
    templates = [
        path
        for folder in config.theme.dirs if Path(folder).is_dir()
        for path in sorted(Path(folder).rglob("*.html"))
        if "site-packages" not in str(path)  # the theme's own files change with its version
    ]
    return build_signature(parts, templates)


def _config_chain(config_file: Path) -> list[Path]:
    """mkdocs.yml and every file it INHERITs (a change to a parent changes every page)."""
    chain: list[Path] = []
    while config_file.is_file() and config_file not in chain and len(chain) < 10:
        chain.append(config_file)
        parent = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$",
                           config_file.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
        if parent is None:
            break
        config_file = (config_file.parent / parent.group(1).strip()).resolve()
    return chain


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
