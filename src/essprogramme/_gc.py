"""Pausing the cyclic garbage collector while large, acyclic results are built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large, acyclic result is built.

    Decoding, encoding and the scheduling sweeps allocate hundreds of
    thousands of containers that the collector would scan again and again
    (it triggers on allocations), yet what they build is acyclic data:
    reference counting frees it. The collector is resumed afterwards if it
    was running; this is process-wide state, so a thread running meanwhile
    sees it paused, which delays collection and changes nothing else.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
