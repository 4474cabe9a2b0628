"""Reading the persons and links of an event: names, roles, biographies, URLs.

Links are what people typed: a relative one is reported, not resolved.
Attachments, avatars and pages are files of the schedule's own site: a
relative one is resolved against its base URL.
"""

from __future__ import annotations

from typing import Any

import attrs

from ...errors import Location
from ...model.vocab import LinkKind, ParticipantRole
from ._read import Obj, Reader
from ._vocab import LINK_KIND_READ, ROLE_READ

__all__ = ["RawPerson", "read_links", "read_person"]


@attrs.define
class RawPerson:
    """A person as an event lists them."""

    location: Location
    name: str
    guid: str | None
    code: str | None
    number: str | int | None
    role: ParticipantRole
    bio: str | None
    photo: str | None
    links: list[dict[str, Any]]

    @property
    def key(self) -> tuple[str, str]:
        """What tells this person from others: guid, else code, else id, else name."""
        for name, value in (("guid", self.guid), ("code", self.code), ("id", self.number)):
            if value is not None:
                return name, str(value)
        return "name", self.name


def read_links(
    obj: Obj, key: str, reader: Reader, base: str | None, default: LinkKind
) -> list[dict[str, Any]]:
    """The ``links`` (or ``attachments``) of an event or person, as the model's link data.

    Links are what people typed: a relative one is reported, not resolved.
    Attachments are files of the schedule's site (``base`` resolves them).
    """
    found = []
    for item, location in obj.items(key):
        link = reader.obj(item, location, key[:-1])
        if link is None:
            continue
        url_text = link.text("url", required=True)
        title = link.text("title")
        kind_word = link.text("type")
        link.done()
        if url_text is None:
            continue
        url = reader.url(url_text, link.at("url"), f"{key[:-1]}.url", base)
        if url is None:
            continue
        kind = default
        # pretalx calls every resource "related": a file attached is a document.
        if kind_word is not None and (kind_word.lower() != "related" or key == "links"):
            kind = LINK_KIND_READ.get(kind_word.lower(), LinkKind.OTHER)
            if kind_word.lower() not in LINK_KIND_READ:
                reader.note(
                    "changed",
                    f"{key[:-1]}.type",
                    "unknown type: read as other",
                    kind_word,
                    link.at("type"),
                )
        if title is not None and title.strip() in (url_text.strip(), url):
            title = None  # frab writes the URL when a link has no title
        found.append(
            {"kind": kind.value, "url": url} | ({"title": {"und": title}} if title else {})
        )
    return found


def read_person(
    item: Any, location: Location, reader: Reader, base: str | None
) -> RawPerson | None:
    """A person of an event: public name, ids, biography (JSON), role (JSON, ours)."""
    person = reader.obj(item, location, "person")
    if person is None:
        return None
    name = person.text("name")
    public = person.text("public_name")
    if name is None and public is None:
        reader.fail(location, "required", "a person needs a name ('name' or 'public_name')")
        return None
    role_word = person.text("role")
    role = ParticipantRole.SPEAKER
    if role_word is not None:
        role = ROLE_READ.get(role_word.upper(), ParticipantRole.SPEAKER)
        if role_word.upper() not in ROLE_READ:
            reader.note(
                "changed",
                "person.role",
                "unknown role: read as speaker",
                role_word,
                person.at("role"),
            )
    photo_text = person.text("avatar")
    photo = (
        reader.url(photo_text, person.at("avatar"), "person.avatar", base) if photo_text else None
    )
    links = read_links(person, "links", reader, None, LinkKind.OTHER)
    page = person.text("url")
    if page is not None:
        url = reader.url(page, person.at("url"), "person.url", base)
        if url is not None:
            links.insert(0, {"kind": LinkKind.WEBSITE.value, "url": url})
    found = RawPerson(
        location=location,
        name=name if name is not None else str(public),
        guid=person.text("guid"),
        code=person.text("code"),
        number=person.identifier("id"),
        role=role,
        bio=person.text("biography"),
        photo=photo,
        links=links,
    )
    person.done()
    return found
