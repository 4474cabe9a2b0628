"""A readable programme as plain text, in a chosen language and time zone.

Every time is shown as it was published: an exact slot (``07:00–08:30``), a
start alone (``from 09:00``: no end is invented), a day or a range of days
without a time, or no time at all (listed last, "time to be announced").
Cancelled and postponed sessions are marked, a rescheduled one shows where
it stood before. Times are shown in the chosen zone; a moment that zone
cannot show (near the years 1 and 9999) is shown in UTC, marked as such.
The text holds the programme's own characters: the command line escapes
control characters before writing it to a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from itertools import groupby
from typing import Protocol
from zoneinfo import ZoneInfo

from ..model import (
    Link,
    Location,
    Participant,
    Price,
    Programme,
    RecordingPolicy,
    Registration,
    Session,
    Speaker,
)
from ..model._formats import is_zone_key
from ..model.vocab import (
    Confirmation,
    Delivery,
    LocationKind,
    ParticipantRole,
    PriceKind,
    SessionStatus,
)

__all__ = ["render_text"]

_INDENT = " " * 13

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "times": "Times in {zone} (UTC{offset})",
        "moderation": "Moderation",
        "speakers": "Speakers",
        "languages": "Languages",
        "interpretation": "interpretation",
        "local": "local time",
        "objectives": "Objectives",
        "questions": "Questions",
        "from": "from {time}",
        "tba": "time to be announced",
        "undated": "Date to be announced",
        "previously": "Previously",
        "part_of": "Part of",
        "where": "Where",
        "online": "online",
        "registration": "Registration",
        "required": "required",
        "not_required": "not required",
        "until": "until {day}",
        "places": "{count} places",
        "places_left": "{count} left",
        "full": "full",
        "prices": "Price",
        "free": "free",
        "pay_what_you_can": "pay what you can",
        "accessibility": "Accessibility",
        "links": "Links",
        "recording": "Recording",
        "recording_allowed": "allowed",
        "recording_refused": "not allowed",
        "remote_live": "remote",
        "recorded": "recorded video",
        "to_be_confirmed": "to be confirmed",
    },
    "fr": {
        "times": "Heures de {zone} (UTC{offset})",
        "moderation": "Modération",
        "speakers": "Intervenant·e·s",
        "languages": "Langues",
        "interpretation": "interprétation",
        "local": "heure locale",
        "objectives": "Objectifs",
        "questions": "Questions",
        "from": "à partir de {time}",
        "tba": "horaire à venir",
        "undated": "Date à venir",
        "previously": "Auparavant",
        "part_of": "Partie de",
        "where": "Lieu",
        "online": "en ligne",
        "registration": "Inscription",
        "required": "obligatoire",
        "not_required": "libre",
        "until": "jusqu'au {day}",
        "places": "{count} places",
        "places_left": "{count} restantes",
        "full": "complet",
        "prices": "Tarif",
        "free": "gratuit",
        "pay_what_you_can": "prix libre",
        "accessibility": "Accessibilité",
        "links": "Liens",
        "recording": "Enregistrement",
        "recording_allowed": "autorisé",
        "recording_refused": "non autorisé",
        "remote_live": "à distance",
        "recorded": "vidéo enregistrée",
        "to_be_confirmed": "à confirmer",
    },
    "es": {
        "times": "Horas de {zone} (UTC{offset})",
        "moderation": "Moderación",
        "speakers": "Ponentes",
        "languages": "Idiomas",
        "interpretation": "interpretación",
        "local": "hora local",
        "objectives": "Objetivos",
        "questions": "Preguntas",
        "from": "desde las {time}",
        "tba": "hora por anunciar",
        "undated": "Fecha por anunciar",
        "previously": "Antes",
        "part_of": "Parte de",
        "where": "Lugar",
        "online": "en línea",
        "registration": "Inscripción",
        "required": "obligatoria",
        "not_required": "libre",
        "until": "hasta el {day}",
        "places": "{count} plazas",
        "places_left": "quedan {count}",
        "full": "completo",
        "prices": "Precio",
        "free": "gratuito",
        "pay_what_you_can": "precio libre",
        "accessibility": "Accesibilidad",
        "links": "Enlaces",
        "recording": "Grabación",
        "recording_allowed": "permitida",
        "recording_refused": "no permitida",
        "remote_live": "a distancia",
        "recorded": "vídeo grabado",
        "to_be_confirmed": "por confirmar",
    },
}
_FORMATS = {
    "en": {
        "workshop": "Workshop",
        "plenary": "Plenary",
        "round_table": "Round table",
        "panel": "Panel",
        "self_organised": "Self-organised session",
        "webinar": "Webinar",
        "keynote": "Keynote",
        "networking": "Networking",
        "site_visit": "Site visit",
        "cultural": "Cultural event",
        "talk": "Talk",
        "lecture": "Lecture",
        "lightning_talk": "Lightning talk",
        "ceremony": "Ceremony",
        "exhibition": "Exhibition",
        "screening": "Screening",
        "performance": "Performance",
        "guided_tour": "Guided tour",
        "break": "Break",
        "meal": "Meal",
        "other": "Other",
    },
    "fr": {
        "workshop": "Session d'atelier",
        "plenary": "Plénière",
        "round_table": "Table ronde",
        "panel": "Panel",
        "self_organised": "Session autogérée",
        "webinar": "Webinaire",
        "keynote": "Conférence inaugurale",
        "networking": "Réseautage",
        "site_visit": "Visite de site",
        "cultural": "Temps culturel",
        "talk": "Présentation",
        "lecture": "Conférence",
        "lightning_talk": "Présentation éclair",
        "ceremony": "Cérémonie",
        "exhibition": "Exposition",
        "screening": "Projection",
        "performance": "Spectacle",
        "guided_tour": "Visite guidée",
        "break": "Pause",
        "meal": "Repas",
        "other": "Autre",
    },
    "es": {
        "workshop": "Taller",
        "plenary": "Plenaria",
        "round_table": "Mesa redonda",
        "panel": "Panel",
        "self_organised": "Sesión autogestionada",
        "webinar": "Seminario web",
        "keynote": "Conferencia magistral",
        "networking": "Networking",
        "site_visit": "Visita de terreno",
        "cultural": "Actividad cultural",
        "talk": "Charla",
        "lecture": "Conferencia",
        "lightning_talk": "Charla relámpago",
        "ceremony": "Ceremonia",
        "exhibition": "Exposición",
        "screening": "Proyección",
        "performance": "Espectáculo",
        "guided_tour": "Visita guiada",
        "break": "Pausa",
        "meal": "Comida",
        "other": "Otro",
    },
}
_STATUS = {
    "en": {
        "tentative": "TENTATIVE",
        "cancelled": "CANCELLED",
        "postponed": "POSTPONED",
        "rescheduled": "RESCHEDULED",
        "moved_online": "MOVED ONLINE",
    },
    "fr": {
        "tentative": "PROVISOIRE",
        "cancelled": "ANNULÉ",
        "postponed": "REPORTÉ",
        "rescheduled": "DÉPLACÉ",
        "moved_online": "PASSÉ EN LIGNE",
    },
    "es": {
        "tentative": "PROVISIONAL",
        "cancelled": "CANCELADO",
        "postponed": "APLAZADO",
        "rescheduled": "REPROGRAMADO",
        "moved_online": "PASA A EN LÍNEA",
    },
}
_ROLES = {
    "en": {
        "host": "Host",
        "mc": "Master of ceremonies",
        "guide": "Guide",
        "discussant": "Discussant",
        "rapporteur": "Rapporteur",
        "interpreter": "Interpreter",
        "other": "With",
    },
    "fr": {
        "host": "Accueil",
        "mc": "Maître·sse de cérémonie",
        "guide": "Guide",
        "discussant": "Discutant·e",
        "rapporteur": "Rapporteur·e",
        "interpreter": "Interprète",
        "other": "Avec",
    },
    "es": {
        "host": "Anfitrión",
        "mc": "Maestro·a de ceremonias",
        "guide": "Guía",
        "discussant": "Comentarista",
        "rapporteur": "Relator·a",
        "interpreter": "Intérprete",
        "other": "Con",
    },
}
_ACCESSIBILITY = {
    "en": {
        "captions": "captions",
        "sign_language": "sign language",
        "induction_loop": "induction loop",
        "step_free": "step-free access",
        "quiet_room": "quiet room",
    },
    "fr": {
        "captions": "sous-titrage",
        "sign_language": "langue des signes",
        "induction_loop": "boucle magnétique",
        "step_free": "accès de plain-pied",
        "quiet_room": "salle calme",
    },
    "es": {
        "captions": "subtítulos",
        "sign_language": "lengua de signos",
        "induction_loop": "bucle magnético",
        "step_free": "acceso sin escalones",
        "quiet_room": "sala tranquila",
    },
}
_LINKS = {
    "en": {
        "website": "Website",
        "livestream": "Livestream",
        "recording": "Recording",
        "slides": "Slides",
        "document": "Document",
        "registration": "Registration",
        "social": "Social media",
        "other": "Link",
    },
    "fr": {
        "website": "Site",
        "livestream": "Direct",
        "recording": "Replay",
        "slides": "Diaporama",
        "document": "Document",
        "registration": "Inscription",
        "social": "Réseaux sociaux",
        "other": "Lien",
    },
    "es": {
        "website": "Sitio web",
        "livestream": "Directo",
        "recording": "Grabación",
        "slides": "Diapositivas",
        "document": "Documento",
        "registration": "Inscripción",
        "social": "Redes sociales",
        "other": "Enlace",
    },
}


class _Timed(Protocol):
    """What :func:`_span` reads: a start and, when published, an end."""

    @property
    def start(self) -> datetime | None: ...

    @property
    def end(self) -> datetime | None: ...


def _base(lang: str) -> str:
    base = lang.split("-")[0].lower()
    return base if base in _LABELS else "en"


def _labels(lang: str) -> dict[str, str]:
    return _LABELS[_base(lang)]


def _word(table: dict[str, dict[str, str]], lang: str, key: str) -> str:
    return table.get(_base(lang), table["en"]).get(key, table["en"].get(key, key))


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:5]}" if text not in ("+0000", "") else ""


def _local(moment: datetime, zone: tzinfo) -> tuple[datetime, str]:
    """``moment`` on the clocks of ``zone``, and ``""``; or in UTC, and ``" UTC"``.

    A moment near the ends of the years 1-9999 may have no local time in
    ``zone`` (2021 rules aside, 9999-12-31 23:00 UTC is already the year
    10000 in Tokyo): it is then shown in UTC, marked as such, rather than
    failing the whole programme. The model refuses such instants anyway.
    """
    try:
        return moment.astimezone(zone), ""
    except (OverflowError, ValueError):
        pass
    try:
        return moment.astimezone(UTC), " UTC"
    except (OverflowError, ValueError):
        return moment, ""


def _clock(moment: datetime, zone: tzinfo) -> str:
    local, note = _local(moment, zone)
    return f"{local:%H:%M}{note}"


def _day(moment: datetime, zone: tzinfo) -> date:
    return _local(moment, zone)[0].date()


def _moment(moment: datetime, zone: tzinfo) -> str:
    """A day and a time: ``2024-11-18 10:00``."""
    local, note = _local(moment, zone)
    return f"{local.date().isoformat()} {local:%H:%M}{note}"


def _span(session: _Timed, zone: tzinfo, labels: dict[str, str] | None = None) -> str:
    """The session's published time: ``07:00–08:30``, or ``from 09:00`` without an end."""
    labels = labels or _LABELS["en"]
    assert session.start is not None
    start, start_note = _local(session.start, zone)
    if session.end is None:
        return labels["from"].format(time=f"{start:%H:%M}{start_note}")
    end, end_note = _local(session.end, zone)
    same_day = end.date() == start.date()
    tail = f"{end:%H:%M}" if same_day else f"{end.date().isoformat()} {end:%H:%M}"
    return f"{start:%H:%M}{start_note}–{tail}{end_note}"


