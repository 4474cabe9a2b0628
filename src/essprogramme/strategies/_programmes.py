"""Whole programmes whose every reference resolves, quick to draw and to shrink.

A programme is drawn references first. Each collection has a fixed pool of
ids (its maximum size). Its own fields come first (its organisers are
references; its days, zone and extra days), then the collections in the
order the references point (sessions, then the speakers, initiatives,
locations and tracks they name, then the organisations those name): a
collection holds exactly the items referred to so far, plus at most one
that nothing refers to (more if a ``min_*`` asks). A reference into an
item's own collection (a session's ``parent``, a room's venue, an
organisation's memberships, related initiatives) names an item drawn
before it, so no chain of parents comes back to where it started. So
nothing dangles, the strategies are built once per configuration (none is
made during a draw), and shrinking deletes unused speakers, organisations
and tracks, and an item's references go when the item does.

Sessions are drawn with a time relative to the programme
(:class:`~._objects.When`): once the places are drawn, each session's time
is placed on one of the programme's days (or extra days), on the wall
clock of its zone (its place's, else the programme's), as
:meth:`Programme.zone_of` reads it.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import Location, Programme, Session
from ._objects import (
    TIME_SHAPES,
    Config,
    When,
    collections,
    field_values,
    keep_references,
    references_in,
)
from ._values import WINDOW, cached, transitions

__all__ = ["programmes"]

#: Up to this many items of a kind, every item of a programme is drawn.
_DRAWN = 4
#: Beyond it, this many are drawn and the others are copies of them.
_PROTOTYPES = 2
#: Rooms and tracks are not sized by the caller: at most this many.
_OTHERS = 2
#: A session's time fields: placed by the programme, not drawn with the session.
_TIMES = frozenset({"start", "end", "start_date", "end_date"})
_TICK = timedelta(microseconds=1)


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    min_sessions: int = 0,
    max_sessions: int = 4,
    min_speakers: int = 0,
    max_speakers: int = 4,
    min_organisations: int = 0,
    max_organisations: int = 3,
    min_initiatives: int = 0,
    max_initiatives: int = 3,
    zones: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[str] | None = None,
    time_shapes: tuple[str, ...] = TIME_SHAPES,
) -> Programme:
    """Whole programmes whose every reference resolves and every session falls on its days.

    Participants are speakers or organisations of the programme, partners
    are its organisations, a room's venue and a session's parent are items
    of the programme (never in a cycle), and so on; a programme holds the
    speakers, organisations, initiatives, locations and tracks it refers
    to, and possibly one more of each that nothing refers to (more if a
    ``min_*`` asks for them). Sessions come in every published time shape
    (exact, start only, a local date or date range, none yet) and status,
    on the programme's days or its extra days, read in the zone of their
    place or of the programme; a quarter of the programmes in a zone with
    DST start just before an offset change, and a quarter of their timed
    sessions lie within two hours of it. Sizes are bounded by the
    ``min_*`` and ``max_*`` arguments; ``zones`` and ``languages`` reach
    every zoned instant, zone, language list and text; ``time_shapes``
    (some of :data:`TIME_SHAPES`) are the sessions' time shapes.

    Large programmes stay quick to generate: beyond four items of a kind,
    two are drawn and the rest are copies of them with new ids, and copied
    sessions move to another day of the programme and get their speakers
    re-chosen, all from one drawn seed.
    """
    sizes = {
        "sessions": (min_sessions, max_sessions),
        "speakers": (min_speakers, max_speakers),
        "organisations": (min_organisations, max_organisations),
        "initiatives": (min_initiatives, max_initiatives),
    }
    for kind, (low, high) in sizes.items():
        if not 0 <= low <= high:
            raise InvalidArgument(f"need 0 <= min_{kind} <= max_{kind}, got {low} and {high}")
    shapes = tuple(time_shapes)
    if not shapes or not set(shapes) <= set(TIME_SHAPES):
        raise InvalidArgument(f"time_shapes must be some of {TIME_SHAPES}, got {shapes!r}")
    if all(high <= _DRAWN for _, high in sizes.values()):
        return draw(_drawn(tuple(sizes.items()), zones, languages, shapes))
    counts = {kind: draw(st.integers(low, high)) for kind, (low, high) in sizes.items()}
    exact = {kind: (min(n, _PROTOTYPES), min(n, _PROTOTYPES)) for kind, n in counts.items()}
    base = draw(_drawn(tuple(exact.items()), zones, languages, shapes))
    return _grown(base, counts, random.Random(draw(st.integers(0, 2**32 - 1))))


def _pool(collection: str, size: int) -> tuple[str, ...]:
    """``size`` distinct ids for ``collection``, in shapes that break careless code.

    Two ids differ only in case, one looks like a copy (``.1``), one starts
    with a digit and is long. Shrinking goes to the first.
    """
    p = collection[:3]
    shapes = (f"{p}-0", f"{p.upper()}-0", f"{p}-0.1", f"0{p}_{'x' * 40}")
    return tuple(shapes[i] if i < len(shapes) else f"{p}-{i}" for i in range(size))


@cached
def _targets() -> dict[str, set[str]]:
    """For each collection, the other collections its items can refer to."""
    return {name: {c for c in _reachable(cls) if c != name} for name, cls in collections().items()}


@cached
def _order() -> tuple[str, ...]:
    """The collections, each before those it refers to (self-references aside)."""
    targets = _targets()
    order: list[str] = []
    while len(order) < len(targets):
        ready = [
            name
            for name in targets
            if name not in order
            and not any(name in targets[other] for other in targets if other not in order)
        ]
        if not ready:  # pragma: no cover - a model change made references circular
            raise TypeError(f"circular references between collections: {targets}")
        order.extend(ready)
    return tuple(order)


@cached
def _referred_kinds() -> frozenset[str]:
    """The collections that the programme or another collection refers to (not sessions)."""
    own = {f.metadata["references"] for f in attrs.fields(Programme) if "references" in f.metadata}
    for field in attrs.fields(Programme):
        if field.name not in collections():
            for inner in _classes_in(field.type):
                own |= _reachable(inner)
    return frozenset(own.union(*_targets().values()))


def _reachable(cls: type, seen: frozenset[type] = frozenset()) -> set[str]:
    """The collections that ``cls`` or the objects in it can refer to."""
    attrs.resolve_types(cls)
    found = {f.metadata["references"] for f in attrs.fields(cls) if "references" in f.metadata}
    for field in attrs.fields(cls):
        for inner in _classes_in(field.type):
            if inner not in seen and inner is not cls:
                found |= _reachable(inner, seen | {cls})
    return found


def _classes_in(t: Any) -> list[type]:
    """The model classes a type holds: ``Territory`` for ``tuple[Territory, ...] | None``."""
    args = getattr(t, "__args__", None)
    if args:
        return [c for a in args for c in _classes_in(a)]
    return [t] if attrs.has(t) else []


@attrs.frozen
class _Plan:
    """Everything a programme draw needs, built once per configuration."""

    sizes: tuple[tuple[str, tuple[int, int]], ...]
    pools: dict[str, tuple[str, ...]] = attrs.field(hash=False)
    config: Config
    time_shapes: tuple[str, ...]


@cached
def _drawn(
    sizes: tuple[tuple[str, tuple[int, int]], ...],
    zones: st.SearchStrategy[str] | None,
    languages: st.SearchStrategy[str] | None,
    time_shapes: tuple[str, ...],
) -> st.SearchStrategy[Programme]:
    """Programmes of these sizes, every item drawn; references drawn from the id pools."""
    bounds = dict(sizes)
    bounds.update((kind, (0, _OTHERS)) for kind in collections() if kind not in bounds)
    pools = {kind: _pool(kind, high) for kind, (_, high) in bounds.items()}
    config = Config(
        zones=zones,
        languages=languages,
        pools=tuple(
            (kind, st.sampled_from(pool) if pool else st.nothing()) for kind, pool in pools.items()
        ),
    )
    return _drawn_programmes(_Plan(tuple(bounds.items()), pools, config, time_shapes))


@cached  # one list strategy per size range met, not one per draw
def _lists(elements: st.SearchStrategy[Any], low: int, high: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(elements, min_size=low, max_size=high)


@cached
def _item_values(
    cls: type, config: Config, time_shapes: tuple[str, ...]
) -> st.SearchStrategy[dict[str, Any]]:
    """An item's fields but its id; a session's time as a :class:`When`, placed later."""
    if cls is Session:
        exclude = _TIMES | {"id"}
        return field_values(cls, config, exclude, local_times=True, time_shapes=time_shapes)
    return field_values(cls, config, exclude=frozenset({"id"}))


@st.composite
def _drawn_programmes(draw: st.DrawFn, plan: _Plan) -> Programme:
    """A programme whose every item is drawn (see :func:`programmes`)."""
    sizes = dict(plan.sizes)
    referred: dict[str, set[str]] = {kind: set() for kind in sizes}
    own = draw(field_values(Programme, plan.config, exclude=frozenset(sizes)))
    for kind, target in references_in(Programme, own.get):
        referred[kind].add(target)
    drawn: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for kind in _order():
        cls, pool, (low, high) = collections()[kind], plan.pools[kind], sizes[kind]
        named = [i for i in pool if i in referred[kind]]
        fewest = max(len(named), low)
        # Items nothing refers to (speakers without a session...): at most
        # one more than ``min_*`` asks for, of the kinds others refer to.
        most = min(high, fewest + 1) if kind in _referred_kinds() else high
        values = draw(_lists(_item_values(cls, plan.config, plan.time_shapes), fewest, most))
        unnamed = [i for i in pool if i not in referred[kind]]
        item_ids = named + unnamed[: len(values) - len(named)]
        items = []
        for position, (item_id, fields) in enumerate(zip(item_ids, values, strict=True)):
            # Into its own collection: items drawn before it only (no cycle).
            kept = keep_references(cls, fields, kind, tuple(item_ids[:position]))
            for target_kind, target in references_in(cls, kept.get):
                referred[target_kind].add(target)
            items.append((item_id, kept))
        drawn[kind] = items
    built: dict[str, Any] = {
        kind: tuple(collections()[kind](id=item_id, **fields) for item_id, fields in items)
        for kind, items in drawn.items()
        if kind != "sessions"
    }
    places = {place.id: place for place in built.get("locations", ())}
    first, last = own["start_date"], own["end_date"]
    days = _days(first, last, own["extra_days"])
    sessions = []
    for item_id, fields in drawn["sessions"]:
        when: When = fields.pop("_when")
        zone = _zone_of(fields.get("locations", ()), places, own["time_zone"])
        sessions.append(Session(id=item_id, **fields, **_placed(when, zone, days, first, last)))
    return Programme(**own, **built, sessions=tuple(sessions))


def _days(first: date, last: date, extra: tuple[date, ...]) -> tuple[date, ...]:
    """The programme's days, in order, then its extra days (those outside them)."""
    main = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    return main + tuple(sorted(day for day in extra if not first <= day <= last))


