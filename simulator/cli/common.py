"""What the command families share: the one-line error, scenario lookup, the
progress bar, and the options several commands take.

Each ``add_*`` helper adds one option the same way everywhere it appears; a
command passes only what differs (its help text, whether it is required).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.timeouts import DEFAULT_TIMEOUT
from ..files import path_problem, printable, shortened

if TYPE_CHECKING:
    from ..scenario import Scenario

# what was typed after "salesim", for the batch manifest (set by ``main``)
COMMAND_LINE: list[str] = []
# set when the person at the keyboard pressed Ctrl-C (a KeyboardInterrupt a policy raises
# of its own is not that)
CTRL_C = threading.Event()


def lang_code(text: str) -> str:
    """A ``--lang`` value: a language there is a catalog for."""
    from ..texts import languages

    if text not in languages():
        raise argparse.ArgumentTypeError(
            f"no catalog for {text!r}; there are: {', '.join(languages())}"
        )
    return text


FIRST_SEED = "first seed (default: 1)"


def seed_value(text: str) -> int:
    """A ``--seed`` value: a whole number from 0 to 2**63 - 1 (a save and a batch's
    tables keep it as a 64-bit integer)."""
    from ..core.rng import SEEDS  # here: the model loads only once a seed is given

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < SEEDS:
        raise argparse.ArgumentTypeError(f"{text} is out of range: give 0 to {SEEDS - 1}")
    return value


def positive_count(text: str) -> int:
    """A count that must be at least 1 (``--jobs``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: give 1 or more")
    return value


def fail(message: str) -> int:
    """Report an error in one line, ``salesim: error: ...``, and give exit code 2."""
    print(f"salesim: error: {printable(message)}", file=sys.stderr)
    return 2


def resolve_scenario(path: str) -> str:
    """A path, or the name of a shipped scenario (``tutorial``)."""
    from pathlib import Path

    from ..scenario import scenarios_dir, shipped_scenarios

    if not path.strip():  # Path("") would be the current folder
        raise SystemExit(fail("no scenario was named (the name given is empty)"))
    problem = path_problem(path)
    if problem is not None:
        raise SystemExit(fail(f"{shortened(path)}: {problem}"))
    p = Path(path)
    if p.exists():
        return path
    names = [f.stem for f in shipped_scenarios()]
    if p.suffix == "" and "/" not in path:
        shipped = scenarios_dir() / f"{path}.yaml"
        if shipped.exists():
            return str(shipped)
        close = difflib.get_close_matches(path, names, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        listed = ", ".join(names)
        raise SystemExit(
            fail(f"{path}: no such file, nor a shipped scenario{hint} (shipped: {listed})")
        )
    if p.stem in names and p.suffix in (".yaml", ".yml"):
        # "tutorial.yaml" typed for the shipped tutorial: say how to name it
        raise SystemExit(
            fail(f"{path}: no such file here; the shipped one is named without .yaml: {p.stem}")
        )
    return path


def read_scenario(path: str | None) -> Scenario:
    """The scenario at ``path`` (a file or shipped name; None: the shipped default).

    Every problem in it is printed as ``FILE:LINE:COLUMN: field: message``, then
    the command stops with exit code 2.
    """
    from ..scenario import ScenarioError, default_scenario_path, load_scenario
    from ..scenario.loader import MOST_TOLD

    try:
        return load_scenario(
            resolve_scenario(path) if path is not None else default_scenario_path()
        )
    except ScenarioError as e:
        for p in e.problems[:MOST_TOLD]:  # each problem on its line, whatever its file's name
            fail(str(p))
        if (more := len(e.problems) - MOST_TOLD) > 0:  # its first fifty, and how many more
            fail(f"… and {more:,} more problem{'s' if more != 1 else ''} in the file")
        raise SystemExit(2) from None


def game_missing() -> str | None:
    """Why the game's window cannot open here (its libraries missing), or None."""
    import importlib.util

    missing = [m for m in ("pygame", "pygame_gui") if importlib.util.find_spec(m) is None]
    if missing:
        return f"the game needs pygame-ce and pygame_gui (missing: {', '.join(missing)})"
    return None


class Progress:
    """A progress bar (done, rate, time left) for work that reports (done, total).

    Work in parts (a report replays the game, then plays it by the book) names
    each part with :meth:`stage`; the bar starts again from zero under that name.
    Shown only on a terminal, so piped or captured output stays clean.
    """

    def __init__(self, unit: str = "run", desc: str = "playing") -> None:
        self.bar: Any = None
        self.unit = unit
        self.desc = desc
        self.shown = sys.stderr.isatty()

    def stage(self, what: str, counted: bool = True) -> None:
        """The part of the work now under way; ``counted=False``: one whose steps are
        not counted (only its name is shown)."""
        self.desc = what
        if self.bar is not None:
            self.bar.set_description(what, refresh=False)
            self.bar.bar_format = None if counted else "{desc}"
            self.bar.reset()

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=self.unit, desc=self.desc, leave=False)
        if self.bar.total != total:
            self.bar.reset(total=total)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def add_scenario(parser: argparse.ArgumentParser, help: str | None = None, **options: Any) -> None:
    """``--scenario PATH``: a scenario file or shipped scenario name."""
    help = help or "a scenario file, or the name of a shipped one (see: salesim scenarios)"
    parser.add_argument("--scenario", metavar="PATH", help=help, **options)


def add_policy(parser: argparse.ArgumentParser, help: str | None = None, **options: Any) -> None:
    """``--policy NAME``: a built-in policy, or one of your own."""
    help = help or "a built-in policy (see: salesim policies) or module:Class / file.py:Class"
    parser.add_argument("--policy", metavar="NAME", help=help, **options)


def add_lang(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--lang``: the language of what the command shows or writes (default: en)."""
    help = help or "language of what is shown or written: en, zh, or any with a catalog"
    parser.add_argument(
        "--lang", type=lang_code, default="en", metavar="CODE", help=f"{help} (default: en)"
    )


def add_seed(
    parser: argparse.ArgumentParser,
    help: str | None = None,
    *,
    default: int | None = 1,
    metavar: str = "S",
) -> None:
    """``--seed``: the random seed (of a sequence of runs, the first)."""
    help = help or "the random seed (of a sequence of runs, the first)"
    if default is not None and "default" not in help:
        help += " (default: %(default)s)"
    parser.add_argument("--seed", type=seed_value, default=default, metavar=metavar, help=help)


def add_jobs(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--jobs J``: how many processes play runs at once (default: all cores)."""
    help = help or "worker processes (default: all cores)"
    parser.add_argument("--jobs", type=positive_count, default=None, metavar="J", help=help)


def add_timeout(parser: argparse.ArgumentParser) -> None:
    """``--timeout SECONDS``: a run taking longer is stopped and counted failed."""
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="a run taking longer is stopped and recorded as failed (default: %(default)g; "
        "a year plays in about a second)",
    )


def add_out(
    parser: argparse.ArgumentParser,
    help: str | None = None,
    *,
    metavar: str = "DIR",
    **options: Any,
) -> None:
    """``--out``: where the command writes (a folder unless ``metavar`` says FILE)."""
    help = help or "the folder to write into (made if missing)"
    parser.add_argument("--out", metavar=metavar, help=help, **options)


def out_problem(value: str | None) -> str | None:
    """Why ``--out`` cannot be the folder a command writes into, in words (None: it can).

    A folder not there yet is made by the command when it first writes into it, not
    here: a command refused after this check (a damaged save, a wrong option) leaves
    no empty folder behind. So for a new folder, the nearest folder above it that
    exists is the one that must take it."""
    if value is None:
        return None
    if not value.strip():  # Path("") is the current folder: never what was meant
        return "--out is empty: name the folder to write into"
    path = Path(value)
    if path.exists() and not path.is_dir():
        return f"--out {value}: a file is in the way; give a folder"
    if path.is_dir():
        if not os.access(path, os.W_OK | os.X_OK):
            return f"--out {value}: this folder cannot be written to"
        return None
    above = path.absolute().parent
    while not above.exists():
        above = above.parent
    if not above.is_dir():
        return f"--out {value}: cannot make this folder ({above} is a file)"
    if not os.access(above, os.W_OK | os.X_OK):
        return f"--out {value}: cannot make this folder (permission denied in {above})"
    return None


def add_baseline(
    parser: argparse.ArgumentParser, help: str | None = None, default: str | None = "by_the_book"
) -> None:
    """``--baseline NAME``: the policy others are compared against (``default=None``: the
    command tells a baseline given from none, and picks one itself)."""
    parser.add_argument("--baseline", default=default, metavar="NAME", help=help)


def add_save(parser: argparse.ArgumentParser) -> None:
    """The ``SAVE`` argument: a saved game's file."""
    parser.add_argument(
        "save", metavar="SAVE", help="a saved game: the game's save, or salesim run --save's"
    )
