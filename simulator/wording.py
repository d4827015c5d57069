"""English counts for the analysts' and trainers' command-line output.

The game's words, in every language, come from the catalogs (:mod:`.texts`);
what ``batch``, ``calibrate``, ``compare`` and ``sensitivity`` print is English,
and these keep its counts grammatical: "1 seed", "30 seeds", "2 policies".
"""

from __future__ import annotations

from collections.abc import Sequence


def counted(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun in English, singular or plural: "1 seed", "30 seeds",
    "1 policy", "2 policies" (``many`` where adding "s" is wrong). For the analysts'
    command-line output, which is English; the game's words use the catalogs."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def seeds_range(seeds: Sequence[int]) -> str:
    """Which seeds a study played, in words: "seed 7", "seeds 1–30"."""
    seeds = list(seeds)
    if len(seeds) == 1:
        return f"seed {seeds[0]}"
    return f"seeds {seeds[0]}–{seeds[-1]}"
