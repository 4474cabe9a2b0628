"""essprogramme: the programmes of social and solidarity economy forums, as data.

Immutable, validated model objects (:class:`Programme`, :class:`Session`,
:class:`Speaker`, :class:`Initiative`, ...), one error type for bad input
(:class:`ValidationError`), and JSON in and out (:func:`to_json`,
:func:`from_json`).

>>> import essprogramme
>>> programme = essprogramme.examples.load("gsef2021-partenariats")
>>> essprogramme.from_json(essprogramme.to_json(programme)) == programme
True
"""

import importlib
from typing import Any

from . import examples
from .codec import from_dict, from_json, to_dict, to_json, to_json_bytes
from .errors import Problem, ValidationError
from .model import (
    Accessibility,
    Activity,
    Address,
    Affiliation,
    AttendanceMode,
    Confirmation,
    Coordinates,
    Delivery,
    Figure,
    GovernanceBody,
    Inference,
    Initiative,
    InitiativeKind,
    InitiativeStatus,
    Interval,
    Link,
    LinkKind,
    LocalInterval,
    LocalizedText,
    Location,
    LocationKind,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    OrganiserRole,
    PartialDate,
    Participant,
    ParticipantRole,
    Price,
    PriceKind,
    Programme,
    RecordingPolicy,
    Registration,
    Session,
    SessionFormat,
    SessionStatus,
    Source,
    Speaker,
    Territory,
    Theme,
    Track,
)

_LAZY = ("schemas", "strategies")


def __getattr__(name: str) -> Any:
    """``schemas``, ``strategies`` and ``__version__``, found on first use.

    The schemas need jsonschema, the strategies hypothesis, the version
    importlib.metadata: ``import essprogramme`` stays light.
    """
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("essprogramme")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # ``strategies`` is listed here but not in ``__all__``: a star import
    # would import it, and it needs hypothesis, an optional extra.
    return sorted({*globals(), *__all__, *_LAZY})


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
    "Problem",
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
    "ValidationError",
    "__version__",
    "examples",
    "from_dict",
    "from_json",
    "schemas",
    "to_dict",
    "to_json",
    "to_json_bytes",
]
