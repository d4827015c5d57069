"""The message catalogs: every word the game shows, one gettext file per language.

``simulator/locale/salesim.pot`` is the template: every message of the game in
English, each under its key as the message context (``msgctxt "ui.week_of"``),
with a plural form where the message counts something (``msgid_plural``). A
language is one file beside it, ``<code>.po`` (``zh.po``): the same entries with
the translation in ``msgstr`` (``msgstr[0]``, ``msgstr[1]``… for plurals, as
many as the file's ``Plural-Forms`` header says). Translators' tools (Poedit,
Weblate, Lokalize) read both; ``pybabel init -i salesim.pot -l fr -o fr.po``
starts a new language, and adding the file is all the game needs.

A catalog is checked when first loaded (:func:`problems`): every message of the
template present, translated, with the same ``{placeholders}`` and the right
number of plural forms. A message missing from a language falls back to English;
the test suite and ``salesim languages`` list every problem.
"""

from __future__ import annotations

import gettext
import os
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported when a catalog is first read, not at start-up
    from babel.messages.catalog import Catalog

TEMPLATE = "salesim.pot"


def locale_dir() -> Path:
    """Where the catalogs are: the package's ``locale`` folder, or ``$SALESIM_LOCALE``."""
    env = os.environ.get("SALESIM_LOCALE")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "locale"


@dataclass(frozen=True)
class Message:
    """One message of the template: its English text, and its plural when it counts."""

    key: str
    text: str
    plural: str | None = None


@dataclass(frozen=True)
class Language:
    """A catalog: the language's code and name, its translations, its plural rule."""

    code: str
    name: str
    texts: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]
    forms: int


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a text fills in."""
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}
    except ValueError:
        return {"<malformed>"}


def _read(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


@cache
def template() -> dict[str, Message]:
    """Every message of the game, by key, in English."""
    out: dict[str, Message] = {}
    for m in _read(locale_dir() / TEMPLATE):
        if not m.id or not m.context:
            continue
        if isinstance(m.id, tuple | list):
            out[m.context] = Message(m.context, str(m.id[0]), str(m.id[1]))
        else:
            out[m.context] = Message(m.context, str(m.id))
    return out


def _display_name(code: str, header_locale: str | None) -> str:
    from babel import Locale, UnknownLocaleError

    for tag in (header_locale, code):
        if not tag:
            continue
        try:
            loc = Locale.parse(tag.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
        return str(loc.get_display_name(loc) or code)
    return code


def _english() -> Language:
    texts: dict[str, str | tuple[str, ...]] = {
        k: (m.text, m.plural) if m.plural is not None else m.text for k, m in template().items()
    }
    return Language("en", "English", texts, lambda n: 0 if n == 1 else 1, 2)


def _language(path: Path) -> Language:
    cat = _read(path)
    texts: dict[str, str | tuple[str, ...]] = {}
    for m in cat:
        if not m.id or not m.context or m.fuzzy:
            continue
        if isinstance(m.string, tuple | list):
            if all(m.string):
                texts[m.context] = tuple(m.string)
        elif m.string:
            texts[m.context] = m.string
    header_locale = str(cat.locale) if cat.locale else None
    try:
        rule = gettext.c2py(cat.plural_expr)
    except (ValueError, SyntaxError):
        rule = lambda n: 0  # noqa: E731 (a broken header: the check reports it)
    name = _display_name(path.stem, header_locale)
    return Language(path.stem, name, texts, rule, cat.num_plurals)


def _po_files() -> list[Path]:
    """The catalogs beside the template, one per language other than English, by code."""
    return [path for path in sorted(locale_dir().glob("*.po")) if path.stem != "en"]


def codes() -> tuple[str, ...]:
    """The code of every language there is a catalog for, English first: what the
    folder holds, known without reading a catalog (a command that shows no text does
    not pay for parsing them)."""
    return ("en", *(path.stem for path in _po_files()))


@cache
def languages() -> dict[str, Language]:
    """Every language there is a catalog for, English first."""
    out = {"en": _english()}
    for path in _po_files():
        out[path.stem] = _language(path)
    return out


def text(lang: str, key: str, count: int | None = None) -> str | None:
    """The message ``key`` in ``lang`` (English where the language lacks it), the plural
    form chosen by ``count``; ``None`` for a key the game does not have."""
    msg = template().get(key)
    if msg is None:
        return None
    langs = languages()
    language = langs.get(lang) or langs["en"]
    found = language.texts.get(key)
    if found is None:
        language, found = langs["en"], langs["en"].texts[key]
    if isinstance(found, tuple):
        index = language.plural(count if count is not None else 1)
        return found[min(max(0, index), len(found) - 1)]
    return found


def problems() -> list[str]:
    """Everything wrong with the catalogs, one line each (an empty list: all complete)."""
    out = []
    tmpl = template()
    for code, language in languages().items():
        if code == "en":
            continue
        missing = [k for k in tmpl if k not in language.texts]
        out += [f"{code}: {k}: not translated" for k in missing]
        out += [f"{code}: {k}: not in the template" for k in language.texts if k not in tmpl]
        for key, msg in tmpl.items():
            got = language.texts.get(key)
            if got is None:
                continue
            forms = got if isinstance(got, tuple) else (got,)
            if msg.plural is not None and len(forms) != language.forms:
                out.append(
                    f"{code}: {key}: {len(forms)} plural forms, the header says {language.forms}"
                )
            if msg.plural is None and isinstance(got, tuple):
                out.append(f"{code}: {key}: plural forms for a message that counts nothing")
            want = placeholders(msg.text) | placeholders(msg.plural or "")
            for form in forms:
                have = placeholders(form)
                if have != want:
                    extra, lack = sorted(have - want), sorted(want - have)
                    what = "; ".join(
                        [f"unknown {{{x}}}" for x in extra] + [f"lacks {{{x}}}" for x in lack]
                    )
                    out.append(f"{code}: {key}: {what}")
    return out


def reload() -> None:
    """Forget the loaded catalogs (after a catalog file changed)."""
    template.cache_clear()
    languages.cache_clear()
