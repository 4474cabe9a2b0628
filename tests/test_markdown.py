"""The Markdown programme: golden files, and a structural check of its escapes.

No Markdown reader is among the test dependencies, so the check is
differential: the Markdown of a programme of hostile strings, its
backslash escapes read back, must be the Markdown of the same programme
with each punctuation mark of those strings replaced by a letter — every
character where it was — except for punctuation that is harmless where it
stands (a ``;``, a ``-`` inside a line). Any other difference is syntax the
strings made. Golden files live in ``tests/golden/markdown`` (regenerate as
``test_html.py`` says).
"""

from __future__ import annotations

import itertools
import re
import string

import attrs
import pytest
from hypothesis import given

from essprogramme import Link, LinkKind, LocalizedText, Programme, strategies
from essprogramme.formats import ExportOptions
from essprogramme.formats.markdown import escape, export
from test_html import (
    GOLDEN,
    GOLDEN_CASES,
    HOSTILE,
    NEUTRAL,
    golden,
    hostile_programmes,
    load,
    neutral,
    options,
    rewrite,
)

#: Markdown's syntax, wherever it stands.
SYNTAX = set("\\`*_[]()#<>|~")
_MARKER = r"\s*((?:[0-9]+[.)]|[-+*])\s+)?"
_REFERENCE = re.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def read_escapes(markdown: str) -> tuple[str, list[int]]:
    """The text with each backslash escape read as the letter its mark stands for in NEUTRAL,
    and where each character came from."""
    chars, where = [], []
    at = 0
    while at < len(markdown):
        if markdown[at] == "\\" and markdown[at + 1 : at + 2] in set(string.punctuation):
            chars.append(NEUTRAL[markdown[at + 1]])
            where.append(at + 1)
            at += 2
        else:
            chars.append(markdown[at])
            where.append(at)
            at += 1
    return "".join(chars), where


def harmless(markdown: str, at: int) -> bool:
    """Whether the unescaped punctuation mark at ``at`` is text where it stands."""
    char = markdown[at]
    before = markdown[markdown.rfind("\n", 0, at) + 1 : at]
    if char in SYNTAX:
        return False
    if char in "-+=" and re.fullmatch(_MARKER, before):
        return False  # a list item, a setext underline, a thematic break
    if char == "." and re.fullmatch(_MARKER + "[0-9]+", before):
        return False  # an ordered list item
    return not (char == "&" and _REFERENCE.match(markdown, at))


