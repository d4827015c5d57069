"""Policies written outside the package, as an analyst would: used by the batch tests."""

from __future__ import annotations

import os

from simulator.api import OneOnOne
from simulator.policies import ByTheBook


class TalkOnly:
    """Holds a 1:1 with everyone each week, and nothing else."""

    name = "talk_only"

    def reset(self, rng) -> None:
        pass

    def decide(self, obs):
        return [OneOnOne(r.id) for r in obs.reps]


class FailsSometimes(ByTheBook):
    """The handbook's routine, but on about half of the seeds it raises in week 3."""

    def reset(self, rng) -> None:
        super().reset(rng)
        self.doomed = float(rng.random()) < 0.5

    def decide(self, obs):
        if self.doomed and obs.week == 3:
            raise ValueError("this policy gives up in week 3")
        return super().decide(obs)


class DiesSometimes(ByTheBook):
    """On about a third of the seeds it kills its own process in week 2."""

    def reset(self, rng) -> None:
        super().reset(rng)
        self.doomed = float(rng.random()) < 0.3

    def decide(self, obs):
        if self.doomed and obs.week == 2:
            os._exit(3)
        return super().decide(obs)


class DiesRarely(DiesSometimes):
    """On about one seed in ten it kills its own process in week 2."""

    def reset(self, rng) -> None:
        ByTheBook.reset(self, rng)
        self.doomed = float(rng.random()) < 0.1


class OpensAfterThree(TalkOnly):
    """The first three runs of a batch play freely; the rest wait for a gate to open.

    The gate is the folder named by ``SALESIM_TEST_GATE``: each run takes a numbered
    ticket there as it starts, and runs after the third wait until the file ``open``
    appears. So exactly three runs finish before the test opens the gate, however
    fast or busy the machine.
    """

    def reset(self, rng) -> None:
        import time
        from pathlib import Path

        gate = Path(os.environ["SALESIM_TEST_GATE"])
        ticket = 0
        while True:
            try:
                os.close(os.open(gate / f"ticket{ticket}", os.O_CREAT | os.O_EXCL))
                break
            except FileExistsError:
                ticket += 1
        while ticket >= 3 and not (gate / "open").exists():
            time.sleep(0.01)


class NoDecide:
    """Not a policy: it cannot decide."""


def doomed_seeds(cls: type, seeds) -> list[int]:
    """The seeds on which a Sometimes policy gives up (as its reset would draw)."""
    from simulator.core.rng import Streams

    out = []
    for s in seeds:
        p = cls()
        p.reset(Streams(s).get("policy"))
        if p.doomed:
            out.append(s)
    return out


class Hangs(TalkOnly):
    """On the first seed it never answers (a hang in week 2): the batch's --timeout."""

    def reset(self, rng) -> None:
        self.doomed = float(rng.random()) < 0.5

    def decide(self, obs):
        import time

        if self.doomed and obs.week == 2:
            while True:
                time.sleep(1)
        return super().decide(obs)


class Exits(TalkOnly):
    """Calls sys.exit(0) in week 2 on about half of the seeds."""

    def reset(self, rng) -> None:
        self.doomed = float(rng.random()) < 0.5

    def decide(self, obs):
        import sys

        if self.doomed and obs.week == 2:
            sys.exit(0)
        return super().decide(obs)


class Interrupts(TalkOnly):
    """Raises KeyboardInterrupt in week 2 on about half of the seeds."""

    def reset(self, rng) -> None:
        self.doomed = float(rng.random()) < 0.5

    def decide(self, obs):
        if self.doomed and obs.week == 2:
            raise KeyboardInterrupt
        return super().decide(obs)


class SwallowsEverything(TalkOnly):
    """In week 2 it never answers, and a bare ``except:`` swallows whatever would stop it
    (the batch's time limit, Ctrl-C). It says it is there by a file named ``hanging`` in
    the folder ``SALESIM_TEST_GATE`` names, if any."""

    def decide(self, obs):
        import time
        from pathlib import Path

        if obs.week == 2:
            gate = os.environ.get("SALESIM_TEST_GATE")
            if gate:
                (Path(gate) / "hanging").touch()
            while True:
                try:  # noqa: SIM105
                    time.sleep(0.05)
                except:  # noqa: E722 (the point: it swallows everything)
                    pass
        return super().decide(obs)


class SwallowsThenAnswers(TalkOnly):
    """In week 2 it swallows whatever would stop it for three seconds, then answers."""

    def decide(self, obs):
        import time

        if obs.week == 2:
            end = time.monotonic() + 3
            while time.monotonic() < end:
                try:  # noqa: SIM105
                    time.sleep(0.05)
                except:  # noqa: E722 (the point: it swallows everything)
                    pass
        return super().decide(obs)


class RaisesBase(TalkOnly):
    """Raises a BaseException of its own (not an Exception) in week 2."""

    def decide(self, obs):
        if obs.week == 2:
            raise BaseException("boom")
        return super().decide(obs)


class RaisesGeneratorExit(TalkOnly):
    """Raises GeneratorExit in week 2."""

    def decide(self, obs):
        if obs.week == 2:
            raise GeneratorExit
        return super().decide(obs)


class Prints(TalkOnly):
    """Prints a line every week, as a policy being debugged does."""

    def decide(self, obs):
        print("policy here, week", obs.week)
        return super().decide(obs)
