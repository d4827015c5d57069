"""Saved games: the scenario, the seed and the action log, written so they cannot tear.

A save does not store the world: it stores what is needed to rebuild it
exactly, because the simulation is deterministic: which scenario (its file,
title, version and a fingerprint of its content), the seed, every action the
manager took (refused ones too), and how many weeks were played. Loading
replays the log on a fresh world and arrives at the same state, whether the
game was played at the desk or by a scripted policy (``salesim run --save``).

Saves are JSON, written to a temporary file beside the target, flushed to
disk and renamed over it: a crash or a kill at any moment leaves either the
previous save or the new one, never half of one. A damaged, foreign or
out-of-date file gets a :class:`SaveError` in plain words.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from .api.plan import MOST_ACTIONS_A_WEEK
from .core.rng import SEEDS
from .core.spec import Scenario
from .files import InputError, path_problem, read_limited, shortened
from .session import Session

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 50_000_000
KIND = "salesim-save"
# what a week of a save may hold, as a week of play (simulator.api.plan): a file with more
# was made to stall the replay
MAX_ACTIONS_PER_WEEK = MOST_ACTIONS_A_WEEK
# and the plans it was carried out in (a plan at the week's end, and an answer or two
# carried out at once, make a handful)
MAX_PLANS_PER_WEEK = 100


class SaveError(Exception):
    """A save that cannot be read or used, and why."""


def fingerprint(scenario: Scenario) -> str:
    """A short hash of everything the scenario sets.

    It hashes the scenario's content, not how the program holds it: a field left at
    its default is left out, so a later salesim that adds a setting (with a default)
    does not make every earlier save look as if its scenario had been edited.
    """
    last, known = _FINGERPRINTED
    if last is scenario:  # a game saves every week: its (frozen) scenario is hashed once
        return known
    canonical = json.dumps(_content(scenario), sort_keys=True, ensure_ascii=False)
    known = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
    _FINGERPRINTED[:] = [scenario, known]
    return known


_FINGERPRINTED: list[Any] = [None, ""]  # the scenario last fingerprinted, and its fingerprint


def _content(value: Any) -> Any:
    """``value`` as plain data for :func:`fingerprint`: dataclasses as the fields that
    differ from their defaults, enums as their values, floats exactly (``repr``)."""
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.default is not MISSING and _same(v, f.default):
                continue
            if f.default_factory is not MISSING and _same(v, f.default_factory()):
                continue
            out[f.name] = _content(v)
        return out
    if isinstance(value, Enum):
        return _content(value.value)
    if isinstance(value, dict):
        return {str(k): _content(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        items = [_content(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, frozenset | set) else items
    if isinstance(value, float):
        return repr(value)
    return value


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b) and type(a) is type(b)
    except (TypeError, ValueError):  # values that do not compare (arrays): not the default
        return False


@dataclass(frozen=True)
class SaveGame:
    """What a save file holds."""

    scenario_path: str
    scenario_title: str
    scenario_version: str
    scenario_fingerprint: str
    seed: int
    weeks_played: int
    actions: list[dict[str, Any]]
    policy: str | None = None
    lang: str = "en"
    saved_at: str = ""
    format: int = SAVE_FORMAT
    kind: str = KIND
    extra: dict[str, Any] = field(default_factory=dict)


def snapshot(
    session: Session,
    scenario_path: str,
    policy: str | None = None,
    lang: str = "en",
    extra: dict[str, Any] | None = None,
) -> SaveGame:
    """The save of a session as it stands (the scenario's path stored absolute)."""
    s = session.scenario
    return SaveGame(
        # absolute: the save reopens from any folder, not only the one it was made in
        scenario_path=os.path.abspath(scenario_path),
        scenario_title=str(s.title),
        scenario_version=s.version,
        scenario_fingerprint=fingerprint(s),
        seed=session.seed,
        weeks_played=session.week - 1 if not session.finished else s.weeks,
        actions=session.log_as_dicts(),
        policy=policy,
        lang=lang,
        saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
        extra=dict(extra or {}),
    )


def check_save_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`SaveError` when a save written at ``path`` would destroy something
    that is not a save: a trainer's scenario file, a report, a device, a folder. A save
    replaces only an earlier salesim save (or nothing)."""
    p = Path(path)
    name = shortened(str(p))
    problem = path_problem(p)
    if problem is not None:
        raise SaveError(f"{name}: {problem}")
    try:
        info = os.stat(p)
    except OSError:
        return  # nothing there (or nothing this check can see): the write will say
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"{name}: this is a folder; name a file for the save")
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(
            f"{name}: this is not a regular file (a device, a pipe or a socket); "
            "a save will not replace it"
        )
    try:
        data = json.loads(read_limited(p, MAX_SAVE_BYTES, "saves").decode("utf-8"))
    except (InputError, UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not (isinstance(data, dict) and data.get("kind") == KIND):
        raise SaveError(
            f"{name}: this file exists and is not a salesim save; "
            "a save will not write over it (name another file)"
        )


def write_save(save: SaveGame, path: str | os.PathLike[str]) -> Path:
    """Write atomically: the file at ``path`` is always a whole save. Only an earlier save
    is ever replaced (:func:`check_save_target`)."""
    check_save_target(path)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SaveError(f"{path}: cannot make its folder ({e.strerror or e})") from None
    data = encode_save(save).encode("utf-8")
    _readable_back(save, data, path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):  # a read-only disk refuses the cleaning up too
            tmp.unlink(missing_ok=True)
        raise SaveError(f"{path}: cannot write the save ({e.strerror or e})") from None
    _clean_stale(path)
    return path


def _readable_back(save: SaveGame, data: bytes, path: Path) -> None:
    """Refuse to write a save :func:`read_save` would refuse: one that would only ever
    be told it is damaged, where the game could still go on. (A game as played stays
    far inside both limits.)"""
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(
            f"{path}: this game's save would be {len(data):,} bytes; saves are limited to "
            f"{MAX_SAVE_BYTES:,} bytes, so it was not written"
        )
    if (full := _too_full(save.actions)) is not None:
        raise SaveError(f"{path}: in this game {full}, more than a save may; it was not written")


def _too_full(actions: list[Any]) -> str | None:
    """The first week of an action log holding more than a save may: more actions than a
    week holds, or more plans (each is carried out against a view of the world made
    afresh, so a log of one plan per action took a minute and a half to replay)."""
    count: dict[Any, int] = {}
    plans: dict[Any, set[Any]] = {}
    for row in actions:
        week = row.get("week") if isinstance(row, dict) else None
        count[week] = count.get(week, 0) + 1
        if count[week] > MAX_ACTIONS_PER_WEEK:
            return f"week {week} holds more than {MAX_ACTIONS_PER_WEEK:,} actions"
        held = plans.setdefault(week, set())
        held.add(str(row.get("plan")) if isinstance(row, dict) else None)
        if len(held) > MAX_PLANS_PER_WEEK:
            return f"week {week} holds more than {MAX_PLANS_PER_WEEK:,} plans"
    return None


def encode_save(save: SaveGame) -> str:
    """The save as JSON text: a field to a line and an action to a line.

    A person can read and compare saves line by line (a week's actions follow
    each other), and the text costs a game a few milliseconds however long the
    season: each line is encoded whole by the JSON module's fast encoder, where
    indenting every value of the action log took several times as long, and it
    grows with every week played, written at every week's end.
    """
    dump = json.JSONEncoder(ensure_ascii=False).encode
    lines = []
    for f in fields(save):
        value = getattr(save, f.name)
        if f.name == "actions" and value:
            value = "[\n  " + ",\n  ".join(map(dump, value)) + "\n ]"
        else:
            value = dump(value)
        lines.append(f" {dump(f.name)}: {value}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


STALE_SECONDS = 3600.0  # a temporary save this old was left by a writer that died


def _clean_stale(path: Path) -> None:
    """Remove temporary saves a killed writer left beside ``path`` (never a live one)."""
    now = time.time()
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once: a save names each field once, and
    a second value for one (a hand edit, a merge) would be taken silently otherwise."""
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("a key given twice")
    return out


def _unwritable(value: Any, where: str = "") -> str | None:
    """Where in a save's values a text holds what UTF-8 cannot write (a lone surrogate,
    which JSON's escapes can spell); ``None`` when nowhere."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "a text"
        return None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        here = f"{where}.{key}" if where else str(key)
        if (found := _unwritable(key if isinstance(key, str) else "", here)) is not None:
            return found
        if (found := _unwritable(item, here)) is not None:
            return found
    return None


def read_save(path: str | os.PathLike[str]) -> SaveGame:
    """Read and check a save file."""
    p = Path(path)
    try:
        raw = read_limited(p, MAX_SAVE_BYTES, "saves")
    except InputError as e:
        why = "no such save" if str(e) == "no such file" else str(e)
        raise SaveError(f"{p}: {why}") from None
    try:
        # a byte-order mark, as some editors write one, is no damage
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_once_each)
    except (UnicodeDecodeError, ValueError, RecursionError):
        # not JSON, nested past reason, or a number of thousands of digits: not a save
        raise SaveError(
            f"{p}: this is not a salesim save (damaged, or another kind of file)"
        ) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise SaveError(f"{p}: this is not a salesim save")
    if data.get("format") != SAVE_FORMAT or isinstance(data.get("format"), bool):
        raise SaveError(
            f"{p}: saved in format {data.get('format')!r}; this salesim reads format {SAVE_FORMAT}"
        )
    expected = {
        "scenario_path": str,
        "scenario_title": str,
        "scenario_version": str,
        "scenario_fingerprint": str,
        "seed": int,
        "weeks_played": int,
        "actions": list,
    }
    for name, kind in expected.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            raise SaveError(f"{p}: the save is damaged ({name} is missing or wrong)")
    # what may be left out, but when given is text ("saved_at": 12 ended a class's report)
    for name in ("policy", "lang", "saved_at"):
        if name in data and not isinstance(data[name], str | None):
            raise SaveError(f"{p}: the save is damaged ({name} is not text)")
    # a lone surrogate ("\ud800") is valid JSON but no text a page or file can hold (what
    # the desk held, "extra", is the game's to pass over: the game itself is whole)
    if (where := _unwritable({k: v for k, v in data.items() if k != "extra"})) is not None:
        raise SaveError(f"{p}: the save is damaged ({where} holds a broken character)")
    if not 0 <= data["seed"] < SEEDS or not 0 <= data["weeks_played"] <= 10_000:
        raise SaveError(f"{p}: the save is damaged (its seed or weeks are out of range)")
    last = data["weeks_played"] + 1  # the week under way, when the save was made mid-week
    for i, row in enumerate(data["actions"]):
        if not (
            isinstance(row, dict)
            and isinstance(row.get("week"), int)
            and not isinstance(row.get("week"), bool)
            and isinstance(row.get("action"), dict)
        ):
            raise SaveError(f"{p}: the save is damaged (action {i + 1} is unreadable)")
        week = row["week"]
        if not 1 <= week <= last:
            raise SaveError(
                f"{p}: the save is damaged (action {i + 1} is dated week {week}, "
                f"outside the {data['weeks_played']} weeks played)"
            )

    if (full := _too_full(data["actions"])) is not None:
        raise SaveError(f"{p}: the save is damaged ({full}; a game makes far fewer)")
    extra = data.get("extra", {})
    if not isinstance(extra, dict) or not isinstance(extra.get("plan", []), list):
        raise SaveError(f"{p}: the save is damaged (what the desk held is unreadable)")
    known = set(SaveGame.__dataclass_fields__)
    return SaveGame(**{k: v for k, v in data.items() if k in known})


def restore(
    save: SaveGame,
    scenario: Scenario,
    source: str = "the save",
    on_week: Callable[[int, int], None] | None = None,
) -> Session:
    """Replay a save on ``scenario``; refuse a scenario of another version.

    The same version replays even when the file was edited since (its author
    kept the version, declaring the change compatible); the outcome may then
    differ from what the player saw (:func:`changed_since_saved` says so). A
    save claiming more weeks played than the scenario has is damaged.
    """
    if str(scenario.title) != save.scenario_title:
        # another scenario altogether (the save's path was pointed elsewhere): said before
        # any version, which would compare two scenarios' numbers
        raise SaveError(
            f"{source} was played on {save.scenario_title!r}, not on {str(scenario.title)!r}"
        )
    if scenario.version != save.scenario_version:
        raise SaveError(
            f"{source} was played on {save.scenario_title!r} version {save.scenario_version}, "
            f"but the scenario is now version {scenario.version}: they are not compatible"
        )
    # more weeks than the scenario has: the scenario shortened since (its content is not
    # the one the game was played on), or else the save damaged
    edited = changed_since_saved(save, scenario)
    if save.weeks_played > scenario.weeks:
        raise SaveError(
            f"{source}: {save.weeks_played} weeks were played, but the scenario was edited "
            f"since and now has {scenario.weeks}: restore the file the game was played on"
            if edited
            else f"{source}: the save is damaged (it says {save.weeks_played} weeks were "
            f"played; the scenario has {scenario.weeks})"
        )
    late = next((a for a in save.actions if a["week"] > scenario.weeks), None)
    if late is not None:  # (an export left it out without a word)
        raise SaveError(
            f"{source}: an action is dated week {late['week']}, but the scenario was edited "
            f"since and now has {scenario.weeks} weeks: restore the file the game was played on"
            if edited
            else f"{source}: the save is damaged (an action is dated week {late['week']}; "
            f"the scenario has {scenario.weeks} weeks)"
        )
    try:
        return Session.replay(
            scenario, save.seed, save.actions, weeks_played=save.weeks_played, on_week=on_week
        )
    except (KeyError, TypeError, ValueError) as e:
        raise SaveError(f"{source}: the action log cannot be replayed ({e})") from None


# what a spreadsheet reads as the start of a formula (=HYPERLINK(...) in a rep's name)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: str) -> str:
    """A text cell a spreadsheet shows as text: one that would start a formula gets a
    quote before it, as spreadsheets themselves keep such text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def export_logs(session: Session, out: str | os.PathLike[str], fmt: str = "csv") -> list[Path]:
    """The game's action and event logs as tables for spreadsheets (CSV) or JSON.

    ``actions``: one row per action taken (week, kind, its parameters, whether
    it was done or refused and why). ``events``: one row per thing that
    happened (week, day, kind, the rep by id and name, whether the manager saw
    it, its details). Hidden events are included: the export is for trainers.
    In CSV, a text that a spreadsheet would run as a formula (a rep named
    ``=HYPERLINK(...)``) is written with a quote before it.
    """
    import csv
    import io

    from .outputs import write_bytes

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    record = session.record()
    names = {r.id: r.name for r in record.reps}
    actions = []
    for rec in record.actions:
        params = {k: v for k, v in rec.action.to_dict().items() if k != "kind"}
        actions.append(
            {
                "week": rec.week,
                "action": rec.action.kind,
                "rep": names.get(rep) if isinstance(rep := params.get("rep"), int) else None,
                "parameters": params,  # a spreadsheet's cell gets it as JSON text
                "done": rec.ok,
                "refused_because": rec.code,
            }
        )
    events = [
        {
            "week": e.week,
            "day": e.day,
            "event": e.kind,
            # no rep: null in JSON, an empty cell in CSV (never "" beside numbers)
            "rep_id": e.rep,
            "rep": names.get(e.rep) if e.rep is not None else None,
            "seen_by_manager": e.visible,
            "details": e.data,
        }
        for e in record.events
    ]
    written = []
    for name, rows in (("actions", actions), ("events", events)):
        if fmt == "json":  # nested as they are: no JSON inside JSON
            path = folder / f"{name}.json"
            text = json.dumps(rows, ensure_ascii=False, indent=1, default=str)
            write_bytes(path, text.encode("utf-8"))
        elif fmt == "csv":
            path = folder / f"{name}.csv"
            buf = io.StringIO(newline="")
            cols = list(rows[0]) if rows else ["week"]
            w = csv.DictWriter(buf, fieldnames=cols)
            w.writeheader()
            for row in rows:  # a cell holds text: the nested values as JSON
                w.writerow(
                    {
                        k: json.dumps(v, ensure_ascii=False, default=str)
                        if isinstance(v, dict | list)
                        else ""
                        if v is None
                        else _as_text(v)
                        if isinstance(v, str)
                        else v
                        for k, v in row.items()
                    }
                )
            write_bytes(path, buf.getvalue().encode("utf-8-sig"))  # BOM: Excel reads UTF-8
        else:
            raise SaveError(f"unknown format {fmt!r}: csv or json")
        written.append(path)
    return written


def scenario_file_of(save: SaveGame, beside: str | os.PathLike[str] | None = None) -> Path:
    """The save's scenario file, looked for where a save that travelled would find it.

    In order: the path the save stores (absolute in new saves; older ones hold
    it as typed, relative to the folder ``run --save`` ran in); with ``beside``
    (the save file's own path), that path taken from the save's folder, then a
    file of the same name next to the save (a trainer keeps a custom scenario
    beside the participants' saves); then the shipped scenario of that name.
    When none exists, the stored path (so the message names it).
    """
    from .scenario import scenarios_dir

    path = Path(save.scenario_path)
    candidates = [path]
    if beside is not None:
        folder = Path(beside).parent
        if not path.is_absolute():
            candidates.append(folder / path)
        candidates.append(folder / path.name)
    candidates.append(scenarios_dir() / path.name)
    for candidate in candidates:
        if path.name and path_problem(candidate) is None and candidate.is_file():
            return candidate
    return path


def changed_since_saved(save: SaveGame, scenario: Scenario) -> bool:
    """Whether ``scenario``'s content differs from the one the game was played on.

    Only its fingerprint tells: an edit that kept the version replays (the
    author declared it compatible), but the replay may then differ from what
    was played. Commands that replay a save warn about it in one line.
    """
    return fingerprint(scenario) != save.scenario_fingerprint


def changed_warning(path: str | os.PathLike[str]) -> str:
    """The one line that warns a save's scenario was edited since (same version)."""
    return (
        f"{path}: the scenario's content has changed since this game was saved "
        "(its version has not), so the replay may differ from what was played"
    )


def _unechoed(e: Exception, file: Path) -> str:
    """Why a save's scenario cannot be loaded, never quoting the file: a save names its
    scenario by path, and a save from someone else may name any file on this machine.
    What concerns the file as a whole (missing, a device, too big) is told; what is
    wrong inside it is counted, and ``salesim validate`` shows it to its owner."""
    problems = getattr(e, "problems", [])
    if problems and all(p.line is None and not p.field for p in problems):
        return str(e)
    n = len(problems)
    return (
        f"{shortened(str(file))} is not a valid scenario ({n:,} problem{'s' if n != 1 else ''}, "
        "shown by salesim validate)"
    )


def open_save(
    path: str | os.PathLike[str],
    on_week: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[SaveGame, Session]:
    """Read a save, load its scenario and replay it; every failure is a :class:`SaveError`.

    ``on_week(done, weeks)`` follows the replay (a progress bar's hook); ``warn`` is
    told, in one line, when the scenario was edited since the game was saved."""
    from .scenario import ScenarioError, load_scenario

    save = read_save(path)
    file = scenario_file_of(save, beside=path)
    try:
        scenario = load_scenario(file)
    except ScenarioError as e:
        raise SaveError(f"{path}: its scenario cannot be loaded: {_unechoed(e, file)}") from None
    except OSError as e:
        raise SaveError(f"{path}: its scenario {file} cannot be read ({e.strerror or e})") from None
    session = restore(save, scenario, source=str(path), on_week=on_week)
    if warn is not None and changed_since_saved(save, scenario):
        warn(changed_warning(path))
    return save, session
