"""A deal and its run through the project-sale stages on SimPy's calendar.

A deal's luck is fixed when it is born: its value, the length of each stage
and the dice for each stage's exit are read from the account's pre-drawn fate
block (see ``World``). What the manager and the rep do changes the odds those
dice are compared with, never the dice, so two policies run on one seed differ
only by what they did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import simpy

from .chains import start_soon
from .tables import STAGE_SHARE
from .types import OPEN_STAGES, RIGHT_POOL, Pool, Stage

if TYPE_CHECKING:
    from .params import ModelParams
    from .world import World

# The stages' shares of a sales cycle (STAGE_SHARE) live with the model's tables.
DAYS_PER_MONTH = 260 / 12

# Layout of a deal's fate block.
FATE_U = 16  # uniforms: [0] cycle length, [1..6] stage exits, [7..12] silent loss,
#              [13] loss reason, [14] start state, [15] spare
FATE_Z = 8  # normals: [0] value, [1..6] stage durations, [7] spare
LOSS_REASONS: tuple[str, ...] = ("competitor", "price", "no_decision", "budget")

# What moved a deal's odds, as the manager could know it: their own joint visits, the
# support they asked for (``support.<pool>.<key|right|wrong>``), the customer's deciding
# stage passed without its support (``unsupported.<stage>``), weeks untouched (``stall``),
# a price war when the deal opened (``price_war``), scripted news (``event.<id>``) and the
# seller's skill now against when the deal opened (``selling``). The rep's effort moves
# the odds too (``effort``), but a manager never sees effort itself.
HIDDEN_CAUSES = frozenset({"effort"})
CAUSES_SHOWN = 3  # a win or a loss tells at most this many causes (and always a joint visit)
CAUSE_MIN_POINTS = 0.5  # smaller moves are not worth a word


class Deal:
    """One opportunity at one account, owned by one rep."""

    __slots__ = (
        "account",
        "big",
        "causes",
        "closed",
        "created_day",
        "durations",
        "found_dead",
        "helped_at",
        "id",
        "last_heard",
        "last_touch",
        "outcome",
        "p_at_silence",
        "p_true",
        "push_by",
        "pushed",
        "pushes",
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
        # kept as plain floats: a deal reads its own dice one at a time, at each stage's
        # end and each shown chance, and a Python float is cheaper to read than a numpy one
        self.durations: list[float] = durations.tolist()
        self.u: list[float] = u.tolist()
        self.big = big
        self.stage = Stage.QUALIFICATION
        self.stage_day = day
        self.created_day = day
        self.last_touch = day  # the rep last worked it
        self.last_heard = day  # the customer last answered (a dead deal's calls go unanswered)
        self.zombie = False
        self.p_at_silence = 0.0
        self.found_dead = False  # the manager has seen that its customer went quiet
        self.closed = False
        self.outcome: Stage | None = None
        self.reviewed_day = -10_000
        self.shown_p = p_true
        self.support: dict[Pool, int] = {}
        self.pushed = False
        self.waiting: simpy.Event | None = None
        self.selling = 1.0  # the owner's selling skill factor its odds were set with
        self.helped_at: set[tuple[Pool, Stage]] = set()  # support received, and at which stage
        # the ledger of what moved the true win chance, by cause (summed, in chance units):
        # it only records, it never changes the odds
        self.causes: dict[str, float] = {}
        self.push_by = ""  # who put the deal first in its rep's week: "manager" or "review"
        self.pushes: dict[str, float] = {}  # who, → the most days idle a push ended

    def note(self, cause: str, change: float) -> None:
        """Add ``change`` of the true win chance to ``cause`` in the deal's ledger."""
        if change:
            self.causes[cause] = self.causes.get(cause, 0.0) + float(change)

    def set_p(self, p: float, cause: str) -> None:
        """Set the true win chance and record the change under ``cause``."""
        self.note(cause, p - self.p_true)
        self.p_true = p

    def told_causes(self) -> list[list[object]]:
        """What moved the odds, as a manager could know it: ``[cause, points]``, biggest first.

        At most ``CAUSES_SHOWN`` causes of at least ``CAUSE_MIN_POINTS`` points,
        and always the manager's own joint visit.
        """
        known = [
            (c, 100.0 * x)
            for c, x in self.causes.items()
            if c not in HIDDEN_CAUSES and abs(100.0 * x) >= CAUSE_MIN_POINTS
        ]
        known.sort(key=lambda cx: (-abs(cx[1]), cx[0]))
        shown = known[:CAUSES_SHOWN]
        shown += [cx for cx in known[CAUSES_SHOWN:] if cx[0] == "joint_visit"]
        if "joint_visit" in self.causes and all(c != "joint_visit" for c, _ in shown):
            shown.append(("joint_visit", 100.0 * self.causes["joint_visit"]))
        return [[c, round(x, 1)] for c, x in shown]


def cycle_days(
    lo: float | np.ndarray, hi: float | np.ndarray, u: float | np.ndarray
) -> float | np.ndarray:
    """A deal's whole sales cycle in working days: ``u`` of the way from ``lo`` to ``hi``
    months (one deal's, or many at once)."""
    return (lo + (hi - lo) * u) * DAYS_PER_MONTH


def stage_durations(
    cycle_days: float | np.ndarray, z: np.ndarray, params: ModelParams
) -> np.ndarray:
    """Working days for each open stage, log-normally spread around the shares.

    One fate (``z`` of length ``FATE_Z``, a cycle length) or many at once
    (``z`` of shape ``(..., FATE_Z)``, a cycle length for each): the stage
    lengths along the last axis.
    """
    spread = params.stage_duration_sigma * z[..., 1:7] - params.stage_duration_shift
    return np.maximum(1.0, _SHARE * np.asarray(cycle_days)[..., None] * np.exp(spread))


