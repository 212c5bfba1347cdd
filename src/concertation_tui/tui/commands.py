"""The command palette (ctrl+p): every key of the current screen and of the app, by its words.

Built from the screen's active bindings, so a new key is in the palette the day it is bound, with
the same words as in the footer and the help panel, and disabled keys are left out.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
