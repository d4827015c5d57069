"""Chinese typesetting in the window: lines break between characters, never with a hyphen."""

from __future__ import annotations

import itertools

from gui import step

from simulator.texts import tr
from simulator.ui.app import App


def _lines(box) -> list[str]:
    """The rows a text box laid out, as text (line breaks aside)."""
    layout = box.text_box_layout
    return [
        "".join(getattr(chunk, "text", "") for chunk in row.items) for row in layout.layout_rows
    ]


def test_a_long_chinese_tooltip_wraps_between_characters_without_hyphens(tmp_path):
    app = App(lang="zh", saves=tmp_path, seed=1)
    try:
        step(app)
        text = tr("zh", "why.read_type") * 2  # long: it must wrap over several lines
        assert "-" not in text
        tip = app.manager.create_tool_tip(text, (400, 300), (0, 8), None, None)
        lines = _lines(tip.text_block)
        assert len(lines) >= 3
        assert not any("-" in line for line in lines), lines
        assert not any(line.lstrip()[:1] in "，。、；：）”" for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        tip.kill()
    finally:
        app.close()


def test_a_number_stays_with_its_unit_when_chinese_text_wraps(tmp_path):
    from simulator.ui.widgets import Builder

    app = App(lang="zh", saves=tmp_path, seed=1)
    try:
        step(app)
        text = "，".join(f"第 {i} 周花费 {i + 1} 小时（约{i}%）" for i in range(1, 16))
        ui = Builder(app.manager)
        for width in (150, 190, 230):
            box = ui.text((10, 10, width, 600), text)
            rows = [r for r in _lines(box) if r.strip()]
            assert len(rows) >= 4
            for left, right in itertools.pairwise(rows):
                assert not left.rstrip().endswith("第"), (left, right)
                assert right.lstrip()[:1] not in "，。、；：？！）", (left, right)
                assert not (left.rstrip()[-1:].isdigit() and right.lstrip()[:1] in "周小"), (
                    left,
                    right,
                )
        ui.kill()
    finally:
        app.close()


def test_a_long_chinese_text_that_scrolls_is_wrapped_before_it_is_laid_out(tmp_path, monkeypatch):
    """A week's report in Chinese, longer than its box: wrapped by Chinese rules at the
    width beside its scroll bar, and laid out by the toolkit only as a scrolling text
    must be (twice), not again after the wrapping (a report took four layouts, and
    the window stalled for a fifth of a second)."""
    from pygame_gui.elements import UITextBox

    from simulator.ui.widgets import Builder

    app = App(lang="zh", saves=tmp_path, seed=1)
    try:
        step(app)
        layouts = []
        parse = UITextBox.parse_html_into_style_data
        monkeypatch.setattr(
            UITextBox,
            "parse_html_into_style_data",
            lambda b: (layouts.append((b, b.html_text)), parse(b))[1],
        )
        text = "\n".join(
            f"第 {i} 周：与刘洋、孙慧面谈，赢单 ¥{i}.5万（约{i}%），支持赶上了客户拍板的阶段"
            for i in range(1, 31)
        )
        box = Builder(app.manager).text((10, 10, 520, 300), text)
        assert box.scroll_bar is not None
        assert len([b for b, text in layouts if b is box and text]) == 2
        rows = [r for r in _lines(box) if r.strip()]
        assert len(rows) > 30
        for left, right in itertools.pairwise(rows):
            assert right.lstrip()[:1] not in "，。、；：？！）", (left, right)
            assert not (left.rstrip()[-1:].isdigit() and right.lstrip()[:1] in "周万"), (
                left,
                right,
            )
        shown = "".join(rows).replace(" ", "").replace("\u00a0", "")
        assert shown == text.replace("\n", "").replace(" ", "")
    finally:
        app.close()


def test_a_button_or_label_cut_short_shows_its_whole_text_when_pointed_at(tmp_path):
    from simulator.ui.widgets import Builder, html

    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app)
        ui = Builder(app.manager)
        long = "Changjiang Chemicals · ¥740k · solution · consultant · ✓ fits this stage"
        cut = ui.button((10, 10, 160, 36), long)
        assert cut.text.endswith("…") and long in (cut.tool_tip_text or "")
        own = ui.button((10, 60, 160, 36), long, tip="its own words")
        # a tooltip given is kept, under the whole text the button could not show
        assert own.tool_tip_text == f"{html(long)}<br>its own words"
        whole = ui.button((10, 110, 160, 36), "OK")
        assert whole.text == "OK" and not whole.tool_tip_text
        row = ui.label((10, 160, 120, 24), "Set quota · Sun Hui · ¥595k")  # a plan row
        assert row.text.endswith("…") and "¥595k" in (row.tool_tip_text or "")
        ui.kill()
    finally:
        app.close()


def test_a_chinese_paragraph_never_ends_on_one_character_alone():
    """ "…面" on one line and "谈。" alone on the next (a play-tester found one): the last
    line takes the character before it along; nothing else moves."""
    from simulator.ui.typeset import wrap_units

    def measure(s: str) -> int:
        return 10 * len(s)

    text = "每周都和每位销售进行一次面谈。"  # 15 characters
    lines = wrap_units(text, measure, 140)  # 14 a line: greedy would leave "。" glued to 谈
    assert "".join(lines) == text
    assert all(len(x.rstrip("。，")) >= 2 for x in lines), lines
    assert lines[-1] == "面谈。", lines
    # a paragraph whose last line is already longer is left as it was (and a word the
    # game writes, 面谈, is never broken)
    assert wrap_units("每周都和每位销售进行一次面谈，听听对方的想法。", measure, 140) == [
        "每周都和每位销售进行一次",
        "面谈，听听对方的想法。",
    ]


