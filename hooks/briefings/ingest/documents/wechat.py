"""WeChat official-account articles saved as HTML (mp.weixin.qq.com): the body is #js_content,
the title #activity-name, the account #js_name, the time #publish_time or the page's
`var ct = "1684480000"`. The share prompts, 阅读原文 and 喜欢此内容的人还喜欢 around the body
are left out with the rest of the page."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_MARK = re.compile(r"""id=["']js_content["']""")
_CT = re.compile(r"""var\s+ct\s*=\s*["']?(\d{9,11})["']?""")
_CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class WeChatArticle:
    title: str
    account: str
    published: str  # YYYY-MM-DD HH:MM, or ""
    content: str  # the markup of #js_content


def is_wechat_page(markup: str) -> bool:
    return bool(_MARK.search(markup)) and ("weixin" in markup or "rich_media" in markup)


def wechat_article(markup: str) -> WeChatArticle:
    parts = _Parts()
    try:
        parts.feed(markup)
        parts.close()
    except (AssertionError, ValueError, IndexError):
        pass  # what was found before the parser gave up stays
    published = " ".join(parts.text["publish_time"].split())
    stamp = _CT.search(markup)
    if not re.match(r"(?:19|20)\d{2}", published) and stamp:
        published = dt.datetime.fromtimestamp(int(stamp.group(1)), _CHINA).strftime("%Y-%m-%d %H:%M")
    return WeChatArticle(" ".join(parts.text["activity-name"].split()), " ".join(parts.text["js_name"].split()),
                         published, parts.content())


def wechat_lines(article: WeChatArticle) -> list[str]:
    """The lines that stand for the page's header: its title, then the account and the time."""
    meta = "  ".join(part for part in (f"来源：{article.account}" if article.account else "",
                                      f"发布时间：{article.published}" if article.published else "") if part)
    return [line for line in (article.title, meta) if line]


class _Parts(HTMLParser):
    """The text of the header elements, and where #js_content's markup starts and ends."""

    IDS = ("activity-name", "js_name", "publish_time")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = {key: "" for key in self.IDS}
        self._open: list[tuple[str, str]] = []  # (tag, id) of the elements we are inside
        self._content: list[str] = []
        self._depth = 0  # nesting inside #js_content

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id") or ""
        if self._depth:
            self._depth += tag not in _VOID
            self._content.append(self.get_starttag_text() or "")
            return
        if element_id == "js_content":
            self._depth = 1
            return
        if tag not in _VOID:
            self._open.append((tag, element_id))

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if self._depth:
                self._content.append(f"</{tag}>")
            return
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._depth:
            self._content.append(html.escape(data, quote=False))
            return
        for _, element_id in self._open:
            if element_id in self.text:
                self.text[element_id] += data

    def content(self) -> str:
        return "".join(self._content)


_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed", "param", "track"}
