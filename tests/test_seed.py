"""The shipped GSEF example against its source: the seed card in ``../shared/seed/``.

Two checks keep ``gsef2021-partenariats`` from drifting away from the card:

1. **Texts.** Every text of the example (each language of each
   :class:`~essprogramme.LocalizedText`) is on the card word for word, under
   the rules of :func:`normalise` and :meth:`Card.find`.
2. **Values.** Every other value is either found on the card, near the
   object it describes (:meth:`Card.context`), or covered by an ``inferred``
   mark of that object. The walk is derived from ``attrs.fields``.

How a value maps to the card's words:

- a plain string is itself (a name, an acronym, ``UTC``), unless it is a
  code of :data:`CODE_WORDS` (ISO 3166 codes, language tags): then one of its
  words is looked for;
- a vocabulary member (an enum) is one of its words in :data:`VOCABULARY_WORDS`;
  a member without words is never found: it must be marked inferred;
- an integer is its digits; a date, a partial date, an instant are written
  the card's ways (:func:`date_spellings`);
- a boolean is never found (``former: true`` is a reading of a bio): it must
  be marked inferred.

Exempt, and only these: identifiers and references (fields whose metadata
has ``format: id``: ids, slugs, references to other objects, figure
measures); values equal to their field's default (nothing was said);
the provenance itself (``sources``, ``inferred``, ``notes``: the curators'
words about the data). An ``inferred`` mark names a top-level field of its
object and covers every value under it; a text field marked inferred (a
coined name, the programme's title) is exempt from check 1, but texts inside
an inferred field that holds objects (the roles of inferred affiliations)
are still checked word for word.

The card is looked for in ``../shared/seed/`` next to the repository, or in
``$ESSPROGRAMME_SHARED/seed/``; without it the tests that read it are skipped
(the rules' own tests still run).
"""

from __future__ import annotations

import enum
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import attrs
import pytest

from essprogramme import (
    Activity,
    InitiativeKind,
    LocalizedText,
    OrganisationKind,
    PartialDate,
    ParticipantRole,
    Programme,
    SessionFormat,
    Territory,
    Theme,
    examples,
)

