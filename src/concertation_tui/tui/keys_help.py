"""F1: every key of the step, readable.

At 80x24 a side panel is a column of a few words per line (Textual's HelpPanel was about 28
characters wide, one word per line, with its own scroll key listed deep inside it). So:

- narrow terminals (under WIDE_FROM columns): F1 opens a full-screen page (`KeysPage`) with a search
  line (typing finds a key by its words), its own keys written at the top, Escape or F1 closes it;
- wide terminals (a projector, 160x45): a side panel (`KeysPanel`) beside the step, which keeps the
  focus where it was (the facilitator goes on typing), scrolled with shift+PgDn/PgUp.

Both list the same rows: the keys of the focused field or list, of the step (hidden ones too: the
footer shows only those that fit), then those of every step, with the words the footer uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static

from .early_keys import TakesKeysWhileOpening
from .lifetime import SkipsEventsWhenDetached
from .finding import folded
from .footer import step_keys
from .text import Localized, key, tr

WIDE_FROM = 120
"""Columns from which F1 is a side panel beside the step (the screen's -wide breakpoint)."""
PANEL_WIDTH = 52


@dataclass(frozen=True)
class KeyRow:
    group: str
    display: str
    words: str
    tooltip: str

    def matches(self, query: str) -> bool:
        wanted = folded(query).strip()
        return not wanted or all(part in folded(f"{self.display} {self.words} {self.tooltip}")
                                 for part in wanted.split())


def key_rows(screen: Screen) -> list[KeyRow]:
    """Every key of `screen` now (shown in the footer or not), grouped: the focused field's, the
    step's, then those of every step."""
    app = screen.app
    rows: list[KeyRow] = []
    step_title = getattr(screen, "BINDING_GROUP_TITLE", None) or tr("help.group_step")
    for found in step_keys(screen, shown_only=False):
        if found.node is app:
            group = tr("help.group_everywhere")
        elif found.node is screen:
            group = step_title
        else:
            group = getattr(found.node, "BINDING_GROUP_TITLE", None) or tr("help.group_here")
        rows.append(KeyRow(group, found.display, found.words, found.tooltip))
    order = {step_title: 1, tr("help.group_everywhere"): 2}
    return sorted(rows, key=lambda row: order.get(row.group, 0))  # sorted() is stable


def row_widgets(rows: list[KeyRow], extra: str = "") -> list[Static]:
    """The rows to show: a heading per group, each key in bold with its words, its longer
    explanation under it, indented (a wrapped explanation stays under its key)."""
    shown: list[Static] = []
    group = None
    for row in rows:
        if row.group != group:
            shown.append(Static(Content.assemble((row.group, "bold underline")), classes="keys-group"))
            group = row.group
        shown.append(Static(Content.assemble((f" {row.display} ", "bold reverse"), " ", (row.words, "bold")),
                            classes="keys-key"))
        if row.tooltip and row.tooltip != row.words:
            shown.append(Static(Content(row.tooltip), classes="keys-tip"))
    if extra:
        shown.append(Static(Content.assemble((extra, "italic")), classes="keys-group"))
    if not rows:
        shown.append(Static(Content(tr("help.no_match")), classes="keys-group"))
    return shown


ROWS_CSS = """
.keys-group { margin: 1 0 0 0; height: auto; }
.keys-key { height: auto; }
.keys-tip { height: auto; padding: 0 0 0 4; color: $text-muted; }
"""


def rows_text(box) -> str:
    """The rows in `box`, as plain text (tests)."""
    return "\n".join(str(widget.content) for widget in box.query(Static))


def screen_extra(screen: Screen) -> str:
    """A sentence about keys that are no bindings (typing to find in lists), where it applies."""
    return getattr(screen, "HELP_EXTRA", "") and tr(screen.HELP_EXTRA)  # type: ignore[attr-defined]


class KeysPage(SkipsEventsWhenDetached, TakesKeysWhileOpening, Localized, ModalScreen[None]):
    """F1 at 80x24: the whole screen, a search line, the keys of the step under it."""

    HIDE_FOREIGN_BINDINGS = True
    DEFAULT_CSS = """
    KeysPage { background: $background; }
    KeysPage #keys-page-box { width: 100%; height: 100%; padding: 0 1; }
    KeysPage #keys-page-title { height: 1; width: 100%; background: $panel; padding: 0 1; }
    KeysPage #keys-page-keys { height: auto; width: 100%; padding: 0 1; }
    KeysPage #keys-search { width: 100%; }
    KeysPage #keys-page-list { height: 1fr; }
    KeysPage #keys-page-list { padding: 0 1; }
    """ + ROWS_CSS
    BINDINGS = [
        key("escape", "close", "help_close"),
        key("down", "scroll(1)", "help_line_down", show=False),
        key("up", "scroll(-1)", "help_line_up", show=False),
        key("pagedown", "page(1)", "help_page_down", show=False),
        key("pageup", "page(-1)", "help_page_up", show=False),
    ]

    def __init__(self, step: Screen) -> None:
        super().__init__(id="keys-page")
        self._localize()
        self.rows = key_rows(step)
        self.extra = screen_extra(step)
        self.step_title = getattr(step, "BINDING_GROUP_TITLE", None) or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="keys-page-box"):
            yield Label(Content.assemble((tr("help.title", step=self.step_title) if self.step_title
                                          else tr("help.title_plain"), "bold")), id="keys-page-title")
            yield Static(Content(tr("help.page_keys")), id="keys-page-keys", classes="note")
            yield Input(placeholder=tr("help.search_placeholder"), id="keys-search", compact=True)
            with VerticalScroll(id="keys-page-list", can_focus=False):
                yield from row_widgets(self.rows, self.extra)

    def on_mount(self) -> None:
        search = self.query_one("#keys-search", Input)
        search.cursor_blink = False  # a steady cursor: no repaint twice a second over SSH, stable snapshots
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        shown = [row for row in self.rows if row.matches(event.value)]
        box = self.query_one("#keys-page-list", VerticalScroll)
        with self.app.batch_update():
            box.remove_children()
            box.mount_all(row_widgets(shown, self.extra if not event.value else ""))
        box.scroll_home(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        box = self.query_one("#keys-page-list", VerticalScroll)
        box.scroll_to(y=box.scroll_y + step, animate=False)

    def action_page(self, step: int) -> None:
        box = self.query_one("#keys-page-list", VerticalScroll)
        box.scroll_to(y=box.scroll_y + step * max(1, box.size.height - 1), animate=False)

    def text(self) -> str:
        """What the page lists now, as plain text (tests)."""
        return rows_text(self.query_one("#keys-page-list"))


class KeysPanel(Vertical):
    """F1 on a wide screen: the keys beside the step; the focus stays where it was."""

    DEFAULT_CSS = f"""
    KeysPanel {{
        split: right; width: {PANEL_WIDTH}; height: 100%;
        border-left: vkey $foreground 30%; padding: 0 1;
    }}
    KeysPanel:ansi {{ border-left: vkey ansi_bright_black; }}
    KeysPanel #keys-panel-title {{ height: 1; }}
    KeysPanel #keys-panel-keys {{ height: auto; padding: 0; }}
    KeysPanel #keys-panel-list {{ height: 1fr; }}
    """ + ROWS_CSS

    def __init__(self, step: Screen) -> None:
        super().__init__(id="keys-panel")
        self.step = step

    def compose(self) -> ComposeResult:
        yield Label(Content.assemble((tr("help.panel_title"), "bold")), id="keys-panel-title")
        yield Static(Content(tr("help.panel_keys")), classes="note", id="keys-panel-keys")
        with VerticalScroll(id="keys-panel-list", can_focus=False):
            yield from row_widgets(key_rows(self.step), screen_extra(self.step))

    def refresh_rows(self) -> None:
        box = self.query_one("#keys-panel-list", VerticalScroll)
        rows = key_rows(self.step)
        if rows == getattr(self, "_rows", None):
            return  # the same keys: nothing to rebuild (bindings are updated often)
        self._rows = rows
        with self.app.batch_update():
            box.remove_children()
            box.mount_all(row_widgets(rows, screen_extra(self.step)))

    def scroll_page(self, step: int) -> None:
        box = self.query_one("#keys-panel-list", VerticalScroll)
        box.scroll_to(y=box.scroll_y + step * max(1, box.size.height - 1), animate=False)

    def on_mount(self) -> None:
        self.step.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh_rows())
        # Mounted into a dialog (a modal screen over the step), the panel was drawn only at the
        # next key: lay the screen out again now.
        self.call_after_refresh(self.screen.refresh, layout=True)

    def on_unmount(self) -> None:
        self.step.bindings_updated_signal.unsubscribe(self)

    def text(self) -> str:
        return rows_text(self.query_one("#keys-panel-list"))


def toggle_keys_help(app) -> None:
    """F1: close the page or the panel if shown, else open the page (narrow) or the panel (wide)."""
    screen = app.screen
    if isinstance(screen, KeysPage):
        screen.dismiss(None)
        return
    panels = screen.query(KeysPanel)
    if panels:
        panels.remove()
        return
    if app.size.width >= WIDE_FROM:
        screen.mount(KeysPanel(screen))
    else:
        app.push_screen(KeysPage(screen))


def hide_keys_help(app) -> None:
    screen = app.screen
    if isinstance(screen, KeysPage):
        screen.dismiss(None)
    else:
        screen.query(KeysPanel).remove()


def keys_help_shown(app) -> bool:
    return isinstance(app.screen, KeysPage) or bool(app.screen.query(KeysPanel))


__all__ = ["KeysPage", "KeysPanel", "key_rows", "toggle_keys_help", "hide_keys_help", "keys_help_shown"]
