"""The model's rules, written once and generated into code for every class.

Every field's rule comes from its annotation and its metadata (a ``format``
for strings, ``min``/``max`` for integers, ``distinct`` for arrays, see
:data:`FORMATS`); every cross-field rule from the class's ``_rules``
method. From these one emitter writes, per class, two functions that share
every check, line for line:

* the **constructor check**, installed by :func:`model` as the class's
  ``__attrs_post_init__``: it checks Python values (words like ``str`` and
  ``tuple`` in its messages) and stores the immutable form (a list becomes a
  tuple, an aware datetime becomes UTC);
* the **JSON structure function**, used by :mod:`essprogramme.codec`: it
  reads plain JSON data and builds the object without calling ``__init__``.

Both always collect every problem: valid data pays only for the checks, and
a failing document is reported in the same single pass, with every problem
located, so no second engine can disagree with the first.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from ..errors import Problem, ValidationError
from . import _formats
from . import text as _text
from ._codegen import Source
from ._rules import (
    FORMATS,
    HINTS,
    _decimal_from_json,
    _decimal_from_python,
    _duplicate_problems,
    _nest,
    _too_deep,
    _unknown_keys,
    aware_instant,
    provenance_problems,
    python_name,
    show,
    type_name,
)

__all__ = ["Model", "checked", "optional_inner", "structure_function"]

C = TypeVar("C", bound=type)

_set_attribute = object.__setattr__


# The emitter ----------------------------------------------------------------


def optional_inner(t: Any) -> Any:
    """``X`` for ``X | None``; ``None`` for any other type."""
    if typing.get_origin(t) in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(t) if a is not type(None)]
        return inner
    return None


def _python_type_name(t: Any) -> str:
    inner = optional_inner(t)
    if inner is not None:
        return f"{_python_type_name(inner)} or None"
    origin = typing.get_origin(t)
    if origin is not None:
        return f"{origin.__name__}[{_python_type_name(typing.get_args(t)[0])}]"
    return str(t.__name__)


class _Emitter:
    """Writes one generated function; ``json`` chooses the side it reads."""

    def __init__(
        self, src: Source, *, json: bool, leaves: Mapping[type, Any], trusted: bool = False
    ) -> None:
        self.src = src
        self.json = json
        self.leaves = leaves
        # Text from our own parser holds no lone surrogates: no need to look.
        self.trusted = trusted
        self.counter = 0
        for name, value in {
            "Problem": Problem,
            "ValidationError": ValidationError,
            "nest": _nest,
            "got": type_name if json else python_name,
            "show": show,
            "has_lone_surrogate": _formats.has_lone_surrogate,
            "duplicates": _duplicate_problems,
        }.items():
            src.bind(name, value)

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def problem(self, ind: int, loc: str, code: str, message: str) -> None:
        self.src.line(
            ind, f"problems.append(Problem(location={loc}, code={code!r}, message={message}))"
        )

    def type_problem(self, ind: int, loc: str, var: str, wanted: str) -> None:
        self.problem(ind, loc, "type", f"{('expected ' + wanted + ', got ')!r} + got({var})")

    def value(
        self,
        t: Any,
        meta: Mapping[str, Any],
        var: str,
        loc: str,
        out: str,
        ind: int,
        depth: str = "depth + 1",
    ) -> None:
        """Check ``var`` against ``t``; on success store the model's value in ``out``.

        ``out`` is a variable, or a sink such as ``items.append``; ``depth``
        is the JSON nesting depth of ``var``.
        """
        src = self.src
        inner = optional_inner(t)
        if inner is not None:
            src.line(ind, f"if {var} is None:")
            src.line(ind + 1, self.store(out, "None"))
            src.line(ind, "else:")
            self.value(inner, meta, var, loc, out, ind + 1, depth)
            return
        origin = typing.get_origin(t)
        if origin is tuple or origin is frozenset:
            self.array(t, origin, meta, var, loc, out, ind)
        elif t is str:
            self.string(meta, var, loc, out, ind)
        elif t is int:
            self.integer(meta, var, loc, out, ind)
        elif t is bool:
            src.line(ind, f"if type({var}) is not bool:")
            self.type_problem(ind + 1, loc, var, "a boolean" if self.json else "bool")
            src.line(ind, "else:")
            src.line(ind + 1, self.store(out, var))
        elif t is float:
            self.number(meta, var, loc, out, ind)
        elif t is Decimal:
            reader = _decimal_from_json if self.json else _decimal_from_python
            convert = src.bind(f"read_decimal_{'json' if self.json else 'python'}", reader)
            self.guarded(self.store(out, f"{convert}({var})"), loc, ind)
        elif isinstance(t, type) and issubclass(t, enum.Enum):
            self.member(t, var, loc, out, ind)
        elif self.json and t in self.leaves:
            convert = src.bind(f"read_{t.__name__}", self.leaves[t])
            if self.trusted and t is _text.LocalizedText:
                self.one_language_text(var, out, ind)
                ind += 1
            self.guarded(self.store(out, f"{convert}({var})"), loc, ind)
        elif not self.json and t is datetime:
            convert = src.bind("aware_instant", aware_instant)
            self.guarded(self.store(out, f"{convert}({var})"), loc, ind)
        elif self.json and attrs.has(t):
            fn = src.bind(f"structure_{t.__name__}", self.nested(t))
            self.guarded(self.store(out, f"{fn}({var}, {depth})"), loc, ind)
        elif isinstance(t, type):
            cls = src.bind(f"cls_{t.__name__}", t)
            check = f"type({var}) is not {cls}"
            if attrs.has(t):
                check += f" and not isinstance({var}, {cls})"
            src.line(ind, f"if {check}:")
            article = "an" if t.__name__[0] in "AEIOU" else "a"
            self.type_problem(ind + 1, loc, var, f"{article} {t.__name__}")
            src.line(ind, "else:")
            src.line(ind + 1, self.store(out, var))
        else:  # pragma: no cover - a model bug
            raise TypeError(f"no rule for type {t!r}")

    def nested(self, cls: type) -> Callable[[Any, int], Any]:
        """The structure function of a nested class; looked up late if it nests itself."""
        key = (cls, id(self.leaves), self.trusted)
        if key in _BUILDING:
            return _StructureRef(cls, self.leaves, self.trusted)
        return _structure_for(cls, self.leaves, self.trusted)

    def one_language_text(self, var: str, out: str, ind: int) -> None:
        """Inline the commonest text: one language, a tag already seen, from our reader.

        Leaves an ``else:`` open for the reader's full check.
        """
        src = self.src
        tags = src.bind("good_tags", _text._GOOD_TAGS)
        new, set_texts = src.bind("new", object.__new__), src.bind("set_texts", _text._set_texts)
        text_cls = src.bind("cls_LocalizedText", _text.LocalizedText)
        tag, text = self.fresh("tag"), self.fresh("text")
        src.line(ind, f"if type({var}) is dict and len({var}) == 1:")
        src.line(ind + 1, f"[{tag}] = {var}")
        src.line(ind + 1, f"{text} = {var}[{tag}]")
        src.line(ind, "else:")
        src.line(ind + 1, f"{tag} = {text} = None")
        test = f"{tag} in {tags} and type({text}) is str and {text} and not {text}.isspace()"
        src.line(ind, f"if {text} is not None and {test}:")
        src.line(ind + 1, self.store(out, f"{new}({text_cls})"))
        if out.endswith(".append"):  # the text was appended: set it through the list
            src.line(ind + 1, f"{set_texts}({out[: -len('.append')]}[-1], {var})")
        else:
            src.line(ind + 1, f"{set_texts}({out}, {var})")
        src.line(ind, "else:")

    @staticmethod
    def store(out: str, expr: str) -> str:
        """The statement keeping ``expr``: an assignment, or a call to a sink like ``items.append``."""
        return f"{out}({expr})" if out.endswith(".append") else f"{out} = {expr}"

    def guarded(self, statement: str, loc: str, ind: int) -> None:
        self.src.line(ind, "try:")
        self.src.line(ind + 1, statement)
        self.src.line(ind, "except ValidationError as error:")
        self.src.line(ind + 1, f"nest(problems, error, {loc})")

    def string(self, meta: Mapping[str, Any], var: str, loc: str, out: str, ind: int) -> None:
        src = self.src
        src.line(ind, f"if type({var}) is not str:")
        self.type_problem(ind + 1, loc, var, "a string" if self.json else "str")
        if not self.trusted:
            src.line(ind, f"elif has_lone_surrogate({var}):")
            self.problem(ind + 1, loc, "unicode", "'holds a lone surrogate: not Unicode text'")
        fmt = meta.get("format")
        if fmt:
            predicate, code, message = FORMATS[fmt]
            check = src.bind(f"is_{fmt}", predicate)
            src.line(ind, f"elif not {check}({var}):")
            detail = f"{message + ': '!r} + show({var})"
            if fmt in HINTS:
                detail += f" + {src.bind(f'hint_{fmt}', HINTS[fmt])}({var})"
            self.problem(ind + 1, loc, code, detail)
        else:
            src.line(ind, f"elif not {var} or {var}.isspace():")
            self.problem(ind + 1, loc, "empty", "'must not be empty or blank'")
        src.line(ind, "else:")
        src.line(ind + 1, self.store(out, var))

    def number(self, meta: Mapping[str, Any], var: str, loc: str, out: str, ind: int) -> None:
        """A real number: a JSON number (an int or a float), never a bool or NaN."""
        src = self.src
        src.line(ind, f"if type({var}) is not float and type({var}) is not int:")
        self.type_problem(ind + 1, loc, var, "a number" if self.json else "float or int")
        low, high = meta.get("min"), meta.get("max")
        src.line(ind, f"elif not ({low!r} <= {var} <= {high!r}):")  # NaN fails too
        message = f"must be from {low} to {high}, got "
        self.problem(ind + 1, loc, "range", f"{message!r} + repr({var})")
        src.line(ind, "else:")
        src.line(ind + 1, self.store(out, f"float({var})"))

    def integer(self, meta: Mapping[str, Any], var: str, loc: str, out: str, ind: int) -> None:
        src = self.src
        src.line(ind, f"if type({var}) is not int:")
        self.type_problem(ind + 1, loc, var, "an integer" if self.json else "int")
        low, high = meta.get("min"), meta.get("max")
        if low is not None or high is not None:
            tests = [f"{var} < {low}"] if low is not None else []
            tests += [f"{var} > {high}"] if high is not None else []
            bounds = f"from {low}" + (f" to {high}" if high is not None else " upwards")
            src.line(ind, f"elif {' or '.join(tests)}:")
            self.problem(ind + 1, loc, "range", f"{'must be ' + bounds + ', got '!r} + show({var})")
        src.line(ind, "else:")
        src.line(ind + 1, self.store(out, var))

    def member(self, t: type[enum.Enum], var: str, loc: str, out: str, ind: int) -> None:
        src = self.src
        values = ", ".join(repr(m.value) for m in t)
        if self.json:
            members = src.bind(f"members_{t.__name__}", {m.value: m for m in t})
            found = self.fresh("member")
            src.line(ind, f"{found} = {members}.get({var}) if type({var}) is str else None")
            src.line(ind, f"if {found} is None:")
            self.problem(
                ind + 1, loc, "enum", f"{'expected one of ' + values + '; got '!r} + show({var})"
            )
            src.line(ind, "else:")
            src.line(ind + 1, self.store(out, found))
        else:
            cls = src.bind(f"cls_{t.__name__}", t)
            src.line(ind, f"if type({var}) is not {cls}:")
            wanted = f"expected a {t.__name__} member (one of {values}), got "
            self.problem(ind + 1, loc, "enum", f"{wanted!r} + got({var}) + ' ' + show({var})")
            src.line(ind, "else:")
            src.line(ind + 1, self.store(out, var))

    def array(
        self, t: Any, origin: Any, meta: Mapping[str, Any], var: str, loc: str, out: str, ind: int
    ) -> None:
        src = self.src
        item_type = typing.get_args(t)[0]
        is_set = origin is frozenset
        if self.json:
            src.line(ind, f"if type({var}) is not list:")
            wanted = "an array of distinct values" if is_set else "an array"
            self.type_problem(ind + 1, loc, var, wanted)
        else:
            kinds = "(set, frozenset)" if is_set else "(tuple, list)"
            src.line(ind, f"if not isinstance({var}, {kinds}):")
            what = "a set or frozenset" if is_set else "a tuple or list"
            self.type_problem(ind + 1, loc, var, f"{what} of {_python_type_name(item_type)}")
        src.line(ind, "else:")
        index, item, before = self.fresh("i"), self.fresh("x"), self.fresh("count")
        src.line(ind + 1, f"{before} = len(problems)")
        # A set's items have no order in Python: they are located at the set.
        item_loc = loc if is_set and not self.json else f"({loc[1:-1]} {index},)"
        converting = _converts(item_type, json=self.json)
        if converting:  # each item becomes its model form (an instant in UTC...)
            source = self.fresh("items")
            src.line(ind + 1, f"{source} = []")
            sink = f"{source}.append"
        else:  # the items are kept as they are: only checked
            source, sink = var, self.fresh("y")
        src.line(ind + 1, f"for {index}, {item} in enumerate({var}):")
        self.value(item_type, meta, item, item_loc, sink, ind + 2, "depth + 2")
        # Items with problems may be unhashable: only sound items are compared.
        sound = f"len(problems) == {before}"
        if is_set:
            if self.json:
                src.line(ind + 1, f"if {sound}:")
                src.line(ind + 2, f"{out} = frozenset({source})")
                src.line(ind + 2, f"if len({out}) != len({source}):")
                src.line(ind + 3, f"problems.extend(duplicates({source}, {loc}, False))")
            elif converting:
                src.line(ind + 1, f"{out} = frozenset({source})")
            else:
                src.line(
                    ind + 1, f"{out} = {var} if type({var}) is frozenset else frozenset({var})"
                )
        else:
            if self.json or converting:
                src.line(ind + 1, f"{out} = tuple({source})")
            else:
                src.line(ind + 1, f"{out} = {var} if type({var}) is tuple else tuple({var})")
            distinct = meta.get("distinct")
            if distinct:
                fold = distinct == "casefold"
                unique = f"{{x.lower() for x in {out}}}" if fold else f"set({out})"
                test = f"{sound} and len({out}) > 1 and len({unique}) != len({out})"
                src.line(ind + 1, f"if {test}:")
                src.line(ind + 2, f"problems.extend(duplicates({out}, {loc}, {fold}))")


def _converts(t: Any, *, json: bool) -> bool:
    """Whether values of type ``t`` change form when checked (JSON: all but str,
    int and bool; Python: instants, numbers, arrays and sets)."""
    inner = optional_inner(t)
    if inner is not None:
        return _converts(inner, json=json)
    if json:
        return t not in (str, int, bool)
    return t in (datetime, float) or typing.get_origin(t) in (tuple, frozenset)


class _StructureRef:
    """A class's structure function, looked up on first call (classes may nest themselves)."""

    __slots__ = ("cls", "fn", "leaves", "trusted")

    def __init__(self, cls: type, leaves: Mapping[type, Any], trusted: bool) -> None:
        self.cls = cls
        self.leaves = leaves
        self.trusted = trusted
        self.fn: Callable[[Any, int], Any] | None = None

    def __call__(self, data: Any, depth: int) -> Any:
        fn = self.fn
        if fn is None:
            fn = self.fn = _structure_for(self.cls, self.leaves, self.trusted)
        return fn(data, depth)


