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
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from . import examples
from .codec import from_dict, from_json, to_dict, to_json
from .errors import Problem, ValidationError
from .model import (
    Activity,
    Affiliation,
    AttendanceMode,
    Contribution,
    Figure,
    GovernanceBody,
    Initiative,
    InitiativeKind,
    InitiativeStatus,
    Interval,
    LocalInterval,
    LocalizedText,
    Location,
    LocationKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Programme,
    Session,
    SessionFormat,
    Speaker,
    Territory,
    Theme,
    Track,
)


def __getattr__(name: str) -> Any:
    """``essprogramme.schemas`` and ``essprogramme.strategies``, imported on first use.

    The schemas need jsonschema, the strategies hypothesis: ``import
    essprogramme`` stays light and never imports hypothesis.
    """
    if name in ("schemas", "strategies"):
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


try:
    __version__ = version("essprogramme")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

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
    "Problem",
    "Programme",
    "Session",
    "SessionFormat",
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
]
