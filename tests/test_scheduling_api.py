"""The scheduling package's surface: exports, docstrings, immutability, layering, messages."""

from __future__ import annotations

import ast
import contextlib
import importlib
import inspect
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import essprogramme.scheduling as scheduling
from essprogramme import ValidationError, examples
from essprogramme.scheduling import CATALOGUE, LANGUAGES, template_fields

_SEED = examples.load("gsef2021-partenariats")

PACKAGE = Path(scheduling.__file__).parent
MODEL = PACKAGE.parent / "model"
PUBLIC_MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_"))


def test_the_package_exports_every_public_name_of_its_modules() -> None:
    exported = set(scheduling.__all__)
    names: set[str] = set()
    for stem in PUBLIC_MODULES:
        module = importlib.import_module(f"essprogramme.scheduling.{stem}")
        assert module.__doc__, stem
        names |= set(module.__all__)
        for name in module.__all__:
            assert getattr(scheduling, name) is getattr(module, name), name
    assert exported == names


@pytest.mark.parametrize("name", scheduling.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    value = getattr(scheduling, name)
    if inspect.isclass(value) or inspect.isfunction(value):
        assert inspect.getdoc(value), name
    if inspect.isclass(value):
        for member, method in vars(value).items():
            if not member.startswith("_") and (
                inspect.isfunction(method) or isinstance(method, property | classmethod)
            ):
                assert inspect.getdoc(getattr(value, member)), f"{name}.{member}"


def test_results_are_frozen_slotted_keyword_only() -> None:
    classes = [
        getattr(scheduling, n)
        for n in scheduling.__all__
        if inspect.isclass(getattr(scheduling, n)) and attrs.has(getattr(scheduling, n))
    ]
    assert len(classes) >= 15
    for cls in classes:
        assert "__slots__" in vars(cls), cls
        assert all(field.kw_only for field in attrs.fields(cls)), cls
        assert cls.__setattr__ is not object.__setattr__, cls  # frozen


def test_the_model_never_imports_scheduling() -> None:
    for path in MODEL.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert "scheduling" not in (node.module or ""), path.name
            elif isinstance(node, ast.Import):
                assert not any("scheduling" in alias.name for alias in node.names), path.name
    script = "import sys, essprogramme\nassert 'essprogramme.scheduling' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr


def _imports(path: Path) -> set[str]:
    """The sibling modules a module of the package imports (``from .x import``, ``from . import x``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module)
            else:
                found |= {alias.name for alias in node.names}
    return found


def test_the_modules_import_each_other_without_a_cycle() -> None:
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for target in graph.get(module, ()):
            visit(target, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_every_message_exists_in_every_language_with_the_same_fields() -> None:
    assert LANGUAGES == ("en", "fr", "es")
    for code, templates in CATALOGUE.items():
        assert set(templates) == set(LANGUAGES), code
        fields = template_fields(code)
        assert len(set(fields.values())) == 1, code
    assert scheduling.message("summary", "fr-CA", errors=1, warnings=0).startswith("1 erreur")
    assert scheduling.quoted("x", "fr") == "« x »"


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=12),
    st.sampled_from(["Europe/Paris", "UTC", "08:00-18:00", "../etc/passwd", "\ud800"]),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=2)),
    st.lists(st.sampled_from(["Europe/Paris", "Mars/Olympus", 3]), max_size=3),
    st.tuples(st.datetimes(timezones=st.just(UTC)), st.datetimes(timezones=st.just(UTC))),
)


_AT = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
_HOUR = timedelta(hours=1)
#: Each call with good arguments; the test swaps some of them for junk.
_CALLS: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "suggest_slots": (
        scheduling.suggest_slots,
        {
            "participants": ["Europe/Paris", "Asia/Tokyo"],
            "duration": _HOUR,
            "window": (_AT, _AT + timedelta(days=1)),
            "step": timedelta(minutes=30),
            "limit": 3,
            "exclude": (),
        },
    ),
    "suggest_series": (
        scheduling.suggest_series,
        {
            "participants": ["Europe/Paris"],
            "duration": _HOUR,
            "windows": [(_AT, _AT + timedelta(days=1))],
            "step": timedelta(hours=2),
            "assumed_duration": _HOUR,
        },
    ),
    "repeat_local": (
        scheduling.repeat_local,
        {"first": _AT, "zone": "Europe/Paris", "count": 3, "every": timedelta(days=7), "fold": 1},
    ),
    "resolve_local": (
        scheduling.resolve_local,
        {"day": date(2026, 3, 29), "at": time(2, 30), "zone": "Europe/Paris", "fold": 0},
    ),
    "comfort_of": (
        scheduling.comfort_of,
        {"zone": "Asia/Tokyo", "start": _AT, "end": _AT + _HOUR, "participant": "ana"},
    ),
    "add_wall_clock": (
        scheduling.add_wall_clock,
        {"moment": _AT, "delta": timedelta(days=1), "zone": "Europe/Paris"},
    ),
    "wall_clock_between": (
        scheduling.wall_clock_between,
        {"start": _AT, "end": _AT + _HOUR, "zone": "Europe/Paris"},
    ),
    "local_view": (
        scheduling.local_view,
        {"session": _SEED.sessions[0], "zone": "Asia/Tokyo", "home_zone": "UTC"},
    ),
    "find_conflicts": (
        scheduling.find_conflicts,
        {"programme": _SEED, "buffer": _HOUR, "travel": _HOUR, "assumed_duration": _HOUR},
    ),
    "agenda": (scheduling.agenda, {"programme": _SEED, "zone": "UTC", "day_starts": time(4)}),
    "session_comfort": (
        scheduling.session_comfort,
        {"programme": _SEED, "session": _SEED.sessions[0].id, "places": {}},
    ),
    "ComfortPolicy": (
        scheduling.ComfortPolicy,
        {"ideal": "09:00-17:00", "acceptable": "08:00-20:00", "weekend": {4, 5}},
    ),
}


@pytest.mark.parametrize("name", sorted(_CALLS))
@given(st.data())
def test_bad_arguments_raise_validation_errors_never_anything_else(
    name: str, data: st.DataObject
) -> None:
    function, good = _CALLS[name]
    function(**good)  # the good arguments are good
    spoiled = data.draw(st.sets(st.sampled_from(sorted(good)), min_size=1, max_size=2))
    arguments = {
        key: data.draw(_JUNK, label=key) if key in spoiled else value for key, value in good.items()
    }
    with contextlib.suppress(ValidationError):
        function(**arguments)
