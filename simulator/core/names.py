"""Names for generated accounts and new hires (deterministic from a stream)."""

from __future__ import annotations

import numpy as np

_PREFIX = (
    "Hengda",
    "Huaxin",
    "Jinma",
    "Dongfang",
    "Zhongke",
    "Tianrun",
    "Haitai",
    "Xinhe",
    "Longsheng",
    "Baofeng",
    "Ruida",
    "Guotai",
    "Kaiyuan",
    "Shengli",
    "Yuanhang",
    "Minghua",
    "Fuxing",
    "Changjiang",
    "Taishan",
    "Hongyu",
    "Anda",
    "Weiye",
    "Jiahe",
    "Sanhe",
    "Xinghua",
    "Jinlong",
    "Yongtai",
    "Shunfa",
    "Lianhua",
    "Dingsheng",
    "Xinda",
    "Fengyuan",
    "Jiuzhou",
    "Tongda",
    "Huamei",
    "Rongsheng",
    "Boyuan",
    "Kangda",
    "Hongtu",
    "Lixin",
)
_SUFFIX = (
    "Machinery",
    "Electric",
    "Steel",
    "Chemicals",
    "Automation",
    "Logistics",
    "Pharma",
    "Textiles",
    "Energy",
    "Materials",
    "Electronics",
    "Construction",
    "Foods",
    "Motors",
    "Plastics",
    "Paper",
    "Instruments",
    "Glass",
    "Packaging",
    "Cables",
)
_GIVEN = (
    "Wei",
    "Fang",
    "Lei",
    "Jing",
    "Qiang",
    "Min",
    "Yang",
    "Li",
    "Jun",
    "Xia",
    "Tao",
    "Hui",
    "Bo",
    "Yan",
    "Chen",
    "Ning",
    "Peng",
    "Lan",
    "Hao",
    "Mei",
)
_FAMILY = (
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Gao",
    "Luo",
)


# the same names as a Chinese game shows them
_PREFIX_ZH: dict[str, str] = {
    "Hengda": "恒达",
    "Huaxin": "华信",
    "Jinma": "金马",
    "Dongfang": "东方",
    "Zhongke": "中科",
    "Tianrun": "天润",
    "Haitai": "海泰",
    "Xinhe": "鑫和",
    "Longsheng": "隆盛",
    "Baofeng": "宝丰",
    "Ruida": "瑞达",
    "Guotai": "国泰",
    "Kaiyuan": "开元",
    "Shengli": "胜利",
    "Yuanhang": "远航",
    "Minghua": "明华",
    "Fuxing": "复兴",
    "Changjiang": "长江",
    "Taishan": "泰山",
    "Hongyu": "宏宇",
    "Anda": "安达",
    "Weiye": "伟业",
    "Jiahe": "嘉禾",
    "Sanhe": "三和",
    "Xinghua": "兴华",
    "Jinlong": "金龙",
    "Yongtai": "永泰",
    "Shunfa": "顺发",
    "Lianhua": "联华",
    "Dingsheng": "鼎盛",
    "Xinda": "信达",
    "Fengyuan": "丰源",
    "Jiuzhou": "九州",
    "Tongda": "通达",
    "Huamei": "华美",
    "Rongsheng": "荣盛",
    "Boyuan": "博远",
    "Kangda": "康达",
    "Hongtu": "宏图",
    "Lixin": "立信",
}

_SUFFIX_ZH: dict[str, str] = {
    "Machinery": "机械",
    "Electric": "电气",
    "Steel": "钢铁",
    "Chemicals": "化工",
    "Automation": "自动化",
    "Logistics": "物流",
    "Pharma": "制药",
    "Textiles": "纺织",
    "Energy": "能源",
    "Materials": "材料",
    "Electronics": "电子",
    "Construction": "建设",
    "Foods": "食品",
    "Motors": "汽车",
    "Plastics": "塑胶",
    "Paper": "纸业",
    "Instruments": "仪器",
    "Glass": "玻璃",
    "Packaging": "包装",
    "Cables": "线缆",
}

