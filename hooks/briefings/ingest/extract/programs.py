"""The program vocabulary (archive/programs.yml): which named campaigns a briefing talks about.

Scraped Chinese writes one name many ways: 模范机关+N, 模范机关＋N, 模范机关 N (the + lost in
scraping), 模范機關＋N (traditional); “星级党支部”创建 with quotes inside; names broken by hard
line wraps. Text and aliases are normalised alike, cheaply (each step is skipped when it would
change nothing):

  traditional -> simplified (OpenCC t2s, only when the text has a traditional character),
  NFKC (full-width -> half-width: ＋ -> +, Ｎ -> N), casefold.

Quotes, spaces and joiners (、，,·/+) are not rewritten; each alias becomes a regex that
allows them where they may occur, and all aliases form one alternation, so matching is a
single regex pass over the text. Between two characters of an alias the text may put quotes or
whitespace; where the alias has 、/·/space the text may also put any joiners or none; where the
alias has "+" the text must have a + or whitespace (what a lost + leaves), so 党建+项目 does
not match 党建项目化. A short alias (3 characters or fewer, e.g. 三创) must stand alone, not
inside a longer word: "三创" matches “三创”活动 but not 三创三评三服务.

discover() proposes names the vocabulary lacks (rules in its docstring).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefings.ingest.hanzi import to_simplified

SHORT_ALIAS = 3  # aliases this short must not sit inside a longer word
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_QUOTES = "“”‘’\"'「」『』〝〞＂＇"
_JOINERS = "+、,，·・•‧/／"
_Q = re.escape(_QUOTES) + r"\s"  # may sit anywhere inside a name
_QJ = _Q + re.escape(_JOINERS)  # may sit where the alias has a joiner
_KEY_DROP = re.compile(f"[{_QJ}]")
_WIDE = re.compile("[\uff0b\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")  # ＋ ０-９ Ａ-Ｚ ａ-ｚ, wide space
_ENTRY_KEYS = {"name", "aliases", "description"}


class VocabularyError(ValueError):
    """programs.yml cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Program:
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""


# ---------------------------------------------------------------- normalisation


def normalise(text: str) -> str:
    """The matching form of a text: simplified, half-width, casefolded."""
    text = to_simplified(text)
    if _WIDE.search(text):  # NFKC is slow and ，（）： are everywhere; only wide letters matter
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def key(name: str) -> str:
    """The identity of a name: normalised, without quotes, joiners and whitespace."""
    return _KEY_DROP.sub("", normalise(name))


_GAPS = {
    None: f"[{_Q}]*",  # no joiner in the alias: quotes or stray spaces may still sit inside the name
    "soft": f"[{_QJ}]*",  # 、 · space in the alias: any joiners or none
    "plus": rf"[{_Q}]*[+\s][{_QJ}]*",  # "+" in the alias: a + or the space a lost + leaves
}


def _alias_pattern(alias: str) -> tuple[str, ...]:
    """The regex of one alias over normalised text (see the module docstring for the rules), as
    its pieces: a character, then the gap before the next, and so on."""
    text = unicodedata.normalize("NFKC", to_simplified(alias)).casefold()
    parts: list[str] = []
    gap = None
    for char in text:
        if char == "+" or char in _JOINERS or char.isspace():
            gap = "plus" if char == "+" or gap == "plus" else "soft"
        elif char not in _QUOTES:
            if parts:
                parts.append(_GAPS[gap])
            parts.append(re.escape(char))
            gap = None
    if parts and len(key(alias)) <= SHORT_ALIAS:
        # the look-behind comes after the first character so every alternative still starts
        # with a literal, which lets the regex engine skip ahead quickly
        parts.insert(1, rf"(?<![{_CJK}]{parts[0]})")
        parts.append(rf"(?![{_CJK}])")
    return tuple(parts)


def _trie_regex(patterns: dict[tuple[str, ...], int]) -> str:
    """One regex for all aliases, their common beginnings merged (学习…: 学习型机关建设, 学习实践活动):
    Python's engine tries an alternation's branches one by one, so 100 aliases side by side
    cost five times what their trie does. At every branching the branch that leads to the
    longest alias comes first, and an alias that ends there comes last, as when the aliases
    were tried longest first."""
    root: dict = {}
    for pieces, length in patterns.items():
        node = root
        for piece in pieces:
            node = node.setdefault(piece, {})
            node[None] = max(node.get(None, 0), length)  # the longest alias through this piece
        node[""] = {}  # an alias ends here

    def emit(node: dict) -> str:
        branches = sorted((piece for piece in node if piece), key=lambda piece: -node[piece][None])
        parts = [piece + emit(node[piece]) for piece in branches]
        if "" in node:
            parts.append("")
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    return emit(root)


# ---------------------------------------------------------------- the vocabulary


