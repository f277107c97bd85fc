"""Reading: archive file bytes -> Source (decoded text, front matter and sidecar split off).

Encodings are detected, not assumed: UTF-8 (with or without BOM) and UTF-16 by their marks,
then GB18030 (a superset of GBK/GB2312) and Big5 by trying them and keeping the decoding
that reads most like Chinese text.
"""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .model import OVERRIDABLE_FIELDS, ArchiveError, Source

BRIEFING_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIXES = (".yml", ".yaml")

# Characters common in Simplified / Traditional official prose: used to choose between two
# decodings that both succeed (GB18030 decodes almost any byte string without error).
_COMMON_HANZI = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    "們這來個國會時對說發學動過產種麵後應開還從數點體長見問現進將頭實機關黨員級級選評導總務職區鄉縣歲報導經濟傳統義風興團議"
)
_CONTROL_SHARE_FOR_BINARY = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# C0 controls (and DEL) never belong in a briefing; they also make feeds invalid XML.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FRONT_MATTER_START = re.compile(r"---[ \t]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Scraped plain text keeps entities of the page it came from (&nbsp; &ldquo;): they are
# characters the reader should see. What they decode to is still escaped when rendered.
_WHITESPACE_ENTITIES = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000);")


def is_briefing_file(path: Path) -> bool:
    return path.suffix.lower() in BRIEFING_SUFFIXES


def read_source(path: Path, relative_path: str) -> Source:
    """Read one archive file. Raises ArchiveError naming the file and the problem."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArchiveError(relative_path, f"cannot be read: {error.strerror or error}") from error
    kind = BRIEFING_SUFFIXES.get(path.suffix.lower(), "txt")
    text, encoding = decode(data, relative_path)
    overrides, body = split_front_matter(text, relative_path)
    overrides.update(read_sidecar(path, relative_path))
    if kind == "html":
        body = html_to_text(body)
    elif kind == "md":
        body = markdown_to_text(body)
    else:
        body = decode_entities(body)
    if not body.strip():
        raise ArchiveError(relative_path, "is empty: no briefing text")
    return Source(path=relative_path, text=body, overrides=overrides, encoding=encoding, kind=kind)


def decode(data: bytes, relative_path: str = "") -> tuple[str, str]:
    """Bytes -> (text with "\\n" newlines, encoding name)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _normalise_newlines(data.decode(encoding, errors="replace")), encoding
    if _looks_binary(data):
        raise ArchiveError(relative_path, "looks binary (NUL bytes), not a text briefing")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = max(_candidate_decodings(data), key=lambda candidate: candidate[2], default=None)
    if best is None or best[2] <= 0:
        raise ArchiveError(relative_path, "is not text in UTF-8, GB18030/GBK or Big5")
    return _normalise_newlines(best[0]), best[1]


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(head) * _CONTROL_SHARE_FOR_BINARY)


def _candidate_decodings(data: bytes):
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        yield text, encoding, _chinese_score(text)


def _chinese_score(text: str) -> float:
    """Share of CJK characters that are common ones: a wrong decoding yields rare characters."""
    hanzi = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not hanzi:
        return 0.5 if text.isprintable() or text.isascii() else 0.0
    return sum(ch in _COMMON_HANZI for ch in hanzi) / len(hanzi)


def _normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").lstrip("\ufeff")
    return _CONTROL_CHARS.sub("", text)


def split_front_matter(text: str, relative_path: str) -> tuple[dict, str]:
    """Split an optional leading YAML block (--- … ---) from the body."""
    if not _FRONT_MATTER_START.match(text):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArchiveError(relative_path, "front matter starts with '---' but never closes")
    return _parse_yaml_mapping(match.group(1), relative_path, "front matter"), text[match.end():]


def read_sidecar(path: Path, relative_path: str) -> dict:
    """A NAME.yml beside NAME.txt overrides the file's own front matter: it is the archivist's word."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            try:
                text = sidecar.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                raise ArchiveError(relative_path, f"sidecar {sidecar.name} cannot be read: {error}") from error
            return _parse_yaml_mapping(text, relative_path, f"sidecar {sidecar.name}")
    return {}


class _StringDatesLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: 2021-13-01 is then a bad *field*, not a crash."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml_mapping(text: str, relative_path: str, where: str) -> dict:
    try:
        data = yaml.load(text, Loader=_StringDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ArchiveError(relative_path, f"{where} is not valid YAML{at}: {problem}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArchiveError(relative_path, f"{where} must be a mapping of field: value")
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

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.hidden_depth:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    body = "\n".join(line for line in lines if line)
    # A page whose body lacks its own headline still names it in <title>.
    title = " ".join(parser.title.split())
    if title and title not in body[:500]:
        body = f"{title}\n{body}"
    return body


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)


def markdown_to_text(markup: str) -> str:
    """Markdown briefings are mostly plain text; heading marks are layout, not words."""
    return decode_entities(_MD_HEADING.sub(r"\1", markup))


def decode_entities(text: str) -> str:
    return html.unescape(_WHITESPACE_ENTITIES.sub(" ", text))
