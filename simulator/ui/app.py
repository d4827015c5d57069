"""The game window: one loop, one scene at a time, every input as a pygame event.

The loop follows pygame_gui's rhythm — process events, update, draw — and a
frame is one call of :meth:`App.step`, so a test or a benchmark drives the
window exactly as a player does, by posting real mouse and key events and
stepping. Scenes own their widgets; drawing never changes the game.

Keyboard everywhere: Tab and Shift+Tab move between buttons and fields,
Enter presses the focused button, Escape closes a dialog or goes back, and
Space ends the week at the desk.
"""

from __future__ import annotations

import importlib.resources
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from ..palette import palette
from ..paths import data_dir
from ..saves import SaveError
from ..texts import languages, tr
from .game import Game, save_dir, slot_name
from .pace import FPS, REST_AFTER_S, REST_FPS, Collector
from .scene import Scene
from .widgets import Manager, html, scroll_into_view

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 640)
BACKGROUND = palette().rgb("page")


def assets_dir() -> Path:
    """The theme, portraits and fonts: the checkout's ``assets/`` or the installed copy."""
    return data_dir("assets", "SALESIM_ASSETS")


SCREEN_MARGIN = 48  # below a window that fits the screen: its title bar, a panel


def _fitting_the_screen() -> tuple[int, int]:
    """The window's first size: the default where the screen has room for it, else as
    much of the screen as leaves the title bar in sight (a 1024×640 screen showed the
    scenario picker cut off on every side), down to the smallest size the desk is laid
    out for. Without a real screen (the dummy driver) the default."""
    if pygame.display.get_driver() == "dummy":
        return DEFAULT_SIZE
    screens = pygame.display.get_desktop_sizes()
    if not screens:
        return DEFAULT_SIZE
    w, h = screens[0]
    return min(DEFAULT_SIZE[0], w), min(DEFAULT_SIZE[1], h - SCREEN_MARGIN)