def test_a_click_on_a_tooltip_reaches_the_button_under_it(tmp_path):
    """A tooltip shown below one row's button covers the next row's: it took the click
    meant for that button (a player planned five drops and got four). The button under
    a tooltip keeps the pointer, so the click reaches it."""
    import pygame
    from pygame_gui.elements import UIButton

    app = App(lang="en", saves=tmp_path, seed=1)
    try:
        step(app)
        under = UIButton(pygame.Rect(300, 320, 120, 30), "Drop", manager=app.manager)
        tip = app.manager.create_tool_tip("Take the deal out", (300, 300), (0, 8), None, None)
        assert tip.rect.colliderect(under.rect)  # the tooltip lies over the button
        point = under.rect.center
        assert tip.rect.collidepoint(point)
        app.manager._update_mouse_position = lambda: setattr(app.manager, "mouse_position", point)
        app.manager.update(0.05)
        assert under.hovered
        tip.kill()
        under.kill()
    finally:
        app.close()


def test_every_character_the_game_can_show_is_in_its_font():
    """The support chooser's "⏳ all busy" showed a crossed box: the game's font is a
    subset of Noto Sans SC, and U+23F3 was not in it. Every character of the catalogs,
    the shipped scenarios, the generated names and the window's own code must be."""
    import os
    from pathlib import Path

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame.freetype

    from simulator.scenario import scenarios_dir
    from simulator.ui.app import assets_dir

    root = Path(__file__).resolve().parent.parent / "simulator"
    sources = [
        *(root / "locale").glob("*.po*"),
        *scenarios_dir().glob("*.yaml"),
        root / "core" / "names.py",
        *(root / "ui").rglob("*.py"),
    ]
    shown = set()
    for path in sources:
        shown |= {ch for ch in path.read_text(encoding="utf-8") if ch.isprintable() and ch != " "}
    pygame.freetype.init()
    (font_file,) = (assets_dir() / "fonts").glob("*.otf")
    font = pygame.freetype.Font(str(font_file), 16)
    chars = sorted(shown)
    metrics = font.get_metrics("".join(chars))  # None where the font has no glyph
    missing = [ch for ch, m in zip(chars, metrics, strict=True) if m is None]
    assert not missing, [f"{ch} U+{ord(ch):04X}" for ch in missing]


def test_a_chinese_line_never_breaks_inside_a_name_or_a_word_the_game_writes(tmp_path):
    """ "−6 个百 / 分点", "三和物 / 流", "一小 / 时": breaks inside a unit, a customer's
    name, a word. The game's own words and its people's and customers' names are kept
    whole."""
    from simulator.ui.typeset import keep_whole, wrap_units

    def measure(s: str) -> int:
        return 10 * len(s)

    keep_whole(["三和物流", "赵鹏"])
    # (and "法务/财/务", "预/期": the specialists a deal asks for, what a forecast expects)
    text = (
        "赢率变化：三和物流的项目 −6 个百分点，赵鹏面谈了一小时，客户预算被砍，"
        "缺少法务/财务支持，预期赢率下降"
    )
    for width in range(40, 200, 10):
        lines = wrap_units(text, measure, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for left, right in itertools.pairwise(lines):
            for word in ("三和物流", "百分点", "赵鹏", "小时", "客户", "预算", "法务/财务", "预期"):
                joined = left[-3:] + right[:3]
                assert not (word in joined and word not in left and word not in right), (
                    width,
                    lines,
                )


def test_english_words_in_the_window_take_straight_quotes(tmp_path):
    """The game's one typeface (Noto Sans SC) sets curly quotes full-width, as Chinese
    wants them: in English a wide gap stood around "good" in the debrief and around each
    hint on a rep's card. English texts take straight quotes; Chinese keeps its own."""
    from babel.messages.pofile import read_po

    from simulator.api import OneOnOne
    from simulator.scenario import scenarios_dir
    from simulator.texts.catalog import locale_dir
    from simulator.ui.scenes import DeskScene

    with open(locale_dir() / "salesim.pot", "rb") as f:
        english = [m.id for m in read_po(f) if m.id]
    curly = set("“”‘’")
    ids = [i if isinstance(i, str) else " ".join(i) for i in english]
    assert not [i for i in ids if curly & set(i)]

    app = App(lang="en", saves=tmp_path, seed=7)
    try:
        app.start_game(str(scenarios_dir() / "tutorial.yaml"), 7)
        game = app.game
        for _ in range(2):
            for rep in game.obs.reps:
                game.add(OneOnOne(rep.id))
            game.end_week()
        heard = next(r for r in game.obs.reps if r.hints)
        app.switch(DeskScene)
        step(app, 4)
        app.scene.select(heard.id)
        step(app, 8)
        texts = [
            str(getattr(el, "html_text", None) or getattr(el, "text", ""))
            for el in app.manager.get_sprite_group().sprites()
        ]
        hint = tr("en", f"hint.{heard.hints[-1][1]}")
        assert any(f'"{hint}"' in t for t in texts), texts
        assert not [t for t in texts if curly & set(t)]
    finally:
        app.close()