def check_structure(markdown: str) -> None:
    """One line ending; nothing indented but a list item's continuation (two spaces); headings
    in order."""
    assert "\r" not in markdown
    for line in markdown.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        assert indent in (0, 2), repr(line)
        assert not line[indent:].startswith(("\t", " ")), repr(line)
        assert not re.match(r" *(?:[-+*]|[0-9]+[.)])[ \t]{2}", line), repr(line)  # indented code
    levels = [len(m.group(1)) for m in re.finditer("^(#+) ", markdown, re.MULTILINE)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


def check_same_syntax(markdown: str, harmless_markdown: str) -> None:
    hostile, where = read_escapes(markdown)
    plain, _ = read_escapes(harmless_markdown)
    assert len(hostile) == len(plain), (markdown, harmless_markdown)
    for index, (mine, theirs) in enumerate(zip(hostile, plain, strict=True)):
        if mine != theirs:
            context = markdown[max(0, where[index] - 40) : where[index] + 40]
            assert NEUTRAL.get(mine) == theirs, context
            assert harmless(markdown, where[index]), f"unescaped {mine!r} in {context!r}"


# Golden files ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang", "zone"), GOLDEN_CASES)
def test_golden_pages(name: str, lang: str, zone: str) -> None:
    page = export(load(name), ExportOptions(zone=zone, lang=lang)).decode("utf-8")
    check_structure(page)
    golden("markdown", name, lang, zone, page)


def test_the_golden_files_are_all_in_use() -> None:
    expected = {f"{n}.{lang}.{z.replace('/', '_')}.md" for n, lang, z in GOLDEN_CASES}
    assert {path.name for path in (GOLDEN / "markdown").iterdir()} == expected


# The check itself ------------------------------------------------------------------


@pytest.mark.parametrize(
    "unsafe",
    ["*a*", "_a_", "[a](b)", "<b>", "# a", "`a`", "- a", "+ a", "1. a", "a | b", "&amp;", "~~a~~"],
)
def test_the_check_sees_syntax_left_unescaped(unsafe: str) -> None:
    line = f"- **Label:** {unsafe}" if unsafe[0] not in "-+1#" else unsafe
    with pytest.raises(AssertionError):
        check_same_syntax(line, line.replace(unsafe, neutral(unsafe)))


def test_the_check_lets_harmless_punctuation_be() -> None:
    line = "- **Label:** it's 5.00 EUR; a-b + c = d & e!"
    check_same_syntax(line, line[:13] + neutral(line[13:]))


# Escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_hostile_string_is_escaped(hostile: str) -> None:
    escaped = escape(hostile)
    assert "\n" not in escaped and "\r" not in escaped
    check_same_syntax(escaped, escape(neutral(hostile)))


def test_escapes_as_the_issue_lists_them() -> None:
    assert escape("*_[]()#<>`|") == r"\*\_\[\]\(\)\#\<\>\`\|"
    assert escape("- item") == r"\- item" and escape("+ item") == r"\+ item"
    assert escape("12. item") == r"12\. item" and escape("12 items.") == "12 items."
    assert escape("<b>bold</b>") == r"\<b\>bold\</b\>"
    assert escape("[click](javascript:alert(1))") == r"\[click\]\(javascript:alert\(1\)\)"
    assert escape("AT&T &amp; &#60;") == r"AT&T \&amp; \&\#60;"
    assert escape("\u202eabc") == "&#x202E;abc"
    assert escape("  \t indented\n") == "indented"


# What the page says ------------------------------------------------------------------------


def test_the_seed_card() -> None:
    page = export(load("gsef2021-partenariats"), ExportOptions(zone="Indian/Mayotte")).decode()
    assert page.startswith("# GSEF 2021 — Session d'atelier")
    assert "## vendredi 8 octobre 2021\n" in page
    assert "### 14:00–15:30 (UTC+03:00) · Des partenariats innovants" in page
    assert "- **Modératrice\u00a0:** **Kevin Ossah** — Directeur exécutif, OJEDD" in page
    assert "#### Intervenant·e·s\n" in page and "#### Objectifs\n\n1. Reconnaître" in page
    assert "  *Convention de coopérations quadripartite*" in page
    assert "  - **Cluster ESS océan Indien** — " in page
    assert "#### Questions\n\n- Quelles actions" in page


def test_status_struck_through_and_said() -> None:
    page = export(load("every-shape"), ExportOptions(lang="en")).decode()
    assert "· ~~Table ronde : coopératives de plateforme~~ · **CANCELLED**" in page
    assert "· ~~Webinaire : l'ESS au Maghreb~~ · **POSTPONED**" in page
    assert "- **Previously:** ~~2026-03-28 17:00~~" in page
    assert "· **TENTATIVE**" in page and "· **MOVED ONLINE**" in page
    assert "### from 14:00 (UTC+01:00) · Atelier : financer l'ESS" in page
    assert "### 28 March 2026 – 30 March 2026 · Exposition : 20 ans de RIPESS" in page
    assert "## Date to be announced\n\n### time to be announced · Clôture" in page


def test_links_and_places() -> None:
    page = export(load("every-shape"), ExportOptions(lang="fr")).decode()
    assert (
        "- **Lieu\u00a0:** Salle des fêtes, Hôtel de Ville de Lyon — 1 place de la Comédie, "
        "69001 Lyon, FR + Diffusion en ligne (en ligne, PeerTube: <https://example.org/live>)"
    ) in page
    assert "- **Liens\u00a0:** <https://example.org/ripess-2026>" in page


def test_a_link_that_is_not_http_is_shown_not_followed() -> None:
    programme = load("every-shape")
    link = Link(kind=LinkKind.OTHER, url="https://example.org/x")
    object.__setattr__(link, "url", "javascript:alert(1)")  # past the model's own check
    programme = attrs.evolve(
        programme, sessions=[attrs.evolve(programme.sessions[1], links=[link])]
    )
    page = export(programme, ExportOptions(lang="en")).decode()
    assert r"- **Links:** Link: javascript:alert\(1\)" in page


def test_a_registration_email_is_a_mailto_link() -> None:
    programme = load("every-shape")
    registration = attrs.evolve(programme.registration, url=None, email="ins@example.org")
    page = export(attrs.evolve(programme, registration=registration), ExportOptions()).decode()
    assert "obligatoire · [ins@example.org](<mailto:ins@example.org>) · 300 places" in page


def test_a_title_of_several_lines_stays_one_heading() -> None:
    programme = load("gsef2021-partenariats")
    session = attrs.evolve(
        programme.sessions[0], title=LocalizedText({"fr": "Un\n\n# Deux\r\n---"})
    )
    page = export(attrs.evolve(programme, sessions=[session]), ExportOptions()).decode()
    check_structure(page)
    assert r"· Un  \# Deux ---" in page


# Properties ----------------------------------------------------------------------


@given(strategies.programmes(), options())
def test_every_generated_programme_exports(programme: Programme, chosen: ExportOptions) -> None:
    page = export(programme, chosen).decode()
    check_structure(page)
    assert page.count("\n### ") == len(programme.sessions)


@given(hostile_programmes(), options())
def test_hostile_strings_stay_text(programme: Programme, chosen: ExportOptions) -> None:
    page = export(programme, chosen).decode()
    check_structure(page)
    check_same_syntax(page, export(rewrite(programme, neutral), chosen).decode())
