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
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import examples
from ._jsondata import read_json
from .codec import from_json
from .errors import ValidationError
from .export.text import render_text
from .model import Programme
from .model._formats import is_zone_key

__all__ = ["machine_zone", "main"]

_DEFAULT_EXAMPLE = "gsef2021-partenariats"

# What a terminal must never receive raw from a file: C0 controls, DEL, C1
# controls (ESC, CSI, OSC...), lone surrogates (no encoding can write them)
# and the bidirectional embeddings, overrides and isolates ("Trojan Source").
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# In a line of a message, newline and tab are escaped too: a line stays one line.
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")
# In the body of `show`, newline and tab lay the text out.
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")

# Exit statuses.
_OK, _INVALID, _UNUSABLE, _BUG = 0, 1, 2, 3


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_line(text: str) -> str:
    """``text`` fit for one line of a terminal: every unsafe character escaped.

    >>> safe_line("GSEF\\x1b[2J 2021\\n\\u202eevil")
    'GSEF\\\\x1b[2J 2021\\\\x0a\\\\u202eevil'
    """
    return _UNSAFE_IN_LINE.sub(_escape, text)


def safe_text(text: str) -> str:
    """``text`` fit for a terminal, keeping its newlines and tabs.

    >>> safe_text("Atelier\\t14:00\\n\\x9b31m\\ud800")
    'Atelier\\t14:00\\n\\\\x9b31m\\\\ud800'
    """
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def _write(stream: TextIO, text: str) -> None:
    """Write ``text``; where the stream cannot encode a character, write its escape."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def _say(line: str, stream: TextIO | None = None) -> None:
    """One line of a message, made safe for the terminal."""
    _write(stream or sys.stdout, safe_line(line) + "\n")


def machine_zone() -> str:
    """This machine's IANA zone key: ``$TZ``, else ``/etc/localtime``, else ``UTC``."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:  # pragma: no cover - no such file on this system
        pass
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return next((zone for zone in candidates if zone and is_zone_key(zone)), "UTC")


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def _load(source: str | None) -> Programme:
    if source is None:
        return examples.load(_DEFAULT_EXAMPLE)
    if source in examples.names() and not Path(source).exists():
        return examples.load(source)
    return from_json(_read(source))


def _cannot_read(name: str, error: OSError) -> str:
    return f"{name}: cannot read: {error.strerror or error}"


def _report(name: str, error: ValidationError, stream: TextIO | None = None) -> None:
    count = len(error.problems)
    _say(f"{name}: {count} problem{'' if count == 1 else 's'}", stream)
    for problem in error.problems:
        _say(f"  {problem}", stream)


def _show(args: argparse.Namespace) -> int:
    if args.tz is not None and not is_zone_key(args.tz):
        _say(f"essprogramme: unknown time zone {args.tz!r} (try Europe/Paris)", sys.stderr)
        return _UNUSABLE
    name = args.file if args.file is not None else _DEFAULT_EXAMPLE
    try:
        programme = _load(args.file)
    except OSError as error:
        _say(f"essprogramme: {_cannot_read(name, error)}", sys.stderr)
        return _UNUSABLE
    except ValidationError as error:
        _report(name, error, sys.stderr)
        return _INVALID
    lang = args.lang or (
        programme.languages[0] if programme.languages else programme.title.original
    )
    try:
        text = render_text(programme, zone=args.tz or machine_zone(), lang=lang)
    except ValidationError as error:
        _report(name, error, sys.stderr)
        return _INVALID
    _write(sys.stdout, safe_text(text))
    return _OK


def _schema(args: argparse.Namespace) -> int:
    from . import schemas  # jsonschema loads slowly: only the commands that need it import it

    try:
        document = schemas.load(args.name)
    except LookupError as error:
        _say(f"essprogramme: {error.args[0]}", sys.stderr)
        return _UNUSABLE
    _write(sys.stdout, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return _OK


def _check(data: bytes, schema_only: bool) -> None:
    if not schema_only:
        from_json(data)
        return
    from . import schemas

    # The model's own reader: NaN, 100,000 "[" or a repeated key are the same
    # problems, with the same codes, in both modes.
    schemas.validate(read_json(data))


def _validate(args: argparse.Namespace) -> int:
    status = _OK
    for name in args.files:
        try:
            _check(_read(name), args.schema_only)
        except OSError as error:
            _say(_cannot_read(name, error))
            status = max(status, _UNUSABLE)
        except ValidationError as error:
            _report(name, error)
            status = max(status, _INVALID)
        else:
            _say(f"{name}: valid")
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
        help=f"a programme JSON file, '-' for standard input, or an example name (default: {_DEFAULT_EXAMPLE})",
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
        _say(
            f"essprogramme: internal error, please report it: {type(error).__name__}: {error}",
            sys.stderr,
        )
        return _BUG
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
