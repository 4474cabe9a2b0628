"""The HTML programme page: golden files, a strict parse by html5lib, escaping, accessibility.

Golden files live in ``tests/golden/html``; after a deliberate change of the
page, rewrite them with ``ESSPROGRAMME_REGENERATE=1 python -m pytest
tests/test_html.py tests/test_markdown.py`` and read the diff.

The helpers at the top (the programmes, the hostile strings, the rewriting
of every user-written string) serve ``test_markdown.py`` too.
"""

from __future__ import annotations

import itertools
import os
import re
import string
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import attrs
import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import (
    Link,
    LinkKind,
    LocalizedText,
    Programme,
    Registration,
    ValidationError,
    examples,
    from_json,
    strategies,
)
from essprogramme.formats import ExportOptions, exporter
from essprogramme.formats.html import export, is_right_to_left

GOLDEN = Path(__file__).parent / "golden"
EVERY_SHAPE = Path(__file__).parent / "fixtures" / "every-shape.json"
REGENERATE = os.environ.get("ESSPROGRAMME_REGENERATE") == "1"

#: (programme, language, zone) of each golden file.
GOLDEN_CASES = [
    ("gsef2021-partenariats", "fr", "Indian/Mayotte"),
    ("gsef2021-partenariats", "en", "America/Toronto"),
    ("every-shape", "fr", "Europe/Paris"),
    ("every-shape", "es", "America/Toronto"),
]

#: Strings that try to leave their element, or to become HTML or Markdown syntax.
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "</title></style></textarea><script>alert(1)</script>",
    "<!-- x --> <![CDATA[ y ]]> &amp; &#60; &lt; &#x202E;",
    "*emphasis* _under_ **strong** `code` ~~strike~~ $x$",
    "[link](javascript:alert(1)) ![img](https://x.example/y.png) <https://evil.example>",
    '[ref]: https://evil.example "title"',
    "# not a heading #",
    "- not an item\n+ nor this\n1. nor this\n2) nor that\n* nor that",
    "| a | b |\n|---|---|\n| c | d |",
    "line one\n\n    indented code\n===\n---\n> quoted\n\n```\nfenced\n```",
    "back\\slash\\",
    "\u202eevil\u2066 \u2069 العربية \u200f",
    "\x00\x01\x0b\x1b[31m\x7f\x85\ufdd0\uffff\U0010ffff",
    "a\r\nb\rc\u2028d",
    "   leading and trailing   ",
    "{{ template }} ${x} %s @user #tag",
)

#: A one-to-one map of ASCII punctuation to letters: a hostile string made harmless,
#: with the same length, the same lines and the same equalities between strings.
NEUTRAL = dict(zip(string.punctuation, "αβγδεζηθικλμνξοπρστυφχψωбвгджзий", strict=True))


def load(name: str) -> Programme:
    if name == "every-shape":
        return from_json(EVERY_SHAPE.read_bytes())
    return examples.load(name)


def neutral(text: str) -> str:
    return "".join(NEUTRAL.get(char, char) for char in text)


