"""The command palette (ctrl+p): every key of the current screen and of the app, by its words.

Built from the screen's active bindings, so a new key is in the palette the day it is bound, with
the same words as in the footer and the help panel, and disabled keys are left out.
"""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from .text import tr


class Palette(CommandPalette):
    """The command palette in the interface's language (Textual's own words are English)."""

    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=tr("palette.placeholder"))

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
            found.append((binding.description, help_text, partial(node.run_action, binding.action)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