_SHARE = np.asarray(STAGE_SHARE)
_SHARE.flags.writeable = False


# for each open stage: how many stages are left to pass from it (itself included), and
# which of a deal's dice decide whether the customer walks away at its end, and whether
# silently
_EXIT: dict[Stage, tuple[int, int, int]] = {
    s: (int(Stage.SIGNING) - int(s) + 1, 1 + int(s), 7 + int(s)) for s in OPEN_STAGES
}


class DealRun:
    """How one deal moves through its stages, from its current one to won or lost.

    In each stage the deal needs a certain amount of work; a rep at full
    effort gets through it in the drawn time, a half-hearted one slower. A
    deal nobody has touched for ``stall_days`` does not leave its stage until
    someone touches it again. At each stage's end the customer may walk away:
    the chance of getting through all remaining stages equals the deal's true
    win probability, so a better deal (support, joint visits, a skilled rep)
    survives more of its exits.

    The run lives on SimPy's calendar as a chain of events (each stage's end, a
    wake-up when a stalled deal is touched), each calling the next step, without
    a generator and a process object for each of the hundreds of deals a year.
    A deal the market makes during a working day starts its first stage at once
    (``at_once``: its rep's effort is the day's). Any other (inherited when the
    world is made, or brought by an event at a week's close) starts when the
    simulation next runs, once the events of that instant under way are done, as
    a process would: after the coming week's plan has set its rep's effort.
    """

    __slots__ = ("deal", "elapsed", "env", "next_stage", "params", "stages", "world")

    def __init__(
        self, world: World, deal: Deal, elapsed: float = 0.0, *, at_once: bool = False
    ) -> None:
        self.world = world
        self.deal = deal
        self.env = world.env
        self.params = world.params
        self.stages = OPEN_STAGES[int(deal.stage) :]
        self.next_stage = 0
        self.elapsed = elapsed
        if at_once:
            self._first(None)
            return
        start_soon(self.env, self._first)

    def _first(self, _event: simpy.Event | None) -> None:
        first = self.stages[0]
        remaining = self.deal.durations[int(first)] - self.elapsed
        self._enter(first, remaining, self.world.effort_of(self.deal.rep))

    def _enter(self, s: Stage, remaining: float, effort: float) -> None:
        """Start working stage ``s``: its end comes after its remaining work at today's
        ``effort`` (its rep's)."""
        p = self.params
        speed = 1.0 - p.effort_speed + p.effort_speed * effort
        self.env.timeout(max(0.5, remaining / max(0.2, speed))).callbacks.append(self._stage_end)

    def _stage_end(self, _event: simpy.Event) -> None:
        """The stage's work is done: wait for a touch if stalled, then the customer's exit."""
        deal = self.deal
        env = self.env
        p = self.params
        world = self.world
        if not deal.closed and env.now - deal.last_touch > p.stall_days:
            deal.waiting = env.event()
            deal.waiting.callbacks.append(self._stage_end)
            return
        if deal.closed:
            return
        s = self.stages[self.next_stage]
        left, exit_die, silence_die = _EXIT[s]
        effort = world.effort_of(deal.rep)
        worked = 1.0 - p.effort_win + p.effort_win * min(p.effort_win_cap, effort)
        chance = deal.p_true * worked
        # a rep who has grown (or a better one who took the deal over) sells it better now
        now_selling = world.selling_now(deal)
        selling = (now_selling / deal.selling) ** (1.0 / left)
        chance *= selling
        # the stage where this customer decides, passed without the help it wants (P11)
        unsupported = 1.0
        if s is world.key_stage(deal) and (RIGHT_POOL[s], s) not in deal.helped_at:
            unsupported = 1.0 - world.unsupported_penalty(deal)
            chance *= unsupported
        _note_exit(deal, left, worked, selling, unsupported, s)
        chance = chance if chance > 0.001 else 0.001
        chance = chance if chance < 0.999 else 0.999
        if deal.u[exit_die] >= chance ** (1.0 / left):
            world.deal_failed(deal, silent=bool(deal.u[silence_die] < p.silent_loss_share))
            return
        # through this stage: what is left to win is the rest of the way
        deal.p_true = min(p.stage_pass_cap, deal.p_true ** ((left - 1) / left)) if left > 1 else 1.0
        self.next_stage += 1
        if self.next_stage == len(self.stages):
            world.close_deal(deal, won=True)
            return
        s = self.stages[self.next_stage]
        deal.stage = s
        deal.stage_day = env.now
        world.on_stage(deal)
        self._enter(s, deal.durations[int(s)], effort)


def _note_exit(
    deal: Deal, left: int, worked: float, selling: float, unsupported: float, stage: Stage
) -> None:
    """Record in the deal's ledger what moved its odds at this stage's exit.

    The exit is passed with ``chance ** (1 / left)``, the rest of the way with
    the true chance's remaining share, so a factor ``f`` on ``chance`` moves the
    chance of winning from here by ``p × (f ** (1 / left) − 1)``; the three
    factors are booked one after the other so they add up to the whole move.
    """
    root = 1.0 / left
    base = deal.p_true
    w = worked**root
    deal.note("effort", base * (w - 1.0))
    if selling != 1.0:
        sl = selling**root
        deal.note("selling", base * w * (sl - 1.0))
        w *= sl
    if unsupported != 1.0:
        deal.note(f"unsupported.{stage.name.lower()}", base * w * (unsupported**root - 1.0))
