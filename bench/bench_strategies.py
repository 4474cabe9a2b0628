"""How long Hypothesis takes to generate programmes with essprogramme.strategies.

Run: ``python bench/bench_strategies.py [--programmes N] [--sessions N]``.
Times the drawing of N programmes of exactly S sessions (no test body).
"""

from __future__ import annotations

import argparse
import time

from hypothesis import given, settings

from essprogramme import Programme, strategies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--programmes", type=int, default=100)
    parser.add_argument("--sessions", type=int, default=50)
    args = parser.parse_args()
    count = 0

    # Health checks stay on: a slow or oversized strategy fails here.
    @settings(max_examples=args.programmes, database=None, deadline=None)
    @given(strategies.programmes(min_sessions=args.sessions, max_sessions=args.sessions))
    def draw(programme: Programme) -> None:
        nonlocal count
        count += 1

    start = time.perf_counter()
    draw()
    elapsed = time.perf_counter() - start
    print(f"{count} programmes of {args.sessions} sessions in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