def _dates(session: Session, session_zone: str, view_zone: str) -> str:
    """The day (or days) of a session published without a time, in its own zone."""
    assert session.start_date is not None
    text = session.start_date.isoformat()
    if session.end_date is not None and session.end_date != session.start_date:
        text += f" – {session.end_date.isoformat()}"
    if session_zone != view_zone:
        text += f" ({session_zone})"
    return text


def _midnight(day: date, zone: str) -> datetime:
    """The instant a local day begins in ``zone`` (UTC midnight where the zone cannot say)."""
    try:
        return datetime.combine(day, time(), ZoneInfo(zone)).astimezone(UTC)
    except (OverflowError, ValueError):
        return datetime.combine(day, time(), UTC)


# Sorting: the local day; the day-only sessions, then the timed ones by instant; a
# session before its parts when they start together.
_SortKey = tuple[date, int, datetime, int, datetime, str]


def _depth(session: Session, programme: Programme) -> int:
    """How many sessions this one is inside (parent chains are checked acyclic)."""
    depth, current = 0, session
    while current.parent is not None and depth < len(programme.sessions):
        current = programme.session(current.parent)
        depth += 1
    return depth


def _own_key(session: Session, programme: Programme, tz: tzinfo) -> _SortKey | None:
    """Where a session sorts by its own time; ``None`` if it has none."""
    depth = _depth(session, programme)
    if session.start is not None:
        end = session.end if session.end is not None else session.start
        return (_day(session.start, tz), 1, session.start, depth, end, session.id)
    if session.start_date is not None:
        zone = programme.zone_of(session)
        last = session.end_date or session.start_date
        first = _midnight(session.start_date, zone)
        return (session.start_date, 0, first, depth, _midnight(last, zone), session.id)
    return None


