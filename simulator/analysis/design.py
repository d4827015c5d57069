"""Experimental designs over scenario fields: full-factorial sweeps and Latin hypercubes.

A parameter is any numeric field of a scenario file, named by its path in the
file: ``market.lead_rate``, ``manager.budget_per_period``,
``reps.0.engagement``; ``*`` stands for every item of a list
(``market.segments.*.win_rate``). A design is a list of *points*, each a set
of values for those paths; every point is applied to the scenario's data (after
``extends:``) and checked by the same validator as a file, so a sweep can
never run a scenario the format would refuse.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import yaml

from ..core.spec import Scenario
from ..scenario import read_merged, to_core, validate
from ..scenario.source import LOADER

Point = tuple[tuple[str, float], ...]  # (path, value) pairs, in the order given


# a design's points, at most: each is a scenario of its own, checked and held in memory
# while the batch runs (about 40 kB each: 100,000 had taken 1.5 GB before any run began)
MOST_POINTS = 5_000
TOO_MANY_POINTS = (
    f"at most {MOST_POINTS:,} points in one batch (each is a scenario of its own, kept "
    "in memory); split the study into several batches"
)


class DesignError(ValueError):
    """A parameter, range or design that cannot be used, and why."""


@dataclass(frozen=True)
class Sweep:
    """``--set key=v1,v2,...``: one path and the values to try."""

    key: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Range:
    """``key=lo:hi``: one path and the interval to sample."""

    key: str
    lo: float
    hi: float

    @property
    def whole(self) -> bool:
        return float(self.lo).is_integer() and float(self.hi).is_integer()

    def at(self, u: float) -> float:
        """The value at ``u`` in [0, 1] of the range; whole numbers in equal bins."""
        if self.whole:
            lo, hi = int(self.lo), int(self.hi)
            return min(hi, lo + int(u * (hi - lo + 1)))
        return float(self.lo + u * (self.hi - self.lo))


def _number(text: str, where: str) -> float:
    try:
        value = yaml.load(text.strip(), Loader=LOADER)
    except yaml.YAMLError:
        value = None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DesignError(f"{where}: {text.strip()!r} is not a number")
    return value


def _split(text: str, flag: str) -> tuple[str, str]:
    key, sep, rest = text.partition("=")
    key = key.strip()
    if not sep or not key or not rest.strip():
        raise DesignError(f"{flag} {text!r}: write key=value, e.g. market.lead_rate=0.5,1,1.5")
    return key, rest


def parse_sweep(text: str) -> Sweep:
    key, rest = _split(text, "--set")
    if ":" in rest:
        raise DesignError(
            f"--set {key}: {rest.strip()!r} is a range; ranges need --sample lhs:K "
            "(a sweep lists values: v1,v2,...)"
        )
    values = tuple(_number(v, f"--set {key}") for v in rest.split(","))
    if len(set(values)) != len(values):
        raise DesignError(f"--set {key}: a value is given twice")
    return Sweep(key, values)


def parse_range(text: str, flag: str = "--vary") -> Range:
    key, rest = _split(text, flag)
    lo_text, sep, hi_text = rest.partition(":")
    if not sep:
        raise DesignError(f"{flag} {key}: give a range low:high, e.g. {key}=0.5:1.5")
    lo, hi = _number(lo_text, f"{flag} {key}"), _number(hi_text, f"{flag} {key}")
    if not lo < hi:
        raise DesignError(f"{flag} {key}: the low end must be below the high end")
    return Range(key, lo, hi)


def distinct(keys: list[str]) -> None:
    """Refuse a design that names a field twice (which of its values would hold?)."""
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise DesignError(f"a key is swept twice: {', '.join(twice)}")


def factorial(sweeps: list[Sweep]) -> list[Point]:
    """Every combination of the sweeps' values (one empty point without sweeps)."""
    keys = [s.key for s in sweeps]
    distinct(keys)
    return [
        tuple(zip(keys, combo, strict=True))
        for combo in itertools.product(*(s.values for s in sweeps))
    ]


def latin_hypercube(ranges: list[Range], k: int, seed: int) -> list[Point]:
    """``k`` points spread over the ranges, one per slice of every range.

    Whole-number ranges (``support.presales=1:4``) give whole numbers, each
    value of the range equally likely. The design depends only on the ranges,
    ``k`` and ``seed``.
    """
    if k < 2:
        raise DesignError("lhs needs at least 2 points (lhs:K)")
    if not ranges:
        raise DesignError("--sample lhs:K needs ranges: --set key=low:high")
    distinct([r.key for r in ranges])
    from scipy.stats import qmc  # only here: scipy.stats is slow to load

    sampler = qmc.LatinHypercube(d=len(ranges), seed=np.random.default_rng(seed))
    unit = sampler.random(k)
    points = []
    for row in unit:
        points.append(tuple((r.key, r.at(float(u))) for r, u in zip(ranges, row, strict=True)))
    return points


# ------------------------------------------------------------------ applying
def apply(data: dict[str, Any], point: Point) -> dict[str, Any]:
    """A copy of scenario ``data`` with the point's values set at their paths."""
    out = copy.deepcopy(data)
    for key, value in point:
        _set(out, key.split("."), value, key)
    return out


def _set(node: Any, parts: list[str], value: Any, key: str) -> None:
    head, rest = parts[0], parts[1:]
    if isinstance(node, list):
        if head == "*":
            targets = list(range(len(node)))
        elif head.isdigit() and int(head) < len(node):
            targets = [int(head)]
        else:
            raise DesignError(f"{key}: {head!r} is not an item of a list of {len(node)}")
        for i in targets:
            if rest:
                _set(node[i], rest, value, key)
            else:
                node[i] = value
        return
    if not isinstance(node, dict):
        raise DesignError(f"{key}: {head!r} is inside a value that is not a mapping")
    if head == "*":
        raise DesignError(f"{key}: '*' stands for the items of a list")
    if not rest:
        node[head] = value
        return
    if head not in node:
        node[head] = {}
    _set(node[head], rest, value, key)


def label(point: Point) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in point) or "as written"


def build(path: str, points: list[Point]) -> list[Scenario]:
    """The scenario at ``path`` under each point, checked like a file."""
    from ..scenario import ScenarioError

    try:
        data, marks = read_merged(path)
    except ScenarioError as e:
        raise DesignError(str(e)) from None
    out = []
    for point in points:
        model, problems = validate(apply(data, point), marks if not point else {}, path)
        if problems or model is None:
            lines = "; ".join(f"{p.field}: {p.message}" for p in problems)
            # the values as given, not as a label rounds them (0.010000001 read "0.01")
            given = ", ".join(f"{k}={v!r}" for k, v in point)
            raise DesignError(f"{path} with {given}: {lines}")
        out.append(to_core(model))
    return out
