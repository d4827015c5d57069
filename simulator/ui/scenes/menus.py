"""The scenes before the desk: title, load, scenario picker and briefing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ...saves import SaveError, SaveGame, read_save, scenario_file_of
from ...scenario import Scenario, ScenarioError, load_scenario, shipped_scenarios
from ...texts import joiner, languages, rep_name, segment_label, tenure, text_of
from ..game import latest_save, slot_name
from ..scene import Scene
from ..widgets import html

if TYPE_CHECKING:
    from ..app import App


def save_title(save: SaveGame, lang: str, path: Path | None = None) -> str:
    """The saved game's scenario title in ``lang`` (the save keeps the English one);
    ``path``: the save file's own, where its scenario may lie beside it."""
    if lang == "en":
        return save.scenario_title
    try:
        return text_of(load_scenario(scenario_file_of(save, beside=path)).title, lang)
    except (ScenarioError, OSError):
        return save.scenario_title


def newer_damaged(folder: Path, latest: Path | None) -> str | None:
    """The name of the newest save in ``folder`` when it cannot be read (newer than the
    save Continue resumes); the Load screen says why."""
    try:
        files = [p for p in folder.glob("*.json") if p.is_file()]
    except OSError:
        return None
    newest = max(files, key=lambda p: p.stat().st_mtime, default=None)
    if newest is None or newest == latest:
        return None
    try:
        read_save(newest)
    except SaveError:
        return newest.stem
    return None


# the guided scenario's file name
TUTORIAL = "tutorial"
PLAYED_LOOK = 40


def played_through(folder: Path) -> set[tuple[str, int]]:
    """The scenarios (by file name and length) a save in ``folder`` has played to the end
    (of the newest ``PLAYED_LOOK`` saves: a picker opens at once, whatever the folder)."""
    done: set[tuple[str, int]] = set()
    try:
        files = [p for p in folder.glob("*.json") if p.is_file()]
        files.sort(key=lambda p: -p.stat().st_mtime)
    except OSError:
        return done
    for path in files[:PLAYED_LOOK]:
        try:
            save = read_save(path)
        except SaveError:
            continue
        done.add((Path(save.scenario_path).stem, save.weeks_played))
    return done


def save_week(save: SaveGame, tr: Callable[..., str], path: Path | None = None) -> str:
    """Where a saved game stands: the week it resumes at, or finished."""
    try:
        weeks = load_scenario(scenario_file_of(save, beside=path)).weeks
    except (ScenarioError, OSError):
        weeks = None
    if weeks is not None and save.weeks_played >= weeks:
        return tr("load.finished")
    return tr("load.week", week=save.weeks_played + 1)


