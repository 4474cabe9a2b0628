"""A readable programme as one standalone HTML page: inline CSS, no script, ready to print.

The card a forum's attendee reads, in a chosen language and zone: sessions
by local day, each with its time as published (``<time datetime>`` holds
the machine value, with its offset, or the date alone), its status
(cancelled and postponed sessions struck through, with the status in
words; a moved one with where it stood before), places with their address
and online links, moderators and speakers with their positions, their
presentations and the initiatives they draw on, objectives, questions,
registration and prices, accessibility.

Accessible: the page's ``lang`` is the language of its labels, and every
text in another language carries its own ``lang`` (and ``dir="rtl"`` for a
right-to-left script); a text of no language that holds right-to-left
letters or bidirectional controls is isolated in ``<bdi>``; headings go
h1 (the programme), h2 (a day), h3 (a session), h4 (its speakers,
objectives, questions); a track's colour is decoration beside its name.

Every string of the programme is escaped; characters no HTML page may hold
(controls, noncharacters) become U+FFFD; only ``http``, ``https`` and
``mailto`` URLs become links, any other is shown as text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ._parts import Person
from ._phrases import Fact, Phrase, Ref, Strong, Text, paragraphs, showable
from ._view import Card, Day, Page, options, read

if TYPE_CHECKING:
    from ..model import Programme
    from . import ExportOptions

__all__ = ["export", "is_right_to_left"]

#: Languages written right to left unless their tag names another script.
_RTL_LANGUAGES = frozenset(
    [
        "ar",
        "arc",
        "azb",
        "bal",
        "bqi",
        "ckb",
        "dv",
        "fa",
        "glk",
        "he",
        "iw",
        "ji",
        "khw",
        "ks",
        "lrc",
        "mzn",
        "nqo",
        "pnb",
        "prs",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    ]
)
#: Scripts written right to left (ISO 15924, lower case).
_RTL_SCRIPTS = frozenset(
    ["adlm", "arab", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"]
)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_COLOR = re.compile("#[0-9A-Fa-f]{6}")

_CSS = """
:root{color-scheme:light}
body{margin:0 auto;max-width:48rem;padding:1rem;font:1rem/1.45 system-ui,sans-serif;color:#111;background:#fff}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #333}
h3{font-size:1.1rem;margin:0 0 .25rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
a{color:#0645ad;overflow-wrap:anywhere}
.session{margin:1rem 0;padding:.5rem .75rem;border:1px solid #bbb;border-radius:.25rem}
.when{display:block;font-variant-numeric:tabular-nums}
.offset,.meta{color:#444;font-size:.9rem}
.status{margin-left:.4em;padding:0 .3em;border:1px solid currentColor;font-size:.85rem}
.struck .title{color:#555}
.swatch{display:inline-block;width:.75em;height:.75em;margin-right:.3em;border:1px solid #333;border-radius:50%;print-color-adjust:exact;-webkit-print-color-adjust:exact}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{font-weight:bold}
dd{margin:0}
dd+dd{grid-column:2}
p{margin:.25rem 0}
ul,ol{margin:.25rem 0;padding-left:1.5rem}
.abstract{font-size:.95rem}
@media print{body{max-width:none;padding:0;font-size:10pt}a{color:inherit}.session{break-inside:avoid}h2,h3,h4{break-after:avoid}}
"""


def is_right_to_left(tag: str) -> bool:
    """Whether a language tag names a language or script written right to left.

    A script subtag decides (``az-Arab``, ``ku-Arab``; ``ar-Latn`` is not);
    without one, the language's usual script does.

    >>> [is_right_to_left(t) for t in ("ar", "he-IL", "fa", "ur", "pa-Arab", "ar-Latn", "fr")]
    [True, True, True, True, True, False, False]
    """
    subtags = tag.lower().split("-")
    for subtag in subtags[1:]:
        if len(subtag) == 1:  # an extension or private use: no script after it
            break
        if len(subtag) == 4 and subtag.isalpha():
            return subtag in _RTL_SCRIPTS
    return subtags[0] in _RTL_LANGUAGES


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _escape(text: str) -> str:
    """Text for an element or a double-quoted attribute: ``&<>"`` as references."""
    return showable(text).translate(_ESCAPES)


def _right_to_left_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


class _Writer:
    """Writes one page: knows its language, to mark every text in another."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.lang = page.words.lang
        self.colon = page.words["colon"]

    def marks(self, lang: str | None) -> str:
        """``lang`` (and ``dir``) attributes for a text in ``lang``; none in the page's."""
        if lang is None or lang.lower() == self.lang:
            return ""
        direction = ' dir="rtl"' if is_right_to_left(lang) else ""
        return f' lang="{_escape(lang)}"{direction}'

    def text(self, text: Text) -> str:
        body = _escape(text.value)
        marks = self.marks(text.lang)
        isolate = _BIDI_CONTROLS.search(text.value) or (
            text.lang is None and _right_to_left_letters(text.value)
        )
        if isolate:
            return f"<bdi{marks}>{body}</bdi>"
        return f"<span{marks}>{body}</span>" if marks else body

    def phrase(self, phrase: Phrase) -> str:
        out = []
        for piece in phrase:
            if isinstance(piece, str):
                out.append(_escape(piece))
            elif isinstance(piece, Text):
                out.append(self.text(piece))
            elif isinstance(piece, Strong):
                out.append(f"<b>{self.text(piece.text)}</b>")
            elif isinstance(piece, Ref):
                out.append(f'<a href="{_escape(piece.href)}">{self.text(Text(piece.shown))}</a>')
            else:
                shown = _escape(piece.long or piece.shown)
                out.append(f'<time datetime="{_escape(piece.machine)}">{shown}</time>')
        return "".join(out)

    def blocks(self, text: Text, css: str) -> list[str]:
        """A text of paragraphs, in a ``div`` that carries its language."""
        # Each line is in the language the div says; isolated if it holds bidi controls.
        inner = [
            "<p>" + "<br>".join(self.text(Text(line, self.lang)) for line in lines) + "</p>"
            for lines in paragraphs(text.value)
        ]
        return [f'<div class="{css}"{self.marks(text.lang)}>', *inner, "</div>"]

    def facts(
        self, facts: tuple[Fact, ...], people: tuple[Person, ...] = (), after: tuple[Fact, ...] = ()
    ) -> list[str]:
        """Labelled values as a description list; moderators and hosts among them."""
        out = self._facts(facts)
        for person in people:
            out += [f"<dt>{self.phrase(person.role)}</dt>", "<dd>", *self.person(person), "</dd>"]
        out += self._facts(after)
        return ["<dl>", *out, "</dl>"] if out else []

    def _facts(self, facts: tuple[Fact, ...]) -> list[str]:
        out = []
        for index, fact in enumerate(facts):
            below = index and facts[index - 1].key in ("registration", "prices")
            if fact.label is not None or not below:  # conditions go below their prices
                label = fact.label or self.page.words["registration"]
                out.append(f"<dt>{_escape(label)}</dt>")
            value = self.phrase(fact.value)
            out.append(
                f"<dd><s>{value}</s></dd>" if fact.key == "previously" else f"<dd>{value}</dd>"
            )
        return out

    def person(self, person: Person) -> list[str]:
        """Who, then their presentation: its title, abstract and initiatives."""
        role = ""
        if person.speaker and person.own_label:
            role = self.phrase(person.role) + _escape(self.colon)
        out = [f'<p class="who">{role}{self.phrase(person.who)}</p>']
        if person.title is not None:
            out.append(f'<p class="talk"><cite>{self.text(person.title)}</cite></p>')
        if person.abstract is not None:
            out += self.blocks(person.abstract, "abstract")
        if person.initiatives:
            words = self.page.words
            out.append(f"<p>{_escape(words['initiatives'] + self.colon.rstrip())}</p>")
            out.append('<ul class="initiatives">')
            for initiative in person.initiatives:
                about = ""
                if initiative.description is not None:
                    about = " — " + self.text(initiative.description)
                out.append(f"<li><b>{self.text(initiative.name)}</b>{about}</li>")
            out.append("</ul>")
        return out

    def card(self, card: Card) -> list[str]:
        words = self.page.words
        css = f"session {card.status.value}" + (" struck" if card.struck else "")
        when = self.phrase(card.when)
        if card.offset is not None:
            when += f' <span class="offset">{_escape(card.offset)}</span>'
        title = self.text(card.title)
        if card.struck:
            title = f"<s>{title}</s>"
        status = ""
        if card.status_word is not None:
            status = f' <strong class="status">{_escape(card.status_word)}</strong>'
        out = [
            f'<article id="session-{_escape(card.id)}" class="{css}">',
            f'<h3><span class="when">{when}</span> <span class="title">{title}</span>{status}</h3>',
        ]
        meta = [_escape(card.format)]
        if card.languages is not None:
            label = _escape(f"{card.languages.label}{self.colon}")
            meta.append(label + self.phrase(card.languages.value))
        if card.attendance is not None:
            meta.append(_escape(card.attendance))
        if card.track is not None:
            name, color = card.track
            swatch = ""
            if color is not None and _COLOR.fullmatch(color):
                swatch = f'<span class="swatch" aria-hidden="true" style="background-color:{color}"></span>'
            meta.append(f"{swatch}{_escape(words['track'] + self.colon)}{self.text(name)}")
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
        if card.description is not None:
            out += self.blocks(card.description, "description")
        others = tuple(person for person in card.people if not person.speaker)
        out += self.facts(card.facts, others, card.after)
        speakers = [person for person in card.people if person.speaker]
        if speakers:
            out += [f"<h4>{_escape(words['speakers'])}</h4>", '<ul class="people">']
            for person in speakers:
                out += ["<li>", *self.person(person), "</li>"]
            out.append("</ul>")
        if card.objectives:
            out += [f"<h4>{_escape(words['objectives'])}</h4>", "<ol>"]
            out += [f"<li>{self.text(objective)}</li>" for objective in card.objectives]
            out.append("</ol>")
        if card.questions:
            out += [f"<h4>{_escape(words['questions'])}</h4>", "<ul>"]
            out += [f"<li>{self.text(question)}</li>" for question in card.questions]
            out.append("</ul>")
        out.append("</article>")
        return out

    def day(self, day: Day) -> list[str]:
        anchor = "day-undated" if day.day is None else f"day-{day.day.isoformat()}"
        heading = _escape(day.heading)
        if day.day is not None:
            heading = f'<time datetime="{day.day.isoformat()}">{heading}</time>'
        out = [
            f'<section class="day" aria-labelledby="{anchor}">',
            f'<h2 id="{anchor}">{heading}</h2>',
        ]
        for card in day.cards:
            out += self.card(card)
        out.append("</section>")
        return out

    def document(self) -> str:
        page = self.page
        title = self.text(page.title)
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="essprogramme">',
            f"<title>{_escape(page.title.value)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{f'<s>{title}</s>' if page.struck else title}</h1>",
        ]
        if page.status_word is not None:
            out.append(f'<p><strong class="status">{_escape(page.status_word)}</strong></p>')
        out.append(f'<p class="zone">{self.phrase(page.times)}</p>')
        if page.speaker is not None:
            out.append(f'<p class="for">{self.phrase(page.speaker)}</p>')
        if page.description is not None:
            out += self.blocks(page.description, "description")
        out += self.facts((*page.organisers, *page.facts))
        out += ["</header>", "<main>"]
        if not page.days:
            out.append(f"<p>{_escape(page.words['no_sessions'])}</p>")
        for day in page.days:
            out += self.day(day)
        out += ["</main>", "</body>", "</html>"]
        return "\n".join(out) + "\n"


def export(programme: Programme, options_: ExportOptions, /) -> bytes:
    """The programme as a standalone UTF-8 HTML page, for the zone, language and speaker chosen.

    >>> from essprogramme import examples
    >>> from essprogramme.formats import ExportOptions
    >>> page = export(examples.load("gsef2021-partenariats"), ExportOptions(lang="fr"))
    >>> page.startswith(b"<!DOCTYPE html>"), b'<time datetime="2021-10-08T11:00Z">11:00</time>' in page
    (True, True)

    :raises ValidationError: an unknown zone or speaker, a malformed language tag.
    """
    zone, lang = options(programme, options_.zone, options_.lang, options_.speaker)
    page = read(programme, zone=zone, lang=lang, speaker=options_.speaker)
    return _Writer(page).document().encode()
