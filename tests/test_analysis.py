"""Comparing a batch, designing one, plugging in policies, and asking what drives the score."""

from __future__ import annotations

import json
import re

import pytest

from simulator.analysis.batch import Batch
from simulator.analysis.compare import CompareError, load, plots, report_html, text
from simulator.analysis.design import (
    DesignError,
    apply,
    factorial,
    latin_hypercube,
    parse_range,
    parse_sweep,
)
from simulator.analysis.sensitivity import run_sensitivity
from simulator.cli import main
from simulator.policies import PolicyLoadError, make_policy
from simulator.scenario import scenarios_dir
from simulator.session import Session

TUTORIAL = str(scenarios_dir() / "tutorial.yaml")


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    Batch(
        folder,
        [TUTORIAL],
        ["by_the_book", "pressure_cooker", "plugin_policies:TalkOnly"],
        runs=5,
        seed=1,
        points=factorial([parse_sweep("market.lead_rate=0.8,1.2")]),
        jobs=2,
    ).run(progress=False)
    return folder


# ------------------------------------------------------------------ compare
def test_compare_gives_intervals_and_a_plain_verdict_per_policy(batch_dir):
    cmp = load(batch_dir)
    assert [c.label for c in cmp.cells] == ["market.lead_rate=0.8", "market.lead_rate=1.2"]
    book = cmp.stats[(0, "by_the_book", "total")]
    assert book.n == 5 and book.lo <= book.mean <= book.hi
    gap = cmp.gaps[(0, "pressure_cooker")]
    assert gap.hi < 0  # pressure_cooker is clearly worse
    verdict = cmp.verdict(0, "pressure_cooker")
    assert re.fullmatch(
        r"pressure_cooker scores \d+\.\d lower than by_the_book \[\d+\.\d, \d+\.\d\]", verdict
    )
    out = text(cmp)
    assert "paired with by_the_book by seed" in out and verdict in out
    for component in ("revenue", "engagement", "attrition", "trust", "customers"):
        assert component in out


def test_compare_against_another_baseline_turns_the_verdicts_round(batch_dir):
    cmp = load(batch_dir, baseline="pressure_cooker")
    assert cmp.verdict(0, "by_the_book").startswith("by_the_book scores")
    assert "higher than pressure_cooker" in cmp.verdict(0, "by_the_book")
    with pytest.raises(CompareError, match="not in this batch"):
        load(batch_dir, baseline="micromanager")


def test_compare_writes_plots_and_one_self_contained_report(batch_dir, tmp_path):
    cmp = load(batch_dir)
    images = plots(cmp, tmp_path)
    names = {p.name for p in images}
    # each file named by what it shows: the scenario and the values
    assert {
        "distribution_tutorial_market.lead_rate-0.8.png",
        "components_tutorial_market.lead_rate-1.2.png",
        "sweep_tutorial_market.lead_rate.png",
    } <= names
    assert all(p.stat().st_size > 5_000 for p in images)
    report = report_html(cmp, images, tmp_path).read_text(encoding="utf-8")
    assert report.count("data:image/png;base64,") == len(images)
    assert "<img" in report and "src='http" not in report and 'src="http' not in report
    assert "pressure_cooker scores" in report and "by_the_book" in report


def test_compare_cli_prints_the_summary_and_writes_the_report(batch_dir, tmp_path, capsys):
    assert main(["compare", str(batch_dir), "--out", str(tmp_path)]) == 0
    assert "pressure_cooker scores" in capsys.readouterr().out
    assert (tmp_path / "report.html").exists()
    assert main(["compare", str(tmp_path / "nothing")]) == 2
    assert "nothing: no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["compare", str(tmp_path / "empty")]) == 2
    assert "holds no batch" in capsys.readouterr().err


# ------------------------------------------------------------------ design
def test_sweeps_are_full_factorial_and_applied_by_path():
    points = factorial(
        [parse_sweep("market.lead_rate=0.5,1,1.5"), parse_sweep("manager.max_headcount=5,6")]
    )
    assert len(points) == 6 and points[-1] == (
        ("market.lead_rate", 1.5),
        ("manager.max_headcount", 6),
    )
    data = {"market": {"segments": [{"win_rate": 0.3}, {"win_rate": 0.4}]}}
    out = apply(data, (("market.segments.*.win_rate", 0.5), ("market.lead_rate", 2)))
    assert [s["win_rate"] for s in out["market"]["segments"]] == [0.5, 0.5]
    assert out["market"]["lead_rate"] == 2 and data["market"]["segments"][0]["win_rate"] == 0.3


