"""Decoding: the bytes of one archive file -> text, and what had to be repaired on the way.

Encodings are detected, not assumed: UTF-8 (with or without BOM) and UTF-16 by their marks,
then GB18030 (a superset of GBK/GB2312) and Big5 by trying them and keeping the decoding
that reads most like Chinese text.

Scraped files are often damaged. What can be repaired without guessing at words is repaired,
and every repair is named in `Decoded.problems` so the build warns about the file:
  * a last character cut in half (a truncated download): the partial bytes are dropped;
  * UTF-8 with some lines in GB18030/Big5 (pages pasted together): each line decoded alone;
  * NUL bytes and control characters that XML, HTML and YAML forbid: removed.
Files that are mostly control bytes are binary, not briefings: an ArchiveError.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from briefings.model import ArchiveError

_COMMON_HANZI = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    "們這來個國會時對說發學動過產種麵後應開還從數點體長見問現進將頭實機關黨員級級選評導總務職區鄉縣歲報導經濟傳統義風興團議"
)
LEGACY_ENCODINGS = ("gb18030", "big5")
_CONTROL_SHARE_FOR_BINARY = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Controls (C0 but tab/newline, DEL, C1) and the non-characters U+FFFE/U+FFFF never belong in a
# briefing, and make feeds invalid XML. \f and \r are line ends and become "\n" first.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# A line of UTF-8 holding this many bytes outside ASCII is UTF-8 by intent, not by accident:
# GB18030 text rarely forms even one valid 3-byte UTF-8 sequence, never three in a row.
_MIN_UTF8_EVIDENCE = 9


@dataclass(frozen=True)
class Decoded:
    text: str  # "\n" newlines, controls removed
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", or "utf-8+gb18030" (mixed)
    problems: tuple[str, ...] = ()  # repairs made, in words for the archivist


def decode_bytes(data: bytes, relative_path: str = "") -> Decoded:
    """Bytes -> Decoded. Raises ArchiveError for binary data or text in no known encoding."""
    problems: list[str] = []
    text, encoding = _decode(data, relative_path, problems)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").lstrip("\ufeff")
    nuls = text.count("\x00")
    text, removed = _CONTROL_CHARS.subn("", text)
    if removed:
        what = f"{nuls} NUL bytes" if nuls == removed else f"{removed} control characters ({nuls} of them NUL)"
        problems.append(f"{what} removed: text may not hold them")
    return Decoded(text, encoding, tuple(problems))


def _decode(data: bytes, relative_path: str, problems: list[str]) -> tuple[str, str]:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _strict_or_truncated(data, encoding, problems)
            if text is None:
                text = data.decode(encoding, errors="replace")
                problems.append(f"bytes that are not {encoding} replaced by U+FFFD: the file is damaged")
            return text, encoding
    if _looks_binary(data):
        raise ArchiveError(relative_path, "looks binary (control bytes such as NUL), not a text briefing")
    text = _strict_or_truncated(data, "utf-8", problems)
    if text is not None:
        return text, "utf-8"
    mixed = _decode_mixed(data, problems)
    if mixed is not None:
        return mixed
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        attempt: list[str] = []
        decoded = _strict_or_truncated(data, encoding, attempt)
        if decoded is not None:
            candidates.append((chinese_score(decoded), -len(candidates), decoded, encoding, attempt))
    best = max(candidates, default=None)
    if best is None or best[0] <= 0:
        raise ArchiveError(relative_path, "is not text in UTF-8, GB18030/GBK or Big5")
    problems.extend(best[4])
    return best[2], best[3]


def _strict_or_truncated(data: bytes, encoding: str, problems: list[str]) -> str | None:
    """The strict decoding; when only the last character is cut short, the rest and a problem."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        start, end = error.start, error.end
    if end < len(data) or len(data) - start > 4 or start == 0:
        return None
    try:
        text = data[:start].decode(encoding)
    except UnicodeDecodeError:
        return None
    problems.append(
        f"ends in the middle of a character ({len(data) - start} stray byte{'s' * (len(data) - start > 1)}"
        f" of {encoding}):"
        " the file is truncated; the partial character was dropped"
    )
    return text


def _decode_mixed(data: bytes, problems: list[str]) -> tuple[str, str] | None:
    """UTF-8 text with lines in a legacy encoding: each line in the encoding it reads in."""
    lines = data.split(b"\n")
    utf8_evidence, foreign = 0, []
    for number, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            foreign.append(number)
            continue
        utf8_evidence = max(utf8_evidence, sum(byte >= 0x80 for byte in line))
    if utf8_evidence < _MIN_UTF8_EVIDENCE or not foreign:
        return None
    sample = b"\n".join(lines[number] for number in foreign)
    encoding = max(LEGACY_ENCODINGS, key=lambda name: chinese_score(sample.decode(name, errors="replace")))
    foreign_lines = set(foreign)
    texts = [line.decode(encoding, errors="replace") if number in foreign_lines else line.decode("utf-8")
             for number, line in enumerate(lines)]
    problems.append(
        f"mixes encodings: {len(foreign)} of {len(lines)} lines are {encoding}, the rest UTF-8;"
        " each line was decoded in its own encoding"
    )
    return "\n".join(texts), f"utf-8+{encoding}"


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(head) * _CONTROL_SHARE_FOR_BINARY)


def chinese_score(text: str) -> float:
    """Share of CJK characters that are common ones: a wrong decoding yields rare characters."""
    hanzi = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not hanzi:
        return 0.5 if text.isprintable() or text.isascii() else 0.0
    return sum(ch in _COMMON_HANZI for ch in hanzi) / len(hanzi)
