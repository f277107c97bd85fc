"""Words that Chinese search must keep whole: place names and program names.

Material's search plugin cuts every run of Han characters with jieba (the module-level
default tokenizer) before indexing, and the browser matches a query term against those
tokens. Without these words jieba cuts 星级党支部 into 星级 / 党支部, and a search for
星级党支部 finds nothing. Slugs use a private tokenizer (briefings.slugs), so adding
words here never changes a URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
# A word's suggested frequency only just beats its parts in isolation; a margin keeps it
# whole next to other words too (驻马店市直单位, 持续推动星级党支部创建).
FREQUENCY_MARGIN = 20


def dictionary_words(place_names: Iterable[str], program_names: Iterable[str]) -> list[str]:
    """Sorted, distinct words of two or more Han characters; others cannot be one jieba token
    (Material segments only Han runs), so names like 模范机关+ are left to the tokenizer."""
    words = {name.strip() for name in (*place_names, *program_names)}
    return sorted(word for word in words if _HAN_ONLY.fullmatch(word))


def user_dictionary_text(words: Iterable[str], frequencies: dict[str, int] | None = None) -> str:
    """A jieba user dictionary ("word frequency" per line), for the search plugin's
    jieba_dict_user option or for inspection."""
    frequencies = frequencies or {}
    return "".join(f"{word} {frequencies[word]}\n" if word in frequencies else f"{word}\n" for word in words)


def register_words(words: Iterable[str], tokenizer=None) -> dict[str, int]:
    """Add the words that jieba would cut apart to its default tokenizer (the one the search
    plugin uses); words it already keeps whole are left alone, so ordinary prose is cut as
    before. Returns the frequency of every word given.

    Remembered on the tokenizer: under `mkdocs serve` the next build skips the words (a new
    suggestion would build on the boosted frequency and grow with every rebuild).
    """
    if tokenizer is None:
        import jieba

        jieba.setLogLevel(60)  # jieba reports its dictionary loading on stderr otherwise
        tokenizer = jieba.dt
    tokenizer.check_initialized()
    registered: dict[str, int] = tokenizer.__dict__.setdefault("briefings_registered_words", {})
    for word in words:
        if word in registered:
            continue
        pieces = tokenizer.lcut(word, HMM=False)
        if pieces == [word]:
            registered[word] = tokenizer.FREQ.get(word, 0)
            continue
        # jieba's suggest_freq(word) without its second cut: the frequency at which the
        # whole word just beats its pieces, times a margin.
        chance = 1.0
        for piece in pieces:
            chance *= tokenizer.FREQ.get(piece, 1) / tokenizer.total
        registered[word] = (int(chance * tokenizer.total) + 1) * FREQUENCY_MARGIN
        tokenizer.add_word(word, registered[word])
    return dict(registered)
