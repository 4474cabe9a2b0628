"""Strategies for the model's classes, derived from their attrs fields.

One generic builder draws every ``__init__`` field of a model class from
its type and its field metadata: ``"format"`` for strings, ``"min"`` and
``"max"`` for numbers, ``"distinct"`` for arrays, ``"references"`` for ids
of a programme's items. A field with a default (``status``, scheduled) is
left at it or drawn. The declarative rules a class states as class
attributes are read too: ``_required_one_of`` (at least one of these
fields is given) and ``_exactly_one_of`` (one and only one). A field added
to a class is generated without touching this module.

A class gets an override only where one of its own ``_rules`` needs values
drawn together: a session's published time shape and status, an end after
its start, availability that does not overlap, a price's amount and
currency, places left within capacity, a territory's code, place and
members, an initiative not related to itself, a figure that is part of
another of its list, an inferred mark naming a field of its object.

Drawing stays cheap: each optional field or collection has one switch (a
single choice) that leaves it out or draws it, right before its value, so
that shrinking drops one field at a time; collections hold one or two
items, and objects nested in objects smaller collections still.

References between objects (a participant's speaker is a speaker id) are
drawn from id pools: the ``*_ids`` keyword arguments of the public
strategies, or the ids of a programme's collections (see :mod:`._programmes`).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    Activity,
    Affiliation,
    Figure,
    GovernanceBody,
    Inference,
    Initiative,
    Interval,
    Link,
    LocalizedText,
    Location,
    Membership,
    Organisation,
    PartialDate,
    Participant,
    Price,
    PriceKind,
    Programme,
    Registration,
    Session,
    SessionFormat,
    SessionStatus,
    Source,
    Speaker,
    Territory,
    Track,
)
from ._values import (
    WINDOW,
    amounts,
    cached,
    colors,
    countries,
    currencies,
    dates,
    emails,
    ids,
    instants,
    language_tags,
    localized_texts,
    locodes,
    maybe,
    numbers,
    partial_dates,
    spans,
    territory_codes,
    texts,
    transitions,
    urls,
    zone_keys,
)

__all__ = [
    "FORMAT_STRATEGIES",
    "TIME_SHAPES",
    "Config",
    "When",
    "activities",
    "affiliations",
    "collections",
    "field_values",
    "figures",
    "for_type",
    "governance_bodies",
    "initiatives",
    "intervals",
    "links",
    "locations",
    "objects",
    "organisations",
    "participants",
    "prices",
    "references",
    "references_in",
    "registrations",
    "sessions",
    "sources",
    "speakers",
    "territories",
    "tracks",
]

#: Collections hold at most this many items (one fewer in nested objects):
#: small objects, drawn quickly, that still show every field's shapes.
MAX_ITEMS = 2

#: How a session's time is published (:attr:`Session.time_shape`): an
#: exact start and end, a start alone, a local date (or date range), none.
TIME_SHAPES = ("exact", "start", "date", "none")

#: Fields of an object that an ``inferred`` mark may not name.
_NOT_INFERABLE = frozenset({"sources", "inferred", "notes"})


def _item_type(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` or ``frozenset[X]``; else None."""
    if typing.get_origin(t) in (tuple, frozenset):
        return typing.get_args(t)[0]
    return None


def _optional_inner(t: Any) -> Any:
    """``X`` for ``X | None``; else None."""
    if typing.get_origin(t) in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return None


@cached
def collections() -> dict[str, type]:
    """A programme's collections, ``{"sessions": Session, ...}``, from its fields."""
    programme: Any = Programme  # an attrs class, through the model's own decorator
    attrs.resolve_types(programme)
    found = {}
    for field in attrs.fields(programme):
        item = _item_type(field.type)
        if field.init and attrs.has(item) and "id" in attrs.fields_dict(item):
            found[field.name] = item
    return found


def _collection_of(cls: type) -> str | None:
    return next((name for name, item in collections().items() if item is cls), None)


def _prefix(collection: str) -> str:
    return collection[:3] + "-"


@attrs.frozen
class Config:
    """What the drawn objects share: zones, languages, id pools, sizes.

    ``pools`` maps a collection name (``"speakers"``) to the strategy that
    references into it are drawn from. A missing pool means free ids, except
    for references into the collection of the object being drawn (``home``:
    an organisation's memberships), which are then left out. ``holder`` is
    the class of the object holding the one being drawn, for values that
    name its fields (an inferred mark).
    """

    zones: st.SearchStrategy[str] | None = None
    languages: st.SearchStrategy[str] | None = None
    pools: tuple[tuple[str, st.SearchStrategy[str]], ...] = ()
    max_items: int = MAX_ITEMS
    home: str | None = None
    holder: type | None = None

    @classmethod
    def make(
        cls,
        *,
        zones: st.SearchStrategy[str] | None = None,
        languages: st.SearchStrategy[str] | None = None,
        **pools: st.SearchStrategy[str] | None,
    ) -> Config:
        """A configuration; ``pools`` by collection name, ``None`` ones dropped."""
        given = tuple(sorted((k, v) for k, v in pools.items() if v is not None))
        return cls(zones=zones, languages=languages, pools=given)

    def reference(self, owner: type, collection: str) -> st.SearchStrategy[str]:
        """Ids for a reference from ``owner`` into ``collection``."""
        pool = dict(self.pools).get(collection)
        if pool is not None:
            return pool
        if collection in (self.home, _collection_of(owner)):
            return st.nothing()
        return ids(_prefix(collection))


