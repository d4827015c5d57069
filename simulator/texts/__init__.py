"""The words of the game: every message by key, in each language there is a catalog for.

A message is looked up by key and filled with named values::

    tr("en", "ui.week_of", week=5, weeks=26)   # "Week 5 / 26"
    tr("zh", "ui.week_of", week=5, weeks=26)   # "第 5 / 26 周"

The messages live in gettext catalogs, not in the code (:mod:`.catalog`):
``simulator/locale/salesim.pot`` in English, one ``<code>.po`` per other
language. Keys are grouped by prefix: ``ui.`` for the desk's labels, ``act.``
for the levers (name and what it is for), ``refused.`` for why an action was
refused, ``ev.`` for the lines of a week report, ``lesson.`` for P1–P18, and the
model's vocabulary (``type.``, ``skill.``, ``stage.``, ``pool.``, ``hint.``,
``score.``). The catalogs are checked (every message translated, the same
placeholders, the right plural forms): ``salesim languages`` and a test.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from . import catalog


def languages() -> tuple[str, ...]:
    """The codes of the languages there is a catalog for, English first."""
    return catalog.codes()


def signed(x: float, digits: int = 1) -> str:
    """A difference with its sign, the minus a true minus: +1.2, −20.3 (and never −0.0,
    which a difference of two equal figures can round to)."""
    return f"{round(x, digits) + 0.0:+.{digits}f}".replace("-", "−")


def tr(lang: str, key: str, **values: object) -> str:
    """The message ``key`` in ``lang`` ("en", "zh", or any language with a catalog), with
    ``values`` filled in; a message that counts picks its plural form by ``n``.

    An unknown key shows as itself, so a missing string is visible on screen
    and caught by the tests rather than crashing a game.
    """
    n = values.get("n")
    count = int(n) if isinstance(n, int | float) and not isinstance(n, bool) else None
    text = catalog.text(lang, key, count)
    if text is None:
        return key
    return text.format(**values) if values else text


# values of a refusal that are amounts of money, and those that are hours
_MONEY_VALUES = {("no_budget", "need"), ("no_budget", "left"), ("small_bonus", "low")}
_HOUR_VALUES = {("no_hours", "need"), ("no_hours", "left")}


def refusal_text(refusal: object, lang: str, currency: str = "") -> str:
    """Why an action was refused (a :class:`~simulator.api.refusal.Refusal`), in words."""
    code = getattr(refusal, "code", "")
    values = dict(getattr(refusal, "values", {}) or {})
    for k, v in values.items():
        if (code, k) in _MONEY_VALUES and isinstance(v, int | float):
            values[k] = money(float(v), currency, lang) if currency else f"{v:,.0f}"
        elif (code, k) in _HOUR_VALUES and isinstance(v, int | float):
            values[k] = f"{v:g}"
        elif k == "pool" and has(f"pool.{v}"):
            values[k] = tr(lang, f"pool.{v}")
    key = f"refused.{code}"
    if code == "not_due" and isinstance(values.get("made"), int | float):
        key = "refused.not_due_so_far"  # in the promise's own period: how far from quota
        values["made"] = percent(float(values["made"]), lang)
    if not has(key):
        return code
    try:
        return tr(lang, key, **values)
    except (KeyError, IndexError, ValueError):
        wanted = catalog.placeholders(catalog.text("en", key) or "")
        return tr(lang, key, **{k: "?" for k in wanted})


def quota_unit(lang: str) -> float:
    """What one unit of a typed quota is worth: thousands in English, 万 (ten thousand) in
    Chinese, the way each counts money."""
    return 10_000.0 if lang == "zh" else 1_000.0


# what a quota field lets one type: a number in the field's unit, with a decimal point
QUOTA_CHARACTERS = list("0123456789.")


def unassigned_warning(
    gap: float, total: float, target: float, currency: str = "¥", lang: str = "en"
) -> str:
    """The warning after a quotas' sum (``total``) that falls short of the ``target``: how
    much of it no one's quota covers; empty when none. The gap is the difference of the
    two figures beside it as they are written, so it reads as one: "¥776万 of ¥840万 …
    ¥64万", never "¥63.5万"; "¥5.25M of ¥6.50M … ¥1.25M", never "¥1.24M"."""
    if gap <= 0:
        return ""
    # the difference of the two figures as written (each rounded as money() rounds it),
    # never less than the least the sum's figure can show
    seen = shown_money(target, lang) - shown_money(total, lang)
    shown = max(money_step(total, lang), seen)
    return tr(lang, "quota.unassigned", gap=money(shown, currency, lang))


