"""MkDocs hooks: archive/ in, briefing pages, facet pages, feeds and site data out.

Thin on purpose: MkDocs events are translated into calls on the pure `briefings` package
(briefings.site builds every page and file). MkDocs puts this folder on sys.path only while
importing this module, so the package is imported here, at the top (it is installed
editable too). Hook modules are not reloaded by `mkdocs serve`: per-build state is reset in
on_config. Every module-level name starting with on_ is an event handler.
"""

from __future__ import annotations

import logging
from pathlib import Path

from briefings import gazetteer, ingest, slugs
from briefings.catalog import ProgramEntry
from briefings.search_dictionary import dictionary_words, register_words
from briefings.site import SiteSettings, build_site
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.archive")

# A WARNING fails `mkdocs build --strict`: a rejected file and a guessed field do (the archivist
# confirms or corrects a guess in a sidecar NAME.yml); a field the text does not give is news.
REJECTED_FILE_LEVEL = logging.WARNING
FIELD_LEVELS = {"guessed": logging.WARNING, "missing": logging.INFO}


class ArchiveSettings(base.Config):
    """extra.archive in mkdocs.yml; paths resolve from mkdocs.yml's folder."""

    dir = c.Dir(exists=True, default="archive")
    page_size = c.Type(int, default=50)  # briefings per facet page before it is paginated
    feed_limit = c.Type(int, default=50)  # newest entries in every feed


_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
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
    archive = ingest.read_archive(root)
    _log_archive(archive, root)
    program_names = [
        name for program in archive.vocabulary.programs for name in (program.name, *program.aliases)
    ]
    register_words(dictionary_words(gazetteer.all_place_names(), program_names))
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
    )
    _state["site"] = site
    for generated in site.files:
        written = files.get_file_from_path(generated.src_uri)
        if written is not None:
            log.warning("docs/%s is replaced by the page generated from the archive", generated.src_uri)
            files.remove(written)
        files.append(File.generated(config, generated.src_uri, content=generated.content))
    log.info(
        "archive: %d briefings, %d rejected files, %d generated files",
        len(archive.briefings),
        len(archive.rejections),
        len(site.files),
    )
    return files


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    # MkDocs stamps every page with the build date, which ends in sitemap.xml(.gz); a date
    # from the archive keeps the output the same for the same input.
    site = _state.get("site")
    if site is not None:
        page.update_date = site.page_date(page.file.src_uri)
    return page


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
    # Messages name the file as archive/<path>, the way the archivist sees it.
    for rejection in archive.rejections:
        log.log(REJECTED_FILE_LEVEL, "Skipping %s/%s: %s", root.name, rejection.path, rejection.reason)
    for briefing in sorted(archive.briefings, key=lambda briefing: briefing.path):
        for warning in briefing.warnings:
            log.log(FIELD_LEVELS.get(warning.kind, logging.WARNING), "%s/%s: %s", root.name, briefing.path, warning)


def _archive_files(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
