"""Traditional -> simplified Chinese, cheaply: OpenCC runs only on text that needs it.

Rules, gazetteer and vocabulary are written in simplified characters; a page in traditional
characters (泰安市直機關) is matched on its simplified form.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def _converter_and_pattern():
    """OpenCC's t2s and a class of every character it changes (built once, a few ms).

    Converting costs ~0.3 ms per 5,000 characters, the class check ~0.02 ms.
    """
    import opencc

    converter = opencc.OpenCC("t2s")
    chars = [chr(code) for code in range(0x3400, 0xA000)]
    changed = "".join(a for a, b in zip(chars, converter.convert("\n".join(chars)).split("\n")) if a != b)
    return converter, re.compile(f"[{re.escape(changed)}]")


def has_traditional(text: str) -> bool:
    return bool(_converter_and_pattern()[1].search(text))


def to_simplified(text: str) -> str:
    converter, pattern = _converter_and_pattern()
    return converter.convert(text) if pattern.search(text) else text
