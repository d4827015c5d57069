"""``extends:``: a scenario derived from another, overriding only what changes."""

from __future__ import annotations

import pytest

from simulator.scenario import ScenarioError, load_scenario, scenarios_dir

BASE = """\
title: {en: Base, zh: 基础}
weeks: 26
period_weeks: 13
team_target: [1000000, 1200000]
manager: {hours_per_week: 40, admin_hours: 10}
market:
  competitor_pressure: 0.1
  segments:
    - {name: all, accounts: 40, potential: 500000, deal_size: 100000}
reps:
  - {name: Ann, type: competitor, skills: {prospecting: 0.7}}
  - {name: Bo, type: service}
"""


@pytest.fixture
def base(tmp_path):
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path


def child(folder, text, name="child.yaml"):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_mappings_merge_key_by_key_and_plain_values_are_replaced(base):
    s = load_scenario(
        child(base, "extends: base.yaml\ntitle: Harder\nmanager: {admin_hours: 14}\n")
    )
    assert str(s.title) == "Harder" and s.title.zh == ""  # a new title replaces both texts
    assert s.manager.admin_hours == 14 and s.manager.hours_per_week == 40
    assert s.weeks == 26 and len(s.reps) == 2 and s.market.competitor_pressure == 0.1


def test_lists_are_replaced_whole(base):
    s = load_scenario(child(base, "extends: base.yaml\nreps:\n  - {name: Cai, type: achiever}\n"))
    assert [r.name for r in s.reps] == ["Cai"]
    s = load_scenario(child(base, "extends: base.yaml\nteam_target: [900000]\n"))
    assert s.team_target == (900000.0,)


def test_null_restores_the_default(base):
    s = load_scenario(child(base, "extends: base.yaml\nmanager: null\n"))
    assert s.manager.admin_hours == 10.0  # the schema's default, not the base's


def test_chains_of_extends_apply_in_order(base):
    child(base, "extends: base.yaml\nweeks: 13\nperiod_weeks: 13\nteam_target: [1]\n", "mid.yaml")
    s = load_scenario(child(base, "extends: mid.yaml\nmarket: {competitor_pressure: 0.3}\n"))
    assert s.weeks == 13 and s.market.competitor_pressure == 0.3
    assert len(s.market.segments) == 1


