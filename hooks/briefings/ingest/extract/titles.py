"""Extraction: title, source and original url from a cleaned briefing.

City/province (places.py), dates (dates.py), years (years.py) and programs (programs.py) have
modules of their own; ingest.py puts the pieces together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefings.model import Cleaned, Warning

MAX_TITLE_CHARS = 80

# Column names that sites glue in front of a headline ("权威发布2021年济宁…"), and the label of a
# disclosure portal's table ("名称: 党建引领聚合力…").
_COLUMN_PREFIX = re.compile(
    r"^(?:【[^】]{1,8}】|\[[^\]]{1,8}\]|(?:权威发布|要闻|头条|快讯|独家|原创|转载|图文|视频|重要新闻|工作动态|"
    r"时政要闻|本地新闻|新闻中心)\s*[:：|丨]?\s*|(?:名\s*称|标\s*题|题\s*名)\s*[:：]\s*)"
)
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_EDITORS_NOTE = re.compile(r"^(?:编者按|編者按|编者的话|導語|导语)\s*[:：]?\s*")
_SCENE = re.compile(r"(?:为|為|根据|根據|按照|依据|依據|随着|隨著)|在.*(?:之际|之際|前夕|期间|期間|之时|之時|来临|來臨|到来|到來)$")
_FILE_EXTENSION = re.compile(r"\.(?:docx?|pdf|wps|pptx?|txt)$", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"'，。；）)】]+", re.IGNORECASE)
# Labels that introduce the original address of a scraped page.
_URL_LABEL = re.compile(r"(?:Original\s*URL|Source\s*URL|原文(?:链接|地址|网址)|本文(?:链接|地址)|来源(?:网址|链接)|"
                        r"文章(?:链接|地址)|转自)\s*[:：]?\s*", re.IGNORECASE)
# "标题：X", "查看完整版本: X", "…转载：SITE » X" footers name the title of the page.
_TITLE_IN_FOOTER = (
    re.compile(r"^(?:标\s*题|题\s*目|原标题)\s*[:：]\s*(?P<title>.+)$"),  # a repost's 原标题: where no headline is left
    re.compile(r"查看完整版本\s*[:：]\s*(?P<title>.+)$"),
    re.compile(r"(?:转载|转发|复制)[^:：»]{0,8}[:：]\s*(?P<site>[^»>]+?)\s*[»>]\s*(?P<title>.+)$"),
)
_SOURCE_LABEL = re.compile(r"(?:来\s*源|稿\s*源|出\s*处|Source)\s*[:：]\s*(?P<source>[^\s:：|丨/]{2,30})", re.IGNORECASE)
# Datelines: "驻马店网讯(记者 张丽丽)12月1日", "齐鲁网·闪电新闻12月6日讯", "新华社北京5月6日电".
_DATELINE_SOURCE = (
    re.compile(r"^(?P<source>[\u4e00-\u9fffA-Za-z·]{2,20}?)(?:\d{1,2}月\d{1,2}日)(?:讯|电)"),
    re.compile(r"^(?P<source>[\u4e00-\u9fffA-Za-z·]{2,20}?(?:网|报|台|社|新闻|客户端))讯"),
)
_CRUMB_SPLIT = re.compile(r"\s*(?:»|>|＞|›|/|→|-{1,2}|—)\s*")
_SITE_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,20}(?:网|在线|报|新闻|日报|晚报|客户端|之窗|门户)$")
_CRUMB_LABEL = re.compile(r"您?(?:的|当前|现在)?(?:所在)?(?:的)?位置")  # "您现在的位置:" names no page
_LONGEST_COLUMN = 7  # characters: a crumb's item this long or longer may be a headline
_CRUMB_FILLERS = {"首页", "正文", "内容", "详情", "当前位置", "您当前位置", "新闻", "新闻中心", "阅读"}
# "本报讯（记者 张昕）", "金山网讯", "新华网蕉城在线(吴辉东)": the outlet and its reporters, not the story
_LEADING_DATELINE = re.compile(r"^(?:[^，。,；;\s(（]{0,16}(?:讯|訊|在线|電|电)|[(（][^)）]{0,30}[)）]|"
                               r"(?:记者|記者)\s*[\u4e00-\u9fff]{2,4})\s*")
_LEADING_TIME = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|今天|今日|昨天|近日|日前|近期|本月|上周)?"
    r"(?:上午|下午|晚上|晚间|早上|中午)?\s*[,，、]?\s*"
)


@dataclass(frozen=True)
class Guess:
    value: str | None
    warnings: tuple[Warning, ...] = ()
    made_up: bool = False  # not found in the text: made from its first sentence


def find_url(cleaned: Cleaned) -> Guess:
    """The original address: only from a labelled line, never from an ad's link."""
    for dropped in cleaned.dropped:
        label = _URL_LABEL.search(dropped.text)
        if label:
            url = _URL.search(dropped.text, label.end())
            if url:
                return Guess(url.group().rstrip(".,"))
    return Guess(None, (Warning("url", "no original address found in the text"),))


