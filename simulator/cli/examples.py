"""Examples for ``salesim COMMAND --help``, the same lines as the README's.

Each command's help ends with a few command lines that work as written, in the
order a newcomer would type them (a save is made before it is reported on).
The README shows the same lines, and a test runs every one of them, so the
help, the README and the program cannot drift apart.
"""

from __future__ import annotations

import argparse

EXAMPLES: dict[str, tuple[str, ...]] = {
    "play": ("salesim play --scenario tutorial --lang zh",),
    "run": (
        "salesim run --seed 3 --quiet",
        "salesim run --scenario tutorial --policy hands_off --seed 7 --quiet --save game.json",
    ),
    "policies": ("salesim policies",),
    "report": ("salesim report game.json --out report",),
    "class": ("salesim class game.json game2.json --out class",),
    "export": ("salesim export game.json --format json --out tables",),
    "replay": ("salesim replay game.json --lang zh",),
    "scenarios": ("salesim scenarios",),
    "validate": ("salesim validate my_team.yaml",),
    "schema": ("salesim schema --out scenario.schema.json",),
    "languages": ("salesim languages",),
    "calibrate": ("salesim calibrate my_team.yaml --runs 10",),
    "batch": (
        "salesim batch --scenario tutorial quota_season --policy by_the_book pressure_cooker "
        "--runs 5 --set market.lead_rate=0.8,1,1.2 --out results/demand",
        "salesim batch --scenario tutorial --policy by_the_book hands_off --runs 2 "
        "--set market.lead_rate=0.5:1.5 --set support.presales=1:4 --sample lhs:20 "
        "--out results/lhs",
    ),
    "compare": ("salesim compare results/demand",),
    "sensitivity": (
        "salesim sensitivity tutorial --policy by_the_book --vary market.lead_rate=0.5:1.5 "
        "--vary market.competitor_pressure=0:0.3 --samples 16",
    ),
}


def shell_lines(command: str, width: int = 78, indent: str = "  ") -> list[str]:
    """A command as a shell shows it: broken between words with a backslash where it
    is longer than ``width``, the rest indented; pasted into a shell it runs as one."""
    # an option stays on one line with its values
    groups: list[str] = []
    for word in command.split():
        if word.startswith("--") or not groups:
            groups.append(word)
        else:
            groups[-1] += " " + word
    lines: list[str] = []
    line = indent
    for group in groups:
        if line.strip() and len(line) + 1 + len(group) > width - 2:
            lines.append(line + " \\")
            line = indent + "    "
        line += ("" if not line.strip() else " ") + group
    return [*lines, line]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with the examples as they are typed (not re-wrapped)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def add_examples(commands: dict[str, argparse.ArgumentParser]) -> None:
    """End each command's help with its examples."""
    for name, parser in commands.items():
        lines = EXAMPLES.get(name)
        if lines:
            shown = [row for line in lines for row in shell_lines(line)]
            parser.epilog = "examples:\n" + "\n".join(shown)
            parser.formatter_class = HelpFormatter
