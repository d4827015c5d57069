"""Named random streams spawned from one seed.

Every source of chance in the model draws from its own stream, identified by a
name and optional integer keys (a rep's id, an account's index). A stream's
numbers depend only on the seed and its identity, never on how many numbers
other streams used, so:

* the same seed and the same actions give bit-identical runs, in one process
  or many;
* two policies run on the same seed see the same market luck (common random
  numbers): what differs between them is what the manager did.

The global ``random`` module and ``numpy.random`` globals are never used.
"""

from __future__ import annotations

import zlib

import numpy as np

# a run's seed is 0 .. SEEDS - 1: saves and a batch's tables keep it as a 64-bit integer
SEEDS = 2**63


def _name_key(name: str) -> int:
    # crc32 is stable across processes and Python versions, unlike hash().
    return zlib.crc32(name.encode("utf-8"))


class Streams:
    """A factory of independent generators keyed by name, all from one seed."""

    def __init__(self, seed: int) -> None:
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
        self.seed = int(seed)
        self._cache: dict[tuple[str, tuple[int, ...]], np.random.Generator] = {}

    def sequence(self, name: str, *keys: int) -> np.random.SeedSequence:
        """The SeedSequence behind stream ``name`` (with ``keys``)."""
        spawn_key = (_name_key(name), *(int(k) for k in keys))
        return np.random.SeedSequence(entropy=self.seed, spawn_key=spawn_key)

    def get(self, name: str, *keys: int) -> np.random.Generator:
        """The generator for stream ``name``; the same object on every call."""
        gen = self._cache.get((name, keys))
        if gen is None:
            gen = np.random.Generator(np.random.PCG64(self.sequence(name, *keys)))
            self._cache[(name, keys)] = gen
        return gen

    def weekly(self, name: str, week: int, ahead: int = 13) -> np.random.Generator:
        """The generator for stream ``name`` keyed by ``week``, as :meth:`get` gives it.

        A stream drawn from once a week needs a new generator every week, and
        making one in the middle of a simulated week is slow (about a tenth of a
        millisecond, as the machine's caches have forgotten how; the next one
        made straight after takes a tenth of that). So on a miss the next
        ``ahead`` weeks' generators are made together. Which numbers each
        generator gives depends only on the seed, the name and the week, never
        on when it was made.
        """
        gen = self._cache.get((name, (week,)))
        if gen is None:
            for w in range(week, week + ahead):
                self.get(name, w)
            gen = self._cache[(name, (week,))]
        return gen
