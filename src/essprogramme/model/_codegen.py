"""A small helper for generated code that reads like code, and a cache of its bytecode.

Like attrs' ``_make_method`` and cattrs' ``gen/_lc.py``: each generated
function gets a file name registered in :mod:`linecache` (tracebacks and
debuggers show the source), and the values it uses are bound under names
that say what they are (``check_id``, ``cls_Session``), not ``_n31``.

Compiling the generated source is most of what the model costs to start:
some 80 functions, 250 kB of source. As Python keeps a module's bytecode in
``__pycache__``, this module keeps the generated functions' bytecode in
``__pycache__/generated.<tag>.marshal`` beside it, keyed by the exact source
(a changed source is compiled anew, never matched to old bytecode). The
cache is written at exit when something new was compiled, atomically, and
not at all when Python is told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, ``sys.dont_write_bytecode``); an unreadable,
stale or foreign file is ignored.
"""

from __future__ import annotations

import atexit
import contextlib
import linecache
import marshal
import os
import re
import sys
import zlib
from types import CodeType
from typing import Any

__all__ = ["Source"]

_UNSAFE = re.compile(r"[^0-9A-Za-z_]")


class Source:
    """The lines and bound names of one generated function."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.lines: list[str] = []
        self.names: dict[str, Any] = {}

    def bind(self, name: str, value: Any) -> str:
        """Bind ``value`` under ``name`` (made unique and identifier-safe); return the name."""
        base = _UNSAFE.sub("_", name)
        candidate, n = base, 1
        while candidate in self.names and self.names[candidate] is not value:
            n += 1
            candidate = f"{base}_{n}"
        self.names[candidate] = value
        return candidate

    def line(self, indent: int, text: str) -> None:
        """Append ``text`` at ``indent`` levels of four spaces."""
        self.lines.append("    " * indent + text)

    def compile(self, function: str) -> Any:
        """Compile the source (or take its cached bytecode); return the function ``function``."""
        source = self.text()
        # The same source always gets the same name: cached bytecode names
        # the file that linecache holds.
        filename = f"<essprogramme {self.title} {zlib.crc32(source.encode()):08x}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        namespace = dict(self.names)
        exec(_CACHE.code(filename, source), namespace)
        return namespace[function]

    def text(self) -> str:
        """The source, for reading and tests."""
        return "\n".join(self.lines) + "\n"


class _BytecodeCache:
    """Generated sources' bytecode, kept between runs like ``__pycache__``'s."""

    def __init__(self, path: str) -> None:
        self.path = path
        # (filename, source) -> code; None until first used.
        self.entries: dict[tuple[str, str], CodeType] | None = None
        self.used: set[tuple[str, str]] = set()
        self.dirty = False

    def _header(self) -> bytes:
        return f"essprogramme generated code\n{sys.version}\n".encode()

    def _load(self) -> dict[tuple[str, str], CodeType]:
        try:
            with open(self.path, "rb") as file:
                data = file.read()
        except OSError:
            return {}
        header = self._header()
        if not data.startswith(header):
            return {}
        try:
            entries = marshal.loads(data[len(header) :])
        except (EOFError, ValueError, TypeError):
            return {}
        if not isinstance(entries, dict):
            return {}
        return {
            key: code
            for key, code in entries.items()
            if isinstance(key, tuple) and isinstance(code, CodeType)
        }

    def code(self, filename: str, source: str) -> CodeType:
        """The bytecode of ``source``, compiled under ``filename`` if not cached."""
        if self.entries is None:
            self.entries = self._load()
        key = (filename, source)
        self.used.add(key)
        found = self.entries.get(key)
        if found is None:
            found = self.entries[key] = compile(source, filename, "exec")
            if not self.dirty and not sys.dont_write_bytecode:
                self.dirty = True
                atexit.register(self.save)
        return found

    def save(self) -> None:
        """Write the cache, atomically; keep only what this run used if it grew large."""
        if self.entries is None or sys.dont_write_bytecode:
            return
        entries = self.entries
        if len(entries) > 4 * len(self.used):  # stale versions pile up: start afresh
            entries = {key: code for key, code in entries.items() if key in self.used}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as file:
                file.write(self._header() + marshal.dumps(entries))
            os.replace(temporary, self.path)
        except OSError:  # a read-only installation: compile each time, as without the cache
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _cache_path() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    name = f"generated.{sys.implementation.cache_tag}.marshal"
    if sys.pycache_prefix:  # where Python is told to keep bytecode, mirrored as it does
        return os.path.join(sys.pycache_prefix, here.lstrip(os.sep), name)
    return os.path.join(here, "__pycache__", name)


_CACHE = _BytecodeCache(_cache_path())
