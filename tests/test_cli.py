"""The command line: show the programme at local times, validate files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from essprogramme import examples
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


def test_show_in_english_labels_with_french_texts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--tz", "UTC", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Moderation: Kevin Ossah" in out
    assert "Des partenariats innovants" in out  # no English text: the French original


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
    data["sessions"][0]["moderators"] = ["nobody"]  # only the library sees this
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
