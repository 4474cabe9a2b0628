"""frab / pretalx schedules (the c3voc "schedule" format), JSON and XML, both ways.

Conference teams run pretalx or frab; their schedule export feeds players,
apps and signage. :func:`export_json` and :func:`export_xml` write a
programme as such a schedule (valid against the VOC JSON Schema and XSD);
:func:`import_json` and :func:`import_xml` read one into a programme, with
an :class:`ImportReport` of what the model could not carry, what was changed
on the way and what was found broken in the source. ``docs/frab.md`` says
what maps to what and what is lost each way.

>>> from essprogramme import examples
>>> from essprogramme.formats import ExportOptions
>>> programme = examples.load("gsef2021-partenariats")
>>> again, report = import_json(export_json(programme, ExportOptions()))
>>> again.sessions[0].id == programme.sessions[0].id, again.sessions[0].start == programme.sessions[0].start
(True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._export_json import dumps, export_report, to_frab
from ._export_xml import to_frab_xml
from ._ids import GUID_NAMESPACE, acronym_of, decode_slug, encode_slug, guid_of
from ._import import from_frab
from ._plan import DAY_CHANGE
from ._report import Entry, ExportReport, IdMapping, ImportReport
from ._xml import MAX_XML_BYTES, MAX_XML_DEPTH, from_frab_xml, parse_xml

if TYPE_CHECKING:
    from ...model import Programme
    from .. import ExportOptions

__all__ = [
    "DAY_CHANGE",
    "GUID_NAMESPACE",
    "MAX_XML_BYTES",
    "MAX_XML_DEPTH",
    "Entry",
    "ExportReport",
    "IdMapping",
    "ImportReport",
    "acronym_of",
    "decode_slug",
    "encode_slug",
    "export_json",
    "export_report",
    "export_xml",
    "from_frab",
    "from_frab_xml",
    "guid_of",
    "import_json",
    "import_xml",
    "parse_xml",
    "to_frab",
    "to_frab_xml",
]


def export_json(programme: Programme, options: ExportOptions, /) -> bytes:
    """The exporter ``frab-json``: the schedule as UTF-8 JSON (:func:`to_frab`)."""
    return dumps(to_frab(programme, zone=options.zone, lang=options.lang, speaker=options.speaker))


def export_xml(programme: Programme, options: ExportOptions, /) -> bytes:
    """The exporter ``frab-xml``: the schedule as UTF-8 XML (:func:`to_frab_xml`)."""
    text = to_frab_xml(programme, zone=options.zone, lang=options.lang, speaker=options.speaker)
    return text.encode("utf-8")


def import_json(data: bytes, /, *, time_zone: str | None = None) -> tuple[Programme, ImportReport]:
    """The importer ``frab-json``: a schedule's JSON bytes into a programme and its report.

    ``time_zone`` is the zone to read the schedule in when it names none.
    Any bad input raises :class:`~essprogramme.ValidationError`, naming
    every problem with its path.
    """
    from ..._jsondata import read_json

    return from_frab(read_json(data), time_zone=time_zone)


def import_xml(data: bytes, /, *, time_zone: str | None = None) -> tuple[Programme, ImportReport]:
    """The importer ``frab-xml``: a schedule's XML bytes into a programme and its report.

    The XML is parsed without DTDs, entities or external references, within
    :data:`MAX_XML_BYTES` and :data:`MAX_XML_DEPTH` (:func:`parse_xml`).
    """
    return from_frab_xml(parse_xml(data), time_zone=time_zone)
