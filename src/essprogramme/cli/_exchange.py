"""``essprogramme export`` and ``essprogramme import``: other formats, both ways.

Files are written atomically: into a temporary file beside the target, then
renamed over it, so a reader never sees half a calendar and a failed export
leaves the old file in place. ``-`` (the default for ``export``) writes to
standard output; on a terminal, control characters are escaped there too.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Any

from ..codec import to_json
from ..errors import ValidationError
from ..formats import EXPORTERS, IMPORTERS, ExportOptions, exporter, importer
from ._io import (
    INVALID,
    OK,
    UNUSABLE,
    cannot_read,
    open_programme,
    read,
    report,
    safe_text,
    say,
    unknown_zone,
    write,
)

__all__ = ["add_commands", "write_atomically"]


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (``-``: standard output) all at once or not at all."""
    if path == "-":
        if sys.stdout.isatty():
            write(sys.stdout, safe_text(data.decode("utf-8", "backslashreplace")))
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        return
    import tempfile  # only commands that write files pay for it

    directory, name = os.path.split(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _export(args: argparse.Namespace) -> int:
    if unknown_zone(args.tz):
        return UNUSABLE
    programme = open_programme(args.file)
    if isinstance(programme, int):
        return programme
    if args.speaker is not None and args.speaker not in {s.id for s in programme.speakers}:
        say(f"essprogramme: no speaker {args.speaker!r} in {args.file}", sys.stderr)
        return UNUSABLE
    options = ExportOptions(zone=args.tz, lang=args.lang, speaker=args.speaker)
    try:
        data = exporter(args.to)(programme, options)
    except ValidationError as error:
        report(args.file, error, sys.stderr)
        return INVALID
    return _output(args.output, data)


def _output(path: str, data: bytes) -> int:
    try:
        write_atomically(path, data)
    except OSError as error:
        say(f"essprogramme: cannot write {path}: {error.strerror or error}", sys.stderr)
        return UNUSABLE
    return OK


def _import(args: argparse.Namespace) -> int:
    try:
        data = read(args.file)
    except OSError as error:
        say(f"essprogramme: {cannot_read(args.file, error)}", sys.stderr)
        return UNUSABLE
    if unknown_zone(args.tz):
        return UNUSABLE
    try:
        programme, found = importer(args.source)(data, time_zone=args.tz)
    except ValidationError as error:
        report(args.file, error, sys.stderr)
        return INVALID
    # The report goes where it cannot mix with the programme written to stdout.
    stream = sys.stderr if args.output == "-" else sys.stdout
    for line in str(found).splitlines():
        say(line, stream)
    return _output(args.output, to_json(programme, indent=True).encode() + b"\n")


def add_commands(commands: Any) -> None:
    """Add ``export`` and ``import`` to the command line's sub-commands."""
    export = commands.add_parser(
        "export", help="write a programme as iCalendar, HTML, Markdown, JSON-LD or frab"
    )
    export.add_argument("file", help="a programme JSON file, '-' for standard input, or an example")
    export.add_argument("--to", required=True, choices=sorted(EXPORTERS), help="the format")
    export.add_argument("--tz", help="IANA time zone to show times in (default: the programme's)")
    export.add_argument("--lang", help="language of the texts, such as fr or en")
    export.add_argument("--speaker", help="only this speaker's sessions (a speaker id)")
    export.add_argument(
        "-o", "--output", default="-", help="the file to write (default: '-', standard output)"
    )
    export.set_defaults(run=_export)
    imported = commands.add_parser(
        "import", help="read a frab/pretalx schedule into a programme JSON file"
    )
    imported.add_argument("file", help="the schedule file ('-' for standard input)")
    imported.add_argument(
        "--from", dest="source", required=True, choices=sorted(IMPORTERS), help="its format"
    )
    imported.add_argument("--tz", help="IANA time zone to read the schedule in, when it names none")
    imported.add_argument(
        "-o", "--output", default="-", help="the programme JSON to write (default: standard output)"
    )
    imported.set_defaults(run=_import)
