"""A mutation campaign over every entry point: does any input escape the promise?

The promise: any input to any entry point ends in a result or an
``essprogramme.ValidationError`` (every problem with a ``str`` path and code,
``str(error)`` encodable) — never another exception, a crash, a hang, unbounded
memory, raw control characters on a terminal, or a result that cannot be
written back (``to_json``) and read again equal.

Run::

    python bench/fuzz.py                          # 100,000 inputs, seed 0, 2 workers
    python bench/fuzz.py --inputs 20000 --seed 7  # a shorter campaign
    python bench/fuzz.py --seed 7 --replay 1234   # rerun one input here, with its traceback

Inputs are mutations of the shipped example (the whole programme, or one of its
sessions, speakers, initiatives, organisations or territories): keys dropped,
duplicated and invented, values of the wrong type, deep nesting, huge strings,
control characters, lone surrogates, duplicate keys in the JSON text, number
edge cases, non-string keys, sets, tuples, bytes and subclasses in Python
data, trailing newlines in patterned strings, random bytes. Input ``i`` of seed
``s`` is generated from ``random.Random(f"{s}:{i}")`` alone, so any escape is
reproduced with ``--replay i``.

Entry points: ``from_json`` on bytes and on str, ``from_dict``,
``schemas.validate``, the model constructors through ``attrs.evolve`` (and
``LocalizedText``, ``PartialDate.parse``), and the command line ``validate``,
``validate --schema-only`` and ``show``, run in-process with their output
captured as a UTF-8 terminal would take it.

Each input runs in a worker process watched by this one: a worker that dies
(a segfault) or spends more than ``--timeout`` seconds on one input is
recorded as an escape and replaced. Workers cap their address space
(``--memory-mb``) so that unbounded memory shows as ``MemoryError``.

For every JSON document given to ``from_json`` (bytes), the model's verdict is
compared with ``schemas.validate`` on the same parsed data: they must agree,
except for the rules only the model checks (docs/schemas.md), and report the
same problem paths. Disagreements are listed separately.

The exit status is 1 when any input escaped, else 0. This is a campaign, not
a unit test: it is not part of the README's test run.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import math
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import reprlib
import resource
import sys
import tempfile
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

import attrs

import essprogramme
from essprogramme import (
    Initiative,
    LocalizedText,
    Organisation,
    PartialDate,
    Programme,
    Session,
    Speaker,
    Territory,
    ValidationError,
    from_dict,
    from_json,
    schemas,
    to_json,
)
from essprogramme.cli import main as cli_main
from essprogramme.errors import json_path

EXAMPLE = "gsef2021-partenariats"

# Entry points and how often each is drawn (the schema and the CLI are slower).
ENTRIES: dict[str, int] = {
    "from_json:bytes": 3,
    "from_json:str": 1,
    "from_dict": 2,
    "schemas.validate": 2,
    "constructor": 2,
    "cli:validate": 1,
    "cli:validate --schema-only": 1,
    "cli:show": 1,
}

# What an input is built from: model class, schema name, weight.
KINDS: dict[str, tuple[type, str, int]] = {
    "programme": (Programme, "programme", 4),
    "session": (Session, "session", 2),
    "speaker": (Speaker, "speaker", 1),
    "initiative": (Initiative, "initiative", 2),
    "organisation": (Organisation, "organisation", 1),
    "territory": (Territory, "territory", 2),
}

# Rules the schema cannot express (docs/schemas.md): a model refusal with these
# codes is not a disagreement.
MODEL_ONLY_CODES = frozenset(
    {
        "instant_range",
        "end_before_start",
        "unknown_reference",
        "duplicate_id",
        "self_reference",
        "overlapping_availability",
        "duplicate_language",
    }
)
# Codes the schema checks in part (shape, not calendar or existence...): a model
# refusal with these is not a disagreement where the value passes the schema's
# part of the rule (see _model_only).
PARTLY_MODEL_CODES = frozenset({"partial_date", "time_zone", "empty", "type", "duplicate"})

# Codes decided by issue 7 on top of those listed in docs/json.md.
NEW_CODES = frozenset({"depth", "unicode", "duplicate_key"})

_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ZONE_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
_PARTIAL_SHAPE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


class SafeRepr(reprlib.Repr):
    """reprlib, also for integers too long for ``repr`` (over 4,300 digits)."""

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 4000:
            return f"<int of {x.bit_length()} bits>"
        return super().repr_int(x, level)


_short = SafeRepr()
_short.maxstring = 120
_short.maxother = 120
_short.maxlevel = 5
_short.maxlist = 6
_short.maxdict = 8
_short.maxtuple = 6
_short.maxset = 6


def short(value: Any) -> str:
    """A bounded repr, safe on huge and deeply nested values."""
    try:
        return _short.repr(value)
    except Exception as error:  # noqa: BLE001 - a repr must never stop the campaign
        return f"<unrepresentable {type(value).__name__}: {error!r}>"


# Odd Python values ---------------------------------------------------------


class Str(str):
    """A str subclass, as pandas, numpy or an ORM hand over."""


class Int(int):
    """An int subclass."""


class ListOf(list[Any]):
    """A list subclass."""


class Moment(datetime):
    """A datetime subclass, as pendulum or freezegun hand over."""


class RaisingZone(tzinfo):
    """A tzinfo whose utcoffset() raises."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        raise RuntimeError("no offset today")

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "RAISING"


class FarZone(tzinfo):
    """A tzinfo 25 hours ahead, which datetime refuses when asked."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=25)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "FAR"


class NoOffsetZone(tzinfo):
    """A tzinfo without an offset: the datetime is naive in disguise."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return "NONE"


# Pools of values ------------------------------------------------------------

# fmt: off
NASTY_CHARS = [
    "\x00", "\x07", "\x08", "\t", "\n", "\r", "\x1b", "\x1b[2J", "\x1b]0;pwned\x07", "\x1b[31m",
    "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\ufeff", "\ufffe", "\U0010ffff", "\U0001f600",
    "é", "'", '"', "\\", "$", ".", "[0]",
]
# fmt: on
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\udc80", "\ud83d"]

# fmt: off
STRINGS = [
    "", " ", "\t", "\n", "x", "é", "YT", "yt", "FR-NAQ", "FR-976", "FR-", "fr", "FR", "fr-CA",
    "fr-ca", "en", "es-419", "zh-Hant-TW", "x-private", "i-klingon", "french", "fr--CA",
    "Europe/Paris", "UTC", "localtime", "posixrules", "right/UTC", "posix/Europe/Paris",
    "Etc/GMT+14", "Etc/GMT-14", "America/Adak", "Pacific/Kiritimati", "Europe/Paris/",
    "../../etc/passwd", "/etc/localtime", "Factory", "https://www.gsef-net.org/", "http://a",
    "https://a b", "https://é.org", "https://", "javascript:alert(1)", "ftp://x.org",
    "https://x.org/%zz", "https://[::1]/", "https://x.org/#frag#frag", "2021-10-08T11:00:00Z",
    "2021-10-08T11:00:00", "2021-10-08t11:00:00z", "2021-10-08 11:00:00Z",
    "2021-10-08T11:00:00+23:59", "2021-10-08T11:00:00+24:00", "2021-10-08T11:00:00-00:00",
    "2021-10-08T11:00:00.1234567Z", "2021-10-08T11:00Z", "2021-10-08T24:00:00Z",
    "2021-10-08T23:59:60Z", "2021-02-29T00:00:00Z", "2020-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "0001-01-02T00:00:00Z",
    "9999-12-30T23:59:59.999999Z", "9999-12-31T23:00:00Z", "9999-12-31T23:59:59-01:00",
    "+2021-10-08T11:00:00Z", "2021-10-08", "2021-02-30", "2021-13-01", "0000-01-01", "10000-01-01",
    "2020", "2020-04", "2020-4", "2021-02-29", "2020-02-29", "0000", "9999-12-31", "kevin-ossah",
    "gsef", "cress-mayotte", "cluster-ess-mag", "partenariats-innovants-ecosystemes-ess",
    "nowhere", "a" * 100, "a" * 101, "-a", "a b", "workshop", "webinar", "network", "cluster",
    "active", "local_development", "room", "online", "hybrid", "WORKSHOP", "participants",
]
# fmt: on

