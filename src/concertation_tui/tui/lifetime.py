"""A screen built while the program is ending has no widgets: its handlers must not look for them.

Textual 8.2.8 mounts no widget into a node that is not attached to the app (`Widget.mount` keeps them
pending), and from the moment `App.exit()` is called every node counts as not attached
(`MessagePump.is_attached` reads `App._exit`). A screen whose widgets are composed after that moment
(a step or a form built ahead in idle time, prebuild.py, whose building was under way when the
facilitator quit, when a hang-up ended the program, or when a snapshot test took its picture and
exited) receives its Mount all the same, with none of its widgets: its `on_mount` looked for its top
bar or its fields and raised NoMatches. The crash path then ran after an ordinary exit (code 1 and the
crash sentence instead of a clean end; a snapshot test's picture lost).

`SkipsEventsWhenDetached`, mixed into a Screen before Screen, drops the events that would run the
screen's set-up and redraws (Mount, Resize, ScreenResume) while it is not attached: such a screen is
never shown, and is removed with the others as the app shuts down. Every other event (Compose,
Unmount...) goes through as usual, so Textual's own tidying runs.
"""

from __future__ import annotations

from textual import events

SKIPPED_WHEN_DETACHED = (events.Mount, events.Resize, events.ScreenResume)
"""The events whose handlers set a screen up or redraw it from its widgets."""


class SkipsEventsWhenDetached:
    """Mixed into a Screen (before Screen): no set-up or redraw while it is not attached to the app."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, SKIPPED_WHEN_DETACHED) and not self.is_attached:  # type: ignore[attr-defined]
            return  # composed while the app was ending: Textual mounted none of its widgets
        await super().on_event(event)  # type: ignore[misc]
