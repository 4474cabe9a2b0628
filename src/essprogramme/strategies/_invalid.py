"""Programme documents broken on purpose: one table of mutations, one rule each.

Every rule the library checks on a JSON document has a row in
:data:`MUTATIONS`: what to change in a valid programme document, and the
problem code and location the change must cause. Most rows edit the
document as data; a few (duplicate keys, malformed JSON) only exist as JSON
text, and produce it. The same table feeds :func:`invalid_documents`, the
test that each row breaks exactly its rule, the test that the model and the
schema agree on every row, and the test that every documented code has a row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from ..model._formats import MAX_DEPTH, MAX_URL_LENGTH
from ._programmes import programmes

__all__ = ["MUTATIONS", "Mutation", "invalid_documents", "located"]

Location = tuple[str | int, ...]
Document = dict[str, Any]


@attrs.frozen
class Mutation:
    """One way to break one rule, and the problem it must cause.

    ``change`` edits a programme document in place; a ``text`` mutation
    returns the broken JSON text instead (the rule lives in the text only).
    """

    name: str
    code: str
    location: Location
    change: Callable[[Document], Any] = attrs.field(repr=False)
    text: bool = False

    def apply(self, document: Document) -> Any:
        """The broken document: ``document`` itself, edited, or JSON text."""
        result = self.change(document)
        return result if self.text else document


def _target(document: Any, path: Location) -> Any:
    for step in path:
        document = document[step]
    return document


def _set(name: str, code: str, where: Location, value: Any, at: Location | None = None) -> Mutation:
    """Set ``where`` to ``value``; the problem is ``code`` at ``at`` (default ``where``)."""

    def change(document: Document) -> None:
        _target(document, where[:-1])[where[-1]] = value

    return Mutation(name, code, where if at is None else at, change)


def _edit(name: str, code: str, at: Location) -> Callable[[Callable[[Document], Any]], Mutation]:
    """Decorator: a mutation whose change is the decorated function."""

    def wrap(change: Callable[[Document], Any]) -> Mutation:
        return Mutation(name, code, at, change)

    return wrap


#: The title every text mutation starts from, so that they know a key of it.
_ONE_TITLE = '"title": {"fr": "premier"}'


def _text(name: str, code: str, at: Location) -> Callable[[Callable[[str], str]], Mutation]:
    """Decorator: a mutation of the document's JSON text (its title set to :data:`_ONE_TITLE`)."""

    def wrap(rewrite: Callable[[str], str]) -> Mutation:
        def change(document: Document) -> str:
            document["title"] = {"fr": "premier"}
            text = json.dumps(document, ensure_ascii=False)
            if _ONE_TITLE not in text:  # pragma: no cover - json.dumps changed its spacing
                raise AssertionError(f"no {_ONE_TITLE} in {text[:200]!r}")
            return rewrite(text)

        return Mutation(name, code, at, change, text=True)

    return wrap


@_edit("required-title", "required", ("title",))
def _no_title(document: Document) -> None:
    del document["title"]


@_edit("end_before_start-session", "end_before_start", ("sessions", 0, "end"))
def _end_at_start(document: Document) -> None:
    document["sessions"][0]["end"] = document["sessions"][0]["start"]


@_edit("end_before_start-programme", "end_before_start", ("end_date",))
def _programme_ends_early(document: Document) -> None:
    document["start_date"], document["end_date"] = "2026-10-08", "2026-10-07"


@_edit("duplicate_id-speaker", "duplicate_id", ("speakers", -1, "id"))
def _duplicate_speaker(document: Document) -> None:
    document["speakers"].append(dict(document["speakers"][0]))


@_edit("self_reference", "self_reference", ("initiatives", 0, "related", 0))
def _self_related(document: Document) -> None:
    initiative = document["initiatives"][0]
    initiative["related"] = [initiative["id"]]


@_edit("duplicate-lead", "duplicate", ("initiatives", 0, "lead", 1))
def _duplicate_lead(document: Document) -> None:
    organisation = document["organisations"][0]["id"]
    document["initiatives"][0]["lead"] = [organisation, organisation]