# fmt: off
NUMBERS: list[Any] = [
    0, 1, -1, 17, 18, 2**31, 2**53 - 1, 2**53, 2**63, 2**64, -(2**63) - 1, 10**30, -0.0, 0.0, 1.5,
    59.0, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan, True, False,
]
# fmt: on
# Number tokens only JSON text can carry, or that text carries differently.
# fmt: off
NUMBER_TOKENS = [
    "1e400", "-1e400", "-0", "-0.0", "1E2", "0.0e0", "1.0", "59.00", "NaN", "Infinity",
    "-Infinity", "1" + "0" * 30, "1" + "0" * 5000, "00", "+1", ".5", "1.", "0x10", "1_000",
    "1e-400",
]
# fmt: on
# fmt: off
CONTAINERS: list[Any] = [
    [], {}, [None], [""], ["x", "x"], {"fr": "x"}, {"fr": ""}, {"fr": " "}, {"": "x"},
    {"fr": "a", "FR": "b"}, {"fr": None}, {"code": "YT"}, [{"code": "YT"}], [[]], [{}],
    {"a": {"b": {}}}, {"start": "2021-10-08T11:00:00Z", "end": "2021-10-08T10:00:00Z"},
    {"measure": "participants", "count": 59},
]
# fmt: on


def python_only_values() -> list[Any]:
    """Values plain JSON data never holds: from_dict and schemas.validate must refuse them."""
    # fmt: off
    return [
        {"a"}, frozenset({"fr"}), ("a",), (), b"x", bytearray(b"x"), Str("x"), Str("YT"),
        Str("fr"), Int(1), Int(59), ListOf(["x"]), OrderedDict(fr="x"),
        MappingProxyType({"fr": "x"}), datetime(2021, 10, 8, 11, tzinfo=UTC),
        datetime(2021, 10, 8, 11), date(2021, 10, 8), Decimal("1.5"), Decimal("NaN"), 1 + 2j,
        object(), range(2), iter([]), essprogramme.Theme.FINANCE,
        essprogramme.SessionFormat.WORKSHOP, essprogramme.Territory.iso("YT"),
        LocalizedText({"fr": "x"}), {1: "x"}, {None: "x"}, {(1, 2): "x"}, {True: "x"}, {1.5: "x"},
        {frozenset(): 1}, {Str("fr"): "x"}, 10**5000, Moment(2021, 10, 8, tzinfo=UTC),
        float("nan"), print,
    ]
    # fmt: on


def constructor_values(rng: random.Random) -> list[Any]:
    """Values a Python caller may hand to a constructor, good and bad."""
    paris = ZoneInfo("Europe/Paris")
    # fmt: off
    return [
        None, "", " ", "x", "x\n", "\ud800", "a\x1b[2Jb", Str("x"), Str("kevin-ossah"), Int(1), 1,
        -1, 0, 2**64, True, 1.5, math.nan, math.inf, b"x", ["a"], ["a", "a"], ("a",), ("a", "a"),
        ["fr", "FR"], {"a"}, frozenset({"a", "b"}), frozenset({1, 17}), frozenset({0}), {},
        {"fr": "x"}, LocalizedText({"fr": "x"}), LocalizedText({"fr": "x", "en": "y"}),
        MappingProxyType({"fr": "x"}), date(2021, 1, 1), datetime(2021, 1, 1),
        datetime(2021, 10, 8, 11, tzinfo=UTC), datetime(2021, 10, 8, 13, tzinfo=paris),
        datetime(2021, 10, 31, 2, 30, tzinfo=paris, fold=1), Moment(2021, 10, 8, 11, tzinfo=UTC),
        Moment(2021, 10, 8, 14, tzinfo=ZoneInfo("Indian/Mayotte")),
        datetime(2021, 10, 8, 11, tzinfo=RaisingZone()),
        datetime(2021, 10, 8, 11, tzinfo=FarZone()),
        datetime(2021, 10, 8, 11, tzinfo=NoOffsetZone()), datetime.max.replace(tzinfo=UTC),
        datetime.min.replace(tzinfo=UTC), datetime(1, 1, 1, tzinfo=ZoneInfo("Asia/Tokyo")),
        datetime(9999, 12, 31, 23, tzinfo=ZoneInfo("America/Adak")),
        datetime(1, 1, 1, 5, tzinfo=UTC), PartialDate(year=2020),
        PartialDate(year=2021, month=7, day=1), Territory.iso("YT"),
        Territory.region(LocalizedText({"fr": "r"}), [Territory.iso("KM")]),
        Lazy(lambda: deep_territory(rng.choice([40, 70, 200]))), essprogramme.Theme.FINANCE,
        essprogramme.SessionFormat.WORKSHOP, essprogramme.InitiativeKind.CLUSTER, "workshop",
        Lazy(lambda: "https://www.gsef-net.org/" + "a" * rng.choice([10, 10_000, 1_000_000])),
        "a" * 101, "Europe/Paris", "localtime", "fr\n", object(), iter(["a"]), (x for x in ("a",)),
        [essprogramme.Figure(measure="m", count=1)] * 2,
    ]
    # fmt: on


