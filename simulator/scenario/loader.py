"""Reading scenario files: YAML in, a frozen :class:`~simulator.core.spec.Scenario` out.

Four steps, each of which can only fail with a :class:`ScenarioError` listing
every problem as ``FILE:LINE:COLUMN: path.to.field: message``:

1. :mod:`~simulator.scenario.source` reads the bytes safely and remembers
   where each field is;
2. ``extends:`` is resolved: the parent is read the same way and the child
   merged over it (mappings merge key by key; lists and plain values are
   replaced whole; ``null`` restores the default);
3. the merged data is validated against :mod:`~simulator.scenario.schema` and
   the whole-file rules of :mod:`~simulator.scenario.checks`;
4. the valid model is converted into the core's plain dataclasses (:mod:`.convert`).
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import itertools
import os
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core import spec as core
from ..files import InputError, path_problem, read_limited, shortened
from ..paths import data_dir
from ..wording import counted
from . import checks, schema
from .convert import to_core
from .params_check import check_params
from .source import MAX_BYTES, Mark, Problem, SourceError, decode, parse

MAX_EXTENDS = 8
EXTRA_PREFIX = "x-"


MOST_TOLD = 50  # problems a message lists, at most


class ScenarioError(Exception):
    """A scenario that cannot be used: every problem found, each with where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(self))

    @property
    def first(self) -> Problem:
        return self.problems[0]

    @property
    def line(self) -> int | None:
        return self.first.line

    @property
    def field(self) -> str:
        return self.first.field

    def __str__(self) -> str:
        shown = [str(p) for p in self.problems[:MOST_TOLD]]
        more = len(self.problems) - len(shown)
        if more > 0:  # a file of thousands of mistakes is told by its first ones
            shown.append(f"… and {more:,} more problem{'s' if more != 1 else ''} in the file")
        return "\n".join(shown)


# ----------------------------------------------------------------- reading
def _read(path: Path, source: str) -> tuple[dict[str, Any], dict[str, Mark]]:
    if not source.strip():  # Path("") is the current folder: say what really happened
        raise ScenarioError(
            [Problem(source, None, None, "", "no file was named (the name is empty)")]
        )
    try:
        raw = read_limited(path, MAX_BYTES, "scenario files")
    except InputError as e:
        raise ScenarioError([Problem(shortened(source, 200), None, None, "", str(e))]) from None
    try:
        return parse(decode(raw, source), source)
    except SourceError as e:
        raise ScenarioError([e.problem]) from None


def _parent_path(ref: str, child: Path) -> Path:
    """``extends: tutorial`` names a shipped scenario; anything else is a path."""
    if "/" not in ref and "\\" not in ref and not ref.endswith((".yaml", ".yml")):
        return scenarios_dir() / f"{ref}.yaml"
    p = Path(ref).expanduser()
    return p if p.is_absolute() else child.parent / p


def merge(
    base: dict[str, Any],
    over: dict[str, Any],
    base_marks: dict[str, Mark],
    over_marks: dict[str, Mark],
    path: str = "",
) -> dict[str, Any]:
    """``over`` merged onto ``base``: mappings key by key, anything else replaced.

    ``base_marks`` is updated in place so each merged field keeps the place
    (file, line, column) it came from. The marks are sorted once by the key
    they sit under, so a file of tens of thousands of keys merges in time in
    step with its size (scanning every mark for every key had taken minutes).
    """
    out = dict(base)
    base_under, over_under = _under(base_marks, path), _under(over_marks, path)
    base_sorted: list[str] | None = None  # for keys holding "." or "#" (sorted once, if any)
    over_sorted: list[str] | None = None
    for key, value in over.items():
        sub = f"{path}.{key}" if path else str(key)
        if not any(c in str(key) for c in ".#"):  # a key the grouping finds
            mine, theirs = base_under.get(str(key), []), over_under.get(str(key), [])
        else:
            base_sorted = sorted(base_marks) if base_sorted is None else base_sorted
            over_sorted = sorted(over_marks) if over_sorted is None else over_sorted
            mine, theirs = _within(base_sorted, sub), _within(over_sorted, sub)
        if value is None:
            # back to the schema's default; a problem with that is the child's to hear
            out.pop(key, None)
            _drop(base_marks, mine)
            if sub + "#key" in over_marks:
                base_marks[sub] = over_marks[sub + "#key"]
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            # the nested merge sees only the marks under this key, and hands them back
            nested = {k: base_marks[k] for k in mine if k in base_marks}
            out[key] = merge(out[key], value, nested, {k: over_marks[k] for k in theirs}, sub)
            _drop(base_marks, mine)
            base_marks.update(nested)
            for k in (sub, sub + "#key"):
                if k in over_marks:
                    base_marks[k] = over_marks[k]
        else:
            out[key] = value
            _drop(base_marks, mine)
            for k in theirs:
                base_marks[k] = over_marks[k]
    return out


