"""Why an action cannot be taken: a code and the numbers behind it, never prose.

The same refusal is shown to a player at the desk (in English or Chinese),
to an analyst reading a batch's log and to a learning agent (as a masked-out
action), so it is data: a short code such as ``no_hours`` and the values that
explain it (``need``, ``left``). The words are made where all words are made
(:mod:`simulator.texts`, told by :mod:`simulator.narrate`); :attr:`Refusal.reason`
is the plain English sentence, for scripts and logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Refusal:
    """One reason an action does not fit now."""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The reason in plain English (amounts without a currency sign)."""
        from ..texts import refusal_text

        return refusal_text(self, "en")


class Refused(Exception):
    """Raised inside an action's check; carries the :class:`Refusal`."""

    def __init__(self, code: str, **values: Any) -> None:
        self.refusal = Refusal(code, values)
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.refusal.code