class Lazy:
    """A pool value built only when drawn (deep or huge values are slow to build)."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def draw(rng: random.Random, pool: list[Any]) -> Any:
    value = rng.choice(pool)
    return value.make() if isinstance(value, Lazy) else value


def deep_territory(levels: int) -> Territory:
    """A region of a region ... ``levels`` deep, built through the constructors.

    Stops where the constructors refuse to go deeper: that refusal is the
    subject of other inputs.
    """
    territory = Territory.iso("YT")
    try:
        for _ in range(levels):
            territory = Territory.region(LocalizedText({"fr": "r"}), [territory])
    except ValidationError:
        pass
    return territory


# Building inputs ----------------------------------------------------------


@dataclass
class Case:
    """One input for one entry point, and how it was made."""

    index: int
    entry: str
    kind: str
    data: Any = None
    text: bytes | None = None
    notes: list[str] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    text_options: tuple[bool, int | None] = (True, None)
    byte_mutated: bool = False
    argv: list[str] = field(default_factory=list)
    call: Callable[[], Any] | None = None  # the constructor entry's call
    result_type: Any = None

    @property
    def model(self) -> type:
        return KINDS[self.kind][0]

    @property
    def schema(self) -> str:
        return KINDS[self.kind][1]

    def describe(self) -> str:
        return f"#{self.index} {self.entry} on a {self.kind}: " + "; ".join(self.notes or ["as is"])


class Base:
    """The example, as JSON text per part (json.loads is a fast deep copy)."""

    def __init__(self) -> None:
        document = schemas.example_document(EXAMPLE)
        self.programme = essprogramme.examples.load(EXAMPLE)
        territories: list[Any] = []
        for item in [*document["initiatives"], *document["organisations"]]:
            territories.extend(item.get("territories", ()))
            if "territory" in item:
                territories.append(item["territory"])
        self.parts: dict[str, list[str]] = {
            "programme": [json.dumps(document)],
            "session": [json.dumps(s) for s in document["sessions"]],
            "speaker": [json.dumps(s) for s in document["speakers"]],
            "initiative": [json.dumps(i) for i in document["initiatives"]],
            "organisation": [json.dumps(o) for o in document["organisations"]],
            "territory": [json.dumps(t) for t in territories],
        }
        self.strings = sorted(_strings_in(document))[:400]

    def fresh(self, kind: str, rng: random.Random) -> Any:
        return json.loads(rng.choice(self.parts[kind]))


def _strings_in(data: Any) -> set[str]:
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            found.update(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and len(value) < 80:
            found.add(value)
    return found


Slot = tuple[Any, Any, tuple[Any, ...]]  # container, key, path


def slots(root: list[Any], limit: int = 40) -> list[Slot]:
    """Every place in ``root[0]`` a value sits, to ``limit`` levels (no recursion)."""
    found: list[Slot] = []
    stack: list[tuple[Any, Any, tuple[Any, ...]]] = [(root, 0, ())]
    while stack:
        container, key, path = stack.pop()
        found.append((container, key, path))
        if len(path) >= limit:
            continue
        value = container[key]
        if type(value) is dict:
            stack.extend((value, k, (*path, k)) for k in list(value))
        elif type(value) is list:
            stack.extend((value, i, (*path, i)) for i in range(len(value)))
    return found


def _copy(value: Any) -> Any:
    """A deep copy where Python allows one (a mappingproxy has none)."""
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - then share the value: inputs are built, not compared
        return value


def where(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{step!r}]" for step in path)


class Mutator:
    """Applies random mutations to ``root[0]``, noting each."""

    def __init__(self, rng: random.Random, case: Case, base: Base, python_data: bool) -> None:
        self.rng = rng
        self.case = case
        self.base = base
        self.python_data = python_data  # False: the data will be written as JSON text
        self.root = [case.data]

    # Places --------------------------------------------------------------

    def _slot(self, want: Callable[[Any], bool] = lambda v: True) -> Slot | None:
        candidates = [s for s in slots(self.root) if want(s[0][s[1]])]
        return self.rng.choice(candidates) if candidates else None

    def _dict(self) -> tuple[dict[Any, Any], tuple[Any, ...]] | None:
        found = self._slot(lambda v: type(v) is dict)
        return None if found is None else (found[0][found[1]], found[2])

    def _placeholder(self, raw: str) -> str:
        marker = f"@@P{len(self.case.placeholders)}@@"
        self.case.placeholders[marker] = raw
        return marker

    def note(self, text: str) -> None:
        self.case.notes.append(text)

    # Mutations -----------------------------------------------------------

    def drop_key(self) -> None:
        found = self._dict()
        if found and found[0]:
            d, path = found
            key = self.rng.choice(list(d))
            del d[key]
            self.note(f"drop {where((*path, key))}")

    def duplicate_key(self) -> None:
        """Copy a key from one object into another (same key, other place)."""
        source, target = self._dict(), self._dict()
        if source and target and source[0]:
            key = self.rng.choice(list(source[0]))
            target[0][key] = _copy(source[0][key])
            self.note(f"copy key {key!r} from {where(source[1])} to {where(target[1])}")

    def insert_key(self) -> None:
        found = self._dict()
        if not found:
            return
        d, path = found
        keys: list[Any] = [
            "",
            " ",
            "a.b",
            "a[0]",
            "it's",
            "back\\slash",
            "1",
            "$ref",
            "__proto__",
            "fr-CA",
            "id",
            "code",
            "name",
            "x" * 1000,
            "Code",
            "code ",
            "evil" + self.rng.choice(NASTY_CHARS),
            "\ud800",
            "k\udc80",
        ]
        if self.python_data:
            keys += [1, None, 1.5, True, (1, 2), frozenset(), Str("code"), b"code"]
        key = self.rng.choice(keys)
        d[key] = self.value()
        self.note(f"insert key {key!r} at {where(path)}")

    def duplicate_key_in_text(self) -> None:
        found = self._dict()
        if self.python_data or not found or not found[0]:
            return
        d, path = found
        key = self.rng.choice(list(d))
        if not isinstance(key, str):
            return
        marker = f"@@K{len(self.case.placeholders)}@@"
        self.case.placeholders[marker] = json.dumps(key)
        d[marker] = self.rng.choice([_copy(d[key]), self.value()])
        self.note(f"duplicate key {key!r} in the text at {where(path)}")

    def swap_type(self) -> None:
        found = self._slot()
        if found:
            container, key, path = found
            container[key] = self.value()
            self.note(f"set {where(path)} = {short(container[key])}")

    def string_edge(self) -> None:
        found = self._slot(lambda v: isinstance(v, str))
        if found:
            container, key, path = found
            container[key] = self.rng.choice(STRINGS + self.base.strings)
            self.note(f"set {where(path)} = {short(container[key])}")

    def number_edge(self) -> None:
        found = self._slot(lambda v: not isinstance(v, dict | list) or self.rng.random() < 0.2)
        if not found:
            return
        container, key, path = found
        if not self.python_data and self.rng.random() < 0.5:
            token = self.rng.choice(NUMBER_TOKENS)
            container[key] = self._placeholder(token)
            self.note(f"set {where(path)} = the token {short(token)}")
        else:
            container[key] = self.rng.choice(NUMBERS)
            self.note(f"set {where(path)} = {short(container[key])}")

    def deep_nest(self) -> None:
        found = self._slot()
        if not found:
            return
        container, key, path = found
        levels = self.rng.choice([31, 32, 33, 50, 63, 64, 65, 100, 300, 1000, 5000, 20000])
        shape = self.rng.choice(["territory", "list", "dict", "text"])
        if self.python_data:
            value: Any = {"code": "YT"} if shape == "territory" else "x"
            for _ in range(levels):
                if shape == "territory":
                    value = {"name": {"fr": "r"}, "members": [value]}
                elif shape == "list":
                    value = [value]
                elif shape == "dict":
                    value = {"a": value}
                else:
                    value = {"fr": value}
            container[key] = value
        else:
            opening, inner, closing = {
                "territory": ('{"name":{"fr":"r"},"members":[', '{"code":"YT"}', "]}"),
                "list": ("[", '"x"', "]"),
                "dict": ('{"a":', '"x"', "}"),
                "text": ('{"fr":', '"x"', "}"),
            }[shape]
            unclosed = self.rng.random() < 0.1
            raw = opening * levels + inner + ("" if unclosed else closing * levels)
            container[key] = self._placeholder(raw)
        self.note(f"nest {where(path)} {levels} deep ({shape})")

    def huge_string(self) -> None:
        found = self._slot(lambda v: isinstance(v, str) or self.rng.random() < 0.1)
        if not found:
            return
        container, key, path = found
        size = self.rng.choice([8192, 8193, 10_000, 100_000, 1_000_000, 2_000_000])
        if self.rng.random() < 0.02:
            size = 20_000_000
        prefix, unit = self.rng.choice(
            [
                ("https://www.gsef-net.org/", "a"),
                ("https://", "%"),
                ("https://a.org/", "é"),
                ("", "a"),
                ("", " "),
                ("", "\n"),
                ("", "-"),
                ("", "0"),
                ("fr", "-aaaaaaaa"),
                ("a", "-"),
                ("2021", "0"),
                ("Europe", "/Paris"),
                ("", "é"),
                ("", "\U0001f600"),
            ]
        )
        container[key] = (prefix + unit * (size // len(unit) + 1))[:size]
        self.note(f"set {where(path)} = {short(prefix + unit)} x {size}")

    def _edit_string(self, insert: Callable[[], str], what: str) -> None:
        key_too = self.rng.random() < 0.3
        if key_too:
            holder = self._dict()
            if holder and holder[0]:
                d, path = holder
                key = self.rng.choice(list(d))
                if isinstance(key, str):
                    at = self.rng.randint(0, len(key))
                    new = key[:at] + insert() + key[at:]
                    d[new] = d.pop(key)
                    self.note(f"{what} in the key {short(new)} at {where(path)}")
                    return
        found = self._slot(lambda v: isinstance(v, str))
        if found:
            container, key, path = found
            text = container[key]
            at = self.rng.randint(0, len(text))
            container[key] = text[:at] + insert() + text[at:]
            self.note(f"{what} in {where(path)}: {short(container[key])}")

    def control_chars(self) -> None:
        self._edit_string(lambda: self.rng.choice(NASTY_CHARS), "control/odd characters")

    def surrogate(self) -> None:
        self._edit_string(lambda: self.rng.choice(SURROGATES), "lone surrogate")

    def trailing_newline(self) -> None:
        found = self._slot(lambda v: isinstance(v, str))
        if found:
            container, key, path = found
            container[key] += self.rng.choice(["\n", "\r\n", "\r", " ", "\t", "\x00"])
            self.note(f"trailing whitespace at {where(path)}: {short(container[key])}")

    def array_edit(self) -> None:
        found = self._slot(lambda v: type(v) is list and len(v) > 0)
        if not found:
            return
        container, key, path = found
        items = container[key]
        action = self.rng.choice(["duplicate", "empty", "shuffle", "truncate", "reverse"])
        if action == "duplicate":
            items.append(_copy(self.rng.choice(items)))
        elif action == "empty":
            items.clear()
        elif action == "shuffle":
            self.rng.shuffle(items)
        elif action == "truncate":
            del items[self.rng.randrange(len(items)) :]
        else:
            items.reverse()
        self.note(f"{action} the array {where(path)}")

    def cross(self) -> None:
        """Move a piece of the example to another place: plausible but wrong values."""
        source, target = self._slot(), self._slot()
        if source and target:
            value = _copy(source[0][source[1]])
            target[0][target[1]] = value
            self.note(f"copy {where(source[2])} to {where(target[2])}")

    def python_only(self) -> None:
        if not self.python_data:
            return
        found = self._slot()
        if not found:
            return
        container, key, path = found
        value = container[key]
        choice = self.rng.random()
        if choice < 0.3 and type(value) is list:
            make: Callable[[Any], Any] = self.rng.choice([tuple, set, frozenset, ListOf])
            container[key] = make(v for v in value if v.__hash__ is not None)
        elif choice < 0.45 and type(value) is str:
            container[key] = (
                Str(value) if self.rng.random() < 0.5 else value.encode("utf-8", "replace")
            )
        elif choice < 0.55 and type(value) is dict:
            mapping: Callable[[Any], Any] = self.rng.choice([OrderedDict, MappingProxyType])
            container[key] = mapping(value)
        else:
            container[key] = self.rng.choice(python_only_values())
        self.note(f"set {where(path)} = {short(container[key])} (Python data)")

    def value(self) -> Any:
        if self.python_data and self.rng.random() < 0.1:
            return self.rng.choice(python_only_values())  # fresh objects: no copy needed
        pools: list[list[Any]] = [STRINGS, NUMBERS, CONTAINERS, self.base.strings]
        return copy.deepcopy(self.rng.choice(self.rng.choice(pools)))

    MUTATIONS = (
        ("drop_key", 3),
        ("duplicate_key", 1),
        ("insert_key", 2),
        ("duplicate_key_in_text", 2),
        ("swap_type", 3),
        ("string_edge", 4),
        ("number_edge", 2),
        ("deep_nest", 1),
        ("huge_string", 1),
        ("control_chars", 2),
        ("surrogate", 1),
        ("trailing_newline", 2),
        ("array_edit", 2),
        ("cross", 2),
        ("python_only", 3),
    )

    def run(self) -> Any:
        names = [n for n, _ in self.MUTATIONS]
        weights = [w for _, w in self.MUTATIONS]
        count = 0 if self.rng.random() < 0.04 else min(6, 1 + int(self.rng.expovariate(0.9)))
        for name in self.rng.choices(names, weights, k=count):
            getattr(self, name)()
        return self.root[0]


def _serialise(case: Case) -> bytes:
    ascii_only, indent = case.text_options
    text = json.dumps(case.data, ensure_ascii=ascii_only, allow_nan=True, indent=indent)
    for marker, raw in case.placeholders.items():
        text = text.replace(json.dumps(marker), raw)
    return text.encode("utf-8", "surrogatepass")  # lone surrogates become CESU bytes


def _mutate_bytes(rng: random.Random, text: bytes, case: Case) -> bytes:
    data = bytearray(text)
    action = rng.choice(
        [
            "flip",
            "insert",
            "delete",
            "truncate",
            "bom",
            "append",
            "cesu",
            "invalid",
            "utf16",
            "random",
            "brackets",
        ]
    )
    at = rng.randrange(len(data) + 1)
    if action == "flip" and data:
        data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
    elif action == "insert":
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    elif action == "delete":
        del data[at : at + rng.randint(1, 64)]
    elif action == "truncate":
        del data[at:]
    elif action == "bom":
        data[:0] = b"\xef\xbb\xbf"
    elif action == "append":
        data += rng.choice([b"\x00", b" ", b"\n", b"x", b"]", b"}", b"{}", b"\n\n", b"\xff"])
    elif action == "cesu":
        quote = data.find(b'"', at)
        data[quote + 1 : quote + 1] = rng.choice([b"\xed\xa0\x80", b"\xed\xb2\x80"])
    elif action == "invalid":
        data[at:at] = rng.choice([b"\xff", b"\xc0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe2\x82"])
    elif action == "utf16":
        data = bytearray(text.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass"))
    elif action == "random":
        data = bytearray(rng.randbytes(rng.choice([1, 16, 1000])))
    else:
        levels = rng.choice([64, 65, 1000, 100_000])
        data = bytearray(b"[" * levels + (b"]" * levels if rng.random() < 0.5 else b""))
    case.byte_mutated = True
    case.notes.append(f"bytes: {action}")
    return bytes(data)


def _pick(rng: random.Random, weighted: dict[str, Any]) -> str:
    names = list(weighted)
    weights = [w if isinstance(w, int) else w[-1] for w in weighted.values()]
    return rng.choices(names, weights)[0]


# fmt: off
CLI_ZONES = [
    "UTC", "Asia/Tokyo", "Pacific/Kiritimati", "America/Adak", "Etc/GMT+12", "Etc/GMT-14",
    "Indian/Mayotte", "Asia/Kathmandu",
]
# fmt: on


def make_case(seed: int, index: int, base: Base) -> Case:
    """Input ``index`` of campaign ``seed``: the same every time."""
    rng = random.Random(f"{seed}:{index}")
    entry = _pick(rng, ENTRIES)
    kind = "programme" if entry.startswith("cli:") else _pick(rng, KINDS)
    case = Case(index=index, entry=entry, kind=kind)
    if entry == "constructor":
        _constructor_case(rng, case, base)
        return case
    python_data = entry in ("from_dict", "schemas.validate")
    case.data = base.fresh(kind, rng)
    case.data = Mutator(rng, case, base, python_data).run()
    if python_data:
        return case
    case.text_options = (rng.random() < 0.5, rng.choice([None, None, 2]))
    try:
        text = _serialise(case)
    except (TypeError, ValueError) as error:  # our own data could not be written: retry plain
        case.notes.append(f"(unserialisable: {error}; using the example)")
        case.data, case.placeholders = base.fresh(kind, rng), {}
        text = _serialise(case)
    if rng.random() < 0.25:
        text = _mutate_bytes(rng, text, case)
    case.text = text
    if entry == "cli:show":
        case.argv = ["show", "FILE", "--tz", rng.choice(CLI_ZONES)]
        lang = rng.choice([None, "fr", "en", "es", "xx", "fr-CA"])
        if lang:
            case.argv += ["--lang", lang]
    elif entry == "cli:validate":
        case.argv = ["validate", "FILE"]
    elif entry == "cli:validate --schema-only":
        case.argv = ["validate", "--schema-only", "FILE"]
    if case.argv and rng.random() < 0.2:
        case.argv[case.argv.index("FILE")] = "-"
    return case


def _model_objects(root: Any) -> list[tuple[tuple[Any, ...], Any]]:
    found: list[tuple[tuple[Any, ...], Any]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    while stack:
        path, obj = stack.pop()
        if attrs.has(type(obj)):
            found.append((path, obj))
            for f in attrs.fields(type(obj)):
                if f.init:
                    stack.append(((*path, f.name), getattr(obj, f.name)))
        elif type(obj) is tuple:
            stack.extend(((*path, i), item) for i, item in enumerate(obj))
    return found


def evolve_at(obj: Any, path: tuple[Any, ...], value: Any) -> Any:
    """``obj`` with the value at ``path`` replaced, rebuilt through the constructors."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(obj)
        items[step] = evolve_at(items[step], rest, value)
        return tuple(items)
    return attrs.evolve(obj, **{step: evolve_at(getattr(obj, step), rest, value)})


