"""What every command shares: safe terminal output, reading programmes, reporting problems."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import TextIO

from .. import examples
from ..codec import from_json
from ..errors import ValidationError
from ..model import Programme
from ..model._formats import is_zone_key

__all__ = [
    "BUG",
    "DEFAULT_EXAMPLE",
    "INVALID",
    "OK",
    "UNUSABLE",
    "cannot_read",
    "load",
    "machine_zone",
    "open_programme",
    "read",
    "report",
    "safe_line",
    "safe_text",
    "say",
    "unknown_zone",
    "write",
]

DEFAULT_EXAMPLE = "gsef2021-partenariats"

# What a terminal must never receive raw from a file: C0 controls, DEL, C1
# controls (ESC, CSI, OSC...), lone surrogates (no encoding can write them)
# and the bidirectional embeddings, overrides and isolates ("Trojan Source").
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# In a line of a message, newline and tab are escaped too: a line stays one line.
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")
# In the body of `show`, newline and tab lay the text out.
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")

# Exit statuses.
OK, INVALID, UNUSABLE, BUG = 0, 1, 2, 3


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


def write(stream: TextIO, text: str) -> None:
    """Write ``text``; where the stream cannot encode a character, write its escape."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def say(line: str, stream: TextIO | None = None) -> None:
    """One line of a message, made safe for the terminal."""
    write(stream or sys.stdout, safe_line(line) + "\n")


def machine_zone() -> str:
    """This machine's IANA zone key: ``$TZ``, else ``/etc/localtime``, else ``UTC``."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:  # pragma: no cover - no such file on this system
        pass
    with (
        contextlib.suppress(OSError, UnicodeDecodeError),
        open("/etc/timezone", encoding="utf-8") as file,
    ):
        candidates.append(file.read().strip())
    return next((zone for zone in candidates if zone and is_zone_key(zone)), "UTC")


def read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as file:
        return file.read()


def load(source: str | None) -> Programme:
    if source is None:
        return examples.load(DEFAULT_EXAMPLE)
    if source in examples.names() and not os.path.exists(source):
        return examples.load(source)
    return from_json(read(source))


def cannot_read(name: str, error: OSError) -> str:
    return f"{name}: cannot read: {error.strerror or error}"


def report(name: str, error: ValidationError, stream: TextIO | None = None) -> None:
    count = len(error.problems)
    say(f"{name}: {count} problem{'' if count == 1 else 's'}", stream)
    for problem in error.problems:
        say(f"  {problem}", stream)


def open_programme(source: str | None) -> Programme | int:
    """The programme in ``source`` (see :func:`load`), or the exit status after saying why not."""
    name = source if source is not None else DEFAULT_EXAMPLE
    try:
        return load(source)
    except OSError as error:
        say(f"essprogramme: {cannot_read(name, error)}", sys.stderr)
        return UNUSABLE
    except ValidationError as error:
        report(name, error, sys.stderr)
        return INVALID


def unknown_zone(zone: str | None) -> bool:
    """Whether the ``--tz`` given is no zone key; if so, say so."""
    if zone is None or is_zone_key(zone):
        return False
    say(f"essprogramme: unknown time zone {zone!r} (try Europe/Paris)", sys.stderr)
    return True
