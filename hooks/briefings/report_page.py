"""The build report page for the archivist: every archive file, what became of it, what was
guessed and what was rejected. The same entries are written to /report.json."""

from __future__ import annotations

from .markup import md_text, relative_link
from .page_parts import front_matter

REPORT = "report/index.md"
STATUS_LABELS = {
    "page": "已生成页面",
    "rejected": "已拒绝",
    "reprint": "转载（已并入原文页面）",
    "vocabulary": "专项工作词表",
    "sidecar": "元数据附件",
    "unread": "未读取",
}


def render_report(entries: list[dict], counts: dict, page_src_of: dict[str, str]) -> str:
    """entries: report_entries(); page_src_of: briefing path -> docs path of its page."""
    rejected = [entry for entry in entries if entry["status"] == "rejected"]
    guessed = [entry for entry in entries if entry["guessed"]]
    parts = [
        front_matter(
            "构建报告",
            description="档案文件的处理结果：生成的页面、推断的字段、被拒绝的文件",
            search={"exclude": True},
        ),
        "# 构建报告\n\n",
        (
            f"档案共 **{counts['files']}** 个文件：**{counts['pages']}** 篇生成了页面，"
            f"**{counts['rejected']}** 个被拒绝，**{counts.get('reprints', 0)}** 篇转载已并入原文页面，共有 **{counts['guessed_fields']}** 处字段为推断或缺失。"
            f"机器可读版本：[report.json]({relative_link(REPORT, 'report.json')})。\n\n"
        ),
        "## 被拒绝的文件\n\n",
        _table(["文件", "原因"], [[md_text(e["path"]), md_text(e["reason"] or "")] for e in rejected]),
        "## 推断或缺失的字段\n\n",
        _table(
            ["文件", "字段", "说明"],
            [
                [_page_link(entry, page_src_of), md_text(item["field"]), md_text(item["message"])]
                for entry in guessed
                for item in entry["guessed"]
            ],
        ),
        "## 词表未收录的专项工作名称\n\n",
        "简报中出现、但 programs.yml 尚未收录的活动或工程名称，可供扩充词表时参考。\n\n",
        _table(
            ["文件", "名称"],
            [
                [_page_link(entry, page_src_of), "、".join(md_text(name) for name in entry["discovered"])]
                for entry in entries
                if entry["discovered"]
            ],
        ),
        "## 全部文件\n\n",
        _table(
            ["文件", "结果", "页面"],
            [
                [
                    md_text(entry["path"]),
                    STATUS_LABELS.get(entry["status"], md_text(entry["status"])),
                    _page_link(entry, page_src_of, label=entry["title"]) if entry["page"] else "—",
                ]
                for entry in entries
            ],
        ),
    ]
    return "".join(parts)


def _page_link(entry: dict, page_src_of: dict[str, str], label: str | None = None) -> str:
    src = page_src_of.get(entry["path"])
    text = md_text(label or entry["path"])
    return f"[{text}]({relative_link(REPORT, src)})" if src else text


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "无。\n\n"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n\n"
