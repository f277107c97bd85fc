"""Cleaning: one raw scraped text -> Cleaned(blocks, headline, dropped).

Stages, each linear in the size of the text:
  1. normalise whitespace (line ends, invisible characters, odd spaces) and drop pinyin glosses;
  2. drop noise lines: every line is tried against patterns for one kind of noise (crumbs,
     bylines, ads, footers ...: noise.py); lines.py looks at where the line sits (the top
     of the page, the trailer after the body). In hard-wrapped text a piece of a sentence is
     judged only by how it starts;
  3. rejoin hard-wrapped lines when most lines share one length (display width or characters);
  4. drop noise again on rejoined paragraphs (a glued or spared line may now read as noise);
  5. recover the headline, headings, lists, credits and the speakers of a press conference.

Cleaning cleaned text changes nothing: clean(blocks_to_text(clean(t).blocks)).blocks equals
clean(t).blocks. Rules that look at neighbours are written so that what they see does not
change when the text comes back as blocks (see structure.py).
"""

from __future__ import annotations

import re

from briefings.ingest.cleaning.lines import drop_noise
from briefings.ingest.cleaning.patterns import HAN
from briefings.ingest.cleaning.structure import recover_structure, split_column, split_masthead
from briefings.ingest.cleaning.wraps import fragments_of, full_line_test, rejoin
from briefings.model import Cleaned, Dropped

__all__ = ["clean"]

_NEWLINE = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# invisible characters, and the HTML entities of invisible characters and of spaces
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\xad\u180e\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u2064\ufeff]|&(?:zwj|zwnj|shy|#8203|#x200[bB]);")
_SPACE_RUN = re.compile(r"(?:[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]|"
                        r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000);)+")
# a space next to CJK punctuation, or after ASCII punctuation between two CJK characters, is no word gap
_NEEDLESS_SPACE = re.compile(f" (?:(?<=[，。、；：！？”’）》】」』] )|(?=[，。、；：！？“‘（《【「『])|"
                             f"(?<=[{HAN}][,;:!?] )(?=[{HAN}]))")
# Pinyin printed after characters by some traditional-character pages: 機(jī)關(guān), 黨(dang).
_PINYIN_GLOSS = re.compile("[(（][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,6}[)）]")  # a bracket first: scans fast
_HAN_CHAR = re.compile(f"[{HAN}]")
_GLOSSED_PAGE = 3  # a page that glosses, glosses many characters; one "第(a)项" is no gloss
_LETTER_SPACED = re.compile(f"[{HAN}](?: [{HAN}]){{1,9}}")  # 概 况 -> 概况


def _normalise(text: str) -> list[str]:
    """The lines of the text with invisible characters gone and spaces tidied."""
    text = _INVISIBLE.sub("", _NEWLINE.sub("\n", text))
    for _ in range(4 if "&" in text else 0):  # dropping "&zwj;" from "&zw&zwj;j;" leaves another
        text, found = _INVISIBLE.subn("", text)
        if not found:
            break
    text = _NEEDLESS_SPACE.sub("", _SPACE_RUN.sub(" ", text))
    if "(" in text or "（" in text:
        text = _without_glosses(text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if " " in line:
            line = line.strip(" ")
            lines[i] = line.replace(" ", "") if len(line) < 20 and _LETTER_SPACED.fullmatch(line) else line
    return lines


def _without_glosses(text: str) -> str:
    glosses = [m for m in _PINYIN_GLOSS.finditer(text) if m.start() and _HAN_CHAR.match(text, m.start() - 1)]
    if len(glosses) < _GLOSSED_PAGE:
        return text
    parts, last = [], 0
    for gloss in glosses:
        parts.append(text[last:gloss.start()])
        last = gloss.end()
    return "".join(parts) + text[last:]


def clean(text: str) -> Cleaned:
    """The clean record of one raw text: body blocks, the headline if any, the dropped lines."""
    dropped: list[tuple[int, Dropped]] = []
    lines = list(enumerate(_normalise(text)))
    full = full_line_test([t for _, t in lines if t])  # judged before noise goes, as fragments are spared
    fragments = fragments_of(lines, full)
    lines = drop_noise(lines, dropped, fragments)
    paragraphs = rejoin(lines, full or full_line_test([t for _, t in lines if t]))
    if any(fragments) or len(paragraphs) < sum(1 for _, t in lines if t):
        paragraphs = drop_noise(paragraphs, dropped)  # glued or spared lines: judge them as they now stand
    paragraphs, headline = split_masthead(paragraphs, dropped)
    if headline is None:
        paragraphs, headline = split_column(paragraphs, dropped)
    headline, blocks = recover_structure([t for _, t in paragraphs], headline)
    dropped.sort(key=lambda item: item[0])
    return Cleaned(tuple(blocks), headline, tuple(d for _, d in dropped))
