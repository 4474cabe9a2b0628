"""Time and retained memory of decoding 1k, 10k and 100k sessions: essprogramme vs equal-work peers.

Run: ``python bench/bench_scale.py [--sizes 1000,10000,100000] [--json]``.

For each size, the generated programme (``bench/generate.py``: speakers half
the sessions, organisations and initiatives in proportion) is decoded and
checked by ``essprogramme.from_json`` and by the pydantic v2 and msgspec
peers of ``bench/peers.py`` (the same checks: see ``bench/bench_codec.py``),
with the garbage collector on, as users run them. The libraries alternate
round by round; each time is the median of the rounds. Cost per session is
flat when ``time(100k) / time(10k)`` stays near 10.

Retained memory is what the decoded result holds once the call has
returned and the collector has run: ``tracemalloc``'s traced size after the
call, less before it (the JSON bytes are read before). Caches the library
keeps (essprogramme's parsed instants) count: they stay. One run, one machine.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))

import essprogramme
import peers
from generate import document

DECODERS: dict[str, Callable[[bytes], Any]] = {
    "essprogramme": essprogramme.from_json,
    "pydantic": peers.pydantic_decode,
    "msgspec": peers.msgspec_decode,
}


def text(sessions: int) -> bytes:
    return orjson.dumps(
        document(
            sessions,
            max(1, sessions // 2),
            organisations=max(50, sessions // 20),
            initiatives=max(100, sessions // 10),
        )
    )


def seconds(decode: Callable[[bytes], Any], raw: bytes) -> tuple[float, float]:
    """Wall and CPU seconds of one decode, from a freshly collected heap."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = decode(raw)
    gc.collect(0)  # the collection the call leaves due is its cost (see bench_codec.timed)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    del result
    return wall, cpu


def retained(decode: Callable[[bytes], Any], raw: bytes) -> int:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = decode(raw)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return after - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of figures")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print("decode with the garbage collector on; rounds: 7 / 5 / 2 below 5k / 50k / above")
    print(f"{'':16} " + " ".join(f"{name + ': wall, cpu, memory':>32}" for name in DECODERS))
    print(f"{'sessions':>9} {'MB':>6}")
    times: dict[int, dict[str, float]] = {}
    cpu: dict[int, dict[str, float]] = {}
    memory: dict[int, dict[str, int]] = {}
    for size in sizes:
        raw = text(size)
        for decode in DECODERS.values():
            decode(raw)  # warm up: generated code, caches
        rounds = 7 if size < 5_000 else 5 if size < 50_000 else 2
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in DECODERS}
        for _ in range(rounds):
            for name, decode in DECODERS.items():
                runs[name].append(seconds(decode, raw))
        times[size] = {name: statistics.median(w for w, _ in v) for name, v in runs.items()}
        cpu[size] = {name: statistics.median(c for _, c in v) for name, v in runs.items()}
        memory[size] = {name: retained(decode, raw) for name, decode in DECODERS.items()}
        cells = " ".join(
            f"{times[size][name] * 1e3:7.0f} ms {cpu[size][name] * 1e3:7.0f} ms "
            f"{memory[size][name] / 2**20:7.1f} MiB"
            for name in DECODERS
        )
        print(f"{size:9} {len(raw) / 1e6:6.1f} {cells}")
        del raw
    print("per session, µs of CPU:")
    for size in sizes:
        print(
            f"{size:9}        " + " ".join(f"{cpu[size][n] / size * 1e6:32.1f}" for n in DECODERS)
        )
    figures: dict[str, Any] = {
        "memory_vs_msgspec": {
            str(size): round(memory[size]["essprogramme"] / memory[size]["msgspec"], 3)
            for size in sizes
        },
        "decode_vs_pydantic": {
            str(size): round(times[size]["essprogramme"] / times[size]["pydantic"], 3)
            for size in sizes
        },
    }
    for small, large in itertools.pairwise(sizes):
        for clock, table in (("time", times), ("cpu", cpu)):
            key = f"{clock}_{large}_over_{small}"
            figures[key] = {
                name: round(table[large][name] / table[small][name], 2) for name in DECODERS
            }
            print(
                f"{clock}({large}) / {clock}({small}): "
                + ", ".join(f"{name} {value:.2f}" for name, value in figures[key].items())
            )
    print(
        "retained memory, essprogramme / msgspec: "
        + ", ".join(f"{size}: {value:.2f}x" for size, value in figures["memory_vs_msgspec"].items())
    )
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
