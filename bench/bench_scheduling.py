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
Each figure is the minimum and the median wall time over the rounds, and
the minimum CPU time (``time.process_time``, less sensitive to other jobs
on a shared machine), with the garbage collector on as users run it (the
functions pause it themselves while they build their results). Building
the programmes is not timed. ``--json`` prints one JSON object on the last
line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
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


def timed(function: Callable[[], Any], rounds: int) -> tuple[float, float, float, Any]:
    """Minimum and median wall time, minimum CPU time (seconds) of ``rounds`` calls; the last result."""
    walls, cpus = [], []
    result = None
    for _ in range(rounds):
        result = None
        began, began_cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return min(walls), statistics.median(walls), min(cpus), result


def _line(what: str, best: float, median: float, cpu: float, unit: float = 1000) -> str:
    return f"{what}: min {best * unit:.1f} ms, median {median * unit:.1f} ms, CPU min {cpu * unit:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print a JSON object last")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}

    for size in (10_000, 100_000):
        built = programme(size)
        label = f"{size // 1000}k"
        for name, policy in (("conflicts", DEFAULT_POLICY), ("sweep", None)):
            best, median, cpu, report = timed(
                lambda built=built, policy=policy: find_conflicts(built, policy=policy), args.rounds
            )
            figures[f"{name}_{label}_ms"] = round(best * 1000, 1)
            figures[f"{name}_{label}_median_ms"] = round(median * 1000, 1)
            figures[f"{name}_{label}_cpu_ms"] = round(cpu * 1000, 1)
            what = "all checks" if policy is not None else "no comfort check"
            print(
                _line(f"conflicts, {size:,} sessions, {what}", best, median, cpu)
                + f" ({len(report.errors):,} errors, {len(report.warnings):,} warnings)"
            )
        del built
    for name in ("conflicts", "sweep"):
        ratio = figures[f"{name}_100k_ms"] / figures[f"{name}_10k_ms"]
        figures[f"{name}_ratio_100k_10k"] = round(ratio, 2)
        print(f"{name}: time(100k) / time(10k) = {ratio:.1f}")

    window = (datetime(2026, 4, 6, tzinfo=UTC), datetime(2026, 4, 20, tzinfo=UTC))
    zones = list(WIDE_ZONES)
    best, median, cpu, slots = timed(
        lambda: suggest_slots(zones, timedelta(minutes=90), window, limit=10), args.rounds
    )
    figures["slots_20x14d_ms"] = round(best * 1000, 2)
    figures["slots_20x14d_median_ms"] = round(median * 1000, 2)
    figures["slots_20x14d_cpu_ms"] = round(cpu * 1000, 2)
    print(
        _line("slots, 20 participants, 14 days, 15-minute grid", best, median, cpu)
        + f" (best: {slots[0].start:%Y-%m-%d %H:%M}Z)"
    )

    months = [
        (datetime(2026, m, 7, tzinfo=UTC), datetime(2026, m, 8, tzinfo=UTC)) for m in range(1, 13)
    ]
    best, median, cpu, series = timed(
        lambda: suggest_series(zones, timedelta(minutes=90), months), args.rounds
    )
    figures["series_12x20_ms"] = round(best * 1000, 1)
    figures["series_12x20_median_ms"] = round(median * 1000, 1)
    figures["series_12x20_cpu_ms"] = round(cpu * 1000, 1)
    repeated = max(t.discomfort for t in series.baseline)
    print(
        _line("series, 12 occurrences, 20 participants", best, median, cpu)
        + f" (worst total {series.worst} vs {repeated} for the best slot repeated)"
    )
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
