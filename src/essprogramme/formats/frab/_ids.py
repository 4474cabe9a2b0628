"""Identifiers both ways: acronyms, guids, slugs and event numbers out; model ids in.

Out, everything is derived from the programme's id and the items' ids, so an
export of the same programme is the same file every time:

- the conference ``acronym`` is the programme id in the alphabet the VOC
  schema allows (``gsef2021-partenariats`` → ``gsef2021_partenariats``);
- a ``guid`` is a UUID 5 of the acronym, the kind of item and its id;
- an event's ``slug`` is the acronym, ``-`` and the session id in a
  reversible lower-case spelling (:func:`encode_slug`), so that a schedule
  written here gives its session ids back;
- the numbers frab still requires (``id``) are taken from the guids.

In, an id that the model cannot take (a base64url guid starting with ``-``,
a number, a name) is mapped by :func:`model_id` the same way every time.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Iterable

from ...model._formats import is_id

__all__ = [
    "GUID_NAMESPACE",
    "Ids",
    "acronym_of",
    "decode_slug",
    "encode_slug",
    "event_numbers",
    "guid_of",
    "model_id",
    "slugify",
]

#: The namespace of every guid essprogramme writes: ``uuid5(NAMESPACE_URL,
#: "urn:essprogramme:frab")``.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:essprogramme:frab")

_NOT_ACRONYM = re.compile("[^a-z0-9_]")
_NOT_ID = re.compile("[^A-Za-z0-9._-]+")
_NOT_SLUG = re.compile("[^a-z0-9]+")
_MAX_ID = 100


def acronym_of(programme_id: str) -> str:
    """The conference acronym for a programme id: lower case, ``_`` for other characters.

    The VOC schema wants at least four characters of ``[a-z0-9_]`` (a ``-``
    only before a year suffix): shorter ids are padded with ``_``.

    >>> acronym_of("gsef2021-partenariats"), acronym_of("OECD.2023"), acronym_of("ess")
    ('gsef2021_partenariats', 'oecd_2023', 'ess_')
    """
    return _NOT_ACRONYM.sub("_", programme_id.lower()).ljust(4, "_")


def guid_of(acronym: str, kind: str, item_id: str) -> str:
    """The guid of an item: UUID 5 of ``acronym/kind/id`` in :data:`GUID_NAMESPACE`.

    ``kind`` is ``session``, ``speaker`` or ``room``; the room that holds
    sessions without a place has the empty id.

    >>> guid_of("gsef2021_partenariats", "session", "partenariats-innovants-ecosystemes-ess")
    'b237d016-f1a5-5dde-b80b-3deede8951a9'
    """
    return str(uuid.uuid5(GUID_NAMESPACE, f"{acronym}/{kind}/{item_id}"))


_ESCAPES = {"_": "_0", ".": "_1"}
_UNESCAPES = {"0": "_", "1": ".", "2": "-", "3": ""}


def encode_slug(item_id: str) -> str:
    """``item_id`` in ``[a-z0-9_-]``, at least four characters, ending in a letter or digit.

    Upper-case letters become ``_`` and the letter, ``_`` becomes ``_0``,
    ``.`` ``_1``, a final ``-`` ``_2``; ``_3`` pads short ids. The VOC
    schema's slug patterns (JSON and XSD) accept the result, and
    :func:`decode_slug` reverses it.

    >>> encode_slug("spe-0.1"), encode_slug("SPE-0"), encode_slug("a")
    ('spe-0_11', '_s_p_e-0', 'a_3_3')
    """
    out = []
    last = len(item_id) - 1
    for position, char in enumerate(item_id):
        if "a" <= char <= "z" or "0" <= char <= "9":
            out.append(char)
        elif "A" <= char <= "Z":
            out.append("_" + char.lower())
        elif char == "-":
            out.append("_2" if position == last else "-")
        else:
            out.append(_ESCAPES[char])
    encoded = "".join(out)
    while len(encoded) < 4:
        encoded += "_3"
    return encoded


def decode_slug(encoded: str) -> str | None:
    """The id :func:`encode_slug` wrote as ``encoded``; ``None`` if it did not write it.

    >>> decode_slug("spe-0_11"), decode_slug("_s_p_e-0"), decode_slug("opening__ceremony")
    ('spe-0.1', 'SPE-0', None)
    """
    out = []
    index = 0
    while index < len(encoded):
        char = encoded[index]
        if char != "_":
            out.append(char)
            index += 1
            continue
        code = encoded[index + 1 : index + 2]
        if "a" <= code <= "z":
            out.append(code.upper())
        elif code in _UNESCAPES:
            out.append(_UNESCAPES[code])
        else:
            return None
        index += 2
    decoded = "".join(out)
    if not is_id(decoded) or encode_slug(decoded) != encoded:
        return None
    return decoded


def event_numbers(guids: Iterable[str]) -> dict[str, int]:
    """A distinct positive 31-bit number for each guid, taken from the guid itself.

    frab's deprecated integer ``id`` is still required by the VOC schema and
    XSD. The number is the guid's first 31 bits; the rare clash moves the
    later guid (in sorted order) to the next free number.
    """
    numbers: dict[str, int] = {}
    taken: set[int] = set()
    for guid in sorted(set(guids)):
        number = (int(guid[:8], 16) & 0x7FFFFFFF) or 1
        while number in taken:
            number = number % 0x7FFFFFFF + 1
        taken.add(number)
        numbers[guid] = number
    return numbers


def slugify(text: str) -> str:
    """A lower-case ASCII slug of ``text`` (``Salle des fêtes`` → ``salle-des-fetes``).

    >>> slugify("Salle des fêtes"), slugify("Lukas \\"cube\\" Hannen"), slugify("李明")
    ('salle-des-fetes', 'lukas-cube-hannen', '')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:80].strip("-")


def model_id(value: str | int, kind: str) -> str:
    """A model id for an identifier of the source, the same one every time.

    A number ``n`` becomes ``kind-n``; a string that is already a valid id
    stays; any other string keeps its usable characters (others become
    ``-``), and one with none becomes ``kind-`` and a hash of it.

    >>> model_id(7797, "person"), model_id("NQTF8Y", "person"), model_id("-x_b64+/", "event")
    ('person-7797', 'NQTF8Y', 'x_b64-')
    """
    if type(value) is int:
        return f"{kind}-{value}"
    text = str(value)
    if is_id(text):
        return text
    cleaned = _NOT_ID.sub("-", text)
    cleaned = cleaned.lstrip("._-")[:_MAX_ID]
    if cleaned:
        return cleaned
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{kind}-{digest}"


class Ids:
    """Ids handed out in one collection: a taken id gets ``-2``, ``-3``... in order.

    >>> ids = Ids()
    >>> ids.claim("gray-room"), ids.claim("gray-room"), ids.claim("gray-room")
    ('gray-room', 'gray-room-2', 'gray-room-3')
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """``wanted``, or the first free ``wanted-n``."""
        candidate = wanted
        number = 1
        while candidate in self._taken:
            number += 1
            suffix = f"-{number}"
            candidate = wanted[: _MAX_ID - len(suffix)] + suffix
        self._taken.add(candidate)
        return candidate

    def __contains__(self, value: object) -> bool:
        return value in self._taken
