"""The words around a place name that say what the place is to the text: visited or benchmarked
(赴井冈山学习), a venue (在济南召开), a visitor (枣庄市考察团), heritage (延安精神), an outlet
(菏泽新闻网, 三峡秭归讯), the writer's own organs (济宁市直机关); and the organs a text is about
when it names no place with them (省直机关工委 / 市直机关), and anonymised places (x委, 某市)."""

from __future__ import annotations

import re

STOP = "。！？；;!?\n，,：:"
# Before a mention (one search, clause-bounded): a visit or benchmark (对标深圳、遵义, 赴井冈山),
# a trip (到/走进 X … 学习), an event venue (在 X 召开), a local brand (法治枣庄).
BEFORE = re.compile(
    rf"(?P<visit>(?:对标|赴|前往|借鉴|取经|参访|到访)[^{STOP}]*)$|(?P<go>到|去|来到|走进)$|(?P<venue>在)$"
    r"|(?P<brand>法治|平安|美丽|文明|健康|幸福|数字|智慧|诚信|书香|大美|魅力|活力|清廉|廉洁|品质|生态)$"
)
GO_AFTER = re.compile(rf"[^{STOP}]{{0,6}}?(?:学习|考察|参观|观摩|取经|研学|培训|交流|瞻仰|重温|寻访|接受"
                      rf"|开展[^{STOP}]{{0,16}}?(?:党日|教育|教学|活动))")  # 到嘉兴南湖开展主题党日活动: a trip
