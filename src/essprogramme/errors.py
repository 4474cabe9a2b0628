"""The one error type for bad input, and the problems it carries.

Every way into the library — a model constructor, the JSON decoder, a
programme's cross-reference check — reports bad input by raising
:class:`ValidationError`, holding *every* problem found, each located by a
JSON path into the document (``$.sessions[2].end``) and named by a stable
code that programs can match on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Problem", "ValidationError", "json_path"]

Location = tuple[str | int, ...]


def json_path(location: Iterable[str | int]) -> str:
    """Spell a location as a JSON path, the way ``jsonschema`` does.

    >>> json_path(("sessions", 2, "end"))
    '$.sessions[2].end'
    >>> json_path(())
    '$'
    """
    parts = ["$"]
    for step in location:
        parts.append(f"[{step}]" if type(step) is int else f".{step}")
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
    Problem(path='$.sessions[0].end', code='end_before_start', message='must be after start')
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

    def __repr__(self) -> str:
        return f"Problem(path={self.path!r}, code={self.code!r}, message={self.message!r})"

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
