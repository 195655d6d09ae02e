"""Loading python-escpos once, without the side effects its import has on the application.

At import, python-escpos 3.1 (escpos/capabilities.py) calls `logging.basicConfig()`, which
would copy every cashdesk warning to stderr, and caches its printer database in a new
temporary folder each time, which leaks a folder per start and parses the database again
(0.2–0.3 s). Here the cache goes to the user cache folder and the stray log handler is removed.

python-escpos writes that cache in place, not atomically: a second process importing it at the
same moment (two windows, a window and a command, the office sender) read it half written and
failed with "EOFError: Ran out of input". The import holds a lock on the cache folder, and a
cache cut short (a process killed while writing it) is removed and made again.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_lock = threading.Lock()
_loaded = False

CACHE_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def load_escpos() -> None:
    """Import python-escpos's printers and capability profiles; cheap after the first call."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        if CACHE_VARIABLE not in os.environ:
            folder = _cache_folder()
            if folder:
                os.environ[CACHE_VARIABLE] = folder
        root = logging.getLogger()
        before = list(root.handlers)
        _import_escpos(os.environ.get(CACHE_VARIABLE, ""))

        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
        _loaded = True


def _import_escpos(folder: str) -> None:
    try:
        with _folder_locked(folder):
            import escpos.capabilities  # noqa: F401
    except (EOFError, pickle.UnpicklingError):  # its cache cut short: make it again
        for name in [m for m in sys.modules if m == "escpos" or m.startswith("escpos.")]:
            del sys.modules[name]
        with _folder_locked(folder):
            for cut_short in Path(folder).glob("*.capabilities.pickle") if folder else ():
                cut_short.unlink(missing_ok=True)
            import escpos.capabilities  # noqa: F401
    import escpos.printer  # noqa: F401


@contextmanager
def _folder_locked(folder: str) -> Iterator[None]:
    """One process at a time reads or writes python-escpos's cache (where the system has flock)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; a cache cut short is still made again
        yield
        return
    if not folder:
        yield
        return
    with open(os.path.join(folder, "cache.lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _cache_folder() -> str:
    try:
        from platformdirs import user_cache_path

        folder = user_cache_path("cashdesk", appauthor=False) / "escpos"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return ""  # a read-only home: python-escpos falls back to a temporary folder
    return str(folder)
