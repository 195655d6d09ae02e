"""Noticing that nobody has touched the station: no key, click, wheel or mouse move for a while.

An application-wide event filter restarts a single-shot timer on every input event, in any
window or dialog; `idle` fires when the timer runs out. It only filters while armed, so a
station at the sign-in or lock screen pays nothing for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """`idle` fires after `timeout_ms` without keyboard or mouse input once `start()` is called."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if timeout_ms <= 0:
            raise ValueError("the idle time-out must be above 0 ms")
        self._timer = QTimer(self)
        self._timer.setObjectName("idleTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._ran_out)
        self._armed = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def armed(self) -> bool:
        return self._armed

    def start(self) -> None:
        """Watch from now on; the time-out counts from this moment."""
        if not self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._armed = True
        self._timer.start()

    def stop(self) -> None:
        if self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False  # only watching; every event goes on to where it was going

    def _ran_out(self) -> None:
        if self._armed:
            self.stop()
            self.idle.emit()
