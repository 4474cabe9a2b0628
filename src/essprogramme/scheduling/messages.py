"""Human messages of the scheduling results, in French, English and Spanish.

One catalogue, one template per code and language. Results hold data, not
text: each renders its message on demand, in the language asked for. Any
other language falls back to English (``fr-CA`` is French, ``de`` English).

>>> message("early", "fr-CA"), message("early", "de")
('tôt', 'early')
>>> message("comfort", "fr", time="07:00", place="Montréal", who="Johanne Lavoie", level="tôt")
'07:00 à Montréal pour Johanne Lavoie : tôt'
"""

from __future__ import annotations

from datetime import timedelta
from string import Formatter

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "format_duration",
    "language_of",
    "message",
    "quoted",
    "template_fields",
]

#: The languages the catalogue holds, English (the fallback) first.
LANGUAGES = ("en", "fr", "es")

#: code -> language -> template (``str.format`` fields).
CATALOGUE: dict[str, dict[str, str]] = {
    # Conflicts.
    "double_booked": {
        "en": "{who} is in two sessions at once: {a} and {b} ({when})",
        "fr": "{who} est dans deux sessions à la fois : {a} et {b} ({when})",
        "es": "{who} está en dos sesiones a la vez: {a} y {b} ({when})",
    },
    "location_clash": {
        "en": "{place} holds two sessions at once: {a} and {b} ({when})",
        "fr": "{place} accueille deux sessions à la fois : {a} et {b} ({when})",
        "es": "{place} acoge dos sesiones a la vez: {a} y {b} ({when})",
    },
    "buffer": {
        "en": "{who} has {gap} between {a} and {b}; {needed} needed",
        "fr": "{who} n'a que {gap} entre {a} et {b} ; il faut {needed}",
        "es": "{who} solo tiene {gap} entre {a} y {b}; se necesitan {needed}",
    },
    "buffer_travel": {
        "en": "{who} has {gap} between {a} and {b}, at two different sites; {needed} needed",
        "fr": "{who} n'a que {gap} entre {a} et {b}, sur deux sites différents ; il faut {needed}",
        "es": "{who} solo tiene {gap} entre {a} y {b}, en dos sedes distintas; se necesitan {needed}",
    },
    "unavailable": {
        "en": "{who} is not available for {a} ({when})",
        "fr": "{who} n'est pas disponible pour {a} ({when})",
        "es": "{who} no está disponible para {a} ({when})",
    },
    "unavailable_day": {
        "en": "{who} has no availability on the day of {a} ({when})",
        "fr": "{who} n'a aucune disponibilité le jour de {a} ({when})",
        "es": "{who} no tiene disponibilidad el día de {a} ({when})",
    },
    "outside_programme": {
        "en": "{a} falls outside the programme's days ({when})",
        "fr": "{a} tombe en dehors des jours du programme ({when})",
        "es": "{a} cae fuera de los días del programa ({when})",
    },
    "uncomfortable": {
        "en": "{time} in {place} for {who}: {level} ({a})",
        "fr": "{time} à {place} pour {who} : {level} ({a})",
        "es": "{time} en {place} para {who}: {level} ({a})",
    },
    "moved_online_room": {
        "en": "{a} has moved online but still holds {place}",
        "fr": "{a} est passé en ligne mais occupe toujours {place}",
        "es": "{a} pasó a en línea pero sigue ocupando {place}",
    },
    "room_while_online": {
        "en": "{a} is online only but lists {place}",
        "fr": "{a} est uniquement en ligne mais indique {place}",
        "es": "{a} es solo en línea pero indica {place}",
    },
    "channel_while_in_person": {
        "en": "{a} is in person only but lists the online channel {place}",
        "fr": "{a} est uniquement en présentiel mais indique le canal en ligne {place}",
        "es": "{a} es solo presencial pero indica el canal en línea {place}",
    },
    "hybrid_without_channel": {
        "en": "{a} is hybrid but lists no online channel",
        "fr": "{a} est hybride mais n'indique aucun canal en ligne",
        "es": "{a} es híbrida pero no indica ningún canal en línea",
    },
    "hybrid_without_room": {
        "en": "{a} is hybrid but lists no physical place",
        "fr": "{a} est hybride mais n'indique aucun lieu physique",
        "es": "{a} es híbrida pero no indica ningún lugar físico",
    },
    "assumed": {
        "en": "end assumed {duration} after the start",
        "fr": "fin supposée {duration} après le début",
        "es": "fin supuesto {duration} después del inicio",
    },
    "day_level": {
        "en": "times not published: same day",
        "fr": "horaires non publiés : même jour",
        "es": "horarios no publicados: mismo día",
    },
    # Comfort.
    "comfort": {
        "en": "{time} in {place} for {who}: {level}",
        "fr": "{time} à {place} pour {who} : {level}",
        "es": "{time} en {place} para {who}: {level}",
    },
    "unknown_zone": {
        "en": "{who}: time zone not known",
        "fr": "{who} : fuseau horaire inconnu",
        "es": "{who}: zona horaria desconocida",
    },
    "ideal": {"en": "ideal", "fr": "idéal", "es": "ideal"},
    "acceptable": {"en": "acceptable", "fr": "acceptable", "es": "aceptable"},
    "early": {"en": "early", "fr": "tôt", "es": "temprano"},
    "late": {"en": "late", "fr": "tard", "es": "tarde"},
    "night": {"en": "night", "fr": "nuit", "es": "noche"},
    "weekend": {"en": "weekend", "fr": "week-end", "es": "fin de semana"},
    # Local views.
    "from": {"en": "from {time}", "fr": "à partir de {time}", "es": "desde las {time}"},
    "tba": {
        "en": "time to be announced",
        "fr": "horaire à venir",
        "es": "hora por anunciar",
    },
    # Severities and summaries.
    "error": {"en": "error", "fr": "erreur", "es": "error"},
    "warning": {"en": "warning", "fr": "avertissement", "es": "advertencia"},
    "summary": {
        "en": "{errors} error(s), {warnings} warning(s)",
        "fr": "{errors} erreur(s), {warnings} avertissement(s)",
        "es": "{errors} error(es), {warnings} advertencia(s)",
    },
    "no_conflicts": {
        "en": "no conflicts",
        "fr": "aucun conflit",
        "es": "ningún conflicto",
    },
    "no_slots": {
        "en": "no start time fits every participant",
        "fr": "aucun horaire ne convient à tous les participants",
        "es": "ningún horario conviene a todos los participantes",
    },
    "worst_off": {"en": "worst-off", "fr": "le plus gêné", "es": "el más afectado"},
    "score": {"en": "score", "fr": "score", "es": "puntuación"},
    "nobody": {"en": "nobody", "fr": "personne", "es": "nadie"},
}

