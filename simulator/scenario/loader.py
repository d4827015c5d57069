"""Reading scenario files: YAML in, a frozen :class:`~simulator.core.spec.Scenario` out.

This loader is deliberately small: it reads YAML safely, maps it field by
field onto the core's scenario dataclasses and reports the first thing it
cannot use as ``FILE:LINE: path.to.field: message``. It never shows a Python
traceback for a bad file.
"""

from __future__ import annotations

import difflib
import os
import sys
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..core.params import ModelParams
from ..core.spec import Scenario

MAX_BYTES = 2_000_000


class ScenarioError(Exception):
    """A scenario file that cannot be used, with where and why."""

    def __init__(
        self, message: str, source: str = "", line: int | None = None, field: str = ""
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or "<scenario>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


def _line_map(node: yaml.Node, path: str = "", out: dict[str, int] | None = None) -> dict:
    """Field path (``reps.2.skills``) → 1-based line where its value starts."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = f"{path}.{key.value}" if path else str(key.value)
            out[sub] = key.start_mark.line + 1
            _line_map(value, sub, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _line_map(value, f"{path}.{i}" if path else str(i), out)
    return out


class _Builder:
    def __init__(self, source: str, lines: dict[str, int]) -> None:
        self.source = source
        self.lines = lines

    def fail(self, path: str, message: str) -> ScenarioError:
        line = self.lines.get(path)
        probe = path
        while line is None and "." in probe:
            probe = probe.rsplit(".", 1)[0]
            line = self.lines.get(probe)
        return ScenarioError(message, self.source, line, path)

    def build(self, tp: Any, value: Any, path: str) -> Any:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            if value is None and type(None) in args:
                return None
            inner = [a for a in args if a is not type(None)]
            return self.build(inner[0], value, path)
        if is_dataclass(tp):
            return self.dataclass(tp, value, path)
        if isinstance(tp, type) and issubclass(tp, Enum):
            try:
                return tp(value)
            except ValueError:
                choices = ", ".join(m.value for m in tp)
                raise self.fail(path, f"{value!r} is not one of: {choices}") from None
        if tp is bool:
            if not isinstance(value, bool):
                raise self.fail(path, f"expected true or false, got {value!r}")
            return value
        if tp in (int, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(path, f"expected a number, got {value!r}")
            if tp is int and float(value) != int(value):
                raise self.fail(path, f"expected a whole number, got {value!r}")
            return tp(value)
        if tp is str:
            if not isinstance(value, str):
                raise self.fail(path, f"expected text, got {value!r}")
            return value
        if origin is tuple:
            if not isinstance(value, list):
                raise self.fail(path, f"expected a list, got {value!r}")
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(self.build(args[0], v, f"{path}.{i}") for i, v in enumerate(value))
            if len(value) != len(args):
                raise self.fail(path, f"expected a list of {len(args)} values, got {len(value)}")
            return tuple(
                self.build(a, v, f"{path}.{i}")
                for i, (a, v) in enumerate(zip(args, value, strict=True))
            )
        if origin is dict or tp is dict:
            if not isinstance(value, dict):
                raise self.fail(path, f"expected a mapping, got {value!r}")
            return value
        return value

    def dataclass(self, tp: Any, value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise self.fail(path or tp.__name__, f"expected a mapping, got {type(value).__name__}")
        hints = typing.get_type_hints(tp)
        names = [f.name for f in fields(tp)]
        kwargs: dict[str, Any] = {}
        for key, v in value.items():
            sub = f"{path}.{key}" if path else str(key)
            if key not in names:
                close = difflib.get_close_matches(str(key), names, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.fail(sub, f"unknown field{hint}")
            kwargs[key] = self.build(hints[key], v, sub)
        for f in fields(tp):
            if f.name not in kwargs and f.default is MISSING and f.default_factory is MISSING:
                raise self.fail(f"{path}.{f.name}" if path else f.name, "this field is required")
        return tp(**kwargs)


def scenario_from_dict(
    data: Any, source: str = "<scenario>", lines: dict[str, int] | None = None
) -> Scenario:
    """Build a Scenario from plain data (as parsed from YAML)."""
    builder = _Builder(source, lines or {})
    if not isinstance(data, dict):
        raise ScenarioError("the file must be a mapping of fields (title:, reps:, ...)", source, 1)
    data = dict(data)
    overrides = data.pop("params", None)
    scenario = builder.dataclass(Scenario, data, "")
    if overrides is not None:
        if not isinstance(overrides, dict):
            raise builder.fail("params", "expected a mapping of model numbers")
        try:
            params = ModelParams().with_overrides(overrides)
        except KeyError as e:
            names = [f.name for f in fields(ModelParams)]
            close = difflib.get_close_matches(str(e.args[0]), names, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise builder.fail(f"params.{e.args[0]}", f"unknown model number{hint}") from None
        scenario = _replace(scenario, params=params)
    _check(scenario, builder)
    return scenario


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


def _check(s: Scenario, b: _Builder) -> None:
    if s.weeks < 1:
        raise b.fail("weeks", "must be at least 1")
    if s.period_weeks < 1:
        raise b.fail("period_weeks", "must be at least 1")
    if not s.reps:
        raise b.fail("reps", "a team needs at least one rep")
    if not s.team_target or any(t <= 0 for t in s.team_target):
        raise b.fail("team_target", "every period's target must be more than 0")
    if not s.market.segments:
        raise b.fail("market.segments", "the market needs at least one segment")
    if len(s.market.seasonality) != 12:
        raise b.fail("market.seasonality", "give 12 monthly factors, January to December")
    names = set()
    for i, r in enumerate(s.reps):
        if r.name in names:
            raise b.fail(f"reps.{i}.name", f"two reps are called {r.name!r}")
        names.add(r.name)
        for k in ("engagement", "confidence", "trust", "stress"):
            if not 0.0 <= getattr(r, k) <= 1.0:
                raise b.fail(f"reps.{i}.{k}", "must be between 0 and 1")
        for k in ("prospecting", "solution", "negotiation", "account_care"):
            if not 0.0 <= getattr(r.skills, k) <= 1.0:
                raise b.fail(f"reps.{i}.skills.{k}", "must be between 0 and 1")
    for i, seg in enumerate(s.market.segments):
        if seg.accounts < 0:
            raise b.fail(f"market.segments.{i}.accounts", "cannot be negative")
        if not 0.0 < seg.win_rate <= 1.0:
            raise b.fail(f"market.segments.{i}.win_rate", "must be between 0 and 1")
        lo, hi = seg.cycle_months
        if not 0 < lo <= hi:
            raise b.fail(f"market.segments.{i}.cycle_months", "give [shortest, longest] > 0")


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and check one scenario file."""
    p = Path(path)
    source = str(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ScenarioError("no such file", source) from None
    except OSError as e:
        raise ScenarioError(f"cannot read the file ({e.strerror})", source) from None
    if len(raw) > MAX_BYTES:
        raise ScenarioError(f"the file is larger than {MAX_BYTES // 1_000_000} MB", source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ScenarioError(f"not UTF-8 text (byte {e.start})", source) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise ScenarioError(f"not valid YAML: {problem}", source, line) from None
    if node is None:
        raise ScenarioError("the file is empty", source, 1)
    return scenario_from_dict(data, source, _line_map(node))


def scenarios_dir() -> Path:
    """The folder of shipped scenarios.

    ``SALESIM_SCENARIOS`` names it explicitly; otherwise the checkout's
    ``scenarios/`` (a development or editable install), else the copy a
    regular install puts under ``<prefix>/share/salesim/scenarios``.
    """
    env = os.environ.get("SALESIM_SCENARIOS")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "scenarios"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "salesim" / "scenarios"


def default_scenario_path() -> Path:
    return scenarios_dir() / "default.yaml"
