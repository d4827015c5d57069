"""The class report: a workshop's saves of one scenario, side by side.

A trainer collects each participant's save and gets one page: a league
table (each player's report linked), how the group scored against the
handbook on the same seeds, which lessons the group as a whole missed, and
the mistakes most players made, each with an example sentence. Every
player's own report is written beside it, under ``players/``.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..lessons import FOLLOWED, LESSONS, MISSED, PARTLY, UNTESTED
from ..narrate import Narrator
from ..outputs import write_bytes
from ..scoring import Scorecard
from ..texts import joiner, text_of, tr
from . import charts
from .game import GameReport, figure, page, ship_font

# moments that are praise, not mistakes: they never count among the common mistakes
NOT_MISTAKES = {
    "m.p3_assessed",
    "m.p3_read_right",
    "m.reaction_up",
    "m.p6_mentor",
    "m.p6_mentor_kept",
    "m.p13_delegated",
    "m.p17_plans",
    "m.p17_calls",
    # an inbox decision taken as the handbook would take it
    "m.choice_along",
    "m.choice_along_team",
}


def _e(text: object) -> str:
    return html.escape(str(text))


def _total(card: Scorecard | None) -> str:
    """A scorecard's total, or a dash where there is none (no handbook game to compare)."""
    return f"{card.total:.1f}" if card is not None else "—"


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "player"


def player_folders(players: list[str]) -> list[str]:
    """Each player's folder under ``players/``: their name made safe for a file name,
    and made unique in order (a second "anna" is "anna-2")."""
    used: Counter = Counter()
    names = []
    for player in players:
        name = slug(player)
        used[name] += 1
        names.append(name if used[name] == 1 else f"{name}-{used[name]}")
    return names


