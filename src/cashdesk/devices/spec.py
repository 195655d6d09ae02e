"""Printer spec strings ("network:10.0.0.41", "usb:04b8:0202", "none", ...) and opening the printer one names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cashdesk.devices.escpos_profiles import check_profile
from cashdesk.devices.printers import (
    DEFAULT_TIMEOUTS,
    EscposDriverPrinter,
    FilePrinter,
    NetworkPrinter,
    NullPrinter,
    PdfFolderPrinter,
    Printer,
    Timeouts,
    driver_opener,
)
from cashdesk.words import QT_TRANSLATE_NOOP, translate

DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
KINDS = ("network", "usb", "serial", "file", "cups", "win32", "pdf", "none")

SPEC_FORMS = (
    "network:HOST[:PORT], usb:VENDOR:PRODUCT, serial:DEVICE[:BAUD], file:PATH, "
    "cups:QUEUE, win32:NAME, pdf:FOLDER or none"
)

_HEX_ID = re.compile(r"(?:0[xX])?([0-9A-Fa-f]{1,4})")
_HOST = re.compile(r"[A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class PrinterSpec:
    """Where the printer is. `str(spec)` gives the spec back in its canonical form."""

    kind: str
    host: str = ""  # network
    port: int = 0  # network
    vendor_id: int = 0  # usb
    product_id: int = 0  # usb
    device: str = ""  # serial
    baud: int = 0  # serial
    path: str = ""  # file, pdf folder
    name: str = ""  # cups queue, Windows printer

    def __str__(self) -> str:
        if self.kind == "network":
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"network:{host}:{self.port}"
        if self.kind == "usb":
            return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind == "serial":
            return f"serial:{self.device}:{self.baud}"
        if self.kind in ("file", "pdf"):
            return f"{self.kind}:{self.path}"
        if self.kind in ("cups", "win32"):
            return f"{self.kind}:{self.name}"
        return "none"


def parse_printer_spec(text: str) -> PrinterSpec:
    """Read a spec as a person writes it in the settings or CASHDESK_PRINTER."""
    if not isinstance(text, str):
        raise TypeError("a printer spec is text")
    raw = text.strip()
    if not raw:
        raise ValueError(translate("spec", "No printer is set. Use {forms}.").format(forms=SPEC_FORMS))
    if raw.lower() == "none":
        return PrinterSpec("none")
    kind, colon, rest = raw.partition(":")
    kind = kind.strip().lower()
    if not colon or kind not in KINDS or kind == "none":
        raise _not_a_spec(raw)
    rest = rest.strip()
    if not rest:
        raise _not_a_spec(
            raw,
            translate("spec", "{kind}: needs {what} after the colon").format(
                kind=kind, what=translate("spec", _WHAT[kind])
            ),
        )
    if kind == "network":
        return _network(raw, rest)
    if kind == "usb":
        return _usb(raw, rest)
    if kind == "serial":
        return _serial(raw, rest)
    if kind in ("file", "pdf"):
        return PrinterSpec(kind, path=rest)
    return PrinterSpec(kind, name=rest)


_WHAT = {
    "network": QT_TRANSLATE_NOOP("spec", "a host name or address"),
    "usb": QT_TRANSLATE_NOOP("spec", "the vendor and product ids in hex, like 04b8:0202"),
    "serial": QT_TRANSLATE_NOOP("spec", "a serial device, like /dev/ttyS0 or COM1"),
    "file": QT_TRANSLATE_NOOP("spec", "a path"),
    "cups": QT_TRANSLATE_NOOP("spec", "a CUPS queue name"),
    "win32": QT_TRANSLATE_NOOP("spec", "a Windows printer name"),
    "pdf": QT_TRANSLATE_NOOP("spec", "a folder"),
}


def _not_a_spec(raw: str, reason: str = "") -> ValueError:
    shown = raw if len(raw) <= 60 else raw[:59] + "…"
    if reason:
        said = translate("spec", '"{spec}" is not a printer spec: {reason}. Use {forms}.')
    else:
        said = translate("spec", '"{spec}" is not a printer spec. Use {forms}.')
    return ValueError(said.format(spec=shown, reason=reason, forms=SPEC_FORMS))


def _network(raw: str, rest: str) -> PrinterSpec:
    port_text = ""
    if rest.startswith("["):  # [IPv6]:port
        host, bracket, after = rest[1:].partition("]")
        if not bracket or (after and not after.startswith(":")):
            raise _not_a_spec(raw, translate("spec", "an IPv6 address goes in brackets, like [fd00::41]:9100"))
        port_text = after[1:]
        if not host or not re.fullmatch(r"[0-9A-Fa-f:.%a-zA-Z]+", host):
            raise _not_a_spec(raw, translate("spec", "the address in brackets is not an IPv6 address"))
    elif rest.count(":") == 1:
        host, _, port_text = rest.partition(":")
        if not _HOST.fullmatch(host):
            raise _not_a_spec(raw, translate("spec", '"{host}" is not a host name or address').format(host=host))
    elif rest.count(":") > 1:
        raise _not_a_spec(raw, translate("spec", "an IPv6 address goes in brackets, like [fd00::41]:9100"))
    else:
        host = rest
        if not _HOST.fullmatch(host):
            raise _not_a_spec(raw, translate("spec", '"{host}" is not a host name or address').format(host=host))
    port = DEFAULT_PORT
    if port_text or rest.endswith(":"):
        if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise _not_a_spec(raw, translate("spec", "the port must be a number from 1 to 65535"))
        port = int(port_text)
    return PrinterSpec("network", host=host, port=port)


def _usb(raw: str, rest: str) -> PrinterSpec:
    parts = rest.split(":")
    ids = [_HEX_ID.fullmatch(part.strip()) for part in parts]
    if len(parts) != 2 or not all(ids):
        raise _not_a_spec(raw, translate("spec", "usb: needs the vendor and product ids in hex, like usb:04b8:0202"))
    vendor, product = (int(m.group(1), 16) for m in ids if m is not None)
    if not vendor or not product:
        raise _not_a_spec(raw, translate("spec", "a USB vendor or product id is never 0000"))
    return PrinterSpec("usb", vendor_id=vendor, product_id=product)


def _serial(raw: str, rest: str) -> PrinterSpec:
    device, baud = rest, DEFAULT_BAUD
    head, colon, tail = rest.rpartition(":")
    if colon and tail.isascii() and tail.isdigit():
        device, baud = head.strip(), int(tail)
        if baud not in BAUD_RATES:
            rates = ", ".join(str(rate) for rate in BAUD_RATES)
            raise _not_a_spec(raw, translate("spec", "the baud rate must be one of {rates}").format(rates=rates))
    if not device:
        raise _not_a_spec(raw, translate("spec", "serial: needs a device, like /dev/ttyS0 or COM1"))
    return PrinterSpec("serial", device=device, baud=baud)


def open_printer(
    spec: str | PrinterSpec,
    profile: str = "default",
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    *,
    drawer_open_high: bool = True,
    confirm: bool = True,
    pdf_writer: Callable[[str], bytes] | None = None,
    width_chars: int = 42,
) -> Printer:
    """The printer a spec names. Nothing is opened or connected until it is used.

    `confirm=False` is for a network printer that does not answer DLE EOT status queries
    (some cheap ones, or with real-time commands switched off): jobs are then sent without
    a check before or an answer after. `pdf_writer(text) -> bytes` makes the PDF of one
    receipt for `pdf:` printers; the caller passes `cashdesk.documents.receipt_pdf.receipt_pdf`,
    and `width_chars` lets it centre lines as the paper would.
    """
    if isinstance(spec, str):
        spec = parse_printer_spec(spec)
    check_profile(profile)
    if spec.kind == "network":
        return NetworkPrinter(spec.host, spec.port, timeouts, drawer_open_high=drawer_open_high, confirm=confirm)
    if spec.kind == "file":
        return FilePrinter(spec.path, timeouts)
    if spec.kind == "pdf":
        if pdf_writer is None:
            raise ValueError("A pdf: printer needs pdf_writer (cashdesk.documents.receipt_pdf.receipt_pdf).")
        return PdfFolderPrinter(spec.path, pdf_writer, width_chars=width_chars)
    if spec.kind == "none":
        return NullPrinter()
    if spec.kind == "usb":
        opener = driver_opener("usb", profile, timeouts, vendor_id=spec.vendor_id, product_id=spec.product_id)
        what = translate("spec", "the USB printer {ids}").format(ids=f"{spec.vendor_id:04x}:{spec.product_id:04x}")
    elif spec.kind == "serial":
        opener = driver_opener("serial", profile, timeouts, device=spec.device, baud=spec.baud)
        what = translate("spec", "the serial printer on {device}").format(device=spec.device)
    elif spec.kind in ("cups", "win32"):
        opener = driver_opener(spec.kind, profile, timeouts, name=spec.name)
        what = translate("spec", 'the printer "{name}"').format(name=spec.name)
    else:  # pragma: no cover - parse_printer_spec makes only the kinds above
        raise ValueError(f"unknown printer kind {spec.kind}")
    return EscposDriverPrinter(
        spec.kind,
        opener,
        what,
        timeouts,
        drawer_open_high=drawer_open_high,
        can_query=spec.kind in ("usb", "serial"),
    )
