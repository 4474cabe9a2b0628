"""Whole programmes whose every reference resolves, quick to draw and to shrink.

A programme is drawn references first. Each collection has a fixed pool of
ids (its maximum size). Its own fields come first (the organiser is a
reference), then the collections in the order the references point
(sessions, then the speakers, initiatives, locations and tracks they name,
then the organisations those name): a collection holds exactly the items
referred to so far, plus at most one that nothing refers to (more if a
``min_*`` asks). So nothing dangles, the strategies are built once per
configuration (none is made during a draw), and shrinking deletes unused
speakers, organisations and tracks, and an item's references go when the
item does.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import Programme, Session
from ._objects import Config, collections, field_values, references, references_in
from ._values import cached

__all__ = ["programmes"]

#: Up to this many items of a kind, every item of a programme is drawn.
_DRAWN = 4
#: Beyond it, this many are drawn and the others are copies of them.
_PROTOTYPES = 2
#: Rooms and tracks are not sized by the caller: at most this many.
_OTHERS = 2


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
) -> Programme:
    """Whole programmes whose every reference resolves.

    Moderators and contributors are speakers of the programme, partners are
    its organisations, and so on; a programme holds the speakers,
    organisations, initiatives, locations and tracks it refers to, and
    possibly one more of each that nothing refers to (more if a ``min_*``
    asks for them). Sizes are bounded by the ``min_*`` and ``max_*``
    arguments; ``zones`` and ``languages`` reach every zoned instant, zone,
    language list and text.

    Large programmes stay quick to generate: beyond four items of a kind,
    two are drawn and the rest are copies of them with new ids, and copied
    sessions move in time (exact minutes, up to three days) and get their
    moderators and speakers re-chosen, all from one drawn seed.
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
    if all(high <= _DRAWN for _, high in sizes.values()):
        return draw(_drawn(tuple(sizes.items()), zones, languages))
    counts = {kind: draw(st.integers(low, high)) for kind, (low, high) in sizes.items()}
    exact = {kind: (min(n, _PROTOTYPES), min(n, _PROTOTYPES)) for kind, n in counts.items()}
    base = draw(_drawn(tuple(exact.items()), zones, languages))
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
def _order() -> tuple[str, ...]:
    """The collections, each before those it refers to (self-references aside)."""
    targets: dict[str, set[str]] = {name: set() for name in collections()}
    for name, cls in collections().items():
        targets[name] = {c for c in _reachable(cls) if c != name}
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
    """The collections that some field refers to (speakers...; not sessions)."""
    return frozenset(c for cls in collections().values() for c in _reachable(cls))


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


@cached
def _drawn(
    sizes: tuple[tuple[str, tuple[int, int]], ...],
    zones: st.SearchStrategy[str] | None,
    languages: st.SearchStrategy[str] | None,
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
    return _drawn_programmes(_Plan(tuple(bounds.items()), pools, config))


@cached  # one list strategy per size range met, not one per draw
def _lists(elements: st.SearchStrategy[Any], low: int, high: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(elements, min_size=low, max_size=high)


@st.composite
def _drawn_programmes(draw: st.DrawFn, plan: _Plan) -> Programme:
    """A programme whose every item is drawn (see :func:`programmes`)."""
    sizes = dict(plan.sizes)
    referred: dict[str, set[str]] = {kind: set() for kind in sizes}
    own = draw(field_values(Programme, plan.config, exclude=frozenset(sizes)))
    for kind, target in references_in(Programme, lambda name: own.get(name)):
        referred[kind].add(target)
    drawn: dict[str, Any] = {}
    for kind in _order():
        cls, pool, (low, high) = collections()[kind], plan.pools[kind], sizes[kind]
        named = [i for i in pool if i in referred[kind]]
        fewest = max(len(named), low)
        # Items nothing refers to (speakers without a session...): at most
        # one more than ``min_*`` asks for, of the kinds others refer to.
        most = min(high, fewest + 1) if kind in _referred_kinds() else high
        values = draw(
            _lists(field_values(cls, plan.config, exclude=frozenset({"id"})), fewest, most)
        )
        unnamed = [i for i in pool if i not in referred[kind]]
        item_ids = named + unnamed[: len(values) - len(named)]
        own_refs = [f.name for f in attrs.fields(cls) if f.metadata.get("references") == kind]
        items = []
        for item_id, fields in zip(item_ids, values, strict=True):
            for field in own_refs:  # into its own collection: only items that exist, not itself
                fields[field] = _existing(fields[field], item_ids, item_id)
            items.append(cls(id=item_id, **fields))
        for item in items:
            for target_kind, target in references(item):
                referred[target_kind].add(target)
        drawn[kind] = tuple(items)
    return Programme(**own, **drawn)


def _existing(value: Any, present: list[str], itself: str) -> Any:
    """``value``'s ids (a tuple, or one id) that name an item of ``present`` but ``itself``."""
    if isinstance(value, tuple):
        return tuple(v for v in value if v in present and v != itself)
    return value if value in present and value != itself else None


#: ``attrs.evolve`` for the model's classes, which mypy does not see as attrs
#: classes (the model's own decorator makes them).
_evolve: Any = attrs.evolve


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
        shift = timedelta(minutes=rng.randrange(-3 * 24 * 60, 3 * 24 * 60 + 1))
        copy: Session = _evolve(
            session,
            id=new_id,
            start=session.start + shift,
            end=session.end + shift,
            moderators=tuple(rng.sample(everyone, len(session.moderators))),
            contributions=tuple(
                _evolve(c, speaker=rng.choice(everyone)) for c in session.contributions
            ),
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
