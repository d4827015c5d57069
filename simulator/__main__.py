"""``python -m simulator`` is the ``salesim`` command (and ``salesim`` starts here too)."""

import sys


def run() -> int:
    """The command, with a Ctrl-C while it is still loading its parts a clean stop too
    (the commands themselves turn one into "salesim: stopped (Ctrl-C)")."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        return 130
    return main()


if __name__ == "__main__":
    sys.exit(run())
