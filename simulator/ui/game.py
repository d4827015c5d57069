"""A game in progress at the desk: the session, this week's plan, and saving.

This is the player's side of the action API without any drawing, so it can be
tested and driven without a window. A week is played the way a manager plans
one: actions are *planned* (each checked at once against the situation, the
hours left and the budget, with the reason in words when it does not fit),
can be taken back, and are carried out in order when the week ends. Then the
simulation runs the week, the game saves itself, and the week report tells
what happened.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api import (
    Action,
    Observation,
    Plan,
    Planned,
    RepView,
    Result,
    SetQuota,
    action_from_dict,
    far_multiple,
    mood_band,
    record_mean,
    reward_amounts,
)
from ..lessons import Debrief, debrief
from ..narrate import Narrator
from ..record import Record
from ..saves import SaveError, SaveGame, open_save, read_save, snapshot, write_save
from ..scenario import default_scenario_path, load_scenario
from ..session import Session
from ..texts import money, record_warning, record_warning_tip, tr
from .mood_lines import MoodLines

AUTOSAVE_NAME = "autosave.json"
MOOD_WORDS = frozenset({"good", "fair", "low"})
MAX_REPORT_LINES = 500  # a saved week's report longer than this is read again from the game


def slot_name(scenario_path: str | Path, seed: int) -> str:
    """A game's own save file: its scenario and seed (a new game never overwrites another
    game's save unless it is the same scenario on the same seed, and then only when asked)."""
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(scenario_path).stem)
    return f"{stem or 'game'}-{int(seed)}.json"


def latest_save(folder: Path) -> Path | None:
    """The readable save written last in a folder (the one "Continue" resumes); a damaged
    file is passed over here (the Load screen lists it, saying it cannot be read)."""
    try:
        files = sorted(
            (p for p in folder.glob("*.json") if p.is_file()), key=lambda p: -p.stat().st_mtime
        )
    except OSError:
        return None
    for path in files:
        try:
            read_save(path)
        except SaveError:
            continue
        return path
    return None