def _zone_of(location_ids: tuple[str, ...], places: Mapping[str, Location], default: str) -> str:
    """:meth:`Programme.zone_of`, before the programme exists: the first place's zone
    (or its venue's), else the programme's."""
    for location_id in location_ids:
        place = places.get(location_id)
        seen = 0
        while place is not None and seen <= len(places):
            if place.time_zone is not None:
                return place.time_zone
            place = places.get(place.parent) if place.parent else None
            seen += 1
    return default


def _on_wall(wall: datetime, fold: int, tz: ZoneInfo) -> datetime:
    """The instant shown as ``wall`` in ``tz``; a skipped local time becomes the real one."""
    moment = wall.replace(tzinfo=tz, fold=fold)
    if moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        moment = moment.astimezone(UTC).astimezone(tz)
    return moment


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def _near_change(when: When, tz: ZoneInfo, zone: str, days: tuple[date, ...]) -> datetime | None:
    """A start within ``when.offset`` minutes of an offset change on the programme's days."""
    changes = transitions(zone, *WINDOW)
    low = bisect.bisect_left(changes, datetime.combine(min(days) - timedelta(days=1), time()))
    high = bisect.bisect_right(changes, datetime.combine(max(days) + timedelta(days=2), time()))
    if low >= high:
        return None
    change = changes[low + when.day % (high - low)]
    local = change.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)
    wall = local + timedelta(minutes=when.offset)
    wall = wall.replace(second=when.second[0], microsecond=when.second[1])
    start = _on_wall(wall, when.fold, tz)
    return start if _local_day(start, tz) in days else None


