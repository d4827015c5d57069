"""Portraits for the team cards: drawn faces from ``assets/portraits``, initials as a fallback."""

from __future__ import annotations

from functools import lru_cache

import pygame

from . import charts


@lru_cache(maxsize=64)
def _image(index: int, size: int) -> pygame.Surface | None:
    from .app import assets_dir

    files = sorted((assets_dir() / "portraits").glob("portrait_*.png"))
    if not files:
        return None
    img = pygame.image.load(str(files[index % len(files)]))
    return pygame.transform.smoothscale(img, (size, size))


@lru_cache(maxsize=8)
def font(size: int) -> pygame.font.Font:
    """The desk's typeface (Noto Sans SC, shipped with pygame_gui) for drawn text."""
    import importlib.resources

    path = importlib.resources.files("pygame_gui.data") / "NotoSansSC-Regular.otf"
    return pygame.font.Font(str(path), size)


def portrait_for(rep_id: int, initials: str, size: int, lang: str = "en") -> pygame.Surface:
    """The rep's portrait (the same face every game), else their initials on a disc."""
    img = _image(rep_id, size)
    if img is not None:
        return img
    return charts.portrait(size, initials, rep_id, font(max(10, size // 3)))


def reset() -> None:
    """Forget loaded fonts and images (a new pygame session cannot use the old ones)."""
    font.cache_clear()
    _image.cache_clear()
