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
    from essprogramme.export.text import _local, _span

    tokyo = ZoneInfo("Asia/Tokyo")
    late = datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert _local(late, tokyo) == (late, " UTC")
    session = SimpleNamespace(start=late, end=late + timedelta(minutes=30))
    assert _span(session, tokyo) == "23:00 UTC–23:30 UTC"  # type: ignore[arg-type]
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