def test_errors_point_at_the_file_that_holds_the_mistake(base):
    p = child(base, "extends: base.yaml\nweeks: 0\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    assert str(e.value).startswith(f"{p}:2:8: weeks: ")
    # the base's own value, wrong only in the child's context, is reported in the base
    (base / "base.yaml").write_text(BASE.replace("type: service", "type: servce"), "utf-8")
    p = child(base, "extends: base.yaml\nweeks: 13\nteam_target: [5]\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    assert str(e.value).startswith(f"{base / 'base.yaml'}:12:22: reps.1.type: ")


def test_a_circle_of_extends_is_refused(base):
    child(base, "extends: b.yaml\n", "a.yaml")
    p = child(base, "extends: a.yaml\n", "b.yaml")
    with pytest.raises(ScenarioError, match="must not go round in a circle") as e:
        load_scenario(p)
    assert ":1:10: extends: " in str(e.value)
    with pytest.raises(ScenarioError, match="circle"):
        load_scenario(child(base, "extends: self.yaml\n", "self.yaml"))


def test_a_missing_parent_is_named(base):
    with pytest.raises(ScenarioError, match=r"cannot find 'nowhere\.yaml'"):
        load_scenario(child(base, "extends: nowhere.yaml\n"))


def test_a_shipped_scenario_can_be_extended_by_name(tmp_path):
    assert (scenarios_dir() / "tutorial.yaml").exists()
    s = load_scenario(child(tmp_path, "extends: tutorial\ntitle: My tutorial\nweeks: 13\n"))
    assert str(s.title) == "My tutorial" and s.weeks == 13 and len(s.reps) == 4
    assert s.reps[0].name_zh  # everything else comes from the shipped file


def test_removing_a_required_field_is_reported_in_the_child(base):
    p = child(base, "extends: base.yaml\nreps: null\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    assert str(e.value) == f"{p}:2:1: reps: this field is required"


def test_a_shorter_game_leaves_out_the_inherited_events_it_can_never_reach(tmp_path):
    parent = load_scenario(scenarios_dir() / "tutorial.yaml")
    text = "extends: tutorial\ntitle: Short\nweeks: 10\nperiod_weeks: 5\n"
    s = load_scenario(child(tmp_path, text))
    assert [e.id for e in s.events] == [e.id for e in parent.events if e.trigger.week <= 10]
    assert len(s.events) < len(parent.events)


def test_a_problem_with_an_inherited_value_says_where_to_change_it(tmp_path):
    """A ten-week game extending the tutorial inherits its 13-week periods: the problem is
    in the shipped file's line, but the trainer changes it in their own file, so the
    message says which field to set there (for a list item, the whole list)."""
    child = tmp_path / "short.yaml"
    child.write_text("extends: tutorial\nweeks: 10\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(child)
    assert str(e.value).endswith(
        "period_weeks: a period of 13 weeks is longer than the game (10 weeks) "
        "(inherited from tutorial.yaml; set period_weeks here to change it)"
    )
    child.write_text(
        "extends: tutorial\nreps:\n  - {name: Ann, type: achiever}\n", encoding="utf-8"
    )
    with pytest.raises(ScenarioError) as e:
        load_scenario(child)
    assert "no rep is called 'Li Na'" in str(e.value)
    assert "(inherited from tutorial.yaml; set events here to change it)" in str(e.value)


def test_a_field_no_file_gives_is_reported_in_the_file_being_read(tmp_path):
    """A base holding only the market, extended by a file without reps: "reps: this
    field is required (inherited from base.yaml; set reps here to change it)" was
    reported in the base, though neither file has any. It is the child's to give."""
    (tmp_path / "market.yaml").write_text(
        BASE.split("reps:")[0].replace("title: {en: Base, zh: 基础}\n", ""), encoding="utf-8"
    )
    p = child(tmp_path, "extends: market.yaml\ntitle: Mine\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    assert str(e.value) == f"{p}: reps: this field is required"


def test_extending_a_yaml_file_that_is_not_a_scenario_says_so_without_echoing_it(tmp_path):
    """Extending a compose file (it shares "version" with a scenario) listed its keys as
    unknown fields, "password" among them, each as if the trainer should set it here."""
    (tmp_path / "compose.yaml").write_text(
        'version: "3"\nservices:\n  web: {image: nginx}\npassword: hunter2\n', encoding="utf-8"
    )
    p = child(tmp_path, "title: Mine\nextends: compose.yaml\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    text = str(e.value)
    why = "'compose.yaml' is not a scenario file (its fields are not a scenario's)"
    assert text == f"{p}:2:10: extends: {why}"
    assert "password" not in text and "hunter2" not in text


class _Counted(dict):
    """Marks that count how many of them are looked at."""

    looked = 0

    def __iter__(self):
        for k in super().__iter__():
            _Counted.looked += 1
            yield k

    def items(self):
        for k, v in super().items():
            _Counted.looked += 1
            yield k, v


def test_a_file_of_many_keys_merges_looking_at_each_mark_a_few_times():
    """30,000 ``x-`` keys over a parent took 412 s: every key scanned every mark. Now each
    mark is looked at a few times, nested mappings too, and every field keeps its place."""
    from simulator.scenario.loader import merge
    from simulator.scenario.source import Mark

    n = 3_000
    base = {f"x-k{i}": {"a": i, "b": {"c": 1}} for i in range(n)} | {"title": "base"}
    over = {f"x-k{i}": {"a": 2, "b": {"d": 1}} for i in range(0, n, 2)}
    over |= {f"x-new{i}": i for i in range(n)} | {"title": "child"}

    def marks(data, source, path=""):
        out = {}
        for k, v in data.items():
            sub = f"{path}.{k}" if path else k
            out[sub] = out[sub + "#key"] = Mark(source, 1, 1)
            if isinstance(v, dict):
                out |= marks(v, source, sub)
        return out

    base_marks, over_marks = _Counted(marks(base, "base")), _Counted(marks(over, "over"))
    total = len(base_marks) + len(over_marks)
    _Counted.looked = 0
    merged = merge(base, over, base_marks, over_marks)
    assert _Counted.looked <= 3 * total  # it had been some 100 million for these few thousand
    assert merged["x-k0"] == {"a": 2, "b": {"c": 1, "d": 1}} and merged["x-k1"]["a"] == 1
    assert base_marks["x-k0.a"].source == "over" and base_marks["x-k0.b.c"].source == "base"
    assert base_marks["x-k1.a"].source == "base" and base_marks["x-new7"].source == "over"
    assert base_marks["title"].source == "over"


def test_a_file_of_many_dotted_keys_merges_looking_at_each_mark_a_few_times():
    """Keys holding a dot (``a.1: 1``, 20,000 of them) could not be grouped by the key they
    sit under, and each scanned every mark again: minutes. They are found among the marks
    sorted once."""
    from simulator.scenario.loader import merge
    from simulator.scenario.source import Mark

    n = 3_000
    base = {"title": "base", "a.7": 0, "a.7.x": 0}
    over = {f"a.{i}": i for i in range(n)}
    base_marks = _Counted({k: Mark("base", 1, 1) for k in base})
    over_marks = _Counted({k: Mark("over", 1, 1) for k in over})
    _Counted.looked = 0
    merged = merge(base, over, base_marks, over_marks)
    assert _Counted.looked <= 3 * (len(base_marks) + len(over_marks))
    assert merged["a.7"] == 7 and merged["title"] == "base"
    assert base_marks["a.7"].source == "over" and base_marks["a.2999"].source == "over"


def test_files_read_again_in_one_process_give_what_they_say_now(base):
    """A process keeps what it parsed of a file (a class report reads one scenario for
    every save): two files extending one parent each get the parent as written, not as
    the other merged it; a parent edited between two loads is read as edited; a file
    read twice gives equal scenarios, one not touched by what was done to the other."""
    one = load_scenario(child(base, "extends: base.yaml\nmanager: {admin_hours: 14}\n", "a.yaml"))
    two = load_scenario(
        child(base, "extends: base.yaml\nmanager: {hours_per_week: 50}\n", "b.yaml")
    )
    assert (one.manager.hours_per_week, one.manager.admin_hours) == (40, 14)
    assert (two.manager.hours_per_week, two.manager.admin_hours) == (50, 10)
    assert load_scenario(base / "a.yaml") == one

    (base / "base.yaml").write_text(BASE.replace("admin_hours: 10", "admin_hours: 12"), "utf-8")
    again = load_scenario(base / "b.yaml")
    assert (again.manager.hours_per_week, again.manager.admin_hours) == (50, 12)
    assert load_scenario(base / "base.yaml").manager.admin_hours == 12


def test_a_parse_kept_is_handed_out_as_a_copy_aliases_and_all():
    from simulator.scenario.source import parse

    text = "shared: &s {a: 1, b: [1, 2]}\nfirst: *s\nsecond: *s\n"
    data, marks = parse(text, "x.yaml")
    assert data["first"] is data["second"]  # an alias is one part named twice
    data["first"]["a"] = 99
    data["shared"]["b"].append(3)
    marks.clear()
    fresh, fresh_marks = parse(text, "x.yaml")
    assert fresh == {
        "shared": {"a": 1, "b": [1, 2]},
        "first": {"a": 1, "b": [1, 2]},
        "second": {"a": 1, "b": [1, 2]},
    }
    assert fresh["first"] is fresh["second"] and fresh_marks["shared.a"].line == 1
