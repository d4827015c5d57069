"""Hostile or broken files: refused quickly, in plain words, with bounded memory, never run."""

from __future__ import annotations

import re
import tracemalloc

import pytest

from simulator.scenario import ScenarioError, load_scenario
from simulator.scenario.source import MAX_BYTES

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
"""


def refused(tmp_path, data: bytes | str) -> str:
    p = tmp_path / "s.yaml"
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    msg = str(e.value)
    assert msg.startswith(str(p)), msg
    assert "Traceback" not in msg
    return msg


def test_python_tags_are_refused_and_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = GOOD + f'hook: !!python/object/apply:os.system ["touch {marker}"]\n'
    msg = refused(tmp_path, text)
    assert ":10:7: the tag !!python/object/apply:os.system is not allowed" in msg
    assert not marker.exists()


def test_custom_tags_are_refused(tmp_path):
    msg = refused(tmp_path, GOOD.replace("title: Small", "title: !include other.yaml"))
    assert ":1:8: the tag !include is not allowed" in msg


def test_a_huge_file_is_refused_before_parsing(tmp_path):
    text = GOOD + "# " + "x" * (MAX_BYTES + 10) + "\n"
    msg = refused(tmp_path, text)
    # in bytes, so a file just over the limit does not read "1.0 MB; limited to 1 MB"
    assert f"the file is {len(text):,} bytes; scenario files are limited to 1,000,000 bytes" in msg
    assert "(1 MB)" in msg


def test_deep_nesting_is_refused(tmp_path):
    msg = refused(tmp_path, GOOD + "deep: " + "[" * 5000 + "]" * 5000 + "\n")
    assert re.search(r":10:\d+: nested more than 40 levels deep", msg), msg


def test_an_alias_bomb_is_refused_quickly_with_bounded_memory(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    tracemalloc.start()
    try:
        msg = refused(tmp_path, GOOD + "\n".join(lines) + "\n")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in msg
    assert peak < 20_000_000  # bytes: 9^12 values would need hundreds of GB


def test_modest_anchors_and_aliases_are_fine(tmp_path):
    text = GOOD.replace(
        "  - {name: Ann, type: competitor}",
        "  - {name: Ann, type: competitor, skills: &strong {prospecting: 0.8}}\n"
        "  - {name: Bo, type: achiever, skills: *strong}",
    )
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    s = load_scenario(p)
    assert s.reps[1].skills.prospecting == 0.8


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"# only a comment\n", "holds no fields"),
        (bytes(range(256)) * 4, "binary data, not a YAML text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"- a\n- b\n", "the file is a list; a scenario is a mapping of fields"),
        (b"just words\n", "a single value"),
        (
            "title: caf\u00e9\n".encode("latin-1"),
            "not UTF-8 text (byte 0xe9); save the file as UTF-8",
        ),
        ("title: x\n".encode("utf-16"), "UTF-16 text; save it as UTF-8"),
        ("title: x\nweeks: 26\n".encode("utf-16-le"), "UTF-16 text (without its byte-order"),
        ("title: x\nweeks: 26\n".encode("utf-16-be"), "UTF-16 text (without its byte-order"),
        (b"title: [unclosed\n", "not valid YAML"),
    ],
)
def test_garbage_gets_a_clear_message(tmp_path, data, words):
    assert words in refused(tmp_path, data)


def test_non_utf8_text_is_located(tmp_path):
    msg = refused(tmp_path, GOOD.encode() + "briefing: caf\u00e9\n".encode("latin-1"))
    assert ":10:14: not UTF-8 text (byte 0xe9)" in msg


def test_duplicate_keys_are_refused_at_the_second_one(tmp_path):
    msg = refused(tmp_path, GOOD + "weeks: 12\n")
    assert msg.endswith(":10:1: weeks: duplicate key (first given on line 2)"), msg


def test_duplicate_keys_inside_a_rep(tmp_path):
    msg = refused(tmp_path, GOOD.replace("type: competitor}", "type: competitor, type: service}"))
    assert ":9:35: reps.0.type: duplicate key" in msg


def test_tabs_get_a_plain_explanation(tmp_path):
    msg = refused(tmp_path, GOOD.replace("  segments:", "\tsegments:"))
    assert ":6:1: a tab character here: YAML indents with spaces only" in msg


@pytest.mark.parametrize(
    "broken, at, words",
    [
        # a field indented a space short of its block
        (
            GOOD.replace("  segments:", "  lead_rate: 1.0\n segments:"),
            ":7:2:",
            "does not line up with the fields",
        ),
        # a field's name with no ':' (the parser notices on the next line)
        (GOOD.replace("weeks: 8", "weeks 8"), ":2:1:", "a field's name with no ':' after it"),
        # text with ': ' in it, unquoted
        (GOOD.replace("title: Small", "title: Small: the team"), ":1:13:", "needs quotes"),
        # a list item out of line with the others
        (GOOD + "   - {name: Bo, type: service}\n", ":10:4:", "line up with the list it is in"),
    ],
)
def test_yaml_mistakes_are_told_as_what_to_look_at_on_the_line_to_look_at(
    tmp_path, broken, at, words
):
    """The parser's own words ("did not find expected key (while parsing a block mapping
    that starts on line 5)", pointing a line past the mistake) left a trainer guessing.
    The message says what to look at, on the line of the mistake, the parser's words
    after."""
    msg = refused(tmp_path, broken)
    assert at in msg and words in msg and "(the parser: " in msg, msg
    assert "starts on line" not in msg


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert str(load_scenario(p).title) == "Small"


def test_a_folder_or_a_missing_file(tmp_path):
    with pytest.raises(ScenarioError, match="this is a folder, not a file"):
        load_scenario(tmp_path)
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "missing.yaml")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_at_once_without_reading_it(device):
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError) as e:
            load_scenario(device)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(e.value) == f"{device}: this is not a regular file (a device, a pipe or a socket)"
    assert peak < 5_000_000  # a few MB at most: nothing was read


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError) as e:
        load_scenario(fifo)  # opening a pipe would block until someone writes
    assert "not a regular file" in str(e.value)


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(2_000_000_000)  # 2 GB of nothing, sparse: reading it would take time
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError) as e:
            load_scenario(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "the file is 2,000,000,000 bytes" in str(e.value)
    assert "limited to 1,000,000 bytes (1 MB)" in str(e.value)
    assert peak < 5_000_000


def test_extends_never_echoes_the_contents_of_a_file_that_is_not_a_scenario(tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secrethash:19000:0:99999:7:::\ndaemon:*:19000::\n")
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {secret}\ntitle: x\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(child)
    message = str(e.value)
    assert message == f"{child}:1:10: extends: '{secret}' is not a scenario file " + (
        "(its fields are not a scenario's)"
    )
    assert "secrethash" not in message and "daemon" not in message


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e308", "1.0e400"])
@pytest.mark.parametrize(
    "field",
    [
        "team_target: [{v}]",
        "market:\n  segments:\n    - {{name: small, accounts: 5, potential: {v}, deal_size: 10}}",
        "market:\n  segments:\n    - {{name: small, accounts: 5, potential: 10, deal_size: {v}}}",
    ],
)
def test_numbers_a_run_cannot_use_are_refused_by_validate(tmp_path, field, value):
    path = tmp_path / "s.yaml"
    path.write_text("extends: tutorial\n" + field.format(v=value) + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    assert re.search(r"finite number|less than or equal|greater than", str(e.value)), str(e.value)


def test_a_scenario_too_big_to_play_in_a_minute_is_refused_by_validate(tmp_path):
    """20 segments of 5,000 accounts at 50 leads a year would run for hours: refused."""
    segments = "\n".join(
        f"    - {{name: s{i}, accounts: 5000, potential: 100000, deal_size: 10000, lead_rate: 50}}"
        for i in range(20)
    )
    path = tmp_path / "huge.yaml"
    path.write_text(f"extends: default\nmarket:\n  segments:\n{segments}\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    text = str(e.value)
    assert "100,000 accounts in all; at most 50,000" in text
    assert "new opportunities over the game" in text and "at most 100,000" in text


def test_a_named_account_far_above_its_segment_brings_at_most_a_deal_a_day(tmp_path):
    """An account scripted at ten thousand times its segment's potential is one big customer,
    not ten thousand accounts: it opens at most one deal a working day, in the funnel the
    player inherits as over the season. (At a trillion, the inherited funnel alone had run
    for minutes and filled 1.6 GB.)"""
    from simulator.core import Streams, World

    path = tmp_path / "big.yaml"
    path.write_text(
        GOOD.replace("weeks: 8", "weeks: 4")
        + "accounts:\n  - {name: Big Works, segment: all, potential: 5000000000, owner: Ann}\n",
        encoding="utf-8",
    )
    scn = load_scenario(path)
    world = World(scn, Streams(1))
    big = len(world.accounts) - 1
    inherited = sum(1 for d in world.deals.values() if d.account == big)
    cycle_days = 12 * 21  # the segment's longest cycle (6 months), in working days
    assert 20 < inherited <= cycle_days  # a big customer's funnel, not millions of deals
    while not world.finished:
        world.run_week()
    new = sum(1 for d in world.deals.values() if d.account == big) - inherited
    assert new <= 4 * 5  # (Ann, swamped by the big funnel, hardly prospects at all)


def test_many_big_named_accounts_are_refused_where_they_are_named(tmp_path):
    big = "\n".join(
        f"  - {{name: Big {i}, segment: all, potential: 5000000000, owner: Ann}}"
        for i in range(800)
    )
    msg = refused(tmp_path, GOOD.replace("weeks: 8", "weeks: 52") + f"accounts:\n{big}\n")
    said = ":11:3: accounts: about 208,024 new opportunities over the game (mostly from named"
    assert said in msg


def test_model_numbers_that_multiply_demand_count_towards_the_workload_limits(tmp_path):
    """Every number of a ``params:`` block within its range, each raising demand (the lead
    factor's cap, the relationship's base, booms, the potential's growth): a market of
    45,000 accounts valid on its own ran 61 s to 1.96 GB with them, and over five years
    ended in MemoryError. The limits count them, and say so at ``params``."""
    text = GOOD.replace("weeks: 8", "weeks: 52").replace("accounts: 40", "accounts: 2000")
    plain = tmp_path / "plain.yaml"
    plain.write_text(text, encoding="utf-8")
    load_scenario(plain)  # the market alone is within the limits
    boost = (
        "params: {max_lead_factor: 5, lead_skill_base: 2, demand_relationship_base: 2, "
        "boom_leads: 5, growth_rate: 0.01, growth_neutral: 0}\n"
    )
    msg = refused(tmp_path, text + boost)
    assert ": params: about " in msg and "new opportunities over the game" in msg
    assert "from the params: block); at most 100,000" in msg


def test_names_no_file_can_have_get_a_message_not_a_traceback(tmp_path, capsys):
    """A NUL character, a name longer than the system allows and a loop of symbolic links
    make Python's path functions raise; in ``extends:`` and on the command line each is
    told in words, with the file and line."""
    from simulator.cli import main

    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop.yaml")
    for ref, words in (
        ('"tutorial\\0x"', "holds a NUL character"),
        ("x" * 5000 + ".yaml", "longer than this system allows"),
        ("./loop.yaml", "a loop of symbolic links"),
    ):
        path = tmp_path / "s.yaml"
        path.write_text(f"extends: {ref}\n", encoding="utf-8")
        with pytest.raises(ScenarioError) as e:
            load_scenario(path)
        assert str(e.value).startswith(f"{path}:1:10: extends: ") and words in str(e.value)
        assert len(str(e.value)) < 300  # a name of thousands of characters is cut
    for name, words in (
        ("x" * 300 + ".yaml", "longer than this system allows"),
        (str(loop), "a loop of symbolic links"),
    ):
        with pytest.raises(SystemExit) as stop:
            main(["run", "--scenario", name, "--quiet"])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("salesim: error: ") and words in err and len(err) < 200


def _reps(*pairs: tuple[str, str]) -> str:
    lines = ["extends: tutorial", "reps:"]
    for name, zh in pairs:
        lines += [f"  - name: {name}", f"    name_zh: {zh}", "    type: achiever"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (_reps(("Li Na", "李娜"), ('"Li\\u200bNa"', "李四")), "reps.1.name", "invisible character"),
        (_reps(("Li Na", "李娜"), ('"Li Na "', "李四")), "reps.1.name", "ends with a space"),
        (_reps(("Li Na", "李娜"), ("li na", "李四")), "reps.1.name", "'li na' (and 'Li Na')"),
        (_reps(("Li Na", "李娜"), ("Wang Fang", "李娜")), "reps.1.name_zh", "called '李娜'"),
        (_reps(("Li Na", "李娜"), ("Ｌｉ Ｎａ", "李四")), "reps.1.name", "(and 'Li Na')"),
        (
            _reps(("Li Na", "李娜"), ("Li N\u0430", "李四")),
            "reps.1.name",
            "mixes Cyrillic and Latin",
        ),
        (
            _reps(("Li Na", "李娜"), ("\u0396hang Wei", "李四")),
            "reps.1.name",
            "mixes Greek and Latin",
        ),
        (
            'extends: tutorial\ntitle: "Q3 \\e[2J\\e[31mred"\n',
            "title.en",
            "control character (0x1b)",
        ),
        (_reps(("Li Na", "李娜"), ('"Bo\\nb"', "李四")), "reps.1.name", "stands on one line"),
        (_reps(("Li Na", "李娜"), ('"Bo\\tb"', "李四")), "reps.1.name", "stands on one line"),
        (_reps(("Li Na", "李娜"), ('"Bo\\u3164"', "李四")), "reps.1.name", "U+3164"),
        (_reps(("Li Na", "李娜"), ('"Bo\\ue000"', "李四")), "reps.1.name", "U+E000"),
        ('extends: tutorial\ncurrency: "\\e[7m"\n', "currency", "control character (0x1b)"),
        ('extends: tutorial\ncurrency: "\\u202e$"\n', "currency", "U+202E"),
        ('extends: tutorial\ntitle: "Q3\\u2028plan"\n', "title.en", "U+2028"),
        (_reps(("Ann Lee", "安"), ('"Ann  Lee"', "李四")), "reps.1.name", "(and 'Ann Lee')"),
        (f'extends: tutorial\ntitle: "{"x" * 200_000}"\n', "title.en", "at most 4000 characters"),
        (  # the Chinese game names a rep without a Chinese name by the English one
            "extends: tutorial\nreps:\n  - {name: Ann, type: achiever}\n"
            "  - {name: Bob, name_zh: Ann, type: service}\n",
            "reps.1.name_zh",
            "called 'Ann'",
        ),
    ],
    ids=lambda v: str(v)[:40],
)
def test_names_a_player_could_not_tell_apart_and_terminal_codes_are_refused(
    tmp_path, text, where, words
):
    """Two reps who read alike would be one name in every event and list; an escape code
    in a text would drive the trainer's terminal when ``run --news`` prints it."""
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    assert f": {where}: " in str(e.value) and words in str(e.value), str(e.value)


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("null", "nothing (null)"),
        ("true", "true or false"),
        ("2020-01-01", "a date"),
        ("3", "a number"),
    ],
)
def test_a_key_yaml_reads_as_no_name_is_told_at_its_own_line(tmp_path, key, kind):
    """``null: 3`` beside ``extends: tutorial`` was reported in the tutorial's file, as
    a field called None to set "here"; the key is told where it is, as what YAML made
    of it."""
    path = tmp_path / "s.yaml"
    path.write_text(f"extends: tutorial\nweeks: 8\n{key}: 3\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(path)
    said = str(e.value)
    assert f"s.yaml:3:1: a key must be a name, and YAML reads '{key}' as {kind}" in said, said
    assert "tutorial.yaml" not in said


def test_a_file_of_thousands_of_mistakes_is_told_by_its_first_fifty_and_long_names_cut(
    tmp_path, capsys
):
    """5,000 unknown names in a list printed 5,001 lines, and a name of 200,000
    characters was echoed whole: a message lists fifty problems and how many more, and
    cuts what it quotes."""
    names = ", ".join(f"Nobody {i}" for i in range(5000))
    many = tmp_path / "many.yaml"
    many.write_text(
        "extends: tutorial\nevents:\n  - id: p\n    title: t\n    message: m\n"
        f"    trigger: {{week: 2, with_reps: [{names}]}}\n",
        encoding="utf-8",
    )
    from simulator.cli import main

    with pytest.raises(SystemExit):
        main(["run", "--scenario", str(many), "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 51 and err[-1].endswith("more problems in the file"), err[-1]
    long = tmp_path / "long.yaml"
    long.write_text(
        "extends: tutorial\nevents:\n  - id: p\n    title: t\n    message: m\n"
        f"    trigger: {{week: 2, with_reps: [{'x' * 200_000}]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as e:
        load_scenario(long)
    assert len(str(e.value)) < 400, len(str(e.value))


@pytest.mark.parametrize(
    ("line", "where", "said"),
    [
        ("version: 2024-02-30", ":10:10:", "not a date"),
        ("x-note: 0000-01-01", ":10:9:", "not a date"),
        ("x-note: !!timestamp notadate", ":10:9:", "not a date"),
        ("x-note: !!int abc", ":10:9:", "not a whole number"),
        ("x-note: !!float abc", ":10:9:", "not a number"),
        ("weeks2: " + "9" * 5000, ":10:9:", "not a whole number"),
    ],
)
def test_a_value_yaml_cannot_make_is_refused_with_where_it_stands(tmp_path, line, where, said):
    """An impossible date (even under an ignored x- key), a tag on a value it does not fit,
    or an integer of thousands of digits ended in a Python traceback (ValueError: day is
    out of range for month). Each is refused where it stands, in words."""
    msg = refused(tmp_path, GOOD + line + "\n")
    assert where in msg and said in msg, msg
    assert len(msg) < 400, msg