def _ordered(programme: Programme, tz: tzinfo) -> list[tuple[date | None, Session]]:
    """Every session with the day it is listed under (``None``: no date yet).

    Sessions with a time of their own are ordered by it. A part without a
    time of its own follows the part listed before it in the programme, or
    the session it is part of: the six topics of a debate stay between its
    introduction and its conclusion. The other untimed sessions come last.
    """
    sessions = programme.sessions
    keys = {s.id: _own_key(s, programme, tz) for s in sessions}
    followers: dict[str, list[Session]] = {}
    previous: dict[str, Session] = {}  # the last session seen with this parent
    for s in sessions:
        if s.parent is None:
            continue
        if keys[s.id] is None:
            anchor = previous.get(s.parent)
            followers.setdefault(anchor.id if anchor else s.parent, []).append(s)
        previous[s.parent] = s
    placed: set[str] = set()
    result: list[tuple[date | None, Session]] = []

    def place(first: Session, day: date | None) -> None:
        stack = [first]
        while stack:
            session = stack.pop()
            if session.id in placed:
                continue
            placed.add(session.id)
            result.append((day, session))
            stack.extend(reversed(followers.get(session.id, ())))

    timed = [(key, s) for s in sessions if (key := keys[s.id]) is not None]
    for key, session in sorted(timed, key=lambda item: item[0]):
        place(session, key[0])
    for session in sessions:  # untimed, in programme order
        place(session, None)
    return result


