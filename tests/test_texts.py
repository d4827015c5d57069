"""The language tables: every word in both languages, every model term covered."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from simulator.texts import catalog, money, quota_text, quota_unit, tr, typed_quota

CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _pairs() -> dict[str, tuple[str, str]]:
    """Every message in English and in Chinese (the plural's other form for a count)."""
    return {k: (tr("en", k), catalog.text("zh", k) or "") for k in catalog.template()}


def test_every_catalog_has_every_message_with_the_same_blanks_and_plural_forms():
    assert catalog.problems() == []
    for key, (_en, zh) in _pairs().items():
        assert zh.strip(), key


def test_the_chinese_table_is_chinese():
    # symbols, names and numbers aside, a Chinese string has Chinese in it
    untranslated = [
        k
        for k, (en, zh) in _pairs().items()
        if zh == catalog.template()[k].text
        and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]+\}", "", zh))
        and not CJK.search(zh)
    ]
    allowed = {"app.name"} | {k for k in catalog.template() if k.startswith("work.")}  # arithmetic
    assert set(untranslated) <= allowed, untranslated


def test_chinese_numbers_a_week_or_a_period_one_way():
    """Week 8 read "第 8 周" in the week report and "第8周" in a rep's story: a number in
    a Chinese sentence has a space either side (as the game writes "第 1/52 周")."""
    cramped = [
        k
        for k, (_en, zh) in _pairs().items()
        if re.search(r"第\{[a-z_]+\}[周期]|[周期]\{", zh) or re.search(r"第\d+[周期]", zh)
    ]
    assert cramped == []
    assert tr("zh", "story.read_right", week=8, read="成就型") == (
        "你从未确认其类型；你在第 8 周判断为成就型，判断正确。"
    )


def test_messages_that_count_agree_with_their_number_in_english():
    assert tr("en", "s.p13", n=1, light=1, slips=0).startswith("1 delegation,")
    assert tr("en", "s.p13", n=3, light=1, slips=0).startswith("3 delegations,")
    assert tr("en", "card.type_short", n=1) == "type ? (1 hint)"
    assert tr("zh", "card.type_short", n=1) == tr("zh", "card.type_short", n=2).replace("2", "1")

    # a count that is not the message's own number is never followed by a noun it would
    # have to agree with ("1 contests and 0 rivals")
    for key, values in {
        "s.p4": {"contests": 1, "rivals": 0, "n": 2},
        "s.p7": {"cared": 1, "hurt": 1, "n": 2},
    }.items():
        text = tr("en", key, **values)
        assert not re.search(r"\b[01] [a-z]+s\b", text), text


