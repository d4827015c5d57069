"""What an action is: a small frozen record of a manager's decision, and how it is carried out.

Every lever of the game (:mod:`simulator.api.actions`) is a subclass of
:class:`Action`. An action knows four things about itself:

* its **fields** (whom, what, how much), each of a declared type, checked
  strictly before anything else (:meth:`Action.validate`): a quota is a finite
  number, a rep is an integer id, ``public`` is a boolean, never ``"no"``;
* whether it **fits** the week being planned (:meth:`Action.check`), judged
  against what the manager can know: the week's observation plus the actions
  already in the plan (:class:`~simulator.api.plan.Plan`);
* what it **costs** (:meth:`Action.cost`), in hours and money, from the same;
* what it **does** to the world (:meth:`Action.apply`), through the model's
  levers in :mod:`simulator.core.levers`. Only the session calls this, for an
  action a plan accepted (:func:`execute`).

Actions serialise to plain dicts (:meth:`Action.to_dict`,
:func:`action_from_dict`) for saves and batch logs; reading one back is as
strict as planning one.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from ..frozen import frozen
from ..refusal import Refusal, Refused

if TYPE_CHECKING:
    from ...core.world import World
    from ..observation import Observation
    from ..plan import Plan

ACTION_TYPES: dict[str, type[Action]] = {}

# Effects of an action the manager perceives at once: what people say and what a
# review turns up. Changes to moods, skills and true odds stay hidden; the manager
# sees reactions (the "reaction" events) and, later, results.
# no amount a manager sets (a quota, a promise) goes beyond this: a trillion is far above
# any team's target (the scenario files' own limit), far below where sums overflow
MAX_AMOUNT = 1e12
SEEN_EFFECTS = frozenset(
    {
        "hint",
        "revealed",
        "choice",
        "reply",
        "left",
        "target_change",
        "flight_risk",
        "stuck_deals",
        "overloaded",
        "stalled",
        "dead",
        "deal",
        "promise",
        "amount",
        "account",
        "accounts",
        "task",
        "supervision",
        "pool",
        "queue",
        "weeks",
        "type",
        "skill",
        "period",
        "quota",
    }
)


@dataclass(frozen=True)
class Action:
    """Base class: subclasses set ``kind`` and implement ``check`` and ``apply``."""

    kind: ClassVar[str] = ""
    hours_key: ClassVar[str | None] = None  # the ``hour_costs`` entry it costs
    money_key: ClassVar[str | None] = None  # the ``money_costs`` entry it costs
    purpose: ClassVar[str] = ""
    replaces: ClassVar[bool] = False  # a second one of the same claim replaces the first

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # the game's own kinds: a policy's subclass of one (a 1:1 that costs nothing)
        # neither takes its place nor is planned (see ``Plan``)
        if cls.kind and cls.__module__.startswith(__package__ or "simulator.api.actions"):
            ACTION_TYPES[cls.kind] = cls

    # --- planning -----------------------------------------------------------
    def validate(self) -> None:
        """Raise :class:`Refused` (``bad_value``) when a field is not of its declared type."""
        for name, conforms in _field_checks(type(self)):
            if not conforms(getattr(self, name)):
                raise Refused("bad_value", field=name)

    def check(self, plan: Plan) -> None:
        """Raise :class:`Refused` when the action does not fit the week being planned."""

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        """What this action uses up for the week: a second claim of it is refused."""
        return ()

    def cost(self, plan: Plan) -> tuple[float, float]:
        """(hours, money) this action will cost, judged from what the manager sees."""
        obs = plan.obs
        hours = obs.hour_costs[self.hours_key] if self.hours_key else 0.0
        money = obs.money_costs[self.money_key] if self.money_key else 0.0
        return hours, money

    def estimate(self, obs: Observation) -> tuple[float, float]:
        """(hours, money) against an observation alone (as if nothing were planned yet)."""
        from ..plan import Plan

        return self.cost(Plan(obs))

    # --- doing --------------------------------------------------------------
    def apply(self, world: World) -> dict[str, Any]:
        raise NotImplementedError

    # --- serialisation ------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for name, _ in _field_kinds(type(self)):
            data[name] = _json(getattr(self, name))
        return data


@dataclass(frozen=True)
class Result:
    """What became of an action: done (with its effects) or refused (with why)."""

    ok: bool
    action: Any
    refusal: Refusal | None = None
    hours: float = 0.0
    money: float = 0.0
    effects: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.refusal.code if self.refusal is not None else ""

    @property
    def reason(self) -> str:
        """Why it was refused, in plain English ("" when it was done)."""
        return self.refusal.reason if self.refusal is not None else ""


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from :meth:`Action.to_dict` output, as strictly as it is planned.

    Raises ``ValueError`` naming what is wrong: an unknown kind, a missing or
    unknown field, or a value not of the field's type.
    """
    if not isinstance(data, dict):
        raise ValueError(f"an action is a mapping, not {type(data).__name__}")
    data = dict(data)
    kind = data.pop("kind", None)
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown action kind {kind!r}")
    kinds = dict(_field_kinds(cls))
    extra = sorted(str(k) for k in data if k not in kinds)
    if extra:
        raise ValueError(f"{kind}: unknown field {extra[0]!r}")
    kwargs: dict[str, Any] = {}
    for name, ann in kinds.items():
        if name not in data:
            continue
        kwargs[name] = _parse(data[name], ann)
    try:
        action = cls(**kwargs)
    except TypeError:
        missing = [f.name for f in fields(cls) if f.name not in kwargs]
        raise ValueError(f"{kind}: missing field {missing[0]!r}") from None
    try:
        action.validate()
    except Refused as r:
        raise ValueError(f"{kind}: bad value for {r.refusal.values['field']!r}") from None
    return action


