"""Browser tests: the sample site (five seeds + a hostile file), built with `mkdocs build
--strict`, served on 127.0.0.1 and driven in Debian's headless Chromium through Playwright.

Playwright never downloads a browser here: executable_path points at /usr/bin/chromium
(CHROMIUM overrides it). A missing browser fails the tests; they are never skipped.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build"))

from site_build import make_sample_archive, mkdocs_build

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    build = mkdocs_build(make_sample_archive(root / "archive"), root / "site")
    assert build.returncode == 0, build.log
    return build.site


@pytest.fixture(scope="session")
def catalog(built_site) -> dict:
    return json.loads((built_site / "catalog.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, base_url):
    """open_page(path, **context options) -> a Playwright page that fails the test on any
    alert/confirm dialog (a sign of script injection) and records every request."""
    contexts = []
    dialogs: list[str] = []

    def opener(path: str = "/", **options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()
    assert dialogs == [], f"a page opened a dialog: {dialogs}"


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where screenshots go: $SCREENSHOT_DIR to keep them, else a temporary folder."""
    folder = (
        Path(os.environ["SCREENSHOT_DIR"])
        if os.environ.get("SCREENSHOT_DIR")
        else tmp_path_factory.mktemp("screenshots")
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# The offline bundle of the same sample archive, opened from file:// (briefings offline).
@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> Path:
    from briefings.offline import build_bundle
    from site_build import ROOT

    root = tmp_path_factory.mktemp("offline")
    bundle = build_bundle(root / "bundle", ROOT / "mkdocs.yml", strict=True, archive=make_sample_archive(root / "archive"))
    return bundle.folder


class Reader:
    """One way of reading the site: `online` (served on 127.0.0.1) or `offline` (the bundle
    from file://). Every request is recorded; any request leaving the site is blocked."""

    def __init__(self, kind: str, browser, origin: str, catalog: dict, index_page: str):
        self.kind, self.browser, self.origin, self.catalog = kind, browser, origin, catalog
        self.index_page = index_page  # what "/" is: "" online, "index.html" offline
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.failed: list[str] = []  # requests answered with an error, or that failed (a missing file)
        self.console_errors: list[str] = []
        self.contexts = []

    def open(self, url: str = "/", **options):
        context = self.browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        self.contexts.append(context)
        context.route("**/*", self._route)
        page = context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda request: self.failed.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda response: response.status >= 400 and self.failed.append(
            f"{response.url}: HTTP {response.status}"))
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("dialog", lambda dialog: (self.blocked.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(self.url(url))
        page.wait_for_load_state("load")
        return page

    def url(self, site_url: str) -> str:
        path = site_url.lstrip("/")
        return f"{self.origin}/{path or self.index_page}"

    def page_url(self, site_url: str) -> str:
        """A page's directory URL (/report/) as this reader opens it (report/index.html from disk)."""
        return site_url + self.index_page if site_url.endswith("/") else site_url

    def _route(self, route):
        if route.request.url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin + "/")] + self.blocked

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture(params=["online", "offline"])
def reader(request, browser, base_url, catalog):
    if request.param == "online":
        reader = Reader("online", browser, base_url, catalog, "")
    else:
        bundle = request.getfixturevalue("offline_bundle")
        offline_catalog = json.loads((bundle / "catalog.json").read_text("utf-8"))
        reader = Reader("offline", browser, bundle.as_uri(), offline_catalog, "index.html")
    yield reader
    reader.close()
