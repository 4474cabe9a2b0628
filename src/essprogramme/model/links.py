"""Links to what surrounds a programme: streams, replays, slides, pages; recording rules."""

from __future__ import annotations

import attrs

from ._checks import Model, checked
from ._rules import LANGUAGE, URL
from .text import LocalizedText
from .vocab import LinkKind

__all__ = ["Link", "RecordingPolicy"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Link(Model):
    """A typed link: a livestream, a replay, slides, a registration page...

    >>> Link(kind=LinkKind.LIVESTREAM, url="https://www.youtube.com/live/gsef", language="fr").kind
    <LinkKind.LIVESTREAM: 'livestream'>
    """

    kind: LinkKind
    url: str = attrs.field(metadata=URL)
    title: LocalizedText | None = None
    #: The language of what the link leads to, when it has one.
    language: str | None = attrs.field(default=None, metadata=LANGUAGE)


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class RecordingPolicy(Model):
    """Whether a session may be recorded, and under which licence.

    ``licence`` is the licence's name or SPDX identifier (``CC-BY-4.0``).
    """

    allowed: bool
    licence: str | None = None
