"""Scenario files: valid ones load; every kind of mistake is reported at its line and field."""

from __future__ import annotations

import re

import pytest

from simulator.core.types import MotivationType as T
from simulator.scenario import ScenarioError, check_file, load_scenario

GOOD = """\
title: Small
weeks: 8
period_weeks: 4
team_target: [1000000]
market:
  segments:
    - {name: all, accounts: 40, potential: 500000, deal_size: 100000}
reps:
  - {name: Ann, type: competitor}
  - {name: Bo, type: service, skills: {account_care: 0.8}}
"""


def write(tmp_path, text, name="s.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    return path, e.value.problems


def only(tmp_path, text):
    """The single problem in ``text``, as printed."""
    path, found = problems(tmp_path, text)
    assert len(found) == 1, [str(p) for p in found]
    return path, str(found[0])


def test_a_small_scenario_loads_with_defaults(tmp_path):
    s = load_scenario(write(tmp_path, GOOD))
    assert str(s.title) == "Small" and s.title.get("zh") == "Small"
    assert len(s.reps) == 2 and s.periods == 2
    assert s.reps[1].skills.account_care == 0.8 and s.reps[1].skills.solution == 0.5
    assert s.reps[1].type is T.SERVICE


def test_bilingual_text_and_names(tmp_path):
    text = GOOD.replace("title: Small", "title: {en: Small, zh: 小团队}").replace(
        "{name: Ann, type: competitor}", "{name: Ann, name_zh: 安, type: competitor}"
    )
    s = load_scenario(write(tmp_path, text))
    assert s.title.get("zh") == "小团队" and s.title.get("en") == "Small"
    assert s.reps[0].name_zh == "安"


def test_folded_chinese_text_is_joined_without_the_spaces_yaml_puts_in(tmp_path):
    text = GOOD.replace(
        "title: Small",
        "title: Small\nbriefing:\n  en: >\n    The team is yours,\n    so lead it.\n"
        "  zh: >\n    团队交给你，\n    所以由你带领。\n    每周 32 小时。",
    )
    s = load_scenario(write(tmp_path, text))
    assert s.briefing.zh == "团队交给你，所以由你带领。每周 32 小时。"
    assert s.briefing.en == "The team is yours, so lead it.\n"


@pytest.mark.parametrize(
    "old, new, line, col, field, words",
    [
        # a wrong type
        ("weeks: 8", "weeks: eight", 2, 8, "weeks", "should be a whole number (got 'eight')"),
        # no silent conversions: true is not a number, 1 is not true
        ("weeks: 8", "weeks: true", 2, 8, "weeks", "should be a whole number (got true)"),
        # in the file's words: a pattern said as what it asks for, a date YAML made
        (
            "weeks: 8",
            "weeks: 8\nteaches: [P0]",
            3,
            11,
            "teaches.0",
            "a lesson, P1 to P18 (got 'P0')",
        ),
        (
            "weeks: 8",
            "weeks: 8\nversion: 2024-05-01",
            3,
            10,
            "version",
            'YAML reads 2024-05-01 as a date; put it in quotes ("2024-05-01") to make it text',
        ),
        (
            "weeks: 8",
            "weeks: 8\nversion: 2.0",
            3,
            10,
            "version",
            'should be text (got 2.0; put it in quotes, "2.0", to make it text)',
        ),
        # a text field given something else: text is what it asks for ("expected a mapping
        # of fields, got 5" read as if only en: and zh: would do)
        (
            "title: Small",
            "title: 5",
            1,
            8,
            "title",
            'should be text (got 5; put it in quotes, "5", to make it text)',
        ),
        (
            "title: Small",
            "title: [a, b]",
            1,
            8,
            "title",
            "should be text, or en: and zh: texts under it (got ['a', 'b'])",
        ),
        (
            "type: competitor}",
            "type: competitor, veteran: 1}",
            9,
            44,
            "reps.0.veteran",
            "should be true or false (got 1)",
        ),
        ("weeks: 8", "weeks: '8'", 2, 8, "weeks", "should be a whole number (got '8')"),
        # ranges
        ("weeks: 8", "weeks: 0", 2, 8, "weeks", "greater than or equal to 1"),
        (
            "deal_size: 100000}",
            "deal_size: 100000, win_rate: 1.5}",
            7,
            81,
            "market.segments.0.win_rate",
            "less than or equal to 1",
        ),
        (
            "accounts: 40",
            "accounts: -1",
            7,
            29,
            "market.segments.0.accounts",
            "greater than or equal to 0",
        ),
        (
            "account_care: 0.8",
            "account_care: 1.8",
            10,
            54,
            "reps.1.skills.account_care",
            "less than or equal to 1",
        ),
        # unknown keys, with a suggestion
        (
            "type: competitor}",
            "type: competitor, quotta: 5}",
            9,
            35,
            "reps.0.quotta",
            "unknown field (did you mean 'quota'?)",
        ),
        ("period_weeks: 4", "perod_weeks: 4", 3, 1, "perod_weeks", "did you mean 'period_weeks'?"),
        # a value not in the list, with a suggestion
        (
            "type: service",
            "type: servce",
            10,
            22,
            "reps.1.type",
            "'servce' is not one of: competitor, achiever, ego_driven, service "
            "(did you mean 'service'?)",
        ),
        # a field that must be there
        ("team_target: [1000000]\n", "", 1, 1, "team_target", "this field is required"),
        # cross-references
        (
            "type: competitor}",
            "type: competitor, mentor: Bob}",
            9,
            43,
            "reps.0.mentor",
            "no rep is called 'Bob' (did you mean 'Bo'?)",
        ),
        ("{name: Bo,", "{name: Ann,", 10, 12, "reps.1.name", "two reps are called 'Ann'"),
        # model numbers
        (
            "weeks: 8",
            "weeks: 8\nparams: {quit_bse: 0.1}",
            3,
            10,
            "params.quit_bse",
            "did you mean 'quit_base'",
        ),
        # whole-file rules
        (
            "weeks: 8",
            "weeks: 8\nscoring: {revenue: 0.5}",
            3,
            10,
            "scoring",
            "add up to 1.2; they must add up to 1",
        ),
        (
            "weeks: 8",
            "weeks: 8\nmanager: {max_headcount: 1}",
            3,
            26,
            "manager.max_headcount",
            "already has 2 reps",
        ),
    ],
)
def test_each_kind_of_mistake_names_file_line_column_and_field(
    tmp_path, old, new, line, col, field, words
):
    assert old in GOOD
    path, msg = only(tmp_path, GOOD.replace(old, new))
    assert msg.startswith(f"{path}:{line}:{col}: {field}: "), msg
    assert words in msg


EVENTS = (
    GOOD
    + """\
events:
  - id: offer
    title: "{rep} has an offer"
    message: Someone wants them
    trigger: {week: 2, rep: Ann}
    default: match
    choices:
      - {id: match, text: Match it, effects: {money: 1000, rep: {engagement: 0.1}}}
      - {id: let_go, text: Let go, effects: {rep_leaves: true}}
"""
)


def test_a_valid_event_loads(tmp_path):
    s = load_scenario(write(tmp_path, EVENTS))
    (ev,) = s.events
    assert ev.default == "match" and ev.choices[0].effects.money == 1000
    assert ev.choices[0].effects.rep.engagement[T.SERVICE] == 0.1


@pytest.mark.parametrize(
    "old, new, line, field, words",
    [
        (
            "rep: Ann}",
            "rep: Anne}",
            15,
            "events.0.trigger.rep",
            "no rep is called 'Anne' (did you mean 'Ann'?)",
        ),
        (
            "default: match",
            "default: matched",
            16,
            "events.0.default",
            "no choice is called 'matched'",
        ),
        ("    trigger: {week: 2, rep: Ann}\n", "", 13, "events.0.title", "not about a rep"),
        (
            "message: Someone wants them",
            "message: Someone wants {name}",
            14,
            "events.0.message",
            "unknown placeholder {name}",
        ),
        (
            "      - {id: let_go, text: Let go, effects: {rep_leaves: true}}\n",
            "",
            18,
            "events.0.choices",
            "two to four choices",
        ),
        ("week: 2,", "week: 99,", 15, "events.0.trigger.week", "after the game's last week"),
        ("id: let_go", "id: match", 19, "events.0.choices.1.id", "two choices are called 'match'"),
        (
            "effects: {rep_leaves: true}",
            "effects: {lever: contests}",
            19,
            "events.0.choices.1.effects.lever",
            "'contest'",
        ),
        (
            "effects: {rep_leaves: true}",
            "effects: {delegate: {task: pipeline_review, supervision: loose}}",
            19,
            "events.0.choices.1.effects.delegate.supervision",
            "is not one of: none, light, tight",
        ),
        (
            "effects: {rep_leaves: true}",
            "effects: {delegate: {task: reviews, supervision: light}}",
            19,
            "events.0.choices.1.effects.delegate.task",
            "is not one of: pipeline_review, key_accounts",
        ),
        (
            "week: 2,",
            "week: 2, not_delegated: reviews,",
            15,
            "events.0.trigger.not_delegated",
            "is not one of: pipeline_review, key_accounts",
        ),
    ],
)
def test_event_mistakes_are_located(tmp_path, old, new, line, field, words):
    assert old in EVENTS
    path, found = problems(tmp_path, EVENTS.replace(old, new))
    hits = [str(p) for p in found if p.field == field]
    assert hits, [str(p) for p in found]
    assert re.match(rf"{re.escape(str(path))}:{line}:\d+: {re.escape(field)}: ", hits[0]), hits
    assert words in hits[0]


def _not_about_a_rep(tmp_path, effects: str, field: str) -> tuple[list[str], list[str]]:
    """The example event made about nobody in particular, its second choice's effects
    ``effects``: the problems found at ``field``, and all of them."""
    text = EVENTS.replace("    trigger: {week: 2, rep: Ann}\n", "").replace(
        '"{rep} has an offer"', "An offer"
    )
    text = text.replace("effects: {rep_leaves: true}", f"effects: {effects}")
    _, found = problems(tmp_path, text)
    return [str(p) for p in found if p.field == field], [str(p) for p in found]


def test_a_word_pulled_by_a_choice_needs_an_event_about_a_rep(tmp_path):
    field = "events.0.choices.1.effects.lever"
    hits, found = _not_about_a_rep(tmp_path, "{lever: praise_public}", field)
    assert hits and "not about a rep" in hits[0], found
    # a contest needs nobody in particular
    hits, found = _not_about_a_rep(tmp_path, "{lever: contest}", field)
    assert not hits, found


def test_a_task_handed_over_by_a_choice_needs_an_event_about_a_rep(tmp_path):
    field = "events.0.choices.1.effects.delegate"
    hits, found = _not_about_a_rep(tmp_path, "{delegate: {supervision: light}}", field)
    assert hits and "not about a rep" in hits[0], found


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = GOOD.replace("weeks: 8", "weeks: -1").replace("type: service", "type: servce")
    text = text.replace("accounts: 40", "acounts: 40")
    _, found = problems(tmp_path, text)
    fields = [p.field for p in found]
    assert fields == [
        "weeks",
        "market.segments.0.accounts",  # missing: points at the segment
        "market.segments.0.acounts",  # unknown: points at the key
        "reps.1.type",
    ]
    lines = [p.line for p in found]
    assert lines == sorted(lines)


def test_check_file_returns_problems_instead_of_raising(tmp_path):
    assert check_file(write(tmp_path, GOOD)) == []
    found = check_file(write(tmp_path, GOOD.replace("weeks: 8", "weeks: 0")))
    assert [p.field for p in found] == ["weeks"]
    (missing,) = check_file(tmp_path / "nope.yaml")
    assert "no such file" in str(missing)


def test_duplicate_event_ids_are_reported(tmp_path):
    event = EVENTS[EVENTS.index("  - id: offer") :]
    _, found = problems(tmp_path, EVENTS + event)
    assert [(p.field, p.line) for p in found] == [("events.1.id", 20)]
    assert "two events are called 'offer'" in str(found[0])


def test_plain_values_are_read_as_editors_read_them(tmp_path):
    """YAML 1.2: only true/false are booleans; 2e6 is a number."""
    text = GOOD.replace("team_target: [1000000]", "team_target: [1e6]").replace(
        "potential: 500000", "potential: 5.5e5"
    )
    s = load_scenario(write(tmp_path, text))
    assert s.team_target == (1e6,) and s.market.segments[0].potential == 550_000.0
    _, msg = only(tmp_path, GOOD.replace("type: competitor}", "type: competitor, veteran: yes}"))
    assert "reps.0.veteran: should be true or false (got 'yes')" in msg


def test_anchors_merge_keys_and_x_keys_for_reuse(tmp_path):
    text = GOOD.replace(
        "reps:\n",
        "x-senior: &senior {type: competitor, tenure_years: 8, veteran: true}\nreps:\n",
    ).replace("{name: Ann, type: competitor}", "{<<: *senior, name: Ann, tenure_years: 9}")
    s = load_scenario(write(tmp_path, text))
    assert s.reps[0].veteran and s.reps[0].tenure_years == 9


@pytest.mark.parametrize(
    "old, new, field, words",
    [
        (
            "deal_size: 100000}",
            "deal_size: 100000, decision_styles: {consensus: 0, top_down: 0, "
            "technical: 0, price_driven: 0}}",
            "market.segments.0.decision_styles",
            "at least one style a weight above 0",
        ),
        ("accounts: 40", "accounts: 0", "market.segments", "the market has no accounts"),
        ("weeks: 8", "weeks: 8\nparams: {stall_days: 15.5}", "params.stall_days", "whole number"),
        ("weeks: 8", "weeks: 8\nparams: {hire_weeks: [6, 3]}", "params.hire_weeks", "low ≤ high"),
        (
            "weeks: 8",
            "weeks: 8\nparams: {quit_base: -1}",
            "params.quit_base",
            "should be from 0 to 1 (got -1)",
        ),
        # each model number has a range the model runs at; outside it, a run would divide by
        # zero, take a root of a negative number or never end (found by a hostile sweep)
        ("weeks: 8", "weeks: 8\nparams: {touch_hours: 0}", "params.touch_hours", "0.1 to 20"),
        ("weeks: 8", "weeks: 8\nparams: {ramp_weeks: 0}", "params.ramp_weeks", "from 1 to 260"),
        ("weeks: 8", "weeks: 8\nparams: {bonus_unit: 0}", "params.bonus_unit", "from 1 to"),
        (
            "weeks: 8",
            "weeks: 8\nparams: {key_account_care: 1000000}",
            "params.key_account_care",
            "should be from 0 to 1 (got 1000000)",
        ),
        (
            "weeks: 8",
            "weeks: 8\nparams: {demand_relationship_base: 1e6}",
            "params.demand_relationship_base",
            "from 0 to 2",
        ),
        (
            "weeks: 8",
            "weeks: 8\nparams: {hire_weeks: [4, 1000]}",
            "params.hire_weeks",
            "number 2 of the list should be from 0 to 104 (got 1000)",
        ),
        (
            "weeks: 8",
            "weeks: 8\nparams: {hours: {coach: 500}}",
            "params.hours.coach",
            "from 0 to 168",
        ),
        (  # both right alone, wrong together
            "weeks: 8",
            "weeks: 8\nparams: {stall_days: 40}",
            "params.stall_days",
            "stall_days (40) may not exceed dead_days (30)",
        ),
        (
            "weeks: 8",
            "weeks: 8\nparams: {negotiation_weight: 0.9}",
            "params.negotiation_weight",
            "negotiation_weight + big_negotiation_weight may not exceed 1",
        ),
        (
            "weeks: 8",
            "weeks: 8\nparams: {hours: {one_on_one: x}}",
            "params.hours.one_on_one",
            "a number",
        ),
        (  # a cost below nothing pays the manager for each assessment
            "weeks: 8",
            "weeks: 8\nparams: {money: {assessment: -1000000}}",
            "params.money.assessment",
            "should be from 0 to 1,000,000,000,000 (got -1000000)",
        ),
        (  # a number, only far too large (it was told "expected a number")
            "weeks: 8",
            "weeks: 8\nparams: {money: {assessment: 1e300}}",
            "params.money.assessment",
            "should be from 0 to 1,000,000,000,000 (got 1e+300)",
        ),
    ],
)
def test_values_that_would_break_a_run_are_caught(tmp_path, old, new, field, words):
    assert old in GOOD
    _, found = problems(tmp_path, GOOD.replace(old, new))
    assert [p.field for p in found] == [field], [str(p) for p in found]
    assert words in str(found[0])


def test_validate_reports_every_problem_in_one_pass_cross_references_included(tmp_path):
    """A mistyped mentor is told beside the other mistakes, not after they are fixed."""
    text = GOOD.replace("weeks: 8", "weeks: -3").replace(
        "{name: Bo, type: service, skills: {account_care: 0.8}}",
        "{name: Bo, type: service, mentor: Anne}",
    )
    _path, found = problems(tmp_path, text)
    said = [str(p) for p in found]
    assert any("weeks: should be greater than or equal to 1" in x for x in said), said
    assert any("reps.1.mentor: no rep is called 'Anne' (did you mean 'Ann'?)" in x for x in said)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # a field left empty in YAML is null: said to be empty, not "(got None)"
        ("weeks: 8", "weeks:", "2:7: weeks: should be a whole number, but the field is empty"),
        # pydantic's "List should have at least 1 item after validation, not 0", in words
        (
            "team_target: [1000000]",
            "team_target: []",
            "4:14: team_target: the list is empty; it needs at least 1 item",
        ),
        (
            "segments:\n    - {name: all, accounts: 40, potential: 500000, deal_size: 100000}",
            "segments: []",
            "6:13: market.segments: the list is empty; it needs at least 1 item",
        ),
        (
            "market:\n",
            "market:\n  seasonality: [1, 1, 1]\n",
            "6:16: market.seasonality: the list has 3 items; it needs at least 12",
        ),
        # names (and texts) of only spaces name nothing
        ("{name: Ann,", "{name: '   ',", "9:12: reps.0.name: this is only spaces; give it"),
        ("name: Bo,", "name: Bo, name_zh: ' ',", "10:25: reps.1.name_zh: this is only spaces"),
        ("{name: all,", "{name: ' ',", "7:14: market.segments.0.name: this is only spaces"),
        ("title: Small", "title: '  '", "1:8: title.en: this is only spaces"),
        ("title: Small", "title: ''", "1:8: title.en: this is empty; give some text"),
    ],
)
def test_problems_are_worded_plainly_where_pydantic_words_them_for_programmers(
    tmp_path, old, new, expected
):
    text = GOOD.replace(old, new)
    assert text != GOOD
    path, found = problems(tmp_path, text)
    assert [str(p) for p in found if str(p).startswith(f"{path}:{expected}")], found
    assert not any("None" in str(p) or "validation" in str(p) for p in found)