@attrs.frozen
class _Rule:
    """How a class's own rule shapes its drawing.

    ``together`` draws several fields as one tuple (an end after its start);
    its names need not be fields (a programme's sessions draw ``_when``, a
    local time to place once the programme's days are known); ``fields``
    replaces the derived strategy of single fields (for a collection: its
    non-empty values, as it is left out like any other); ``fix`` adjusts
    the drawn keyword arguments before the object is built.
    """

    together: Mapping[tuple[str, ...], st.SearchStrategy[tuple[Any, ...]]] = attrs.field(
        factory=dict
    )
    fields: Mapping[str, st.SearchStrategy[Any]] = attrs.field(factory=dict)
    fix: Callable[[dict[str, Any]], dict[str, Any]] | None = None


def _field_names(config: Config) -> st.SearchStrategy[str]:
    """Names an inferred mark may give: the fields of the object holding it."""
    holder = config.holder
    if holder is None:
        return st.sampled_from(("title", "start", "name", "time_zone"))
    return st.sampled_from(_inferable(holder))


@cached
def _inferable(cls: type) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in attrs.fields(cls)
        if f.init and f.name not in _NOT_INFERABLE and not f.name.startswith("_")
    )


#: format metadata -> the strings drawn for it. Every format the model
#: checks has one (``tests/test_strategies.py`` holds the two lists equal).
FORMAT_STRATEGIES: dict[str, Callable[[Config], st.SearchStrategy[str]]] = {
    "language": lambda c: language_tags() if c.languages is None else c.languages,
    "zone": lambda c: zone_keys() if c.zones is None else c.zones,
    "url": lambda c: urls(),
    "country": lambda c: countries(),
    "territory": lambda c: territory_codes(),
    "currency": lambda c: currencies(),
    "email": lambda c: emails(),
    "locode": lambda c: locodes(),
    "color": lambda c: colors(),
    "field": _field_names,
}


def _format_strategy(
    owner: type, name: str, fmt: str, metadata: Mapping[str, Any], config: Config
) -> st.SearchStrategy[str]:
    if fmt == "id":
        collection = metadata.get("references")
        if collection is not None:
            return config.reference(owner, collection)
        if name == "id":
            own = _collection_of(owner)
            return ids(_prefix(own) if own else owner.__name__[:3].lower() + "-")
        return ids()
    if fmt not in FORMAT_STRATEGIES:
        raise TypeError(f"{owner.__name__}.{name}: no strategy for format {fmt!r}")
    return FORMAT_STRATEGIES[fmt](config)


def _nested(owner: type, t: type, config: Config) -> Config:
    """The configuration of objects of class ``t`` inside an ``owner``: smaller collections.

    Objects inside objects hold smaller collections, so that the size of a
    drawn object stays linear in its number of fields, not exponential.
    """
    names_fields = any(f.metadata.get("format") == "field" for f in attrs.fields(t))
    return attrs.evolve(
        config,
        max_items=max(1, config.max_items - 1),
        holder=owner if names_fields else None,
    )


def _strategy_for(
    owner: type, name: str, t: Any, metadata: Mapping[str, Any], config: Config
) -> st.SearchStrategy[Any]:
    """The strategy for a field ``owner.name`` of type ``t``, from its metadata."""
    origin = typing.get_origin(t)
    if origin in (types.UnionType, typing.Union):
        inner = _optional_inner(t)
        if inner is None:
            raise TypeError(f"{owner.__name__}.{name}: no strategy for {t!r}")
        return maybe(_strategy_for(owner, name, inner, metadata, config))
    if origin in (tuple, frozenset):
        return _collection(owner, name, t, metadata, config)
    if t is str:
        fmt = metadata.get("format")
        return texts() if fmt is None else _format_strategy(owner, name, fmt, metadata, config)
    if t is bool:
        return st.booleans()
    if t is int:
        return st.integers(metadata.get("min"), metadata.get("max"))
    if t is float:
        return numbers(metadata["min"], metadata["max"])
    if t is Decimal:
        return amounts()
    if t is datetime:
        return instants(zones=config.zones)
    if t is date:
        return dates()
    if t is LocalizedText:
        # Inside objects, one language is enough to carry a text's shapes.
        return localized_texts(languages=config.languages, max_languages=min(2, config.max_items))
    if t is PartialDate:
        return partial_dates()
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return st.sampled_from(t)
    if attrs.has(t):
        return objects(t, _nested(owner, t, config))
    raise TypeError(f"{owner.__name__}.{name}: no strategy for type {t!r}")


def _collection(
    owner: type, name: str, t: Any, metadata: Mapping[str, Any], config: Config
) -> st.SearchStrategy[Any]:
    """Tuples or frozensets of ``t``'s items, up to ``config.max_items`` of them.

    (A field's own collection is drawn by :func:`_part`; this is for
    collections inside other types.)
    """
    origin, item = typing.get_origin(t), _item_type(t)
    items = _strategy_for(owner, name, item, metadata, config)
    if items.is_empty:
        return st.just(origin())
    gather = _gatherer(origin, item, metadata)
    return st.lists(items, max_size=config.max_items).map(tuple).map(gather)


def _distinct(metadata: Mapping[str, Any]) -> Callable[[Any], Any] | None:
    """Metadata ``"distinct"``: items differ (case-insensitively for ``"casefold"``)."""
    distinct = metadata.get("distinct")
    if distinct == "casefold":
        return _folded
    return _itself if distinct else None


