"""The language tables: every word in both languages, every model term covered."""

from __future__ import annotations

import re
import string

import pytest

from simulator.api import ACTION_TYPES
from simulator.core.deal import LOSS_REASONS
from simulator.core.market import EVENT_KINDS
from simulator.core.params import HINTS, LEVER_RESPONSE
from simulator.core.types import DelegatedTask, MotivationType, Pool, Skill, Stage, Supervision
from simulator.narrate import Narrator
from simulator.policies import make_policy
from simulator.scenario import load_scenario, scenarios_dir
from simulator.scoring import COMPONENTS
from simulator.session import Session
from simulator.texts import STRINGS, money, tr

CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_string_has_both_languages_with_the_same_blanks():
    for key, (en, zh) in STRINGS.items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), f"{key}: {_fields(en)} vs {_fields(zh)}"


def test_the_chinese_table_is_chinese():
    # symbols, names and numbers aside, a Chinese string has Chinese in it
    untranslated = [
        k
        for k, (en, zh) in STRINGS.items()
        if zh == en
        and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]+\}", "", en))
        and not CJK.search(zh)
    ]
    allowed = {"app.name"} | {k for k in STRINGS if k.startswith("work.")}  # arithmetic
    assert set(untranslated) <= allowed, untranslated


def test_every_model_term_has_words():
    keys = set(STRINGS)
    need = set()
    need |= {f"act.{k}" for k in ACTION_TYPES if k != "feedback"}
    need |= {"act.feedback_praise", "act.feedback_criticism"}
    need |= {f"why.{k}" for k in ACTION_TYPES if k not in ("feedback", "answer")}
    need |= {f"hint.{h}" for hs in HINTS.values() for h in hs}
    need |= {f"type.{t.value}" for t in MotivationType}
    need |= {f"skill.{s.value}" for s in Skill}
    need |= {f"stage.{int(s)}" for s in Stage if s < Stage.WON}
    need |= {f"pool.{p.value}" for p in Pool}
    need |= {f"sup.{s.value}" for s in Supervision}
    need |= {f"task.{t.value}" for t in DelegatedTask}
    need |= {f"lost.{r}" for r in LOSS_REASONS}
    need |= {f"market.{k}" for k in EVENT_KINDS if k != "outside_offer"}  # that one is hidden
    need |= {f"lever.{k}" for k in LEVER_RESPONSE} | {"lever.honour_veteran"}
    need |= {f"score.{c}" for c in COMPONENTS}
    need |= {f"lesson.P{i}" for i in range(1, 19)}
    need |= {f"difficulty.{d}" for d in ("easy", "medium", "hard")}
    assert need <= keys, sorted(need - keys)


@pytest.mark.parametrize(
    ("amount", "en", "zh"),
    [
        (640_000, "¥640k", "¥64万"),
        (2_400_000, "¥2.40M", "¥240万"),
        (45_000, "¥45k", "¥4.5万"),
        (240_000_000, "¥240.00M", "¥2.40亿"),
        (800, "¥800", "¥800"),
    ],
)
def test_money_reads_the_way_each_language_counts(amount, en, zh):
    assert money(amount, "¥", "en") == en
    assert money(amount, "¥", "zh") == zh


def test_an_unknown_key_shows_itself_rather_than_crashing():
    assert tr("zh", "no.such.key") == "no.such.key"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_visible_event_of_a_season_reads_as_a_sentence(lang):
    # a random manager pulls every lever, so the season's log has every kind of event
    for name in ("default", "growing_team"):
        scenario = load_scenario(scenarios_dir() / f"{name}.yaml")
        session = Session(scenario, 2, make_policy("random"))
        session.run()
        nar = Narrator(session.observe(), lang)
        lines = [nar.line(e) for e in session.event_log if e.visible]
        told = [x for x in lines if x]
        assert len(told) > 50
        for text in told:
            assert not re.search(r"\b(ev|hint|lever|type|stage|pool|lost|market)\.[a-z_]+", text), (
                text
            )
            assert "{" not in text, text
            if lang == "zh":
                assert CJK.search(text), text


def test_every_scorecard_line_has_its_rule_and_working_in_both_languages():
    session = Session(load_scenario(scenarios_dir() / "tutorial.yaml"), 1, make_policy("random"))
    card = session.run()
    obs = session.observe()
    for c in card.components:
        for lang in ("en", "zh"):
            nar = Narrator(obs, lang)
            assert nar.formula(c) != f"formula.{c.name}" and nar.working(c) != f"work.{c.name}"
            assert ("{" not in nar.working(c) and nar.working(c).endswith(f"{c.value:.1f}")) or (
                "(" in nar.working(c) or "（" in nar.working(c)
            )
        assert CJK.search(Narrator(obs, "zh").formula(c))


def test_the_scorecard_working_reads_in_chinese_too():
    session = Session(load_scenario(scenarios_dir() / "tutorial.yaml"), 1, make_policy("random"))
    card = session.run()
    nar = Narrator(session.observe(), "zh")
    for c in card.components:
        text = nar.working(c)
        words = re.findall(r"[A-Za-z]{3,}", text)
        assert set(words) <= {"min", "max"}, text  # the arithmetic's own words only
    revenue = nar.working(card.component("revenue"))
    assert "万" in revenue and "M" not in revenue
    english = Narrator(session.observe(), "en").working(card.component("revenue"))
    assert "万" not in english and ("M" in english or "k" in english)
