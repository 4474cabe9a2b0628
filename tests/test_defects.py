"""Regression tests for the defects of issue 7, one group per defect (#1-#21).

Each test drives the public entry points (``from_json``, ``from_dict``,
``to_json``, the constructors, ``schemas.validate`` and the command line) with
the reproducer of one defect, and asserts the behaviour the hardening work
decided: a result, or a ``ValidationError`` naming the problem with the agreed
code at the agreed JSON path, the same in the model and in the schema. The
promise behind all of them: any input ends in a result or a
``ValidationError`` — never another exception, a crash, a hang, unbounded
memory, raw control characters on a terminal or a silent drop.

Inputs that could kill the interpreter (deep nesting, a 50 MB URL) run in a
child process, so a regression fails one test instead of the whole run.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import textwrap
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import essprogramme
from essprogramme import (
    Initiative,
    Interval,
    LocalizedText,
    Programme,
    Session,
    Speaker,
    Territory,
    ValidationError,
    examples,
    from_dict,
    from_json,
    schemas,
    to_json,
)
from essprogramme.cli import main
from essprogramme.errors import json_path
from essprogramme.model._references import Reference
from essprogramme.model.programme import REFERENCES

#: The nesting limit decided for every entry point (the root container is depth 1).
MAX_DEPTH = 64
EXAMPLE = "gsef2021-partenariats"

Found = set[tuple[str, str]]


# Helpers ---------------------------------------------------------------


def problems_of(call: Callable[[], object]) -> Found:
    """The (path, code) pairs of the ValidationError ``call`` raises; fails if it succeeds."""
    with pytest.raises(ValidationError) as caught:
        call()
    for problem in caught.value.problems:
        assert isinstance(problem.path, str)
        assert isinstance(problem.code, str)
    str(caught.value).encode("utf-8")  # printable on any UTF-8 terminal
    return {(p.path, p.code) for p in caught.value.problems}


def document() -> dict[str, Any]:
    """A fresh copy of the shipped example as plain JSON data."""
    return schemas.example_document(EXAMPLE)


def nested_territory(levels: int, leaf: Any = None) -> dict[str, Any]:
    """A region holding a region ... ``levels`` deep, built without recursion."""
    territory: dict[str, Any] = {"code": "YT"} if leaf is None else leaf
    for _ in range(levels):
        territory = {"name": {"fr": "région"}, "members": [territory]}
    return territory


def nested_territory_text(levels: int, leaf: str = '{"code":"YT"}') -> str:
    """The JSON text of :func:`nested_territory`, built as text (json.dumps would recurse)."""
    return '{"name":{"fr":"r"},"members":[' * levels + leaf + "]}" * levels


#: Where the depth limit cuts a territory nested through ``members``: every
#: level adds an object and an array, so the first container deeper than
#: MAX_DEPTH is the territory ``MAX_DEPTH // 2`` levels down.
DEPTH_PATH = "$" + ".members[0]" * (MAX_DEPTH // 2)


def run_cli(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, bytes]:
    """Run the command line in-process; its status and everything it wrote."""
    status = main(argv)
    captured = capsysbinary.readouterr()
    return status, captured.out + captured.err


_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_no_raw_control(output: bytes) -> None:
    """No escape character, nor any other C0 control but newline and tab, nor DEL or C1."""
    assert b"\x1b" not in output
    text = output.decode("utf-8")  # also proves no lone surrogate reached the output
    found = _RAW_CONTROL.search(text)
    assert found is None, f"raw control character {found.group()!r} in {text!r}"


def run_child(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter, so a crash cannot take the test run down."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


_CHILD_PRELUDE = """
import json, sys, time
import essprogramme
from essprogramme import Territory, ValidationError, from_dict, from_json, schemas

def report(call):
    try:
        call()
    except ValidationError as error:
        print(json.dumps(sorted({(p.path[:2000], p.code) for p in error.problems})))
    else:
        print("ACCEPTED")
"""


def child_problems(result: subprocess.CompletedProcess[str]) -> Found:
    """The (path, code) pairs a child printed with ``report``."""
    assert result.returncode == 0, f"child died ({result.returncode}): {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    assert last != "ACCEPTED", "the input was accepted"
    return {(path, code) for path, code in json.loads(last)}


# 1. Deep nesting kills the process -----------------------------------


@pytest.mark.parametrize("entry", ["schema", "model"])
def test_a_territory_nested_15000_deep_is_refused_with_depth_not_a_crash(entry: str) -> None:
    call = 'schemas.validate(t, "territory")' if entry == "schema" else "from_dict(t, Territory)"
    result = run_child(
        _CHILD_PRELUDE
        + f"""
t = {{"code": "YT"}}
for _ in range(15_000):
    t = {{"name": {{"fr": "r"}}, "members": [t]}}