def _reaches_itself(cls: type) -> bool:
    """Whether ``cls`` can contain itself through its fields (a region's members)."""
    seen: set[type] = set()
    stack = [cls]
    while stack:
        current = stack.pop()
        for field in attrs.fields(current):
            for t in _field_classes(field.type):
                if t is cls:
                    return True
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
    return False


def _field_classes(t: Any) -> Iterator[type]:
    if isinstance(t, type):
        if attrs.has(t):
            yield t
        return
    for arg in typing.get_args(t):
        yield from _field_classes(arg)


def _model_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(cls) if f.init]


def _emit_presence_rules(src: Source, cls: type, read: Callable[[str], str], ind: int) -> None:
    """A class's declared presence rules, checked on the data itself like a missing key.

    ``_required_one_of``: at least one of these fields is given (``required``
    at the object); ``_exactly_one_of``: one and only one (``exactly_one`` at
    the first). Reported alongside every other problem, as the schema's
    rules are.
    """
    for attribute, test, code, at, wording in (
        ("_required_one_of", "== 0", "required", (), "needs at least one of"),
        ("_exactly_one_of", "!= 1", "exactly_one", None, "give exactly one of"),
    ):
        names: tuple[str, ...] = getattr(cls, attribute, ())
        if not names:
            continue
        given = " + ".join(f"({read(name)} is not None)" for name in names)
        location = (names[0],) if at is None else at
        message = f"{wording}: {', '.join(names)}"
        src.line(ind, f"if {given} {test}:")
        src.line(
            ind + 1,
            f"problems.append(Problem(location={location!r}, code={code!r}, message={message!r}))",
        )


