"""Decode+validate and encode of a 10,000-session programme: essprogramme vs peers.

Run: ``python bench/bench_codec.py [--sessions N] [--speakers N] [--repeat N]``.
Prints the best time of each and the ratios against pydantic v2 and msgspec,
all in one run on one machine. The garbage collector is disabled around each
timed call, as for every library alike (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))

import essprogramme
import peers
from generate import document


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    raw = orjson.dumps(document(args.sessions, args.speakers))
    ours = essprogramme.from_json(raw)
    pyd = peers.pydantic_decode(raw)
    msg = peers.msgspec_decode(raw)
    print(f"document: {len(raw) / 1e6:.1f} MB, {args.sessions} sessions, {args.speakers} speakers")

    rows = {
        "decode+validate": {
            "essprogramme": best(lambda: essprogramme.from_json(raw), args.repeat),
            "pydantic": best(lambda: peers.pydantic_decode(raw), args.repeat),
            "msgspec": best(lambda: peers.msgspec_decode(raw), args.repeat),
        },
        "encode": {
            "essprogramme": best(lambda: essprogramme.to_json(ours), args.repeat),
            "pydantic": best(lambda: peers.pydantic_encode(pyd), args.repeat),
            "msgspec": best(lambda: peers.msgspec_encode(msg), args.repeat),
        },
    }
    for task, times in rows.items():
        ours_t = times["essprogramme"]
        print(
            f"{task:16} essprogramme {ours_t * 1e3:7.1f} ms | pydantic {times['pydantic'] * 1e3:7.1f} ms"
            f" | msgspec {times['msgspec'] * 1e3:7.1f} ms | ratio vs pydantic "
            f"{ours_t / times['pydantic']:.2f}x, vs msgspec {ours_t / times['msgspec']:.2f}x"
        )


if __name__ == "__main__":
    main()
