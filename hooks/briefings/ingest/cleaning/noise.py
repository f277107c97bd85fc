"""Noise: which single lines of a scraped page are not the briefing, and why.

One pattern per kind of noise (crumbs, bylines, ads, footers, legal blocks, comment headers,
widgets, subscriptions, pagers, image placeholders ...), tried on a line alone; the other
modules of cleaning add the rules that look at where a line sits. Names: the plausible personal names of
press-conference speakers and reporters' bylines.

Longer than 300 lines because it is one table: a rule a kind of noise, each with its example;
splitting the table would only scatter it.
"""

from __future__ import annotations

import re

from briefings.ingest.cleaning.patterns import DATE, HAN, HAS_SENTENCE, PUNCT, STAMP, TIME, WORD

# ---- names: press-conference speakers, reporters' bylines -------------------------------
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
                      "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
                      "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
                      "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
                      "解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬"
                      "边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "公孙", "夏侯", "尉迟", "长孙",
                      "宇文", "司徒", "端木", "申屠", "独孤", "南宫")
# characters of short headings and stock phrases that hardly appear in given names
_NOT_IN_NAMES = frozenset("的了是在和与及等之其这那们个为以于对从把被将就都也还要会能可作工业务效果况题施措划法规则制度"
                          "性化型式动活组织党政府机关部门单位设问答说讲记者主持年月日时第项条件次篇章节计总结情经验做"
                          "就绩存目标任求意见议步骤束始介绍提回感谢好各位确推实"
                          "区县镇乡旗")  # 武进区：… is a place's headline, not a speaker's turn


def is_name(word: str) -> bool:
    """A plausible Chinese personal name: a surname and one or two given characters."""
    surname = 2 if word[:2] in _COMPOUND_SURNAMES else 1
    if not (surname == 2 or word[0] in _SURNAMES) or not 2 <= len(word) - surname + 1 <= 3:
        return False
    return not any(c in _NOT_IN_NAMES for c in word[surname:])


# ---- 2. noise: one pattern per kind, tried on a single line -------------------------------
def _row(tokens: str, seps: str = r"[\s\[\]【】()（）|｜/·•:：<>»«]", must: str = "") -> re.Pattern[str]:
    """A line made only of `tokens` (toolbars, pagers) with separators between them, `must` among them."""
    return re.compile(rf"^{f'(?=.*?(?:{must}))' if must else ''}(?:{seps}*(?:{tokens}))+{seps}*$")


ORIGINAL_URL = re.compile(r"(?:original url|source url|url|原文(?:地址|链接|网址)|原始链接|来源网址)\s*[:：]",
                           re.IGNORECASE)  # used with .match(text, pos)