def _join(parts: Sequence[str], separator: str = ", ") -> str:
    return separator.join(part for part in parts if part)


def _address_of(location: Location) -> str:
    address = location.address
    if address is None:
        return ""
    town = _join([address.postal_code or "", address.locality or ""], " ")
    return _join([address.street or "", town, address.region or "", address.country or ""])


def _place(location_id: str, programme: Programme, lang: str, labels: dict[str, str]) -> str:
    """A location with the places it is inside, its address and, online, its channel."""
    location = programme.location(location_id)
    names = [location.name.lookup(lang)]
    address = _address_of(location)
    current = location
    for _ in range(len(programme.locations)):
        if current.parent is None:
            break
        current = programme.location(current.parent)
        names.append(current.name.lookup(lang))
        address = address or _address_of(current)
    text = ", ".join(names)
    if location.kind is LocationKind.ONLINE:
        channel = _join([labels["online"], location.platform or ""])
        text += f" ({channel}{': ' + location.url if location.url else ''})"
    elif address:
        text += f" — {address}"
    return text


def _amount(amount: Decimal, lang: str) -> str:
    text = format(amount, "f")
    return text.replace(".", ",") if _base(lang) in ("fr", "es") else text


def _price(price: Price, lang: str, labels: dict[str, str]) -> str:
    """``Pass Forum: 90,00 EUR``, ``gratuit``, ``prix libre``, ``prix libre (5,00 EUR)``."""
    kind = {PriceKind.FREE: labels["free"], PriceKind.PAY_WHAT_YOU_CAN: labels["pay_what_you_can"]}
    word = kind.get(price.kind, "")
    amount = ""
    if price.amount is not None:
        amount = f"{_amount(price.amount, lang)} {price.currency or ''}".strip()
    label = price.label.lookup(lang) if price.label is not None else ""
    if label and label.casefold() == word.casefold():  # "prix libre" says it all
        return f"{label} ({amount})" if amount else label
    body = f"{word} ({amount})" if word and amount else word or amount
    return f"{label}: {body}" if label else body