def save_dir() -> Path:
    """Where the game keeps its saves: ``$SALESIM_SAVE_DIR`` or the user's data folder."""
    env = os.environ.get("SALESIM_SAVE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "salesim" / "saves"


@dataclass
class WeekOutcome:
    """What ending a week brought: the actions' results and the report's lines."""

    week: int
    results: list[Result] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    won: int = 0
    lost: int = 0
    revenue: float = 0.0
    saved: bool = True
    save_error: str = ""


class Game(MoodLines):
    """One scenario played by a person: a session plus a week's plan."""

    def __init__(
        self,
        session: Session,
        scenario_path: str,
        lang: str = "en",
        save_path: Path | None = None,
    ) -> None:
        self.session = session
        self.scenario_path = str(scenario_path)
        self.lang = lang
        self.save_path = save_path if save_path is not None else save_dir() / AUTOSAVE_NAME
        self.outcomes: list[WeekOutcome] = []
        self._obs: Observation | None = None
        self._plan: Plan | None = None
        self._debrief: tuple[int, Record, Debrief] | None = None
        self._named = False  # its names given to the window's Chinese wrapping
        self._mood_words: dict[int, str] = {}  # the word each rep's card said last
        # what could have lifted each rep since their card's word last changed
        self._lifted: dict[int, list[tuple[int, str]]] = {}
        self._soured: dict[int, list[tuple[int, str]]] = {}  # what put each rep off, kept alike

    # ------------------------------------------------------------ making one
    @classmethod
    def new(
        cls,
        scenario_path: str | Path | None = None,
        seed: int = 1,
        lang: str = "en",
        save_path: Path | None = None,
    ) -> Game:
        path = Path(scenario_path) if scenario_path else default_scenario_path()
        scenario = load_scenario(path)
        return cls(Session(scenario, seed), str(path), lang, save_path)

    @classmethod
    def load(cls, path: Path, lang: str | None = None) -> Game:
        """Resume a saved game exactly; raises :class:`SaveError` in words."""
        save, session = open_save(path)
        game = cls(session, save.scenario_path, lang or save.lang, path)
        for row in save.extra.get("plan", []):
            try:
                game.add(action_from_dict(row))
            except (KeyError, TypeError, ValueError) as e:
                raise SaveError(f"{path}: the planned actions are damaged ({e})") from e
        game._resume(save.extra)
        return game

    def _resume(self, extra: dict[str, Any]) -> None:
        """What the desk showed when the game was saved, beyond the game itself: each
        card's mood word (kept near a band's edge) and last week's report. Either is
        passed over when it does not read as written (the game itself is whole)."""
        words = extra.get("mood_words")
        if isinstance(words, dict):
            self._mood_words = {
                int(k): w
                for k, w in words.items()
                if isinstance(k, str)
                and k.isascii()
                and k.isdigit()
                and len(k) < 6
                and isinstance(w, str)
                and w in MOOD_WORDS
            }
        reports = self.session.reports
        if not reports:
            return
        week, summary = self.session.week - 1, reports[-1].summary
        last = extra.get("last_week")
        if (
            isinstance(last, dict)
            and last.get("week") == week
            and last.get("lang") == self.lang
            and isinstance(last.get("lines"), list)
            and len(last["lines"]) <= MAX_REPORT_LINES
            # each a line as the report writes them: text the window can draw (a NUL or
            # half of a character pair stops its text drawing)
            and all(isinstance(x, str) and _drawable(x) for x in last["lines"])
        ):
            lines = list(last["lines"])
        else:  # another language, or an older save: the week's events, as the report told
            lines = self.narrator.week_report(reports[-1].events)
        self.outcomes.append(
            WeekOutcome(week, [], lines, summary.won, summary.lost, summary.revenue)
        )

    # ------------------------------------------------------------ seeing
    @property
    def obs(self) -> Observation:
        return self.plan.obs

    @property
    def plan(self) -> Plan:
        """This week's plan (made against what the manager sees at the week's start)."""
        if self._plan is None:
            self._plan = self.session.plan()
        return self._plan

    def refresh(self) -> None:
        """A new week: a new observation and an empty plan."""
        self._plan = None

    @property
    def finished(self) -> bool:
        return self.session.finished

    def mood_word(self, rep: Any) -> str:
        """How a rep's mood reads on their card: ``good``, ``fair`` or ``low``, the word
        said last kept while the reading stays close to a band's edge (one scale, the
        desk's and the week report's)."""
        word = self._mood_words[rep.id] = mood_band(rep.mood, self._mood_words.get(rep.id))
        return word

    @property
    def narrator(self) -> Narrator:
        return Narrator(self.obs, self.lang)

    def tr(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def money(self, amount: float) -> str:
        return money(amount, self.obs.currency, self.lang)

    def new_names(self) -> list[str]:
        """The game's people's and customers' Chinese names, the first time asked (a
        Chinese line is never broken inside one); nothing after."""
        if self._named:
            return []
        self._named = True
        obs = self.obs
        people = [p.name_zh for p in obs.people]
        return people + [obs.accounts.name(i, "zh") for i in range(len(obs.accounts))]

    @property
    def review_due(self) -> bool:
        """The game stands where a period's review opens (a period just ended, or the
        season's last week begun) and nothing has been done or planned this week: a
        game saved as its period ended opens on the review, as it would have gone on."""
        obs = self.obs
        if obs.finished or self.plan.items:
            return False
        ended = obs.period > 0 and obs.week_in_period == 0
        last = obs.week == obs.weeks and obs.period_end
        week = self.session.week
        return (ended or last) and not any(r.week == week for r in self.session.action_log)

    def record_note(self, rep: RepView, amount: float | None) -> tuple[str, str | None]:
        """The warning beside a quota field far from the rep's record ("⚠ 2.1× record",
        empty when it is not far, or nothing is typed), and its tip: what the multiple
        is of (the Quotas tab and the period review show the same)."""
        multiple = far_multiple(rep, amount) if amount is not None else None
        record = record_mean(rep)
        written = (self.money(record[0]), record[1]) if record else None
        return record_warning(multiple, self.lang), record_warning_tip(multiple, written, self.lang)

    # ------------------------------------------------------------ planning
    @property
    def hours_planned(self) -> float:
        return self.plan.hours_planned

    @property
    def money_planned(self) -> float:
        return self.plan.money_planned

    @property
    def hours_left(self) -> float:
        return self.plan.hours_left

    @property
    def budget_left(self) -> float:
        return self.plan.budget_left

    def cost(self, action: Action) -> tuple[float, float]:
        """(hours, money) the action will cost this week."""
        hours, cash = action.cost(self.plan)
        return float(hours), float(cash)

    def why_not(self, action: Action) -> str | None:
        """Why this action cannot go into the plan, in words; ``None`` when it can."""
        refusal = self.plan.why_not(action)
        return self.narrator.refusal(refusal) if refusal is not None else None

    def add(self, action: Action) -> str | None:
        """Plan an action; returns why not (and plans nothing) when it does not fit."""
        why = self.why_not(action)
        if why is None:
            self.plan.add(action)
        return why

    def remove(self, index: int) -> list[Planned]:
        """Take a planned action back; returns what was taken back with it (it needed it)."""
        return self.plan.remove(index)

    def quota_settled(self, rep_id: int, period: int) -> float | None:
        """The quota a carried-out action set for a rep and a period (the last, if several):
        a field showing it again needs no new one (agreeing a quota takes hours, and the
        rep's week would count a quota set)."""
        obs = self.obs
        amount = None
        for r in self.session.action_log:
            a = r.action
            if not (r.ok and isinstance(a, SetQuota) and a.rep == rep_id):
                continue
            if a.target_period(obs.period_of(r.week)) == period:
                amount = a.amount
        return amount

    def plan_quota(self, rep_id: int, amount: float, period: int) -> str | None:
        """Plan a rep's quota for ``period`` (replacing one planned before); nothing when
        it is the quota set already (and a different one planned is taken back). Why
        not, in words, when it cannot be planned."""
        obs = self.obs
        if amount == self.quota_settled(rep_id, period):
            for p in self.planned("set_quota", rep=rep_id):
                if isinstance(p.action, SetQuota) and p.action.target_period(obs.period) == period:
                    self.plan.withdraw(p.action)
            return None
        return self.add(SetQuota(rep_id, amount, None if period == obs.period else period))

    def amounts(self) -> list[float]:
        """The sums offered for a bonus or a promise: shares of the period's budget."""
        return reward_amounts(self.obs)

    def planned(self, kind: str, **match: object) -> list[Planned]:
        """Planned actions of one kind whose fields match ``match``."""
        return [
            p
            for p in self.plan
            if p.action.kind == kind
            and all(getattr(p.action, k, None) == v for k, v in match.items())
        ]

    # ------------------------------------------------------------ playing
    def end_week(self) -> WeekOutcome:
        """Carry out the plan, simulate the week, save, and tell what happened."""
        week = self.session.week
        before = {r.id: r.mood for r in self.obs.reps}
        words = {r.id: self.mood_word(r) for r in self.obs.reps}
        results = self.session.carry_out(self.plan)
        report = self.session.advance_week()
        self.refresh()
        nar = self.narrator
        lines = nar.week_report(report.events)
        lines += self.unhappy(
            before,
            self._since(self._soured, "put_off", week, results, report.events),
            self._since(self._lifted, "lifts", week, results, report.events),
            words,
        )
        for r in self.obs.reps:  # a card whose word changed has told what moved it
            if words.get(r.id) != self.mood_word(r):
                self._lifted.pop(r.id, None)
                self._soured.pop(r.id, None)
        s = report.summary
        outcome = WeekOutcome(week, results, lines, s.won, s.lost, s.revenue)
        try:
            self.save()
        except SaveError as e:
            outcome.saved = False
            outcome.save_error = str(e)
        self.outcomes.append(outcome)
        return outcome

    def debrief(self) -> Debrief:
        """The debrief of the game so far, beside the handbook's game on the same seed."""
        if self._debrief is None or self._debrief[0] != self.session.week:
            record = self.session.record()
            self._debrief = (
                self.session.week,
                record,
                debrief(record, self.session.handbook()),
            )
        return self._debrief[2]

    @property
    def record(self) -> Record:
        """The game as it really was (the trainer's truth), as of the last debrief."""
        self.debrief()
        assert self._debrief is not None
        return self._debrief[1]

    # ------------------------------------------------------------ saving
    def snapshot(self) -> SaveGame:
        extra: dict[str, Any] = {"plan": [p.action.to_dict() for p in self.plan]}
        extra["mood_words"] = {str(k): w for k, w in self._mood_words.items()}
        if self.outcomes:  # the desk's "last week", as it was told
            last = self.outcomes[-1]
            extra["last_week"] = {"week": last.week, "lang": self.lang, "lines": last.lines}
        return snapshot(self.session, self.scenario_path, lang=self.lang, extra=extra)

    def save(self, path: Path | None = None) -> Path:
        """Write the game atomically (the previous save survives any crash)."""
        return write_save(self.snapshot(), Path(path) if path is not None else self.save_path)


def _drawable(line: str) -> bool:
    """A line of text the window can draw: not too long, no control characters (a NUL)
    and no half of a character pair (a lone surrogate)."""
    return len(line) <= 2_000 and not any(unicodedata.category(c) in ("Cc", "Cs") for c in line)