def _constructor_case(rng: random.Random, case: Case, base: Base) -> None:
    programme = base.programme
    roll = rng.random()
    if roll < 0.08:
        mapping: Any = rng.choice(
            [
                {"fr": rng.choice(STRINGS)},
                {rng.choice(STRINGS): "x"},
                {rng.choice(STRINGS): rng.choice(NUMBERS + CONTAINERS)},
                rng.choice(python_only_values()),
                {"fr": "x" + rng.choice(NASTY_CHARS + SURROGATES)},
                {rng.choice(NASTY_CHARS + SURROGATES): "x"},
            ]
        )
        case.kind = "territory"
        case.notes.append(f"LocalizedText({short(mapping)})")
        # Wrapped in a Territory, so that an accepted text is also written and read back.
        case.call = lambda: Territory(name=LocalizedText(mapping))
        return
    if roll < 0.13:
        text = rng.choice([*STRINGS, *NUMBERS, Str("2020"), "2020\n", "２０２０", "2020-02-30"])
        case.notes.append(f"PartialDate.parse({short(text)})")
        case.kind = "initiative"
        case.call = lambda: Initiative(
            id="i",
            name=LocalizedText({"fr": "x"}),
            kind=essprogramme.InitiativeKind.CLUSTER,
            start=PartialDate.parse(text),
        )
        return
    objects = _model_objects(programme)
    path, obj = rng.choice(objects)
    fields = [f for f in attrs.fields(type(obj)) if f.init]
    chosen = rng.choice(fields)
    pool = constructor_values(rng)
    # Plausible values too: the same field of another object, or of this one.
    peers = [getattr(o, chosen.name) for _, o in objects if hasattr(o, chosen.name)]
    if rng.random() < 0.6 and type(getattr(obj, chosen.name)) is tuple:
        current = list(getattr(obj, chosen.name))
        if current and rng.random() < 0.5:
            current[rng.randrange(len(current))] = draw(rng, pool)
        else:
            current.append(draw(rng, [*pool, *current] if current else pool))
        value: Any = rng.choice([tuple, list])(current)
    elif rng.random() < 0.3 and peers:
        value = rng.choice(peers)
    else:
        value = draw(rng, pool)
    whole = rng.random() < 0.4
    case.kind = {
        "Programme": "programme",
        "Session": "session",
        "Speaker": "speaker",
        "Initiative": "initiative",
        "Organisation": "organisation",
        "Territory": "territory",
    }.get(type(obj).__name__, "programme")
    case.notes.append(
        f"attrs.evolve({type(obj).__name__} at {json_path(path)}, {chosen.name}={short(value)})"
        + (", then rebuild the programme around it" if whole else "")
    )

    def call() -> Any:
        changed = attrs.evolve(obj, **{chosen.name: value})
        if whole:
            return evolve_at(programme, path, changed)
        return changed

    case.call = call


