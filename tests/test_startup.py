"""Start-up: what ``import essprogramme`` and ``essprogramme show`` load, and the bytecode cache.

Times are measured in ``bench/`` (never asserted here); these tests hold the
causes: the modules that are not imported until needed, and a cache of the
generated checks' bytecode that is used, ignored when broken, and never
written when Python is told not to write bytecode.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme.model import _codegen
from essprogramme.model._formats import _plain_uri, _rfc3986, is_url

# Imported on first need only: each costs milliseconds that `show` does not need.
_LATE = (
    "jsonschema",
    "hypothesis",
    "importlib.metadata",
    "importlib.resources",
    "rfc3986_validator",
    "difflib",
    "tempfile",
    "pathlib",
    "argparse",
)


def _python(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=environment
    )


def test_import_essprogramme_loads_none_of_the_late_modules() -> None:
    result = _python(
        f"import sys, essprogramme\nprint(sorted(m for m in {_LATE!r} if m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_show_on_the_example_loads_no_schema_uri_grammar_or_file_machinery() -> None:
    result = _python(
        "import sys, io, contextlib\n"
        "from essprogramme.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['show', '--tz', 'UTC']) == 0\n"
        "print(sorted(m for m in ('jsonschema', 'hypothesis', 'rfc3986_validator', 'tempfile',"
        " 'importlib.resources', 'importlib.metadata') if m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


_URI_CHARS = st.sampled_from(
    [*"abcXYZ019-._~!$&'()*+,;=:@/?#%[]", "%20", "%zz", "%4", " ", "é", "\\", "//"]
)


@given(st.lists(_URI_CHARS, max_size=25).map("".join), st.sampled_from(["http://", "https://"]))
def test_the_plain_url_pattern_accepts_only_what_rfc_3986_accepts(rest: str, scheme: str) -> None:
    url = scheme + rest
    if _plain_uri(url) is not None:
        assert _rfc3986()(url, rule="URI"), url


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://www.gsef-net.org/fr/", True),
        ("https://[2001:db8::1]/programme", True),  # IP literal: the full grammar decides
        ("https://user@example.org/", True),
        ("https://example.org/%zz", False),
        ("https://example.org/a b", False),
        ("https://example.org/#a#b", False),
    ],
)
def test_urls_outside_the_plain_pattern_get_the_full_grammar(url: str, valid: bool) -> None:
    assert is_url(url) is valid


def test_generated_bytecode_is_cached_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "generated.marshal"
    script = (
        "import sys\n"
        "from essprogramme.model import _codegen\n"
        f"_codegen._CACHE.path = {str(cache)!r}\n"
        "from essprogramme import examples\n"
        "programme = examples.load('gsef2021-partenariats')\n"
        "print(len(_codegen._CACHE.entries or {}), _codegen._CACHE.dirty)\n"
    )
    env = {"PYTHONDONTWRITEBYTECODE": ""}
    first = _python(script, **env)
    assert first.returncode == 0, first.stderr
    compiled, dirty = first.stdout.split()
    assert int(compiled) > 10
    assert dirty == "True"
    assert cache.stat().st_size > 0
    second = _python(script, **env)  # everything found in the cache: nothing new to write
    assert second.stdout.split() == [compiled, "False"], second.stderr
    cache.write_bytes(cache.read_bytes()[:100] + b"\x00garbage")
    third = _python(script, **env)  # a broken cache: compiled again, rewritten
    assert third.returncode == 0, third.stderr
    assert third.stdout.split() == [compiled, "True"]


def test_no_cache_is_written_when_python_is_told_not_to_write_bytecode(tmp_path: Path) -> None:
    cache = tmp_path / "generated.marshal"
    result = _python(
        "from essprogramme.model import _codegen\n"
        f"_codegen._CACHE.path = {str(cache)!r}\n"
        "from essprogramme import examples\n"
        "examples.load('gsef2021-partenariats')\n",
        PYTHONDONTWRITEBYTECODE="1",
    )
    assert result.returncode == 0, result.stderr
    assert not cache.exists()


def test_a_changed_source_never_meets_old_bytecode() -> None:
    source = _codegen.Source("test constant")
    source.line(0, "def f():")
    source.line(1, "return 1")
    assert source.compile("f")() == 1
    changed = _codegen.Source("test constant")
    changed.line(0, "def f():")
    changed.line(1, "return 2")
    assert changed.compile("f")() == 2
