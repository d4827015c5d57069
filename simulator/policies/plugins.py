"""Policies from outside the package: ``module:Class`` or ``path/to/file.py:Class``.

An analyst writes a policy as a class with ``decide(observation) -> list of
actions`` (and, optionally, ``reset(rng)``), using only the action API and
what the observation shows: the same contract as the built-in policies
(:class:`~simulator.policies.base.Policy`). Naming it ``package.module:Class``
imports it like any Python module; ``some/file.py:Class`` loads it from a
file, which is handy for a policy kept next to an experiment. The class is
instantiated without arguments, once per run.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import stat
import sys
from pathlib import Path
from typing import Any


class PolicyLoadError(ValueError):
    """A policy name that cannot be turned into a policy, with the reason."""


# what a path that is not a regular file is, by the kind stat tells
_KINDS = (
    (stat.S_ISDIR, "is a folder, not a Python file: name the .py file in it"),
    (stat.S_ISCHR, "is a device, not a Python file"),
    (stat.S_ISBLK, "is a device, not a Python file"),
    (stat.S_ISFIFO, "is a named pipe, not a Python file"),
    (stat.S_ISSOCK, "is a socket, not a Python file"),
)


def _shortened(name: str, most: int = 80) -> str:
    """A name for a one-line message, one of thousands of characters cut in the middle
    (as the command line's messages cut them; a policy sees only simulator.api)."""
    return name if len(name) <= most else f"{name[: most // 2]}…{name[-most // 2 :]}"


def _file_problem(ref: str) -> str | None:
    """What keeps ``ref`` from being read as a policy's file, in words (None: nothing).
    A folder or a device was said not to exist, which sent the analyst looking for a
    typo in a path that was there."""
    try:
        mode = Path(ref).expanduser().stat().st_mode
    except ValueError:
        return "cannot be used: its name holds a NUL character, which no file name may"
    except FileNotFoundError:
        return "does not exist"
    except OSError as e:  # a name too long, a loop of links, ...
        return f"cannot be read ({e.strerror})"
    for kind, words in _KINDS:
        if kind(mode):
            return words
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _module(ref: str) -> Any:
    if ref.endswith(".py") or "/" in ref or "\\" in ref:
        if (problem := _file_problem(ref)) is not None:
            raise PolicyLoadError(f"policy file {_shortened(ref)!r} {problem}")
        path = Path(ref).expanduser().resolve()
        try:
            source = path.read_bytes()
        except OSError as e:
            raise PolicyLoadError(
                f"policy file {_shortened(ref)!r} cannot be read ({e.strerror})"
            ) from None
        # named by its path and its content: a file edited since (in a notebook, say) is
        # loaded afresh, never the version read first
        digest = hashlib.sha256(source).hexdigest()[:12]
        name = f"salesim_policy_{abs(hash(str(path)))}_{digest}"
        if name in sys.modules:
            return sys.modules[name]
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise PolicyLoadError(f"cannot load {ref!r} as Python")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as e:
            del sys.modules[name]
            raise PolicyLoadError(f"{ref}: importing it failed: {type(e).__name__}: {e}") from e
        return module
    try:
        return importlib.import_module(ref)
    except ModuleNotFoundError as e:
        raise PolicyLoadError(
            f"no module {ref!r} ({e}); is it installed, or on PYTHONPATH?"
        ) from None
    except Exception as e:
        raise PolicyLoadError(f"{ref}: importing it failed: {type(e).__name__}: {e}") from e


def source_fingerprint(spec: str) -> str:
    """What a policy from outside the package plays by, beyond its name: a digest of its
    source file ('' for a built-in policy, or a module whose file cannot be found). A
    batch keys its runs by it, so the runs of a policy file edited since are not taken
    for the new version's."""
    module_ref, sep, _ = spec.rpartition(":")
    if not sep or not module_ref:
        return ""
    path: Path | None
    if module_ref.endswith(".py") or "/" in module_ref or "\\" in module_ref:
        path = Path(module_ref).expanduser()
    else:
        try:
            found = importlib.util.find_spec(module_ref)
        except (ImportError, ValueError):
            found = None
        path = Path(found.origin) if found is not None and found.origin else None
    try:
        data = path.read_bytes() if path is not None else b""
    except OSError:
        return ""
    return hashlib.sha256(data).hexdigest()[:12] if data else ""


def load_policy_class(spec: str) -> type:
    """The class named by ``module:Class`` (or ``file.py:Class``), checked."""
    module_ref, sep, attr = spec.rpartition(":")
    if not sep or not module_ref or not attr:
        raise PolicyLoadError(
            f"{spec!r} is neither a built-in policy nor 'module:Class' / 'file.py:Class'"
        )
    module = _module(module_ref)
    cls = getattr(module, attr, None)
    if cls is None:
        raise PolicyLoadError(f"{module_ref} has no {attr!r}")
    if not isinstance(cls, type):
        raise PolicyLoadError(f"{spec} is not a class")
    if not callable(getattr(cls, "decide", None)):
        raise PolicyLoadError(f"{spec} has no decide(observation) method")
    return cls


def instantiate(cls: type, spec: str) -> Any:
    try:
        policy = cls()
    except Exception as e:
        raise PolicyLoadError(f"{spec}: creating it failed: {type(e).__name__}: {e}") from e
    if not getattr(policy, "name", None):
        with contextlib.suppress(AttributeError):
            policy.name = spec
    return policy
