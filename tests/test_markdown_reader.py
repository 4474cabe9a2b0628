"""The Markdown programme read by a CommonMark reader we did not write (markdown-it-py).

Raw HTML is enabled in the reader, as most Markdown renderers enable it:
whatever a programme's strings hold, the rendered page must hold no element
they made (no script, image, link or heading of their own), only links to
http, https or mailto addresses, and the strings' own text, read back.
"""

from __future__ import annotations

import attrs
import html5lib
import pytest
from hypothesis import given
from markdown_it import MarkdownIt

from essprogramme import LocalizedText, Programme
from essprogramme.formats import ExportOptions
from essprogramme.formats.markdown import export
from test_html import HOSTILE, hostile_programmes, load, neutral, options, rewrite

_READER = MarkdownIt("commonmark", {"html": True})
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def elements(markdown: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The elements of the page the reader renders, with their attributes but not their text."""
    tree = html5lib.parse(_READER.render(markdown), namespaceHTMLElements=False)
    return [
        (element.tag, tuple(sorted(element.attrib.items())))
        for element in tree.iter()
        if isinstance(element.tag, str)
    ]


def text_of(markdown: str) -> str:
    tree = html5lib.parse(_READER.render(markdown), namespaceHTMLElements=False)
    return "".join(tree.itertext())


def check_links(markdown: str) -> None:
    for tag, attributes in elements(markdown):
        assert tag not in {"script", "img", "iframe", "style", "object", "embed"}, tag
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            if name in {"href", "src"}:
                assert value.startswith(_SAFE_SCHEMES), (tag, name, value)


@pytest.mark.parametrize("name", ["gsef2021-partenariats", "every-shape"])
def test_the_reader_renders_our_pages_with_safe_links_only(name: str) -> None:
    page = export(load(name), ExportOptions()).decode()
    check_links(page)
    headings = [tag for tag, _ in elements(page) if tag in {"h1", "h2", "h3"}]
    assert headings[0] == "h1" and "h3" in headings


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_title_is_read_back_as_its_own_text(hostile: str) -> None:
    programme = load("gsef2021-partenariats")
    session = programme.sessions[0]
    marked = "ZZ" + hostile.replace("\n", " ") + "ZZ"
    changed = rewrite(programme, lambda text: text)  # a copy, to evolve
    changed = _with_title(changed, session.id, marked)
    page = export(changed, ExportOptions()).decode()
    check_links(page)
    shown = text_of(page)
    assert "ZZ" in shown
    # Every letter and digit of the title reaches the reader's text, in order:
    # what a Markdown escape hides is punctuation only.
    start = shown.index("ZZ")
    wanted = [c for c in marked if c.isalnum()]
    found = [c for c in shown[start : start + 4 * len(marked) + 40] if c.isalnum()]
    assert found[: len(wanted)] == wanted


def _with_title(programme: Programme, session_id: str, title: str) -> Programme:
    sessions = tuple(
        attrs.evolve(s, title=LocalizedText({"fr": title})) if s.id == session_id else s
        for s in programme.sessions
    )
    return attrs.evolve(programme, sessions=sessions)


@given(hostile_programmes(), options())
def test_hostile_strings_make_no_element_of_their_own(
    programme: Programme, chosen: ExportOptions
) -> None:
    page = export(programme, chosen).decode()
    check_links(page)
    harmless = export(rewrite(programme, neutral), chosen).decode()
    assert [tag for tag, _ in elements(page)] == [tag for tag, _ in elements(harmless)]
