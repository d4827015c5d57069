"""Comparing policies from a batch folder: intervals, paired differences, plots, a report.

For each scenario and parameter point, every policy's mean and 95% interval of
the total and of each scorecard component; then each policy against a
baseline (``by_the_book`` unless told otherwise), paired seed by seed, since
run *i* of every policy shared its seed. A plain verdict line says what the
difference means. Plots (PNG) show the distribution of totals per policy, the
component breakdown and, for sweeps, how the total responds to each swept
parameter; ``report.html`` holds all of it in one self-contained file.
"""

from __future__ import annotations

import base64
import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..files import InputError
from ..outputs import HTML_MARK, save_png, write_bytes
from ..palette import palette
from ..scoring import COMPONENTS
from ..wording import counted
from .runs import MOST_RUNS
from .stats import Interval, mean_ci, paired_difference
from .store import (
    MANIFEST,
    Journal,
    StoreError,
    is_missing,
    manifest_problem,
    read_manifest,
    read_table,
)

METRICS = ("total", *(f"score.{c}" for c in COMPONENTS))


@dataclass
class Cell:
    """One scenario × parameter point: the runs of each policy, by seed."""

    scenario: str
    point: int
    label: str
    params: dict[str, float]
    runs: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)  # policy → seed → row
    failed: dict[str, int] = field(default_factory=dict)

    def values(self, policy: str, metric: str) -> np.ndarray:
        rows = self.runs.get(policy, {})
        return np.array([rows[s][metric] for s in sorted(rows)], dtype=float)


@dataclass
class Comparison:
    folder: Path
    baseline: str
    policies: list[str]
    cells: list[Cell]
    stats: dict[tuple[int, str, str], Interval]  # (cell, policy, metric) → mean and CI
    gaps: dict[tuple[int, str], Interval]  # (cell, policy) → policy − baseline, paired
    manifest: dict[str, Any]

    def verdict(self, i: int, policy: str) -> str:
        g = self.gaps[(i, policy)]
        if g.n < 2:
            return f"{policy}: too few paired runs to compare with {self.baseline}"
        if g.lo > 0:
            return (
                f"{policy} scores {g.mean:.1f} higher than {self.baseline} [{g.lo:.1f}, {g.hi:.1f}]"
            )
        if g.hi < 0:
            return (
                f"{policy} scores {-g.mean:.1f} lower than {self.baseline} "
                f"[{-g.hi:.1f}, {-g.lo:.1f}]"
            )
        return (
            f"{policy} and {self.baseline} are not clearly different: "
            f"{g.mean:+.1f} [{g.lo:+.1f}, {g.hi:+.1f}]"
        )


class CompareError(ValueError):
    pass