COPYRIGHT_HEAD = re.compile(r"^[\[【]?(?:版权声明|免责声明|法律声明|版权说明|版权及免责声明|特别声明)")
# (reason, pattern, longest line it applies to, applies also to lines holding a sentence)
_RULES: tuple[tuple[str, re.Pattern[str], int, bool], ...] = (
    # the address of the saved page; extraction reads the url from it
    ("meta", re.compile("^" + ORIGINAL_URL.pattern, re.IGNORECASE), 10**9, True),
    # a "标题：…" line above a reposted text; extraction takes the title from it
    ("meta", re.compile(r"^(?:原标题|标\s*题|题\s*目)\s*[:：]"), 100, True),
    # site footers naming the page, or forbidding reposts
    ("footer", re.compile(r"^(?:查看完整版本|完整版本|本文链接|本文地址|本文网址|文章链接|文章地址|本页地址|"
                          r"转载请注明|转载请保留|转载时请|如需转载)|未经(?:本网|本站)?(?:允许|授权|许可|同意|书面授权)"
                          r"[，,]?(?:不得|禁止|请勿|严禁)(?:转载|复制|使用)"), 300, True),
    # marked advertising: 【广告】…, 【推广】…, Advertisement: …
    ("ad", re.compile(r"^[\[【(（]?(?:广告|推广|赞助|商业推广|Advertisement|Sponsored|Anzeige)[\]】)）:：]", re.IGNORECASE),
     200, True),
    # a related story's link: "相关阅读：…", "◆ 推荐阅读：…", "【相关链接】…"
    ("related", re.compile(r"^[◆◇•·●○▶►▸>*\s-]*[\[【]?(?:相关(?:新闻|阅读|文章|链接|报道|推荐)|推荐阅读|延伸阅读|热点推荐|"
                           r"热门推荐|猜你喜欢|往期回顾|往期推荐|专题)[\]】]?\s*[:：]?\s*\S.{0,60}$"), 80, False),
    ("related", re.compile(r"^(?:喜欢此内容的人还喜欢|看过此文的人还看了|阅读原文|继续滑动看下一个)"), 30, False),
    # WeChat article furniture: "点击蓝字 关注我们", "原创 公众号名 2023-05-12 18:30 发表于湖北"
    ("subscription", re.compile(r"^(?:点击|点)(?:上方|下方)?(?:蓝字|蓝色字|公众号).{0,10}关注"), 40, True),
    ("byline", re.compile(rf"^(?:原创\s+)?[^。！？]{{0,40}}?{DATE}(?:\s*{TIME})?\s*(?:发表于|发布于).{{0,8}}$"), 80, False),
    # the site's own clock and weather: "今天是：2009年7月8日 星期三", "当前时间:2018年05月28日", "天气：晴 18～27℃"
    ("widget", re.compile(r"^(?:今天是|今日是|今天|当前时间|现在时间|当前日期|今日日期)\s*[:：]?\s*(?:19|20)\d{2}年|天气\s*[:：]|"
                          r"^欢迎(?:您)?(?:访问|光临|来到).{0,24}?(?:今天是|今日是)\s*[:：]?\s*(?:19|20)\d{2}年"), 80, True),
    # a site's greeting: "欢迎访问中共温州市委直属机关工作委员会!", "南京·南部新城欢迎您!"
    ("widget", re.compile(r"^欢迎(?:您)?(?:访问|光临|来到)[^，。]{2,30}[！!。]?$|^[^，。！!]{2,20}欢迎(?:您|你)[！!。]?$"),
     40, True),
    # a site's toolbar: "欢迎来到…网! 维权热线:12351 设为首页 | 加入收藏"; the clock's label left alone ("今天是:")
    ("widget", re.compile(r"设为首页|加入收藏|收藏本站"), 80, True),
    # a site's accessibility switches: "退出长者模式", "无障碍 长者助手 我的收藏 收藏"
    ("widget", re.compile(r"^(?:退出|进入)?(?:长者模式|关怀模式|关怀版|适老版|无障碍(?:浏览|阅读)?|长者助手)(?:\s|$)"), 40, False),
    # ... and their screen-reader hint: "按回车键在新窗口打开无障碍说明页面，按Alt+~键打开导盲模式"
    ("widget", re.compile(r"^按回车键.{0,20}无障碍|导盲模式[。.]?$"), 60, True),
    ("widget", re.compile(r"^[-•·*\s]*(?:站内搜索|全站搜索|搜索)\s*[:：]?\s*$"), 12, False),  # a search box's label
    ("widget", re.compile(r"^[•·●\s]*(?:今天是|今日是|今天|现在时间|当前时间)\s*[:：]?\s*$"), 12, False),
    # a government disclosure portal's heading: "佛冈县卫生健康局政府信息公开", "政府信息公开 规章库"
    ("widget", re.compile(r"^[\u4e00-\u9fff]{0,24}(?:政府信息公开|政务公开)(?:目录|专栏|平台|指南)?(?:\s+规章库)?$"), 40, False),
    # an e-paper's reader: "标题导航", "3 上一篇 下一篇 4 放大 缩小 默认"
    ("widget", re.compile(r"^(?:标题导航|版面导航|本版标题|返回目录|版面概览)$"), 10, False),
    ("widget", re.compile(r"^(?:内容|文章|新闻|信息|稿件)详情(?:页)?$"), 8, False),  # a page's label: "内容详情"
    ("widget", re.compile(r"^[a-z]{2,8}$"), 8, False),  # a stray code from the page's markup ("dlrb")
    # a channel's greeting: "您正在浏览[时光机]频道,这篇文章记录了从5673 天前开始的旅程…"
    ("widget", re.compile(r"^您(?:正在|现在)(?:浏览|阅读|访问)[^。]{0,20}(?:频道|栏目|专题)"), 120, True),
    # a reading-time note: "本篇文章448字,读完约1分钟", "全文约1200字，阅读需要3分钟"
    ("widget", re.compile(r"^(?:本篇文章|本文|全文)(?:共|约)?\s*\d+\s*字\s*[,，]?\s*(?:读完|阅读)(?:约|需要?|大约)*\s*\d+\s*分钟$"),
     40, False),
    ("widget", _row(r"上一篇|下一篇|上一版|下一版|放大|缩小|默认|\d{1,3}", must=r"上一篇|下一篇|上一版|下一版|放大|缩小"),
     60, False),
    # a page's clock printed by itself (the crawl day, not the story's): "星期一", "2026-01-19 星期一"
    ("widget", re.compile(rf"^(?:{DATE}\s*)?(?:星期|礼拜|周)[一二三四五六日天]$"), 24, False),
    # a paper's issue line: "光明日报 2016年07月20日 星期三" (its masthead, a date line, no headline)
    ("meta", re.compile(rf"^[\u4e00-\u9fff]{{2,10}}(?:报|网)\s*{DATE}\s*(?:星期|礼拜|周)[一二三四五六日天]$"), 36, False),
    # an e-paper's furniture: its reader, the paper's name, the page ("版面:第A01版:要闻", "第二版:要闻总第3142期")
    ("widget", re.compile(r"^[^\s，。]{0,12}(?:电子报|数字报|电子版|数字报刊|读报|阅读机|e-?paper)$|"
                          r"^(?:当前报纸名称|报纸名称|报名|版面|版次|版名)\s*[:：]|^第\s*(?:[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*[:：]?",
                          re.IGNORECASE), 60, False),
    # a row of counters: "查看: 4677|回复: 0", "阅读 1.2万 点赞 35"
    ("meta", re.compile(r"^(?:\s*[\u4e00-\u9fff]{1,4}\s*[:：]?\s*\d[\d.,万]*\s*(?:次|人|条)?\s*[|｜/·]?){2,}$"), 60, False),
    # bracketed metadata: "【作者】中山年鉴编纂委员会 【文章来源】《中山年鉴•2012》 【成文日期】…"
    ("meta", re.compile(r"^(?:\s*[【\[](?:作者|文章来源|来源|出处|成文日期|发布日期|发布时间|日期|点击率|点击数|浏览次数|"
                        r"阅读次数|责任编辑|编辑|字号|关键词|分类|栏目)[】\]][^【\[]{0,60}){2,}$"), 300, False),
    # a newsletter's issue line: "四川省地方志办政工简讯2024年第6期(总第152期)", "机关党建工作简报 第12期"
    ("meta", re.compile(r"(?:简报|简讯|快报|通讯|动态|专报|信息)\s*(?:(?:19|20)\d{2}\s*年)?\s*第\s*\d{1,4}\s*期|"
                        r"[（(]总第\s*\d{1,5}\s*期[)）]"), 60, False),
    # a newsletter's masthead: "简 报", "( 第1期 )" (the line above them is its name)
    ("newsletter", re.compile(r"^(?:工作|信息|党建)?简\s*报$|^[（(]\s*(?:总)?第\s*\d{1,4}\s*期\s*[)）]$"), 12, False),
    # a column and an outlet before the day: "時政 大連新聞網 2017-06-19"
    ("byline", re.compile(rf"^(?:[^\s，。,]{{1,8}}\s+)?[^\s，。,]{{2,16}}(?:网|網|报|報|新闻|新聞|在线|客户端)\s+{DATE}"
                          rf"(?:\s*{TIME})?$"), 50, False),
    # "分享到：QQ空间 新浪微博 …"
    ("meta", re.compile(r"^(?:分享到|分享至|转发到)\s*[:：]"), 80, False),
    # language switchers: "繁体 | 简体", "中文 | 조선어"
    ("widget", _row(r"中文|简体|繁体|简体中文|繁体中文|简|繁|English|ENGLISH|EN|조선어|한국어|朝鲜文版?|蒙古文|藏文|"
                    r"维吾尔文|哈萨克文|日本語|Русский|[^\s|｜]{1,8}版(?:本)?|[^\s|｜]{1,6}(?:信息港|网)",
                    must=r"简体|繁体|English|조선어|한국어|朝鲜文|蒙古文|藏文|维吾尔文|日本語|Русский"), 40, False),
    # previous/next links and page numbers
    ("pager", re.compile(r"^(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇|上篇|下篇|上一主题|下一主题)\s*[:：]?"), 300, True),
    ("pager", re.compile(r"^\d{1,3}(?: ?[/／] ?\d{1,3})?$"), 9, False),
    ("pager", re.compile(r"^[（(]?第\s*\d{1,3}\s*页[)）]?$|^(?:本文|全文)?共\s*\d{1,3}\s*页"), 20, False),
    ("pager", _row(r"上一页|下一页|上页|下页|前一页|后一页|首页|尾页|末页|第 ?\d+ ?页|共 ?\d+ ?页|\d{1,3}|…|\.{3}|GO|go|"
                   r"跳转|跳至|到第|页|Previous|Next|Prev", r"[\s<>«»/／|｜\[\]【】]",
                   must=r"\d|[上下前后]一?页|尾页|末页|Previous|Next|Prev"), 80, False),
    ("pager", re.compile(r"^(?:«\s*)?(?:Previous|Next|Older|Newer)(?: (?:Post|Article|Entry|Page))?"
                         r"(?:\s*»)?\s*[:：]?",
                         re.IGNORECASE), 200, True),
    # a media centre's stamp under the headline, "©原创   2021-06-11 17:22": the page's date, not a legal line
    ("byline", re.compile(rf"^©?\s*原创\s*{DATE}(?:\s*{TIME})?\s*$"), 40, False),
    # a byline of a site's fields: "www.gxbsrd.gov.cn  2013-06-20 10:33  阅读:676090次  作者:… 来源:…"
    ("byline", re.compile(rf"^[^。！？]{{0,30}}?{DATE}(?:\s*{TIME})?\s+(?=(?:[^。！？]*?(?:作者|编辑|来源|阅读|浏览|点击)\s*[:：]){{2}})"
                          r"[^。！？]{0,100}$"), 160, False),
    # legal blocks: a header, or a line a site footer is made of
    ("copyright", COPYRIGHT_HEAD, 300, True),
    ("copyright", re.compile(r"[Cc]opyright|COPYRIGHT|©|\([Cc]\) ?(?:19|20)\d\d|版权所有|"
                             r"[Aa]ll [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED|ICP[备证]|公网安备|网站标识码|"
                             r"网站识别码|法律顾问|互联网新闻信息服务许可"),
     200, False),
    ("copyright", re.compile(r"^(?:网站)?(?:技术支持|主办单位|主办|承办|协办|网站维护)\s*[:：]|^[Pp]owered by |"
                             r"(?:技术支持|网站维护|网站地图)\s*[:：]|"
                             r"^[-•·*\s]*(?:联系电话|联系我们|举报电话|举报邮箱|投稿邮箱|违法和不良信息举报)|"
                             r"^(?:网站客服|在线客服|客服(?:QQ|电话|热线|微信|邮箱))\s*[:：]"), 200, False),
    # comment sections: the header starts the trailer
    ("comments", re.compile(r"^[\[【]?(?:最新评论|网友评论|发表评论|相关评论|评论列表|全部评论|热门评论|精彩评论|最热评论|"
                            r"我要评论|我来说两句|用户评论|读者评论|网友留言|评论区|评论|留言板|发表留言|写留言|精选留言|"
                            r"(?:已有|共有?|有)\s*\d+\s*(?:条|人)(?:评论|参与|跟帖|留言)|"
                            r"leave a (?:reply|comment)|\d* ?comments?|add a comment|post a comment)[\]】]?"
                            r"(?:\s*[:：(（].{0,20})?$", re.IGNORECASE), 30, False),
    ("comments", re.compile(r"^(?:网友|读者|用户)?评论.{0,6}(?:仅供|仅代表|不代表)"), 120, True),
    ("related", re.compile(r"^[\[【]?(?:相关(?:新闻|阅读|文章|链接|报道|推荐|资讯|内容|专题|稿件)|推荐阅读|延伸阅读|扩展阅读|"
                           r"热点推荐|热门推荐|热门文章|热门新闻|热点新闻|猜你喜欢|为您推荐|精彩推荐|编辑推荐|往期回顾|"
                           r"往期推荐|热门点击|点击排行|阅读排行|今日推荐|最新文章|最新新闻|更多新闻|更多精彩|更多|"
                           r"related(?: posts| articles| news| stories)?|you may also like|read more|"
                           r"more stories)"
                           r"[\]】]?\s*[:：>»]*$", re.IGNORECASE), 30, False),
    # a forum poster's profile: a label, then its value on the next line (注册时间 / 2011-10-23)
    ("profile", re.compile(r"^(?:[-*•·]\s*)?(?:注册时间|最后登录|上次登录|阅读权限|在线时间|积分|精华|帖子|UID|威望|金钱|"
                           r"贡献|听众|收听|主题|性别|来自)\s*[:：]?\s*[\d\-:/ ]{0,20}$"), 30, False),
    # reaction widgets: a header, then a bullet list of moods
    ("widget-header", re.compile(r"心情排行|(?:看到|读完|看完)(?:此|这|本)篇文章.{0,6}感受|文章的感受|我要表态"), 60, False),
    ("widget", re.compile(r"^[•·●○◆◇■□▪▫*\uf06c\uf0a7\uf0b7-]+$"), 20, False),
    ("widget", re.compile(r"^扫一扫|在手机(?:上)?(?:打开|浏览|阅读)|手机(?:扫一扫|浏览|阅读|打开)(?:本页|当前页|此页)"), 40, False),
    # video players and share prompts left by embedded media and WeChat pages
    ("widget", re.compile(r"^(?:视频加载中|您的浏览器不支持|当前浏览器不支持|(?:点击)?播放视频|分享让更多人看到|预览时标签不可点)"),
     60, True),
    # SMS and app subscriptions, "follow our account"
    ("subscription", re.compile(r"^(?:发送短信|编辑短信|短信订阅|手机报订阅)|即可订阅|^(?:请)?(?:扫码|扫描(?:下方)?二维码|"
                                r"长按(?:识别)?二维码|微信扫一扫)|^(?:欢迎)?关注.{0,20}(?:微信公众号|公众号|官方微信|"
                                r"微信号|官方微博|抖音号|视频号)|^(?:点击|下载|打开).{0,12}客户端"), 120, True),
    ("back-link", re.compile(r"^.{0,8}阅读原文.{0,8}$"), 20, False),
    ("back-link", _row(r"返回顶部|回到顶部|返回首页|回到首页|返回列表|返回上页|返回上一页|返回上级|返回目录|返回主页|"
                       r"返回栏目|返回页首|返回|回顶部|置顶|TOP|Top|top|↑|▲"), 40, False),
    # toolbars: print, close, font size, share
    ("meta", _row(r"上一主题|下一主题|返回顶部|返回首页|返回列表|打印此文|打印文章|打印全文|我要打印|我要收藏|我要分享|我要评论|告诉好友|推荐给好友|发给好友|关闭窗口|打印本页|打印本文|打印此页|打印|关闭本页|关闭窗口|关闭|收藏本页|加入收藏|收藏|分享到|分享|字号|字体|"
                  r"我要纠错|纠错|复制链接|复制网址|默认|放大|缩小|大|中|小|微信好友|微信|新浪微博|微博|QQ空间|QQ好友|"
                  r"QQ|朋友圈|保存|回复|举报|引用|只看该作者|评分|点评|我要分享|一键分享|分享至|转发|点赞|赞|踩|在看|"
                  r"[(（]\d+[)）]|Share this|Share|Tweet|Facebook|Twitter|WeChat|Weibo|Email|Print|"
                  r"Like this|Like"),
     60, False),
    # decoration: a line of dashes, stars or other marks, with no word in it
    ("separator", re.compile(r"^[^\w【】]+$"), 80, True),
    # image placeholders left where a picture was
    ("image", re.compile(r"^[\[【]?(?:微信图片_?[\d_-]*|IMG_?[\d_-]+|DSC[NF_]?\d+|P\d{6,}|mmexport\d+|"
                         r"图片\s*\d*|图\s*\d+|image\s*\d*|img|photo\s*\d*|pic\s*\d*|picture\s*\d*|"
                         r"点击(?:查看)?大图|查看(?:原|大)图)[\]】]?(?:\.(?:jpe?g|png|gif|bmp|webp|tiff?))?$|"
                         r"^[^\s，。]{1,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$",
                         re.IGNORECASE), 100, False),
)