# Running inputs --------------------------------------------------------------


@dataclass
class Outcome:
    """What one input did: ok (a result), refused (a good ValidationError) or escape."""

    status: str
    kind: str = ""
    detail: str = ""
    problems: frozenset[tuple[str, str]] = frozenset()
    warnings: list[tuple[str, str]] = field(default_factory=list)
    error: ValidationError | None = None  # the refusal itself, for the agreement check


def _exception_kind(entry: str, error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "essprogramme" in f.filename and "bench" not in f.filename]
    place = ""
    if ours or frames:
        frame = (ours or frames)[-1]
        name = frame.filename.split("site-packages/")[-1].split("src/")[-1]
        place = f" at {name}:{frame.name}"
    message = re.sub(
        r"'[^']*'|\"[^\"]*\"|\d+", "_", str(error).splitlines()[0] if str(error) else ""
    )
    return f"{entry} | {type(error).__name__}{place} | {message[:70]}"


def _escape(entry: str, error: BaseException) -> Outcome:
    detail = "".join(traceback.format_exception(error, limit=-12))
    return Outcome("escape", _exception_kind(entry, error), detail[-6000:])


DOCUMENTED_CODES: frozenset[str] = frozenset()


def _documented_codes() -> frozenset[str]:
    docs = Path(__file__).resolve().parents[1] / "docs" / "json.md"
    try:
        lines = docs.read_text(encoding="utf-8").splitlines()
    except OSError:
        return NEW_CODES
    codes = {c for line in lines if line.startswith("| `") for c in re.findall(r"`(\w+)`", line)}
    return frozenset(codes) | NEW_CODES


def check_error(entry: str, error: ValidationError) -> Outcome:
    """A refusal is good when every problem is well-formed and the text is printable."""
    problems = getattr(error, "problems", None)
    if type(problems) is not tuple or not problems:
        return Outcome("escape", f"{entry} | ValidationError without problems", repr(problems))
    found = set()
    warnings = []
    for problem in problems:
        path, code = getattr(problem, "path", None), getattr(problem, "code", None)
        if type(path) is not str or type(code) is not str:
            return Outcome(
                "escape", f"{entry} | a problem without str path/code", short(problem)[:500]
            )
        found.add((path, code))
        if _RAW_CONTROL.search(path):
            warnings.append((f"{entry} | raw control character in a path", short(path)))
        if DOCUMENTED_CODES and code not in DOCUMENTED_CODES:
            warnings.append((f"{entry} | undocumented code {code!r}", f"{path} [{code}]"))
    try:
        text = str(error)
        text.encode("utf-8")
    except Exception as failure:  # noqa: BLE001 - any failure here is the escape we look for
        return Outcome(
            "escape", f"{entry} | str(ValidationError) not encodable", repr(failure)[:500]
        )
    if len(text) > 100_000:
        warnings.append((f"{entry} | str(error) of {len(text) // 1000:,} KB", short(text[:300])))
    if _RAW_CONTROL.search(text.replace("\n", "")):
        warnings.append((f"{entry} | raw control character in str(error)", short(text[:300])))
    return Outcome("refused", problems=frozenset(found), warnings=warnings, error=error)


