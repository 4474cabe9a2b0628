"""The words of the readable formats and of iCalendar, in English, French and Spanish.

Labels, the names of the model's vocabularies, days and months: everything
a readable programme (text, Markdown, HTML) or a calendar event's
description says that the programme itself does not. A language
without a catalogue falls back to English, and so does a word missing from
one (none is, and a test holds the three catalogues to the same keys).
"""

from __future__ import annotations

from datetime import date

import attrs

__all__ = [
    "ACCESSIBILITY",
    "FORMATS",
    "LABELS",
    "LINKS",
    "MONTHS",
    "ORGANISERS",
    "ROLES",
    "STATUS",
    "WEEKDAYS",
    "Words",
    "base",
]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "times": "Times in {zone} (UTC{offset})",
        "moderation": "Moderation",
        "speakers": "Speakers",
        "speaker": "Speaker",  # one, before a name: a calendar's description
        "languages": "Languages",
        "interpretation": "interpretation",
        "local": "local time",
        "objectives": "Objectives",
        "questions": "Questions",
        "from": "from {time}",
        "tba": "time to be announced",
        "undated": "Date to be announced",
        "postponed_note": "new date to be announced",  # after POSTPONED
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
        "colon": ": ",
        "track": "Track",
        "attendance": "Attendance",
        "initiatives": "Initiatives",
        "access": "Access",
        "sessions_of": "Sessions of {name}",
        "no_sessions": "No sessions.",
        "in_person": "in person",
        "mixed": "hybrid",
        "long_date": "{weekday} {day} {month} {year}",
        "short_date": "{day} {month} {year}",
    },
    "fr": {
        "times": "Heures de {zone} (UTC{offset})",
        "moderation": "Modération",
        "speakers": "Intervenant·e·s",
        "speaker": "Intervention",
        "languages": "Langues",
        "interpretation": "interprétation",
        "local": "heure locale",
        "objectives": "Objectifs",
        "questions": "Questions",
        "from": "à partir de {time}",
        "tba": "horaire à venir",
        "undated": "Date à venir",
        "postponed_note": "nouvelle date à venir",
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
        "colon": "\u00a0: ",
        "track": "Parcours",
        "attendance": "Participation",
        "initiatives": "Initiatives",
        "access": "Accès",
        "sessions_of": "Sessions de {name}",
        "no_sessions": "Aucune session.",
        "in_person": "sur place",
        "mixed": "hybride",
        "long_date": "{weekday} {day} {month} {year}",
        "short_date": "{day} {month} {year}",
    },
    "es": {
        "times": "Horas de {zone} (UTC{offset})",
        "moderation": "Moderación",
        "speakers": "Ponentes",
        "speaker": "Ponente",
        "languages": "Idiomas",
        "interpretation": "interpretación",
        "local": "hora local",
        "objectives": "Objetivos",
        "questions": "Preguntas",
        "from": "desde las {time}",
        "tba": "hora por anunciar",
        "undated": "Fecha por anunciar",
        "postponed_note": "nueva fecha por anunciar",
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
        "colon": ": ",
        "track": "Eje",
        "attendance": "Modalidad",
        "initiatives": "Iniciativas",
        "access": "Acceso",
        "sessions_of": "Sesiones de {name}",
        "no_sessions": "Ninguna sesión.",
        "in_person": "presencial",
        "mixed": "híbrida",
        "long_date": "{weekday} {day} de {month} de {year}",
        "short_date": "{day} de {month} de {year}",
    },
}
FORMATS: dict[str, dict[str, str]] = {
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
STATUS: dict[str, dict[str, str]] = {
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
ROLES: dict[str, dict[str, str]] = {
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
ACCESSIBILITY: dict[str, dict[str, str]] = {
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
LINKS: dict[str, dict[str, str]] = {
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

ORGANISERS: dict[str, dict[str, str]] = {
    "en": {
        "organiser": "Organiser",
        "co_organiser": "Co-organiser",
        "host": "Host",
        "funder": "Funder",
        "sponsor": "Sponsor",
        "partner": "Partner",
    },
    "fr": {
        "organiser": "Organisation",
        "co_organiser": "Co-organisation",
        "host": "Accueil",
        "funder": "Financement",
        "sponsor": "Mécénat",
        "partner": "Partenaire",
    },
    "es": {
        "organiser": "Organización",
        "co_organiser": "Coorganización",
        "host": "Anfitrión",
        "funder": "Financiación",
        "sponsor": "Patrocinio",
        "partner": "Socio",
    },
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
}  # fmt: skip


def base(lang: str) -> str:
    """The catalogue for a language tag: ``fr-CA`` → ``fr``; ``en`` for one without a catalogue.

    >>> base("fr-CA"), base("ES"), base("ar")
    ('fr', 'es', 'en')
    """
    found = lang.split("-")[0].lower()
    return found if found in LABELS else "en"


@attrs.frozen
class Words:
    """The catalogue of one language (``en``, ``fr`` or ``es``).

    >>> words = Words.of("fr-CA")
    >>> words.lang, words["speakers"], words.word(FORMATS, "workshop")
    ('fr', 'Intervenant·e·s', "Session d'atelier")
    >>> words.date(date(2021, 10, 1)), Words.of("es").date(date(2021, 10, 8), weekday=False)
    ('vendredi 1er octobre 2021', '8 de octubre de 2021')
    """

    lang: str

    @classmethod
    def of(cls, tag: str) -> Words:
        """The catalogue for the language tag ``tag`` (see :func:`base`)."""
        return cls(base(tag))

    def __getitem__(self, key: str) -> str:
        return LABELS[self.lang].get(key, LABELS["en"][key])

    def word(self, table: dict[str, dict[str, str]], key: str) -> str:
        """The word for ``key`` (a vocabulary's value) in ``table``; the key itself if none."""
        return table.get(self.lang, table["en"]).get(key, table["en"].get(key, key))

    def date(self, day: date, *, weekday: bool = True) -> str:
        """A day in words: ``vendredi 8 octobre 2021``, ``8 October 2021``."""
        number = "1er" if self.lang == "fr" and day.day == 1 else str(day.day)
        return self["long_date" if weekday else "short_date"].format(
            weekday=WEEKDAYS[self.lang][day.weekday()],
            day=number,
            month=MONTHS[self.lang][day.month - 1],
            year=day.year,
        )
