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


def account_names(n: int, rng: np.random.Generator) -> list[str]:
    """``n`` distinct company names in a shuffled order."""
    combos = [f"{p} {s}" for p in _PREFIX for s in _SUFFIX]
    order = rng.permutation(len(combos))
    names = []
    for i in range(n):
        base = combos[int(order[i % len(combos)])]
        names.append(base if i < len(combos) else f"{base} {i // len(combos) + 1}")
    return names


def person_name(rng: np.random.Generator, taken: set[str]) -> str:
    """A new rep's name not already in the team."""
    for _ in range(200):
        family = _FAMILY[int(rng.integers(len(_FAMILY)))]
        name = f"{family} {_GIVEN[int(rng.integers(len(_GIVEN)))]}"
        if name not in taken:
            return name
    return f"Rep {len(taken) + 1}"
