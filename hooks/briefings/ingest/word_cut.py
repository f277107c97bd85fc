"""jieba's dictionary cut of Han text (its `cut(text, HMM=False)`), without importing jieba.

jieba's Tokenizer loads its default dictionary as a 500,000-entry dict of every word and every
start of one (about 1 s, from its own cache file, after 0.3 s of importing jieba and
pkg_resources), before a first slug can be made. The same words kept sorted in one string load
in a twentieth of that, and a binary search answers the two questions the cut asks of a piece
of text: is it a word (how frequent), and does a word start with it. The routes, frequencies
and ties are jieba's own, so the words are the same (tests/unit/test_word_cut.py compares the
two on real and random text).

The sorted form is made from jieba's dict.txt once a machine and kept in a folder the caller
gives (briefings.cache.machine), as plain text and numbers: reading it runs no code.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import hashlib
import importlib.util
import math
import re
from collections.abc import Iterable
from pathlib import Path

from briefings.cache.store import write_atomically

# jieba cuts runs of these (its re_han_default without the Latin part); any other character of
# a Han run, such as one of CJK Extension A, is a word of its own
_JIEBA_HAN = re.compile("([\u4E00-\u9FD5]+)")
_UNKNOWN = object()
_KNOWN_AT_MOST = 200_000  # pieces remembered (about 20 MB); then forgotten, all at once
_FORMAT = 1  # of the kept sorted form: a change makes a new file
_MAGIC = f"briefings-words-{_FORMAT}"


class WordDictionary:
    """jieba's prefix dictionary: words with their frequencies, and the starts of words."""

    def __init__(self, words: list[str], frequencies: array.array, total: int):
        self._words = words  # sorted, distinct
        self._frequencies = frequencies  # of self._words, index by index
        self._total = total
        self._added: dict[str, int] = {}
        self._added_starts: set[str] = set()
        self._known: dict[str, int | None] = {}  # what frequency() found: titles share their words

    def add_word(self, word: str, frequency: int) -> None:
        """As jieba's Tokenizer.add_word: the frequency replaces the dictionary's, and counts in
        the total (frequency 0 deletes the word, as del_word does)."""
        self._added[word] = frequency
        self._total += frequency
        self._added_starts.update(word[:end] for end in range(1, len(word)))
        self._known.clear()

    def frequency(self, text: str) -> int | None:
        """The word's frequency; 0 when it only starts a word; None when no word starts so."""
        known = self._known.get(text, _UNKNOWN)
        if known is _UNKNOWN:
            if len(self._known) >= _KNOWN_AT_MOST:
                self._known.clear()
            known = self._known[text] = self._look_up(text)
        return known

    def _look_up(self, text: str) -> int | None:
        if text in self._added:
            return self._added[text]
        words = self._words
        index = bisect.bisect_left(words, text)
        if index < len(words):
            if words[index] == text:
                return self._frequencies[index]
            if words[index].startswith(text):
                return 0
        return 0 if text in self._added_starts else None

    def cut(self, text: str) -> list[str]:
        """jieba's lcut(text, HMM=False) of a run of Han characters (no Latin, no spaces)."""
        words: list[str] = []
        for block in _JIEBA_HAN.split(text):
            if _JIEBA_HAN.fullmatch(block):
                words.extend(self._cut_block(block))
            else:
                words.extend(block)  # jieba gives each such character alone
        return words

    def _cut_block(self, block: str) -> list[str]:
        # jieba's get_DAG, calc and __cut_DAG_NO_HMM: the route of greatest log-frequency
        # from each position, ties to the longer word, single characters where no word fits
        size = len(block)
        log_total = math.log(self._total)
        ends: list[list[tuple[int, int]]] = []
        for start in range(size):
            found: list[tuple[int, int]] = []
            end = start
            frequency = self.frequency(block[start])
            while frequency is not None:
                if frequency:
                    found.append((end, frequency))
                end += 1
                if end >= size:
                    break
                frequency = self.frequency(block[start:end + 1])
            ends.append(found or [(start, 0)])
        route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
        for start in range(size - 1, -1, -1):
            route[start] = max((math.log(frequency or 1) - log_total + route[end + 1][0], end)
                               for end, frequency in ends[start])
        cut: list[str] = []
        start = 0
        while start < size:
            end = route[start][1] + 1
            cut.append(block[start:end])
            start = end
        return cut


def default_dictionary(folder: Path | None = None) -> WordDictionary:
    """jieba's default dictionary, from its sorted form kept in folder (made there first where
    it is missing or damaged; with no folder, made here every time: about 0.6 s)."""
    source = jieba_dictionary_path()
    if source is None:
        raise RuntimeError("jieba's dictionary (jieba/dict.txt) is not installed")
    status = source.stat()
    stamp = f"{_FORMAT}:{source}:{status.st_size}:{status.st_mtime_ns}"
    kept = folder / f"words-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.bin" if folder else None
    if kept is not None:
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            return _read_kept(kept.read_bytes())
    words, counts, total = _sorted_form(source.read_text(encoding="utf-8").split("\n"))
    if kept is not None:
        write_atomically(kept, _kept_form(words, counts, total))  # not writable: made again next time
    return WordDictionary(words, counts, total)


def _kept_form(words: list[str], counts: array.array, total: int) -> bytes:
    joined = "\n".join(words).encode("utf-8")
    return f"{_MAGIC} {total} {len(words)} {len(joined)}\n".encode() + joined + counts.tobytes()


def _read_kept(data: bytes) -> WordDictionary:
    header, _, rest = data.partition(b"\n")
    magic, total, count, size = header.decode("ascii").split(" ")
    if magic != _MAGIC or len(rest) != int(size) + int(count) * 8:
        raise ValueError("not a kept word list")
    words = rest[:int(size)].decode("utf-8").split("\n")
    counts = array.array("q")
    counts.frombytes(rest[int(size):])
    if len(words) != int(count):
        raise ValueError("not a kept word list")
    return WordDictionary(words, counts, int(total))


def jieba_dictionary_path() -> Path | None:
    """jieba's dict.txt, located without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    return path if path.is_file() else None


def _sorted_form(lines: Iterable[str]) -> tuple[list[str], array.array, int]:
    # as jieba's gen_pfdict reads dict.txt ("word frequency [tag]"): a word given twice keeps
    # its last frequency, and every line counts in the total
    frequency_of: dict[str, int] = {}
    total = 0
    for line in lines:
        line = line.strip(" \t\n\r\x0b\x0c")  # what bytes.strip() takes, as jieba reads bytes
        if not line:
            continue
        word, frequency = line.split(" ")[:2]
        frequency_of[word] = int(frequency)
        total += int(frequency)
    words = sorted(frequency_of)
    return words, array.array("q", (frequency_of[word] for word in words)), total
