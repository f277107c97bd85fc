"""Structure recovery on the cleaned paragraphs: the headline (and the masthead above it),
headings, lists, notes, and the speakers of a press conference."""

from __future__ import annotations

import re

from briefings.ingest.cleaning.lines import Line, facts_of
from briefings.ingest.cleaning.noise import ORIGINAL_URL, SPEAKER_WORD, URL_ONLY
from briefings.ingest.cleaning.patterns import DATE, HAN_CHAR, HAS_SENTENCE
from briefings.ingest.cleaning.shapes import (
    BRACKET_HEAD,
    ITEM,
    NOTE,
    body_like,
    headline_like,
    marker_level,
    salutation,
    site_label,
    speaker_label,
    title_like,
)
from briefings.model import Block, Dropped

_FIRST_SENTENCE = re.compile(r"[^。！？!?：:]{1,29}[。！？!?：:]")
# a document site's page of several versions opens "第一篇：<the first one's title>"
_BEFORE_HEADLINE = re.compile(r"^第[一1]篇\s*[:：]\s*|^[•·●▪◆■]\s*")  # "第一篇：…", "• …": the headline after it


def _has_headline(paragraphs: list[str]) -> bool:
    """A title line followed by running text or by a speaker.

    A speaker's label may come back written differently ("李琦" alone, then "李琦：…"), so
    only the speaker's name counts: it must not pass for a site name once it is the first line.
    """
    if len(paragraphs) < 2 or not headline_like(paragraphs[0]):
        return False
    if len(paragraphs) > 2 and salutation(paragraphs[1]):  # a speech: its title, 同志们：, the text
        return body_like(paragraphs[2])
    label = speaker_label(paragraphs[1], True)
    return site_label(label[0]) < 1 if label else body_like(paragraphs[1])


def _split_heading(text: str) -> list[str]:
    """"【概况】 2009年…" and "一、总体情况。今年…" -> the heading, then the rest, when both are body.

    Walks the line by position: a line of many headings must not be copied once per heading.
    """
    pieces, start, n = [], 0, len(text)
    while True:
        numbered = marker_level(text, start) and not text.startswith("第", start)
        m = BRACKET_HEAD.match(text, start) or (
            _FIRST_SENTENCE.match(text, start) if numbered and not _short_heading(text, start) else None)
        rest = n if m is None else m.end() + (m.end() < n and text[m.end()] == " ")  # single spaces only
        if m is None or rest >= n or facts_of(m.group(0).strip()).reason or _rest_is_noise(text, rest):
            pieces.append(text[start:])
            return pieces
        pieces.append(m.group(0).strip())
        start = rest


def _rest_is_noise(text: str, pos: int) -> bool:
    if len(text) - pos <= 300:
        return facts_of(text[pos:]).reason is not None
    return bool(ORIGINAL_URL.match(text, pos) or URL_ONLY.match(text, pos))  # what a long line can be


def _short_heading(text: str, pos: int = 0) -> bool:
    """Short enough for a heading, with no sentence inside (a final 。 is fine)."""
    return len(text) - pos <= 40 and not HAS_SENTENCE.search(text, pos, len(text) - 1)


def _piece_kind(text: str, dialogue: bool) -> Kind:
    """What one piece is on its own: label/inline (a speaker), heading, item?, note or text."""
    label = speaker_label(text, True) if dialogue else None
    if label:
        return ("inline" if label[2] else "label"), label
    level = marker_level(text)
    if level and _short_heading(text):
        return "heading", level
    item = ITEM.match(text)
    if item:
        return "item?", item.lastindex
    if NOTE.match(text) and not HAS_SENTENCE.search(text):
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
        label = speaker_label(text, True)
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
        if kinds[i][0] != "text" or not title_like(pieces[i], 40) or not HAN_CHAR.search(pieces[i]):
            continue
        if body_like(pieces[i + 1]) or kinds[i + 1][0] in ("label", "inline", "heading"):
            kinds[i] = ("heading", 2)


