"""What the documentation promises, read from the documentation itself.

Tests compare the library against these lists, so that a code or a rule
added to the library without its line in the docs (or the other way
round) turns a test red. Not a test module: imported by tests.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"

_CODE = re.compile(r"`([a-z_]+)`")


def _table(page: str, heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first table after ``heading`` in ``page``."""
    text = (DOCS / page).read_text(encoding="utf-8")
    after = text[text.index(heading) :]
    rows = []
    for line in after.splitlines():
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header


@cache
def problem_codes() -> frozenset[str]:
    """Every problem code docs/json.md lists (its table of codes)."""
    rows = _table("json.md", "| code | meaning |")
    return frozenset(code for row in rows for code in _CODE.findall(row[0]))


@cache
def model_only_codes() -> frozenset[str]:
    """The codes of the rules only the library checks (docs/schemas.md)."""
    rows = _table("schemas.md", "## Rules only the library checks")
    return frozenset(code for row in rows for code in _CODE.findall(row[-1]))


_PROVENANCE = re.compile(r"Fields in \*italics\* are provenance[^:]*:(.*?)\bon the", re.DOTALL)


@cache
def model_table() -> dict[str, list[str]]:
    """docs/model.md's table of types: type name -> the fields its row lists.

    A row's *provenance* stands for the fields the page's sentence on
    provenance lists (``sources``, ``inferred``, ``notes``).
    """
    text = (DOCS / "model.md").read_text(encoding="utf-8")
    found = _PROVENANCE.search(text)
    provenance = _CODE.findall(found.group(1)) if found else []
    rows = _table("model.md", "## Types")
    return {
        row[0].strip("`"): _CODE.findall(row[1]) + (provenance if "*provenance*" in row[1] else [])
        for row in rows
        if row[0].startswith("`")
    }
