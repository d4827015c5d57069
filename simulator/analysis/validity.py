"""Does the model teach? Each lesson's shape, measured over seasons on common seeds.

A lesson teaches only if doing it differently changes the season. Each
experiment here plays one scenario on the same seeds under a few variants of
one habit (coaching weekly or never, quotas at 1× or 2× capacity, levers
matched to types or one tool for all, a deputy watched or not) with
everything else the handbook's way (:class:`~simulator.policies.style.Style`),
and reports each variant's season — revenue against target, the scorecard,
effort, attainment against each rep's capacity — and the paired difference
from a reference variant with its 95% interval. ``benchmarks/validity.py``
prints them beside the field's or the handbook's figures;
``docs/model.md`` quotes them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..core.spec import Scenario
from ..policies.style import Style, StylePolicy
from .runs import collected_after, collected_per_run, workers
from .stats import Interval, mean_ci, paired_difference


@dataclass(frozen=True)
class Variant:
    """One way of playing the experiment's season."""

    label: str
    style: Style = field(default_factory=Style)
    quota_x: float = 0.0  # >0: every quota set at this × the rep's true capacity
    support: tuple[int, int, int, int] | None = None  # pools' sizes, when varied


@dataclass(frozen=True)
class Experiment:
    """A habit varied on one scenario: the variants, and which one the others are read against."""

    name: str
    question: str
    field_figure: str  # what the field or the handbook says the shape is
    variants: tuple[Variant, ...]
    reference: str  # the label of the variant the differences are taken from
    metric: str  # the metric the verdict reads (see ``season``)
    reveal_types: bool = False  # every type known from the start (the lever experiments)
    focus: int = 0  # read per-rep figures on the this many least experienced reps (0: all)


def reveal_all(scenario: Scenario) -> Scenario:
    """The scenario with every rep's type told in the briefing."""
    return replace(scenario, reps=tuple(replace(r, revealed=True) for r in scenario.reps))


