"""Trainers' reports: one played game (``report.html``) or a whole class (``index.html``).

Both are built from saves, so they work for games played at the desk and for
scripted runs saved with ``salesim run --save``. A save whose scenario has
changed version since it was played is refused, naming both versions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Protocol

from ..files import printable
from ..outputs import claim, drop_unfinished
from ..saves import SaveError, SaveGame, open_save
from . import charts
from .game import FONT_NAME, REPORT_FILES, GameReport, analyse, for_class, write
from .group import player_folders, write_class


class Stages(Protocol):
    """Where a long piece of work is (a progress bar): ``stage`` names the part under
    way, and the object is called with (done, total) as that part moves on."""

    def stage(self, what: str, counted: bool = True) -> None: ...

    def __call__(self, done: int, total: int) -> None: ...


def load(
    path: str | Path,
    progress: Stages | None = None,
    warn: Callable[[str], None] | None = None,
    player: str | None = None,
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
    return analyse(save, session, player or Path(path).stem)


def report(
    save: str | Path,
    out: str | Path,
    lang: str = "en",
    progress: Stages | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write one game's report into ``out``; the page's path (``warn``: as :func:`load`).

    Stopped (Ctrl-C) or failed while it writes, the report is taken back: the files it
    had written and a folder it made are removed, and a report written there before
    stays as it was (each file is replaced whole or not at all)."""
    game = load(save, progress, warn)
    if progress is not None:
        progress.stage("drawing the charts", counted=False)
    folder = Path(out)
    made = not folder.exists()
    before = {n for n in (*REPORT_FILES, FONT_NAME) if (folder / n).exists()}
    try:
        return write_whole(game, folder, lang)
    except BaseException:
        _unwrite(folder, before, (*REPORT_FILES, FONT_NAME), made)
        raise


STAGING = ".report-"  # the hidden folder a report is drawn in, beside where it goes


