"""Start-up as users meet it: whole processes, timed from outside, against ``python -c pass``.

Run: ``python bench/bench_startup.py [--runs N] [--json]``.

Each command is started ``--runs`` times (after one warm-up run, which also
writes the generated code's bytecode cache), in turn with ``python -c pass``
so that a slow spell of the machine hits both; the wall time of each
process, from start to exit, is taken with ``time.perf_counter`` around
``subprocess.run``. Medians are printed, with min and max, and what each
command adds to the bare interpreter's start. ``PYTHONDONTWRITEBYTECODE`` is
removed from the children's environment: an installed package has its
bytecode compiled, and so should the measurement. One run, one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "import essprogramme": [sys.executable, "-c", "import essprogramme"],
    "essprogramme show": [sys.executable, "-m", "essprogramme", "show"],
    "essprogramme show (console script)": [
        shutil.which("essprogramme") or "essprogramme",
        "show",
    ],
}
BARE = [sys.executable, "-c", "pass"]


def wall(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of medians")
    args = parser.parse_args()
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    figures: dict[str, float] = {}
    for name, command in COMMANDS.items():
        if not os.path.exists(command[0]):
            continue
        wall(command, environment)  # warm-up: bytecode caches written
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(wall(command, environment))
            bare.append(wall(BARE, environment))
        median, base = statistics.median(ours), statistics.median(bare)
        figures[name] = round(median * 1e3, 1)
        figures["python -c pass"] = round(base * 1e3, 1)
        print(
            f"{name:36} median {median * 1e3:6.1f} ms (min {min(ours) * 1e3:6.1f}, "
            f"max {max(ours) * 1e3:6.1f}); python -c pass {base * 1e3:5.1f} ms; "
            f"adds {(median - base) * 1e3:6.1f} ms"
        )
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
