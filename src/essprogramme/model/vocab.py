"""Controlled vocabularies: the closed lists the model's fields draw from.

Members are :class:`enum.StrEnum`, so their JSON form is their value
(``"workshop"``) and they compare equal to it. Each list ends in ``OTHER``
where real programmes keep inventing new kinds; pair it with free text.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "AttendanceMode",
    "InitiativeKind",
    "InitiativeStatus",
    "LocationKind",
    "OrganisationKind",
    "SessionFormat",
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
    OTHER = "other"


class AttendanceMode(_Vocabulary):
    """How people attend (schema.org ``eventAttendanceMode``)."""

    ONLINE = "online"
    IN_PERSON = "in_person"
    MIXED = "mixed"


class LocationKind(_Vocabulary):
    """A place a session happens: a physical room or an online channel."""

    ROOM = "room"
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
