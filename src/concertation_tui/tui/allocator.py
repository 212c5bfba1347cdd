"""The C allocator set for an interface process: one heap for all its threads, big blocks given back.

The interface runs short threads beside its own (the steps' code imported after the first frame, each
save, the letter's check of a large meeting, the terminal's watchdog, Textual's input thread). glibc
gives a thread that allocates while another does its own heap (an "arena", up to eight per core), and
what a thread's heap held stays in the process once the thread is done. Python holds the GIL: two
threads of this program never allocate at the same time in earnest, so one heap serves them all as
fast. Measured in a session switched through every step (benchmarks/run.py `switching`): 2.5-3 MB less
at the demo and large sizes, 5.5 MB less at the very large size.

Blocks of 256 KB or more (the meeting serialised for each save: 0.9 MB at the very large size, the
letter check's copy...) are always taken from the system and given back when freed. glibc's default
raises that threshold each time such a block is freed, after which the next ones are carved from the
heap and leave it fragmented: about 1 MB more at the very large size.

Linux with glibc only (the machines this runs on); elsewhere, or if the C library refuses, nothing
changes. Called before the app starts its first thread (`tui.run`)."""

from __future__ import annotations

import sys

M_ARENA_MAX = -8
M_MMAP_THRESHOLD = -3
"""mallopt(3) parameters, from glibc's malloc.h."""
ARENAS = 1
MMAP_THRESHOLD = 256 * 1024


def frugal_allocator() -> bool:
    """Set the allocator as above; True when the C library took both settings."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others: no mallopt, nothing to set
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, ARENAS)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
