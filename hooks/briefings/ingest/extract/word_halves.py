"""Whether a bare place name is really the halves of two words: 隆重庆祝 holds 重庆 (隆重 + 庆祝),
重大理论 holds 大理 (重大 + 理论). A prefecture's short name counts as a place unless both of its
characters join their neighbours into common words, by jieba's dictionary (read once, ~0.03 s)."""

from __future__ import annotations

import re
from functools import cache

from briefings.ingest.word_cut import jieba_dictionary_path

# at least 200 times (隆重 917, 庆祝 1612); rarer pairs (上党 139) are too often real names
_FREQUENT_PAIR = re.compile(r"^(\S\S) (?:[2-9]\d\d|\d{4,}) ", re.MULTILINE)


def split_across_words(text: str, start: int, end: int) -> bool:
    """True when text[start:end], two characters, ends one word and begins the next."""
    if end - start != 2 or start == 0 or end >= len(text):
        return False
    words = _common_pairs()
    return text[start - 1:start + 1] in words and text[start + 1:end + 1] in words


@cache
def _common_pairs() -> frozenset[str]:
    dictionary = jieba_dictionary_path()  # located, not imported: importing jieba costs more
    if dictionary is None:
        return frozenset()
    # lines are "word frequency tag": two-character words seen at least 200 times, in one C scan
    return frozenset(_FREQUENT_PAIR.findall(dictionary.read_text(encoding="utf-8")))
