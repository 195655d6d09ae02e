"""Handing one print job to a printer: what the print-queue worker calls, job by job.

`deliver` never raises for a printer fault; it says whether the job was delivered and, if
not, why, in words for the status bar (in the window's language: cashdesk.words).
docs/printers.md explains why a job counts as delivered only once the printer has answered
after it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from cashdesk.devices.drawer import is_realtime_kick
from cashdesk.devices.printers import Printer, PrinterAnswerLost, PrinterError
from cashdesk.devices.status import PrinterStatus
from cashdesk.words import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    delivered: bool
    reason: str = ""  # why not, for a person: "Out of paper.", "Printer offline: ..."
    status: PrinterStatus | None = None  # what the printer said before the job, when asked
    #: The whole job went out but the printer did not answer after it: on paper or not, nobody knows.
    uncertain: bool = False

    @property
    def failed(self) -> bool:
        return not self.delivered


def deliver(job: bytes, printer: Printer, *, before_send: Callable[[], None] | None = None) -> DeliveryResult:
    """Send one job if the printer can print it now; otherwise leave it for a retry.

    A printer that is out of paper or has its cover open would keep the bytes in its buffer
    and print them whenever someone fixes it, perhaps after the job was retried and printed
    elsewhere, so such a printer is sent nothing. A connection that breaks while the job is
    going out counts as not delivered: the job is retried. One that closes or goes silent
    after the whole job went out, before the printer answered, is `uncertain`: the job may
    be on paper, so the queue leaves it for a person (Retry or Dismiss), and no receipt
    prints twice by itself. A real-time drawer kick (DLE DC4) goes to a printer that
    answers even while it is out of paper or its cover is open.

    `before_send` runs once the printer said it is ready, right before the first byte goes
    out (the queue marks the job "printing" there); if it raises, nothing is sent.
    """
    if not isinstance(job, bytes | bytearray | memoryview):
        raise TypeError("a print job is bytes")
    status = printer.status()
    if is_realtime_kick(bytes(job)):
        # DLE DC4 is acted on at once, even by a printer offline for paper or its cover.
        ready = not status.known or (status.answering and not status.error)
    else:
        ready = status.ready
    if not ready:
        log.info("not sending a job to %s: %s (%s)", printer.description, status.label, status.detail)
        # A sentence, as the banner shows it before "The payments are saved ...".
        return DeliveryResult(False, status.detail or translate("status", status.label) + ".", status)
    if before_send is not None:
        before_send()
    try:
        printer.send(bytes(job))
    except PrinterAnswerLost as exc:
        log.warning("job sent to %s without an answer after it: %s", printer.description, exc)
        return DeliveryResult(False, str(exc), status, uncertain=True)
    except PrinterError as exc:
        log.warning("job not delivered to %s: %s", printer.description, exc)
        return DeliveryResult(False, str(exc), status)
    except OSError as exc:  # a device layer that let a system error through is still a printer fault
        log.warning("job not delivered to %s: %s", printer.description, exc)
        return DeliveryResult(
            False, translate("delivery", "Printer fault: {why}").format(why=exc.strerror or exc), status
        )
    return DeliveryResult(True, "", status)
