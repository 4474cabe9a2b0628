"""Formats: a programme written for people, calendars, search engines and other tools.

One module per format, each importing the model and nothing from the other
outer layers:

========== ===================================== ================================
name       module                                gives
========== ===================================== ================================
text       :mod:`essprogramme.formats.text`      a readable programme, plain text
markdown   :mod:`essprogramme.formats.markdown`  the same in Markdown
html       :mod:`essprogramme.formats.html`      a standalone, accessible page
ics        :mod:`essprogramme.formats.ical`      an iCalendar (RFC 5545) calendar
jsonld     :mod:`essprogramme.formats.jsonld`    schema.org ``Event`` JSON-LD
frab-json  :mod:`essprogramme.formats.frab`      a frab/pretalx schedule, JSON
frab-xml   :mod:`essprogramme.formats.frab`      a frab/pretalx schedule, XML
========== ===================================== ================================

Every exporter has the same shape, which the command line's ``export`` uses:
``export(programme, options) -> bytes``, with :class:`ExportOptions` naming
the zone, language and speaker chosen. The modules are imported on first
use, so ``import essprogramme`` stays light.

>>> from essprogramme.formats import EXPORTERS, ExportOptions
>>> sorted(EXPORTERS)
['frab-json', 'frab-xml', 'html', 'ics', 'jsonld', 'markdown', 'text']
>>> ExportOptions(zone="Indian/Mayotte").zone
'Indian/Mayotte'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

import attrs

if TYPE_CHECKING:
    from ..model import Programme

__all__ = [
    "EXPORTERS",
    "IMPORTERS",
    "ExportOptions",
    "Exporter",
    "Importer",
    "exporter",
    "importer",
]


@attrs.frozen(kw_only=True)
class ExportOptions:
    """What an export is for: a zone to show times in, a language, one speaker.

    ``None`` means the format's default: the programme's zone, its first
    language, every session.
    """

    zone: str | None = None
    lang: str | None = None
    speaker: str | None = None


class Exporter(Protocol):
    """``export(programme, options)``: the bytes of the file to write."""

    def __call__(self, programme: Programme, options: ExportOptions, /) -> bytes: ...


#: Format name → ``(module, function)`` of its exporter.
EXPORTERS: dict[str, tuple[str, str]] = {
    "text": ("essprogramme.formats.text", "export"),
    "markdown": ("essprogramme.formats.markdown", "export"),
    "html": ("essprogramme.formats.html", "export"),
    "ics": ("essprogramme.formats.ical", "export"),
    "jsonld": ("essprogramme.formats.jsonld", "export"),
    "frab-json": ("essprogramme.formats.frab", "export_json"),
    "frab-xml": ("essprogramme.formats.frab", "export_xml"),
}

#: Format name → ``(module, function)`` of its importer, which takes the
#: file's bytes (and ``time_zone``, the zone to read a file that names none
#: in) and returns ``(programme, report)``; ``str(report)`` is for people.
IMPORTERS: dict[str, tuple[str, str]] = {
    "frab-json": ("essprogramme.formats.frab", "import_json"),
    "frab-xml": ("essprogramme.formats.frab", "import_xml"),
}


def exporter(name: str) -> Exporter:
    """The exporter of format ``name`` (a key of :data:`EXPORTERS`).

    >>> from essprogramme import examples
    >>> page = exporter("markdown")(examples.load("gsef2021-partenariats"), ExportOptions())
    >>> page.startswith(b"# ")
    True
    """
    module, function = EXPORTERS[name]
    found: Exporter = getattr(importlib.import_module(module), function)
    return found


class Importer(Protocol):
    """``import_(data, time_zone=None)``: the programme a file holds, and a report."""

    def __call__(
        self, data: bytes, /, *, time_zone: str | None = None
    ) -> tuple[Programme, object]: ...


def importer(name: str) -> Importer:
    """The importer of format ``name`` (a key of :data:`IMPORTERS`)."""
    module, function = IMPORTERS[name]
    found: Importer = getattr(importlib.import_module(module), function)
    return found
