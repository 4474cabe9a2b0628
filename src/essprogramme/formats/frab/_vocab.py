"""The words of the two sides: event types, link types, room types, roles, languages.

Each table says how a model value is written and how a schedule's word is
read. Where the schedule has fewer words than the model, several model
values share one (``livestream`` and ``recording`` are both ``media``):
:data:`LINK_KIND_READ` of :data:`LINK_TYPE_WRITTEN` shows what comes back.
"""

from __future__ import annotations

import re
import unicodedata

from ...model._formats import is_language_tag
from ...model.vocab import LinkKind, LocationKind, ParticipantRole, SessionFormat

__all__ = [
    "EVENT_TYPES",
    "LINK_KIND_READ",
    "LINK_TYPE_WRITTEN",
    "ROLE_READ",
    "ROLE_WRITTEN",
    "ROOM_KIND_READ",
    "ROOM_TYPE_WRITTEN",
    "frab_language",
    "read_event_type",
]

#: Words of pretalx and frab event types (lower case, accents and ``-_``
#: folded to spaces) → the session format. Every format's own value is read
#: back as itself. A word not listed becomes ``other``, and is reported.
EVENT_TYPES: dict[str, SessionFormat] = {
    **{fmt.value.replace("_", " "): fmt for fmt in SessionFormat},
    "vortrag": SessionFormat.TALK,
    "kurzvortrag": SessionFormat.LIGHTNING_TALK,
    "lightning": SessionFormat.LIGHTNING_TALK,
    "lightningtalk": SessionFormat.LIGHTNING_TALK,
    "conference": SessionFormat.LECTURE,
    "conferencia": SessionFormat.LECTURE,
    "presentation": SessionFormat.TALK,
    "hands on": SessionFormat.WORKSHOP,
    "atelier": SessionFormat.WORKSHOP,
    "taller": SessionFormat.WORKSHOP,
    "podium": SessionFormat.PANEL,
    "podiumsdiskussion": SessionFormat.PANEL,
    "panel discussion": SessionFormat.PANEL,
    "discussion": SessionFormat.ROUND_TABLE,
    "diskussion": SessionFormat.ROUND_TABLE,
    "roundtable": SessionFormat.ROUND_TABLE,
    "table ronde": SessionFormat.ROUND_TABLE,
    "mesa redonda": SessionFormat.ROUND_TABLE,
    "pleniere": SessionFormat.PLENARY,
    "plenaria": SessionFormat.PLENARY,
    "self organized": SessionFormat.SELF_ORGANISED,
    "self organized session": SessionFormat.SELF_ORGANISED,
    "self organised session": SessionFormat.SELF_ORGANISED,
    "meetup": SessionFormat.NETWORKING,
    "concert": SessionFormat.PERFORMANCE,
    "show": SessionFormat.PERFORMANCE,
    "film": SessionFormat.SCREENING,
    "movie": SessionFormat.SCREENING,
    "installation": SessionFormat.EXHIBITION,
    "tour": SessionFormat.GUIDED_TOUR,
    "visite": SessionFormat.SITE_VISIT,
    "opening": SessionFormat.CEREMONY,
    "closing": SessionFormat.CEREMONY,
    "pause": SessionFormat.BREAK,
    "coffee break": SessionFormat.BREAK,
    "lunch": SessionFormat.MEAL,
    "dinner": SessionFormat.MEAL,
    "repas": SessionFormat.MEAL,
}

_FOLD = re.compile("[-_ ]+")


def read_event_type(word: str) -> SessionFormat | None:
    """The session format an event ``type`` names; ``None`` for a word not known.

    >>> read_event_type("Talk"), read_event_type("round_table"), read_event_type("Hands-On")
    (<SessionFormat.TALK: 'talk'>, <SessionFormat.ROUND_TABLE: 'round_table'>, <SessionFormat.WORKSHOP: 'workshop'>)
    """
    folded = unicodedata.normalize("NFKD", word.strip().lower())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return EVENT_TYPES.get(_FOLD.sub(" ", folded).strip())