def write_class(
    reports: list[GameReport],
    links: list[str],
    out: Path,
    lang: str = "en",
    unread: list[str] | None = None,
    copies: list[str] | None = None,
) -> Path:
    """Write ``index.html`` (the class page) and its charts; ``links``: each player's
    report (written before, see :func:`simulator.report.class_report`), as the page
    links it. ``unread``: the saves left out because they could not be read or
    replayed, ``copies``: those left out as a second copy of a game (file names): the
    page says so under its count of players, so a trainer misses nobody unawares."""
    out.mkdir(parents=True, exist_ok=True)
    t = lambda key, **kw: tr(lang, key, **kw)  # noqa: E731
    first = reports[0]
    shipped = ship_font(out / "fonts") if lang == "zh" else None
    ranked = sorted(range(len(reports)), key=lambda i: -reports[i].debrief.score.total)
    comps = [c.name for c in first.debrief.score.components]
    rows = [
        "<table><tr>"
        f"<th>{_e(t('class.rank'))}</th><th>{_e(t('class.player'))}</th>"
        f"<th>{_e(t('score.total'))}</th>"
        + "".join(f"<th>{_e(t(f'score.{c}'))}</th>" for c in comps)
        + f"<th>{_e(t('class.attainment'))}</th><th>{_e(t('class.left'))}</th>"
        f"<th>{_e(t('class.followed'))}</th><th>{_e(t('debrief.book'))}</th></tr>"
    ]
    for rank, i in enumerate(ranked, start=1):
        r = reports[i]
        sc = r.debrief.score
        followed = sum(1 for f in r.debrief.findings if f.status == FOLLOWED)
        # of the lessons this game could test (a team with no novice cannot miss P6)
        tested = sum(1 for f in r.debrief.findings if f.status != UNTESTED)
        att = sc.revenue / sc.target if sc.target else 0.0
        rows.append(
            f"<tr><td class='num'>{rank}</td>"
            f"<td><a href='{_e(links[i])}'>{_e(r.player)}</a></td>"
            f"<td class='num'><b>{sc.total:.1f}</b></td>"
            + "".join(f"<td class='num'>{sc.component(c).value:.1f}</td>" for c in comps)
            + f"<td class='num'>{att:.2f}</td><td class='num'>{sc.attrition}</td>"
            f"<td class='num'>{followed} / {tested}</td>"
            f"<td class='num'>{_total(r.debrief.book)}</td></tr>"
        )
    rows.append("</table>")

    # the group's lessons
    n = len(reports)
    per_lesson: dict[str, Counter] = {lesson: Counter() for lesson in LESSONS}
    for r in reports:
        for f in r.debrief.findings:
            per_lesson[f.lesson][f.status] += 1
    missed = [lesson for lesson, c in per_lesson.items() if c[MISSED] + c[PARTLY] >= max(1, n / 2)]
    missed.sort(key=lambda lesson: (-per_lesson[lesson][MISSED], -per_lesson[lesson][PARTLY]))

    def missed_line(x: str) -> str:
        c = per_lesson[x]
        # a count of nobody is left out: "missed by 0 and partly…" reads as a mistake
        key = (
            "class.group_missed_line"
            if c[MISSED] and c[PARTLY]
            else "class.group_missed_only"
            if c[MISSED]
            else "class.group_partly_only"
        )
        text = t(key, lesson=f"{x} " + t(f"lesson.{x}"), missed=c[MISSED], partly=c[PARTLY], n=n)
        return f"<li class='missed'>{_e(text)}</li>"

    group = (
        "<ul>" + "".join(missed_line(x) for x in missed) + "</ul>"
        if missed
        else f"<p>{_e(t('class.none_missed'))}</p>"
    )

    # the mistakes most players made: moments (a week and what was done, not a count of
    # the whole game) of lessons they did not follow, one line per lesson with the most
    # common kind of moment as its example
    players_with: dict[str, set[int]] = defaultdict(set)
    times: Counter = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    for i, r in enumerate(reports):
        nar = Narrator(r.record.final, lang)
        for f in r.debrief.findings:
            if f.status not in (MISSED, PARTLY):
                continue
            for m in f.moments:
                if m.key in NOT_MISTAKES or m.week < 1:
                    continue
                players_with[f.lesson].add(i)
                times[f.lesson] += 1
                kinds[f.lesson][m.key] += 1
                example.setdefault((f.lesson, m.key), f"{r.player}: {nar.moment(m)}")
    common = sorted(
        (k for k, who in players_with.items() if len(who) >= 2 or n == 1),
        key=lambda k: (-len(players_with[k]), -times[k]),
    )[:10]

    def mistake_line(lesson: str) -> str:
        (most, _), *_ = kinds[lesson].most_common(1)
        text = t(
            "class.mistake_line",
            players=len(players_with[lesson]),
            n=n,
            times=times[lesson],
            example=example[(lesson, most)],
        )
        return f"<li><b>{_e(lesson)} {_e(t('lesson.' + lesson))}</b>: {_e(text)}</li>"

    mistakes = (
        "<ol>" + "".join(mistake_line(k) for k in common) + "</ol>"
        if common
        else f"<p>{_e(t('class.no_mistakes'))}</p>"
    )

    dist = charts.scores(
        out / "scores.png",
        lang,
        [r.debrief.score.total for r in reports],
        [r.debrief.book.total for r in reports if r.debrief.book is not None],
    )
    grid = charts.lessons_grid(
        out / "lessons.png",
        lang,
        [reports[i].player for i in ranked],
        list(LESSONS),
        [[f.status for f in reports[i].debrief.findings] for i in ranked],
    )
    title = text_of(first.record.scenario.title, lang)
    body = [
        f"<h1>{_e(t('class.title', title=title))}</h1>",
        f"<p class='meta'>{_e(t('class.meta', n=n, version=first.save.scenario_version))}</p>",
        *(
            f"<p class='left-out'>{_e(t(key, n=len(files), files=joiner(lang).join(files)))}</p>"
            for key, files in (("class.unread", unread), ("class.copies", copies))
            if files
        ),
        f"<h2 id='league'>{_e(t('class.league'))}</h2>",
        *rows,
        figure(dist, t("report.distribution")),
        f"<h2 id='group-lessons'>{_e(t('class.group_missed'))}</h2>",
        group,
        figure(grid, t("report.grid")),
        f"<h2 id='mistakes'>{_e(t('class.mistakes'))}</h2>",
        mistakes,
    ]
    font_href = f"fonts/{shipped}" if shipped else None
    html_text = page(t("class.title", title=title), body, lang, font_href)
    return write_bytes(out / "index.html", html_text.encode("utf-8"))
