"""Every `salesim` command the README shows works as written, and every example in
`salesim COMMAND --help` is one of them.

The README's shell blocks are read in order and each example line is run, in a
fresh folder, exactly as a newcomer would paste it (a save is made before it is
reported on). Only what cannot run here is parsed instead: the game's window
(`play`, `replay`) and a Dask cluster's address. Usage lines (with [OPTIONS]
and placeholders such as SAVE or DIR) are checked option by option.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from simulator.cli import _commands, _parser, main
from simulator.cli.examples import EXAMPLES

README = Path(__file__).resolve().parents[1] / "README.md"
PLACEHOLDER = re.compile(r"\[|\.\.\.|\b(SAVE|DIR|PATH|FILE|NAME|CODE|N)\b")
# what opens a window, or needs a cluster, is parsed, not run
NOT_HERE = ("salesim play", "salesim replay", "--dask")


def readme_commands() -> list[str]:
    """The README's `salesim` lines from its ```sh blocks, continuations joined,
    comments dropped, in the order they appear."""
    text = README.read_text(encoding="utf-8")
    out: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("salesim "):
                out.append(" ".join(line.split()))
    return out


def usage_problems(line: str, commands: dict[str, argparse.ArgumentParser]) -> list[str]:
    """Options of a usage line the command does not have."""
    words = line.split()
    parser = commands.get(words[1])
    if parser is None:
        return [f"{line}: no command {words[1]!r}"]
    known = {s for a in parser._actions for s in a.option_strings}
    return [
        f"{line}: no option {opt}"
        for opt in re.findall(r"--[a-z][a-z-]*", line)
        if opt not in known
    ]


def test_every_help_example_is_in_the_readme():
    shown = set(readme_commands())
    for command, lines in EXAMPLES.items():
        for line in lines:
            assert line in shown, f"salesim {command} --help shows {line!r}, the README not"
    # and every command has examples
    assert set(EXAMPLES) == set(_commands(_parser()))


def test_every_command_in_the_readme_works_as_written(tmp_path, monkeypatch, capsys):
    commands = _commands(_parser())
    lines = readme_commands()
    usage = [x for x in lines if PLACEHOLDER.search(x)]
    examples = [x for x in lines if x not in usage]
    assert len(usage) >= 6 and len(examples) >= 20, (usage, examples)
    for line in usage:
        assert not usage_problems(line, commands)

    monkeypatch.chdir(tmp_path)
    # the reader's own scenario, as the README describes the smallest one
    Path("my_team.yaml").write_text("extends: tutorial\n", encoding="utf-8")
    for line in examples:
        argv = shlex.split(line)[1:]
        if any(x in line for x in NOT_HERE):
            args = _parser().parse_args(argv)  # exits 2 on a mistake
            assert callable(args.func), line
            continue
        code = main(argv)
        said = capsys.readouterr()
        # calibrate exits 1 when the scenario does not clearly reward good management:
        # a finding about the file, not a failure of the command
        allowed = (0, 1) if argv[0] == "calibrate" else (0,)
        assert code in allowed, f"{line}\n{said.err[-2000:]}"
        assert "Traceback" not in said.err, line
    # what the examples promised to write is there
    for path in (
        "game.json",
        "game2.json",
        "report/report.html",
        "class/index.html",
        "tables/actions.json",
        "scenario.schema.json",
        "results/demand/runs.parquet",
        "results/lhs/runs.parquet",
        "results/demand/report.html",
    ):
        assert Path(path).exists(), path


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_each_commands_help_ends_with_its_examples(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    shown = re.sub(r"\\\n\s*", " ", out.split("examples:")[1])
    for line in EXAMPLES[command]:
        assert line in " ".join(shown.split()), line
