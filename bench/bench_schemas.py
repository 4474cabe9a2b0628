"""Schema validation of a 10,000-session programme: essprogramme.schemas vs jsonschema.

Run: ``python bench/bench_schemas.py [--sessions N] [--speakers N]``. Times
``essprogramme.schemas.validate`` (jsonschema-rs recognises valid documents
when installed) against a plain ``jsonschema.Draft202012Validator`` with the
same registry and format checks, on a valid and on an invalid document,
checking that both give the same verdicts and paths. One run, one machine.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).parent))

from essprogramme import ValidationError, schemas
from generate import document


def timed(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def ours(doc: Any) -> set[str]:
    try:
        schemas.validate(doc)
    except ValidationError as error:
        return {p.path for p in error.problems}
    return set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
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
        f"{args.sessions} sessions, {args.speakers} speakers; jsonschema-rs installed: {accelerated}"
    )

    assert ours(valid) == set() and plain.is_valid(valid)
    theirs = {e.json_path for e in plain.iter_errors(invalid)}
    assert ours(invalid) == theirs, (ours(invalid), theirs)
    print(f"same verdicts; same paths on the invalid document: {sorted(theirs)}")

    for label, doc in (("valid", valid), ("invalid", invalid)):
        mine = timed(lambda d=doc: ours(d), args.repeat)
        reference = timed(lambda d=doc: list(plain.iter_errors(d)), 1)
        print(
            f"{label:8} essprogramme.schemas.validate {mine * 1e3:8.1f} ms | "
            f"jsonschema Draft202012Validator {reference * 1e3:8.1f} ms | "
            f"{reference / mine:6.1f}x faster"
        )


if __name__ == "__main__":
    main()