_UNITS = {"M": 1e6, "k": 1e3, "万": 1e4, "亿": 1e8}


def shown_money(amount: float, lang: str = "en") -> float:
    """The amount :func:`money` writes, as a number again: ``money`` rounded it
    ("¥5.25M" for 5,255,000 reads as 5,250,000)."""
    text = money(amount, "", lang)
    unit = next((v for u, v in _UNITS.items() if text.endswith(u)), 1.0)
    digits = re.sub(r"[^\d.]", "", text)
    value = float(digits) * unit if digits else 0.0
    return -value if text.startswith("-") else value


def record_warning(multiple: float | None, lang: str = "en") -> str:
    """The warning beside a quota far from the rep's record, saying which way and how far:
    the quota as a multiple of their average result ("⚠ 1.6× record"); empty when the
    quota is not far from it (``multiple`` None, as ``api.far_multiple`` gives it)."""
    return "" if multiple is None else tr(lang, "review.far_x", x=f"{multiple:.1f}")


def record_warning_tip(
    multiple: float | None, record: tuple[str, int] | None, lang: str = "en"
) -> str | None:
    """What the warning's multiple is of, said in full when it is pointed at: the rep's
    average result over their last periods (``record``: that average, written, and how
    many periods), which the record beside the field shows only in part. None where
    there is no warning."""
    if multiple is None or record is None:
        return None
    mean, n = record
    return tr(lang, "quota.far_tip", n=n, x=f"{multiple:.1f}", mean=mean)


def quota_text(amount: float, lang: str) -> str:
    """A quota as its field shows it: in the field's unit (:func:`quota_unit`), with up
    to two decimals and no trailing zeros — 64.73 (万), 647.3 (k), 900."""
    return f"{amount / quota_unit(lang):.2f}".rstrip("0").rstrip(".") or "0"


def typed_quota(text: str, lang: str, current: float | None = None) -> float | None:
    """The quota typed in a field, in money; ``None`` when it is not a number.

    Decimals count ("59.5" is ¥595,000 in 万), so a player copying a record
    shown as ¥59.5万 gets that amount, not ten times it. A field still showing
    ``current`` as :func:`quota_text` wrote it gives ``current`` exactly: a
    quota accepted as it was is not rounded to what the field can show.
    """
    text = text.strip()
    if current is not None and text == quota_text(current, lang):
        return current
    whole, _, part = text.partition(".")
    if not (whole or part) or not (whole + part).isdigit() or "." in part:
        return None
    return round(float(text) * quota_unit(lang), 2)


def joiner(lang: str) -> str:
    """The separator of a list of names or things: "、" in Chinese, ", " in English."""
    return "、" if lang == "zh" else ", "


def aside(text: str, note: str, lang: str) -> str:
    """``text`` with ``note`` in brackets after it, as the language writes them: "1:1
    (wk 4)", "面谈（第4周）"."""
    return f"{text}（{note}）" if lang == "zh" else f"{text} ({note})"


def labelled(label: str, value: str, lang: str) -> str:
    """A label and its value, with the language's colon: "Revenue: 87.2", "收入：87.2"."""
    return f"{label}：{value}" if lang == "zh" else f"{label}: {value}"


def has(key: str) -> bool:
    """Whether the game has a message ``key``."""
    return key in catalog.template()


def babel_locale(lang: str) -> str:
    """The CLDR locale of a game language ("zh" → Simplified Chinese as written in China)."""
    return {"zh": "zh_Hans_CN", "en": "en"}.get(lang, lang)