class TitleScene(Scene):
    """New game, continue, load, language, quit."""

    def build(self, w: int, h: int) -> None:
        ui = self.ui
        cx = w // 2
        ui.label((cx - 400, h // 6, 800, 48), self.tr("app.name"), object_id="#title_center")
        ui.label(
            (cx - 400, h // 6 + 52, 800, 28), self.tr("app.tagline"), object_id="#subtitle_center"
        )
        latest = latest_save(self.app.saves)
        info = ""
        can_continue = False
        if latest is not None:
            try:
                save = read_save(latest)
                can_continue = True
                info = self.tr(
                    "title.saved_at",
                    title=save_title(save, self.lang, latest),
                    week=save_week(save, self.tr, latest),
                )
            except SaveError as e:
                info = self.tr("load.error", why=str(e))
        else:
            info = self.tr("title.no_save")
        damaged = newer_damaged(self.app.saves, latest)
        if damaged is not None:  # the newest save cannot be read: say so, and where
            info = self.tr("title.damaged", name=damaged) + (" · " + info if can_continue else "")
        y = h // 6 + 110
        bw = 280
        ui.button(
            (cx - bw // 2, y, bw, 44), self.tr("title.new"), self.new_game, object_id="#primary"
        )
        ui.button(
            (cx - bw // 2, y + 54, bw, 44),
            self.tr("title.continue"),
            self.resume,
            enabled=can_continue,
        )
        ui.button((cx - bw // 2, y + 108, bw, 44), self.tr("title.load"), self.load)
        ui.button((cx - bw // 2, y + 162, bw, 44), self.tr("title.language"), self.language)
        ui.button((cx - bw // 2, y + 216, bw, 44), self.tr("title.quit"), self.app.quit)
        ui.label((cx - 380, y + 276, 760, 24), info, object_id="#subtitle_center")
        if self.app.message:
            ui.text((cx - 380, y + 306, 760, 80), self.app.message)
        self.app.focus_first()

    def new_game(self) -> None:
        self.app.message = ""
        self.app.switch(PickerScene)

    def resume(self) -> None:
        latest = latest_save(self.app.saves)
        if latest is not None:
            self.open_saved(latest)

    def open_saved(self, path: Path) -> None:
        if not self.app.open_saved(path):
            self.rebuild()  # the message says why

    def load(self) -> None:
        self.app.switch(LoadScene)

    def language(self) -> None:
        codes = languages()  # every language there is a catalog for, in turn
        self.app.set_lang(codes[(codes.index(self.lang) + 1) % len(codes)])

    def back(self) -> None:
        self.app.quit()


class LoadScene(Scene):
    """The saves in the save folder; a damaged one says why instead of crashing."""

    def build(self, w: int, h: int) -> None:
        ui = self.ui
        ui.label((40, 24, w - 80, 40), self.tr("load.title"), object_id="#title_big")
        files = sorted(self.app.saves.glob("*.json"), key=lambda p: -p.stat().st_mtime)
        y = 84
        if not files:
            ui.label((40, y, w - 80, 28), self.tr("load.none", folder=str(self.app.saves)))
        for path in files[:10]:
            try:
                save = read_save(path)
            except SaveError:
                # listed so the player sees it is there, but it cannot be opened
                ui.button(
                    (40, y, min(760, w - 80), 40),
                    self.tr("load.damaged", name=path.stem),
                    enabled=False,
                )
                y += 48
                continue
            text = self.tr(
                "load.row",
                title=save_title(save, self.lang, path),
                seed=save.seed,
                week=save_week(save, self.tr, path),
            )
            if path.name != slot_name(save.scenario_path, save.seed):
                colon = "：" if self.lang == "zh" else ": "  # named by the player: that first
                text = f"{path.stem}{colon}{text}"
            ui.button(
                (40, y, min(760, w - 80), 40),
                text,
                partial(self.open_path, path),
                tip=self.tr("load.row_tip", name=path.name),
            )
            y += 48
        ui.button((40, h - 64, 160, 40), self.tr("ui.back"), self.back)
        if self.app.message:
            ui.text((40, y + 8, min(760, w - 80), 90), self.app.message)
        self.app.focus_first()

    def open_path(self, path: Path) -> None:
        if not self.app.open_saved(path):
            self.rebuild()  # the message says why

    def back(self) -> None:
        self.app.message = ""
        self.app.switch(TitleScene)


class PickerScene(Scene):
    """Scenarios with their difficulty and what they teach."""

    def __init__(self, app: App, chosen: int | None = None, scenario: str | None = None) -> None:
        super().__init__(app)
        paths = [Path(p) for p in shipped_scenarios()]
        if app.scenario and Path(app.scenario) not in paths:
            paths.insert(0, Path(app.scenario))
        # the default first: the gentlest way in after the tutorial
        order = {TUTORIAL: 0, "default": 1}
        paths.sort(key=lambda p: (order.get(p.stem, 2), p.stem))
        self.paths = paths
        self.loaded: list[Scenario | Exception] = []
        for p in paths:
            try:
                self.loaded.append(load_scenario(p))
            except (ScenarioError, OSError) as e:
                self.loaded.append(e)
        if scenario is not None:  # back from its briefing: the scenario chosen before
            chosen = next((i for i, p in enumerate(paths) if str(p) == scenario), None)
        if chosen is None:  # the player's next step: the first not yet played through
            done = played_through(app.saves)
            chosen = next(
                (
                    i
                    for i, (p, sc) in enumerate(zip(paths, self.loaded, strict=True))
                    if not isinstance(sc, Exception) and (p.stem, sc.weeks) not in done
                ),
                0,
            )
        self.chosen = min(chosen, len(paths) - 1)

    def build(self, w: int, h: int) -> None:
        ui = self.ui
        ui.label((40, 24, w - 80, 40), self.tr("picker.title"), object_id="#title_big")
        lw = 340
        y = 84
        for i, (path, sc) in enumerate(zip(self.paths, self.loaded, strict=True)):
            name = text_of(sc.title, self.lang) if not isinstance(sc, Exception) else path.stem
            oid = "#tab_active" if i == self.chosen else None
            ui.button((40, y, lw, 44), name, partial(self.choose, i), object_id=oid)
            y += 52
        x = 40 + lw + 24
        pw = w - x - 40
        ui.panel((x, 84, pw, h - 84 - 88), object_id="#card")
        inner = ui.at((x, 84, pw, h - 84 - 88))
        sc = self.loaded[self.chosen]
        if isinstance(sc, Exception):
            inner.label((16, 12, pw - 32, 32), self.tr("picker.error"), object_id="#h2")
            inner.text((12, 52, pw - 28, h - 260), str(sc))
        else:
            inner.label((16, 12, pw - 32, 32), text_of(sc.title, self.lang), object_id="#h2")
            level = self.tr(f"difficulty.{sc.difficulty}")
            inner.label(
                (16, 48, pw - 32, 24),
                self.tr("picker.difficulty", level=level)
                + " · "
                + self.tr(
                    "picker.weeks",
                    weeks=sc.weeks,
                    periods=sc.periods,
                    period_weeks=sc.period_weeks,
                    team=len(sc.reps),
                ),
            )
            # what it teaches, in the handbook's order and in words (the codes mean nothing here)
            order = sorted(sc.teaches, key=lambda k: int(k[1:]) if k[1:].isdigit() else 99)
            lessons = [self.tr(f"lesson.{k}") for k in order]
            body = ""
            if lessons:
                body += "<b>" + html(self.tr("picker.teaches", lessons="")) + "</b><br>"
                body += "<br>".join(html("· " + t) for t in lessons) + "<br><br>"
            # (a briefing written as a folded block ends in a newline: no blank line after it)
            body += html(text_of(sc.briefing, self.lang).rstrip())
            inner.text((12, 80, pw - 28, h - 84 - 88 - 88), body, raw=True)
        ui.button((40, h - 64, 160, 40), self.tr("ui.back"), self.back)
        ui.button(
            (w - 240, h - 64, 200, 40),
            self.tr("picker.start"),
            self.start,
            object_id="#primary",
            enabled=not isinstance(sc, Exception),
        )

    def choose(self, i: int) -> None:
        self.chosen = i
        self.rebuild()

    def start(self) -> None:
        path = str(self.paths[self.chosen])
        seed = self.app.new_seed()
        slot = self.app.saves / slot_name(path, seed)
        if slot.exists():
            # the same scenario on the same seed was played before: ask before writing over it
            self.open_modal(
                self.tr("load.overwrite_title"),
                self.tr("load.overwrite", name=slot.stem),
                [
                    (self.tr("ui.cancel"), None),
                    (self.tr("load.overwrite_yes"), lambda: self.begin(path, seed)),
                ],
                size=(560, 240),
            )
            return
        self.begin(path, seed)

    def begin(self, path: str, seed: int) -> None:
        self.app.start_game(path, seed)
        self.app.switch(BriefingScene)

    def back(self) -> None:
        self.app.switch(TitleScene)


class BriefingScene(Scene):
    """You were just promoted: the team, the target, the market."""

    def build(self, w: int, h: int) -> None:
        game = self.app.game
        assert game is not None
        obs = game.obs
        ui = self.ui
        ui.label(
            (40, 24, w - 80, 40),
            self.tr("brief.title") + " · " + text_of(obs.title, self.lang),
            object_id="#title_big",
        )
        col = (w - 120) // 2
        ui.panel((40, 80, col, h - 80 - 88), object_id="#card")
        li = ui.at((40, 80, col, h - 80 - 88))
        briefing = html(text_of(obs.briefing, self.lang).rstrip())
        li.text((8, 8, col - 16, h - 80 - 88 - 16), briefing, raw=True)
        ui.panel((80 + col, 80, col, h - 80 - 88), object_id="#card")
        ri = ui.at((80 + col, 80, col, h - 80 - 88))
        m = game.money
        targets = " · ".join(m(t) for t in obs.targets)
        team = []
        for r in obs.reps:
            tag = (
                self.tr("brief.veteran")
                if r.veteran
                else (self.tr("brief.novice") if r.novice else "")
            )
            team.append(
                "· "
                + self.tr(
                    "brief.rep_line",
                    name=rep_name(r, self.lang),
                    years=tenure(r.tenure_years, self.lang),
                    veteran=tag,
                )
            )
        segs = joiner(self.lang).join(segment_label(obs, s, self.lang) for s in obs.segments)
        pools = joiner(self.lang).join(
            f"{self.tr(f'pool.{p.pool.value}')} ×{p.size}" for p in obs.pools if p.size
        )
        body = (
            f"<b>{html(self.tr('brief.target'))}</b><br>"
            + html(self.tr("brief.period_targets", targets=targets))
            + "<br>"
            + html(
                self.tr(
                    "brief.budget",
                    hours=f"{obs.hours_per_week:g}",
                    budget=m(obs.budget_per_period),
                    max=obs.max_headcount,
                )
            )
            + f"<br><br><b>{html(self.tr('brief.team'))}</b><br>"
            + "<br>".join(html(t) for t in team)
            + f"<br><br><b>{html(self.tr('brief.market'))}</b><br>"
            + html(self.tr("brief.segments", n=len(obs.accounts), segments=segs))
            + "<br>"
            + html(self.tr("brief.pools", pools=pools or "—"))
        )
        ri.text((8, 8, col - 16, h - 80 - 88 - 16), body, raw=True)
        ui.button((40, h - 64, 160, 40), self.tr("ui.back"), self.back)
        ui.button(
            (w - 260, h - 64, 220, 40), self.tr("brief.begin"), self.begin, object_id="#primary"
        )
        self.app.set_focus(self.ui.order[-1])

    def begin(self) -> None:
        from .desk import DeskScene

        game = self.app.game
        # the very first game, if it is not the guided one: the tour's pages on the desk
        # (a folder with any save in it has played before, the tutorial or another game)
        first = (
            game is not None
            and not game.session.scenario.guided
            and game.obs.week == 1
            and not played_through(self.app.saves)
        )
        self.app.autosave()
        self.app.switch(DeskScene)
        desk = self.app.scene
        if first and isinstance(desk, DeskScene):
            desk.show_tour(0)

    def back(self) -> None:
        scenario = self.app.game.scenario_path if self.app.game is not None else None
        self.app.game = None
        self.app.switch(PickerScene, scenario=scenario)


__all__ = ["BriefingScene", "LoadScene", "PickerScene", "TitleScene"]