def _all_exact_str(data: dict[Any, Any]) -> bool:
    return all(type(key) is str for key in data)


def _emit_rules(src: Source, cls: type, target: str, ind: int) -> None:
    if "inferred" in attrs.fields_dict(cls):  # provenance: checked when marks are given
        src.bind("provenance_problems", provenance_problems)
        src.line(ind, f"if not problems and {target}.inferred:")
        src.line(ind + 1, f"problems.extend(provenance_problems({target}))")
    if hasattr(cls, "_rules"):
        src.line(ind, "if not problems:")
        src.line(ind + 1, f"problems.extend({target}._rules())")


def _compile_check(cls: type) -> Callable[[Any], None]:
    """The constructor check of ``cls``: Python values, every problem, immutable forms."""
    src = Source(f"check {cls.__qualname__}")
    emitter = _Emitter(src, json=False, leaves={})
    setter = src.bind("set_attribute", _set_attribute)
    src.line(0, "def check(self):")
    src.line(1, "problems = []")
    for field in _model_fields(cls):
        var, out = f"v_{field.name}", f"x_{field.name}"
        src.line(1, f"{var} = self.{field.name}")
        emitter.value(field.type, field.metadata, var, f"({field.name!r},)", out, 1)
        if _converts(field.type, json=False):
            src.line(1, f"if not problems and {out} is not {var}:")
            src.line(2, f"{setter}(self, {field.name!r}, {out})")
    _emit_presence_rules(src, cls, lambda name: f"self.{name}", 1)
    _emit_rules(src, cls, "self", 1)
    if hasattr(cls, "_python_rules"):  # what a JSON reading checks otherwise
        src.line(1, "if not problems:")
        src.line(2, "problems.extend(self._python_rules())")
    src.line(1, "if problems:")
    src.line(2, "raise ValidationError(problems)")
    check: Callable[[Any], None] = src.compile("check")
    return check


