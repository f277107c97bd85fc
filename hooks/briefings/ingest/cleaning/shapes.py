"""What a line looks like on its own: a headline, a heading marker (一、 / （一） / 【…】), a list
item, a speaker's label (主持人：, 记者：, a name), running text, a site's name."""

from __future__ import annotations

import re

from briefings.ingest.cleaning.noise import SITE_SUFFIX, SPEAKER_WORD, is_name
from briefings.ingest.cleaning.patterns import DATE_ONLY, ENDS_OPEN, HAN, HAN_CHAR, HAS_SENTENCE, PUNCT

# heading markers; used with .match(text, pos), so they carry no "^"
_H2 = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十百零〇\d]{1,4}(?:章|部分|篇|节)")
_H3 = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，,、：:]")
BRACKET_HEAD = re.compile(r"【[^】]{1,24}】")
ITEM = re.compile(r"^(?:(\d{1,2}[.．、](?!\d))|([（(]\d{1,2}[)）])|([\u2460-\u2473\u2776-\u277f])|"
                   r"([•·●○◆◇■□▪▶►\uf06c\uf0a7\uf0b7]|-(?= )))\s*\S")
NOTE = re.compile(r"^[（(][^（()）]{1,38}[)）]$")
_COLUMN_TAG = re.compile(r"^[【\[][^】\]]{1,12}[】\]](?=[^，。,；;！？!?]{10,60}$)")
# a cheer before a headline: "喜报！", "捷报：", or a short call "全力推进,扎实开展!" (then 8 more characters)
_CHEER = re.compile(r"^(?:(?:喜报|捷报|好消息|重磅|热烈祝贺|祝贺)\s*[!！:：]|[^。！？!?：:\s]{2,16}[!！])\s*(?=\S{8})")
_SALUTATION = re.compile(r"^(?:尊敬的|亲爱的|各位)|(?:同志们|朋友们|女士们|先生们|各位领导|各位来宾|大家好)$")
_SPEAKER = re.compile(rf"^(主持人|[{HAN}A-Za-z·]{{0,12}}记者|问|答|[{HAN}]{{2,4}})\s*(?:[:：]\s*(.*))?$")




def speaker_label(text: str, names: bool) -> tuple[str, str, str] | None:
    """(speaker, role, what follows the label) for a speaker label, standalone or "X：…" inline."""
    m = _SPEAKER.match(text)
    if not m:
        return None
    who = m.group(1)
    if who == "主持人":
        role = "host"
    elif who.endswith("记者") or who == "问":
        role = "reporter"
    elif who == "答" or (names and is_name(who)):
        role = "answerer"
    else:
        return None
    return who, role, (m.group(2) or "").strip()


def marker_level(text: str, pos: int = 0) -> int:
    """2 for 一、/【…】/第一章, 3 for (一)/第一，, 0 for a line without a heading marker."""
    if _H2.match(text, pos) or BRACKET_HEAD.match(text, pos):
        return 2
    return 3 if _H3.match(text, pos) else 0


def title_like(text: str, longest: int) -> bool:
    """A short line that names something rather than saying it: no sentence, no open end."""
    return (len(text) <= longest and not HAS_SENTENCE.search(text) and not ENDS_OPEN.search(text)
            and not DATE_ONLY.match(text) and not _SALUTATION.search(text))


def salutation(text: str) -> bool:
    """A speech's opening address on a line of its own: 同志们：, 各位领导、同志们："""
    return len(text) <= 30 and bool(_SALUTATION.search(text.rstrip(":：！!,， ")))


def headline_like(text: str) -> bool:
    """A title line; whatever follows a headline can never look like one (see body_like).
    A cheer before it ("喜报！…", "捷报：…") is part of the headline, not a sentence; a column's
    tag before it ("【党建动态】…召开…会") is no heading marker."""
    text = _COLUMN_TAG.sub("", _CHEER.sub("", text, count=1), count=1)
    return (title_like(text, 60) and len(HAN_CHAR.findall(text)) >= 4 and not marker_level(text)
            and not ITEM.match(text) and not NOTE.match(text) and speaker_label(text, True) is None)


def starts_block(text: str) -> bool:
    """A line that opens a heading, a list item or a turn (no wrapped line runs into it)."""
    return bool(marker_level(text) or ITEM.match(text) or speaker_label(text, False))


def site_label(line: str) -> int:
    """How much a top line looks like the name of a site, place, app or column.

    2: on its own ("人民网", "济宁"); 1: a short name ("学习强国"), when a title follows it;
    0 for a line of up to 20 characters that is a site's name only above its navigation.
    """
    if len(line) > 20 or PUNCT.search(line) or " " in line or SPEAKER_WORD.match(line):
        return -1
    if len(line) <= 10 and SITE_SUFFIX.search(line):
        return 2
    if len(line) > 8 or len(HAN_CHAR.findall(line)) != len(line):
        return 0
    return 2 if len(line) <= 3 else 1


def body_like(text: str) -> bool:
    """Running text: it holds a sentence, or is too long for a title."""
    return len(text) > 60 or bool(HAS_SENTENCE.search(text))
