"""Reading files that come from outside: scenario files, saves, journals.

A trainer's scenario or a participant's save is untrusted input. One function
reads them all (:func:`read_limited`): only a regular file (never a device such
as ``/dev/zero``, a named pipe or a folder), and never more than its limit plus
one byte, so a hostile path costs a ``stat`` and at most that many bytes.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path


class InputError(Exception):
    """A file that cannot be read as asked, in words (no traceback for the user)."""


# what a terminal would act on rather than show: control characters (a line break too:
# each message is one line), DEL and the C1 controls, and the bidirectional overrides
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: a file named with an escape code coloured
    the terminal, one named "a⏎fine.yaml: valid⏎b.yaml" printed a line that was not
    the program's. Such characters are shown as their escapes (\\x1b, \\n)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def shortened(name: str, most: int = 80) -> str:
    """A name for a one-line message: one of thousands of characters, cut in the middle."""
    return name if len(name) <= most else f"{name[: most // 2]}…{name[-most // 2 :]}"


def path_problem(path: str | os.PathLike[str]) -> str | None:
    """Why a path cannot even be looked up, in words (None: it can, whether or not there
    is a file there). A name with a NUL character, a name longer than the system allows
    and a loop of symbolic links make Python's path functions raise instead of answer."""
    try:
        os.stat(path)
    except ValueError:
        return "its name holds a NUL character, which no file name may"
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            return "its name is longer than this system allows"
        if e.errno == errno.ELOOP:
            return "it is a loop of symbolic links"
    return None


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "files") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``what`` names the kind of
    file in the message: "scenario files", "saves")."""
    p = Path(path)
    problem = path_problem(p)
    if problem is not None:
        raise InputError(problem)
    try:
        info = os.stat(p)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as e:
        raise InputError(f"cannot read it ({e.strerror or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("this is not a regular file (a device, a pipe or a socket)")
    if info.st_size > limit:
        raise InputError(too_large(info.st_size, limit, what))
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(f"cannot read it ({e.strerror or e})") from None
    if len(data) > limit:  # it grew while we looked
        raise InputError(too_large(len(data), limit, what))
    return data


def too_large(size: int, limit: int, what: str) -> str:
    """Why a file is refused for its size, in bytes, so the difference shows (a file of
    1,012,429 bytes against a limit of 1,000,000 would read "1.0 MB" against "1 MB")."""
    return f"the file is {size:,} bytes; {what} are limited to {limit:,} bytes ({limit / 1e6:g} MB)"
