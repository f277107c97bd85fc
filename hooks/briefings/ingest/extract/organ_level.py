"""Whose organs a briefing is about when its headline and lead name no place with them: the
nation's (国家统计局, 中央和国家机关), a province's (省直机关工委, 省检察院), or none of those
because a city's or county's own organ is there too (市直机关, 县委, 济南市住建局 in the headline)."""

from __future__ import annotations

import re

from briefings.ingest.extract.gazetteer import gazetteer
from briefings.ingest.extract.place_words import LOCAL_ORGAN, PROVINCIAL_ORGAN, SUBJECT_ORGAN

# A local organ that escorts the province's visitors (在阳新县政协领导陪同下) or only attends
# (县政协主席…参加活动; 市委常委…出席并致辞): the story is still the province's
_ESCORTED = re.compile(r"[^，。；]{0,8}?陪同|[^，。；]{0,24}?(?:出席|参加)(?:活动|并致辞|并讲话|会议)")
# The central Party's and state's organs. Their local branches carry a place after the name
# (国家税务总局济南市税务局, 国家统计局聊城调查队): those are the place's.
NATIONAL_ORGAN = re.compile(
    r"国家[\u4e00-\u9fff]{1,8}?(?:总局|局|委员会)|中央和国家机关|中直机关|"
    r"中央(?:组织部|宣传部|统战部|政法委|纪委|国家机关工委|网信办|党校|直属机关工委)|中组部|中宣部|"
    r"国务院[\u4e00-\u9fff]{0,8}?(?:办公厅|委员会|部|局)|最高人民(?:法院|检察院)|全国人大(?!代表)|全国政协(?!委员)"
)

# what may come before a subject: a time, a tag (近日，; 7月1日上午，; 【党建】)
_OPENING = re.compile(r"\s*(?:【[^】]{1,12}】)?\s*(?:(?:近日|日前|今年以来|[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[上下]?午?)[，,]?)?")


def provincial_organ(title: str, lead: str) -> str | None:
    """The province-level organ a headline and lead are about, when they name no city's organ."""
    head = f"{title}\n{lead}"
    found = PROVINCIAL_ORGAN.search(head)
    if found is None or _has_local_organ(head) or _titled_local_organ(title):
        return None
    return found.group()


def national_organ(title: str, lead: str) -> str | None:
    """The national organ a headline or lead opens with (国家统计局：…; 近日，中央和国家机关工委…),
    when they name no province's or city's organ."""
    head = f"{title}\n{lead}"
    if PROVINCIAL_ORGAN.search(head) or _has_local_organ(head) or _titled_local_organ(title):
        return None
    for text in (title, lead):
        found = NATIONAL_ORGAN.match(text, _OPENING.match(text).end())
        if found and not any(start == found.end() for start, _, _ in gazetteer().scanner.scan(text)):
            return found.group()  # not 国家税务总局济南市税务局: that one is 济南's
    return None


def _has_local_organ(head: str) -> bool:
    return any(not _ESCORTED.match(head, local.end()) for local in LOCAL_ORGAN.finditer(head))


def _titled_local_organ(title: str) -> bool:
    """A headline that opens with a place's organ (济南市住建局“四位一体”…在全省…获推广)."""
    g = gazetteer()
    hits = g.scanner.scan(title)
    if not hits or hits[0][0] > 1:
        return False
    start, end, name = hits[0]
    entry = g.names[name]
    return entry.city is not None and not entry.ambiguous and bool(SUBJECT_ORGAN.match(title, end))
