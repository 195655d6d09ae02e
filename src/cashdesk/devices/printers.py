"""The printers a spec can name, each with `send(data)` and `status()` and short timeouts.

`send` raises a `PrinterError` whose text is meant for the cashier, in the window's language
(cashdesk.words; English on the command line); `status` never raises.
Nothing here waits on a device without a deadline: the print-queue worker must come back
from a printer that is off, unplugged, or takes the connection and never answers.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import re
import select
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from cashdesk.devices.escpos_import import load_escpos
from cashdesk.devices.escpos_text import page_name, read_escpos
from cashdesk.devices.status import (
    NO_PRINTER,
    PDF_FOLDER,
    PrinterStatus,
    is_status_byte,
    parse_status,
    status_query,
)
from cashdesk.words import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds to wait: to connect, to hand over a job, and for each status answer."""

    connect: float = 2.0
    write: float = 2.0
    read: float = 0.5

    @property
    def total(self) -> float:
        return self.connect + self.write + 4 * self.read


DEFAULT_TIMEOUTS = Timeouts()


class PrinterError(Exception):
    """A printer fault. `str(error)` says what happened in the cashier's words."""


class PrinterUnavailable(PrinterError):
    """The printer cannot be reached or opened: off, unplugged, a wrong address, or no driver."""


class PrinterNotAnswering(PrinterError):
    """The printer took the connection but stopped taking data or answering within the timeout."""


class PrinterConnectionLost(PrinterError):
    """The connection closed before the whole job was handed over: the job is not delivered."""


class PrinterAnswerLost(PrinterNotAnswering):
    """The whole job went out but the printer did not answer after it within the timeout: it
    may or may not be on paper, so it is neither delivered nor to be sent again by itself
    (docs/printers.md). A connection that breaks instead is `PrinterConnectionLost`."""


class Printer(Protocol):
    """What the print-queue worker needs of a printer."""

    @property
    def description(self) -> str: ...

    def send(self, data: bytes) -> None: ...

    def status(self) -> PrinterStatus: ...

    def close(self) -> None: ...


# -- network: raw TCP, port 9100 ----------------------------------------------------------------


