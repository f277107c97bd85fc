"""The archivist's messages in Chinese, for the report page and report.json.

Messages are composed in English where they arise, with what was seen in them; the log keeps
them so. This table, like a translation catalogue, pairs each English message with its Chinese
one. In a template, {name} is carried over as seen; {name:t} is itself a message, translated
again (so "no year found: <reason>" reads in Chinese throughout); {name:e} is a place's evidence
("site: 滨州日报 (×4)"), whose labels are translated. A message the table does not know is kept
in English: tests check that every message the test archives give is known.

Longer than most modules: one table, one entry per message the ingest stage can give.
"""

from __future__ import annotations

import re
from functools import lru_cache

FIELD_NAMES = {
    "title": "标题", "city": "城市", "province": "省份", "year": "年份", "date": "日期", "source": "来源",
    "url": "原文链接", "programs": "专项工作", "text": "正文", "slug": "页面地址", "summary": "摘要",
}
KIND_NAMES = {"guessed": "推断", "missing": "缺失", "repaired": "已修复", "conflict": "冲突"}

_EVIDENCE_LABELS = {
    "title": "标题", "ownership": "机关名称", "lead": "导语", "site": "网站名称", "url host": "网址域名",
    "url host (government)": "政府网站域名",
    "body": "正文", "weak": "零星提及", "meta": "信息行", "source": "来源",
}

