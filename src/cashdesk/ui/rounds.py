"""Work that repeats in the background: one round at a time off the GUI thread (ui.operations),
again right after the running one when kicked, and on a timer between rounds.

The print queue (ui/print_queue.py) and the office sender (ui/office_sender.py) are rounds: the
window never waits on the printer or the network, and each round's result is reported by a
signal on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cashdesk.ui.operations import Operation, wait_for_operations


class Rounds(QObject):
    """Subclasses say what a round does (`work`, run in a worker thread), what a failed round
    reports (`failed_round`) and how long to wait before the next (`pause_ms`)."""

    #: After each round: what it reported.
    round_done = Signal(object)

    def __init__(self, parent: QObject | None, *, timer_name: str, log_as: str) -> None:
        super().__init__(parent)
        self._running: Operation[Any] | None = None
        self._again = False
        self._stopped = True
        self._log_as = log_as
        self.last: Any = None
        self.rounds = 0
        self._timer = QTimer(self)
        self._timer.setObjectName(timer_name)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.kick)

    # -- what a subclass says -----------------------------------------------------------------------

    def work(self) -> Any:
        """One round (runs in a worker thread)."""
        raise NotImplementedError

    def failed_round(self, message: str) -> Any:
        """What to report when a round failed under the worker (the message in words)."""
        raise NotImplementedError

    def pause_ms(self, result: Any) -> int:
        """How long to wait after `result` before the next round."""
        raise NotImplementedError

    def reported(self, result: Any) -> None:
        """A hook for a subclass, before the result is signalled (logging)."""

    # -- the rounds -------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._running is not None

    def start(self) -> None:
        """Begin (or begin again after `stop`) with a round now."""
        self._stopped = False
        self.kick()

    def kick(self) -> None:
        """A round now, or right after the one running."""
        if self._stopped:
            return
        self._timer.stop()
        if self._running is not None:
            self._again = True
            return
        self._again = False
        self._running = Operation(self, self.work, failed="{exc}", log_as=self._log_as)
        self._running.success(self._done).failure(self._failed).run_in_background()

    def _done(self, result: Any) -> None:
        self.last = result
        self.rounds += 1
        self.reported(result)
        self.round_done.emit(result)
        self._finished()

    def _failed(self, message: str) -> None:
        self._done(self.failed_round(message))

    def _finished(self) -> None:
        self._running = None
        if self._stopped:
            return
        if self._again:
            self.kick()
            return
        self._timer.start(self.pause_ms(self.last))

    def stop(self) -> None:
        """No more rounds; waits for the one running."""
        self._stopped = True
        self._timer.stop()
        if self._running is not None:
            wait_for_operations()


__all__ = ["Rounds"]
