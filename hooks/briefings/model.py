"""Plain records that flow through the pipeline: read -> clean -> extract -> catalog.

Nothing here knows about MkDocs; every field is a plain Python value so records can be
cached, compared in tests and dumped to JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Fields that front matter or a sidecar file may set; what they set wins over extraction.
OVERRIDABLE_FIELDS = ("title", "city", "province", "year", "date", "source", "url", "programs")


@dataclass(frozen=True)
class Source:
    """One archive file after reading: decoded text plus the overrides found beside it."""

    path: str  # archive-relative POSIX path, the file's identity in messages and reports
    text: str  # the body, decoded, front matter removed, newlines normalised to "\n"
    overrides: dict = field(default_factory=dict)  # validated values for OVERRIDABLE_FIELDS
    encoding: str = "utf-8"
    kind: str = "txt"  # "txt", "md", "html", "docx", "pdf" or "doc": how the body was written
    problems: tuple[str, ...] = ()  # repairs made while decoding (truncated, NUL bytes ...), in words


@dataclass(frozen=True)
class Block:
    """One piece of the cleaned body.

    kind is one of:
      "heading"   a section heading; level 2 for 一、/【概况】, 3 for (一)/第一,
      "paragraph" running text
      "item"      one entry of a list; consecutive items form one list
      "speech"    a paragraph said by `speaker` in a dialogue (press conference Q&A);
                  `role` is "host", "reporter" or "answerer"; consecutive speech blocks
                  of one speaker form one turn
      "note"      a trailing credit such as (李艳明) or (图片摄影:李鲲)
    """

    kind: str
    text: str
    level: int = 0
    speaker: str = ""
    role: str = ""


@dataclass(frozen=True)
class Dropped:
    """A raw line that cleaning removed from the body, and why.

    reason is a short fixed word: "crumb", "byline", "ad", "url", "footer", "copyright",
    "comments", "widget", "subscription", "back-link", "image", "pager", "site-label",
    "related", "newsletter", "masthead", "meta" (date/source/editor lines) ...  Extraction still reads these lines:
    bylines carry dates and sources, footers name titles.
    """

    text: str
    reason: str


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one raw text."""

    blocks: tuple[Block, ...]
    headline: str | None  # a headline line found above the body (not repeated in blocks)
    dropped: tuple[Dropped, ...]  # in document order


@dataclass(frozen=True)
class Warning:
    """A field that was guessed or is missing, and why. Shown to the archivist.

    A guessed value is a warning of the build (it may be wrong: the archivist confirms or
    corrects it in a sidecar); a missing one is information (the text does not say).
    """

    field: str
    message: str
    kind: str = "guessed"  # or "missing"

    def __str__(self) -> str:
        return f"{self.field} {self.kind}: {self.message}"


@dataclass(frozen=True)
class Reprint:
    """Another archive file holding the same briefing (scraped from another site): it
    becomes no page of its own; the briefing's page lists where it appeared."""

    path: str
    source: str | None
    url: str | None
    date: str | None


@dataclass(frozen=True)
class Briefing:
    """A clean, correct record of one briefing, ready for the catalog."""

    path: str
    id: str
    slug: str
    title: str
    city: str | None
    province: str | None
    year: int | None
    date: str | None  # publication date, YYYY-MM-DD
    source: str | None  # the outlet or site
    url: str | None  # the original address
    programs: tuple[str, ...]  # canonical names from the vocabulary
    discovered: tuple[str, ...]  # campaign-like names not (yet) in the vocabulary
    blocks: tuple[Block, ...]
    warnings: tuple[Warning, ...] = ()
    reprints: tuple[Reprint, ...] = ()  # other copies of this briefing, merged into its page
    # What reprint detection needs of the text (briefings.reprints.Fingerprint), computed where
    # the record is read so the record cache keeps it; None: computed when needed. Not compared,
    # not an __init__ argument: a copy (dataclasses.replace) starts without one, never a stale one.
    fingerprint: object = field(default=None, init=False, compare=False, repr=False)

    @property
    def text(self) -> str:
        return blocks_to_text(self.blocks)


@dataclass(frozen=True)
class Rejection:
    """An archive file that could not become a briefing, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ArchiveError(Exception):
    """A file that cannot be read as a briefing. The message names the file and the problem."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def blocks_to_text(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The cleaned body as plain text, paragraphs separated by blank lines.

    A dialogue turn starts with its speaker ("主持人：…"); list items and headings keep
    their own paragraph.
    """
    parts: list[str] = []
    previous_speaker = None
    for block in blocks:
        if block.kind == "speech":
            if block.speaker != previous_speaker:
                parts.append(f"{block.speaker}：{block.text}")
            else:
                parts.append(block.text)
            previous_speaker = block.speaker
            continue
        previous_speaker = None
        parts.append(block.text)
    return "\n\n".join(parts)