MESSAGES: tuple[tuple[str, str], ...] = (
    # places
    ("unknown: {reason:t}", "未能确定：{reason}"),
    ("guessed from a county only: {counties} -> {city}", "仅凭县（市、区）名推断：{counties} → {city}"),
    ("guessed from the url host's initials within {province}: {city}", "由网址域名的拼音首字母在{province}内推断：{city}"),
    ("guessed from the full name the text gives the lead's organ ({organ:e}): {city}", "由正文中导语所述机关的全称推断：{organ} → {city}"),
    ("guessed from a site name only ({evidence:e})", "仅凭网站名称推断（{evidence}）"),
    ("guessed from the url host only ({evidence:e})", "仅凭网址域名推断（{evidence}）"),
    ("guessed from a mention ({evidence:e}) and the url host's initials, which agree: {city}",
     "由一处提及（{evidence}）与网址域名的拼音首字母相互印证推断：{city}"),
    ("guessed from body mentions only ({evidence:e})", "仅凭正文中的提及推断（{evidence}）"),
    ("guessed from the only city the text names, in passing ({evidence:e})", "仅凭正文中顺带提到的唯一城市推断（{evidence}）"),
    ("guessed from the other briefings of its site: {agree} of the {named} on {host} that name their place name {place}",
     "根据同一网站的其他简报推断：{host} 上写明地点的 {named} 篇中有 {agree} 篇为{place}"),
    ("guessed from the only place the text names ({evidence:e})", "仅凭正文中提到的唯一地名推断（{evidence}）"),
    ("guessed from incidental mentions only ({evidence:e})", "仅凭零星提及推断（{evidence}）"),
    ("the text is anonymised ({marks}): its own place is hidden", "文本已匿名化（{marks}），看不出所属地方"),
    ("the text also contains anonymised places ({marks})", "文本中另有匿名化的地名（{marks}）"),
    ("about a province-level organ ({organ}), not a city's; it names places in {places}",
     "写的是省级机关（{organ}），不属于某个城市；文中提到的地方分属{places}"),
    ("about a province-level organ ({organ}), not a city's", "写的是省级机关（{organ}），不属于某个城市"),
    ("about a national organ ({organ}), not a city's or a province's", "写的是中央和国家机关（{organ}），不属于某个省或城市"),
    ("several cities, none dominant: {cities:e}", "提到多个城市，没有一个占主导：{cities}"),
    ("no city named, only the province, in passing", "只顺带提到省份，未提到城市"),
    ("no city named, only the province", "只提到省份，未提到城市"),
    ("no city named; the outlet is the province's", "未提到城市；刊发媒体属于省级"),
    ("no place named (too weak: {weak:e})", "未提到地名（证据太弱：{weak}）"),
    ("no place named", "未提到地名"),
    # dates
    ("no publication date found: {reason:t}", "未找到发布日期：{reason}"),
    ("no date line, dateline, address date or full date in the text",
     "文中没有日期行、电头、网址日期或完整日期"),
    ("{first:t}; {rest:t}", "{first}；{rest}"),
    ("the dateline {line} gives no year", "电头“{line}”没有年份"),
    ("the lead opens with {line}, the date of its events", "导语以“{line}”开头，那是事件的日期"),
    ("the address ({part} -> {when}) gives no day", "网址（{part} → {when}）没有给出具体日期"),
    ("the body names {dates} (events, not the page's date)", "正文提到 {dates}（是事件日期，不是发布日期）"),
    ("only a repost timestamp gives the date ({line}); it may be the date of the repost",
     "只有转载时间戳给出日期（{line}），那可能是转载的日期"),
    ("the {found:t} disagrees with the address ({part} -> {when}); took the address",
     "{found}与网址（{part} → {when}）不符，采用网址的日期"),
    ("the {found:t} disagrees with the address ({part} -> {when}); took the date line",
     "{found}与网址（{part} → {when}）不符，采用页面上的日期"),
    ("the dateline {line} is later than the address ({part} -> {when})", "电头“{line}”晚于网址的日期（{part} → {when}）"),
    ("completed the dateline {line} with the year {year} from the title (a report on the year before){disagrees:t}",
     "电头“{line}”的年份 {year} 取自标题（标题所说的是上一年的工作）{disagrees}"),
    ("completed the dateline {line} with the year {year} from the title{disagrees:t}",
     "电头“{line}”的年份 {year} 取自标题{disagrees}"),
    ("; the {found:t} disagrees", "；{found}与之不符"),
    ("the dateline {line} disagrees with the {found:t}; took the dateline", "电头“{line}”与{found}不符，采用电头"),
    ("no date line; took the date the lead opens with ({line})", "没有日期行，采用导语开头的日期（{line}）"),
    ("the dateline {line} matches {date} in the address's number", "电头“{line}”与网址编号中的 {date} 相符"),
    ("labelled date line {date}", "标明的发布日期 {date}"),
    ("repost timestamp {date}", "转载时间戳 {date}"),
    ("date line {date}", "日期行 {date}"),
    # years
    ("no year found: {reason:t}", "未找到年份：{reason}"),
    ("the title names a kind of document, not its year; the page's date {date} may be a copy's",
     "标题只写了文书的种类，没有写年份；页面日期 {date} 可能是转载的日期"),
    ("the page is on a site of document templates ({site}); its date {date} may be a copy's, and the title names "
     "no year", "页面在文书范文网站上（{site}）；其日期 {date} 可能是转载的日期，标题也没有写年份"),
    ("the page is dated {date}, but the text is of the years it names ({summary})",
     "页面日期为 {date}，但正文属于更早的年份（文中提到的年份：{summary}）"),
    ("the page is dated {date}, but the text is of {what}", "页面日期为 {date}，但正文属于更早的年份：{what}"),
    ("the date {date} and the address ({part} -> {when}) disagree on the year",
     "日期 {date} 与网址（{part} → {when}）的年份不一致"),
    ("no year in the title, no date, no years in the text", "标题中没有年份，没有日期，正文中也没有年份"),
    ("the text calls {year} the year of {event}: its years were changed",
     "正文称 {year} 年为{event}之年：文中的年份被改动过"),
    ("the title names {year} and {event}, over by {last}: a copy whose years were changed",
     "标题写了 {year} 年，又写了 {last} 年已结束的{event}：这是年份被改动过的转载"),
    ("no title year or date; the text names events of several years ({seen})",
     "标题中没有年份也没有日期；正文提到多个年份的事件（{seen}）"),
    ("no title year or date, and the text's years point at none clearly ({summary}; it refers back to events of {year})",
     "标题中没有年份也没有日期，正文中的年份都不能明确指向某一年（{summary}；文中回顾了 {year} 年的事件）"),
    ("no title year or date, and the text's years point at none clearly ({summary})",
     "标题中没有年份也没有日期，正文中的年份都不能明确指向某一年（{summary}）"),
    ("the title names {year}年度 for a meeting or award, which is mostly held the year after; no date says which",
     "标题写的是 {year}年度的会议或评选，这类活动多在次年举行；没有日期可以判断"),
    ("guessed {year}: the title reviews {named}年度 work and the text names {next}",
     "推断为 {year} 年：标题回顾的是 {named}年度的工作，正文提到了 {next} 年"),
    ("guessed {year}: the text names no year, and {event} ({first}-{last}) ran mostly in {main}",
     "推断为 {year} 年：正文没有年份，{event}（{first}—{last}）主要在 {main} 年开展"),
    ("guessed {year}: the title names {named}年度 and the lead dates the meeting to month {month}",
     "推断为 {year} 年：标题写的是 {named}年度，导语显示会议在 {month} 月召开"),
    ("the title names {named}, the page is dated {when}: took the title", "标题写的是 {named}，页面日期为 {when}：采用标题"),
    ("guessed {year} from {event}, which the text studies", "推断为 {year} 年：文中学习的是{event}"),
    ("guessed {year}: the lead opens with the date of its events ({when}); the page is dated {date}",
     "推断为 {year} 年：导语以事件日期开头（{when}），页面日期为 {date}"),
    ("guessed {year}: the text studies {event} (held in month {held}) and its dateline is of month {month}",
     "推断为 {year} 年：文中学习的是{event}（于 {held} 月召开），电头日期在 {month} 月"),
    ("guessed {year} from the file names of its photos", "推断为 {year} 年：依据文中照片的文件名"),
    ("guessed {year}, the latest of the years the text names ({summary})", "推断为 {year} 年，即文中提到的最晚年份（{summary}）"),
    ("guessed {year} from {event}", "推断为 {year} 年，依据：{event}"),
    (("the page is dated {date}, but the text only names {previous} and reports no event: a summary of that year, "
      "or news of {year}"), "页面日期为 {date}，但正文只提到 {previous} 年且没有报道某次活动：可能是该年的总结，也可能是 {year} 年的新闻"),
    ("guessed {year}: the text gives a whole year's figures (全年…) and came out on {date}",
     "推断为 {year} 年：正文给出的是全年的数字（全年……），发布于 {date}"),
    ("guessed {year}: the title celebrates {event}, but the page is dated {when}",
     "推断为 {year} 年：标题庆祝的是{event}，而页面日期为 {when}"),
    # titles, sources, addresses
    ("no headline in the text; made up from the first sentence: {title}", "文中没有标题，取首句作为标题：{title}"),
    ("no headline and no text to make one from", "没有标题，也没有可用来拟定标题的正文"),
    ("no original address found in the text", "文中未找到原文链接"),
    ("no outlet named in the text; using the url's host {host}", "文中未写明来源，采用网址的域名 {host}"),
    ("no outlet named in the text", "文中未写明来源"),
    ("{slug} is also the address of {other}; this page is at {new}", "{slug} 已是 {other} 的页面地址；本页改为 {new}"),
    # repaired text
    ("{what} removed: text may not hold them", "已删除{what}：正文中不应有这些字符"),
    ("{count} NUL bytes", "{count} 个 NUL 字节"),
    ("{count} control characters ({nuls} of them NUL)", "{count} 个控制字符（其中 {nuls} 个为 NUL）"),
    ("bytes that are not {encoding} replaced by U+FFFD: the file is damaged", "不符合 {encoding} 编码的字节已替换为 U+FFFD：文件已损坏"),
    *(((f"ends in the middle of a character ({{count}} stray {byte} of {{encoding}}): the file is truncated; "
        "the partial character was dropped"), "文件在一个字符中间结束（{count} 个多余的 {encoding} 字节）：文件不完整，残缺的字符已删除")
      for byte in ("byte", "bytes")),
    ("mixes encodings: {foreign} of {lines} lines are {encoding}, the rest UTF-8; each line was decoded in its own encoding",
     "混用编码：{lines} 行中有 {foreign} 行是 {encoding}，其余为 UTF-8；已逐行按各自编码解码"),
    # rejections: the entry
    ("not a briefing file (expected .txt, .md, .html, .docx, .pdf or .doc)",
     "不是简报文件（应为 .txt、.md、.html、.docx、.pdf 或 .doc）"),
    ("file name is not printable UTF-8 (bytes of another encoding, or control characters): rename it",
     "文件名不是可显示的 UTF-8（含其他编码的字节或控制字符）：请重命名"),
    ("is a symbolic link to nothing (or a loop of links): not read", "是指向不存在目标（或循环）的符号链接：未读取"),
    ("is a symbolic link to a file outside the archive: not read", "是指向档案目录之外文件的符号链接：未读取"),
    ("is a symbolic link to a folder: not read (link the files, or copy them)",
     "是指向文件夹的符号链接：未读取（请链接或复制其中的文件）"),
    ("hidden file (its name starts with a dot: an editor's or system's file): not read",
     "隐藏文件（名称以点开头，是编辑器或系统的文件）：未读取"),
    ("hidden folder (its name starts with a dot: an editor's or system's file): not read",
     "隐藏文件夹（名称以点开头，是编辑器或系统的文件）：未读取"),
    ("is not a regular file (a FIFO, socket or device): not read", "不是普通文件（是管道、套接字或设备）：未读取"),
    ("cannot be read: {error}", "无法读取：{error}"),
    ("has the same id as {other} (the names differ only in Unicode normalisation): rename one",
     "与 {other} 的编号相同（两个文件名只在 Unicode 规范化上不同）：请重命名其中一个"),
    ("a reprint of {original}: merged into its page", "是 {original} 的转载：已并入其页面"),
    # rejections: the bytes and the text
    ("is {size} MB, over the {limit} MB limit for one briefing: not read (split or trim the file)",
     "大小为 {size} MB，超过单篇简报 {limit} MB 的上限：未读取（请拆分或删减）"),
    ("is empty (0 bytes)", "是空文件（0 字节）"),
    ("is empty: holds only whitespace", "是空文件：只有空白字符"),
    ("is empty: has no briefing text", "是空文件：没有简报正文"),
    ("has no briefing text left after removing page noise", "去除网页杂项后没有剩下简报正文"),
    ("looks binary (control bytes such as NUL), not a text briefing", "看起来是二进制文件（含 NUL 等控制字节），不是文本简报"),
    ("is not text in UTF-8, GB18030/GBK or Big5", "不是 UTF-8、GB18030/GBK 或 Big5 编码的文本"),
    ("could not be read ({error}); this is a bug in the reader, please report it with the file",
     "读取出错（{error}）：这是读取程序的缺陷，请连同文件一起报告"),
    ("{what} took over {seconds} s to read: not read (a damaged or hostile file?)",
     "{what}读取超过 {seconds} 秒：未读取（文件可能已损坏或含恶意内容）"),
    # rejections: front matter and sidecars
    ("front matter starts with '---' but never closes", "文件头元数据以“---”开头，但没有结束的“---”"),
    ("has two sidecars ({names}): keep one, the other would be ignored", "有两个元数据附件（{names}）：请只保留一个，另一个会被忽略"),
    ("sidecar {name} is over {limit} KB", "元数据附件 {name} 超过 {limit} KB"),
    ("sidecar {name} cannot be read: {error}", "元数据附件 {name} 无法读取：{error}"),
    ("{where:t} is not valid YAML at line {line}: {problem}", "{where}不是有效的 YAML（第 {line} 行）：{problem}"),
    ("{where:t} is not valid YAML: {problem}", "{where}不是有效的 YAML：{problem}"),
    ("{where:t} must be a mapping of field: value", "{where}应为“字段: 值”的映射"),
    ("{where:t} field '{field}' holds an invalid character ({char}): a lone surrogate, not text",
     "{where}的字段“{field}”含有无效字符（{char}）：是孤立的代理码元，不是文本"),
    ("{where:t} field '{field}' is not known (allowed: {allowed})", "{where}的字段“{field}”无法识别（可用字段：{allowed}）"),
    ("front matter", "文件头元数据"),
    ("sidecar {name}", "元数据附件 {name}"),
    # rejections: field values
    ("field '{field}' must be non-empty text, got {value}", "字段“{field}”应为非空文本，实际为 {value}"),
    ("field 'url' must be an http(s) address, got {value}", "字段“url”应为 http(s) 网址，实际为 {value}"),
    ("field 'date' is not a date: {value}", "字段“date”不是日期：{value}"),
    ("field 'year' is not a year between {low} and {high}: {value}", "字段“year”不是 {low} 到 {high} 之间的年份：{value}"),
    ("field 'province' is not a province the gazetteer knows: {value}", "字段“province”不是地名表中的省级行政区：{value}"),
    ("field 'city' is not a prefecture-level city the gazetteer knows: {value}", "字段“city”不是地名表中的地级市：{value}"),
    ("field 'city' {city} is in {province}, not in {other}", "字段“city”：{city}属于{province}，不属于{other}"),
    ("field 'programs' must be a list of program names, got {value}", "字段“programs”应为专项工作名称的列表，实际为 {value}"),
    ("field 'programs' names {name}, which programs.yml does not list", "字段“programs”写的是 {name}，programs.yml 中没有收录"),
    # rejections: documents
    ("is a legacy Word .doc: install antiword (the Debian package) to read it, or save it as .docx",
     "是旧版 Word .doc 文件：请安装 antiword（Debian 软件包）以读取，或另存为 .docx"),
    ("is a .doc antiword could not read in {seconds} s: not read", "是 antiword 在 {seconds} 秒内无法读完的 .doc 文件：未读取"),
    ("is a .doc antiword cannot read ({problem}): not read", "是 antiword 无法读取的 .doc 文件（{problem}）：未读取"),
    ("is a .doc with no text: not read", "是没有文字的 .doc 文件：未读取"),
    ("is not a readable Word .docx ({error}): not read", "不是可读取的 Word .docx 文件（{error}）：未读取"),
    ("is a Word document with no text (pictures only?): not read", "是没有文字的 Word 文档（只有图片？）：未读取"),
    ("is not a Word .docx (not a zip package): not read", "不是 Word .docx 文件（不是 zip 压缩包）：未读取"),
    ("is a .docx that would unpack to {size} MB in {parts} parts (over {limit} MB): not read (a zip bomb?)",
     "是解压后将达 {size} MB、共 {parts} 个部分的 .docx 文件（超过 {limit} MB）：未读取（可能是压缩炸弹）"),
    ("is a PDF of {objects} objects (over {limit}): not read (a damaged or hostile file?)",
     "是含 {objects} 个对象的 PDF（超过 {limit}）：未读取（文件可能已损坏或含恶意内容）"),
    ("is a password-protected PDF: not read (save it without the password)", "是有密码保护的 PDF：未读取（请去掉密码后另存）"),
    ("is a PDF that cannot be read ({error}): not read", "是无法读取的 PDF（{error}）：未读取"),
    ("is a PDF without pages: not read", "是没有页面的 PDF：未读取"),
    (("is a scanned PDF ({pages} pages of pictures, no text layer): not read; OCR is not done here, add the text as a "
      ".txt beside it"), "是扫描版 PDF（{pages} 页图片，没有文字层）：未读取；本工具不做文字识别，请在旁边另存一份 .txt 文本"),
)