def _registration(
    registration: Registration, lang: str, labels: dict[str, str], tz: tzinfo
) -> Iterator[str]:
    parts = []
    if registration.required is not None:
        parts.append(labels["required"] if registration.required else labels["not_required"])
    parts += [registration.url or "", registration.email or ""]
    if registration.deadline is not None:
        parts.append(labels["until"].format(day=_moment(registration.deadline, tz)))
    if registration.capacity is not None:
        parts.append(labels["places"].format(count=registration.capacity))
    if registration.full:
        parts.append(labels["full"])
    elif registration.places_left is not None:
        parts.append(labels["places_left"].format(count=registration.places_left))
    if any(parts):
        yield f"{labels['registration']}: {_join(parts, ' · ')}"
    if registration.prices:
        prices = "; ".join(_price(price, lang, labels) for price in registration.prices)
        yield f"{labels['prices']}: {prices}"
    if registration.conditions is not None:
        yield registration.conditions.lookup(lang)


def _links(
    links: Sequence[Link], url: str | None, lang: str, labels: dict[str, str]
) -> Iterator[str]:
    shown = [url] if url is not None else []
    for link in links:
        kind = _word(_LINKS, lang, link.kind.value)
        title = f" ({link.title.lookup(lang)})" if link.title is not None else ""
        shown.append(f"{kind}{title}: {link.url}")
    if shown:
        yield f"{labels['links']}: " + "; ".join(shown)


def _recording(policy: RecordingPolicy, labels: dict[str, str]) -> str:
    verdict = labels["recording_allowed"] if policy.allowed else labels["recording_refused"]
    licence = f" ({policy.licence})" if policy.licence else ""
    return f"{labels['recording']}: {verdict}{licence}"


def _session_day(session: Session, tz: tzinfo) -> date | None:
    if session.start is not None:
        return _day(session.start, tz)
    return session.start_date


