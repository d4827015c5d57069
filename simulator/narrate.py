"""Events told in words: the lines of the week report, the timeline and the debrief.

The world records what happened as :class:`~simulator.api.Event` objects (a
kind and some numbers). A manager reads sentences: "+ Won Hengda ¥120k (Wang
Lei)", "▲ Zhang perked up (contest)". :class:`Narrator` turns a visible event
into such a line in English or Chinese, naming people and customers in the
game's language from what the manager knows (an
:class:`~simulator.api.Observation`). Events a manager would not notice (the
hidden effects of an action, a deal silently dying) have no line. The
scorecard's rules and working, and the refusals of actions, are told here too:
this is the one place where the game's numbers become words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import explain
from .api import Event, Observation, Refusal, Stage, mood_band
from .texts import has, joiner, money, percent, refusal_text, tr

if TYPE_CHECKING:
    from .lessons import Moment, Story
    from .scoring import Component

PUSHES_NAMED = 3  # pushes answered told one by one; more are counted in one line

# Events worth a line in the week report, most important first.
ORDER = (
    "resigned",
    "let_go",
    "hired",
    "deal_won",
    "deal_lost",
    "pace_fall",
    "promise_broken",
    "delegation_slip",
    "flight_risk",
    "type_revealed",
    # a decision comes before the reactions to it (an answer's lever, a deputy's role)
    "inbox_answer",
    "reaction",
    "unfair_treatment",
    "hint",
    "promise_kept",
    "promise_due",
    "promise_lapsed",
    "promise_made",
    "stuck_deals",
    "push_worked",
    "market_event",
    "inbox",
    "action_refused",
    "contest_won",
    # what the manager's tools produced
    "support_given",
    "support_wasted",
    "support_found_dead",
    "analytics_findings",
    "coaching_aimed",
    "action",  # of the actions, those no other line tells (a coaching session)
    "team_training",
    "team_goal",
    "mentor_replaced",
    "team_meeting",
    "hire_started",
    "joint_visit",
    "pipeline_review",
    # as they happen at the week's end: the reps bury dead deals, then a deputy goes
    # through what is still open
    "deal_dropped",
    "deputy_review",
    "deputy_review_skipped",
    "period_end",
)
_RANK = {k: i for i, k in enumerate(ORDER)}


# How each input of a scorecard rule is written in its working
_MONEY_INPUTS = frozenset({"R", "T"})
_COUNT_INPUTS = frozenset({"L", "N", "K", "B", "churned"})


# what a 1:1 can bring to light (see levers.one_on_one)
_TALK_FINDINGS = ("hint", "flight_risk", "stuck_deals")


def _coached(e: Event) -> str | None:
    """The skill a coaching session carried out worked on (None: not one)."""
    if e.kind != "action" or e.rep is None:
        return None
    done = e.data.get("action") or {}
    return str(done["skill"]) if done.get("kind") == "coach" and "skill" in done else None


def _quiet_talk(e: Event) -> bool:
    """A 1:1 carried out that brought nothing to light."""
    if e.kind != "action" or e.rep is None:
        return False
    done = e.data
    if (done.get("action") or {}).get("kind") != "one_on_one":
        return False
    return not any(k in (done.get("effects") or {}) for k in _TALK_FINDINGS)


class Narrator:
    """Names and sentences in one language, from what the manager knows (an observation)."""

    def __init__(self, obs: Observation, lang: str = "en") -> None:
        self.obs = obs
        self.lang = lang
        self.currency = obs.currency

    # ------------------------------------------------------------ names
    def rep(self, rep_id: int | None) -> str:
        person = self.obs.person(rep_id) if isinstance(rep_id, int) else None
        if person is None:
            return "—"
        return person.name_zh if self.lang == "zh" else person.name

    def account(self, account_id: int | None) -> str:
        accounts = self.obs.accounts
        if account_id is None or not 0 <= account_id < len(accounts):
            return "—"
        return accounts.name(account_id, self.lang)

    def deal_account(self, deal_id: int) -> str:
        try:
            return self.account(self.obs.deal(deal_id).account)
        except KeyError:
            return f"#{deal_id}"

    def money(self, amount: float) -> str:
        return money(amount, self.currency, self.lang)

    def tr(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def promised(self, promise_id: int | None, amount: float) -> str:
        """What a promise gives: its sum, or, for one a scenario's message made (a
        training course), what it is and what it is worth."""
        what = next((p.what for p in self.obs.promises if p.id == promise_id), None)
        if what is None:
            return self.money(amount)
        return self.tr("promise.what_worth", what=what.get(self.lang), amount=self.money(amount))

    def action_name(self, kind: str, data: dict | None = None) -> str:
        if kind == "feedback" and data:
            return self.tr(f"act.feedback_{data.get('tone', 'praise')}")
        return self.tr(f"act.{kind}") if has(f"act.{kind}") else kind

    def refusal(self, refusal: Refusal) -> str:
        """Why an action cannot be taken, in the game's language."""
        return refusal_text(refusal, self.lang, self.currency)

    # ------------------------------------------------------------ lines
    def line(self, e: Event) -> str | None:
        """The week-report line of one event, or ``None`` if it makes none."""
        if not e.visible:
            return None
        d = e.data
        t = self.tr
        k = e.kind
        if k in ("deal_won", "deal_lost"):
            # a deal whose owner has left is nobody's: say so, not "(—)"
            owner = self.rep(e.rep) if e.rep is not None else t("ev.unowned")
            values = {
                "account": self.account(d.get("account")),
                "value": self.money(d["value"]),
                "rep": owner,
            }
            if k == "deal_lost":
                values["reason"] = explain.loss_reason(self, str(d.get("reason", "")))
            return t(f"ev.{k}", **values) + explain.deal_causes(self, e)
        if k == "pace_fall":
            return explain.pace_fall(self, e)
        if k in explain.TOOLS:
            return explain.tool(self, e)
        if k == "deputy_review":
            return explain.deputy_review(self, e)
        if k == "deputy_review_skipped":
            return t("ev.deputy_review_skipped", deputy=self.rep(e.rep))
        if k == "pipeline_review":
            return explain.funnel_review(self, e)
        if k == "joint_visit":
            key = "ev.visit_silent" if d.get("silent") else "ev.visit"
            return t(
                key,
                account=self.account(d.get("account")),
                rep=self.rep(e.rep),
                pct=percent(float(d.get("shown", 0.0)), self.lang),
                skill=t(f"skill.{d.get('skill')}"),
            )
        if k == "deal_dropped" and d.get("by") == "manager":
            return t(
                "ev.deal_dropped",
                account=self.account(d.get("account")),
                value=self.money(d["value"]),
            )
        if k == "resigned":
            causes = [t(f"quit.{w}") for w in d.get("why") or () if has(f"quit.{w}")]
            line = t("ev.resigned", rep=self.rep(e.rep))
            return line + (t("ev.because", why=t("ev.sep").join(causes)) if causes else "")
        if k == "let_go":
            return t("ev.let_go", rep=self.rep(e.rep))
        if k == "hired":
            n = int(d.get("accounts", 0))
            return (
                t("ev.hired", rep=self.rep(e.rep), n=n)
                if n
                else t("ev.hired_none", rep=self.rep(e.rep))
            )
        if k == "mentor_replaced":
            return t(
                "ev.mentor_replaced",
                rep=self.rep(e.rep),
                novice=self.rep(d.get("novice")),
                mentor=self.rep(d.get("mentor")),
            )
        if k == "hire_started":
            return t("ev.hire_started", weeks=d["weeks"])
        if k == "hint":
            return t("ev.hint", rep=self.rep(e.rep), hint=t(f"hint.{d['hint']}"))
        if k == "type_revealed":
            return t("ev.type_revealed", rep=self.rep(e.rep), type=t(f"type.{d['type']}"))
        if k == "flight_risk":
            by = d.get("by")
            key = f"ev.flight_risk_{by}" if by in ("deputy", "offer") else "ev.flight_risk"
            behind = [t(f"risk.{w}") for w in d.get("why") or () if has(f"risk.{w}")]
            if not behind:  # a record from before talks told why
                return t(key, rep=self.rep(e.rep), risk=round(100 * d["risk"]))
            return t(
                f"{key}_why",
                rep=self.rep(e.rep),
                risk=round(100 * d["risk"]),
                why=t("ev.sep").join(behind),
            )
        if k == "stuck_deals":
            return t("ev.stuck_deals", rep=self.rep(e.rep), n=len(d["deals"]))
        if k == "push_worked":  # a dead deal's calls go unanswered: the sign to judge it (P10)
            return t(
                "ev.push_answered" if d["answered"] else "ev.push_silent",
                rep=self.rep(e.rep),
                account=self.account(d.get("account")),
                value=self.money(d["value"]),
                days=d["heard"],
            )
        if k == "reaction":
            return explain.reaction(self, e)
        if k in ("promise_kept", "promise_broken"):
            return t(f"ev.{k}", rep=self.rep(e.rep))
        if k in ("promise_due", "promise_lapsed"):
            amount = self.promised(d.get("promise"), d["amount"])
            return t(f"ev.{k}", rep=self.rep(e.rep), amount=amount)
        if k == "promise_made":
            return t(
                "ev.promise_made_quota" if d.get("condition") == "quota" else "ev.promise_made",
                rep=self.rep(e.rep),
                amount=self.promised(d.get("promise"), d["amount"]),
                week=d["due_week"],
            )
        if k == "action":
            done, seen = d.get("action") or {}, d.get("effects") or {}
            if done.get("kind") == "reassign_accounts" and seen.get("quota"):
                # a newcomer's first territory comes with their first quota: say so
                return t(
                    "ev.territory_quota",
                    rep=self.rep(e.rep),
                    n=int(seen.get("accounts", 0)),
                    quota=self.money(float(seen["quota"])),
                )
            return None  # told in groups (Narrator.lines): coaching, quiet 1:1s
        if k == "delegation_slip":
            return t("ev.delegation_slip", rep=self.rep(e.rep))
        if k == "market_event":
            ev = d["event"]
            line = t("ev.market_event", event=t(f"market.{ev}") if has(f"market.{ev}") else ev)
            # what it means for the team's deals, in a manager's words
            return line + (t(f"market_effect.{ev}") if has(f"market_effect.{ev}") else "")
        if k == "inbox":
            item = next((i for i in self.obs.inbox if i.id == d["item"]), None)
            return t("ev.inbox", title=item.title.get(self.lang)) if item is not None else None
        if k == "inbox_answer":
            return explain.answer(self, e)
        if k == "action_refused":
            why = self.refusal(Refusal(d["code"], d.get("values") or {}))
            return t("ev.refused", action=self.action_name(d["action"]), why=why)
        if k == "contest_won":
            return t("ev.contest_won", rep=self.rep(e.rep))
        if k == "unfair_treatment":
            return explain.unfair(self, e)
        if k == "support_found_dead":
            return t("ev.support_dead", account=self.account(d.get("account")))
        if k == "period_end":
            return explain.period_end(self, e)
        return None

    def week_report(self, events: list[Event] | tuple[Event, ...]) -> list[str]:
        """The week report: every line of a week's events, most important first.

        The desk shows it after "End week", the replay with each week, and the
        trainer's report in its timeline: the same lines, in the same words.
        """
        # a message answered the week it came is told once, by its answer
        answered = {e.data.get("item") for e in events if e.kind == "inbox_answer"}
        return self.lines(
            [e for e in events if not (e.kind == "inbox" and e.data.get("item") in answered)]
        )

    def lines(self, events: list[Event] | tuple[Event, ...], limit: int | None = None) -> list[str]:
        """The lines of a batch of events, most important first."""
        ranked = sorted(
            (e for e in events if e.visible and e.kind in _RANK),
            key=lambda e: (_RANK[e.kind], e.day),
        )
        # the dead deals a rep took out of the funnel in the week: one line per rep, so a
        # deal that leaves the pipeline is always accounted for
        cleared: dict[int | None, list[Event]] = {}
        for e in ranked:
            if e.kind == "deal_dropped" and e.data.get("by") == "rep":
                cleared.setdefault(e.rep, []).append(e)
        # a coaching session aimed by call analytics has its own, fuller line
        aimed = {e.rep for e in ranked if e.kind == "coaching_aimed"}
        # the week's 1:1s that brought nothing to light, in one line naming them (what a
        # talk builds is unseen: without it a 1:1 left no trace in the report)
        talks = list(dict.fromkeys(e.rep for e in ranked if _quiet_talk(e)))
        # the week's coaching sessions, in one line (what to expect of them said once)
        coached = [
            self.tr("ev.coached_one", rep=self.rep(e.rep), skill=self.tr(f"skill.{skill}"))
            for e in ranked
            if (skill := _coached(e)) is not None and e.rep not in aimed
        ]
        coached_reps = [e.rep for e in ranked if _coached(e) is not None]
        # the pushes worked whose customers answered: by name when few, else counted (a
        # manager who pushes half the funnel reads the ones that went unanswered)
        answered = [e for e in ranked if e.kind == "push_worked" and e.data["answered"]]
        pushes_counted = len(answered) > PUSHES_NAMED
        # the positions opened in the week, in one line (two alike were told as one)
        hires = [int(e.data["weeks"]) for e in ranked if e.kind == "hire_started"]
        several_hires = len(hires) > 1
        out = []
        for e in ranked:
            if e.kind == "action" and e.rep in aimed:
                continue
            text: str | None
            if _coached(e) is not None:
                if not coached:
                    continue
                # each session after a rep's first in a week teaches less: said when it
                # happened, not after every session (it read as a rebuke for one)
                crammed = len(coached_reps) > len(set(coached_reps))
                key = "ev.coached" if crammed else "ev.coached_single"
                text = self.tr(key, who=joiner(self.lang).join(dict.fromkeys(coached)))
                coached = []
            elif _quiet_talk(e):
                if not talks:
                    continue
                names = joiner(self.lang).join(self.rep(r) for r in talks)
                text = self.tr("ev.talks_quiet", names=names)
                talks = []
            elif e.kind == "hire_started" and several_hires:
                if not hires:
                    continue
                weeks = joiner(self.lang).join(str(w) for w in sorted(hires))
                text = self.tr("ev.hires_started", n=len(hires), weeks=weeks)
                hires = []
            elif pushes_counted and e.kind == "push_worked" and e.data["answered"]:
                if not answered:
                    continue
                text = self.tr("ev.pushes_answered", n=len(answered))
                answered = []
            elif e.kind == "deal_dropped" and e.data.get("by") == "rep":
                group = cleared.pop(e.rep, None)
                text = explain.cleared(self, e.rep, group) if group else None
            else:
                text = self.line(e)
            if text and text not in out:
                out.append(text)
            if limit is not None and len(out) >= limit:
                break
        return out

    # ------------------------------------------------------------ the scorecard
    def formula(self, component: Component) -> str:
        """A scorecard line's rule, in symbols and words."""
        return self.tr(f"formula.{component.name}")

    def working(self, component: Component) -> str:
        """A scorecard line's rule with this game's numbers put in."""
        values: dict[str, object] = {"v": f"{component.value:.1f}"}
        for k, x in component.inputs.items():
            if k in _MONEY_INPUTS:
                values[k] = self.money(x)
            elif k in _COUNT_INPUTS:
                values[k] = f"{x:.0f}"
            else:
                values[k] = f"{x:.4f}"  # enough that the working gives the score shown
        key = f"work.{component.name}"
        settled = component.inputs.get("K", 0.0) + component.inputs.get("B", 0.0)
        if component.name == "trust" and not settled:
            key = "work.trust_none"
        return self.tr(key, **values)

    def verdict(self, component: Component) -> str:
        """A scorecard line in plain words: how it went, and the number that says so."""
        v, x = component.value, component.inputs
        band = "good" if v >= 85 else ("fair" if v >= 65 else "poor")
        head = self.tr(f"plain.{band}")
        n = component.name
        if n == "revenue":
            pct = 100 * x["R"] / x["T"] if x.get("T") else 0.0
            body = self.tr("plain.revenue", pct=percent(pct / 100, self.lang))
        elif n == "engagement":
            # the card's word beside the score's: "Fair" is the score, 0.69 reads "good"
            word = self.tr(f"moodword.{mood_band(x['E_mean'])}")
            body = self.tr("plain.engagement", e=f"{x['E_mean']:.2f}", word=word)
        elif n == "attrition":
            body = self.tr("plain.attrition", L=f"{x['L']:.0f}", N=f"{x['N']:.0f}")
        elif n == "skills":
            g = 100 * x["G"]
            key = (
                "plain.skills_flat"
                if g <= 0.05
                else ("plain.skills_up" if v >= 65 else "plain.skills_little")
            )
            body = self.tr(key, g=f"{g:+.1f}")
        elif n == "trust":
            settled = x["K"] + x["B"]
            body = self.tr(
                "plain.trust" if settled else "plain.trust_none",
                t=f"{x['T_end']:.2f}",
                K=f"{x['K']:.0f}",
                n=f"{settled:.0f}",
            )
        elif n == "pipeline":
            body = self.tr(
                "plain.pipeline",
                u=f"{100 * x['U_mean']:.0f}",
                q=f"{x['Q']:.2f}",
            )
        elif n == "customers":
            body = self.tr("plain.customers", h=f"{x['H_end']:.2f}", lost=f"{x['churned']:.0f}")
        else:
            return head
        return self.tr("plain.line", head=head, body=body)

    def measure(self, component: Component) -> str:
        """The uncapped figure behind a scorecard line (what a comparison should compare)."""
        x = component.inputs
        n = component.name
        values: dict[str, object] = {}
        if n == "revenue":
            values["v"] = f"{100 * x['R'] / x['T']:.0f}" if x.get("T") else "—"
        elif n == "engagement":  # the number, and the word the desk's cards would say
            values["v"] = f"{x['E_mean']:.2f}"
            values["word"] = self.tr(f"mood.{mood_band(x['E_mean'])}")
        elif n == "attrition":
            values["v"] = f"{x['L']:.0f}"
        elif n == "skills":
            values["v"] = f"{100 * x['G']:+.1f}"
        elif n == "trust":
            values["v"] = f"{x['T_end']:.2f}"
        elif n == "pipeline":  # both halves of the rule: a funnel's health, its forecasts
            values["u"] = f"{100 * x['U_mean']:.0f}"
            values["v"] = f"{x['Q']:.2f}"
        elif n == "customers":
            values["v"] = f"{x['H_end']:.2f}"
        return self.tr(f"measure.{n}", **values)

    # ------------------------------------------------------------ debrief moments
    def value(self, key: str, v: object) -> object:
        """One value of a finding's moment, told in words (names, money, types)."""
        t = self.tr
        if key in ("rep", "novice", "mentor"):
            return self.rep(v)  # type: ignore[arg-type]
        if key == "account":
            return self.account(v)  # type: ignore[arg-type]
        if key in ("quota", "booked", "amount", "capacity"):
            return self.money(float(v))  # type: ignore[arg-type]
        if key == "pct":  # a moment keeps a share as a whole percentage
            return percent(float(v) / 100, self.lang)  # type: ignore[arg-type]
        if key in ("type", "truth"):
            return t(f"type.{v}")
        if key == "lever":
            return t(f"lever.{v}") if has(f"lever.{v}") else v
        if key == "style":
            return t(f"style.{v}")
        if key in ("pool", "needed"):
            return t(f"pool.{v}")
        if key == "stage":
            stage = Stage[str(v).upper()] if isinstance(v, str) else Stage(int(v))  # type: ignore[call-overload]
            return t(f"stage.{int(stage)}")
        if key == "task":
            return t(f"task.{v}")
        if key == "supervision":
            return t(f"sup.{v}")
        if key == "by":
            return t(f"by.{v}") if has(f"by.{v}") else v
        if isinstance(v, bool):
            return t("yes" if v else "no")
        return v

    def choice_text(self, item_id: int, choice_id: str | None) -> str:
        """A choice of an inbox message, as the manager read it."""
        item = next((i for i in self.obs.inbox if i.id == item_id), None)
        if item is None or choice_id is None:
            return "—"
        choice = next((c for c in item.choices if c.id == choice_id), None)
        return choice.text.get(self.lang) if choice is not None else choice_id

    def moment(self, m: Moment) -> str:
        """A finding's moment as a sentence, with its week in front when it has one."""
        values = {k: self.value(k, v) for k, v in m.values.items()}
        key = m.key
        if "item" in m.values:  # an inbox decision: the words of the choices, not their ids
            item = int(m.values["item"])
            values["choice"] = self.choice_text(item, m.values.get("choice"))
            values["handbook"] = self.choice_text(item, m.values.get("handbook"))
            found = next((i for i in self.obs.inbox if i.id == item), None)
            values["title"] = found.title.get(self.lang) if found is not None else "—"
            if "rep" not in m.values:
                key += "_team"
        text = self.tr(key, **values)
        if not m.week or key.endswith("_gap"):  # a gap names its own weeks
            return text
        return self.tr("ui.at_week", week=self.tr("ui.week_short", week=m.week), text=text)

    def story(self, s: Story) -> tuple[str, list[str]]:
        """A rep's season (a :class:`~simulator.lessons.Story`): a heading and its lines."""
        t = self.tr
        name = s.name_zh if self.lang == "zh" else s.name
        head = t("story.head", name=name, type=t(f"type.{s.type}"))
        lines = []
        if s.revealed_by == "scenario":
            lines.append(t("story.given"))
        elif s.revealed_week is not None:
            lines.append(
                t("story.revealed", week=s.revealed_week, by=self.value("by", s.revealed_by))
            )
        elif s.read is not None:  # never confirmed, but read: was the read right?
            key = "story.read_right" if s.read == s.type else "story.read_wrong"
            lines.append(t(key, week=s.read_week, read=t(f"type.{s.read}")))
        else:
            lines.append(t("story.never"))
        lines.append(
            t(
                "story.mood",
                start=f"{s.engagement_start:.2f}",
                end=f"{s.engagement_end:.2f}",
                talks=s.one_on_ones,
            )
        )
        sep = joiner(self.lang)
        if s.lifted_by:
            lines.append(
                t("story.lifted", levers=sep.join(str(self.value("lever", k)) for k in s.lifted_by))
            )
        if s.put_off_by:
            lines.append(
                t(
                    "story.put_off",
                    levers=sep.join(str(self.value("lever", k)) for k in s.put_off_by),
                )
            )
        if s.results:
            items = sep.join(
                t("story.period_result", period=i + 1, booked=self.money(b), quota=self.money(q))
                for i, (q, b) in enumerate(s.results)
            )
            lines.append(t("story.results", items=items))
        if s.left_week is not None:
            lines.append(t("story.left", week=s.left_week, why=t(f"left.{s.left_reason}")))
        return head, lines
