"""schema.org's JSON-LD context, served locally to pyld: JSON-LD checks without a network.

``SCHEMA_CONTEXT`` is an excerpt of schema.org's own context
(``data/releases/26.0/schemaorgcontext.jsonld`` in github.com/schemaorg/schemaorg,
CC BY-SA 3.0): its header, and the entries of the terms essprogramme writes,
copied as they are there (``"@type": "Date"`` on dates, ``"@type": "@id"`` on
URLs). Its ``@vocab`` would expand any other word too, so the tests also hold
every property and type of an export to the terms listed here
(:data:`TERMS`): a misspelt or invented term turns them red.

:func:`load_document` is the only document loader the tests give pyld: it
serves this context for schema.org's addresses and refuses everything else,
so no test can reach the network. Not a test module: imported by tests.
"""

from __future__ import annotations

from typing import Any

from pyld import jsonld

SCHEMA = "http://schema.org/"

_TYPES = (
    "CollegeOrUniversity",
    "CreativeWork",
    "EducationEvent",
    "Event",
    "ExhibitionEvent",
    "GeoCoordinates",
    "GovernmentOrganization",
    "NGO",
    "Offer",
    "Organization",
    "Person",
    "Place",
    "PostalAddress",
    "PriceSpecification",
    "Role",
    "ScreeningEvent",
    "VirtualLocation",
)
_PROPERTIES = (
    "abstract",
    "address",
    "addressCountry",
    "addressLocality",
    "addressRegion",
    "affiliation",
    "alternateName",
    "alumniOf",
    "author",
    "availability",
    "containedInPlace",
    "contributor",
    "description",
    "eventAttendanceMode",
    "eventStatus",
    "funder",
    "geo",
    "honorificPrefix",
    "inLanguage",
    "isAccessibleForFree",
    "jobTitle",
    "keywords",
    "latitude",
    "location",
    "longitude",
    "maximumAttendeeCapacity",
    "minPrice",
    "name",
    "offers",
    "organizer",
    "performer",
    "postalCode",
    "price",
    "priceCurrency",
    "priceSpecification",
    "recordedIn",
    "remainingAttendeeCapacity",
    "roleName",
    "sponsor",
    "streetAddress",
    "subEvent",
    "subjectOf",
    "teaches",
    "workPerformed",
)
#: Properties whose range is a date or a date-time, and those that hold URLs.
_DATES = ("endDate", "previousStartDate", "startDate", "validThrough")
_URLS = ("image", "sameAs", "url")

SCHEMA_CONTEXT: dict[str, Any] = {
    "@context": {
        "type": "@type",
        "id": "@id",
        "HTML": {"@id": "rdf:HTML"},
        "@vocab": SCHEMA,
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "schema": SCHEMA,
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        **{name: {"@id": f"schema:{name}"} for name in _TYPES + _PROPERTIES},
        **{name: {"@id": f"schema:{name}", "@type": "Date"} for name in _DATES},
        **{name: {"@id": f"schema:{name}", "@type": "@id"} for name in _URLS},
    }
}

#: Every schema.org IRI the context above defines: the terms an export may use.
TERMS = frozenset(SCHEMA + name for name in _TYPES + _PROPERTIES + _DATES + _URLS)

#: The addresses a document may name schema.org's context by.
_ADDRESSES = frozenset(
    f"{scheme}://schema.org{path}"
    for scheme in ("http", "https")
    for path in ("", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json")
)


class NetworkRefused(LookupError):
    """A JSON-LD processor asked for a document the tests do not hold."""


def load_document(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: schema.org's context, and nothing else."""
    if url not in _ADDRESSES:
        raise NetworkRefused(f"no network in tests: refused to load {url!r}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_CONTEXT,
    }


def expand(document: Any) -> list[dict[str, Any]]:
    """``document`` expanded by pyld, with the local context."""
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": load_document})
    return expanded


Triple = tuple[str, str, str]


def triples(document: Any) -> set[Triple]:
    """The RDF triples of ``document``, as ``(subject, predicate, object)`` strings.

    Blank nodes keep pyld's labels (``_:b0``); a literal is its lexical form,
    followed by ``@language`` when it has a language (``"Mme@fr"``).
    """
    dataset = jsonld.to_rdf(document, {"documentLoader": load_document})
    found = set()
    for triple in dataset["@default"]:
        value = triple["object"]["value"]
        if triple["object"].get("language"):
            value += "@" + triple["object"]["language"]
        found.add((triple["subject"]["value"], triple["predicate"]["value"], value))
    return found


def datatypes(document: Any) -> dict[tuple[str, str], str]:
    """The datatype of each literal, keyed by its predicate and value."""
    dataset = jsonld.to_rdf(document, {"documentLoader": load_document})
    return {
        (t["predicate"]["value"], t["object"]["value"]): t["object"].get("datatype", "")
        for t in dataset["@default"]
        if t["object"]["type"] == "literal"
    }