def _speaker_line(
    speaker: Speaker, programme: Programme, session: Session, lang: str, tz: tzinfo | None = None
) -> str:
    parts = []
    if speaker.honorific is not None:
        parts.append(speaker.honorific.lookup(lang))
    if speaker.name is not None:
        parts.append(speaker.name)
    if speaker.pronouns is not None:
        parts.append(f"({speaker.pronouns.lookup(lang)})")
    line = " ".join(parts)
    if speaker.office is not None:
        office = speaker.office.lookup(lang)
        line = f"{line}, {office}" if speaker.name is not None else f"{line} {office}".strip()
    day = _session_day(session, tz) if tz is not None else None
    where = []
    for affiliation in speaker.affiliations:
        if affiliation.former:
            continue
        if affiliation.end is not None and day is not None and affiliation.end.latest() < day:
            continue
        organisation = programme.organisation(affiliation.organisation)
        role = affiliation.role.lookup(lang) + ", " if affiliation.role is not None else ""
        where.append(role + organisation.display_name)
    if where:
        line += " — " + "; ".join(where)
    if speaker.time_zone is not None and session.start is not None:
        local = _clock(session.start, ZoneInfo(speaker.time_zone))
        line += f" [{local} {_labels(lang)['local']}, {speaker.time_zone}]"
    return line


def _who(
    participant: Participant, programme: Programme, session: Session, lang: str, tz: tzinfo
) -> str:
    """The participant's name and positions, then how they take part."""
    if participant.speaker is not None:
        line = _speaker_line(programme.speaker(participant.speaker), programme, session, lang, tz)
    else:
        assert participant.organisation is not None
        organisation = programme.organisation(participant.organisation)
        line = organisation.name.lookup(lang)
        if organisation.acronym is not None and organisation.acronym != line:
            line += f" ({organisation.acronym})"
    labels = _labels(lang)
    if participant.delivery in (Delivery.REMOTE_LIVE, Delivery.RECORDED):
        line += f" [{labels[participant.delivery.value]}]"
    if participant.confirmation is Confirmation.TO_BE_CONFIRMED:
        line += f" ({labels['to_be_confirmed']})"
    return line


def _participants(session: Session, programme: Programme, lang: str, tz: tzinfo) -> Iterator[str]:
    labels = _labels(lang)
    others = [p for p in session.participants if p.role is not ParticipantRole.SPEAKER]
    speakers = [p for p in session.participants if p.role is ParticipantRole.SPEAKER]
    for participant in others:
        if participant.label is not None:
            role = participant.label.lookup(lang)
        elif participant.role is ParticipantRole.MODERATOR:
            role = labels["moderation"]
        else:
            role = _word(_ROLES, lang, participant.role.value)
        yield f"{_INDENT}{role}: {_who(participant, programme, session, lang, tz)}"
        if participant.title is not None:
            yield f"{_INDENT}  « {participant.title.lookup(lang)} »"
    if speakers:
        yield f"{_INDENT}{labels['speakers']}:"
    for participant in speakers:
        role = f"{participant.label.lookup(lang)}: " if participant.label is not None else ""
        yield f"{_INDENT}  - {role}{_who(participant, programme, session, lang, tz)}"
        if participant.title is not None:
            yield f"{_INDENT}    « {participant.title.lookup(lang)} »"


def _time_text(
    session: Session, programme: Programme, zone: str, tz: tzinfo, labels: dict[str, str]
) -> str:
    if session.start is not None:
        return _span(session, tz, labels)
    if session.start_date is not None:
        return _dates(session, programme.zone_of(session), zone)
    if session.parent is not None:
        return "…"
    return labels["tba"]