def _under(marks: dict[str, Mark], path: str) -> dict[str, list[str]]:
    """The marks below ``path``, by the key right under it (``a.b.c`` and ``a.b#key`` sit
    under ``b`` when ``path`` is ``a``)."""
    prefix = f"{path}." if path else ""
    out: dict[str, list[str]] = {}
    for k in marks:
        if k.startswith(prefix):
            rest = k[len(prefix) :]
            cut = min((i for i in (rest.find("."), rest.find("#")) if i >= 0), default=len(rest))
            out.setdefault(rest[:cut], []).append(k)
    return out


def _within(names: list[str], path: str) -> list[str]:
    """The marks of ``path`` and everything below it, among mark names sorted: they sit
    together, from ``path`` on (a file of thousands of dotted keys scanned every mark
    for each)."""
    out = []
    i = bisect.bisect_left(names, path)
    while i < len(names) and names[i].startswith(path):
        k = names[i]
        if k == path or k.startswith((path + ".", path + "#")):
            out.append(k)
        i += 1
    return out


def _drop(marks: dict[str, Mark], keys: list[str]) -> None:
    for k in keys:
        marks.pop(k, None)


def read_merged(
    path: str | os.PathLike[str], _chain: tuple[Path, ...] = ()
) -> tuple[dict[str, Any], dict[str, Mark]]:
    """A file's data with its ``extends:`` chain resolved, and where each field came from."""
    p = Path(path)
    source = str(path)
    data, marks = _read(p, source)
    given = "extends" in data
    ref = data.pop("extends", None)
    if ref is None and not given:
        return data, marks
    mark = marks.get("extends")
    line, col = (mark.line, mark.column) if mark else (None, None)

    def bad(message: str) -> ScenarioError:
        return ScenarioError([Problem(source, line, col, "extends", message)])

    if not isinstance(ref, str) or not ref.strip():
        raise bad("give the file (or shipped scenario name) this one starts from")
    if "\0" in ref:
        raise bad(f"{ref!r} cannot be a file: its name holds a NUL character")
    parent = _parent_path(ref, p)
    problem = path_problem(parent)
    if problem is not None:
        raise bad(f"{shortened(ref)!r} cannot be opened: {problem}")
    me = p.resolve()
    if parent.resolve() == me or parent.resolve() in _chain:
        raise bad(f"{ref!r} leads back to this file: extends: must not go round in a circle")
    if len(_chain) >= MAX_EXTENDS:
        raise bad(f"more than {MAX_EXTENDS} files extend one another")
    if not parent.exists():
        raise bad(f"cannot find {ref!r} (looked for {parent})")
    if not parent.is_file():
        raise bad(f"{ref!r} is not a regular file")
    scenario_like = parent.suffix.lower() in (".yaml", ".yml")
    try:
        base, base_marks = read_merged(parent, (*_chain, me))
    except ScenarioError:
        if scenario_like:
            raise  # the trainer's own parent file: its problems where they are
        # not a scenario file: say so here, and never echo what it holds
        raise bad(f"{ref!r} is not a scenario file (it cannot be read as one)") from None
    known = set(schema.ScenarioFile.model_fields)
    foreign = [k for k in base if k not in known and not str(k).startswith(EXTRA_PREFIX)]
    # a YAML file of something else (a compose file, a CI config) may share a word with a
    # scenario ("version"), never what makes one: say so, and never echo what it holds
    if foreign and (not scenario_like or not any(k in known - {"version"} for k in base)):
        raise bad(f"{ref!r} is not a scenario file (its fields are not a scenario's)")
    merged = merge(base, data, base_marks, marks)
    if "weeks" in data and "events" not in data:
        _drop_events_past_the_end(merged, base_marks)
    return merged, base_marks