def rewrite(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with every string a person wrote passed through ``change``.

    Those are the entries of every ``LocalizedText`` and the ``str`` fields
    without a ``format`` (names, acronyms, addresses, platforms, licences),
    found from the model's fields: ids, URLs, zones and codes stay.
    """
    if isinstance(value, LocalizedText):
        return LocalizedText({tag: change(text) for tag, text in value.items()})
    if isinstance(value, tuple):
        return tuple(rewrite(item, change) for item in value)
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        current = getattr(value, field.name)
        if type(current) is str:
            if "format" not in field.metadata:
                changes[field.alias] = change(current)
        elif isinstance(current, LocalizedText | tuple) or attrs.has(type(current)):
            changes[field.alias] = rewrite(current, change)
    return attrs.evolve(value, **changes)


@st.composite
def hostile_programmes(draw: st.DrawFn) -> Programme:
    """Generated programmes whose every user-written string is hostile."""
    programme = draw(strategies.programmes(max_sessions=3))
    pool = draw(st.lists(st.sampled_from(HOSTILE) | strategies.texts(), min_size=1, max_size=5))
    strings = itertools.cycle(pool)
    return rewrite(programme, lambda _: next(strings))  # type: ignore[no-any-return]


def options() -> st.SearchStrategy[ExportOptions]:
    return st.builds(
        ExportOptions,
        zone=st.none() | st.sampled_from(strategies.ZONES),
        lang=st.none() | st.sampled_from(("fr", "en", "es", "ar", "fr-CA", "he")),
    )


def golden(kind: str, name: str, lang: str, zone: str, produced: str) -> None:
    """Compare with the golden file, or write it when regenerating."""
    path = GOLDEN / kind / f"{name}.{lang}.{zone.replace('/', '_')}.{kind[:4]}"
    path = path.with_suffix(".html" if kind == "html" else ".md")
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produced, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == produced, (
        f"{path} differs: regenerate and read the diff"
    )


# Reading the page back -----------------------------------------------------


def parse(page: bytes | str) -> Element:
    """The page parsed by html5lib in strict mode: any parse error raises."""
    parser = html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    text = page.decode("utf-8") if isinstance(page, bytes) else page
    root: Element = parser.parse(text)
    return root


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def by_id(root: Element, id: str) -> Element:
    found = root.find(f".//*[@id='{id}']")
    assert found is not None, id
    return found


def headings(root: Element) -> list[int]:
    return [int(e.tag[1]) for e in root.iter() if re.fullmatch("h[1-6]", str(e.tag))]


def shape(root: Element) -> Iterator[tuple[str, tuple[tuple[str, str], ...], str, str]]:
    """Each element: its tag, attributes, and its text and tail with punctuation made neutral."""
    for element in root.iter():
        attributes = tuple(sorted(element.attrib.items()))
        yield (
            str(element.tag),
            attributes,
            neutral(element.text or ""),
            neutral(element.tail or ""),
        )


#: What the page is made of: anything else came from the data.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article",
    "h1", "h2", "h3", "h4", "p", "div", "span", "bdi", "b", "strong", "s", "cite", "time",
    "a", "br", "dl", "dt", "dd", "ul", "ol", "li",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "dir", "class", "id", "href", "datetime", "charset", "name", "content",
    "aria-labelledby", "aria-hidden", "style",
}  # fmt: skip


def check_page(page: bytes) -> Element:
    """Parse strictly; only our elements and attributes; links http(s) or mailto; no script."""
    root = parse(page)
    assert {str(e.tag) for e in root.iter()} <= ELEMENTS
    for element in root.iter():
        assert set(element.attrib) <= ATTRIBUTES, element.attrib
        if "href" in element.attrib:
            assert re.match("(https?|mailto):", element.attrib["href"]), element.attrib
        if "style" in element.attrib:
            assert re.fullmatch("background-color:#[0-9A-Fa-f]{6}", element.attrib["style"])
    levels = headings(root)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels
    return root


# Golden files ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang", "zone"), GOLDEN_CASES)
def test_golden_pages(name: str, lang: str, zone: str) -> None:
    page = export(load(name), ExportOptions(zone=zone, lang=lang))
    check_page(page)
    golden("html", name, lang, zone, page.decode("utf-8"))


def test_the_golden_files_are_all_in_use() -> None:
    expected = {f"{n}.{lang}.{z.replace('/', '_')}.html" for n, lang, z in GOLDEN_CASES}
    assert {path.name for path in (GOLDEN / "html").iterdir()} == expected


# What the page says ------------------------------------------------------------


def test_the_seed_card() -> None:
    root = check_page(export(load("gsef2021-partenariats"), ExportOptions(zone="Indian/Mayotte")))
    assert root.attrib["lang"] == "fr"
    article = by_id(root, "session-partenariats-innovants-ecosystemes-ess")
    h3 = article.find("h3")
    assert h3 is not None
    assert text_of(h3).startswith("14:00–15:30 UTC+03:00 Des partenariats innovants")
    times = [t.attrib["datetime"] for t in h3.iter("time")]
    assert times == ["2021-10-08T14:00+03:00", "2021-10-08T15:30+03:00"]
    text = text_of(article)
    for fact in (
        "Modératrice",
        "Kevin Ossah — Directeur exécutif, OJEDD",
        "11:00 heure locale, Africa/Lome",
        "Délégué national, ESS France Outre-mer, ESS France",
        "Convention de coopérations quadripartite",  # a presentation
        "Cluster ESS océan Indien",  # an initiative it draws on
        "Quelles sont les actions clés à promouvoir au niveau local ?",
    ):
        assert fact in text, fact
    objectives = article.findall("ol/li")
    assert len(objectives) == 4 and text_of(objectives[0]).startswith("Reconnaître l'importance")
    day = by_id(root, "day-2021-10-08")
    assert text_of(day) == "vendredi 8 octobre 2021"


def test_status_is_said_in_words_and_cancelled_titles_are_struck() -> None:
    root = check_page(export(load("every-shape"), ExportOptions(lang="en")))
    cancelled = by_id(root, "session-table-ronde-annulee")
    h3 = cancelled.find("h3")
    assert h3 is not None
    assert h3.find(".//s") is not None and "CANCELLED" in text_of(h3)
    postponed = by_id(root, "session-webinaire-reporte").find("h3")
    assert postponed is not None and postponed.find(".//s") is not None
    assert "POSTPONED" in text_of(postponed)
    moved = by_id(root, "session-visite-deplacee")
    assert "RESCHEDULED" in text_of(moved)
    old = moved.find(".//dd/s/time")
    assert old is not None and old.attrib["datetime"] == "2026-03-28T17:00+01:00"
    assert by_id(root, "session-pleniere-ouverture").find(".//s") is None


def test_every_time_shape_with_its_machine_value() -> None:
    root = check_page(export(load("every-shape"), ExportOptions(zone="Europe/Paris", lang="en")))

    def when(id: str) -> tuple[str, list[str]]:
        h3 = by_id(root, f"session-{id}").find("h3")
        assert h3 is not None
        span = h3.find("span")
        assert span is not None
        return text_of(span), [t.attrib["datetime"] for t in span.iter("time")]

    assert when("pleniere-ouverture") == (
        "09:30–11:00 UTC+01:00",
        ["2026-03-28T09:30+01:00", "2026-03-28T11:00+01:00"],
    )
    assert when("atelier-finances") == ("from 14:00 UTC+01:00", ["2026-03-28T14:00+01:00"])
    assert when("visite-deplacee")[0] == "09:30–11:30 UTC+02:00"  # summer time from 29 March
    assert when("exposition") == ("28 March 2026 – 30 March 2026", ["2026-03-28", "2026-03-30"])
    assert when("cloture") == ("time to be announced", [])
    assert text_of(by_id(root, "day-undated")) == "Date to be announced"


def test_places_with_address_and_online_link() -> None:
    root = check_page(export(load("every-shape"), ExportOptions(lang="fr")))
    where = by_id(root, "session-pleniere-ouverture").find("dl/dd")
    assert where is not None
    assert "Salle des fêtes, Hôtel de Ville de Lyon — 1 place de la Comédie, 69001 Lyon" in text_of(
        where
    )
    assert [a.attrib["href"] for a in where.iter("a")] == ["https://example.org/live"]


def test_registration_price_and_accessibility() -> None:
    programme = load("every-shape")
    registration = attrs.evolve(
        programme.registration,
        email="inscription@example.org",
        deadline=datetime(2026, 3, 20, 12, tzinfo=UTC),
    )
    root = check_page(export(attrs.evolve(programme, registration=registration), ExportOptions()))
    header = root.find(".//header")
    assert header is not None
    text = text_of(header)
    assert "obligatoire · https://example.org/ripess-2026/inscription" in text
    assert "jusqu'au 2026-03-20 13:00 · 300 places · 42 restantes" in text
    assert "Tarif plein: 25,00 EUR; Étudiant·es et demandeur·ses d'emploi: gratuit" in text
    assert {a.attrib["href"] for a in header.iter("a")} >= {"mailto:inscription@example.org"}
    assert "langue des signes" in text_of(by_id(root, "session-pleniere-ouverture"))
    assert "complet" in text_of(by_id(root, "session-visite-deplacee"))


def test_every_text_in_another_language_says_so() -> None:
    root = check_page(export(load("every-shape"), ExportOptions(lang="ar")))
    assert root.attrib["lang"] == "en"  # the labels: no Arabic catalogue
    title = by_id(root, "session-webinaire-reporte").find("h3/span[@class='title']/s/span")
    assert title is not None
    assert title.attrib == {"lang": "ar", "dir": "rtl"}
    assert text_of(title) == "الاقتصاد الاجتماعي والتضامني في المغرب العربي"
    french = [e for e in root.iter() if e.attrib.get("lang") == "fr"]
    assert "Coordinatrice" in {text_of(e) for e in french}
    assert all(e.attrib.get("dir") == "rtl" for e in root.iter() if e.attrib.get("lang") == "ar")
    english = check_page(export(load("every-shape"), ExportOptions(lang="en")))
    marked = [e.tag for e in english.iter() if e.attrib.get("lang") == "en"]
    assert marked == ["html"]  # the page's own language is said once


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("ar", True), ("he", True), ("fa-IR", True), ("ur", True), ("yi", True), ("ckb", True),
     ("az-Arab", True), ("ar-Latn", False), ("fr", False), ("x-klingon", False), ("und", False)],
)  # fmt: skip
def test_right_to_left_languages(tag: str, expected: bool) -> None:
    assert is_right_to_left(tag) is expected


def test_a_name_in_a_right_to_left_script_is_isolated() -> None:
    programme = load("every-shape")
    amina = attrs.evolve(programme.speaker("amina-haddad"), name="أمينة حداد")
    speakers = [amina if s.id == "amina-haddad" else s for s in programme.speakers]
    root = check_page(export(attrs.evolve(programme, speakers=speakers), ExportOptions(lang="en")))
    isolated = [text_of(e) for e in root.iter("bdi")]
    assert "أمينة حداد" in isolated


def test_track_colour_is_decoration_beside_its_name() -> None:
    root = check_page(export(load("every-shape"), ExportOptions(lang="en")))
    meta = by_id(root, "session-pleniere-ouverture").find("p[@class='meta']")
    assert meta is not None
    swatch = meta.find("span[@class='swatch']")
    assert swatch is not None
    assert swatch.attrib["aria-hidden"] == "true" and not text_of(swatch)
    assert "Track: Territories" in text_of(meta)


def test_a_standalone_page_without_script() -> None:
    page = export(load("every-shape"), ExportOptions())
    root = check_page(page)
    assert root.find(".//script") is None and root.find(".//link") is None
    style = root.find("head/style")
    assert style is not None and "@media print" in text_of(style)
    assert b'<meta charset="utf-8">' in page


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_markup_in_a_title_stays_text(hostile: str) -> None:
    programme = load("gsef2021-partenariats")
    session = attrs.evolve(programme.sessions[0], title=LocalizedText({"fr": hostile}))
    speaker = attrs.evolve(programme.speakers[0], name=hostile)
    programme = attrs.evolve(
        programme,
        title=LocalizedText({"fr": hostile}),
        sessions=[session],
        speakers=[speaker, *programme.speakers[1:]],
    )
    page = export(programme, ExportOptions())
    root = check_page(page)
    assert root.find(".//script") is None and root.find(".//img") is None
    assert not [e for e in root.iter() if "onerror" in e.attrib]
    title = root.find("head/title")
    h1 = root.find(".//h1")
    assert title is not None and h1 is not None
    assert text_of(title) == hostile and text_of(h1) == hostile
    span = by_id(root, f"session-{session.id}").find("h3/span[@class='title']")
    assert span is not None and text_of(span) == hostile
    assert hostile in [text_of(b) for b in root.iter("b")]


def test_a_link_that_is_not_http_is_shown_not_followed() -> None:
    programme = load("every-shape")
    link = Link(kind=LinkKind.OTHER, url="https://example.org/x")
    object.__setattr__(link, "url", "javascript:alert(1)")  # past the model's own check
    session = attrs.evolve(programme.sessions[1], links=[link])
    programme = attrs.evolve(programme, sessions=[session])
    root = check_page(export(programme, ExportOptions()))
    article = by_id(root, f"session-{session.id}")
    assert "javascript:alert(1)" in text_of(article)
    assert all(a.attrib["href"].startswith("https://") for a in article.iter("a"))


def test_characters_no_page_may_hold_become_replacement_characters() -> None:
    programme = load("gsef2021-partenariats")
    programme = attrs.evolve(
        programme, title=LocalizedText({"fr": "a\x00b\x1bc\x7fd\ufdd0e\U0001fffe"})
    )
    h1 = check_page(export(programme, ExportOptions())).find(".//h1")
    assert h1 is not None and text_of(h1) == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd"


def test_one_speakers_sessions() -> None:
    programme = load("every-shape")
    root = check_page(export(programme, ExportOptions(speaker="claire-martin", lang="en")))
    ids = [e.attrib["id"] for e in root.iter("article")]
    assert ids == ["session-pleniere-ouverture", "session-table-ronde-annulee"]
    assert "Sessions of Claire Martin" in text_of(root)


def test_a_programme_without_sessions() -> None:
    programme = attrs.evolve(load("every-shape"), sessions=[])
    root = check_page(export(programme, ExportOptions(lang="es")))
    assert root.find(".//article") is None and "Ninguna sesión." in text_of(root)


@pytest.mark.parametrize("format", ["html", "markdown", "text"])
@pytest.mark.parametrize(
    ("options", "path", "code"),
    [
        (ExportOptions(zone="Mars/Olympus_Mons"), "$.zone", "time_zone"),
        (ExportOptions(zone="localtime"), "$.zone", "time_zone"),
        (ExportOptions(speaker="nobody"), "$.speaker", "unknown_reference"),
        (ExportOptions(lang="fr_FR"), "$.lang", "language_tag"),
        (ExportOptions(zone=3, lang=["fr"]), "$.zone", "time_zone"),  # type: ignore[arg-type]
    ],
)
def test_bad_options_are_refused(format: str, options: ExportOptions, path: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        exporter(format)(load("every-shape"), options)
    assert (path, code) in {(p.path, p.code) for p in caught.value.problems}


def test_registration_alone_with_conditions_is_labelled() -> None:
    programme = attrs.evolve(
        load("every-shape"),
        registration=Registration(conditions=LocalizedText({"fr": "Entrée libre"})),
    )
    header = check_page(export(programme, ExportOptions())).find(".//header/dl")
    assert header is not None
    assert [text_of(e) for e in header][2:6] == [
        "Financement",
        "Ville de Lyon",
        "Inscription",
        "Entrée libre",
    ]


# Properties ----------------------------------------------------------------------


@given(strategies.programmes(), options())
def test_every_generated_programme_makes_a_strictly_valid_page(
    programme: Programme, chosen: ExportOptions
) -> None:
    root = check_page(export(programme, chosen))
    shown = {e.attrib["id"] for e in root.iter("article")}
    assert shown == {f"session-{s.id}" for s in programme.sessions}


@given(hostile_programmes(), options())
def test_hostile_strings_never_leave_their_element(
    programme: Programme, chosen: ExportOptions
) -> None:
    # The page of hostile strings has the very elements and attributes of the page
    # where each of their punctuation marks is replaced by a letter: no string made
    # an element, an attribute or a reference, and each character is where it was.
    page = export(programme, chosen)
    harmless = export(rewrite(programme, neutral), chosen)
    assert list(shape(check_page(page))) == list(shape(parse(harmless)))


def test_machine_times_never_carry_a_sub_minute_offset() -> None:
    # Paris kept its mean solar time, UTC+00:09:21, until 1911: such a time is written in UTC.
    session = attrs.evolve(
        load("every-shape").sessions[1],
        start=datetime(1900, 6, 1, 10, 0, 30, 250_400, tzinfo=UTC),
        end=datetime(1900, 6, 1, 11, tzinfo=UTC),
        participants=[],
    )
    programme = attrs.evolve(
        load("every-shape"),
        start_date=session.start.date(),  # type: ignore[union-attr]
        end_date=session.start.date(),  # type: ignore[union-attr]
        extra_days=[],
        sessions=[session],
    )
    root = check_page(export(programme, ExportOptions(zone="Europe/Paris")))
    times = [(t.attrib["datetime"], text_of(t)) for t in root.iter("time")]
    assert ("1900-06-01T10:00:30.250Z", "10:09") in times
    assert ("1900-06-01T11:00Z", "11:09") in times


def test_the_catalogues_have_the_same_words() -> None:
    from essprogramme.formats import _labels

    for table in (_labels.LABELS, _labels.FORMATS, _labels.STATUS, _labels.ROLES):
        assert table["fr"].keys() == table["en"].keys() == table["es"].keys()
    for table in (_labels.ACCESSIBILITY, _labels.LINKS, _labels.ORGANISERS):
        assert table["fr"].keys() == table["en"].keys() == table["es"].keys()


@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_every_format_shows_one_speakers_sessions(format: str) -> None:
    page = exporter(format)(load("every-shape"), ExportOptions(speaker="jose-garcia", lang="en"))
    text = page.decode()
    assert "Sessions of" in text and "José García" in text
    assert "Opening plenary" in text and "Networks' assembly" in text
    assert "Table ronde" not in text and "Clôture" not in text