def scale_team(scenario: Scenario, size: int) -> Scenario:
    """The scenario with a team of ``size``: the reps, type by type in turn, the market scaled.

    Accounts, named accounts aside, targets, support and the manager's budget
    grow with the team; hours do not (that is the point of a big team). Named
    accounts keep their owners when those owners are still on the team.
    """
    # round the types in turn, so a small team still has each kind of person
    by_type: dict[Any, list[Any]] = {}
    for spec in scenario.reps:
        by_type.setdefault(spec.type, []).append(spec)
    base = [
        group[i]
        for i in range(max(len(g) for g in by_type.values()))
        for group in by_type.values()
        if i < len(group)
    ]
    k = size / len(base)
    reps = []
    names: set[str] = set()
    for i in range(size):
        spec = base[i % len(base)]
        name = spec.name if i < len(base) else f"{spec.name} {i // len(base) + 1}"
        zh = spec.name_zh + str(i // len(base) + 1) if i >= len(base) and spec.name_zh else ""
        reps.append(replace(spec, name=name, name_zh=zh or spec.name_zh, mentor=None))
        names.add(name)
    segments = tuple(
        replace(s, accounts=max(4, round(s.accounts * k))) for s in scenario.market.segments
    )
    accounts = tuple(a for a in scenario.accounts if a.owner is None or a.owner in names)
    sup = scenario.support
    support = replace(
        sup,
        presales=max(1, round(sup.presales * k)) if sup.presales else 0,
        consultants=max(1, round(sup.consultants * k)) if sup.consultants else 0,
        executives=max(1, round(sup.executives * k**0.5)) if sup.executives else 0,
        legal=max(1, round(sup.legal * k**0.5)) if sup.legal else 0,
    )
    m = scenario.manager
    manager = replace(
        m,
        max_headcount=max(size + 2, round(m.max_headcount * k)),
        budget_per_period=m.budget_per_period * max(1.0, k),
    )
    return replace(
        scenario,
        reps=tuple(reps),
        market=replace(scenario.market, segments=segments),
        accounts=accounts,
        team_target=tuple(t * k for t in scenario.team_target),
        support=support,
        manager=manager,
    )


def season(scenario: Scenario, seed: int, variant: Variant) -> dict[str, Any]:
    """Play one season of one variant; the numbers the experiments read."""
    from ..session import Session

    if variant.support is not None:
        pre, con, exe, leg = variant.support
        sup = replace(scenario.support, presales=pre, consultants=con, executives=exe, legal=leg)
        scenario = replace(scenario, support=sup)
    style = variant.style.but(quota=-1.0) if variant.quota_x else variant.style
    session = Session(scenario, seed, StylePolicy(style))
    while not session.finished:
        if variant.quota_x and session.period_start:
            session.set_quotas_by_capacity(variant.quota_x)
        session.advance_week()
    record = session.record()
    card = record.score
    target = card.target or 1.0
    # the starting team, the least experienced first (as a coach would pick them)
    reps = sorted(
        (r for r in record.reps if r.joined_week == 0), key=lambda r: (r.tenure_weeks, r.id)
    )
    periods = max(1, record.scenario.periods)
    attainment = [
        sum(r.booked.values()) / (r.capacity_start * periods) if r.capacity_start else 0.0
        for r in reps
    ]
    return {
        "total": card.total,
        "revenue_pct": 100.0 * card.revenue / target,
        **{f"score.{c.name}": c.value for c in card.components},
        "effort": float(np.mean([w.effort for w in record.weeks])) if record.weeks else 0.0,
        "engagement": float(np.mean([w.engagement for w in record.weeks])),
        "leavers": card.attrition,
        "attainment": attainment,  # each starting rep's bookings ÷ their capacity
        "types": [r.type.value for r in reps],
    }


@dataclass
class Outcome:
    """An experiment's seasons: every variant's metrics, seed by seed."""

    experiment: Experiment
    seeds: list[int]
    runs: dict[str, list[dict[str, Any]]]

    def values(self, label: str, metric: str) -> np.ndarray:
        return np.asarray([r[metric] for r in self.runs[label]], dtype=float)

    def mean(self, label: str, metric: str) -> Interval:
        return mean_ci(self.values(label, metric))

    def gap(self, label: str, metric: str | None = None, against: str | None = None) -> Interval:
        """``label`` − the reference, paired by seed."""
        m = metric or self.experiment.metric
        ref = against or self.experiment.reference
        return paired_difference(self.values(label, m), self.values(ref, m))

    def percentile_lift(self, label: str) -> float:
        """How many percentile points ``label`` moves the typical rep (attainment ÷ capacity).

        Each rep is compared with themself on the same seed under the
        reference; the mean gain is added to the reference's median and read
        as a percentile of the reference's distribution of reps.
        """
        ref = self.experiment.reference
        k = self.experiment.focus or None
        base = np.concatenate([r["attainment"] for r in self.runs[ref]])  # every rep: the field
        gains = np.concatenate(
            [
                np.asarray(a["attainment"][:k]) - np.asarray(b["attainment"][:k])
                for a, b in zip(self.runs[label], self.runs[ref], strict=True)
            ]
        )
        moved = float(np.median(base) + gains.mean())
        return 100.0 * float(np.mean(base <= moved)) - 50.0


def run(
    experiment: Experiment,
    scenario: Scenario,
    seeds: Sequence[int],
    jobs: int = 1,
    on_done: Callable[[], None] | None = None,
) -> Outcome:
    """Play every variant on every seed (common random numbers); in ``jobs`` processes."""
    if experiment.reveal_types:
        scenario = reveal_all(scenario)
    tasks = [(v, s) for v in experiment.variants for s in seeds]
    runs: dict[str, list[dict[str, Any]]] = {v.label: [] for v in experiment.variants}
    jobs = workers(jobs, len(tasks))
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=gc.disable) as pool:
            futures = [pool.submit(collected_after, season, scenario, s, v) for v, s in tasks]
            for (v, _), fut in zip(tasks, futures, strict=True):
                runs[v.label].append(fut.result())
                if on_done is not None:
                    on_done()
    else:
        with collected_per_run():  # as a batch's worker plays: each season collected once
            for v, s in tasks:
                runs[v.label].append(collected_after(season, scenario, s, v))
                if on_done is not None:
                    on_done()
    return Outcome(experiment, list(seeds), runs)


