"""Decode+validate and encode of a 10,000-session programme: essprogramme vs equal-work peers.

Run: ``python bench/bench_codec.py [--sessions N] [--speakers N] [--rounds N] [--json]``.

The peers (``bench/peers.py``: pydantic v2 and msgspec) check what
essprogramme checks; ``bench/peer_mutations.py`` verifies it first, and no
ratio is printed unless every peer refuses every mutation essprogramme
refuses (exit status 1 otherwise, naming the mutation a peer accepted).

Each call is timed with the garbage collector on, as users run it, and off,
after a full collection, with its result freed outside the timing (for
encoding, the three decoded programmes are moved out of the collector's way
with ``gc.freeze()``). Libraries take turns within each round, in an order
that rotates from round to round, so that a noisy neighbour on this shared
machine hits all of them; each figure is given as the minimum and the median
over the rounds, in wall and in CPU time (``time.process_time``). A ratio is
the median, over the rounds, of the ratio of two calls timed side by side in
the same round. The peers without their duplicate-key check, and
``orjson.loads`` alone (the floor), are timed too, with the GC on.

``error`` times ``from_json`` on the document with one bad field at the
last bulk session (``sessions[9999]`` by default), and with one dangling
reference there, against a valid decode.

``--json`` prints, as the last line, one JSON object: ``decode_vs_pydantic``,
``decode_vs_msgspec``, ``encode_vs_pydantic``, ``error_vs_valid`` (wall time,
GC on), ``gc`` ("on"), and the same ratios with the GC off (``gc_off``), in
CPU time (``cpu``, ``cpu_gc_off``), and the other figures.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))

import essprogramme
import peer_mutations
import peers
from generate import document

Timing = tuple[float, float]  # wall, CPU (seconds)
#: The figures scripts track (wall time, GC on), each a median ratio.
MAIN = ("decode_vs_pydantic", "decode_vs_msgspec", "encode_vs_pydantic", "error_vs_valid")


def timed(fn: Callable[[], Any], gc_on: bool) -> Timing:
    """One call of ``fn``, from a freshly collected heap; its result is freed untimed.

    With the collector on, the youngest generation's collection that the call
    leaves due is timed too: essprogramme pauses the collector while it
    builds, so its objects meet the collector at the caller's next
    allocation, and that cost is the decode's (the peers' objects met it
    during the call).
    """
    gc.collect()
    if not gc_on:
        gc.disable()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        if gc_on:
            gc.collect(0)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        gc.enable()
    del result
    return wall, cpu


def refused(text: bytes) -> Callable[[], essprogramme.ValidationError]:
    """A decode that must fail; it returns the error, so that ``timed`` frees
    what it holds (the objects built before the failure) untimed, as it frees
    a valid decode's result."""

    def decode() -> essprogramme.ValidationError:
        try:
            essprogramme.from_json(text)
        except essprogramme.ValidationError as error:
            return error
        raise AssertionError("the bad document was accepted")

    return decode


def bad_documents(doc: dict[str, Any], last: int) -> tuple[bytes, bytes]:
    """The document with one bad field, and with one dangling reference, at ``sessions[last]``."""
    bad_field = copy.copy(doc)
    bad_field["sessions"] = list(doc["sessions"])
    bad_field["sessions"][last] = {**doc["sessions"][last], "format": "brainstorm"}
    bad_reference = copy.copy(doc)
    bad_reference["sessions"] = list(doc["sessions"])
    session = doc["sessions"][last]
    participants = [dict(p) for p in session["participants"]]
    participants[0]["speaker"] = "spk-nobody"
    bad_reference["sessions"][last] = {**session, "participants": participants}
    return orjson.dumps(bad_field), orjson.dumps(bad_reference)


def summary(times: list[Timing]) -> str:
    walls, cpus = [t[0] * 1e3 for t in times], [t[1] * 1e3 for t in times]
    return (
        f"{min(walls):8.0f} {statistics.median(walls):8.0f} "
        f"{min(cpus):8.0f} {statistics.median(cpus):8.0f}"
    )


