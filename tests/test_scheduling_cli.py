"""``essprogramme conflicts`` and ``essprogramme slots``: output, exit statuses, safety."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from essprogramme import examples
from essprogramme.cli import main

_NASTY = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202egnp"


def _seed_document() -> dict[str, object]:
    return json.loads(examples.text("gsef2021-partenariats"))  # type: ignore[no-any-return]


def _write(tmp_path: Path, document: object) -> str:
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _double_booked(tmp_path: Path, title: str = "Deuxième atelier") -> str:
    document = _seed_document()
    sessions = document["sessions"]
    twin = dict(sessions[0])  # type: ignore[index]
    twin["id"] = "deuxieme-atelier"
    twin["title"] = {"fr": title}
    sessions.append(twin)  # type: ignore[attr-defined]
    return _write(tmp_path, document)


def test_conflicts_of_the_seed_are_warnings_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conflicts", "gsef2021-partenariats", "--lang", "fr"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "gsef2021-partenariats: 0 erreur(s), 1 avertissement(s)"
    assert out[1].startswith("  avertissement: 07:00 à Toronto pour Johanne Lavoie : tôt")
    assert main(["conflicts", "gsef2021-partenariats", "--no-comfort"]) == 0
    assert capsys.readouterr().out == "gsef2021-partenariats: no conflicts\n"


def test_an_error_makes_the_command_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _double_booked(tmp_path)
    assert main(["conflicts", path, "--no-comfort", "--lang", "es"]) == 1
    out = capsys.readouterr().out
    assert "5 error(es), 0 advertencia(s)" in out  # every speaker of the workshop, twice booked
    assert "Kevin Ossah está en dos sesiones a la vez" in out


def test_json_output_for_scripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _double_booked(tmp_path, title=f"Atelier{_NASTY}")
    assert main(["conflicts", path, "--format", "json", "--no-comfort"]) == 1
    out = capsys.readouterr().out
    assert out.isascii()
    data = json.loads(out)
    assert data["errors"] == 5 and data["warnings"] == 0
    assert {c["kind"] for c in data["conflicts"]} == {"double_booked"}
    assert _NASTY in data["conflicts"][0]["message"]  # kept, but escaped on the way out


def test_user_text_never_reaches_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _double_booked(tmp_path, title=f"Atelier{_NASTY}")
    assert main(["conflicts", path, "--no-comfort"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out


def test_bad_input_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conflicts", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["conflicts", _write(tmp_path, {"id": "x"})]) == 1
    assert "problem" in capsys.readouterr().err
    assert main(["conflicts", "gsef2021-partenariats", "--ideal", "07:00-22:00"]) == 2
    assert "$.ideal" in capsys.readouterr().err
    assert main(["conflicts", "gsef2021-partenariats", "--buffer", "25h"]) == 2  # over a day
    with pytest.raises(SystemExit) as exited:
        main(["conflicts", "gsef2021-partenariats", "--buffer", "soon"])
    assert exited.value.code == 2


def test_slots_prints_the_ranked_table(capsys: pytest.CaptureFixture[str]) -> None:
    zones = ["Indian/Mayotte", "Europe/Paris", "America/Toronto", "Africa/Lome"]
    arguments = ["slots", "--zones", *zones, "--duration", "90m", "--date", "2021-10-08"]
    assert main([*arguments, "--ideal", "08:00-18:00", "--acceptable", "08:00-18:00"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["#", "UTC", *zones, "worst-off", "score"]
    assert lines[1].split() == [
        "1",
        "2021-10-08",
        "12:00",
        "15:00",
        "14:00",
        "08:00",
        "12:00",
        "nobody",
        "0",
        "/",
        "0",
    ]
    assert main([*arguments, "--limit", "1", "--lang", "fr"]) == 0
    first = capsys.readouterr().out.splitlines()[1]
    assert "12:45" in first and "Indian/Mayotte, America/Toronto" in first and "15 / 30" in first


def test_slots_for_speakers_of_a_programme(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["slots", "--programme", "gsef2021-partenariats", "--duration", "1h30"]
    speakers = ["--speakers", "kevin-ossah", "johanne-lavoie"]
    assert main([*arguments, *speakers, "--date", "2021-10-08", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data[0]["local"]) == {"kevin-ossah", "johanne-lavoie"}
    assert all(not ("11:00" <= s["start"][11:16] < "12:30") for s in data)  # busy then
    assert main([*arguments, "--speakers", "roderic-egal", "--date", "2021-10-08"]) == 2
    assert "time_zone" in capsys.readouterr().err
    assert main([*arguments, "--speakers", "nobody", "--date", "2021-10-08"]) == 2
    assert "no speaker" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments",
    [
        ["--zones", "Mars/Olympus", "--duration", "1h", "--date", "2021-10-08"],
        ["--zones", "UTC", "--duration", "1h", "--date", "2021-10-08", "--tz", "Paris"],
        ["--zones", "UTC", "--duration", "1h", "--date", "2021-10-08", "--days", "0"],
        [
            "--zones",
            "UTC",
            "--duration",
            "1m",
            "--date",
            "2021-10-08",
            "--days",
            "99999",
            "--step",
            "1m",
        ],
        ["--zones", "UTC", "--duration", "1h", "--date", "9999-12-30", "--days", "9"],
        ["--speakers", "kevin-ossah", "--duration", "1h", "--date", "2021-10-08"],
        ["--duration", "1h", "--date", "2021-10-08"],
    ],
)
def test_slots_refuses_bad_options_with_status_2(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["slots", *arguments]) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err


def test_no_slot_is_said_not_failed(capsys: pytest.CaptureFixture[str]) -> None:
    # Kevin Ossah moderates from 11:00 to 12:30: 23 hours never fit around it that day.
    arguments = ["slots", "--programme", "gsef2021-partenariats", "--speakers", "kevin-ossah"]
    assert main([*arguments, "--duration", "23h", "--date", "2021-10-08", "--lang", "fr"]) == 0
    assert capsys.readouterr().out == "aucun horaire ne convient à tous les participants\n"


def test_show_does_not_import_the_scheduling_modules() -> None:
    script = (
        "import sys\n"
        "from essprogramme.cli import main\n"
        "assert main(['show', '--tz', 'UTC']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('essprogramme.scheduling')], 'imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
