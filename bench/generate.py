"""A large, realistic programme document for benchmarks (deterministic).

10,000 sessions and 5,000 speakers by default: multilingual titles and
descriptions of realistic length, a moderator and several speakers per session, bios,
affiliations, availability, organisations and initiatives to refer to; every
session in a room of a venue (every fourth also on a livestream channel),
every third in a track.

Besides that bulk, a handful of items use every other field of the v2 model
at least once (see :func:`_v2_items`): every time shape and status, a break,
nested and grouped sessions, registration with prices, typed links,
provenance, offices, memberships, figures, territories of every kind. A peer
model that lacks a field, or refuses a valid value, fails on this document;
``bench/peer_mutations.py`` breaks it one rule at a time.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

WORDS = [
    "économie",
    "sociale",
    "solidaire",
    "coopérative",
    "territoire",
    "réseau",
    "partenariat",
    "inclusion",
    "transition",
    "écologique",
    "emploi",
    "local",
    "gouvernance",
    "mutualisme",
    "association",
    "fondation",
    "social",
    "economy",
    "cooperative",
    "network",
    "partnership",
    "inclusion",
    "local",
    "development",
    "public",
    "policy",
    "economía",
    "social",
    "solidaria",
    "cooperativa",
    "territorio",
    "red",
    "alianza",
    "desarrollo",
    "comunidad",
]
ZONES = (
    "Indian/Mayotte",
    "Europe/Paris",
    "America/Toronto",
    "Africa/Lome",
    "Asia/Kathmandu",
    "America/Mexico_City",
    "Asia/Seoul",
    "Pacific/Chatham",
    "Africa/Tunis",
    "UTC",
)
FORMATS = ("plenary", "workshop", "round_table", "panel", "self_organised", "webinar")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _ml(
    rng: random.Random, words: int, langs: tuple[str, ...] = ("fr", "en", "es")
) -> dict[str, str]:
    chosen = langs[:2] if rng.random() < 0.2 else langs[:1]
    return {lang: _text(rng, words) for lang in chosen}


def document(
    sessions: int = 10_000,
    speakers: int = 5_000,
    seed: int = 2021,
    *,
    organisations: int = 500,
    initiatives: int = 1_000,
) -> dict[str, Any]:
    """The programme document: ``sessions`` and ``speakers`` in bulk, plus the v2 items.

    ``organisations`` and ``initiatives`` size the collections sessions refer
    to (small values make a small document with the same shape).
    """
    if min(sessions, speakers, organisations, initiatives) < 1:
        raise ValueError("every collection needs at least one item")
    n_orgs, n_inis = organisations, initiatives
    rng = random.Random(seed)
    orgs = [
        {
            "id": f"org-{i}",
            "name": _ml(rng, 5),
            "kind": "network",
            "acronym": f"ORG{i}",
            "territory": {"code": rng.choice(["FR", "CA-QC", "YT", "TN", "KR"])},
        }
        for i in range(n_orgs)
    ]
    inis = [
        {
            "id": f"ini-{i}",
            "name": _ml(rng, 5),
            "kind": "cluster",
            "status": "active",
            "start": "2020-04",
            "lead": [f"org-{rng.randrange(n_orgs)}"],
            "axes": [_ml(rng, 6) for _ in range(3)],
            "themes": ["intercooperation"],
            "sdgs": [8, 10],
        }
        for i in range(n_inis)
    ]
    base = datetime(2026, 10, 1, 6, tzinfo=UTC)
    people = [
        {
            "id": f"spk-{i}",
            "name": f"Person {i}",
            "honorific": {"fr": "Mme"},
            "affiliations": [
                {"organisation": f"org-{rng.randrange(n_orgs)}", "role": _ml(rng, 3)}
                for _ in range(rng.randint(1, 2))
            ],
            "bio": _ml(rng, 30),
            "country": "FR",
            "time_zone": rng.choice(ZONES),
            "availability": [
                {
                    "start": (base + timedelta(days=d)).isoformat().replace("+00:00", "Z"),
                    "end": (base + timedelta(days=d, hours=10)).isoformat().replace("+00:00", "Z"),
                }
                for d in range(rng.randint(0, 2))
            ],
        }
        for i in range(speakers)
    ]
    rows = []
    for i in range(sessions):
        start = base + timedelta(minutes=30 * rng.randrange(24 * 2 * 5))
        rows.append(
            {
                "id": f"ses-{i}",
                "title": _ml(rng, 8),
                "format": rng.choice(FORMATS),
                "start": start.isoformat().replace("+00:00", "Z"),
                "end": (start + timedelta(minutes=90)).isoformat().replace("+00:00", "Z"),
                "languages": ["fr", "en"][: rng.randint(1, 2)],
                "interpretation": ["es"],
                "attendance_mode": "online",
                "locations": [f"room-{i % ROOMS}", "stream"]
                if i % 4 == 0
                else [f"room-{i % ROOMS}"],
                **({"track": f"track-{i % TRACKS}"} if i % 3 == 0 else {}),
                "description": _ml(rng, 30),
                "objectives": [_ml(rng, 8) for _ in range(rng.randint(0, 3))],
                "questions": [_ml(rng, 8) for _ in range(rng.randint(0, 1))],
                "participants": [
                    {"role": "moderator", "speaker": f"spk-{rng.randrange(speakers)}"},
                    *(
                        {
                            "role": "speaker",
                            "speaker": f"spk-{rng.randrange(speakers)}",
                            "title": _ml(rng, 8),
                            "abstract": _ml(rng, 12),
                            "initiatives": [f"ini-{rng.randrange(n_inis)}"],
                        }
                        for _ in range(rng.randint(1, 3))
                    ),
                ],
                "tags": ["ess", "gsef"],
            }
        )
    extra = _v2_items()
    return {
        "id": "bench",
        "title": {"fr": "Banc d'essai", "en": "Benchmark"},
        "time_zone": "Europe/Paris",
        "start_date": "2026-10-01",
        "end_date": "2026-10-06",
        **extra["programme"],
        "languages": ["fr", "en", "es"],
        "locations": extra["locations"],
        "tracks": extra["tracks"],
        "sessions": rows + extra["sessions"],
        "speakers": people + extra["speakers"],
        "organisations": orgs + extra["organisations"],
        "initiatives": inis + extra["initiatives"],
    }


ROOMS = 20
TRACKS = 5


def _v2_items() -> dict[str, Any]:
    """Items that use every field of the v2 model at least once (ids ``v2-...``).

    They refer only to each other, so the bulk's sizes do not matter.
    """
    src = {"url": "https://www.gsef-net.org/programme", "retrieved": "2026-09-01"}
    cited = {"citation": {"fr": "Programme imprimé"}, "note": {"fr": "page 3"}}

    def provenance(field: str = "description") -> dict[str, Any]:
        return {
            "sources": [src, cited],
            "inferred": [{"field": field, "reason": {"fr": "déduit"}, "source": src}],
            "notes": [{"fr": "À confirmer"}],
        }

    link = {"kind": "website", "url": "https://www.gsef-net.org/", "title": {"fr": "Site"}}
    stream = {"kind": "livestream", "url": "https://www.youtube.com/live/gsef", "language": "fr"}
    registration = {
        "required": True,
        "url": "https://www.helloasso.com/associations/cress/evenements/mois-ess",
        "email": "inscriptions@gsef-net.org",
        "deadline": "2026-09-30T21:59:00Z",
        "capacity": 40,
        "places_left": 3,
        "full": False,
        "prices": [
            {"kind": "fixed", "amount": "12.50", "currency": "EUR", "label": {"fr": "plein"}},
            {"kind": "pay_what_you_can", "amount": "5", "currency": "EUR"},
            {"kind": "free", "label": {"fr": "étudiants"}},
        ],
        "conditions": {"fr": "Sur inscription"},
    }
    locations = [
        {
            "id": "venue",
            "name": {"fr": "Palais des congrès"},
            "kind": "venue",
            "time_zone": "Europe/Paris",
            "address": {
                "street": "Avenue Jean Gabriel Domergue",
                "postal_code": "33300",
                "locality": "Bordeaux",
                "region": "Nouvelle-Aquitaine",
                "country": "FR",
            },
            "coordinates": {"latitude": 44.8886, "longitude": -0.5652},
            "access": {"fr": "Tram C, arrêt Parc des expositions"},
            "url": "https://www.bordeaux-events.com/",
            "capacity": 3000,
            "accessibility": ["step_free", "induction_loop"],
            "accessibility_notes": {"fr": "Ascenseur au fond du hall"},
            **provenance("access"),
        },
        *(
            {"id": f"room-{i}", "name": {"fr": f"Salle {i}"}, "kind": "room", "parent": "venue"}
            for i in range(ROOMS)
        ),
        {"id": "garden", "name": {"fr": "Jardin"}, "kind": "outdoor", "parent": "venue"},
        {"id": "stage", "name": {"fr": "Scène"}, "kind": "stage", "parent": "garden"},
        {
            "id": "stream",
            "name": {"fr": "Direct"},
            "kind": "online",
            "url": "https://www.youtube.com/live/gsef",
            "platform": "YouTube",
            "parallel": True,
        },
        {"id": "bamako", "name": {"fr": "Bamako"}, "kind": "venue", "time_zone": "Africa/Bamako"},
    ]
    tracks = [
        {"id": f"track-{i}", "name": {"fr": f"Axe {i}"}, "description": {"fr": "Un axe"}}
        for i in range(TRACKS)
    ]
    tracks[0]["color"] = "#1F77B4"
    speaker = "v2-speaker"
    sessions = [
        {  # a plenary in two parts, with every session field
            "id": "v2-plenary",
            "title": {"fr": "Plénière d'ouverture", "en": "Opening plenary"},
            "format": "plenary",
            "status": "rescheduled",
            "start": "2026-10-02T07:00:00Z",
            "end": "2026-10-02T09:00:00+00:00",
            "previous_starts": ["2026-10-01T07:00:00Z", "2026-10-01T09:00:00+02:00"],
            "series": "opening",
            "languages": ["fr"],
            "interpretation": ["en", "es", "fsl"],
            "attendance_mode": "mixed",
            "locations": ["room-0", "stream"],
            "track": "track-0",
            "description": {"fr": "Ouverture", "und": "Ouverture"},
            "objectives": [{"fr": "Ouvrir"}],
            "questions": [{"fr": "Pourquoi ?"}],
            "participants": [
                {
                    "role": "mc",
                    "speaker": speaker,
                    "label": {"fr": "Maîtresse de cérémonie"},
                    "delivery": "in_person",
                    "confirmation": "confirmed",
                },
                {
                    "role": "speaker",
                    "organisation": "v2-org",
                    "label": {"fr": "mot de clôture"},
                    "delivery": "recorded",
                    "confirmation": "to_be_confirmed",
                    "title": {"fr": "Clôture"},
                    "abstract": {"fr": "Un mot"},
                    "initiatives": ["v2-initiative"],
                },
            ],
            "registration": registration,
            "accessibility": ["captions", "sign_language"],
            "accessibility_notes": {"fr": "Boucle magnétique"},
            "tags": ["ouverture", "plénière"],
            "url": "https://www.gsef-net.org/pleniere",
            "links": [link, stream, {"kind": "recording", "url": "https://vimeo.com/1"}],
            "recording": {"allowed": True, "licence": "CC-BY-4.0"},
            **provenance(),
        },
        {
            "id": "v2-plenary-part-2",
            "title": {"fr": "Plénière, deuxième partie"},
            "format": "ceremony",
            "start": "2026-10-02T08:00:00Z",
            "parent": "v2-plenary",
            "series": "opening",
            "locations": ["stage"],
        },
        {  # a break: no participants
            "id": "v2-break",
            "title": {"fr": "Pause café"},
            "format": "break",
            "start": "2026-10-02T09:00:00Z",
            "end": "2026-10-02T09:30:00Z",
            "locations": ["garden"],
        },
        {  # an exhibition open on three days, on the pre-forum day too
            "id": "v2-exhibition",
            "title": {"fr": "Exposition"},
            "format": "exhibition",
            "start_date": "2026-09-30",
            "end_date": "2026-10-02",
            "locations": ["venue"],
        },
        {  # a date only, read in Bamako's zone
            "id": "v2-screening",
            "title": {"fr": "Projection"},
            "format": "screening",
            "status": "tentative",
            "start_date": "2026-10-03",
            "locations": ["bamako"],
        },
        {"id": "v2-meal", "title": {"fr": "Déjeuner"}, "format": "meal", "status": "cancelled"},
        {
            "id": "v2-tour",
            "title": {"fr": "Visite"},
            "format": "guided_tour",
            "status": "moved_online",
            "start": "2026-10-04T12:00:00+02:00",
            "participants": [{"role": "guide", "speaker": "v2-office"}],
        },
    ]
    speakers = [
        {
            "id": speaker,
            "name": "Maud Caruhel",
            "honorific": {"fr": "Mme"},
            "pronouns": {"fr": "elle"},
            "affiliations": [
                {
                    "organisation": "v2-org",
                    "role": {"fr": "Déléguée"},
                    "start": "2019-04",
                    "end": "2024",
                    "former": True,
                },
                {"organisation": "v2-member", "start": "2024-02-29"},
            ],
            "bio": {"und": "Bio"},
            "photo": "https://www.gsef-net.org/photos/caruhel.jpg",
            "country": "FR",
            "time_zone": "Europe/Paris",
            "availability": [
                {"start": "2026-10-02T06:00:00Z", "end": "2026-10-02T12:00:00Z"},
                {"start": "2026-10-01T06:00:00Z", "end": "2026-10-02T06:00:00Z"},
            ],
            "links": [{"kind": "social", "url": "https://mastodon.social/@gsef"}],
            **provenance("country"),
        },
        {"id": "v2-office", "office": {"fr": "Le maire de Ramallah"}},
    ]
    figures = [
        {"measure": "participants", "count": 59, "label": {"fr": "participant.e.s"}},
        {
            "measure": "actors",
            "count": 45,
            "counts": {"fr": "acteurs de l'ESS"},
            "part_of": "participants",
        },
    ]
    organisations = [
        {
            "id": "v2-org",
            "name": {"fr": "Réseau"},
            "kind": "network",
            "acronym": "RES",
            "territory": {"name": {"fr": "La métropole bordelaise"}, "within": "FR-33"},
            "url": "https://www.ess-france.org/",
            "description": {"fr": "Un réseau"},
            "founded": "2014",
            "member_of": [
                {"organisation": "v2-member", "start": "2018", "end": "2020-06", "former": True}
            ],
            "figures": figures,
            "links": [link],
            **provenance(),
        },
        {
            "id": "v2-member",
            "name": {"fr": "Groupe d'experts"},
            "kind": "international_organisation",
            "territory": {"locode": "FRBOD", "within": "FR-NAQ", "name": {"fr": "Bordeaux"}},
        },
        {
            "id": "v2-region",
            "name": {"fr": "Réseau régional"},
            "kind": "association",
            "territory": {
                "name": {"fr": "océan Indien"},
                "members": [{"code": "YT"}, {"code": "FR-976", "name": {"fr": "Mayotte"}}],
            },
        },
    ]
    initiatives = [
        {
            "id": "v2-initiative",
            "name": {"fr": "Pôle"},
            "kind": "hub",
            "status": "active",
            "status_as_of": "2021-07-01",
            "aliases": ["PTCE"],
            "description": {"fr": "Un pôle"},
            "start": "2020",
            "end": "2030-12",
            "recurrence": {"fr": "chaque année"},
            "territories": [{"code": "YT"}, {"name": {"fr": "Méditerranée"}}],
            "lead": ["v2-org"],
            "partners": ["v2-member", "v2-region"],
            "axes": [{"fr": "Coopérer"}],
            "governance": [{"name": {"fr": "Comité de pilotage"}, "purpose": {"fr": "Piloter"}}],
            "activities": [
                {
                    "title": {"fr": "Webinaire"},
                    "format": "webinar",
                    "date": "2020-11-04",
                    "description": {"fr": "Un webinaire"},
                    "figures": figures,
                }
            ],
            "themes": ["intercooperation", "blue_economy"],
            "sdgs": [8, 14],
            "related": ["v2-initiative-2"],
            **provenance(),
        },
        {"id": "v2-initiative-2", "name": {"fr": "Cluster"}, "kind": "cluster"},
    ]
    programme = {
        "status": "tentative",
        "extra_days": ["2026-09-30"],
        "organisers": [
            {"organisation": "v2-org", "role": "organiser"},
            {"organisation": "v2-member", "role": "funder"},
        ],
        "description": {"fr": "Le forum"},
        "url": "https://www.gsef-net.org/",
        "links": [link],
        "registration": {"required": False, "prices": [{"kind": "free"}]},
        **provenance(),
    }
    return {
        "programme": programme,
        "locations": locations,
        "tracks": tracks,
        "sessions": sessions,
        "speakers": speakers,
        "organisations": organisations,
        "initiatives": initiatives,
    }
