"""The command line, for people who are not programmers.

``essprogramme show [FILE] [--tz ZONE] [--lang TAG]`` prints a readable
programme (by default the shipped GSEF 2021 example, in this machine's
zone). ``essprogramme validate FILE...`` prints every problem with its path
and exits with status 1 if any file is invalid (``--schema-only`` checks
against the JSON Schema files alone). ``essprogramme schema [NAME]`` prints
a schema.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import examples, schemas
from .codec import from_json
from .errors import Problem, ValidationError
from .export.text import render_text
from .model import Programme
from .model._formats import is_zone_key

__all__ = ["machine_zone", "main"]

_DEFAULT_EXAMPLE = "gsef2021-partenariats"


def machine_zone() -> str:
    """This machine's IANA zone key: ``$TZ``, else ``/etc/localtime``, else ``UTC``."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:  # pragma: no cover - no such file on this system
        pass
    with contextlib.suppress(OSError):
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


def _show(args: argparse.Namespace) -> int:
    if args.tz is not None and not is_zone_key(args.tz):
        print(f"essprogramme: unknown time zone {args.tz!r} (try Europe/Paris)", file=sys.stderr)
        return 2
    try:
        programme = _load(args.file)
    except OSError as error:
        print(f"essprogramme: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    except ValidationError as error:
        print(f"{args.file}: invalid\n  {error}", file=sys.stderr)
        return 1
    lang = args.lang or (
        programme.languages[0] if programme.languages else programme.title.original
    )
    sys.stdout.write(render_text(programme, zone=args.tz or machine_zone(), lang=lang))
    return 0


def _schema(args: argparse.Namespace) -> int:
    try:
        document = schemas.load(args.name)
    except LookupError as error:
        print(f"essprogramme: {error.args[0]}", file=sys.stderr)
        return 2
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0


def _check(data: bytes, schema_only: bool) -> None:
    if not schema_only:
        from_json(data)
        return
    try:
        document = json.loads(data)
    except ValueError as error:
        raise ValidationError(
            [Problem(location=(), code="json", message=f"not JSON: {error}")]
        ) from None
    schemas.validate(document)


def _validate(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            _check(_read(name), args.schema_only)
        except OSError as error:
            print(f"{name}: cannot read: {error.strerror}")
            status = max(status, 2)
        except ValidationError as error:
            print(f"{name}: {len(error.problems)} problem(s)")
            for problem in error.problems:
                print(f"  {problem}")
            status = max(status, 1)
        else:
            print(f"{name}: valid")
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
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def _entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