def execute(
    world: World, action: Action, hours: float, money: float, *, seen_only: bool = False
) -> Result:
    """Carry out an action a plan accepted: charge it, apply it, log it.

    Only the session calls this, with the costs the plan computed. What the
    action did to people's hidden state is logged for the debrief, not shown.
    An action overtaken by an earlier one of the same plan (an inbox answer
    that made its rep leave, say) is refused instead. ``seen_only``: the
    result holds only the effects a manager perceives (as
    :func:`seen_by_manager` would make it).
    """
    stale = _overtaken(world, action)
    if stale is not None:
        return record_refusal(world, action, stale)
    m = world.manager
    m.hours_used += hours
    m.budget_left -= money
    m.budget_spent_total += money
    effects = action.apply(world) or {}
    rep = getattr(action, "rep", None)
    done = _Done(action, hours, money, effects)
    now, week, log = world.env.now, world.week, world.log
    log.add_deferred(now, week, "action", rep, True, done)
    log.add_deferred(now, week, "action_effects", rep, False, done)
    told = done.seen() if seen_only else dict(effects)
    return frozen(
        Result,
        {
            "ok": True,
            "action": action,
            "refusal": None,
            "hours": hours,
            "money": money,
            "effects": told,
        },
    )


class _Done:
    """An action carried out, as the log keeps it until someone reads it: the action
    and its raw effects, put into plain values (:func:`_plain`) only then. It holds
    the only reference to its effects, so nothing the world does later changes them."""

    __slots__ = ("action", "effects", "hours", "money")

    def __init__(self, action: Action, hours: float, money: float, effects: dict) -> None:
        self.action = action
        self.hours = hours
        self.money = money
        self.effects = effects

    def __call__(self, kind: str) -> dict[str, Any]:
        return self.as_seen() if kind == "action" else self.as_effects()

    def seen(self) -> dict[str, Any]:
        return {k: v for k, v in self.effects.items() if k in SEEN_EFFECTS}

    def as_seen(self) -> dict[str, Any]:
        """The ``action`` event: what was done, at what cost, and what the manager saw."""
        return {
            "action": self.action.to_dict(),
            "hours": self.hours,
            "money": self.money,
            "effects": _plain(self.seen()),
        }

    def as_effects(self) -> dict[str, Any]:
        """The hidden ``action_effects`` event: everything the action did."""
        return {"action": self.action.kind, "effects": _plain(self.effects)}


# where an action names a person (a rep, both sides of a rivalry or a mentoring, a deputy)
PEOPLE_FIELDS = ("rep", "rival", "mentor", "novice", "deputy")
_REFERS: dict[type, tuple[tuple[str, ...], bool]] = {}


def _refers_to(cls: type) -> tuple[tuple[str, ...], bool]:
    """Which of an action class's names may hold a person, and whether one may hold a
    deal (its fields, or anything the class itself defines), worked out once per class."""
    known = _REFERS.get(cls)
    if known is None:
        names = {f.name for f in fields(cls)} if is_dataclass(cls) else set()
        has = [n for n in (*PEOPLE_FIELDS, "deal") if n in names or hasattr(cls, n)]
        known = _REFERS[cls] = (tuple(n for n in has if n != "deal"), "deal" in has)
    return known


