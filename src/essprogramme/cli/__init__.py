"""The command line, for people who are not programmers.

``essprogramme show [FILE] [--tz ZONE] [--lang TAG]`` prints a readable
programme (by default the shipped GSEF 2021 example, in this machine's
zone). ``essprogramme validate FILE...`` prints every problem with its path
and exits with status 1 if any file is invalid (``--schema-only`` checks
against the JSON Schema files alone). ``essprogramme schema [NAME]`` prints
a schema.

Whatever a file holds, the command ends with a message and a status — 0
done, 1 invalid input, 2 a file that cannot be read or a bad option — never
with a traceback, and never writes a control character, a lone surrogate or
a bidirectional override from the input to the terminal: those are written
as escapes (``\\x1b``, ``\\u202e``), so a file cannot move the cursor, clear
the screen, change the window title or reorder what is shown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence

from .._jsondata import read_json
from ..codec import from_json
from ..errors import ValidationError
from ..formats.text import render_text
from . import _exchange, _scheduling
from ._io import (
    BUG,
    DEFAULT_EXAMPLE,
    INVALID,
    OK,
    UNUSABLE,
    cannot_read,
    machine_zone,
    open_programme,
    read,
    report,
    safe_line,
    safe_text,
    say,
    unknown_zone,
    write,
)

__all__ = ["machine_zone", "main", "safe_line", "safe_text"]


def _show(args: argparse.Namespace) -> int:
    if unknown_zone(args.tz):
        return UNUSABLE
    name = args.file if args.file is not None else DEFAULT_EXAMPLE
    programme = open_programme(args.file)
    if isinstance(programme, int):
        return programme
    lang = args.lang or (
        programme.languages[0] if programme.languages else programme.title.original
    )
    try:
        text = render_text(programme, zone=args.tz or machine_zone(), lang=lang)
    except ValidationError as error:
        report(name, error, sys.stderr)
        return INVALID
    write(sys.stdout, safe_text(text))
    return OK


def _schema(args: argparse.Namespace) -> int:
    from .. import schemas  # jsonschema loads slowly: only the commands that need it import it

    try:
        document = schemas.load(args.name)
    except LookupError as error:
        say(f"essprogramme: {error.args[0]}", sys.stderr)
        return UNUSABLE
    write(sys.stdout, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return OK


def _check(data: bytes, schema_only: bool) -> None:
    if not schema_only:
        from_json(data)
        return
    from .. import schemas

    # The model's own reader: NaN, 100,000 "[" or a repeated key are the same
    # problems, with the same codes, in both modes.
    schemas.validate(read_json(data))


def _validate(args: argparse.Namespace) -> int:
    status = OK
    for name in args.files:
        try:
            _check(read(name), args.schema_only)
        except OSError as error:
            say(cannot_read(name, error))
            status = max(status, UNUSABLE)
        except ValidationError as error:
            report(name, error)
            status = max(status, INVALID)
        else:
            say(f"{name}: valid")
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="essprogramme",
        description="Read, check and show the programmes of social and solidarity economy forums.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print a readable programme")
    show.add_argument(
        "file",
        nargs="?",
        help=f"a programme JSON file, '-' for standard input, or an example name (default: {DEFAULT_EXAMPLE})",
    )
    show.add_argument("--tz", help="IANA time zone to show times in (default: this machine's)")
    show.add_argument(
        "--lang", help="language to show texts in, such as fr or en (default: the programme's)"
    )
    show.set_defaults(run=_show)
    validate = commands.add_parser("validate", help="check programme files, listing every problem")
    validate.add_argument("files", nargs="+", help="programme JSON files ('-' for standard input)")
    validate.add_argument(
        "--schema-only",
        action="store_true",
        help="check against the JSON Schema files only (no cross-references, no tzdata)",
    )
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help="print a JSON Schema file")
    schema.add_argument(
        "name", nargs="?", default="programme", help="programme (default), session, speaker..."
    )
    schema.set_defaults(run=_schema)
    _exchange.add_commands(commands)
    _scheduling.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0: done; 1: invalid input; 2: an unreadable file or a bad option;
    3: a bug in essprogramme, reported in one line instead of a traceback;
    130: interrupted; 141: the reader of the output went away
    (``essprogramme show | head``).
    """
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _drop_output()
        return 141
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback, ever
        say(
            f"essprogramme: internal error, please report it: {type(error).__name__}: {error}",
            sys.stderr,
        )
        return BUG
    return status


def _drop_output() -> None:
    """Send what is left for standard output nowhere, so exiting writes no error."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def _entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
