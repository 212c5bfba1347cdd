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


def main() -> None:
    print(f"{'meeting':12} {'actions':>7} {'notes':>6} {'check 1st':>10} {'check':>8} {'hints':>8}")
    for name, build in SIZES.items():
        meeting = build()
        first, check = timed(lambda: letter_findings(meeting))
        notes = [c.text for c in meeting.contributions]
        _, hinting = timed(lambda: [hints(text, meeting, "fr") for text in notes], runs=3)
        print(f"{name:12} {len(meeting.actions):7} {len(notes):6} {first * 1000:8.0f}ms {check * 1000:6.0f}ms "
              f"{hinting * 1000:6.0f}ms")


if __name__ == "__main__":
    main()