def _folded(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _itself(value: Any) -> Any:
    return value


def _parts_of_wholes(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """A figure drawn as part of another is part of the list's first, and not above it."""
    if not figures:
        return figures
    whole, fixed = figures[0], []
    for index, figure in enumerate(figures):
        if figure.part_of is None:
            fixed.append(figure)
        elif index == 0:
            fixed.append(_evolve(figure, part_of=None))
        else:
            part_of, count = whole.measure, min(figure.count, whole.count)
            fixed.append(_evolve(figure, part_of=part_of, count=count))
    return tuple(fixed)


#: Rules on a list of items, checked by the object holding the list: what
#: must differ between items, and a fix of the whole list.
_LISTS: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any] | None]] = {
    Figure: (attrgetter("measure"), _parts_of_wholes),
    Inference: (attrgetter("field"), None),
}


@attrs.frozen
class _Gather:
    """Makes drawn items a tuple or a frozenset, dropping repeats the field forbids."""

    kind: type
    key: Callable[[Any], Any] | None
    fix: Callable[[Any], Any] | None = None

    def __call__(self, items: tuple[Any, ...]) -> Any:
        if self.kind is frozenset:
            return frozenset(items)
        if self.key is not None:
            seen: set[Any] = set()
            kept = []
            for item in items:
                if self.key(item) not in seen:
                    seen.add(self.key(item))
                    kept.append(item)
            items = tuple(kept)
        return items if self.fix is None else self.fix(items)


def _gatherer(origin: Any, item: Any, metadata: Mapping[str, Any]) -> _Gather:
    key, fix = _LISTS.get(item, (_distinct(metadata), None))
    return _Gather(origin, key, fix)


_ALWAYS: Any = object()


@attrs.frozen(repr=False)
class _Part:
    """One keyword argument of an object: always drawn, or left out as its switch decides.

    ``absent`` is the value of a left-out part (``_ALWAYS``: never left
    out); ``bits`` is how many bits of its switch must all be set to draw
    it. A collection drawn has one item (``strategy``), or two (``pair``)
    when one more bit says so. A ``linked`` part holds references to other
    items of a programme (participants, places): it is what makes a
    programme hang together, and is drawn even in a bare object.
    """

    name: str
    strategy: st.SearchStrategy[Any]
    absent: Any = _ALWAYS
    bits: int = 1
    pair: st.SearchStrategy[Any] | None = None
    linked: bool = False

    def __repr__(self) -> str:  # Hypothesis prints strategies with their arguments
        return f"<{self.name}>"


def _bits(t: Any) -> int:
    """Switch bits for a part of type ``t``: 2 (drawn one time in four) if it is compound.

    Compound values (texts, objects, collections of them) are made of many
    drawn parts; simple ones (an enum, an id, a URL) of one or two.
    """
    inner = _item_type(t) or t
    return 2 if inner is LocalizedText or attrs.has(inner) else 1


def _linked(t: Any, metadata: Mapping[str, Any]) -> bool:
    """Whether a field of type ``t`` holds references to a programme's items."""
    if "references" in metadata:
        return True
    inner = _item_type(t) or t
    inner = _optional_inner(inner) or inner
    return bool(attrs.has(inner) and any(_walk(inner)))


def _part(
    owner: type, name: str, t: Any, metadata: Mapping[str, Any], config: Config, default: Any
) -> _Part:
    """How field ``owner.name`` is drawn: optional values and collections may be left out.

    A left-out optional field is ``None``; a left-out collection is empty;
    a left-out field with another default (a status) is its default.
    Simple parts are drawn in one object in two, compound ones (texts,
    objects, lists of them), which cost many choices each, in one in four,
    but for those holding references (participants), drawn in one object
    in two: objects stay quick to draw, and every part still shows in
    most programmes. A drawn collection holds one or two items.
    """
    linked = _linked(t, metadata)
    inner = _optional_inner(t)
    if inner is not None:
        present = _strategy_for(owner, name, inner, metadata, config)
        if present.is_empty:
            return _Part(name, st.none())
        return _Part(name, present, None, 1 if linked else _bits(inner), linked=linked)
    origin = typing.get_origin(t)
    if origin in (tuple, frozenset):
        item = _item_type(t)
        items = _strategy_for(owner, name, item, metadata, config)
        if items.is_empty:
            return _Part(name, st.just(origin()))
        gather = _gatherer(origin, item, metadata)
        one = st.tuples(items).map(gather)
        pair = st.tuples(items, items).map(gather) if config.max_items > 1 else None
        bits = 1 if linked else _bits(t)
        return _Part(name, one, origin(), bits, pair, linked)
    strategy = _strategy_for(owner, name, t, metadata, config)
    if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return _Part(name, strategy)
    return _Part(name, strategy, default, _bits(t))


@cached
def _switch(bits: int) -> st.SearchStrategy[int]:
    return st.integers(0, 2**bits - 1)


def _draw_part(draw: st.DrawFn, part: _Part) -> Any:
    """A part's value: its switch (one choice) first, then its value if the switch says so."""
    if part.absent is _ALWAYS:
        return draw(part.strategy)
    switch = draw(_switch(part.bits + (part.pair is not None)))
    wanted = (1 << part.bits) - 1
    if switch & wanted != wanted:
        return part.absent
    if part.pair is not None and switch >> part.bits:
        return draw(part.pair)
    return draw(part.strategy)


#: An object with at least this many parts that may be left out is drawn
#: bare (its required and linked parts only) one time in two.
_BARE_FROM = 4


