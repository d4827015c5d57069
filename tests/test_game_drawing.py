"""The toolkit made cheaper without changing a pixel: text measured from its layout
instead of drawn to be measured, widget backgrounds cached without packing them on
sheets, theme names remembered by their parts (simulator/ui/toolkit.py)."""

from __future__ import annotations

import hashlib

import pygame
from babel.messages.pofile import read_po
from gui import step
from pygame_gui.core.gui_font_pygame import GUIFontPygame
from pygame_gui.core.surface_cache import SurfaceCache

from simulator.scenario import default_scenario_path
from simulator.texts.catalog import locale_dir
from simulator.ui import toolkit
from simulator.ui.app import App
from simulator.ui.scenes import DeskScene
from simulator.ui.toolkit import ShapeCache


def catalog_texts() -> list[str]:
    """Every text of the game in both languages."""
    out: set[str] = set()
    for name in ("salesim.pot", "zh.po"):
        with open(locale_dir() / name, "rb") as f:
            for m in read_po(f):
                for text in (m.id, m.string):
                    for one in text if isinstance(text, tuple) else (text,):
                        out.add(one)
    out.update(["", " ", "¥1.2M", "12,345", "¥5000", "…", "▲", "▼", "→", "·", "—"])
    return sorted(out)


def test_text_is_measured_to_the_pixel_it_draws_in_every_font_the_theme_uses(tmp_path):
    app = App(lang="zh", saves=tmp_path)
    try:
        loaded = app.manager.get_theme().get_font_dictionary().loaded_fonts
        theme_fonts = [
            r.loaded_font
            for name, r in loaded.items()
            if r.loaded_font is not None and name.startswith("noto_sans_sc")
        ]
        assert {f.point_size for f in theme_fonts} >= {14, 16, 20, 28}
        texts = catalog_texts()
        assert len(texts) > 2000
        assert all(isinstance(f, GUIFontPygame) for f in theme_fonts)
        wrong = [
            (f.point_size, text)
            for f in theme_fonts
            for text in texts
            if toolkit.measured(f, text) != toolkit.DRAWN(f, text)
        ]
        assert not wrong, wrong[:10]
    finally:
        app.close()


def desk_pixels(tmp_path, lang: str, pygame_guis_own: bool, monkeypatch) -> list[str]:
    """The desk on every tab, and on the first two again (drawn from the cache), as
    fingerprints of the whole window."""
    app = App(lang=lang, saves=tmp_path / f"{lang}{pygame_guis_own}", seed=7)
    try:
        if pygame_guis_own:
            monkeypatch.setattr(GUIFontPygame, "get_rect", toolkit.DRAWN)
            theme = app.manager.get_theme()
            theme.shape_cache = SurfaceCache()
            del theme.build_all_combined_ids  # the toolkit's own, from its class
        app.start_game(str(default_scenario_path()), 7)
        for _ in range(3):
            app.game.end_week()
        app.switch(DeskScene)
        step(app, 4)
        shots = []
        for tab in ("desk", "pipeline", "accounts", "quotas", "inbox", "desk", "pipeline"):
            app.scene.set_tab(tab)
            step(app, 12)  # pygame_gui's cache packs one picture a frame
            shots.append(hashlib.sha1(pygame.image.tobytes(app.screen, "RGB")).hexdigest())
        return shots
    finally:
        monkeypatch.undo()
        app.close()


def test_the_desk_draws_the_same_pixels_as_with_pygame_guis_own_measure_and_cache(
    tmp_path, monkeypatch
):
    # in Chinese, whose lines are measured a character at a time as they wrap
    ours = desk_pixels(tmp_path, "zh", False, monkeypatch)
    theirs = desk_pixels(tmp_path, "zh", True, monkeypatch)
    assert len(set(ours)) >= 5  # five tabs that differ
    assert ours == theirs


def test_the_background_cache_stays_within_its_memory_and_keeps_what_is_on_show():
    pygame.init()
    cache = ShapeCache(limit_bytes=10 * 40 * 40 * 4)  # room for ten 40×40 pictures
    shown = pygame.Surface((40, 40), pygame.SRCALPHA)
    shown.fill((1, 2, 3, 255))
    cache.add_surface_to_cache(shown, "on show")
    cache.update()
    for i in range(50):  # fifty more, each drawn once and no longer on show
        picture = pygame.Surface((40, 40), pygame.SRCALPHA)
        picture.fill((i, 0, 0, 255))
        cache.add_surface_to_cache(picture, f"gone {i}")
        cache.update()
        cache.remove_user_from_cache_item(f"gone {i}")
        assert cache.bytes <= cache.limit_bytes
    assert cache.find_surface_in_cache("on show").get_at((5, 5)) == (1, 2, 3, 255)
    assert cache.find_surface_in_cache("gone 49").get_at((5, 5)) == (49, 0, 0, 255)
    assert cache.find_surface_in_cache("gone 0") is None  # the oldest went first
    assert len(cache.cache_long_term_lookup) == 10
    # a picture bigger than the whole cache is drawn, not kept
    cache.add_surface_to_cache(pygame.Surface((400, 400), pygame.SRCALPHA), "huge")
    cache.update()
    assert cache.find_surface_in_cache("huge") is None
