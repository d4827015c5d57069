"""The mood lines of a week's report: what moved each rep's card, as a manager can tell.

A card's word (good, fair, low) is a reading from the outside, and it moves a
little after what moved it. When it falls, rises or reads low, the report says
what the rep's week held that could have done it, since the card last changed:
beside a fall, only what put them off (what they took badly, even a little, an
inbox answer that disappointed them, deals lost); beside a rise, what lifted
them; or, when nothing did, that a reading moves a little by itself. What
visibly weighs on them follows. :class:`MoodLines` is the game's part that
writes them (see :class:`~simulator.ui.game.Game`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from ..api import MOOD_LOW, PEOPLE_FIELDS, mood_band
from ..texts import aside, joiner

if TYPE_CHECKING:
    from ..api import Observation
    from ..narrate import Narrator

UNHAPPY_BELOW = MOOD_LOW  # a mood read below this reads "low" on a card (kept near the edge)
UNHAPPY_DROP = 0.15  # as is a fall this large in one week (more than the reading's noise)
LIFTS_KEPT = 4  # the most recent of what lifted (or put off) a rep, told when their card moves
# actions a rep never knows of: noting your own read of their type changes nothing for them
UNSEEN_BY_REP = frozenset({"read_type"})


def _people_in(action: dict[str, Any]) -> list[int]:
    """Everyone an action (as a dict) was done with: its rep, a deputy, both sides of
    a mentoring or a rivalry, the reps whose funnels a review went through."""
    named = [action.get(k) for k in PEOPLE_FIELDS]
    reps = action.get("reps")  # a pipeline review of some reps' funnels
    named += reps if isinstance(reps, list | tuple) else []
    return [v for v in named if isinstance(v, int) and not isinstance(v, bool)]


class MoodLines(ABC):
    """The week report's lines on moods, for a game that has an observation, a narrator,
    a language and each card's word (:meth:`mood_word`): what the game provides is
    declared here, abstract."""

    lang: str
    _lifted: dict[int, list[tuple[int, str]]]
    _soured: dict[int, list[tuple[int, str]]]

    @property
    @abstractmethod
    def obs(self) -> Observation: ...

    @property
    @abstractmethod
    def narrator(self) -> Narrator: ...

    @abstractmethod
    def tr(self, key: str, **values: object) -> str: ...

    @abstractmethod
    def mood_word(self, rep: Any) -> str: ...

    def their_week(
        self, results: list[Any], events: tuple[Any, ...], lifts_only: bool = False
    ) -> dict[int, str]:
        """What each rep's week held, in a few words: what you did with them, deals won or
        lost (the context a change of mood is read in). ``lifts_only``: without the deals
        lost (beside a rise, a loss reads as its cause)."""
        sep = self.tr("ev.sep")
        held = self._held(results, events, lifts_only)
        return {rep: self.tr("ev.mood_context", list=sep.join(xs)) for rep, xs in held.items()}

    def _since(
        self,
        kept: dict[int, list[tuple[int, str]]],
        kind: str,
        week: int,
        results: list[Any],
        events: tuple[Any, ...],
    ) -> dict[int, str]:
        """What each rep's week held, and before it, since their card's word last changed,
        each earlier item with its week: a mood read from the outside moves on the card a
        little after what moved it ("greatly encouraged (honour)" in week 4, the card's
        rise in week 5 beside "nothing visible"; "a little put off" by an answer, the
        card's fall a week later).

        ``kind`` "lifts": beside a rise, what could have lifted them (this week's without
        what put them off, or its losses); earlier, the same. "put_off": beside a fall,
        what could have put them off (what they reacted to badly, deals lost); earlier,
        what put them off. A 1:1 listed beside a fall read as its cause. What is kept in
        ``kept`` lasts until the card's word changes (see :meth:`end_week`).
        """
        lifts = kind == "lifts"
        now = self._held(results, events, lifts_only=lifts, put_off_only=not lifts, losses=True)
        new = now if lifts else self._held(results, events, put_off_only=True)
        sep = self.tr("ev.sep")
        out = {}
        for rep in {*now, *kept}:
            earlier = kept.get(rep, [])
            items = self._dated(earlier, now.get(rep, []))
            if items:  # "their week" only when it was this week's alone
                key = "ev.mood_context" if lifts else "ev.put_off_context"
                out[rep] = self.tr(key + ("_since" if earlier else ""), list=sep.join(items))
        for rep, xs in new.items():  # kept until the card's word changes (see end_week)
            kept.setdefault(rep, []).extend((week, x) for x in xs)
            del kept[rep][:-LIFTS_KEPT]
        return out

    def _dated(self, earlier: list[tuple[int, str]], now: list[str]) -> list[str]:
        """Each thing once, with the weeks it happened: "1:1 (wk 8, 9, 10 and this week)",
        not "1:1 (wk 8); 1:1 (wk 9); 1:1 (wk 10); 1:1". This week's alone are said plainly
        when nothing earlier is listed, "(this week)" when something is."""
        weeks: dict[str, list[int]] = {}
        for w, x in earlier:
            if w not in weeks.setdefault(x, []):
                weeks[x].append(w)
        for x in now:
            weeks.setdefault(x, [])
        join = joiner(self.lang).join
        items = []
        for x, ws in weeks.items():
            when = self.tr("ui.week_short", week=join(str(w) for w in ws)) if ws else ""
            if x in now and earlier:
                when = self.tr("ui.and_this_week", weeks=when) if ws else self.tr("ui.this_week")
            items.append(aside(x, when, self.lang) if when else x)
        return items

    def _held(
        self,
        results: list[Any],
        events: tuple[Any, ...],
        lifts_only: bool = False,
        put_off_only: bool = False,
        losses: bool = False,
    ) -> dict[int, list[str]]:
        """What each rep's week held, in words (see :meth:`their_week`); ``put_off_only``:
        only what put them off (the actions and answers they reacted to badly, and with
        ``losses`` the deals they lost)."""
        nar = self.narrator
        held: dict[int, list[str]] = {}

        def add(rep: int, words: str) -> None:
            if words not in held.setdefault(rep, []):
                held[rep].append(words)

        # whom each action carried out put off: the reactions it caused (and an answer's
        # own entry) are logged just before its entry (beside a rise, what put them off
        # is not what lifted them)
        # and everyone it reached: a contest, a team meeting or a training names nobody,
        # but each rep it moved reacted to it
        soured: list[set[int]] = []
        reached: list[set[int]] = []
        down: set[int] = set()
        moved: set[int] = set()
        answered: list[tuple[int, int]] = []  # (rep, the action that answered)
        for e in events:
            if e.kind == "reaction" and e.rep is not None:
                moved.add(e.rep)
                # put off, if only a little ("hardly reacted", and still lower)
                if e.data.get("mood") == "down" or (e.data.get("size") or 0.0) < 0.0:
                    down.add(e.rep)
            elif e.kind == "inbox_answer" and not e.data.get("defaulted"):
                # the person the message was about, and the others the answer moved
                # (a colleague who "had hoped for one of them" is put off by it too)
                moves = dict(e.data.get("team_engagement") or {})
                if e.rep is not None:
                    moves[e.rep] = float(e.data.get("engagement", 0.0))
                for rid, change in moves.items():
                    rid = int(rid)
                    answered.append((rid, len(soured)))
                    if change:
                        moved.add(rid)
                    if change < 0:
                        down.add(rid)
            elif e.kind == "action":
                soured.append(down)
                reached.append(moved)
                down, moved = set(), set()

        def told(rep: int, action: int) -> bool:
            sour = rep in soured[action] if action < len(soured) else False
            return sour if put_off_only else not (lifts_only and sour)

        done = [r for r in results if r.ok]
        for k, r in enumerate(done):
            if r.action.kind in UNSEEN_BY_REP:
                continue  # the manager's own note: nothing happened to the rep
            if r.action.kind == "answer":
                continue  # told as "your answer in the inbox" (below), not twice
            data = r.action.to_dict()
            people = [*_people_in(data), *sorted(reached[k] if k < len(reached) else ())]
            for rep in people:
                if told(rep, k):
                    add(rep, self._done_with(nar, r.action.kind, data))
        for rep, k in answered:  # an answer in the inbox is something done with them too
            if told(rep, k):
                add(rep, self.tr("ctx.answer"))
        if put_off_only and not losses:
            return held
        counts: dict[tuple[int, str], int] = {}
        for e in events:
            if (e.kind == "deal_lost" and lifts_only) or (e.kind == "deal_won" and put_off_only):
                continue
            if e.kind in ("deal_won", "deal_lost") and e.rep is not None:
                counts[(e.rep, e.kind)] = counts.get((e.rep, e.kind), 0) + 1
        for (rep, kind), n in counts.items():  # "2 deals won", not "a deal won; a deal won"
            held.setdefault(rep, []).append(self.tr(f"ctx.{kind.removeprefix('deal_')}", n=n))
        return held

    def unhappy(
        self,
        before: dict[int, float],
        context: dict[int, str] | None = None,
        lifts: dict[int, str] | None = None,
        words: dict[int, str] | None = None,
    ) -> list[str]:
        """How moods moved as the cards show them: low spirits, a sharp drop, or a card's
        word that changed (the report never leaves a card's change unexplained), each
        with what the rep's week held (``lifts`` beside a rise: the week without its
        losses). ``words``: what each card said before (else read from ``before``)."""
        context = context or {}
        words = words or {}
        lifts = context if lifts is None else lifts
        out = []
        for r in self.obs.reps:
            was = before.get(r.id)
            dropped = was is not None and was - r.mood >= UNHAPPY_DROP
            # the words are the card's: one scale (api.reading) for the card and the report
            now = self.mood_word(r)
            band = self.tr(f"moodword.{now}")
            name = self.narrator.rep(r.id)
            ctx = context.get(r.id, "")
            # beside a fall, what could have put them off, and what weighed on them, as a
            # manager could see it; or that nothing they did this week put them off
            weighs = ctx + self.weighs_on(r) if ctx else self.nothing_put_off(r)
            if now == "low":  # the card reads low: worth a line every week it does
                out.append(self.tr("ev.unhappy", rep=name, band=band) + weighs)
            elif dropped and was is not None:
                out.append(self.tr("ev.mood_fell", rep=name, band=band) + weighs)
            elif was is not None and words.get(r.id, mood_band(was)) != now:
                up = r.mood > was
                out.append(
                    self.tr(
                        "ev.mood_band_up" if up else "ev.mood_band_down",
                        rep=name,
                        band=band,
                        was=self.tr(f"moodword.{words.get(r.id, mood_band(was))}"),
                    )
                    + ((lifts.get(r.id) or self.tr("ev.lifts_nothing")) if up else weighs)
                )
        return out

    def _done_with(self, nar: Narrator, kind: str, data: dict[str, Any]) -> str:
        """An action in a rep's week, as their mood line names it: praise or criticism as
        it was given ("public criticism", not the button's "Correct"), others by name."""
        if kind == "feedback":
            side = "public" if data.get("public") else "private"
            return self.tr(f"lever.{data.get('tone', 'praise')}_{side}")
        return nar.action_name(kind, data)

    def nothing_put_off(self, rep: Any) -> str:
        """Beside a fall that nothing they took badly explains: what visibly weighs on
        them (a quota set this week may: "nothing you did put them off" beside it read as
        a contradiction), or that nothing the manager did put them off and a reading
        moves a little by itself."""
        if rep.weighs_on:
            words = [self.tr(f"weigh.{code}") for code in rep.weighs_on]
            return self.tr("ev.weighs_on_them", list=self.tr("ev.sep").join(words))
        return self.tr("ev.put_off_nothing") + self.tr("ev.weighs_drift")

    def weighs_on(self, rep: Any) -> str:
        """What visibly weighed on a rep last week, in words, or that nothing else visibly
        did (after what may have put them off)."""
        if not rep.weighs_on:
            return self.tr("ev.weighs_nothing_else")
        words = [self.tr(f"weigh.{code}") for code in rep.weighs_on]
        return self.tr("ev.weighs_on", list=self.tr("ev.sep").join(words))

    # ------------------------------------------------------------ after the game