@st.composite
def _parts(draw: st.DrawFn, parts: tuple[_Part, ...], assemble: _Assemble, bare: bool) -> Any:
    """Draw ``parts``, each optional one as its switch (one choice) decides, and assemble them.

    The switch of a part is drawn right before its value: shrinking a
    switch to 0 drops that part alone, and nothing else moves. An object
    with many optional parts first draws whether it is bare (one choice
    instead of one per part, half of the time; and where shrinking tries
    first): bare and full objects both show in every programme, and
    drawing stays quick.
    """
    if bare and not draw(_switch(1)):
        return assemble(
            **{
                part.name: _draw_part(draw, part)
                if part.absent is _ALWAYS or part.linked
                else part.absent
                for part in parts
            }
        )
    return assemble(**{part.name: _draw_part(draw, part) for part in parts})


@st.composite
def _some_of(
    draw: st.DrawFn,
    which: st.SearchStrategy[int],
    present: tuple[st.SearchStrategy[Any], ...],
    others: tuple[_Part, ...] | None,
) -> tuple[Any, ...]:
    """Values of a one-of group: the chosen field is given; the others as their parts
    decide (``_required_one_of``) or not at all (``_exactly_one_of``, ``others`` None)."""
    chosen = draw(which)
    values = []
    for index, strategy in enumerate(present):
        if index == chosen:
            values.append(draw(strategy))
        elif others is None:
            values.append(None)
        else:
            values.append(_draw_part(draw, others[index]))
    return tuple(values)


@cached
def _indexes(choices: tuple[int, ...]) -> st.SearchStrategy[int]:
    return st.sampled_from(choices)


def _one_of_groups(
    cls: type, config: Config, taken: set[str]
) -> dict[tuple[str, ...], st.SearchStrategy[tuple[Any, ...]]]:
    """A together strategy for each declarative one-of rule of ``cls`` (its class attributes)."""
    fields = attrs.fields_dict(cls)
    groups: dict[tuple[str, ...], st.SearchStrategy[tuple[Any, ...]]] = {}
    for attribute, exactly in (("_required_one_of", False), ("_exactly_one_of", True)):
        names: tuple[str, ...] = getattr(cls, attribute, ())
        if not names or taken & set(names):
            continue
        present = tuple(
            _strategy_for(
                cls,
                name,
                _optional_inner(fields[name].type) or fields[name].type,
                fields[name].metadata,
                config,
            )
            for name in names
        )
        choices = tuple(i for i, s in enumerate(present) if not s.is_empty)
        if not choices:
            groups[names] = st.nothing()
            continue
        others = None
        if not exactly:
            others = tuple(
                _part(cls, n, fields[n].type, fields[n].metadata, config, fields[n].default)
                for n in names
            )
        groups[names] = _some_of(_indexes(choices), present, others)
    return groups


@attrs.frozen(repr=False)
class _Assemble:
    """Turns drawn keyword arguments into an object (or keeps them, ``cls=None``)."""

    cls: type | None
    together: tuple[tuple[str, tuple[str, ...]], ...]
    fix: Callable[[dict[str, Any]], dict[str, Any]] | None

    def __repr__(self) -> str:
        return "dict" if self.cls is None else self.cls.__name__

    def __call__(self, **values: Any) -> Any:
        for key, names in self.together:
            values.update(zip(names, values.pop(key), strict=True))
        if self.fix is not None:
            values = self.fix(values)
        return values if self.cls is None else self.cls(**values)


def _plan(
    cls: type, config: Config, params: Mapping[str, Any], exclude: frozenset[str]
) -> tuple[tuple[_Part, ...], dict[tuple[str, ...], Any], _Rule] | None:
    """How to draw every init field of ``cls``; None if no such object can be drawn.

    ``params`` override single fields (a strategy, or a value taken as is)
    or parametrise the class's rule (``max_length``...).
    """
    attrs.resolve_types(cls)
    # A subclass keeps its base's rules (and its own fields are derived).
    ruled = next((c for c in cls.__mro__ if c in _RULES), None)
    rule = _RULES[ruled](config, params) if ruled is not None else _Rule()
    together = {names: s for names, s in rule.together.items() if not set(names) & exclude}
    given = {name for name, value in params.items() if value is not None}
    taken = {n for names in together for n in names} | set(rule.fields) | given | exclude
    together.update(_one_of_groups(cls, config, taken))
    drawn_together = {name for names in together for name in names}
    parts: list[_Part] = []
    for key, strategy in enumerate(together.values()):
        if strategy.is_empty:
            return None
        parts.append(_Part(f"_together{key}", strategy))
    for field in attrs.fields(cls):
        name = field.alias
        if not field.init or name in exclude or name in drawn_together:
            continue
        if name in given:
            value = params[name]
            part = _Part(name, value if isinstance(value, st.SearchStrategy) else st.just(value))
        elif name in rule.fields:
            # A rule's collection is left out like any other (its strategy
            # gives non-empty values); a rule's required field is always drawn.
            empty = field.default if field.default in ((), frozenset()) else _ALWAYS
            strategy = rule.fields[name]
            if strategy.is_empty and empty is not _ALWAYS:
                part = _Part(name, st.just(empty))
            else:
                part = _Part(name, strategy, empty, _bits(field.type))
        else:
            part = _part(cls, name, field.type, field.metadata, config, field.default)
        if part.absent is _ALWAYS and part.strategy.is_empty:
            return None  # a required field without values: no such object
        parts.append(part)
    return tuple(parts), together, rule