def test_a_third_language_is_a_catalog_file_and_nothing_more(tmp_path, monkeypatch):
    """A trainer adds a language by adding its catalog: start from the template, translate,
    drop the file beside the others. Here a tiny French catalog, with French plurals."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    src = catalog.locale_dir()
    for f in src.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    with (src / catalog.TEMPLATE).open("rb") as f:
        template = read_po(f)
    fr = Catalog(locale="fr")
    for m in template:
        if not m.id or m.context == "ui.week_of":
            continue
        if isinstance(m.id, tuple | list):  # French has as many forms as its rule says
            forms = [f"FR {m.id[0]}"] + [f"FR {m.id[1]}"] * (fr.num_plurals - 1)
            fr.add(m.id, tuple(forms), context=m.context)
        else:
            fr.add(m.id, f"FR {m.id}", context=m.context)
    fr.add("Week {week} / {weeks}", "Semaine {week} sur {weeks}", context="ui.week_of")
    with (tmp_path / "fr.po").open("wb") as f:
        write_po(f, fr)
    monkeypatch.setenv("SALESIM_LOCALE", str(tmp_path))
    catalog.reload()
    try:
        assert "fr" in catalog.languages()
        assert catalog.languages()["fr"].name.lower().startswith("fran")
        assert catalog.problems() == []
        assert tr("fr", "ui.week_of", week=3, weeks=26) == "Semaine 3 sur 26"
        assert tr("fr", "s.p13", n=1, light=0, slips=0).startswith("FR 1 delegation,")
        assert tr("fr", "s.p13", n=0, light=0, slips=0).startswith("FR 0 delegation,")  # French
        assert tr("fr", "s.p13", n=2, light=0, slips=0).startswith("FR 2 delegations,")
        # a message it lacks falls back to English, and the check names it
        (tmp_path / "fr.po").write_text(
            (tmp_path / "fr.po")
            .read_text(encoding="utf-8")
            .replace('msgstr "Semaine {week} sur {weeks}"', 'msgstr "Semaine {semaine}"'),
            encoding="utf-8",
        )
        catalog.reload()
        assert "fr: ui.week_of: unknown {semaine}; lacks {week}; lacks {weeks}" in (
            catalog.problems()
        )
    finally:
        monkeypatch.delenv("SALESIM_LOCALE")
        catalog.reload()


def test_every_model_term_has_words():
    keys = set(catalog.template())
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
    # the scorecard's headings are words, not the components' names in the code
    for c in (*COMPONENTS, "total"):
        heading = tr("en", f"score.{c}")
        assert heading != c and heading[:1].isupper(), heading


@pytest.mark.parametrize(
    ("amount", "en", "zh"),
    [
        (640_000, "¥640k", "¥64万"),
        (2_400_000, "¥2.40M", "¥240万"),
        (45_000, "¥45k", "¥4.5万"),
        (240_000_000, "¥240.00M", "¥2.4亿"),
        (40_000, "¥40k", "¥4万"),
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


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [
        ("zh", "59.5", 595_000.0),  # 万
        ("zh", "60", 600_000.0),
        ("zh", ".5", 5_000.0),
        ("en", "595.5", 595_500.0),  # thousands
        ("en", " 900 ", 900_000.0),
        ("en", "", None),
        ("en", ".", None),
        ("en", "1.2.3", None),
        ("en", "12a", None),
    ],
)
def test_a_typed_quota_counts_its_decimals_in_the_fields_unit(lang, text, amount):
    assert typed_quota(text, lang) == amount


@given(st.floats(min_value=0.0, max_value=1e9, allow_nan=False), st.sampled_from(["en", "zh"]))
def test_a_quota_field_left_as_it_was_gives_its_quota_back_exactly(amount, lang):
    shown = quota_text(amount, lang)
    assert typed_quota(shown, lang, amount) == amount
    typed = typed_quota(shown, lang)  # the same text, typed afresh: within a cent of the unit
    assert typed is not None and abs(typed - amount) <= 0.005 * quota_unit(lang) + 1e-6 * amount


def test_a_share_just_short_of_the_whole_never_reads_as_the_whole():
    """ "Sum ¥8.96M · team target ¥9.00M (100%)": the quotas fell short and the share said
    they met the target. A share just under one keeps a decimal, in both languages."""
    from simulator.texts import percent

    for lang in ("en", "zh"):
        assert percent(0.996, lang) == "99.6%"
        assert percent(0.9999, lang) == "99.9%"
        assert percent(1.0, lang) == "100%"
        assert percent(0.974, lang) == "97%"


@pytest.mark.parametrize("path", sorted(scenarios_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_the_shipped_scenarios_chinese_writes_money_as_the_game_does(path):
    """A message's Chinese says ¥5000 and ¥1万, as the desk and the choices beside it do,
    not the English ¥5,000 (an inbox card showed both side by side)."""
    import yaml

    def chinese(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "zh" and isinstance(v, str):
                    yield v
                else:
                    yield from chinese(v)
        elif isinstance(node, list):
            for v in node:
                yield from chinese(v)

    texts = list(chinese(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for text in texts:
        for amount in re.findall(r"¥([\d,]+)(?![\d,]*万)", text):
            value = int(amount.replace(",", ""))
            assert f"¥{amount}" == money(value, "¥", "zh"), (text, money(value, "¥", "zh"))


def _read_money(text: str) -> float:
    """A sum of money as :func:`money` writes it, back into a number."""
    number = float(re.sub(r"[^\d.]", "", text))
    units = {"M": 1e6, "k": 1e3, "万": 1e4, "亿": 1e8}
    return number * next((v for u, v in units.items() if text.endswith(u)), 1.0)


@pytest.mark.parametrize("lang", ["en", "zh"])
@given(target=st.floats(2e5, 5e8), share=st.floats(0.3, 0.97))
def test_p01_a_quotas_gap_reads_as_the_difference_of_the_figures_beside_it(lang, target, share):
    """ "¥776万 of ¥840万 … ¥63.5万 of the target is in no one's quota": the gap was written
    more finely than the figures beside it, and did not read as their difference. It is
    written as finely as they are, so the two agree (to the last digit shown)."""
    from simulator.texts import money_step, unassigned_warning

    total = target * share
    said = unassigned_warning(target - total, total, target, "¥", lang)
    gap = re.search(r"¥[\d.,]+[kM万亿]?", said).group(0)
    seen = _read_money(money(target, "¥", lang)) - _read_money(money(total, "¥", lang))
    step = money_step(total, lang)
    shown = _read_money(gap)
    # the difference of the figures as written, to the gap's own last digit ("¥5.25M" and
    # "¥1.24M" beside "¥6.50M": the sum and the gap had rounded a half differently)
    want = max(step, seen)
    assert abs(shown - want) <= money_step(want, lang) / 2 + 1e-6, (said, money(total, "¥", lang))


def test_a_difference_of_equal_figures_is_never_minus_zero():
    """ "Skills: 51.1 / 51.1 (−0.1)" and "(−0.0)": a difference is of the figures shown."""
    from simulator.texts import signed

    assert signed(round(51.14, 1) - round(51.06, 1)) == "+0.0"
    assert signed(-1e-12) == "+0.0" and signed(-0.04) == "+0.0"
    assert signed(-2.26) == "−2.3" and signed(0.26) == "+0.3"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_engagement_verdict_names_the_cards_word_for_the_mood_it_quotes(lang):
    """ "Engagement · Fair: the team's mood averaged 0.69" beside "mood 0.69 (▲ good)":
    the score's word and the card's, unexplained. The line gives the card's word too."""
    from simulator.api import mood_band

    s = Session(load_scenario(scenarios_dir() / "tutorial.yaml"), 3, make_policy("by_the_book"))
    s.run()
    nar = Narrator(s.observe(), lang)
    c = s.score().component("engagement")
    word = tr(lang, f"moodword.{mood_band(c.inputs['E_mean'])}")
    assert word in nar.verdict(c) and f"{c.inputs['E_mean']:.2f}" in nar.verdict(c)


def test_p01_a_sum_that_rounds_a_half_down_gives_the_gap_its_figures_show():
    """¥5,255k of ¥6.50M read "¥5.25M … ¥1.24M of the target is in no one's quota"."""
    from simulator.texts import unassigned_warning

    said = unassigned_warning(1_245_000, 5_255_000, 6_500_000, "¥", "en")
    assert money(5_255_000, "¥", "en") == "¥5.25M" and "¥1.25M" in said, said
    said = unassigned_warning(635_000, 7_765_000, 8_400_000, "¥", "zh")
    assert "¥64万" in said, said
