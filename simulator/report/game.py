"""The trainer's report of one played game: a self-contained HTML page with its charts.

Built from a save (the scenario, the seed and the action log), so it can be
made of any game, played at the desk or by a scripted policy, on any machine
that has the scenario. The page holds:

* the scorecard, each component with its rule and this game's numbers worked
  out, beside the same seed played by the handbook (``by_the_book``);
* the season in charts: revenue against the target and against the
  handbook's game, the team's mood as the manager read it and as it was, the
  funnel as reported and as it truly was;
* the lessons P1–P18 followed and missed, with the concrete moments;
* each rep's story: who they really were, when the manager found out, what
  lifted them and what put them off, their results, whether they left;
* a week-by-week timeline: what the manager did against what happened.

The charts are written as PNG files beside the page and also inlined in it,
so the one HTML file can be mailed or opened anywhere without the folder.
"""

from __future__ import annotations

import base64
import html
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..lessons import FOLLOWED, MISSED, PARTLY, Debrief, debrief
from ..narrate import Narrator
from ..outputs import HTML_MARK, write_bytes
from ..palette import palette
from ..record import Record
from ..saves import SaveGame
from ..session import Session
from ..texts import aside, joiner, money, signed, text_of, tr, when
from . import charts

# the files a game's report is: its page and its charts
REPORT_FILES = ("report.html", "revenue.png", "people.png", "pipeline.png")
MARK = {FOLLOWED: "debrief.followed", PARTLY: "debrief.partly", MISSED: "debrief.missed"}
_P = palette()
CSS = f"""
body{{font-family:'Noto Sans SC','Noto Sans','PingFang SC','Microsoft YaHei',system-ui,sans-serif;
 margin:2em auto;max-width:76em;color:{_P.ink};line-height:1.45;padding:0 1em}}
h1{{font-size:1.7em;margin-bottom:.2em}}h2{{margin-top:1.8em;border-bottom:2px solid {_P.border}}}
.meta{{color:{_P.muted}}}table{{border-collapse:collapse;margin:.8em 0;width:100%}}
td,th{{border:1px solid {_P.border};padding:.3em .5em;vertical-align:top;text-align:left}}
th{{background:{_P.page}}}td.num{{text-align:right;white-space:nowrap}}
td.book{{text-align:right;min-width:9em}}.nowrap{{white-space:nowrap}}
.followed{{color:{_P.good}}}.partly{{color:{_P.warn}}}.missed{{color:{_P.bad}}}
.untested{{color:{_P.muted}}}.better{{color:{_P.good}}}.worse{{color:{_P.bad}}}
img{{max-width:100%}}figure{{margin:1em 0}}figcaption{{color:{_P.muted};font-size:.9em}}
.formula{{font-family:ui-monospace,monospace,'Noto Sans SC',sans-serif;font-size:.88em;
 color:{_P.muted}}}
.story{{border-left:4px solid {_P.accent};padding:.2em 1em;margin:1em 0}}
.timeline td{{font-size:.9em}}
"""


@dataclass
class GameReport:
    """Everything a report shows, computed once (the class report reuses it)."""

    save: SaveGame
    record: Record  # the game as it really was
    debrief: Debrief  # with the handbook's game on the same seed
    player: str


def analyse(save: SaveGame, session: Session, player: str) -> GameReport:
    """The findings, the stories and the handbook's game on the same seed (played once)."""
    record = session.record()
    return GameReport(save, record, debrief(record, session.handbook()), player)


def for_class(game: GameReport) -> GameReport:
    """The game as the class page reads it, once its player's own report is written: the
    record without its event and action logs (most of its size), which only the
    player's page reads. What a report worker sends back to the class page."""
    return replace(game, record=replace(game.record, events=(), actions=()))


def _e(text: object) -> str:
    return html.escape(str(text))


FONT_NAME = charts.CJK_FONT


def ship_font(folder: Path) -> str | None:
    """Put the Chinese typeface beside a report (once); the file's name, or None."""
    source = charts.cjk_font_file()
    if source is None:
        return None
    target = folder / FONT_NAME
    if not target.exists():  # copied whole or not at all: a stop never leaves half a font
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(target, Path(source).read_bytes())
    return FONT_NAME


def page(title: str, body: list[str], lang: str, font_href: str | None = None) -> str:
    # a Chinese page brings its typeface along, for machines without a Chinese font
    face = (
        f"@font-face{{font-family:'Noto Sans SC';src:url('{_e(font_href)}') format('opentype')}}"
        if font_href
        else ""
    )
    head = (
        f"<!doctype html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head>"
        f"<meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
        f"{HTML_MARK.decode()}"
        f"<title>{_e(title)}</title><style>{face}{CSS}</style></head><body>"
    )
    return head + "\n".join(body) + "</body></html>"


