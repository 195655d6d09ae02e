"""One way for a window to run a service call (after Anki's `aqt.operations`).

    Operation(self, lambda: x_report(ctx, operator), failed="The X report could not be made ({exc}).")
        .success(self._show_report)
        .failure(lambda text: self.say(text, error=True))
        .run_in_background()

The one place that turns what went wrong into words for the person at the window: a
refusal (`ServiceError`) is said as the service wrote it, in the cashier's words; anything
else is logged with its traceback and said as the window's plain sentence, `failed`, with
the error's one-line text in `{exc}` (a traceback never reaches a person). A window that
shows a refusal apart from a failure says so with `.refused(cb)`; one that answers a
particular exception itself (a question to ask, a drawer to count) with `.handle(kind, cb)`.
A refusal no window shows is logged as a warning, so nothing vanishes.

Two ways to run, and which one to use:
- `run_in_background()` for work that may wait: database reads that scan, PDFs, exports,
  printing. It runs on a thread pool; the callbacks come back on the GUI thread through a
  queued signal, so they may touch widgets. A window that is gone by then gets nothing.
- `run_now()` for sub-millisecond calls where the order of key presses matters (posting a
  receipt with F12, opening a drawer): the callbacks run before it returns, so the next
  key a cashier (or a GUI test) types finds the window already in its new state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from cashdesk.services.context import DatabaseError, ServiceError
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E", bound=BaseException)

#: The sentence said when the window gives none: what failed, and what to do.
DEFAULT_FAILED = QT_TRANSLATE_NOOP("operations", "That could not be done ({exc}). Call your supervisor.")

# Its own pool: waiting for it at close waits only for the window's work. Four threads: a
# print round (short timeouts) never queues behind a deposit export or a PDF being written.
_pool = QThreadPool()
_pool.setMaxThreadCount(4)

# Operations running in the background, held here so none is collected before it reports.
_running: set[Operation[Any]] = set()


def sentence(exc: BaseException, *, failed: str = DEFAULT_FAILED, log_as: str = "an operation failed") -> str:
    """What the person at the window reads when `exc` stopped the work."""
    if isinstance(exc, ServiceError | DatabaseError):  # a database refusal (busy, disk full) is worded too
        return str(exc)
    log.error("%s", log_as, exc_info=exc)
    return translate("operations", failed).format(exc=f"{exc}" or type(exc).__name__)


class _Relay(QObject):
    """Made on the GUI thread, so the pool's signal reaches `_deliver` queued, on the GUI thread."""

    finished = Signal(object, object)  # (result, exception or None)

    def __init__(self, deliver: Callable[[Any, BaseException | None], None]) -> None:
        super().__init__()
        self._deliver_to = deliver
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, exc: BaseException | None) -> None:
        self._deliver_to(result, exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which says it; nothing vanishes here
            self._relay.finished.emit(None, exc)
            return
        self._relay.finished.emit(result, None)


class Operation(Generic[T]):
    """A service call started by a window: `success(result)` or `failure(sentence)` afterwards."""

    def __init__(self, parent: QObject, work: Callable[[], T], *, failed: str = DEFAULT_FAILED,
                 log_as: str = "") -> None:  # fmt: skip
        self._parent = parent
        self._work = work
        self._failed = failed
        self._log_as = log_as or f"{type(parent).__name__}: an operation failed"
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._on_refused: Callable[[str], None] | None = None
        self._handlers: list[tuple[type[BaseException], Callable[[Any], None]]] = []
        self._relay: _Relay | None = None
        #: After it ran: whether the work was refused or failed (its result is then None).
        self.failed = False

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> Operation[T]:
        """How the window shows what went wrong: a refusal or a failure, already in words."""
        self._on_failure = callback
        return self

    def refused(self, callback: Callable[[str], None]) -> Operation[T]:
        """For a window that shows a refusal differently from a failure (the default: as `failure`)."""
        self._on_refused = callback
        return self

    def handle(self, kind: type[E], callback: Callable[[E], None]) -> Operation[T]:
        """An exception the window answers itself, not with words (a question to ask, a drawer to
        count); checked in the order given, before the refusal and the failure."""
        self._handlers.append((kind, callback))
        return self

    def run_now(self) -> T | None:
        """On the GUI thread: the callbacks have run when it returns; the result, or None on failure."""
        try:
            result = self._work()
        except Exception as exc:  # said by `_finish`, once for every window
            self._finish(None, exc)
            return None
        self._finish(result, None)
        return result

    def run_in_background(self) -> None:
        """On the pool; the callbacks run later on the GUI thread, if the window is still there."""
        relay = _Relay(self._delivered)
        self._relay = relay
        _running.add(self)
        _pool.start(_Job(self._work, relay))

    def _delivered(self, result: Any, exc: BaseException | None) -> None:
        _running.discard(self)
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None
        if not shiboken6.isValid(self._parent):
            if exc is not None:
                sentence(exc, failed=self._failed, log_as=self._log_as)  # logged, though no one sees it
            return
        self._finish(result, exc)

    def _finish(self, result: Any, exc: BaseException | None) -> None:
        if exc is None:
            if self._on_success is not None:
                self._on_success(result)
            return
        self.failed = True
        for kind, handler in self._handlers:
            if isinstance(exc, kind):
                handler(exc)
                return
        text = sentence(exc, failed=self._failed, log_as=self._log_as)
        show = self._on_refused if isinstance(exc, ServiceError) and self._on_refused is not None else self._on_failure
        if show is not None:
            show(text)
        elif isinstance(exc, ServiceError):  # a refusal no window shows must not vanish either
            log.warning("%s: %s", self._log_as, text)


def running() -> int:
    """How many background operations have not reported yet."""
    return len(_running)


def wait_for_operations(msecs: int = 30_000) -> bool:
    """Wait for the work on the pool (at close: a thread must not outlive the window)."""
    return _pool.waitForDone(msecs)


__all__ = ["DEFAULT_FAILED", "Operation", "running", "sentence", "wait_for_operations"]