_GIVEN_ZH: dict[str, str] = {
    "Wei": "伟",
    "Fang": "芳",
    "Lei": "磊",
    "Jing": "静",
    "Qiang": "强",
    "Min": "敏",
    "Yang": "洋",
    "Li": "丽",
    "Jun": "军",
    "Xia": "霞",
    "Tao": "涛",
    "Hui": "慧",
    "Bo": "博",
    "Yan": "燕",
    "Chen": "晨",
    "Ning": "宁",
    "Peng": "鹏",
    "Lan": "兰",
    "Hao": "浩",
    "Mei": "梅",
}

# how a newcomer with each given name is spoken of (the name's usual reading in
# Chinese; the game's portrait follows it)
_GIVEN_PRONOUN: dict[str, str] = {
    "Wei": "he",
    "Fang": "she",
    "Lei": "he",
    "Jing": "she",
    "Qiang": "he",
    "Min": "she",
    "Yang": "he",
    "Li": "she",
    "Jun": "he",
    "Xia": "she",
    "Tao": "he",
    "Hui": "she",
    "Bo": "he",
    "Yan": "she",
    "Chen": "he",
    "Ning": "she",
    "Peng": "he",
    "Lan": "she",
    "Hao": "he",
    "Mei": "she",
}

_FAMILY_ZH: dict[str, str] = {
    "Wang": "王",
    "Li": "李",
    "Zhang": "张",
    "Liu": "刘",
    "Chen": "陈",
    "Yang": "杨",
    "Zhao": "赵",
    "Huang": "黄",
    "Zhou": "周",
    "Wu": "吴",
    "Xu": "徐",
    "Sun": "孙",
    "Ma": "马",
    "Zhu": "朱",
    "Hu": "胡",
    "Guo": "郭",
    "He": "何",
    "Lin": "林",
    "Gao": "高",
    "Luo": "罗",
}


# where a second branch of the same company is, when a market has more accounts than
# company names (800)
_CITIES = (
    ("Suzhou", "苏州"),
    ("Wuxi", "无锡"),
    ("Ningbo", "宁波"),
    ("Hefei", "合肥"),
    ("Changzhou", "常州"),
    ("Nantong", "南通"),
    ("Jiaxing", "嘉兴"),
    ("Shaoxing", "绍兴"),
)


def account_names(n: int, rng: np.random.Generator) -> list[tuple[str, str]]:
    """``n`` distinct company names in a shuffled order, each in English and Chinese
    ("Hengda Machinery", "恒达机械"); past the 800 names, branches elsewhere ("Suzhou
    Hengda Machinery", "苏州恒达机械")."""
    combos = [(p, s) for p in _PREFIX for s in _SUFFIX]
    order = rng.permutation(len(combos))
    names = []
    for i in range(n):
        p, s = combos[int(order[i % len(combos)])]
        en, zh = f"{p} {s}", f"{_PREFIX_ZH[p]}{_SUFFIX_ZH[s]}"
        if i >= len(combos):  # more accounts than names: a branch in another city
            k = i // len(combos) - 1
            if k < len(_CITIES):
                city, city_zh = _CITIES[k]
                en, zh = f"{city} {en}", f"{city_zh}{zh}"
            else:  # past every city: a number, as a last resort
                en, zh = f"{en} {k + 2}", f"{zh}{k + 2}号"
        names.append((en, zh))
    return names


def person_name(rng: np.random.Generator, taken: set[str]) -> tuple[str, str, str | None]:
    """A new rep's name not already in the team, in English and Chinese ("Lin Chen", "林晨"),
    and how they are spoken of ("he", "she"; None for a numbered stand-in)."""
    for _ in range(200):
        family = _FAMILY[int(rng.integers(len(_FAMILY)))]
        given = _GIVEN[int(rng.integers(len(_GIVEN)))]
        name = f"{family} {given}"
        if name not in taken:
            return name, f"{_FAMILY_ZH[family]}{_GIVEN_ZH[given]}", _GIVEN_PRONOUN[given]
    return f"Rep {len(taken) + 1}", f"销售{len(taken) + 1}", None
