"""A readable programme as plain text, in a chosen language and time zone."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from itertools import groupby
from zoneinfo import ZoneInfo

from ..model import Programme, Session, Speaker
from ..model._formats import is_zone_key

__all__ = ["render_text"]

_LABELS = {
    "en": {
        "times": "Times in {zone} (UTC{offset})",
        "moderation": "Moderation",
        "speakers": "Speakers",
        "languages": "Languages",
        "interpretation": "interpretation",
        "local": "local time",
        "objectives": "Objectives",
        "questions": "Questions",
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
    },
}
_FORMATS = {
    "fr": {
        "workshop": "Session d'atelier",
        "plenary": "Plénière",
        "round_table": "Table ronde",
        "panel": "Panel",
        "self_organised": "Session autogérée",
        "webinar": "Webinaire",
    },
    "es": {
        "workshop": "Taller",
        "plenary": "Plenaria",
        "round_table": "Mesa redonda",
        "panel": "Panel",
        "self_organised": "Sesión autogestionada",
        "webinar": "Seminario web",
    },
}


def _labels(lang: str) -> dict[str, str]:
    return _LABELS.get(lang.split("-")[0].lower(), _LABELS["en"])


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


def _day(moment: datetime, zone: tzinfo) -> str:
    return _local(moment, zone)[0].date().isoformat()


def _span(session: Session, zone: tzinfo) -> str:
    (start, start_note), (end, end_note) = _local(session.start, zone), _local(session.end, zone)
    same_day = end.date() == start.date()
    tail = f"{end:%H:%M}" if same_day else f"{end.date().isoformat()} {end:%H:%M}"
    return f"{start:%H:%M}{start_note}–{tail}{end_note}"


def _speaker_line(speaker: Speaker, programme: Programme, session: Session, lang: str) -> str:
    parts = []
    if speaker.honorific is not None:
        parts.append(speaker.honorific.lookup(lang))
    parts.append(speaker.name)
    line = " ".join(parts)
    where = []
    for affiliation in speaker.affiliations:
        organisation = programme.organisation(affiliation.organisation)
        role = affiliation.role.lookup(lang) + ", " if affiliation.role is not None else ""
        where.append(role + organisation.display_name)
    if where:
        line += " — " + "; ".join(where)
    if speaker.time_zone is not None:
        local = _clock(session.start, ZoneInfo(speaker.time_zone))
        line += f" [{local} {_labels(lang)['local']}, {speaker.time_zone}]"
    return line


def render_text(programme: Programme, *, zone: str, lang: str, details: bool = True) -> str:
    """The programme as plain text, sessions grouped by local day in ``zone``.

    Every session shows its local times in ``zone`` and each speaker's own
    local start time; texts are shown in ``lang`` with fallback.

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
    sessions = sorted(programme.sessions, key=lambda s: (s.start, s.end, s.id))
    reference = sessions[0].start if sessions else datetime.now(tz)
    lines.append(labels["times"].format(zone=zone, offset=_offset(_local(reference, tz)[0])))
    for _, group in groupby(sessions, key=lambda s: _day(s.start, tz)):
        sessions_of_day = list(group)
        day = _local(sessions_of_day[0].start, tz)[0].date()
        lines += ["", f"## {day.isoformat()} ({day:%a})", ""]
        for session in sessions_of_day:
            kind = _FORMATS.get(lang.split("-")[0], {}).get(
                session.format.value, session.format.value
            )
            lines.append(f"{_span(session, tz)}  {session.title.lookup(lang)}")
            meta = [kind]
            if session.languages:
                langs = ", ".join(session.languages)
                if session.interpretation:
                    langs += f" ({labels['interpretation']}: {', '.join(session.interpretation)})"
                meta.append(f"{labels['languages']}: {langs}")
            lines.append("             " + " · ".join(meta))
            for speaker_id in session.moderators:
                speaker = programme.speaker(speaker_id)
                line = _speaker_line(speaker, programme, session, lang)
                lines.append(f"             {labels['moderation']}: {line}")
            if session.contributions:
                lines.append(f"             {labels['speakers']}:")
            for contribution in session.contributions:
                speaker = programme.speaker(contribution.speaker)
                lines.append(f"               - {_speaker_line(speaker, programme, session, lang)}")
                if contribution.title is not None:
                    lines.append(f"                 « {contribution.title.lookup(lang)} »")
            if details:
                if session.objectives:
                    lines.append(f"             {labels['objectives']}:")
                    lines += [
                        f"               {n}. {o.lookup(lang)}"
                        for n, o in enumerate(session.objectives, 1)
                    ]
                if session.questions:
                    lines.append(f"             {labels['questions']}:")
                    lines += [f"               - {q.lookup(lang)}" for q in session.questions]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
