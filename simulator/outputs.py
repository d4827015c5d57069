"""Files salesim writes into a user's folder, whole, and never over one of theirs.

A report, a comparison, a chart or an export goes into a folder the user
names (``--out``), where a file of the same name may be their own: a
``report.html`` of their own, a ``revenue.png``. Every file salesim writes
there carries a mark it can be known by from its first bytes (a generator tag
in a page, a ``Software`` entry in a chart, the exact header of a table), and
a name that is taken by anything else is never written over: a file without
the mark, a file that cannot be read to tell, a folder, a link (a link would
carry the writing outside the folder). The command stops and says which and
why. salesim's own earlier output is replaced, also that of versions before
the marks (recognised by what only they wrote).

Each file is written to a fresh temporary file beside it and renamed into
place (:func:`write_bytes`, :func:`save_png`), so that a stop at any moment
leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

# what each kind of file salesim writes holds near its start
HTML_MARK = b"<meta name='generator' content='salesim'>"
SCHEMA_MARK = b"https://salesim.invalid/scenario.schema.json"
PNG_META = {"Software": "salesim"}  # a chart's text entry (matplotlib's ``metadata``)
PNG_COMPRESS_LEVEL = 3  # zlib's level for a chart (its default, 6, takes half again as long)
# that entry as a PNG chunk: its length (16), its type and its text, exactly
PNG_MARK = b"\x00\x00\x00\x10tEXtSoftware\x00salesim"
_MATPLOTLIB_PNG = b"tEXtSoftware\x00Matplotlib"  # the charts of versions before the mark
# the pages of versions before the tag: a game's report (its style sheet's first rule,
# near the top) and a batch's report (how it began)
_OLD_REPORT = b"body{font-family:'Noto Sans SC','Noto Sans','PingFang SC'"
_OLD_BATCH_REPORT = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'>\n"
    b"<title>salesim batch report</title>"
)
_BOM = b"\xef\xbb\xbf"
# the exact first line of each table salesim writes (the export's, the sensitivity's)
_HEADERS = {
    "actions.csv": (
        _BOM + b"week,action,rep,parameters,done,refused_because\r\n",
        _BOM + b"week\r\n",
    ),
    "events.csv": (
        _BOM + b"week,day,event,rep_id,rep,seen_by_manager,details\r\n",
        _BOM + b"week\r\n",
    ),
    "indices.csv": (b"field,mu_star,mu_star_conf,sigma\n", b"field,S1,S1_conf,ST,ST_conf\n"),
}
# a JSON export's first record, as it is indented, and a key only that table has
_JSON_KEYS = {"actions.json": b'"refused_because"', "events.json": b'"seen_by_manager"'}
_LOOK = 200_000  # bytes read to recognise a file (the schema names itself 43 kB in)


class NotOurs(Exception):
    """Writing a file would lose someone's own (the message says which, and why)."""


def ours(name: str) -> Callable[[bytes], bool]:
    """How to recognise a file of this name that salesim wrote, from its first bytes."""
    if name.endswith(".html"):
        return lambda head: (
            HTML_MARK in head[:2_000]
            or (head.startswith(b"<!doctype html><html lang=") and _OLD_REPORT in head[:4_000])
            or head.startswith(_OLD_BATCH_REPORT)
        )
    if name.endswith(".png"):
        return lambda head: PNG_MARK in head[:4_000]
    if name in _HEADERS:
        return lambda head: head.startswith(_HEADERS[name])
    key = _JSON_KEYS.get(name)
    return lambda head: (
        head.strip() == b"[]"
        or (head.startswith(b'[\n {\n  "week": ') and key is not None and key in head[:20_000])
    )


def _problem(path: Path, recognise: Callable[[bytes], bool] | None) -> str | None:
    """Why ``path`` is not salesim's to write (None: it is free, or salesim's own)."""
    if path.is_symlink():
        return "is a link: salesim does not write through links"
    if not path.exists():
        return None
    if not path.is_file():
        return "is there and is not a file"
    try:
        with open(path, "rb") as f:
            head = f.read(_LOOK)
    except OSError:
        return "is there and cannot be read to tell whether salesim wrote it"
    if (recognise or ours(path.name))(head):
        return None
    # a chart from before the mark: salesim's when the page it was drawn for, beside it,
    # is (a report's charts were always written with their page)
    old_chart = recognise is None and path.suffix == ".png" and _MATPLOTLIB_PNG in head[:4_000]
    if old_chart and any(_ours_page(path.parent / p) for p in ("report.html", "index.html")):
        return None
    return "is there and was not written by salesim"


def _ours_page(path: Path) -> bool:
    return path.is_file() and not path.is_symlink() and _problem(path, None) is None


def _refusal(path: Path, why: str) -> str:
    return f"{path} {why}; choose another --out (or move that file)"


def replaces_other(
    folder: Path, names: Sequence[str], recognise: Callable[[bytes], bool] | None = None
) -> str | None:
    """Why writing these files into ``folder`` would lose someone's own file of the same
    name (None: each is missing, or one salesim wrote: as its name says, or as
    ``recognise`` tells from its first bytes)."""
    for name in names:
        why = _problem(folder / name, recognise)
        if why is not None:
            return _refusal(folder / name, why)
    return None


def claim(path: Path) -> Path:
    """``path``, once it is sure that writing it loses nothing of anyone's (else
    :class:`NotOurs`): for a file whose name is known only as it is written."""
    why = _problem(path, None)
    if why is not None:
        raise NotOurs(_refusal(path, why))
    return path


def _umask() -> int:
    """The process's file-creation mask (read by setting it, and set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _fresh(path: Path) -> Iterator[str]:
    """A new temporary file beside ``path`` (made, never found: nothing of anyone's
    is written through), renamed over ``path`` when the block ends well."""
    claim(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # a temporary file is made for its owner alone; the file it becomes is anyone's a
    # new file would be (a report copied to a shared folder or a web server is read)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def drop_unfinished(folder: Path, names: Sequence[str], made: bool = True) -> None:
    """Remove what a writer killed mid-file left in ``folder``: the temporary files
    (:func:`_fresh`) of ``names``; then the folder itself if that leaves it empty and
    the writer ``made`` it (a folder the user gave stays, empty or not)."""
    for name in names:
        for tmp in folder.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()
    if made:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty


def write_bytes(path: Path, data: bytes) -> Path:
    """Write a file into a user's folder: whole or not at all, never over theirs."""
    with _fresh(path) as tmp, open(tmp, "wb") as f:
        f.write(data)
    return path


def save_png(fig: Any, path: Path, **kw: Any) -> Path:
    """A matplotlib figure as a chart in a user's folder, with salesim's mark, whole or
    not at all, never over theirs."""
    # a lighter squeeze than zlib's default: a chart is written in two thirds of the time,
    # for a file a sixth bigger (a report of dozens of charts is read where it was made)
    kw.setdefault("pil_kwargs", {"compress_level": PNG_COMPRESS_LEVEL})
    with _fresh(path) as tmp:
        fig.savefig(tmp, format="png", metadata=PNG_META, **kw)
    return path
