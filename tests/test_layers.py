"""The architecture's "never" rules (docs/architecture in the README), as asserts on the code.

Every import in ``simulator/`` is resolved to the package it reaches; each
package may reach only the ones below it. Above the door (``simulator.api``)
nothing reaches into the core or reads the hidden world (``.world``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "simulator"


def _part(rel: Path) -> str:
    """The package (or top module) a file belongs to: ``core``, ``api``, ``ui``, ``cli``..."""
    first = rel.parts[0]
    return first[:-3] if first.endswith(".py") else first


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Every simulator package a file imports, and whether at the module's top level."""
    rel = path.relative_to(PACKAGE)
    here = ["simulator", *rel.with_suffix("").parts]  # a package's __init__ counts as a module
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    typing_only = {
        id(n)
        for stmt in tree.body
        if isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test)
        for n in ast.walk(stmt)
    }  # imports for the type checker alone are no dependency at run time
    out = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [target] if node.module else [[*base, a.name] for a in node.names]
            else:
                names = [node.module.split(".")] if node.module else []
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
        else:
            continue
        for parts in names:
            if parts and parts[0] == "simulator" and len(parts) > 1:
                out.append((parts[1], id(node) in top or _in_top_block(tree, node)))
    return out


def _in_top_block(tree: ast.Module, node: ast.AST) -> bool:
    """An import inside a top-level ``if``/``try`` (TYPE_CHECKING aside) is a top-level one."""
    for stmt in tree.body:
        if isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test):
            continue
        if isinstance(stmt, ast.If | ast.Try) and any(n is node for n in ast.walk(stmt)):
            return True
    return False


def _files(part: str):
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if _part(rel) == part:
            yield path, rel


def _reaches(part: str, top_only: bool = False) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path, rel in _files(part):
        for target, at_top in _imports(path):
            if target != part and (at_top or not top_only):
                out.setdefault(target, set()).add(rel.as_posix())
    return out


def _reads_world(part: str) -> list[str]:
    hits = []
    for path, rel in _files(part):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "world":
                hits.append(f"{rel}:{node.lineno}")
    return hits


def test_the_core_imports_nothing_above_it():
    assert _reaches("core") == {}


def test_the_door_stands_on_the_core_alone():
    # at the top of its modules, simulator.api needs only the core; the Gymnasium
    # environment drives a session (imported where it is used, as the desk does)
    assert set(_reaches("api", top_only=True)) <= {"core"}, _reaches("api", top_only=True)


def test_policies_see_and_act_only_through_the_door():
    assert set(_reaches("policies")) <= {"api"}, _reaches("policies")
    assert _reads_world("policies") == []


def test_the_narrator_speaks_from_what_the_manager_knows():
    assert set(_reaches("narrate")) <= {"api", "texts", "explain"}, _reaches("narrate")
    assert _reads_world("narrate") == []
    # the causes it tells (simulator/explain.py) come from the events and the observation
    assert set(_reaches("explain")) <= {"api", "texts", "narrate"}, _reaches("explain")
    assert _reads_world("explain") == []


def test_the_game_never_touches_the_core_or_the_hidden_world():
    assert "core" not in _reaches("ui"), _reaches("ui")["core"]
    assert _reads_world("ui") == []


def test_nothing_above_the_session_reads_the_live_world():
    # the trainer's truth comes from the session's record, not from the world itself
    for part in (
        "lessons",
        "report",
        "analysis",
        "saves",
        "cli",
        "narrate",
        "explain",
        "ui",
        "policies",
    ):
        assert _reads_world(part) == [], part


def test_nothing_but_the_command_line_imports_the_game():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if _part(rel) in ("ui", "cli"):
            continue
        assert "ui" not in {t for t, _ in _imports(path)}, rel.as_posix()


def test_the_rules_see_the_imports_they_judge():
    # a guard on the checker itself: it finds imports written every way
    desk = _reaches("ui")
    assert "api" in desk and "session" in desk
    assert "core" in _reaches("api")
