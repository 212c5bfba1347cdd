"""Widgets shared by the screens: the top bar, banners, lists and tables that hide Textual's English
key descriptions from the help panel, and the short typing area (Enter records, it grows a little)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.containers import Vertical
from textual.geometry import Size
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from rich.segment import Segment
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    OptionList,
    RadioButton,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from .finding import TypedSearch, find_match, plain_text
from .host import meeting_app
from .text import KEY_PREFIX, TIP_PREFIX, Localized, tr

PHASES = ("prepare", "open", "live", "actions", "close")
PHASE_KEYS = {"prepare": "F2", "open": "F3", "live": "F4", "actions": "F5", "close": "F6"}


class AppBar(Widget):
    """First line: the steps with their F-key (the current one bracketed and bold), and the save state.

    One widget that draws itself at its own width (no labels side by side): a new save state only
    repaints the line, it never waits for a layout. A step covered by a dialog is not laid out again
    while the dialog is up, and a label sized for « à jour » then showed « enreg. » without its time.

    The line always fits (80 columns included): the first of `FORMS` that fits is drawn, from the
    whole names and the long save words down to the keys alone beside the current step's name."""

    COMPONENT_CLASSES = {"app-bar--state", "app-bar--failed"}

    FORMS = (("full", "long"), ("full", "short"), ("full", "shorter"), ("short", "short"),
             ("short", "shorter"), ("keys", "short"), ("keys", "shorter"))
    """(steps, save state) from the most complete to the most compact."""

    def __init__(self, current: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = current
        self._state_text = ""
        self._failed = False

    def _tabs(self, form: str = "full") -> Content:
        """The steps: `full` names, `short` names but the current one's, or `keys` alone but the current."""
        parts: list[Content | str | tuple[str, str]] = []
        for phase in PHASES:
            if parts:
                parts.append(" ")
            if phase == self.current:
                parts.append((f"[{PHASE_KEYS[phase]} {tr('phase.' + phase)}]", "bold reverse"))
            elif form == "keys":
                parts.append(PHASE_KEYS[phase])
            else:
                name = tr(("phase_short." if form == "short" else "phase.") + phase)
                parts.append(f"{PHASE_KEYS[phase]} {name}")
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.update_save_state()

    def update_save_state(self) -> None:
        host = meeting_app(self.app)
        failed = bool(host and host.save_error)
        shown = (failed, host.save_state_text("long") if host else "")
        if shown != self._shown:  # a redraw of the bar only when its words change (typing saves often)
            self._shown = shown
            self._failed = failed
            self.refresh()

    def _state(self, form: str) -> str:
        host = meeting_app(self.app)
        return host.save_state_text(form) if host else ""

    def line(self, width: int) -> Content:
        """The bar at `width` columns: the first form that fits, steps left and save state right."""
        chosen: tuple[Content, str] | None = None
        for tabs_form, state_form in self.FORMS:
            tabs, state = self._tabs(tabs_form), self._state(state_form)
            chosen = (tabs, state)
            if tabs.cell_length + (len(state) + 2 if state else 0) <= width:
                break
        assert chosen is not None
        tabs, state = chosen
        if not state:
            return tabs
        room = width - len(state) - 2
        if tabs.cell_length > room:  # a view's long title: the title is cut, never the save state
            tabs = tabs.truncate(max(1, room - 1), ellipsis=True)
        style = self.get_visual_style("app-bar--failed" if self._failed else "app-bar--state")
        gap = max(0, width - tabs.cell_length - len(state) - 2)
        return Content.assemble(tabs, " " * gap, (f" {state} ", style))

    def render(self) -> Content:
        return self.line(self.size.width or self.app.size.width)

    def on_resize(self) -> None:
        self.refresh()

    _shown: tuple[bool, str] | None = None
    """The save state last drawn, failed or not (None: not drawn yet)."""


class Box(Vertical):
    """A bordered box that tells its screen when its size changes (tables fit their columns to it)."""

    class Resized(Message):
        def __init__(self, box: Box) -> None:
            super().__init__()
            self.box = box

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self))