def _placed(
    when: When, zone: str, days: tuple[date, ...], first: date, last: date
) -> dict[str, Any]:
    """A session's time fields for ``when``, on ``days``: the programme's, ``first`` to
    ``last``, then its extra days."""
    if when.shape == "none":
        return {}
    day = days[when.day % len(days)]
    if when.shape == "date":
        end = None
        if when.days and first <= day <= last:  # a range within the programme's own days
            end = min(day + timedelta(days=when.days), last)
        return {"start_date": day, "end_date": end}
    tz = ZoneInfo(zone)
    start = _near_change(when, tz, zone, days) if when.near_change else None
    if start is None:
        wall = datetime.combine(day, time()) + timedelta(minutes=when.minute)
        wall = wall.replace(second=when.second[0], microsecond=when.second[1])
        start = _on_wall(wall, when.fold, tz)
    if _local_day(start, tz) not in days:  # a skipped hour at midnight: noon instead
        start = _on_wall(datetime.combine(day, time(12)), 0, tz)
        if _local_day(start, tz) not in days:  # pragma: no cover - no zone skips noon
            return {"start_date": day}
    if when.shape == "start":
        return {"start": start}
    end = start.astimezone(UTC) + timedelta(minutes=when.minutes)
    if _local_day(end - _TICK, tz) not in days:
        # Past the programme's days: the session ends with its day.
        next_day = _local_day(start, tz) + timedelta(days=1)
        end = datetime.combine(next_day, time(), tz).astimezone(UTC)
        if end <= start or _local_day(end - _TICK, tz) not in days:
            return {"start": start}
    return {"start": start, "end": end}


