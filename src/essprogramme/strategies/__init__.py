"""Hypothesis strategies for every public type: valid by construction, realistic.

For the property-based tests of projects that depend on essprogramme (and
of essprogramme itself). Needs the ``hypothesis`` extra::

    pip install "essprogramme[hypothesis]"

Generated data covers what breaks programme software: many languages and
scripts (right-to-left included), zones with DST and odd offsets
(Asia/Kathmandu +05:45, Pacific/Chatham +12:45, Australia/Lord_Howe's
half-hour DST), instants across DST changes and local midnight.

Every model class's strategy is derived from its attrs fields and their
metadata, so a field added to the model is generated without a change
here. :func:`invalid_documents` draws documents broken by one rule each.

>>> from hypothesis import given
>>> from essprogramme import strategies
>>> @given(strategies.sessions())
... def test_an_end_comes_after_its_start(session):
...     if session.end is not None:
...         assert session.end > session.start
>>> test_an_end_comes_after_its_start()
"""

from __future__ import annotations

from ._invalid import invalid_documents
from ._objects import (
    TIME_SHAPES,
    activities,
    affiliations,
    figures,
    for_type,
    governance_bodies,
    initiatives,
    intervals,
    links,
    locations,
    organisations,
    participants,
    prices,
    registrations,
    sessions,
    sources,
    speakers,
    territories,
    tracks,
)
from ._programmes import programmes
from ._values import (
    CURRENCIES,
    LANGUAGE_TAGS,
    ZONES,
    amounts,
    colors,
    currencies,
    emails,
    ids,
    instants,
    language_tags,
    localized_texts,
    locodes,
    partial_dates,
    texts,
    urls,
    zone_keys,
)

__all__ = [
    "CURRENCIES",
    "LANGUAGE_TAGS",
    "TIME_SHAPES",
    "ZONES",
    "activities",
    "affiliations",
    "amounts",
    "colors",
    "currencies",
    "emails",
    "figures",
    "for_type",
    "governance_bodies",
    "ids",
    "initiatives",
    "instants",
    "intervals",
    "invalid_documents",
    "language_tags",
    "links",
    "localized_texts",
    "locations",
    "locodes",
    "organisations",
    "partial_dates",
    "participants",
    "prices",
    "programmes",
    "registrations",
    "sessions",
    "sources",
    "speakers",
    "territories",
    "texts",
    "tracks",
    "urls",
    "zone_keys",
]
