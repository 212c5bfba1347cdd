"""Python's full garbage collections in idle time, not on a key's path (issue 16).

CPython collects its oldest generation when enough objects have survived since the last full
collection, at whatever allocation tips it over: in this app that is while a form or a step is built
and drawn, every few forms. A full collection walks every object the process holds (the modules,
Textual, each step's screen, the meeting) and cost 130-370 ms of CPU on this machine at the demo size
under load, more at the very large size: a form that opens in 200 ms took 500 when it fell there.

So, once the steps are built (prebuild.py calls `idle()` when nothing is left to build and no key came
for a while), the heap is collected in full and frozen (`gc.freeze`: moved to a generation the
collector skips). Then, in each idle moment that follows keys (no key for `QUIET_FOR` seconds), what
was made since is collected (a form closed, a list's rows replaced: the frozen heap is skipped, a few
ms) and what survived is frozen too: the garbage of a closed form is freed in idle time, and the
automatic collections walk only what is new. Frozen objects that become garbage in a reference cycle
(a form built ahead, used and closed) wait for the next full collection, made again in an idle moment
at most every `FULL_EVERY` seconds while keys come. The app's end unfreezes everything (`release`).
"""

from __future__ import annotations

import gc
import time

FULL_EVERY = 20.0
"""Seconds between two full collections in idle time, while keys come (what frozen garbage waits at most)."""
QUIET_FOR = 1.0
"""Seconds without a key before a full collection (a pause in the typing, not the gap between two keys)."""


class IdleCollector:
    """Collections made in idle moments, the heap frozen in between."""

    def __init__(self) -> None:
        self.collected_at: float | None = None
        """When the last collection was made (monotonic)."""
        self.full_at: float | None = None
        """When the last full collection was made."""
        self.collections = 0
        """Collections made (tests)."""

    def idle(self, last_key: float) -> bool:
        """Called in an idle moment (`last_key`: when the last key came, monotonic): collect when due
        (the first time at once, in full). True when it did."""
        now = time.monotonic()
        if self.collected_at is not None and (last_key <= self.collected_at or now - last_key < QUIET_FOR):
            return False
        if self.full_at is None or now - self.full_at >= FULL_EVERY:
            gc.unfreeze()  # in full: the frozen heap's garbage too
            self.full_at = now
        gc.collect()
        gc.freeze()
        self.collected_at = time.monotonic()
        self.collections += 1
        return True

    def release(self) -> None:
        """The app ends: what it froze can be collected again."""
        if self.collected_at is not None:
            gc.unfreeze()
            self.collected_at = self.full_at = None
