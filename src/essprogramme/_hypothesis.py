"""Hypothesis entry point: ``st.from_type`` knows essprogramme's types.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, in any
project that has essprogramme installed. Every class of the model is
registered, found from the model itself (a class added to the model is
registered the day it is declared): its strategy is
:func:`essprogramme.strategies.for_type`. The hook must not import
:mod:`essprogramme.strategies` (which imports hypothesis, mid-import here):
each registration imports it on first use.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []


def _model_types() -> list[type]:
    """The model's value types: its checked classes, and multilingual text."""
    from . import model
    from .model._checks import Model

    found: list[type] = []
    for name in model.__all__:
        value = getattr(model, name)
        if isinstance(value, type) and (issubclass(value, Model) or value is model.LocalizedText):
            found.append(value)
    return found


def _strategy_for(cls: type) -> Any:
    from . import strategies

    return strategies.for_type(cls)


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    for cls in _model_types():
        st.register_type_strategy(cls, _strategy_for)
