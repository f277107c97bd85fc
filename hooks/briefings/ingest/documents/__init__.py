"""Briefings that arrive as documents: Word (.docx, and .doc through antiword), PDF with a text
layer, and WeChat articles saved as HTML. Each becomes plain text in reading order, one line a
paragraph (table rows as lines, cells apart), for the same cleaning and extraction as a web page.

A document that cannot be a briefing (a scanned PDF, a password, a broken file, a zip bomb) is
an ArchiveError with the reason; every reader is bounded in size and time (limits.py).
"""

from briefings.ingest.documents.doc import doc_text
from briefings.ingest.documents.docx import docx_text
from briefings.ingest.documents.pdf import pdf_text
from briefings.ingest.documents.wechat import WeChatArticle, is_wechat_page, wechat_article, wechat_lines

__all__ = ["WeChatArticle", "doc_text", "docx_text", "is_wechat_page", "pdf_text", "wechat_article", "wechat_lines"]
