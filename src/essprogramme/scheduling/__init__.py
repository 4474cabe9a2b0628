"""Time-zone-aware scheduling: local views, agendas, conflicts, comfort, fair slots and series.

Built on the model (which it imports; the model never imports it). Local
times are derived here for display and never stored. Every function checks
its arguments and reports all bad ones in one
:class:`~essprogramme.errors.ValidationError`.

- :func:`local_view`, :func:`agenda`, :func:`speaker_agenda`,
  :func:`languages_used`: what a programme looks like from one zone.
- :func:`find_conflicts`: double bookings, room and channel clashes,
  availability, buffers, comfort, attendance, in one :class:`ConflictReport`.
- :class:`ComfortPolicy`, :func:`comfort_of`, :func:`session_comfort`:
  which local hours suit people.
- :func:`suggest_slots`, :func:`suggest_series`: start times ranked by
  fairness, and recurring meetings that rotate the inconvenient hours.
- :func:`repeat_local`, :func:`resolve_local`, :func:`add_wall_clock`,
  :func:`wall_clock_between`: wall-clock time across DST changes.

>>> from essprogramme import examples
>>> from essprogramme.scheduling import local_view
>>> workshop = examples.load("gsef2021-partenariats").sessions[0]
>>> [local_view(workshop, zone).clock() for zone in ("Indian/Mayotte", "Europe/Paris")]
['14:00–15:30', '13:00–14:30']
"""

from .agenda import (
    MAX_LISTED_DAYS,
    Agenda,
    AgendaDay,
    LanguageUse,
    agenda,
    languages_used,
    speaker_agenda,
)
from .comfort import MAX_JUDGED, ParticipantComfort, SessionComfort, comfort_of, session_comfort
from .conflicts import Conflict, ConflictKind, ConflictReport, Severity
from .detect import MAX_PAIRS, find_conflicts
from .local import LocalView, local_view
from .messages import (
    CATALOGUE,
    LANGUAGES,
    format_duration,
    language_of,
    message,
    quoted,
    template_fields,
)
from .policy import DEFAULT_POLICY, ComfortLevel, ComfortPolicy, Hours
from .repeat import (
    MAX_REPEATS,
    LocalOccurrence,
    add_wall_clock,
    repeat_local,
    resolve_local,
    wall_clock_between,
)
from .series import MAX_OCCURRENCES, Series, Total, suggest_series
from .slots import MAX_CANDIDATES, MAX_CELLS, Attendee, Slot, suggest_slots

__all__ = [
    "CATALOGUE",
    "DEFAULT_POLICY",
    "LANGUAGES",
    "MAX_CANDIDATES",
    "MAX_CELLS",
    "MAX_JUDGED",
    "MAX_LISTED_DAYS",
    "MAX_OCCURRENCES",
    "MAX_PAIRS",
    "MAX_REPEATS",
    "Agenda",
    "AgendaDay",
    "Attendee",
    "ComfortLevel",
    "ComfortPolicy",
    "Conflict",
    "ConflictKind",
    "ConflictReport",
    "Hours",
    "LanguageUse",
    "LocalOccurrence",
    "LocalView",
    "ParticipantComfort",
    "Series",
    "SessionComfort",
    "Severity",
    "Slot",
    "Total",
    "add_wall_clock",
    "agenda",
    "comfort_of",
    "find_conflicts",
    "format_duration",
    "language_of",
    "languages_used",
    "local_view",
    "message",
    "quoted",
    "repeat_local",
    "resolve_local",
    "session_comfort",
    "speaker_agenda",
    "suggest_series",
    "suggest_slots",
    "template_fields",
    "wall_clock_between",
]
