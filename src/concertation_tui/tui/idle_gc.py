"""Python's full garbage collections in idle time, not on a key's path (issue 16).

CPython collects its oldest generation when enough objects have survived since the last full
collection, at whatever allocation tips it over: in this app that is while a form or a step is built
and drawn, every few forms. A full collection walks every object the process holds (the modules,
Textual, each step's screen, the meeting) and cost 130-370 ms of CPU on this machine at the demo size
under load, more at the very large size: a form that opens in 200 ms took 500 when it fell there.

So, once the steps are built (prebuild.py calls `idle()` when nothing is left to build and no key came
for a while), the heap is collected in full and frozen (`gc.freeze`: moved to a generation the
collector skips). After that, in each idle moment that follows keys (no key for `QUIET_FOR` seconds),
what was made since the freeze is collected (a form closed, a list's rows replaced: a few ms, the
frozen heap is skipped), so that the automatic collections seldom come due on a key's path and walk
little when they do. Frozen objects that became garbage in a reference cycle wait for the next full
collection: made again in idle time at most every `FULL_EVERY` seconds, while keys come; the app's end
unfreezes everything (`release`).
"""

from __future__ import annotations

import gc
import time

FULL_EVERY = 60.0
"""Seconds between two full collections in idle time (what frozen garbage waits at most, while keys come)."""
QUIET_FOR = 1.0
"""Seconds without a key before an idle collection (a pause in the typing, not the gap between two keys)."""


class IdleCollector:
    """Collections made in idle moments, the heap frozen in between."""

    def __init__(self) -> None:
        self.frozen_at: float | None = None
        self.collected_at = 0.0
        self.full = 0
        """Full collections made (tests)."""
        self.young = 0
        """Collections of what was made since the freeze (tests)."""

    def idle(self, last_key: float) -> bool:
        """Called in an idle moment (`last_key`: when the last key came, monotonic): collect when due.
        True when it did."""
        now = time.monotonic()
        if self.frozen_at is None or (now - self.frozen_at >= FULL_EVERY and last_key > self.collected_at
                                      and now - last_key >= QUIET_FOR):
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.frozen_at = self.collected_at = time.monotonic()
            self.full += 1
            return True
        if last_key > self.collected_at and now - last_key >= QUIET_FOR:
            gc.collect()  # the frozen heap is skipped: only what was made since
            self.collected_at = time.monotonic()
            self.young += 1
            return True
        return False

    def release(self) -> None:
        """The app ends: what it froze can be collected again."""
        if self.frozen_at is not None:
            gc.unfreeze()
            self.frozen_at = None
