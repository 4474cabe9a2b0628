"""Helpers of the frab tests: the VOC validators, when ``../shared`` is there, and a subset check.

The VOC JSON Schema and XSD live in ``../shared/interop/frab/`` (or
``$ESSPROGRAMME_SHARED/interop/frab/``); they are read from there, never
copied. Without them, :func:`json_problems` and :func:`xml_problems` check
a subset of their rules written here: the required fields, the patterns of
acronyms, slugs, durations, start times and guids, and the types.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

SHARED = Path(
    os.environ.get("ESSPROGRAMME_SHARED") or Path(__file__).resolve().parents[2].parent / "shared"
)
FRAB = SHARED / "interop" / "frab"
HERE = Path(__file__).resolve().parent


def shared(name: str) -> Path | None:
    """A file of ``shared/interop/frab``, or ``None`` when the directory is absent."""
    path = FRAB / name
    return path if path.is_file() else None


@cache
def _json_validator() -> Any:
    path = shared("schema.json")
    if path is None:
        return None
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


@cache
def _xsd() -> Any:
    path = shared("schedule.xml.xsd")
    if path is None:
        return None
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(path)))


_GUID = re.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}").fullmatch
_EVENT_KEYS = ("abstract", "date", "duration", "guid", "id", "language", "links", "persons",
               "room", "slug", "start", "subtitle", "title", "track", "type", "url")  # fmt: skip


def _subset_json(document: Any) -> list[str]:
    found = []
    conference = document["schedule"]["conference"]
    for key in ("title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration"):
        if key not in conference:
            found.append(f"conference: {key} missing")
    if not re.search("^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$", conference["acronym"]):
        found.append("acronym")
    for day in conference["days"]:
        for events in day["rooms"].values():
            for event in events:
                found += [f"event: {key} missing" for key in _EVENT_KEYS if key not in event]
                if not re.search("^[a-z0-9_-]+[a-z0-9]$", event["slug"]):
                    found.append(f"slug {event['slug']!r}")
                if not re.search("^[0-9]+:[0-9]{2}$", event["duration"]):
                    found.append(f"duration {event['duration']!r}")
                if not re.search("^(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$", event["start"]):
                    found.append(f"start {event['start']!r}")
                if not _GUID(event["guid"]) or type(event["id"]) is not int or event["id"] < 1:
                    found.append("guid or id")
                for person in event["persons"]:
                    if "name" not in person or ("public_name" in person and "id" in person):
                        found.append("person: one of FrabPerson, PretalxPerson")
    return found


def json_problems(document: Any) -> list[str]:
    """What the VOC JSON Schema finds wrong (a subset check without ``../shared``)."""
    validator = _json_validator()
    if validator is None:
        return _subset_json(document)
    return [f"{list(e.absolute_path)}: {e.message[:300]}" for e in validator.iter_errors(document)]


def _subset_xml(text: str) -> list[str]:
    root = ElementTree.fromstring(text)
    found = []
    if [child.tag for child in root][:2] not in (
        ["generator", "version"],
        ["version", "conference"],
    ):
        found.append("schedule: generator?, version, conference, day+")
    if not root.findall("day"):
        found.append("schedule: no day")
    for event in root.iter("event"):
        for tag in ("room", "title", "type", "date", "start", "duration", "abstract", "track"):
            if event.find(tag) is None:
                found.append(f"event: {tag} missing")
        if not re.fullmatch(
            "([0-9]{1,2}:[0-9]{2})|([0-9]{1,2}:[0-9]{2}:[0-9]{1,2})", event.findtext("duration", "")
        ):
            found.append("duration")
        if not _GUID(event.get("guid", "")) or not event.get("id", "").isdigit():
            found.append("guid or id")
        slug = event.findtext("slug")
        if slug is not None and not re.fullmatch("[a-z0-9_]{4,}-[a-z0-9\\-_]{4,}", slug):
            found.append(f"slug {slug!r}")
    return found


def xml_problems(text: str) -> list[str]:
    """What the VOC XSD finds wrong (lxml; a subset check without ``../shared``)."""
    schema = _xsd()
    if schema is None:
        return _subset_xml(text)
    from lxml import etree

    if schema.validate(etree.fromstring(text.encode("utf-8"))):
        return []
    return [str(error) for error in schema.error_log]