class NetworkPrinter:
    """An ESC/POS printer on the network (raw TCP, usually port 9100), one connection per call.

    A fresh connection for every status check and every job means no connection goes stale
    between receipts. After a job, `send` asks for the printer status on the same connection
    and waits for the answer: the printer answers a real-time query only once it has read
    every byte before it, so an answer is the only acknowledgement ESC/POS offers that the
    whole job arrived.
    """

    def __init__(
        self,
        host: str,
        port: int,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        *,
        drawer_open_high: bool = True,
        confirm: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.timeouts = timeouts
        self.drawer_open_high = drawer_open_high
        self.confirm = confirm

    @property
    def description(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return translate("printers", "the printer at {address}").format(address=f"{host}:{self.port}")

    def _address(self) -> str:
        """The host's address, looked up with a deadline: a name lookup can hang for many seconds."""
        try:
            ipaddress.ip_address(self.host.partition("%")[0])
            return self.host
        except ValueError:
            pass

        def look_up() -> str:
            return str(socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)[0][4][0])

        try:
            return _before(self.timeouts.connect, look_up, f"looking up {self.host}")
        except PrinterError:
            raise PrinterUnavailable(
                translate(
                    "printers",
                    "Printer offline: cannot find the printer's address {host} "
                    "(the name lookup failed or took too long).",
                ).format(host=self.host)
            ) from None

    def _connect(self) -> socket.socket:
        address = self._address()
        try:
            sock = socket.create_connection((address, self.port), timeout=self.timeouts.connect)
        except ConnectionRefusedError:
            raise PrinterUnavailable(
                translate("printers", "Printer offline: {printer} refused the connection.").format(
                    printer=self.description
                )
            ) from None
        except TimeoutError:
            raise PrinterUnavailable(
                translate("printers", "Printer offline: {printer} did not answer within {seconds:g} s.").format(
                    printer=self.description, seconds=self.timeouts.connect
                )
            ) from None
        except OSError as exc:
            raise PrinterUnavailable(
                translate("printers", "Printer offline: cannot reach {printer} ({why}).").format(
                    printer=self.description, why=_why(exc)
                )
            ) from None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _query(self, sock: socket.socket, numbers: Iterable[int]) -> dict[int, int]:
        replies: dict[int, int] = {}
        for n in numbers:
            self._write(sock, status_query(n))
            replies[n] = self._read_status_byte(sock)
        return replies

    def _write(self, sock: socket.socket, data: bytes) -> None:
        sock.settimeout(self.timeouts.write)
        try:
            sock.sendall(data)
        except TimeoutError:
            raise PrinterNotAnswering(
                translate("printers", "Printer not answering: {printer} stopped taking data.").format(
                    printer=self.description
                )
            ) from None
        except OSError as exc:
            raise PrinterConnectionLost(_closed(self.description, exc)) from None

    def _read_status_byte(self, sock: socket.socket) -> int:
        sock.settimeout(self.timeouts.read)
        for _ in range(16):  # skip anything else the printer volunteers (automatic status back)
            try:
                chunk = sock.recv(1)
            except TimeoutError:
                raise PrinterNotAnswering(
                    translate(
                        "printers", "Printer not answering: {printer} took the connection but did not answer."
                    ).format(printer=self.description)
                ) from None
            except OSError as exc:
                raise PrinterConnectionLost(_closed(self.description, exc)) from None
            if not chunk:
                raise PrinterConnectionLost(
                    translate("printers", "Printer connection lost: {printer} closed the connection.").format(
                        printer=self.description
                    )
                )
            if is_status_byte(chunk[0]):
                return chunk[0]
        raise PrinterNotAnswering(
            translate("printers", "Printer not answering: {printer} does not answer status queries.").format(
                printer=self.description
            )
        )

    def status(self) -> PrinterStatus:
        try:
            with self._connect() as sock:
                replies = self._query(sock, (1, 2, 3, 4))
        except PrinterUnavailable as exc:
            return PrinterStatus.unreachable(str(exc))
        except PrinterError as exc:
            return PrinterStatus.not_answering(str(exc))
        return parse_status(replies, drawer_open_high=self.drawer_open_high)

    def send(self, data: bytes) -> None:
        with self._connect() as sock:
            self._write(sock, data)
            if self.confirm:
                try:
                    self._query(sock, (1,))
                except PrinterNotAnswering:
                    raise PrinterAnswerLost(
                        translate(
                            "printers",
                            "Printer did not confirm: the whole receipt went to {printer}, "
                            "but it did not answer after it.",
                        ).format(printer=self.description)
                    ) from None
            # OSError: the printer already closed its side after answering; the job is in.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        pass  # no connection is kept between calls


# -- a device file: /dev/usb/lp0, a Windows port, or a plain file -------------------------------


class FilePrinter:
    """Appends each job to a file or device file. A device that will not take data times out."""

    def __init__(self, path: str, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> None:
        self.path = path
        self.timeouts = timeouts

    @property
    def description(self) -> str:
        return translate("printers", "the printer file {path}").format(path=self.path)

    def send(self, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        nonblocking = getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags | nonblocking, 0o644)
        except OSError as exc:
            raise PrinterUnavailable(
                translate("printers", "Printer unavailable: cannot open {path} ({why}).").format(
                    path=self.path, why=_why(exc)
                )
            ) from None
        try:
            _write_before(fd, data, self.timeouts.write, self.description, can_wait=bool(nonblocking))
        finally:
            os.close(fd)

    def status(self) -> PrinterStatus:
        return PrinterStatus.unknown()

    def close(self) -> None:
        pass


def _write_before(fd: int, data: bytes, timeout: float, what: str, *, can_wait: bool) -> None:
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            if not can_wait or not select.select([], [fd], [], timeout)[1]:
                raise PrinterNotAnswering(
                    translate("printers", "Printer not answering: {printer} is not taking data.").format(printer=what)
                ) from None
            continue
        except OSError as exc:
            raise PrinterConnectionLost(
                translate("printers", "Printer connection lost: writing to {printer} failed ({why}).").format(
                    printer=what, why=_why(exc)
                )
            ) from None
        view = view[written:]


# -- a folder of PDFs ---------------------------------------------------------------------------


class PdfFolderPrinter:
    """A virtual printer: each receipt in a job becomes a PDF in the folder, named by its number;
    a slip or report by what it is (`drop-slip-12.pdf`, `z-report-W01-drawer-3.pdf`).

    The PDF is made by `pdf_writer(text)`, which the caller supplies (the documents layer
    has the ReportLab code; devices does not import it). A drawer kick prints nothing.
    """

    def __init__(self, folder: str, pdf_writer: Callable[[str], bytes], *, width_chars: int = 42) -> None:
        self.folder = Path(folder)
        self.pdf_writer = pdf_writer
        self.width_chars = width_chars

    @property
    def description(self) -> str:
        return translate("printers", "the PDF folder {folder}").format(folder=self.folder)

    def send(self, data: bytes) -> None:
        printout = read_escpos(data, strict=False, width=self.width_chars)
        pages = printout.pages
        if not pages:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrinterUnavailable(
                translate("printers", "Printer unavailable: cannot make {folder} ({why}).").format(
                    folder=self.folder, why=_why(exc)
                )
            ) from None
        barcodes = printout.barcodes if len(printout.barcodes) == len(pages) else [""] * len(pages)
        for text, barcode in zip(pages, barcodes, strict=True):
            name = page_name(text, barcode)
            pdf = self.pdf_writer(text)
            self._write_new(_safe_name(name), pdf)

    def _write_new(self, stem: str, pdf: bytes) -> Path:
        # A reprint of the same receipt gets -2, -3, ...; an existing file is never overwritten.
        for count in range(1, 10_000):
            path = self.folder / (f"{stem}.pdf" if count == 1 else f"{stem}-{count}.pdf")
            try:
                with open(path, "xb") as fh:
                    fh.write(pdf)
                return path
            except FileExistsError:
                continue
            except OSError as exc:
                raise PrinterUnavailable(
                    translate("printers", "Printer unavailable: cannot write {path} ({why}).").format(
                        path=path, why=_why(exc)
                    )
                ) from None
        raise PrinterUnavailable(
            translate("printers", "Printer unavailable: too many copies of {name} in {folder}.").format(
                name=stem, folder=self.folder
            )
        )

    def status(self) -> PrinterStatus:
        return PrinterStatus.unknown(PDF_FOLDER)

    def close(self) -> None:
        pass


def _safe_name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")
    return name[:80] or "receipt"


# -- none ---------------------------------------------------------------------------------------


class NullPrinter:
    """No printer at this station: jobs are accepted and dropped."""

    @property
    def description(self) -> str:
        return translate("printers", "no printer")

    def send(self, data: bytes) -> None:
        pass

    def status(self) -> PrinterStatus:
        return PrinterStatus.unknown(NO_PRINTER)

    def close(self) -> None:
        pass


# -- python-escpos drivers: USB, serial, CUPS, Windows ----------------------------------------------

_INSTALL_HINT = {
    "usb": QT_TRANSLATE_NOOP("printers", "the pyusb package and libusb"),
    "serial": QT_TRANSLATE_NOOP("printers", "the pyserial package"),
    "cups": QT_TRANSLATE_NOOP("printers", "the pycups package and a CUPS server"),
    "win32": QT_TRANSLATE_NOOP("printers", "Windows and the pywin32 package"),
}


class EscposDriverPrinter:
    """A printer reached through one of python-escpos's drivers, loaded only when first used.

    The drivers can block inside a system call (a USB write, a serial port waiting for
    flow control, a print spooler), so every call runs in a helper thread with a deadline;
    the caller is told the printer is not answering instead of waiting with it.
    """

    def __init__(
        self,
        kind: str,
        open_driver: Callable[[], Any],
        description: str,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        *,
        drawer_open_high: bool = True,
        can_query: bool = False,
    ) -> None:
        self.kind = kind
        self._open_driver = open_driver
        self._description = description
        self.timeouts = timeouts
        self.drawer_open_high = drawer_open_high
        self.can_query = can_query

    @property
    def description(self) -> str:
        return self._description

    def _driver(self) -> Any:
        try:
            driver = self._open_driver()
        except PrinterError:
            raise
        except Exception as exc:  # python-escpos raises its own errors and whatever the library under it does
            raise PrinterUnavailable(
                translate("printers", "Printer unavailable: cannot open {printer} ({why}).").format(
                    printer=self.description, why=_why(exc)
                )
            ) from None
        return driver

    def send(self, data: bytes) -> None:
        def job() -> None:
            driver = self._driver()
            try:
                driver._raw(data)  # python-escpos 3 has no public raw write
            finally:
                driver.close()  # a CUPS or Windows job is handed to the spooler here

        _before(self.timeouts.total, job, self.description)

    def status(self) -> PrinterStatus:
        if not self.can_query:
            return PrinterStatus.unknown()

        def ask() -> dict[int, int]:
            driver = self._driver()
            try:
                replies = {}
                for n in (1, 2, 3, 4):
                    driver._raw(status_query(n))
                    answer = bytes(driver._read())
                    if not answer or not is_status_byte(answer[0]):
                        break
                    replies[n] = answer[0]
                return replies
            finally:
                driver.close()

        try:
            replies = _before(self.timeouts.total, ask, self.description)
        except PrinterUnavailable as exc:
            return PrinterStatus.unreachable(str(exc))
        except PrinterError as exc:
            return PrinterStatus.not_answering(str(exc))
        except Exception as exc:  # a driver failing mid-query is a printer not answering
            return PrinterStatus.not_answering(_why(exc))
        return parse_status(replies, drawer_open_high=self.drawer_open_high)

    def close(self) -> None:
        pass


def _before(deadline: float, work: Callable[[], T], what: str) -> T:
    """Run `work` in a helper thread; give up waiting for it after `deadline` seconds."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # handed to the caller below
            failure.append(exc)

    thread = threading.Thread(target=run, name="cashdesk-printer", daemon=True)
    thread.start()
    thread.join(deadline)
    if thread.is_alive():
        log.warning("%s did not finish within %.1f s; left behind", what, deadline)
        raise PrinterNotAnswering(
            translate("printers", "Printer not answering: {printer} did not finish within {seconds:g} s.").format(
                printer=what, seconds=deadline
            )
        )
    if failure:
        exc = failure[0]
        if isinstance(exc, PrinterError):
            raise exc
        raise PrinterConnectionLost(
            translate("printers", "Printer connection lost: {printer} failed ({why}).").format(
                printer=what, why=_why(exc)
            )
        ) from None
    return result[0]


def driver_opener(kind: str, profile: str, timeouts: Timeouts, **args: Any) -> Callable[[], Any]:
    """A function that opens the python-escpos driver for `kind`, or says what is missing."""

    def open_driver() -> Any:
        load_escpos()
        import escpos.printer as drivers

        by_kind = {"usb": drivers.Usb, "serial": drivers.Serial, "cups": drivers.CupsPrinter, "win32": drivers.Win32Raw}
        cls = by_kind[kind]
        if not cls.is_usable():
            raise PrinterUnavailable(
                translate(
                    "printers", "Printer unavailable: this computer cannot print to {kind} printers; it needs {what}."
                ).format(kind=kind, what=translate("printers", _INSTALL_HINT[kind]))
            )
        if kind == "usb":
            driver = cls(args["vendor_id"], args["product_id"], timeout=int(timeouts.write * 1000), profile=profile)
        elif kind == "serial":
            driver = cls(args["device"], baudrate=args["baud"], timeout=timeouts.read, profile=profile)
        else:
            driver = cls(args["name"], profile=profile)
        driver.open()
        if kind == "serial":
            driver.device.write_timeout = timeouts.write  # python-escpos sets only the read timeout
        return driver

    return open_driver


def _closed(what: str, exc: OSError) -> str:
    return translate("printers", "Printer connection lost: {printer} closed the connection ({why}).").format(
        printer=what, why=_why(exc)
    )


def _why(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text.strip().rstrip(".")
