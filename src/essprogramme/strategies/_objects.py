"""Strategies for the model's classes, derived from their attrs fields.

One generic builder draws every ``__init__`` field of a model class from
its type and its field metadata: ``"format"`` for strings, ``"min"`` and
``"max"`` for integers, ``"distinct"`` for arrays, ``"references"`` for ids
of a programme's items. A field added to a class is generated without
touching this module. A class gets an override only where one of its own
rules needs values drawn together (an end after its start, availability
that does not overlap, a territory with a code or a name, an initiative not
related to itself).

Drawing stays cheap: each optional field or collection has one switch (a
single choice) that leaves it out or draws it, right before its value, so
that shrinking drops one field at a time; collections hold one or two
items, and objects nested in objects smaller collections still.

References between objects (a session's moderators are speaker ids) are
drawn from id pools: the ``*_ids`` keyword arguments of the public
strategies, or the ids of a programme's collections (see :mod:`._programmes`).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st

from ..model import (
    Activity,
    Affiliation,
    Contribution,
    Figure,
    GovernanceBody,
    Initiative,
    Interval,
    LocalizedText,
    Location,
    Organisation,
    PartialDate,
    Programme,
    Session,
    SessionFormat,
    Speaker,
    Territory,
    Track,
)
from ._values import (
    cached,
    countries,
    dates,
    ids,
    instants,
    language_tags,
    localized_texts,
    maybe,
    partial_dates,
    spans,
    territory_codes,
    texts,
    urls,
    zone_keys,
)

__all__ = [
    "Config",
    "activities",
    "affiliations",
    "collections",
    "contributions",
    "field_values",
    "figures",
    "governance_bodies",
    "initiatives",
    "intervals",
    "locations",
    "objects",
    "organisations",
    "references",
    "references_in",
    "sessions",
    "speakers",
    "territories",
    "tracks",
]

#: Collections hold at most this many items (one fewer in nested objects):
#: small objects, drawn quickly, that still show every field's shapes.
MAX_ITEMS = 2


def _item_type(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` or ``frozenset[X]``; else None."""
    if typing.get_origin(t) in (tuple, frozenset):
        return typing.get_args(t)[0]
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
    for references into an object's own collection (an organisation's
    ``member_of``), which are then left empty.
    """

    zones: st.SearchStrategy[str] | None = None
    languages: st.SearchStrategy[str] | None = None
    pools: tuple[tuple[str, st.SearchStrategy[str]], ...] = ()
    max_items: int = MAX_ITEMS

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
        if _collection_of(owner) == collection:
            return st.nothing()
        return ids(_prefix(collection))


@attrs.frozen
class _Rule:
    """How a class's own rule shapes its drawing.

    ``together`` draws several fields as one tuple (an end after its start);
    ``fields`` replaces the derived strategy of single fields (for a
    collection: its non-empty values, as it is left out like any other);
    ``fix`` adjusts the drawn keyword arguments before the object is built.
    """

    together: Mapping[tuple[str, ...], st.SearchStrategy[tuple[Any, ...]]] = attrs.field(
        factory=dict
    )
    fields: Mapping[str, st.SearchStrategy[Any]] = attrs.field(factory=dict)
    fix: Callable[[dict[str, Any]], dict[str, Any]] | None = None


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
    formats: dict[str, Callable[[], st.SearchStrategy[str]]] = {
        "language": lambda: language_tags() if config.languages is None else config.languages,
        "zone": lambda: zone_keys() if config.zones is None else config.zones,
        "url": urls,
        "country": countries,
        "territory": territory_codes,
    }
    if fmt not in formats:
        raise TypeError(f"{owner.__name__}.{name}: no strategy for format {fmt!r}")
    return formats[fmt]()


def _strategy_for(
    owner: type, name: str, t: Any, metadata: Mapping[str, Any], config: Config
) -> st.SearchStrategy[Any]:
    """The strategy for a field ``owner.name`` of type ``t``, from its metadata."""
    origin = typing.get_origin(t)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"{owner.__name__}.{name}: no strategy for {t!r}")
        return maybe(_strategy_for(owner, name, inner[0], metadata, config))
    if origin in (tuple, frozenset):
        return _collection(owner, name, t, metadata, config)
    if t is str:
        fmt = metadata.get("format")
        return texts() if fmt is None else _format_strategy(owner, name, fmt, metadata, config)
    if t is bool:
        return st.booleans()
    if t is int:
        return st.integers(metadata.get("min"), metadata.get("max"))
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
        # Objects inside objects hold smaller collections: the size of a
        # drawn object stays linear in its number of fields, not exponential.
        return objects(t, attrs.evolve(config, max_items=max(1, config.max_items - 1)))
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
    if origin is frozenset:
        return st.frozensets(items, max_size=config.max_items)
    unique_by = _distinct(metadata)
    return st.lists(items, max_size=config.max_items, unique_by=unique_by).map(tuple)


def _distinct(metadata: Mapping[str, Any]) -> Callable[[Any], Any] | None:
    """Metadata ``"distinct"``: items differ (case-insensitively for ``"casefold"``)."""
    distinct = metadata.get("distinct")
    if distinct == "casefold":
        return _folded
    return _itself if distinct else None


@attrs.frozen
class _Gather:
    """Makes drawn items a tuple or a frozenset, dropping repeats the field forbids."""

    kind: type
    key: Callable[[Any], Any] | None

    def __call__(self, items: tuple[Any, ...]) -> Any:
        if self.kind is frozenset:
            return frozenset(items)
        if self.key is None:
            return items
        seen: set[Any] = set()
        kept = []
        for item in items:
            if self.key(item) not in seen:
                seen.add(self.key(item))
                kept.append(item)
        return tuple(kept)


_ALWAYS: Any = object()


@attrs.frozen(repr=False)
class _Part:
    """One keyword argument of an object: always drawn, or left out as its switch decides.

    ``absent`` is the value of a left-out part (``_ALWAYS``: never left
    out); ``bits`` is how many bits of its switch must all be set to draw
    it. A collection drawn has one item (``strategy``), or two (``pair``)
    when one more bit says so.
    """

    name: str
    strategy: st.SearchStrategy[Any]
    absent: Any = _ALWAYS
    bits: int = 1
    pair: st.SearchStrategy[Any] | None = None

    def __repr__(self) -> str:  # Hypothesis prints strategies with their arguments
        return f"<{self.name}>"


def _bits(t: Any) -> int:
    """Switch bits for a part of type ``t``: 2 (drawn one time in four) if it is compound.

    Compound values (texts, objects, collections of them) are made of many
    drawn parts; simple ones (an enum, an id, a URL) of one or two.
    """
    inner = _item_type(t) or t
    return 2 if inner is LocalizedText or attrs.has(inner) else 1


def _part(owner: type, name: str, t: Any, metadata: Mapping[str, Any], config: Config) -> _Part:
    """How field ``owner.name`` is drawn: optional values and collections may be left out.

    A left-out optional field is ``None``; a left-out collection is empty.
    Simple parts are drawn in one object in two, compound ones (texts,
    objects, lists of them), which cost many choices each, in one in four:
    objects stay quick to draw, and every part still shows in most
    programmes. A drawn collection holds one or two items.
    """
    origin = typing.get_origin(t)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        if len(inner) == 1:
            present = _strategy_for(owner, name, inner[0], metadata, config)
            if present.is_empty:
                return _Part(name, st.none())
            return _Part(name, present, None, _bits(inner[0]))
    if origin in (tuple, frozenset):
        items = _strategy_for(owner, name, _item_type(t), metadata, config)
        if items.is_empty:
            return _Part(name, st.just(origin()))
        gather = _Gather(origin, _distinct(metadata))
        one = st.tuples(items).map(gather)
        pair = st.tuples(items, items).map(gather) if config.max_items > 1 else None
        return _Part(name, one, origin(), _bits(t), pair)
    return _Part(name, _strategy_for(owner, name, t, metadata, config))


@cached
def _switch(bits: int) -> st.SearchStrategy[int]:
    return st.integers(0, 2**bits - 1)


@st.composite
def _parts(draw: st.DrawFn, parts: tuple[_Part, ...], assemble: _Assemble) -> Any:
    """Draw ``parts``, each optional one as its switch (one choice) decides, and assemble them.

    The switch of a part is drawn right before its value: shrinking a
    switch to 0 drops that part alone, and nothing else moves.
    """
    values: dict[str, Any] = {}
    for part in parts:
        if part.absent is _ALWAYS:
            values[part.name] = draw(part.strategy)
            continue
        switch = draw(_switch(part.bits + (part.pair is not None)))
        wanted = (1 << part.bits) - 1
        if switch & wanted != wanted:
            values[part.name] = part.absent
        elif part.pair is not None and switch >> part.bits:
            values[part.name] = draw(part.pair)
        else:
            values[part.name] = draw(part.strategy)
    return assemble(**values)


def _folded(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _itself(value: Any) -> Any:
    return value


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
) -> tuple[tuple[_Part, ...], _Rule] | None:
    """How to draw every init field of ``cls``; None if no such object can be drawn.

    ``params`` override single fields (a strategy, or a value taken as is)
    or parametrise the class's rule (``max_length``...).
    """
    attrs.resolve_types(cls)
    # A subclass keeps its base's rules (and its own fields are derived).
    ruled = next((c for c in cls.__mro__ if c in _RULES), None)
    rule = _RULES[ruled](config, params) if ruled is not None else _Rule()
    drawn_together = {name for names in rule.together for name in names}
    parts: list[_Part] = []
    for key, (names, strategy) in enumerate(rule.together.items()):
        if not set(names) & exclude:
            parts.append(_Part(f"_together{key}", strategy))
    for field in attrs.fields(cls):
        name = field.alias
        if not field.init or name in exclude or name in drawn_together:
            continue
        if name in params and params[name] is not None:
            given = params[name]
            part = _Part(name, given if isinstance(given, st.SearchStrategy) else st.just(given))
        elif name in rule.fields:
            # A rule's collection is left out like any other (its strategy
            # gives non-empty values); a rule's required field is always drawn.
            empty = field.default if field.default in ((), frozenset()) else _ALWAYS
            part = _Part(name, rule.fields[name], empty, _bits(field.type))
        else:
            part = _part(cls, name, field.type, field.metadata, config)
        if part.absent is _ALWAYS and part.strategy.is_empty:
            return None  # a required field without values: no such object
        parts.append(part)
    return tuple(parts), rule


def _build(
    cls: type, config: Config, params: Mapping[str, Any], exclude: frozenset[str], keep: bool
) -> st.SearchStrategy[Any]:
    planned = _plan(cls, config, params, exclude)
    if planned is None:
        return st.nothing()
    parts, rule = planned
    names = {part.name for part in parts}
    together = tuple(
        (f"_together{key}", fields)
        for key, fields in enumerate(rule.together)
        if f"_together{key}" in names
    )
    return _parts(parts, _Assemble(None if keep else cls, together, rule.fix))


def objects(cls: type, config: Config = Config(), **params: Any) -> st.SearchStrategy[Any]:
    """Valid instances of the model class ``cls``, every init field drawn.

    ``params`` override fields by name (a strategy, or a value) and
    parametrise the class's rule; ``None`` means "derive it".
    """
    if cls is Territory:
        return territories(max_depth=config.max_items + 1, languages=config.languages)
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
        if typing.get_origin(inner) in (types.UnionType, typing.Union):
            inner = next(a for a in typing.get_args(inner) if a is not type(None))
        nested = attrs.has(inner) and inner is not cls and any(_walk(inner))
        if collection is not None or nested:
            steps.append((field.name, collection, nested))
    return tuple(steps)


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


def _not_related_to_itself(values: dict[str, Any]) -> dict[str, Any]:
    values["related"] = tuple(r for r in values.get("related", ()) if r != values.get("id"))
    return values


def _initiative_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    span = st.tuples(maybe(partial_dates()), maybe(partial_dates())).map(_ordered)
    return _Rule(together={("start", "end"): span}, fix=_not_related_to_itself)


def _days(first: date, length: int) -> tuple[date, date]:
    return first, first + timedelta(days=length)


def _programme_rule(config: Config, params: Mapping[str, Any]) -> _Rule:
    span = st.builds(_days, st.dates(date(2020, 1, 1), date(2030, 12, 1)), st.integers(0, 10))
    return _Rule(together={("start_date", "end_date"): span})


_RULES: dict[type, Callable[[Config, Mapping[str, Any]], _Rule]] = {
    Interval: _span_rule(timedelta(days=2)),
    Session: _span_rule(timedelta(hours=8)),
    Speaker: _speaker_rule,
    Initiative: _initiative_rule,
    Programme: _programme_rule,
}


@cached
def territories(
    *, max_depth: int = 2, languages: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Territory]:
    """ISO territories (a code, maybe a name) and custom regions (a name, members)."""
    names = localized_texts(languages=languages)
    iso = st.builds(Territory.iso, territory_codes(), maybe(names))
    if max_depth <= 1:
        return iso
    members = st.lists(territories(max_depth=max_depth - 1, languages=languages), max_size=2)
    return iso | st.builds(Territory.region, names, members)


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
    """Organisations; ``member_of`` ids are drawn from ``organisation_ids`` (none if not given)."""
    return objects(Organisation, Config.make(organisations=organisation_ids), id=id)


@cached
def speakers(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Speakers with affiliations, zones and non-overlapping availability."""
    return objects(Speaker, Config.make(zones=zones, organisations=organisation_ids), id=id)


