"""The report's charts: matplotlib (Agg) PNGs, labelled in the report's language.

Chinese labels need a CJK typeface: a subset of Noto Sans SC ships in
``assets/fonts`` (with its licence) and is registered with matplotlib. Lines
differ by style as well as colour, so a chart printed in black and white
still reads.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..outputs import save_png
from ..palette import palette
from ..paths import data_dir
from ..texts import tr

_P = palette()
INK = _P.ink
YOU = _P.accent
BOOK = _P.warn
TARGET = _P.muted
GOOD = _P.good
BAD = _P.bad


CJK_FONT = "NotoSansSC-Regular-subset.otf"


def money_unit(lang: str) -> float:
    """What one unit of a money axis is worth: a million in English, 万 (ten thousand) in
    Chinese, as the text around the chart counts money."""
    return 1e4 if lang == "zh" else 1e6


def money_axis(lang: str) -> str:
    return tr(lang, "quota.unit") if lang == "zh" else tr(lang, "report.millions")


def cjk_font_file() -> Path | None:
    """The Chinese typeface shipped in ``assets/fonts`` (None if the assets are missing)."""
    path = data_dir("assets", "SALESIM_ASSETS") / "fonts" / CJK_FONT
    return path if path.exists() else None


@lru_cache(maxsize=1)
def _cjk_font() -> str | None:
    """Register Noto Sans SC with matplotlib; its family name, or None if not found."""
    from matplotlib import font_manager

    path = cjk_font_file()
    if path is None:
        return None
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def pyplot(lang: str) -> Any:
    """matplotlib's pyplot on the Agg backend, with a typeface for ``lang``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = _cjk_font() if lang == "zh" else None
    plt.rcParams["font.family"] = [family, "sans-serif"] if family else ["sans-serif"]
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["text.parse_math"] = False  # a scenario's words are text, never math
    return plt


def _save(fig: Any, path: Path) -> Path:
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    save_png(fig, path, dpi=100)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return path


def _figure(plt: Any, height: float, width: float = 8) -> tuple[Any, Any]:
    """A chart whose layout leaves room outside the axes for the legend."""
    return plt.subplots(figsize=(width, height), layout="constrained")


def _legend(fig: Any, *axes: Any, **kw: Any) -> Any:
    """One legend for the lines of every axis of a chart, below it, outside the data
    (a legend inside the axes hides the weeks it covers)."""
    handles: list[Any] = []
    labels: list[str] = []
    for ax in axes:
        h, lab = ax.get_legend_handles_labels()
        handles += h
        labels += lab
    kw.setdefault("ncols", len(handles))
    return fig.legend(handles, labels, loc="outside lower center", frameon=False, **kw)


def revenue(
    path: Path,
    lang: str,
    you: list[float],
    target: list[float],
    book: list[float] | None = None,
) -> Path:
    """Cumulative revenue: you (solid), the target (dotted), the handbook's game (dashed)."""
    plt = pyplot(lang)
    unit = money_unit(lang)
    fig, ax = _figure(plt, 3.9)
    weeks = list(range(1, len(you) + 1))
    ax.plot(weeks, [v / unit for v in you], color=YOU, lw=2.2, label=tr(lang, "debrief.you"))
    ax.plot(
        range(1, len(target) + 1),
        [v / unit for v in target],
        color=TARGET,
        lw=1.5,
        ls=":",
        label=tr(lang, "report.target"),
    )
    if book:
        ax.plot(
            range(1, len(book) + 1),
            [v / unit for v in book],
            color=BOOK,
            lw=1.6,
            ls="--",
            label=tr(lang, "debrief.book"),
        )
    ax.set_xlabel(tr(lang, "report.week"))
    ax.set_ylabel(money_axis(lang))
    ax.set_title(tr(lang, "chart.revenue"))
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    _legend(fig, ax)
    return _save(fig, path)


def people(
    path: Path, lang: str, mood: list[float], true_mood: list[float], headcount: list[int]
) -> Path:
    """The team's mood as the manager read it and as it was, with the headcount."""
    plt = pyplot(lang)
    fig, ax = _figure(plt, 3.9)
    weeks = list(range(1, len(mood) + 1))
    ax.plot(weeks, mood, color=GOOD, lw=2.2, label=tr(lang, "report.mood_seen"))
    ax.plot(weeks, true_mood, color=INK, lw=1.2, ls="--", label=tr(lang, "report.mood_true"))
    ax.set_ylim(0, 1)
    ax.set_xlabel(tr(lang, "report.week"))
    ax.set_ylabel(tr(lang, "report.mood"))
    ax.grid(alpha=0.3)
    ax2 = ax.twinx()
    ax2.step(weeks, headcount, where="post", color=BAD, lw=1.2, label=tr(lang, "report.headcount"))
    ax2.set_ylim(0, max([*headcount, 1]) * 1.4)
    from matplotlib.ticker import MaxNLocator

    ax2.yaxis.set_major_locator(MaxNLocator(integer=True))  # people come whole
    ax2.set_ylabel(tr(lang, "report.headcount"))
    _legend(fig, ax, ax2)
    ax.set_title(tr(lang, "report.people_chart"))
    return _save(fig, path)