class Banner(Static):
    """A line of warning under the top bar (read-only, save failure); hidden when empty."""

    _text: str | None = None

    def show(self, text: str) -> None:
        """Show `text`, or hide the line when empty. Unchanged text changes nothing: an update lays the
        whole screen out again (and each save asks the banners to show their state)."""
        if text == self._text:
            return
        self._text = text
        self.update(Content(text))
        self.display = bool(text)


class Table(Localized, DataTable):
    """DataTable with row cursor; its own (English) key descriptions hidden from the help panel.

    Finding a row by typing: in a table single letters are the step's commands (a to add, e to edit),
    so « / » starts a search first; then the letters typed go to the search (« /an » finds Anne, by the
    same rule as the drop-downs: finding.py), shown under the table, until Enter (which then does what
    Enter does on the row found), Escape, an arrow or Tab."""

    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [Binding("slash", "find", KEY_PREFIX + "find_row", key_display="/", tooltip=TIP_PREFIX + "find_row",
                        id="find-row")]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", False)
        super().__init__(**kwargs)
        self._localize()
        self.finding = False
        self._query = ""

    @property
    def find_column(self) -> int:
        """The column searched: the first one whose cells are words (not an order number or a mark)."""
        for index in range(len(self.columns)):
            texts = [plain_text(self.get_cell_at(Coordinate(row, index))) for row in range(min(self.row_count, 8))]
            if any(any(c.isalpha() for c in text) for text in texts):
                return index
        return 0

    def action_find(self) -> None:
        if self.cursor_type != "row" or not self.row_count:
            self.app.bell()
            return
        self.finding = True
        self._query = ""
        self._show_query()

    def stop_finding(self) -> None:
        if self.finding:
            self.finding = False
            self._query = ""
            self._show_query()

    def _show_query(self) -> None:
        self.set_class(self.finding, "-finding")
        self.border_subtitle = tr("table.finding", query=self._query) if self.finding else ""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return self.finding and character is not None and character.isprintable()

    async def _on_key(self, event: events.Key) -> None:
        if not self.finding:
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            if event.character == " " and not self._query:
                return
            self._query += event.character
            column = self.find_column
            texts = [plain_text(self.get_cell_at(Coordinate(row, column))) for row in range(self.row_count)]
            index = find_match(texts, self._query, self.cursor_row if len(set(self._query)) == 1 else None)
            if index is not None:
                self.keep_row(index)
            else:
                self.app.bell()
            self._show_query()
            return
        if event.key == "backspace":
            event.stop()
            event.prevent_default()
            self._query = self._query[:-1]
            self._show_query()
            return
        if event.key == "escape":
            event.stop()
            event.prevent_default()
        self.stop_finding()  # Enter, arrows, Tab: the search ends and the key does what it does

    def on_blur(self, event: events.Blur) -> None:
        self.stop_finding()

    def action_scroll_home(self) -> None:
        """Home goes to the first row (a row table: nothing to scroll sideways to)."""
        if self.cursor_type == "row" and self.row_count:
            self.keep_row(0)
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        """End goes to the last row."""
        if self.cursor_type == "row" and self.row_count:
            self.keep_row(self.row_count - 1)
        else:
            super().action_scroll_end()

    def keep_row(self, row: int) -> None:
        if self.row_count:
            self.move_cursor(row=max(0, min(row, self.row_count - 1)), animate=False)

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001 - an empty or shrinking table
            return None
        return key.value if key is not None else None

    def row_of(self, key: str) -> int | None:
        try:
            return self.get_row_index(key)
        except Exception:  # noqa: BLE001 - RowDoesNotExist
            return None


def _highlight_first(options: OptionList) -> None:
    if options.highlighted is not None or not options.option_count:
        return
    for index in range(options.option_count):
        if not options.get_option_at_index(index).disabled:
            options.highlighted = index
            return


WRAP_ALL_UP_TO = 200
"""A list of up to this many options is wrapped whole, as Textual does; a longer one only as far as it
is shown (see `Choices._update_lines`)."""
WRAP_AHEAD = 2
"""Screens of lines wrapped beyond the one shown (Page Down then finds its lines ready)."""