PLACEHOLDER = re.compile(r"\{(\w+)(?::([te]))?\}")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern, str, dict[str, str]], ...]:
    rules = []
    for english, chinese in MESSAGES:
        kinds, parts, position = {}, [], 0
        for found in PLACEHOLDER.finditer(english):
            parts.append(re.escape(english[position:found.start()]))
            parts.append(f"(?P<{found.group(1)}>{'.*?' if found.group(2) == 't' else '.+?'})")
            kinds[found.group(1)] = found.group(2) or ""
            position = found.end()
        parts.append(re.escape(english[position:]))
        rules.append((re.compile("".join(parts), re.DOTALL), PLACEHOLDER.sub(r"{\1}", chinese), kinds))
    return tuple(rules)


def translate(message: str) -> str:
    """The Chinese of an English message; the message itself when the table does not know it."""
    return _translated(message) or message


def knows(message: str) -> bool:
    return _translated(message) is not None


@lru_cache(maxsize=1 << 16)  # an archive of 10,000 gives some 13,000 distinct messages, again on each rebuild
def _translated(message: str) -> str | None:
    for pattern, chinese, kinds in _rules():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = {}
        for name, kind in kinds.items():
            value = found.group(name)
            if kind == "t":
                value = _translated(value) if value else value
                if value is None:
                    break
            elif kind == "e":
                value = _evidence(value)
            values[name] = value
        else:
            return chinese.format(**values)
    return None


_EVIDENCE_LABEL = re.compile(r"(^|\(|; )(" + "|".join(map(re.escape, _EVIDENCE_LABELS)) + r"): ")


def _evidence(text: str) -> str:
    return _EVIDENCE_LABEL.sub(lambda found: found.group(1) + _EVIDENCE_LABELS[found.group(2)] + "：", text)


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field)