# Where a page says it was published: "政务 2024-12-23 17:45 上海", "发布于济南", "IP属地：山东".
PUBLISHED_AT = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?\s+|发表于|发布于|IP属地\s*[:：]?\s*)[\u4e00-\u9fff]{2,8}\s*$")
# What follows a name a province and a city share when it is the city's (吉林全市法院, 吉林中院)
CITYS_OWN = re.compile(r"全市|市直|市委|市政府|市人大|市政协|中院|中级人民法院|市级机关")
# A place that holds its organs' meeting (南安召开市直机关…): the subject of the story.
HOLDS = re.compile(r"(?:召开|举行|举办)[^，。]{0,12}?(?:市直|县直|区直|机关)")
VENUE_AFTER = re.compile(rf"(?:市|县|区)?[^{STOP}]{{0,4}}?(?:召开|举行|举办|开幕|闭幕|落幕|开班|开营)")
# After a mention (one match, first alternative wins): visitors (X市考察团来我市), offices, heritage
# (延安精神, 遵义会议), streets (盐城路), institutions (曲阜师范大学), outlets (菏泽新闻网, 驻马店网讯, 济宁日报,
# 枣庄机关建设网 -- before ownership, as it contains 机关), the writer's own organs (济宁市直机关).
AFTER = re.compile(
    # a person named like a place, in a list of names (肖晓华、黄山、韩成四位同志作交流发言; 黄山同志; 安庆委员宣读)
    r"(?P<person>(?:、[\u4e00-\u9fff]{2,3}){0,8}(?:等)?(?:[一二三四五六七八九十两\d]{1,2}(?:位|名))?同志|委员(?!会))|"
    rf"(?P<visitor>(?:市|县|区)?[^{STOP}]{{0,18}}?(?:考察团|代表团|参观团|学习团|观摩团|考察组|调研组"
    r"|一行(?:莅临|来我|到我)|莅临|来我(?:市|县|区|单位|局|委|院|办|厅|馆)|到我(?:市|县|区|局|委|院)))"
    # ... an office another government keeps there (市政府驻北京联络处, 驻京办事处) ...
    r"|(?P<office>(?:市|省)?(?:联络处|办事处|联络办))"
    # ... and history: 邢台大地震 (not its 地震局)
    r"|(?P<heritage>精神|会议|时期|革命|起义|红色|老区|(?:特)?大?地震(?![局台站办]|监测|中心|系统|部门)"
    # ... and the events named after their host city (北京世界妇女大会, 杭州亚运会, 北京冬奥会)
    r"|(?:世界|国际)[\u4e00-\u9fff]{0,6}?(?:大会|会议|峰会|博览会)|冬奥|冬残奥|奥运|残奥|亚运|亚残运|世博|进博|世园|峰会)"
    # 盐城路社区, 南京路, 北京大街: a street named after a city
    r"|(?P<street>路(?![线径演子上过])|大街|大道|街(?!道))"
    r"|(?P<institution>(?:市|县)?(?:师范|大学|学院|职业|理工|医科|医院|中学|小学))"
    r"|(?P<site>(?:市|县|区)?[\u4e00-\u9fff]{0,5}?(?:网|日报|晚报|都市报|电视台|广播电视|融媒|发布(?!会)|手机报)|讯(?!息))"
    r"|(?P<owner>(?:市|州|盟|地区|县|区|省)?(?:市直|县直|区直|省直|直属|直|委|政府|人大|政协|纪委|级机关|机关"
    r"|中院|(?:中级|基层)?人民法院|法院|(?:人民)?检察院|(?<=[县区市])院(?![士校长子落区内外墙])))"  # its courts and
    # procuratorates (嫩江法院, 巴州中院, 金塔县院)
)
CJK_RUN = re.compile(r"[\u4e00-\u9fff]*")
# The first place a lead names, with one of its organs (3月23日，长治市档案馆召开…; 海口市人社局党员干部…):
# the organ whose story it is
SUBJECT_ORGAN = re.compile(r"(?:市|县|区|州|盟|旗)?[\u4e00-\u9fff]{0,8}?(?:局|委员会|委|办公室|档案馆|院|中心|政府|人大|政协|机关|党委|党组|总支|支部)")
# 商丘市委直属机关工委一行5人在…带领下，到周口…: the organ's delegation on its way to the next place
DELEGATION = re.compile(r"[^。！？；;!?\n]{0,18}?一行[^。！？；;!?\n]{0,24}?(?:到|赴|来到|莅临|前往)[^。！？；;!?\n]{0,3}$")
# A headline's province before a first (广东首个区县级机关党群服务中心): a thing in the province, not its organs
PROVINCE_FIRST = re.compile(r"(?:省|自治区)?(?:首个|首家|首批|首支|首座|第一个|第一家|唯一)")
# The organs a briefing is about, when its headline or lead names no place with them: a
# province's (省直机关工委, 省政协机关, 省发改委) or a city's or county's (市直机关, 我市, 县委).
PROVINCIAL_ORGAN = re.compile(
    r"省直|省委直属|省委省直|省级机关|省(?:人民)?政府|省人大|省政协|省纪委|省委(?:办公厅|组织部|宣传部|统战部|政法委|编办|党校|党史研究室)|"
    # its courts and procuratorate (省检察院机关党委, 贵州高院, 全省法院)
    r"省(?:人民)?检察院|省(?:高级人民)?法院|高院|全省(?:法院|检察机关)|"
    r"厅直|厅机关|(?:省|自治区)[\u4e00-\u9fff]{1,5}?(?:厅|局|委员会|办公室|发改委|卫健委)(?:[\u4e00-\u9fff]{1,6}?(?:处|室|所))?(?:机关|直属|党组|党委|党总支|党支部)|全省[\u4e00-\u9fff]{0,6}系统|"
    r"(?:省|自治区)[\u4e00-\u9fff]{2,10}?中心站?(?:机关)?(?:主任|第?[一二三四五六七八九十]*党支部|党总支|党委)|"  # 四川省退役军人
    # 管理服务中心主任…带领支部党员; 自治区港航发展中心机关第三党支部
    r"省(?:档案馆|图书馆|博物馆|美术馆|科技馆|文化馆)(?=[\u4e00-\u9fff]{0,4}?(?:党|机关|召开|组织|开展|举办|举行))|"  # not one visited
    # an autonomous region's (自治区直属机关, 自治区党委政法委); its 区直 may be a district's, so not that
    r"自治区(?:党委)?直属|自治区(?:人民)?政府|自治区人大|自治区政协|自治区纪委|"
    r"自治区党委(?:办公厅|组织部|宣传部|统战部|政法委|编办|党校)"
)
LOCAL_ORGAN = re.compile(r"市直|市委|市级|市政府|市人大|市政协|市纪委|我市|全市|县直|县委|县级|县政府|县政协|县人大|"
                          r"中院|中级人民法院|(?:市|县|区)(?:人民)?(?:法院|检察院)|我院|(?:县|区)院(?![士校长子落区内外墙])|"  # a city's or county's court
                          r"区委|区政府|区人大|区政协|区级机关|州直|州委|盟直|地直|市[\u4e00-\u9fff]{1,5}?(?:局|委)(?:机关|党组|党委)|"
                          r"(?<![各全])(?:区|县)(?!直)[\u4e00-\u9fff]{1,5}?局(?!长)")  # 区审计局组织…: a district's bureau
# ... and the same organ named first with its officials (德阳市退役军人事务局党组书记、局长张全科陪同)
ESCORTS = re.compile(r"[^，。；！？]{0,24}?陪同")
# No 市直机关 party work is reported from these; their names in a text are of speeches and visits.
OUT_OF_SCOPE = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
# The writer hid the own place: x委直属机关工委, *市, X市, ××市, xx市, 某市 (not markdown **bold**)
ANONYMISED = re.compile(r"(?<![A-Za-z0-9*＊])(?:[xXｘＸ×]{1,3}|(?<!\*)[*＊](?![*＊])|某{1,2})(?:省|市|县|区|州|委)(?!民)")
ANONYMISED_HINT = re.compile(r"[xXｘＸ×*＊某][xXｘＸ×*＊某]{0,2}[省市县区州委]")  # 15x faster to scan for
CRUMB = re.compile(r"位置|首页|>|»|来源|作者|出处|主办|编辑|发布")


def anonymised_marks(text: str) -> list[str]:
    """The distinct anonymised place marks (x委, X市, 某市 ...) in the text."""
    marks = (ANONYMISED.search(text, hint.start(), hint.end() + 1) for hint in ANONYMISED_HINT.finditer(text))
    return list(dict.fromkeys(m.group() for m in marks if m))