class Choices(Localized, OptionList):
    """An OptionList that wraps only what is shown, whatever the length of the list.

    Textual 8.2.8 wraps every option of a list to know its height (`OptionList._update_lines`) when the
    list is filled, resized or shown: at the very large size the rereading's 6,000 lines, and the 400 to
    1,700 findings and actions of the other steps, cost seconds of CPU at each step's first drawing.
    Here a long list wraps its options only down to the screen after the one shown (and to the
    highlighted option); the rest count one line each in the scroll bar until they are reached, by the
    arrows, Page Down, End, the mouse wheel or `scroll_end`. Every option stays reachable."""

    HIDE_FOREIGN_BINDINGS = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._localize()
        self._wrap_to_end = False

    def set_options(self, options):
        self._wrap_to_end = False
        return super().set_options(options)

    def scroll_end(self, *args, **kwargs) -> None:
        self._wrap_to_end = True  # the true end, not the estimated one
        self._update_lines()
        super().scroll_end(*args, **kwargs)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """A list of auto height (with a max-height) is measured only as far as a screen can show: Textual
        wraps every option to add up their heights (a second at the close step's findings of a very
        large meeting). A longer list scrolls in its own box, every option still reachable."""
        if len(self.options) <= WRAP_ALL_UP_TO:
            return super().get_content_height(container, viewport, width)
        limit = max(container.height, viewport.height)
        padding = self.get_component_styles("option-list--option").padding.width
        height = 0
        for option in self.options:
            height += self._get_visual(option).get_height(self.styles, width - padding) + option._divider
            if height > limit:
                break
        return height

    def _update_lines(self) -> None:
        """Textual's own (widgets/_option_list.py, 8.2.8), stopping at what is needed (see the class)."""
        region = self.scrollable_content_region
        if not region:
            return
        options = self.options
        cache = self._line_cache
        lines = cache.lines
        index = lines[-1][0] + 1 if lines else 0
        width = region.width - self._get_left_gutter_width()
        if index < len(options):
            lazy = len(options) > WRAP_ALL_UP_TO and not self._wrap_to_end
            lines_wanted = self.scroll_offset.y + region.height * (1 + WRAP_AHEAD)
            index_wanted = (self.highlighted or 0) + region.height
            padding = self.get_component_styles("option-list--option").padding
            get_visual = self._get_visual
            while index < len(options):
                if lazy and len(lines) >= lines_wanted and index > index_wanted:
                    break
                option = options[index]
                cache.index_to_line[index] = len(lines)
                count = get_visual(option).get_height(self.styles, width - padding.width) + option._divider
                cache.heights[index] = count
                lines.extend([(index, line) for line in range(count)])
                index += 1
        not_wrapped = len(options) - index  # one line each until wrapped
        last_divider = options and options[-1]._divider and not not_wrapped
        virtual_size = Size(width, len(lines) + not_wrapped - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def action_cursor_down(self) -> None:
        if not self._scroll_within_highlighted(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._scroll_within_highlighted(-1):
            super().action_cursor_up()

    def _scroll_within_highlighted(self, direction: int) -> bool:
        """An option taller than the list's box (a long note with its warnings, F12 at 80x24) is read with
        the arrows too: ↓ scrolls it to its last line before moving on, ↑ back to its first. Textual
        moved to the next option at once, and what the box could not show was never seen."""
        index = self.highlighted
        if index is None:
            return False
        top, height = self._index_to_line.get(index), self._heights.get(index)
        view = self.scrollable_content_region.height
        if top is None or height is None or height <= view or view < 2:
            return False
        y = round(self.scroll_offset.y)
        if direction > 0 and top + height > y + view:
            self.scroll_to(y=min(y + view - 1, top + height - view), animate=False, immediate=True)
            return True
        if direction < 0 and top < y:
            self.scroll_to(y=max(y - (view - 1), top), animate=False, immediate=True)
            return True
        return False

    def current_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def on_focus(self, event: events.Focus) -> None:
        """Focused with nothing highlighted: the first row is, so Space or Enter act on what is shown."""
        _highlight_first(self)


class Picks(Localized, SelectionList):
    """SelectionList whose ticked lines show an X and the others a blank: not told by colour alone.

    With `type_to_find` (in forms, where letters are no keys), typing the start of a line moves to it
    (finding.py); Space ticks it."""

    HIDE_FOREIGN_BINDINGS = True

    def __init__(self, *args, type_to_find: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._localize()
        self.type_to_find = type_to_find
        self._search = TypedSearch()

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return self.type_to_find and character is not None and character.isprintable() and not character.isdigit()

    async def _on_key(self, event: events.Key) -> None:
        # Digits are left to the screen (F2's tabs 1-5): no name or domain starts with one.
        if not self.type_to_find or not event.is_printable or not event.character or event.character.isdigit():
            return
        if event.character == " ":
            return  # Space ticks the line found (the list's own key), also right after typing
        event.stop()
        event.prevent_default()
        query = self._search.add(event.character, event.time)
        texts = [plain_text(self.get_option_at_index(n).prompt) for n in range(self.option_count)]
        index = find_match(texts, query, self.highlighted)
        if index is not None:
            self.highlighted = index
        else:
            self.app.bell()

    def on_focus(self, event: events.Focus) -> None:
        """Focused with nothing highlighted: the first row is, so Space or Enter act on what is shown."""
        _highlight_first(self)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 4 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value not in self.selected:
            segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, strip.cell_length)


class _Marked:
    """A toggle whose state is drawn by a glyph (on) or a blank (off), not by colour alone."""

    ON = "X"

    @property
    def _button(self) -> Content:
        button_style = self.get_visual_style("toggle--button")  # type: ignore[attr-defined]
        side_style = VisualStyle(foreground=button_style.background,
                                 background=self.background_colors[1])  # type: ignore[attr-defined]
        return Content.assemble(
            (self.BUTTON_LEFT, side_style),  # type: ignore[attr-defined]
            (self.ON if self.value else " ", button_style),  # type: ignore[attr-defined]
            (self.BUTTON_RIGHT, side_style),  # type: ignore[attr-defined]
        )


class Tick(_Marked, Checkbox):
    ON = "X"


class Choice(_Marked, RadioButton):
    ON = "●"


class Field(Localized, Input):
    HIDE_FOREIGN_BINDINGS = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._localize()
        self.BINDING_GROUP_TITLE = tr("field.help_title")  # the help panel's heading (Textual says "Input")
        self.cursor_blink = False  # steady, as in the typing area: no repaint twice a second over SSH


class ShortText(Localized, TextArea):
    """A few rows of text that grow with what is typed; Enter (and ctrl+s) records, Tab leaves.

    Over SSH every keystroke repaints the whole focused widget: a short area keeps that small.
    """

    HIDE_FOREIGN_BINDINGS = True

    class Submitted(Message):
        def __init__(self, area: ShortText, text: str = "") -> None:
            super().__init__()
            self.area = area
            self.text = text
            """The area's text when Enter was pressed (later keys may have changed the area since)."""

        @property
        def control(self) -> ShortText:
            return self.area

    class Refused(Message):
        """A letter typed into an area that may not be written in (`read_only`): the screen says why
        at once, instead of at Enter after a whole contribution was typed for nothing."""

        def __init__(self, area: ShortText) -> None:
            super().__init__()
            self.area = area

        @property
        def control(self) -> ShortText:
            return self.area

    def __init__(self, text: str = "", *, submit_keys: tuple[str, ...] = ("enter",),
                 clear_on_submit: bool = False, **kwargs) -> None:
        """`submit_keys` post Submitted with the text as it is at that key; with `clear_on_submit`
        the area empties at once, so keys typed right after go to the next note."""
        self.submit_keys = submit_keys
        self.clear_on_submit = clear_on_submit
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("compact", True)
        super().__init__(text, **kwargs)
        self._localize()
        # A blinking cursor repaints the whole area twice a second: bytes on an SSH link for
        # nothing, and a screen that never rests. The steady cursor shows where one types.
        self.cursor_blink = False

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only and event.is_printable:
            # Textual's read-only area lets the letter go on to the screen's keys (« p » would mark
            # someone present): it is refused here, and said.
            event.stop()
            event.prevent_default()
            self.post_message(self.Refused(self))
            return
        if event.key in self.submit_keys:
            event.stop()
            event.prevent_default()
            text = self.text
            if self.clear_on_submit and text:
                self.text = ""
            # Straight to the screen (not through this area's own queue, where it would wait
            # behind the keys and actions typed after it).
            self.screen.post_message(self.Submitted(self, text))
            return
        await super()._on_key(event)