@_edit("id-trailing-newline", "id", ("sessions", 0, "id"))
def _id_with_newline(document: Document) -> None:
    document["sessions"][0]["id"] += "\n"


# A chain of regions whose innermost name lies one container deeper than
# MAX_DEPTH: root (1), organisations (2), the organisation (3), its
# territory (4), then two levels per region (members array, member object).
_LEVELS = (MAX_DEPTH - 4) // 2
_DEEP_AT: Location = ("organisations", 0, "territory", *(("members", 0) * _LEVELS), "name")


def _deep_region(levels: int) -> dict[str, Any]:
    region: dict[str, Any] = {"name": {"fr": "Région"}}
    for _ in range(levels):
        region = {"name": {"fr": "Région"}, "members": [region]}
    return region


@_edit("depth-territory", "depth", _DEEP_AT)
def _too_deep(document: Document) -> None:
    document["organisations"][0]["territory"] = _deep_region(_LEVELS)


@_text("duplicate_key", "duplicate_key", ("title", "fr"))
def _duplicate_key(text: str) -> str:
    return text.replace(_ONE_TITLE, _ONE_TITLE[:-1] + ', "fr": "second"}', 1)


@_text("json-truncated", "json", ())
def _truncated(text: str) -> str:
    return text[:-1]


@_text("json-nan", "json", ())
def _nan(text: str) -> str:
    return text.replace('"start_date": ', '"start_date": NaN, "x": ', 1)


_OVERLAPPING = [
    {"start": "2026-10-08T09:00:00Z", "end": "2026-10-08T12:00:00Z"},
    {"start": "2026-10-08T11:00:00+02:00", "end": "2026-10-08T15:00:00+02:00"},
]