# crumbs: "首页 » 常识 » …", "您当前位置:… > … > 正文"
_CRUMB_START = re.compile(r"^(?:您(?:的|当前|现在)?(?:所在)?(?:的)?位置|当前位置|所在位置|现在位置|位置)\s*[:：]|"
                          r"^(?:网站)?首页\s*(?:[»>＞›→/|｜]|&gt;)")
_CRUMB_SEP = re.compile(r"\s*(?:[»›＞>→]|&gt;)+\s*")
_CRUMB_ENDS = frozenset({"正文", "详情", "内容", "全文", "阅读", "文章"})
# rows of short words: site navigation, slogans, moods
_NAV_WORDS = frozenset({"首页", "主页", "网站首页", "新闻", "要闻", "动态", "资讯", "政务", "公开", "政务公开", "信息公开", "通知公告",
                        "公告", "专题", "专栏", "图片", "视频", "互动", "服务", "办事", "登录", "注册", "搜索", "客户端", "手机版",
                        "电子报", "数字报", "本地", "国内", "国际", "时政", "社会", "财经", "体育", "娱乐", "文化", "教育", "健康",
                        "旅游", "汽车", "房产", "科技", "军事", "论坛", "博客", "English", "网站地图", "关于我们", "联系我们",
                        "美食", "时尚", "生活", "城市", "民生", "女性", "游戏", "彩票", "读书", "育儿", "家居", "星座", "微博",
                        "时评", "评论", "观点", "理论", "经济", "法治", "卫生", "文娱", "电视", "科普", "访谈", "直播",
                        "地方", "图集", "影像", "人事", "廉政", "报纸", "杂志", "更多"})
