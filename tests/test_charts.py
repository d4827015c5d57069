"""The charts of the reports and of `compare` read right: every legend outside the
data it would hide, money axes from zero, whole-number fields on whole-number ticks,
every mark named, files named by what they show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from simulator.analysis.batch import Batch
from simulator.analysis.compare import load, plots, report_html
from simulator.analysis.design import factorial, parse_sweep
from simulator.cli import main
from simulator.scenario import scenarios_dir


@pytest.fixture
def drawn(monkeypatch) -> dict[str, dict]:
    """What each chart saved to a file shows: its legends' words and whether any lies
    over the data, each axis's limits and ticks."""
    seen: dict[str, dict] = {}
    real = Figure.savefig

    def savefig(self, fname, *args, **kw):
        real(self, fname, *args, **kw)  # drawn: every extent is known
        r = self.canvas.get_renderer()
        legends = [*self.legends, *(a.get_legend() for a in self.axes if a.get_legend())]
        name = Path(fname).name
        if name.startswith(".") and name.endswith(".tmp"):  # written beside, then renamed
            name = name[1:].rsplit(".", 2)[0]
        seen[name] = {
            "over_data": any(
                leg.get_window_extent(r).overlaps(a.get_window_extent(r))
                for leg in legends
                for a in self.axes
            ),
            "legend": [t.get_text() for leg in legends for t in leg.get_texts()],
            "ylim": [a.get_ylim() for a in self.axes],
            "xticks": [list(a.get_xticks()) for a in self.axes],
        }

    monkeypatch.setattr(Figure, "savefig", savefig)
    return seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_trainers_charts_keep_legends_off_the_data_and_money_from_zero(tmp_path, drawn, lang):
    saves = []
    for i, policy in enumerate(("by_the_book", "hands_off")):
        save = tmp_path / f"{policy}.json"
        args = ["run", "--scenario", "tutorial", "--policy", policy, "--seed", str(i + 1)]
        assert main([*args, "--quiet", "--save", str(save)]) == 0
        saves.append(str(save))
    # on one process: the charts are read where they are drawn
    out = ["--out", str(tmp_path / "class"), "--lang", lang, "--jobs", "1"]
    assert main(["class", *saves, *out]) == 0
    for name in ("revenue.png", "pipeline.png", "people.png", "scores.png", "lessons.png"):
        chart = drawn[name]
        assert chart["legend"] and not chart["over_data"], name
    # the funnel's gap and the revenue read against the whole amount, not magnified
    assert drawn["pipeline.png"]["ylim"][0][0] == 0 and drawn["revenue.png"]["ylim"][0][0] == 0
    # the grid's marks are keyed with the debrief's own words
    followed = "✓ followed" if lang == "en" else "✓ 做到了"
    assert followed in drawn["lessons.png"]["legend"]


def test_compare_charts_are_named_by_value_and_every_mark_is_keyed(tmp_path, drawn):
    folder = tmp_path / "batch"
    Batch(
        folder,
        [scenarios_dir() / "tutorial.yaml"],
        ["by_the_book", "hands_off"],
        runs=2,
        points=factorial([parse_sweep("support.presales=1,2,3")]),
        jobs=1,
    ).run(progress=False)
    cmp = load(folder)
    images = plots(cmp, tmp_path / "plots")
    names = {p.name for p in images}
    assert "distribution_tutorial_support.presales-2.png" in names
    assert "sweep_tutorial_support.presales.png" in names
    for name in names:
        assert not drawn[name]["over_data"], name
    # a box plot names its triangle, its line, its box and its circles
    box = drawn["distribution_tutorial_support.presales-1.png"]["legend"]
    assert {"mean", "median", "middle half of the runs", "runs beyond the whiskers"} <= set(box)
    # pre-sales engineers come whole: no tick at 1.5 or 2.5
    ticks = drawn["sweep_tutorial_support.presales.png"]["xticks"][0]
    assert ticks and all(float(t).is_integer() for t in ticks)
    # the report's tables: a mean and its interval in one cell that never wraps
    page = report_html(cmp, images, tmp_path).read_text(encoding="utf-8")
    assert "td{white-space:nowrap}" in page
    assert re.search(r"<td>\d+\.\d <span class='pm'>\[\d+\.\d, \d+\.\d\]</span></td>", page)