def load(folder: str | Path, baseline: str = "by_the_book") -> Comparison:
    """Read a batch folder and compute every interval and paired difference."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CompareError(f"{folder}: this is a file, not a batch's folder (salesim batch --out)")
    if not folder.is_dir():
        raise CompareError(f"{folder}: no such folder")
    try:
        manifest = read_manifest(folder / MANIFEST)
    except InputError as e:
        if not (folder / MANIFEST).exists():
            raise CompareError(f"{folder} holds no batch (no {MANIFEST})") from None
        raise CompareError(f"{folder / MANIFEST} cannot be read: {e}") from None
    except StoreError as e:
        raise CompareError(f"{folder / MANIFEST} cannot be read: {e}") from None
    problem = manifest_problem(manifest)
    if problem is not None:
        raise CompareError(f"{folder / MANIFEST} cannot be used: {problem}")
    written = any((folder / f"runs.{kind}").exists() for kind in ("parquet", "csv"))
    try:
        rows = (
            read_table(folder, "runs", most_rows=MOST_RUNS)
            if written or not _journalled(folder)
            else []
        )
    except StoreError as e:
        raise CompareError(str(e)) from None
    if not rows:
        if done := _journalled(folder):
            # stopped before its tables were written: the journal keeps every run
            raise CompareError(
                f"{folder}: its tables were not written yet, but its journal holds "
                f"{counted(done, 'finished run')}; run the same salesim batch command again "
                "to finish the batch and write the tables"
            )
        raise CompareError(f"{folder} holds no finished runs yet")
    if (problem := _rows_problem(rows)) is not None:
        table = folder / ("runs.parquet" if (folder / "runs.parquet").exists() else "runs.csv")
        again = (
            "; run the same salesim batch command again to write it anew from the batch's journal"
            if (folder / "journal.jsonl").exists()
            else ""
        )
        raise CompareError(f"{table} is not a table salesim batch wrote: {problem}{again}")
    policies = list(manifest.get("policies") or sorted({r["policy"] for r in rows}))
    if baseline not in policies:
        raise CompareError(
            f"the baseline {baseline!r} is not in this batch ({', '.join(policies)}); "
            "choose one with --baseline"
        )
    labels = {p["point"]: (p["label"], p["params"]) for p in manifest.get("points", [])}
    cells: dict[tuple[str, int], Cell] = {}
    for r in rows:
        key = (r["scenario"], int(r["point"]))
        if key not in cells:
            lab, params = labels.get(key[1], (str(key[1]), {}))
            cells[key] = Cell(key[0], key[1], lab, params)
        cell = cells[key]
        if r.get("status") != "ok" or is_missing(r.get("total")):
            cell.failed[r["policy"]] = cell.failed.get(r["policy"], 0) + 1
            continue
        cell.runs.setdefault(r["policy"], {})[int(r["seed"])] = r
    ordered = [cells[k] for k in sorted(cells)]
    stats: dict[tuple[int, str, str], Interval] = {}
    gaps: dict[tuple[int, str], Interval] = {}
    for i, cell in enumerate(ordered):
        for p in policies:
            for m in METRICS:
                stats[(i, p, m)] = mean_ci(cell.values(p, m))
        base = cell.runs.get(baseline, {})
        for p in policies:
            if p == baseline:
                continue
            mine = cell.runs.get(p, {})
            seeds = sorted(set(base) & set(mine))
            a = np.array([mine[s]["total"] for s in seeds], dtype=float)
            b = np.array([base[s]["total"] for s in seeds], dtype=float)
            gaps[(i, p)] = paired_difference(a, b)
    return Comparison(folder, baseline, policies, ordered, stats, gaps, manifest)


# the columns every run's row has, and those that hold whole numbers
KEYS = ("scenario", "point", "policy", "seed", "status")
WHOLE = ("point", "seed")


def _rows_problem(rows: list[dict[str, Any]]) -> str | None:
    """What makes a runs table unusable for a comparison, in words (None: nothing).

    A table edited or written by another program may lack a column or hold text where
    numbers belong; told here, not as a KeyError or a float() traceback further on."""
    for name in (*KEYS, "total"):  # (a table of an older version may lack a component)
        if name not in rows[0]:
            return f"it has no {name!r} column"
    for r in rows:
        for name in KEYS:
            if name not in r:
                return f"run {r.get('run', '?')} has no {name!r}"
        for name in WHOLE:
            v = r[name]
            whole = isinstance(v, int | float) and math.isfinite(v) and v == int(v)
            if isinstance(v, bool) or not whole:
                return f"its {name!r} column holds {v!r:.40}, where whole numbers belong"
        if r["status"] != "ok":
            continue
        for name in METRICS:
            v = r.get(name)
            if is_missing(v):
                continue
            if isinstance(v, bool) or not isinstance(v, int | float):
                return f"its {name!r} column holds {v!r:.40}, where numbers belong"
            if not math.isfinite(v):  # no run scores an infinity
                return f"its {name!r} column holds {v!r}, where finite numbers belong"
    return None


def _journalled(folder: Path) -> int:
    """How many finished runs a batch folder's journal holds (read a line at a time)."""
    try:
        return len({entry["key"] for entry in Journal(folder).each()})
    except (OSError, ValueError, TypeError, KeyError):  # a journal damaged past reading
        return 0