MOODS = frozenset({"点赞", "高兴", "羡慕", "愤怒", "震惊", "难过", "流泪", "无奈", "枪稿", "标题党", "感动", "同情", "开心", "搞笑",
                    "无聊", "路过", "雷人", "鸡冻", "愤慨", "惊讶", "悲伤", "喜欢", "支持", "反对", "担忧", "期待", "好评", "差评",
                    "给力", "坑爹", "囧", "顶", "踩", "赞", "怒", "哭", "笑", "惊", "晕"})
SLOGAN_WORDS = re.compile(r"谣|讲文明|文明上网|文明办网|树新风|网络安全|清朗|举报|正能量")  # sites' banner slogans
MOOD_STRIP = re.compile(r"^[\s•·●○◆◇■□▪▫*\uf06c\uf0a7\uf0b7-]+|[\s\d%％()（）]+$")
# bylines and meta lines: labelled fields, a date, a repost handle with a timestamp
_STRONG_LABELS = ("作者|发布来源|来源|稿源|出处|责任编辑|责编|编辑|主编|审核|审校|校对|初审|复审|终审|供稿|撰稿|录入|发布者|发布人|发布地点|发布单位|"
                  "发布单位|发布机构|发布时间|发表时间|发布日期|发表日期|更新时间|更新日期|上传时间|添加时间|浏览次数|浏览量|"
                  "浏览人次|阅读次数|阅读量|阅读数|点击数|点击量|点击次数|点击率|访问量|访问次数|人气|字号|信息来源|"
                  "文章来源|新闻来源|稿件来源|索引号|发文字号|通讯员|录入时间|发稿时间|Source|Author|Posted by|Published|"
                  "Updated|Tags")
