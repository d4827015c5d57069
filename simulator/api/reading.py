"""Reading the team from what a manager can see: a rep's likely type, what they can sell.

These are the small inferences every manager makes from the observation,
shared by the desk, the scripted policies and the catalogue of actions:
a type believed from the hints gathered so far, a rep's capacity estimated
from their recent results, and the sums a reward is usually worth.
"""

from __future__ import annotations

from ..core.params import ModelParams
from ..core.types import MotivationType
from .observation import HINT_SUGGESTS, Observation, RepView

REWARD_SHARES = (0.02, 0.05, 0.1, 0.2)  # a bonus or a promise as a share of the period's budget
# how a mood as read is told: good from 0.65, fair from 0.45, low below (one scale everywhere,
# the model's too: a leaver whose spirits were below it is said to have been low)
MOOD_GOOD = 0.65
MOOD_LOW = ModelParams.low_mood_told
MOOD_SIGNAL = {"good": "good", "fair": "warn", "low": "bad"}  # the palette's colour for each


# how far above a band's edge a mood must read before a lower word said last rises
MOOD_MARGIN = 0.03
_RANK = {"low": 0, "fair": 1, "good": 2}


def mood_band(mood: float, was: str | None = None) -> str:
    """A mood as a manager would say it: ``good``, ``fair`` or ``low``.

    ``was``: the word said of the same person last time. A fall shows at once
    (a warning is worth having early); a rise from it only once the reading is
    clearly above the edge (by ``MOOD_MARGIN``). A mood read close to an edge
    then keeps one word instead of flipping between two on the reading's
    week-to-week wobble alone, which says nothing about the person.
    """
    band = "good" if mood >= MOOD_GOOD else ("fair" if mood >= MOOD_LOW else "low")
    if was is None or _RANK.get(was, 0) >= _RANK[band]:
        return band
    edge = MOOD_GOOD if band == "good" else MOOD_LOW
    if mood >= edge + MOOD_MARGIN:
        return band
    return "fair" if was == "low" and mood >= MOOD_LOW + MOOD_MARGIN else was


# the share of a period that passes before a rep's pace is worth telling (deals come in lumps)
PACE_FROM = 0.4


def forecast_told(obs: Observation, week: int | None = None) -> bool:
    """Whether a rep's pace is told as a forecast ("on course for 80% of quota") in
    ``week`` (this week by default): only once two fifths of its period, and at least
    three weeks, have passed. Project deals come in lumps, and one deal more or less
    swung a rep from 0% to 111% between two early weeks; before that, the desk says it
    is too early to forecast and every line that weighs results says "so far"."""
    per = obs.weeks_per_period
    w = obs.week if week is None else week
    in_period = (w - 1) % per
    first = w - in_period
    length = min(obs.weeks, first + per - 1) - first + 1
    return in_period >= max(3, round(PACE_FROM * length))


def believed_type(rep: RepView, min_hints: int = 3) -> MotivationType | None:
    """The rep's type if revealed, else the clear majority of the hints so far."""
    if rep.type is not None:
        return rep.type
    votes: dict[MotivationType, int] = {}
    for _, key in rep.hints:
        suggests = HINT_SUGGESTS.get(key)
        if suggests is not None:
            votes[suggests] = votes.get(suggests, 0) + 1
    if sum(votes.values()) < min_hints:
        return None
    top = max(votes, key=votes.__getitem__)
    n = votes[top]
    runner_up = max((c for t, c in votes.items() if t is not top), default=0)
    return top if n - runner_up >= 2 else None


def capacity_estimate(rep: RepView, fallback: float) -> float:
    """What the rep has shown they can sell in a period: the mean of recent results."""
    results = [result for _, result in rep.history[-3:] if result > 0]
    if not results:
        return fallback
    return sum(results) / len(results)


