"""Hypothesis entry point: ``st.from_type`` knows essprogramme's types.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, in any
project that has essprogramme installed. The hook must not import
:mod:`essprogramme.strategies` (which imports hypothesis, mid-import here):
each registration is a function that imports it on first use.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []

# type name -> name of the strategy function in essprogramme.strategies
_STRATEGIES = {
    "LocalizedText": "localized_texts",
    "PartialDate": "partial_dates",
    "Interval": "intervals",
    "Territory": "territories",
    "Figure": "figures",
    "Affiliation": "affiliations",
    "Organisation": "organisations",
    "Speaker": "speakers",
    "Participant": "participants",
    "Session": "sessions",
    "GovernanceBody": "governance_bodies",
    "Activity": "activities",
    "Initiative": "initiatives",
    "Location": "locations",
    "Track": "tracks",
    "Programme": "programmes",
}


def _lazy(function_name: str) -> Any:
    def strategy_for(_: type) -> Any:
        from . import strategies

        return getattr(strategies, function_name)()

    return strategy_for


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from . import model

    for type_name, function_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(model, type_name), _lazy(function_name))
