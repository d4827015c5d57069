"""The game as a Gymnasium environment: a learning agent manages the team through the same door.

``gymnasium.make("salesim/SalesManager-v0", scenario="tutorial")`` plays one
scenario, a week at a time, the way the desk does: each step either adds one
option of the :class:`~simulator.api.Catalogue` to the week's
:class:`~simulator.api.Plan`, or ends the week (the plan is carried out and
five working days pass). So an agent can do exactly what a player can, with
the same checks, hours and budget.

**Actions** are one fixed :class:`~gymnasium.spaces.Discrete` space. Index 0
ends the week; every other index is a *slot*: a lever on the rep in a given
position of the team (or on the team) and one of that lever's options (which
skill, which deal, which partner...). ``info["action_mask"]`` marks the slots
open now (an ``int8`` array, 1 = legal); :meth:`SalesManagerEnv.describe`
names a slot in words. A masked-out action changes nothing and says why in
``info["refused"]``.

**Observations** are one ``float32`` vector in ``[0, 5]``: the week, the
period, revenue and target, hours and budget left (after what is planned),
standing arrangements, and for each team position what a manager can see
of the rep there — results, pace, mood as read, the type once revealed and
the hints so far, flight risk once surfaced, the funnel, roles. Never a
hidden type, a true mood or a true win chance.

**Reward**: a step that ends a week earns the change of the scorecard's total
over that week; planning steps earn nothing. Over an episode the rewards add
up to the final score less the scorecard's total before the first week (the
team as the manager found it, ``info["score"]`` after ``reset``), so an agent
that maximises its return maximises the score a trainer reads.

**Positions** are seats: a rep keeps theirs all episode. One who leaves leaves
it empty (its features zero, its slots closed) and a newcomer takes the lowest
empty seat, so the features and slots of a position never pass from one rep to
another while both are on the team.
"""

from __future__ import annotations

import operator
from collections import Counter
from typing import TYPE_CHECKING, Any

import gymnasium
import numpy as np
from gymnasium import spaces

from ..core.types import DelegatedTask, MotivationType, Pool, Skill, Supervision
from .actions import Action, AssignMentor, NameRival, RequestSupport
from .catalogue import DEALS_SHOWN, REP_LEVERS, TEAM_LEVERS, Catalogue, Lever, Option, judged
from .observation import HINT_SUGGESTS, Observation, RepView
from .plan import Plan

if TYPE_CHECKING:
    from ..core.spec import Scenario
    from ..session import Session

TOP = 5.0  # every observed number is clipped to [0, TOP]
INBOX_SLOTS = 3  # open messages an agent can answer at once (the oldest first)
CHOICES = 4  # choices of a message
TYPES = tuple(MotivationType)
POOLS = tuple(Pool)

# how many options each lever offers an agent, at most (a slot per option)
SLOTS: dict[str, int] = {
    "one_on_one": 1,
    "feedback_praise": 2,
    "feedback_criticism": 2,
    "performance_review": 5,
    "coach": len(Skill),
    "development_plan": 1,
    "autonomy": 1,
    "mentor": -1,  # one per team position: the partner
    "rival": -1,
    "bonus": 4,
    "promise": 8,
    "honour_veteran": 1,
    "keep_promise": 4,
    "key_account": 16,
    "reassign_accounts": 4,
    "delegate": len(DelegatedTask) * len(Supervision),
    "profit_share": 1,
    "pipeline_review": 1,
    "joint_visit": DEALS_SHOWN,
    "request_support": DEALS_SHOWN * len(Pool),
    "push_deal": DEALS_SHOWN,
    "drop_deal": DEALS_SHOWN,
    "set_quota": 5,
    "assessment": 1,
    "read_type": len(MotivationType) + 1,
    "let_go": 1,
    "team_meeting": 1,
    "team_goal": 1,
    "contest": 1,
    "team_training": len(Skill),
    "daily_plans": 1,
    "call_analytics": 1,
    "team_review": 1,
    "hire": 1,
    "drop_orphan": DEALS_SHOWN,
}
GLOBAL_FEATURES = 18
REP_FEATURES = 34


