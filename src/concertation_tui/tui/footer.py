"""The footer: the step's keys that fit, whole, by priority; the others one key away (F1).

Textual's Footer lays every key out in a row and lets the terminal cut it: at 80 columns the
preparation step read « o Questi▏ », and the written-contribution key was found only in the palette.
Here a key is shown whole or not at all, the step's own keys first (in the order the screen gives in
FOOTER_ORDER, else as bound), then the keys of every step; the last place, on the right, always
goes to F1, which says « Autres touches » when some keys did not fit, and opens the page listing
them all (keys_help.py).

A key's words may depend on the state (ctrl+t starts, pauses or resumes the meeting): the screen
says them in `binding_words()`, and the footer, F1 and the step's own hints use the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from .text import Localized, tr

HELP_ACTION = "toggle_help"
"""The action of the key that shows the others (F1)."""

KEY_PADDING = 3
"""Cells a footer key takes besides its key and words: a space each side of the key, one after the words."""
MORE_EXTRA = 1
"""The line that sets the F1 key apart, on the right."""


@dataclass(frozen=True)
class ShownKey:
    key: str
    """The key as Textual names it (to press it)."""
    display: str
    """The key as shown (« ^t », « f7 »)."""
    words: str
    action: str
    enabled: bool
    tooltip: str
    node: DOMNode

    @property
    def width(self) -> int:
        return cell_len(self.display) + cell_len(self.words) + KEY_PADDING


def binding_words(screen, binding: Binding) -> str:
    """The words of a key now: the screen's own for the state it is in, else the binding's."""
    words = getattr(screen, "binding_words", None)
    found = words(binding.action) if words is not None else None
    return found or binding.description


def _bindings_of(screen, *, every: bool):
    """(node, binding, enabled, tooltip) of the keys that work now; with `every`, also a step's key
    that the focused list takes first (Enter on the launcher's list opens the meeting all the same)."""
    app = screen.app
    if not every:
        for active in screen.active_bindings.values():
            yield active.node, active.binding, active.enabled, active.tooltip
    else:
        for node, bindings in screen._modal_binding_chain:
            for _key, binding in bindings:
                state = app._check_action_state(binding.action, node)
                if state is not False:
                    yield node, binding, bool(state), binding.tooltip
    if screen.is_modal:
        # A dialog's chain stops at the dialog, but the app's priority keys work there all the same
        # (F1, F8, ctrl+q: Textual looks for priority keys along the whole chain).
        for _key, binding in app._bindings:
            if binding.priority:
                state = app._check_action_state(binding.action, app)
                if state is not False:
                    yield app, binding, bool(state), binding.tooltip


def step_keys(screen, *, shown_only: bool = True) -> list[ShownKey]:
    """The keys of `screen` as they are now, one per action, the step's own first (FOOTER_ORDER,
    then as bound), then the app's; keys with no words (Textual's own) are left out."""
    app = screen.app
    seen: set[tuple[int, str]] = set()
    found: list[tuple[tuple[int, int, int], ShownKey]] = []
    order = list(getattr(screen, "FOOTER_ORDER", ()))
    declared: dict[int, dict[str, int]] = {}  # per node: each action's place in its BINDINGS
    nearer: set[str] = set()  # keys a widget or the step binds: the app's same key never runs there
    for node, binding, enabled, tooltip in _bindings_of(screen, every=not shown_only):
        if node is app and not binding.priority and binding.key in nearer:
            continue  # F7 is the live step's own; the app's F7 serves the steps without one
        if node is not app:
            nearer.add(binding.key)
        if binding.system or not binding.description or (shown_only and not binding.show):
            continue
        if node is not app and node is not screen and not isinstance(node, Localized):
            continue  # Textual's own widgets (a scrolling box): English words, its usual keys
        marker = (id(node), binding.action)
        if marker in seen:
            continue
        seen.add(marker)
        shown = ShownKey(binding.key, app.get_key_display(binding), binding_words(screen, binding),
                         binding.action, enabled, tooltip or binding.tooltip, node)
        ranked = order.index(binding.action) if binding.action in order else len(order)
        if id(node) not in declared:
            declared[id(node)] = {}
            for _key, bound in node._bindings:
                declared[id(node)].setdefault(bound.action, len(declared[id(node)]))
        position = declared[id(node)].get(binding.action, 0)
        found.append(((ranked, 1 if node is app else 0, position), shown))
    return [shown for _rank, shown in sorted(found, key=lambda pair: pair[0])]


def fit(keys: Iterable[ShownKey], width: int) -> tuple[list[ShownKey], list[ShownKey]]:
    """The keys that fit whole in `width` cells, in order, and those left out (a key that does not
    fit is skipped, a shorter one after it may still fit)."""
    shown: list[ShownKey] = []
    left: list[ShownKey] = []
    used = 0
    for key in keys:
        if used + key.width <= width:
            shown.append(key)
            used += key.width
        else:
            left.append(key)
    return shown, left


class FittedFooter(Footer):
    """The footer of every step and form: whole keys only, F1 on the right for the rest."""

    DEFAULT_CSS = """
    FittedFooter FooterKey.-more {
        dock: right;
        border-left: vkey $foreground 20%;
    }
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("show_command_palette", False)
        super().__init__(**kwargs)
        self._laid_out_for = 0
        self.hidden_keys: list[ShownKey] = []
        """The keys that did not fit (F1 lists them)."""
        self._shown_plan: tuple | None = None
        """What the keys shown were made from (see `_plan`): None before the first keys."""
        self._check_pending = False

    def _plan(self) -> tuple[int, tuple, list[ShownKey]]:
        """(the width, what each key shows: key, display, words, action, enabled, tooltip, classes; the
        keys left out) for the screen's keys as they are now."""
        screen = self.screen
        width = self.size.width or self.app.size.width
        keys = step_keys(screen)
        more = next((k for k in keys if k.action in (HELP_ACTION, f"app.{HELP_ACTION}")), None)
        keys = [k for k in keys if k is not more]
        # room for the F1 key with its longer words, so that it never pushes a key out once shown
        more_width = cell_len(more.display) + cell_len(tr("footer.more")) + KEY_PADDING + MORE_EXTRA if more else 0
        room = width - max(more_width, (more.width + MORE_EXTRA) if more else 0)
        shown, hidden = fit(keys, room)
        plan = [(key.key, key.display, key.words, key.action, key.enabled, key.tooltip, "") for key in shown]
        if more is not None:
            words = tr("footer.more") if hidden else more.words
            plan.append((more.key, more.display, words, more.action, True, more.tooltip, "-more"))
        return width, tuple(plan), hidden

    def compose(self):
        if not self._bindings_ready:
            return
        self._laid_out_for, plan, self.hidden_keys = self._plan()
        self._shown_plan = plan
        for key, display, words, action, enabled, tooltip, classes in plan:
            yield self._styled(FooterKey(key, display, words, action, disabled=not enabled, tooltip=tooltip,
                                         classes=classes))

    def bindings_changed(self, screen) -> None:
        """The screen's keys may have changed (a focus moved, a step shown, a state that changes a
        key's words): the keys are made again only if what they show changed, once for any number of
        such signals in a row (a screen that opens moves its focus two or three times)."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._check_soon()

    def _styled(self, key: FooterKey) -> FooterKey:
        """The key in the footer's compact style, set once, before it is mounted, rather than bound.

        Made in the footer's style at once: a key is made compact (Textual's default) and then bound to
        the footer's, and each change restyled it (two restyles of every key each time the keys were
        made). And not bound (`data_bind`): the binding is a watcher kept in the footer's list, dropped
        only when `compact` changes, which never happens here, so every key the footer ever had stayed
        alive through it (about 200 after one round of the steps, more with every Tab of the meeting).
        A change of `compact` composes the footer again instead."""
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)
        return key

    def watch_compact(self, compact: bool) -> None:
        if self.is_mounted:
            self.call_after_refresh(self.recompose)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._laid_out_for:
            self._check_soon()

    def _check_soon(self) -> None:
        if not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._remake_if_changed)

    async def _remake_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        width, plan, hidden = self._plan()
        if plan != self._shown_plan or width != self._laid_out_for:
            await self.recompose()
        else:
            self.hidden_keys = hidden  # the same keys shown, F1's list of the others kept up to date

    def shown_text(self) -> str:
        """The footer as read (tests)."""
        return "  ".join(f"{key.key_display} {key.description}".strip() for key in self.query(FooterKey))
