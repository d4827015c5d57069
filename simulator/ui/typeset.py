"""Chinese typesetting in the window: where a Chinese line may break, and wrapping.

pygame_gui breaks a Chinese line anywhere: before a comma, between a number and
its unit, inside a word or a name. Here a line breaks between characters only
where Chinese typesetting allows (never before closing punctuation, never after
opening punctuation, never inside a number, a Latin word, a short bracketed aside,
a word the game writes often or a name), and text boxes are given their Chinese
already wrapped so that the toolkit lays them out once.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import Any

CJK_CHAR = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CLOSING = set("，。、；：？！）」』”’》〉】…·%")  # never at a line's start
OPENING = set("（「『“‘《〈【")  # never at a line's end


def units(text: str) -> list[str]:
    """Text cut where a Chinese line may break: between characters, never before closing
    punctuation or after opening punctuation, never inside a Latin word or a number, and
    never across a no-break space (a number glued to its unit)."""
    out: list[str] = []
    glue = False  # the next character joins the unit before it
    kept = _short_brackets(text) | _whole_words(text)
    for i, ch in enumerate(text):
        joins = glue or not out or ch in CLOSING or ch == "\u00a0" or i in kept
        if not joins and ch != " ":
            last = out[-1][-1]
            # 6周, 6.6万: a number with its unit; a Latin word, a number, 第6: one piece
            joins = last.isdigit() if CJK_CHAR.match(ch) else last not in (" ", "\u00a0")
        if joins and out:
            out[-1] += ch
        else:
            out.append(ch)
        glue = ch in OPENING or ch == "\u00a0"
    return out


# Words a Chinese line never breaks inside: the game's own vocabulary (a break in 百分点
# or 小时 read as a typo), and, added as a game opens, its people's and customers' names
# (三和物 / 流 split a company in two). Chinese has no spaces to say where words end;
# short of a dictionary of the language, the words the game itself writes most.
CHINESE_WORDS = frozenset(
    (
        "结果",
        "每个人",
        "驱动力",
        "优势",
        "市场",
        "动机",
        "激励",
        "下属",
        "岗位",
        "人力资源部",
        "资源",
        "机床",
        "工厂",
        "挑战",
        "成长",
        "客户服务",
        "营收",
        "季度",
        "周期",
        "问题",
        "机会",
        "决定",
        "能力",
        "经验",
        "压力",
        "信心",
        "个百分点",
        "百分点",
        "小时",
        "个月",
        "客户",
        "大客户",
        "团队",
        "指标",
        "项目",
        "在谈",
        "漏斗",
        "完成",
        "承诺",
        "兑现",
        "销售",
        "目标",
        "本周",
        "本期",
        "计划",
        "阶段",
        "赢率",
        "面谈",
        "副手",
        "类型",
        "支持",
        "跟进",
        "批评",
        "表扬",
        "审查",
        "评估",
        "判断",
        "情绪",
        "业绩",
        "管理",
        "技能",
        "新人",
        "负责",
        "手册",
        "离职",
        "对手",
        "金额",
        "私下",
        "公开",
        "放弃",
        "设定",
        "平均",
        "竞赛",
        "场景",
        "每周",
        "线索",
        "拜访",
        "真实",
        "信任",
        "目前",
        "测评",
        "会议",
        "要点",
        "消息",
        "发展",
        "监督",
        "停滞",
        "奖励",
        "条件",
        "无望",
        "关系",
        "申请",
        "进度",
        "选择",
        "预算",
        "元老",
        "工作",
        "收件箱",
        "报告",
        "观察",
        "流失",
        "回复",
        "收入",
        "到期",
        "技术交流",
        "商务谈判",
        "资格确认",
        "方案",
        "签约",
        "辅导",
        "通话",
        "分析",
        "利润",
        "分成",
        "竞争型",
        "成就型",
        "服务型",
        "自我驱动型",
        "经理",
        "价格",
        "竞争",
        "失败",
        "成功",
        "提升",
        "下滑",
        "鼓舞",
        # the specialists a deal may ask for, and what a forecast expects ("法务/财/务" and
        # "预/期" were split across lines)
        "售前",
        "顾问",
        "高管",
        "法务/财务",
        "法务",
        "财务",
        "预期",
        "预测",
    )
)
# a word's first two characters → the words that begin so, longest first
_WHOLE: dict[str, tuple[str, ...]] = {}


def keep_whole(words: Any) -> None:
    """Add words a Chinese line never breaks inside (names: a person's, a customer's)."""
    known = {w for ws in _WHOLE.values() for w in ws}
    new = {w for w in words if len(w) > 1 and CJK_CHAR.search(w) and w not in known}
    for w in new:
        _WHOLE[w[:2]] = tuple(sorted((*_WHOLE.get(w[:2], ()), w), key=len, reverse=True))


keep_whole(CHINESE_WORDS)


def _whole_words(text: str) -> set[int]:
    """Positions inside a word that is kept whole (see :data:`CHINESE_WORDS`)."""
    kept: set[int] = set()
    i = 0
    while i < len(text) - 1:
        for word in _WHOLE.get(text[i : i + 2], ()):
            if text.startswith(word, i):
                kept.update(range(i + 1, i + len(word)))
                i += len(word) - 1
                break
        i += 1
    return kept


def _short_brackets(text: str, most: int = 8) -> set[int]:
    """Positions inside a short bracketed aside （黄芳）, （第 9 周）: kept on one line."""
    kept: set[int] = set()
    pattern = f"（[^（）]{{1,{most}}}）|\\([^()]{{1,{most}}}\\)"
    for m in re.finditer(pattern, text):
        kept.update(range(m.start() + 1, m.end()))
    return kept


def wrap_units(text: str, measure: Any, width: int) -> list[str]:
    """Greedy lines of ``text`` no wider than ``width`` (``measure(s)`` → pixels, each
    piece measured once: see :func:`widths`), broken only where :func:`units` allows."""
    lines: list[str] = []
    line = ""
    used = 0  # the line's width so far: its pieces' widths added (they do not kern)
    for unit in units(text):
        if line and used + measure(unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = unit.lstrip()
            used = measure(line)
        else:
            line += unit
            used += measure(unit)
    if line:
        lines.append(line.rstrip())
    if len(lines) >= 2 and _lone(lines[-1]):
        # a paragraph never ends on one character alone ("…面" / "谈。"): the last
        # line takes the piece before it along (it is the shorter of the two, so fits)
        before = units(lines[-2])
        if len(before) > 1:
            lines[-2] = "".join(before[:-1]).rstrip()
            lines[-1] = before[-1].lstrip() + lines[-1]
    return lines


_WIDTHS: weakref.WeakKeyDictionary[Any, dict[str, int]] = weakref.WeakKeyDictionary()


def widths(font: Any) -> Callable[[str], int]:
    """A text's width in ``font``, each text measured once. A long Chinese text, wrapped
    piece by piece, asks for thousands of widths; pieces recur (characters, words), and
    a line's width is the sum of its pieces'. (The font's own measure, through the
    toolkit, is exact and remembered too, but a call away: :mod:`.toolkit`.)"""
    known = _WIDTHS.get(font)
    if known is None:
        known = _WIDTHS[font] = {}

    def measure(s: str) -> int:
        w = known.get(s)
        if w is None:
            w = known[s] = font.size(s)[0] if s else 0
        return w

    return measure


def _lone(line: str) -> bool:
    """One Chinese character on a line, with nothing but its punctuation."""
    bare = "".join(ch for ch in line if ch not in CLOSING and not ch.isspace())
    return len(bare) == 1 and bool(CJK_CHAR.match(bare))


def wrap_chinese(box: Any) -> None:
    """Re-wrap a text box's Chinese by the rules of :func:`units` (pygame_gui breaks a
    Chinese line anywhere: before a comma, between a number and its unit)."""
    content = box.html_text
    if not CJK_CHAR.search(content):
        return
    layout = box.text_box_layout
    chunks = [c for row in layout.layout_rows for c in row.items if hasattr(c, "font")]
    if not chunks:
        return
    # the room once laid out (padding and a possible scroll bar taken), with a margin:
    # pygame_gui must never need to split a line again
    width = int(min(layout.layout_rect.width, box.rect.width - 30)) - 8
    wrapped, _ = _wrapped(content, widths(chunks[0].font), width)
    if wrapped != content:
        box.set_text(wrapped)


def _wrapped(content: str, measure: Callable[[str], int], width: int) -> tuple[str, int]:
    """A text box's text with each plain paragraph wrapped by :func:`wrap_units`, and
    how many lines that makes (a marked-up one is left to pygame_gui, counted as one)."""
    out, rows = [], 0
    for part in content.split("<br>"):
        if "<" in part or not part:
            out.append(part)
            rows += 1
            continue
        lines = wrap_units(part, measure, width)
        out.append("<br>".join(lines))
        rows += len(lines)
    return "<br>".join(out), rows


def prewrapped(box: Any, content: str) -> str:
    """``content`` wrapped by Chinese rules (as :func:`wrap_chinese` would) for the empty
    text box ``box``, before it lays any of it out: laid out, then wrapped and laid out
    again, a long Chinese text took two or four layouts, each tens of milliseconds.

    The width is the one :func:`wrap_chinese` takes: the box's room, less a scroll
    bar's when the wrapped lines would not fit its height.
    """
    font = _font_of(box)
    room = box.text_wrap_rect
    measure = widths(font)
    text, rows = _wrapped(content, measure, int(min(room.width, box.rect.width - 30)) - 8)
    if 0 < room.height < _rows_height(box, font, rows):  # it will scroll: the bar takes its
        # width (a box as tall as its text, room.height -1, never does)
        narrow = room.width - box.scroll_bar_width
        text, _ = _wrapped(content, measure, int(min(narrow, box.rect.width - 30)) - 8)
    return text


def lines_that_fit(box: Any, lines: list[str], more: Callable[[int], str]) -> int:
    """How many of ``lines`` (each a paragraph of the empty text box ``box``'s text) show
    whole in it without a scroll bar, with ``more(n)`` after them when ``n`` are left
    out (at least one, whatever the room). The rows are counted from the box's font
    before any of it is laid out, wrapped as the box will wrap them: a Chinese text as
    :func:`prewrapped` wraps it, any other word by word at the box's room."""
    room = box.text_wrap_rect
    if room.height <= 0 or not lines:  # as tall as its text: every line fits
        return len(lines)
    font = _font_of(box)
    measure = widths(font)
    # a Chinese text is wrapped whole, every line of it, at prewrapped's width
    chinese = any(CJK_CHAR.search(x) for x in (*lines, more(len(lines))))
    width = int(min(room.width, box.rect.width - 30)) - 8 if chinese else room.width

    def rows(text: str) -> int:
        return _wrapped(text, measure, width)[1]

    used = 0
    for k, line in enumerate(lines):
        used += rows(line)
        left = len(lines) - k - 1
        if _rows_height(box, font, used + (rows(more(left)) if left else 0)) > room.height:
            return max(1, k)
    return len(lines)


def _rows_height(box: Any, font: Any, rows: int) -> float:
    """How tall ``rows`` rows of ``font`` lay out in ``box``: each but the last takes its
    line spacing (16 px type at 1.25: 24 px for one row, 54 for two)."""
    font_h = font.size("国")[1]
    return (rows - 1) * font_h * box.line_spacing + font_h if rows > 0 else 0


def _font_of(box: Any) -> Any:
    """The font a text box sets its plain text in (its theme's, for its ids)."""
    style = box.parser.default_style
    return box.ui_theme.get_font_dictionary().find_font(
        font_name=style["font_name"],
        font_size=style["font_size"],
        bold=style["bold"],
        italic=style["italic"],
        antialiased=style["antialiased"],
        script=style["script"],
        direction=style["direction"],
    )
