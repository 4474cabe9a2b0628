"""A readable programme in Markdown (CommonMark, with GFM strikethrough).

The same card as the HTML page (:mod:`essprogramme.formats.html`), read the
same way: ``#`` the programme, ``##`` a day, ``###`` a session, ``####`` its
speakers, objectives and questions. A cancelled or postponed title is
struck through (``~~…~~``, GitHub's extension) and its status is said in
words, so a reader without the extension loses nothing; the old time of a
moved session is struck too.

Every string of the programme is escaped so that it stays text: the
characters of Markdown's syntax (``\\ ` * _ [ ] ( ) # < > | ~``), an ``&``
that would start a character reference, and ``-``, ``+``, ``=`` or a
number followed by ``.`` at the start of a text or of one of its lines.
Line breaks inside a title or a name become spaces; the paragraphs of a
description or an abstract stay paragraphs, their lines kept with hard
breaks. Characters no page may hold become U+FFFD, and bidirectional
controls are written as character references (``&#x202E;``), so the
Markdown source cannot be shown reordered. Only ``http``, ``https`` and
``mailto`` URLs become links. Markdown has no way to mark a text's
language or direction, nor a machine-readable time: those the HTML page
keeps are lost here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._parts import Person
from ._phrases import Fact, Phrase, Ref, Strong, Text, paragraphs, showable
from ._view import Card, Day, Page, options, read

if TYPE_CHECKING:
    from ..model import Programme
    from . import ExportOptions

__all__ = ["escape", "export"]

_SYNTAX = re.compile(r"([\\`*_\[\]()#<>|~]|&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;))")
_BLOCK_START = re.compile(r"[-+=]|[0-9]+(?=[.])")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\n]")


def escape(text: str) -> str:
    r"""``text`` as Markdown that shows it as it is, on one line, without white space around.

    >>> print(escape("1. *Hub* <script>alert(1)</script> & co &amp; [x](javascript:y)"))
    1\. \*Hub\* \<script\>alert\(1\)\</script\> & co \&amp; \[x\]\(javascript:y\)
    >>> print(escape("- first\nsecond"))
    \- first second
    """
    return _line(_LINE_BREAKS.sub(" ", text).strip())


def _line(text: str) -> str:
    """One line of user text, escaped (its start too, as if it began a block)."""
    text = _SYNTAX.sub(r"\\\1", showable(text))
    text = _BIDI_CONTROLS.sub(lambda found: f"&#x{ord(found.group()):X};", text)
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    if text[0] in "-+=":
        return "\\" + text
    return text[: start.end()] + "\\" + text[start.end() :]


class _Writer:
    """Writes one page in Markdown."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.colon = page.words["colon"]

    def phrase(self, phrase: Phrase) -> str:
        out = []
        for piece in phrase:
            if isinstance(piece, str):
                out.append(piece)
            elif isinstance(piece, Text):
                out.append(escape(piece.value))
            elif isinstance(piece, Strong):
                strong = escape(piece.text.value)
                out.append(f"**{strong}**" if strong else "")
            elif isinstance(piece, Ref):
                if piece.href == piece.shown:
                    out.append(f"<{piece.href}>")
                else:
                    out.append(f"[{escape(piece.shown)}](<{piece.href}>)")
            else:
                out.append(piece.long or piece.shown)
        return "".join(out)

    def label(self, label: str) -> str:
        return f"**{label}{self.colon.rstrip()}** "

    def blocks(self, text: Text, indent: str = "") -> list[str]:
        """The paragraphs of a text, lines kept with hard breaks, each followed by a blank line."""
        out = []
        for lines in paragraphs(text.value):
            out.append(indent + f"\\\n{indent}".join(_line(line) for line in lines))
            out.append("")
        return out

    def facts(self, facts: tuple[Fact, ...]) -> list[str]:
        """Labelled values as list items; conditions below their prices need no label."""
        out = []
        for index, fact in enumerate(facts):
            value = self.phrase(fact.value)
            if fact.key == "previously":
                value = f"~~{value}~~"
            label = fact.label
            if label is None and not (index and facts[index - 1].key in ("registration", "prices")):
                label = self.page.words["registration"]
            out.append(f"- {self.label(label)}{value}" if label else f"- {value}")
        return out

    def person(self, person: Person, head: str) -> list[str]:
        """A list item: who, then their presentation, indented under it."""
        out = [f"- {head}{self.phrase(person.who)}"]
        more: list[str] = []
        if person.title is not None:
            more += [f"  *{escape(person.title.value)}*", ""]
        if person.abstract is not None:
            more += self.blocks(person.abstract, "  ")
        if person.initiatives:
            more += [f"  {self.page.words['initiatives']}{self.colon.rstrip()}", ""]
            for initiative in person.initiatives:
                about = ""
                if initiative.description is not None:
                    about = " — " + escape(initiative.description.value)
                more.append(f"  - **{escape(initiative.name.value)}**{about}")
            more.append("")
        return [*out, "", *more] if more else out

    def card(self, card: Card) -> list[str]:
        words = self.page.words
        when = self.phrase(card.when)
        if card.offset is not None:
            when += f" ({card.offset})"
        title = escape(card.title.value)
        if card.struck:
            title = f"~~{title}~~"
        status = f" · **{card.status_word}**" if card.status_word is not None else ""
        out = [f"### {when} · {title}{status}", ""]
        meta = [f"*{card.format}*"]
        if card.languages is not None:
            meta.append(f"{card.languages.label}{self.colon}{self.phrase(card.languages.value)}")
        if card.attendance is not None:
            meta.append(card.attendance)
        if card.track is not None:
            meta.append(f"{words['track']}{self.colon}{escape(card.track[0].value)}")
        out += [" · ".join(meta), ""]
        if card.description is not None:
            out += self.blocks(card.description)
        facts = self.facts(card.facts)
        for person in card.people:
            if not person.speaker:
                facts += self.person(person, self.label(self.phrase(person.role)))
        facts += self.facts(card.after)
        if facts:
            out += [*facts, ""] if facts[-1] else facts
        speakers = [person for person in card.people if person.speaker]
        if speakers:
            out += [f"#### {words['speakers']}", ""]
            for person in speakers:
                role = f"{self.phrase(person.role)}{self.colon}" if person.own_label else ""
                out += self.person(person, role)
            out += [""] if out[-1] else []
        if card.objectives:
            out += [f"#### {words['objectives']}", ""]
            out += [
                f"{n}. {escape(objective.value)}" for n, objective in enumerate(card.objectives, 1)
            ]
            out.append("")
        if card.questions:
            out += [f"#### {words['questions']}", ""]
            out += [f"- {escape(question.value)}" for question in card.questions]
            out.append("")
        return out

    def day(self, day: Day) -> list[str]:
        out = [f"## {day.heading}", ""]
        for card in day.cards:
            out += self.card(card)
        return out

    def document(self) -> str:
        page = self.page
        title = escape(page.title.value)
        out = [f"# ~~{title}~~" if page.struck else f"# {title}", ""]
        if page.status_word is not None:
            out += [f"**{page.status_word}**", ""]
        out += [self.phrase(page.times), ""]
        if page.speaker is not None:
            out += [self.phrase(page.speaker), ""]
        if page.description is not None:
            out += self.blocks(page.description)
        facts = self.facts((*page.organisers, *page.facts))
        if facts:
            out += [*facts, ""]
        if not page.days:
            out += [page.words["no_sessions"], ""]
        for day in page.days:
            out += self.day(day)
        return "\n".join(out).rstrip("\n") + "\n"


def export(programme: Programme, options_: ExportOptions, /) -> bytes:
    """The programme as UTF-8 Markdown, for the zone, language and speaker chosen.

    >>> from essprogramme import examples
    >>> from essprogramme.formats import ExportOptions
    >>> page = export(examples.load("gsef2021-partenariats"), ExportOptions(zone="Europe/Paris"))
    >>> print(page.decode().splitlines()[8])
    ### 13:00–14:30 (UTC+02:00) · Des partenariats innovants pour la co-construction d'écosystèmes de l'ESS dans les territoires

    :raises ValidationError: an unknown zone or speaker, a malformed language tag.
    """
    zone, lang = options(programme, options_.zone, options_.lang, options_.speaker)
    page = read(programme, zone=zone, lang=lang, speaker=options_.speaker)
    return _Writer(page).document().encode()
