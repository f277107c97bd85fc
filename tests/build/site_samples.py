"""Briefings made by hand for the build tests: shaped like the shipped seeds, plus hostile text."""

from __future__ import annotations

from briefings.model import Block, Briefing, Warning

HOSTILE_TITLE = '<script>alert("x")</script> **粗体** [点我](javascript:alert(1)) {{ config }} &amp; `code`'


def make_briefing(number: int, **fields) -> Briefing:
    values = {
        "path": f"{number:03d}.txt",
        "id": f"id{number:03d}",
        "slug": f"briefing-{number:03d}",
        "title": f"简报{number}",
        "city": "济宁市",
        "province": "山东省",
        "year": 2021,
        "date": "2021-12-06",
        "source": "齐鲁网",
        "url": "https://example.org/a.html",
        "programs": (),
        "discovered": (),
        "blocks": (Block("paragraph", f"第{number}篇简报的正文。"),),
        "warnings": (),
    }
    values.update(fields)
    return Briefing(**values)


def seed_like() -> list[Briefing]:
    """Five briefings shaped like the shipped seeds."""
    return [
        make_briefing(
            0,
            title="权威发布2021年济宁市直机关党建工作亮点",
            date="2021-12-06",
            programs=("党建+项目", "党史学习教育"),
            blocks=(
                Block("paragraph", "济宁市政府新闻办组织召开新闻发布会。"),
                Block("heading", "创建培树特色支部、党建品牌等典型", level=2),
                Block("paragraph", "市直机关工委不断加强党建课题研究。"),
            ),
        ),
        make_briefing(
            1,
            title="在全省机关党建现场观摩推进会上的汇报发言",
            city=None,
            province=None,
            year=2023,
            date=None,
            source="101写作网",
            url=None,
            programs=("机关创品牌、支部创红旗、党员创五星",),
            blocks=(
                Block("paragraph", "坚持开展“三创”活动。"),
                Block("item", "一是机关创品牌"),
                Block("item", "二是支部争当红旗"),
            ),
            warnings=(Warning("city", "unknown: no place named", "missing"),),
        ),
        make_briefing(
            2,
            title="菏泽市市直机关2023年度党的建设工作情况新闻发布会",
            city="菏泽市",
            year=2023,
            date="2024-01-02",
            source="菏泽新闻网",
            url=None,
            programs=("模范机关+N", "双报到"),
            blocks=(
                Block("paragraph", "今天上午，新闻发布会召开。"),
                Block("speech", "新闻界的朋友们：", speaker="主持人", role="host"),
                Block("speech", "大家上午好！", speaker="主持人", role="host"),
                Block("heading", "一、突出政治引领，走好“第一方阵”", level=2),
                Block("speech", "请问有哪些措施？", speaker="大众网记者", role="reporter"),
                Block("speech", "好的，感谢提问。", speaker="李琦", role="answerer"),
                Block("note", "（图片摄影：李鲲）"),
            ),
        ),
        make_briefing(
            3,
            title="市直机关工委工作",
            city="枣庄市",
            year=2009,
            date=None,
            source=None,
            url="http://lib.sdsqw.cn/bin/mse.exe?seachword=&K=b4&A=6&rec=16&run=13",
            programs=("创建高效机关服务科学发展",),
            blocks=(
                Block("heading", "【概况】", level=2),
                Block("paragraph", "2009年，市直机关……"),
                Block("note", "（李艳明）"),
            ),
        ),
        make_briefing(
            4,
            title="驻马店市直单位“逐支部观摩 整单位提升”观摩活动讲评会召开",
            city="驻马店市",
            province="河南省",
            year=2021,
            date="2021-12-01",
            source="驻马店网",
            url=None,
            programs=("星级党支部创建", "逐支部观摩、整单位提升"),
            blocks=(Block("paragraph", "为持续推动星级党支部创建工作提供了有力的支撑和保证。"),),
        ),
    ]


PROGRAMS = (
    ("机关创品牌、支部创红旗、党员创五星", "“三创”活动。"),
    ("星级党支部创建", "按星级标准评定党支部。"),
    ("逐支部观摩、整单位提升", "观摩讲评活动。"),
    ("模范机关+N", "模范机关建设。"),
    ("党建+项目", "党建推动项目。"),
    ("创建高效机关服务科学发展", "主题实践活动。"),
    ("双报到", "到社区报到。"),
    ("党史学习教育", "2021年开展。"),
    ("先锋助民行动", "没有简报的专项工作。"),
)
