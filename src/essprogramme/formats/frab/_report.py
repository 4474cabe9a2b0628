"""What an exchange with frab could not carry, changed, or found broken.

A report is a list of :class:`Entry` lines, each counting the occurrences of
one thing (a field not carried, a value changed, a defect of the source),
with the first example and where it was found. ``str(report)`` is what the
command line prints, line by line.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ...errors import Location, json_path

__all__ = ["Entry", "ExportReport", "IdMapping", "ImportReport", "Recorder"]

#: The kinds of entries, in the order reports list them.
KINDS = ("lost", "changed", "broken")
_HEADINGS = {
    "lost": "Not carried (field: count, example):",
    "changed": "Changed on the way (count, example):",
    "broken": "Broken source data, worked around (count, first place):",
}


@attrs.frozen(kw_only=True)
class Entry:
    """One line of a report: ``count`` occurrences of ``field`` with this ``message``.

    ``kind`` is ``lost`` (the other side has no place for it), ``changed``
    (kept in another form: a subtitle kept in the description, a
    relative URL resolved) or ``broken`` (the source contradicts itself:
    two rooms sharing one guid). ``example`` is the first value met,
    shortened; ``path`` is where it was (a JSON path into the document, or
    the item of the programme).
    """

    kind: str
    field: str
    message: str
    count: int
    example: str
    path: str

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        example = f", e.g. {self.example}" if self.example else ""
        return f"{self.field}: {self.message} ({self.count}{example}){where}"


@attrs.frozen(kw_only=True)
class IdMapping:
    """An item's id in the programme and the identifiers the schedule gave it.

    ``original`` pairs a name (``guid``, ``code``, ``id``, ``slug``, ``name``)
    with its value as text, in that order; ``rule`` names the one the id was
    made from.
    """

    collection: str
    id: str
    rule: str
    original: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        """The original identifier called ``name``, if the schedule gave one."""
        return next((value for key, value in self.original if key == name), None)


def _shown(value: object, limit: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text) if isinstance(value, str) else text


@attrs.define
class _Tally:
    count: int
    example: str
    path: str


class Recorder:
    """Collects report entries, counting repeats of the same (kind, field, message)."""

    def __init__(self) -> None:
        self._tallies: dict[tuple[str, str, str], _Tally] = {}

    def add(
        self, kind: str, field: str, message: str, example: object = "", where: Location | str = ""
    ) -> None:
        """Count one occurrence; the first one's example and place are kept."""
        key = (kind, field, message)
        tally = self._tallies.get(key)
        if tally is None:
            path = where if isinstance(where, str) else json_path(where)
            self._tallies[key] = _Tally(1, "" if example == "" else _shown(example), path)
        else:
            tally.count += 1

    def entries(self) -> tuple[Entry, ...]:
        """The entries, grouped by kind in :data:`KINDS` order, then in order of first sight."""
        made = [
            Entry(
                kind=kind,
                field=field,
                message=message,
                count=t.count,
                example=t.example,
                path=t.path,
            )
            for (kind, field, message), t in self._tallies.items()
        ]
        return tuple(sorted(made, key=lambda entry: KINDS.index(entry.kind)))


def _lines(entries: Iterable[Entry]) -> list[str]:
    lines: list[str] = []
    kind = None
    for entry in entries:
        if entry.kind != kind:
            kind = entry.kind
            lines.append(_HEADINGS[kind])
        lines.append(f"  {entry}")
    return lines


@attrs.frozen(kw_only=True)
class ImportReport:
    """What an import read, and what it could not carry, changed or found broken.

    ``counts`` gives how many days, rooms, tracks, sessions and speakers
    were read; ``ids`` how each item's id was made from the schedule's own
    identifiers (also kept in each session's, speaker's and room's source
    note).
    """

    title: str
    counts: tuple[tuple[str, int], ...]
    entries: tuple[Entry, ...] = ()
    ids: tuple[IdMapping, ...] = ()

    def of(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind: ``lost``, ``changed`` or ``broken``."""
        return tuple(entry for entry in self.entries if entry.kind == kind)

    def id_of(self, collection: str, name: str, value: str) -> str | None:
        """The id given to the item of ``collection`` whose original ``name`` is ``value``."""
        for mapping in self.ids:
            if mapping.collection == collection and mapping.get(name) == value:
                return mapping.id
        return None

    def __str__(self) -> str:
        counted = ", ".join(f"{n} {what if n != 1 else what[:-1]}" for what, n in self.counts)
        lines = [f"Imported {self.title!r}: {counted}."]
        rules: dict[tuple[str, str], int] = {}
        for mapping in self.ids:
            rules[mapping.collection, mapping.rule] = (
                rules.get((mapping.collection, mapping.rule), 0) + 1
            )
        if rules:
            made = "; ".join(f"{what} from {rule} ({n})" for (what, rule), n in rules.items())
            lines.append(f"Ids: {made}; the originals are in each item's source note.")
        lines.extend(_lines(self.entries))
        if not self.entries:
            lines.append("Nothing was lost, changed or found broken.")
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class ExportReport:
    """What an export left out, and which fields of what it wrote it could not carry."""

    entries: tuple[Entry, ...] = ()

    def of(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind (an export has ``lost`` and ``changed`` entries)."""
        return tuple(entry for entry in self.entries if entry.kind == kind)

    def __str__(self) -> str:
        if not self.entries:
            return "Everything was carried."
        return "\n".join(_lines(self.entries))
