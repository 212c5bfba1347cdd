"""Python's full garbage collections in idle time, not on a key's path (issue 16).

CPython collects its oldest generation when enough objects have survived since the last full
collection, at whatever allocation tips it over: in this app that is while a form or a step is built
and drawn, every few forms. A full collection walks every object the process holds (the modules,
Textual, each step's screen, the meeting) and cost 130-370 ms of CPU on this machine at the demo size
under load, more at the very large size: a form that opens in 200 ms took 500 when it fell there.

So, once the steps are built (prebuild.py calls `idle()` when nothing is left to build and no key came
for a while), the heap is collected in full and frozen (`gc.freeze`: moved to a generation the
collector skips). The automatic collections that follow walk only what was made since: a few ms.
Frozen objects that become garbage in a reference cycle (a form used and closed, a list's rows
replaced) wait for the next full collection: one is made again in idle time, at most every
`FULL_EVERY` seconds and only after keys came since the last, when no key came for `QUIET_FOR`
seconds; the app's end unfreezes everything (`release`). No memory is lost for longer than that.
"""

from __future__ import annotations

import gc
import time

FULL_EVERY = 30.0
"""Seconds between two full collections in idle time (what frozen garbage waits at most, while keys come)."""
QUIET_FOR = 1.0
"""Seconds without a key before a later full collection (the first one follows the steps' building)."""


class IdleCollector:
    """Full collections made in idle moments, the heap frozen in between."""

    def __init__(self) -> None:
        self.collected_at: float | None = None
        self.collections = 0
        """Full collections made (tests)."""

    def idle(self, last_key: float) -> bool:
        """Called in an idle moment (`last_key`: when the last key came, monotonic): collect in full
        and freeze when it is due. True when it did."""
        now = time.monotonic()
        if self.collected_at is not None:
            if last_key <= self.collected_at or now - self.collected_at < FULL_EVERY or now - last_key < QUIET_FOR:
                return False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collected_at = time.monotonic()
        self.collections += 1
        return True

    def release(self) -> None:
        """The app ends: what it froze can be collected again."""
        if self.collected_at is not None:
            gc.unfreeze()
            self.collected_at = None