def test_latin_hypercube_points_stratify_each_range_and_repeat_with_the_seed():
    ranges = [parse_range("market.lead_rate=0.5:1.5"), parse_range("support.presales=1:5")]
    points = latin_hypercube(ranges, 10, seed=3)
    assert points == latin_hypercube(ranges, 10, seed=3)
    lead = sorted(v for p in points for k, v in p if k == "market.lead_rate")
    # one value in each tenth of the range
    assert [int((v - 0.5) * 10) for v in lead] == list(range(10))
    assert all(
        isinstance(v, int) and 1 <= v <= 5 for p in points for k, v in p if k == "support.presales"
    )


@pytest.mark.parametrize(
    "text, words",
    [
        ("market.lead_rate", "write key=value"),
        ("market.lead_rate=fast", "'fast' is not a number"),
        ("market.lead_rate=1,1", "given twice"),
    ],
)
def test_bad_sweeps_are_explained(text, words):
    with pytest.raises(DesignError, match=words):
        parse_sweep(text)
    with pytest.raises(DesignError, match="low end must be below"):
        parse_range("market.lead_rate=2:1")


def test_a_key_given_twice_is_refused_in_every_design(tmp_path, capsys):
    twice = [parse_range("market.lead_rate=0.5:1.5"), parse_range("market.lead_rate=0.6:1")]
    with pytest.raises(DesignError, match=r"a key is swept twice: market\.lead_rate"):
        latin_hypercube(twice, 4, 1)
    with pytest.raises(DesignError, match=r"a key is swept twice: market\.lead_rate"):
        factorial([parse_sweep("market.lead_rate=1,2"), parse_sweep("market.lead_rate=3")])
    vary = ["--vary", "market.lead_rate=0.5:1.5", "--vary", "market.lead_rate=0.6:1"]
    assert main(["sensitivity", "tutorial", *vary, "--samples", "2"]) == 2
    err = capsys.readouterr().err
    assert err == "salesim: error: a key is swept twice: market.lead_rate\n"


# ------------------------------------------------------------------ plugins
def test_a_plugin_policy_plays_like_a_built_in_one():
    policy = make_policy("plugin_policies:TalkOnly")
    assert policy.name == "talk_only"
    s = Session(__import__("simulator.scenario", fromlist=["x"]).load_scenario(TUTORIAL), 1, policy)
    card = s.run()
    talks = [a for a in s.log_as_dicts() if a["action"]["kind"] == "one_on_one"]
    assert len(talks) >= 4 * 20 and 0 < card.total < 100


def test_a_policy_can_come_from_a_file(tmp_path):
    f = tmp_path / "mine.py"
    f.write_text("class Quiet:\n    def decide(self, obs):\n        return []\n", encoding="utf-8")
    policy = make_policy(f"{f}:Quiet")
    assert policy.decide(None) == [] and policy.name == f"{f}:Quiet"


@pytest.mark.parametrize(
    "name, words",
    [
        ("bye_the_book", "unknown policy 'bye_the_book'"),
        ("nowhere:Policy", "no module 'nowhere'"),
        ("plugin_policies:Missing", "has no 'Missing'"),
        ("plugin_policies:NoDecide", "has no decide"),
        ("plugin_policies:doomed_seeds", "is not a class"),
        ("missing_file.py:X", "does not exist"),
    ],
)
def test_bad_policy_names_are_explained(name, words):
    with pytest.raises(PolicyLoadError, match=words):
        make_policy(name)


# ------------------------------------------------------------------ sensitivity
def _demand_and_legal(**options):
    """A small Morris study of the tutorial over a field that drives the score (demand)
    and one that barely matters (legal's days)."""
    ranges = [parse_range("market.lead_rate=0.4:1.6"), parse_range("support.legal_days=2:4")]
    return run_sensitivity(
        TUTORIAL, "by_the_book", ranges, samples=4, method="morris", seed=2, **options
    )


def test_sensitivity_ranks_demand_above_a_field_that_barely_matters():
    result = _demand_and_legal(jobs=2)
    by_name = {i.name: i for i in result.indices}
    assert result.runs == 4 * 3 and result.failed == 0
    assert by_name["market.lead_rate"].first > 3 * by_name["support.legal_days"].first