def text(cmp: Comparison) -> str:
    """The comparison as plain text, one block per scenario and point.

    Each cell reads ``mean ±half-width`` of the 95% interval (clipped to the
    0–100 scale the scores live on).
    """
    out = []
    man = cmp.manifest
    done, total = man.get("finished_runs"), man.get("total_runs")
    short = isinstance(done, int) and isinstance(total, int) and done < total
    if man.get("status") == "interrupted" or short:
        # a batch stopped part-way compares what it has: said first, as the page says it
        out += [
            f"A partial batch (stopped): {done if done is not None else '?'} of "
            f"{total if total is not None else '?'} runs finished. The same batch command "
            "finishes it.",
            "",
        ]
    names = [m.removeprefix("score.") for m in METRICS]
    width = max(12, *(len(n) + 1 for n in names))
    pw = max(8, *(len(p) + 2 for p in cmp.policies))
    for i, cell in enumerate(cmp.cells):
        out.append(f"{cell.scenario} — {cell.label}")
        head = "".join(f"{n:>{width}}" for n in names)
        out.append(f"  {'policy':<{pw}}{'runs':>5}{head}")
        for p in cmp.policies:
            s = [clipped(cmp.stats[(i, p, m)]) for m in METRICS]
            n = s[0].n
            line = f"  {p:<{pw}}{n:>5}"
            for iv in s:
                half = max(iv.hi - iv.mean, iv.mean - iv.lo)
                line += f"{f'{iv.mean:.1f} ±{half:.1f}':>{width}}" if n else f"{'—':>{width}}"
            if cell.failed.get(p):
                line += f"  ({cell.failed[p]} failed)"
            out.append(line)
        others = [p for p in cmp.policies if p != cmp.baseline]
        if others:
            out.append(f"  paired with {cmp.baseline} by seed (95% intervals):")
            out += ["    " + cmp.verdict(i, p) for p in others]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def clipped(iv: Interval) -> Interval:
    """An interval of a score kept on the 0–100 scale."""
    return Interval(iv.mean, max(0.0, iv.lo), min(100.0, iv.hi), iv.n)


# ------------------------------------------------------------------ plots
MAX_CELL_PLOTS = 12  # beyond this many scenario × point cells, plots pool each scenario's points


def _file_part(text: str) -> str:
    """Words for a file's name: letters, digits, dots and dashes ("lead_rate=0.8" →
    "lead_rate-0.8"), so the file says what it shows on any system."""
    return re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip("-") or "x"


def _groups(cmp: Comparison) -> list[tuple[str, str, list[int]]]:
    """(file tag, title, cells) for each set of charts; a file is named by the scenario
    and the values it shows (``distribution_tutorial_market.lead_rate-0.8.png``)."""
    cells = cmp.cells
    if len(cells) <= MAX_CELL_PLOTS:
        if len(cells) == 1:
            return [("", f"{cells[0].scenario}, {cells[0].label}", [0])]
        out: list[tuple[str, str, list[int]]] = []
        used: set[str] = set()
        for i, c in enumerate(cells):
            values = "_".join(_file_part(f"{k}={v:g}") for k, v in sorted(c.params.items()))
            tag = f"_{_file_part(c.scenario)}" + (f"_{values}" if values else "")
            if tag in used:  # two points that print alike: told apart by their number
                tag += f"_{c.point}"
            used.add(tag)
            out.append((tag, f"{c.scenario}, {c.label}", [i]))
        return out
    out = []
    for scenario in sorted({c.scenario for c in cells}):
        members = [i for i, c in enumerate(cells) if c.scenario == scenario]
        out.append((f"_{_file_part(scenario)}", f"{scenario}, all {len(members)} points", members))
    return out


def _pooled(cmp: Comparison, members: list[int], policy: str, metric: str) -> np.ndarray:
    parts = [cmp.cells[i].values(policy, metric) for i in members]
    return np.concatenate(parts) if parts else np.array([])