def find_source(cleaned: Cleaned, url: str | None) -> Guess:
    """The outlet: a 来源 label, a dateline, a repost footer, a crumb's site name, the url host."""
    for dropped in cleaned.dropped:
        match = _SOURCE_LABEL.search(dropped.text)
        if match:
            return Guess(match.group("source"))
    lead = _first_paragraph(cleaned)
    for pattern in _DATELINE_SOURCE:
        match = pattern.match(lead)
        if match:
            return Guess(match.group("source"))
    for dropped in cleaned.dropped:
        footer = _TITLE_IN_FOOTER[2].search(dropped.text)
        if footer:
            return Guess(footer.group("site").strip())
    for dropped in cleaned.dropped:
        if dropped.reason == "crumb":
            for part in _CRUMB_SPLIT.split(re.sub(r"^[^:：]{0,8}[:：]", "", dropped.text)):
                if _SITE_NAME.search(part):
                    return Guess(part)
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:  # an address with a broken host ("http://[abc/x")
            host = None
        if host:
            return Guess(host, (Warning("source", f"no outlet named in the text; using the url's host {host}"),))
    return Guess(None, (Warning("source", "no outlet named in the text"),))


def find_title(cleaned: Cleaned) -> Guess:
    """The headline; else a title a footer or crumb names; else one made from the first sentence."""
    if cleaned.headline:
        return Guess(_tidy_title(cleaned.headline))
    for dropped in reversed(cleaned.dropped):  # footers sit at the end
        for pattern in _TITLE_IN_FOOTER:
            match = pattern.search(dropped.text)
            if match and _plausible_title(match.group("title")):
                return Guess(_tidy_title(match.group("title")))
    for dropped in cleaned.dropped:
        if dropped.reason == "crumb":
            items = _CRUMB_SPLIT.split(dropped.text.strip())
            last = items[-1]
            # a crumb's last item is the page's headline, or a column's name (本委动态, 政务要闻): not
            # short; a crumb of one item (首页English) names no page
            if len(items) > 1 and _plausible_title(last) and len(last) >= _LONGEST_COLUMN and last not in _CRUMB_FILLERS \
                    and not _SITE_NAME.search(last) \
                    and not _CRUMB_LABEL.fullmatch(last.strip(" :：")):
                return Guess(_tidy_title(last))
    made_up = title_from_first_sentence(cleaned)
    if made_up:
        return Guess(made_up, (Warning("title", f"no headline in the text; made up from the first sentence: {made_up}"),),
                     made_up=True)
    return Guess("无标题", (Warning("title", "no headline and no text to make one from"),), made_up=True)


def title_from_first_sentence(cleaned: Cleaned) -> str | None:
    lead = _first_paragraph(cleaned)
    if not lead:
        return None
    sentence = _SENTENCE_END.split(lead, maxsplit=1)[0]
    for _ in range(3):  # outlet, reporters, then perhaps more reporters
        sentence = _LEADING_DATELINE.sub("", sentence, count=1)
    sentence = _LEADING_TIME.sub("", _EDITORS_NOTE.sub("", sentence, count=1), count=1)
    clauses = [clause for clause in re.split(r"[,，]", sentence) if clause.strip()]
    # The first clause long enough to say something ("…新闻发布会召开") makes the title, past
    # the clauses that only set the scene (为深入贯彻…, 在植树节来临之际, 根据…要求)
    said = [clause for clause in clauses if len(clause.strip()) >= 8]
    for clause in [clause for clause in said if not _SCENE.match(clause.strip())] or said:
        return _tidy_title(clause)
    return _tidy_title(sentence) or None


def _first_paragraph(cleaned: Cleaned) -> str:
    for block in cleaned.blocks:
        if block.kind in ("paragraph", "speech") and len(block.text) >= 10:
            return block.text
    return ""


def _plausible_title(text: str) -> bool:
    text = text.strip()
    return 4 <= len(text) <= MAX_TITLE_CHARS * 2 and not _URL.search(text)


def _tidy_title(text: str) -> str:
    title = " ".join(text.split())
    previous = None
    while previous != title:
        previous = title
        title = _COLUMN_PREFIX.sub("", title).strip()
    title = _FILE_EXTENSION.sub("", title).strip(" :：,，。")  # a document library shows its file's name
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1] + "…"
    return title
