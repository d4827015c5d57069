"""salesim: a sales-manager training simulator.

The package is layered (see the README's project layout): ``core`` is the SimPy
world and its behavioural model; ``actions`` and ``observe`` are the only doors
a manager, human or scripted, has into it; ``session`` runs a game or a batch
run; ``scoring`` turns what happened into a balanced scorecard.
"""

__version__ = "0.1.0"
