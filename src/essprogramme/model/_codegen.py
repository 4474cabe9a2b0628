"""A small helper for generated code that reads like code.

Like attrs' ``_make_method`` and cattrs' ``gen/_lc.py``: each generated
function gets a unique file name registered in :mod:`linecache` (tracebacks
and debuggers show the source), and the values it uses are bound under
names that say what they are (``check_id``, ``cls_Session``), not ``_n31``.
"""

from __future__ import annotations

import itertools
import linecache
import re
from typing import Any

__all__ = ["Source"]

_serial = itertools.count(1)
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
        """Compile the source and return the function called ``function``."""
        source = "\n".join(self.lines) + "\n"
        filename = f"<essprogramme {self.title} #{next(_serial)}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        namespace = dict(self.names)
        exec(compile(source, filename, "exec"), namespace)
        return namespace[function]

    def text(self) -> str:
        """The source, for reading and tests."""
        return "\n".join(self.lines) + "\n"
