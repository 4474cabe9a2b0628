"""The model at the centre: immutable, typed, validated values. Imports no outer layer."""

from .figure import Figure
from .initiative import Activity, GovernanceBody, Initiative
from .location import Location, Track
from .organisation import Organisation
from .programme import Programme
from .session import Contribution, Session
from .speaker import Affiliation, Speaker
from .territory import Territory
from .text import LocalizedText
from .time import Interval, LocalInterval, PartialDate
from .vocab import (
    AttendanceMode,
    InitiativeKind,
    InitiativeStatus,
    LocationKind,
    OrganisationKind,
    SessionFormat,
    Theme,
)

__all__ = [
    "Activity",
    "Affiliation",
    "AttendanceMode",
    "Contribution",
    "Figure",
    "GovernanceBody",
    "Initiative",
    "InitiativeKind",
    "InitiativeStatus",
    "Interval",
    "LocalInterval",
    "LocalizedText",
    "Location",
    "LocationKind",
    "Organisation",
    "OrganisationKind",
    "PartialDate",
    "Programme",
    "Session",
    "SessionFormat",
    "Speaker",
    "Territory",
    "Theme",
    "Track",
]
