"""Loading python-escpos once, without the side effects its import has on the application.

At import, python-escpos 3.1 (escpos/capabilities.py) calls `logging.basicConfig()`, which
would copy every cashdesk warning to stderr, and caches its printer database in a new
temporary folder each time, which leaks a folder per start and parses the database again
(0.2–0.3 s). Here the cache goes to the user cache folder and the stray log handler is removed.
"""

from __future__ import annotations

import logging
import os
import threading

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
        import escpos.capabilities  # noqa: F401
        import escpos.printer  # noqa: F401

        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
        _loaded = True


def _cache_folder() -> str:
    try:
        from platformdirs import user_cache_path

        folder = user_cache_path("cashdesk", appauthor=False) / "escpos"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return ""  # a read-only home: python-escpos falls back to a temporary folder
    return str(folder)
