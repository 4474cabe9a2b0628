"""Schema validation of a 10,000-session programme: essprogramme.schemas vs jsonschema.

Run: ``python bench/bench_schemas.py [--sessions N] [--speakers N] [--rounds N] [--json]``.

Times ``essprogramme.schemas.validate`` (jsonschema-rs recognises valid
documents; it is a dependency) against a plain ``jsonschema``
``Draft202012Validator`` with the same registry and the same format checks,
on a valid and on an invalid document, after checking that both give the
same verdicts and the same paths. The two alternate round by round; each
figure is the median of the rounds (min and max shown), wall time and CPU
time. ``--json`` adds one JSON object on the last line (``schema_speedup``:
the median ratio on the valid document; ``schema_speedup_invalid``;
``jsonschema_rs``: whether it was used). One run, one machine.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).parent))

from essprogramme import ValidationError, schemas
from generate import document


def ours(doc: Any) -> set[str]:
    try:
        schemas.validate(doc)
    except ValidationError as error:
        return {p.path for p in error.problems}
    return set()


def clocked(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of ratios")
    args = parser.parse_args()

    valid = document(args.sessions, args.speakers)
    invalid = copy.deepcopy(valid)
    invalid["sessions"][17]["start"] = "2026-10-01T09:00:00"
    invalid["speakers"][3]["time_zone"] = 3
    plain = Draft202012Validator(
        schemas.load("programme"),
        registry=schemas._registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    accelerated = schemas._fast("programme") is not None
    print(
        f"{args.sessions} sessions, {args.speakers} speakers, {args.rounds} rounds; "
        f"jsonschema-rs used: {accelerated}"
    )

    assert ours(valid) == set() and plain.is_valid(valid)
    theirs = {e.json_path for e in plain.iter_errors(invalid)}
    assert ours(invalid) == theirs, (ours(invalid), theirs)
    print(f"same verdicts; same paths on the invalid document: {sorted(theirs)}")

    figures: dict[str, float] = {}
    for label, doc in (("valid", valid), ("invalid", invalid)):
        walls: list[float] = []
        cpus: list[float] = []
        ratios: list[float] = []
        for _ in range(args.rounds):  # alternate: a slow spell of the machine hits both
            mine_wall, mine_cpu = clocked(lambda d=doc: ours(d))
            their_wall, _ = clocked(lambda d=doc: list(plain.iter_errors(d)))
            walls.append(mine_wall)
            cpus.append(mine_cpu)
            ratios.append(their_wall / mine_wall)
        ratio = statistics.median(ratios)
        figures[label] = ratio
        print(
            f"{label:8} essprogramme.schemas.validate median {statistics.median(walls) * 1e3:7.1f} ms "
            f"(cpu {statistics.median(cpus) * 1e3:7.1f} ms) | plain jsonschema is "
            f"{ratio:6.1f}x slower (min {min(ratios):.1f}, max {max(ratios):.1f})"
        )
    if args.json:
        print(
            json.dumps(
                {
                    "schema_speedup": round(figures["valid"], 1),
                    "schema_speedup_invalid": round(figures["invalid"], 1),
                    "jsonschema_rs": accelerated,
                }
            )
        )


if __name__ == "__main__":
    main()
