"""Printer spec strings, and what open_printer makes of them without a real printer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cashdesk.devices.delivery import deliver
from cashdesk.devices.drawer import drawer_kick
from cashdesk.devices.printers import PrinterUnavailable, Timeouts
from cashdesk.devices.receipt import render_escpos, sample_receipt
from cashdesk.devices.spec import PrinterSpec, open_printer, parse_printer_spec

FORMS = (
    "Use network:HOST[:PORT], usb:VENDOR:PRODUCT, serial:DEVICE[:BAUD], file:PATH, cups:QUEUE, win32:NAME, "
    "pdf:FOLDER or none."
)


@pytest.mark.parametrize(
    ("text", "spec", "canonical"),
    [
        ("network:10.0.0.41", PrinterSpec("network", host="10.0.0.41", port=9100), "network:10.0.0.41:9100"),
        ("network:receipt-w01.city.local:9101", PrinterSpec("network", host="receipt-w01.city.local", port=9101), None),
        ("  NETWORK:printer  ", PrinterSpec("network", host="printer", port=9100), "network:printer:9100"),
        ("network:[fd00::41]:9100", PrinterSpec("network", host="fd00::41", port=9100), None),
        ("network:[fd00::41]", PrinterSpec("network", host="fd00::41", port=9100), "network:[fd00::41]:9100"),
        ("usb:04b8:0202", PrinterSpec("usb", vendor_id=0x04B8, product_id=0x0202), None),
        ("usb:0x04B8:0x0E15", PrinterSpec("usb", vendor_id=0x04B8, product_id=0x0E15), "usb:04b8:0e15"),
        ("serial:/dev/ttyS0", PrinterSpec("serial", device="/dev/ttyS0", baud=9600), "serial:/dev/ttyS0:9600"),
        ("serial:COM3:19200", PrinterSpec("serial", device="COM3", baud=19200), None),
        ("file:/dev/usb/lp0", PrinterSpec("file", path="/dev/usb/lp0"), None),
        (r"file:C:\receipts\out.bin", PrinterSpec("file", path=r"C:\receipts\out.bin"), None),
        ("cups:Receipt_W01", PrinterSpec("cups", name="Receipt_W01"), None),
        ("win32:EPSON TM-T88V Receipt", PrinterSpec("win32", name="EPSON TM-T88V Receipt"), None),
        ("pdf:/srv/receipts", PrinterSpec("pdf", path="/srv/receipts"), None),
        ("none", PrinterSpec("none"), None),
        ("None", PrinterSpec("none"), "none"),
    ],
)
def test_specs_that_parse(text: str, spec: PrinterSpec, canonical: str | None) -> None:
    assert parse_printer_spec(text) == spec
    assert str(spec) == (canonical or text)
    assert parse_printer_spec(str(spec)) == spec


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "No printer is set"),
        ("lpt1", '"lpt1" is not a printer spec. '),
        ("10.0.0.41", '"10.0.0.41" is not a printer spec. '),
        ("tcp:10.0.0.41", '"tcp:10.0.0.41" is not a printer spec. '),
        ("none:", '"none:" is not a printer spec. '),
        ("network:", "network: needs a host name or address"),
        ("network:printer:0", "the port must be a number from 1 to 65535"),
        ("network:printer:65536", "the port must be a number from 1 to 65535"),
        ("network:printer:http", "the port must be a number from 1 to 65535"),
        ("network:printer:", "the port must be a number from 1 to 65535"),
        ("network:fd00::41", "an IPv6 address goes in brackets"),
        ("network:[fd00::41", "an IPv6 address goes in brackets"),
        ("network:my printer", '"my printer" is not a host name'),
        ("usb:04b8", "vendor and product ids in hex"),
        ("usb:04b8:0202:1", "vendor and product ids in hex"),
        ("usb:epson:tm88", "vendor and product ids in hex"),
        ("usb:0000:0202", "never 0000"),
        ("serial:/dev/ttyS0:1234", "the baud rate must be one of"),
        ("serial::9600", "serial: needs a device"),
        ("file:", "file: needs a path"),
        ("cups:", "cups: needs a CUPS queue name"),
        ("pdf:  ", "pdf: needs a folder"),
    ],
)
def test_specs_that_do_not(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_printer_spec(text)
    message = str(caught.value)
    assert reason in message
    assert message.endswith(FORMS)


def test_open_printer_checks_the_profile() -> None:
    with pytest.raises(ValueError, match="not a printer profile"):
        open_printer("none", "no-such-printer")


def test_none_takes_jobs_and_drops_them() -> None:
    printer = open_printer("none")
    result = deliver(render_escpos(sample_receipt()), printer)
    assert result.delivered
    assert printer.status().label == "No printer"


def test_file_appends_each_job(tmp_path: Path) -> None:
    path = tmp_path / "printer.bin"
    printer = open_printer(f"file:{path}")
    receipt, kick = render_escpos(sample_receipt()), drawer_kick()
    assert deliver(receipt, printer).delivered
    assert deliver(kick, printer).delivered
    assert path.read_bytes() == receipt + kick
    assert printer.status().label == "Status unknown"


def test_file_in_a_missing_folder_is_not_delivered(tmp_path: Path) -> None:
    result = deliver(b"x", open_printer(f"file:{tmp_path / 'no' / 'such' / 'dir' / 'lp0'}"))
    assert result.failed and "cannot open" in result.reason


def test_pdf_needs_a_writer() -> None:
    with pytest.raises(ValueError, match="pdf_writer"):
        open_printer("pdf:/tmp/receipts")


@pytest.mark.parametrize("spec", ["usb:04b8:0202", "serial:/dev/ttyS99", "cups:Receipt", "win32:Receipt"])
def test_a_driver_this_computer_lacks_is_named_and_not_waited_on(spec: str) -> None:
    printer = open_printer(spec, "TM-T88V", Timeouts(0.5, 0.5, 0.2))
    started = time.monotonic()
    with pytest.raises(PrinterUnavailable) as caught:
        printer.send(b"\x1b@")
    assert "this computer cannot print to" in str(caught.value) or "cannot open" in str(caught.value)
    result = deliver(b"\x1b@", printer)
    assert result.failed and result.reason
    assert time.monotonic() - started < 3