def pipeline(
    path: Path, lang: str, shown: list[float], true: list[float], unhealthy: list[float]
) -> Path:
    """The funnel's value as reported and as it truly was, and its unhealthy share."""
    plt = pyplot(lang)
    unit = money_unit(lang)
    fig, ax = _figure(plt, 3.9)
    weeks = list(range(1, len(shown) + 1))
    ax.plot(weeks, [v / unit for v in shown], color=YOU, lw=2, label=tr(lang, "report.pipe_shown"))
    ax.plot(
        weeks,
        [v / unit for v in true],
        color=INK,
        lw=1.2,
        ls="--",
        label=tr(lang, "report.pipe_true"),
    )
    ax.set_xlabel(tr(lang, "report.week"))
    ax.set_ylabel(money_axis(lang))
    ax.set_ylim(bottom=0)  # the gap between the lines read against the whole, not magnified
    ax.grid(alpha=0.3)
    ax2 = ax.twinx()
    ax2.plot(
        weeks,
        [100 * u for u in unhealthy],
        color=BAD,
        lw=1,
        ls=":",
        label=tr(lang, "report.unhealthy"),
    )
    ax2.set_ylim(0, 100)
    ax2.set_ylabel("%")
    _legend(fig, ax, ax2)
    ax.set_title(tr(lang, "report.pipeline_chart"))
    return _save(fig, path)


def scores(path: Path, lang: str, totals: list[float], book: list[float]) -> Path:
    """The group's totals, one dot a player, against the handbook on the same seeds."""
    plt = pyplot(lang)
    fig, ax = _figure(plt, 3.5)
    ax.hist(
        totals,
        bins=[x * 5 for x in range(21)],
        color=YOU,
        alpha=0.75,
        label=tr(lang, "report.players"),
    )
    if book:
        mean_book = sum(book) / len(book)
        ax.axvline(mean_book, color=BOOK, ls="--", lw=2, label=tr(lang, "debrief.book"))
    ax.set_xlim(0, 100)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(tr(lang, "score.total"))
    ax.set_ylabel(tr(lang, "report.players"))
    ax.grid(alpha=0.3, axis="y")
    _legend(fig, ax)
    ax.set_title(tr(lang, "report.distribution"))
    return _save(fig, path)


def lessons_grid(
    path: Path, lang: str, players: list[str], lessons: list[str], status: list[list[str]]
) -> Path:
    """Who followed which lesson: a grid, with a mark in each cell (not colour alone)."""
    plt = pyplot(lang)
    # the debrief's marks, in its colours (a mark in each cell, not colour alone)
    marks = {
        "followed": ("✓", GOOD),
        "partly": ("≈", BOOK),
        "missed": ("×", BAD),
        "untested": ("–", TARGET),
    }
    h = max(2.7, 0.32 * len(players) + 1.5)
    fig, ax = _figure(plt, h, width=9)
    for i, row in enumerate(status):
        for j, st in enumerate(row):
            mark, colour = marks.get(st, ("?", INK))
            ax.text(j, i, mark, ha="center", va="center", color=colour, fontsize=12)
    ax.set_xticks(range(len(lessons)), lessons, fontsize=8)
    ax.set_yticks(range(len(players)), players, fontsize=8)
    ax.set_xlim(-0.5, len(lessons) - 0.5)
    ax.set_ylim(len(players) - 0.5, -0.5)
    ax.grid(alpha=0.15)
    ax.set_title(tr(lang, "report.grid"))
    # the key to the marks: each label is the debrief's own ("✓ followed"), in its colour
    from matplotlib.lines import Line2D

    keys = [k for k in marks if any(k in row for row in status)] or list(marks)
    legend = fig.legend(
        [Line2D([], [], ls="none") for _ in keys],
        [tr(lang, f"debrief.{k}") for k in keys],
        loc="outside lower center",
        ncols=len(keys),
        frameon=False,
        handlelength=0,
        handletextpad=0,
    )
    for text, k in zip(legend.get_texts(), keys, strict=True):
        text.set_color(marks[k][1])
    return _save(fig, path)
