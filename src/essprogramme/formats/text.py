"""A readable programme as plain text, in a chosen language and time zone.

Every time is shown as it was published: an exact slot (``07:00–08:30``), a
start alone (``from 09:00``: no end is invented), a day or a range of days
without a time, or no time at all (listed last, "time to be announced").
Cancelled and postponed sessions are marked, a rescheduled one shows where
it stood before. Times are shown in the chosen zone; a moment that zone
cannot show (near the years 1 and 9999) is shown in UTC, marked as such.
The text holds the programme's own characters: the command line escapes
control characters before writing it to a terminal.

The programme is read once for every readable format (``_view``); this
module only lays it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._parts import Person
from ._parts import price_text as _price  # noqa: F401
from ._phrases import Fact, plain
from ._phrases import labels_of as _labels  # noqa: F401
from ._phrases import local as _local  # noqa: F401
from ._phrases import span as _span  # noqa: F401
from ._view import Card, Page, options, read

# _labels, _local, _price, _span: the command line's tests reach them here, where they
# have always been.

if TYPE_CHECKING:
    from ..model import Programme
    from . import ExportOptions

__all__ = ["export", "render_text"]

_INDENT = " " * 13


def _fact(fact: Fact) -> str:
    return f"{fact.label}: {plain(fact.value)}" if fact.label else plain(fact.value)


def _people(people: tuple[Person, ...], heading: str) -> Iterator[str]:
    for person in people:
        if not person.speaker:
            yield f"{_INDENT}{plain(person.role)}: {plain(person.who)}"
            if person.title is not None:
                yield f"{_INDENT}  « {person.title.value} »"
    speakers = [person for person in people if person.speaker]
    if speakers:
        yield f"{_INDENT}{heading}:"
    for person in speakers:
        role = f"{plain(person.role)}: " if person.own_label else ""
        yield f"{_INDENT}  - {role}{plain(person.who)}"
        if person.title is not None:
            yield f"{_INDENT}    « {person.title.value} »"


def _card(card: Card, page: Page, details: bool) -> Iterator[str]:
    status = f"[{card.status_word}] " if card.status_word else ""
    yield f"{plain(card.when)}  {status}{card.title.value}"
    meta = [card.format]
    if card.languages is not None:
        meta.append(_fact(card.languages))
    yield _INDENT + " · ".join(meta)
    yield from (_INDENT + _fact(fact) for fact in card.facts)
    yield from _people(card.people, page.words["speakers"])
    yield from (_INDENT + _fact(fact) for fact in card.after)
    if details:
        if card.objectives:
            yield f"{_INDENT}{page.words['objectives']}:"
            for n, objective in enumerate(card.objectives, 1):
                yield f"{_INDENT}  {n}. {objective.value}"
        if card.questions:
            yield f"{_INDENT}{page.words['questions']}:"
            for question in card.questions:
                yield f"{_INDENT}  - {question.value}"


def _render(page: Page, details: bool) -> str:
    lines = [page.title.value]
    lines.append("=" * min(len(lines[0]), 79))
    if page.status_word is not None:
        lines.append(f"[{page.status_word}]")
    lines.append(plain(page.times))
    if page.speaker is not None:
        lines.append(plain(page.speaker))
    lines += map(_fact, page.facts)
    for day in page.days:
        if lines[-1]:
            lines.append("")
        heading = day.heading if day.day is None else f"{day.day.isoformat()} ({day.day:%a})"
        lines += [f"## {heading}", ""]
        for card in day.cards:
            lines += _card(card, page, details)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_text(programme: Programme, *, zone: str, lang: str, details: bool = True) -> str:
    """The programme as plain text, sessions grouped by local day in ``zone``.

    Every session shows its time as published, in ``zone``: an exact slot, a
    start alone ("from 09:00"), its day(s) without a time (in the zone of its
    place, named when it is not ``zone``), or none: such sessions are listed
    last, unless they are a part of another session, which they follow.
    Each speaker's own local start time is shown; texts are shown in
    ``lang`` with fallback, labels in English, French or Spanish.

    >>> from essprogramme import examples
    >>> text = render_text(examples.load("gsef2021-partenariats"), zone="America/Toronto", lang="fr")
    >>> "07:00–08:30" in text
    True

    :raises ValidationError: ``zone`` is not an IANA time zone key.
    """
    options(programme, zone, None, None)
    return _render(read(programme, zone=zone, lang=lang), details)


def export(programme: Programme, options_: ExportOptions, /) -> bytes:
    """The programme as UTF-8 plain text, for the zone, language and speaker of ``options_``.

    >>> from essprogramme import examples
    >>> from essprogramme.formats import ExportOptions
    >>> text = export(examples.load("gsef2021-partenariats"), ExportOptions(zone="Africa/Lome"))
    >>> b"11:00\\xe2\\x80\\x9312:30" in text
    True

    :raises ValidationError: an unknown zone or speaker, a malformed language tag.
    """
    zone, lang = options(programme, options_.zone, options_.lang, options_.speaker)
    page = read(programme, zone=zone, lang=lang, speaker=options_.speaker)
    return _render(page, details=True).encode()
