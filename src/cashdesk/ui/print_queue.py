"""Printing in the background: rounds of `deliver_queued` off the GUI thread, the banner and the status.

The payment is committed before anything prints, so the window never waits on the printer.
After each payment, on Retry, and on a timer (every few seconds while jobs wait, now and then
otherwise) a round runs in its own thread: it hands the station's queued jobs to the
printer with short timeouts and reports what is still waiting and what the printer said.
A job cut off by a crash while it was being sent is reported as uncertain: the banner asks
the cashier to look at the printer, then Retry (send it again) or Dismiss (it did print).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from cashdesk.devices.status import (
    COVER_OPEN,
    NO_PRINTER,
    NOT_ANSWERING,
    OFFLINE,
    ONLINE,
    PAPER_LOW,
    PAPER_OUT,
    PDF_FOLDER,
    PRINTER_ERROR,
    STATUS_UNKNOWN,
)
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.rounds import Rounds

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext

log = logging.getLogger(__name__)

#: While jobs wait: how often to try again.
RETRY_MS = 5_000
#: With nothing waiting: how often to ask the printer how it is (paper low, cover open).
STATUS_MS = 30_000

#: Labels with which a printer would print: jobs that wait are "not printing" for another reason.
_PRINTING_LABELS = (ONLINE, PAPER_LOW, STATUS_UNKNOWN, "")
#: How the headline says each other label ("Printer {state} — …"): the label in lower case in English,
#: each written to fit the sentence in a translation ("Impresora con la tapa abierta").
_STATES = {
    PAPER_OUT: QT_TRANSLATE_NOOP("print_queue", "out of paper"),
    COVER_OPEN: QT_TRANSLATE_NOOP("print_queue", "cover open"),
    PRINTER_ERROR: QT_TRANSLATE_NOOP("print_queue", "printer error"),
    OFFLINE: QT_TRANSLATE_NOOP("print_queue", "offline"),
    NOT_ANSWERING: QT_TRANSLATE_NOOP("print_queue", "not answering"),
    NO_PRINTER: QT_TRANSLATE_NOOP("print_queue", "no printer"),
    PDF_FOLDER: QT_TRANSLATE_NOOP("print_queue", "pdf folder"),
}


@dataclass(frozen=True, slots=True)
class PrintRound:
    """What one round did and found."""

    delivered: int
    waiting: int  # jobs still queued at this station (receipts, slips, drawer kicks)
    receipts_waiting: int
    problem: str  # why delivery stopped, or a receipt that could not be printed; "" when everything went out
    status_label: str  # the printer's own word, in English (devices.status): Online, Offline, Out of paper, ...
    uncertain: int = 0  # jobs cut off by a crash while being sent: a person checks the printer
    receipts_uncertain: int = 0

    @property
    def uncertain_text(self) -> str:
        """ "1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss"; "" if none."""
        if not self.uncertain:
            return ""
        # Each sentence whole, so a translation need not build "receipt" + "s" (a word the window shows).
        if self.receipts_uncertain == 1:
            return translate(
                "print_queue", "1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss"
            )
        if self.receipts_uncertain:
            return translate(
                "print_queue",
                "{n} receipts may not have printed: check the printer, then Retry reprints them or Dismiss",
            ).format(n=self.receipts_uncertain)
        if self.uncertain == 1:
            return translate(
                "print_queue", "1 print job may not have printed: check the printer, then Retry reprints it or Dismiss"
            )
        return translate(
            "print_queue", "{n} print jobs may not have printed: check the printer, then Retry reprints them or Dismiss"
        ).format(n=self.uncertain)

    @property
    def headline(self) -> str:
        """ "Printer offline — 2 receipts waiting"; the uncertain jobs first; "" when nothing waits."""
        if self.uncertain:
            return self.uncertain_text
        if not self.waiting:
            # Nothing waits, yet something went wrong: a receipt that could not be rendered.
            return translate("print_queue", "A receipt did not print") if self.problem else ""
        label = self.status_label
        if label in _PRINTING_LABELS:
            state = translate("print_queue", "not printing")
        elif label in _STATES:
            state = translate("print_queue", _STATES[label])
        else:
            state = translate("status", label).lower()
        if self.receipts_waiting:
            what = translate("print_queue", "{receipts_waiting} receipt{value2} waiting").format(
                receipts_waiting=self.receipts_waiting, value2="s" if self.receipts_waiting != 1 else ""
            )
        else:
            what = translate("print_queue", "{waiting} print job{value2} waiting").format(
                waiting=self.waiting, value2="s" if self.waiting != 1 else ""
            )
        return translate("print_queue", "Printer {state} — {what}").format(state=state, what=what)


def print_round(ctx: ServiceContext) -> PrintRound:
    """One delivery round (runs in a worker thread): deliver what waits, then say how things stand."""
    from cashdesk.services.printing import deliver_queued, queue_state, station_printer

    try:
        printer = station_printer(ctx)
    except ValueError as exc:  # a printer setting that cannot be used: the jobs wait
        state = queue_state(ctx)
        return PrintRound(
            0,
            state.waiting,
            state.receipts_waiting,
            translate("print_queue", "The printer setting cannot be used: {exc}").format(exc=exc),
            NO_PRINTER,
            state.uncertain,
            state.receipts_uncertain,
        )
    try:
        result = deliver_queued(ctx, printer)
        status = result.status if result.status is not None else printer.status()
    finally:
        printer.close()
    state = queue_state(ctx)
    return PrintRound(result.delivered, state.waiting, state.receipts_waiting, result.problem, status.label,
                      state.uncertain, state.receipts_uncertain)  # fmt: skip


class PrintQueue(Rounds):
    """Runs delivery rounds one at a time off the GUI thread and reports each one (a PrintRound):
    after each payment, on Retry, every few seconds while jobs wait, now and then otherwise."""

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QObject | None = None,
        *,
        retry_ms: int = RETRY_MS,
        status_ms: int = STATUS_MS,
    ) -> None:
        super().__init__(parent, timer_name="printTimer", log_as="print round failed")
        self._ctx = ctx
        self._retry_ms = retry_ms
        self._status_ms = status_ms
        self.last: PrintRound | None = None

    def work(self) -> PrintRound:
        return print_round(self._ctx)

    def reported(self, result: PrintRound) -> None:
        if result.problem:
            log.info("printing stopped: %s (%d waiting)", result.problem, result.waiting)

    def failed_round(self, message: str) -> PrintRound:
        # The database or the printer layer failed under the worker; report it like a printer fault.
        last = self.last
        waiting = last.waiting if last else 1
        receipts = last.receipts_waiting if last else 0
        uncertain = (last.uncertain, last.receipts_uncertain) if last else (0, 0)
        return PrintRound(
            0,
            max(waiting, 1),
            receipts,
            translate("print_queue", "Printing failed: {message}").format(message=message),
            PRINTER_ERROR,
            *uncertain,
        )

    def pause_ms(self, result: PrintRound) -> int:
        return self._retry_ms if result.waiting else self._status_ms


__all__ = ["PrintQueue", "PrintRound", "print_round"]
