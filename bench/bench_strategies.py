"""How long Hypothesis takes to generate programmes with essprogramme.strategies.

Run: ``python bench/bench_strategies.py [--examples N] [--sessions N] [--runs N]``.

1. Per-example time of ``strategies.programmes()`` at default sizes (no
   test body): the time Hypothesis spends per example, generation and
   engine together (wall clock, and CPU time, which other processes on the
   machine disturb less), and the mean number of choices per test case.
2. The same for programmes of exactly ``--sessions`` sessions.
3. ``--runs`` times, a dependent project's test with default settings
   (health checks on, a fresh seed each time): how many fail a health check.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from hypothesis import given, settings
from hypothesis.errors import FailedHealthCheck
from hypothesis.internal.conjecture import data as conjecture

from essprogramme import Programme, schemas, strategies, to_dict

_choices: list[int] = []
_freeze = conjecture.ConjectureData.freeze


def _counting_freeze(self: Any) -> None:
    # Private Hypothesis API, for this report only: choices per test case.
    _choices.append(len(self.choices))
    _freeze(self)


def per_example(strategy: Any, examples: int) -> tuple[float, float, float]:
    """Milliseconds per example (wall clock, CPU) and mean choices per test case."""
    count = 0
    _choices.clear()

    @settings(max_examples=examples, database=None, deadline=None)
    @given(strategy)
    def draw(programme: Programme) -> None:
        nonlocal count
        count += 1

    conjecture.ConjectureData.freeze = _counting_freeze  # type: ignore[method-assign]
    try:
        start, cpu = time.perf_counter(), time.process_time()
        draw()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        conjecture.ConjectureData.freeze = _freeze  # type: ignore[method-assign]
    return elapsed / count * 1000, cpu / count * 1000, statistics.mean(_choices)


def health_checks(runs: int) -> int:
    """How many of ``runs`` runs of a dependent's test fail a health check.

    The test is the one ``.ci/run`` writes for a dependent project, with
    Hypothesis's default settings but for the deadline (its first example
    imports jsonschema) and the example database (each run starts afresh).
    """
    failures = 0
    for _ in range(runs):

        @settings(deadline=None, database=None)
        @given(strategies.programmes())
        def test_programmes_validate_against_the_shipped_schemas(programme: Programme) -> None:
            schemas.validate(to_dict(programme))

        try:
            test_programmes_validate_against_the_shipped_schemas()
        except FailedHealthCheck as error:
            failures += 1
            print(f"  FailedHealthCheck: {str(error).splitlines()[0]}")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    ms, cpu, choices = per_example(strategies.programmes(), args.examples)
    print(
        f"programmes(), default sizes: {ms:.1f} ms per example ({cpu:.1f} ms CPU), "
        f"{choices:.0f} choices"
    )
    large = strategies.programmes(min_sessions=args.sessions, max_sessions=args.sessions)
    ms, cpu, choices = per_example(large, max(10, args.examples // 3))
    print(
        f"programmes() of {args.sessions} sessions: {ms:.1f} ms per example "
        f"({cpu:.1f} ms CPU), {choices:.0f} choices"
    )
    if args.runs:
        failed = health_checks(args.runs)
        print(
            f"dependent's test, default settings: {failed} of {args.runs} runs failed a health check"
        )


if __name__ == "__main__":
    main()
