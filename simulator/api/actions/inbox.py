"""The inbox: answering a scenario's scripted messages with one of their choices."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..refusal import Refused
from .base import Action

if TYPE_CHECKING:
    from ...core.world import World
    from ..observation import ChoiceView
    from ..plan import Plan


@dataclass(frozen=True)
class Answer(Action):
    """Answer a scripted inbox message with one of its choices."""

    item: int
    choice: str

    kind: ClassVar[str] = "answer"

    def _choice(self, plan: Plan) -> ChoiceView:
        item = next((i for i in plan.obs.inbox if i.id == self.item), None)
        if item is None:
            raise Refused("unknown_item")
        if item.status == "notice":
            raise Refused("notice")
        if item.status != "open":
            raise Refused("answered")
        choice = next((c for c in item.choices if c.id == self.choice), None)
        if choice is None:
            raise Refused("unknown_choice")
        return choice

    def check(self, plan: Plan) -> None:
        self._choice(plan)

    def claims(self, plan: Plan) -> tuple[Hashable, ...]:
        return (("answer", self.item),)

    def cost(self, plan: Plan) -> tuple[float, float]:
        try:
            choice = self._choice(plan)
        except Refused:
            return 0.0, 0.0
        return choice.hours, choice.money

    def apply(self, world: World) -> dict[str, Any]:
        from ...core.script import apply_choice

        item = world.script.item(self.item)
        assert item is not None
        choice = item.event.choice(self.choice)
        assert choice is not None
        out = apply_choice(world, item, choice)
        reply = item.fill(choice.effects.reply)
        if reply.en or reply.zh:
            out["reply"] = {"en": reply.en, "zh": reply.zh}
        return out
