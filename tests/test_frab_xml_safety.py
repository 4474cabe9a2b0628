"""Hostile XML ends in a ValidationError, fast, with nothing read from disk or network."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from essprogramme import ValidationError
from essprogramme.formats.frab import MAX_XML_BYTES, MAX_XML_DEPTH, import_xml, parse_xml

#: Far more than a hostile document may take: each is refused in milliseconds.
QUICK = 1.0

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<schedule><version>&lol9;</version></schedule>
"""


def _refused(data: bytes) -> ValidationError:
    started = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        import_xml(data)
    assert time.perf_counter() - started < QUICK
    assert caught.value.codes == {"xml"}
    return caught.value


def test_a_billion_laughs_is_refused_before_any_entity_is_expanded() -> None:
    error = _refused(BILLION_LAUGHS)
    assert "DTD" in str(error)
    assert "lol" not in str(error)


def test_an_external_entity_naming_a_local_file_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    messages = []
    for target in (secret, missing):
        data = (
            f'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY x SYSTEM "file://{target}">]>'
            "<schedule><version>&x;</version></schedule>"
        ).encode()
        messages.append(str(_refused(data)))
    # The same answer whether the file exists or not: nothing was opened.
    assert messages[0] == messages[1]
    assert "TOP-SECRET" not in messages[0]


def test_an_external_dtd_on_the_network_is_not_fetched() -> None:
    data = b'<!DOCTYPE schedule SYSTEM "http://192.0.2.1/schedule.dtd"><schedule/>'
    _refused(data)


def test_a_parameter_entity_is_refused() -> None:
    data = b'<!DOCTYPE s [<!ENTITY % p SYSTEM "http://192.0.2.1/p.dtd"> %p;]><schedule/>'
    _refused(data)


def test_nesting_a_hundred_thousand_deep_is_refused_at_the_bound() -> None:
    depth = 100_000
    data = b"<schedule>" + b"<a>" * depth + b"</a>" * depth + b"</schedule>"
    error = _refused(data)
    assert f"deeper than {MAX_XML_DEPTH}" in str(error)


def test_a_document_over_the_size_bound_is_refused_unread() -> None:
    error = _refused(b" " * (MAX_XML_BYTES + 1))
    assert "larger than" in str(error)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not well-formed"),
        (b"<schedule>", "not well-formed"),
        (b"\xff\xfe<s/>", "not well-formed"),
        (b"<schedule></schedul>", "not well-formed"),
    ],
)
def test_text_that_is_not_xml_is_a_validation_error(data: bytes, words: str) -> None:
    assert words in str(_refused(data))


def test_nesting_within_the_bound_is_read() -> None:
    inner = b"<a>" * (MAX_XML_DEPTH - 1) + b"</a>" * (MAX_XML_DEPTH - 1)
    assert parse_xml(b"<schedule>" + inner + b"</schedule>").tag == "schedule"