def check_result(entry: str, result: Any) -> Outcome:
    """A result must be written and read back equal."""
    try:
        text = to_json(result)
    except Exception as error:  # noqa: BLE001
        outcome = _escape(entry, error)
        outcome.kind = "to_json after success | " + outcome.kind
        return outcome
    try:
        back = from_json(text, type(result))
    except Exception as error:  # noqa: BLE001
        outcome = _escape(entry, error)
        outcome.kind = "reading back to_json's output | " + outcome.kind
        return outcome
    if back != result:
        return Outcome("escape", f"{entry} | to_json/from_json round trip differs", text[:1000])
    return Outcome("ok")


def _call(entry: str, call: Callable[[], Any], result_check: bool = True) -> Outcome:
    try:
        result = call()
    except ValidationError as error:
        return check_error(entry, error)
    except Exception as error:  # noqa: BLE001 - any other exception is an escape
        return _escape(entry, error)
    if result_check and result is not None:
        return check_result(entry, result)
    return Outcome("ok")


class Terminal:
    """Stand-ins for stdin, stdout and stderr, as a strict UTF-8 terminal takes them."""

    def __init__(self, stdin: bytes) -> None:
        self.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        self.out = io.BytesIO()
        self.err = io.BytesIO()
        self.stdout = io.TextIOWrapper(self.out, encoding="utf-8", write_through=True)
        self.stderr = io.TextIOWrapper(self.err, encoding="utf-8", write_through=True)

    def __enter__(self) -> Terminal:
        self.saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = self.stdin, self.stdout, self.stderr
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdin, sys.stdout, sys.stderr = self.saved


def run_cli(case: Case, scratch: Path) -> Outcome:
    assert case.text is not None
    argv = list(case.argv)
    if "FILE" in argv:
        scratch.write_bytes(case.text)
        argv[argv.index("FILE")] = str(scratch)
    terminal = Terminal(case.text if "-" in argv else b"")
    try:
        with terminal:
            status = cli_main(argv)
    except SystemExit as error:
        return Outcome("escape", f"{case.entry} | SystemExit({error.code})", "")
    except Exception as error:  # noqa: BLE001 - any other exception is an escape
        return _escape(case.entry, error)
    output = terminal.out.getvalue() + terminal.err.getvalue()
    text = output.decode("utf-8", "replace")
    if "Traceback" in text:
        return Outcome("escape", f"{case.entry} | traceback printed", text[-3000:])
    found = _RAW_CONTROL.search(text.replace("\n", ""))
    if found:
        around = text[max(0, found.start() - 60) : found.end() + 60]
        return Outcome(
            "escape", f"{case.entry} | raw control character {found.group()!r} in output", around
        )
    allowed = (0, 1, 2) if case.entry == "cli:show" else (0, 1)
    if status not in allowed:
        return Outcome("escape", f"{case.entry} | exit status {status!r}", text[-2000:])
    return Outcome("ok" if status == 0 else "refused")


def run_case(case: Case, scratch: Path) -> Outcome:
    entry = case.entry
    if entry == "constructor":
        assert case.call is not None
        return _call(entry, case.call)
    if entry == "from_dict":
        return _call(entry, lambda: from_dict(case.data, case.model))
    if entry == "schemas.validate":
        return _call(entry, lambda: schemas.validate(case.data, case.schema), result_check=False)
    assert case.text is not None
    if entry == "from_json:bytes":
        return _call(entry, lambda: from_json(case.text or b"", case.model))
    if entry == "from_json:str":
        text = case.text.decode("utf-8", "surrogateescape")  # bad bytes: lone surrogates
        return _call(entry, lambda: from_json(text, case.model))
    return run_cli(case, scratch)


# Agreement between the model and the schema ---------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _value_at(data: Any, location: tuple[Any, ...]) -> Any:
    try:
        for step in location:
            data = data[step]
    except (KeyError, IndexError, TypeError):
        return None
    return data


def _model_only(problem: Any, data: Any, schema_paths: set[str]) -> bool:
    """Whether a model problem comes from a rule the schema cannot express."""
    if problem.code in MODEL_ONLY_CODES:
        return True
    if problem.code not in PARTLY_MODEL_CODES or problem.path in schema_paths:
        return False
    value = _value_at(data, tuple(problem.location))
    if problem.code == "type":  # 59.0: an integer to JSON Schema, a float to the model
        return type(value) is float and value.is_integer()
    if problem.code == "empty":
        return isinstance(value, str) and value.strip() == ""
    if problem.code == "time_zone":
        return isinstance(value, str) and _ZONE_SHAPE.fullmatch(value) is not None
    if problem.code == "partial_date":
        return isinstance(value, str) and _PARTIAL_SHAPE.fullmatch(value) is not None
    if problem.code == "duplicate":  # languages compared without case
        return isinstance(value, str)
    return False


ESCAPE = "escape: "