def figure(path: Path, caption: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f"<figure><img alt='{_e(caption)}' src='data:image/png;base64,{data}'>"
        f"<figcaption>{_e(caption)} <a href='{_e(path.name)}'>PNG</a>"
        f"</figcaption></figure>"
    )


def _scorecard(r: GameReport, lang: str, nar: Narrator) -> list[str]:
    t = lambda key, **kw: tr(lang, key, **kw)  # noqa: E731
    d = r.debrief
    rows = [
        f"<table><tr><th>{_e(t('debrief.component'))}</th><th>{_e(t('debrief.value'))}</th>"
        f"<th>{_e(t('debrief.weight'))}</th><th>{_e(t('debrief.formula'))}</th>"
        f"<th>{_e(t('debrief.book'))}</th></tr>"
    ]
    for c in d.score.components:
        other = d.book.component(c.name).value if d.book is not None else float("nan")
        theirs = nar.measure(d.book.component(c.name)) if d.book is not None else "—"
        diff = round(c.value, 1) - round(other, 1)  # of the two figures as shown
        css = "better" if diff > 0.05 else ("worse" if diff < -0.05 else "")
        rows.append(
            f"<tr><td>{_e(t(f'score.{c.name}'))}</td><td class='num'>{c.value:.1f}</td>"
            f"<td class='num'>{c.weight:.2f}</td><td><b>{_e(nar.verdict(c))}</b><br>"
            f"<span class='formula'>{_e(nar.formula(c))}</span><br>{_e(nar.working(c))}</td>"
            # the handbook's score kept on one line, the measures beside it free to wrap
            # (kept whole too, they squeezed the formulas into a narrow column)
            f"<td class='book'><span class='nowrap'>{other:.1f} "
            f"<span class='{css}'>({signed(diff)})</span></span>"
            f"<br>{_e(nar.measure(c))} / {_e(theirs)}</td></tr>"
        )
    book_total = d.book.total if d.book is not None else float("nan")
    rows.append(
        f"<tr><th>{_e(t('score.total'))}</th><th class='num'>{d.score.total:.1f}</th><th></th>"
        f"<th></th><th class='num'>{book_total:.1f}</th></tr></table>"
    )
    cur = r.record.scenario.currency
    rows.append(
        "<p>"
        + _e(
            t(
                "debrief.revenue_line",
                revenue=money(d.score.revenue, cur, lang),
                target=money(d.score.target, cur, lang),
                left=d.score.attrition,
            )
        )
        + "</p>"
    )
    return rows


def lessons_html(r: GameReport, lang: str, nar: Narrator, limit: int = 12) -> list[str]:
    order = {MISSED: 0, PARTLY: 1, FOLLOWED: 2}
    out = ["<table>"]
    for f in sorted(r.debrief.findings, key=lambda f: (order.get(f.status, 3), int(f.lesson[1:]))):
        mark = tr(lang, MARK.get(f.status, "debrief.untested"))
        moments = "".join(f"<li>{_e(nar.moment(m))}</li>" for m in f.moments[:limit])
        more = len(f.moments) - limit
        if more > 0:
            moments += f"<li>… {_e(tr(lang, 'report.more', n=more))}</li>"
        out.append(
            f"<tr id='{f.lesson}'><td class='{f.status}' style='white-space:nowrap'>"
            f"<b>{_e(mark)}</b></td><td><b>{f.lesson} {_e(tr(lang, f'lesson.{f.lesson}'))}</b>"
            f"<br>{_e(nar.moment(f.summary))}"
            + (f"<ul>{moments}</ul>" if moments else "")
            + "</td></tr>"
        )
    out.append("</table>")
    return out


def _stories(r: GameReport, nar: Narrator) -> list[str]:
    out = []
    for s in r.debrief.stories:
        head, lines = nar.story(s)
        out.append(
            f"<div class='story' id='rep-{s.rep}'><h3>{_e(head)}</h3>"
            + "".join(f"<p>{_e(x)}</p>" for x in lines)
            + "</div>"
        )
    return out


def _did(r: GameReport, week: int, nar: Narrator) -> str:
    """What the manager did in a week, in a line: "1:1 (Wang Lei, Li Na), Pipeline review"."""
    by_action: dict[str, list[str]] = {}
    refused = 0
    for rec in r.record.actions:
        if rec.week != week:
            continue
        if not rec.ok:
            refused += 1
            continue
        a = rec.action
        name = nar.action_name(a.kind, a.to_dict())
        who = getattr(a, "rep", None)
        by_action.setdefault(name, [])
        if who is not None:
            by_action[name].append(nar.rep(who))
    parts = []
    for name, who in by_action.items():
        if who:
            count = Counter(who)
            # in the language's own brackets and commas: "面谈（王磊、李娜）"
            parts.append(aside(name, joiner(nar.lang).join(count), nar.lang))
        else:
            parts.append(name)
    text = joiner(nar.lang).join(parts) or "—"
    if refused:
        text += f" · {tr(nar.lang, 'report.refused_n', n=refused)}"
    return text


