"""Controlled vocabularies: the closed lists the model's fields draw from.

Members are :class:`enum.StrEnum`, so their JSON form is their value
(``"workshop"``) and they compare equal to it. Each list ends in ``OTHER``
where real programmes keep inventing new kinds; pair it with free text.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "Accessibility",
    "AttendanceMode",
    "Confirmation",
    "Delivery",
    "InitiativeKind",
    "InitiativeStatus",
    "LinkKind",
    "LocationKind",
    "OrganisationKind",
    "OrganiserRole",
    "ParticipantRole",
    "PriceKind",
    "SessionFormat",
    "SessionStatus",
    "Theme",
]


class _VocabularyType(enum.EnumType):
    """Lists a vocabulary's members and own methods, not every ``str`` method.

    ``help(essprogramme)`` would otherwise repeat the 80 methods of ``str``
    for each vocabulary.
    """

    def __dir__(cls) -> Any:
        hidden = set(dir(str)) - {"__class__", "__doc__", "__module__"}
        return sorted(set(super().__dir__()) - hidden)


class _Vocabulary(enum.StrEnum, metaclass=_VocabularyType):
    """A closed list of values, each compared and written as its string."""


class SessionFormat(_Vocabulary):
    """What kind of session it is ("Session d'atelier" is a workshop)."""

    PLENARY = "plenary"
    WORKSHOP = "workshop"
    ROUND_TABLE = "round_table"
    PANEL = "panel"
    SELF_ORGANISED = "self_organised"
    WEBINAR = "webinar"
    KEYNOTE = "keynote"
    NETWORKING = "networking"
    SITE_VISIT = "site_visit"
    CULTURAL = "cultural"
    TALK = "talk"
    LECTURE = "lecture"
    LIGHTNING_TALK = "lightning_talk"
    CEREMONY = "ceremony"
    EXHIBITION = "exhibition"
    SCREENING = "screening"
    PERFORMANCE = "performance"
    GUIDED_TOUR = "guided_tour"
    BREAK = "break"
    MEAL = "meal"
    OTHER = "other"

    @property
    def is_pause(self) -> bool:
        """A break or a meal: a slot of the programme that has no speakers."""
        return self in (SessionFormat.BREAK, SessionFormat.MEAL)


class AttendanceMode(_Vocabulary):
    """How people attend (schema.org ``eventAttendanceMode``)."""

    ONLINE = "online"
    IN_PERSON = "in_person"
    MIXED = "mixed"


class LocationKind(_Vocabulary):
    """A place a session happens: a venue, a room or stage inside one, outdoors, or online."""

    VENUE = "venue"
    ROOM = "room"
    STAGE = "stage"
    OUTDOOR = "outdoor"
    ONLINE = "online"


class OrganisationKind(_Vocabulary):
    """The organisational structure, in the spirit of RIPESS' ESSGlobal list."""

    PUBLIC_AUTHORITY = "public_authority"
    NETWORK = "network"
    COOPERATIVE = "cooperative"
    ASSOCIATION = "association"
    MUTUAL = "mutual"
    FOUNDATION = "foundation"
    SOCIAL_ENTERPRISE = "social_enterprise"
    COMPANY = "company"
    UNIVERSITY = "university"
    UNION = "union"
    NGO = "ngo"
    INFORMAL_GROUP = "informal_group"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    OTHER = "other"


class InitiativeKind(_Vocabulary):
    """What an initiative is: the seed has clusters, a hub, a convention, a working group."""

    CLUSTER = "cluster"
    HUB = "hub"
    CONVENTION = "convention"
    WORKING_GROUP = "working_group"
    PROGRAMME = "programme"
    NETWORK = "network"
    PROJECT = "project"
    POLICY = "policy"
    EVENT = "event"
    PARTNERSHIP = "partnership"
    OTHER = "other"


class InitiativeStatus(_Vocabulary):
    """Where an initiative stands."""

    IN_PLANNING = "in_planning"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"


class Theme(_Vocabulary):
    """Fields of SSE action an initiative or session is about."""

    INTERCOOPERATION = "intercooperation"
    LOCAL_DEVELOPMENT = "local_development"
    PUBLIC_POLICY = "public_policy"
    INTERNATIONAL_COOPERATION = "international_cooperation"
    FINANCE = "finance"
    SUPPORT_SERVICES = "support_services"
    ECOLOGICAL_TRANSITION = "ecological_transition"
    BLUE_ECONOMY = "blue_economy"
    SOCIAL_INCLUSION = "social_inclusion"
    EMPLOYMENT = "employment"
    RESPONSIBLE_PROCUREMENT = "responsible_procurement"
    LAND_ACCESS = "land_access"
    EDUCATION = "education"
    RESEARCH = "research"
    CULTURE = "culture"
    FOOD_AGRICULTURE = "food_agriculture"
    HOUSING = "housing"
    HEALTH = "health"
    DIGITAL = "digital"
    GENDER_EQUALITY = "gender_equality"
    YOUTH = "youth"
    GOVERNANCE = "governance"
    OTHER = "other"


class SessionStatus(_Vocabulary):
    """Where a session (or the whole event) stands: schema.org ``EventStatus``, frab ``state``."""

    SCHEDULED = "scheduled"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"
    MOVED_ONLINE = "moved_online"


class ParticipantRole(_Vocabulary):
    """The part someone (or an organisation) plays in a session."""

    MODERATOR = "moderator"
    SPEAKER = "speaker"
    HOST = "host"
    MC = "mc"
    GUIDE = "guide"
    DISCUSSANT = "discussant"
    RAPPORTEUR = "rapporteur"
    INTERPRETER = "interpreter"
    OTHER = "other"


class Delivery(_Vocabulary):
    """How a participant takes part."""

    IN_PERSON = "in_person"
    REMOTE_LIVE = "remote_live"
    RECORDED = "recorded"


class Confirmation(_Vocabulary):
    """Whether a participant's part is confirmed ("confirmation à venir")."""

    CONFIRMED = "confirmed"
    TO_BE_CONFIRMED = "to_be_confirmed"


class OrganiserRole(_Vocabulary):
    """What an organisation is to a whole programme."""

    ORGANISER = "organiser"
    CO_ORGANISER = "co_organiser"
    HOST = "host"
    FUNDER = "funder"
    SPONSOR = "sponsor"
    PARTNER = "partner"


class LinkKind(_Vocabulary):
    """What a link leads to."""

    WEBSITE = "website"
    LIVESTREAM = "livestream"
    RECORDING = "recording"
    SLIDES = "slides"
    DOCUMENT = "document"
    REGISTRATION = "registration"
    SOCIAL = "social"
    OTHER = "other"


class Accessibility(_Vocabulary):
    """An accessibility feature of a session or a place."""

    CAPTIONS = "captions"
    SIGN_LANGUAGE = "sign_language"
    INDUCTION_LOOP = "induction_loop"
    STEP_FREE = "step_free"
    QUIET_ROOM = "quiet_room"


class PriceKind(_Vocabulary):
    """How attendance is paid for: free, a set amount, or "prix libre"."""

    FREE = "free"
    FIXED = "fixed"
    PAY_WHAT_YOU_CAN = "pay_what_you_can"
