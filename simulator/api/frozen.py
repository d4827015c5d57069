"""Frozen records made in one step.

The manager's side of the game makes many small immutable records a week:
a view of each rep, a planned item for each action, a result and a log line
for each action done. A frozen dataclass's own ``__init__`` sets each field
through ``object.__setattr__`` (the price of being frozen), which for a
33-field rep view is most of what the view costs. :func:`frozen` fills the
new instance's ``__dict__`` at once instead: the same object the class's
constructor makes, compared, hashed, printed and pickled alike.

It is for records the project makes itself, in its hot paths, with every
field given by name (the tests check each record holds exactly its fields);
anyone else builds them the usual way.
"""

from __future__ import annotations

from typing import Any, TypeVar

_R = TypeVar("_R")


def frozen(cls: type[_R], fields: dict[str, Any]) -> _R:
    """An instance of the frozen dataclass ``cls`` with exactly ``fields`` (each field's
    name → its value; a dict written out where it is made is the cheapest to build)."""
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record