class App:
    """The window, the widget manager, the current scene and the game being played."""

    def __init__(
        self,
        lang: str = "en",
        size: tuple[int, int] | None = None,
        scenario: str | None = None,
        load: str | None = None,
        saves: Path | None = None,
        seed: int | None = None,
    ) -> None:
        pygame.display.init()
        fonts_kept = pygame.font.get_init()  # from an earlier window of this process
        pygame.font.init()
        pygame.display.set_caption("salesim")
        size = size or _fitting_the_screen()
        self.size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        self.lang = lang if lang in languages() else "en"
        self.manager = Manager(self.size, starting_language=self.lang)
        # one typeface for both languages: Noto Sans SC (shipped with pygame_gui) has the
        # Latin and CJK letters and the few symbols the desk uses
        data = importlib.resources.files("pygame_gui.data")
        self.manager.add_font_paths(
            "noto_sans_sc",
            str(data / "NotoSansSC-Regular.otf"),
            str(data / "NotoSansSC-Bold.otf"),
            str(data / "NotoSansSC-Regular.otf"),  # no italic cut: upright stands in
            str(data / "NotoSansSC-Bold.otf"),
        )
        self.manager.get_theme().load_theme(str(assets_dir() / "theme.json"))
        self.manager.preload_fonts([{"name": "noto_sans_sc", "point_size": 16, "style": "italic"}])
        from . import portraits

        if not fonts_kept:
            portraits.reset()  # drawn-text fonts belong to the font module that made them
        self.collector = Collector()  # the collector on the game's schedule
        self.refreshes = 0
        self.clock = pygame.time.Clock()
        self.last_input = time.monotonic()  # when the player last did anything
        self.running = True
        self.saves = Path(saves) if saves is not None else save_dir()
        self.scenario = scenario
        self.seed = seed
        self.game: Game | None = None
        self.message = ""  # a line for the title screen (e.g. why a save did not load)
        self.scene: Scene | None = None
        self._focus: Any = None
        self._wish: FocusMark | None = None  # the element to give focus back to, once built
        self.frame_ms: list[float] = []
        from .scenes import BriefingScene, TitleScene

        if load:
            try:
                self.game = Game.load(Path(load), lang=self.lang)
                self.game.save_path = self.slot_of(self.game, Path(load))
                self.show_game()
            except SaveError as e:
                self.message = tr(self.lang, "load.error", why=str(e))
                self.switch(TitleScene)
        elif scenario:
            self.start_game(scenario)
            self.switch(BriefingScene)
        else:
            self.switch(TitleScene)

    # --------------------------------------------------------------- scenes
    def switch(self, scene_cls: type[Scene], **kwargs: Any) -> Scene:
        if self.scene is not None:
            self.scene.close()
        self._focus = None
        self._wish = None
        self.scene = scene_cls(self, **kwargs)
        self.scene.open()
        self.collect_later()
        return self.scene

    def new_seed(self) -> int:
        return self.seed if self.seed is not None else int(time.time()) % 100_000

    def start_game(self, scenario: str, seed: int | None = None) -> Game:
        chosen = seed if seed is not None else self.new_seed()
        self.game = Game.new(
            scenario,
            seed=chosen,
            lang=self.lang,
            save_path=self.saves / slot_name(scenario, chosen),
        )
        return self.game

    def slot_of(self, game: Game, loaded_from: Path) -> Path:
        """Where a resumed game goes on saving: its own file when it is in the save folder,
        else its slot there (a file opened from elsewhere is never written over)."""
        try:
            inside = loaded_from.resolve().parent == self.saves.resolve()
        except OSError:
            inside = False
        return (
            loaded_from if inside else self.saves / slot_name(game.scenario_path, game.session.seed)
        )

    def open_saved(self, path: Path) -> bool:
        """Resume a saved game; on failure the reason goes to the title screen's message."""
        try:
            game = Game.load(path, lang=self.lang)
        except SaveError as e:
            self.message = tr(self.lang, "load.error", why=str(e))
            return False
        game.save_path = self.slot_of(game, Path(path))
        self.game = game
        self.message = ""
        self.show_game()
        return True

    def show_game(self) -> None:
        """The scene the current game is at: the desk, a review, or the debrief."""
        from .scenes import DebriefScene, DeskScene

        assert self.game is not None
        if self.game.review_due:
            from .scenes import ReviewScene

            self.switch(ReviewScene)  # saved as a period ended, before its review
            return
        self.switch(DebriefScene if self.game.finished else DeskScene)

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.manager.set_locale(lang)
        if self.game is not None:
            self.game.lang = lang
        if self.scene is not None:
            self.scene.rebuild()

    def autosave(self) -> str | None:
        """Save the game in progress; the reason in words when it could not be saved."""
        if self.game is None:
            return None
        try:
            self.game.save()
        except SaveError as e:
            return str(e)
        return None

    def quit(self) -> None:
        """End the game, saved; when it cannot be saved (the saves folder is a file, the
        disk is full), say so in the terminal: the window is gone, and silence would
        leave the player believing it was."""
        reason = self.autosave()
        if reason is not None:
            print(f"salesim: the game was not saved: {reason}", file=sys.stderr)
        self.running = False

    # --------------------------------------------------------------- focus
    def focusables(self) -> list[Any]:
        if self.scene is None:
            return []
        order = self.scene.focus_order()
        return [el for el in order if el.alive() and el.visible and el.is_enabled]

    def focused_index(self) -> int | None:
        items = self.focusables()
        return items.index(self._focus) if self._focus in items else None

    def restore_focus(self, index: int | None) -> None:
        items = self.focusables()
        if index is not None and items:
            self.set_focus(items[min(index, len(items) - 1)])

    def focus_mark(self) -> FocusMark | None:
        """What has the keyboard, told so that its like can be found in a rebuilt screen."""
        if self._wish is not None:
            return self._wish
        items = self.focusables()
        if self._focus not in items:
            return None
        el = self._focus
        return FocusMark(type(el), _label(el), items.index(el))

    def keep_focus(self, mark: FocusMark | None, building: bool) -> None:
        """After (part of) a screen was built again: the keyboard stays on the element it
        was on, or goes to the one built in its place (of its kind and words, the nearest
        in the Tab order), waiting while the screen is still ``building``; only when no
        such element came does it fall back to the same place in the Tab order. (By place
        alone, focus wandered while a region was built over several frames: Enter on
        "Plan these quotas" left it on "Hire", then a rep, then the first quota field.)"""
        if mark is None:
            return
        items = self.focusables()
        if self._focus in items and self._wish is None:
            return
        same = [
            i for i, el in enumerate(items) if type(el) is mark.kind and _label(el) == mark.label
        ]
        if same:
            self._wish = None
            self.set_focus(items[min(same, key=lambda i: abs(i - mark.index))])
        elif building:
            self._wish = mark
        else:
            self._wish = None
            self.restore_focus(mark.index)

    def focus_first(self) -> None:
        items = self.focusables()
        self.set_focus(items[0] if items else None)

    def set_focus(self, element: Any) -> None:
        self._wish = None  # focus given anywhere: nothing is waited for any more
        old = self._focus
        if isinstance(old, UIButton) and old.alive():
            old.unselect()
        self._focus = element
        if isinstance(element, UIButton):
            element.select()
            self.manager.set_focus_set(None)
        elif isinstance(element, UITextEntryLine):
            self.manager.set_focus_set(element)
            element.focus()
        if element is not None:
            scroll_into_view(element)

    def move_focus(self, step: int) -> None:
        items = self.focusables()
        if not items:
            return
        current = self._focus
        if current not in items:
            # a field clicked into has the keyboard without having been tabbed to
            typed_in = [el for el in self.manager.get_focus_set() or () if el in items]
            current = typed_in[0] if typed_in else None
        i = items.index(current) if current in items else (-1 if step > 0 else 0)
        if isinstance(current, UITextEntryLine):
            # from a field, Tab goes to the next field (a form is filled in one go)
            ahead = items[i + 1 :] if step > 0 else list(reversed(items[:i]))
            field = next((el for el in ahead if isinstance(el, UITextEntryLine)), None)
            if field is not None:
                self.set_focus(field)
                return
        self.set_focus(items[(i + step) % len(items)])

    @property
    def busy(self) -> bool:
        """The scene is still building (tests and benchmarks wait for this)."""
        return self.scene is not None and self.scene.busy

    @property
    def idle(self) -> bool:
        """Nothing has come in for a while (no key, no click, no pointer moving) and
        nothing is being built: the window can rest until something does."""
        return not self.busy and time.monotonic() - self.last_input > REST_AFTER_S

    @property
    def typing(self) -> bool:
        """A text field has the keyboard (keys then type, they do not command)."""
        focus = self.manager.get_focus_set() or ()
        return any(isinstance(el, UITextEntryLine) and el.alive() for el in focus)

    # --------------------------------------------------------------- input
    def _follow_the_pointer(self) -> None:
        """A field clicked into has the keyboard: it is the one element in focus, and Tab
        goes on from it (the button focused before stayed lit beside it, and Tab went on
        from the button)."""
        typed = [
            el
            for el in self.manager.get_focus_set() or ()
            if isinstance(el, UITextEntryLine) and el is not self._focus
        ]
        if typed and typed[0] in self.focusables():
            self.set_focus(typed[0])

    def press(self, element: Any) -> None:
        if self.scene is None:
            return
        job = self.scene.callback(element)
        if job is not None:
            job()

    def _key(self, event: pygame.event.Event) -> bool:
        """Keys the whole game shares; True when the key was used."""
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key == pygame.K_ESCAPE:
            assert self.scene is not None
            if self.scene.modal is not None:
                self.scene.close_modal()
                self.focus_first()
            else:
                self.scene.back()
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and isinstance(self._focus, UIButton):
            if self._focus.alive() and self._focus.is_enabled:
                self.press(self._focus)
            return True
        return False

    def step(self, dt: float | None = None) -> None:
        """One frame: events, update, draw.

        In the game's own loop (no ``dt`` given), a window left alone rests
        (:attr:`idle`): it waits for the next event, at most a tenth of a second,
        instead of drawing sixty frames a second that nobody looks at; an idle
        window then takes about a tenth of a core, not half of one (frames.py).
        """
        events: list[pygame.event.Event] = []
        if dt is None:
            if self.idle:
                first = pygame.event.wait(1000 // REST_FPS)
                if first.type != pygame.NOEVENT:
                    events.append(first)
                dt = self.clock.tick() / 1000.0
            else:
                dt = self.clock.tick(FPS) / 1000.0
        start = time.perf_counter()
        events += pygame.event.get()
        if events:
            self.last_input = time.monotonic()
        for event in events:
            self.handle(event)
            if not self.running:
                return
        assert self.scene is not None
        self.scene.update(dt)
        if not self.scene.busy and self.game is not None:
            # a frame with nothing to build plays a week of the handbook's game on this
            # seed, up to the player's week: the debrief sets the season beside it, and
            # opens at the season's end without a whole year to play first
            self.game.session.handbook_ahead()
        self.manager.update(dt)
        self.screen.fill(BACKGROUND)
        self.scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        pygame.display.flip()
        self.frame_ms.append(1000.0 * (time.perf_counter() - start))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.w, event.h)
            return
        if event.type == pygame.KEYDOWN and self._key(event):
            return
        self.manager.process_events(event)
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._follow_the_pointer()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is not self._focus and event.ui_element in self.focusables():
                self.set_focus(event.ui_element)  # the keyboard goes on from what was clicked
            self.press(event.ui_element)
        elif self.scene is not None:
            self.scene.handle(event)

    def resize(self, w: int, h: int) -> None:
        self.size = (max(MIN_SIZE[0], w), max(MIN_SIZE[1], h))
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        self.manager.set_window_resolution(self.size)
        if self.scene is not None:
            self.scene.rebuild()

    def run(self) -> int:
        """The window's loop, until the player quits. Ctrl-C in the terminal ends the game
        as closing the window does: the game is saved between two frames (a stop in the
        middle of a week would leave half of it), then the command stops as stopped."""
        stopped = _CtrlCQuits()
        with stopped:
            while self.running:
                self.step()
        self.close()
        if stopped.pressed:  # the stop goes on to whoever listens for Ctrl-C after the game
            signal.raise_signal(signal.SIGINT)
            raise KeyboardInterrupt  # (one who only notes it: the game stops all the same)
        return 0

    def close(self) -> None:
        """Give the window back and the collector its usual schedule."""
        self.collector.release()
        pygame.quit()

    def collect_later(self) -> None:
        """A full garbage collection in a frame of its own, once the scene is built.

        Killed widgets are mostly freed by reference counting already; the pass
        finds the rest (and the simulation's cyclic leftovers) at a moment the player
        does not feel, instead of in the middle of a mouse sweep.
        """

        def job() -> Iterator[None]:
            yield
            self.collector.collect()

        if self.scene is not None and self.collector.owned:
            self.scene.later(job())

    # --------------------------------------------------------------- helpers
    def notice(self, title: str, body: str) -> None:
        assert self.scene is not None
        self.scene.open_modal(title, html(body), [(tr(self.lang, "ui.ok"), None)], raw=True)


@dataclass(frozen=True)
class FocusMark:
    """The element that had the keyboard: its kind, its words and its place in the Tab order."""

    kind: type
    label: str
    index: int


def _label(element: Any) -> str:
    if isinstance(element, UITextEntryLine):
        return element.get_text()
    return str(getattr(element, "text", ""))


class _CtrlCQuits:
    """While the window is open, Ctrl-C asks the game to quit (a window-close event, which
    saves it) instead of stopping it wherever it is; a second Ctrl-C stops it at once."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def _on_ctrl_c(self, signum: int, frame: Any) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    def __enter__(self) -> _CtrlCQuits:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_ctrl_c)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
