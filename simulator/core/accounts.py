"""The customer archive (P12), stored column-wise for the daily drift.

Hundreds of accounts change a little every day (relationships cool without
contact, warm with care; good customers grow). Those small changes are one
vectorised update over numpy columns in the world's daily process, so no
account ever needs a process or a wake-up of its own. Rare things (a deal, a
churn, a note in the history) are stored per account on demand.
"""

from __future__ import annotations

import numpy as np

DECISION_STYLES: tuple[str, ...] = ("consensus", "top_down", "technical", "price_driven")


class AccountBook:
    """All accounts of the market, as parallel numpy columns."""

    def __init__(
        self,
        names: list[str],
        segment: np.ndarray,
        segment_names: list[str],
        potential: np.ndarray,
        relationship: np.ndarray,
        owner: np.ndarray,
        style: np.ndarray,
    ) -> None:
        self.names = names
        self.names_zh = list(names)  # as a Chinese game shows them (the world sets them)
        self.segment = segment.astype(np.int64)
        self.segment_names = segment_names
        self.potential = potential.astype(float)
        self.start_potential = self.potential.copy()
        self.relationship = relationship.astype(float)
        self.start_relationship = self.relationship.copy()
        self.owner = owner.astype(np.int64)  # -1: nobody looks after it
        self.style = style.astype(np.int64)
        n = len(names)
        self.key = np.zeros(n, dtype=bool)
        self.churned = np.zeros(n, dtype=bool)
        # the day of the last contact this season; -1: none yet (what came before the
        # season is not on file)
        self.last_contact = np.full(n, -1, dtype=np.int64)
        self.deal_count = np.zeros(n, dtype=np.int64)
        self.open_deals = np.zeros(n, dtype=np.int64)
        self.won_value = np.zeros(n, dtype=float)
        # notes per account, as tuples (replaced, never mutated, so snapshots stay true)
        # each account's story: (day, what happened, a detail, the deal's value or 0)
        self.history: dict[int, tuple[tuple[int, str, str, float], ...]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def note(self, account: int, day: float, kind: str, text: str = "", value: float = 0.0) -> None:
        """Add to an account's story; ``value``: the deal's, when it is about a deal (an
        account with two deals tells which one was won and which lost)."""
        self.history[account] = (
            *self.history.get(account, ()),
            (int(day), kind, text, float(value)),
        )

    def owned_by(self, rep_id: int) -> np.ndarray:
        return np.flatnonzero((self.owner == rep_id) & ~self.churned)

    def health(self) -> float:
        """Potential-weighted mean relationship; a churned account counts as 0."""
        w = self.start_potential
        rel = np.where(self.churned, 0.0, self.relationship)
        return float((rel * w).sum() / w.sum())
