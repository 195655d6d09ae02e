"""Printer status from DLE EOT real-time queries, and the short label the status bar shows.

A printer answers each DLE EOT n with one byte of the form 0xx1xx10 (binary):

- n=1 printer: bit 2 drawer connector pin 3 level, bit 3 offline, bit 5 waiting to recover;
- n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped at
  paper end, bit 6 an error;
- n=3 error cause: bit 3 cutter error, bit 5 unrecoverable error, bit 6 auto-recoverable
  error (print head too hot, cover opened while printing);
- n=4 paper roll: bits 2–3 paper near its end, bits 5–6 paper out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cashdesk.words import QT_TRANSLATE_NOOP, translate

QUERY_PRINTER = 1
QUERY_OFFLINE_CAUSE = 2
QUERY_ERROR_CAUSE = 3
QUERY_PAPER = 4


def status_query(n: int) -> bytes:
    """DLE EOT n."""
    if n not in (1, 2, 3, 4):
        raise ValueError(f"DLE EOT asks for status 1 to 4, not {n}")
    return bytes((0x10, 0x04, n))


def is_status_byte(value: int) -> bool:
    """Bits 0, 4, 1 and 7 are fixed in every DLE EOT answer; anything else is not one."""
    return value & 0b1001_0011 == 0b0001_0010


# Labels, most urgent first; `label` picks the first that applies. They stay English (code compares
# them, the printer-status command prints them); the window shows `translate("status", label)`.
ONLINE = QT_TRANSLATE_NOOP("status", "Online")
PAPER_LOW = QT_TRANSLATE_NOOP("status", "Paper low")
PAPER_OUT = QT_TRANSLATE_NOOP("status", "Out of paper")
COVER_OPEN = QT_TRANSLATE_NOOP("status", "Cover open")
PRINTER_ERROR = QT_TRANSLATE_NOOP("status", "Printer error")
OFFLINE = QT_TRANSLATE_NOOP("status", "Offline")
NOT_ANSWERING = QT_TRANSLATE_NOOP("status", "Not answering")
NO_PRINTER = QT_TRANSLATE_NOOP("status", "No printer")
STATUS_UNKNOWN = QT_TRANSLATE_NOOP("status", "Status unknown")
#: A PDF folder's label: a printer that cannot be asked, taken as ready.
PDF_FOLDER = QT_TRANSLATE_NOOP("status", "PDF folder")


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the printer said about itself.

    `known` is False for printers that cannot be asked (a file, a CUPS queue, a Windows
    printer, a PDF folder, none); such a printer is taken as ready and its label says so.
    """

    answering: bool = True
    online: bool = True
    cover_open: bool = False
    paper_low: bool = False
    paper_out: bool = False
    drawer_open: bool = False
    error: bool = False
    known: bool = True
    detail: str = ""  # why it is not answering, in words (the window's language): the log, the banner, the command
    unknown_label: str = STATUS_UNKNOWN  # a label like the others: English, marked in context "status"

    @classmethod
    def not_answering(cls, detail: str = "") -> PrinterStatus:
        return cls(answering=False, online=False, detail=detail)

    @classmethod
    def unreachable(cls, detail: str = "") -> PrinterStatus:
        """The connection itself failed: switched off, unplugged, or a wrong address."""
        return cls(answering=True, online=False, detail=detail)

    @classmethod
    def unknown(cls, label: str = STATUS_UNKNOWN) -> PrinterStatus:
        return cls(known=False, unknown_label=label)

    @property
    def ready(self) -> bool:
        """A job sent now would print: answering, online, paper in, cover shut, no error."""
        if not self.known:
            return True
        return self.answering and self.online and not (self.cover_open or self.paper_out or self.error)

    @property
    def label(self) -> str:
        if not self.known:
            return self.unknown_label
        if not self.answering:
            return NOT_ANSWERING
        if self.cover_open:
            return COVER_OPEN
        if self.paper_out:
            return PAPER_OUT
        if self.error:
            return PRINTER_ERROR
        if not self.online:
            return OFFLINE
        if self.paper_low:
            return PAPER_LOW
        return ONLINE


def parse_status(replies: Mapping[int, int], *, drawer_open_high: bool = True) -> PrinterStatus:
    """A status from the answers to DLE EOT 1–4 (query number → answer byte).

    Answers that are missing count as nothing wrong, except the printer status itself (1):
    without it the printer is not answering. Whether the drawer switch reads high or low
    when the drawer is open depends on the drawer; `drawer_open_high` says which.
    """
    for n, value in replies.items():
        if n not in (1, 2, 3, 4) or not 0 <= value <= 255 or not is_status_byte(value):
            raise ValueError(f"{value!r} is not an answer to DLE EOT {n}")
    if QUERY_PRINTER not in replies:
        return PrinterStatus.not_answering(translate("status", "no answer to DLE EOT 1"))
    printer = replies[QUERY_PRINTER]
    offline = replies.get(QUERY_OFFLINE_CAUSE, 0x12)
    error = replies.get(QUERY_ERROR_CAUSE, 0x12)
    paper = replies.get(QUERY_PAPER, 0x12)
    pin_high = bool(printer & 0x04)
    return PrinterStatus(
        answering=True,
        online=not printer & 0x08,
        cover_open=bool(offline & 0x04),
        paper_out=bool(paper & 0x60) or bool(offline & 0x20),
        paper_low=bool(paper & 0x0C),
        drawer_open=pin_high if drawer_open_high else not pin_high,
        error=bool(offline & 0x40) or bool(error & 0x68),
    )
