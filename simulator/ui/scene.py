"""A screen of the game: its widgets, built over frames, its dialogs and its keys.

The window (:class:`~simulator.ui.app.App`) shows one scene at a time and steps it
once a frame; a scene builds its widgets as a generator yielding between batches,
so a big screen appears over a few frames and the window keeps answering.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIPanel

from ..texts import tr
from .typeset import keep_whole
from .widgets import Builder, shorten_keeping, shorten_parts

if TYPE_CHECKING:
    from .app import App


class Scene:
    """One screen of the game: builds its widgets, reacts to presses and keys."""

    def __init__(self, app: App) -> None:
        self.app = app
        if app.game is not None:  # names a Chinese line never breaks inside
            keep_whole(app.game.new_names())
        self.ui: Builder = Builder(app.manager)
        self.modal: Any = None
        self.modal_ui: Builder | None = None
        self.jobs: list[Any] = []
        self.rest = False
        self._dim: Any = None

    @property
    def lang(self) -> str:
        return self.app.lang

    def tr(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    # --------------------------------------------------------------- life
    def open(self) -> None:
        w, h = self.app.size
        self.ui = Builder(self.app.manager)
        self.jobs = []
        self.later(self.build(w, h))
        self.work()

    def close(self) -> None:
        self.jobs = []
        self.close_modal()
        self.ui.kill()

    # --------------------------------------------------------------- building over frames
    # Creating widgets is the slow part of a frame (about a millisecond each). A build
    # may be a generator that yields between batches: the rest is done in the frames
    # that follow, a batch a frame, so the window keeps answering while a big screen
    # appears.
    def later(self, job: Any) -> None:
        """Run the rest of ``job`` (a generator; anything else is already done) in later frames."""
        if inspect.isgenerator(job):
            self.jobs.append(job)

    def work(self) -> None:
        """One batch of the pending building: the next job's next step. A job that ends
        ends the batch: the next one starts in the next frame, so several small builds
        that each finish at once are never heaped into one long frame."""
        if self.jobs:
            try:
                next(self.jobs[0])
            except StopIteration:
                self.jobs.pop(0)

    def finish(self) -> None:
        """Do all pending building now."""
        while self.jobs:
            self.work()

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def rebuild(self) -> None:
        """Build the scene's widgets again (after a change, a resize or a language switch)."""
        keep = self.app.focus_mark()
        self.close()
        self.open()
        self.app.keep_focus(keep, building=self.busy)

    def build(self, w: int, h: int) -> Any:
        """Create the scene's widgets (a generator may yield between batches)."""
        raise NotImplementedError

    # --------------------------------------------------------------- input
    def back(self) -> None:
        """Escape: the scene's way back (nothing by default)."""

    def handle(self, event: pygame.event.Event) -> None:
        """Events other than button presses (clicks on cards, typing, keys)."""

    def update(self, dt: float) -> None:
        """Per-frame work: a batch of pending building."""
        if self.rest:  # this frame already did a heavy thing (a week was simulated)
            self.rest = False
            return
        if self.jobs:
            keep = self.app.focus_mark()
            self.work()
            self.app.keep_focus(keep, building=self.busy)

    def draw(self, surface: pygame.Surface) -> None:
        """Anything drawn under the widgets; never changes the game."""

    # --------------------------------------------------------------- dialogs
    def open_modal(
        self,
        title: str,
        body: str,
        buttons: list[tuple[str, Callable[[], None] | None]],
        size: tuple[int, int] = (560, 380),
        raw: bool = False,
        scrolls: bool = False,
    ) -> None:
        """A dialog over the scene; its buttons close it and then do their job.
        ``scrolls``: the body is expected to be longer than the dialog (it is then laid
        out once, beside a scroller's bar: :meth:`Builder.long_text`)."""
        self.close_modal()
        w, h = self.app.size
        mw, mh = min(size[0], w - 40), min(size[1], h - 40)
        ui = self.dialog(mw, mh)
        ui.label((16, 10, mw - 40, 32), title, object_id="#h2")
        body_rect = (12, 48, mw - 28, mh - 112)
        if scrolls:
            ui.long_text(body_rect, body, raw=raw)
        else:
            ui.text(body_rect, body, raw=raw)
        bw = min(200, (mw - 32 - 8 * (len(buttons) - 1)) // max(1, len(buttons)))
        x = mw - 16 - len(buttons) * bw - 8 * (len(buttons) - 1)
        for text, job in buttons:
            ui.button((x, mh - 54, bw, 40), text, self._modal_job(job))
            x += bw + 8
        self.modal_ui = ui
        self.app.focus_first()

    def open_chooser(
        self,
        title: str,
        options: list[tuple[str, Callable[[], None] | None, str | None]],
        page: int = 0,
        note: str = "",
        width: int = 600,
    ) -> None:
        """A dialog listing choices, eight to a page. A choice that cannot be taken is
        greyed and says why on its face; it is never a button that does nothing. The
        dialog widens (as far as the window allows) rather than cut a choice short."""
        per = 8
        pages = max(1, -(-len(options) // per))
        page = min(max(0, page), pages - 1)
        shown = options[page * per : (page + 1) * per]
        reasons = {why for _, _, why in options}
        common = next(iter(reasons)) if len(reasons) == 1 else None  # one reason for all
        head = self.tr("chooser.none", why=common) if common else note
        top = 46 + (30 if head else 0)
        mw = min(width, self.app.size[0] - 40)
        mh = top + 64 + 46 * len(shown)
        ui = self.dialog(mw, mh)
        ui.label((16, 10, mw - 32, 30), title, object_id="#h2")
        if head:
            ui.label(
                (16, 42, mw - 32, 24), head, object_id="#small", cls="@bad" if common else None
            )
        cut = False
        wide = self.app.size[0] - 40
        for i, (text, job, why) in enumerate(shown):
            label = text if why is None or common else f"{text} — {why}"
            el = ui.button(
                (16, top + i * 46, mw - 32, 40),
                label,
                self._modal_job(job),
                object_id="#refused" if why else None,
                enabled=why is None and job is not None,
            )
            if el.text != label and label != text and mw >= wide:
                # as wide as it gets: the choice's own words give way, its reason is whole
                el.set_text(shorten_keeping(el, text, label[len(text) :]))
            elif el.text != label and mw >= wide:
                # a live choice: its last notes give way, what it is stays whole
                el.set_text(shorten_parts(el, label))
            cut = cut or el.text != label
        if cut and mw < wide:  # once more, as wide as the window allows
            self.open_chooser(title, options, page, note, width=wide)
            return
        if pages > 1:
            ui.button(
                (16, mh - 50, 60, 40),
                "◀",
                lambda: self.open_chooser(title, options, page - 1, note, mw),
                enabled=page > 0,
            )
            ui.label((80, mh - 42, 60, 24), f"{page + 1}/{pages}", object_id="#small")
            ui.button(
                (140, mh - 50, 60, 40),
                "▶",
                lambda: self.open_chooser(title, options, page + 1, note, mw),
                enabled=page < pages - 1,
            )
        ui.button((mw - 176, mh - 50, 160, 40), self.tr("ui.cancel"), self._modal_job(None))
        self.modal_ui = ui
        self.app.focus_first()

    def _modal_job(self, job: Callable[[], None] | None) -> Callable[[], None]:
        def run() -> None:
            self.close_modal()
            if job is not None:
                job()

        return run

    def dialog(self, mw: int, mh: int) -> Builder:
        """A centred dialog panel over the dimmed scene; the builder for its contents."""
        self.close_modal()
        w, h = self.app.size
        rect = pygame.Rect((w - mw) // 2, (h - mh) // 2, mw, mh)
        self.dim()
        self.modal = UIPanel(rect, starting_height=20, manager=self.app.manager, object_id="#modal")
        ui = Builder(self.app.manager, self.modal)
        ui.full_text = self.ui.full_text
        return ui

    def dim(self) -> None:
        """Shade the scene behind a dialog (and keep clicks from reaching it)."""
        if self._dim is None:
            w, h = self.app.size
            self._dim = UIPanel(
                pygame.Rect(0, 0, w, h),
                starting_height=18,
                manager=self.app.manager,
                object_id="#dim",
            )

    def close_modal(self) -> None:
        if self._dim is not None:
            self._dim.kill()
            self._dim = None
        if self.modal_ui is not None:
            self.modal_ui.kill()
        if self.modal is not None:
            self.modal.kill()
            self.modal = None
            self.modal_ui = None

    def active_builder(self) -> Builder:
        return self.modal_ui if self.modal_ui is not None else self.ui

    def focus_order(self) -> list[Any]:
        """Buttons and fields in the order Tab visits them (only a dialog's, when one is open)."""
        return self.active_builder().order

    def callback(self, element: Any) -> Callable[[], None] | None:
        return self.active_builder().callbacks.get(element)