#: How each link kind is written: the VOC ``Reference.type`` enum.
LINK_TYPE_WRITTEN: dict[LinkKind, str] = {
    LinkKind.WEBSITE: "web",
    LinkKind.SLIDES: "slides",
    LinkKind.DOCUMENT: "paper",
    LinkKind.RECORDING: "media",
    LinkKind.LIVESTREAM: "media",
    LinkKind.REGISTRATION: "related",
    LinkKind.SOCIAL: "related",
    LinkKind.OTHER: "related",
}
#: How a ``Reference.type`` is read; a link without a type is ``other``.
LINK_KIND_READ: dict[str, LinkKind] = {
    "web": LinkKind.WEBSITE,
    "blog": LinkKind.WEBSITE,
    "slides": LinkKind.SLIDES,
    "paper": LinkKind.DOCUMENT,
    "article": LinkKind.DOCUMENT,
    "media": LinkKind.RECORDING,
    "activitypub": LinkKind.SOCIAL,
    "related": LinkKind.OTHER,
}

#: How each kind of place is written as a VOC room ``type`` (JSON only).
ROOM_TYPE_WRITTEN: dict[LocationKind, str] = {
    LocationKind.ROOM: "other",
    LocationKind.VENUE: "other",
    LocationKind.STAGE: "stage",
    LocationKind.OUTDOOR: "outside",
    LocationKind.ONLINE: "online",
}
#: How a room ``type`` is read; any other type, or none, is a room.
ROOM_KIND_READ: dict[str, LocationKind] = {
    "stage": LocationKind.STAGE,
    "outside": LocationKind.OUTDOOR,
    "online": LocationKind.ONLINE,
    "bbb": LocationKind.ONLINE,
}

#: The role a person is written with (JSON only): the words of the VOC
#: schedule v2 ``EventParticipant.role``, on a v1 ``Person``, which the v1
#: schema leaves open to more properties.
ROLE_WRITTEN: dict[ParticipantRole, str] = {
    ParticipantRole.SPEAKER: "SPEAKER",
    ParticipantRole.MODERATOR: "MODERATOR",
    ParticipantRole.HOST: "HOST",
    ParticipantRole.MC: "HOST",
    ParticipantRole.GUIDE: "CONTRIBUTOR",
    ParticipantRole.DISCUSSANT: "CONTRIBUTOR",
    ParticipantRole.RAPPORTEUR: "CONTRIBUTOR",
    ParticipantRole.INTERPRETER: "CONTRIBUTOR",
    ParticipantRole.OTHER: "CONTRIBUTOR",
}
#: How a person's ``role`` is read (upper or lower case); without one, a speaker.
ROLE_READ: dict[str, ParticipantRole] = {
    "SPEAKER": ParticipantRole.SPEAKER,
    "MODERATOR": ParticipantRole.MODERATOR,
    "HOST": ParticipantRole.HOST,
    "CONTRIBUTOR": ParticipantRole.OTHER,
    "GUEST": ParticipantRole.OTHER,
}


def frab_language(tags: tuple[str, ...]) -> str | None:
    """The one ``language`` of an event: the first floor language with an ISO 639-1 code.

    The first of ``tags`` whose primary subtag has two letters wins, cut to
    that subtag (``fr-CA`` → ``fr``); three-letter languages (``fsl``,
    ``gsw``) have no ISO 639-1 code and are passed over.

    >>> frab_language(("fr-CA", "en")), frab_language(("gsw", "de")), frab_language(("x-klingon",))
    ('fr', 'de', None)
    """
    for tag in tags:
        primary = tag.split("-", 1)[0]
        if len(primary) == 2 and primary.isascii() and primary.isalpha():
            return primary.lower()
    return None


def text_tag(language: str | None) -> str:
    """The tag the texts of an event are read with: its ``language``, or ``und``."""
    return language if language is not None and is_language_tag(language) else "und"
