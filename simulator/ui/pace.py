"""The window's pace: how often it draws, and when the garbage collector runs.

A desk redrawn sixty times a second keeps the pointer and the keys answering at
once; a desk nobody touches needs none of that, so after a short rest it waits
for the next event instead (:data:`REST_AFTER_S`, :data:`REST_FPS`). And the
collector's automatic full pass, which stalls a random frame for tens of
milliseconds, is replaced by one in a frame of the game's choosing
(:class:`Collector`).
"""

from __future__ import annotations

import gc

FPS = 60  # frames a second while the player is at it
# A window left alone rests: after this long with no input and nothing being built it
# stops drawing sixty frames a second and waits for the next event (waking at once
# for it), drawing REST_FPS frames a second meanwhile (a caret still blinks).
REST_AFTER_S = 2.0
REST_FPS = 10


class Collector:
    """Garbage collection on the game's schedule, for as long as the window is open.

    Modules, fonts and the theme live as long as the window: they are frozen out of
    full passes, and the automatic full pass is switched off; the window asks for
    one (:meth:`collect`) in a frame of its own after each scene change and each
    week. A process that froze its heap before the window opened (a test runner,
    once it has collected its tests) runs its own collector: then the window leaves
    it as it found it (:attr:`owned` is false, and :meth:`collect` does nothing).
    """

    def __init__(self) -> None:
        self.owned = gc.get_freeze_count() == 0
        self._threshold = gc.get_threshold()
        if self.owned:
            gc.collect()
            gc.freeze()
            gc.set_threshold(self._threshold[0], self._threshold[1], 1_000_000)

    def collect(self) -> None:
        """A full pass over what is not frozen (killed widgets, the simulation's cyclic
        leftovers), when the window is on the game's schedule."""
        if self.owned:
            gc.collect()

    def release(self) -> None:
        """The collector back to its usual schedule, and the frozen heap thawed."""
        if self.owned:
            gc.set_threshold(*self._threshold)
            gc.unfreeze()
            self.owned = False