#: ``attrs.evolve`` for the model's classes, which mypy does not see as attrs
#: classes (the model's own decorator makes them).
_evolve: Any = attrs.evolve


def _moved(session: Session, base: Programme, rng: random.Random) -> dict[str, Any]:
    """A copy's time: the same shape and local time, on another of the programme's days."""
    first, last = base.start_date, base.end_date
    day = first + timedelta(days=rng.randrange((last - first).days + 1))
    days = _days(first, last, base.extra_days)
    if session.start is not None:
        tz = ZoneInfo(base.zone_of(session))
        local = session.start.astimezone(tz)
        start = _on_wall(datetime.combine(day, local.time()), local.fold, tz)
        end = None if session.end is None else start.astimezone(UTC) + (session.end - session.start)
        last_moment = start if end is None else end - _TICK
        if _local_day(start, tz) in days and _local_day(last_moment, tz) in days:
            return {"start": start, "end": end}
        return {}
    if session.start_date is not None:
        end_date = None
        if session.end_date is not None:
            end_date = min(day + (session.end_date - session.start_date), last)
        return {"start_date": day, "end_date": end_date}
    return {}


def _grown(base: Programme, counts: dict[str, int], rng: random.Random) -> Programme:
    """``base`` with each collection filled up to ``counts`` by copies of its items."""
    taken = {item.id for kind in counts for item in getattr(base, kind)}

    def filled(kind: str, change: Callable[[Any, str], Any]) -> tuple[Any, ...]:
        items = list(getattr(base, kind))
        prototypes, copy = tuple(items), 0
        while len(items) < counts[kind]:
            proto = prototypes[len(items) % len(prototypes)]
            copy += 1
            new_id = f"{proto.id}.{copy}"
            if new_id not in taken:
                taken.add(new_id)
                items.append(change(proto, new_id))
        return tuple(items)

    def renamed(item: Any, new_id: str) -> Any:
        return _evolve(item, id=new_id)

    speakers_ = filled("speakers", renamed)
    everyone = [p.id for p in speakers_]

    def moved(session: Session, new_id: str) -> Session:
        people = tuple(
            _evolve(p, speaker=rng.choice(everyone)) if p.speaker is not None else p
            for p in session.participants
        )
        copy: Session = _evolve(
            session, id=new_id, participants=people, **_moved(session, base, rng)
        )
        return copy

    grown: Programme = _evolve(
        base,
        sessions=filled("sessions", moved),
        speakers=speakers_,
        organisations=filled("organisations", renamed),
        initiatives=filled("initiatives", renamed),
    )
    return grown
