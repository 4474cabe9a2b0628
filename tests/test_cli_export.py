"""``essprogramme export``: every format, to a file or standard output, written atomically."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from essprogramme import examples, from_json
from essprogramme.cli import main
from essprogramme.cli._exchange import write_atomically
from essprogramme.formats import EXPORTERS, ExportOptions, exporter

_SEED = "gsef2021-partenariats"
_FORMATS = sorted(EXPORTERS)
_STAMP = re.compile(rb"\r\nDTSTAMP:[0-9TZ]+")


def same_export(made: bytes, expected: bytes) -> bool:
    """Equal but for iCalendar's DTSTAMP, the moment the file was written (RFC 5545)."""
    return _STAMP.sub(b"", made) == _STAMP.sub(b"", expected)


@pytest.mark.parametrize("name", _FORMATS)
def test_every_format_is_written_to_a_file_as_the_exporter_makes_it(
    name: str, tmp_path: Path
) -> None:
    target = tmp_path / f"out.{name}"
    assert main(["export", _SEED, "--to", name, "--tz", "Indian/Mayotte", "-o", str(target)]) == 0
    options = ExportOptions(zone="Indian/Mayotte")
    assert same_export(target.read_bytes(), exporter(name)(examples.load(_SEED), options))
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_standard_output_gets_the_bytes_when_it_is_not_a_terminal() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "essprogramme", "export", _SEED, "--to", "ics"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    expected = exporter("ics")(examples.load(_SEED), ExportOptions())
    assert b"DTSTAMP:" in expected
    assert same_export(result.stdout, expected)


def test_one_speakers_calendar(tmp_path: Path) -> None:
    target = tmp_path / "kevin.ics"
    assert (
        main(["export", _SEED, "--to", "ics", "--speaker", "kevin-ossah", "-o", str(target)]) == 0
    )
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 1


@pytest.mark.parametrize(
    ("arguments", "status", "said"),
    [
        (["--tz", "Mars/Olympus"], 2, "unknown time zone"),
        (["--speaker", "nobody"], 2, "no speaker 'nobody'"),
        (["--lang", "not a tag!"], 1, "language"),
    ],
)
def test_bad_options_are_said_and_nothing_is_written(
    arguments: list[str],
    status: int,
    said: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "page.html"
    target.write_text("the old page")
    assert main(["export", _SEED, "--to", "html", *arguments, "-o", str(target)]) == status
    assert said in capsys.readouterr().err
    assert target.read_text() == "the old page"


def test_an_invalid_programme_is_reported_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{"id": "x"}')
    assert main(["export", str(source), "--to", "markdown"]) == 1
    assert "$.title: is required" in capsys.readouterr().err


def test_an_unwritable_target_is_said_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "page.html"
    assert main(["export", _SEED, "--to", "html", "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "programme.ics"
    target.write_bytes(b"old calendar")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(str(target), b"new calendar")
    assert target.read_bytes() == b"old calendar"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programme.ics"]


def test_import_reads_a_schedule_that_names_no_zone_in_the_zone_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schedule = tmp_path / "schedule.json"
    assert main(["export", _SEED, "--to", "frab-json", "-o", str(schedule)]) == 0
    data = json.loads(schedule.read_text())
    data["schedule"]["conference"].pop("time_zone_name", None)
    schedule.write_text(json.dumps(data))
    target = tmp_path / "programme.json"
    status = main(
        ["import", str(schedule), "--from", "frab-json", "--tz", "Europe/Paris", "-o", str(target)]
    )
    assert status == 0, capsys.readouterr()
    assert from_json(target.read_bytes()).time_zone == "Europe/Paris"
    assert main(["import", str(schedule), "--from", "frab-json", "--tz", "Nowhere/Zone"]) == 2
