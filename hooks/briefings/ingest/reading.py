"""Reading: archive file bytes -> Source (decoded text, front matter and sidecar split off).

Decoding (encodings, damaged bytes) is briefings.decoding's job; what it repaired travels on
as Source.problems, so the build warns about the file.

Files over MAX_FILE_BYTES are not read: a briefing is a few pages (the longest yearbook
chapter seen is ~200 KB); a 20 MB file is a dump or a mistake, and reading it would put
tens of MB into one page and into the search index every reader downloads.
"""

from __future__ import annotations

import html
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import yaml

from briefings.ingest.decoding import decode_bytes
from briefings.ingest.documents import (
    doc_text,
    docx_text,
    is_wechat_page,
    pdf_text,
    wechat_article,
    wechat_lines,
)
from briefings.ingest.documents.limits import MAX_DOCUMENT_BYTES
from briefings.model import OVERRIDABLE_FIELDS, ArchiveError, Source

BRIEFING_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                     ".docx": "docx", ".pdf": "pdf", ".doc": "doc"}
DOCUMENT_KINDS = {"docx": docx_text, "pdf": pdf_text, "doc": doc_text}  # binary: no encoding, no front matter
SIDECAR_SUFFIXES = (".yml", ".yaml")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_SIDECAR_BYTES = 64 * 1024  # a sidecar sets a few fields
_FRONT_MATTER_START = re.compile(r"---[ \t]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Scraped plain text keeps entities of the page it came from (&nbsp; &ldquo;): they are
# characters the reader should see. What they decode to is still escaped when rendered.
_WHITESPACE_ENTITIES = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000);")


def is_briefing_file(path: Path) -> bool:
    return path.suffix.lower() in BRIEFING_SUFFIXES