@cached
def contributions(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Contribution]:
    """A speaker's part in a session, linked to initiatives."""
    return objects(Contribution, Config.make(speakers=speaker_ids, initiatives=initiative_ids))


@cached
def sessions(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    start: st.SearchStrategy[datetime] | None = None,
    max_length: timedelta = timedelta(hours=8),
    formats: st.SearchStrategy[SessionFormat] | None = None,
    languages: st.SearchStrategy[str] | None = None,
    zones: st.SearchStrategy[str] | None = None,
    speaker_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
    location_ids: st.SearchStrategy[str] | None = None,
    track_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Session]:
    """Sessions; references are drawn from the given id strategies (free ids otherwise).

    Start instants are drawn in ``zones`` (default :data:`ZONES`), skipped
    local times excluded and DST folds included, so that sessions cross DST
    changes and local midnight. ``languages`` gives the session's languages
    and the languages of its texts.
    """
    config = Config.make(
        zones=zones,
        languages=languages,
        speakers=speaker_ids,
        initiatives=initiative_ids,
        locations=location_ids,
        tracks=track_ids,
    )
    return objects(Session, config, id=id, format=formats, start=start, max_length=max_length)


@cached
def governance_bodies() -> st.SearchStrategy[GovernanceBody]:
    """Steering and follow-up committees."""
    return objects(GovernanceBody)


@cached
def activities() -> st.SearchStrategy[Activity]:
    """Dated activities with counted figures."""
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
) -> st.SearchStrategy[Location]:
    """Rooms and online channels, in ``zones`` (default :data:`ZONES`)."""
    return objects(Location, Config.make(zones=zones), id=id)


@cached
def tracks(*, id: st.SearchStrategy[str] | str | None = None) -> st.SearchStrategy[Track]:
    """Tracks of a programme."""
    return objects(Track, id=id)
