"""A synthetic archive for benchmarks: N briefings recombined from the sample archive.

Each briefing takes a headline and paragraphs from the seeds, a city from the gazetteer, a year
2005-2025 and programs from the vocabulary, wrapped in the kinds of page noise the seeds show;
every 20th one is a reprint of an earlier one with other noise. Deterministic for a given N.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "archive"

NOISE_TOP = [
    "首页 » 新闻 » 工作动态",
    "您当前位置：首页 > 机关党建 > 正文",
    "不信谣不传谣 讲文明树新风",
    "白癜风可以生姜擦吗 https://m.39.net/pf/a_4673229.html",
]
NOISE_BOTTOM = [
    "责任编辑：王明",
    "返回顶部",
    "版权声明：凡本网注明来源的作品，均为本网合法拥有版权的作品。",
    "最新评论\n写得很好\n学习了",
    "查看完整版本: {title}",
    "微信图片_20211201193027",
]


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 60 and "http" not in line and "版权" not in line:
                paragraphs.append(line)
    return paragraphs


def make_corpus(target: Path, count: int, seed: int = 20261122) -> Path:
    rng = random.Random(seed)
    material = _material()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(SEEDS / "programs.yml", target / "programs.yml")
    originals: list[str] = []
    for number in range(count):
        text = _briefing(rng, material, originals, reprint=number % 20 == 19)
        folder = target / f"{number // 1000:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"b{number:05d}.txt").write_text(text, encoding="utf-8")
    return target


def make_briefing_text(number: int, seed: int = 20261122) -> str:
    """One more briefing like the corpus's (never a reprint), the same for the same number."""
    return _briefing(random.Random(seed * 100_003 + number), _material(), [], reprint=False)


def _material() -> tuple[list, list[str], list[str]]:
    from briefings.ingest.extract import gazetteer
    from briefings.ingest.extract.programs import Vocabulary

    cities = sorted(gazetteer.cities(), key=lambda city: city.name)
    programs = [program.name for program in Vocabulary.load(SEEDS / "programs.yml").programs]
    return cities, programs, seed_paragraphs()


def _briefing(rng: random.Random, material, originals: list[str], reprint: bool) -> str:
    cities, programs, paragraphs = material
    if reprint and originals:
        body = rng.choice(originals)  # a reprint: same story, other noise
    else:
        city = rng.choice(cities)
        year = rng.randint(2005, 2025)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        program = rng.choice(programs)
        title = f"{city.name}市直机关“{program}”推进会召开"
        lead = (f"{city.short_name}新闻网讯 {month}月{day}日，{city.name}委市直机关工委召开{year}年"
                f"“{program}”推进会，总结工作、部署任务。")
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 8)))
        chosen = [re.sub(r"(济宁|菏泽|驻马店|枣庄)", city.short_name, text) for text in chosen]
        body = "\n".join([title, f"{year}-{month:02d}-{day:02d} 10:00 来源：{city.short_name}新闻网", lead, *chosen])
        originals.append(body)
    top = rng.sample(NOISE_TOP, k=2)
    bottom = rng.sample(NOISE_BOTTOM, k=3)
    title_line = body.split("\n", 1)[0]
    return "\n".join([*top, body, *(line.format(title=title_line) for line in bottom)]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    make_corpus(args.target, args.count)
    print(f"wrote {args.count} briefings to {args.target}")


if __name__ == "__main__":
    main()
