"""Portraits for the team cards: drawn faces from ``assets/portraits``, initials as a fallback.

``portraits.json`` beside the images says which faces are a woman's ("she") and
which a man's ("he"); a rep the scenario speaks of as "she" gets one of the
first, as "he" one of the second, and a rep it says nothing about any face.
Each rep keeps the same face all game and every game.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pygame

from ..api import Person
from . import charts


def _folder() -> Path:
    from .app import assets_dir

    return assets_dir() / "portraits"


@lru_cache(maxsize=1)
def _faces() -> dict[str, tuple[str, ...]]:
    """Every face's file, by whom it suits ("any": all of them)."""
    folder = _folder()
    faces: dict[str, tuple[str, ...]] = {
        "any": tuple(p.name for p in sorted(folder.glob("portrait_*.png")))
    }
    manifest = folder / "portraits.json"
    if manifest.exists():
        looks = json.loads(manifest.read_text(encoding="utf-8"))
        for pronoun, files in looks.items():
            kept = tuple(f for f in files if f in faces["any"])
            if kept:
                faces[pronoun] = kept
    return faces


@lru_cache(maxsize=64)
def _image(file: str, size: int) -> pygame.Surface:
    img = pygame.image.load(str(_folder() / file))
    return pygame.transform.smoothscale(img, (size, size))


def face_of(rep_id: int, people: Sequence[Person]) -> tuple[str, int]:
    """Which faces suit the rep, and which of them is theirs: the rep's place among the
    colleagues spoken of alike, in the order they joined (so a face never changes when
    someone leaves)."""
    me = next((p for p in people if p.id == rep_id), None)
    if me is None or me.pronoun is None:
        return "any", rep_id
    return me.pronoun, sum(1 for p in people if p.pronoun == me.pronoun and p.id < rep_id)


@lru_cache(maxsize=8)
def font(size: int) -> pygame.font.Font:
    """The desk's typeface (Noto Sans SC, shipped with pygame_gui) for drawn text."""
    import importlib.resources

    path = importlib.resources.files("pygame_gui.data") / "NotoSansSC-Regular.otf"
    return pygame.font.Font(str(path), size)


def portrait_for(
    rep_id: int, initials: str, size: int, lang: str = "en", people: Sequence[Person] = ()
) -> pygame.Surface:
    """The rep's portrait (the same face every game, one that suits how the scenario
    speaks of them), else their initials on a disc."""
    faces = _faces()
    look, place = face_of(rep_id, people)
    files = faces.get(look) or faces["any"]
    if files:
        return _image(files[place % len(files)], size)
    return charts.portrait(size, initials, rep_id, font(max(10, size // 3)))


def reset() -> None:
    """Forget loaded fonts and images (a new pygame session cannot use the old ones)."""
    font.cache_clear()
    _image.cache_clear()
    _faces.cache_clear()
