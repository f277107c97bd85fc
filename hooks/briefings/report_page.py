"""The build report page for the archivist: every archive file, what became of it, what was
guessed and what was rejected. The same entries are written to /report.json."""

from __future__ import annotations

from .markup import Linker, html_text
from .page_parts import GeneratedPage, PageBody

REPORT = "report/index.md"
STATUS_LABELS = {
    "page": "已生成页面",
    "rejected": "已拒绝",
    "reprint": "转载（已并入原文页面）",
    "vocabulary": "专项工作词表",
    "sidecar": "元数据附件",
    "unread": "未读取",
}


def render_report(entries: list[dict], counts: dict, page_src_of: dict[str, str], links: Linker) -> GeneratedPage:
    """entries: report_entries(); page_src_of: briefing path -> docs path of its page."""
    body = PageBody(REPORT, links)
    rejected = [entry for entry in entries if entry["status"] == "rejected"]
    guessed = [entry for entry in entries if entry["guessed"]]
    body.heading(1, "构建报告")
    body.add(
        f"<p>档案共 <strong>{counts['files']}</strong> 个文件：<strong>{counts['pages']}</strong> 篇生成了页面，"
        f"<strong>{counts['rejected']}</strong> 个被拒绝，<strong>{counts.get('reprints', 0)}</strong> 篇转载已并入原文页面，"
        f"共有 <strong>{counts['guessed_fields']}</strong> 处字段为推断或缺失。"
        f'机器可读版本：<a href="{body.href("report.json")}">report.json</a>。</p>\n'
    )
    body.heading(2, "被拒绝的文件")
    body.add(_table(["文件", "原因"], [[html_text(e["path"]), html_text(e["reason"] or "")] for e in rejected]))
    body.heading(2, "推断或缺失的字段")
    body.add(
        _table(
            ["文件", "字段", "说明"],
            [
                [_page_link(entry, page_src_of, body), html_text(item["field"]), html_text(item["message"])]
                for entry in guessed
                for item in entry["guessed"]
            ],
        )
    )
    body.heading(2, "词表未收录的专项工作名称")
    body.add(
        "<p>简报中出现、但 programs.yml 尚未收录的活动或工程名称，可供扩充词表时参考。</p>\n",
        _table(
            ["文件", "名称"],
            [
                [_page_link(entry, page_src_of, body), "、".join(html_text(name) for name in entry["discovered"])]
                for entry in entries
                if entry["discovered"]
            ],
        ),
    )
    body.heading(2, "全部文件")
    body.add(
        _table(
            ["文件", "结果", "页面"],
            [
                [
                    html_text(entry["path"]),
                    STATUS_LABELS.get(entry["status"], html_text(entry["status"])),
                    _page_link(entry, page_src_of, body, label=entry["title"]) if entry["page"] else "—",
                ]
                for entry in entries
            ],
        )
    )
    return body.page(
        "构建报告", description="档案文件的处理结果：生成的页面、推断的字段、被拒绝的文件", search={"exclude": True}
    )


def _page_link(entry: dict, page_src_of: dict[str, str], body: PageBody, label: str | None = None) -> str:
    src = page_src_of.get(entry["path"])
    return body.link(label or entry["path"], src) if src else html_text(label or entry["path"])


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p>无。</p>\n"
    head = "".join(f"<th>{cell}</th>" for cell in header)
    lines = [f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>"]
    lines += ["<tr>" + "".join(f"<td>{cell or '—'}</td>" for cell in row) + "</tr>" for row in rows]
    lines.append("</tbody>\n</table>\n")
    return "\n".join(lines)
