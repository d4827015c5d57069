"""Small helpers over pygame_gui: labels that never spill, buttons that remember their job.

pygame_gui draws the widgets; a scene only says where they go and what a
click does. :class:`Builder` creates widgets inside one container and keeps,
for every button, the function its press calls and its place in the Tab
order, so mouse and keyboard reach the same actions. Labels are shortened
with an ellipsis when a translation is longer than its box (the full text
stays in :attr:`Builder.full_text` for tooltips and tests).
"""

from __future__ import annotations

import re
import warnings
import weakref
from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIButton,
    UIImage,
    UILabel,
    UIPanel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryLine,
)

ELLIPSIS = "…"
BUTTON_PAD = 8  # the theme's text_horiz_alignment_padding for buttons


def _never_under_the_pointer(x: float, y: float) -> bool:
    return False


class Manager(pygame_gui.UIManager):
    """pygame_gui's manager, with tooltips that wrap the way Chinese does: between
    characters, never with a hyphen in a word ("建立信-／-任"), and that a click goes
    through: a tooltip shown below one row's button covers the next row's, and took
    the click meant for it (a player planned five drops and got four)."""

    def create_tool_tip(
        self, text: str, position: Any, hover_distance: Any, *args: Any, **kw: Any
    ) -> Any:
        tip = super().create_tool_tip(text, position, hover_distance, *args, **kw)
        box = getattr(tip, "text_block", None)
        for part in (tip, box):  # what lies under the tooltip keeps the pointer
            if part is not None:
                part.hover_point = _never_under_the_pointer  # type: ignore[union-attr]
        if box is not None and box.allow_split_dashes:
            box.allow_split_dashes = False
            box.rebuild()
            wrap_chinese(box)  # and by Chinese rules: punctuation, numbers with units
            tip.set_dimensions(box.rect.size)
            tip.find_valid_position(pygame.math.Vector2(position[0], position[1]))
        return tip


def text_width(element: Any, text: str) -> int:
    """How wide ``text`` draws in the element's themed font."""
    font = getattr(element, "font", None)
    if font is None:
        return 0
    return int(font.size(text)[0]) if text else 0


def show_note(label: Any, text: str, tip: str | None = None) -> None:
    """Put ``text`` on a note label, with ``tip`` shown when it is pointed at (none when
    ``tip`` is None): for notes that change while the player types."""
    label.set_text(text or " ")
    label.set_tooltip(html(tip) if tip else None)


def room(element: Any) -> int:
    """The width a label or button has for its text."""
    pad = 2 * BUTTON_PAD if isinstance(element, UIButton) else 2
    return int(element.rect.width) - pad


def shorten(element: Any, text: str) -> str:
    """``text``, cut with an ellipsis to fit ``element``'s width."""
    width = room(element)
    if text_width(element, text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(element, text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


# a space between a number and a Chinese character ("第 5 周", "1 小时"): a line never
# breaks there (a no-break space), so a number stays with its unit
_NUMBER_GAP = re.compile("(?<=[0-9%])[ ](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ ](?=[0-9¥])")


_CJK_CHAR = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
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
            joins = last.isdigit() if _CJK_CHAR.match(ch) else last not in (" ", "\u00a0")
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
    )
)
# a word's first two characters → the words that begin so, longest first
_WHOLE: dict[str, tuple[str, ...]] = {}


def keep_whole(words: Any) -> None:
    """Add words a Chinese line never breaks inside (names: a person's, a customer's)."""
    known = {w for ws in _WHOLE.values() for w in ws}
    new = {w for w in words if len(w) > 1 and _CJK_CHAR.search(w) and w not in known}
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
    """A text's width in ``font``, each text measured once. The toolkit's fonts measure
    by drawing (exact with kerning, and costly): a long Chinese text, wrapped piece by
    piece, took a thousand drawings. Pieces recur (characters, words), and a line's
    width is the sum of its pieces'."""
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
    return len(bare) == 1 and bool(_CJK_CHAR.match(bare))


