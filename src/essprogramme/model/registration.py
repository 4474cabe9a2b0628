"""Registration, places and prices: what it takes to attend."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import MAX_SAFE_INTEGER, URL, rule
from .text import LocalizedText
from .vocab import PriceKind

__all__ = ["Price", "Registration"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Price(Model):
    """One price: free, an amount in an ISO 4217 currency, or pay-what-you-can.

    Amounts are :class:`~decimal.Decimal`, never floats; in JSON, strings
    (``"12.50"``). A pay-what-you-can price may suggest an amount.

    >>> from decimal import Decimal
    >>> Price(kind=PriceKind.FIXED, amount=Decimal("12.50"), currency="EUR").amount
    Decimal('12.50')
    """

    kind: PriceKind
    amount: Decimal | None = None
    currency: str | None = attrs.field(default=None, metadata={"format": "currency"})
    label: LocalizedText | None = None

    def _rules(self) -> Iterator[Problem]:
        if self.kind is PriceKind.FREE and self.amount is not None:
            yield rule(("amount",), "price", "a free price has no amount")
        if self.kind is PriceKind.FIXED and self.amount is None:
            yield rule(("amount",), "required", "a fixed price needs an amount")
        if self.amount is not None and self.currency is None:
            yield rule(("currency",), "required", "an amount needs its currency")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Registration(Model):
    """How to register (or that no registration is needed), places and prices.

    ``places_left`` and ``full`` say how many places remain; being full is a
    matter of places, not of a session's status.
    """

    required: bool | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    email: str | None = attrs.field(default=None, metadata={"format": "email"})
    deadline: datetime | None = None
    capacity: int | None = attrs.field(default=None, metadata={"min": 1, "max": MAX_SAFE_INTEGER})
    places_left: int | None = attrs.field(
        default=None, metadata={"min": 0, "max": MAX_SAFE_INTEGER}
    )
    full: bool | None = None
    prices: tuple[Price, ...] = ()
    conditions: LocalizedText | None = None

    def _rules(self) -> Iterator[Problem]:
        left, capacity = self.places_left, self.capacity
        if left is not None and capacity is not None and left > capacity:
            yield rule(("places_left",), "range", f"more places left ({left}) than capacity")
        if self.full and left:
            yield rule(("full",), "places", f"full, yet {left} places are left")