_WEAK_LABELS = "时间|日期|浏览|点击|阅读|分类|栏目|关键词|关键字|标签|摄影|记者|字体|文号|发布|发表|更新|图片来源|图片|Views|Quelle"
_META_LABEL = re.compile(rf"(?:{_STRONG_LABELS}|{_WEAK_LABELS})\s*[:：]")
_META_START = re.compile(rf"^[\[【〔(（]?\s*(?:文章|信息|新闻|稿件)?(?:({_STRONG_LABELS})|{_WEAK_LABELS})\s*[:：]")
_DATE_START = re.compile(rf"^{DATE}(?:\s*{TIME})?")
_ISO_DATE = re.compile(r"\d[-/.]\d")  # 2022-10-13, 2022/10/13, 2022.10.13 (a DATE match: never a decimal)
_STAMP_ONLY = re.compile(rf"[（(]?\s*{DATE}(?:\s*{TIME})?\s*[)）]?")
_SHORT_DATE_VALUE = re.compile(rf"[:：]\s*(?:\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}月\d{{1,2}}日)(?:\s*{TIME})?$")  # 日期:12-28
_BYLINE_WORDS = re.compile(r"作者|来源|稿源|出处|记者|通讯员|供稿|撰稿")
_POSTED = re.compile(r"^(?:posted|published|updated|written)(?: by| on)\b", re.IGNORECASE)
REPOST = re.compile(rf"^[^\s，。,]{{1,30}} ?(?:[-—–|｜·]|发表于|发布于|发表在) ?{DATE}(?: ?{TIME})?$")
# "记者 张丽丽 通讯员 王强": the people who wrote a news story
_REPORTERS = re.compile(rf"^(?:[◎●■□▲△★☆◆◇]\s*)?(?:(?:本报|本台|本网|特约|首席|全媒体|融媒体){{0,2}}(?:记者|通讯员|实习生|摄影|摄像)\s*[:：]?\s*"
                        rf"[{HAN}]{{2,4}}(?:[ 、，,][{HAN}]{{2,4}})*\s*)+$")
