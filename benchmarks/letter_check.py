"""What the rereading pays on each change for the letter's readability check and the writing helper.

    .venv/bin/python benchmarks/letter_check.py

For the demo, the large and the very large meeting: the first check (simplemma's dictionaries and
python-docx loaded), then the median of the next ones (the rereading runs it after each change), and
the writing helper's hints over every note. Not part of the test suite.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from sizes import SIZES  # noqa: E402

from concertation_tui.minute.readability import letter_findings  # noqa: E402
from concertation_tui.services.writing import hints  # noqa: E402


def timed(call, runs: int = 5) -> tuple[float, float]:
    start = time.perf_counter()
    call()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times)


def changed(meeting, n: int) -> None:
    """One keystroke's worth of change: a word added to one action and to one note (a new one each time,
    so the check and the hints cannot answer from what they remember)."""
    meeting.actions[n % len(meeting.actions)].what += " x"
    meeting.contributions[n % len(meeting.contributions)].text += " x"


def after_change(call, meeting, runs: int = 5) -> float:
    times = []
    for n in range(runs):
        changed(meeting, n)
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print("check: the letter's readability check; hints: the writing helper over every note.")
    print("1st: a cold start; again: nothing changed; change: after one action and one note changed.")
    print(f"{'meeting':12} {'actions':>7} {'notes':>6} {'check 1st':>10} {'again':>7} {'change':>7} "
          f"{'hints 1st':>10} {'again':>7} {'change':>7}")
    for name, build in SIZES.items():
        meeting = build()
        first, check = timed(lambda: letter_findings(meeting))
        check_changed = after_change(lambda: letter_findings(meeting), meeting)

        def every_hint():
            return [hints(c.text, meeting, "fr") for c in meeting.contributions]

        hints_first, hinting = timed(every_hint, runs=3)
        hints_changed = after_change(every_hint, meeting, runs=3)
        print(f"{name:12} {len(meeting.actions):7} {len(meeting.contributions):6} {first * 1000:8.0f}ms "
              f"{check * 1000:5.0f}ms {check_changed * 1000:5.0f}ms {hints_first * 1000:8.0f}ms "
              f"{hinting * 1000:5.0f}ms {hints_changed * 1000:5.0f}ms")


if __name__ == "__main__":
    main()
