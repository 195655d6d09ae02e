"""Logging to a rotating file in the user log folder. Never log card numbers or passwords."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

_configured = False


def log_folder() -> Path:
    env = os.environ.get("CASHDESK_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_log_path

    return user_log_path("cashdesk", appauthor=False)


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "cashdesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the window
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("cashdesk")
    root.setLevel(level)
    root.addHandler(handler)