def agreement(case: Case, model: Outcome) -> list[tuple[str, str]]:
    """Disagreements between the model's verdict and the schema's: one per code and side.

    A kind names the side that reported a path the other did not, and the code
    there; "(too deep)" marks documents where either side reported ``depth``.
    """
    if model.status == "escape" or case.text is None:
        return []
    if any(code in ("json", "duplicate_key") for _, code in model.problems):
        return []  # a verdict on the text: the schema never sees the text
    try:
        data = json.loads(case.text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        if model.status == "ok":
            return [("model accepts text that json.loads refuses", case.describe())]
        return []
    try:
        schemas.validate(data, case.schema)
        schema_problems: list[Any] = []
    except ValidationError as error:
        schema_problems = list(error.problems)
    except Exception as error:  # noqa: BLE001 - an escape, reported as such by the worker
        escape = _escape("schemas.validate in the agreement check", error)
        return [(ESCAPE + escape.kind, escape.detail)]
    schema_paths = {p.path for p in schema_problems}
    model_problems = list(model.error.problems) if model.error is not None else []
    shared = [p for p in model_problems if not _model_only(p, data, schema_paths)]
    model_paths = {p.path for p in shared}
    if model_paths == schema_paths:
        return []
    deep = " (too deep)" if any(p.code == "depth" for p in [*schema_problems, *shared]) else ""
    listing = _listing(case, schema_problems, shared)
    if not model_problems:
        verdict = "schema refuses, model accepts"
    elif not schema_problems:
        verdict = "model refuses, schema accepts"
    else:
        verdict = "both refuse"
    kinds = {
        f"{verdict}; only the schema reports [{p.code}]{deep}"
        for p in schema_problems
        if p.path not in model_paths
    }
    kinds |= {
        f"{verdict}; only the model reports [{p.code}]{deep}"
        for p in shared
        if p.path not in schema_paths
    }
    return [(kind, listing) for kind in sorted(kinds)]


def _listing(case: Case, schema: list[Any], model: list[Any]) -> str:
    lines = [case.describe()]
    lines += [f"  schema {p.path[:200]} [{p.code}]" for p in schema[:8]]
    lines += [f"  model  {p.path[:200]} [{p.code}]" for p in model[:8]]
    return "\n".join(lines)


# Minimising -------------------------------------------------------------------


def minimise(
    case: Case, kind: str, scratch: Path, beat: Callable[[], None], budget: int = 150
) -> str | None:
    """A smaller input of the same escape kind, for data-built inputs; None if not cheap."""
    if case.entry == "constructor" or case.byte_mutated:
        return None

    def same(data: Any) -> bool:
        beat()
        trial = copy.copy(case)
        trial.data = data
        if trial.text is not None:
            try:
                trial.text = _serialise(trial)
            except (TypeError, ValueError, RecursionError):
                return False
        outcome = run_case(trial, scratch)
        return outcome.status == "escape" and outcome.kind == kind

    data = case.data
    spent = 0
    improved = True
    while improved and spent < budget:
        improved = False
        for container, key, _path in sorted(slots([data], limit=12), key=lambda s: len(s[2])):
            if spent >= budget:
                break
            if container is None or not isinstance(container, dict | list) or _path == ():
                continue
            for variant in _smaller(container, key):
                spent += 1
                candidate = _replace_copy(data, _path, variant)
                if candidate is not _SAME and same(candidate):
                    data = candidate
                    improved = True
                    break
            if improved:
                break
    if data is case.data:
        return None
    if case.text is not None:
        trial = copy.copy(case)
        trial.data = data
        return short_bytes(_serialise(trial))
    return _minimal_repr(data)


_SAME = object()
_DELETE = object()


def _smaller(container: Any, key: Any) -> Iterator[Any]:
    value = container[key]
    yield _DELETE
    if isinstance(value, str) and len(value) > 8:
        yield value[: len(value) // 2]
    if isinstance(value, dict | list) and value:
        yield type(value)()


def _replace_copy(data: Any, path: tuple[Any, ...], variant: Any) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced or deleted (shallow copies)."""
    top = copy.copy(data)
    node = top
    for step in path[:-1]:
        child = copy.copy(node[step])
        node[step] = child
        node = child
    try:
        if variant is _DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = variant
    except (TypeError, KeyError, IndexError):
        return _SAME
    return top


def _minimal_repr(data: Any) -> str:
    bigger = SafeRepr()
    bigger.maxstring, bigger.maxother, bigger.maxlevel = 200, 200, 12
    bigger.maxlist = bigger.maxdict = bigger.maxtuple = 12
    return bigger.repr(data)


def short_bytes(text: bytes, limit: int = 1500) -> str:
    if len(text) <= limit:
        return repr(text)
    return f"{text[: limit // 2]!r} ... ({len(text)} bytes) ... {text[-limit // 4 :]!r}"


# Workers ------------------------------------------------------------------------


def worker(
    connection: multiprocessing.connection.Connection,
    state: Any,
    seed: int,
    memory_mb: int,
    agree: bool,
    scratch_dir: str,
) -> None:
    """Run the inputs the parent sends, reporting each outcome as it ends."""
    if memory_mb:
        limit = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    global DOCUMENTED_CODES
    DOCUMENTED_CODES = _documented_codes()
    base = Base()
    scratch = Path(scratch_dir) / f"worker-{os.getpid()}.json"  # the CLI's input file
    # Warm the caches (generated code, validators) before the clock runs.
    with Terminal(b""):
        for warm in (
            lambda: schemas.validate(schemas.example_document(EXAMPLE)),
            lambda: schemas.validate({"id": 1}, "session"),
            lambda: from_json(essprogramme.examples.text(EXAMPLE)),
            lambda: cli_main(["show", "--tz", "UTC"]),
        ):
            try:
                warm()
            except Exception:  # noqa: BLE001 - warming only; errors count later
                continue
    seen: set[str] = set()

    def beat() -> None:
        state[1] = time.monotonic()

    while True:
        task = connection.recv()
        if task is None:
            return
        start, stop = task
        for index in range(start, stop):
            state[0], state[1], state[2], state[3] = index, time.monotonic(), 0, 60
            try:
                case = make_case(seed, index, base)
            except Exception as error:  # noqa: BLE001 - a fuzzer bug must not hide results
                connection.send(("bug", index, "".join(traceback.format_exception(error))))
                continue
            # The clock starts once the input is built; reading a huge input takes
            # time in proportion: half a second per megabyte is allowed on top.
            state[3] = len(case.text or b"") / 2e6
            state[1] = time.monotonic()
            outcome = run_case(case, scratch)
            connection.send(("result", index, case.entry, outcome.status))
            for kind, detail in outcome.warnings:
                connection.send(("warning", index, kind, detail, case.describe()))
            if outcome.status == "escape":
                connection.send(
                    ("escape", index, outcome.kind, outcome.detail, case.describe(), None)
                )
                if outcome.kind not in seen:
                    seen.add(outcome.kind)
                    state[1], state[2] = time.monotonic(), 1
                    try:
                        small = minimise(case, outcome.kind, scratch, beat)
                    except Exception:  # noqa: BLE001 - minimising is a courtesy
                        small = None
                    if small is not None:
                        connection.send(("minimised", index, outcome.kind, small))
            elif agree and case.entry == "from_json:bytes":
                state[1], state[2] = time.monotonic(), 2
                for kind, detail in agreement(case, outcome):
                    if kind.startswith(ESCAPE):
                        kind = kind.removeprefix(ESCAPE)
                        connection.send(("agreement escape", index, kind, detail, case.describe()))
                    else:
                        connection.send(("disagreement", index, kind, detail))
        connection.send(("done",))


@dataclass
class Kind:
    """One kind of escape (or disagreement): how often, and the first example."""

    count: int = 0
    first: int = -1
    describe: str = ""
    detail: str = ""
    minimised: str | None = None


@dataclass
class Tally:
    inputs: int = 0
    ok: int = 0
    refused: int = 0
    escapes: int = 0


class Campaign:
    """The parent: hands out chunks of inputs, watches workers, gathers results."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.context = multiprocessing.get_context("fork")
        self.tallies: dict[str, Tally] = {entry: Tally() for entry in ENTRIES}
        self.escapes: dict[str, Kind] = {}
        self.warnings: dict[str, Kind] = {}
        self.disagreements: dict[str, Kind] = {}
        self.bugs: list[str] = []
        self.base = Base()
        self.chunks = [
            (start, min(start + args.chunk, args.inputs))
            for start in range(0, args.inputs, args.chunk)
        ]
        self.done = 0
        self.agreement_escapes = 0
        self.scratch = tempfile.TemporaryDirectory(prefix="essprogramme-fuzz-")

    def _start(self) -> dict[str, Any]:
        parent, child = self.context.Pipe()
        # index, when it started, whether minimising, extra seconds allowed
        state = self.context.Array("d", 4, lock=False)
        state[0] = -1
        process = self.context.Process(
            target=worker,
            args=(
                child,
                state,
                self.args.seed,
                self.args.memory_mb,
                self.args.agreement,
                self.scratch.name,
            ),
            daemon=True,
        )
        process.start()
        child.close()
        return {"process": process, "conn": parent, "state": state, "chunk": None}

    def _record(
        self, table: dict[str, Kind], kind: str, index: int, describe: str, detail: str
    ) -> None:
        entry = table.setdefault(kind, Kind())
        entry.count += 1
        if entry.first < 0:
            entry.first, entry.describe, entry.detail = index, describe, detail

    def _handle(self, w: dict[str, Any], message: tuple[Any, ...]) -> None:
        tag = message[0]
        if tag == "result":
            _, index, entry, status = message
            tally = self.tallies[entry]
            tally.inputs += 1
            if status == "ok":
                tally.ok += 1
            elif status == "refused":
                tally.refused += 1
            else:
                tally.escapes += 1
            self.done += 1
            chunk = w["chunk"]
            if chunk is not None:
                w["chunk"] = (index + 1, chunk[1])
        elif tag == "escape":
            _, index, kind, detail, describe, _ = message
            self._record(self.escapes, kind, index, describe, detail)
        elif tag == "agreement escape":
            _, index, kind, detail, describe = message
            self._record(self.escapes, kind, index, describe, detail)
            self.agreement_escapes += 1
        elif tag == "minimised":
            _, index, kind, small = message
            if kind in self.escapes and self.escapes[kind].minimised is None:
                self.escapes[kind].minimised = small
        elif tag == "warning":
            _, index, kind, detail, describe = message
            self._record(self.warnings, kind, index, describe, detail)
        elif tag == "disagreement":
            _, index, kind, detail = message
            self._record(self.disagreements, kind, index, detail.splitlines()[0], detail)
        elif tag == "bug":
            self.bugs.append(f"input {message[1]}: {message[2]}")
            self.done += 1
            if w["chunk"] is not None:
                w["chunk"] = (message[1] + 1, w["chunk"][1])
        elif tag == "done":
            w["chunk"] = None

    def _lost(self, w: dict[str, Any], why: str) -> None:
        """A worker died or hung on its current input: record it, restart after it."""
        index = int(w["state"][0])
        phase = w["state"][2]  # 0: the input, 1: minimising an escape, 2: agreement check
        chunk = w["chunk"]
        if phase == 2:
            case = make_case(self.args.seed, index, self.base)
            kind = f"schemas.validate in the agreement check | {why}"
            self._record(self.escapes, kind, index, case.describe(), "")
            self.agreement_escapes += 1
        elif phase == 0 and index >= 0 and chunk is not None and index >= chunk[0]:
            case = make_case(self.args.seed, index, self.base)
            tally = self.tallies[case.entry]
            tally.inputs += 1
            tally.escapes += 1
            self.done += 1
            size = f", {len(case.text)} bytes of text" if case.text is not None else ""
            self._record(self.escapes, f"{case.entry} | {why}", index, case.describe() + size, "")
        rest = (index + 1, chunk[1]) if chunk is not None else None
        w.update(self._start())
        if rest is not None and rest[0] < rest[1]:
            w["chunk"] = rest
            w["conn"].send(rest)

    def run(self) -> int:
        workers = [self._start() for _ in range(max(1, self.args.jobs))]
        started = time.monotonic()
        last_report = started
        while self.chunks or any(w["chunk"] is not None for w in workers):
            for w in workers:
                if w["chunk"] is None and self.chunks:
                    w["chunk"] = self.chunks.pop(0)
                    w["conn"].send(w["chunk"])
            ready = multiprocessing.connection.wait([w["conn"] for w in workers], timeout=0.2)
            for w in workers:
                if w["conn"] in ready:
                    try:
                        while w["conn"].poll():
                            self._handle(w, w["conn"].recv())
                    except (EOFError, OSError):
                        pass
                if w["chunk"] is None:
                    continue
                if not w["process"].is_alive():
                    code = w["process"].exitcode
                    why = (
                        f"worker died (signal {-code})"
                        if code and code < 0
                        else f"worker exited ({code})"
                    )
                    self._lost(w, why)
                elif (
                    w["state"][0] >= 0
                    and time.monotonic() - w["state"][1] > self.args.timeout + w["state"][3]
                ):
                    w["process"].kill()
                    w["process"].join()
                    try:
                        while w["conn"].poll():
                            self._handle(w, w["conn"].recv())
                    except (EOFError, OSError):
                        pass
                    if w["chunk"] is not None:
                        self._lost(w, f"hang > {self.args.timeout:g} s (killed)")
            now = time.monotonic()
            if now - last_report > 15:
                last_report = now
                escapes = sum(k.count for k in self.escapes.values())
                print(
                    f"  {self.done}/{self.args.inputs} inputs, {escapes} escapes, "
                    f"{len(self.escapes)} kinds, {now - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
        for w in workers:
            with contextlib.suppress(BrokenPipeError, OSError):
                w["conn"].send(None)
            w["process"].join(timeout=5)
            if w["process"].is_alive():
                w["process"].kill()
        self.elapsed = time.monotonic() - started
        self.scratch.cleanup()
        return self.report()

    def report(self) -> int:
        print(
            f"\nessprogramme fuzz: seed {self.args.seed}, {self.done} inputs, "
            f"{self.elapsed:.0f} s, {self.args.jobs} worker(s)\n"
        )
        print(f"{'entry point':<28} {'inputs':>8} {'results':>8} {'refused':>8} {'escapes':>8}")
        total = Tally()
        for entry, tally in self.tallies.items():
            print(
                f"{entry:<28} {tally.inputs:>8} {tally.ok:>8} {tally.refused:>8} {tally.escapes:>8}"
            )
            total.inputs += tally.inputs
            total.ok += tally.ok
            total.refused += tally.refused
            total.escapes += tally.escapes
        print(
            f"{'total':<28} {total.inputs:>8} {total.ok:>8} {total.refused:>8} {total.escapes:>8}"
        )
        self._print_kinds("ESCAPES", self.escapes, details=True)
        self._print_kinds(
            "DISAGREEMENTS (model vs schema, from_json:bytes inputs)",
            self.disagreements,
            details=True,
        )
        self._print_kinds("WARNINGS (not escapes)", self.warnings, details=False)
        for bug in self.bugs[:5]:
            print(f"\nFUZZER BUG {bug}")
        if self.args.report:
            payload = {
                "seed": self.args.seed,
                "inputs": self.done,
                "tallies": {e: vars(t) for e, t in self.tallies.items()},
                "escapes": {k: vars(v) for k, v in self.escapes.items()},
                "disagreements": {k: vars(v) for k, v in self.disagreements.items()},
                "warnings": {k: vars(v) for k, v in self.warnings.items()},
            }
            Path(self.args.report).write_text(json.dumps(payload, indent=2), encoding="utf-8")
            print(f"\nfull report: {self.args.report}")
        return 1 if total.escapes or self.agreement_escapes else 0

    def _print_kinds(self, title: str, table: dict[str, Kind], details: bool) -> None:
        count = sum(k.count for k in table.values())
        print(f"\n{title}: {len(table)} kinds, {count} inputs")
        for name, kind in sorted(table.items(), key=lambda item: -item[1].count):
            print(f"\n- [{kind.count}x] {name}")
            print(f"    first: {kind.describe[:600]}")
            print(f"    replay: python bench/fuzz.py --seed {self.args.seed} --replay {kind.first}")
            if kind.minimised:
                print(f"    minimised: {kind.minimised[:1500]}")
            if details and kind.detail:
                tail = kind.detail.strip().splitlines()[-8:]
                print("    " + "\n    ".join(line[:300] for line in tail))


def replay(seed: int, index: int) -> int:
    """Run one input here, printing it and what happened (with the whole traceback)."""
    global DOCUMENTED_CODES
    DOCUMENTED_CODES = _documented_codes()
    base = Base()
    case = make_case(seed, index, base)
    print(case.describe())
    if case.argv:
        print("argv:", case.argv)
    if case.text is not None:
        print("text:", short_bytes(case.text, 3000))
    elif case.data is not None:
        print("data:", _minimal_repr(case.data))
    with tempfile.TemporaryDirectory(prefix="essprogramme-fuzz-") as scratch_dir:
        outcome = run_case(case, Path(scratch_dir) / "programme.json")
    print("outcome:", outcome.status, outcome.kind)
    if outcome.problems:
        for path, code in sorted(outcome.problems)[:20]:
            print(f"  {path[:300]} [{code}]")
    if outcome.detail:
        print(outcome.detail)
    if case.entry == "from_json:bytes":
        for kind, detail in agreement(case, outcome):
            print("disagreement:", kind)
            print(detail)
    return 1 if outcome.status == "escape" else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="how many inputs (100,000)")
    parser.add_argument("--seed", type=int, default=0, help="campaign seed (0)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="workers")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds allowed per input")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address space per worker")
    parser.add_argument("--chunk", type=int, default=250, help="inputs handed out at once")
    parser.add_argument(
        "--no-agreement",
        dest="agreement",
        action="store_false",
        help="skip the model/schema agreement check",
    )
    parser.add_argument("--report", help="write every finding as JSON to this file")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run one input here")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.seed, args.replay)
    return Campaign(args).run()


if __name__ == "__main__":
    sys.exit(main())
