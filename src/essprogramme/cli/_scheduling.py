"""``essprogramme conflicts`` and ``essprogramme slots``: scheduling from the command line."""

from __future__ import annotations

from typing import Any

__all__ = ["add_commands"]


def add_commands(commands: Any) -> None:
    """Add the scheduling commands to the command line's sub-commands."""
