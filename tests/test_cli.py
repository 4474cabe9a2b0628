"""The command line: show the programme at local times, validate files."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from essprogramme import cli, examples
from essprogramme.cli import machine_zone, main


def test_show_prints_the_seed_at_toronto_time(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--tz", "America/Toronto"]) == 0
    out = capsys.readouterr().out
    assert "## 2021-10-08" in out
    assert "07:00–08:30  Des partenariats innovants" in out
    assert "Kevin Ossah" in out
    assert "[14:00 heure locale, Indian/Mayotte]" in out


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Indian/Mayotte", "14:00–15:30"),
        ("Europe/Paris", "13:00–14:30"),
        ("Africa/Lome", "11:00–12:30"),
    ],
)
def test_show_in_each_speakers_zone(
    capsys: pytest.CaptureFixture[str], zone: str, expected: str
) -> None:
    assert main(["show", "--tz", zone]) == 0
    assert expected in capsys.readouterr().out


def test_show_in_english_labels_with_french_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _document()
    moderator = document["sessions"][0]["participants"][0]  # type: ignore[index]
    moderator.pop("label", None)  # the generic word, not the programme's own
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["show", str(path), "--tz", "UTC", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Moderation: Kevin Ossah" in out
    assert "Workshop · Languages: fr" in out
    assert "Des partenariats innovants" in out  # no English text: the French original


def test_show_uses_the_programmes_own_word_for_a_role(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _document()
    moderator = document["sessions"][0]["participants"][0]  # type: ignore[index]
    moderator["label"] = {"fr": "Modératrice"}
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    for lang in ("fr", "en"):
        assert main(["show", str(path), "--tz", "UTC", "--lang", lang]) == 0
        assert "Modératrice: Kevin Ossah" in capsys.readouterr().out


def test_show_refuses_an_unknown_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--tz", "Paris"]) == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_show_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "programme.json"
    path.write_text(examples.text("gsef2021-partenariats"), encoding="utf-8")
    assert main(["show", str(path), "--tz", "Asia/Kathmandu"]) == 0
    assert "16:45–18:15" in capsys.readouterr().out


def test_validate_lists_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(examples.text("gsef2021-partenariats"), encoding="utf-8")
    data = json.loads(examples.text("gsef2021-partenariats"))
    data["sessions"][0]["end"] = "2021-10-08T10:00:00Z"
    data["speakers"][0]["time_zone"] = "Lome"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{good}: valid" in out
    assert "$.speakers[0].time_zone" in out
    assert "[time_zone]" in out


def test_validate_reports_unreadable_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/nonexistent/programme.json"]) == 2
    assert "cannot read" in capsys.readouterr().out


def test_machine_zone_is_a_zone_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Indian/Mayotte")
    assert machine_zone() == "Indian/Mayotte"
    monkeypatch.setenv("TZ", "Not/AZone")
    assert machine_zone() != "Not/AZone"


def test_the_installed_command_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "essprogramme", "show", "--tz", "America/Toronto"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "07:00–08:30" in result.stdout


def test_schema_prints_a_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "session"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Session"
    assert main(["schema", "nothing"]) == 2


def test_validate_schema_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(examples.text("gsef2021-partenariats"))
    data["sessions"][0]["participants"][0]["speaker"] = "nobody"  # only the library sees this
    data_path = tmp_path / "dangling.json"
    data_path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", "--schema-only", str(data_path)]) == 0
    assert main(["validate", str(data_path)]) == 1
    data["sessions"][0]["format"] = "atelier"
    data_path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", "--schema-only", str(data_path)]) == 1
    assert "$.sessions[0].format" in capsys.readouterr().out
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["validate", "--schema-only", str(broken)]) == 1


# Hardening (issue 7): a message and a status, never a traceback -----------------

EXAMPLE = "gsef2021-partenariats"
_NASTY = "\x1b[2J\x1b]0;pwned\x07\x9b31m\x7f\x00\r\u202egnp.exe\ud800"
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _run(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, str]:
    """Status and everything written, checked to be UTF-8 without raw controls."""
    status = main(argv)
    captured = capsysbinary.readouterr()
    output = captured.out + captured.err
    assert b"\x1b" not in output
    text = output.decode("utf-8")  # strict: no lone surrogate was written either
    assert _RAW.search(text) is None, text
    assert "Traceback" not in text
    return status, text


def _file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "programme.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return str(path)


def _document() -> dict[str, object]:
    document: dict[str, object] = json.loads(examples.text(EXAMPLE))
    return document


@pytest.mark.parametrize("mode", [[], ["--schema-only"]], ids=["model", "schema"])
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "[" * 100_000 + "]" * 100_000,
        "{",
        '{"id": NaN}',
        '{"a": Infinity}',
        "9" * 5000,
    ],
    ids=["open-brackets", "closed-brackets", "truncated", "nan", "infinity", "5000-digits"],
)
def test_text_that_is_not_json_is_one_json_problem_in_both_modes(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], mode: list[str], text: str
) -> None:
    # Defects 3 and 20: a RecursionError traceback; NaN reported as `type`.
    status, output = _run(["validate", *mode, _file(tmp_path, text)], capsysbinary)
    assert status == 1
    assert re.search(r"^  \$: not JSON: .*\[json\]$", output, re.MULTILINE), output


@pytest.mark.parametrize("mode", [[], ["--schema-only"]], ids=["model", "schema"])
def test_a_repeated_key_is_a_problem_in_both_modes(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], mode: list[str]
) -> None:
    text = examples.text(EXAMPLE).replace(
        '"time_zone": "UTC",', '"time_zone": "UTC", "time_zone": "UTC",', 1
    )
    status, output = _run(["validate", *mode, _file(tmp_path, text)], capsysbinary)
    assert status == 1
    assert "  $.time_zone: " in output
    assert "[duplicate_key]" in output


def test_a_programme_nested_too_deep_is_refused_with_depth(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # Defect 2 through the command line: RecursionError traceback with --schema-only.
    deep = '{"name":{"fr":"r"},"members":[' * 300 + '{"code":"yt"}' + "]}" * 300
    text = json.dumps(
        {
            **_document(),
            "initiatives": [
                {"id": "x", "name": {"fr": "x"}, "kind": "cluster", "territories": ["@@"]}
            ],
        }
    )
    path = _file(tmp_path, text.replace('"@@"', deep))
    status, output = _run(["validate", "--schema-only", path], capsysbinary)
    assert status == 1
    assert "[depth]" in output
    assert "territory_code" not in output


@pytest.mark.parametrize(
    "argv",
    [["show", "--tz", "UTC"], ["validate"], ["validate", "--schema-only"]],
    ids=["show", "validate", "schema-only"],
)
@pytest.mark.parametrize("where", ["title", "speaker", "unknown-key", "bad-value"])
def test_nothing_from_the_file_reaches_the_terminal_raw(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], argv: list[str], where: str
) -> None:
    # Defect 9: escape sequences written raw; a lone surrogate crashed `show`.
    document = _document()
    if where == "title":
        document["title"] = {"fr": f"GSEF{_NASTY}2021"}
    elif where == "speaker":
        speakers = document["speakers"]
        assert isinstance(speakers, list)
        speakers[0]["name"] = f"Kevin{_NASTY.replace(chr(0xD800), '')}Ossah"
    elif where == "unknown-key":
        document[f"evil{_NASTY}"] = 1
    else:
        document["time_zone"] = f"Europe/Paris{_NASTY}"
    text = json.dumps(document)  # escapes everything: the reader sees every character
    status, output = _run([*argv[:1], _file(tmp_path, text), *argv[1:]], capsysbinary)
    if where != "speaker":
        assert status == 1
    if argv[0] == "show" and status == 0:
        assert "Kevin\\x1b[2J" in output  # shown, as an escape


def test_show_escapes_control_characters_but_keeps_layout() -> None:
    from essprogramme.cli import safe_line, safe_text

    assert (
        safe_text("a\tb\nc\x1bd\x85e\u202ef\u2067g\ud800")
        == "a\tb\nc\\x1bd\\x85e\\u202ef\\u2067g\\ud800"
    )
    assert safe_line("a\tb\nc") == "a\\x09b\\x0ac"
    assert safe_line("Mayotte, Île-de-France, 東京, عربي") == "Mayotte, Île-de-France, 東京, عربي"


def test_a_terminal_that_cannot_encode_gets_escapes_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="ascii"))
    assert main(["show", "--tz", "Indian/Mayotte"]) == 0
    sys.stdout.flush()
    text = out.getvalue().decode("ascii")
    assert "14:00\\u201315:30" in text  # the en dash, escaped


def test_show_an_invalid_file_lists_its_problems(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    document = _document()
    document["time_zone"] = "Paris"
    status, output = _run(
        ["show", _file(tmp_path, json.dumps(document)), "--tz", "UTC"], capsysbinary
    )
    assert status == 1
    assert "$.time_zone" in output
    assert "[time_zone]" in output


@pytest.mark.parametrize(
    ("start", "zone"),
    [("0001-01-01T00:00:00Z", "America/Toronto"), ("9999-12-31T23:00:00Z", "Asia/Tokyo")],
    ids=["year-1", "year-9999"],
)
def test_show_refuses_instants_no_zone_can_show_without_a_traceback(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], start: str, zone: str
) -> None:
    # Defect 8: an OverflowError traceback.
    document = _document()
    sessions = document["sessions"]
    assert isinstance(sessions, list)
    sessions[0].update(
        start=start, end=start.replace("T00:00", "T00:30").replace("T23:00", "T23:30")
    )
    status, output = _run(
        ["show", _file(tmp_path, json.dumps(document)), "--tz", zone], capsysbinary
    )
    assert status == 1
    assert "[instant_range]" in output


def test_the_renderer_shows_in_utc_what_a_zone_cannot_show() -> None:
    from essprogramme.formats.text import _local, _span

    tokyo = ZoneInfo("Asia/Tokyo")
    late = datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert _local(late, tokyo) == (late, " UTC")
    session = SimpleNamespace(start=late, end=late + timedelta(minutes=30))
    assert _span(session, tokyo) == "23:00 UTC–23:30 UTC"
    assert _span(SimpleNamespace(start=late, end=None), tokyo) == "from 23:00 UTC"
    early = datetime(1, 1, 1, 1, tzinfo=UTC)
    assert _local(early, ZoneInfo("America/Toronto")) == (early, " UTC")
    assert _local(early, tokyo)[1] == ""


def test_show_refuses_an_unknown_zone_safely(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, output = _run(["show", "--tz", f"Paris{_NASTY}"], capsysbinary)
    assert status == 2
    assert "unknown time zone" in output


def test_a_bug_is_one_line_and_status_3_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError(f"boom{_NASTY}")

    monkeypatch.setattr(cli, "render_text", broken)
    status, output = _run(["show", "--tz", "UTC"], capsysbinary)
    assert status == 3
    assert "internal error" in output
    assert output.count("\n") == 1


def test_show_does_not_import_jsonschema() -> None:
    script = (
        "import sys\n"
        "from essprogramme.cli import main\n"
        "assert main(['show', '--tz', 'UTC']) == 0\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_reader_that_goes_away_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")  # `essprogramme show | head`

    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["show", "--tz", "UTC"]) == 141
    assert capsys.readouterr().err == ""


# Model v2 (issue 9): every published shape of time, status, participants, places ------

_SHOWCASE: dict[str, object] = {
    "id": "rencontres",
    "title": {"fr": "Rencontres de l'ESS", "en": "SSE meetings", "es": "Encuentros de la ESS"},
    "time_zone": "Europe/Paris",
    "start_date": "2024-11-05",
    "end_date": "2024-11-07",
    "languages": ["fr"],
    "registration": {"required": True, "url": "https://example.org/inscription"},
    "locations": [
        {
            "id": "palais",
            "name": {"fr": "Palais des congrès"},
            "kind": "venue",
            "time_zone": "Europe/Paris",
            "address": {
                "street": "1 cours du Médoc",
                "postal_code": "33300",
                "locality": "Bordeaux",
                "country": "FR",
            },
        },
        {"id": "salle-1", "name": {"fr": "Salle 1"}, "kind": "room", "parent": "palais"},
        {
            "id": "direct",
            "name": {"fr": "Direct"},
            "kind": "online",
            "platform": "YouTube",
            "url": "https://example.org/live",
        },
        {
            "id": "mamoudzou",
            "name": {"fr": "Mamoudzou"},
            "kind": "venue",
            "time_zone": "Indian/Mayotte",
        },
    ],
    "sessions": [
        {"id": "a-venir", "title": {"fr": "Atelier surprise"}, "format": "workshop"},
        {
            "id": "ouverture",
            "title": {"fr": "Plénière d'ouverture"},
            "format": "plenary",
            "start": "2024-11-06T08:00:00Z",
            "locations": ["salle-1", "direct"],
            "participants": [
                {"role": "moderator", "speaker": "maud", "label": {"fr": "Modératrice"}},
                {"role": "speaker", "speaker": "maire", "delivery": "remote_live"},
                {
                    "role": "speaker",
                    "speaker": "kevin",
                    "delivery": "recorded",
                    "confirmation": "to_be_confirmed",
                },
                {
                    "role": "speaker",
                    "organisation": "ce",
                    "label": {"fr": "Mot de clôture", "en": "Closing remarks"},
                },
                {"role": "rapporteur", "speaker": "kevin"},
            ],
            "registration": {
                "capacity": 40,
                "places_left": 3,
                "deadline": "2024-11-04T22:59:00Z",
                "prices": [
                    {"kind": "fixed", "amount": "12.50", "currency": "EUR"},
                    {"kind": "free", "label": {"fr": "Demandeurs d'emploi"}},
                    {"kind": "pay_what_you_can"},
                ],
            },
            "accessibility": ["sign_language", "captions"],
            "accessibility_notes": {"fr": "Accès par l'entrée sud"},
            "links": [
                {
                    "kind": "recording",
                    "url": "https://example.org/replay",
                    "title": {"fr": "Replay"},
                }
            ],
            "recording": {"allowed": True, "licence": "CC-BY-4.0"},
        },
        {
            "id": "pause",
            "title": {"fr": "Pause café"},
            "format": "break",
            "start": "2024-11-06T10:00:00Z",
            "end": "2024-11-06T10:15:00Z",
        },
        {
            "id": "annule",
            "title": {"fr": "Visite du chantier"},
            "format": "site_visit",
            "status": "cancelled",
            "start_date": "2024-11-06",
        },
        {
            "id": "reporte",
            "title": {"fr": "Table ronde foncier"},
            "format": "round_table",
            "status": "postponed",
        },
        {
            "id": "deplace",
            "title": {"fr": "Atelier achats responsables"},
            "format": "workshop",
            "status": "rescheduled",
            "start": "2024-11-07T13:00:00Z",
            "end": "2024-11-07T14:30:00Z",
            "previous_starts": ["2024-11-05T09:00:00Z"],
        },
        {
            "id": "expo",
            "title": {"fr": "Exposition"},
            "format": "exhibition",
            "start_date": "2024-11-05",
            "end_date": "2024-11-07",
        },
        {
            "id": "mayotte",
            "title": {"fr": "Visite à Mamoudzou"},
            "format": "site_visit",
            "start_date": "2024-11-06",
            "locations": ["mamoudzou"],
        },
    ],
    "speakers": [
        {"id": "maud", "name": "Maud Caruhel", "pronouns": {"fr": "elle"}},
        {"id": "maire", "office": {"fr": "le maire de Ramallah"}},
        {
            "id": "kevin",
            "name": "Kevin Ossah",
            "time_zone": "Africa/Lome",
            "affiliations": [
                {"organisation": "ojedd", "role": {"fr": "Directeur exécutif"}},
                {"organisation": "ce", "role": {"fr": "Stagiaire"}, "former": True},
            ],
        },
    ],
    "organisations": [
        {
            "id": "ce",
            "name": {"fr": "Commission européenne", "en": "European Commission"},
            "acronym": "CE",
            "kind": "public_authority",
        },
        {"id": "ojedd", "name": {"fr": "OJEDD"}, "kind": "ngo"},
    ],
}


def _show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str, document: object = None
) -> str:
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document or _SHOWCASE), encoding="utf-8")
    assert main(["show", str(path), *args]) == 0
    return capsys.readouterr().out


def test_show_every_shape_of_time_in_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _show(tmp_path, capsys, "--tz", "Europe/Paris", "--lang", "en")
    lines = out.splitlines()
    titles = [
        line for line in lines if line and not line.startswith((" ", "#", "=")) and "  " in line
    ]
    assert [t.split("  ", 1)[1] for t in titles] == [
        "Exposition",  # a range of days, listed on its first day
        "Visite à Mamoudzou",  # its day begins earlier in Mayotte than in Paris
        "[CANCELLED] Visite du chantier",
        "Plénière d'ouverture",
        "Pause café",
        "[RESCHEDULED] Atelier achats responsables",
        "Atelier surprise",  # no time: last, in programme order
        "[POSTPONED] Table ronde foncier",
    ]
    assert "2024-11-05 – 2024-11-07  Exposition" in out  # days without a time
    assert "2024-11-06 (Indian/Mayotte)  Visite à Mamoudzou" in out  # read in its place's zone
    assert "from 09:00  Plénière d'ouverture" in out  # never an invented end
    assert "11:00–11:15  Pause café" in out
    assert "## Date to be announced" in out
    assert "time to be announced  Atelier surprise" in out
    assert "Previously: 2024-11-05 10:00" in out


def test_show_the_same_programme_in_french_and_spanish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    french = _show(tmp_path, capsys, "--tz", "America/Toronto")  # the programme's language
    assert "à partir de 03:00  Plénière d'ouverture" in french
    assert "[ANNULÉ] Visite du chantier" in french
    assert "2024-11-06 (Europe/Paris)  [ANNULÉ]" in french  # not the day in Toronto
    assert "horaire à venir  [REPORTÉ] Table ronde foncier" in french
    assert "Auparavant: 2024-11-05 04:00" in french
    assert "Tarif: 12,50 EUR; Demandeurs d'emploi: gratuit; prix libre" in french
    spanish = _show(tmp_path, capsys, "--tz", "Europe/Madrid", "--lang", "es")
    assert "desde las 09:00  Plénière d'ouverture" in spanish
    assert "Encuentros de la ESS" in spanish
    assert "[CANCELADO] Visite du chantier" in spanish
    assert "Precio: 12,50 EUR; Demandeurs d'emploi: gratuito; precio libre" in spanish
    assert "hora por anunciar  [APLAZADO] Table ronde foncier" in spanish


def test_show_who_takes_part_and_how(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _show(tmp_path, capsys, "--tz", "Europe/Paris", "--lang", "en")
    assert "Modératrice: Maud Caruhel (elle)" in out  # the programme's own word
    assert "  - le maire de Ramallah [remote]" in out  # known by office alone
    assert (
        "  - Kevin Ossah — Directeur exécutif, OJEDD [08:00 local time, Africa/Lome] [recorded video] (to be confirmed)"
        in out
    )
    assert "Stagiaire" not in out  # a former position is not shown as current
    assert "  - Closing remarks: European Commission (CE)" in out  # an organisation contributes
    assert "Rapporteur: Kevin Ossah" in out
    assert (
        "Where: Salle 1, Palais des congrès — 1 cours du Médoc, 33300 Bordeaux, FR + Direct (online, YouTube: https://example.org/live)"
        in out
    )
    assert "Registration: required · https://example.org/inscription" in out
    assert "Registration: until 2024-11-04 23:59 · 40 places · 3 left" in out
    assert "Price: 12.50 EUR; Demandeurs d'emploi: free; pay what you can" in out
    assert "Accessibility: captions, sign language, Accès par l'entrée sud" in out
    assert "Links: Recording (Replay): https://example.org/replay" in out
    assert "Recording: allowed (CC-BY-4.0)" in out
    pause = out.split("Pause café", 1)[1].split("\n\n", 1)[0]
    assert "Speakers" not in pause


def test_show_a_full_session_and_a_programme_without_timed_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(json.dumps(_SHOWCASE))
    document["sessions"] = [s for s in document["sessions"] if "start" not in s]
    document["status"] = "postponed"
    document["registration"] = {
        "full": True,
        "email": "contact@example.org",
        "conditions": {"fr": "Sur invitation"},
    }
    out = _show(tmp_path, capsys, "--tz", "Asia/Tokyo", "--lang", "fr", document=document)
    assert "[REPORTÉ]" in out.splitlines()[2]
    assert "Heures de Asia/Tokyo (UTC+09:00)" in out
    assert "Inscription: contact@example.org · complet" in out
    assert "Sur invitation" in out


@pytest.mark.parametrize(
    ("day", "zone"),
    [("9999-12-31", "America/Toronto"), ("0001-01-01", "Asia/Tokyo")],
    ids=["year-9999", "year-1"],
)
def test_show_days_at_the_ends_of_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, zone: str
) -> None:
    # A day-only session needs no instant: it is shown on its day whatever the zone.
    document = {
        "id": "bornes",
        "title": {"fr": "Aux bornes"},
        "time_zone": "Europe/Paris",
        "start_date": day,
        "end_date": day,
        "sessions": [
            {"id": "s", "title": {"fr": "Journée"}, "format": "other", "start_date": day},
            {
                "id": "t",
                "title": {"fr": "Autre journée"},
                "format": "other",
                "start_date": day,
                "locations": ["ici"],
            },
        ],
        "locations": [
            {"id": "ici", "name": {"fr": "Ici"}, "kind": "venue", "time_zone": "Pacific/Kiritimati"}
        ],
    }
    out = _show(tmp_path, capsys, "--tz", zone, document=document)
    assert f"## {day} (" in out
    assert f"{day} (Europe/Paris)  Journée" in out
    assert f"{day} (Pacific/Kiritimati)  Autre journée" in out


@pytest.mark.parametrize(
    ("price", "lang", "expected"),
    [
        ({"kind": "fixed", "amount": "12.50", "currency": "EUR"}, "fr", "12,50 EUR"),
        ({"kind": "fixed", "amount": "3000", "currency": "XOF"}, "en", "3000 XOF"),
        ({"kind": "free"}, "es", "gratuito"),
        ({"kind": "pay_what_you_can", "label": {"fr": "prix libre"}}, "fr", "prix libre"),
        (
            {
                "kind": "pay_what_you_can",
                "amount": "5",
                "currency": "EUR",
                "label": {"fr": "Prix libre"},
            },
            "fr",
            "Prix libre (5 EUR)",
        ),
        (
            {"kind": "pay_what_you_can", "label": {"fr": "prix libre"}},
            "en",
            "prix libre: pay what you can",
        ),
        (
            {"kind": "fixed", "amount": "90.00", "currency": "EUR", "label": {"fr": "Pass Forum"}},
            "fr",
            "Pass Forum: 90,00 EUR",
        ),
    ],
)
def test_prices_as_published(price: dict[str, object], lang: str, expected: str) -> None:
    from essprogramme import Price, from_dict
    from essprogramme.formats.text import _labels, _price

    assert _price(from_dict(price, Price), lang, _labels(lang)) == expected