report(lambda: {call})
"""
    )
    found = child_problems(result)
    assert found == {(DEPTH_PATH, "depth")}


def test_json_text_nested_15000_deep_is_refused_by_the_model_and_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(nested_territory_text(15_000), encoding="utf-8")
    result = run_child(
        _CHILD_PRELUDE
        + f"""
from essprogramme.cli import main
text = open({str(path)!r}, "rb").read()
report(lambda: from_json(text, Territory))
sys.exit(main(["validate", "--schema-only", {str(path)!r}]) + 10)
"""
    )
    assert result.returncode == 11, f"child ended with {result.returncode}: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr
    codes = {code for _, code in json.loads(result.stdout.splitlines()[0])}
    # Too deep for any parser: the decision is `json` (or `depth` if caught first).
    assert codes and codes <= {"json", "depth"}
    assert "[json]" in result.stdout or "[depth]" in result.stdout


# 2. A territory 300 deep with a bad code at the bottom ----------------


def test_schema_validate_refuses_300_deep_with_depth_not_recursion_error() -> None:
    territory = nested_territory(300, leaf={"code": "yt"})
    assert problems_of(lambda: schemas.validate(territory, "territory")) == {(DEPTH_PATH, "depth")}


def test_cli_reports_depth_without_a_traceback(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    programme = document()
    programme["initiatives"][0]["territories"] = ["@@"]
    # json.dumps would recurse 600 frames deep: splice the nested text in.
    text = json.dumps(programme).replace('"@@"', nested_territory_text(300, '{"code":"yt"}'))
    path = tmp_path / "programme.json"
    path.write_text(text, encoding="utf-8")
    for argv in (["validate", "--schema-only", str(path)], ["validate", str(path)]):
        status, output = run_cli(argv, capsysbinary)
        assert status == 1
        assert b"Traceback" not in output
        assert b"[depth]" in output
        assert b"territory_code" not in output  # the limit is not descended into


# 3. 100,000 "[" through the schema-only command line ------------------


@pytest.mark.parametrize("closed", [False, True], ids=["unclosed", "closed"])
@pytest.mark.parametrize("mode", [[], ["--schema-only"]], ids=["model", "schema"])
def test_cli_reports_100000_brackets_as_json(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], closed: bool, mode: list[str]
) -> None:
    path = tmp_path / "brackets.json"
    path.write_text("[" * 100_000 + ("]" * 100_000 if closed else ""), encoding="utf-8")
    status, output = run_cli(["validate", *mode, str(path)], capsysbinary)
    assert status == 1
    assert b"Traceback" not in output
    assert re.search(rb"^  \$: .*\[json\]$", output, re.MULTILINE), output[-500:]


# 4. Lone surrogates ---------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: from_json('{"name":{"fr":"\\ud800"}}', Territory), id="json-escape"),
        pytest.param(lambda: from_json('{"name":{"fr":"\ud800"}}', Territory), id="str-surrogate"),
        pytest.param(lambda: from_dict({"name": {"fr": "\ud800"}}, Territory), id="from_dict"),
    ],
)
def test_a_lone_surrogate_in_text_is_refused_with_unicode(call: Callable[[], object]) -> None:
    assert problems_of(call) == {("$.name.fr", "unicode")}


def test_localized_text_refuses_a_lone_surrogate() -> None:
    assert problems_of(lambda: LocalizedText({"fr": "\ud800"})) == {("$.fr", "unicode")}


def test_a_constructor_refuses_a_lone_surrogate_in_a_plain_string() -> None:
    found = problems_of(lambda: Speaker(id="kevin", name="Kevin \udc00"))
    assert found == {("$.name", "unicode")}


def test_cesu_bytes_for_a_surrogate_are_not_json() -> None:
    found = problems_of(lambda: from_json(b'{"name":{"fr":"\xed\xa0\x80"}}', Territory))
    assert found == {("$", "json")}


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: from_json('{"code":"YT","\\udc80x":1}', Territory), id="from_json"),
        pytest.param(lambda: from_dict({"code": "YT", "\udc80x": 1}, Territory), id="from_dict"),
        pytest.param(
            lambda: schemas.validate({"code": "YT", "\udc80x": 1}, "territory"), id="schema"
        ),
    ],
)
def test_a_lone_surrogate_in_a_key_gives_a_printable_error(call: Callable[[], object]) -> None:
    found = problems_of(call)  # str(error) encodes to UTF-8
    assert ("$['\\udc80x']", "unicode") in found


def test_validate_and_show_refuse_a_surrogate_title_without_crashing(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "programme.json"
    text = examples.text(EXAMPLE).replace('"fr": "GSEF 2021', '"fr": "\\ud800GSEF 2021', 1)
    path.write_text(text, encoding="utf-8")
    status, output = run_cli(["validate", str(path)], capsysbinary)
    assert (status, b"[unicode]" in output) == (1, True)
    status, output = run_cli(["show", str(path), "--tz", "UTC"], capsysbinary)
    assert status == 1
    assert b"unicode" in output
    output.decode("utf-8")


# 5. Non-JSON Python values given to schemas.validate ------------------


class Str(str):
    """A str subclass, as pandas, numpy or an ORM may hand over."""


class Int(int):
    """An int subclass (an IntEnum member, a numpy-like integer)."""


_ORGANISATION = {"id": "o", "name": {"fr": "Org"}, "kind": "network"}


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {1: "x"}, ("$", "type")),
        ("territory", {"code": {"YT"}}, ("$.code", "type")),
        ("territory", {"code": b"YT"}, ("$.code", "type")),
        ("territory", {"code": Str("YT")}, ("$.code", "type")),
        ("territory", {"code": datetime(2021, 10, 8, tzinfo=UTC)}, ("$.code", "type")),
        ("territory", {"code": float("nan")}, ("$.code", "type")),
        ("territory", OrderedDict(code="YT"), ("$", "type")),
        ("territory", {"name": {"fr": "r"}, "members": ({"code": "YT"},)}, ("$.members", "type")),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": Int(3)}]},
            ("$.figures[0].count", "type"),
        ),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": float("inf")}]},
            ("$.figures[0].count", "type"),
        ),
    ],
    ids=[
        "int-key",
        "set",
        "bytes",
        "str-subclass",
        "datetime",
        "nan",
        "dict-subclass",
        "tuple",
        "int-subclass",
        "infinity",
    ],
)
def test_schema_refuses_non_json_python_values_with_type(
    name: str, data: Any, expected: tuple[str, str]
) -> None:
    assert expected in problems_of(lambda: schemas.validate(data, name))
    model = essprogramme.Organisation if name == "organisation" else Territory
    assert expected in problems_of(lambda: from_dict(data, model))


# 6. Mixed key types ----------------------------------------------------


def test_from_dict_reports_a_non_string_key_and_an_unknown_key() -> None:
    found = problems_of(lambda: from_dict({"code": "YT", 1: "x", "a": "y"}, Territory))
    assert {("$", "type"), ("$.a", "unknown_key")} <= found


def test_the_non_string_key_message_names_the_key() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict({"code": "YT", 1: "x"}, Territory)
    (problem,) = [p for p in caught.value.problems if p.code == "type"]
    assert problem.path == "$"
    assert "keys must be strings" in problem.message


# 7. Trailing newlines through patterns --------------------------------


def _speaker(**fields: Any) -> dict[str, Any]:
    return {"id": "kevin", "name": "Kevin", **fields}


def _initiative(**fields: Any) -> dict[str, Any]:
    return {"id": "hub", "name": {"fr": "Pôle"}, "kind": "cluster", **fields}


def _programme(**fields: Any) -> dict[str, Any]:
    return {**document(), **fields}


def _session_start(value: str) -> dict[str, Any]:
    programme = document()
    programme["sessions"][0]["start"] = value
    return programme


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {"code": "YT\n"}, ("$.code", "territory_code")),
        ("speaker", _speaker(id="kevin\n"), ("$.id", "id")),
        ("speaker", _speaker(country="TG\n"), ("$.country", "country_code")),
        ("speaker", _speaker(time_zone="Africa/Lome\n"), ("$.time_zone", "time_zone")),
        ("speaker", _speaker(photo="https://ojedd.org/k.jpg\n"), ("$.photo", "url")),
        ("programme", _programme(languages=["fr\n"]), ("$.languages[0]", "language_tag")),
        ("programme", _programme(start_date="2021-10-08\n"), ("$.start_date", "date")),
        ("programme", _session_start("2021-10-08T11:00:00Z\n"), ("$.sessions[0].start", "instant")),
        ("initiative", _initiative(start="2020\n"), ("$.start", "partial_date")),
    ],
    ids=["code", "id", "country", "zone", "url", "language", "date", "instant", "partial-date"],
)
def test_a_trailing_newline_is_refused_by_model_and_schema(
    name: str, data: dict[str, Any], expected: tuple[str, str]
) -> None:
    model = {"territory": Territory, "speaker": Speaker, "initiative": Initiative}.get(
        name, Programme
    )
    text = json.dumps(data)
    assert expected in problems_of(lambda: from_json(text, model))
    assert expected in problems_of(lambda: schemas.validate(json.loads(text), name))


def test_a_trailing_newline_in_a_language_key_is_refused() -> None:
    found = problems_of(lambda: from_json('{"name":{"fr\\n":"x"}}', Territory))
    assert {code for _, code in found} == {"language_tag"}
    schema_found = problems_of(lambda: schemas.validate({"name": {"fr\n": "x"}}, "territory"))
    assert schema_found == found


def test_a_trailing_newline_in_an_id_inside_a_programme_is_refused_by_the_schema() -> None:
    # Inside a programme the schema's errors are gathered item by item: the
    # pattern must be matched whole on that path too (found by bench/fuzz.py).
    programme = document()
    programme["organisations"][5]["id"] += "\n"
    expected = ("$.organisations[5].id", "id")
    assert expected in problems_of(lambda: schemas.validate(programme))
    assert expected in problems_of(lambda: from_dict(programme, Programme))


# 8. Instants every zone cannot display --------------------------------


def test_a_session_on_0001_01_01_is_out_of_range() -> None:
    text = json.dumps(_session_start("0001-01-01T00:00:00Z"))
    assert problems_of(lambda: from_json(text)) == {("$.sessions[0].start", "instant_range")}


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("0001-01-02T00:00:00Z", "0001-01-02T01:00:00Z"),
        ("9999-12-30T22:00:00Z", "9999-12-30T23:59:59.999999Z"),
    ],
    ids=["earliest", "latest"],
)
def test_the_bounds_of_the_instant_range_are_accepted(start: str, end: str) -> None:
    session = document()["sessions"][0]
    session.update(start=start, end=end)
    decoded = from_json(json.dumps(session), Session)
    assert from_json(to_json(decoded), Session) == decoded


def test_show_in_tokyo_refuses_a_session_at_the_end_of_9999(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    programme = document()
    programme["sessions"][0].update(start="9999-12-31T23:00:00Z", end="9999-12-31T23:30:00Z")
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(programme), encoding="utf-8")
    status, output = run_cli(["show", str(path), "--tz", "Asia/Tokyo"], capsysbinary)
    assert status == 1
    assert b"Traceback" not in output
    assert b"instant_range" in output
    status, output = run_cli(["validate", str(path)], capsysbinary)
    assert status == 1
    assert b"$.sessions[0].start" in output
    assert b"[instant_range]" in output


# 9. Control characters on the terminal --------------------------------

_NASTY = "\x1b[2J\x1b]0;pwned\x07\x9b31m\x7f\x00\r"


def _controlled_programme() -> dict[str, Any]:
    programme = document()
    programme["title"] = {"fr": f"GSEF{_NASTY}2021"}
    programme["sessions"][0]["title"] = {"fr": f"Atelier{_NASTY}"}
    programme["speakers"][0]["name"] = f"Kevin{_NASTY}Ossah"
    return programme


@pytest.mark.parametrize(
    "argv",
    [["show", "--tz", "UTC"], ["validate"], ["validate", "--schema-only"]],
    ids=["show", "validate", "schema-only"],
)
@pytest.mark.parametrize("where", ["texts", "unknown-key", "bad-value"])
def test_output_holds_no_raw_control_characters(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], argv: list[str], where: str
) -> None:
    if where == "texts":
        programme = _controlled_programme()
    elif where == "unknown-key":
        programme = {**document(), f"evil{_NASTY}": 1}
    else:
        programme = {**document(), "time_zone": f"Europe/Paris{_NASTY}"}
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(programme), encoding="utf-8")
    argv = [*argv[:1], str(path), *argv[1:]]
    status, output = run_cli(argv, capsysbinary)
    assert status in (0, 1)
    if where != "texts":
        assert status == 1
    assert_no_raw_control(output)


# 10. A 50 MB URL ---------------------------------------------------------


def test_a_50_mb_url_is_refused_quickly_with_url(tmp_path: Path) -> None:
    path = tmp_path / "programme.json"
    programme = _programme(url="https://www.gsef-net.org/" + "a" * 50_000_000)
    path.write_text(json.dumps(programme), encoding="utf-8")
    result = run_child(
        _CHILD_PRELUDE
        + f"""
