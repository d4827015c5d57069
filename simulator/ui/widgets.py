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
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import i18n  # type: ignore[import-untyped]  # pygame_gui's translations, python-i18n
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

from . import toolkit
from .typeset import CJK_CHAR, lines_that_fit, prewrapped, units, wrap_chinese

ELLIPSIS = "…"
BUTTON_PAD = 8  # the theme's text_horiz_alignment_padding for buttons


def _never_under_the_pointer(x: float, y: float) -> bool:
    return False


class Manager(pygame_gui.UIManager):
    """pygame_gui's manager, with tooltips that wrap the way Chinese does: between
    characters, never with a hyphen in a word ("建立信-／-任"), and that a click goes
    through: a tooltip shown below one row's button covers the next row's, and took
    the click meant for it (a player planned five drops and got four)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # Every manager adds pygame_gui's translations folder to python-i18n's search
        # path, which is one for the whole process, and every text with a dot in it
        # that is not one of pygame_gui's own keys ("Mr. Wang", "¥1.2M") is looked for
        # in each folder on that path, on disk, each time a widget is made: the window
        # opened again in one process (a new game, the tests) made every widget slower
        # than the last. The folder is searched once however many managers there are.
        i18n.load_path[:] = list(dict.fromkeys(i18n.load_path))
        toolkit.adjust(self)  # less work for the same pixels

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
    return cut_to_fit(text, lambda t: text_width(element, t) <= width)


# each scrolling list, by the container its rows are made in (the list held weakly too:
# it holds its container, and a list held here kept itself and every row alive for good)
_SCROLLERS: weakref.WeakKeyDictionary[Any, weakref.ref[Any]] = weakref.WeakKeyDictionary()
# a list of rows of one height (the Quotas tab's), by its scroller: the height
_ROW_HEIGHTS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def _scrollable(sc: Any, inner_height: int) -> None:
    """Make the scroller ``sc`` this tall inside, its bar's arrows drawn. The toolkit
    lays a scroll bar's arrows out when the bar is made, before the scroller knows it
    needs one (and gives the bar no width): the ▲ and ▼ were laid out in no room and
    never drawn, and the bar was hard to make out as one."""
    sc.set_scrollable_area_dimensions((sc.rect.width - 20, inner_height))
    bar = sc.vert_scroll_bar
    if bar is not None:
        for arrow in (bar.top_button, bar.bottom_button):
            if arrow is not None and arrow.rect.width > 0:
                arrow.rebuild()


def scroll_into_view(element: Any) -> None:
    """Scroll the list ``element`` is in (if it is in one) as little as shows it whole:
    a field reached with Tab is a field the player can see. In a list of rows of one
    height, it is the field's whole row that is shown (a field's record, on a second
    line under its name, was cut at the list's foot)."""
    held = _SCROLLERS.get(getattr(element, "ui_container", None))
    sc = held() if held is not None else None
    if sc is None or not sc.alive() or sc.vert_scroll_bar is None:
        return
    bar = sc.vert_scroll_bar
    inner, view = sc.get_container().get_rect(), sc.rect
    top = element.rect.top - inner.top  # where it is in the list, and where the view is
    height = element.rect.height
    row = _ROW_HEIGHTS.get(sc)
    if row:  # from its row's top to its row's foot
        bottom = -(-(top + height) // row) * row
        top = top // row * row
        height = bottom - top
    shown = view.top - inner.top
    if top < shown:
        shown = top
    elif top + height > shown + view.height:
        shown = top + height - view.height
    else:
        return
    bar.set_scroll_from_start_percentage(shown / inner.height)


def shorten_keeping(element: Any, text: str, tail: str) -> str:
    """``text`` cut with an ellipsis so that it and ``tail`` after it fit ``element``: the
    tail (a reason, say) is read whole, the text gives way."""
    width = room(element)
    return cut_to_fit(text, lambda t: text_width(element, t + tail) <= width) + tail


PART = " · "  # between the parts of a one-line choice: a deal, its value, its stage…


def shorten_parts(element: Any, text: str) -> str:
    """``text``, a line of parts (``PART`` between them, the most needed first), fitted to
    ``element`` by its last parts giving way: the last is cut after a whole word (an
    ellipsis for what is left out) or, with no room for even that, goes; the parts
    before it stay whole. A deal's name, value and stage are read whole, and a note
    after them says as much of itself as there is room for."""
    width = room(element)

    def fits(t: str) -> bool:
        return text_width(element, t) <= width

    if fits(text):
        return text
    parts = text.split(PART)
    while len(parts) > 1:
        head = PART.join(parts[:-1]) + PART
        cut = cut_at_word(parts.pop(), partial(_fits_after, fits, head))
        if cut is not None:
            return head + cut
    whole = parts[0]
    return cut_at_word(whole, fits) or cut_to_fit(whole, fits)


def _fits_after(fits: Callable[[str], bool], head: str, text: str) -> bool:
    return fits(head + text)


def cut_at_word(text: str, fits: Callable[[str], bool]) -> str | None:
    """The longest start of ``text`` that ends at a whole word (a Chinese line's break:
    :func:`typeset.units`) and fits with an ellipsis after it; ``text`` whole where it
    fits; None where not even the ellipsis fits."""
    if fits(text):
        return text
    pieces = units(text)
    best = None
    for n in range(len(pieces)):
        start = "".join(pieces[:n]).rstrip()
        if not fits(start + ELLIPSIS):
            break
        best = start + ELLIPSIS
    return best


def cut_to_fit(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` whole where ``fits`` says it does; else its longest start that fits with
    an ellipsis after it."""
    if fits(text):
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(text[:mid].rstrip() + ELLIPSIS):
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


# a space between a number and a Chinese character ("第 5 周", "1 小时"), or before a
# count ("法务/财务 ×1"): a line never breaks there (a no-break space), so a number stays
# with its unit and a count with what it counts
_NUMBER_GAP = re.compile(
    "(?<=[0-9%])[ ](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ ](?=[0-9¥])|[ ](?=×[0-9])"
)


def html(text: str) -> str:
    """Plain text made safe for a pygame_gui text box (and a number kept with its unit)."""
    text = _NUMBER_GAP.sub("\u00a0", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def _set_chinese(box: UITextBox, body: str) -> None:
    """Give the empty text box ``box`` its Chinese ``body``, wrapped by Chinese rules
    before it is laid out (:func:`~.typeset.prewrapped`)."""
    box.set_text(prewrapped(box, body))
    wrap_chinese(box)  # a guess of the height that missed is mended here


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

    def label_fitting(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        texts: Sequence[str],
        object_id: str | None = None,
        cls: str | None = None,
    ) -> UILabel:
        """A label saying the first of ``texts`` (longest first) that fits it whole, or
        the last, cut; whenever it says less than the first, the first shows when
        pointed at. For words that have a shorter way to be said in a narrow window."""
        width = pygame.Rect(rect).width
        words = next((t for t in texts if self.fits(width, t, object_id)), texts[-1])
        el = self.label(rect, words, object_id, cls)
        if words != texts[0]:
            el.set_tooltip(html(texts[0]))
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
            # a button cut short shows its whole text when pointed at (above its own tip: an
            # answer's tip told its cost, and the rest of the answer was nowhere)
            el.set_tooltip(html(f"{text}\n{tip}" if tip else text))
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
        chinese = bool(CJK_CHAR.search(body))
        box = UITextBox(
            "" if chinese else body,  # Chinese: laid out once, already wrapped (below)
            self._rect(rect),
            self.manager,
            container=self.container,
            object_id=object_id,
            allow_split_dashes=False,  # Chinese breaks between characters, never with a dash
        )
        if chinese:
            _set_chinese(box, body)
        return self._keep(box)

    def text_of_lines(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        lines: list[str],
        more: Callable[[int], str],
    ) -> UITextBox:
        """A text box of ``lines`` (each already marked up), as many whole ones as its room
        shows, then ``more(n)`` saying that ``n`` are left out: a box that never scrolls
        (last week's news beside the plan, whose whole report is a click away). A text box
        given more than it can show lays it all out twice, the second time narrower beside
        its bar; here its rows are counted from its font first and it is laid out once."""
        box = UITextBox(
            "",
            self._rect(rect),
            self.manager,
            container=self.container,
            allow_split_dashes=False,
        )
        k = lines_that_fit(box, lines, more)
        body = "<br>".join(lines[:k] + ([more(len(lines) - k)] if k < len(lines) else []))
        if CJK_CHAR.search(body):
            _set_chinese(box, body)
        else:
            box.set_text(body)
        return self._keep(box)

    def long_text(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        content: str,
        raw: bool = False,
    ) -> UITextBox:
        """A text that may well be longer than its room (a week's report): a box as tall
        as its text, in a scroller beside its bar. A text box that finds its text too long
        lays it all out and draws it again, narrower, beside a scroll bar of its own: a
        long report took both, the week's end its longest frame. Laid out once here, a
        bar's width in from the right whether or not it scrolls."""
        r = pygame.Rect(rect)
        sc = self.scroller(r, r.h)
        box = self.within(sc).text((0, 0, r.w - 20, -1), content, raw=raw)
        _scrollable(sc, max(r.h, int(box.rect.height)))
        return box

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

    def scroller(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        inner_height: int,
        row_height: int | None = None,
    ) -> Any:
        """A list that scrolls up and down (``inner_height`` tall in all); with
        ``row_height``, a list of rows that tall: Tab to a field in it shows its row whole."""
        r = self._rect(rect)
        sc = UIScrollingContainer(r, self.manager, container=self.container, allow_scroll_x=False)
        _scrollable(sc, inner_height)
        _SCROLLERS[sc.get_container()] = weakref.ref(sc)
        if row_height:
            _ROW_HEIGHTS[sc] = row_height
        return self._keep(sc)
