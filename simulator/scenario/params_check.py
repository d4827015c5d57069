"""Checking a scenario's ``params:`` block: known names, the right shape, each
number inside the range the model is run at (:mod:`simulator.core.param_ranges`).

The model's numbers are not fields of the scenario schema (there are nearly
three hundred, and they belong to the core), so they are checked here, after
the schema, with messages in the same words: the path, what is wrong, the
value given.
"""

from __future__ import annotations

import difflib
from dataclasses import fields
from typing import Any

from ..core.param_ranges import ORDERED, RANGES, SUM_AT_MOST_ONE, Range
from ..core.params import ModelParams

_NAMES = [f.name for f in fields(ModelParams)]
_DEFAULTS = ModelParams()

Found = list[tuple[str, str]]


def check_params(params: dict[str, Any], shown: Any = repr) -> Found:
    """Every problem with a ``params:`` mapping, as ``(path, message)`` pairs."""
    out: Found = []
    for key, value in params.items():
        path = f"params.{key}"
        if key not in RANGES:
            close = difflib.get_close_matches(str(key), _NAMES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            out.append((path, f"unknown model number{hint}"))
            continue
        current = getattr(_DEFAULTS, key)
        whole = _whole(current)
        span = RANGES[key]
        if isinstance(current, dict):
            if not isinstance(value, dict):
                out.append((path, "expected a mapping"))
                continue
            known = {str(c) for c in current}
            for k, v in value.items():
                if str(k) not in known:
                    listed = ", ".join(map(str, current))
                    out.append((f"{path}.{k}", f"unknown entry; known: {listed}"))
                elif (wrong := _wrong(v, span, whole, shown)) is not None:
                    out.append((f"{path}.{k}", wrong))
        elif isinstance(current, tuple):
            kind = "whole numbers" if whole else "numbers"
            if not isinstance(value, list) or len(value) != len(current):
                out.append((path, f"expected a list of {len(current)} {kind}"))
                continue
            wrongs = [(i, w) for i, v in enumerate(value) if (w := _wrong(v, span, whole, shown))]
            if wrongs:
                i, wrong = wrongs[0]
                out.append((path, f"number {i + 1} of the list {wrong}"))
            elif len(value) == 2 and value[0] > value[1]:
                out.append((path, "give [low, high] with low ≤ high"))
        elif (wrong := _wrong(value, span, whole, shown)) is not None:
            out.append((path, wrong))
    out.extend(_together(params))
    return out


def _together(params: dict[str, Any]) -> Found:
    """Rules between two numbers, checked only once each is right on its own."""
    merged = {name: params.get(name, getattr(_DEFAULTS, name)) for name in _NAMES}

    def usable(name: str) -> bool:
        return _wrong(merged[name], RANGES[name], _whole(getattr(_DEFAULTS, name))) is None

    out: Found = []
    for low, high in ORDERED:
        mentioned = low in params or high in params
        if mentioned and usable(low) and usable(high) and merged[low] > merged[high]:
            at = low if low in params else high
            told = f"{low} ({merged[low]:g}) may not exceed {high} ({merged[high]:g})"
            out.append((f"params.{at}", told))
    for a, b in SUM_AT_MOST_ONE:
        mentioned = a in params or b in params
        if mentioned and usable(a) and usable(b) and merged[a] + merged[b] > 1:
            at = a if a in params else b
            told = f"{a} + {b} may not exceed 1 (they are shares of one whole)"
            out.append((f"params.{at}", told))
    return out


def _whole(default: Any) -> bool:
    if isinstance(default, dict):
        return all(isinstance(v, int) for v in default.values())
    if isinstance(default, tuple):
        return all(isinstance(v, int) for v in default)
    return isinstance(default, int) and not isinstance(default, bool)


def _wrong(value: Any, span: Range, whole: bool, shown: Any = repr) -> str | None:
    """Why one number cannot be used, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return f"should be {'a whole number' if whole else 'a number'} (got {shown(value)})"
    if whole and not isinstance(value, int):
        return f"should be a whole number (got {shown(value)})"
    low, high = span
    if not low <= value <= high:
        return f"should be from {_plain(low)} to {_plain(high)} (got {shown(value)})"
    return None


def _plain(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 10_000 else f"{x:g}"
