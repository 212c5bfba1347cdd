"""The room's screen and the network map: what following a meeting and drawing its map cost.

    .venv/bin/python benchmarks/room_follow.py

- one look of the follower when nothing changed (a stat and a small read of the lock file), and when the
  facilitator saved (reading and validating the whole file), then computing what the room sees;
- the latency from a save to the follower's reading it, polling every 0.25 s as `concertation show` does;
- drawing the network map as a PNG, the first time in a process (matplotlib's import and font cache)
  and after.
Medians of several runs; nothing here is part of the test suite.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from sizes import SIZES  # noqa: E402

from concertation_tui import store
from concertation_tui.services import room_link  # noqa: E402
from concertation_tui.model import now  # noqa: E402
from concertation_tui.services.room_view import room_view  # noqa: E402


def median_ms(run, times: int = 15) -> float:
    found = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        found.append((time.perf_counter() - start) * 1000)
    return statistics.median(found)


def follower_costs(folder: Path) -> None:
    print("size          idle look   look after a save   room view")
    for name, make in SIZES.items():
        meeting = make()
        path = store.create_meeting_file(meeting, folder)
        follower = room_link.FileFollower(path)
        follower.poll()
        idle = median_ms(follower.poll)

        def changed() -> None:
            os.utime(path)  # a new mtime: read again, as after a save
            follower.poll()

        after_save = median_ms(changed, 7)
        view = median_ms(lambda: room_view(meeting, is_open=True, at=now()), 7)
        print(f"{name:12}  {idle:7.2f} ms  {after_save:12.1f} ms  {view:9.1f} ms")


def save_to_seen(folder: Path, runs: int = 10) -> None:
    meeting = SIZES["demo"]()
    path = store.create_meeting_file(meeting, folder)
    follower = room_link.FileFollower(path)
    follower.poll()
    delays = []
    for n in range(runs):
        seen = threading.Event()

        def watch() -> None:
            while not seen.is_set():
                reading = follower.poll()
                if reading.meeting is not None and reading.meeting.title.endswith(f" {n}"):
                    seen.set()
                    return
                time.sleep(0.25)

        thread = threading.Thread(target=watch)
        thread.start()
        time.sleep(0.1 * (n % 3))  # the save lands anywhere in the follower's period
        meeting.title = f"Titre {n}"
        start = time.perf_counter()
        store.save_meeting(path, meeting)
        thread.join()
        delays.append((time.perf_counter() - start) * 1000)
    print(f"save to seen by the follower (poll 0.25 s, demo): median {statistics.median(delays):.0f} ms, "
          f"max {max(delays):.0f} ms (the console saves 0.5 s after a change: add it)")


def map_picture(folder: Path) -> None:
    code = (
        "import time, sys; t = time.perf_counter(); "
        "from concertation_tui.services.demo import demo_meeting; "
        "from concertation_tui.minute.network_picture import map_entries, render_png; "
        "m = demo_meeting(); e = map_entries(m); t0 = time.perf_counter(); render_png(e, 'M. L.', 'fr'); "
        "t1 = time.perf_counter(); [render_png(e, 'M. L.', 'fr') for _ in range(5)]; "
        "print(f'{(t1 - t0) * 1000:.0f} {(time.perf_counter() - t1) / 5 * 1000:.0f}')"
    )
    env = {**os.environ, "CONCERTATION_HOME": str(folder / "home")}
    first, warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                 check=True).stdout.split()
    print(f"network map PNG: first in a process {first} ms (matplotlib imported), then {warm} ms each")


def main() -> None:
    with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks") as scratch:
        folder = Path(scratch)
        follower_costs(folder / "meetings")
        save_to_seen(folder / "latency")
        map_picture(folder)


if __name__ == "__main__":
    main()
