"""A large, realistic programme document for benchmarks (deterministic).

10,000 sessions and 5,000 speakers by default: multilingual titles and
descriptions of realistic length, a moderator and several speakers per session, bios,
affiliations, availability, organisations and initiatives to refer to.
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


def document(sessions: int = 10_000, speakers: int = 5_000, seed: int = 2021) -> dict[str, Any]:
    rng = random.Random(seed)
    organisations = [
        {
            "id": f"org-{i}",
            "name": _ml(rng, 5),
            "kind": "network",
            "acronym": f"ORG{i}",
            "territory": {"code": rng.choice(["FR", "CA-QC", "YT", "TN", "KR"])},
        }
        for i in range(500)
    ]
    initiatives = [
        {
            "id": f"ini-{i}",
            "name": _ml(rng, 5),
            "kind": "cluster",
            "status": "active",
            "start": "2020-04",
            "lead": [f"org-{rng.randrange(500)}"],
            "axes": [_ml(rng, 6) for _ in range(3)],
            "themes": ["intercooperation"],
            "sdgs": [8, 10],
        }
        for i in range(1_000)
    ]
    base = datetime(2026, 10, 1, 6, tzinfo=UTC)
    people = [
        {
            "id": f"spk-{i}",
            "name": f"Person {i}",
            "honorific": {"fr": "Mme"},
            "affiliations": [
                {"organisation": f"org-{rng.randrange(500)}", "role": _ml(rng, 3)}
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
                            "initiatives": [f"ini-{rng.randrange(1_000)}"],
                        }
                        for _ in range(rng.randint(1, 3))
                    ),
                ],
                "tags": ["ess", "gsef"],
            }
        )
    return {
        "id": "bench",
        "title": {"fr": "Banc d'essai", "en": "Benchmark"},
        "time_zone": "Europe/Paris",
        "start_date": "2026-10-01",
        "end_date": "2026-10-06",
        "languages": ["fr", "en", "es"],
        "sessions": rows,
        "speakers": people,
        "organisations": organisations,
        "initiatives": initiatives,
    }
