"""What a session keeps in memory (issue 16): nothing grows with the time a meeting lasts.

Memory is measured in `benchmarks/` (peak per session); here what must not pile up is counted: the
objects a long meeting would accumulate, not megabytes."""

from __future__ import annotations

import gc
import sys

import pytest
from test_tui_support import Clock, demo_file, settle
from textual.widgets._footer import FooterKey

from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.footer import FittedFooter


DETACHED_MARGIN = 6
"""Keys no footer shows that may stay alive a moment: the last closed form's (Textual keeps the form
in its priority-key cache until the next key)."""


def _footer_keys_alive() -> int:
    gc.unfreeze()  # the idle collection (tui/idle_gc.py) freezes the heap: frozen objects are not listed
    gc.collect()
    # Those no footer shows any more: a key on a screen or a form built ahead is still attached.
    return sum(1 for obj in gc.get_objects() if isinstance(obj, FooterKey) and not obj.is_attached)


async def test_the_footers_keys_do_not_pile_up_as_the_focus_moves_and_steps_change():
    """The footer is composed again whenever the keys change (a focus moving, a step shown). Each of
    its former keys stayed alive, bound to the footer's `compact` (about 200 after one round of the
    steps, six more at each Tab): a meeting of two hours kept thousands."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)

        async def round_of_steps() -> None:
            for key in ("f5", "f6", "f3", "f4"):
                await pilot.press(key)
                await settle(app, pilot)
                for _ in range(3):
                    await pilot.press("tab")
                    await pilot.pause()
            await settle(app, pilot)

        await round_of_steps()
        after_one = _footer_keys_alive()
        for _ in range(3):
            await round_of_steps()
        after_four = _footer_keys_alive()
        # With the binding, every key the footers had shown stayed alive (17 more after these rounds,
        # about 200 a round before the footer made its keys only when they change).
        assert after_four <= after_one + DETACHED_MARGIN, (after_one, after_four)
        footer = app.screen.query_one(FittedFooter)
        shown = list(footer.query(FooterKey))
        assert shown and all(key.is_attached for key in shown)
        assert not any(key.has_class("-compact") for key in shown)  # the footer is not compact


_ARENAS_SCRIPT = """
import ctypes, sys, threading
if sys.argv[1] == "frugal":
    from concertation_tui.tui.allocator import frugal_allocator
    assert frugal_allocator()
kept = []
def work():
    kept.append([bytes(1000 + n) for n in range(2000)])
threads = [threading.Thread(target=work) for _ in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
ctypes.CDLL(None).malloc_stats()  # one "Arena N:" paragraph per heap, on stderr
"""


def _heaps(mode: str) -> int:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _ARENAS_SCRIPT, mode], capture_output=True, text=True, check=True)
    return done.stderr.count("Arena ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_the_interfaces_threads_share_one_heap():
    """Each thread that allocates gets a heap of its own from glibc, kept for the whole process (2.5 to
    5.5 MB of a session): the interface's threads share the main one (tui/allocator.py)."""
    assert _heaps("default") > 1  # the check can tell
    assert _heaps("frugal") == 1
