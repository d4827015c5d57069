"""Chinese typesetting in the window: lines break between characters, never with a hyphen."""

from __future__ import annotations

from gui import step

from simulator.texts import tr
from simulator.ui.app import App


def _lines(box) -> list[str]:
    layout = box.text_box_layout
    return ["".join(chunk.text for chunk in row.items) for row in layout.layout_rows]


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
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        tip.kill()
    finally:
        app.close()
