"""Does the model teach? Each lesson's shape over seasons, beside the field's figures.

Plays every experiment of ``simulator.analysis.validity`` on common seeds and
prints, for each variant, the season's mean (revenue as % of target, total
score, effort, ...) and its paired difference from the reference variant
with a 95% interval; for coaching, the lift in percentile points of
attainment against capacity; and the issue's targets as yes/no lines.

Run: python benchmarks/validity.py [--seeds 20] [--jobs 2] [--only levers,coaching]
     [--scenario default|all|PATH]
"""

from __future__ import annotations

import argparse
import sys
import time

from simulator.analysis.validity import EXPERIMENTS, SCENARIO_OF, Outcome, run
from simulator.scenario import load_scenario, scenarios_dir, shipped_scenarios

METRICS = ("revenue_pct", "total", "effort", "engagement")


def report(out: Outcome, scenario_name: str) -> list[str]:
    e = out.experiment
    lines = [
        f"== {e.name} ({scenario_name}, {len(out.seeds)} seeds): {e.question}",
        f"   {e.field_figure}",
        f"   {'variant':<32}{'rev % tgt':>10}{'total':>8}{'effort':>8}{'engaged':>9}"
        f"   {e.metric} vs {e.reference} [95% CI]",
    ]
    for v in e.variants:
        m = {k: out.mean(v.label, k).mean for k in METRICS}
        line = (
            f"   {v.label:<32}{m['revenue_pct']:10.1f}{m['total']:8.1f}"
            f"{m['effort']:8.3f}{m['engagement']:9.3f}"
        )
        if v.label != e.reference:
            g = out.gap(v.label)
            line += f"   {g.mean:+7.2f} [{g.lo:+.2f}, {g.hi:+.2f}]"
        if e.name == "quota":
            ratio = m["effort"] / out.mean(e.reference, "effort").mean
            line += f"   effort ÷ at 1×: {ratio:.2f}"
        if e.name == "coaching" and v.label != e.reference:
            line += f"   {out.percentile_lift(v.label):+.1f} percentile points"
        lines.append(line)
    return lines


def targets(results: dict[str, Outcome]) -> list[str]:
    """The issue's targets, each as a yes or no with its interval."""
    out = []
    lv = results.get("levers")
    if lv is not None:
        g = lv.gap("matched", "revenue_pct", "contest for all")
        out.append(
            f"target matched − contest ≥ 3 pts: {g.mean:+.2f} [{g.lo:+.2f}, {g.hi:+.2f}] "
            f"{'yes' if g.lo >= 3 else 'NO'}"
        )
        g = lv.gap("mismatched", "revenue_pct", "none")
        out.append(
            f"target mismatched < none: {g.mean:+.2f} [{g.lo:+.2f}, {g.hi:+.2f}] "
            f"{'yes' if g.hi < 0 else 'NO'}"
        )
    dl = results.get("delegation")
    if dl is not None:
        for label in ("no supervision", "no share"):
            g = dl.gap(label, "total")
            out.append(
                f"target {label} costs ≥ 1 point: {g.mean:+.2f} [{g.lo:+.2f}, {g.hi:+.2f}] "
                f"{'yes' if g.hi <= -1 else 'NO'}"
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=20, help="seasons per variant (20)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    ap.add_argument("--only", default="", help="comma-separated experiments (all)")
    ap.add_argument(
        "--scenario",
        default="default",
        help="a shipped scenario's name, a path, or 'all' for every shipped one (default)",
    )
    args = ap.parse_args()
    names = [n for n in args.only.split(",") if n] or list(EXPERIMENTS)
    scenarios = [p.stem for p in shipped_scenarios()] if args.scenario == "all" else [args.scenario]
    t0 = time.perf_counter()
    seeds = list(range(1, args.seeds + 1))
    ok = True
    for scen in scenarios:
        results: dict[str, Outcome] = {}
        for name in names:
            e = EXPERIMENTS[name]
            chosen = SCENARIO_OF.get(name, scen) if len(scenarios) == 1 else scen
            if name in SCENARIO_OF and len(scenarios) > 1 and scen != SCENARIO_OF[name]:
                continue
            path = scenarios_dir() / f"{chosen}.yaml"
            scenario = load_scenario(path if path.exists() else chosen)
            results[name] = run(e, scenario, seeds, jobs=args.jobs)
            print("\n".join(report(results[name], chosen)), flush=True)
        for line in targets(results):
            ok &= line.endswith("yes")
            print(f"[{scen}] {line}", flush=True)
    print(f"validity_seconds={time.perf_counter() - t0:.0f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