def _timeline(r: GameReport, lang: str, nar: Narrator) -> list[str]:
    t = lambda key, **kw: tr(lang, key, **kw)  # noqa: E731
    cur = r.record.scenario.currency
    out = [
        "<table class='timeline'><tr>"
        f"<th>{_e(t('report.week'))}</th><th>{_e(t('report.did'))}</th>"
        f"<th>{_e(t('report.revenue_col'))}</th><th>{_e(t('report.mood'))}</th>"
        f"<th>{_e(t('report.headcount'))}</th><th>{_e(t('report.pipeline_col'))}</th>"
        f"<th>{_e(t('report.happened'))}</th></tr>"
    ]
    for m in r.record.weeks:
        happened = r.record.of_week(m.week)
        events = nar.week_report(r.record.told_in_week(m.week))
        pct = 100 * m.revenue / m.target if m.target else 0.0
        left = [e for e in happened if e.kind in ("resigned", "let_go")]
        head = f"{m.headcount}" + (f" (−{len(left)})" if left else "")
        out.append(
            f"<tr><td class='num'>{m.week}</td><td>{_e(_did(r, m.week, nar))}</td>"
            f"<td class='num'>{_e(money(m.revenue, cur, lang))}<br>{pct:.0f}%</td>"
            f"<td class='num'>{m.mood_seen:.2f}</td><td class='num'>{_e(head)}</td>"
            f"<td class='num'>{_e(money(m.pipeline_shown, cur, lang))}<br>"
            f"{100 * m.unhealthy_share:.0f}% {_e(t('report.unhealthy_short'))}</td>"
            f"<td>{'<br>'.join(_e(x) for x in events)}</td></tr>"
        )
    out.append("</table>")
    return out


def write(r: GameReport, out: Path, lang: str = "en", font_href: str | None = None) -> Path:
    """Write ``report.html`` and its charts into ``out``; the page's path.

    A Chinese report gets the typeface beside it (or uses ``font_href``, a path to one
    already shipped, as the class report does for all its players)."""
    out.mkdir(parents=True, exist_ok=True)
    if lang == "zh" and font_href is None:
        font_href = ship_font(out)
    nar = Narrator(r.record.final, lang)
    t = lambda key, **kw: tr(lang, key, **kw)  # noqa: E731
    mw = r.record.weeks
    title = text_of(r.record.scenario.title, lang)
    imgs = [
        (
            charts.revenue(
                out / "revenue.png",
                lang,
                [m.revenue for m in mw],
                list(r.record.target),
                list(r.debrief.book_revenue[: len(mw)]),
            ),
            t("report.cap_revenue"),
        ),
        (
            charts.people(
                out / "people.png",
                lang,
                [m.mood_seen for m in mw],
                [m.engagement for m in mw],
                [m.headcount for m in mw],
            ),
            t("report.cap_people"),
        ),
        (
            charts.pipeline(
                out / "pipeline.png",
                lang,
                [m.pipeline_shown for m in mw],
                [m.pipeline_true for m in mw],
                [m.unhealthy_share for m in mw],
            ),
            t("report.cap_pipeline"),
        ),
    ]
    s = r.save
    # the player as the class page names them (their save's name), and the policy that
    # played for them, if one did
    who = r.player if not s.policy else t("report.played_by", player=r.player, policy=s.policy)
    meta = t(
        "report.meta",
        player=who,
        seed=s.seed,
        weeks=s.weeks_played,
        total=r.record.scenario.weeks,
        version=s.scenario_version,
        saved=when(s.saved_at, lang),
    )
    body = [
        f"<h1>{_e(t('report.title', title=title))}</h1>",
        f"<p class='meta'>{_e(meta)}</p>",
        f"<h2 id='scorecard'>{_e(t('debrief.scorecard'))}</h2>",
        *_scorecard(r, lang, nar),
        f"<h2 id='season'>{_e(t('report.season'))}</h2>",
        *[figure(p, cap) for p, cap in imgs],
        f"<h2 id='lessons'>{_e(t('debrief.lessons'))}</h2>",
        *lessons_html(r, lang, nar),
        f"<h2 id='people'>{_e(t('debrief.stories'))}</h2>",
        *_stories(r, nar),
        f"<h2 id='timeline'>{_e(t('report.timeline'))}</h2>",
        *_timeline(r, lang, nar),
    ]
    html_text = page(t("report.title", title=title), body, lang, font_href)
    return write_bytes(out / "report.html", html_text.encode("utf-8"))
