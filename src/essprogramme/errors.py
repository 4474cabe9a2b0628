"""The one error type for bad input, and the problems it carries.

Every way into the library — a model constructor, the JSON decoder, a
programme's cross-reference check — reports bad input by raising
:class:`ValidationError`, holding *every* problem found, each located by a
JSON path into the document (``$.sessions[2].end``) and named by a stable
code that programs can match on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Problem", "ValidationError", "json_path", "one_problem", "sorted_problems"]

Location = tuple[str | int, ...]

_NAME = re.compile("[A-Za-z_][A-Za-z0-9_]*").fullmatch


def _quote(key: str) -> str:
    """``key`` in single quotes, with quotes, backslashes and unprintables escaped."""
    out = []
    for char in key:
        if char in "\\'":
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "'" + "".join(out) + "'"


def json_path(location: Iterable[str | int]) -> str:
    """Spell a location as a JSON path, the way ``jsonschema`` does.

    Keys that are not plain names are quoted, so every path reads one way
    only, and nothing unprintable reaches a terminal.

    >>> json_path(("sessions", 2, "end"))
    '$.sessions[2].end'
    >>> json_path(("title", "fr-CA"))
    "$.title['fr-CA']"
    >>> json_path(("a.b", "it's"))
    "$['a.b']['it\\\\'s']"
    >>> json_path(())
    '$'
    """
    parts = ["$"]
    for step in location:
        if type(step) is int:
            parts.append(f"[{step}]")
        elif _NAME(str(step)):
            parts.append(f".{step}")
        else:
            parts.append(f"[{_quote(str(step))}]")
    return "".join(parts)


def _location(steps: Iterable[str | int]) -> Location:
    return tuple(steps)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input: where, what, and a stable code.

    ``location`` is the sequence of keys and indexes from the document's root;
    ``path`` spells it as a JSON path. ``code`` is one of a small, documented
    set (``type``, ``required``, ``unknown_key``, ``naive_datetime``,
    ``end_before_start``, ``unknown_reference``, ``duplicate_id``, ...) and
    never changes between releases; ``message`` is for people and may.

    >>> Problem(location=("sessions", 0, "end"), code="end_before_start",
    ...         message="must be after start")
    Problem(location=('sessions', 0, 'end'), code='end_before_start', message='must be after start')
    """

    location: Location = attrs.field(converter=_location)
    code: str
    message: str

    @property
    def path(self) -> str:
        """The location as a JSON path, such as ``$.sessions[0].end``."""
        return json_path(self.location)

    def within(self, *prefix: str | int) -> Problem:
        """The same problem, seen from a container ``prefix`` steps up."""
        return Problem(location=(*prefix, *self.location), code=self.code, message=self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


class ValidationError(ValueError):
    """Bad input: every problem found, each with its path and code.

    A :class:`ValueError`, so code that already guards against bad values
    catches it too.

    >>> error = ValidationError([Problem(location=("end",), code="end_before_start",
    ...                                  message="must be after start")])
    >>> print(error)
    1 problem:
      $.end: must be after start [end_before_start]
    >>> [p.code for p in error.problems]
    ['end_before_start']
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a ValidationError needs at least one problem")
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def within(self, *prefix: str | int) -> ValidationError:
        """The same error with every path seen from ``prefix`` steps up."""
        return ValidationError([p.within(*prefix) for p in self.problems])

    @property
    def codes(self) -> frozenset[str]:
        """The set of problem codes, handy in tests and for triage."""
        return frozenset(p.code for p in self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = "1 problem:" if count == 1 else f"{count} problems:"
        return "\n  ".join([head, *map(str, self.problems)])

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


def one_problem(location: Iterable[str | int], code: str, message: str) -> ValidationError:
    """A :class:`ValidationError` of a single problem.

    >>> one_problem(("code",), "territory_code", "is not an ISO 3166 code").codes
    frozenset({'territory_code'})
    """
    return ValidationError([Problem(location=tuple(location), code=code, message=message)])


def _step_key(step: str | int) -> tuple[int, int, str]:
    return (0, step, "") if type(step) is int else (1, 0, str(step))


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in document order of their paths (``[2]`` before ``[10]``), then by code.

    >>> found = [Problem(location=("sessions", 10), code="c", message="m"),
    ...          Problem(location=("sessions", 2), code="c", message="m")]
    >>> [p.path for p in sorted_problems(found)]
    ['$.sessions[2]', '$.sessions[10]']
    """
    return sorted(problems, key=lambda p: ([_step_key(s) for s in p.location], p.code, p.message))
