"""What a service's result says in the window comes in the window's language: a supervisor closes the
day in Spanish by keyboard and reads the close, the export and the backup in Spanish; the supplies
screen says each movement and the paper roll in Spanish (docs/translations.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dialog_support import question_asked
from gui_support import TODAY, Keyboard, open_drawers, show_window, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_day_close_window import CTRL_SHIFT, close_drawer_of
from test_paper_warning import roll_with

from cashdesk.domain.security import Role
from cashdesk.services import supplies
from cashdesk.services.backup import DayCloseBackup
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.ui.backup_progress import BackupProgress
from cashdesk.ui.main_window import MainWindow
from cashdesk.ui.supplies import SuppliesDialog

Key = Qt.Key
SUPERVISOR = Operator("super1", Role.SUPERVISOR)


@pytest.fixture
def spanish_window(spanish: None, qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[MainWindow]:
    """The window built in Spanish, at the sign-in screen."""
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    yield main
    main.close()


def test_a_supervisor_closes_the_day_in_spanish_and_reads_what_became_of_it(
    spanish_window: MainWindow, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, tmp_path: Path
) -> None:
    window: Any = spanish_window
    window.deposits_folder = tmp_path / "deposits"
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_E, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.date_field)
    keyboard.press(Key.Key_Return)  # the day as it stands: cashier1's drawer keeps it open
    status = dialog.status_label.text()
    assert f"{TODAY:%m/%d/%Y} está abierto. Aún abiertos: estación W01, cashier1, cajón " in status
    assert "Still open" not in status and "station W01" not in status and "drawer" not in status
    keyboard.type("D-1001")
    keyboard.press(Key.Key_Return)
    keyboard.type("BAG-77")
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.working, timeout=3000)
    refusal = dialog.message_label.text()
    assert f"El día contable {TODAY} no se puede cerrar: este cajón sigue abierto: estación W01, cashier1" in refusal
    assert "Cada cajero cuadra y cierra primero su cajón." in refusal
    assert "cannot close" not in refusal and "Each cashier" not in refusal

    close_drawer_of(ctx, "cashier1")  # the cashier balances meanwhile
    for _ in range(3):  # date, ticket, bag
        keyboard.press(Key.Key_Return)
    box = question_asked(qtbot, "dayCloseQuestion")  # the key figures repeated under the question
    figures = box.informativeText()
    assert "Cajones cerrados: 1, sobrante/faltante: " in figures
    assert "Ficha de depósito D-1001, bolsa BAG-77." in figures and "Intro o Y: cerrar el día." in figures
    assert "Drawers closed" not in figures and "Deposit ticket" not in figures and "Esc: go back" not in figures
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=5000)

    said = dialog.message_label.text()
    assert said.startswith(f"Se exportó el depósito del {TODAY}: ")
    assert " en la bolsa (0 cheques), " in said and "archivos y su manifiesto en" in said
    assert "Exported the deposit" not in said and "in the bag" not in said
    assert f"{TODAY:%m/%d/%Y} está cerrado (super1)." in dialog.status_label.text()
    progress = dialog.backup_progress
    qtbot.waitUntil(lambda: progress.outcome is not None, timeout=20000)
    assert progress.label.text() == f"Copia de seguridad hecha en {progress.outcome.path}."
    assert "Backed up" not in progress.label.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)


def test_a_failed_backup_is_said_in_spanish(spanish: None, qtbot: Any, ctx: ServiceContext, tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be")
    ctx.settings = ctx.settings.with_values(backup__folder=str(tmp_path / "blocked"))
    widget = BackupProgress()
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.ended, timeout=20000):
        widget.follow(DayCloseBackup.start(ctx, "super1", dt.date(2026, 11, 25)))
    text = widget.label.text()
    assert text.startswith("La copia de seguridad automática falló: No se pudo crear la carpeta ")
    assert text.endswith("El día sigue cerrado; haga una copia de seguridad a mano (cashdesk backup).")
    assert "automatic backup failed" not in text and "by hand" not in text
    assert widget.label.property("error")


def test_the_supplies_screen_says_each_movement_in_spanish(
    spanish_window: MainWindow, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext
) -> None:
    window: Any = spanish_window
    ctx.settings = ctx.settings.with_values(supplies__roll_length_m=1)  # 263 lines a roll
    roll_with(ctx, 250)  # 5% left: under the warning level
    supplies.add_item(ctx, SUPERVISOR, "BAGS", "Deposit bags", unit="bag", minimum=5, maximum=50)
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, window, "cashier1")
    keyboard.press(Key.Key_U, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, SuppliesDialog)
    wait_for_keyboard(qtbot, dialog.table)
    paper = dialog.paper_label.text()
    assert paper.startswith("El rollo de papel de recibos de W01 está casi agotado (queda alrededor del 5%): ")
    assert "nearly used up" not in paper

    keyboard.press(Key.Key_F5)  # received
    assert dialog.ask_label.text() == "BAGS: ¿Cuántos se recibieron?"
    keyboard.type("30")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "BAGS: se recibieron 30; existencias 30."
    keyboard.press(Key.Key_F6)  # issued
    keyboard.type("4")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "BAGS: se entregaron 4; existencias 26."
    keyboard.press(Key.Key_F7)  # counted
    keyboard.type("25")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "BAGS: se contaron 25 (una diferencia de -1); existencias 25."
    assert "on hand" not in dialog.message.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)


def test_an_amended_return_and_a_cancelled_order_are_said_in_spanish(spanish: None) -> None:
    from cashdesk.domain.money import Money
    from cashdesk.domain.service_orders import FeeReversal
    from cashdesk.domain.tax_filings import FiledAt, PeriodFiled, ReturnOnRecord
    from cashdesk.domain.tax_periods import FilingPeriod
    from cashdesk.services.service_orders import Cancelled
    from cashdesk.services.tax_returns import amendment_text

    period = FilingPeriod.parse("2026-09", 20)
    at_the_window = PeriodFiled(
        "2026-09", (ReturnOnRecord(dt.date(2026, 10, 15), "2026-09", FiledAt.WINDOW, Money(0)),)
    )
    assert amendment_text(period, at_the_window) == (
        "Una declaración enmendada del periodo 2026-09; la original se presentó el 10/15/2026 (en la ventanilla). "
        "Debe la diferencia con la declaración que enmienda."
    )
    order: Any = type("Order", (), {"number": "WO-7"})()
    assert Cancelled(order, FeeReversal(Money(0), Money(0))).words == "WO-7 cancelada."
