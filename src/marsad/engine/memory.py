"""Memory an engine frees, handed back to the system."""

from __future__ import annotations

import contextlib
import ctypes
import sys


def release_freed_memory() -> None:
    """Give freed memory back to the system (after a window of pages, a chunk of story vectors, a
    batch of dossiers). glibc keeps freed blocks for reuse, and
    the pool's result thread unpickles each window in an arena of its own, so without this the
    resident size grows with the run's length although its live data does not (measured: 532 MB
    after two windows of 256 pages without, 337 MB with)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # another C library (musl): nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)