def _session_lines(
    session: Session, programme: Programme, zone: str, tz: tzinfo, lang: str, details: bool
) -> Iterator[str]:
    labels = _labels(lang)
    kind = _word(_FORMATS, lang, session.format.value)
    status = ""
    if session.status is not SessionStatus.SCHEDULED:
        status = f"[{_word(_STATUS, lang, session.status.value)}] "
    yield f"{_time_text(session, programme, zone, tz, labels)}  {status}{session.title.lookup(lang)}"
    meta = [kind]
    if session.languages:
        langs = ", ".join(session.languages)
        if session.interpretation:
            langs += f" ({labels['interpretation']}: {', '.join(session.interpretation)})"
        meta.append(f"{labels['languages']}: {langs}")
    yield _INDENT + " · ".join(meta)
    if session.previous_starts:
        before = ", ".join(_moment(moment, tz) for moment in session.previous_starts)
        yield f"{_INDENT}{labels['previously']}: {before}"
    if session.parent is not None:
        parent = programme.session(session.parent)
        yield f"{_INDENT}{labels['part_of']}: {parent.title.lookup(lang)}"
    if session.locations:
        places = " + ".join(_place(i, programme, lang, labels) for i in session.locations)
        yield f"{_INDENT}{labels['where']}: {places}"
    yield from _participants(session, programme, lang, tz)
    if session.registration is not None:
        yield from (
            _INDENT + line for line in _registration(session.registration, lang, labels, tz)
        )
    if session.accessibility or session.accessibility_notes is not None:
        features = [_word(_ACCESSIBILITY, lang, a.value) for a in sorted(session.accessibility)]
        if session.accessibility_notes is not None:
            features.append(session.accessibility_notes.lookup(lang))
        yield f"{_INDENT}{labels['accessibility']}: {', '.join(features)}"
    yield from (_INDENT + line for line in _links(session.links, session.url, lang, labels))
    if session.recording is not None:
        yield _INDENT + _recording(session.recording, labels)
    if details:
        if session.objectives:
            yield f"{_INDENT}{labels['objectives']}:"
            for n, objective in enumerate(session.objectives, 1):
                yield f"{_INDENT}  {n}. {objective.lookup(lang)}"
        if session.questions:
            yield f"{_INDENT}{labels['questions']}:"
            for question in session.questions:
                yield f"{_INDENT}  - {question.lookup(lang)}"


def _reference(programme: Programme, tz: tzinfo) -> datetime:
    """The moment whose offset the heading shows: the first timed session, else the first day."""
    starts = [s.start for s in programme.sessions if s.start is not None]
    if starts:
        return _local(min(starts), tz)[0]
    return datetime.combine(programme.start_date, time(12), tz)


def render_text(programme: Programme, *, zone: str, lang: str, details: bool = True) -> str:
    """The programme as plain text, sessions grouped by local day in ``zone``.

    Every session shows its time as published, in ``zone``: an exact slot, a
    start alone ("from 09:00"), its day(s) without a time (in the zone of its
    place, named when it is not ``zone``), or none: such sessions are listed
    last, unless they are a part of another session, which they follow.
    Each speaker's own local start time is shown; texts are shown in
    ``lang`` with fallback, labels in English, French or Spanish.

    >>> from essprogramme import examples
    >>> text = render_text(examples.load("gsef2021-partenariats"), zone="America/Toronto", lang="fr")
    >>> "07:00–08:30" in text
    True
    """
    if not is_zone_key(zone):
        raise ValueError(f"unknown time zone {zone!r}")
    tz = ZoneInfo(zone)
    labels = _labels(lang)
    lines = [programme.title.lookup(lang)]
    lines.append("=" * min(len(lines[0]), 79))
    if programme.status is not SessionStatus.SCHEDULED:
        lines.append(f"[{_word(_STATUS, lang, programme.status.value)}]")
    lines.append(labels["times"].format(zone=zone, offset=_offset(_reference(programme, tz))))
    if programme.registration is not None:
        lines += _registration(programme.registration, lang, labels, tz)
    lines += _links(programme.links, programme.url, lang, labels)
    for day, group in groupby(_ordered(programme, tz), key=lambda item: item[0]):
        if lines[-1]:
            lines.append("")
        heading = labels["undated"] if day is None else f"{day.isoformat()} ({day:%a})"
        lines += [f"## {heading}", ""]
        for _, session in group:
            lines += _session_lines(session, programme, zone, tz, lang, details)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
