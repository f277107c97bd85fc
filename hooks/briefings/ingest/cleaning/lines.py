"""Noise dropping: each line judged alone (noise.py's rules, its shape), then by where it sits:
the top of the page (site names, slogans), reaction widgets, the trailer after the body
(comments swallow the rest; a legal block keeps the links it holds)."""

from __future__ import annotations

import re
from collections import Counter

from functools import lru_cache
from typing import NamedTuple

from briefings.ingest.cleaning.noise import (
    COPYRIGHT_HEAD,
    MOOD_STRIP,
    MOODS,
    REPOST,
    SLOGAN_WORDS,
    is_nav_word,
    noise_reason,
    row_words,
)
from briefings.ingest.cleaning.patterns import DATE_ONLY, HAS_SENTENCE, PUNCT
from briefings.ingest.cleaning.shapes import headline_like, marker_level, site_label
from briefings.ingest.hanzi import to_simplified
from briefings.model import Dropped


class LineFacts(NamedTuple):
    """What a non-blank line is, judged from the line alone."""

    reason: str | None  # why it is noise ("comments", "copyright", "related" may start a trailer)
    row: bool  # a row of short words without punctuation (a slogan row if it names one)
    slogan: bool
    mood: bool  # a mood word of a reaction widget ("• 点赞")
    widget_item: bool  # short enough to be an entry of such a widget
    body: bool  # running text
    link: bool  # noise, or short without a sentence: what a list of related links is made of
    site: int  # see site_label
    title: bool  # could be a headline
    repost: bool  # a user handle and a timestamp, as repost sites and forums print them


def facts_of(line: str, fragment: bool = False) -> LineFacts:
    """What a line is; cached, as sites repeat their crumbs and footers on every page."""
    return _cached_facts(line, fragment) if len(line) <= 1000 else _line_facts(line, fragment)


_SOURCE_LABEL = re.compile(r"^(?:信息|文章|新闻|稿件)?(?:来源|作者|出处|稿源)\s*[:：]")


def _line_facts(line: str, fragment: bool) -> LineFacts:
    line = to_simplified(line)  # 【打印本頁】, 魯ICP備: the rules are written in simplified characters
    sentence = len(line) > 300 or bool(HAS_SENTENCE.search(line))
    reason = noise_reason(line, sentence, fragment)
    words = row_words(line, 8, 2) if not sentence and len(line) <= 40 else []
    slogan = bool(words) and bool(SLOGAN_WORDS.search(line))  # two words will do for a slogan
    row = len(words) >= 3 or slogan
    stripped = MOOD_STRIP.sub("", line) if len(line) <= 16 else line
    return LineFacts(reason, row, slogan, stripped in MOODS,
                  stripped in MOODS or (len(stripped) <= 6 and not PUNCT.search(stripped)),
                  len(line) > 60 or sentence, reason is not None or (len(line) <= 80 and not sentence),
                  site_label(line), headline_like(line),
                  # "网友A | 2009-09-02" opens a reply; "信息来源：马鞍山日报|2009-09-02" is the story's own
                  reason == "byline" and bool(REPOST.match(line)) and not _SOURCE_LABEL.match(line))


_cached_facts = lru_cache(maxsize=1 << 16)(_line_facts)


# ---- 2b. noise that shows from where a line sits ---------------------------------------------
# reasons a line inside a legal trailer keeps (anything else there is "copyright")
_LINK_REASONS = frozenset({"back-link", "related", "pager", "crumb", "url", "ad", "image", "subscription",
                           "widget"})
Line = tuple[int, str]  # (index of the raw line it starts at, text); "" is a blank line
_PROFILE_VALUE = re.compile(r"^(?:[-*•·]\s*)?[\d\-:/. ]{1,20}$")  # a profile's value: a number or a date


