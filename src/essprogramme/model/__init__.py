"""The model at the centre: immutable, typed, validated values. Imports no outer layer."""

from .figure import Figure
from .initiative import Activity, GovernanceBody, Initiative
from .links import Link, RecordingPolicy
from .location import Address, Coordinates, Location, Track
from .organisation import Membership, Organisation
from .programme import OrganisationRole, Programme
from .provenance import Inference, Source
from .registration import Price, Registration
from .session import Participant, Session
from .speaker import Affiliation, Speaker
from .territory import Territory
from .text import LocalizedText
from .time import Interval, LocalInterval, PartialDate
from .vocab import (
    Accessibility,
    AttendanceMode,
    Confirmation,
    Delivery,
    InitiativeKind,
    InitiativeStatus,
    LinkKind,
    LocationKind,
    OrganisationKind,
    OrganiserRole,
    ParticipantRole,
    PriceKind,
    SessionFormat,
    SessionStatus,
    Theme,
)

__all__ = [
    "Accessibility",
    "Activity",
    "Address",
    "Affiliation",
    "AttendanceMode",
    "Confirmation",
    "Coordinates",
    "Delivery",
    "Figure",
    "GovernanceBody",
    "Inference",
    "Initiative",
    "InitiativeKind",
    "InitiativeStatus",
    "Interval",
    "Link",
    "LinkKind",
    "LocalInterval",
    "LocalizedText",
    "Location",
    "LocationKind",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "OrganisationRole",
    "OrganiserRole",
    "PartialDate",
    "Participant",
    "ParticipantRole",
    "Price",
    "PriceKind",
    "Programme",
    "RecordingPolicy",
    "Registration",
    "Session",
    "SessionFormat",
    "SessionStatus",
    "Source",
    "Speaker",
    "Territory",
    "Theme",
    "Track",
]
