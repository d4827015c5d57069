"""Which characters a scenario's names and texts may hold.

A scenario's words reach a terminal (``run --news``), a web page (the trainer's
report) and the game's window. A control character would drive the terminal; a
character that draws nothing (a zero-width space, a line separator, a Hangul
filler) makes two names that read alike two different names, or splits a line
where nobody sees a break; a name spread over two lines splits every report line
that names it. The checks here refuse each in words, for the schema's fields.
"""

from __future__ import annotations

import re
import unicodedata


def not_blank(value: str) -> str:
    """A name or text that is there must be more than spaces: a rep called "   " would
    be listed, and named in events, as nothing at all. Nor may it hold control
    characters (other than line breaks and tabs): printed to a terminal, they move the
    cursor, change colours or clear the screen."""
    if value and not value.strip():
        raise ValueError("this is only spaces; give it a name or some text")
    bad = _CONTROL.search(value)
    if bad is not None:
        raise ValueError(f"holds a control character ({ord(bad.group()):#04x}); use plain text")
    odd = _UNSEEN.search(value)
    if odd is not None:
        raise ValueError(f"holds an invisible character (U+{ord(odd.group()):04X}); use plain text")
    return value


# the control characters (Unicode's Cc) but line breaks and tabs, found in one pass
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what draws nothing or breaks lines where no line break is seen: the line and paragraph
# separators, the bidirectional overrides and marks, the tag characters, the Hangul
# fillers (letters that draw nothing), private use and the noncharacters; a name may hold
# none of these (a rep "Bo⏎b" split every line of the week's report that named him)
_UNSEEN = re.compile(
    "[\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff0-\uffff"
    "\u115f\u1160\u3164\uffa0\ue000-\uf8ff\U000e0000-\U000e007f"
    "\U000f0000-\U0010ffff]"
)
# a name, a segment's or an account's, or a currency's symbol: on one line
_LINE_BREAK = re.compile("[\t\n\r]")


def one_line(value: str) -> str:
    """A name stands on one line: no line break or tab in it (a report line was split)."""
    if _LINE_BREAK.search(value):
        raise ValueError("holds a line break or a tab; a name stands on one line")
    return value


def a_name(value: str) -> str:
    """A name is what a player reads and an event refers to: no invisible characters
    (a zero-width space makes "Li Na" a second, different "Li Na") and no spaces
    around it."""
    hidden = next((c for c in value if unicodedata.category(c) == "Cf"), None)
    if hidden is not None:
        raise ValueError(f"holds an invisible character (U+{ord(hidden):04X}); retype the name")
    if value != value.strip():
        raise ValueError("starts or ends with a space")
    scripts = sorted({s for c in value if (s := _script(c)) is not None})
    if len(scripts) > 1:  # "Li Nа" with a Cyrillic а reads as "Li Na" and is another name
        raise ValueError(
            f"mixes {' and '.join(scripts)} letters, which can look alike; "
            "retype the name in one alphabet"
        )
    return value


def _script(c: str) -> str | None:
    """The alphabet of a letter whose look-alikes are in the others (Latin, Greek,
    Cyrillic); None for anything else (digits, Chinese, punctuation)."""
    if not c.isalpha() or c.isascii():
        return "Latin" if c.isalpha() else None
    word = unicodedata.name(c, "").split(" ", 1)[0]
    return {"LATIN": "Latin", "GREEK": "Greek", "CYRILLIC": "Cyrillic"}.get(word)