def _build(
    cls: type, config: Config, params: Mapping[str, Any], exclude: frozenset[str], keep: bool
) -> st.SearchStrategy[Any]:
    planned = _plan(cls, config, params, exclude)
    if planned is None:
        return st.nothing()
    parts, together, rule = planned
    names = tuple((f"_together{key}", fields) for key, fields in enumerate(together))
    bare = sum(part.absent is not _ALWAYS and not part.linked for part in parts) >= _BARE_FROM
    return _parts(parts, _Assemble(None if keep else cls, names, rule.fix), bare)


def objects(cls: type, config: Config = Config(), **params: Any) -> st.SearchStrategy[Any]:
    """Valid instances of the model class ``cls``, every init field drawn.

    ``params`` override fields by name (a strategy, or a value) and
    parametrise the class's rule; ``None`` means "derive it".
    """
    if cls is Territory and "max_depth" not in params:
        return territories(max_depth=config.max_items + 1, languages=config.languages)
    home = _collection_of(cls)
    if home is not None and config.home != home:
        config = attrs.evolve(config, home=home)
    return _cached_build(cls, config, tuple(sorted(params.items())), frozenset(), keep=False)


def field_values(
    cls: type, config: Config, exclude: frozenset[str] = frozenset(), **params: Any
) -> st.SearchStrategy[dict[str, Any]]:
    """The keyword arguments of a valid ``cls``, without the fields in ``exclude``.

    For callers that set those fields themselves (a programme gives each of
    its items an id from its pool).
    """
    return _cached_build(cls, config, tuple(sorted(params.items())), exclude, keep=True)


@cached
def _cached_build(
    cls: type,
    config: Config,
    params: tuple[tuple[str, Any], ...],
    exclude: frozenset[str],
    *,
    keep: bool,
) -> st.SearchStrategy[Any]:
    return _build(cls, config, dict(params), exclude, keep)


def references(obj: Any) -> Iterator[tuple[str, str]]:
    """Every ``(collection, id)`` that the model object ``obj`` and those inside it refer to."""
    return references_in(type(obj), lambda name: getattr(obj, name))


def references_in(cls: type, get: Callable[[str], Any]) -> Iterator[tuple[str, str]]:
    """The references of a ``cls`` whose field values ``get(name)`` returns."""
    for name, collection, nested in _walk(cls):
        value = get(name)
        if collection is not None:
            if isinstance(value, str):
                yield collection, value
            elif value is not None:
                for item in value:
                    yield collection, item
        elif nested:
            for item in value if isinstance(value, tuple) else (value,):
                if item is not None:
                    yield from references(item)


@cached
def _walk(cls: type) -> tuple[tuple[str, str | None, bool], ...]:
    """``(field, collection it refers to, holds objects to look into)`` for ``cls``."""
    attrs.resolve_types(cls)
    steps = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        collection = field.metadata.get("references")
        inner = _item_type(field.type) or field.type
        inner = _optional_inner(inner) or inner
        nested = attrs.has(inner) and inner is not cls and any(_walk(inner))
        if collection is not None or nested:
            steps.append((field.name, collection, nested))
    return tuple(steps)


def keep_references(
    cls: type, values: Mapping[str, Any], collection: str, allowed: tuple[str, ...]
) -> dict[str, Any]:
    """``values`` (of a ``cls``) whose references into ``collection`` name ``allowed`` ids only.

    A reference to another id names one of ``allowed`` instead (always the
    same for the same id), or nothing when none is allowed: an optional
    reference becomes ``None``, an id in a tuple is dropped (as is a
    repeat), and a nested object that needs such a reference (a membership
    when no other organisation is allowed) is dropped from its tuple.
    """
    kept = dict(values)
    for name, target, nested in _walk(cls):
        value = kept.get(name)
        if value is None:
            continue
        if target == collection:
            if isinstance(value, str):
                kept[name] = _allowed(value, allowed)
            else:
                ids_ = (_allowed(v, allowed) for v in value)
                kept[name] = tuple(dict.fromkeys(v for v in ids_ if v is not None))
        elif nested:
            if isinstance(value, tuple):
                items = (_kept_object(item, collection, allowed) for item in value)
                kept[name] = tuple(item for item in items if item is not None)
            else:
                kept[name] = _kept_object(value, collection, allowed)
    return kept


def _allowed(value: str, allowed: tuple[str, ...]) -> str | None:
    if not allowed:
        return None
    if value in allowed:
        return value
    return allowed[sum(map(ord, value)) % len(allowed)]


def _kept_object(obj: Any, collection: str, allowed: tuple[str, ...]) -> Any:
    cls = type(obj)
    if collection not in {c for c, _ in references(obj)}:
        return obj
    values = {f.alias: getattr(obj, f.name) for f in attrs.fields(cls) if f.init}
    kept = keep_references(cls, values, collection, allowed)
    for field in attrs.fields(cls):
        if field.init and field.default is attrs.NOTHING and kept[field.alias] is None:
            return None  # a required reference that is not allowed: no such object
    return cls(**kept)


_evolve: Any = attrs.evolve


# Class rules --------------------------------------------------------------


def _span_rule(default_length: timedelta) -> Callable[[Config, Mapping[str, Any]], _Rule]:
    def rule(config: Config, params: Mapping[str, Any]) -> _Rule:
        start = params.get("start")
        length = params.get("max_length")
        if start is None:
            start = instants(zones=config.zones)
        if length is None:
            length = default_length
        return _Rule(together={("start", "end"): spans(start=start, max_length=length)})

    return rule