def test_a_sensitivity_point_whose_runs_all_failed_counts_as_the_studys_mean(monkeypatch):
    """A point none of whose runs finished had its score read as 0, which the analysis
    took for the field's doing (the mean and the indices dragged down). It now counts as
    the mean of the points that finished: the study's mean is theirs, and an index is
    what the finished points give."""
    import simulator.analysis.sensitivity as sens

    finished: dict[int, float] = {}  # each finished point's score

    def play_all(jobs, variants, tasks, timeout, record):
        for t in tasks:  # the score follows the lead rate; the first point's runs all fail
            lead = dict(variants[(0, t.point)][2])["market.lead_rate"]
            ok = t.point != 0
            if ok:
                finished[t.point] = 40.0 + 20.0 * lead
            record(
                {
                    "row": {
                        "point": t.point,
                        "run": t.run,
                        "status": "ok" if ok else "failed",
                        "total": 40.0 + 20.0 * lead if ok else None,
                        "error": "" if ok else "the worker process died while running it",
                    }
                }
            )

    monkeypatch.setattr(sens, "play_all", play_all)
    result = _demand_and_legal(replicates=2)
    assert result.failed == 2 and result.runs == 4 * 3 * 2
    # the study's mean is the finished points' (a score of 0 for the lost one: lower)
    assert result.mean == pytest.approx(sum(finished.values()) / len(finished))
    by_name = {i.name: i for i in result.indices}
    assert by_name["support.legal_days"].first < 0.25 * by_name["market.lead_rate"].first


def test_sobol_indices_no_share_of_variance_can_take_are_called_noise_however_narrow():
    """One field varied on two samples printed "S1 1.911 ± 0.103, ST 1.997 ± 0.003" with
    no caution: the advice came only for intervals wider than ±0.2. An index whose
    interval misses 0..1 altogether gets it too; one within the range does not."""
    from simulator.analysis.sensitivity import Index, Sensitivity, report

    def told(*indices: Index) -> str:
        return report(Sensitivity("sobol", "by_the_book", 8, 8, 0, list(indices), 70, 5, 2))

    impossible = told(Index("market.win_rate", 1.911, 0.103, 1.997, 0.003))
    assert "market.win_rate's indices fall outside 0..1" in impossible
    assert "raise --samples (it was 2; try 64)" in impossible
    fine = told(Index("market.win_rate", 0.97, 0.05, 1.02, 0.04), Index("x", -0.01, 0.03, 0, 0))
    assert "raise --samples" not in fine