BOOK = Style()

EXPERIMENTS: dict[str, Experiment] = {
    e.name: e
    for e in (
        Experiment(
            "coaching",
            "How much does a coaching rhythm lift a rep's attainment against their capacity?",
            "field: monthly or quarterly +2–5 percentile points, weekly ≈ +9, "
            "several a week more (≈ +17) with diminishing returns",
            tuple(
                Variant(
                    label,
                    BOOK.but(coach_novices=False, coach_all=True, coach_count=2, coach_per_week=k),
                )
                for label, k in (
                    ("none", 0.0),
                    ("quarterly", 1 / 13),
                    ("monthly", 0.25),
                    ("weekly", 1.0),
                    ("3× a week", 3.0),
                )
            ),
            reference="none",
            metric="revenue_pct",
            focus=2,  # the reps coached
        ),
        Experiment(
            "quota",
            "How hard do reps work at quotas of 0.5× to 2× their true capacity?",
            "design: effort 0.85 at 0.7×, 1.0 at 1×, peak ≈ 1.08 near 1.15×, "
            "0.85 at 1.5×, ≈ 0.60 at 2×",
            tuple(Variant(f"{x:g}×", quota_x=x) for x in (0.5, 0.7, 1.0, 1.15, 1.3, 1.5, 2.0)),
            reference="1×",
            metric="effort",
        ),
        Experiment(
            "levers",
            "Do levers matched to each type sell more than one tool for everyone?",
            "handbook: each type wants its own lever; the wrong one hurts. "
            "Targets: matched ≥ contest-for-all + 3 pts of target; mismatched < none",
            (
                Variant("matched", BOOK),
                Variant("contest for all", BOOK.but(levers="contest")),
                Variant("growth for all", BOOK.but(levers="growth")),
                Variant("mismatched", BOOK.but(levers="mismatched", praise="none")),
                Variant("none", BOOK.but(levers="none", praise="none")),
            ),
            reference="contest for all",
            metric="revenue_pct",
            reveal_types=True,
        ),
        Experiment(
            "delegation",
            "Does a deputy need light supervision and a share of the value?",
            "handbook: a rope and a candy. Targets: no supervision and no share "
            "each cost ≥ 1 point of the total score",
            (
                Variant("light, shared", BOOK),
                Variant("no supervision", BOOK.but(supervision="none")),
                Variant("tight", BOOK.but(supervision="tight")),
                Variant("no share", BOOK.but(profit_share=False)),
                Variant("no deputy", BOOK.but(delegate=False)),
            ),
            reference="light, shared",
            metric="total",
        ),
        Experiment(
            "feedback",
            "Praise in public and correct in private, or the other way round?",
            "handbook: praise in public, correct in private",
            (
                Variant("praise public, correct private", BOOK.but(criticism="private")),
                Variant("criticise in public", BOOK.but(criticism="public")),
                Variant("no feedback", BOOK.but(praise="none", levers="none")),
            ),
            reference="praise public, correct private",
            metric="total",
        ),
        Experiment(
            "review",
            "Does the 1-15-30 funnel review pay?",
            "handbook: review every funnel weekly; recheck at 15 days; judge at 30",
            (
                Variant("weekly", BOOK.but(delegate=False)),
                Variant("monthly", BOOK.but(delegate=False, review_every=4)),
                Variant("never", BOOK.but(delegate=False, review_every=0)),
            ),
            reference="weekly",
            metric="revenue_pct",
        ),
        Experiment(
            "support",
            "Does scarce pre-sales and executive time decide deals (industrial projects)?",
            "handbook: project sales is a team sale; the right support at the right stage",
            (
                Variant("presales 0", support=(0, 1, 1, 1)),
                Variant("presales 1", support=(1, 1, 1, 1)),
                Variant("presales 2", support=(2, 1, 1, 1)),
                Variant("presales 4", support=(4, 2, 2, 1)),
                Variant("no requests", BOOK.but(support=False)),
            ),
            reference="presales 1",
            metric="revenue_pct",
        ),
    )
}

SCENARIO_OF = {"support": "industrial_projects"}  # experiments with a scenario of their own
