"""The library's cattrs converter: strict hooks, and errors turned into problems.

Two converters are built by one function: a fast one (no detailed
validation) that decodes valid documents, and its detailed twin that runs
only when the fast one fails, to report every problem with its path. The
strict hooks are registered before any class hook is generated, so that
generated code uses them: no coercion (``42`` is not ``"42"``), a JSON
array is required wherever the model holds a tuple or a set.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from ._fastpath import FastFunctions
from .errors import Location, Problem, ValidationError
from .model import LocalizedText, PartialDate, vocab
from .model._checks import item_problem, type_name
from .model._formats import looks_naive
from .model.text import adopt

__all__ = ["converter", "decode", "problems_from", "unstructure", "unstructure_for_json"]

T = TypeVar("T")

_INSTANT = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
).match
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").match


def _fail(code: str, message: str) -> ValidationError:
    return ValidationError([Problem(location=(), code=code, message=message)])


def _structure_str(value: Any) -> str:
    if type(value) is str:
        return value
    raise _fail("type", f"expected a string, got {type_name(value)}")


def _structure_int(value: Any) -> int:
    if type(value) is int:
        return value
    raise _fail("type", f"expected an integer, got {type_name(value)}")


def _structure_instant(value: Any) -> datetime:
    if type(value) is not str:
        raise _fail("type", f"expected an RFC 3339 date-time string, got {type_name(value)}")
    if _INSTANT(value) is None:
        if looks_naive(value):
            raise _fail("naive_datetime", f"no offset in {value!r}: add Z or +hh:mm")
        raise _fail(
            "instant",
            f"expected an RFC 3339 date-time with an offset (2021-10-08T11:00:00Z), got {value!r}",
        )
    try:
        moment = datetime.fromisoformat(value.upper())
    except ValueError as error:
        raise _fail("instant", f"{value!r} is not a real instant: {error}") from None
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise _fail("instant_range", f"{value!r} is outside the years 1 to 9999 in UTC") from None


def _structure_date(value: Any) -> date:
    if type(value) is not str or _DATE(value) is None:
        raise _fail("date", f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _fail("date", f"{value!r} is not a calendar date: {error}") from None


def _structure_text(value: Any) -> LocalizedText:
    if type(value) is not dict:
        raise _fail("type", f"expected an object of language tag to text, got {type_name(value)}")
    return LocalizedText(value)


_VOCABULARIES = tuple(getattr(vocab, name) for name in vocab.__all__)


def _leaf(fn: Callable[[Any], T]) -> Callable[[Any, Any], T]:
    return lambda value, _: fn(value)


def _enum_factory(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in members)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _fail("enum", f"expected one of {allowed}; got {value!r}")

    return structure


def _is_array(t: Any) -> bool:
    return get_origin(t) in (tuple, frozenset)


def _array_factory(cls: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Tuples and sets from JSON arrays only, every bad item reported with its index."""
    item_type = get_args(cls)[0]
    item = converter.get_structure_hook(item_type)
    is_set = get_origin(cls) is frozenset

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise _fail("type", f"expected an array, got {type_name(value)}")
        items, errors = [], []
        for index, x in enumerate(value):
            try:
                items.append(item(x, item_type))
            except Exception as error:  # noqa: BLE001 - collected, reported below
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, item_type),
                ]
                errors.append(error)
        if errors:
            raise cattrs.IterableValidationError("While structuring an array", errors, cls)
        if not is_set:
            return tuple(items)
        result = frozenset(items)
        if len(result) != len(items):
            raise _fail("duplicate", "the items of this array must be distinct")
        return result

    return structure


def _set_items_hook(hook: Callable[[Any, Any], Any], item_type: Any, metadata: Any) -> Any:
    """A set field's hook that also checks each item where the JSON array shows it."""

    def structure(value: Any, cls: Any) -> Any:
        result = hook(value, cls)
        problems = []
        for index, item in enumerate(value):
            found = item_problem(item_type, metadata, item)
            if found is not None:
                problems.append(Problem(location=(index,), code=found[0], message=found[1]))
        if problems:
            raise ValidationError(problems)
        return result

    return structure


def _class_factory(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        attrs.resolve_types(cls)
        overrides = {
            field.name: override(
                struct_hook=_set_items_hook(
                    converter.get_structure_hook(field.type),
                    get_args(field.type)[0],
                    field.metadata,
                )
            )
            for field in attrs.fields(cls)
            if get_origin(field.type) is frozenset
        }
        generated = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,  # type: ignore[arg-type]
        )

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise _fail("type", f"expected an object, got {type_name(value)}")
            return generated(value, cls)

        return structure

    return factory


