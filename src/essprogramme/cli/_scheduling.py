"""``essprogramme conflicts`` and ``essprogramme slots``: scheduling from the command line.

``essprogramme conflicts FILE`` lists every conflict of a programme's
schedule, errors first, in French, English or Spanish (``--lang``), or as
JSON (``--format json``). It exits with status 0 when there is no error
(warnings alone do not fail it), 1 when there is at least one error or the
file is invalid, 2 when the file cannot be read or an option is bad: a
script can gate publishing on it.

``essprogramme slots --zones Indian/Mayotte Europe/Paris --duration 90m
--date 2021-10-08`` prints the fairest start times for a session, one row
each: the start in UTC, the local time in each participant's zone, the
worst-off participant and the score (worst / total discomfort). Speakers of
a programme can be the participants instead (``--programme FILE --speakers
ID...``): their availability and their other sessions then count.

The scheduling modules are imported inside the commands, so that
``essprogramme show`` does not pay for them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ._io import INVALID, OK, UNUSABLE, open_programme, report, safe_text, say, unknown_zone, write

if TYPE_CHECKING:
    from ..model import Programme
    from ..scheduling import ComfortPolicy, Slot

__all__ = ["add_commands", "parse_duration"]

_DURATION = re.compile(r"(?:([0-9]{1,4})h)?(?:([0-9]{1,5})(?:m|min)?)?")


def parse_duration(text: str) -> timedelta | None:
    """``90m``, ``1h30``, ``1h30m``, ``2h`` or ``90`` (minutes); ``None`` if it is none of those.

    >>> parse_duration("1h30"), parse_duration("45"), parse_duration("soon")
    (datetime.timedelta(seconds=5400), datetime.timedelta(seconds=2700), None)
    """
    found = _DURATION.fullmatch(text.strip())
    if found is None or not any(found.groups()):
        return None
    hours, minutes = (int(part) if part else 0 for part in found.groups())
    return timedelta(hours=hours, minutes=minutes)


def _minutes(value: str) -> timedelta:
    """An argparse type: a duration, as :func:`parse_duration` reads it."""
    found = parse_duration(value)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a duration: {value!r} (try 90m or 1h30)")
    return found


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (try 2021-10-08)") from None


def _policy(args: argparse.Namespace) -> ComfortPolicy:
    from ..scheduling import ComfortPolicy

    hours = {
        name: value
        for name in ("ideal", "acceptable", "night")
        if (value := getattr(args, name, None)) is not None
    }
    return ComfortPolicy(**hours)


def _conflicts(args: argparse.Namespace) -> int:
    from ..scheduling import find_conflicts

    programme = open_programme(args.file)
    if isinstance(programme, int):
        return programme
    try:
        result = find_conflicts(
            programme,
            buffer=args.buffer,
            travel=args.travel,
            assumed_duration=args.assume,
            policy=None if args.no_comfort else _policy(args),
            organisations=args.organisations,
        )
    except ValidationError as error:
        report("options", error, sys.stderr)
        return UNUSABLE
    if args.format == "json":
        data = {"file": args.file, **result.to_dict(args.lang)}
        write(sys.stdout, safe_text(json.dumps(data, ensure_ascii=True, indent=2)) + "\n")
    else:
        say(f"{args.file}: {result.summary(args.lang)}")
        for line in result.messages(args.lang):
            say(f"  {line}")
    return INVALID if result.has_errors else OK


def _participants(args: argparse.Namespace) -> tuple[list[Any], Programme | None] | int:
    from ..scheduling import Attendee

    if args.programme is None:
        if args.speakers:
            say("essprogramme: --speakers needs --programme FILE", sys.stderr)
            return UNUSABLE
        return list(args.zones or []), None
    programme = open_programme(args.programme)
    if isinstance(programme, int):
        return programme
    found: list[Any] = list(args.zones or [])
    for ident in args.speakers or []:
        try:
            speaker = programme.speaker(ident)
        except LookupError:
            say(f"essprogramme: no speaker {ident!r} in {args.programme}", sys.stderr)
            return UNUSABLE
        found.append(speaker if speaker.time_zone is None else Attendee.of(speaker, programme))
    return found, programme


def _local(moment: datetime, zone: str) -> str:
    from ..scheduling._common import on_clock, zone_info

    local = on_clock(moment, zone_info(zone))
    shift = (local.date() - moment.date()).days
    return f"{local:%H:%M}" + (f" ({shift:+d})" if shift else "")


def _table(found: tuple[Slot, ...], lang: str) -> list[str]:
    from ..scheduling import message

    if not found:
        return [message("no_slots", lang)]
    heads = [entry.participant for entry in found[0].comfort]
    rows = [["#", "UTC", *heads, message("worst_off", lang), message("score", lang)]]
    for slot in found:
        cells = [str(slot.rank), f"{slot.start:%Y-%m-%d %H:%M}"]
        cells += [_local(slot.start, entry.zone or "UTC") for entry in slot.comfort]
        cells.append(", ".join(slot.worst_off) or message("nobody", lang))
        cells.append(f"{slot.worst} / {slot.total}")
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _slots(args: argparse.Namespace) -> int:
    from ..scheduling import suggest_slots
    from ..scheduling._common import midnight

    if unknown_zone(args.tz):
        return UNUSABLE
    got = _participants(args)
    if isinstance(got, int):
        return got
    participants, programme = got
    if not participants:
        say("essprogramme: give --zones, or --programme FILE with --speakers", sys.stderr)
        return UNUSABLE
    try:
        zone = args.tz or "UTC"
        first = midnight(args.date, zone)
        last = midnight(args.date + timedelta(days=args.days), zone)
        found = suggest_slots(
            participants,
            args.duration,
            (first, last),
            step=args.step,
            policy=_policy(args),
            limit=args.limit,
            programme=programme,
        )
    except ValidationError as error:
        report("options", error, sys.stderr)
        return UNUSABLE
    except OverflowError:
        say("essprogramme: the dates are outside the calendar", sys.stderr)
        return UNUSABLE
    if args.format == "json":
        data = [
            {
                "rank": s.rank,
                "start": s.start.isoformat().replace("+00:00", "Z"),
                "end": s.end.isoformat().replace("+00:00", "Z"),
                "worst": s.worst,
                "total": s.total,
                "worst_off": list(s.worst_off),
                "local": {
                    c.participant: c.start.isoformat() if c.start else None for c in s.comfort
                },
            }
            for s in found
        ]
        write(sys.stdout, safe_text(json.dumps(data, ensure_ascii=True, indent=2)) + "\n")
    else:
        for line in _table(found, args.lang):
            say(line)
    return OK


def add_commands(commands: Any) -> None:
    """Add ``conflicts`` and ``slots`` to the command line's sub-commands."""
    conflicts = commands.add_parser(
        "conflicts",
        help="list a programme's scheduling conflicts (exit status 1 if any is an error)",
    )
    conflicts.add_argument(
        "file", help="a programme JSON file, '-' for standard input, or an example"
    )
    conflicts.add_argument("--lang", default="en", help="language of the messages: fr, en or es")
    conflicts.add_argument(
        "--buffer",
        type=_minutes,
        default=timedelta(0),
        help="least time between two sessions of one person (15m)",
    )
    conflicts.add_argument(
        "--travel",
        type=_minutes,
        default=timedelta(0),
        help="more time needed between two sites (30m)",
    )
    conflicts.add_argument(
        "--assume",
        type=_minutes,
        default=timedelta(hours=1),
        help="how long a session with a start alone is taken to last (default 1h)",
    )
    conflicts.add_argument("--no-comfort", action="store_true", help="do not check local hours")
    conflicts.add_argument(
        "--organisations",
        action="store_true",
        help="also report organisations in two sessions at once",
    )
    _comfort_options(conflicts)
    conflicts.add_argument("--format", choices=("text", "json"), default="text")
    conflicts.set_defaults(run=_conflicts)

    slots = commands.add_parser("slots", help="suggest the fairest start times for a session")
    slots.add_argument("--zones", nargs="+", metavar="ZONE", help="participants' IANA zones")
    slots.add_argument("--programme", help="a programme whose speakers take part (with --speakers)")
    slots.add_argument("--speakers", nargs="+", metavar="ID", help="speaker ids in --programme")
    slots.add_argument(
        "--duration", type=_minutes, required=True, help="the session's length (90m)"
    )
    slots.add_argument(
        "--date", type=_day, required=True, help="the first day to search (2021-10-08)"
    )
    slots.add_argument("--days", type=int, default=1, help="how many days to search (default 1)")
    slots.add_argument("--tz", help="the zone the days are read in (default UTC)")
    slots.add_argument("--step", type=_minutes, default=timedelta(minutes=15), help="grid (15m)")
    slots.add_argument("--limit", type=int, default=10, help="how many starts to list (default 10)")
    slots.add_argument("--lang", default="en", help="language of the headings: fr, en or es")
    _comfort_options(slots)
    slots.add_argument("--format", choices=("text", "json"), default="text")
    slots.set_defaults(run=_slots)


def _comfort_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ideal", metavar="HH:MM-HH:MM", help="ideal local hours (09:00-17:00)")
    parser.add_argument(
        "--acceptable", metavar="HH:MM-HH:MM", help="acceptable hours (08:00-20:00)"
    )
    parser.add_argument("--night", metavar="HH:MM-HH:MM", help="night hours (22:00-06:00)")
