"""Scheduling speed: the conflict sweep, the slot finder and the fair series.

Run: ``python bench/bench_scheduling.py [--rounds N] [--json]``.

- ``conflicts``: :func:`find_conflicts` on generated programmes of 10,000
  and 100,000 sessions (goal: 100k under 0.5 s, and time(100k)/time(10k)
  at most 12, i.e. close to n log n). Sessions sit in rooms on a grid of
  hourly slots (09:00-16:00 UTC) over 30 days, every fourth also on its
  room's livestream channel, one in a hundred in a room already taken;
  each has a moderator and two speakers drawn at random (so a few percent
  are double-booked), most of them near Europe, a few in Toronto or
  Mayotte (uncomfortable hours); a tenth start alone, a twentieth are
  exhibitions published by day, a few are cancelled; a tenth of the
  speakers give their availability, missing one day. Default options:
  comfort checked, no buffer.
- ``slots``: :func:`suggest_slots` for 20 participants in 20 zones over 14
  days on a 15-minute grid (goal: under 100 ms).
- ``series``: :func:`suggest_series` for 12 monthly occurrences, one day
  each, for the same 20 participants (goal: under 1 s).

Conflicts are timed with every check (``conflicts``) and without the
comfort check (``sweep``: double bookings, rooms, buffers, availability).
Each figure is the minimum and the median over the rounds of the wall time
and of the CPU time (``time.process_time``: less sensitive to other jobs on
a shared machine; the goals are read on the median CPU time, and so is
time(100k)/time(10k)). Only the call is timed: the programmes are built
before, and the garbage left by building them and by the previous round is
collected before each round, outside the timing. The collector stays on,
as users run it (the functions pause it themselves while they build their
results). The load average of the machine is printed before and after.
``--json`` prints one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from essprogramme import (
    Interval,
    LocalizedText,
    Location,
    LocationKind,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    SessionFormat,
    SessionStatus,
    Speaker,
)
from essprogramme.scheduling import DEFAULT_POLICY, find_conflicts, suggest_series, suggest_slots

#: Where the programme's speakers are: mostly near Europe, one in fifty far away.
ZONES = (
    *("Europe/Paris", "Africa/Lome", "UTC", "Africa/Tunis", "Europe/Madrid") * 10,
    "America/Toronto",
)
WIDE_ZONES = (
    "Indian/Mayotte",
    "Europe/Paris",
    "America/Toronto",
    "Africa/Lome",
    "Asia/Kathmandu",
    "America/Mexico_City",
    "Asia/Seoul",
    "Pacific/Chatham",
    "Africa/Tunis",
    "UTC",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Los_Angeles",
    "Africa/Nairobi",
    "Europe/Madrid",
    "Asia/Manila",
    "America/Bogota",
    "Africa/Casablanca",
    "Pacific/Auckland",
)
FIRST_DAY = date(2026, 3, 16)  # a Monday
DAYS = 30  # working days: six weeks
SLOTS = 8  # hourly, 09:00 to 16:00 UTC


def programme(sessions: int, seed: int = 2026) -> Programme:
    """A programme of ``sessions`` sessions (deterministic)."""
    rng = random.Random(seed)
    rooms = max(1, -(-sessions // (DAYS * SLOTS)))
    speakers = max(3, sessions // 2)
    title = LocalizedText({"fr": "Atelier"})
    locations = [
        Location(id="palais", name=LocalizedText({"fr": "Palais"}), kind=LocationKind.VENUE)
    ]
    for room in range(rooms):
        locations.append(
            Location(
                id=f"salle-{room}",
                name=LocalizedText({"fr": f"Salle {room}"}),
                kind=LocationKind.ROOM,
                parent="palais",
            )
        )
        locations.append(
            Location(
                id=f"direct-{room}",
                name=LocalizedText({"fr": f"Direct {room}"}),
                kind=LocationKind.ONLINE,
            )
        )
    start = datetime.combine(FIRST_DAY, datetime.min.time(), UTC)
    people = []
    for index in range(speakers):
        available: tuple[Interval, ...] = ()
        if index % 10 == 0:
            gap = start + timedelta(days=rng.randrange(7 * DAYS // 5))
            after = Interval(start=gap + timedelta(days=1), end=start + timedelta(days=2 * DAYS))
            available = (Interval(start=start, end=gap), after) if gap > start else (after,)
        people.append(
            Speaker(
                id=f"s{index}",
                name=f"Speaker {index}",
                time_zone=ZONES[index % len(ZONES)],
                availability=available,
            )
        )
    items = []
    for index in range(sessions):
        cell = index if rng.random() > 0.01 else rng.randrange(sessions)  # 1 % room clashes
        room, slot = divmod(cell % (rooms * DAYS * SLOTS), DAYS * SLOTS)
        day, hour = divmod(slot, SLOTS)
        week, weekday = divmod(day, 5)  # working days only
        begin = start + timedelta(days=7 * week + weekday, hours=9 + hour)
        who = rng.sample(range(speakers), 3)
        status = SessionStatus.CANCELLED if rng.random() < 0.03 else SessionStatus.SCHEDULED
        shape = rng.random()
        if shape < 0.05:
            items.append(
                Session(
                    id=f"session-{index}",
                    title=title,
                    format=SessionFormat.EXHIBITION,
                    status=status,
                    start_date=begin.date(),
                    locations=["palais"],
                )
            )
            continue
        fields: dict[str, Any] = {"start": begin, "end": begin + timedelta(minutes=50)}
        if shape < 0.15:
            fields = {"start": begin}
        places = [f"salle-{room}"] + ([f"direct-{room}"] if index % 4 == 0 else [])
        items.append(
            Session(
                id=f"session-{index}",
                title=title,
                format=SessionFormat.WORKSHOP,
                status=status,
                locations=places,
                participants=[
                    Participant(role=ParticipantRole.MODERATOR, speaker=f"s{who[0]}"),
                    Participant(role=ParticipantRole.SPEAKER, speaker=f"s{who[1]}"),
                    Participant(role=ParticipantRole.SPEAKER, speaker=f"s{who[2]}"),
                ],
                **fields,
            )
        )
    return Programme(
        id="bench",
        title=LocalizedText({"fr": "Banc d'essai"}),
        time_zone="UTC",
        start_date=FIRST_DAY,
        end_date=FIRST_DAY + timedelta(days=7 * DAYS // 5),
        locations=locations,
        speakers=people,
        sessions=items,
    )


@dataclass(frozen=True)
class Timing:
    """Wall and CPU time (seconds) of the rounds of one call: minimum and median."""

    wall_min: float
    wall_median: float
    cpu_min: float
    cpu_median: float

    def line(self, what: str) -> str:
        return (
            f"{what}: wall min {self.wall_min * 1000:.1f} ms, median {self.wall_median * 1000:.1f} ms;"
            f" CPU min {self.cpu_min * 1000:.1f} ms, median {self.cpu_median * 1000:.1f} ms"
        )

    def record(self, figures: dict[str, Any], key: str, digits: int = 1) -> None:
        """Into ``figures``: ``key_ms`` (wall min), ``key_median_ms``, ``key_cpu_ms``, ``key_cpu_median_ms``."""
        for suffix, value in (
            ("ms", self.wall_min),
            ("median_ms", self.wall_median),
            ("cpu_ms", self.cpu_min),
            ("cpu_median_ms", self.cpu_median),
        ):
            figures[f"{key}_{suffix}"] = round(value * 1000, digits)


def timed(function: Callable[[], Any], rounds: int) -> tuple[Timing, Any]:
    """The timing of ``rounds`` calls of ``function``, and the last result.

    Before each call, outside the timing, the previous result is dropped and
    the garbage collector runs: each call starts from the same state, with
    nothing pending from building the inputs or from the previous round.
    """
    walls, cpus = [], []
    result = None
    for _ in range(rounds):
        result = None
        gc.collect()
        began, began_cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    timing = Timing(min(walls), statistics.median(walls), min(cpus), statistics.median(cpus))
    return timing, result


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print a JSON object last")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"rounds": args.rounds, "load_before": _load()}
    print(f"load average before: {figures['load_before']}")

    for size in (10_000, 100_000):
        built = programme(size)
        label = f"{size // 1000}k"
        for name, policy in (("conflicts", DEFAULT_POLICY), ("sweep", None)):
            timing, report = timed(
                lambda built=built, policy=policy: find_conflicts(built, policy=policy), args.rounds
            )
            timing.record(figures, f"{name}_{label}")
            what = "all checks" if policy is not None else "no comfort check"
            print(
                timing.line(f"conflicts, {size:,} sessions, {what}")
                + f" ({len(report.errors):,} errors, {len(report.warnings):,} warnings)"
            )
            del report
        del built
    for name in ("conflicts", "sweep"):
        ratio = figures[f"{name}_100k_cpu_median_ms"] / figures[f"{name}_10k_cpu_median_ms"]
        figures[f"{name}_ratio_100k_10k"] = round(ratio, 2)
        print(f"{name}: time(100k) / time(10k) = {ratio:.1f} (median CPU time)")

    window = (datetime(2026, 4, 6, tzinfo=UTC), datetime(2026, 4, 20, tzinfo=UTC))
    zones = list(WIDE_ZONES)
    timing, slots = timed(
        lambda: suggest_slots(zones, timedelta(minutes=90), window, limit=10), args.rounds
    )
    timing.record(figures, "slots_20x14d", digits=2)
    print(
        timing.line("slots, 20 participants, 14 days, 15-minute grid")
        + f" (best: {slots[0].start:%Y-%m-%d %H:%M}Z)"
    )

    months = [
        (datetime(2026, m, 7, tzinfo=UTC), datetime(2026, m, 8, tzinfo=UTC)) for m in range(1, 13)
    ]
    timing, series = timed(
        lambda: suggest_series(zones, timedelta(minutes=90), months), args.rounds
    )
    timing.record(figures, "series_12x20")
    repeated = max(t.discomfort for t in series.baseline)
    print(
        timing.line("series, 12 occurrences, 20 participants")
        + f" (worst total {series.worst} vs {repeated} for the best slot repeated)"
    )
    figures["load_after"] = _load()
    print(f"load average after: {figures['load_after']}")
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
