"""The printer's words go through cashdesk.words: English as they always were until the window hands
in its translator, Spanish once it does, while the status labels stay the English constants code
compares (docs/translations.md). No Qt here: the Spanish comes from the .ts file itself."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from cashdesk import words
from cashdesk.devices.delivery import deliver
from cashdesk.devices.logo import LogoError, logo_raster
from cashdesk.devices.printers import NetworkPrinter, PrinterUnavailable, Timeouts
from cashdesk.devices.spec import open_printer
from cashdesk.devices.status import OFFLINE, PrinterStatus, parse_status
from tests.support.spanish import spanish_translator

QUICK = Timeouts(1.0, 1.0, 0.5)


@pytest.fixture
def spanish() -> Iterator[None]:
    words.set_translator(spanish_translator())
    try:
        yield
    finally:
        words.set_translator(None)


@pytest.fixture
def refusing_port() -> int:
    """A port on this computer where nothing listens: a connection is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_in_english_a_refused_connection_is_said_as_before(refusing_port: int) -> None:
    printer = NetworkPrinter("127.0.0.1", refusing_port, QUICK)
    said = f"Printer offline: the printer at 127.0.0.1:{refusing_port} refused the connection."
    with pytest.raises(PrinterUnavailable) as caught:
        printer.send(b"\x1b@")
    assert str(caught.value) == said
    status = printer.status()
    assert (status.label, status.detail) == ("Offline", said)
    assert deliver(b"\x1b@", printer).reason == said


def test_in_spanish_a_refused_connection_is_said_in_spanish_and_its_label_stays_the_constant(
    spanish: None, refusing_port: int
) -> None:
    printer = NetworkPrinter("127.0.0.1", refusing_port, QUICK)
    said = f"Impresora sin conexión: la impresora en 127.0.0.1:{refusing_port} rechazó la conexión."
    with pytest.raises(PrinterUnavailable) as caught:
        printer.send(b"\x1b@")
    assert str(caught.value) == said
    status = printer.status()
    assert status.label == OFFLINE == "Offline"  # compared in code, printed by printer-status
    assert status.detail == said
    assert deliver(b"\x1b@", printer).reason == said


def test_a_printer_that_is_not_ready_gives_its_label_as_the_reason(spanish: None) -> None:
    class OutOfPaper:
        description = "the printer at 127.0.0.1:9100"

        def status(self) -> PrinterStatus:
            return parse_status({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E})

        def send(self, data: bytes) -> None:
            raise AssertionError("a printer out of paper is sent nothing")

        def close(self) -> None:
            pass

    result = deliver(b"receipt\n", OutOfPaper())
    assert result.failed and result.reason == "Sin papel."
    assert result.status is not None and result.status.label == "Out of paper"
    words.set_translator(None)
    assert deliver(b"receipt\n", OutOfPaper()).reason == "Out of paper."


def test_the_file_printer_and_the_status_detail_in_both_languages(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "lp0"
    assert deliver(b"x", open_printer(f"file:{missing}")).reason.startswith(
        f"Printer unavailable: cannot open {missing}"
    )
    assert parse_status({}).detail == "no answer to DLE EOT 1"
    assert open_printer("none").description == "no printer"
    words.set_translator(spanish_translator())
    try:
        assert deliver(b"x", open_printer(f"file:{missing}")).reason.startswith(
            f"Impresora no disponible: no se puede abrir {missing}"
        )
        assert parse_status({}).detail == "sin respuesta a DLE EOT 1"
        assert open_printer("usb:04b8:0202").description == "la impresora USB 04b8:0202"
    finally:
        words.set_translator(None)
    assert open_printer("usb:04b8:0202").description == "the USB printer 04b8:0202"


def test_a_logo_too_big_is_refused_in_the_window_s_language(tmp_path: Path) -> None:
    path = tmp_path / "seal.png"
    Image.new("1", (600, 40), 1).save(path)
    with pytest.raises(LogoError, match="is 600×40 dots; a receipt takes at most 576×400"):
        logo_raster(path)
    words.set_translator(spanish_translator())
    try:
        with pytest.raises(LogoError, match="mide 600×40 puntos; un recibo admite como máximo 576×400"):
            logo_raster(path)
    finally:
        words.set_translator(None)