def _filter_once(lines: list[Line], facts: list[LineFacts | None],
                 dropped: list[tuple[int, Dropped]]) -> list[int]:
    """One pass of noise dropping: the indices of the kept lines ("" stays: a paragraph break)."""
    n = len(lines)
    next_reason: list[str | None] = [None] * n  # of the next non-blank line; slogans count
    titled = [False] * n  # the next non-blank line could be a headline, and running text follows it
    link_tail = [True] * (n + 1)  # everything from here on is blank, noise or a short link title
    prose_after = [0] * (n + 1)  # characters of running text from here on
    following, body_follows, title_follows = None, False, False
    for i in range(n - 1, -1, -1):
        f = facts[i]
        next_reason[i], titled[i] = following, title_follows
        link_tail[i] = link_tail[i + 1] and (f is None or f.link)
        prose_after[i] = prose_after[i + 1] + (len(lines[i][1]) if f is not None and f.body and f.reason is None else 0)
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

    menu = _menu_items(lines, facts)
    # a column's name printed twice or more above the story is the site's (in its header, sidebar
    # and crumb); a headline printed twice (the page's title and its heading) is longer
    first_body = next((i for i, f in enumerate(facts) if f is not None and f.body), n)
    repeated = Counter(t for (_, t), f in zip(lines[:first_body], facts[:first_body])
                       if f is not None and f.reason is None and len(t) <= 8 and not marker_level(t))

    last = max((i for i, f in enumerate(facts) if f is not None), default=-1)  # a site label heads something
    kept: list[int] = []
    trailer: str | None = None
    widget_run = profile_run = seen_kept = seen_body = False
    prose_before = 0
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
        elif i in menu:
            reason = "crumb"
        elif f.repost and seen_body:  # a reply's byline: the replies follow
            trailer = reason = "comments"
        elif reason in ("comments", "copyright", "related"):
            # a trailer swallows the rest of the page, unless the rest is running text: a body
            # paragraph opening like a legal block, a lone 评论 heading, must not cut the story
            story_goes_on = prose_after[i + 1] > max(120, prose_before // 2)
            if seen_body and not story_goes_on and (reason == "comments" or link_tail[i + 1] or COPYRIGHT_HEAD.match(t)):
                trailer = reason
        elif reason == "widget-header":
            widget_run = True
        elif reason == "profile":
            profile_run = True
        elif profile_run and _PROFILE_VALUE.match(t):  # 注册时间 / 2011-10-23: the poster's, not the page's
            reason = "profile"
        elif widget_run and f.widget_item:
            reason = "widget"
        elif not reason:
            widget_run = profile_run = False
            if i < first_body and repeated[t] >= 2:
                reason = "widget"
            elif not seen_kept and i < last and (f.site == 2 or (f.site == 1 and titled[i]) or
                                               (f.site >= 0 and next_reason[i] in ("crumb", "slogan"))):
                reason = "site-label"
            elif not seen_kept and next_reason[i] == "newsletter":  # its name, above "简 报"
                reason = "masthead"
            elif not seen_kept and f.row and (f.slogan or next_reason[i] is not None):
                reason = "slogan"
            elif not seen_kept and f.row and titled[i]:  # 喜迎二十大 忠诚保平安 …, above the headline
                reason = "masthead"
            elif not seen_body and DATE_ONLY.match(t):  # "2024年02月05日" above the story: the page's date line
                reason = "meta"
        if reason:
            dropped.append((pos, Dropped(t, "widget" if reason == "widget-header" else reason)))
            continue
        kept.append(i)
        seen_kept = True
        seen_body = seen_body or f.body
        prose_before += len(t) if f.body else 0
    return kept


_MENU_WORD = re.compile(r"^[•·●○◆◇■□▪▫*\-\s]+|\s+|[>»]+$")  # "• 报 纸", "• 更多>>": 报纸, 更多
_MENU_RUN = 4  # bulleted words in a row, a third of them a site's sections (• 时政 • 国际 • 时评 …)


@lru_cache(maxsize=4096)  # drop_noise looks at a page's lines up to 8 times: each line's word is made once
def _menu_word(text: str) -> str:
    return _MENU_WORD.sub("", text)


def _menu_items(lines: list[Line], facts: list[LineFacts | None]) -> set[int]:
    """The lines of a site's menu printed as a bulleted list, one section a line."""
    found: set[int] = set()
    run: list[tuple[int, bool]] = []  # (index, a navigation word)
    for i in [*range(len(lines)), len(lines)]:
        f = facts[i] if i < len(lines) else None
        if i < len(lines) and f is None:
            continue  # a blank line does not break a run
        word = _menu_word(lines[i][1]) if f is not None and f.reason is None else ""
        if word and len(word) <= 10 and word.isalnum():
            run.append((i, is_nav_word(word)))
            continue
        if len(run) >= _MENU_RUN and 3 * sum(nav for _, nav in run) >= len(run):
            found.update(index for index, _ in run)
        run = []
    return found


def drop_noise(lines: list[Line], dropped: list[tuple[int, Dropped]], fragments: list[bool] | None = None
            ) -> list[Line]:
    """Drop noise until nothing more goes (a rule that looks at neighbours may see new ones)."""
    fragments = fragments or [False] * len(lines)
    facts = [facts_of(t, fragment) if t else None for (_, t), fragment in zip(lines, fragments)]
    for _ in range(8):
        kept = _filter_once(lines, facts, dropped)
        if len(kept) == len(lines):
            break
        lines, facts = [lines[i] for i in kept], [facts[i] for i in kept]
    return lines