class Vocabulary:
    """The programs of programs.yml, with one compiled matcher for all their names and aliases."""

    def __init__(self, programs: Iterable[Program] = (), source: str = "the vocabulary", outlets: tuple = ()):
        self.programs: tuple[Program, ...] = tuple(programs)
        # the archive's own news outlets (outlets.yml) travel with its vocabulary: both are what the
        # archivist teaches extraction, and both are part of every record's cache key
        self.outlets: tuple = tuple(outlets)
        self._canonical: dict[str, str] = {}  # key of a name or alias -> canonical name
        owners: dict[str, int] = {}  # key -> index of the entry that has it, for error messages
        patterns: dict[tuple[str, ...], int] = {}  # an alias's regex pieces -> the length of its key
        for index, program in enumerate(self.programs, 1):
            for alias in (program.name, *program.aliases):
                alias_key = key(alias)
                where = f"{source}: entry {index} ({program.name})"
                if not alias_key:
                    raise VocabularyError(f"{where}: {alias!r} has nothing to match")
                if owners.get(alias_key, index) != index:
                    other = self.programs[owners[alias_key] - 1].name
                    raise VocabularyError(f"{where}: {alias!r} duplicates a name or alias of "
                                          f"entry {owners[alias_key]} ({other})")
                owners[alias_key] = index
                self._canonical[alias_key] = program.name
                patterns[_alias_pattern(alias)] = len(alias_key)
        self._regex = re.compile(_trie_regex(patterns)) if patterns else None

    @classmethod
    def load(cls, path) -> Vocabulary:
        """Read programs.yml; a bad file raises VocabularyError naming the file and the entry."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            raw = yaml.safe_load(text)
        except OSError as error:
            raise VocabularyError(f"{path}: cannot read the vocabulary: {error}") from error
        except UnicodeDecodeError as error:
            raise VocabularyError(f"{path}: is not UTF-8 text (byte {error.start}): save it as UTF-8") from error
        except yaml.YAMLError as error:
            raise VocabularyError(f"{path}: {_yaml_problem(text, error)}") from error
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raise VocabularyError(f"{path}: expected a list of entries (name, aliases, description), "
                                  f"got a {type(raw).__name__}")
        return cls((_entry(path, index, entry) for index, entry in enumerate(raw, 1)), source=str(path))

    def canonical(self, name) -> str | None:
        """The canonical name for a name or alias however written, or None if not in the vocabulary."""
        return self._canonical.get(key(name)) if isinstance(name, str) else None

    def match(self, text: str) -> tuple[str, ...]:
        """Canonical names of the programs the text names, in order of first appearance."""
        if self._regex is None or not text:
            return ()
        found: dict[str, None] = {}
        for match in self._regex.finditer(normalise(text)):
            name = self._canonical.get(_KEY_DROP.sub("", match.group()))
            if name:
                found.setdefault(name)
        return tuple(found)

    def __len__(self) -> int:
        return len(self.programs)

    def __repr__(self) -> str:
        return f"Vocabulary({len(self.programs)} programs)"


def _entry(path: Path, index: int, entry) -> Program:
    """One YAML entry -> Program, or VocabularyError naming the file and the entry."""
    label = entry.get("name") if isinstance(entry, dict) and isinstance(entry.get("name"), str) else None
    where = f"{path}: entry {index}" + (f" ({label})" if label else "")
    if not isinstance(entry, dict):
        raise VocabularyError(f"{where}: expected a mapping with name, aliases, description, got {entry!r}")
    unknown = sorted(set(map(str, entry)) - _ENTRY_KEYS)
    if unknown:
        raise VocabularyError(f"{where}: unknown key(s) {', '.join(unknown)} (expected name, aliases, description)")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise VocabularyError(f"{where}: missing 'name'")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise VocabularyError(f"{where}: 'aliases' must be a list of non-empty names, got {aliases!r}")
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip() or "\n" in description.strip():
        raise VocabularyError(f"{where}: 'description' must be one line of text, got {description!r}")
    return Program(" ".join(name.split()), tuple(" ".join(a.split()) for a in aliases), description.strip())


def _yaml_problem(text: str, error: yaml.YAMLError) -> str:
    """A YAML syntax error, with the entry it falls in (counting top-level "- " items)."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return f"not valid YAML: {error}"
    entry = sum(1 for line in text.splitlines()[: mark.line + 1] if line.startswith("-"))
    where = f"entry {entry}, " if entry else ""
    problem = getattr(error, "problem", None) or "syntax error"
    return f"not valid YAML ({where}line {mark.line + 1}): {problem}"


# ---------------------------------------------------------------- discovery

MAX_DISCOVERED = 20
MIN_NAME = 3  # “五星”活动, “最美”…活动: two characters rarely name a campaign on their own
SHORT_NAME = 4  # a quoted name this short is a word, not a slogan: it keeps what follows it
_SUFFIX = (r"主题实践活动|主题教育活动|主题教育|主题活动|主题行动|专项行动|系列活动|主题党日|实施方案|工作法|"
           r"(?:创建|创评|评选|竞赛|比赛|大赛)(?:活动|工作)?|活动|工程|行动|"
           r"工作(?!机制|方案|意见|制度|细则|办法|要点|台账|专班|领导小组|主线|思路|格局|理念|目标|任务)")
_GENERIC_SUFFIX = re.compile(r"(?:主题实践|主题|系列)?(?:活动|工作)$|实施方案$")  # says nothing about the name
_QUOTED = re.compile(
    r"[“「『\"](?P<name>[^“”「」『』\"\n。！？；：!?;:]{2,24})[”」』\"]"
    rf"(?P<gap>(?:(?!的)[{_CJK}]){{0,8}}?)(?P<suffix>{_SUFFIX})"  # "“X”的工作" describes work
)
# A bare list item or clause that ends in 工程/行动: "、青年理论学习提升工程、". Found from its end
# (a literal) backwards, which is far faster than trying every position as a start.
_BARE_END = re.compile(r"(?:工程|行动)(?=[、，,。；;）)\n等]|$)")
_BARE_START = re.compile(rf"[、，,。；;：:（(\n](?P<name>[{_CJK}]{{5,18}})$")
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
_HARD_WRAP = re.compile(rf"\n(?<=[{_CJK}”」』]\n)(?=[{_CJK}“「『])")  # literal first: fast


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