@attrs.frozen
class When:
    """A session's time relative to a programme, placed once the programme's days are known.

    ``shape`` is one of :data:`TIME_SHAPES`; ``day`` picks one of the
    programme's days (its ``extra_days`` included); ``minute`` and
    ``second`` the local wall-clock time; ``near_change`` asks for a time
    within ``offset`` minutes of an offset change (DST) of the session's
    zone, if one falls on the programme's days; ``fold`` picks the earlier or
    later of a repeated local time; ``minutes`` is the length of an exact
    session, ``days`` the length of a date range.
    """

    shape: str
    day: int
    minute: int
    second: tuple[int, int]
    near_change: bool
    offset: int
    fold: int
    minutes: int
    days: int


#: Seconds and microseconds of session times: mostly whole minutes.
_SESSION_SECONDS = ((0, 0), (0, 0), (30, 0), (59, 999_999))


@cached
def _whens(shapes: tuple[str, ...], max_minutes: int) -> st.SearchStrategy[tuple[When]]:
    return st.builds(
        When,
        shape=st.sampled_from(shapes),
        day=st.integers(0, 15),
        minute=st.integers(0, 24 * 60 - 1),
        second=st.sampled_from(_SESSION_SECONDS),
        near_change=st.integers(0, 3).map(lambda n: n == 3),
        offset=st.integers(-120, 120),
        fold=st.integers(0, 1),
        minutes=st.integers(1, max_minutes),
        days=st.integers(0, 3),
    ).map(lambda when: (when,))


def _date_range(first: date, days: int | None) -> tuple[date, date | None]:
    return first, None if days is None else first + timedelta(days=days)


@st.composite
def _session_times(
    draw: st.DrawFn,
    shapes: st.SearchStrategy[str],
    span: st.SearchStrategy[tuple[datetime, datetime]],
    start: st.SearchStrategy[datetime],
    days: st.SearchStrategy[tuple[date, date | None]],
) -> tuple[datetime | None, datetime | None, date | None, date | None]:
    """``(start, end, start_date, end_date)`` in one of the published time shapes."""
    shape = draw(shapes)
    if shape == "exact":
        first, last = draw(span)
        return first, last, None, None
    if shape == "start":
        return draw(start), None, None, None
    if shape == "date":
        first_day, last_day = draw(days)
        return None, None, first_day, last_day
    return None, None, None, None


@st.composite
def _statuses(
    draw: st.DrawFn, statuses: st.SearchStrategy[SessionStatus], moves: st.SearchStrategy[Any]
) -> tuple[SessionStatus, tuple[datetime, ...]]:
    """A status; a rescheduled session says where it stood before (one or two starts)."""
    status = draw(statuses)
    return status, draw(moves) if status is SessionStatus.RESCHEDULED else ()


def _in_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _session_fix(values: dict[str, Any]) -> dict[str, Any]:
    floor = {tag.lower() for tag in values.get("languages", ())}
    if floor and values.get("interpretation"):
        values["interpretation"] = tuple(
            t for t in values["interpretation"] if t.lower() not in floor
        )
    session_format = values.get("format")
    if isinstance(session_format, SessionFormat) and session_format.is_pause:
        values["participants"] = ()  # a break or a meal has no participants
    if values.get("parent") is not None and values.get("parent") == values.get("id"):
        values["parent"] = None
    return values


#: Statuses drawn by default: scheduled (the default) four times in nine.
_STATUSES = st.sampled_from((SessionStatus.SCHEDULED,) * 3 + tuple(SessionStatus))