def test_a_scenario_named_by_an_empty_string_is_not_called_a_folder():
    with pytest.raises(ScenarioError) as e:
        load_scenario("")
    assert str(e.value.problems[0]) == "<scenario>: no file was named (the name is empty)"


@pytest.mark.parametrize(
    ("reps", "words"),
    [
        (
            "  - {name: A, type: achiever, mentor: B, tenure_years: 0.2}\n"
            "  - {name: B, type: service, mentor: A, tenure_years: 0.5}\n",
            "'B' is in their first year too; a mentor must be past it",
        ),
        (
            "  - {name: A, type: achiever, mentor: B, tenure_years: 4}\n"
            "  - {name: B, type: service, tenure_years: 6}\n",
            "only a rep in their first year has a mentor ('A' has 4 years",
        ),
    ],
)
def test_a_mentor_in_a_file_follows_the_desks_rule(tmp_path, reps, words):
    """At the desk a mentor is for a newcomer and comes from past the first year; a file
    that pairs two newcomers (or mentors a veteran) would start a game the desk could
    never reach."""
    path = tmp_path / "s.yaml"
    path.write_text(f"extends: tutorial\nevents: []\nreps:\n{reps}", encoding="utf-8")
    with pytest.raises(ScenarioError, match=re.escape(words)):
        load_scenario(path)