import resource
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # 3 GiB: fail, do not swap
from essprogramme.cli import main
text = open({str(path)!r}, "rb").read()
for call in (
    lambda: report(lambda: from_json(text)),
    lambda: report(lambda: schemas.validate(json.loads(text))),
    lambda: print("STATUS", main(["validate", "--schema-only", {str(path)!r}])),
    lambda: print("STATUS", main(["validate", {str(path)!r}])),
):
    started = time.perf_counter()
    call()
    print("ELAPSED", time.perf_counter() - started)
""",
        timeout=120,
    )
    assert result.returncode == 0, f"child died ({result.returncode}): {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    reports = [json.loads(line) for line in lines if line.startswith("[")]
    assert [{(p, c) for p, c in found} for found in reports] == [{("$.url", "url")}] * 2
    assert [line for line in lines if line.startswith("STATUS")] == ["STATUS 1"] * 2
    assert sum(line.endswith("[url]") for line in lines) == 2
    assert max(len(line) for line in lines) < 10_000  # the value is not echoed whole
    elapsed = [float(line.split()[1]) for line in lines if line.startswith("ELAPSED")]
    assert len(elapsed) == 4
    assert max(elapsed) < 6, f"seconds per entry point: {elapsed}"


# 11. Duplicates the schema refuses -------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lead", "cress-mayotte"),
        ("partners", "eser"),
        ("related", "cluster-ess-ocean-indien"),
        ("themes", "local_development"),
        ("sdgs", 8),
    ],
)
def test_duplicates_in_an_initiative_are_refused_by_model_and_schema(
    field: str, value: Any
) -> None:
    programme = document()
    programme["initiatives"][0][field] = [value, value]
    expected = {(f"$.initiatives[0].{field}[1]", "duplicate")}
    assert problems_of(lambda: from_dict(programme, Programme)) == expected
    assert problems_of(lambda: schemas.validate(programme)) == expected


def test_duplicate_session_tags_are_refused_not_merged() -> None:
    programme = document()
    programme["sessions"][0]["tags"] = ["ess", "ess"]
    expected = {("$.sessions[0].tags[1]", "duplicate")}
    assert problems_of(lambda: from_dict(programme, Programme)) == expected
    assert problems_of(lambda: schemas.validate(programme)) == expected


# 12. Every problem, not only the first ---------------------------------


def test_a_bad_code_and_a_duplicate_language_are_both_reported() -> None:
    data = {"code": "yt", "name": {"fr": "a", "FR": "b"}}
    found = problems_of(lambda: from_dict(data, Territory))
    assert {("$.code", "territory_code"), ("$.name.FR", "duplicate_language")} <= found


def test_a_bad_id_and_a_missing_name_are_both_reported() -> None:
    data = {"id": "not an id!"}
    expected = {("$.id", "id"), ("$", "required")}  # a name or an office
    assert problems_of(lambda: from_dict(data, Speaker)) == expected
    assert problems_of(lambda: schemas.validate(data, "speaker")) == expected


# 13. Duplicate keys in JSON text ---------------------------------------


def test_duplicate_json_keys_are_refused_not_dropped() -> None:
    found = problems_of(lambda: from_json('{"name":{"fr":"a","fr":"b"}}', Territory))
    assert found == {("$.name.fr", "duplicate_key")}


@pytest.mark.parametrize("mode", [[], ["--schema-only"]], ids=["model", "schema"])
def test_the_cli_refuses_duplicate_keys(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], mode: list[str]
) -> None:
    path = tmp_path / "programme.json"
    text = examples.text(EXAMPLE).replace(
        '"time_zone": "UTC",', '"time_zone": "UTC", "time_zone": "UTC",', 1
    )
    assert text.count('"time_zone": "UTC"') >= 2
    path.write_text(text, encoding="utf-8")
    status, output = run_cli(["validate", *mode, str(path)], capsysbinary)
    assert status == 1
    assert b"$.time_zone: " in output
    assert b"[duplicate_key]" in output


# 14. A valid territory nested 400 deep ---------------------------------


def test_a_valid_territory_400_deep_is_refused_with_depth_by_model_and_schema() -> None:
    territory = nested_territory(400)
    expected = {(DEPTH_PATH, "depth")}
    assert problems_of(lambda: from_dict(territory, Territory)) == expected
    assert problems_of(lambda: schemas.validate(territory, "territory")) == expected
    text = nested_territory_text(400)
    assert problems_of(lambda: from_json(text, Territory)) == expected


def test_nesting_up_to_the_limit_is_accepted_by_model_and_schema() -> None:
    # 31 regions: the innermost territory is at depth 63, its name at 64.
    territory = nested_territory(MAX_DEPTH // 2 - 1)
    assert from_dict(territory, Territory).members
    schemas.validate(territory, "territory")


# 15. Time zones that depend on the machine -----------------------------


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "right/UTC", "posix/Europe/Paris"])
def test_host_only_zone_files_are_refused(
    zone: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = _speaker(time_zone=zone)
    assert problems_of(lambda: from_dict(data, Speaker)) == {("$.time_zone", "time_zone")}
    assert problems_of(lambda: Speaker(id="kevin", name="Kevin", time_zone=zone)) == {
        ("$.time_zone", "time_zone")
    }
    status, _ = run_cli(["show", "--tz", zone], capsysbinary)
    assert status == 2


# 16. datetime subclasses and broken tzinfo -----------------------------


class Moment(datetime):
    """A datetime subclass, as pendulum, freezegun or pandas hand over."""


class RaisingZone(tzinfo):
    """A tzinfo whose utcoffset() raises."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        raise RuntimeError("no offset today")

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "RAISING"