def _is_model(cls: Any) -> bool:
    """Our attrs classes that travel as JSON objects (PartialDate is a string)."""
    return attrs.has(cls) and cls.__module__.startswith("essprogramme.") and cls is not PartialDate


def _make() -> cattrs.Converter:
    converter = cattrs.Converter(
        detailed_validation=True, forbid_extra_keys=True, omit_if_default=True
    )
    # Type hooks first: the class hooks generated below pick them up.
    converter.register_structure_hook(str, _leaf(_structure_str))
    converter.register_structure_hook(int, _leaf(_structure_int))
    converter.register_structure_hook(datetime, _leaf(_structure_instant))
    converter.register_structure_hook(date, _leaf(_structure_date))
    converter.register_structure_hook(PartialDate, _leaf(PartialDate.parse))
    converter.register_structure_hook(LocalizedText, _leaf(_structure_text))
    # Each vocabulary by name: the ``str`` hook above would otherwise catch
    # the StrEnums, which are str subclasses.
    for vocabulary in _VOCABULARIES:
        converter.register_structure_hook(vocabulary, _enum_factory(vocabulary))
    converter.register_structure_hook_factory(_is_array, cast(Any, _array_factory))
    converter.register_structure_hook_factory(_is_model, _class_factory(converter))
    # Unstructuring goes through the generated plain-data functions.
    converter.register_unstructure_hook_factory(
        _is_model, lambda cls: _FAST.unstructure_fn(cls, json_mode=False)
    )
    converter.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    converter.register_unstructure_hook(PartialDate, str)
    return converter


_LEAVES: dict[type, Callable[[Any], Any]] = {
    datetime: _structure_instant,
    date: _structure_date,
    PartialDate: PartialDate.parse,
    LocalizedText: _structure_text,
}
_FAST = FastFunctions(_LEAVES)
# For data the decoder parsed itself: its dicts become the texts' own.
# (Anything but a dict fails in adopt, and the detailed converter says why.)
_FAST_OWNED = FastFunctions({**_LEAVES, LocalizedText: adopt})
#: The library's cattrs converter: strict hooks, detailed validation.
converter = _make()


def decode(data: Any, cls: type[T], *, owned: bool = False) -> T:
    """Structure plain JSON data into ``cls``; raise :class:`ValidationError`.

    Valid data goes through the generated fast path; on any failure the
    detailed converter reruns to report every problem with its path.
    ``owned`` says that nobody else holds ``data`` (it was just parsed), so
    its dicts may be kept rather than copied.
    """
    if _is_model(cls):
        fast = _FAST_OWNED if owned else _FAST
        try:
            return fast.structure_fn(cls)(data)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - the detailed run says what went wrong
            pass
    try:
        result: T = converter.structure(data, cls)
    except Exception as error:  # noqa: BLE001 - every failure becomes problems
        raise ValidationError(list(problems_from(error, ()))) from None
    return result


def unstructure(obj: Any) -> Any:
    """Fresh plain JSON data (dicts, lists, strings, numbers) for a model object."""
    return converter.unstructure(obj)


def unstructure_for_json(obj: Any) -> Any:
    """Data for orjson (instants, enums, tuples left to it); shares immutable internals."""
    cls = type(obj)
    if _is_model(cls):
        return _FAST.unstructure_fn(cls, json_mode=True)(obj)
    return unstructure(obj)


def problems_from(error: BaseException, location: Location) -> Iterator[Problem]:
    """Walk a (cattrs) exception tree, yielding problems with full locations."""
    if isinstance(error, ValidationError):
        for problem in error.problems:
            yield problem.within(*location)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(
                location=(*location, key), code="unknown_key", message="is not a known key"
            )
    elif isinstance(error, BaseExceptionGroup):
        for sub in error.exceptions:
            here = location
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    here = (*here, note.name)
                elif isinstance(note, IterableValidationNote):
                    here = (*here, note.index)
            yield from problems_from(sub, here)
    elif isinstance(error, KeyError):
        yield Problem(location=location, code="required", message="is required")
    else:
        yield Problem(location=location, code="invalid", message=f"{type(error).__name__}: {error}")
