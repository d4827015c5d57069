"""The core stays pure: no pygame, no yaml, no file I/O, no global randomness."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "simulator" / "core"
PACKAGE = CORE.parent

FORBIDDEN_MODULES = {
    "pygame",
    "pygame_gui",
    "yaml",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "pickle",
    "sqlite3",
    "random",
    "os",
}
FORBIDDEN_CALLS = {"open", "input", "print"}


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_no_pygame_no_yaml_and_does_no_file_io():
    files = sorted(CORE.glob("*.py"))
    assert len(files) >= 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bad = _imports(tree) & FORBIDDEN_MODULES
        assert not bad, f"{path.name} imports {bad}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}()"
            is_np_random = (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id == "np"
                and node.value.attr == "random"
            )
            if is_np_random:  # numpy's global generator is off limits
                assert node.attr in {"Generator", "PCG64", "SeedSequence"}, (
                    f"{path.name} uses np.random.{node.attr}"
                )


def test_core_only_imports_stdlib_numpy_and_simpy():
    allowed = {
        "__future__",
        "bisect",
        "collections",
        "dataclasses",
        "enum",
        "math",
        "operator",
        "typing",
        "zlib",
        "numpy",
        "simpy",
    }
    for path in sorted(CORE.glob("*.py")):
        third = _imports(ast.parse(path.read_text(encoding="utf-8")))
        assert third <= allowed, f"{path.name}: {third - allowed}"


def test_nothing_but_the_ui_imports_pygame_and_nobody_uses_global_random():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _imports(tree)
        if not rel.startswith("ui/"):
            assert not names & {"pygame", "pygame_gui"}, rel
        assert "random" not in names, rel