def _drop_events_past_the_end(merged: dict[str, Any], marks: dict[str, Mark]) -> None:
    """A file that shortens the game it extends leaves out the inherited events that could
    never fire in it (their week comes after its last); where the rest came from is kept."""
    weeks, events = merged.get("weeks"), merged.get("events")
    if not isinstance(weeks, int) or not isinstance(events, list):
        return

    def late(e: Any) -> bool:
        trigger = e.get("trigger") if isinstance(e, dict) else None
        week = trigger.get("week") if isinstance(trigger, dict) else None
        return isinstance(week, int) and not isinstance(week, bool) and week > weeks

    kept = [i for i, e in enumerate(events) if not late(e)]
    if len(kept) == len(events):
        return
    merged["events"] = [events[i] for i in kept]
    renumber = {old: new for new, old in enumerate(kept)}
    moved: dict[str, Mark] = {}
    for key in [k for k in marks if k.startswith("events.")]:
        mark = marks.pop(key)
        head, _, rest = key[len("events.") :].partition(".")
        if head.isdigit() and int(head) in renumber:
            moved[f"events.{renumber[int(head)]}" + (f".{rest}" if rest else "")] = mark
    marks.update(moved)


# -------------------------------------------------------------- validation
def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The schema model that holds the field at ``loc`` (for did-you-mean)."""
    tp: Any = schema.ScenarioFile
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            args = typing.get_args(tp)
            tp = args[0] if args else None
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            f = tp.model_fields.get(str(part))
            if f is None:
                return None
            tp = f.annotation
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp


def _locate(marks: dict[str, Mark], path: str, key: bool) -> Mark | None:
    if key and path + "#key" in marks:
        return marks[path + "#key"]
    probe = path
    while True:
        if probe in marks:
            return marks[probe]
        if "." not in probe:
            return marks.get("")
        probe = probe.rsplit(".", 1)[0]


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the file spells it
    if isinstance(value, datetime.date):
        value = value.isoformat()  # YAML reads 2024-05-01 as a date
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    loc = err["loc"]
    given = err.get("input")
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        names = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        listed = f"; known fields: {', '.join(names)}" if names and not close else ""
        return f"unknown field{hint}{listed}"
    if kind == "missing":
        return "this field is required"
    if kind in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(given), options, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{_shown(given)} is not one of: {', '.join(options)}{hint}"
    if isinstance(given, datetime.date) and kind != "missing":
        # ``version: 2024-05-01`` or a title of a date: YAML made it a date, not text
        day = given.isoformat()
        return f'YAML reads {day} as a date; put it in quotes ("{day}") to make it text'
    if kind == "string_type" and isinstance(given, int | float) and not isinstance(given, bool):
        return f'should be text (got {_shown(given)}; put it in quotes, "{given}", to make it text)'
    if kind == "string_pattern_mismatch":
        pattern = str(err.get("ctx", {}).get("pattern", ""))
        return (
            f"{_PATTERNS.get(pattern, 'is not written in the form this field takes')}{_got(given)}"
        )
    plain = {
        "bool_type": "should be true or false",
        "int_type": "should be a whole number",
        "float_type": "should be a number",
        "string_type": "should be text",
    }
    if kind in plain:
        return f"{plain[kind]}{_got(given)}"
    if (sized := _sized(kind, err.get("ctx", {}), given)) is not None:
        return sized
    msg = err["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    msg = msg.replace("Input should be", "should be")
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping of fields{_got(given, ', got ')}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list{_got(given, ', got ')}"
    if not isinstance(given, dict | list):
        msg += _got(given)
    return msg


# what each pattern of the schema asks for, in words
_PATTERNS = {
    r"^P([1-9]|1[0-8])$": "should be a lesson, P1 to P18",
    r"^[a-z0-9_]+$": "may hold only lower-case letters, digits and _ (no spaces)",
}


def _got(given: Any, before: str = " (got ") -> str:
    """What was given, after the message: an empty field (``weeks:`` with nothing after
    it, which YAML reads as null) is said to be empty, not shown as ``None``."""
    if given is None:
        return ", but the field is empty"
    return f"{before}{_shown(given)}" + (")" if before.startswith(" (") else "")


def _sized(kind: str, ctx: dict[str, Any], given: Any) -> str | None:
    """Too few or too many items or characters, in plain words (None: another problem)."""
    least, most = ctx.get("min_length"), ctx.get("max_length")
    sized = isinstance(given, list | tuple | dict)
    have = len(given) if sized else int(ctx.get("actual_length") or 0)
    if kind == "too_short" and isinstance(least, int):
        if not have:
            return f"the list is empty; it needs at least {counted(least, 'item')}"
        return f"the list has {counted(have, 'item')}; it needs at least {least}"
    if kind == "too_long" and isinstance(most, int):
        return f"the list has {counted(have, 'item')}; it takes at most {most}"
    if kind == "string_too_short" and isinstance(least, int):
        if not given:
            return "this is empty; give some text"
        return f"needs at least {least} characters (got {_shown(given)})"
    if kind == "string_too_long" and isinstance(most, int):
        return f"takes at most {most} characters (got {_shown(given)})"
    return None


def _loc_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's internal steps (function names of validators) from a location."""
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))