_Key = tuple[type, int, bool]
_STRUCTURES: dict[_Key, Callable[[Any, int], Any]] = {}
_BUILDING: set[_Key] = set()


def _structure_for(
    cls: type, leaves: Mapping[type, Any], trusted: bool
) -> Callable[[Any, int], Any]:
    key = (cls, id(leaves), trusted)
    fn = _STRUCTURES.get(key)
    if fn is None:
        _BUILDING.add(key)
        try:
            fn = _STRUCTURES[key] = _compile_structure(cls, leaves, trusted)
        finally:
            _BUILDING.discard(key)
    return fn


def _compile_structure(
    cls: type, leaves: Mapping[type, Any], trusted: bool
) -> Callable[[Any, int], Any]:
    """The JSON structure function of ``cls``: ``structure(data, depth) -> obj``."""
    src = Source(f"structure {cls.__qualname__}")
    emitter = _Emitter(src, json=True, leaves=leaves, trusted=trusted)
    fields = _model_fields(cls)
    known = src.bind("known_keys", frozenset(f.name for f in fields))
    missing = src.bind("MISSING", attrs.NOTHING)
    src.bind("unknown_keys", _unknown_keys)
    src.bind("too_deep", _too_deep)
    src.bind("MAX_DEPTH", _formats.MAX_DEPTH)
    new = src.bind("new", object.__new__)
    cls_name = src.bind(f"cls_{cls.__name__}", cls)
    src.line(0, "def structure(data, depth):")
    src.line(1, "if type(data) is not dict:")
    src.line(
        2,
        "raise ValidationError([Problem(location=(), code='type', message='expected an object, got ' + got(data))])",
    )
    if _reaches_itself(cls):
        src.line(1, "if depth >= MAX_DEPTH:")
        src.line(2, "problems = too_deep(data, depth)")
        src.line(2, "if problems:")
        src.line(3, "raise ValidationError(problems)")
    if trusted:  # our reader's keys are exact strings
        src.line(1, f"problems = [] if {known}.issuperset(data) else unknown_keys(data, {known})")
    else:  # a str subclass equal to a field's name is no JSON key
        src.bind("all_exact_str", _all_exact_str)
        src.line(
            1,
            f"problems = [] if {known}.issuperset(data) and all_exact_str(data) "
            f"else unknown_keys(data, {known})",
        )
    for field in fields:
        var, out, loc = "v", f"x_{field.name}", f"({field.name!r},)"
        if field.default is attrs.NOTHING:
            src.line(1, f"v = data.get({field.name!r}, {missing})")
            src.line(1, f"if v is {missing}:")
            emitter.problem(2, loc, "required", "'is required'")
            src.line(1, "else:")
            emitter.value(field.type, field.metadata, var, loc, out, 2)
        elif field.default is None:  # absent or null: both mean None
            src.line(1, f"v = data.get({field.name!r})")
            src.line(1, "if v is None:")
            src.line(2, f"{out} = None")
            src.line(1, "else:")
            emitter.value(optional_inner(field.type), field.metadata, var, loc, out, 2)
        else:
            default = src.bind(f"default_{field.name}", field.default)
            src.line(1, f"v = data.get({field.name!r}, {missing})")
            src.line(1, f"if v is {missing}:")
            src.line(2, f"{out} = {default}")
            src.line(1, "else:")
            emitter.value(field.type, field.metadata, var, loc, out, 2)
    _emit_presence_rules(src, cls, lambda name: f"data.get({name!r})", 1)
    src.line(1, "if problems:")
    src.line(2, "raise ValidationError(problems)")
    # Build the object as attrs' __init__ would, without the constructor check:
    # every check it makes was made above. (Model classes have no converters.)
    src.line(1, f"obj = {new}({cls_name})")
    for field in attrs.fields(cls):
        setter = src.bind(f"set_{field.name}", getattr(cls, field.name).__set__)
        if field.init:
            src.line(1, f"{setter}(obj, x_{field.name})")
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = src.bind(f"factory_{field.name}", field.default.factory)
            src.line(1, f"{setter}(obj, {factory}())")
        else:
            default = src.bind(f"default_{field.name}", field.default)
            src.line(1, f"{setter}(obj, {default})")
    _emit_rules(src, cls, "obj", 1)
    src.line(1, "if problems:")
    src.line(2, "raise ValidationError(problems)")
    src.line(1, "return obj")
    fn: Callable[[Any, int], Any] = src.compile("structure")
    return fn


