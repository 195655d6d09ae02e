"""The printer's words in the window's language: with the window in Spanish, a printer that refuses
the connection or is out of paper is said in Spanish in the status bar and the printer banner (the
labels of devices.status, the printer's refusals, the delivery's reasons); in English, as before
(docs/translations.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from gui_support import open_drawers, operator, show_window

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
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.ui.i18n import install_language
from cashdesk.ui.main_window import MainWindow
from cashdesk.ui.print_queue import PrintRound
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

#: The English of every printer word the window shows for these faults; none of it may show in Spanish.
ENGLISH_WORDS = ("Printer", "printer", "Offline", "offline", "refused", "Out of paper", "paper", "waiting")


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def _window(qtbot: Any, ctx: ServiceContext, language: str) -> Iterator[MainWindow]:
    """The window built in `language` (as at the start of a station set to it); English afterwards."""
    assert install_language(language)
    try:
        main = MainWindow(ctx, print_retry_ms=250)
        qtbot.addWidget(main)
        show_window(qtbot, main)
        yield main
        main.close()
    finally:
        install_language("en")


@pytest.fixture
def spanish_window(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[MainWindow]:
    yield from _window(qtbot, ctx, "es")


@pytest.fixture
def english_window(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[MainWindow]:
    yield from _window(qtbot, ctx, "en")


def _a_receipt_waits_for(
    mode: str, window: MainWindow, ctx: ServiceContext, emulator: PrinterEmulator, qtbot: Any
) -> None:
    """The printer falls into `mode`, a payment is taken, and the print worker has tried it: the banner is up."""
    emulator.set_mode(mode)
    open_drawers(ctx, "cashier1")
    post_receipt(ctx, operator("cashier1"), Cart((AccountPayment("1001", Money(9180)),)),
                 [Tender(TenderKind.CASH, Money(10000))])  # fmt: skip
    window.print_queue.start()
    qtbot.waitUntil(lambda: window.printer_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.print_queue.busy, timeout=10_000)


def _shown(window: MainWindow) -> str:
    return " | ".join(
        label.text() for label in (window.printer_label, window.printer_banner_label, window.printer_banner_detail)
    )


def test_a_printer_refusing_the_connection_is_said_in_spanish(
    spanish_window: MainWindow, ctx: ServiceContext, qtbot: Any,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = spanish_window
    _a_receipt_waits_for("offline", window, ctx, printer_emulator, qtbot)
    assert window.printer_label.text() == "Impresora: Sin conexión"
    assert window.printer_banner_label.text() == "Impresora sin conexión — Recibos en espera: 1"
    assert window.printer_banner_detail.text().startswith(
        f"Impresora sin conexión: la impresora en 127.0.0.1:{printer_emulator.port} rechazó la conexión. "
        "Los pagos están guardados; los recibos se imprimen cuando vuelva la impresora."
    )
    shown = _shown(window)
    assert [word for word in ENGLISH_WORDS if word in shown] == [], shown


def test_a_printer_out_of_paper_is_said_in_spanish(
    spanish_window: MainWindow, ctx: ServiceContext, qtbot: Any,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = spanish_window
    _a_receipt_waits_for("paper_out", window, ctx, printer_emulator, qtbot)
    assert window.printer_label.text() == "Impresora: Sin papel"
    assert window.printer_banner_label.text() == "Impresora sin papel — Recibos en espera: 1"
    assert window.printer_banner_detail.text().startswith("Sin papel. Los pagos están guardados;")
    shown = _shown(window)
    assert [word for word in ENGLISH_WORDS if word in shown] == [], shown

    printer_emulator.set_mode("normal")  # paper in: the worker's own timer prints it
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible(), timeout=10_000)
    assert window.printer_label.text() == "Impresora: En línea"


def test_in_english_the_printer_says_what_it_said_before(
    english_window: MainWindow, ctx: ServiceContext, qtbot: Any,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = english_window
    _a_receipt_waits_for("offline", window, ctx, printer_emulator, qtbot)
    assert window.printer_label.text() == "Printer: Offline"
    assert window.printer_banner_label.text() == "Printer offline — 1 receipt waiting"
    assert window.printer_banner_detail.text().startswith(
        f"Printer offline: the printer at 127.0.0.1:{printer_emulator.port} refused the connection. "
        "The payments are saved; the receipts print when the printer is back."
    )


# -- the headline for every label ---------------------------------------------------------------------

HEADLINES = {
    ONLINE: ("Printer not printing — 2 receipts waiting", "Impresora sin imprimir — Recibos en espera: 2"),
    PAPER_LOW: ("Printer not printing — 2 receipts waiting", "Impresora sin imprimir — Recibos en espera: 2"),
    STATUS_UNKNOWN: ("Printer not printing — 2 receipts waiting", "Impresora sin imprimir — Recibos en espera: 2"),
    PAPER_OUT: ("Printer out of paper — 2 receipts waiting", "Impresora sin papel — Recibos en espera: 2"),
    COVER_OPEN: ("Printer cover open — 2 receipts waiting", "Impresora con la tapa abierta — Recibos en espera: 2"),
    PRINTER_ERROR: ("Printer printer error — 2 receipts waiting", "Impresora con un error — Recibos en espera: 2"),
    OFFLINE: ("Printer offline — 2 receipts waiting", "Impresora sin conexión — Recibos en espera: 2"),
    NOT_ANSWERING: ("Printer not answering — 2 receipts waiting", "Impresora sin respuesta — Recibos en espera: 2"),
    NO_PRINTER: ("Printer no printer — 2 receipts waiting", "Impresora no configurada — Recibos en espera: 2"),
    PDF_FOLDER: ("Printer pdf folder — 2 receipts waiting", "Impresora (carpeta de PDF) — Recibos en espera: 2"),
}


def test_the_banner_headline_says_each_printer_label_in_the_window_s_language(qapp: object) -> None:
    def headline(label: str) -> str:
        return PrintRound(0, 2, 2, "why", label).headline

    assert {label: headline(label) for label in HEADLINES} == {label: said[0] for label, said in HEADLINES.items()}
    try:
        assert install_language("es")
        assert {label: headline(label) for label in HEADLINES} == {label: said[1] for label, said in HEADLINES.items()}
    finally:
        install_language("en")


UNCERTAIN = {
    (1, 1): (
        "1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss",
        "Puede que 1 recibo no se haya impreso: revise la impresora; luego Reintentar lo reimprime, o Descartar",
    ),
    (3, 2): (
        "2 receipts may not have printed: check the printer, then Retry reprints them or Dismiss",
        "Puede que 2 recibos no se hayan impreso: revise la impresora; luego Reintentar los reimprime, o Descartar",
    ),
    (2, 0): (
        "2 print jobs may not have printed: check the printer, then Retry reprints them or Dismiss",
        "Puede que 2 trabajos de impresión no se hayan impreso: revise la impresora; luego Reintentar los "
        "reimprime, o Descartar",
    ),
}


def test_a_receipt_cut_off_mid_send_is_said_whole_in_the_window_s_language(qapp: object) -> None:
    def headline(uncertain: int, receipts: int) -> str:
        return PrintRound(0, 0, 0, "", ONLINE, uncertain, receipts).headline

    assert {key: headline(*key) for key in UNCERTAIN} == {key: said[0] for key, said in UNCERTAIN.items()}
    try:
        assert install_language("es")
        assert {key: headline(*key) for key in UNCERTAIN} == {key: said[1] for key, said in UNCERTAIN.items()}
    finally:
        install_language("en")
