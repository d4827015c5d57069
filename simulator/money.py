"""Amounts of money written the short way people read them: 640k, 2.40M."""

from __future__ import annotations


def short_money(amount: float, currency: str = "") -> str:
    """``2_400_000`` → ``"2.40M"`` (``"¥2.40M"`` with a currency sign)."""
    if abs(amount) >= 1e6:
        return f"{currency}{amount / 1e6:.2f}M"
    if abs(amount) >= 1e3:
        return f"{currency}{amount / 1e3:.0f}k"
    return f"{currency}{amount:.0f}"
