"""Trainers' reports: one played game (``report.html``) or a whole class (``index.html``).

Both are built from saves, so they work for games played at the desk and for
scripted runs saved with ``salesim run --save``. A save whose scenario has
changed version since it was played is refused, naming both versions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from ..saves import SaveError, open_save
from .game import GameReport, analyse, write
from .group import write_class


class Stages(Protocol):
    """Where a long piece of work is (a progress bar): ``stage`` names the part under
    way, and the object is called with (done, total) as that part moves on."""

    def stage(self, what: str, counted: bool = True) -> None: ...

    def __call__(self, done: int, total: int) -> None: ...


def load(
    path: str | Path,
    progress: Stages | None = None,
    warn: Callable[[str], None] | None = None,
) -> GameReport:
    """Open a save and compute its report (raises :class:`~simulator.saves.SaveError`).

    The slow parts, told to ``progress`` week by week: replaying the player's game,
    then playing the same seed by the book. ``warn`` is told when the save's
    scenario was edited since (same version): the replay may differ from the game."""
    if progress is not None:
        progress.stage("replaying the game")
    save, session = open_save(path, on_week=progress, warn=warn)
    if progress is not None:
        progress.stage("playing it by the book")
    session.handbook(on_week=progress)
    return analyse(save, session, Path(path).stem)


def report(
    save: str | Path,
    out: str | Path,
    lang: str = "en",
    progress: Stages | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write one game's report into ``out``; the page's path (``warn``: as :func:`load`)."""
    game = load(save, progress, warn)
    if progress is not None:
        progress.stage("drawing the charts", counted=False)
    return write(game, Path(out), lang)


def class_report(
    saves: list[str | Path],
    out: str | Path,
    lang: str = "en",
    skipped: list[str] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write a class report (and each player's report) into ``out``; the page's path.

    A save that cannot be read or replayed is left out, not the class: its path and
    why go into ``skipped`` (as "path: why"); with none left, the last error is raised.
    ``warn`` is told of each save whose scenario was edited since (see :func:`load`).
    """
    from ..saves import read_save

    # a class is one scenario: told before any game is replayed (the slow part)
    seen: dict[tuple[str, str], str] = {}
    games: dict[str, str] = {}  # one game (however many copies of its save) counts once
    once: list[str | Path] = []
    for s in saves:
        try:
            head = read_save(s)
        except SaveError:
            once.append(s)
            continue  # told below, with the others left out
        seen.setdefault((head.scenario_title, head.scenario_version), str(s))
        game = json.dumps([head.seed, head.saved_at, head.actions], sort_keys=True)
        first = games.setdefault(hashlib.sha256(game.encode("utf-8")).hexdigest(), str(s))
        if first != str(s) or s in once:
            if skipped is not None:
                why = "given twice" if Path(first).resolve() == Path(s).resolve() else ""
                skipped.append(f"{s}: {why or f'the same game as {first}'}")
            continue
        once.append(s)
    if len(seen) > 1:
        (a, _), (b, _) = list(seen)[:2]
        raise ValueError(f"these saves are of different scenarios ({a!r} and {b!r})")
    saves = once
    reports = []
    last: SaveError | None = None
    bar = _bar(len(saves))
    for s in saves:
        try:
            reports.append(load(s, warn=warn))
        except SaveError as e:
            last = e
            if skipped is not None:
                skipped.append(str(e))
        finally:
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    if not reports:
        assert last is not None
        raise last
    return write_class(reports, Path(out), lang)


def _bar(total: int) -> Any:
    """A progress bar on a terminal (never when the output is piped or captured)."""
    import sys

    if total < 2 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="save", desc="replaying", leave=False)


__all__ = ["GameReport", "Stages", "class_report", "load", "report"]