_QUOTES = {"en": ("“", "”"), "fr": ("« ", " »"), "es": ("«", "»")}


def language_of(lang: str) -> str:
    """The catalogue language for a BCP 47 tag: its primary subtag, else English."""
    base = lang.split("-", 1)[0].lower() if isinstance(lang, str) else ""
    return base if base in LANGUAGES else "en"


def message(code: str, lang: str = "en", /, **values: object) -> str:
    """The message ``code`` in ``lang`` (English when the catalogue lacks it), filled in."""
    templates = CATALOGUE[code]
    return templates.get(language_of(lang), templates["en"]).format(**values)


def quoted(text: str, lang: str = "en") -> str:
    """``text`` between the quotation marks of ``lang``: « … », “…”, «…»."""
    left, right = _QUOTES[language_of(lang)]
    return f"{left}{text}{right}"


def format_duration(delta: timedelta) -> str:
    """A duration for people, the same in every language: ``1 h 30 min``, ``45 min``.

    >>> format_duration(timedelta(minutes=90)), format_duration(timedelta(0))
    ('1 h 30 min', '0 min')
    """
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest:02d} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


def template_fields(code: str) -> dict[str, frozenset[str]]:
    """The fields each language's template of ``code`` uses (the catalogue's tests read it)."""
    return {
        lang: frozenset(name for _, name, _, _ in Formatter().parse(text) if name)
        for lang, text in CATALOGUE[code].items()
    }
