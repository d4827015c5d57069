"""A deal and the SimPy process that carries it through the project-sale stages.

A deal's luck is fixed when it is born: its value, the length of each stage
and the dice for each stage's exit are read from the account's pre-drawn fate
block (see ``World``). What the manager and the rep do changes the odds those
dice are compared with, never the dice, so two policies run on one seed differ
only by what they did.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

import numpy as np
import simpy

from .tables import STAGE_SHARE
from .types import OPEN_STAGES, RIGHT_POOL, Pool, Stage

if TYPE_CHECKING:
    import simpy

    from .params import ModelParams
    from .world import World

# The stages' shares of a sales cycle (STAGE_SHARE) live with the model's tables.
DAYS_PER_MONTH = 260 / 12

# Layout of a deal's fate block.
FATE_U = 16  # uniforms: [0] cycle length, [1..6] stage exits, [7..12] silent loss,
#              [13] loss reason, [14] start state, [15] spare
FATE_Z = 8  # normals: [0] value, [1..6] stage durations, [7] spare
LOSS_REASONS: tuple[str, ...] = ("competitor", "price", "no_decision", "budget")


class Deal:
    """One opportunity at one account, owned by one rep."""

    __slots__ = (
        "account",
        "big",
        "closed",
        "created_day",
        "durations",
        "helped_at",
        "id",
        "last_touch",
        "outcome",
        "p_at_silence",
        "p_true",
        "pushed",
        "rep",
        "reviewed_day",
        "segment",
        "selling",
        "serial",
        "shown_p",
        "stage",
        "stage_day",
        "support",
        "u",
        "value",
        "waiting",
        "zombie",
    )

    def __init__(
        self,
        deal_id: int,
        account: int,
        segment: int,
        rep: int | None,
        value: float,
        p_true: float,
        durations: np.ndarray,
        u: np.ndarray,
        day: float,
        big: bool,
        serial: int = 0,
    ) -> None:
        self.id = deal_id
        self.account = account
        self.serial = serial  # this is the account's serial-th opportunity: it picks the dice
        self.segment = segment
        self.rep = rep
        self.value = value
        self.p_true = p_true
        self.durations = durations
        self.u = u
        self.big = big
        self.stage = Stage.QUALIFICATION
        self.stage_day = day
        self.created_day = day
        self.last_touch = day
        self.zombie = False
        self.p_at_silence = 0.0
        self.closed = False
        self.outcome: Stage | None = None
        self.reviewed_day = -10_000
        self.shown_p = p_true
        self.support: dict[Pool, int] = {}
        self.pushed = False
        self.waiting: simpy.Event | None = None
        self.selling = 1.0  # the owner's selling skill factor its odds were set with
        self.helped_at: set[tuple[Pool, Stage]] = set()  # support received, and at which stage


def stage_durations(cycle_days: float, z: np.ndarray, params: ModelParams) -> np.ndarray:
    """Working days for each open stage, log-normally spread around the shares."""
    share = np.asarray(STAGE_SHARE)
    spread = params.stage_duration_sigma * z[1:7] - params.stage_duration_shift
    return np.maximum(1.0, share * cycle_days * np.exp(spread))


def run_deal(
    world: World, deal: Deal, elapsed: float = 0.0
) -> Generator[simpy.Event, object, None]:
    """The SimPy process of one deal, from its current stage to won or lost.

    In each stage the deal needs a certain amount of work; a rep at full
    effort gets through it in the drawn time, a half-hearted one slower. A
    deal nobody has touched for ``stall_days`` does not leave its stage until
    someone touches it again. At each stage's end the customer may walk away:
    the chance of getting through all remaining stages equals the deal's true
    win probability, so a better deal (support, joint visits, a skilled rep)
    survives more of its exits.
    """
    env = world.env
    p = world.params
    first = True
    for s in OPEN_STAGES[int(deal.stage) :]:
        if not first:
            deal.stage = s
            deal.stage_day = env.now
            world.on_stage(deal)
        remaining = float(deal.durations[int(s)]) - (elapsed if first else 0.0)
        first = False
        effort = world.effort_of(deal.rep)
        speed = 1.0 - p.effort_speed + p.effort_speed * effort
        yield env.timeout(max(0.5, remaining / max(0.2, speed)))
        while not deal.closed and env.now - deal.last_touch > p.stall_days:
            deal.waiting = env.event()
            yield deal.waiting
        if deal.closed:
            return
        left = int(Stage.SIGNING) - int(s) + 1
        effort = world.effort_of(deal.rep)
        chance = deal.p_true * (1.0 - p.effort_win + p.effort_win * min(p.effort_win_cap, effort))
        # a rep who has grown (or a better one who took the deal over) sells it better now
        now_selling = world.selling_now(deal)
        chance *= (now_selling / deal.selling) ** (1.0 / left)
        # the stage where this customer decides, passed without the help it wants (P11)
        if s is world.key_stage(deal) and (RIGHT_POOL[s], s) not in deal.helped_at:
            chance *= 1.0 - world.unsupported_penalty(deal)
        chance = min(0.999, max(0.001, chance))
        if deal.u[1 + int(s)] >= chance ** (1.0 / left):
            world.deal_failed(deal, silent=bool(deal.u[7 + int(s)] < p.silent_loss_share))
            return
        # through this stage: what is left to win is the rest of the way
        deal.p_true = min(p.stage_pass_cap, deal.p_true ** ((left - 1) / left)) if left > 1 else 1.0
    world.close_deal(deal, won=True)
