"""How a batch stops when the person running it says so.

Ctrl-C stops a batch the gentle way: no new run starts, the runs under way
finish and are kept, and the same command finishes the batch later. SIGTERM,
or SIGHUP from a closed terminal, stops it at once, workers and all.

A signal lands between any two bytecodes, and some moments must not be cut in
two: a worker process half started (the pool could then neither be used nor
shut down, and the command hung at exit waiting for idle workers) or a
finished run half written down. Within :meth:`Stopper.shielded` a Ctrl-C is
held and acted on as the moment ends. Once a stop is under way, another
Ctrl-C changes nothing: the runs it waits for are the ones it keeps.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .runs import USER_STOP


class Stopper:
    """A batch's answer to Ctrl-C, SIGTERM and SIGHUP while it runs.

    ``kill_workers`` ends every worker process at once (for SIGTERM and SIGHUP).
    """

    def __init__(self, kill_workers: Callable[[], None]) -> None:
        self.kill_workers = kill_workers
        self.terminated = False  # SIGTERM or SIGHUP: stop at once
        self.stopping = False  # a stop is under way
        self._shield = 0
        self._held = False  # a Ctrl-C that came while shielded

    def install(self) -> Callable[[], None]:
        """Take over the signals (from the main thread only); returns the undo."""
        USER_STOP.clear()
        self.terminated = self.stopping = self._held = False
        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def interrupt(signum: int, frame: Any) -> None:
            USER_STOP.set()
            if self.stopping:
                return  # already stopping: the runs under way finish and are kept
            if self._shield:
                self._held = True
                return
            self.stopping = True
            raise KeyboardInterrupt

        def terminate(signum: int, frame: Any) -> None:
            USER_STOP.set()
            self.terminated = self.stopping = True
            self.kill_workers()  # no worker outlives the batch
            raise KeyboardInterrupt

        ends = [signal.SIGTERM]
        if hasattr(signal, "SIGHUP"):  # a closed terminal stops the batch as SIGTERM does
            ends.append(signal.SIGHUP)
        old = {s: signal.getsignal(s) for s in (signal.SIGINT, *ends)}
        signal.signal(signal.SIGINT, interrupt)
        for s in ends:
            signal.signal(s, terminate)

        def undo() -> None:
            for s, handler in old.items():
                signal.signal(s, handler)

        return undo

    @contextlib.contextmanager
    def shielded(self) -> Iterator[None]:
        """A moment a Ctrl-C must not cut in two; one that came meanwhile stops the batch
        as the moment ends."""
        self._shield += 1
        try:
            yield
        finally:
            self._shield -= 1
        if not self._shield and self._held and not self.stopping:
            self._held = False
            self.stopping = True
            raise KeyboardInterrupt