def write_whole(game: GameReport, folder: Path, lang: str, font_href: str | None = None) -> Path:
    """Write a game's report into ``folder`` as one piece; the page's path.

    It is drawn in a hidden folder inside ``folder``, then moved in, file by file, once
    every file is drawn. Stopped or failed before that, ``folder`` holds what it held:
    an earlier report there stays whole, never a new chart beside an old page."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=folder))
    try:
        write(game, staging, lang, font_href=font_href)
        for name in (*REPORT_FILES, FONT_NAME):
            if (staging / name).exists():
                if name == FONT_NAME and (folder / name).exists():
                    continue  # the typeface shipped before is the same file
                os.replace(staging / name, claim(folder / name))
        return folder / "report.html"
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def class_report(
    saves: list[str | Path],
    out: str | Path,
    lang: str = "en",
    skipped: list[str] | None = None,
    warn: Callable[[str], None] | None = None,
    jobs: int | None = None,
    damaged: list[str] | None = None,
) -> Path:
    """Write a class report (and each player's report) into ``out``; the page's path.

    A save that cannot be read or replayed is left out, not the class: its path and
    why go into ``skipped`` (as "path: why") and into ``damaged``, and the page says
    so; a second copy of a game is left out too (into ``skipped`` alone, and the page).
    With no save left, the last error is raised.
    ``warn`` is told of each save whose scenario was edited since (see :func:`load`).
    ``jobs``: how many processes replay the games and draw their reports at once
    (default: all cores); each player's report is a season replayed twice (the
    player's and the handbook's) and three charts, so a class of thirty is minutes
    on one core.
    """
    from ..saves import read_save

    left: list[str] = []  # the saves left out, and why
    # and as the class page tells them: the files that could not be read, the copies
    unread: list[str] = []
    copies: list[str] = []
    # a class is one scenario: told before any game is replayed (the slow part)
    seen: dict[tuple[str, str], str] = {}
    games: dict[str, str] = {}  # one game (however many copies of its save) counts once
    once: list[str | Path] = []
    heads: dict[str, SaveGame] = {}
    for s in saves:
        try:
            head = heads[str(s)] = read_save(s)
        except SaveError:
            once.append(s)
            continue  # told below, with the others left out
        seen.setdefault((head.scenario_title, head.scenario_version), str(s))
        game = json.dumps([head.seed, head.saved_at, head.actions], sort_keys=True)
        first = games.setdefault(hashlib.sha256(game.encode("utf-8")).hexdigest(), str(s))
        if first != str(s) or s in once:
            why = "given twice" if Path(first).resolve() == Path(s).resolve() else ""
            left.append(f"{s}: {why or f'the same game as {first}'}")
            copies.append(Path(s).name)
            continue
        once.append(s)
    if len(seen) > 1:  # each scenario with the first save of it: the odd one out is named
        ((a, _), first_a), ((b, _), first_b) = list(seen.items())[:2]
        raise ValueError(
            f"these saves are of different scenarios ({a!r} in {first_a} and {b!r} in {first_b})"
        )
    saves = once
    _one_scenario(saves, heads, lang)
    out = Path(out)
    # a Chinese class shares one typeface, shipped beside the class page (write_class)
    shipped = lang == "zh" and charts.cjk_font_file() is not None
    href = f"../../fonts/{FONT_NAME}" if shipped else None
    names = player_names([str(s) for s in saves])
    folders = player_folders(names)
    tasks = [
        (str(s), str(out / "players" / folder), lang, href, name)
        for s, folder, name in zip(saves, folders, names, strict=True)
    ]
    done = _players(tasks, jobs)
    reports, links = [], []
    last: str | None = None
    for (report_, told, error), name, s in zip(done, folders, saves, strict=True):
        for line in told:
            if warn is not None:
                warn(line)
        if report_ is None:
            last = error
            if error is not None:
                left.append(error)
                unread.append(Path(s).name)
                if damaged is not None:
                    damaged.append(error)
            continue
        reports.append(report_)
        links.append(f"players/{name}/report.html")
    if skipped is not None:
        skipped.extend(left)
    if not reports:  # every save left out: each named (the last alone was), and why
        if len(left) > 1:
            raise SaveError(f"no save could be reported on: {'; '.join(left)}")
        raise SaveError(last or "no save to report on")
    return write_class(reports, links, out, lang, unread, copies)


_Done = tuple[GameReport | None, list[str], str | None]


_Task = tuple[str, str, str, str | None, str]  # save, folder, language, typeface, player


def player_names(paths: list[str]) -> list[str]:
    """Each save's player as a class names them: the save's file name (no ``.json``),
    with as many of its folders in front as it takes to tell it from the others
    ("anna"; "group1/p" beside "group2/p": the game names its saves by scenario and
    seed, so a class that played one seed brings files of one name)."""
    parts = [Path(p).absolute().with_suffix("").parts for p in paths]
    names = []
    for i, mine in enumerate(parts):
        k = 1
        while k < len(mine) and any(
            j != i and theirs[-k:] == mine[-k:] for j, theirs in enumerate(parts)
        ):
            k += 1
        # shown on charts, pages and terminals: a file name's control characters escaped
        names.append(printable("/".join(mine[-k:])))
    return names


def _player(task: _Task) -> _Done:
    """One player's game replayed, its report written into its folder: the game as the
    class page needs it (:func:`for_class`), the warnings told while replaying, and,
    for a save that cannot be replayed, why instead."""
    path, folder, lang, font_href, player = task
    told: list[str] = []
    try:
        game = load(path, warn=told.append, player=player)
    except SaveError as e:
        return None, told, str(e)
    write_whole(game, Path(folder), lang, font_href=font_href)
    return for_class(game), told, None


def _players(tasks: list[_Task], jobs: int | None) -> list[_Done]:
    """Every player's report, in the order of ``tasks``, on ``jobs`` processes (one: in
    this one), with a progress bar on a terminal. Stopped (Ctrl-C) or failed, each
    player's report is whole or not written: what an unfinished one had written is
    taken away again (a report written before, in an earlier run, stays)."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    before = {
        folder: {n for n in REPORT_FILES if (Path(folder) / n).exists()} for _, folder, *_ in tasks
    }
    finished: set[int] = set()
    bar = _bar(len(tasks))
    pool: ProcessPoolExecutor | None = None
    try:
        if jobs == 1:
            results = []
            for i, task in enumerate(tasks):
                results.append(_player(task))
                finished.add(i)
                if bar is not None:
                    bar.update(1)
            return results
        # what every worker draws with, loaded once here: a forked worker starts with it
        # (the class page is drawn with it after them anyway)
        charts.pyplot(tasks[0][2])
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start)
        with _ctrl_c_held():  # the workers start with the first task sent
            futures = {pool.submit(_player, task): i for i, task in enumerate(tasks)}
        for f in as_completed(futures):
            if f.exception() is None:
                finished.add(futures[f])
            if bar is not None:
                bar.update(1)
        return [f.result() for f in futures]
    except BaseException:
        # a stop (Ctrl-C) or a failure: the other reports are not waited for
        if pool is not None:
            for proc in list(getattr(pool, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    proc.kill()
            pool.shutdown(wait=True, cancel_futures=True)
        for i, (_, folder, *_) in enumerate(tasks):
            if i not in finished:
                _unwrite(Path(folder), before[folder])
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
        if bar is not None:
            bar.close()


def _unwrite(
    folder: Path, before: set[str], names: tuple[str, ...] = REPORT_FILES, made: bool = True
) -> None:
    """Take away what an unfinished report wrote in ``folder``: the files of ``names``
    that were not there ``before`` it began, its temporary files, and the folder if it
    ``made`` it and nothing else is in it."""
    for name in names:
        if name not in before:
            with contextlib.suppress(OSError):
                (folder / name).unlink()
    for staging in folder.glob(f"{STAGING}*"):  # a worker stopped while drawing
        shutil.rmtree(staging, ignore_errors=True)
    drop_unfinished(folder, names, made)


@contextlib.contextmanager
def _ctrl_c_held() -> Any:
    """Ctrl-C held off while workers are started: one in that instant would reach a
    worker before it is told to leave Ctrl-C to the command (:func:`_worker_start`)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_start() -> None:
    """A report worker leaves Ctrl-C to the command, which stops it (no traceback of its
    own on the terminal)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _one_scenario(saves: list[str | Path], heads: dict[str, SaveGame], lang: str) -> None:
    """Refuse, before anything is replayed or written, saves whose scenario files differ
    (the same title and version, but one edited since): a class is one scenario.
    ``heads``: the saves as read (one that could not be is told when it is replayed)."""
    from ..saves import fingerprint, scenario_file_of
    from ..scenario import ScenarioError, load_scenario
    from ..texts import tr

    prints: dict[str, str] = {}  # a scenario file → its content's fingerprint
    first: tuple[str, str] | None = None
    for s in saves:
        head = heads.get(str(s))
        if head is None:
            continue
        try:
            file = str(scenario_file_of(head, beside=s).resolve())
            if file not in prints:
                prints[file] = fingerprint(load_scenario(file))
        except (ScenarioError, OSError):
            continue  # told with the others left out, when it is replayed
        if first is None:
            first = (prints[file], head.scenario_title)
        elif prints[file] != first[0]:
            raise ValueError(tr(lang, "class.mixed", a=first[1], b=head.scenario_title))


def _bar(total: int) -> Any:
    """A progress bar on a terminal (never when the output is piped or captured)."""
    import sys

    if total < 2 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="save", desc="replaying", leave=False)


__all__ = ["GameReport", "Stages", "class_report", "load", "report"]