def team_estimates(obs: Observation) -> dict[int, float]:
    """Capacity estimates for the whole team; newcomers get a ramping share of the mean."""
    known = [capacity_estimate(r, 0.0) for r in obs.reps if r.history]
    mean = sum(known) / len(known) if known else obs.team_target / max(1, len(obs.reps))
    out = {}
    for r in obs.reps:
        est = capacity_estimate(r, 0.0)
        if est <= 0:
            est = mean * (0.5 if r.ramping else 0.8)
        out[r.id] = est
    return out


def reward_amounts(obs: Observation) -> list[float]:
    """The sums usually offered as a bonus or a promise: shares of the period's budget."""
    per = obs.budget_per_period
    return [float(max(1000, round(per * f, -3))) for f in REWARD_SHARES]


def fair_share(
    obs: Observation, rep_id: int, owned: dict[int, list[int]] | None = None
) -> list[int]:
    """Accounts to give a rep whose book is thin, taken from the largest books.

    Only accounts without an open deal move, and no key account, the smallest
    first: nobody loses a deal in progress and the big relationships stay with
    experience. Nobody gives up more than takes them down to the team's
    average; the rep is brought up to 70 % of it. ``owned`` (rep → their
    accounts) lets a caller hand out several shares in one week.
    """
    accts = obs.accounts
    if owned is None:
        owned = {r.id: accts.owned_by(r.id) for r in obs.reps}
    if not owned or rep_id not in owned:
        return []
    fair = sum(len(v) for v in owned.values()) / len(owned)
    want = int(0.7 * fair) - len(owned[rep_id])
    moved: list[int] = []
    if want <= 0:
        return moved
    for g in sorted(obs.reps, key=lambda g: -len(owned[g.id])):
        spare = len(owned[g.id]) - int(fair)
        if g.id == rep_id or spare <= 0:
            continue
        free = [a for a in owned[g.id] if accts[a].open_deals == 0 and not accts[a].key]
        free.sort(key=lambda a: (accts[a].potential, a))
        moved += free[: min(spare, want - len(moved))]
        if len(moved) >= want:
            break
    return moved


# quotas this close to the target count as adding up to it (rounding, a rep's odd thousand)
QUOTAS_SLACK = 0.02


def unassigned(quotas: float, target: float) -> float:
    """How much of a period's target no quota covers (0 when the quotas add up to it,
    within ``QUOTAS_SLACK``): what the quotas leave to chance (P1)."""
    return target - quotas if quotas < target * (1 - QUOTAS_SLACK) else 0.0


RECORD_PERIODS = 4  # a rep's record, as the quota warnings read it: their last results


def record_mean(rep: RepView) -> tuple[float, int] | None:
    """What the rep has booked lately: the mean of their last ``RECORD_PERIODS`` results,
    and how many results that is; None without a record."""
    results = [b for _, b in rep.history[-RECORD_PERIODS:]]
    if not results:
        return None
    return sum(results) / len(results), len(results)


def record_multiple(rep: RepView, amount: float) -> float | None:
    """``amount`` as a multiple of what the rep has booked lately (:func:`record_mean`);
    None without a record to compare with."""
    record = record_mean(rep)
    if record is None or amount <= 0:
        return None
    typical = record[0]
    return amount / typical if typical > 0 else None


def far_multiple(rep: RepView, amount: float) -> float | None:
    """``amount`` as a multiple of the rep's record when it is far from it (below 0.7× or
    above 1.4× the mean of their last four results), else None: the warning the quota
    fields show while typing. No more than they have booked this period already is
    never far above: the latest evidence says they can (a rep on ¥1.64M this period
    was warned off a quota of ¥900k)."""
    multiple = record_multiple(rep, amount)
    if multiple is None or 0.7 <= multiple <= 1.4 or (multiple > 1.4 and amount <= rep.booked):
        return None
    return multiple


def far_from_record(rep: RepView, amount: float) -> bool:
    """A quota far from what the rep has booked lately (see :func:`far_multiple`)."""
    return far_multiple(rep, amount) is not None