class FarZone(tzinfo):
    """A tzinfo 25 hours ahead of UTC, which datetime itself refuses."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=25)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "FAR"


@pytest.mark.parametrize("zone", [UTC, ZoneInfo("Indian/Mayotte")], ids=["utc", "mayotte"])
def test_a_datetime_subclass_is_stored_as_a_plain_utc_datetime(zone: tzinfo) -> None:
    start = Moment(2021, 10, 8, 14, tzinfo=zone)
    end = Moment(2021, 10, 8, 15, 30, tzinfo=zone)
    interval = Interval(start=start, end=end)
    assert type(interval.start) is datetime
    assert type(interval.end) is datetime
    assert interval.start.tzinfo is UTC
    assert interval.start == start
    plain = Interval(
        start=datetime.fromisoformat(start.isoformat()), end=datetime.fromisoformat(end.isoformat())
    )
    assert to_json(interval) == to_json(plain)
    session = attrs.evolve(from_json(examples.text(EXAMPLE)).sessions[0], start=start, end=end)
    assert type(session.start) is datetime
    assert from_json(to_json(session), Session) == session


@pytest.mark.parametrize("zone", [RaisingZone(), FarZone()], ids=["raises", "25h"])
def test_a_broken_tzinfo_is_refused_with_instant(zone: tzinfo) -> None:
    good = datetime(2021, 10, 8, 11, tzinfo=UTC)
    bad = datetime(2021, 10, 8, 12, tzinfo=zone)
    assert problems_of(lambda: Interval(start=good, end=bad)) == {("$.end", "instant")}
    assert problems_of(lambda: Interval(start=bad, end=good)) == {("$.start", "instant")}


# 17. The year 0 ---------------------------------------------------------


def test_year_zero_is_out_of_range_not_a_bad_instant() -> None:
    text = json.dumps(_session_start("0000-01-01T00:00:00Z"))
    assert problems_of(lambda: from_json(text)) == {("$.sessions[0].start", "instant_range")}


# 18. A str subclass whatever happens elsewhere -------------------------


@pytest.mark.parametrize(
    "data",
    [{"code": Str("YT")}, {"code": Str("YT"), "name": 3}],
    ids=["alone", "with-another-problem"],
)
def test_a_str_subclass_is_refused_with_type_in_every_case(data: dict[str, Any]) -> None:
    assert ("$.code", "type") in problems_of(lambda: from_dict(data, Territory))
    assert ("$.code", "type") in problems_of(lambda: schemas.validate(data, "territory"))


# 19. The same paths in model and schema, spelled unambiguously ---------


def test_an_empty_territory_is_required_at_its_own_path() -> None:
    assert problems_of(lambda: from_dict({}, Territory)) == {("$", "required")}
    assert problems_of(lambda: schemas.validate({}, "territory")) == {("$", "required")}


def test_a_territory_with_a_misspelt_key_reports_both_problems() -> None:
    data = {"nom": {"fr": "Mayotte"}}  # a French "name"
    expected = {("$", "required"), ("$.nom", "unknown_key")}
    assert problems_of(lambda: from_dict(data, Territory)) == expected
    assert problems_of(lambda: schemas.validate(data, "territory")) == expected


def test_a_nested_empty_territory_is_required_at_its_own_path() -> None:
    data = {"name": {"fr": "r"}, "members": [{"code": "YT"}, {}]}
    expected = {("$.members[1]", "required")}
    assert problems_of(lambda: from_dict(data, Territory)) == expected
    assert problems_of(lambda: schemas.validate(data, "territory")) == expected


def test_a_duplicate_location_is_located_at_the_later_item() -> None:
    programme = document()
    programme["locations"] = [{"id": "salle-1", "name": {"fr": "Salle 1"}, "kind": "room"}]
    programme["sessions"][0]["locations"] = ["salle-1", "salle-1"]
    expected = {("$.sessions[0].locations[1]", "duplicate")}
    assert problems_of(lambda: from_dict(programme, Programme)) == expected
    assert problems_of(lambda: schemas.validate(programme)) == expected


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("a.b", "$['a.b']"),
        ("1", "$['1']"),
        ("a[0]", "$['a[0]']"),
        ("it's", "$['it\\'s']"),
        ("back\\slash", "$['back\\\\slash']"),
        ("tab\there", "$['tab\\x09here']"),
        ("snake_case", "$.snake_case"),
    ],
)
def test_unknown_keys_are_spelled_unambiguously(key: str, path: str) -> None:
    data = {"code": "YT", key: 1}
    expected = {(path, "unknown_key")}
    assert problems_of(lambda: from_dict(data, Territory)) == expected
    assert problems_of(lambda: from_json(json.dumps(data), Territory)) == expected
    assert problems_of(lambda: schemas.validate(data, "territory")) == expected


def test_a_language_tag_with_a_dash_is_bracketed() -> None:
    data = {"name": {"fr-CA": " "}}
    expected = {("$.name['fr-CA']", "empty")}
    assert problems_of(lambda: from_dict(data, Territory)) == expected
    assert problems_of(lambda: schemas.validate({"name": {"fr-CA": ""}}, "territory")) == {
        ("$.name['fr-CA']", "empty")
    }


def test_json_path_escapes_keys_as_jsonschema_does() -> None:
    assert json_path(("title", "fr-CA")) == "$.title['fr-CA']"
    assert json_path(("a.b",)) == "$['a.b']"
    assert json_path(("sessions", 2, "end")) == "$.sessions[2].end"
    assert json_path(("2",)) == "$['2']"
    assert json_path(()) == "$"


def test_schema_problems_are_sorted_by_path_steps() -> None:
    programme = document()
    sessions = [copy.deepcopy(programme["sessions"][0]) for _ in range(11)]
    for index, session in enumerate(sessions):
        session["id"] = f"s{index}"
    sessions[2]["format"] = "atelier"
    sessions[10]["format"] = "atelier"
    programme["sessions"] = sessions
    with pytest.raises(ValidationError) as caught:
        schemas.validate(programme)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["$.sessions[2].format", "$.sessions[10].format"]


# 20. NaN, Infinity and huge integers with --schema-only ----------------


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "9" * 5000])
@pytest.mark.parametrize("mode", [[], ["--schema-only"]], ids=["model", "schema"])
def test_non_json_numbers_are_json_problems_in_both_modes(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], literal: str, mode: list[str]
) -> None:
    path = tmp_path / "programme.json"
    text = examples.text(EXAMPLE).replace('"time_zone": "UTC"', f'"time_zone": {literal}', 1)
    path.write_text(text, encoding="utf-8")
    status, output = run_cli(["validate", *mode, str(path)], capsysbinary)
    assert status == 1
    lines = [line for line in output.decode().splitlines() if line.startswith("  ")]
    assert len(lines) == 1, lines
    assert lines[0].startswith("  $: ")
    assert lines[0].endswith("[json]")


# 21. Every reference checked alone -------------------------------------

_MISSING = "nowhere-to-be-found"


@pytest.fixture(scope="module")
def every_reference() -> dict[str, Any]:
    """The example, grown until every reference of the model holds a value somewhere."""
    programme = document()
    programme["locations"] = [
        {"id": "palais", "name": {"fr": "Palais"}, "kind": "venue"},
        {"id": "salle-1", "name": {"fr": "Salle 1"}, "kind": "room", "parent": "palais"},
    ]
    programme["tracks"] = [{"id": "partenariats", "name": {"fr": "Partenariats"}}]
    first = programme["sessions"][0]
    first.update(locations=["salle-1"], track="partenariats")
    first["participants"].append(
        {"role": "host", "organisation": programme["organisations"][0]["id"]}
    )
    part = {
        "id": "partie-2",
        "title": {"fr": "Deuxième partie"},
        "format": "workshop",
        "start": first["end"],
        "parent": first["id"],
    }
    programme["sessions"].append(part)
    from_dict(programme, Programme)  # the starting point is valid
    return programme


def _first_location(programme: Programme, reference: Reference) -> tuple[str | int, ...]:
    for location, _ in reference.located(programme):
        return location
    raise AssertionError(f"the fixture holds no value for {reference}")  # pragma: no cover


@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_one_dangling_reference_is_refused_through_from_dict(
    reference: Reference, every_reference: dict[str, Any]
) -> None:
    location = _first_location(from_dict(every_reference, Programme), reference)
    programme = copy.deepcopy(every_reference)
    _set_in_data(programme, location, _MISSING)
    expected = {(json_path(location), "unknown_reference")}
    assert problems_of(lambda: from_dict(programme, Programme)) == expected
    assert problems_of(lambda: from_json(json.dumps(programme))) == expected


@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_one_dangling_reference_is_refused_through_evolve(
    reference: Reference, every_reference: dict[str, Any]
) -> None:
    programme = from_dict(every_reference, Programme)
    location = _first_location(programme, reference)
    expected = {(json_path(location), "unknown_reference")}
    assert problems_of(lambda: _evolve_at(programme, location, _MISSING)) == expected


def test_every_id_field_that_names_another_item_is_a_reference() -> None:
    # An id-shaped field either names an item (a reference, checked by the
    # programme) or is a slug of its own: the slugs are listed here.
    slugs = {("Figure", "measure"), ("Figure", "part_of"), ("Session", "series")}
    found = {
        (cls.__name__, field.name)
        for cls in _model_classes()
        for field in attrs.fields(cls)
        if field.name != "id" and field.metadata.get("format") == "id"
    }
    declared = {
        (cls.__name__, field.name)
        for cls in _model_classes()
        for field in attrs.fields(cls)
        if "references" in field.metadata
    }
    assert found - slugs == declared


def _model_classes() -> set[type]:
    """Every attrs class reachable from Programme's fields."""
    seen: set[type] = set()
    todo: list[Any] = [Programme]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and attrs.has(t) and t not in seen:
            seen.add(t)
            todo.extend(f.type for f in attrs.fields(t))
        else:
            todo.extend(getattr(t, "__args__", ()))
    return seen


