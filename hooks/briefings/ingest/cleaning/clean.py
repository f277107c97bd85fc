"""Cleaning: one raw scraped text -> Cleaned(blocks, headline, dropped).

Stages, each linear in the size of the text:
  1. normalise whitespace (line ends, invisible characters, odd spaces);
  2. drop noise lines: every line is tried against patterns for one kind of noise (crumbs,
     bylines, ads, footers ...: noise.py); the rules here look at where the line sits (the top
     of the page, the trailer after the body). In hard-wrapped text a piece of a sentence is
     judged only by how it starts;
  3. rejoin hard-wrapped lines when most lines share one length (display width or characters);
  4. drop noise again on rejoined paragraphs (a glued or spared line may now read as noise);
  5. recover the headline, headings, lists, credits and the speakers of a press conference.

Cleaning cleaned text changes nothing: clean(blocks_to_text(clean(t).blocks)).blocks equals
clean(t).blocks. Rules that look at neighbours are written so that what they see does not
change when the text comes back as blocks (see _has_headline, _is_dialogue, _structure).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from briefings.ingest.hanzi import to_simplified
from briefings.model import Block, Cleaned, Dropped
from briefings.ingest.cleaning.noise import (  # the single-line rules; cleaning adds the rules of position and structure
    _COPYRIGHT_HEAD,
    _DATE,
    _DATE_ONLY,
    _ENDS_FINAL,
    _ENDS_OPEN,
    _HAN,
    _HAN_CHAR,
    _HAS_SENTENCE,
    _MOOD_STRIP,
    _MOODS,
    _ORIGINAL_URL,
    _PUNCT,
    _REPOST,
    _SITE_SUFFIX,
    _SLOGAN_WORDS,
    _SPEAKER_WORD,
    _URL_ONLY,
    _is_name,
    _noise_reason,
    _row_words,
)

__all__ = ["clean"]


# ---- 1. whitespace ------------------------------------------------------------------------
_NEWLINE = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# invisible characters, and the HTML entities of invisible characters and of spaces
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\xad\u180e\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u2064\ufeff]|&(?:zwj|zwnj|shy|#8203|#x200[bB]);")
_SPACE_RUN = re.compile(r"(?:[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]|"
                        r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000);)+")
# a space next to CJK punctuation, or after ASCII punctuation between two CJK characters, is no word gap
_NEEDLESS_SPACE = re.compile(f" (?:(?<=[，。、；：！？”’）》】」』] )|(?=[，。、；：！？“‘（《【「『])|"
                             f"(?<=[{_HAN}][,;:!?] )(?=[{_HAN}]))")
_LETTER_SPACED = re.compile(f"[{_HAN}](?: [{_HAN}]){{1,9}}")  # 概 况 -> 概况


def _normalise(text: str) -> list[str]:
    """The lines of the text with invisible characters gone and spaces tidied."""
    text = _INVISIBLE.sub("", _NEWLINE.sub("\n", text))
    for _ in range(4 if "&" in text else 0):  # dropping "&zwj;" from "&zw&zwj;j;" leaves another
        text, found = _INVISIBLE.subn("", text)
        if not found:
            break
    text = _NEEDLESS_SPACE.sub("", _SPACE_RUN.sub(" ", text))
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if " " in line:
            line = line.strip(" ")
            lines[i] = line.replace(" ", "") if len(line) < 20 and _LETTER_SPACED.fullmatch(line) else line
    return lines


def _site_label(line: str) -> int:
    """How much a top line looks like the name of a site, place, app or column.

    2: on its own ("人民网", "济宁"); 1: a short name ("学习强国"), when a title follows it;
    0 for a line of up to 20 characters that is a site's name only above its navigation.
    """
    if len(line) > 20 or _PUNCT.search(line) or " " in line or _SPEAKER_WORD.match(line):
        return -1
    if len(line) <= 10 and _SITE_SUFFIX.search(line):
        return 2
    if len(line) > 8 or len(_HAN_CHAR.findall(line)) != len(line):
        return 0
    return 2 if len(line) <= 3 else 1


def _body_like(text: str) -> bool:
    """Running text: it holds a sentence, or is too long for a title."""
    return len(text) > 60 or bool(_HAS_SENTENCE.search(text))


class _Facts(NamedTuple):
    """What a non-blank line is, judged from the line alone."""

    reason: str | None  # why it is noise ("comments", "copyright", "related" may start a trailer)
    row: bool  # a row of short words without punctuation (a slogan row if it names one)
    slogan: bool
    mood: bool  # a mood word of a reaction widget ("• 点赞")
    widget_item: bool  # short enough to be an entry of such a widget
    body: bool  # running text
    link: bool  # noise, or short without a sentence: what a list of related links is made of
    site: int  # see _site_label
    title: bool  # could be a headline
    repost: bool  # a user handle and a timestamp, as repost sites and forums print them


def _facts(line: str, fragment: bool = False) -> _Facts:
    """What a line is; cached, as sites repeat their crumbs and footers on every page."""
    return _cached_facts(line, fragment) if len(line) <= 1000 else _line_facts(line, fragment)


def _line_facts(line: str, fragment: bool) -> _Facts:
    line = to_simplified(line)  # 【打印本頁】, 魯ICP備: the rules are written in simplified characters
    sentence = len(line) > 300 or bool(_HAS_SENTENCE.search(line))
    reason = _noise_reason(line, sentence, fragment)
    words = _row_words(line, 8, 2) if not sentence and len(line) <= 40 else []
    slogan = bool(words) and bool(_SLOGAN_WORDS.search(line))  # two words will do for a slogan
    row = len(words) >= 3 or slogan
    stripped = _MOOD_STRIP.sub("", line) if len(line) <= 16 else line
    return _Facts(reason, row, slogan, stripped in _MOODS,
                  stripped in _MOODS or (len(stripped) <= 6 and not _PUNCT.search(stripped)),
                  len(line) > 60 or sentence, reason is not None or (len(line) <= 80 and not sentence),
                  _site_label(line), _headline_like(line), reason == "byline" and bool(_REPOST.match(line)))


_cached_facts = lru_cache(maxsize=1 << 16)(_line_facts)


# ---- 2b. noise that shows from where a line sits ---------------------------------------------
# reasons a line inside a legal trailer keeps (anything else there is "copyright")
_LINK_REASONS = frozenset({"back-link", "related", "pager", "crumb", "url", "ad", "image", "subscription",
                           "widget"})
Line = tuple[int, str]  # (index of the raw line it starts at, text); "" is a blank line


def _filter_once(lines: list[Line], facts: list[_Facts | None],
                 dropped: list[tuple[int, Dropped]]) -> list[int]:
    """One pass of noise dropping: the indices of the kept lines ("" stays: a paragraph break)."""
    n = len(lines)
    next_reason: list[str | None] = [None] * n  # of the next non-blank line; slogans count
    titled = [False] * n  # the next non-blank line could be a headline, and running text follows it
    link_tail = [True] * (n + 1)  # everything from here on is blank, noise or a short link title
    following, body_follows, title_follows = None, False, False
    for i in range(n - 1, -1, -1):
        f = facts[i]
        next_reason[i], titled[i] = following, title_follows
        link_tail[i] = link_tail[i + 1] and (f is None or f.link)
        if f is not None:
            following = f.reason or ("slogan" if f.slogan else None)
        if f is not None and f.reason is None:
            title_follows, body_follows = f.title and body_follows, f.body
    moods = [False] * n  # three or more mood words in a row are a reaction widget
    run: list[int] = []
    for i in [*range(n), n]:
        f = facts[i] if i < n else None
        if f is not None and f.mood:
            run.append(i)
            continue
        if i < n and (f is None or f.reason is not None):  # blanks and other noise do not break a run
            continue
        for j in run if len(run) >= 3 else ():
            moods[j] = True
        run = []

    kept: list[int] = []
    trailer: str | None = None
    widget_run = seen_kept = seen_body = False
    for i, (pos, t) in enumerate(lines):
        f = facts[i]
        if f is None:
            kept.append(i)
            continue
        reason = f.reason
        if trailer:  # comments swallow everything; a legal block keeps the links it holds
            reason = reason if trailer != "comments" and reason in _LINK_REASONS else trailer
        elif moods[i]:
            reason = "widget"
        elif f.repost and seen_body:  # a reply's byline: the replies follow
            trailer = reason = "comments"
        elif reason in ("comments", "copyright", "related"):
            if seen_body and (reason == "comments" or link_tail[i + 1] or _COPYRIGHT_HEAD.match(t)):
                trailer = reason
        elif reason == "widget-header":
            widget_run = True
        elif widget_run and f.widget_item:
            reason = "widget"
        elif not reason:
            widget_run = False
            if not seen_kept and (f.site == 2 or (f.site == 1 and titled[i]) or
                                    (f.site >= 0 and next_reason[i] in ("crumb", "slogan"))):
                reason = "site-label"
            elif not seen_kept and f.row and (f.slogan or next_reason[i] is not None):
                reason = "slogan"
        if reason:
            dropped.append((pos, Dropped(t, "widget" if reason == "widget-header" else reason)))
            continue
        kept.append(i)
        seen_kept = True
        seen_body = seen_body or f.body
    return kept


def _filter(lines: list[Line], dropped: list[tuple[int, Dropped]], fragments: list[bool] | None = None
            ) -> list[Line]:
    """Drop noise until nothing more goes (a rule that looks at neighbours may see new ones)."""
    fragments = fragments or [False] * len(lines)
    facts = [_facts(t, fragment) if t else None for (_, t), fragment in zip(lines, fragments)]
    for _ in range(8):
        kept = _filter_once(lines, facts, dropped)
        if len(kept) == len(lines):
            break
        lines, facts = [lines[i] for i in kept], [facts[i] for i in kept]
    return lines


# ---- 3. hard wraps --------------------------------------------------------------------------
def _width(text: str) -> int:
    """Display width: CJK characters (three bytes in UTF-8) take two columns, ASCII one."""
    return len(text) + (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


def _wrap_band(texts: list[str], measure: Callable[[str], int], unit: int) -> tuple[int, int, int] | None:
    """(full lines, narrowest, widest full line) when the texts are hard-wrapped by `measure`, else None.

    Hard-wrapped text has most of its lines at one size, hardly any longer, and most of those
    full lines stop mid-sentence. `unit` is what one CJK character counts in `measure`.
    """
    sizes = [measure(t) for t in texts]
    long = sorted(x for x in sizes if x >= 20 * unit)
    if len(long) < 4:
        return None
    top = long[len(long) * 3 // 4]
    low, high = top - max(3 * unit, top // 10), top + max(2 * unit, top // 16)
    full = [t for t, x in zip(texts, sizes) if low <= x <= high]
    over = sum(x > high for x in long)
    open_ends = sum(not _ENDS_FINAL.search(t) for t in full)
    if top > 120 * unit or len(full) < 4 or 2 * len(full) < len(long) or 10 * over > len(long):
        return None
    return (len(full), low, high) if 2 * open_ends >= len(full) else None


def _full_line_test(texts: list[str]) -> Callable[[str], bool] | None:
    """Whether a line is a full line of hard-wrapped text, or None when the text is not wrapped.

    Text is wrapped at a display width (CJK characters two columns) or at a count of characters.
    """
    best = None
    for measure, unit in ((_width, 2), (len, 1)):
        band = _wrap_band(texts, measure, unit)
        if band and (best is None or band[0] > best[0][0]):
            best = (band, measure)
    if best is None:
        return None
    (_, low, high), measure = best
    return lambda text: low <= measure(text) <= high


def _fragments(lines: list[Line], full: Callable[[str], bool] | None) -> list[bool]:
    """In hard-wrapped text, the lines that are pieces of running text: a full line that stops
    mid-sentence and runs on into the next line, and that next line."""
    flags = [False] * len(lines)
    if full is None:
        return flags
    for i in range(len(lines) - 1):
        line, after = lines[i][1], lines[i + 1][1]
        if line and after and full(line) and not _ENDS_FINAL.search(line):
            flags[i] = flags[i + 1] = True
    return flags


def _glue(left: str, right: str) -> str:
    """What goes between two wrapped lines: nothing, but a space between two Latin words."""
    a, b = left[-1], right[0]
    latin = a.isascii() and b.isascii() and a.isalnum() and b.isalnum()
    return " " if latin and not (a + b).isdigit() else ""


def _rejoin(lines: list[Line], full: Callable[[str], bool] | None) -> list[Line]:
    """Paragraphs: wrapped lines glued back together; blank lines dropped."""
    paragraphs: list[tuple[int, list[str]]] = []
    open_ = False  # the last line was full, so the next one may carry on its paragraph
    for pos, t in lines:
        if not t:
            open_ = False
            continue
        if open_ and not (_ENDS_FINAL.search(paragraphs[-1][1][-1]) and _starts_block(t)):
            parts = paragraphs[-1][1]
            parts.extend((_glue(parts[-1], t), t))
        else:
            paragraphs.append((pos, [t]))
        open_ = full is not None and full(t)
    return [(pos, "".join(parts)) for pos, parts in paragraphs]


# ---- 5. structure ---------------------------------------------------------------------------
# heading markers; used with .match(text, pos), so they carry no "^"
_H2 = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十百零〇\d]{1,4}(?:章|部分|篇|节)")
_H3 = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，,、：:]")
_BRACKET_HEAD = re.compile(r"【[^】]{1,24}】")
_FIRST_SENTENCE = re.compile(r"[^。！？!?：:]{1,29}[。！？!?：:]")
_ITEM = re.compile(r"^(?:(\d{1,2}[.．、](?!\d))|([（(]\d{1,2}[)）])|([\u2460-\u2473\u2776-\u277f])|"
                   r"([•·●○◆◇■□▪▶►\uf06c\uf0a7\uf0b7]|-(?= )))\s*\S")
_NOTE = re.compile(r"^[（(][^（()）]{1,38}[)）]$")
_SALUTATION = re.compile(r"^(?:尊敬的|亲爱的|各位)|(?:同志们|朋友们|女士们|先生们|各位领导|各位来宾|大家好)$")
_SPEAKER = re.compile(rf"^(主持人|[{_HAN}A-Za-z·]{{0,12}}记者|问|答|[{_HAN}]{{2,4}})\s*(?:[:：]\s*(.*))?$")


def _speaker(text: str, names: bool) -> tuple[str, str, str] | None:
    """(speaker, role, what follows the label) for a speaker label, standalone or "X：…" inline."""
    m = _SPEAKER.match(text)
    if not m:
        return None
    who = m.group(1)
    if who == "主持人":
        role = "host"
    elif who.endswith("记者") or who == "问":
        role = "reporter"
    elif who == "答" or (names and _is_name(who)):
        role = "answerer"
    else:
        return None
    return who, role, (m.group(2) or "").strip()


def _marker_level(text: str, pos: int = 0) -> int:
    """2 for 一、/【…】/第一章, 3 for (一)/第一，, 0 for a line without a heading marker."""
    if _H2.match(text, pos) or _BRACKET_HEAD.match(text, pos):
        return 2
    return 3 if _H3.match(text, pos) else 0


def _title_like(text: str, longest: int) -> bool:
    """A short line that names something rather than saying it: no sentence, no open end."""
    return (len(text) <= longest and not _HAS_SENTENCE.search(text) and not _ENDS_OPEN.search(text)
            and not _DATE_ONLY.match(text) and not _SALUTATION.search(text))


def _headline_like(text: str) -> bool:
    """A title line; whatever follows a headline can never look like one (see _body_like)."""
    return (_title_like(text, 60) and len(_HAN_CHAR.findall(text)) >= 4 and not _marker_level(text)
            and not _ITEM.match(text) and not _NOTE.match(text) and _speaker(text, True) is None)


def _has_headline(paragraphs: list[str]) -> bool:
    """A title line followed by running text or by a speaker.

    A speaker's label may come back written differently ("李琦" alone, then "李琦：…"), so
    only the speaker's name counts: it must not pass for a site name once it is the first line.
    """
    if len(paragraphs) < 2 or not _headline_like(paragraphs[0]):
        return False
    label = _speaker(paragraphs[1], True)
    return _site_label(label[0]) < 1 if label else _body_like(paragraphs[1])


def _split_heading(text: str) -> list[str]:
    """"【概况】 2009年…" and "一、总体情况。今年…" -> the heading, then the rest, when both are body.

    Walks the line by position: a line of many headings must not be copied once per heading.
    """
    pieces, start, n = [], 0, len(text)
    while True:
        numbered = _marker_level(text, start) and not text.startswith("第", start)
        m = _BRACKET_HEAD.match(text, start) or (
            _FIRST_SENTENCE.match(text, start) if numbered and not _short_heading(text, start) else None)
        rest = n if m is None else m.end() + (m.end() < n and text[m.end()] == " ")  # single spaces only
        if m is None or rest >= n or _facts(m.group(0).strip()).reason or _rest_is_noise(text, rest):
            pieces.append(text[start:])
            return pieces
        pieces.append(m.group(0).strip())
        start = rest


def _rest_is_noise(text: str, pos: int) -> bool:
    if len(text) - pos <= 300:
        return _facts(text[pos:]).reason is not None
    return bool(_ORIGINAL_URL.match(text, pos) or _URL_ONLY.match(text, pos))  # what a long line can be


def _short_heading(text: str, pos: int = 0) -> bool:
    """Short enough for a heading, with no sentence inside (a final 。 is fine)."""
    return len(text) - pos <= 40 and not _HAS_SENTENCE.search(text, pos, len(text) - 1)


def _starts_block(text: str) -> bool:
    """A line that opens a heading, a list item or a turn (no wrapped line runs into it)."""
    return bool(_marker_level(text) or _ITEM.match(text) or _speaker(text, False))


def _piece_kind(text: str, dialogue: bool) -> Kind:
    """What one piece is on its own: label/inline (a speaker), heading, item?, note or text."""
    label = _speaker(text, True) if dialogue else None
    if label:
        return ("inline" if label[2] else "label"), label
    level = _marker_level(text)
    if level and _short_heading(text):
        return "heading", level
    item = _ITEM.match(text)
    if item:
        return "item?", item.lastindex
    if _NOTE.match(text) and not _HAS_SENTENCE.search(text):
        return "note", None
    return "text", None


def _is_dialogue(pieces: list[str]) -> bool:
    """A press conference: two turns, one of them a host's or a reporter's.

    Turns are counted where the speaker changes: a label repeating the speaker before it is
    not written again when the blocks are turned back into text.
    """
    asking = answering = 0
    previous = None
    for text in pieces:
        label = _speaker(text, True)
        if label and label[0] != previous:
            previous = label[0]
            asking += label[1] in ("host", "reporter")
            answering += label[1] == "answerer"
            if asking >= 2 or (asking and answering):
                return True
    return False


Kind = tuple[str, object]  # what _piece_kind says, with its detail (level, list family, speaker label)


def _mark_lists(kinds: list[Kind]) -> None:
    """A list is two or more items of one family in a row; a lone numbered line is text."""
    n = len(kinds)
    for i, (kind, family) in enumerate(kinds):
        if kind == "item?":
            after = i + 1 < n and kinds[i + 1] == ("item?", family)
            before = i > 0 and kinds[i - 1] == ("item", family)
            kinds[i] = ("item", family) if before or after else ("text", None)


def _mark_subheadings(pieces: list[str], kinds: list[Kind]) -> None:
    """A short line without a sentence, above running text, a speaker or a heading, is a sub-heading."""
    for i in range(len(pieces) - 1):
        if kinds[i][0] != "text" or not _title_like(pieces[i], 40) or not _HAN_CHAR.search(pieces[i]):
            continue
        if _body_like(pieces[i + 1]) or kinds[i + 1][0] in ("label", "inline", "heading"):
            kinds[i] = ("heading", 2)


def _mark_unsayable(pieces: list[str], kinds: list[Kind]) -> None:
    """Words that would read as noise once written back, after their speaker ("记者：2023年12月5日"
    is a byline) or on their own ("1" is a pager), are no speech: they stay a plain paragraph,
    so cleaning the blocks again keeps them."""
    speaker = ""
    for i, (kind, extra) in enumerate(kinds):
        if kind in ("label", "inline"):
            speaker, _, said = extra  # type: ignore[misc]
            if said and (_facts(said).reason or _facts(f"{speaker}：{said}").reason):
                kinds[i] = ("plain", extra)  # still a change of speaker
        elif kind == "text" and speaker and _facts(f"{speaker}：{pieces[i]}").reason:
            kinds[i] = ("plain", None)


def _blocks(pieces: list[str], kinds: list[Kind]) -> list[Block]:
    """Blocks from classified pieces; in a dialogue, running text is said by the last speaker."""
    blocks: list[Block] = []
    speaker = role = ""
    for i, text in enumerate(pieces):
        kind, extra = kinds[i]
        if kind == "plain" and extra:
            speaker, role, _ = extra  # type: ignore[misc]
            blocks.append(Block("paragraph", text))
        elif kind in ("label", "inline"):
            speaker, role, said = extra  # type: ignore[misc]
            if said:
                blocks.append(Block("speech", said, speaker=speaker, role=role))
            elif i + 1 == len(pieces) or kinds[i + 1][0] != "text":  # stays put unless its words follow
                blocks.append(Block("paragraph", text))
        elif kind == "heading":
            blocks.append(Block("heading", text, level=extra))  # type: ignore[arg-type]
        elif kind in ("item", "note"):
            blocks.append(Block(kind, text))
        elif speaker and kind == "text":
            blocks.append(Block("speech", text, speaker=speaker, role=role))
        else:
            blocks.append(Block("paragraph", text))
    return blocks


_MASTHEAD_LINES = 15  # a byline further down than this is not the top of an article
_BYLINE_ANCHOR = re.compile(rf"{_DATE}|\d{{1,2}}月\d{{1,2}}日|来源|作者|记者")


def _masthead(paragraphs: list[Line], dropped: list[tuple[int, Dropped]]) -> tuple[list[Line], str | None]:
    """A news page prints its headline right above its byline ("2019-05-06 来源：…"); short
    lines above the headline are the site's masthead: its name, column, banners.

    Applied only when what follows could not pass for a headline itself, so cleaning the
    cleaned text again finds the same blocks.
    """
    anchors = [pos for pos, d in dropped if d.reason in ("byline", "meta") and _BYLINE_ANCHOR.search(d.text)]
    anchor = min(anchors, default=_MASTHEAD_LINES + 1)
    above = [i for i, (pos, text) in enumerate(paragraphs) if text and pos < anchor]
    if anchor > _MASTHEAD_LINES or not above or not _headline_like(paragraphs[above[-1]][1]):
        return paragraphs, None
    if any(_body_like(paragraphs[i][1]) for i in above[:-1]):
        return paragraphs, None
    rest = [line for i, line in enumerate(paragraphs) if i not in above]
    if _has_headline([text for _, text in rest if text]):
        return paragraphs, None
    dropped.extend((paragraphs[i][0], Dropped(paragraphs[i][1], "masthead")) for i in above[:-1])
    return rest, paragraphs[above[-1]][1]


def _structure(paragraphs: list[str], headline: str | None = None) -> tuple[str | None, list[Block]]:
    """The headline and the blocks of the body's paragraphs."""
    if headline is None and _has_headline(paragraphs):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    pieces = [piece for text in paragraphs for piece in _split_heading(text)]
    dialogue = _is_dialogue(pieces)
    kinds = [_piece_kind(p, dialogue) for p in pieces]
    _mark_lists(kinds)
    _mark_subheadings(pieces, kinds)
    _mark_unsayable(pieces, kinds)
    return headline, _blocks(pieces, kinds)


def clean(text: str) -> Cleaned:
    """The clean record of one raw text: body blocks, the headline if any, the dropped lines."""
    dropped: list[tuple[int, Dropped]] = []
    lines = list(enumerate(_normalise(text)))
    full = _full_line_test([t for _, t in lines if t])  # judged before noise goes, as fragments are spared
    fragments = _fragments(lines, full)
    lines = _filter(lines, dropped, fragments)
    paragraphs = _rejoin(lines, full or _full_line_test([t for _, t in lines if t]))
    if any(fragments) or len(paragraphs) < sum(1 for _, t in lines if t):
        paragraphs = _filter(paragraphs, dropped)  # glued or spared lines: judge them as they now stand
    paragraphs, headline = _masthead(paragraphs, dropped)
    headline, blocks = _structure([t for _, t in paragraphs], headline)
    dropped.sort(key=lambda item: item[0])
    return Cleaned(tuple(blocks), headline, tuple(d for _, d in dropped))
