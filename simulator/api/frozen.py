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


class ReadOnlyDict(dict[str, Any]):
    """A mapping in a record that nobody may change: what a manager is told things cost,
    say. A plain dict in a frozen record could still be written to (a policy that set
    every cost to nothing fitted a week of 40 hours into 32). Read, compared, hashed
    as a dict is not, printed and pickled as a dict (a dict's own methods that would
    change it refuse, as its item assignment does)."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"{type(self).__name__} is read-only: what the observation says is so")

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> ReadOnlyDict:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ReadOnlyDict:
        return self
