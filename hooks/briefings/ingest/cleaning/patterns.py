"""Character classes and patterns the cleaning rules share: Han characters, sentence ends,
dates as pages print them."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
HAS_SENTENCE = re.compile(r"[。！？!?]")  # a line holding one of these says something
ENDS_OPEN = re.compile(r"[:：,，、;；—-]$")  # ... and one ending so goes on or introduces
ENDS_FINAL = re.compile(r"[。！？!?；;：:”」』…]$")
PUNCT = re.compile(r"[^\w\s]")
WORD = re.compile(r"\w")
DATE = r"(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)|\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# a page's stamp: a full date with its time of day ("2024-12-23 17:45")
STAMP = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\s+{TIME}(?!\d)")
DATE_ONLY = re.compile(rf"^{DATE}(?:\s*{TIME})?$")