def _mark_unsayable(pieces: list[str], kinds: list[Kind]) -> None:
    """Words that would read as noise once written back, after their speaker ("记者：2023年12月5日"
    is a byline) or on their own ("1" is a pager), are no speech: they stay a plain paragraph,
    so cleaning the blocks again keeps them."""
    speaker = ""
    for i, (kind, extra) in enumerate(kinds):
        if kind in ("label", "inline"):
            speaker, _, said = extra  # type: ignore[misc]
            if said and (facts_of(said).reason or facts_of(f"{speaker}：{said}").reason):
                kinds[i] = ("plain", extra)  # still a change of speaker
        elif kind == "text" and speaker and facts_of(f"{speaker}：{pieces[i]}").reason:
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
_NEWS_LEAD = re.compile(r"(?:本报|本网|本台|本刊)讯|[^，。,\s]{2,12}讯\s*[(（](?:记者|通讯员|本报|全媒体|融媒体)")
# an outlet's or channel's name between a headline and its byline: "新重庆-重庆日报精选", "学习强国 · 江苏学习平台"
_OUTLET_LINE = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:日报|晚报|新闻网|客户端|融媒|电视台|广播电视台|学习平台)"
                          r"(?:\s*[-—·|]\s*[\u4e00-\u9fff]{0,8})?$|^[\u4e00-\u9fff]{2,8}\s*[-—·|]\s*[\u4e00-\u9fff]{0,8}"
                          r"(?:日报|晚报|新闻网|客户端|融媒|电视台)[\u4e00-\u9fff]{0,4}$")
_BYLINE_ANCHOR = re.compile(rf"{DATE}|\d{{1,2}}月\d{{1,2}}日|来源|作者|记者")


def split_masthead(paragraphs: list[Line], dropped: list[tuple[int, Dropped]]) -> tuple[list[Line], str | None]:
    """A news page prints its headline right above its byline ("2019-05-06 来源：…"); short
    lines above the headline are the site's masthead: its name, column, banners.

    Applied only when what follows could not pass for a headline itself, so cleaning the
    cleaned text again finds the same blocks.
    """
    anchors = [pos for pos, d in dropped if d.reason in ("byline", "meta") and _BYLINE_ANCHOR.search(d.text)]
    # a news lead ("本报讯（记者…）…") opens the story as a byline does: the headline stands above it
    anchors += [pos for pos, text in paragraphs[:_MASTHEAD_LINES] if text and _NEWS_LEAD.match(text)][:1]
    anchor = min(anchors, default=_MASTHEAD_LINES + 1)
    above = [i for i, (pos, text) in enumerate(paragraphs) if text and pos < anchor]
    if anchor > _MASTHEAD_LINES or not above:
        return paragraphs, None
    # the headline is the last title line above the byline; a column or an office's name
    # ("市直工委") may stand between them
    columns = []
    while len(above) > 1 and (_column_name(paragraphs[above[-1]][1]) or _OUTLET_LINE.match(paragraphs[above[-1]][1])) \
            and headline_like(paragraphs[above[-2]][1]):
        columns.append(above.pop())
    if not headline_like(paragraphs[above[-1]][1]) or any(body_like(paragraphs[i][1]) for i in above[:-1]):
        return paragraphs, None
    rest = [line for i, line in enumerate(paragraphs) if i not in above and i not in columns]
    if _has_headline([text for _, text in rest if text]):
        return paragraphs, None
    headline = paragraphs[above[-1]][1]
    if len(above) > 1 and _headline_pair(paragraphs[above[-2]][1], headline):
        # a kicker above its headline, or a headline above its subtitle: one title, as when running text follows
        headline = f"{paragraphs[above.pop(-2)][1]} {headline}"
    dropped.extend((paragraphs[i][0], Dropped(paragraphs[i][1], "masthead")) for i in sorted([*above[:-1], *columns]))
    texts = [i for i, (_, text) in enumerate(rest) if text]
    if len(texts) > 1 and facts_of(rest[texts[0]][1]).site == 2:
        # a site's label left first under the headline ("济宁"): noise, as it is when the text is
        # cleaned again without its headline (then it heads the page)
        dropped.append((rest[texts[0]][0], Dropped(rest[texts[0]][1], "site-label")))
        rest = rest[:texts[0]] + rest[texts[0] + 1:]
    return rest, headline


