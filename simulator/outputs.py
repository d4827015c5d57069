"""Files salesim writes into a user's folder, and never over one of theirs.

A report, a comparison, a chart or an export goes into a folder the user
names (``--out``), where a file of the same name may be their own: a
``report.html`` of their own, a ``revenue.png``. Every file salesim writes
there carries a mark it can be known by from its first bytes (a generator tag
in a page, a ``Software`` entry in a chart, the header of a table), and a file
of that name without the mark is never written over: the command stops and
says which file and why. salesim's own earlier output is replaced as before,
also that of versions before the marks (recognised by what only they wrote).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

# what each kind of file salesim writes holds near its start
HTML_MARK = b"<meta name='generator' content='salesim'>"
SCHEMA_MARK = b"https://salesim.invalid/scenario.schema.json"
PNG_META = {"Software": "salesim"}  # a chart's text entry (matplotlib's ``metadata``)
PNG_MARK = b"tEXtSoftware\x00salesim"
# earlier versions' pages, without the tag: a game's report (its style sheet's first
# rule) and a batch's report (its title)
_OLD_HTML = (
    b"body{font-family:'Noto Sans SC','Noto Sans','PingFang SC'",
    b"<title>salesim batch report</title>",
)
_LOOK = 200_000  # bytes read to recognise a file (the schema names itself 43 kB in)


class NotOurs(Exception):
    """Writing a file would lose someone's own file of that name (the message says which)."""


def ours(name: str) -> Callable[[bytes], bool]:
    """How to recognise a file of this name that salesim wrote, from its first bytes."""
    if name.endswith(".html"):
        return lambda head: HTML_MARK in head or any(m in head for m in _OLD_HTML)
    if name.endswith(".png"):
        return lambda head: PNG_MARK in head
    if name.endswith(".csv"):
        return lambda head: head.startswith((b"\xef\xbb\xbfweek", b"field,"))
    return lambda head: (
        head.lstrip().startswith(b"[") and (b'"week"' in head or head.strip() == b"[]")
    )


def _foreign(path: Path, recognise: Callable[[bytes], bool] | None) -> bool:
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(_LOOK)
    except OSError:
        return False  # unreadable: writing it will say why
    if path.suffix == ".png" and recognise is None and PNG_MARK not in head:
        # a chart from before the mark: ours when the page it was drawn for, beside
        # it, is (a report's charts are always written with their page)
        return not any(_ours_page(path.parent / page) for page in ("report.html", "index.html"))
    return not (recognise or ours(path.name))(head)


def _ours_page(path: Path) -> bool:
    return path.is_file() and not _foreign(path, None)


def _refusal(path: Path) -> str:
    return (
        f"{path} is there and was not written by salesim; choose another --out (or move that file)"
    )


def replaces_other(
    folder: Path, names: Sequence[str], recognise: Callable[[bytes], bool] | None = None
) -> str | None:
    """Why writing these files into ``folder`` would lose someone's own file of the same
    name (None: each is missing, or one salesim wrote: as its name says, or as
    ``recognise`` tells from its first bytes)."""
    for name in names:
        if _foreign(folder / name, recognise):
            return _refusal(folder / name)
    return None


def claim(path: Path) -> Path:
    """``path``, once it is sure that writing it loses nothing of anyone's (else
    :class:`NotOurs`): for a file whose name is known only as it is written."""
    if _foreign(path, None):
        raise NotOurs(_refusal(path))
    return path