def _set_in_data(data: Any, location: tuple[str | int, ...], value: Any) -> None:
    for step in location[:-1]:
        data = data[step]
    data[location[-1]] = value


def _evolve_at(obj: Any, location: tuple[str | int, ...], value: Any) -> Any:
    """``obj`` with the value at ``location`` replaced, rebuilt through the constructors."""
    if not location:
        return value
    step, rest = location[0], location[1:]
    if isinstance(step, int):
        items = list(obj)
        items[step] = _evolve_at(items[step], rest, value)
        return tuple(items)
    return attrs.evolve(obj, **{step: _evolve_at(getattr(obj, step), rest, value)})


def test_the_example_loads_with_every_reference_resolved() -> None:
    programme = examples.load(EXAMPLE)
    assert from_json(to_json(programme)) == programme


# Found by bench/fuzz.py: escapes beyond the table ---------------------


def _initiative_doc(**fields: Any) -> dict[str, Any]:
    return {"id": "hub", "name": {"fr": "Pôle"}, "kind": "cluster", **fields}


@pytest.mark.parametrize("field", ["lead", "partners", "related"])
@pytest.mark.parametrize("item", [{}, [], {"fr": "x"}], ids=["object", "array", "text"])
def test_an_unhashable_item_in_a_distinct_array_is_a_type_problem(field: str, item: Any) -> None:
    data = _initiative_doc(**{field: ["cress-mayotte", item]})
    expected = (f"$.{field}[1]", "type")
    assert expected in problems_of(lambda: from_dict(data, Initiative))
    assert expected in problems_of(lambda: from_json(json.dumps(data), Initiative))
    assert expected in problems_of(lambda: schemas.validate(data, "initiative"))


