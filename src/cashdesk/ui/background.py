"""Running slow service calls off the GUI thread; the result comes back as a signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)


class BackgroundCall(QThread):
    """Calls `work()` in its own thread.

    `succeeded(result)` or `failed(message)` is delivered in the thread that owns this
    object (the GUI thread), so slots may touch widgets. Whoever starts it calls
    `wait()` before the program ends; a running QThread must never be destroyed.
    """

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], *, what: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._work = work
        self._what = what
        self.setObjectName(what)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the window; a background failure must not vanish
            log.exception("%s failed", self._what)
            self.failed.emit(f"{exc}" or type(exc).__name__)
            return
        self.succeeded.emit(result)