def plots(cmp: Comparison, out: Path) -> list[Path]:
    """Write the PNG charts; their paths (the caption of each is in ``captions``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # names come from users (scenarios, policies, fields): "$" in one is text, not math
    plt.rcParams["text.parse_math"] = False

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for tag, title, members in _groups(cmp):
        fig, ax = plt.subplots(figsize=(8, 4.8), layout="constrained")
        data = [_pooled(cmp, members, p, "total") for p in cmp.policies]
        box = ax.boxplot(data, showmeans=True)
        ax.set_xticks(range(1, len(cmp.policies) + 1), cmp.policies, rotation=20, ha="right")
        ax.set_ylabel("total score")
        ax.set_ylim(0, 100)
        ax.set_title(f"Total score by policy — {title}")
        ax.grid(axis="y", alpha=0.3)
        _box_key(fig, box)
        path = out / f"distribution{tag}.png"
        save_png(fig, path, dpi=100)
        plt.close(fig)
        written.append(path)
        CAPTIONS[path.name] = f"Total score by policy (box: quartiles; triangle: mean) — {title}"

        fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
        width = 0.8 / max(1, len(cmp.policies))
        x = np.arange(len(COMPONENTS))
        for k, p in enumerate(cmp.policies):
            ivs = [clipped(mean_ci(_pooled(cmp, members, p, f"score.{c}"))) for c in COMPONENTS]
            means = [iv.mean for iv in ivs]
            errs = [[iv.mean - iv.lo for iv in ivs], [iv.hi - iv.mean for iv in ivs]]
            ax.bar(x + k * width, means, width, yerr=errs, label=p, capsize=2)
        ax.set_xticks(x + 0.4 - width / 2, COMPONENTS)
        ax.set_ylabel("component score (mean, 95% CI)")
        ax.set_ylim(0, 100)
        fig.legend(fontsize=8, ncols=min(4, len(cmp.policies)), loc="outside lower center")
        ax.set_title(f"Scorecard components — {title}")
        path = out / f"components{tag}.png"
        save_png(fig, path, dpi=100)
        plt.close(fig)
        written.append(path)
        CAPTIONS[path.name] = f"Scorecard components by policy (mean, 95% interval) — {title}"
    written += _sweep_plots(cmp, out, plt)
    return written


CAPTIONS: dict[str, str] = {}  # file name → what the chart shows, for the report


def _box_key(fig: Any, box: dict[str, list[Any]]) -> None:
    """The key to a box plot's marks, below it: every mark a reader sees is named."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    mean, median = box["means"][0], box["medians"][0]
    flier = box["fliers"][0]
    handles = [
        Line2D([], [], ls="none", marker=mean.get_marker(), color=mean.get_markerfacecolor()),
        Line2D([], [], color=median.get_color()),
        Patch(facecolor="none", edgecolor=box["boxes"][0].get_color()),
        Line2D([], [], color=box["whiskers"][0].get_color()),
        Line2D(
            [],
            [],
            ls="none",
            marker=flier.get_marker(),
            color=flier.get_markeredgecolor(),
            markerfacecolor="none",
        ),
    ]
    labels = [
        "mean",
        "median",
        "middle half of the runs",
        "whiskers: the rest, up to 1.5 boxes",
        "runs beyond the whiskers",
    ]
    fig.legend(handles, labels, loc="outside lower center", ncols=5, fontsize=8, frameon=False)


def _sweep_plots(cmp: Comparison, out: Path, plt: Any) -> list[Path]:
    """How the total responds to each swept field, per policy.

    A grid sweep shows the mean and interval at each value; a Latin
    hypercube (every point its own value) shows each run and the mean over
    five bins of the field. Other fields vary too in a hypercube, so read its
    curves as trends, not as effects of one field alone.
    """
    keys = sorted({k for c in cmp.cells for k in c.params})
    written = []
    for scenario in sorted({c.scenario for c in cmp.cells}):
        cells = [c for c in cmp.cells if c.scenario == scenario]
        for key in keys:
            values = sorted({c.params[key] for c in cells if key in c.params})
            if len(values) < 2:
                continue
            grid = len(values) < len(cells) or len(cells) <= 8
            fig, ax = plt.subplots(figsize=(7, 4.8), layout="constrained")
            for p in cmp.policies:
                if grid:
                    xs, ys, lo, hi = [], [], [], []
                    for v in values:
                        parts = [c.values(p, "total") for c in cells if c.params.get(key) == v]
                        totals = np.concatenate(parts) if parts else np.array([])
                        if len(totals):
                            iv = clipped(mean_ci(totals))
                            xs.append(v)
                            ys.append(iv.mean)
                            lo.append(iv.mean - iv.lo)
                            hi.append(iv.hi - iv.mean)
                    ax.errorbar(xs, ys, yerr=[lo, hi], marker="o", capsize=3, label=p)
                else:
                    pts = [
                        (c.params[key], t)
                        for c in cells
                        if key in c.params
                        for t in c.values(p, "total")
                    ]
                    if not pts:
                        continue
                    x = np.array([q[0] for q in pts])
                    y = np.array([q[1] for q in pts])
                    line = ax.scatter(x, y, s=8, alpha=0.35)
                    edges = np.quantile(x, np.linspace(0, 1, 6))
                    idx = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, 4)
                    bx = [x[idx == b].mean() for b in range(5) if (idx == b).any()]
                    by = [y[idx == b].mean() for b in range(5) if (idx == b).any()]
                    ax.plot(bx, by, marker="o", color=line.get_facecolor()[0], alpha=1, label=p)
            ax.set_xlabel(key)
            if all(float(v).is_integer() for v in values):  # a whole-number field
                from matplotlib.ticker import MaxNLocator

                ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylabel("total score" + (" (mean, 95% CI)" if grid else ""))
            ax.set_ylim(0, 100)
            ax.set_title(f"Response to {key} — {scenario}")
            ax.grid(alpha=0.3)
            handles, labels = ax.get_legend_handles_labels()
            if not grid:  # the dots and the line of a hypercube named too
                from matplotlib.lines import Line2D

                handles += [
                    Line2D([], [], ls="none", marker="o", ms=3, color="grey", alpha=0.5),
                    Line2D([], [], marker="o", color="grey"),
                ]
                labels += ["one run", "mean over a fifth of the range"]
            fig.legend(handles, labels, fontsize=8, loc="outside lower center", ncols=4)
            path = out / f"sweep_{_file_part(scenario)}_{_file_part(key.replace('*', 'all'))}.png"
            save_png(fig, path, dpi=100)
            plt.close(fig)
            written.append(path)
            CAPTIONS[path.name] = f"Total score against {key} — {scenario}" + (
                "" if grid else " (each run, and means over five bins; other fields vary too)"
            )
    return written