def _headline_pair(first: str, second: str) -> bool:
    """Two title lines that make one headline: both long enough to say something, neither a
    site's name, a banner of slogans or a line of the site's furniture (labels, codes, 扫一扫)."""
    return (all(len(HAN_CHAR.findall(text)) >= 10 and headline_like(text) and not facts_of(text).slogan
                and facts_of(text).site < 1 and not _FURNITURE.search(text) for text in (first, second))
            and len(first) + len(second) <= 90)


_FURNITURE = re.compile(r"[:：A-Za-z@]|公众号|扫一扫|关注|欢迎")


def split_column(paragraphs: list[Line], dropped: list[tuple[int, Dropped]]) -> tuple[list[Line], str | None]:
    """A column's name above a headline ("部门动态", then the headline, then running text)."""
    texts = [(i, text) for i, (_, text) in enumerate(paragraphs) if text]
    if len(texts) < 3 or not _column_name(texts[0][1]) or not _has_headline([text for _, text in texts[1:3]]):
        return paragraphs, None
    if _has_headline([text for _, text in texts[2:]]):
        return paragraphs, None  # what follows the headline could pass for one: cleaning again would differ
    (column, _), (headline, _) = texts[0], texts[1]
    dropped.append((paragraphs[column][0], Dropped(paragraphs[column][1], "masthead")))
    return [line for i, line in enumerate(paragraphs) if i not in (column, headline)], paragraphs[headline][1]


def _column_name(text: str) -> bool:
    """A few words naming a column or an office, printed between a headline and its byline; a
    transcript's speaker (主持人) is none."""
    return (len(text) <= 8 and not HAS_SENTENCE.search(text) and not body_like(text) and not marker_level(text)
            and not SPEAKER_WORD.match(text))


def _stacked_headline(paragraphs: list[str]) -> int:
    """How many lines a headline printed over two or three lines takes (a main line, a second
    line, a "——…综述" subtitle), when running text follows; 0 when there is none."""
    for lines in (2, 3):
        if len(paragraphs) <= lines or not body_like(paragraphs[lines]):
            continue
        head = paragraphs[:lines]
        if all(headline_like(text) for text in head) and sum(map(len, head)) <= 90:
            return lines if not _has_headline(paragraphs[lines:]) else 0
    return 0


def recover_structure(paragraphs: list[str], headline: str | None = None) -> tuple[str | None, list[Block]]:
    """The headline and the blocks of the body's paragraphs."""
    if headline is None and paragraphs and _BEFORE_HEADLINE.match(paragraphs[0]):
        first = _BEFORE_HEADLINE.sub("", paragraphs[0], count=1)
        if _has_headline([first, *paragraphs[1:]]):
            paragraphs = [first, *paragraphs[1:]]
    if headline is None and _has_headline(paragraphs):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    elif headline is None:
        lines = _stacked_headline(paragraphs)
        if lines:
            headline, paragraphs = " ".join(paragraphs[:lines]), paragraphs[lines:]
    pieces = [piece for text in paragraphs for piece in _split_heading(text)]
    dialogue = _is_dialogue(pieces)
    kinds = [_piece_kind(p, dialogue) for p in pieces]
    _mark_lists(kinds)
    _mark_subheadings(pieces, kinds)
    _mark_unsayable(pieces, kinds)
    return headline, _blocks(pieces, kinds)
