"""The command palette (ctrl+p): every action of the current screen and of the app, by its words.

Built from the screen's active bindings, so a new key is in the palette the day it is bound, with
the same words as in the footer and F1, and disabled keys are left out. Actions that have no key of
their own (Enter on a line of a list: edit a note, go to an item) are offered by the screen's
`palette_commands()`. The themes are named in the interface's language (`ThemeCommands`).
"""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from .footer import binding_words
from .text import tr

THEME_WORDS = {
    "textual-dark": "theme.dark", "textual-light": "theme.light", "high-contrast": "theme.high_contrast",
    "ansi-dark": "theme.ansi_dark", "ansi-light": "theme.ansi_light",
}
"""Our words for the themes a facilitator needs; Textual's other themes are offered by their names."""


def theme_label(name: str) -> str:
    return tr(THEME_WORDS[name]) if name in THEME_WORDS else tr("theme.other", name=name)


class ThemeCommands(Provider):
    """The themes, named in French: « Contraste élevé », not « high-contrast »; ours first."""

    def _themes(self) -> list[tuple[str, str, object]]:
        app = self.app
        names = sorted(app.available_themes, key=lambda n: (n not in THEME_WORDS, list(THEME_WORDS).index(n)
                                                            if n in THEME_WORDS else 0, n))

        def use(name: str) -> None:
            app.theme = name

        found = []
        for name in names:
            words = theme_label(name)
            if name == app.theme:
                words += " " + tr("theme.current")
            found.append((words, tr("theme.help", name=name), partial(use, name)))
        return found

    async def discover(self) -> Hits:
        for words, help_text, run in self._themes():
            yield DiscoveryHit(words, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for words, help_text, run in self._themes():
            score = max(matcher.match(words), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(words), run, text=words, help=help_text)


class Palette(CommandPalette):
    """The command palette in the interface's language (Textual's own words are English)."""

    def __init__(self, *, providers=None, placeholder: str = "") -> None:
        super().__init__(providers=providers, id="--command-palette",
                         placeholder=placeholder or tr("palette.placeholder"))

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2.8's own method, with "No matches found" in the interface's language.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(tr("palette.no_match"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


HELP_WEIGHT = 0.5
"""A command found by its help scores lower than one found by its name."""


class MeetingCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        seen: set[tuple[int, str]] = set()
        found = []
        app = self.app
        for active in self.screen.active_bindings.values():
            node, binding, enabled = active.node, active.binding, active.enabled
            if binding.system or not enabled or not binding.description:
                continue
            if binding.action in ("command_palette", "app.command_palette"):
                continue
            marker = (id(node), binding.action)
            if marker in seen:
                continue
            seen.add(marker)
            keys = app.get_key_display(binding)
            help_text = f"{keys} · {binding.tooltip}" if binding.tooltip else keys
            words = binding_words(self.screen, binding)
            found.append((words, help_text, partial(node.run_action, binding.action)))
        more = getattr(self.screen, "palette_commands", None)
        if more is not None:
            found += list(more())
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            # The words a facilitator remembers are often in the help, not the name (« désaccord » is
            # in the help of the shared picture's keys): found there, it comes after the names found.
            score = max(matcher.match(name), matcher.match(help_text) * HELP_WEIGHT)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