def test_an_empty_extends_is_a_mistake_not_nothing(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("extends:\nweeks: 10\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    assert str(e.value) == (
        f"{path}:1:9: extends: give the file (or shipped scenario name) this one starts from"
    )


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("190:20:30.15", "should be a whole number (got '190:20:30.15')"),
        ("0b11010", "should be a whole number (got '0b11010')"),
        ("2_6", "should be a whole number (got '2_6')"),
        ("1_000.5", "got '1_000.5'"),
    ],
)
def test_numbers_are_read_as_yaml_1_2_writes_them_never_some_other_way(tmp_path, value, said):
    """YAML 1.1's other number forms were read as numbers no editor would see: 190:20:30.15
    as 685230.15, 0b11010 and 2_6 as 26, and 012 as the octal 10. They are text now (and
    refused where a number is wanted); 012 is twelve, 0x1A and +26 are numbers still."""
    _, found = problems(tmp_path, GOOD.replace("weeks: 8", f"weeks: {value}"))
    assert [p.field for p in found] == ["weeks"] and said in str(found[0]), [str(p) for p in found]
    for text, number in (("012", 12), ("0x1A", 26), ("+26", 26)):
        path = tmp_path / "n.yaml"
        path.write_text(GOOD.replace("weeks: 8", f"weeks: {text}"), encoding="utf-8")
        assert load_scenario(path).weeks == number
