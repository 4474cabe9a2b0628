"""schema.org JSON-LD: a programme as an ``Event`` whose sessions are its ``subEvent``s.

For search engines and linked-data tools. The programme is an ``Event``
(its days as ``startDate``/``endDate`` dates); each session a sub-event
(an ``EducationEvent`` for a workshop or a lecture, a ``ScreeningEvent``,
an ``ExhibitionEvent``), with the parts of a session as its own
sub-events. Times carry the offset of the session's zone
(``2021-10-08T13:00:00+02:00``); a session published with days only has
dates (``2026-03-28``). Every node has a stable ``@id``: ``urn:uuid:`` and
the UUID of :func:`essprogramme.formats.ical.uid`, so a session's ``@id`` is
its iCalendar ``UID``. ``docs/jsonld.md`` lists what maps to what, and
what is lost.

Texts come in every language, each tagged (``{"@language": "fr", "@value":
…}``), or, with ``lang``, in that one language (with fallback, tagged with
the language the text is really in).

>>> from essprogramme import examples
>>> document = to_jsonld(examples.load("gsef2021-partenariats"), lang="fr")
>>> session = document["subEvent"]   # one session: one value, not a list
>>> session["@type"], session["startDate"], session["eventStatus"]
('EducationEvent', '2021-10-08T11:00:00Z', 'https://schema.org/EventScheduled')
>>> session["contributor"]["roleName"], session["contributor"]["contributor"]["name"]
('moderator', 'Kevin Ossah')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ValidationError
from ..model import (
    Link,
    LocalizedText,
    Organisation,
    Participant,
    Programme,
    Registration,
    Session,
    Speaker,
)
from ..model.vocab import (
    AttendanceMode,
    LinkKind,
    LocationKind,
    OrganisationKind,
    OrganiserRole,
    ParticipantRole,
    PriceKind,
    SessionFormat,
    SessionStatus,
)
from . import ExportOptions
from .ical import option_problems, uid
from .ical._zones import UTC_KEYS

__all__ = ["CONTEXT", "SCHEMA", "dumps", "export", "to_jsonld"]

#: The ``@context`` written: schema.org's, as search engines expect it.
CONTEXT = "https://schema.org"
#: The prefix of schema.org's enumeration values (``https://schema.org/EventCancelled``).
SCHEMA = "https://schema.org/"

Node = dict[str, Any]

_STATUS = {
    SessionStatus.SCHEDULED: "EventScheduled",
    SessionStatus.CANCELLED: "EventCancelled",
    SessionStatus.POSTPONED: "EventPostponed",
    SessionStatus.RESCHEDULED: "EventRescheduled",
    SessionStatus.MOVED_ONLINE: "EventMovedOnline",
    # TENTATIVE has no schema.org status: none is written.
}
_ATTENDANCE = {
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}
_EVENT_TYPES = {
    SessionFormat.WORKSHOP: "EducationEvent",
    SessionFormat.LECTURE: "EducationEvent",
    SessionFormat.SCREENING: "ScreeningEvent",
    SessionFormat.EXHIBITION: "ExhibitionEvent",
}
_ORGANISATION_TYPES = {
    OrganisationKind.PUBLIC_AUTHORITY: "GovernmentOrganization",
    OrganisationKind.UNIVERSITY: "CollegeOrUniversity",
    OrganisationKind.NGO: "NGO",
}
#: The property of the programme's ``Event`` each organiser role goes to.
_ORGANISER_PROPERTIES = {
    OrganiserRole.ORGANISER: "organizer",
    OrganiserRole.CO_ORGANISER: "organizer",
    OrganiserRole.HOST: "organizer",
    OrganiserRole.FUNDER: "funder",
    OrganiserRole.SPONSOR: "sponsor",
    OrganiserRole.PARTNER: "contributor",
}


def to_jsonld(
    programme: Programme,
    *,
    lang: str | None = None,
    zone: str | None = None,
    speaker: str | None = None,
) -> Node:
    """The programme as a schema.org ``Event`` (a JSON-ready dict).

    ``lang``: texts in this language only (default: every language, tagged);
    ``zone``: offsets of this zone (default: each session's zone);
    ``speaker``: only the sessions of this speaker (an id).
    Bad options raise :class:`~essprogramme.errors.ValidationError`.
    """
    problems = option_problems(programme, lang=lang, zone=zone, speaker=speaker)
    if problems:
        raise ValidationError(problems)
    return _collapse(_Writer(programme, lang, zone).event(speaker))  # type: ignore[no-any-return]


#: Characters written as JSON escapes, so that the document can sit inside an
#: HTML ``<script type="application/ld+json">`` as it is: no title can close
#: the element, open a comment, or end a JavaScript line.
_HTML_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def dumps(document: Node) -> str:
    """The JSON text of a document: sorted keys, two-space indents, safe inside HTML.

    >>> print(dumps({"name": "</script><b>", "@type": "Event"}))
    {
      "@type": "Event",
      "name": "\\u003c/script\\u003e\\u003cb\\u003e"
    }
    """
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).translate(_HTML_SAFE)


def export(programme: Programme, options: ExportOptions) -> bytes:
    """The exporter of ``essprogramme export --to jsonld``: :func:`dumps`, UTF-8, a final newline."""
    document = to_jsonld(programme, lang=options.lang, zone=options.zone, speaker=options.speaker)
    return dumps(document).encode("utf-8") + b"\n"


def _instant(moment: datetime, zone: str) -> str:
    """An RFC 3339 date-time with the zone's offset; in UTC (``Z``) for UTC or a sub-minute offset."""
    if zone not in UTC_KEYS:
        local = moment.astimezone(ZoneInfo(zone))
        offset = local.utcoffset()
        if offset is not None and not offset % timedelta(minutes=1):
            return local.isoformat()
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _collapse(value: Any) -> Any:
    """A list of one value becomes that value, all the way down, as schema.org writes it."""
    if isinstance(value, list):
        items = [_collapse(item) for item in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, dict):
        return {key: _collapse(item) for key, item in value.items()}
    return value


def _put(node: Node, key: str, values: list[Any]) -> None:
    """Set ``key`` to ``values``, unless there are none."""
    if values:
        node[key] = values


class _Writer:
    """One JSON-LD document being written: the options, and the nodes of the programme."""

    def __init__(self, programme: Programme, lang: str | None, zone: str | None) -> None:
        self.programme = programme
        self.lang = lang
        self.zone = zone

    def id(self, collection: str | None = None, item_id: str | None = None) -> str:
        return "urn:uuid:" + uid(self.programme.id, collection, item_id)

    def text(self, value: LocalizedText) -> list[Any]:
        """Language-tagged values: every translation, or the one chosen."""
        tags = [value.match(self.lang)] if self.lang is not None else list(value)
        return [
            value[tag] if tag.lower() == "und" else {"@language": tag, "@value": value[tag]}
            for tag in tags
        ]

    def texts(self, values: Iterable[LocalizedText]) -> list[Any]:
        return [text for value in values for text in self.text(value)]

    # The programme and its sessions -------------------------------------

    def event(self, speaker: str | None) -> Node:
        programme = self.programme
        sessions = programme.sessions_of(speaker) if speaker is not None else programme.sessions
        chosen = {session.id for session in sessions}
        children: dict[str | None, list[Session]] = {}
        for session in sessions:
            parent = session.parent if session.parent in chosen else None
            children.setdefault(parent, []).append(session)
        node: Node = {
            "@context": CONTEXT,
            "@type": "Event",
            "@id": self.id(),
            "name": self.text(programme.title),
            "startDate": programme.start_date.isoformat(),
            "endDate": programme.end_date.isoformat(),
        }
        if programme.status in _STATUS:
            node["eventStatus"] = SCHEMA + _STATUS[programme.status]
        if programme.description is not None:
            node["description"] = self.text(programme.description)
        _put(node, "inLanguage", list(programme.languages))
        if programme.url is not None:
            node["url"] = programme.url
        for role in programme.organisers:
            organisation = self.organisation(programme.organisation(role.organisation))
            node.setdefault(_ORGANISER_PROPERTIES[role.role], []).append(organisation)
        if programme.registration is not None:
            self.registration(node, programme.registration, programme.time_zone)
        venues: dict[str, Node] = {}
        for session in sessions:
            for location_id in session.locations:
                root = self.programme.places_around(location_id)[-1]
                venues.setdefault(root.id, self.place(root.id))
        _put(node, "location", list(venues.values()))
        self.links(node, programme.links)
        _put(node, "subEvent", [self.session(s, children) for s in children.get(None, [])])
        return node

    def session(self, session: Session, children: dict[str | None, list[Session]]) -> Node:
        zone = self.zone or self.programme.zone_of(session)
        node: Node = {
            "@type": _EVENT_TYPES.get(session.format, "Event"),
            "@id": self.id("sessions", session.id),
            "name": self.text(session.title),
        }
        if session.start is not None:
            node["startDate"] = _instant(session.start, zone)
            if session.end is not None:
                node["endDate"] = _instant(session.end, zone)
        elif session.start_date is not None:
            node["startDate"] = session.start_date.isoformat()
            if session.end_date is not None:
                node["endDate"] = session.end_date.isoformat()
        if session.status in _STATUS:
            node["eventStatus"] = SCHEMA + _STATUS[session.status]
        _put(node, "previousStartDate", [_instant(m, zone) for m in session.previous_starts])
        if session.attendance_mode is not None:
            node["eventAttendanceMode"] = SCHEMA + _ATTENDANCE[session.attendance_mode]
        if session.description is not None:
            node["description"] = self.text(session.description)
        _put(node, "inLanguage", list(session.languages))
        _put(node, "location", [self.place(location_id) for location_id in session.locations])
        for participant in session.participants:
            key, value = self.participant(participant)
            node.setdefault(key, []).append(value)
        works = [self.work(p) for p in session.participants if p.title is not None]
        _put(node, "workPerformed", works)
        if session.registration is not None:
            self.registration(node, session.registration, zone)
        if session.url is not None:
            node["url"] = session.url
        _put(node, "keywords", sorted(session.tags))
        if node["@type"] == "EducationEvent":
            _put(node, "teaches", self.texts(session.objectives))
        self.links(node, session.links)
        _put(node, "subEvent", [self.session(s, children) for s in children.get(session.id, [])])
        return node

    # People and organisations -----------------------------------------

    def participant(self, participant: Participant) -> tuple[str, Node]:
        """The property and the node of someone taking part: a moderator through a ``Role``."""
        if participant.speaker is not None:
            who = self.person(self.programme.speaker(participant.speaker))
        else:
            assert participant.organisation is not None
            who = self.organisation(self.programme.organisation(participant.organisation))
        if participant.role is ParticipantRole.SPEAKER:
            return "performer", who
        if participant.role is ParticipantRole.HOST:
            return "organizer", who
        role: Node = {"@type": "Role", "roleName": participant.role.value, "contributor": who}
        if participant.label is not None:
            role["name"] = self.text(participant.label)
        return "contributor", role

    def work(self, participant: Participant) -> Node:
        """A presentation: its title, abstract and author."""
        assert participant.title is not None
        node: Node = {"@type": "CreativeWork", "name": self.text(participant.title)}
        if participant.abstract is not None:
            node["abstract"] = self.text(participant.abstract)
        if participant.speaker is not None:
            node["author"] = {"@id": self.id("speakers", participant.speaker)}
        elif participant.organisation is not None:
            node["author"] = {"@id": self.id("organisations", participant.organisation)}
        return node

    def person(self, speaker: Speaker) -> Node:
        node: Node = {"@type": "Person", "@id": self.id("speakers", speaker.id)}
        if speaker.name is not None:
            node["name"] = speaker.name
        elif speaker.office is not None:
            node["name"] = self.text(speaker.office)
        if speaker.honorific is not None:
            node["honorificPrefix"] = self.text(speaker.honorific)
        titles = [speaker.office] if speaker.office is not None and speaker.name else []
        current = [a for a in speaker.affiliations if not a.former]
        titles += [a.role for a in current if a.role is not None]
        _put(node, "jobTitle", self.texts(titles))
        organisations = self.programme.organisation
        _put(
            node, "affiliation", [self.organisation(organisations(a.organisation)) for a in current]
        )
        former = [a for a in speaker.affiliations if a.former]
        _put(node, "alumniOf", [self.organisation(organisations(a.organisation)) for a in former])
        if speaker.bio is not None:
            node["description"] = self.text(speaker.bio)
        if speaker.photo is not None:
            node["image"] = speaker.photo
        _put(node, "sameAs", [link.url for link in speaker.links])
        return node

    def organisation(self, organisation: Organisation) -> Node:
        node: Node = {
            "@type": _ORGANISATION_TYPES.get(organisation.kind, "Organization"),
            "@id": self.id("organisations", organisation.id),
            "name": self.text(organisation.name),
        }
        if organisation.acronym is not None:
            node["alternateName"] = organisation.acronym
        if organisation.url is not None:
            node["url"] = organisation.url
        if organisation.description is not None:
            node["description"] = self.text(organisation.description)
        return node

    # Places, offers, links --------------------------------------------

    def place(self, location_id: str) -> Node:
        chain = self.programme.places_around(location_id)
        place = chain[0]
        if place.kind is LocationKind.ONLINE:
            node: Node = {
                "@type": "VirtualLocation",
                "@id": self.id("locations", place.id),
                "name": self.text(place.name),
            }
            if place.url is not None:
                node["url"] = place.url
            return node
        node = {
            "@type": "Place",
            "@id": self.id("locations", place.id),
            "name": self.text(place.name),
        }
        # A room is at the address, and the coordinates, of the building it is in:
        # the same nodes, named after the place that holds them.
        holder = next((p for p in chain if p.address is not None), None)
        if holder is not None and holder.address is not None:
            address = holder.address
            postal: Node = {
                "@type": "PostalAddress",
                "@id": self.id("locations", holder.id) + "#address",
            }
            fields = {
                "streetAddress": address.street,
                "postalCode": address.postal_code,
                "addressLocality": address.locality,
                "addressRegion": address.region,
                "addressCountry": address.country,
            }
            postal.update({key: value for key, value in fields.items() if value is not None})
            node["address"] = postal
        holder = next((p for p in chain if p.coordinates is not None), None)
        if holder is not None and holder.coordinates is not None:
            node["geo"] = {
                "@type": "GeoCoordinates",
                "@id": self.id("locations", holder.id) + "#geo",
                "latitude": holder.coordinates.latitude,
                "longitude": holder.coordinates.longitude,
            }
        if place.capacity is not None:
            node["maximumAttendeeCapacity"] = place.capacity
        if place.parent is not None:
            node["containedInPlace"] = self.place(place.parent)
        return node

    def registration(self, node: Node, registration: Registration, zone: str) -> None:
        """``offers``, capacities and whether attending is free, from a registration."""
        if registration.full or registration.places_left == 0:
            availability: str | None = "SoldOut"
        elif registration.places_left is not None:
            availability = "LimitedAvailability"
        elif registration.full is False:
            availability = "InStock"
        else:
            availability = None
        common: Node = {"@type": "Offer"}
        if registration.url is not None:
            common["url"] = registration.url
        if availability is not None:
            common["availability"] = SCHEMA + availability
        if registration.deadline is not None:
            common["validThrough"] = _instant(registration.deadline, zone)
        if registration.conditions is not None:
            common["description"] = self.text(registration.conditions)
        offers = []
        for price in registration.prices:
            offer = dict(common)
            if price.label is not None:
                offer["name"] = self.text(price.label)
            if price.kind is PriceKind.FREE:
                offer["price"] = "0"
            elif price.kind is PriceKind.FIXED:
                assert price.amount is not None
                offer["price"] = format(price.amount, "f")
            else:  # pay what you can: any amount from nothing, perhaps a suggested one
                specification: Node = {"@type": "PriceSpecification", "minPrice": "0"}
                if price.amount is not None:
                    specification["price"] = format(price.amount, "f")
                if price.currency is not None:
                    specification["priceCurrency"] = price.currency
                offer["priceSpecification"] = specification
            if price.currency is not None:
                offer["priceCurrency"] = price.currency
            offers.append(offer)
        if not offers and len(common) > 1:
            offers.append(common)
        _put(node, "offers", offers)
        # Free when every price is; not when every price is a set amount; else it depends.
        prices = registration.prices
        if prices and all(price.kind is PriceKind.FREE for price in prices):
            node["isAccessibleForFree"] = True
        elif prices and all(price.kind is PriceKind.FIXED and price.amount for price in prices):
            node["isAccessibleForFree"] = False
        if registration.capacity is not None:
            node["maximumAttendeeCapacity"] = registration.capacity
        if registration.places_left is not None:
            node["remainingAttendeeCapacity"] = registration.places_left

    def links(self, node: Node, links: Iterable[Link]) -> None:
        """A recording is where the event was ``recordedIn``; other links are ``subjectOf`` it."""
        for link in links:
            work: Node = {"@type": "CreativeWork", "url": link.url}
            if link.title is not None:
                work["name"] = self.text(link.title)
            if link.language is not None:
                work["inLanguage"] = link.language
            key = "recordedIn" if link.kind is LinkKind.RECORDING else "subjectOf"
            node.setdefault(key, []).append(work)
