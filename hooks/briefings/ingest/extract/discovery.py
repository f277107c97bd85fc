"""Names of campaigns a briefing reports on that the vocabulary (programs.yml) does not list yet:
quoted names with a campaign's suffix (“四强”党支部创建, “亮身份、进社区”主题党日), bare names ending
in 工程 or 行动; never sentence fragments (该局各党支部迅速行动). The archivist sees them in the build
report and may add them to programs.yml."""

from __future__ import annotations

import re

from briefings.ingest.extract.programs import CJK, Vocabulary, key

MAX_DISCOVERED = 20
MIN_NAME = 3  # “五星”活动, “最美”…活动: two characters rarely name a campaign on their own
SHORT_NAME = 4  # a quoted name this short is a word, not a slogan: it keeps what follows it
_SUFFIX = (r"主题实践活动|主题教育活动|主题教育|主题活动|主题行动|专项行动|系列活动|主题党日|实施方案|工作法|"
           r"(?:创建|创评|评选|竞赛|比赛|大赛)(?:活动|工作)?|活动|工程|行动|"
           r"工作(?!机制|方案|意见|制度|细则|办法|要点|台账|专班|领导小组|主线|思路|格局|理念|目标|任务)")
_GENERIC_SUFFIX = re.compile(r"(?:主题实践|主题|系列)?(?:活动|工作)$|实施方案$")  # says nothing about the name
_QUOTED = re.compile(
    r"[“「『\"](?P<name>[^“”「」『』\"\n。！？；：!?;:]{2,24})[”」』\"]"
    rf"(?P<gap>(?:(?!的)[{CJK}]){{0,8}}?)(?P<suffix>{_SUFFIX})"  # "“X”的工作" describes work
)
# A bare list item or clause that ends in 工程/行动: "、青年理论学习提升工程、". Found from its end
# (a literal) backwards, which is far faster than trying every position as a start.
_BARE_END = re.compile(r"(?:工程|行动)(?=[、，,。；;）)\n等]|$)")
_BARE_START = re.compile(rf"[、，,。；;：:（(\n](?P<name>[{CJK}]{{5,18}})$")
BARE_MAX = 18
BARE_MIN = 5  # characters before 工程/行动: 作风建设工程 is a field of work, not a name
_NOT_A_NAME = re.compile(r"^(?:以|把|在|为|对|和|与|向|用|从|将)|的")  # a clause, not a proper name
# "该局各党支部迅速行动": a sentence where 行动 is the verb, not a campaign's name
_VERB_USE = re.compile(r"(?:迅速|立即|马上|立刻|积极|主动|快速|闻令|全员|统一|一致|共同|同步|紧急|闻风)(?:行动|创建)$|"
                       r"^(?:该|各|全体|广大|我们|我|本|其|此|党员干部)")
_LEADING_VERBS = re.compile(r"^(?:为|要|以)?(?:实施|开展|推进|深化|启动|推动|持续|深入|组织|大力|全面|扎实|积极|着力|抓好|打造)+")
# A bare name must be about party or cadre work to count ("水利配套工程" is a dam, not a campaign).
_PARTY_WORDS = re.compile(r"党|支部|机关|先锋|红色|理论|学习|青年|模范|示范|干部|志愿|廉|作风|品牌")
# Quoted terms that are standing systems, titles or platforms, not campaigns.
_NOT_CAMPAIGNS = frozenset(map(key, (
    "三会一课", "主题党日", "一岗双责", "一肩挑", "三重一大", "学习强国", "四风", "五星党员", "红旗党支部",
    "党员先锋岗", "青年文明号", "工人先锋号", "实际行动", "自觉行动", "共同行动", "具体行动", "民生工程",
)))
_HARD_WRAP = re.compile(rf"\n(?<=[{CJK}”」』]\n)(?=[{CJK}“「『])")  # literal first: fast


def discover(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Campaign-like names the vocabulary does not know, in order of appearance, at most 20.

    A candidate is a quoted name followed, within 8 characters, by a campaign word (活动, 工程,
    行动, 创建, 主题实践活动, 主题教育, 竞赛, 评选, 工作 …), or a bare list item ending in 工程/行动
    that is about party work. The name given back is:

      * the quoted text itself, for a slogan: “红动济宁·我心向党”讲党史故事活动 -> 红动济宁·我心向党
        (the words after a slogan vary from mention to mention, the slogan does not);
      * for a short word (4 characters or fewer) followed by a campaign word that says what it is
        (工程, 行动, 创建, 评选, 竞赛 …): the word, what follows it and that campaign word:
        “一把手”工程 -> 一把手工程, “十百千”群众运动示范行动 -> 十百千群众运动示范行动,
        “法治机关”创建工作 -> 法治机关创建; before a bare 活动/工作 just the word: “学思践悟”活动 -> 学思践悟;
      * a bare item without its leading verb: 实施青年理论学习提升工程 -> 青年理论学习提升工程
        (at least 5 characters before 工程/行动, and about party work).

    Skipped: anything the vocabulary matches (in the name or the whole phrase), names under 3
    characters, standing systems and titles (三会一课, 一岗双责, 红旗党支部 …), "“X”的工作"
    phrases, duplicates (by normalised key).
    """
    if not text:
        return ()
    text = _HARD_WRAP.sub("", text)
    found: list[tuple[int, str, str]] = []  # (position, name, the whole phrase)
    for match in _QUOTED.finditer(text):
        found.append((match.start(), _quoted_name(match), match.group()))
    for end in _BARE_END.finditer(text):
        window = text[max(0, end.end() - BARE_MAX - 1):end.end()]
        start = _BARE_START.search(window if end.end() > BARE_MAX else "\n" + window)
        name = _LEADING_VERBS.sub("", start.group("name")) if start else ""
        if (len(name) >= BARE_MIN + 2 and _PARTY_WORDS.search(name[:-2]) and not _NOT_A_NAME.search(name)
                and not _VERB_USE.search(name)):
            found.append((end.end() - len(name), name, name))
    names: dict[str, str] = {}  # key -> name
    for _, name, phrase in sorted(found, key=lambda item: item[0]):
        name_key = key(name)
        if (len(name_key) < MIN_NAME or name_key in names or name_key in _NOT_CAMPAIGNS
                or vocabulary.match(phrase) or vocabulary.canonical(name)):
            continue
        names[name_key] = name
        if len(names) >= MAX_DISCOVERED:
            break
    return tuple(names.values())


def _quoted_name(match: re.Match) -> str:
    name = " ".join(match.group("name").split())
    if len(key(name)) > SHORT_NAME:
        return name
    suffix = match.group("suffix")
    if _GENERIC_SUFFIX.fullmatch(suffix):
        return name  # “联学联创”实现党建工作: the words before a bare 活动/工作 are not part of the name
    return name + match.group("gap") + _GENERIC_SUFFIX.sub("", suffix)