def validate(
    data: dict[str, Any], marks: dict[str, Mark], source: str
) -> tuple[schema.ScenarioFile | None, list[Problem]]:
    """Schema and whole-file checks: the model, or every problem found."""

    def at(path: str, message: str, key: bool = False) -> Problem:
        m = _locate(marks, path, key)
        if m is not None and m.source != source and m is marks.get(""):
            m = None  # nothing of it in any file (a field missing): this file's to give
        if m is not None and m.source != source and path:
            # a value this file inherits: the trainer fixes it here, not in the parent
            field = ".".join(itertools.takewhile(lambda part: not part.isdigit(), path.split(".")))
            message += f" (inherited from {Path(m.source).name}; set {field} here to change it)"
        return Problem(
            m.source if m else source,
            m.line if m else None,
            m.column if m else None,
            path,
            message,
        )

    problems: list[Problem] = []
    # top-level ``x-`` keys are the author's own: anchors to reuse, notes
    data = {k: v for k, v in data.items() if not str(k).startswith(EXTRA_PREFIX)}
    try:
        model = schema.ScenarioFile.model_validate(data)
    except ValidationError as e:
        seen: set[tuple[str, str]] = set()
        for err in e.errors(include_url=False):
            loc = _loc_path(err["loc"])
            path = ".".join(str(p) for p in loc)
            msg = _message({**err, "loc": loc})
            if (path, msg) in seen:
                continue
            seen.add((path, msg))
            problems.append(at(path, msg, key=err["type"] == "extra_forbidden"))
        # the names one part gives another, in the same pass (not after the rest is fixed)
        flagged = {p for p, _ in seen}
        for path, msg in checks.cross_references(data):
            if path not in flagged:
                problems.append(at(path, msg))
        return None, _ordered(problems)
    for path, msg in checks.check(model):
        problems.append(at(path, msg))
    for path, msg in check_params(model.params, _shown):
        problems.append(at(path, msg, key="unknown" in msg))
    return (model if not problems else None), _ordered(problems)


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.source, p.line or 0, p.column or 0))


# ------------------------------------------------------------------ public
def check_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in one scenario file (empty: the file is good)."""
    try:
        load_scenario(path)
    except ScenarioError as e:
        return e.problems
    return []


def load_scenario(path: str | os.PathLike[str]) -> core.Scenario:
    """Read, merge, check and convert one scenario file."""
    data, marks = read_merged(path)
    model, problems = validate(data, marks, str(path))
    if problems or model is None:
        raise ScenarioError(problems)
    return to_core(model)


def scenario_from_dict(data: Any, source: str = "<scenario>") -> core.Scenario:
    """A Scenario from plain data (as parsed from YAML), with the same checks."""
    if not isinstance(data, dict):
        raise ScenarioError(
            [Problem(source, None, None, "", "a scenario is a mapping of fields (title:, reps:)")]
        )
    data = dict(data)
    if "extends" in data:
        raise ScenarioError(
            [Problem(source, None, None, "extends", "extends: works only in files")]
        )
    model, problems = validate(data, {}, source)
    if problems or model is None:
        raise ScenarioError(problems)
    return to_core(model)


def scenarios_dir() -> Path:
    """The folder of shipped scenarios (``$SALESIM_SCENARIOS`` to use another)."""
    return data_dir("scenarios", "SALESIM_SCENARIOS")


def shipped_scenarios() -> list[Path]:
    """The shipped scenario files, sorted by name."""
    return sorted(scenarios_dir().glob("*.yaml"))


def default_scenario_path() -> Path:
    return scenarios_dir() / "default.yaml"
