"""A run's time limit (``--timeout``): its default, its ceiling and what is wrong with one.

Kept apart from the pool that enforces it, so the command line can give the default
in its help without loading the runner.
"""

from __future__ import annotations

DEFAULT_TIMEOUT = 600.0  # seconds one run may take before it counts as failed (a year: < 2 s)
LONGEST_TIMEOUT = 86_400.0  # a longer --timeout is a mistake (and beyond the clock's reach)


def timeout_problem(timeout: float | None) -> str | None:
    """What is wrong with a run's time limit (``--timeout``), in words; None if nothing."""
    if timeout is not None and not timeout > 0:
        return "--timeout must be more than 0 seconds"
    if timeout is not None and timeout > LONGEST_TIMEOUT:
        return (
            f"--timeout {timeout:g}: at most {LONGEST_TIMEOUT:,.0f} seconds (a day; "
            "a year plays in about a second)"
        )
    return None