# ------------------------------------------------------------------ report
def report_html(cmp: Comparison, images: list[Path], out: Path) -> Path:
    """One self-contained HTML file: tables, verdicts and the charts inlined."""
    m = cmp.manifest
    c = palette()
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{HTML_MARK.decode()}",
        "<title>salesim batch report</title><style>",
        f"body{{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;color:{c.ink}}}",
        f"table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid {c.border};",
        "padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}",
        f".lower{{color:{c.bad}}}.higher{{color:{c.good}}}img{{max-width:100%}}",
        # a mean and its interval stay on one line; a wide table scrolls, never wraps
        ".wide{overflow-x:auto}td{white-space:nowrap}.pm{color:#666;font-size:.85em}",
        "</style></head><body>",
        "<h1>Batch report</h1>",
        f"<p>{counted(len(m.get('seeds', [])), 'seed')} per policy and point "
        "(common random numbers); "
        f"{m.get('finished_runs', '?')} of {m.get('total_runs', '?')} runs finished, "
        f"{m.get('failed_runs', 0)} failed. Baseline: <b>{html.escape(cmp.baseline)}</b>. "
        f"Status: {html.escape(str(m.get('status', '?')))}.</p>",
        f"<p>Command: <code>{html.escape(' '.join(m.get('command', [])))}</code></p>",
    ]
    for i, cell in enumerate(cmp.cells):
        parts.append(f"<h2>{html.escape(cell.scenario)} — {html.escape(cell.label)}</h2>")
        # a row per measure, a column per policy: the intervals fit at 1280 px for
        # up to seven policies (more scroll sideways, never wrap)
        parts.append("<div class='wide'><table><tr><th></th>")
        parts += [f"<th>{html.escape(p)}</th>" for p in cmp.policies]
        parts.append("</tr><tr><td>runs</td>")
        parts += [f"<td>{cmp.stats[(i, p, 'total')].n}</td>" for p in cmp.policies]
        parts.append("</tr>")
        for mm in METRICS:
            parts.append(f"<tr><td>{html.escape(mm.removeprefix('score.'))}</td>")
            for p in cmp.policies:
                iv = clipped(cmp.stats[(i, p, mm)])
                cell_text = (
                    f"{iv.mean:.1f} <span class='pm'>[{iv.lo:.1f}, {iv.hi:.1f}]</span>"
                    if iv.n
                    else "—"
                )
                parts.append(f"<td>{cell_text}</td>")
            parts.append("</tr>")
        parts.append(
            "</table></div><p class='pm'>Each cell: the mean, and its 95% interval "
            "in brackets (kept within 0–100).</p><ul>"
        )
        for p in cmp.policies:
            if p == cmp.baseline:
                continue
            g = cmp.gaps[(i, p)]
            css = "lower" if g.hi < 0 else "higher" if g.lo > 0 else ""
            parts.append(f"<li class='{css}'>{html.escape(cmp.verdict(i, p))}</li>")
        parts.append("</ul>")
    for img in images:
        data = base64.b64encode(img.read_bytes()).decode("ascii")
        parts.append(
            f"<figure><img alt='{html.escape(img.stem)}' src='data:image/png;base64,{data}'>"
            f"<figcaption>{html.escape(CAPTIONS.get(img.name, img.name))}</figcaption></figure>"
        )
    parts.append("</body></html>")
    return write_bytes(out / "report.html", "\n".join(parts).encode("utf-8"))
