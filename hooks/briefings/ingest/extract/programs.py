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

discovery.py proposes names the vocabulary lacks.
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
CJK = "\u3400-\u9fff\uf900-\ufaff"
_QUOTES = "“”‘’\"'「」『』〝〞＂＇"
_JOINERS = "+、,，·・•‧/／"
_Q = re.escape(_QUOTES) + r"\s"  # may sit anywhere inside a name
_QJ = _Q + re.escape(_JOINERS)  # may sit where the alias has a joiner
_KEY_DROP = re.compile(f"[{_QJ}]")
_WIDE = re.compile("[\uff0b\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")  # ＋ ０-９ Ａ-Ｚ ａ-ｚ, wide space
_ENTRY_KEYS = {"name", "aliases", "description", "short_names"}


class VocabularyError(ValueError):
    """programs.yml cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Program:
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    # a short name that means this program only in some years: (主题教育, (2019, 2020)) for the
    # 不忘初心 campaign, (主题教育, (2023, 2024)) for the 2023 one; matched with the briefing's year
    short_names: tuple[tuple[str, tuple[int, ...]], ...] = ()


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
        parts.insert(1, rf"(?<![{CJK}]{parts[0]})")
        parts.append(rf"(?![{CJK}])")
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
        self._short: dict[tuple[str, int], str] = {}  # (key of a short name, a year) -> canonical name
        short_patterns: dict[tuple[str, ...], int] = {}
        for index, program in enumerate(self.programs, 1):
            for short, in_years in program.short_names:
                short_key, where = key(short), f"{source}: entry {index} ({program.name})"
                if short_key in owners:
                    raise VocabularyError(f"{where}: short name {short!r} is a name or alias of entry "
                                          f"{owners[short_key]} ({self.programs[owners[short_key] - 1].name})")
                for year in in_years:
                    if (short_key, year) in self._short:
                        raise VocabularyError(f"{where}: short name {short!r} already means "
                                              f"{self._short[short_key, year]} in {year}")
                    self._short[short_key, year] = program.name
                short_patterns[_alias_pattern(short)] = len(short_key)
        self._short_regex = re.compile(_trie_regex(short_patterns)) if short_patterns else None

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

    def match(self, text: str, year: int | None = None) -> tuple[str, ...]:
        """Canonical names of the programs the text names, in order of first appearance; with the
        briefing's year, also those its short names mean in that year (主题教育 in 2023)."""
        if self._regex is None or not text:
            return ()
        normal = normalise(text)
        found: dict[str, None] = {}
        for match in self._regex.finditer(normal):
            name = self._canonical.get(_KEY_DROP.sub("", match.group()))
            if name:
                found.setdefault(name)
        if year is not None and self._short_regex is not None:
            for match in self._short_regex.finditer(normal):
                name = self._short.get((_KEY_DROP.sub("", match.group()), year))
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
    short_names = entry.get("short_names") or {}
    if not isinstance(short_names, dict) or not all(
            isinstance(short, str) and short.strip() and isinstance(in_years, list) and in_years
            and all(isinstance(year, int) and not isinstance(year, bool) for year in in_years)
            for short, in_years in short_names.items()):
        raise VocabularyError(f"{where}: 'short_names' must map a name to the years it means this program "
                              f"(主题教育: [2023, 2024]), got {short_names!r}")
    return Program(" ".join(name.split()), tuple(" ".join(a.split()) for a in aliases), description.strip(),
                   tuple((" ".join(short.split()), tuple(in_years)) for short, in_years in short_names.items()))


def _yaml_problem(text: str, error: yaml.YAMLError) -> str:
    """A YAML syntax error, with the entry it falls in (counting top-level "- " items)."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return f"not valid YAML: {error}"
    entry = sum(1 for line in text.splitlines()[: mark.line + 1] if line.startswith("-"))
    where = f"entry {entry}, " if entry else ""
    problem = getattr(error, "problem", None) or "syntax error"
    return f"not valid YAML ({where}line {mark.line + 1}): {problem}"