def read_source(path: Path, relative_path: str) -> Source:
    """Read one archive file. Raises ArchiveError naming the file and the problem."""
    kind = BRIEFING_SUFFIXES.get(path.suffix.lower(), "txt")
    limit = MAX_DOCUMENT_BYTES if kind in DOCUMENT_KINDS else MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArchiveError(
                relative_path,
                f"is {size / 1024 / 1024:.1f} MB, over the {limit // 1024 // 1024} MB limit for one"
                " briefing: not read (split or trim the file)",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ArchiveError(relative_path, f"cannot be read: {error.strerror or error}") from error
    if not data:
        raise ArchiveError(relative_path, "is empty (0 bytes)")
    if kind in DOCUMENT_KINDS:
        body = DOCUMENT_KINDS[kind](data, relative_path)
        return Source(path=relative_path, text=body, overrides=read_sidecar(path, relative_path), encoding=kind,
                      kind=kind, problems=())
    decoded = decode_bytes(data, relative_path)
    overrides, body = split_front_matter(decoded.text, relative_path)
    sidecar = read_sidecar(path, relative_path)
    # the sidecar wins for every field: a place it sets replaces the front matter's whole place
    # (its city 郑州 with the front matter's province 山东 would contradict each other)
    if "city" in sidecar or "province" in sidecar:
        overrides = {k: v for k, v in overrides.items() if k not in ("city", "province")}
    overrides.update(sidecar)
    if kind == "html" and is_wechat_page(body):
        article = wechat_article(body)
        body = "\n".join([*wechat_lines(article), html_to_text(article.content)])
    elif kind == "html":
        body = html_to_text(body)
    elif kind == "md":
        body = markdown_to_text(body)
    elif len(_BLOCK_TAG.findall(body, 0, 20_000)) >= _MARKUP_TAGS:  # a page's markup saved as text (<p class="ql-block">…)
        body = html_to_text(body)
    else:
        body = decode_entities(body)
    if not body.strip():
        what = "holds only whitespace" if not decoded.text.strip() else "has no briefing text"
        raise ArchiveError(relative_path, f"is empty: {what}")
    return Source(path=relative_path, text=body, overrides=overrides, encoding=decoded.encoding, kind=kind,
                  problems=decoded.problems)


def decode(data: bytes, relative_path: str = "") -> tuple[str, str]:
    """Bytes -> (text with "\\n" newlines, encoding name); see briefings.decoding."""
    decoded = decode_bytes(data, relative_path)
    return decoded.text, decoded.encoding


def split_front_matter(text: str, relative_path: str) -> tuple[dict, str]:
    """Split an optional leading YAML block (--- … ---) from the body."""
    if not _FRONT_MATTER_START.match(text):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArchiveError(relative_path, "front matter starts with '---' but never closes")
    return parse_yaml_mapping(match.group(1) or "", relative_path, "front matter"), text[match.end():]


def read_sidecar(path: Path, relative_path: str) -> dict:
    """A NAME.yml beside NAME.txt overrides the file's own front matter: it is the archivist's word."""
    found = [sidecar for sidecar in map(path.with_suffix, SIDECAR_SUFFIXES) if _regular_file(sidecar)]
    if len(found) > 1:
        names = " and ".join(sidecar.name for sidecar in found)
        raise ArchiveError(relative_path, f"has two sidecars ({names}): keep one, the other would be ignored")
    for sidecar in found:
        try:
            if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
                raise ArchiveError(relative_path, f"sidecar {sidecar.name} is over {MAX_SIDECAR_BYTES // 1024} KB")
            text = sidecar.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ArchiveError(relative_path, f"sidecar {sidecar.name} cannot be read: {error}") from error
        return parse_yaml_mapping(text, relative_path, f"sidecar {sidecar.name}")
    return {}


def _regular_file(path: Path) -> bool:
    """A regular file (not a FIFO or device, which would block a read); False for names the
    file system refuses (a 255-byte name plus .yaml is too long)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


_SURROGATE = re.compile("[\ud800-\udfff]")


class _StringDatesLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: 2021-13-01 is then a bad *field*, not a crash.

    Aliases (*name) are refused: no field needs one, and nested aliases ("billion laughs")
    make a value that is tiny in the file and astronomically long once turned into text.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases such as *{event.anchor} are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


# Only null is read as something else than the text written: `title: off`, `source: 010`,
# `title: 0x7E5`, `date: 2021-12-06` are what the archivist typed (YAML 1.1 would make them
# False, 8, 2021 and a date); the fields are validated as text (overrides.py).
_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml_mapping(text: str, relative_path: str, where: str) -> dict:
    try:
        data = yaml.load(text, Loader=_StringDatesLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ArchiveError(relative_path, f"{where} is not valid YAML{at}: {problem}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArchiveError(relative_path, f"{where} must be a mapping of field: value")
    for key, value in data.items():
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str) and _SURROGATE.search(text):
                raise ArchiveError(relative_path, f"{where} field '{key}' holds an invalid character "
                                                  f"({_SURROGATE.search(text).group().encode('unicode_escape').decode()}): "
                                                  "a lone surrogate, not text")
    unknown = sorted(str(key) for key in data if key not in OVERRIDABLE_FIELDS)
    if unknown:
        allowed = ", ".join(OVERRIDABLE_FIELDS)
        raise ArchiveError(relative_path, f"{where} field '{unknown[0]}' is not known (allowed: {allowed})")
    return dict(data)


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element; scripts and styles dropped."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "header", "footer", "table", "ul", "ol", "blockquote", "title", "dd", "dt", "hr", "pre"}
    HIDDEN = {"script", "style", "noscript", "template", "head"}

    CELLS = {"td", "th"}
    # what only a body holds: seeing one closes a <head> whose end tag the page left out
    BODY_TAGS = BLOCKS - {"title"} | {"body", "span", "a", "img", "strong", "b", "em", "font", "td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.in_head = False
        self.pre_depth = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        if self.in_head and tag in self.BODY_TAGS:
            self._close_head()
        if tag in self.HIDDEN:
            self.hidden_depth += 1
            self.in_head = self.in_head or tag == "head"
        if tag == "title":
            self.in_title = True
        if tag == "pre":
            self.pre_depth += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append(" ")  # 市财政局 | 95: cells of a row stay apart

    def handle_endtag(self, tag):
        if tag == "head" and self.in_head:
            self._close_head()
        elif tag in self.HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append(" ")

    def _close_head(self):
        self.in_head = False
        self.hidden_depth = max(0, self.hidden_depth - 1)
        self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.hidden_depth:
            self.parts.append(data if self.pre_depth else data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    markup = _BARE_AMPERSAND.sub("&amp;", markup)  # &copy=3 in an address is no ©
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError, IndexError):
        # html.parser gives up on some malformed markup (marked sections "<![foo[x]]>", "<![ x"):
        # the page is read again with its tags cut out
        parser = _TextExtractor()
        parser.parts = [html.unescape(_BLOCK_TAG.sub("\n", _ANY_TAG.sub(" ", _HIDDEN_PART.sub("\n", markup))))]
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    body = "\n".join(line for line in lines if line)
    # A page whose body lacks its own headline still names it in <title>.
    title = " ".join(parser.title.split())
    if title and title not in body[:500]:
        body = f"{title}\n{body}"
    return body


_HIDDEN_PART = re.compile(r"<(script|style|noscript|template|head)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|pre|hr)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<(?!\s*/?\s*(?:p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|pre|hr)\b)[^>]*>|<!\[[^\n]*", re.IGNORECASE)
_MARKUP_TAGS = 3  # block tags (<p>, <br>, </div>) in a .txt that make it a page's markup
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)


def markdown_to_text(markup: str) -> str:
    """Markdown briefings are mostly plain text; heading marks are layout, not words."""
    return decode_entities(_MD_HEADING.sub(r"\1", markup))


def decode_entities(text: str) -> str:
    """&nbsp; &amp; &#8220; decoded; an "&" that starts no entity ending in ";" stays (?a=1&copy=3)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), _WHITESPACE_ENTITIES.sub(" ", text))


_ENTITY_BODY = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY = re.compile(f"&{_ENTITY_BODY}")
_BARE_AMPERSAND = re.compile(f"&(?!{_ENTITY_BODY})")
