"""Exporters: the outer layer that turns a programme into other formats."""

from .text import render_text

__all__ = ["render_text"]
