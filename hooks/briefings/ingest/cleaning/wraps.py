"""Hard wraps: whether a text was wrapped at a width (display columns or characters), which of
its lines are pieces of running text, and the paragraphs glued back together."""

from __future__ import annotations

from collections.abc import Callable

from briefings.ingest.cleaning.lines import Line
from briefings.ingest.cleaning.patterns import ENDS_FINAL
from briefings.ingest.cleaning.shapes import starts_block


def _width(text: str) -> int:
    """Display width: CJK characters (three bytes in UTF-8) take two columns, ASCII one."""
    return len(text) + (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


def _wrap_band(texts: list[str], measure: Callable[[str], int], unit: int) -> tuple[int, int, int] | None:
    """(full lines, narrowest, widest full line) when the texts are hard-wrapped by `measure`, else None.

    Hard-wrapped text has most of its lines at one size, hardly any longer, and most of those
    full lines stop mid-sentence. `unit` is what one CJK character counts in `measure`.
    """
    sizes = [measure(t) for t in texts]
    long = sorted(x for x in sizes if x >= 20 * unit)
    if len(long) < 4:
        return None
    top = long[len(long) * 3 // 4]
    low, high = top - max(3 * unit, top // 10), top + max(2 * unit, top // 16)
    full = [t for t, x in zip(texts, sizes) if low <= x <= high]
    over = sum(x > high for x in long)
    open_ends = sum(not ENDS_FINAL.search(t) for t in full)
    if top > 120 * unit or len(full) < 4 or 2 * len(full) < len(long) or 10 * over > len(long):
        return None
    return (len(full), low, high) if 2 * open_ends >= len(full) else None


def full_line_test(texts: list[str]) -> Callable[[str], bool] | None:
    """Whether a line is a full line of hard-wrapped text, or None when the text is not wrapped.

    Text is wrapped at a display width (CJK characters two columns) or at a count of characters.
    """
    best = None
    for measure, unit in ((_width, 2), (len, 1)):
        band = _wrap_band(texts, measure, unit)
        if band and (best is None or band[0] > best[0][0]):
            best = (band, measure)
    if best is None:
        return None
    (_, low, high), measure = best
    return lambda text: low <= measure(text) <= high


def fragments_of(lines: list[Line], full: Callable[[str], bool] | None) -> list[bool]:
    """In hard-wrapped text, the lines that are pieces of running text: a full line that stops
    mid-sentence and runs on into the next line, and that next line."""
    flags = [False] * len(lines)
    if full is None:
        return flags
    for i in range(len(lines) - 1):
        line, after = lines[i][1], lines[i + 1][1]
        if line and after and full(line) and not ENDS_FINAL.search(line):
            flags[i] = flags[i + 1] = True
    return flags


def _glue(left: str, right: str) -> str:
    """What goes between two wrapped lines: nothing, but a space between two Latin words."""
    a, b = left[-1], right[0]
    latin = a.isascii() and b.isascii() and a.isalnum() and b.isalnum()
    return " " if latin and not (a + b).isdigit() else ""


def rejoin(lines: list[Line], full: Callable[[str], bool] | None) -> list[Line]:
    """Paragraphs: wrapped lines glued back together; blank lines dropped."""
    paragraphs: list[tuple[int, list[str]]] = []
    open_ = False  # the last line was full, so the next one may carry on its paragraph
    for pos, t in lines:
        if not t:
            open_ = False
            continue
        if open_ and not (ENDS_FINAL.search(paragraphs[-1][1][-1]) and starts_block(t)):
            parts = paragraphs[-1][1]
            parts.extend((_glue(parts[-1], t), t))
        else:
            paragraphs.append((pos, [t]))
        open_ = full is not None and full(t)
    return [(pos, "".join(parts)) for pos, parts in paragraphs]
