"""The debrief: the scorecard with its formulas, the lessons with their moments, each
rep's story, and the same seed played by the book, side by side."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from ...lessons import FOLLOWED, MISSED, PARTLY, Debrief
from ...palette import palette
from ...texts import labelled, money, signed
from .. import charts
from ..scene import Scene
from ..widgets import html, shorten, show_note

if TYPE_CHECKING:
    from ..app import App

SECTIONS = ("score", "lessons", "people", "compare")
MARK = {FOLLOWED: "debrief.followed", PARTLY: "debrief.partly", MISSED: "debrief.missed"}
_P = palette()
COLOUR = {FOLLOWED: _P.good, PARTLY: _P.warn, MISSED: _P.bad}


class DebriefScene(Scene):
    def __init__(self, app: App, section: str = "score") -> None:
        super().__init__(app)
        self.section = section
        self.note = ""
        self.note_label: Any = None
        game = app.game
        assert game is not None
        self.data: Debrief = game.debrief()  # made once per game, with the handbook's

    def build(self, w: int, h: int) -> None:
        g = self.app.game
        assert g is not None
        d = self.data
        ui = self.ui
        from ...texts import text_of

        ui.label(
            (40, 16, w - 80, 40),
            self.tr("debrief.title", title=text_of(g.obs.title, self.lang)),
            object_id="#title_big",
        )
        book = f"{d.book.total:.1f}" if d.book is not None else "—"
        ui.label(
            (40, 58, w - 80, 28),
            self.tr("debrief.score", total=f"{d.score.total:.1f}", book=book),
            object_id="#h2",
        )
        x = 40
        names = {
            "score": "debrief.scorecard",
            "lessons": "debrief.lessons",
            "people": "debrief.stories",
            "compare": "debrief.compare",
        }
        for sec in SECTIONS:
            ui.button(
                (x, 94, 220, 36),
                self.tr(names[sec]),
                partial(self.show, sec),
                object_id="#tab_active" if sec == self.section else "#tab",
            )
            x += 226
        body_rect = (40, 138, w - 80, h - 138 - 76)
        if self.section == "compare":
            self.build_compare(body_rect)
        else:
            ui.text(body_rect, getattr(self, f"html_{self.section}")(), raw=True)
        ui.button(
            (40, h - 60, 260, 44),
            self.tr("debrief.write_report"),
            self.write_report,
            tip=self.tr("debrief.write_report_tip"),
        )
        self.note_label = ui.label((310, h - 50, w - 640, 24), self.note, object_id="#small")
        ui.button(
            (w - 300, h - 60, 260, 44),
            self.tr("debrief.to_title"),
            self.to_title,
            object_id="#primary",
        )

    def write_report(self) -> None:
        """The trainer's HTML report of this game, written beside the saves: said at once,
        written from the next frame (it takes seconds, and the button seemed to do
        nothing meanwhile)."""
        self.say(self.tr("debrief.writing_report"))
        self.later(self._write_report())

    def _write_report(self) -> Iterator[None]:
        from ...report.game import GameReport, write

        yield  # the frame that shows the note first
        game = self.app.game
        assert game is not None
        stamp = game.snapshot()
        folder = self.app.saves / "reports" / f"{stamp.saved_at.replace(':', '')[:15]}"
        try:
            # the debrief's own, of the player at the window ("Player you", in their language)
            report = GameReport(stamp, game.record, self.data, self.tr("report.you"))
            path = write(report, folder, self.lang)
            self.say(self.tr("debrief.report_written", path=str(path)))
        except OSError as e:
            self.say(self.tr("load.error", why=str(e)))

    def say(self, text: str) -> None:
        """The note beside the buttons (shown whole when pointed at, where it is cut)."""
        self.note = text
        label = self.note_label
        if label is not None and label.alive():
            short = shorten(label, text)
            show_note(label, short, text if short != text else None)

    def show(self, section: str) -> None:
        self.section = section
        self.rebuild()

    # ------------------------------------------------------------ sections
    def html_score(self) -> str:
        nar = self.app.game.narrator  # type: ignore[union-attr]
        d = self.data
        rows = []
        for c in d.score.components:
            rows.append(
                f"<b>{html(self.tr(f'score.{c.name}'))}</b> {c.value:.1f} × {c.weight:.2f}"
                f" — {html(nar.verdict(c))}"
                f"<br>&nbsp;&nbsp;<i>{html(self.tr(f'formula.{c.name}'))}</i>"
                f"<br>&nbsp;&nbsp;{html(nar.working(c))}"
            )
        cur = self.app.game.obs.currency  # type: ignore[union-attr]
        rows.append(f"<b>{html(self.tr('score.total'))}</b> {d.score.total:.1f}")
        rows.append(
            html(
                self.tr(
                    "debrief.revenue_line",
                    revenue=money(d.score.revenue, cur, self.lang),
                    target=money(d.score.target, cur, self.lang),
                    left=d.score.attrition,
                )
            )
        )
        return "<br><br>".join(rows)

    def html_lessons(self) -> str:
        nar = self.app.game.narrator  # type: ignore[union-attr]
        order = {MISSED: 0, PARTLY: 1, FOLLOWED: 2}
        out = []
        for f in sorted(
            self.data.findings, key=lambda f: (order.get(f.status, 3), int(f.lesson[1:]))
        ):
            mark = self.tr(MARK.get(f.status, "debrief.untested"))
            colour = COLOUR.get(f.status, _P.muted)
            text = (
                f"<font color='{colour}'><b>{html(mark)}</b></font> "
                f"<b>{f.lesson} {html(self.tr(f'lesson.{f.lesson}'))}</b><br>"
                f"{html(nar.moment(f.summary))}"
            )
            for m in f.moments[:6]:
                text += "<br>&nbsp;&nbsp;· " + html(nar.moment(m))
            out.append(text)
        return "<br><br>".join(out)

    def html_people(self) -> str:
        nar = self.app.game.narrator  # type: ignore[union-attr]
        out = []
        for story in self.data.stories:
            head, lines = nar.story(story)
            out.append(f"<b>{html(head)}</b><br>" + "<br>".join(html(x) for x in lines))
        return "<br><br>".join(out)

    def build_compare(self, rect: tuple[int, int, int, int]) -> None:
        x, y, w, h = rect
        d = self.data
        ui = self.ui
        half = (w - 16) // 2
        game = self.app.game
        assert game is not None
        n = max(len(d.revenue), len(d.book_revenue))
        target = [0.0, *game.obs.target_plan][: n + 1]
        # the legend says where each line ends: the chart's scale in three figures
        ui.legend(
            (x, y, half, 24),
            [
                (None, self.tr("chart.revenue_head")),
                (
                    charts.swatch("booked"),
                    self.tr("chart.you", you=game.money(d.revenue[-1] if d.revenue else 0.0)),
                ),
                (
                    charts.swatch("book"),
                    self.tr(
                        "chart.by_the_book",
                        book=game.money(d.book_revenue[-1] if d.book_revenue else 0.0),
                    ),
                ),
                (charts.swatch("target"), self.tr("chart.target", target=game.money(target[-1]))),
            ],
        )
        chart = charts.revenue_chart(
            (half, h - 32), [0.0, *d.revenue], target, n + 1, book=[0.0, *d.book_revenue]
        )
        ui.image((x, y + 28, half, h - 32), chart)
        lang = self.lang
        both = f"{self.tr('debrief.you')} / {self.tr('debrief.book')}"
        rows = [f"<b>{html(labelled(self.tr('debrief.component'), both, lang))}</b>"]
        for c in d.score.components:
            other = d.book.component(c.name).value if d.book is not None else float("nan")
            # the difference of the two figures as shown ("51.1 / 51.1 (−0.1)" read wrong)
            diff = round(c.value, 1) - round(other, 1)
            colour = _P.good if diff >= 0 else _P.bad
            scores = labelled(self.tr(f"score.{c.name}"), f"{c.value:.1f} / {other:.1f}", lang)
            rows.append(f"{html(scores)} <font color='{colour}'>({signed(diff)})</font>")
        total_b = d.book.total if d.book is not None else float("nan")
        total = labelled(self.tr("score.total"), f"{d.score.total:.1f} / {total_b:.1f}", lang)
        rows.append(f"<b>{html(total)}</b>")
        nar = game.narrator
        rows.append(f"<br><b>{html(self.tr('debrief.measure_head'))}</b>")
        for c in d.score.components:
            theirs = nar.measure(d.book.component(c.name)) if d.book is not None else "—"
            measures = labelled(self.tr(f"score.{c.name}"), f"{nar.measure(c)} / {theirs}", lang)
            rows.append(html(measures))
        ui.text((x + half + 16, y, half, h), "<br>".join(rows), raw=True)

    def to_title(self) -> None:
        from .menus import TitleScene

        self.app.game = None
        self.app.switch(TitleScene)

    def back(self) -> None:
        self.to_title()