def test_sobol_indices_are_shares_of_variance(tmp_path, capsys):
    code = main(
        [
            "sensitivity",
            "tutorial",
            "--vary",
            "market.lead_rate=0.4:1.6",
            "--vary",
            "market.competitor_pressure=0:0.3",
            "--samples",
            "8",
            "--jobs",
            "2",
            "--out",
            str(tmp_path),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "Sobol sensitivity" in out and "market.lead_rate" in out
    # eight samples give wide intervals: the advice names a larger --samples than was given
    assert "raise --samples (it was 8; try 64)" in out
    rows = (tmp_path / "indices.csv").read_text().splitlines()
    assert rows[0] == "field,S1,S1_conf,ST,ST_conf" and len(rows) == 3
    st = {r.split(",")[0]: float(r.split(",")[3]) for r in rows[1:]}
    assert st["market.lead_rate"] > 0.2
    assert (tmp_path / "sensitivity.png").stat().st_size > 5_000


def test_morris_indices_carry_morris_names(tmp_path, capsys):
    code = main(
        [
            "sensitivity",
            "tutorial",
            "--vary",
            "market.lead_rate=0.4:1.6",
            "--method",
            "morris",
            "--samples",
            "4",
            "--jobs",
            "2",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 0
    rows = (tmp_path / "indices.csv").read_text().splitlines()
    assert rows[0] == "field,mu_star,mu_star_conf,sigma" and len(rows) == 2


# ------------------------------------------------------------------ the batch command
def test_batch_command_runs_writes_and_summarises(tmp_path, capsys):
    out = tmp_path / "b"
    args = [
        "batch",
        "--scenario",
        "tutorial",
        "--policy",
        "by_the_book",
        "hands_off",
        "--runs",
        "3",
        "--set",
        "market.lead_rate=0.8,1.2",
        "--out",
        str(out),
        "--jobs",
        "2",
    ]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "12 runs: 1 scenario × 2 points × 2 policies × 3 seeds (seeds 1–3)" in captured.err
    assert "hands_off scores" in captured.out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"][:2] == ["salesim", "batch"]
    assert main(args) == 0
    assert "0 runs done now, 12 found done" in capsys.readouterr().err


def test_batch_command_latin_hypercube_and_argument_errors(tmp_path, capsys):
    out = tmp_path / "lhs"
    assert (
        main(
            [
                "batch",
                "--scenario",
                "tutorial",
                "--policy",
                "by_the_book",
                "--runs",
                "2",
                "--set",
                "market.lead_rate=0.5:1.5",
                "--sample",
                "lhs:3",
                "--out",
                str(out),
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    points = json.loads((out / "manifest.json").read_text())["points"]
    assert len(points) == 3 and all(0.5 <= p["params"]["market.lead_rate"] <= 1.5 for p in points)
    capsys.readouterr()
    assert (
        main(
            [
                "batch",
                "--scenario",
                "tutorial",
                "--policy",
                "nope",
                "--runs",
                "2",
                "--out",
                str(tmp_path / "x"),
            ]
        )
        == 2
    )
    assert (
        main(
            [
                "batch",
                "--scenario",
                "tutorial",
                "--policy",
                "by_the_book",
                "--runs",
                "2",
                "--sample",
                "grid:3",
                "--out",
                str(tmp_path / "y"),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "unknown policy 'nope'" in err and "--sample takes lhs:K" in err


def test_the_worked_example_in_the_policy_guide_runs(tmp_path):
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[1] / "docs" / "policies.md").read_text("utf-8")
    code = guide.split('```python\n"""steady.py', 1)[1].split("```", 1)[0]
    f = tmp_path / "steady.py"
    f.write_text('"""steady.py' + code, encoding="utf-8")
    from simulator.scenario import load_scenario

    policy = make_policy(f"{f}:Steady")
    s = Session(load_scenario(TUTORIAL), 2, policy)
    card = s.run()
    kinds = {a["action"]["kind"] for a in s.log_as_dicts()}
    assert {"set_quota", "one_on_one", "pipeline_review", "answer"} <= kinds
    assert 0 < card.total < 100


def test_a_dollar_in_a_scenarios_name_is_text_on_the_charts_not_math(tmp_path, capsys):
    """matplotlib reads "$…$" as math; a scenario called "a$\\x$b" must not break compare."""
    from simulator.cli import main

    odd = tmp_path / "a$\\x$b.yaml"
    odd.write_text("extends: tutorial\nweeks: 8\nperiod_weeks: 4\nevents: []\n", encoding="utf-8")
    out = tmp_path / "b"
    args = ["batch", "--scenario", str(odd), "--policy", "by_the_book", "hands_off"]
    assert main([*args, "--runs", "2", "--out", str(out), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["compare", str(out)]) == 0
    assert (out / "distribution.png").exists() and (out / "report.html").exists()


def test_counts_in_the_analysts_output_are_grammatical():
    from simulator.wording import counted, seeds_range

    assert [counted(1, "seed"), counted(30, "seed"), counted(0, "run")] == [
        "1 seed",
        "30 seeds",
        "0 runs",
    ]
    assert counted(1, "policy", "policies") == "1 policy"
    assert counted(2, "policy", "policies") == "2 policies"
    assert seeds_range([7]) == "seed 7" and seeds_range(range(1, 31)) == "seeds 1–30"


def test_compare_on_a_file_or_a_batch_stopped_before_its_tables_says_what_to_do(tmp_path, capsys):
    from simulator.analysis import store

    a_file = tmp_path / "runs.csv"
    a_file.write_text("run\n")
    assert main(["compare", str(a_file)]) == 2
    assert f"{a_file}: this is a file, not a batch's folder" in capsys.readouterr().err
    short = tmp_path / "short.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    folder = tmp_path / "b"
    design = {"runs": 2, "jobs": 1}
    Batch(folder, [str(short)], ["by_the_book"], **design).run(progress=False)
    for kill in ("empty", "missing"):
        # killed before its tables were written: the journal holds every finished run
        if kill == "empty":
            store.Tables(folder).write()
        else:
            for table in folder.glob("runs.*"):
                table.unlink()
        with pytest.raises(CompareError) as e:
            load(folder)
        assert str(e.value) == (
            f"{folder}: its tables were not written yet, but its journal holds 2 finished "
            "runs; run the same salesim batch command again to finish the batch and write "
            "the tables"
        )
        outcome = Batch(folder, [str(short)], ["by_the_book"], **design).run(progress=False)
        assert outcome.executed == 0 and len(load(folder).cells[0].runs["by_the_book"]) == 2


def test_batch_refuses_a_baseline_that_is_not_one_of_its_policies_before_running(tmp_path, capsys):
    out = tmp_path / "b"
    words = ["batch", "--scenario", "tutorial", "--policy", "by_the_book", "hands_off"]
    assert main([*words, "--runs", "2", "--out", str(out), "--baseline", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "salesim: error: --baseline nosuch: not one of this batch's policies "
        "(by_the_book, hands_off)\n"
    )
    assert not out.exists()  # nothing was played, nor a folder made for it


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        ("[1, 2]", "it is not a batch's manifest (damaged, or another kind of file)"),
        ('{"policies": "by_the_book"}', "its policies are damaged"),
        ('{"points": [{"point": "0"}]}', "its design points are damaged"),
        ('{"seeds": null}', "its seeds are damaged"),
        ('{"policies": ["a", "b", "b"]}', "its policies are damaged (a policy is named twice)"),
        (
            '{"points": [{"point": 0, "label": "x", "params": {"a": [[1]]}}]}',
            "its design points are damaged",
        ),
    ],
)
def test_a_damaged_manifest_is_told_by_compare_and_written_anew_by_the_batch_keeping_its_runs(
    tmp_path, capsys, manifest, words
):
    """compare names what is wrong with a damaged manifest; the batch's own command, which
    said "choose another --out" though its journal held every finished run, writes the
    manifest anew from the command and keeps the runs (each is keyed by what it played)."""
    short = tmp_path / "short.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    folder = tmp_path / "b"
    Batch(folder, [str(short)], ["by_the_book"], runs=2, jobs=1).run(progress=False)
    (folder / "manifest.json").write_text(manifest, encoding="utf-8")
    assert main(["compare", str(folder), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert f"manifest.json cannot be used: {words}" in err and "Traceback" not in err
    argv = ["batch", "--scenario", str(short), "--policy", "by_the_book", "--runs", "2"]
    assert main([*argv, "--out", str(folder), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"the old one cannot be used: {words}; the runs in the journal were kept" in err
    assert "0 runs done now, 2 found done" in err
    assert main(["compare", str(folder), "--no-plots"]) == 0


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        (b'{"seeds": [1, 2', "it is damaged at line 1, column 16"),
        (b"\xff\xfe\x00", "it is not JSON text"),
    ],
)
def test_a_manifest_that_is_not_json_is_told_in_words_not_the_parsers(
    tmp_path, capsys, manifest, words
):
    """A manifest cut short or overwritten with other bytes was told in the JSON parser's
    words ("Expecting value: line 2 column 1 (char 7)")."""
    short = tmp_path / "short.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    folder = tmp_path / "b"
    Batch(folder, [str(short)], ["by_the_book"], runs=1, jobs=1).run(progress=False)
    (folder / "manifest.json").write_bytes(manifest)
    said = f"manifest.json cannot be read: it is not a manifest salesim wrote: {words}"
    assert main(["compare", str(folder), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert said in err and "Expecting" not in err and "Traceback" not in err
    # with no journal beside it (nothing of a batch's to keep), the folder is refused
    (folder / "journal.jsonl").unlink()
    argv = ["batch", "--scenario", str(short), "--policy", "by_the_book", "--runs", "1"]
    assert main([*argv, "--out", str(folder), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"not a manifest salesim wrote: {words}); choose another --out" in err, err


def test_a_batch_rerun_on_an_edited_scenario_says_why_it_reuses_nothing(tmp_path, capsys):
    """Runs played on the scenario before an edit are not reused (they would mix two
    scenarios in one table); the command says so instead of a silent "0 found done"."""
    short = tmp_path / "short.yaml"
    short.write_text("extends: tutorial\nweeks: 2\nperiod_weeks: 2\n", encoding="utf-8")
    folder = tmp_path / "b"
    argv = ["batch", "--scenario", str(short), "--policy", "by_the_book", "--runs", "2"]
    assert main([*argv, "--out", str(folder), "--no-progress"]) == 0
    assert "earlier run" not in capsys.readouterr().err
    assert main([*argv, "--out", str(folder), "--no-progress"]) == 0
    assert "2 found done" in capsys.readouterr().err
    short.write_text("extends: tutorial\nweeks: 3\nperiod_weeks: 3\n", encoding="utf-8")
    assert main([*argv, "--out", str(folder), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "2 runs done now, 0 found done" in err
    assert "2 earlier runs in the folder played a scenario whose content differs" in err
