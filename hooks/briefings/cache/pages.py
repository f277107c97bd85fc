"""A cache of finished HTML pages, keyed by everything a page's HTML is made from, so a rebuild
renders only the generated pages that changed. The same store keeps the feeds (bytes).

The caller (the hook) makes the key: the page's content and path plus a signature of the
build (configuration, theme overrides, navigation, versions). Values are zlib-compressed,
kept in memory for the builds of one `mkdocs serve` and on disk (.cache/briefings/pages/entries.sqlite)
for the next `mkdocs build`. Safe to delete; a damaged entry is a miss.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from pathlib import Path

from briefings.cache.store import KeptInMemory
from briefings.site.pages.parts import GeneratedPage

_MAX_PENDING = 256  # pages waiting for the writing thread (under 10 MB)
_MAX_RAW = 32 << 20  # bytes of batched entries kept uncompressed until flush()


def page_key(signature: str, src_uri: str, markdown: str) -> str:
    digest = hashlib.sha256()
    for part in (signature, src_uri, markdown):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def page_digest(generated: GeneratedPage) -> str:
    """Everything of a generated page its HTML is made from (besides the build's signature).
    repr, not JSON: the same page is built the same way, and repr is several times faster."""
    headings = [(heading.level, heading.anchor, heading.title) for heading in generated.headings]
    return f"{generated.title!r}\n{headings!r}\n{sorted(generated.meta.items())!r}\n{generated.html}"


class PageKeys:
    """Each generated page's key, remembered with the page object for the next build: under
    serve most pages are the last build's own objects (site/pages/memo.py), whose HTML need
    not be hashed again to know their key."""

    def __init__(self) -> None:
        self._last: dict[int, tuple] = {}
        self._now: dict[int, tuple] = {}

    def key(self, signature: str, src_uri: str, generated: GeneratedPage) -> str:
        found = self._last.get(id(generated))
        if found is not None and found[0] is generated and found[1:3] == (signature, src_uri):
            key = found[3]
        else:
            key = page_key(signature, src_uri, page_digest(generated))
        self._now[id(generated)] = (generated, signature, src_uri, key)
        return key

    def finish(self) -> None:
        self._last, self._now = self._now, {}


def build_signature(parts: list[str], files: list[Path]) -> str:
    """What every page's HTML depends on besides its own content and path: the given parts
    (configuration, versions, navigation) and the bytes of the given files (templates ...)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in files:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class PageCache(KeptInMemory):
    # Under `mkdocs serve` pages stay in memory for the next rebuild; a one-off build sets this
    # off and reads each page from disk when it writes it. (A one-off build puts in only the
    # pages Jinja rendered: the hook's _worth_keeping.)
    in_memory = True
    # Under `mkdocs serve` the entries a build puts wait in memory, uncompressed, and are
    # compressed and put on disk by flush() in one transaction, once the site is served and the
    # server idle (a rebuild makes hundreds of pages: 0.3 s of zlib at 10,000 briefings).
    batched = False

    def __init__(self, folder: Path | None):
        super().__init__(folder)
        self._thread = None
        self._pending: list = []
        self._pending_keys: set[str] = set()  # read one of these only once it is written
        self._unsaved: list[tuple[str, bytes]] = []  # in memory, for the disk when the build ends
        self._raw: dict[str, bytes] = {}  # batched: entries not compressed yet
        self._raw_size = 0
        self._absent: set[str] = set()  # keys the disk was asked about at once and does not hold (expect)

    def reset_counts(self) -> None:
        super().reset_counts()
        self._absent = set()  # (a new build asks again)

    def expect(self, keys: list[str]) -> None:
        """The keys a build will ask contains() about, asked of the disk together (a query for
        500, not one a page: 16,000 queries took 0.3 s of a build at 10,000)."""
        unknown = [key for key in keys if key not in self._raw and key not in self._memory]
        held = self.entries.present(unknown) if self.entries is not None else set()
        self._absent = {key for key in unknown if key not in held}

    def contains(self, key: str) -> bool:
        """Whether a sound entry is there. It is read and checked now (a damaged one, garbage,
        cut short or empty, is a miss) and kept in memory, so a reused page is read once."""
        found = key in self._raw or key in self._memory or (key not in self._absent and self._load(key))
        if found:
            self._used.add(key)
            self.hits += 1
        else:
            self.misses += 1
        return found

    def _load(self, key: str) -> bool:
        if self.entries is None:
            return False
        if key in self._pending_keys:
            self.flush()
        data = self.entries.get(key)
        if data is None or _sound(data) is None:
            return False
        if self.in_memory:
            self._memory[key] = data
        return True

    def get(self, key: str, count: bool = True) -> str | None:
        data = self.get_bytes(key, count)
        return None if data is None else data.decode("utf-8")

    def put(self, key: str, html: str) -> None:
        self.put_bytes(key, html.encode("utf-8"))

    def get_bytes(self, key: str, count: bool = True) -> bytes | None:
        raw = self._raw.get(key)
        if raw is not None:
            self._used.add(key)
            self.hits += count
            return raw
        data = self._memory.get(key)
        if data is None and key in self._pending_keys:
            self.flush()
        if data is None and self.entries is not None:
            data = self.entries.get(key)
        if data is not None:
            compressed = _sound(data)
            try:
                content = zlib.decompress(compressed) if compressed is not None else None
            except zlib.error:
                content = None
            if content is not None:
                if self.in_memory or self.folder is None:
                    self._memory[key] = data
                else:
                    self._memory.pop(key, None)
                self._used.add(key)
                self.hits += count
                return content
        self.misses += count
        return None

    def put_bytes(self, key: str, content: bytes) -> None:
        self.put_parts(key, [content])

    def put_parts(self, key: str, parts: Iterable[bytes]) -> None:
        """An entry made of parts, compressed as they come: a large one (the whole search
        index) is never held in memory whole, uncompressed. A one-off build's pages (a list of
        parts, kept on disk only) are compressed and written by a thread while the next page is
        made: zlib and the file system let go of the interpreter."""
        self._used.add(key)
        self._absent.discard(key)
        if isinstance(parts, list) and self.batched and self.in_memory:
            content = b"".join(parts)
            self._raw_size += len(content) - len(self._raw.get(key, b""))
            self._raw[key] = content
            self._memory.pop(key, None)
            if self._raw_size > _MAX_RAW:  # a first build's thousands of pages: compressed as they come
                self._compress_raw()
            return
        if isinstance(parts, list) and self.folder is not None and not self.in_memory:
            self._pending.append(self._writer().submit(self._compress_and_write, key, parts))
            self._pending_keys.add(key)
            return
        self._compress_and_write(key, parts)

    def flush(self) -> None:
        """Put on disk what is kept in memory only (one transaction, not one a page: a rebuild
        under serve makes hundreds) and wait until the entries given to the writing thread are."""
        self._compress_raw()
        unsaved, self._unsaved = self._unsaved, []
        if unsaved and self.entries is not None:
            self.entries.put_many(unsaved)
        pending, self._pending = self._pending, []
        for job in pending:
            job.result()
        self._pending_keys = set()
        if self._thread is not None:  # no thread outlives the build: a later fork stays safe
            self._thread.shutdown()
            self._thread = None

    def forget_unused(self) -> None:
        """After a build: what it did not use leaves memory. Batched entries wait for flush()."""
        if not self.batched:
            self.flush()
        super().forget_unused()
        for key in [key for key in self._raw if key not in self._used]:  # a build's before, not flushed
            self._compress_and_write(key, [self._raw.pop(key)])
            self._memory.pop(key, None)
        self._raw_size = sum(map(len, self._raw.values()))

    def _compress_raw(self) -> None:
        raw, self._raw, self._raw_size = self._raw, {}, 0
        for key, content in raw.items():
            self._compress_and_write(key, [content])

    def _writer(self):
        if self._thread is None:
            from concurrent.futures import ThreadPoolExecutor

            self._thread = ThreadPoolExecutor(1, thread_name_prefix="page-cache")
        while len(self._pending) > _MAX_PENDING:  # the pages wait in memory, uncompressed: not too many
            self._pending.pop(0).result()
        return self._thread

    def _compress_and_write(self, key: str, parts: Iterable[bytes]) -> None:
        compressor = zlib.compressobj(1)
        compressed = b"".join([*(compressor.compress(part) for part in parts), compressor.flush()])
        data = zlib.crc32(compressed).to_bytes(4, "big") + compressed
        if self.in_memory or self.folder is None:
            self._memory[key] = data
        if self.entries is None:
            return
        if self.batched and self.in_memory:
            self._unsaved.append((key, data))
        else:
            self.entries.put(key, data)


def _sound(data: bytes) -> bytes | None:
    """The compressed page of an entry (a CRC-32 of it, then it), or None when the entry is
    damaged: checking the CRC is what makes a cache hit cheap (the page is decompressed once,
    when it is written out)."""
    if len(data) < 6 or zlib.crc32(data[4:]).to_bytes(4, "big") != data[:4]:
        return None
    return data[4:]