def wrap_chinese(box: Any) -> None:
    """Re-wrap a text box's Chinese by the rules of :func:`units` (pygame_gui breaks a
    Chinese line anywhere: before a comma, between a number and its unit)."""
    content = box.html_text
    if not _CJK_CHAR.search(content):
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
    style = box.parser.default_style
    font = box.ui_theme.get_font_dictionary().find_font(
        font_name=style["font_name"],
        font_size=style["font_size"],
        bold=style["bold"],
        italic=style["italic"],
        antialiased=style["antialiased"],
        script=style["script"],
        direction=style["direction"],
    )
    room = box.text_wrap_rect
    line_h = font.size("国")[1] * box.line_spacing
    measure = widths(font)
    text, rows = _wrapped(content, measure, int(min(room.width, box.rect.width - 30)) - 8)
    if rows * line_h > room.height:  # it will scroll: the bar takes its width
        narrow = room.width - box.scroll_bar_width
        text, _ = _wrapped(content, measure, int(min(narrow, box.rect.width - 30)) - 8)
    return text


def html(text: str) -> str:
    """Plain text made safe for a pygame_gui text box (and a number kept with its unit)."""
    text = _NUMBER_GAP.sub("\u00a0", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class Builder:
    """Creates widgets and records what each button does.

    Widgets go into one pygame_gui container, placed relative to an origin:
    :meth:`at` gives a builder for a sub-rectangle of the same container (a
    card's contents over the card's panel), :meth:`within` one for a real
    child container (a scrolling list, a dialog). Keeping containers shallow
    matters: pygame_gui's cost of creating a widget grows steeply with how
    deeply it is nested.
    """

    def __init__(
        self, manager: pygame_gui.UIManager, container: Any = None, origin: tuple[int, int] = (0, 0)
    ) -> None:
        self.manager = manager
        self.container = container
        self.origin = origin
        self.callbacks: dict[Any, Callable[[], None]] = {}
        self.order: list[Any] = []  # Tab order: buttons and entries, as created
        self.full_text: dict[Any, str] = {}
        self.elements: list[Any] = []
        self._probes: dict[str | None, Any] = {}  # hidden labels that measure text (fits)

    def _share(self, child: Builder) -> Builder:
        child.callbacks = self.callbacks
        child.order = self.order
        child.full_text = self.full_text
        child.elements = self.elements
        return child

    def at(self, rect: pygame.Rect | tuple[int, int, int, int]) -> Builder:
        """A builder placing widgets relative to ``rect``'s corner, in the same container."""
        r = pygame.Rect(rect)
        return self._share(
            Builder(self.manager, self.container, (self.origin[0] + r.x, self.origin[1] + r.y))
        )

    def within(self, container: Any) -> Builder:
        """A builder for a child container (a scroller's inside, a dialog's panel)."""
        return self._share(Builder(self.manager, container))

    def kill(self) -> None:
        for el in self.elements:
            el.kill()
            self.full_text.pop(el, None)  # the scene's shared table must not keep them alive
        self.elements.clear()
        self.callbacks.clear()
        self.order.clear()

    def _rect(self, rect: pygame.Rect | tuple[int, int, int, int]) -> pygame.Rect:
        return pygame.Rect(rect).move(self.origin)

    def _keep(self, el: Any) -> Any:
        self.elements.append(el)
        return el

    def fits(self, width: int, text: str, object_id: str | None = None) -> bool:
        """Whether ``text`` shows whole on a label ``width`` wide, in the font the label's
        theme gives it."""
        return self.width_of(text, object_id) <= width - 2

    def width_of(self, text: str, object_id: str | None = None) -> int:
        """How wide ``text`` draws in the font the theme gives ``object_id`` (measured on
        a hidden label of that style, made once per style)."""
        probe = self._probes.get(object_id)
        if probe is None or not probe.alive():
            probe = self._probes[object_id] = self.label((0, 0, 8, 20), " ", object_id)
            probe.hide()
        return text_width(probe, text)

    def label(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        text: str,
        object_id: str | None = None,
        cls: str | None = None,
    ) -> UILabel:
        oid = pygame_gui.core.ObjectID(object_id=object_id, class_id=cls)
        with warnings.catch_warnings():
            # a too-long text is shortened just below; pygame_gui's warning would be noise
            warnings.simplefilter("ignore", UserWarning)
            el = UILabel(self._rect(rect), text or " ", self.manager, self.container, object_id=oid)
        self._keep(el)
        self.full_text[el] = text
        short = shorten(el, text)
        if short != text:  # cut short: the whole text shows when pointed at
            el.set_text(short)
            el.set_tooltip(html(text))
        return el

    def legend(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        parts: list[tuple[pygame.Surface | None, str]],
        object_id: str = "#small",
    ) -> None:
        """A chart's legend on one line: each name just after its key (a short stretch of
        the line it names, drawn as the chart draws it), or alone where it has none.

        Where the line is too short for all, the parts without a key (a heading) give
        way first; a name there is still no room for is cut short, and shows whole
        when pointed at.
        """
        r = pygame.Rect(rect)

        def width(key: pygame.Surface | None, text: str) -> int:
            return (key.get_width() + 3 if key is not None else 0) + self.width_of(text, object_id)

        if sum(width(*part) + 14 for part in parts) > r.w:
            parts = [part for part in parts if part[0] is not None] or parts
        x = r.x
        for key, text in parts:
            if r.right - x < 40:  # no room worth using: what is left is not shown cut to nothing
                break
            if key is not None:
                kw, kh = key.get_size()
                self.image((x, r.y + (r.h - kh) // 2, kw, kh), key)
                x += kw + 3
            el = self.label((x, r.y, r.right - x, r.h), text, object_id=object_id)
            w = min(r.right - x, text_width(el, el.text) + 6)
            el.set_dimensions((w, r.h))
            x += w + 8

    def tip(self, el: Any, tip: str) -> None:
        """Give a widget this builder made a tooltip; a label it cut short keeps its whole
        text at the tooltip's head."""
        whole = self.full_text.get(el, "")
        el.set_tooltip(html(f"{whole}\n{tip}" if whole and el.text != whole else tip))

    def button(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        text: str,
        on_press: Callable[[], None] | None = None,
        tip: str | None = None,
        object_id: str | None = None,
        enabled: bool = True,
    ) -> UIButton:
        el = UIButton(
            self._rect(rect),
            text,
            self.manager,
            self.container,
            tool_tip_text=html(tip) if tip else None,
            object_id=object_id,
        )
        self._keep(el)
        self.full_text[el] = text
        short = shorten(el, text)
        if short != text:
            el.set_text(short)
            if not tip:  # a button cut short shows its whole text when pointed at
                el.set_tooltip(html(text))
        if on_press is not None:
            self.callbacks[el] = on_press
        if enabled:
            self.order.append(el)
        else:
            el.disable()
        return el

    def entry(
        self, rect: pygame.Rect | tuple[int, int, int, int], text: str = "", tip: str | None = None
    ) -> UITextEntryLine:
        el = UITextEntryLine(self._rect(rect), self.manager, self.container, initial_text=text)
        self._keep(el)
        if tip:
            el.set_tooltip(html(tip))
        self.order.append(el)
        return el

    def text(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        content: str,
        raw: bool = False,
        object_id: str | None = None,
    ) -> UITextBox:
        """A text box: it wraps (Chinese by its own rules), and scrolls when the text is
        longer than the box."""
        body = content if raw else html(content)
        chinese = bool(_CJK_CHAR.search(body))
        box = UITextBox(
            "" if chinese else body,  # Chinese: laid out once, already wrapped (below)
            self._rect(rect),
            self.manager,
            container=self.container,
            object_id=object_id,
            allow_split_dashes=False,  # Chinese breaks between characters, never with a dash
        )
        if chinese:
            box.set_text(prewrapped(box, body))
            wrap_chinese(box)  # a guess of the height that missed is mended here
        return self._keep(box)

    def panel(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        object_id: str | None = None,
        layer: int = 1,
    ) -> UIPanel:
        return self._keep(
            UIPanel(
                self._rect(rect),
                starting_height=layer,
                manager=self.manager,
                container=self.container,
                object_id=object_id,
            )
        )

    def image(
        self, rect: pygame.Rect | tuple[int, int, int, int], surface: pygame.Surface
    ) -> UIImage:
        return self._keep(
            UIImage(self._rect(rect), surface, self.manager, container=self.container)
        )

    def scroller(self, rect: pygame.Rect | tuple[int, int, int, int], inner_height: int) -> Any:
        r = self._rect(rect)
        sc = UIScrollingContainer(r, self.manager, container=self.container, allow_scroll_x=False)
        sc.set_scrollable_area_dimensions((r.width - 20, inner_height))
        return self._keep(sc)