def _session_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    length: timedelta = params.get("max_length") or timedelta(hours=8)
    shapes: tuple[str, ...] = params.get("time_shapes") or TIME_SHAPES
    statuses = params.get("statuses")
    if statuses is None:
        statuses = _STATUSES
    # In UTC: the model's constructor keeps a tuple's datetimes as given
    # (reported to the lead: zoned ones are written to JSON with their
    # wall-clock time and a "Z").
    moves = st.lists(instants(zones=config.zones).map(_in_utc), min_size=1, max_size=2).map(tuple)
    together: dict[tuple[str, ...], st.SearchStrategy[Any]] = {
        ("status", "previous_starts"): _statuses(statuses, moves)
    }
    if params.get("local_times"):
        minutes = max(1, int(length.total_seconds() // 60))
        together[("_when",)] = _whens(shapes, minutes)
    else:
        start = params.get("start")
        if start is None:
            start = instants(zones=config.zones)
        days = st.builds(_date_range, dates(), maybe(st.integers(0, 3)))
        span = spans(start=start, max_length=length)
        times = _session_times(st.sampled_from(shapes), span, start, days)
        together[("start", "end", "start_date", "end_date")] = times
    return _Rule(together=together, fix=_session_fix)


def _disjoint(items: list[Interval]) -> tuple[Interval, ...]:
    ordered: list[Interval] = []
    for item in sorted(items, key=lambda i: i.start):
        if not ordered or item.start >= ordered[-1].end:
            ordered.append(item)
    return tuple(ordered)


def _speaker_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    slots = objects(Interval, config, max_length=timedelta(hours=12))
    some = st.lists(slots, min_size=1, max_size=config.max_items + 1).map(_disjoint)
    return _Rule(fields={"availability": some})


def _ordered(pair: tuple[Any, Any]) -> tuple[Any, Any]:
    first, second = pair
    if first is not None and second is not None and second < first:
        return second, first
    return first, second


def _period_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    """A start and an end, partial dates, the end not before the start."""
    span = st.tuples(maybe(partial_dates()), maybe(partial_dates())).map(_ordered)
    return _Rule(together={("start", "end"): span})


def _not_related_to_itself(values: dict[str, Any]) -> dict[str, Any]:
    values["related"] = tuple(r for r in values.get("related", ()) if r != values.get("id"))
    return values


def _initiative_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    return attrs.evolve(_period_rule(config, params), fix=_not_related_to_itself)


@cached
def _day_index(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, size - 1)


_EIGHTHS = st.integers(0, 7)
_FIRST_DAYS = st.dates(WINDOW[0].date(), WINDOW[1].date() - timedelta(days=30))


@st.composite
def _programme_days(
    draw: st.DrawFn, zones: st.SearchStrategy[str]
) -> tuple[str, date, date, tuple[date, ...]]:
    """``(time_zone, start_date, end_date, extra_days)``.

    A quarter of the time the programme starts zero to two days before an
    offset change (DST) of its zone, so that its sessions cross it. Now and
    then a pre-forum day before it, or a day a week after it, is one of its
    ``extra_days``.
    """
    zone = draw(zones)
    changes = transitions(zone, *WINDOW)
    if changes and draw(_EIGHTHS) >= 6:
        change = changes[draw(_day_index(len(changes)))]
        first = change.date() - timedelta(days=draw(_day_index(3)))
    else:
        first = draw(_FIRST_DAYS)
    last = first + timedelta(days=draw(_day_index(11)))
    extra = draw(_EIGHTHS)
    days = ((first - timedelta(days=1),) if extra in (5, 7) else ()) + (
        (last + timedelta(days=7),) if extra in (6, 7) else ()
    )
    return zone, first, last, days


def _programme_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    zones = zone_keys() if config.zones is None else config.zones
    return _Rule(
        together={("time_zone", "start_date", "end_date", "extra_days"): _programme_days(zones)}
    )


@st.composite
def _charges(
    draw: st.DrawFn,
    kinds: st.SearchStrategy[PriceKind],
    amount: st.SearchStrategy[Decimal],
    currency: st.SearchStrategy[str],
    optional_currency: _Part,
) -> tuple[PriceKind, Decimal | None, str | None]:
    """``(kind, amount, currency)``: free has no amount, fixed has one, an amount its currency.

    A pay-what-you-can price may suggest an amount.
    """
    kind = draw(kinds)
    if kind is PriceKind.FREE:
        return kind, None, _draw_part(draw, optional_currency)
    if kind is PriceKind.FIXED or draw(st.booleans()):
        return kind, draw(amount), draw(currency)
    return kind, None, _draw_part(draw, optional_currency)


def _price_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    fields = attrs.fields_dict(Price)
    amount = _strategy_for(Price, "amount", Decimal, fields["amount"].metadata, config)
    currency = _strategy_for(Price, "currency", str, fields["currency"].metadata, config)
    optional = _Part("currency", currency, None, _bits(str))
    charges = _charges(st.sampled_from(PriceKind), amount, currency, optional)
    return _Rule(together={("kind", "amount", "currency"): charges})


def _places(values: dict[str, Any]) -> dict[str, Any]:
    """Places left within capacity; full only when none are left."""
    left, capacity = values.get("places_left"), values.get("capacity")
    if left is not None and capacity is not None and left > capacity:
        values["places_left"] = left % (capacity + 1)
    if values.get("full") and values.get("places_left"):
        values["places_left"] = 0
    return values


def _registration_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    return _Rule(fix=_places)


def _place_fix(values: dict[str, Any]) -> dict[str, Any]:
    """An ISO territory is within nothing; only a custom region lists members."""
    if values.get("code") is not None:
        values["within"] = None
        values["members"] = ()
    elif values.get("locode") is not None:
        values["members"] = ()
    return values


def _territory_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    depth: int = params.get("max_depth", 2)
    members: st.SearchStrategy[Any] = st.nothing()
    if depth > 1:
        inner = territories(max_depth=depth - 1, languages=config.languages)
        members = st.lists(inner, min_size=1, max_size=2).map(tuple)
    return _Rule(fields={"members": members}, fix=_place_fix)


_RULES: dict[type, Callable[[Config, Mapping[str, Any]], _Rule]] = {
    Interval: _span_rule(timedelta(days=2)),
    Session: _session_rule,
    Speaker: _speaker_rule,
    Initiative: _initiative_rule,
    Affiliation: _period_rule,
    Membership: _period_rule,
    Programme: _programme_rule,
    Price: _price_rule,
    Registration: _registration_rule,
    Territory: _territory_rule,
}


@cached
def territories(
    *, max_depth: int = 2, languages: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Territory]:
    """ISO territories (a code, maybe a name), cities and places (a UN/LOCODE, or a name
    within an ISO territory), and custom regions (a name, members, ``max_depth`` levels)."""
    return _cached_build(
        Territory,
        Config(languages=languages),
        (("max_depth", max_depth),),
        frozenset(),
        keep=False,
    )


# The public strategies, one per model class ------------------------------


@cached
def intervals(
    *,
    start: st.SearchStrategy[datetime] | None = None,
    max_length: timedelta = timedelta(days=2),
) -> st.SearchStrategy[Interval]:
    """Half-open intervals of one minute up to ``max_length``."""
    return objects(Interval, start=start, max_length=max_length)


@cached
def figures() -> st.SearchStrategy[Figure]:
    """Counted figures."""
    return objects(Figure)


@cached
def affiliations(
    organisation_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Affiliation]:
    """Positions at organisations (ids drawn from ``organisation_ids``)."""
    return objects(Affiliation, Config.make(organisations=organisation_ids))


@cached
def organisations(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organisation]:
    """Organisations; memberships name ``organisation_ids`` (none if not given)."""
    return objects(Organisation, Config.make(organisations=organisation_ids), id=id)


@cached
def speakers(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Speakers (by name, by office, or both) with affiliations, zones and non-overlapping
    availability."""
    return objects(Speaker, Config.make(zones=zones, organisations=organisation_ids), id=id)


@cached
def participants(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Participant]:
    """Someone (a speaker) or an organisation taking part in a session, in a role."""
    config = Config.make(
        speakers=speaker_ids, organisations=organisation_ids, initiatives=initiative_ids
    )
    return objects(Participant, config)


@cached
def sessions(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    start: st.SearchStrategy[datetime] | None = None,
    max_length: timedelta = timedelta(hours=8),
    time_shapes: tuple[str, ...] = TIME_SHAPES,
    formats: st.SearchStrategy[SessionFormat] | None = None,
    statuses: st.SearchStrategy[SessionStatus] | None = None,
    languages: st.SearchStrategy[str] | None = None,
    zones: st.SearchStrategy[str] | None = None,
    speaker_ids: st.SearchStrategy[str] | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
    location_ids: st.SearchStrategy[str] | None = None,
    track_ids: st.SearchStrategy[str] | None = None,
    session_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Session]:
    """Sessions in every published time shape and status; references from the id strategies.

    ``time_shapes`` are drawn from :data:`TIME_SHAPES`: an exact ``start``
    and ``end`` (at most ``max_length`` apart), a ``start`` alone, a local
    ``start_date`` (maybe with an ``end_date``), or no time yet. A
    rescheduled session has ``previous_starts``. Start instants are drawn in
    ``zones`` (default :data:`ZONES`), skipped local times excluded and DST
    folds included, so that sessions cross DST changes and local midnight.
    ``languages`` gives the session's languages and the languages of its
    texts. References (participants' speakers, organisations and initiatives,
    locations, track, parent) are drawn from the given id strategies, free
    ids otherwise (no parent without ``session_ids``).
    """
    if not time_shapes or not set(time_shapes) <= set(TIME_SHAPES):
        raise InvalidArgument(f"time_shapes must be some of {TIME_SHAPES}, got {time_shapes!r}")
    config = Config.make(
        zones=zones,
        languages=languages,
        speakers=speaker_ids,
        organisations=organisation_ids,
        initiatives=initiative_ids,
        locations=location_ids,
        tracks=track_ids,
        sessions=session_ids,
    )
    return objects(
        Session,
        config,
        id=id,
        format=formats,
        start=start,
        max_length=max_length,
        time_shapes=tuple(time_shapes),
        statuses=statuses,
    )


@cached
def governance_bodies() -> st.SearchStrategy[GovernanceBody]:
    """Steering and follow-up committees."""
    return objects(GovernanceBody)


@cached
def activities() -> st.SearchStrategy[Activity]:
    """Dated activities with counted figures (a figure may be part of another)."""
    return objects(Activity)


@cached
def initiatives(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Initiative]:
    """Initiatives; ``lead``/``partners`` from ``organisation_ids``, ``related`` from ``initiative_ids``."""
    config = Config.make(organisations=organisation_ids, initiatives=initiative_ids)
    return objects(Initiative, config, id=id)


@cached
def locations(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    zones: st.SearchStrategy[str] | None = None,
    location_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Location]:
    """Venues, rooms, stages, outdoor places and online channels, in ``zones``.

    A ``parent`` (the venue a room is in) is drawn from ``location_ids``;
    none without them.
    """
    return objects(Location, Config.make(zones=zones, locations=location_ids), id=id)


@cached
def tracks(*, id: st.SearchStrategy[str] | str | None = None) -> st.SearchStrategy[Track]:
    """Tracks of a programme, maybe with a colour."""
    return objects(Track, id=id)


@cached
def registrations() -> st.SearchStrategy[Registration]:
    """Registration: where and by when, places left within capacity, prices."""
    return objects(Registration)


@cached
def prices() -> st.SearchStrategy[Price]:
    """Prices: free, a fixed amount in a currency, or pay-what-you-can."""
    return objects(Price)


@cached
def links() -> st.SearchStrategy[Link]:
    """Typed links: livestreams, recordings, slides, registration pages..."""
    return objects(Link)


@cached
def sources() -> st.SearchStrategy[Source]:
    """Sources: a URL, a citation, or both."""
    return objects(Source)


#: Model classes with a public strategy of their own (the others: :func:`objects`).
_PUBLIC: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Interval: intervals,
    Figure: figures,
    Affiliation: affiliations,
    Organisation: organisations,
    Speaker: speakers,
    Participant: participants,
    Session: sessions,
    GovernanceBody: governance_bodies,
    Activity: activities,
    Initiative: initiatives,
    Location: locations,
    Track: tracks,
    Registration: registrations,
    Price: prices,
    Link: links,
    Source: sources,
    Territory: territories,
}


def for_type(cls: type) -> st.SearchStrategy[Any]:
    """The strategy for a model type: what ``st.from_type(cls)`` draws.

    Every class of the model has one: its public strategy if it has one
    (:func:`sessions` for :class:`~essprogramme.Session`), else one derived
    from its fields.
    """
    if cls is LocalizedText:
        return localized_texts()
    if cls is PartialDate:
        return partial_dates()
    if cls is Programme:
        from ._programmes import programmes

        return programmes()
    public = _PUBLIC.get(cls)
    if public is not None:
        return public()
    if not attrs.has(cls):
        raise TypeError(f"{cls!r} is not a type of the model")
    return objects(cls)