def test_non_string_languages_are_type_problems() -> None:
    programme = _programme(languages=[{}, {}])
    expected = {("$.languages[0]", "type"), ("$.languages[1]", "type")}
    assert expected <= problems_of(lambda: from_json(json.dumps(programme)))
    assert expected <= problems_of(lambda: schemas.validate(programme))
    example = examples.load(EXAMPLE)
    when = datetime(2021, 10, 8, tzinfo=UTC)
    found = problems_of(lambda: attrs.evolve(example, languages=("fr", when)))
    assert ("$.languages[1]", "type") in found


def test_a_deep_value_in_a_message_does_not_overflow_the_stack() -> None:
    data = _initiative_doc(kind=nested_territory(1000))
    found = problems_of(lambda: from_dict(data, Initiative))
    assert {path for path, _ in found} <= {"$.kind"} | {p for p, c in found if c == "depth"}
    assert found


def test_a_huge_integer_is_refused_by_the_schema_without_a_value_error() -> None:
    data = _initiative_doc(status=10**5000)
    found = problems_of(lambda: schemas.validate(data, "initiative"))
    assert "$.status" in {path for path, _ in found}
    assert ("$.status", "enum") in problems_of(lambda: from_dict(data, Initiative))


@pytest.mark.parametrize("levels", [20, 28, 29, 30, 31, 32, 40, 200])
def test_a_deep_region_built_in_python_is_refused_or_round_trips(levels: int) -> None:
    """What a constructor accepts, from_json must read back: no object JSON cannot carry.

    Checked at each layer (territory, initiative, programme): an object may be
    fine alone and too deep once inside another (found by bench/fuzz.py).
    """
    example = examples.load(EXAMPLE)
    region = Territory.iso("YT")
    layers: list[Callable[[Any], Any]] = [
        lambda r: r,
        lambda r: attrs.evolve(example.initiatives[0], territories=(r,)),
        lambda r: attrs.evolve(
            example,
            initiatives=(
                attrs.evolve(example.initiatives[0], territories=(r,)),
                *example.initiatives[1:],
            ),
        ),
    ]
    try:
        for _ in range(levels):
            region = Territory.region(LocalizedText({"fr": "r"}), [region])
    except ValidationError as error:
        assert error.codes == {"depth"}
        return
    for layer in layers:
        try:
            built = layer(region)
        except ValidationError as error:
            assert error.codes == {"depth"}
            return
        assert from_json(to_json(built), type(built)) == built