def money(amount: float, currency: str = "¥", lang: str = "en") -> str:
    """Money the way each language counts it: ¥1.20M / ¥640k in English; in Chinese
    (and any other language) by its CLDR compact form — ¥120万, ¥4.5万, ¥1.2亿."""
    if lang == "en":
        from ..money import short_money

        return short_money(amount, currency)
    from babel.numbers import format_compact_decimal

    loc = babel_locale(lang)
    number = format_compact_decimal(abs(amount), locale=loc, fraction_digits=1)
    if len(re.split(r"[.,]", re.sub(r"[^\d.,]", "", number))[0]) >= 3:
        # three digits say enough: ¥644万, not ¥643.7万
        number = format_compact_decimal(abs(amount), locale=loc, fraction_digits=0)
    return f"{'-' if amount < 0 else ''}{currency}{number}"


def money_step(amount: float, lang: str = "en") -> float:
    """The smallest change :func:`money` shows in ``amount``: ¥7.76M moves by ¥10k and
    ¥640k by ¥1k in English; ¥776万 by 1万 and ¥63.5万 by 1千 in Chinese."""
    size = abs(amount)
    if lang == "en":
        return 1e4 if size >= 1e6 else 1e3 if size >= 1e3 else 1.0
    unit = 1e8 if size >= 1e8 else 1e4 if size >= 1e4 else 1.0
    if unit == 1.0:
        return 1.0
    return unit if size / unit >= 100 else unit / 10  # three digits, or one decimal


def tenure(years: float, lang: str = "en") -> str:
    """Time with the company, the way one says it: "8 months", "1.5 yrs", "4 年"."""
    if years < 1:
        return tr(lang, "tenure.months", n=max(1, round(years * 12)))
    rounded = math.floor(years * 2) / 2  # in whole half years: "1 yr" until one and a half
    if rounded == 1:
        return tr(lang, "tenure.one_year")
    return tr(lang, "tenure.years", y=f"{rounded:g}")


def percent(share: float, lang: str = "en") -> str:
    """A share as a percentage in the language's way (0.974 → "97%"). A share just short
    of the whole keeps a decimal (0.996 → "99.6%", never "100%": a quota sum ¥40k short
    of the target read as meeting it)."""
    from babel.numbers import format_percent

    if 0.995 <= share < 1.0:
        shown = format_percent(min(share, 0.999), "#,##0.0%", locale=babel_locale(lang))
        return str(shown)
    return str(format_percent(share, locale=babel_locale(lang)))


def when(iso: str, lang: str = "en") -> str:
    """A timestamp (ISO 8601) as the language writes a date and time; "—" when there is
    none, the text itself when it is not a timestamp."""
    if not iso:
        return "—"
    from datetime import datetime

    from babel.dates import format_datetime

    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return str(format_datetime(moment, "medium", locale=babel_locale(lang)))


def rep_name(view: object, lang: str) -> str:
    """A rep's name in the game's language (anything with ``name`` and ``name_zh``)."""
    if lang == "zh":
        return getattr(view, "name_zh", "") or getattr(view, "name", "")
    return getattr(view, "name", "")


def segment_label(obs: object, name: str, lang: str) -> str:
    """A market segment as players read it: the scenario's label, else the game's word
    for it (enterprise, midmarket, small…), else its name."""
    names = tuple(getattr(obs, "segments", ()))
    labels = tuple(getattr(obs, "segment_labels", ()))
    if name in names and names.index(name) < len(labels):
        text = text_of(labels[names.index(name)], lang)
        if text.strip():
            return text
    if has(f"segment.{name}"):
        return tr(lang, f"segment.{name}")
    return name.replace("_", " ")


def account_name(view: object, lang: str) -> str:
    """An account's name in the game's language (an account's or a deal's view)."""
    if lang == "zh":
        zh = getattr(view, "name_zh", None) or getattr(view, "account_name_zh", None)
        if zh:
            return str(zh)
    return str(getattr(view, "name", None) or getattr(view, "account_name", ""))


def text_of(text: object, lang: str) -> str:
    """A scenario's bilingual :class:`~simulator.core.spec.Text` (or plain str) in ``lang``."""
    if hasattr(text, "get"):
        return str(text.get(lang))
    if isinstance(text, Mapping):
        return str(text.get(lang) or text.get("en") or "")
    return str(text)
