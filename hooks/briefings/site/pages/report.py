"""The build report page for the archivist: every archive file, what became of it, what was
guessed and what was rejected. The same entries are written to /report.json."""

from __future__ import annotations

from collections.abc import Iterator

from briefings.messages import KIND_NAMES, field_name
from briefings.site.markup import Linker, html_text
from briefings.site.pages.parts import PAGER_LABELS, GeneratedPage, PageBody

REPORT = "report/index.md"
REPORT_PAGE_SIZE = 500  # archive files per report page
STATUS_LABELS = {
    "page": "已生成页面",
    "rejected": "已拒绝",
    "reprint": "转载（已并入原文页面）",
    "vocabulary": "专项工作词表",
    "sidecar": "元数据附件",
    "unread": "未读取",
}


def report_src(number: int) -> str:
    return REPORT if number == 1 else f"report/page/{number}/index.md"


def render_report(
    entries: list[dict], counts: dict, page_src_of: dict[str, str], links: Linker, page_size: int | None = None,
    rows=None,
) -> Iterator[GeneratedPage]:
    """entries: report_entries(); page_src_of: briefing path -> docs path of its page; rows
    (under serve, an ObjectMemo started with the site's address): each entry's rows on the pages
    after the first, which all lie at one depth (their links read the same), by entry.

    The first page holds the counts and every rejected file; the archive's files follow in
    pages of page_size (their guessed fields, names not in the vocabulary, and outcome), so the
    report of 10,000 files stays readable (report.json holds everything in one file)."""
    size = max(1, page_size or REPORT_PAGE_SIZE)
    slices = [entries[start : start + size] for start in range(0, len(entries), size)] or [[]]
    for number, chunk in enumerate(slices, start=1):
        body = PageBody(report_src(number), links)
        title = "构建报告" if number == 1 else f"构建报告（第 {number} 页）"
        body.heading(1, title)
        if number == 1:
            _summary(body, entries, counts)
        above, below = (_pager(body, number, len(slices), size, len(entries), label) for label in PAGER_LABELS)
        body.add(above)
        _files_sections(body, chunk, page_src_of, rows if number > 1 else None)
        body.add(below)
        yield body.page(
            title, description="档案文件的处理结果：生成的页面、推断的字段、被拒绝的文件", search={"exclude": True}
        )


def _summary(body: PageBody, entries: list[dict], counts: dict) -> None:
    rejected = [entry for entry in entries if entry["status"] == "rejected"]
    body.add(
        f"<p>档案共 <strong>{counts['files']}</strong> 个文件：<strong>{counts['pages']}</strong> 篇生成了页面，"
        f"<strong>{counts['rejected']}</strong> 个被拒绝，<strong>{counts.get('reprints', 0)}</strong> 篇转载已并入原文页面，"
        f"共有 <strong>{counts['guessed_fields']}</strong> 处字段为推断或缺失。"
        f'机器可读版本：<a href="{body.href("report.json")}">report.json</a>。</p>\n'
    )
    body.heading(2, "被拒绝的文件")
    body.add(_table(["文件", "原因"], [[html_text(e["path"]), html_text(e["reason"] or "")] for e in rejected]))


def _files_sections(body: PageBody, entries: list[dict], page_src_of: dict[str, str], rows=None) -> None:
    """rows (an ObjectMemo, for pages of one folder depth): each entry's table rows as made."""
    def made(entry: dict) -> tuple[list[str], list[str], str]:
        link = _page_link(entry, page_src_of, body)
        guessed = [_row([link, _field_label(item), html_text(item["message"])]) for item in entry["guessed"]]
        discovered = [_row([link, "、".join(html_text(name) for name in entry["discovered"])])] \
            if entry["discovered"] else []
        page = _page_link(entry, page_src_of, body, label=entry["title"]) if entry["page"] else "—"
        return guessed, discovered, _row([html_text(entry["path"]), STATUS_LABELS.get(entry["status"],
                                                                                      html_text(entry["status"])), page])

    made_rows = [rows.of(entry, made) if rows is not None else made(entry) for entry in entries]
    body.heading(2, "推断或缺失的字段")
    body.add(_rows_table(["文件", "字段", "说明"], [row for guessed, _, _ in made_rows for row in guessed]))
    body.heading(2, "词表未收录的专项工作名称")
    body.add(
        "<p>简报中出现、但 programs.yml 尚未收录的活动或工程名称，可供扩充词表时参考。</p>\n",
        _rows_table(["文件", "名称"], [row for _, discovered, _ in made_rows for row in discovered]),
    )
    body.heading(2, "全部文件")
    body.add(_rows_table(["文件", "结果", "页面"], [row for _, _, row in made_rows]))


def _field_label(item: dict) -> str:
    kind = KIND_NAMES.get(item.get("kind", ""), "")
    return html_text(field_name(item["field"]) + (f"（{kind}）" if kind else ""))


def _pager(body: PageBody, number: int, total: int, size: int, count: int, label: str) -> str:
    if total <= 1:
        return ""
    parts = []
    for n in range(1, total + 1):
        first, last = (n - 1) * size + 1, min(n * size, count)
        label = f"{first}–{last}"
        parts.append(f"<strong>{label}</strong>" if n == number else f'<a href="{body.href(report_src(n))}">{label}</a>')
    return f'<nav class="facet-pager" aria-label="{label}" data-search-exclude>\n<p>文件 {" · ".join(parts)}</p>\n</nav>\n'


def _page_link(entry: dict, page_src_of: dict[str, str], body: PageBody, label: str | None = None) -> str:
    src = page_src_of.get(entry["path"])
    return body.link(label or entry["path"], src) if src else html_text(label or entry["path"])


def _table(header: list[str], rows: list[list[str]]) -> str:
    return _rows_table(header, [_row(row) for row in rows])


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{cell or '—'}</td>" for cell in cells) + "</tr>"


def _rows_table(header: list[str], rows: list[str]) -> str:
    if not rows:
        return "<p>无。</p>\n"
    head = "".join(f"<th>{cell}</th>" for cell in header)
    return "\n".join([f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>", *rows, "</tbody>\n</table>\n"])