def structure_function(
    cls: type, leaves: Mapping[type, Any], *, trusted: bool = False
) -> Callable[[Any, int], Any]:
    """The JSON structure function of model class ``cls``, generated on first use.

    ``leaves`` maps the types that travel as JSON strings or objects of their
    own (instants, dates, partial dates, multilingual texts) to their readers;
    each reader raises :class:`ValidationError` located relative to the value.
    The function takes the data and its nesting depth (1 for a document's root).
    ``trusted`` data comes from our own JSON reader: its strings hold no lone
    surrogates, so they are not looked for.
    """
    return _structure_for(cls, leaves, trusted)


class Model:
    """The base of every model class: its constructor check is installed by :func:`checked`.

    attrs' ``__init__`` calls ``__attrs_post_init__`` only when the class has
    one as it is built; this placeholder is that one, replaced at once.
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:  # pragma: no cover - replaced by checked()
        raise TypeError(f"{type(self).__name__} is not decorated with @checked")


def checked(cls: C) -> C:
    """Install the generated constructor check of an attrs model class.

    Use it above ``@attrs.frozen(kw_only=True, weakref_slot=False)`` on a
    subclass of :class:`Model` (model objects are values: without a weak
    reference slot each takes 8 bytes less, 1.3 MB for 10,000 sessions).
    Type checkers then see a plain attrs class (``attrs.evolve`` and
    ``attrs.fields`` are typed), and every construction runs the check.
    Fields may not carry attrs converters or validators: the JSON decoder
    builds objects without ``__init__`` and would skip them.
    """
    if not (attrs.has(cls) and issubclass(cls, Model)):
        raise TypeError(f"{cls.__name__}: use @checked on an attrs subclass of Model")
    attrs.resolve_types(cls, localns={cls.__name__: cls})
    for field in attrs.fields(cls):
        if field.converter is not None or field.validator is not None:
            raise TypeError(
                f"{cls.__name__}.{field.name}: model fields have no attrs converter or "
                "validator; declare the rule in metadata or in _rules"
            )
    if "__weakref__" in getattr(cls, "__slots__", ()):
        raise TypeError(f"{cls.__name__}: declare model classes with weakref_slot=False")
    setattr(cls, "__attrs_post_init__", _first_check(cls))  # noqa: B010 - installed once
    return cls


def _first_check(cls: type) -> Callable[[Any], None]:
    """A check that compiles the real one on the first construction, and hands over to it.

    Importing the model then compiles nothing: a program pays for the
    classes it builds, when it first builds them.
    """

    def first_check(self: Any) -> None:
        check = _compile_check(cls)
        type.__setattr__(cls, "__attrs_post_init__", check)
        check(self)

    first_check.__qualname__ = f"{cls.__qualname__}.__attrs_post_init__"
    return first_check