# ... after their outlet: "中国宁波网记者 黄合 通讯员 董嘉伟", "广元日报全媒体记者周小丁"
_OUTLET_BEFORE_REPORTERS = re.compile(rf"^[{HAN}]{{2,10}}?(?:网|报|台|社|新闻)(?:全媒体|融媒体|首席|特约)?(?=记者)")
_REPORTER_LABELS = re.compile(r"本报|本台|本网|特约|首席|全媒体|融媒体|记者|通讯员|实习生|摄影|摄像")
SPEAKER_WORD = re.compile(r"^(?:主持人|记者|问|答)$")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。）)]+", re.IGNORECASE)
_URL_AT_END = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。）)]+$", re.IGNORECASE)
URL_ONLY = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)  # used with .match
SITE_SUFFIX = re.compile(r"(?:网|在线|频道|新闻|日报|晚报|早报|时报|客户端|论坛|门户|网站|电视台|融媒|APP|App|app)$")


def _meta_reason(line: str) -> str | None:
    """"byline" / "meta" for a line of labelled fields ("来源：X 发布时间：…") holding no sentence."""
    if len(line) > 120:
        return None
    if REPOST.match(line) or _POSTED.match(line):
        return "byline"
    people = _OUTLET_BEFORE_REPORTERS.sub("", line)
    names = re.findall(f"[{HAN}]{{2,4}}", _REPORTER_LABELS.sub(" ", people))
    if _REPORTERS.match(people) and all(is_name(name) for name in names):
        return "byline"
    labels = len(_META_LABEL.findall(line))
    date = _DATE_START.match(line)
    if date:  # "2024-10-11 17:30:00 来自 手机客户端": a timestamp and a few words
        rest = line[date.end():].strip()
        iso = bool(_ISO_DATE.search(date.group(0)))
        is_meta = labels > 0 or (iso and len(rest) <= 30) if rest else iso
    else:
        start = _META_START.match(line)
        is_meta = bool(start) and (start.group(1) is not None or labels >= 2 or bool(re.search(DATE, line))
                                   or bool(_SHORT_DATE_VALUE.search(line)))
    if not is_meta:  # "政务 2024-12-23 17:45 上海": a short line around a page's stamp
        return "meta" if len(line) <= 40 and STAMP.search(line) else None
    return "byline" if _BYLINE_WORDS.search(line) else "meta"