class SalesManagerEnv(gymnasium.Env):
    """One scenario of the sales-manager game, played a decision at a time."""

    metadata = {"render_modes": ["ansi"], "render_fps": 4}  # noqa: RUF012 (Gymnasium's)

    def __init__(
        self,
        scenario: str | Scenario = "tutorial",
        render_mode: str | None = None,
        max_actions_per_week: int = 64,
    ) -> None:
        from ..scenario import load_scenario, scenarios_dir

        if isinstance(scenario, str):
            path = scenarios_dir() / f"{scenario}.yaml"
            self.scenario = load_scenario(path if path.exists() else scenario)
        else:
            self.scenario = scenario
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.render_mode = render_mode
        self.max_actions_per_week = max_actions_per_week
        self.positions = self.scenario.manager.max_headcount
        self._table: list[tuple[str, int | None, int]] = [("end_week", None, 0)]
        self._index: dict[tuple[str, int | None, int], int] = {}
        for _, keys in REP_LEVERS:
            for key in keys:
                for pos in range(self.positions):
                    for k in range(self._slots(key)):
                        self._add((key, pos, k))
        for _, keys in TEAM_LEVERS:
            for key in keys:
                if key == "answer":
                    for k in range(INBOX_SLOTS * CHOICES):
                        self._add(("answer", None, k))
                else:
                    for k in range(self._slots(key)):
                        self._add((key, None, k))
        self.action_space: spaces.Discrete = spaces.Discrete(len(self._table))
        size = GLOBAL_FEATURES + self.positions * REP_FEATURES
        self.size = size
        self.observation_space = spaces.Box(0.0, TOP, shape=(size,), dtype=np.float32)
        self.session: Session | None = None
        self.plan: Plan | None = None
        self._options: dict[int, Option] = {}
        self._score = 0.0
        self._seats: dict[int, int] = {}  # rep id → their position, for the episode

    def _slots(self, key: str) -> int:
        n = SLOTS[key]
        return self.positions if n < 0 else n

    def _add(self, slot: tuple[str, int | None, int]) -> None:
        self._index[slot] = len(self._table)
        self._table.append(slot)

    # ------------------------------------------------------------ the episode
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        """A new game: the scenario on ``seed`` (the same seed, the same game as at the desk)."""
        from ..session import Session

        super().reset(seed=seed)
        game_seed = int(seed) if seed is not None else int(self.np_random.integers(2**31))
        self.session = Session(self.scenario, game_seed)
        self._score = self.session.score().total
        self._seats = {}
        self._new_week()
        return self._observe(), self._info()

    def step(self, action: int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        """Plan one option (a slot), or end the week (0)."""
        assert self.session is not None and self.plan is not None, "call reset() first"
        if self.session.finished:
            raise RuntimeError("the episode is over (terminated): call reset() for another")
        index = self._checked(action)
        refused = ""
        reward = 0.0
        full = len(self.plan) >= self.max_actions_per_week
        if index == 0:
            self.session.carry_out(self.plan)
            self.session.advance_week()
            score = self.session.score().total
            reward, self._score = score - self._score, score
            self._new_week()
        else:
            option = self._options.get(index)
            if option is None:
                refused = "not_offered"
            elif full:
                refused = "plan_full"
            elif not self.plan.add(option.action):
                refused = self.plan.refused[-1][1].code
            else:
                self._remap()
        terminated = self.session.finished
        info = self._info()
        if refused:
            info["refused"] = refused
        return self._observe(), float(reward), terminated, False, info

    def render(self) -> str | None:
        if self.render_mode != "ansi" or self.plan is None:
            return None
        obs = self.plan.obs
        lines = [
            f"week {obs.week}/{obs.weeks}  booked {obs.revenue_total:,.0f} of "
            f"{obs.target_to_date:,.0f}  hours left {self.plan.hours_left:g}  "
            f"budget left {self.plan.budget_left:,.0f}"
        ]
        lines += [f"  planned: {self.describe_action(p.action)}" for p in self.plan]
        return "\n".join(lines)

    # ------------------------------------------------------------ the slots
    def describe(self, index: int) -> str:
        """What a slot means, in words ("position 2 · coach · option 1")."""
        index = self._checked(index)
        key, pos, k = self._table[index]
        if key == "end_week":
            return "end the week"
        where = "team" if pos is None else f"position {pos}"
        option = self._options.get(int(index))
        what = f" = {self.describe_action(option.action)}" if option is not None else ""
        return f"{where} · {key} · option {k}{what}"

    def _checked(self, action: Any) -> int:
        """An action as an index of the space: a whole number within it (a numpy integer
        will do), or ``ValueError`` saying what it was (2.7 planned slot 2; -1 took the
        last slot; a number past the end was "not offered")."""
        try:
            index = operator.index(action)
        except TypeError:
            raise ValueError(
                f"an action is a whole number in 0..{self.action_space.n - 1}, "
                f"not {action!r} ({type(action).__name__})"
            ) from None
        if not 0 <= index < self.action_space.n:
            raise ValueError(f"action {index} is outside 0..{self.action_space.n - 1}")
        return index

    def _seated(self, obs: Observation) -> dict[int, int]:
        """Each rep on the team by their seat (see the module): kept from week to week,
        the seats of those gone given to newcomers, lowest first."""
        here = {r.id for r in obs.reps}
        self._seats = {rep: seat for rep, seat in self._seats.items() if rep in here}
        free = sorted(set(range(self.positions)) - set(self._seats.values()))
        for r in obs.reps:
            if r.id not in self._seats and free:
                self._seats[r.id] = free.pop(0)
        return self._seats

    @staticmethod
    def describe_action(action: Action) -> str:
        fields = {k: v for k, v in action.to_dict().items() if k != "kind"}
        inside = ", ".join(f"{k}={v}" for k, v in fields.items())
        return f"{action.kind}({inside})"

    def action_masks(self) -> np.ndarray:
        """The legal actions now (the name maskable-PPO implementations look for)."""
        return self._mask()

    def _new_week(self) -> None:
        assert self.session is not None
        self.plan = self.session.plan()
        self._remap()

    def _remap(self) -> None:
        """Which option each slot holds now (the catalogue changes as the plan grows)."""
        assert self.plan is not None
        self._options = {}
        if self.plan.obs.finished:
            return
        cat = Catalogue(self.plan)
        obs = self.plan.obs
        position = self._seated(obs)
        for lever in cat.levers:
            if lever.key == "answer":
                continue
            pos = None if lever.rep is None else position.get(lever.rep)
            if lever.rep is not None and pos is None:
                continue
            for k, option in enumerate(lever.options):
                slot = self._slot_of(lever, k, option, position, cat)
                if slot is not None and slot < self._slots(lever.key):
                    self._options[self._index[(lever.key, pos, slot)]] = option
        open_items = [i for i in obs.inbox if i.open][:INBOX_SLOTS]
        for n, item in enumerate(open_items):
            for k, choice in enumerate(item.choices[:CHOICES]):
                action = _answer(item.id, choice.id)
                option = judged(self.plan, action)
                self._options[self._index[("answer", None, n * CHOICES + k)]] = option

    @staticmethod
    def _slot_of(
        lever: Lever,
        k: int,
        option: Option,
        position: dict[int, int],
        cat: Catalogue,
    ) -> int | None:
        a = option.action
        if isinstance(a, AssignMentor):
            partner = a.mentor if a.novice == lever.rep else a.novice
            return position.get(partner)
        if isinstance(a, NameRival):
            return position.get(a.rival)
        if isinstance(a, RequestSupport):
            if lever.rep is None:
                return None
            ranked = [d.id for d in cat.top_deals(cat.plan.obs.rep(lever.rep))]
            if a.deal not in ranked:
                return None
            return ranked.index(a.deal) * len(POOLS) + POOLS.index(a.pool)
        return k

    def _mask(self) -> np.ndarray:
        mask = np.zeros(int(self.action_space.n), dtype=np.int8)
        mask[0] = 1
        full = self.plan is not None and len(self.plan) >= self.max_actions_per_week
        if not full:
            for index, option in self._options.items():
                if option.open:
                    mask[index] = 1
        return mask

    def _info(self) -> dict[str, Any]:
        assert self.session is not None
        return {
            "action_mask": self._mask(),
            "week": self.session.week,
            "score": self._score,
        }

    # ------------------------------------------------------------ what is seen
    def _observe(self) -> np.ndarray:
        assert self.plan is not None
        plan = self.plan
        obs = plan.obs
        out = np.zeros(self.size, dtype=np.float32)
        g = out[:GLOBAL_FEATURES]
        per_rep = obs.team_target / max(1, len(obs.reps))
        g[:] = [
            obs.week / max(1, obs.weeks),
            obs.period / max(1, obs.periods),
            obs.week_in_period / max(1, obs.period_weeks),
            _ratio(obs.team_booked, obs.team_target),
            _ratio(obs.revenue_total, obs.target_to_date),
            _ratio(obs.hours_available, obs.hours_per_week),
            _ratio(plan.hours_left, obs.hours_per_week),
            _ratio(obs.budget_left, obs.budget_per_period),
            _ratio(plan.budget_left, obs.budget_per_period),
            obs.contest_running,
            obs.team_met,
            obs.team_goal_set,
            obs.daily_plans,
            obs.call_analytics,
            _ratio(len(obs.reps) + obs.pending_hires, obs.max_headcount),
            sum(1 for i in obs.inbox if i.open) / INBOX_SLOTS,
            obs.team_mood,
            len(obs.orphan_deals) / DEALS_SHOWN,
        ]
        planned = Counter(getattr(p.action, "rep", None) for p in plan)
        seats = self._seated(obs)
        for rep in obs.reps:
            if rep.id not in seats:
                continue  # more reps than positions: the ones beyond are not seen
            start = GLOBAL_FEATURES + seats[rep.id] * REP_FEATURES
            out[start : start + REP_FEATURES] = _rep_features(rep, obs, per_rep, planned[rep.id])
        return np.clip(out, 0.0, TOP)


def _answer(item: int, choice: str) -> Action:
    from .actions import Answer

    return Answer(item, choice)


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 else 0.0


def _rep_features(rep: RepView, obs: Observation, per_rep: float, planned: int) -> list[float]:
    votes = Counter(HINT_SUGGESTS[k] for _, k in rep.hints if k in HINT_SUGGESTS)
    since_talk = obs.week - rep.last_one_on_one if rep.last_one_on_one is not None else 10
    return [
        1.0,
        rep.tenure_years / 10,
        rep.veteran,
        rep.novice,
        _ratio(rep.quota, per_rep),
        rep.attainment,
        rep.pace,
        rep.mood,
        *(float(rep.type is t) for t in TYPES),
        *(votes[t] / 5 for t in TYPES),
        rep.flight_risk or 0.0,
        rep.flight_risk is not None,
        rep.weakest_skill is not None,
        len(rep.deals) / 20,
        rep.stalled_deals / 10,
        _ratio(rep.pipeline, rep.quota),
        rep.deputy,
        rep.profit_share,
        rep.autonomy,
        rep.development_plan,
        rep.mentor is not None,
        rep.mentee is not None,
        rep.rival is not None,
        rep.key_accounts / 5,
        rep.ramping,
        min(10, since_talk) / 10,
        rep.pipeline_reviewed,
        planned / 5,
    ]