EXAMPLE = "gsef2021-partenariats"
SHARED = Path(
    os.environ.get("ESSPROGRAMME_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)
CARD_PATH = SHARED / "seed" / "000_05ae41e14bc221b1.txt"


#: The provenance fields: the curators' words about the data, not data.
PROVENANCE = ("sources", "inferred", "notes")
#: Fields that name their object: where the card mentions them places the object.
NAME_FIELDS = ("name", "acronym", "aliases")

# The card's words for structured values ------------------------------------

#: Words on the card that say a vocabulary member. Looked for case-insensitively,
#: as substrings ("atelier" in "Session d'atelier").
VOCABULARY_WORDS: dict[tuple[type[enum.Enum], str], tuple[str, ...]] = {
    (SessionFormat, "workshop"): ("atelier",),
    (SessionFormat, "webinar"): ("webinaire",),
    (ParticipantRole, "moderator"): ("modérat",),
    (ParticipantRole, "speaker"): ("intervenant",),
    (InitiativeKind, "cluster"): ("cluster",),
    (InitiativeKind, "hub"): ("hub",),
    (InitiativeKind, "convention"): ("convention",),
    (InitiativeKind, "working_group"): ("groupe de travail",),
    (InitiativeKind, "policy"): ("politique",),
    (InitiativeKind, "partnership"): ("partenariat", "collabor"),
    (OrganisationKind, "association"): ("association",),
    (OrganisationKind, "social_enterprise"): ("entreprise d'économie sociale",),
    (OrganisationKind, "cooperative"): ("coopérati",),
    (Theme, "blue_economy"): ("économie bleue",),
}

#: Words on the card that say a code: ISO 3166 codes (French names), language tags.
CODE_WORDS: dict[str, tuple[str, ...]] = {
    "fr": ("en français",),
    "FR": ("France",),
    "FR-NAQ": ("Nouvelle-Aquitaine",),
    "FR-33": ("Gironde",),
    "YT": ("Mayotte",),
    "AW": ("Aruba",),
    "GL": ("Groenland",),
    "TZ": ("Tanzanie",),
    "KE": ("Kenya",),
    "KM": ("Comores",),
    "MZ": ("Mozambique",),
    "TN": ("Tunisie",),
    "CA": ("Canada",),
    "CA-QC": ("Québec",),
}

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_spellings(value: date | datetime | PartialDate) -> list[tuple[str, ...]]:
    """The ways the card writes a date: each a tuple of strings that must all be found.

    A year is its digits ("2018"); a month "juin 2020"; a day "8 octobre 2021",
    "1er juillet 2021", "4/11/2020" or "1/07/2021". An instant (the card's are
    UTC) is its day and its time, "11h00".
    """
    if isinstance(value, datetime):
        clock = f"{value.hour}h{value.minute:02}"
        return [(*day, clock) for day in date_spellings(value.date())]
    if isinstance(value, date):
        value = PartialDate(year=value.year, month=value.month, day=value.day)
    year, month, day = value.year, value.month, value.day
    if month is None:
        return [(str(year),)]
    name = MONTHS[month - 1]
    if day is None:
        return [(f"{name} {year}",)]
    first = "1er" if day == 1 else str(day)
    return [
        (f"{day} {name} {year}",),
        (f"{first} {name} {year}",),
        (f"{day}/{month}/{year}",),
        (f"{day}/{month:02}/{year}",),
        (f"{day:02}/{month:02}/{year}",),
    ]


def spellings(value: object) -> list[tuple[str, ...]]:
    """The card's ways of writing a structured value; empty if it has none."""
    if isinstance(value, enum.Enum):
        return [(word,) for word in VOCABULARY_WORDS.get((type(value), value.value), ())]
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [(str(value),)]
    if isinstance(value, (date, datetime, PartialDate)):
        return date_spellings(value)
    if isinstance(value, str):
        return [(word,) for word in CODE_WORDS.get(value, (value,))]
    raise TypeError(f"no spelling rule for {type(value).__name__}: add one")


def occurs(needle: str, haystack: str) -> bool:
    """``needle`` in ``haystack``; digits do not run on ("15" is not in "2015")."""
    pattern = re.escape(needle)
    if needle[:1].isdigit():
        pattern = "(?<![0-9])" + pattern
    if needle[-1:].isdigit():
        pattern += "(?![0-9])"
    return re.search(pattern, haystack) is not None


def is_found(value: object, context: str) -> bool:
    """Whether one of the value's spellings is in ``context``.

    A plain string (a name, an acronym) is looked for as written; the words
    of a code or a vocabulary member, and dates, ignoring case.
    """
    if isinstance(value, str) and not isinstance(value, enum.Enum) and value not in CODE_WORDS:
        return occurs(value, context)
    lower = context.lower()
    return any(all(occurs(w.lower(), lower) for w in words) for words in spellings(value))


# The card's text ----------------------------------------------------------------

_SUPERSCRIPTS = dict(
    zip("0123456789abdeghiklmnoprstuvwxy", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᵈᵉᵍʰⁱᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸ", strict=True)
)
_SUP = re.compile(r"<sup>(.*?)</sup>", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MARKDOWN = re.compile(r"\*\*|^#+ ", re.MULTILINE)
_SPACE = re.compile(r"\s+")
#: The elision mark of a quotation: the text around it is found in card order.
ELISION = "[…]"


def _superscript(match: re.Match[str]) -> str:
    return "".join(_SUPERSCRIPTS[character] for character in match.group(1))


def normalise(text: str, *, markup: bool = True) -> str:
    """A card fragment, or an example text (``markup=False``), as the two are compared.

    On the card (``markup``, rules 1–3 map its layout to the example's):

    1. ``<sup>e</sup>`` becomes the superscript letter (``XXI<sup>e</sup>``
       is ``XXIᵉ``); a superscript without a Unicode form is an error.
    2. Other HTML tags become a space; Markdown bold (``**``) and heading
       marks (``### ``) go.
    3. The card's bullet ``▪`` is the example's ``-`` (lists are written
       ``- item`` lines).

    On both:

    4. Every run of white space (new lines, tabs, the blank lines between
       paragraphs) is one space; ends are stripped.

    An example text keeps any markup it has, so markup in the example is
    never on the card: it fails.
    """
    if markup:
        text = _SUP.sub(_superscript, text)
        text = _TAG.sub(" ", text)
        text = _MARKDOWN.sub("", text)
        text = text.replace("▪", "-")
    return _SPACE.sub(" ", text).strip()


def _text(text: str) -> str:
    """An example text, ready to be looked for on the card."""
    return normalise(text, markup=False)


#: A cell of the speaker table ends: a paragraph or an item closes before a tab
#: (the next column) or at the end of a block (a page break).
_CELL_END = re.compile(r"</(?:p|li)>(?:\s*</ul>)?(?=\t|\s*\Z)")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")

Span = tuple[int, int]


class Card:
    """The seed card, normalised, with what its layout needs to be read.

    ``text`` is the card's blocks (separated by blank lines) normalised and
    joined by spaces. The card is a PDF extraction: the speaker table's two
    columns are interleaved, so a bio or an abstract is cut where a cell
    ends and resumes at the start of a later block.
    """

    def __init__(self, raw: str) -> None:
        pieces: list[str] = []
        self.block_starts: list[int] = []
        self.cell_ends: list[int] = []
        position = 0
        for block in _BLOCK_BREAK.split(raw):
            cells = _CELL_END.split(block)
            if not normalise(block):
                continue
            self.block_starts.append(position)
            for index, cell in enumerate(cells):
                piece = normalise(cell)
                if piece:
                    pieces.append(piece)
                    position += len(piece) + 1
                if index < len(cells) - 1:
                    self.cell_ends.append(position - 1)
        self.text = " ".join(pieces)
        self.lower = self.text.lower()
        assert len(self.lower) == len(self.text)
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)] + [len(self.text)]
        self.sentences: list[Span] = list(pairwise_spans(bounds))

    def _find_part(self, part: str, start: int) -> list[Span] | None:
        """Where ``part`` is, from ``start``: one span, or two across a cell's cut."""
        for variant in dict.fromkeys(
            (part, part[:1].lower() + part[1:], part[:1].upper() + part[1:])
        ):
            at = self.text.find(variant, start)
            if at >= 0:
                return [(at, at + len(variant))]
        for cut in (m.start() for m in re.finditer(" ", part)):
            head, tail = part[:cut], part[cut + 1 :]
            for end in self.cell_ends:
                begin = end - len(head)
                if begin < start or not self._first_letter_equal(head, begin):
                    continue
                for resume in (s for s in self.block_starts if s > end):
                    if self.text.startswith(tail, resume):
                        return [(begin, end), (resume, resume + len(tail))]
        return None

    def _first_letter_equal(self, head: str, begin: int) -> bool:
        found = self.text[begin : begin + len(head)]
        return found[1:] == head[1:] and found[:1].lower() == head[:1].lower()

    def find(self, text: str) -> list[Span] | None:
        """Where ``text`` (normalised) is on the card, or ``None``.

        The text is found word for word, except that the case of its first
        letter is free (a name taken from mid-sentence: "Comité de pilotage"
        for "un comité de pilotage"); it may be cut once where a table cell
        ends and go on at the start of a later block (the layout); an
        elision mark ``[…]`` between two quotations finds them in card order.
        """
        spans: list[Span] = []
        start = 0
        for part in (p.strip() for p in text.split(ELISION)):
            found = self._find_part(part, start)
            if found is None:
                return None
            spans += found
            start = found[-1][1]
        return spans

    def occurrences(self, text: str) -> list[Span]:
        """Every place a text is on the card, ignoring case; else where :meth:`find` puts it."""
        needle = text.lower()
        spans = [
            (m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), self.lower)
        ]
        return spans or (self.find(text) or [])

    def context(self, spans: list[Span]) -> str:
        """The sentences touching ``spans``, with one sentence either side.

        A fact about an object is told in the sentence that names it or in
        its neighbours ("A titre d'exemple, ..." after "Plusieurs webinaires").
        """
        chosen: set[int] = set()
        for begin, end in spans:
            for index, (s_begin, s_end) in enumerate(self.sentences):
                if s_begin < end and begin < s_end:
                    chosen.update((index - 1, index, index + 1))
        kept = sorted(i for i in chosen if 0 <= i < len(self.sentences))
        return " ".join(self.text[slice(*self.sentences[i])] for i in kept)


def pairwise_spans(bounds: list[int]) -> Iterator[Span]:
    for begin, end in itertools.pairwise(bounds):
        if end > begin:
            yield begin, end


# The example, value by value --------------------------------------------------


@dataclass(frozen=True)
class Value:
    """One value of the example, where it is, and the object it describes."""

    path: str
    value: Any
    #: The nearest object that carries provenance (``inferred``): whose fact it is.
    owner: Any
    #: The owner's top-level field the value lies under.
    field: str
    #: ``text``, ``structured`` or ``structural`` (exempt: ids and references).
    kind: str
    #: The classes of the values the path goes through, outermost first.
    within: tuple[type, ...]

    @property
    def inferred(self) -> bool:
        return self.field in {mark.field for mark in self.owner.inferred}


def _carries_provenance(obj: Any) -> bool:
    return "inferred" in attrs.fields_dict(type(obj))


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def walk(
    obj: Any, path: str = "$", owner: Any = None, top: str = "", within: tuple[type, ...] = ()
) -> Iterator[Value]:
    """Every value of ``obj``, found through ``attrs.fields``, with its owner and kind."""
    within = (*within, type(obj))
    own = _carries_provenance(obj)
    for field in attrs.fields(type(obj)):
        if not field.init:
            continue
        value = getattr(obj, field.name)
        if value == _default(field) or (own and field.name in PROVENANCE):
            continue
        yield from _leaves(
            value,
            f"{path}.{field.name}",
            field,
            obj if own else owner,
            field.name if own else top,
            within,
        )


def _leaves(
    value: Any,
    path: str,
    field: attrs.Attribute[Any],
    owner: Any,
    top: str,
    within: tuple[type, ...],
) -> Iterator[Value]:
    if field.metadata.get("format") == "id":
        yield Value(path, value, owner, top, "structural", within)
    elif isinstance(value, LocalizedText):
        for tag, text in value.items():
            yield Value(f"{path}.{tag}", text, owner, top, "text", within)
    elif isinstance(value, (tuple, frozenset)):
        items = value if isinstance(value, tuple) else sorted(value, key=str)
        for index, item in enumerate(items):
            yield from _leaves(item, f"{path}[{index}]", field, owner, top, within)
    elif attrs.has(type(value)) and not isinstance(value, PartialDate):
        yield from walk(value, path, owner, top, within)
    else:
        yield Value(path, value, owner, top, "structured", within)


# Fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def card() -> Card:
    """The seed card; the tests that need it are skipped without it."""
    if not CARD_PATH.is_file():
        pytest.skip(f"the seed card is not in {CARD_PATH.parent}")
    return Card(CARD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def programme() -> Programme:
    return examples.load(EXAMPLE)


@pytest.fixture(scope="module")
def values(programme: Programme) -> list[Value]:
    return list(walk(programme))


class Contexts:
    """The card text near each object of the example (see :meth:`Card.context`).

    The programme and the session are the card itself. Any other object is
    placed by its own texts and names (not its places' names: "Mayotte" is
    everywhere; not texts of three characters or fewer, such as "M."); its
    context is the sentences around them, and those texts.
    """

    def __init__(self, card: Card, programme: Programme, values: list[Value]) -> None:
        self.card = card
        self.whole = {id(programme), *(id(s) for s in programme.sessions)}
        self.values = values
        self._cache: dict[int, str] = {}

    def of(self, owner: Any) -> str:
        if id(owner) in self.whole:
            return self.card.text
        if id(owner) not in self._cache:
            self._cache[id(owner)] = self._build(owner)
        return self._cache[id(owner)]

    @cached_property
    def _by_owner(self) -> dict[int, list[Value]]:
        grouped: dict[int, list[Value]] = {}
        for value in self.values:
            grouped.setdefault(id(value.owner), []).append(value)
        return grouped

    @staticmethod
    def _places(value: Value) -> bool:
        """Whether a value of an object says where the card tells of it."""
        if not isinstance(value.value, str) or len(value.value) <= 3 or Territory in value.within:
            return False
        if value.kind == "text":
            return not value.inferred
        return value.kind == "structured" and value.field in NAME_FIELDS

    def _build(self, owner: Any) -> str:
        placing = [v for v in self._by_owner[id(owner)] if self._places(v)]
        spans = [span for v in placing for span in self.card.occurrences(_text(v.value))]
        # Its texts are the card's (the first test): they are context too. Its
        # names are not added: a name is found only where the card writes it.
        texts = [_text(v.value) for v in placing if v.kind == "text"]
        return " ".join([self.card.context(spans), *texts])


@pytest.fixture(scope="module")
def contexts(card: Card, programme: Programme, values: list[Value]) -> Contexts:
    return Contexts(card, programme, values)


# The rules, on small cases ------------------------------------------------------


def test_normalise_applies_the_documented_rules() -> None:
    assert normalise("au XXI<sup>e</sup>  siècle") == "au XXIᵉ siècle"
    assert normalise("<p><b><u>M. Ben</u></b> x</p>\t<li>▪ Appui</li>") == "M. Ben x - Appui"
    assert normalise("### Objectifs\n\n**Titre:** a\n- b") == "Objectifs Titre: a - b"
    assert normalise("**a**\n\n- b", markup=False) == "**a** - b"  # the example's markup stays


def test_the_card_finds_texts_across_its_layout() -> None:
    raw = "<p>Il a acquis une</p>\t<p>Titre</p>\n\nexpérience solide. Fin\n\n<p>Texte de la seconde</p>"
    card = Card(raw)
    assert card.find("Il a acquis une expérience solide.") is not None  # cut where a cell ends
    assert card.find("Il a expérience solide.") is None  # not at a cell's end
    assert card.find("il a acquis une") is not None  # the first letter's case is free
    assert card.find("Titre […] Fin") is not None  # an elision, in card order
    assert card.find("Fin […] Titre") is None


def test_spellings_of_dates_numbers_codes_and_vocabularies() -> None:
    assert ("1/07/2021",) in date_spellings(PartialDate(year=2021, month=7, day=1))
    assert date_spellings(PartialDate(year=2020, month=6)) == [("juin 2020",)]
    assert ("8 octobre 2021", "11h00") in date_spellings(datetime(2021, 10, 8, 11, 0))
    assert not occurs("15", "en 2015") and occurs("15", "à travers 15 pays")
    assert is_found("Tama", "(Tama - Groupe SOS)") and not is_found("TAMA", "(Tama - Groupe SOS)")
    assert is_found(SessionFormat.WORKSHOP, "Session d'Atelier")
    assert spellings(SessionFormat.WORKSHOP) == [("atelier",)]
    assert spellings(OrganisationKind.NETWORK) == []  # never on the card: to be marked
    assert spellings(True) == []
    assert spellings("YT") == [("Mayotte",)]


# The example against the card ---------------------------------------------------


def test_every_text_of_the_example_is_on_the_card(card: Card, values: list[Value]) -> None:
    texts = [v for v in values if v.kind == "text"]
    checked = [v for v in texts if not (v.inferred and v.within[-1] is type(v.owner))]
    missing = [f"{v.path}: {v.value[:70]!r}" for v in checked if card.find(_text(v.value)) is None]
    assert not missing, "not on the card:\n" + "\n".join(missing)
    assert len(checked) > 100  # the walk reached every text (sanity)
    # Exempt: only text fields of their own object marked inferred (coined names, the title).
    exempt = sorted(v.path for v in texts if v not in checked)
    assert exempt == [
        "$.initiatives[10].name.fr",
        "$.organisations[0].name.fr",
        "$.title.fr",
    ], exempt


def test_every_value_is_on_the_card_or_marked_inferred(
    contexts: Contexts, values: list[Value]
) -> None:
    unmarked, found, marked = [], [], []
    for value in values:
        if value.kind != "structured":
            continue
        if value.inferred:
            marked.append(value)
            continue
        context = contexts.of(value.owner)
        if is_found(value.value, context):
            found.append(value)
        else:
            unmarked.append(f"{value.path} = {value.value!r}")
    assert not unmarked, "neither on the card nor marked inferred:\n" + "\n".join(unmarked)
    assert len(found) > 50 and marked  # the walk reached the values (sanity)


def test_a_territory_with_a_code_is_the_place_it_names(values: list[Value]) -> None:
    # A code says what the place is: "la métropole Bordelaise" is within FR-33
    # (the Gironde), not FR-33 itself; Montréal is within CA-QC.
    wrong = []
    for value in values:
        if value.path.endswith(".code") and Territory in value.within[-1:]:
            parent = value.path.removesuffix(".code")
            name = next((v.value for v in values if v.path.startswith(parent + ".name.")), None)
            words = CODE_WORDS.get(value.value, ())
            if name is not None and not any(word in name for word in words):
                wrong.append(f"{parent}: {value.value} is not {name!r}")
    assert not wrong, "\n".join(wrong)


def test_every_inferred_mark_says_why_and_covers_a_value(values: list[Value]) -> None:
    owners = {id(v.owner): v.owner for v in values}
    fields = {(id(v.owner), v.field) for v in values}
    for owner in owners.values():
        for mark in owner.inferred:
            assert mark.reason is not None or mark.source is not None, (owner.id, mark.field)
            assert (id(owner), mark.field) in fields, f"{owner.id}: {mark.field} has no value"


def test_an_objects_context_is_its_own_sentences(
    contexts: Contexts, programme: Programme, values: list[Value]
) -> None:
    ocean = contexts.of(programme.initiative("cluster-ess-ocean-indien"))
    assert occurs("1/07/2021", ocean)
    montreal = contexts.of(programme.initiative("groupe-travail-ess-montreal"))
    assert occurs("avril 2020", montreal)  # the next block: a page break mid-sentence
    assert "Tunisie" not in montreal and "Québec" not in montreal
    # Nested values (a webinar's figures) are their initiative's facts.
    owners = {v.owner.id for v in values if Activity in v.within}
    assert owners == {"cluster-ess-mag"}
