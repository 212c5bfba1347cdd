"""What the catalogues cost the start-up: importing `concertation_tui.i18n`, the first `t()` (which reads
the language's catalogue) and a `t()` afterwards.

    .venv/bin/python benchmarks/i18n_startup.py [--runs 30] [--src OTHER_CHECKOUT/src]

Each run is a fresh interpreter (`python -X importtime` for the import's own cumulated time). `--src`
measures another checkout with the same interpreter (e.g. main's, before a change), for a comparison
in the same minutes on a shared machine. Figures: median and minimum over the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = r"""
import time, timeit, json
t0 = time.perf_counter()
import concertation_tui.i18n as i18n
t1 = time.perf_counter()
i18n.t("tui.live.said_count", "fr", count=3)
t2 = time.perf_counter()
each = timeit.timeit(lambda: i18n.t("tui.live.said_count", "fr", count=3), number=2000) / 2000
print(json.dumps({"import_ms": (t1 - t0) * 1e3, "first_t_ms": (t2 - t1) * 1e3, "t_us": each * 1e6}))
"""


def run(src: Path, runs: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("CONCERTATION_LANG", None)
    out: dict[str, list[float]] = {"importtime_ms": [], "import_ms": [], "first_t_ms": [], "t_us": []}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", PROBE], env=env, capture_output=True,
                              text=True, check=True)
        for name, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            out[name].append(value)
        line = [l for l in done.stderr.splitlines() if re.search(r"\| concertation_tui\.i18n$", l)][0]
        out["importtime_ms"].append(int(line.split("|")[1]) / 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    figures = run(args.src.resolve(), args.runs)
    print(f"{args.src}: {args.runs} runs")
    for name, values in figures.items():
        print(f"  {name:14} median {statistics.median(values):7.2f}  min {min(values):7.2f}")


if __name__ == "__main__":
    main()
