"""Commands for scenario authors: list the shipped ``scenarios``, ``validate``
scenario files, and print the format's JSON ``schema`` for editors.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..outputs import SCHEMA_MARK, replaces_other
from ..wording import counted
from .common import add_out, fail, printable, resolve_scenario


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scenarios``, ``validate`` and ``schema``."""
    sub.add_parser(
        "scenarios",
        help="list the shipped scenarios",
        description="List the shipped scenarios (name, difficulty, what each teaches) and "
        "the folder they are in.",
    ).set_defaults(func=cmd_scenarios)
    sub.add_parser(
        "languages",
        help="list the game's languages and check their catalogs",
        description="List the languages there is a catalog for (simulator/locale/*.po) and "
        "check each: every message translated, the same placeholders, the right plural "
        "forms. Exits 1 if anything is wrong.",
    ).set_defaults(func=cmd_languages)

    val = sub.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files. Prints one line per problem, "
        "FILE:LINE:COLUMN: field: message, and exits 1 if there is any.",
    )
    val.add_argument(
        "files", nargs="+", metavar="FILE", help="scenario files, or names of shipped ones"
    )
    val.add_argument("--quiet", action="store_true", help="print problems only")
    val.set_defaults(func=cmd_validate)

    sch = sub.add_parser(
        "schema",
        help="print the JSON Schema of scenario files (for editors)",
        description="Print the JSON Schema of the scenario format, for completion and "
        "checking in editors (see docs/scenario-authoring.md).",
    )
    add_out(sch, "write it to FILE instead", metavar="FILE")
    sch.set_defaults(func=cmd_schema)


def cmd_languages(args: argparse.Namespace) -> int:
    from ..texts import catalog

    problems = catalog.problems()
    total = len(catalog.template())
    for code, language in catalog.languages().items():
        mine = [p for p in problems if p.startswith(f"{code}: ")]
        done = total if code == "en" else sum(1 for k in catalog.template() if k in language.texts)
        state = "complete" if not mine else counted(len(mine), "problem")
        print(f"{code}\t{language.name}\t{done}/{total} messages\t{state}")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"catalogs in {catalog.locale_dir()}", file=sys.stderr)
    return 1 if problems else 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    from ..scenario import ScenarioError, load_scenario, scenarios_dir, shipped_scenarios

    for path in shipped_scenarios():
        try:
            s = load_scenario(path)
        except ScenarioError as e:
            print(f"{path.stem:<22} (invalid: {e.first})")
            continue
        teaches = ", ".join(s.teaches)
        print(
            f"{path.stem:<22} {s.difficulty:<7} {s.title!s}" + (f"  [{teaches}]" if teaches else "")
        )
    print(f"\nin {scenarios_dir()}: copy one to start your own, or extend it by name")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from ..scenario import check_file
    from ..scenario.loader import MOST_TOLD

    bad = 0
    count = 0
    files = list(dict.fromkeys(args.files))  # a file named twice is checked once
    for f in files:
        problems = check_file(resolve_scenario(f))
        for p in problems[:MOST_TOLD]:
            print(printable(str(p)))
        if len(problems) > MOST_TOLD:  # a file of thousands of mistakes: its first ones
            print(printable(f"{f}: … and {len(problems) - MOST_TOLD:,} more problems"))
        count += len(problems)
        bad += bool(problems)
        if not problems and not args.quiet:
            print(printable(f"{f}: valid"))
    if bad:
        print(
            f"{counted(count, 'problem')} in {bad} of {counted(len(files), 'file')}",
            file=sys.stderr,
        )
    return 1 if bad else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..scenario import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        from pathlib import Path

        target = Path(args.out)
        schema = replaces_other(target.parent, [target.name], lambda head: SCHEMA_MARK in head)
        if not target.is_dir() and (problem := schema) is not None:  # a folder: said below
            return fail(problem)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as e:
            if not Path(args.out).parent.is_dir():
                return fail(f"--out {args.out}: its folder {Path(args.out).parent} does not exist")
            return fail(f"--out {args.out}: cannot write this file ({e.strerror or e})")
    else:
        sys.stdout.write(text)
    return 0