def _is_crumb(line: str) -> bool:
    """A breadcrumb trail (the line holds no sentence)."""
    if len(line) > 200:
        return False
    if _CRUMB_START.match(line):
        return True
    if len(line) > 120:
        return False
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 3 or not all(WORD.search(p) for p in parts) or max(len(p) for p in parts[:-1]) > 12:
        return False
    # "申请→受理→办结" is a process: an arrow trail is a crumb only when it names a page
    return "→" not in line or parts[-1] in _CRUMB_ENDS or any(p in _NAV_WORDS for p in parts)


def is_nav_word(word: str) -> bool:
    """A site's navigation word: 首页, 要闻, 时政, 新浪首页 ..."""
    return word in _NAV_WORDS or word.endswith("首页") or word.startswith("首页")  # 首页English


def row_words(line: str, longest: int, fewest: int = 3) -> list[str]:
    """The words of a row of short space-separated words without punctuation, else []."""
    words = line.split(" ")
    if len(words) < fewest or len(line) > 60 or any(len(w) > longest or not w.isalnum() for w in words):
        return []
    return words


_PIPES = re.compile(r"\s*[|｜]\s*")


def _row_reason(line: str) -> str | None:
    """A row of moods ("点赞 高兴 …") or of navigation words ("首页 新闻 天中", "新浪首页|要闻|旅游")."""
    words = row_words(_PIPES.sub(" ", line), 8)
    if not words:
        return None
    if all(w in MOODS for w in words):
        return "widget"
    nav = sum(map(is_nav_word, words))  # 新浪首页
    if max(len(w) for w in words) <= 6 and (words[0] in ("首页", "主页", "网站首页") or 2 * nav >= len(words)):
        return "crumb"
    return None