#: Every rule a programme document can break, each with its problem.
#: Locations are from the document's root; ``-1`` is the last item.
MUTATIONS: tuple[Mutation, ...] = (
    _set("type-id", "type", ("id",), 42),
    _set("type-languages", "type", ("sessions", 0, "languages"), "fr"),
    _set("type-text", "type", ("sessions", 0, "title"), "Atelier"),
    _no_title,
    _set("required-territory", "required", ("organisations", 0, "territory"), {}),
    _set("unknown_key", "unknown_key", ("sessions", 0, "speaker"), "spe-0"),
    _set("empty-blank", "empty", ("title",), {"fr": " \t"}, ("title", "fr")),
    _set("empty-no-language", "empty", ("title",), {}),
    _set("empty-name", "empty", ("speakers", 0, "name"), " "),
    _set("language_tag-key", "language_tag", ("title",), {"french": "Forum"}, ("title", "french")),
    _set("language_tag-item", "language_tag", ("sessions", 0, "languages"), ["fr", "fr_FR"], ("sessions", 0, "languages", 1)),
    _set("duplicate_language", "duplicate_language", ("title",), {"fr": "a", "FR": "b"}, ("title", "FR")),
    _set("duplicate-languages", "duplicate", ("sessions", 0, "languages"), ["fr", "FR"], ("sessions", 0, "languages", 1)),
    _set("duplicate-themes", "duplicate", ("initiatives", 0, "themes"), ["youth", "youth"], ("initiatives", 0, "themes", 1)),
    _duplicate_lead,
    _set("id-space", "id", ("sessions", 0, "id"), "has space"),
    _id_with_newline,
    _set("time_zone-unknown", "time_zone", ("time_zone",), "Mars/Olympus_Mons"),
    _set("time_zone-offset", "time_zone", ("speakers", 0, "time_zone"), "+03:00"),
    _set("time_zone-host-only", "time_zone", ("speakers", 0, "time_zone"), "localtime"),
    _set("enum-format", "enum", ("sessions", 0, "format"), "atelier"),
    _set("enum-kind", "enum", ("organisations", 0, "kind"), "NGO"),
    _set("naive_datetime", "naive_datetime", ("sessions", 0, "start"), "2026-10-08T11:00:00"),
    _set("instant", "instant", ("sessions", 0, "end"), "8 octobre 2026, 12h30"),
    _set("instant_range-offset", "instant_range", ("sessions", 0, "start"), "0001-01-01T00:00:00+01:00"),
    _set("instant_range-year-0", "instant_range", ("sessions", 0, "start"), "0000-01-01T00:00:00Z"),
    _end_at_start,
    _programme_ends_early,
    _set("date", "date", ("start_date",), "2026-13-01"),
    _set("partial_date-calendar", "partial_date", ("initiatives", 0, "start"), "2021-02-30"),
    _set("partial_date-month", "partial_date", ("initiatives", 0, "start"), "2020-13"),
    _set("country_code", "country_code", ("speakers", 0, "country"), "fr"),
    _set("territory_code", "territory_code", ("organisations", 0, "territory"), {"code": "fra"}, ("organisations", 0, "territory", "code")),
    _set("territory_members", "territory_members", ("organisations", 0, "territory"), {"code": "FR", "members": [{"code": "YT"}]}, ("organisations", 0, "territory", "members")),
    _set("url-scheme", "url", ("organisations", 0, "url"), "ftp://gsef-net.org"),
    _set("url-too-long", "url", ("organisations", 0, "url"), "https://a.org/" + "a" * MAX_URL_LENGTH),
    _set("range-sdg", "range", ("initiatives", 0, "sdgs"), [18], ("initiatives", 0, "sdgs", 0)),
    _set("range-count", "range", ("organisations", 0, "figures"), [{"measure": "x", "count": -1}], ("organisations", 0, "figures", 0, "count")),
    _set("overlapping_availability", "overlapping_availability", ("speakers", 0, "availability"), _OVERLAPPING, ("speakers", 0, "availability", 1)),
    _self_related,
    _duplicate_speaker,
    _set("unknown_reference-moderator", "unknown_reference", ("sessions", 0, "moderators"), ["nobody-at-all"], ("sessions", 0, "moderators", 0)),
    _set("unknown_reference-organiser", "unknown_reference", ("organiser",), "no-such-organisation"),
    _set("unicode", "unicode", ("speakers", 0, "name"), "Kevin \ud800"),
    _too_deep,
    _duplicate_key,
    _truncated,
    _nan,
)  # fmt: skip


def located(mutation: Mutation, document: Document) -> Location:
    """The mutation's location in ``document`` (after the change), ``-1`` resolved."""
    resolved: list[str | int] = []
    here: Any = document
    for step in mutation.location:
        if step == -1 and isinstance(here, list):
            step = len(here) - 1
        resolved.append(step)
        try:
            here = here[step]
        except (LookupError, TypeError):  # a location the mutation removed
            here = None
    return tuple(resolved)


@st.composite
def invalid_documents(draw: st.DrawFn) -> tuple[Document, str, Location]:
    """``(document, code, location)``: a programme document broken by one rule.

    A valid programme is drawn and turned into plain JSON data, then one
    mutation breaks exactly one rule the model checks. Decoding the
    document must raise a :class:`~essprogramme.ValidationError` with a
    problem of that ``code`` at that ``location`` (spelt as a JSON path by
    :func:`essprogramme.errors.json_path`).
    """
    from ..codec import to_dict

    programme = draw(_AT_LEAST_ONE_OF_EACH)
    document: Document = to_dict(programme)
    mutation = draw(_DATA_MUTATIONS)
    mutation.apply(document)
    return document, mutation.code, located(mutation, document)


_DATA_MUTATIONS = st.sampled_from([m for m in MUTATIONS if not m.text])


#: Every mutation finds what it breaks: a session, a speaker, an organisation...
_AT_LEAST_ONE_OF_EACH = programmes(
    min_sessions=1, max_sessions=2, min_speakers=1, max_speakers=2,
    min_organisations=1, max_organisations=2, min_initiatives=1, max_initiatives=2,
)  # fmt: skip
