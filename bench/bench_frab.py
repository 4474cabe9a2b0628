"""Import of a 1,000-event frab/pretalx schedule, JSON and XML.

Run: ``python bench/bench_frab.py [--events N] [--rounds N] [--json]``.

The schedule is the export of a deterministic programme (``bench/generate.py``:
multilingual texts, a moderator and several speakers per session, bios,
rooms and tracks), so it has what pretalx writes: persons with guids and
biographies, rooms, tracks, links. Each import (bytes in, programme and
report out) is timed with the garbage collector on, as users run it, and
reported as the minimum and the median over the rounds, in wall-clock
seconds; the export is timed too. ``--json`` ends with one JSON line:
``events``, ``import_json_s``, ``import_xml_s``, ``export_json_s``,
``export_xml_s`` (wall-clock medians), the same with ``_cpu_s`` (CPU
medians), and ``bytes_json``, ``bytes_xml``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from essprogramme import Programme, from_dict
from essprogramme.formats import ExportOptions
from essprogramme.formats.frab import export_json, export_xml, import_json, import_xml
from generate import document


def timed(call: Callable[[], Any], rounds: int) -> tuple[float, float, float]:
    """(minimum, median) wall-clock seconds and median CPU seconds of ``rounds`` calls, GC on.

    CPU time (``time.process_time``) is what a shared, loaded machine
    disturbs least.
    """
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000, help="sessions in the programme")
    parser.add_argument("--rounds", type=int, default=7, help="timed calls of each")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()

    programme = from_dict(
        document(sessions=args.events, speakers=args.events // 2, organisations=50, initiatives=50),
        Programme,
    )
    options = ExportOptions()
    as_json = export_json(programme, options)
    as_xml = export_xml(programme, options)
    imported, _ = import_json(as_json)
    events = len(imported.sessions)
    assert len(import_xml(as_xml)[0].sessions) == events

    figures = {
        "import_json": timed(lambda: import_json(as_json), args.rounds),
        "import_xml": timed(lambda: import_xml(as_xml), args.rounds),
        "export_json": timed(lambda: export_json(programme, options), args.rounds),
        "export_xml": timed(lambda: export_xml(programme, options), args.rounds),
    }
    print(f"{events} events; JSON {len(as_json):,} bytes, XML {len(as_xml):,} bytes")
    for name, (low, middle, cpu) in figures.items():
        print(
            f"{name:12} wall min {low * 1000:7.1f} ms, median {middle * 1000:7.1f} ms;"
            f" CPU median {cpu * 1000:7.1f} ms"
        )
    if args.json:
        line = {f"{name}_s": round(middle, 4) for name, (_, middle, _) in figures.items()}
        line |= {f"{name}_cpu_s": round(cpu, 4) for name, (_, _, cpu) in figures.items()}
        print(
            json.dumps(
                {"events": events, **line, "bytes_json": len(as_json), "bytes_xml": len(as_xml)}
            )
        )


if __name__ == "__main__":
    main()