def _overtaken(world: World, action: Action) -> Refusal | None:
    """A rep gone or a deal closed since the plan was made, by the plan's own earlier actions."""
    people, has_deal = _refers_to(type(action))
    for name in people:
        rep_id = getattr(action, name, None)
        if isinstance(rep_id, int) and not world.reps[rep_id].active:
            return Refusal("rep_left")
    if not has_deal:
        return None
    deal_id = getattr(action, "deal", None)
    if isinstance(deal_id, int):
        deal = world.deals.get(deal_id)
        if deal is None or deal.closed:
            return Refusal("deal_closed")
    return None


def record_refusal(world: World, action: Any, refusal: Refusal) -> Result:
    """Log that an action was refused (the week report says so); nothing else changes."""
    kind = action.kind if isinstance(action, Action) else type(action).__name__
    world.event(
        "action_refused", None, action=kind, code=refusal.code, values=_plain(refusal.values)
    )
    return Result(False, action, refusal)


def seen_by_manager(result: Result) -> Result:
    """The part of a result a manager can perceive (no hidden moods, odds or fates)."""
    seen = {k: v for k, v in result.effects.items() if k in SEEN_EFFECTS}
    return Result(result.ok, result.action, result.refusal, result.hours, result.money, seen)


# ------------------------------------------------------------------ field types
_KINDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _field_kinds(cls: type[Action]) -> tuple[tuple[str, Any], ...]:
    """Each dataclass field of an action with its resolved type annotation (worked out once)."""
    kinds = _KINDS.get(cls)
    if kinds is None:
        from ...core import types as vocabulary

        hints = typing.get_type_hints(cls, localns=vars(vocabulary))
        kinds = _KINDS[cls] = tuple((f.name, hints[f.name]) for f in fields(cls))
    return kinds


_CHECKS: dict[type, tuple[tuple[str, Callable[[Any], bool]], ...]] = {}
_CHECKERS: dict[Any, Callable[[Any], bool]] = {}


def _field_checks(cls: type[Action]) -> tuple[tuple[str, Callable[[Any], bool]], ...]:
    """Each field of an action with the test of its declared type (built once per class:
    every action planned, by a player or a policy, is judged against it)."""
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = tuple((n, _checker(k)) for n, k in _field_kinds(cls))
    return checks


def _conforms(value: Any, kind: Any) -> bool:
    """Does ``value`` have the declared type? Numbers must be finite, ids real integers."""
    return _checker(kind)(value)


def _checker(kind: Any) -> Callable[[Any], bool]:
    """The test of a declared type, worked out once per type."""
    check = _CHECKERS.get(kind)
    if check is None:
        check = _CHECKERS[kind] = _make_checker(kind)
    return check


def _finite_number(value: Any) -> bool:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for any float
        return False


def _make_checker(kind: Any) -> Callable[[Any], bool]:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        parts = tuple(_checker(k) for k in typing.get_args(kind))
        return lambda value: any(part(value) for part in parts)
    if kind is type(None):
        return lambda value: value is None
    if origin is tuple:
        inner = _checker(typing.get_args(kind)[0])
        return lambda value: isinstance(value, tuple) and all(inner(v) for v in value)
    if kind is bool:
        return lambda value: isinstance(value, bool)
    if kind is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if kind is float:
        return _finite_number
    if isinstance(kind, type):
        return lambda value: isinstance(value, kind)
    return lambda value: True


def _parse(value: Any, kind: Any) -> Any:
    """A value read from a log, turned into the field's type where that is unambiguous."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        for k in typing.get_args(kind):
            if k is type(None) and value is None:
                return None
            if isinstance(k, type) and issubclass(k, Enum) and isinstance(value, str):
                try:
                    return k(value)
                except ValueError:
                    continue
            if typing.get_origin(k) is tuple and isinstance(value, list):
                return tuple(value)
        return value
    if isinstance(kind, type) and issubclass(kind, Enum) and isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            return value
    if origin is tuple and isinstance(value, list):
        return tuple(value)
    return value


def _json(value: Any) -> Any:
    """A field's value as JSON data, exactly (enums by value, tuples as lists)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


_AS_IS = frozenset({int, str, bool, type(None)})


def _plain(value: Any) -> Any:
    """Values as plain JSON-friendly data for the log."""
    kind = type(value)
    if kind in _AS_IS:  # most of a log's values: nothing to do
        return value
    if kind is float:
        return round(value, 4)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, np.generic):  # a numpy truth value or count: as plain Python
        return _plain(value.item())
    return value