def _url_reason(line: str) -> str | None:
    """A line that is only an address ("url"), or a few words around one ("ad")."""
    if "://" not in line and "www." not in line and "WWW." not in line:
        return None
    if URL_ONLY.match(line):
        return "url"
    if len(line) > 300 or not _URL.search(line):
        return None
    words = _URL.sub("", line)
    rest = PUNCT.sub("", words).strip()
    if not rest:
        return "url"
    if _STAMP_ONLY.fullmatch(words.strip()):  # "https://www.x.gov.cn/ (2024-12-27 18:13:11)": the page's address and time
        return "meta"
    if len(rest) > 40:
        return None
    # a few words and then an address is an ad; a sentence quoting an address goes on after it
    return "ad" if not HAS_SENTENCE.search(words) or _URL_AT_END.search(line) else None


def _anchored(pattern: str) -> bool:
    """Whether every top-level branch of a pattern starts with "^" (it can match only at the start)."""
    depth, escaped, in_class, branch_start = 0, False, False, True
    for ch in pattern:
        if branch_start:
            if ch != "^":
                return False
            branch_start = False
        elif escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            branch_start = True
    return True


# (reason, test, longest, with_sentence, anchored): anchored patterns are tried at the start only
_ANCHORED = tuple((reason, rule.match if _anchored(rule.pattern) else rule.search, longest, sentences,
                   _anchored(rule.pattern)) for reason, rule, longest, sentences in _RULES)


def noise_reason(line: str, sentence: bool, fragment: bool) -> str | None:
    """Why a line is noise, judged from the line alone; None for a body line.

    A fragment of hard-wrapped running text is judged only by how it starts: cut anywhere, it
    may hold an address or a word such as 版权所有 in the middle of a sentence.
    """
    n = len(line)
    if n > 300 or (fragment and sentence):  # running text; only an address line is this long
        return "meta" if ORIGINAL_URL.match(line) else ("url" if URL_ONLY.match(line) else None)
    for reason, test, longest, with_sentence, anchored in _ANCHORED:
        if n <= longest and (with_sentence or not sentence) and (anchored or not fragment) and test(line):
            return reason
    if sentence:  # crumbs, bylines and rows of words hold no sentence
        return _url_reason(line)
    if _CRUMB_START.match(line) or (not fragment and _is_crumb(line)):
        return "crumb"
    if fragment:
        return _meta_reason(line) or ("url" if URL_ONLY.match(line) else None)
    return _meta_reason(line) or _row_reason(line) or _url_reason(line)