def ratio(ours: list[Timing], theirs: list[Timing], which: int) -> float:
    """The median over rounds of ours / theirs, each round's pair timed side by side."""
    return statistics.median(a[which] / b[which] for a, b in zip(ours, theirs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of figures")
    args = parser.parse_args()
    started = time.perf_counter()

    doc = document(args.sessions, args.speakers)
    raw = orjson.dumps(doc)
    last = args.sessions - 1
    bad_field, bad_reference = bad_documents(doc, last)
    del doc
    print(
        f"document: {len(raw) / 1e6:.1f} MB, {args.sessions} sessions and {args.speakers} "
        "speakers in bulk, plus the v2 items (bench/generate.py)"
    )

    # Equal work first: no ratio otherwise.
    failures = peer_mutations.failures(bench_text=raw)
    if failures:
        print("\nNO RATIO: the peers do not do the same checks as essprogramme:")
        for line in failures:
            print("  " + line)
        if args.json:
            print(json.dumps({"peers_equal": False, "failures": failures}))
        raise SystemExit(1)
    shipped = peer_mutations.keeping_last_accepts()
    print(
        f"peers: fields equal to the model's; {len(peer_mutations.all_mutations())} mutations, each "
        f"refused by pydantic and msgspec where essprogramme refuses it; "
        f"{len(peer_mutations.VALID_VARIANTS)} valid variants accepted by all"
    )
    print(
        "  (their duplicate-key check is bench/peers.py's own: without it, as the libraries "
        f"ship, they accept {len(shipped)} of the mutations)"
    )

    decoders: dict[str, Callable[[], Any]] = {
        "essprogramme": lambda: essprogramme.from_json(raw),
        "pydantic": lambda: peers.pydantic_decode(raw),
        "msgspec": lambda: peers.msgspec_decode(raw),
    }
    extras: dict[str, Callable[[], Any]] = {
        "pydantic, no dup-key check": lambda: peers.pydantic_decode_keeping_last(raw),
        "msgspec, no dup-key check": lambda: peers.msgspec_decode_keeping_last(raw),
        "orjson.loads alone": lambda: orjson.loads(raw),
    }
    errors: dict[str, Callable[[], Any]] = {
        f"bad field at sessions[{last}]": refused(bad_field),
        f"bad reference at sessions[{last}]": refused(bad_reference),
    }
    peers.SLOW_READS[0] = 0  # the check above ran the slow reader on purpose
    for fn in (decoders["essprogramme"], *errors.values()):
        timed(fn, gc_on=True)  # warm up: generated code, caches (the peers read it above)

    modes = {"on": True, "off": False}
    decode: dict[str, dict[str, list[Timing]]] = {m: {k: [] for k in decoders} for m in modes}
    other: dict[str, dict[str, list[Timing]]] = {m: {k: [] for k in extras} for m in modes}
    error: dict[str, dict[str, list[Timing]]] = {m: {k: [] for k in errors} for m in modes}
    for round_ in range(args.rounds):
        for mode in sorted(modes, reverse=round_ % 2 == 1):
            names = list(decoders)
            names = names[round_ % 3 :] + names[: round_ % 3]
            for name in names:
                decode[mode][name].append(timed(decoders[name], modes[mode]))
            for name, fn in errors.items():
                error[mode][name].append(timed(fn, modes[mode]))
            if mode == "on":
                for name, fn in extras.items():
                    other[mode][name].append(timed(fn, True))

    # Encoding: the decoded objects are alive only now, frozen out of the
    # collector's way (as long-lived data mostly is), so that collections
    # before and during each call do not walk the other libraries' objects.
    objects = {name: fn() for name, fn in decoders.items()}
    gc.collect()
    gc.freeze()
    encoders: dict[str, Callable[[], Any]] = {
        "essprogramme": lambda: essprogramme.to_json_bytes(objects["essprogramme"]),
        "pydantic": lambda: peers.pydantic_encode(objects["pydantic"]),
        "msgspec": lambda: peers.msgspec_encode(objects["msgspec"]),
    }
    encode: dict[str, dict[str, list[Timing]]] = {m: {k: [] for k in encoders} for m in modes}
    for round_ in range(args.rounds):
        for mode in sorted(modes, reverse=round_ % 2 == 1):
            names = list(encoders)
            names = names[round_ % 3 :] + names[: round_ % 3]
            for name in names:
                encode[mode][name].append(timed(encoders[name], modes[mode]))
    gc.unfreeze()
    objects.clear()

    figures: dict[str, dict[str, float]] = {}
    print(
        f"\n{args.rounds} rounds; times in ms: wall min, wall median, CPU min, CPU median"
        "\n(ratios: the median over rounds of each round's side-by-side ratio, wall | CPU)"
    )
    for mode in modes:
        title = "GC on (as users run it)" if mode == "on" else "GC off"
        print(f"\n{title}\n{'':44} {'wall min':>8} {'wall med':>8} {'cpu min':>8} {'cpu med':>8}")
        for name, times in decode[mode].items():
            print(f"decode+validate  {name:27} {summary(times)}")
        for name, times in other[mode].items() if mode == "on" else ():
            print(f"decode           {name:27} {summary(times)}")
        for name, times in encode[mode].items():
            print(f"encode           {name:27} {summary(times)}")
        for name, times in error[mode].items():
            print(f"error            {name:27} {summary(times)}")
        ours = decode[mode]["essprogramme"]
        field_times, ref_times = error[mode].values()
        pairs = {
            "decode_vs_pydantic": (ours, decode[mode]["pydantic"]),
            "decode_vs_msgspec": (ours, decode[mode]["msgspec"]),
            "encode_vs_pydantic": (encode[mode]["essprogramme"], encode[mode]["pydantic"]),
            "encode_vs_msgspec": (encode[mode]["essprogramme"], encode[mode]["msgspec"]),
            "error_vs_valid": (field_times, ours),
            "error_reference_vs_valid": (ref_times, ours),
        }
        if mode == "on":
            pairs["decode_vs_pydantic_without_dup_key_check"] = (
                ours,
                other[mode]["pydantic, no dup-key check"],
            )
            pairs["decode_vs_msgspec_without_dup_key_check"] = (
                ours,
                other[mode]["msgspec, no dup-key check"],
            )
            pairs["decode_vs_orjson_loads"] = (ours, other[mode]["orjson.loads alone"])
        print("ratios")
        for key, (a, b) in pairs.items():
            wall, cpu = ratio(a, b, 0), ratio(a, b, 1)
            figures.setdefault(f"wall_gc_{mode}", {})[key] = round(wall, 3)
            figures.setdefault(f"cpu_gc_{mode}", {})[key] = round(cpu, 3)
            print(f"  {key:42} {wall:5.2f}x | {cpu:5.2f}x")
    if peers.SLOW_READS[0]:
        print(f"\nWARNING: the peers' slow duplicate-key reader ran {peers.SLOW_READS[0]} times")
    print(f"\n(whole run: {time.perf_counter() - started:.0f} s)")
    if args.json:
        on = figures["wall_gc_on"]
        result: dict[str, Any] = {
            **{key: on[key] for key in MAIN},
            "gc": "on",
            "time": "wall",
            "gc_off": figures["wall_gc_off"],
            "cpu": figures["cpu_gc_on"],
            "cpu_gc_off": figures["cpu_gc_off"],
            "others": {k: v for k, v in on.items() if k not in MAIN},
            "ms": {
                mode: {
                    f"{task} {name}": round(statistics.median(t[0] for t in times) * 1e3, 1)
                    for task, table in (("decode", decode), ("encode", encode), ("error", error))
                    for name, times in table[mode].items()
                }
                for mode in modes
            },
            "peers_equal": True,
            "mutations": len(peer_mutations.all_mutations()),
            "sessions": args.sessions,
            "speakers": args.speakers,
            "rounds": args.rounds,
        }
        print(json.dumps(result))


if __name__ == "__main__":
    main()
