"""The same programme shape in pydantic v2 and msgspec, for fair ratios.

Each peer does what essprogramme does on decode, as far as it can say so
declaratively: strict types (no coercion), unknown keys refused, frozen
values, tuples, aware datetimes, id and language-tag patterns, non-empty
texts, enums, end after start.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Annotated, Any

import msgspec
import pydantic
from pydantic import AwareDatetime, ConfigDict, Field, StringConstraints, model_validator

ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
LANG = "^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$"


class Format(enum.StrEnum):
    PLENARY = "plenary"
    WORKSHOP = "workshop"
    ROUND_TABLE = "round_table"
    PANEL = "panel"
    SELF_ORGANISED = "self_organised"
    WEBINAR = "webinar"


class Status(enum.StrEnum):
    SCHEDULED = "scheduled"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"
    MOVED_ONLINE = "moved_online"


class Role(enum.StrEnum):
    MODERATOR = "moderator"
    SPEAKER = "speaker"
    HOST = "host"
    OTHER = "other"


class Mode(enum.StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    MIXED = "mixed"


# pydantic ---------------------------------------------------------------

PId = Annotated[str, StringConstraints(pattern=ID)]
PLang = Annotated[str, StringConstraints(pattern=LANG)]
PText = dict[PLang, Annotated[str, StringConstraints(min_length=1)]]
CFG = ConfigDict(strict=True, frozen=True, extra="forbid")


class PTerritory(pydantic.BaseModel):
    model_config = CFG
    code: str | None = None
    name: PText | None = None


class POrganisation(pydantic.BaseModel):
    model_config = CFG
    id: PId
    name: PText
    kind: str
    acronym: str | None = None
    territory: PTerritory | None = None


class PInitiative(pydantic.BaseModel):
    model_config = CFG
    id: PId
    name: PText
    kind: str
    status: str | None = None
    start: str | None = None
    lead: tuple[PId, ...] = ()
    axes: tuple[PText, ...] = ()
    themes: frozenset[str] = frozenset()
    sdgs: frozenset[Annotated[int, Field(ge=1, le=17)]] = frozenset()


class PInterval(pydantic.BaseModel):
    model_config = CFG
    start: AwareDatetime
    end: AwareDatetime


class PAffiliation(pydantic.BaseModel):
    model_config = CFG
    organisation: PId
    role: PText | None = None


class PSpeaker(pydantic.BaseModel):
    model_config = CFG
    id: PId
    name: str
    honorific: PText | None = None
    affiliations: tuple[PAffiliation, ...] = ()
    bio: PText | None = None
    country: str | None = None
    time_zone: str | None = None
    availability: tuple[PInterval, ...] = ()


class PParticipant(pydantic.BaseModel):
    model_config = CFG
    role: Role
    speaker: PId | None = None
    organisation: PId | None = None
    label: PText | None = None
    title: PText | None = None
    abstract: PText | None = None
    initiatives: tuple[PId, ...] = ()


class PSession(pydantic.BaseModel):
    model_config = CFG
    id: PId
    title: PText
    format: Format
    status: Status = Status.SCHEDULED
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    start_date: date | None = None
    end_date: date | None = None
    languages: tuple[PLang, ...] = ()
    interpretation: tuple[PLang, ...] = ()
    attendance_mode: Mode | None = None
    locations: tuple[PId, ...] = ()
    description: PText | None = None
    objectives: tuple[PText, ...] = ()
    questions: tuple[PText, ...] = ()
    participants: tuple[PParticipant, ...] = ()
    tags: frozenset[str] = frozenset()

    @model_validator(mode="after")
    def _ordered(self) -> PSession:
        if self.end is not None and (self.start is None or self.end <= self.start):
            raise ValueError("end must be after start")
        return self


class PProgramme(pydantic.BaseModel):
    model_config = CFG
    id: PId
    title: PText
    time_zone: str
    start_date: date
    end_date: date
    languages: tuple[PLang, ...] = ()
    sessions: tuple[PSession, ...] = ()
    speakers: tuple[PSpeaker, ...] = ()
    organisations: tuple[POrganisation, ...] = ()
    initiatives: tuple[PInitiative, ...] = ()


def pydantic_decode(raw: bytes) -> PProgramme:
    return PProgramme.model_validate_json(raw)


def pydantic_encode(obj: PProgramme) -> bytes:
    return obj.model_dump_json(exclude_defaults=True).encode()


# msgspec ----------------------------------------------------------------

MId = Annotated[str, msgspec.Meta(pattern=ID)]
MLang = Annotated[str, msgspec.Meta(pattern=LANG)]
MText = dict[MLang, Annotated[str, msgspec.Meta(min_length=1)]]
KW = {"frozen": True, "forbid_unknown_fields": True, "kw_only": True, "omit_defaults": True}


class MTerritory(msgspec.Struct, **KW):  # type: ignore[call-arg]
    code: str | None = None
    name: MText | None = None


class MOrganisation(msgspec.Struct, **KW):  # type: ignore[call-arg]
    id: MId
    name: MText
    kind: str
    acronym: str | None = None
    territory: MTerritory | None = None


class MInitiative(msgspec.Struct, **KW):  # type: ignore[call-arg]
    id: MId
    name: MText
    kind: str
    status: str | None = None
    start: str | None = None
    lead: tuple[MId, ...] = ()
    axes: tuple[MText, ...] = ()
    themes: frozenset[str] = frozenset()
    sdgs: frozenset[Annotated[int, msgspec.Meta(ge=1, le=17)]] = frozenset()


class MInterval(msgspec.Struct, **KW):  # type: ignore[call-arg]
    start: Annotated[datetime, msgspec.Meta(tz=True)]
    end: Annotated[datetime, msgspec.Meta(tz=True)]


class MAffiliation(msgspec.Struct, **KW):  # type: ignore[call-arg]
    organisation: MId
    role: MText | None = None


class MSpeaker(msgspec.Struct, **KW):  # type: ignore[call-arg]
    id: MId
    name: str
    honorific: MText | None = None
    affiliations: tuple[MAffiliation, ...] = ()
    bio: MText | None = None
    country: str | None = None
    time_zone: str | None = None
    availability: tuple[MInterval, ...] = ()


class MParticipant(msgspec.Struct, **KW):  # type: ignore[call-arg]
    role: Role
    speaker: MId | None = None
    organisation: MId | None = None
    label: MText | None = None
    title: MText | None = None
    abstract: MText | None = None
    initiatives: tuple[MId, ...] = ()


class MSession(msgspec.Struct, **KW):  # type: ignore[call-arg]
    id: MId
    title: MText
    format: Format
    status: Status = Status.SCHEDULED
    start: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    end: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    start_date: date | None = None
    end_date: date | None = None
    languages: tuple[MLang, ...] = ()
    interpretation: tuple[MLang, ...] = ()
    attendance_mode: Mode | None = None
    locations: tuple[MId, ...] = ()
    description: MText | None = None
    objectives: tuple[MText, ...] = ()
    questions: tuple[MText, ...] = ()
    participants: tuple[MParticipant, ...] = ()
    tags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.end is not None and (self.start is None or self.end <= self.start):
            raise ValueError("end must be after start")


class MProgramme(msgspec.Struct, **KW):  # type: ignore[call-arg]
    id: MId
    title: MText
    time_zone: str
    start_date: date
    end_date: date
    languages: tuple[MLang, ...] = ()
    sessions: tuple[MSession, ...] = ()
    speakers: tuple[MSpeaker, ...] = ()
    organisations: tuple[MOrganisation, ...] = ()
    initiatives: tuple[MInitiative, ...] = ()


_decoder = msgspec.json.Decoder(MProgramme)
_encoder = msgspec.json.Encoder()


def msgspec_decode(raw: bytes) -> Any:
    return _decoder.decode(raw)


def msgspec_encode(obj: Any) -> bytes:
    return _encoder.encode(obj)
